"""MkDocs hooks: wire MkDocs events to the kennisbank package. No content rules live here.

The hooks hold one reference, to the :class:`~kennisbank.session.BuildSession` of this
``mkdocs`` process (made in ``on_startup``): everything kept between builds lives there, and what
one build knows lives in its ``build`` (made fresh in ``on_config``).
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank import madepages, navcache
from kennisbank.cms import BUNDLE_DIR, bundle_files
from kennisbank.dirty import cards_changed, unchanged_pages
from kennisbank.frontmatter import escape_meta, hand_written_meta
from kennisbank.markup import sanitize_page
from kennisbank.model import Kind
from kennisbank.problems import Level, Problem, sort_problems, summary_line
from kennisbank.redirects import Redirect, load_redirects
from kennisbank.search import SEARCH_DIR, IndexBesideBuild, SearchIndexError, index_in_background
from kennisbank.searchindex import write_index
from kennisbank.session import BuildSession, CurrentBuild
from kennisbank.share import PUBLISH_ENV, SITE_URL_ENV, normal_site_url, publication_problem
from kennisbank.site import Site, load_site
from kennisbank.urls import path_to_src, src_for_redirect

log = logging.getLogger("mkdocs.plugins.kennisbank")
_DOCS_DIR = "docs"
WATCHED = (*(k.folder for k in Kind), "data", "schema")
_session = BuildSession()
"""Replaced in on_startup, once per mkdocs process (a serve rebuild keeps it)."""


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _site() -> Site:
    site = _session.build.site
    assert site is not None, "on_config sets the site before any page is made"
    return site


def on_startup(command: str, dirty: bool) -> None:
    global _session
    _session = BuildSession(log=log)


def on_shutdown() -> None:
    global _session
    _stop_search()
    _session = BuildSession(log=log)  # drop everything the process kept


class _GeneratedPage(File):
    """A generated page. In a ``--dirty`` build (``mkdocs serve --dirty``) MkDocs asks whether it
    changed; it did not when it shows the same cards as in the last build into this directory."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


