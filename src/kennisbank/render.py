"""Pages as HTML, from the Jinja templates in ``overrides/kennisbank/`` (autoescape on).

Python prepares data (cards, related cards, labels); the templates decide all markup.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2

from .catalogue import Catalogue
from .markup import markdown_to_html, safe_url
from .model import AnyCard, Kind, Practice, Term

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


def relative_url(from_url: str, to_url: str) -> str:
    """Link from one site-relative directory URL to another, so the site works in any subpath."""
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    rel = posixpath.relpath("/" + to_url, "/" + base) if to_url else posixpath.relpath("/", "/" + base)
    if rel == ".":
        return "./"
    return rel + ("/" if to_url.endswith("/") or not to_url else "")


class Renderer:
    def __init__(self, root: Path, catalogue: Catalogue) -> None:
        self.root = root
        self.catalogue = catalogue
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root / TEMPLATE_DIR),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["datum"] = dutch_date
        self.env.filters["markdown"] = markdown_to_html
        self.env.filters["safe_url"] = safe_url
        self.env.globals.update(Kind=Kind, catalogue=catalogue, label=catalogue.vocab.label)

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

    def theme(self, term: Term) -> str:
        cards = [c for c in self.catalogue.all_cards() if term.slug in c.themas]
        return self._render("thema.html", f"themas/{term.slug}/", term=term, cards=cards)

    def themes(self) -> str:
        counts = Counter(t for c in self.catalogue.all_cards() for t in c.themas)
        return self._render("overzicht-themas.html", "themas/", themes=counts)

    def block(self, name: str, page_url: str = "") -> str:
        """A fragment for a hand-written page (used through the ``kennisbank`` macro)."""
        places: dict[str, list[Practice]] = {}
        for practice in sorted(self.catalogue.practices, key=lambda p: (p.plaats, p.titel)):
            places.setdefault(practice.plaats, []).append(practice)
        themes = Counter(t for c in self.catalogue.all_cards() for t in c.themas)
        newest = sorted(self.catalogue.all_cards(), key=lambda c: (c.gecontroleerd, c.titel), reverse=True)
        return self._render(
            f"blok-{name}.html",
            page_url,
            places=places,
            themes=themes,
            newest=newest[:6],
        )
