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

import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import jinja2

if TYPE_CHECKING:
    from .search import IndexBesideBuild
    from .site import Site
    from .validate import CheckCache


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


CardKey = tuple[str, str]
"""(file path, digest of its bytes and of the rules it was checked against)."""


T = TypeVar("T")


@dataclass
class TextMemo:
    """What was made for one card (a JSON record, a CSV row, a list line on a page, its search
    words), reused while the card's digest and everything else that goes in (``extra``) stay
    the same."""

    entries: dict[tuple[object, CardKey], tuple[object, object]] = field(default_factory=dict)

    def get(self, slot: object, card: CardKey, extra: object, make: Callable[[], T]) -> T:
        hit = self.entries.get((slot, card))
        if hit is not None and hit[0] == extra:
            return cast(T, hit[1])
        made = make()
        self.entries[(slot, card)] = (extra, made)
        return made

    def keep(self, alive: set[CardKey]) -> None:
        """Forget what was made for cards that are gone or changed."""
        self.entries = {k: v for k, v in self.entries.items() if k[1] in alive}


@dataclass(frozen=True)
class CardTexts:
    """Per-card results of one build: the session's memo, the digests of this build's cards,
    and what else every result depends on (``inputs``: address, date, rules, templates). A card
    without a digest (not from a check) is never cached. Results are shared: never change one."""

    memo: TextMemo = field(default_factory=TextMemo)
    digests: Mapping[str, str] = field(default_factory=dict)
    inputs: object = None

    def get(self, slot: object, card: Any, extra: object, make: Callable[[], T]) -> T:
        digest = self.digests.get(card.path)
        if digest is None:
            return make()
        return self.memo.get(slot, (card.path, digest), (self.inputs, extra), make)


class BackgroundIndexer:
    """Runs the search indexer after a rebuild while serving, without holding up the page. One
    run at a time; a request during a run makes it run once more afterwards."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = False
        self._again = False

    def request(self, work: Callable[[], None]) -> None:
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True

        def loop() -> None:
            while True:
                work()
                with self._lock:
                    if not self._again:
                        self._running = False
                        return
                    self._again = False

        threading.Thread(target=loop, name="kennisbank-zoekindex", daemon=True).start()


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
