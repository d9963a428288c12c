"""Pages as HTML, from the Jinja templates in ``overrides/kennisbank/`` (autoescape on).

Python prepares data (cards, related cards, labels); the templates decide all markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import share
from .catalogue import Catalogue
from .facets import FACETS, Facet
from .markup import markdown_to_html, safe_url
from .model import AnyCard, Kind, Term

TEMPLATE_DIR = "overrides/kennisbank"

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def dutch_date(value: dt.date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


@functools.lru_cache(maxsize=200_000)
def relative_url(from_url: str, to_url: str) -> str:
    """Link from one site-relative directory URL to another, so the site works in any subpath."""
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    rel = posixpath.relpath("/" + to_url, "/" + base) if to_url else posixpath.relpath("/", "/" + base)
    if rel == ".":
        return "./"
    return rel + ("/" if to_url.endswith("/") or not to_url else "")


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, keyed by template name and source checksum: a rebuild
    while serving (a new environment each time) does not compile every template again."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _MemoryBytecodeCache()


# A rendered line for one card on one page: (the card, its HTML), by (template, page, id(card)).
Fragments = dict[tuple[str, str, int], tuple[AnyCard, Markup]]


class Renderer:
    def __init__(
        self, root: Path, catalogue: Catalogue, site_url: str = "/", fragments: Fragments | None = None
    ) -> None:
        """``fragments`` may come from the renderer of the previous build, when the templates,
        lists and site address are the same: lines of unchanged cards are then reused."""
        self.root = root
        self.catalogue = catalogue
        self.site_url = site_url
        self.fragments: Fragments = {} if fragments is None else fragments
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root / TEMPLATE_DIR),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=TEMPLATE_CACHE,
        )
        self.env.filters["datum"] = dutch_date
        self.env.filters["markdown"] = markdown_to_html
        self.env.filters["safe_url"] = safe_url
        self.env.globals.update(Kind=Kind, catalogue=catalogue, label=catalogue.vocab.label, FACETS=FACETS)
        self.env.globals["facet_counts"] = self.facet_counts
        self.env.globals["fragment"] = self._fragment
        self.env.globals.update(
            absolute=lambda path: share.absolute_url(site_url, path),
            card_mailto=lambda card: share.card_mailto(card, share.absolute_url(site_url, card.url)),
            citation=lambda card: share.citation(card, share.absolute_url(site_url, card.url)),
            list_mailto=lambda title, url: share.mailto(title, f"{title}\n\n{url}"),
            licence=share.LICENCE,
            licence_url=share.LICENCE_URL,
        )

    def facet_counts(self, facet: Facet, kind: Kind | None = None) -> Counter[str]:
        cards = self.catalogue.of_kind(kind) if kind else self.catalogue.all_cards()
        return Counter(v for c in cards for v in facet.values(c))

    @jinja2.pass_context
    def _fragment(self, context: jinja2.runtime.Context, template: str, item: AnyCard) -> Markup:
        """One card's line in a list (overviews, related cards, matrix): rendered once per page
        and card. Lists with thousands of cards are rebuilt on every save while serving."""
        page_url = context["page_url"]
        key = (template, page_url, id(item))
        hit = self.fragments.get(key)
        if hit is not None and hit[0] is item:
            return hit[1]
        html = Markup(
            self.env.get_template(template).render(item=item, url=context["url"], page_url=page_url)
        )
        self.fragments[key] = (item, html)
        return html

    def keep_fragments(self) -> Fragments:
        """The fragments of cards still in this catalogue, for the renderer of the next build.
        (An entry holds its card, so no other card can have its id while the entry exists.)"""
        alive = {id(c) for c in self.catalogue.all_cards()}
        return {key: value for key, value in self.fragments.items() if key[2] in alive}

    def _render(self, template: str, page_url: str, **context: Any) -> str:
        def url(target: str) -> str:
            return relative_url(page_url, target)

        return self.env.get_template(template).render(url=url, page_url=page_url, **context)

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
            new_absolute=share.absolute_url(self.site_url, new),
        )

    def matrix(self) -> str:
        return self._render("matrix.html", "matrix/", rows=self.catalogue.matrix())

    def search_page(self) -> str:
        return self._render("zoeken.html", "zoeken/")

    def facet_cards(self, facet: Facet, term: Term) -> tuple[AnyCard, ...]:
        return tuple(c for c in self.catalogue.all_cards() if term.slug in facet.values(c))

    def facet_page(self, facet: Facet, term: Term) -> str:
        cards = self.facet_cards(facet, term)
        return self._render("thema.html", facet.url(term.slug), facet=facet, term=term, cards=cards)

    def themes(self) -> str:
        counts = Counter(t for c in self.catalogue.all_cards() for t in c.themas)
        by_kind = Counter((t, c.kind) for c in self.catalogue.all_cards() for t in c.themas)
        return self._render("overzicht-themas.html", "themas/", themes=counts, by_kind=by_kind)

    def block(self, name: str, page_url: str = "") -> str:
        """A fragment for a hand-written page (used through the ``kennisbank`` macro). Each block
        stays the same size however many cards there are: the home page must stay light."""
        context: dict[str, Any] = {}
        if name == "plaatsen":
            places = Counter(w for p in self.catalogue.practices for w in (p.plaats, p.regio) if w)
            context["places"] = dict(sorted(places.items()))
        elif name == "themas":
            context["themes"] = Counter(t for c in self.catalogue.all_cards() for t in c.themas)
        elif name == "nieuw":
            cards = self.catalogue.all_cards()
            context["newest"] = sorted(cards, key=lambda c: (c.gecontroleerd, c.titel), reverse=True)[:6]
        return self._render(f"blok-{name}.html", page_url, **context)
