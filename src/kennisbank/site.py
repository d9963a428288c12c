"""The generated pages of the site: one per card, one overview per card type.

This is what the MkDocs hooks hand to MkDocs; it knows URLs and page texts, not MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from . import crawlers, export, search
from .catalogue import Catalogue
from .editorial import due_cards
from .facets import FACETS
from .fields import all_card_fields
from .model import AnyCard, Kind
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
    kind: str = "overzicht"  # praktijk, tip, knelpunt, aanbeveling or overzicht: for page templates
    meta: dict[str, Any] = field(default_factory=dict)
    """Extra front matter, e.g. another page template."""
    depends: tuple[AnyCard, ...] | None = None
    """The cards this page shows. None: it shows or counts many cards, so it is always rebuilt."""

    def source(self) -> str:
        """The Markdown source MkDocs reads: only front matter, HTML-escaped.

        Material writes ``page.meta`` values into attributes without escaping, so they are
        escaped here, once.
        """
        return _front_matter(self.title, self.description, self.kind, tuple(sorted(self.meta.items())))


@functools.lru_cache(maxsize=100_000)
def _front_matter(title: str, description: str, kind: str, extra: tuple[tuple[str, Any], ...]) -> str:
    meta = {"title": html.escape(title), "description": html.escape(description), "kennisbank": kind}
    meta.update(extra)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=True)
    return "---\n" + text + "---\n"


def site_pages(catalogue: Catalogue, renderer: Renderer) -> list[SitePage]:
    pages: list[SitePage] = []
    for kind in Kind:
        pages.append(
            SitePage(
                f"{kind.url_prefix}/index.md",
                kind.plural,
                OVERVIEW_TEXT[kind],
                partial(renderer.overview, kind),
            )
        )
    pages.append(
        SitePage(
            "themas/index.md",
            "Thema's",
            "Alles per thema: van financiering en samenwerking tot gezondheid en werk.",
            renderer.themes,
        )
    )
    for facet in FACETS:
        if facet.group is None:
            continue
        for term in getattr(catalogue.vocab, facet.group):
            pages.append(
                SitePage(
                    f"{facet.url(term.slug)}".removesuffix("/") + ".md",
                    f"{facet.label}: {term.naam}",
                    term.uitleg or f"Alles bij {facet.label.lower()} {term.naam}.",
                    partial(renderer.facet_page, facet, term),
                    depends=renderer.facet_cards(facet, term),
                )
            )
    pages.append(
        SitePage(
            "matrix/index.md",
            "Van knelpunt naar aanpak",
            "Per knelpunt: welke aanbevelingen helpen, en welke gemeenten en Bibliotheken "
            "er al mee aan de slag gingen.",
            renderer.matrix,
        )
    )
    pages.append(
        SitePage(
            "zoeken/index.md",
            "Zoeken",
            "Zoek in alle praktijkvoorbeelden, tips, knelpunten en aanbevelingen.",
            renderer.search_page,
            "zoeken",
            depends=(),
        )
    )
    for card in catalogue.all_cards():
        src = f"{card.url.rstrip('/')}.md"
        shown = (card, *(other for kind in Kind for other in catalogue.related(card, kind)))
        shown += (*catalogue.similar(card), *catalogue.same_place(card))
        pages.append(
            SitePage(
                src,
                card.page_title,
                card.samenvatting,
                partial(renderer.card, card),
                card.kind.schema,
                depends=shown,
            )
        )
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
            depends=(),  # made from the schemas and lists only
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
            meta={"template": "noindex.html"},  # kind "overzicht": Pagefind does not index it either
        ),
    ]


@dataclass(frozen=True)
class Site:
    result: CheckResult
    renderer: Renderer | None
    pages: dict[str, SitePage]
    files: dict[str, Callable[[], str]]  # other generated files: exports and feed
    inputs: tuple[object, ...] = ()
    """Fingerprint of everything but the cards that shapes a page: lists, schemas, templates."""


def unchanged_pages(previous: Site | None, current: Site) -> set[str]:
    """Pages of ``current`` that show exactly what they showed in ``previous``: the same cards,
    made with the same lists, schemas and templates. ``mkdocs serve --dirty`` skips those."""
    if previous is None or previous.inputs != current.inputs or not current.inputs:
        return set()
    same = set()
    for uri, page in current.pages.items():
        old = previous.pages.get(uri)
        if page.depends is not None and old is not None and old.depends == page.depends:
            same.add(uri)
    return same


def cards_changed(previous: Site | None, current: Site) -> bool:
    old, new = (s.result.catalogue if s else None for s in (previous, current))
    return old is None or new is None or old.all_cards() != new.all_cards()


# The site last built into each site directory, for the next --dirty build into it.
_built: dict[str, Site] = {}


def last_built(site_dir: str) -> Site | None:
    return _built.get(os.path.realpath(site_dir))


def remember_built(site_dir: str, site: Site) -> None:
    _built[os.path.realpath(site_dir)] = site


def data_files(catalogue: Catalogue, site_url: str) -> dict[str, Callable[[], str]]:
    return {
        export.JSON_PATH: lambda: export.cards_json(catalogue, site_url),
        export.CSV_PATH: lambda: export.practices_csv(catalogue, site_url),
        export.FEED_PATH: lambda: export.atom_feed(catalogue, site_url),
        search.SYNONYMS_PATH: lambda: search.synonyms_json(catalogue),
        crawlers.ROBOTS_PATH: lambda: crawlers.robots_txt(site_url),
    }


_cache: dict[tuple[Path, str], tuple[object, Site]] = {}


INPUTS = ("data", "schema", "overrides", "hooks", "mkdocs.yml")


def _fingerprint(root: Path, parts: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """Cheap stat-based fingerprint of files and folders under ``root``. Links are not followed
    (lstat): a dangling or looping link is for the check to refuse, not to crash on here."""
    entries = []
    for part in parts:
        base = root / part
        if base.is_symlink() or base.is_file():
            st = base.lstat()
            entries.append((str(base), st.st_mtime_ns, st.st_size))
        for dirpath, _dirs, names in os.walk(base):
            for name in names:
                st = os.lstat(os.path.join(dirpath, name))
                entries.append((os.path.join(dirpath, name), st.st_mtime_ns, st.st_size))
    return tuple(sorted(entries))


def load_site(root: Path, site_url: str = "/") -> Site:
    """Check all cards and prepare the pages; cached until a card, list or template changes."""
    root = root.resolve()
    inputs = (site_url, dt.date.today(), _fingerprint(root, INPUTS))
    # docs/ too: its pages are checked (front matter, macros, links), though no card page shows them.
    fingerprint = (inputs, _fingerprint(root, (*(k.folder for k in Kind), "docs")))
    cached = _cache.get((root, site_url))
    if cached and cached[0] == fingerprint:
        return cached[1]
    result = check_repository(root)
    if result.catalogue is None:
        site = Site(result, None, {}, {})
    else:
        previous = cached[1].renderer if cached and cached[1].inputs == inputs else None
        fragments = previous.keep_fragments() if previous else None
        renderer = Renderer(root, result.catalogue, site_url, fragments)
        pages = {p.src_uri: p for p in site_pages(result.catalogue, renderer)}
        site = Site(result, renderer, pages, data_files(result.catalogue, site_url), inputs)
    _cache[(root, site_url)] = (fingerprint, site)
    return site
