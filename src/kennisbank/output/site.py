"""The generated pages of the site (one per card, overviews, facet pages, editors' pages) and
the exports, made from one check of the repository.

This is what the MkDocs adapter hands to MkDocs; it knows URLs and page texts, not MkDocs. The
build session (:func:`kennisbank.build.session.load_site`) makes a :class:`Site` or reuses the last.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.catalogue.facets import FACETS
from kennisbank.checking.editorial import due_cards
from kennisbank.checking.fields import all_card_fields
from kennisbank.checking.handwritten import DOCS
from kennisbank.checking.links import SiteMap, check_links
from kennisbank.checking.rules import CheckCache
from kennisbank.checking.validate import CheckResult, check_repository, internal_error
from kennisbank.checking.vocabulary import GROUPS
from kennisbank.model.problems import sort_problems
from kennisbank.model.types import AnyCard, Kind, Vocabulary
from kennisbank.output import cms, crawlers, export, scan, search
from kennisbank.output.frontmatter import NOINDEX, generated_front_matter, generated_meta, newest_check
from kennisbank.output.mapview import map_view
from kennisbank.output.memo import CardTexts
from kennisbank.output.redirects import load_redirects, read_redirects
from kennisbank.output.render import Renderer

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


FACET_OVERVIEWS = {
    "thema": ("Thema's", "Alles per thema: van financiering en samenwerking tot gezondheid en werk."),
    "provincie": ("Provincies", "Alle praktijkvoorbeelden per provincie, en welke landelijk zijn."),
    "organisatie": (
        "Soorten organisatie",
        "Alle praktijkvoorbeelden per soort organisatie: Bibliotheek, gemeente, taalaanbieder en meer.",
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
        """The Markdown source MkDocs reads: only front matter, HTML-escaped."""
        return generated_front_matter(
            self.title, self.description, self.kind, tuple(sorted(self.meta.items()))
        )

    def front_matter(self) -> dict[str, Any]:
        """The same front matter as data (see :mod:`kennisbank.adapter.madepages`)."""
        return generated_meta(self.title, self.description, self.kind, tuple(sorted(self.meta.items())))


def site_pages(catalogue: Catalogue, renderer: Renderer, result: CheckResult) -> list[SitePage]:
    """Every page the kennisbank makes, in the order MkDocs gets them."""
    return [
        *overview_pages(catalogue, renderer),
        *facet_pages(catalogue, renderer),
        *tool_pages(catalogue, renderer, result),
        *card_pages(catalogue, renderer),
        *editor_pages(catalogue, renderer, result),
    ]


def overview_pages(catalogue: Catalogue, renderer: Renderer) -> list[SitePage]:
    """One list per kind of card: ``/praktijken/``, ``/tips/``, ``/knelpunten/``, ``/aanbevelingen/``."""
    pages = []
    for kind in Kind:
        meta: dict[str, Any] = newest_check(catalogue.of_kind(kind))
        if kind in (Kind.PRAKTIJK, Kind.TIP):
            meta["hide"] = ("toc",)  # no table of contents: on a wide screen the filters get its column
        pages.append(
            SitePage(
                f"{kind.url_prefix}/index.md",
                kind.plural,
                OVERVIEW_TEXT[kind],
                partial(renderer.overview, kind),
                meta=meta,
            )
        )
    return pages


def facet_pages(catalogue: Catalogue, renderer: Renderer) -> list[SitePage]:
    """Per facet with a vocabulary (thema, provincie, organisatie): an overview of its values and
    a page per value, for readers without JavaScript."""
    pages = []
    for facet in FACETS:
        if facet.group is None or not facet.pages:
            continue
        title, text = FACET_OVERVIEWS[facet.key]
        pages.append(
            SitePage(
                f"{facet.prefix}/index.md",
                title,
                text,
                partial(renderer.facet_overview, facet, title),
                meta=newest_check(c for c in catalogue.all_cards() if facet.values(c)),
            )
        )
        for term in getattr(catalogue.vocab, facet.group):
            cards = catalogue.with_value(facet, term.slug)
            pages.append(
                SitePage(
                    f"{facet.url(term.slug)}".removesuffix("/") + ".md",
                    f"{facet.label}: {term.naam}",
                    term.uitleg or f"Alles bij {facet.label.lower()} {term.naam}.",
                    partial(renderer.facet_page, facet, term),
                    # Kept (the address is published), but an empty page is nothing to find.
                    meta=newest_check(cards) or dict(NOINDEX),
                    depends=cards,
                )
            )
    return pages


def _obstacles_with_their_cards(catalogue: Catalogue) -> Iterator[AnyCard]:
    """Every knelpunt with all the cards that name it."""
    for obstacle in catalogue.obstacles:
        for kind in Kind:
            yield from catalogue.related(obstacle, kind) if kind is not Kind.KNELPUNT else (obstacle,)


def tool_pages(catalogue: Catalogue, renderer: Renderer, result: CheckResult) -> list[SitePage]:
    """Pages that work across all cards: the matrix, the map, the knelpuntenscan, search and the
    selection."""
    return [
        SitePage(
            "matrix/index.md",
            "Van knelpunt naar aanpak",
            "Per knelpunt: welke aanbevelingen helpen, en welke gemeenten en Bibliotheken "
            "er al mee aan de slag gingen.",
            renderer.matrix,
            # Every knelpunt with all the cards that name it, in a cell or below the row.
            meta=newest_check(_obstacles_with_their_cards(catalogue)),
        ),
        *map_pages(catalogue, renderer, result),
        SitePage(
            f"{scan.URL}index.md",
            scan.TITLE,
            scan.DESCRIPTION,
            renderer.scan_page,
            "scan",
            # The knelpunten with their statements, and the cards each answer names.
            meta=newest_check(_obstacles_with_their_cards(catalogue)),
        ),
        SitePage(
            "zoeken/index.md",
            "Zoeken",
            "Zoek in alle praktijkvoorbeelden, tips, knelpunten en aanbevelingen.",
            renderer.search_page,
            "zoeken",
            depends=(),
        ),
        SitePage(
            "selectie/index.md",
            "Je selectie",
            "Praktijkvoorbeelden, tips, knelpunten en aanbevelingen bij elkaar: samen mailen of printen.",
            renderer.selection_page,
            "selectie",
            depends=(),
        ),
    ]


def map_pages(catalogue: Catalogue, renderer: Renderer, result: CheckResult) -> list[SitePage]:
    """The map of the Netherlands (``/kaart/``), when the check could read where places are."""
    if not with_map_page(result):
        return []
    assert result.gazetteer is not None and result.map_data is not None
    view = map_view(catalogue, result.gazetteer, result.map_data)
    return [
        SitePage(
            "kaart/index.md",
            "Waar gebeurt het?",
            "De praktijkvoorbeelden op de kaart van Nederland: per plaats, regio en provincie.",
            partial(renderer.page, "kaart.html", "kaart/", kaart=view),
            meta={**newest_check(catalogue.practices), "hide": ("toc",)},
        )
    ]


def card_pages(catalogue: Catalogue, renderer: Renderer) -> list[SitePage]:
    """A page per card. It depends on the cards it shows: its own, linked, similar, same place."""
    pages = []
    for card in catalogue.all_cards():
        shown = (card, *(other for kind in Kind for other in catalogue.related(card, kind)))
        shown += (*catalogue.similar(card), *catalogue.same_place(card))
        pages.append(
            SitePage(
                f"{card.url.rstrip('/')}.md",
                card.page_title,
                card.samenvatting,
                partial(renderer.card, card),
                card.kind.schema,
                meta=newest_check([card]),
                depends=shown,
            )
        )
    return pages


def editor_pages(catalogue: Catalogue, renderer: Renderer, result: CheckResult) -> list[SitePage]:
    """For editors: the fields of a card (from the schemas the check used) and the cards due for
    review. The review page is kept out of search engines and the site search; no nav entry
    points to it."""
    vocab = catalogue.vocab
    assert result.schemas is not None  # a check that built a catalogue loaded the schemas
    soorten = all_card_fields(result.schemas, vocab)
    lijsten = [(group, title, getattr(vocab, group)) for group, (_n, title, _w) in GROUPS.items()]
    months = result.settings.controle_maanden
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
                cards=due_cards(catalogue.all_cards(), months, result.today),
            ),
            meta=dict(NOINDEX),  # kind "overzicht": Pagefind does not index it either
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


def data_files(
    root: Path, result: CheckResult, site_url: str, texts: CardTexts, terms: search.SearchTerms
) -> dict[str, Callable[[], str]]:
    catalogue, page_texts = result.catalogue, result.page_texts
    assert catalogue is not None and result.schemas is not None and result.vocab is not None
    schemas, vocab, settings = result.schemas, result.vocab, result.settings
    return {
        cms.CONFIG_PATH: lambda: cms.cms_config_text(schemas, vocab, settings, site_url, result.gazetteer),
        # At every build, not once per cached site: `make cms` may run while the site is served.
        cms.PAGE_PATH: lambda: cms.admin_page(
            settings, (root / cms.BUNDLE_DIR / cms.BUNDLE_ENTRY).is_file(), site_url
        ),
        export.JSON_PATH: lambda: export.cards_json(catalogue, site_url, texts),
        export.CSV_PATH: lambda: export.practices_csv(catalogue, site_url, texts),
        export.FEED_PATH: lambda: export.atom_feed(catalogue, site_url),
        search.SYNONYMS_PATH: lambda: search.synonyms_json(catalogue),
        search.WORD_LIST_PATH: lambda: search.word_list_json(catalogue, page_texts, terms),
        crawlers.ROBOTS_PATH: lambda: crawlers.robots_txt(site_url),
    }


GENERATED_FILES = (
    cms.CONFIG_PATH,
    cms.PAGE_PATH,
    export.JSON_PATH,
    export.CSV_PATH,
    export.FEED_PATH,
    search.SYNONYMS_PATH,
    search.WORD_LIST_PATH,
    crawlers.ROBOTS_PATH,
)
"""The files :func:`data_files` makes beside the pages."""
MAP_PAGE = "kaart/index.md"


def with_map_page(result: CheckResult) -> bool:
    return result.gazetteer is not None and result.map_data is not None


FIXED_PAGES = (
    "matrix/index.md",
    f"{scan.URL}index.md",
    "zoeken/index.md",
    "selectie/index.md",
    "velden.md",
    "redactie/controle.md",
)
"""Generated pages that do not depend on the cards or the lists (see :func:`site_pages`)."""


def page_sources(
    vocab: Vocabulary, card_names: Mapping[Kind, Iterable[str]], with_map: bool = False
) -> set[str]:
    """The source names (``tips/x.md``) of every generated page, from the lists and the card
    files alone: what a link or a redirect may point to, known before any card is valid.
    A test compares it with :func:`site_pages`."""
    sources = {f"{kind.url_prefix}/index.md" for kind in Kind} | set(FIXED_PAGES)
    if with_map:  # the map needs the place lists and the outlines (see site_pages)
        sources.add(MAP_PAGE)
    for facet in FACETS:
        if facet.group is not None and facet.pages:
            sources.add(f"{facet.prefix}/index.md")
            sources |= {facet.url(t.slug).removesuffix("/") + ".md" for t in getattr(vocab, facet.group)}
    for kind in Kind:
        sources |= {f"{kind.url_prefix}/{name}.md" for name in card_names.get(kind, ())}
    return sources


def site_map(root: Path, result: CheckResult) -> SiteMap:
    """What a link in the site's text may reach: generated and hand-written pages, the files of
    ``docs/`` and the generated files, and the old addresses of ``data/redirects.yml``."""
    assert result.vocab is not None
    docs = root / DOCS
    sources = page_sources(result.vocab, result.card_paths, with_map_page(result))
    files = set(GENERATED_FILES) | {"sitemap.xml", "404.html"}
    if docs.is_dir() and not docs.is_symlink():
        for folder, _dirs, names in os.walk(docs):
            for name in names:
                rel = (Path(folder) / name).relative_to(docs).as_posix()
                (sources if name.endswith(".md") else files).add(rel)
    written, _doc, _problems = read_redirects(root)
    return SiteMap(frozenset(sources), frozenset(files), written)


def check_site(
    root: Path,
    only: list[Path] | None = None,
    today: dt.date | None = None,
    cache: CheckCache | None = None,
    rules: str | None = None,
) -> CheckResult:
    """Everything ``kennisbank check`` and the build check, in one function both call: the
    cards, pages and lists (:func:`~kennisbank.checking.validate.check_repository`), and what needs the
    whole site's pages: every link in card and page text, and every redirect."""
    result = check_repository(root, only, today, cache, rules)
    if result.vocab is None:
        return result  # the lists could not be read: the check said why
    try:
        site = site_map(root, result)
        _redirects, problems = load_redirects(root, site.sources)
        problems += check_links(result.links, site)
    except Exception as exc:  # an editor never sees a traceback
        problems = [internal_error(str(root), exc)]
    if problems:
        result.problems = sort_problems(result.problems + problems)
        if result.errors:
            result.catalogue = None
    return result
