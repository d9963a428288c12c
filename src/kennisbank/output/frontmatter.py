"""What the front matter of a page holds, for the pages the kennisbank makes and for the
hand-written ones alike.

Material writes ``page.meta`` values into ``<title>``, ``<meta>`` attributes and ``<h1>`` without
escaping (MkDocs renders theme templates without autoescape), so every text value is escaped
here, once. The sitemap reads a page's ``lastmod``; a page search engines must not list uses the
``noindex.html`` template.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, MutableMapping
from typing import Any

import yaml

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.checking.handwritten import TEXT_KEYS
from kennisbank.model.types import AnyCard

LASTMOD = "lastmod"
"""Front matter key with the date a page last changed in content (``overrides/sitemap.xml``)."""
NOINDEX = {"template": "noindex.html"}
"""Front matter of a page search engines must not list (``overrides/noindex.html``); the sitemap
leaves such pages out."""


def newest_check(cards: Iterable[AnyCard]) -> dict[str, str]:
    """Front matter with the date the newest of ``cards`` was checked: what a page that shows
    them last changed by. Nothing without cards: no date is better than a made-up one."""
    dates = [c.gecontroleerd for c in cards]
    return {LASTMOD: max(dates).isoformat()} if dates else {}


def hand_written_meta(meta: MutableMapping[str, Any], catalogue: Catalogue | None, is_homepage: bool) -> None:
    """A hand-written page has no trustworthy date (a checkout resets file times, and front
    matter is free text), except the home page: it shows the newest cards."""
    meta.pop(LASTMOD, None)
    if is_homepage and catalogue is not None:
        meta.update(newest_check(catalogue.all_cards()))


def generated_meta(
    title: str, description: str, kind: str, extra: tuple[tuple[str, Any], ...]
) -> dict[str, Any]:
    """The front matter of a generated page as data: what MkDocs reads back from its source."""
    meta: dict[str, Any] = {
        "title": html.escape(title),
        "description": html.escape(description),
        "kennisbank": kind,
    }
    meta.update((k, list(v) if isinstance(v, tuple) else v) for k, v in extra)  # tuples: hashable
    return meta


@functools.lru_cache(maxsize=100_000)
def generated_front_matter(
    title: str, description: str, kind: str, extra: tuple[tuple[str, Any], ...]
) -> str:
    """The front matter of a generated page: its only Markdown source."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    meta = generated_meta(title, description, kind, extra)
    text = yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=True)
    return "---\n" + text + "---\n"


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Front matter as text: the values Material writes into ``<title>``, ``<meta>`` and ``<h1>``
    without escaping are escaped here, once, as for the pages the kennisbank makes."""
    for key in TEXT_KEYS:
        if isinstance(meta.get(key), str):
            meta[key] = html.escape(meta[key])
