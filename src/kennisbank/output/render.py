"""Pages as HTML, from the Jinja templates in ``overrides/kennisbank/`` (autoescape on).

Python prepares data (cards, related cards, labels); the templates decide all markup.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.catalogue.facets import FACETS, Facet
from kennisbank.checking.markup import markdown_to_html, safe_url
from kennisbank.model.types import AnyCard, Kind, Term
from kennisbank.output import scan, search, share
from kennisbank.output.dutch import dutch_date
from kennisbank.output.memo import CardTexts
from kennisbank.output.urls import absolute_url, relative_url

TEMPLATE_DIR = "overrides/kennisbank"
# A link in a card's line, waiting for the page it lands on: <GS>praktijken/x/<GS>. Card text
# never holds this control character (the check refuses them), so only our links match.
_LINK = "\x1d"
_LINK_RE = re.compile('\x1d([^\x1d<>"\\s]*)\x1d')


def _site_link(target: str) -> str:
    return f"{_LINK}{target}{_LINK}"


def _markdown(text: str, page_url: str) -> Markup:
    """A card's Markdown on its page: a site-absolute link becomes relative to the page."""
    return markdown_to_html(text, functools.partial(relative_url, page_url))


class Renderer:
    def __init__(
        self,
        root: Path,
        catalogue: Catalogue,
        site_url: str = "/",
        texts: CardTexts | None = None,
        templates: jinja2.BytecodeCache | None = None,
    ) -> None:
        """``texts`` keeps each card's line in a list between builds (by the card's digest), so
        the lines of unchanged cards are reused; ``templates`` keeps compiled templates."""
        self.root = root
        self.catalogue = catalogue
        self.site_url = site_url
        self.texts = texts or CardTexts()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root / TEMPLATE_DIR),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=templates,
        )
        self.env.filters["datum"] = dutch_date
        self.env.filters["markdown"] = _markdown
        self.env.filters["safe_url"] = safe_url
        self.env.globals.update(Kind=Kind, catalogue=catalogue, label=catalogue.vocab.label, FACETS=FACETS)
        self.env.globals["facet_counts"] = catalogue.facet_counts
        self.env.globals["fragment"] = self._fragment
        self.search_terms = search.SearchTerms(catalogue, self.texts)
        self.env.globals["zoektermen"] = self.search_terms
        self.env.globals.update(
            absolute=lambda path: absolute_url(site_url, path),
            card_mailto=lambda card: share.card_mailto(card, absolute_url(site_url, card.url)),
            citation=lambda card: share.citation(card, absolute_url(site_url, card.url)),
            list_mailto=lambda title, url: share.mailto(title, f"{title}\n\n{url}"),
            licence=share.LICENCE,
            licence_url=share.LICENCE_URL,
        )

    def _fragment(self, template: str, item: AnyCard, **extra: Any) -> Markup:
        """One card's line in a list (overviews, related cards, matrix): rendered once per
        build for every page that shows it, and kept between builds. Its links are site paths
        between markers; the page they land on makes them relative (see ``_render``)."""

        def make() -> str:
            made = self.env.get_template(template).render(item=item, url=_site_link, page_url=None, **extra)
            return str(made)

        slot = (template, *sorted(extra.items())) if extra else template
        return Markup(self.texts.get(slot, item, None, make))

    def _render(self, template: str, page_url: str, **context: Any) -> str:
        def url(target: str) -> str:
            return relative_url(page_url, target)

        html = self.env.get_template(template).render(url=url, page_url=page_url, **context)
        if _LINK in html:
            html = _LINK_RE.sub(lambda m: relative_url(page_url, m[1]), html)
        return html

    def page(self, template: str, page_url: str, **context: Any) -> str:
        """A page of its own from one template (the editors' pages use this)."""
        return self._render(template, page_url, **context)

    def card(self, card: AnyCard) -> str:
        return self._render(f"{card.kind.schema}.html", card.url, card=card)

    def overview(self, kind: Kind) -> str:
        cards = self.catalogue.of_kind(kind)
        return self._render(
            f"overzicht-{kind.url_prefix}.html", f"{kind.url_prefix}/", kind=kind, cards=cards
        )

    def redirect(self, old: str, new: str) -> str:
        """A whole HTML page (not a fragment): the old address tells where the page went."""
        return self._render(
            "doorverwijzing.html",
            old.strip("/") + "/",
            new=new,
            new_absolute=absolute_url(self.site_url, new),
        )

    def matrix(self) -> str:
        return self._render("matrix.html", "matrix/", rows=self.catalogue.matrix())

    def selection_page(self) -> str:
        return self._render("selectie.html", "selectie/")

    def scan_page(self) -> str:
        rows = scan.scan_rows(self.catalogue)
        return self._render(
            "scan.html",
            scan.URL,
            rows=rows,
            answers=scan.ANSWERS,
            statements=sum(len(r.obstacle.stellingen) for r in rows),
            stap_voor_stap=scan.step_by_step(self.catalogue),
        )

    def search_page(self) -> str:
        return self._render(
            "zoeken.html",
            "zoeken/",
            settings=search.search_settings(self.catalogue),
            catalogue=self.catalogue,
            themes=self.catalogue.theme_counts(),
        )

    def facet_page(self, facet: Facet, term: Term) -> str:
        cards = self.catalogue.with_value(facet, term.slug)
        return self._render("thema.html", facet.url(term.slug), facet=facet, term=term, cards=cards)

    def facet_overview(self, facet: Facet, title: str) -> str:
        """Every value of a facet with its page, also values no card has yet: their pages exist
        (the addresses are published) and must be reachable by a link."""
        assert facet.group is not None
        terms = getattr(self.catalogue.vocab, facet.group)
        return self._render(
            "overzicht-facet.html",
            f"{facet.prefix}/",
            facet=facet,
            title=title,
            terms=terms,
            counts=self.catalogue.facet_counts(facet),
            by_kind=self.catalogue.facet_counts_by_kind(facet),
        )

    def block(self, name: str, page_url: str = "") -> str:
        """A fragment for a hand-written page (used through the ``kennisbank`` macro). Each block
        stays the same size however many cards there are: the home page must stay light."""
        context: dict[str, Any] = {}
        if name == "plaatsen":
            counts = self.catalogue.facet_counts(next(f for f in FACETS if f.key == "plaats"))
            context["places"] = [(term, counts[term.slug]) for term in self.catalogue.area_terms()]
        elif name == "themas":
            context["themes"] = self.catalogue.theme_counts()
        elif name == "nieuw":
            context["newest"] = self.catalogue.newest(6)
        return self._render(f"blok-{name}.html", page_url, **context)