def _report(problems: list[Problem]) -> None:
    for problem in sort_problems(problems):
        # Warnings (review due, readability) are hints for editors: shown, but never fail --strict.
        (log.error if problem.level is Level.ERROR else log.info)(str(problem))
    if any(p.level is Level.ERROR for p in problems):
        raise PluginError(f"De bouw stopt: los eerst de fouten hierboven op. {summary_line(problems)}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check everything before MkDocs reads a single page: MkDocs would follow a link out of the
    repository (or walk a looping folder link forever), and mkdocs-macros would run a page's
    Jinja. The same problems as ``kennisbank check``, all at once."""
    if config.site_url:
        config.site_url = normal_site_url(config.site_url)
    if os.environ.get(PUBLISH_ENV, "") not in ("", "0"):
        why = publication_problem(config.site_url or "")
        if why:
            raise PluginError(
                f"Deze bouw is voor publicatie ({PUBLISH_ENV}), maar {why}. Zet {SITE_URL_ENV} op het "
                "adres waarop de site echt staat, bijvoorbeeld https://kennisbank.voorbeeldgemeente.nl/ "
                "(in GitHub Actions komt het van actions/configure-pages)."
            )
    _session.build = CurrentBuild()
    site = load_site(_root(config), config.site_url or "/", _session)
    _session.build.site = site
    _report(site.result.problems)
    if "macros" in config.plugins:
        _register_macro(config.plugins["macros"])
    return config


def _register_macro(macros: Any) -> None:
    """The one macro hand-written pages may use (opt-in per page, see ``pages.py``):
    ``{{ kennisbank('knelpunten') }}`` inserts a generated fragment."""

    def kennisbank(blok: str) -> Markup:
        renderer = _site().renderer
        if renderer is None:
            return Markup("")
        page = getattr(macros, "page", None)
        return Markup(renderer.block(blok, page.url if page else ""))

    macros.register_macros({"kennisbank": kennisbank})


@event_priority(100)  # before mkdocs-redirects, so it sees the generated card pages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _site()
    previous = _session.last_built(config.site_dir)
    same = unchanged_pages(previous, site)
    in_nav = madepages.nav_sources(config.nav)
    for page in site.pages.values():
        file = _GeneratedPage.generated(config, page.src_uri, content=page.source())
        assert isinstance(file, _GeneratedPage)  # File.generated makes an instance of cls
        file.unchanged = page.src_uri in same
        files.append(file)
        madepages.make_page(file, config, page.front_matter(), in_nav)
    if cards_changed(previous, site):
        # Hand-written pages that show cards (through the macro): drop their old output, so a
        # --dirty build makes them again. A clean build empties the directory anyway.
        for file in files.documentation_pages():
            if file.abs_src_path and "kennisbank(" in file.content_string:
                Path(file.abs_dest_path).unlink(missing_ok=True)
    for path, make in site.files.items():
        files.append(File.generated(config, path, content=make()))
    root = _root(config)
    source = str((root / BUNDLE_DIR).parent)
    for bundled in bundle_files(root):  # the form at /admin/, when `make cms` made it
        files.append(File(f"admin/{bundled.as_posix()}", source, config.site_dir, use_directory_urls=False))
    known = {f.src_uri for f in files.documentation_pages()}
    redirects, problems = load_redirects(root, known)
    _report(problems)
    _session.build.redirects = redirects
    if "redirects" in config.plugins:
        config.plugins["redirects"].config["redirect_maps"] = {
            src_for_redirect(r.old): path_to_src(r.new, known) for r in redirects
        }
    if previous is None or not (Path(config.site_dir) / SEARCH_DIR).is_dir():
        # A whole build (not a --dirty rebuild while serving): index each page as it is written.
        try:
            _session.build.search = IndexBesideBuild()
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from exc
    return files


def on_env(env: Any, **_: Any) -> Any:
    """Material's templates too are compiled once per process, not again on every rebuild; its
    navigation is rendered once per folder for the pages outside it."""
    env.bytecode_cache = _session.templates
    navcache.reuse_nav(env)
    return env


@event_priority(100)  # before mkdocs-macros renders anything
def on_page_markdown(markdown: str, page: Page, **_: Any) -> str:
    """Hand-written pages: front matter is text (escaped once, as generated pages have it)."""
    if page.file.src_uri not in _site().pages:
        escape_meta(page.meta)
    return markdown


def on_page_context(context: Any, page: Page, **_: Any) -> Any:
    """No two pages may share a ``<title>``: in tabs, search results and link previews they
    could not be told apart. Cards are checked for this already; this also covers the rest."""
    text = html.unescape(str(page.meta.get("title") or page.title or ""))
    shown = f"{_DOCS_DIR}/{page.file.src_path}" if page.file.abs_src_path else f"/{page.url}"
    first = _session.build.titles.setdefault(" ".join(text.casefold().split()), shown)
    if first != shown:
        # Said at the hand-written page if there is one: that is where an editor changes it.
        here, other = (first, shown) if first.startswith(f"{_DOCS_DIR}/") else (shown, first)
        log.error(
            f"{here}:1:1: de paginatitel '{text}' wordt ook gebruikt door {other} "
            "(geef elke pagina een eigen titel)"
        )
    return context


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    generated = _site().pages.get(page.file.src_uri)
    if generated is not None:
        return generated.render()
    hand_written_meta(page.meta, _site().result.catalogue, page.is_homepage)  # dates for the sitemap
    return sanitize_page(html_text)


@event_priority(-100)  # after every other plugin: the page as it is written
def on_post_page(output: str, page: Page, **_: Any) -> str:
    search = _session.build.search
    if search is not None and "data-pagefind-body" in output:  # Pagefind skips pages without
        search.add(page.file.dest_uri, output)
    return output


@event_priority(-100)  # after mkdocs-redirects wrote its pages
def on_post_build(config: MkDocsConfig) -> None:
    renderer = _site().renderer
    if renderer is None:
        _stop_search()
        return
    redirect: Redirect
    for redirect in _session.build.redirects:
        target = Path(config.site_dir) / redirect.old.strip("/") / "index.html"
        target.write_text(renderer.redirect(redirect.old, redirect.new), encoding="utf-8")
    site_dir = Path(config.site_dir)
    _session.remember_built(config.site_dir, _site())
    search, _session.build.search = _session.build.search, None
    if search is None:
        # A --dirty rebuild while serving: the page is there at once, search follows shortly.
        index_in_background(site_dir, log, _session.indexer, also=lambda: write_index(site_dir))
        return
    log.info(f"Zoekindex van de site: {write_index(site_dir)}")  # zoeken/index.json, for zoeken.js
    try:
        log.info(f"Zoekindex: {search.write(site_dir / SEARCH_DIR)}")
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc


def _stop_search() -> None:
    search, _session.build.search = _session.build.search, None
    if search is not None:
        search.close()


def on_build_error(error: Exception, **_: Any) -> None:
    _stop_search()


def on_serve(server: Any, config: MkDocsConfig, **_: Any) -> Any:
    root = _root(config)
    for folder in WATCHED:
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server
