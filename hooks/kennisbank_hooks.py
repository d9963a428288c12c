"""MkDocs hooks: wire MkDocs events to the kennisbank package. No content rules live here."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank.model import Kind
from kennisbank.problems import Level, summary_line
from kennisbank.site import Site, load_site

log = logging.getLogger("mkdocs.plugins.kennisbank")
WATCHED = (*(k.folder for k in Kind), "data", "schema")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _site(config: MkDocsConfig) -> Site:
    return load_site(_root(config))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _site(config)
    for problem in site.result.problems:
        # Warnings (review due, readability) are hints for editors: shown, but never fail --strict.
        (log.error if problem.level is Level.ERROR else log.info)(str(problem))
    if site.renderer is None:
        raise PluginError(f"De kaarten bevatten fouten. {summary_line(site.result.problems)}")
    for page in site.pages.values():
        files.append(File.generated(config, page.src_uri, content=page.source()))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    generated = _site(config).pages.get(page.file.src_uri)
    return generated.render() if generated else html


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    root = _root(config)
    for folder in WATCHED:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
