"""The generated pages of the site: one per card, one overview per card type.

This is what the MkDocs hooks hand to MkDocs; it knows URLs and page texts, not MkDocs.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .catalogue import Catalogue
from .editorial import due_cards
from .fields import all_card_fields
from .model import Kind
from .render import Renderer
from .schemas import load_schemas
from .settings import load_settings
from .validate import CheckResult, check_repository
from .vocabulary import GROUPS

OVERVIEW_TEXT = {
    Kind.PRAKTIJK: (
        "Wat gemeenten, Bibliotheken en partners echt deden om mensen met weinig basisvaardigheden te helpen."
    ),
    Kind.TIP: "Adviezen van Bibliotheken en gemeenteambtenaren die je zelf kunt toepassen.",
    Kind.KNELPUNT: (
        "Zes knelpunten waardoor een integrale aanpak van basisvaardigheden in gemeenten vastloopt."
    ),
    Kind.AANBEVELING: (
        "Aanbevelingen voor gemeenten en voor de Rijksoverheid, en welke knelpunten ze oplossen."
    ),
}


@dataclass(frozen=True)
class SitePage:
    """A generated page. ``src_uri`` decides the public URL (``praktijken/x.md`` -> ``/praktijken/x/``)."""

    src_uri: str
    title: str
    description: str
    render: Callable[[], str]
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra front matter, e.g. another page template."""

    def source(self) -> str:
        """The Markdown source MkDocs reads: only front matter, HTML-escaped.

        Material writes ``page.meta`` values into attributes without escaping, so they are
        escaped here, once.
        """
        meta = {
            "title": html.escape(self.title),
            "description": html.escape(self.description),
            "kennisbank": True,
            **self.meta,
        }
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n"


def site_pages(catalogue: Catalogue, renderer: Renderer) -> list[SitePage]:
    pages: list[SitePage] = []
    for kind in Kind:
        pages.append(
            SitePage(
                f"{kind.url_prefix}/index.md",
                kind.plural,
                OVERVIEW_TEXT[kind],
                lambda kind=kind: renderer.overview(kind),  # type: ignore[misc]
            )
        )
    pages.append(
        SitePage(
            "themas/index.md",
            "Thema's",
            "Alle kaarten per thema: van financiering en samenwerking tot gezondheid en werk.",
            renderer.themes,
        )
    )
    for term in catalogue.vocab.themas:
        pages.append(
            SitePage(
                f"themas/{term.slug}.md",
                f"Thema: {term.naam}",
                term.uitleg or f"Praktijkvoorbeelden, tips en meer over {term.naam.lower()}.",
                lambda term=term: renderer.theme(term),  # type: ignore[misc]
            )
        )
    for card in catalogue.all_cards():
        src = f"{card.url.rstrip('/')}.md"
        pages.append(SitePage(src, card.titel, card.samenvatting, lambda card=card: renderer.card(card)))  # type: ignore[misc]
    return pages + editor_pages(catalogue, renderer)


def editor_pages(catalogue: Catalogue, renderer: Renderer) -> list[SitePage]:
    """For editors: the fields of a card (from the schemas) and the cards due for review.

    The review page is kept out of search engines and the site search; no nav entry points to it.
    """
    vocab = catalogue.vocab
    soorten = all_card_fields(load_schemas(renderer.root, vocab), vocab)
    lijsten = [(group, title, getattr(vocab, group)) for group, (_n, title, _w) in GROUPS.items()]
    months = load_settings(renderer.root)[0].controle_maanden
    return [
        SitePage(
            "velden.md",
            "Velden van een kaart",
            "Welke velden een kaart heeft, welke verplicht zijn en wat je erin zet.",
            lambda: renderer.page("velden.html", "velden/", soorten=soorten, lijsten=lijsten),
        ),
        SitePage(
            "redactie/controle.md",
            "Kaarten om opnieuw te controleren",
            f"Kaarten die meer dan {months} maanden niet gecontroleerd zijn.",
            lambda: renderer.page(
                "redactie-controle.html",
                "redactie/controle/",
                maanden=months,
                cards=due_cards(catalogue.all_cards(), months, dt.date.today()),
            ),
            {"template": "noindex.html", "search": {"exclude": True}},
        ),
    ]


@dataclass(frozen=True)
class Site:
    result: CheckResult
    renderer: Renderer | None
    pages: dict[str, SitePage]


_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Site]] = {}


def _fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Cheap stat-based fingerprint of everything the site is made from."""
    entries = []
    for folder in (*(k.folder for k in Kind), "data", "schema", "overrides/kennisbank"):
        base = root / folder
        if not base.is_dir():
            continue
        for dirpath, _dirs, names in os.walk(base):
            for name in names:
                st = os.stat(os.path.join(dirpath, name))
                entries.append((os.path.join(dirpath, name), st.st_mtime_ns, st.st_size))
    return tuple(sorted(entries))


def load_site(root: Path) -> Site:
    """Check all cards and prepare the pages; cached until a card, list or template changes."""
    root = root.resolve()
    fingerprint = _fingerprint(root)
    cached = _cache.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    result = check_repository(root)
    if result.catalogue is None:
        site = Site(result, None, {})
    else:
        renderer = Renderer(root, result.catalogue)
        pages = {p.src_uri: p for p in site_pages(result.catalogue, renderer)}
        site = Site(result, renderer, pages)
    _cache[root] = (fingerprint, site)
    return site
