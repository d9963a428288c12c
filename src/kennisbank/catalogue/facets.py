"""The facets an overview can be filtered on, written once for the pages, the filter form and
the query string (``/praktijken/?knelpunt=D&thema=financiering``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kennisbank.model.types import AnyCard, Practice
from kennisbank.reading.repository import slugify


@dataclass(frozen=True)
class Facet:
    key: str  # the query-string key, also the key in the JSON the filter script reads
    label: str  # Dutch, for people
    group: str | None  # vocabulary group with the values, or None for knelpunten A-F
    prefix: str  # URL folder of the static page per value
    values: Callable[[AnyCard], tuple[str, ...]]
    pages: bool = True
    """Whether each value has its own page for visitors without JavaScript (``/themas/x/``).
    Places have none: the map at /kaart/ lists every place with its practices."""

    def url(self, value: str) -> str:
        return f"{self.prefix}/{value.lower()}/"


def area_slug(name: str) -> str:
    """The value of a place or region in the address: 'Súdwest-Fryslân' -> 'sudwest-fryslan'."""
    return slugify(name)


def _area(card: AnyCard) -> tuple[str, ...]:
    return (area_slug(card.area),) if isinstance(card, Practice) and card.area else ()


def _organisation_types(card: AnyCard) -> tuple[str, ...]:
    return tuple(dict.fromkeys(o.type for o in card.organisaties)) if isinstance(card, Practice) else ()


FACETS: tuple[Facet, ...] = (
    Facet("knelpunt", "Knelpunt", None, "knelpunten", lambda c: c.knelpunten),
    Facet("thema", "Thema", "themas", "themas", lambda c: c.themas),
    Facet(
        "provincie",
        "Provincie",
        "provincies",
        "provincies",
        lambda c: (c.provincie,) if isinstance(c, Practice) else (),
    ),
    Facet("plaats", "Plaats of regio", "plaatsen", "plaatsen", _area, pages=False),
    Facet("organisatie", "Soort organisatie", "organisatietypes", "organisaties", _organisation_types),
)
