"""What one ``mkdocs`` process keeps between builds: the one owner of all build state.

``mkdocs serve --dirty`` rebuilds after every save. Re-checking, re-rendering and re-exporting
only what changed needs the previous build's results; everything that is kept lives here, made
once per process (the hooks' ``on_startup``) and passed explicitly to whatever uses it. Nothing
else in the package keeps state between calls, so a test or the CLI that passes no session gets
a build from scratch.

Cached results are keyed by the digest of a card's bytes and the rules it was checked against
(:attr:`CheckCache` computes it), never by object identity.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from kennisbank.build.dirty import TEMPLATES, fingerprint
from kennisbank.checking.rules import CheckCache, rules_key
from kennisbank.model import day
from kennisbank.model.types import Kind
from kennisbank.output.memo import CardTexts, TextMemo
from kennisbank.output.render import Renderer
from kennisbank.output.search import BackgroundIndexer, IndexBesideBuild
from kennisbank.output.site import Site, check_site, data_files, site_pages


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, keyed by template name and source checksum: a rebuild
    while serving (a new Jinja environment each time) does not compile every template again."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


@dataclass
class CurrentBuild:
    """What one build (one run through the MkDocs events) knows; made fresh in ``on_config``."""

    site: Site | None = None
    redirects: list[Any] = field(default_factory=list)
    search: IndexBesideBuild | None = None
    """The search index made beside this build; None in a --dirty rebuild while serving."""
    titles: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildSession:
    """Everything kept between builds of one process. ``checks``: the outcome of checking each
    card file; ``texts``: per-card texts; ``sites``: the last site per (root, address) and its
    fingerprint; ``built``: the site last written into each output folder."""

    checks: CheckCache = field(default_factory=dict)
    texts: TextMemo = field(default_factory=TextMemo)
    templates: TemplateCache = field(default_factory=TemplateCache)
    sites: dict[tuple[Path, str], tuple[object, Site]] = field(default_factory=dict)
    built: dict[str, Site] = field(default_factory=dict)
    indexer: BackgroundIndexer = field(default_factory=BackgroundIndexer)
    build: CurrentBuild = field(default_factory=CurrentBuild)
    log: logging.Logger = field(default_factory=lambda: logging.getLogger("mkdocs.plugins.kennisbank"))

    def last_built(self, site_dir: str) -> Site | None:
        return self.built.get(os.path.realpath(site_dir))

    def remember_built(self, site_dir: str, site: Site) -> None:
        self.built[os.path.realpath(site_dir)] = site


def load_site(
    root: Path, site_url: str = "/", session: BuildSession | None = None, today: dt.date | None = None
) -> Site:
    """Check all cards and prepare the pages. With a ``session`` (``mkdocs serve``) the site is
    reused until a card, page, list, schema or template changes, and unchanged cards are neither
    checked nor rendered again; without one everything is made afresh. ``today``: the day to
    check against (:func:`kennisbank.model.day.today` when not given)."""
    session = session or BuildSession()
    root = root.resolve()
    today = today or day.today()
    rules = rules_key(root, today)
    inputs = (site_url, today, rules, fingerprint(root, TEMPLATES))
    # docs/ too: its pages are checked (front matter, macros), though no card page shows them.
    key = (inputs, fingerprint(root, (*(k.folder for k in Kind), "docs")))
    cached = session.sites.get((root, site_url))
    if cached and cached[0] == key:
        return cached[1]
    result = check_site(root, today=today, cache=session.checks, rules=rules)
    session.texts.keep(set(result.digests.items()))
    if result.catalogue is None:
        site = Site(result, None, {}, {})
    else:
        texts = CardTexts(session.texts, result.digests, inputs)
        renderer = Renderer(root, result.catalogue, site_url, texts, session.templates)
        pages = {p.src_uri: p for p in site_pages(result.catalogue, renderer, result)}
        site = Site(
            result, renderer, pages, data_files(root, result, site_url, texts, renderer.search_terms), inputs
        )
    session.sites[(root, site_url)] = (key, site)
    return site
