"""The content model: what a card *is*, independent of YAML and of MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """A card type: its folder in the repo, its URL prefix, its schema and its Dutch names."""

    PRAKTIJK = ("practices", "praktijken", "praktijk", "praktijkvoorbeeld", "Praktijkvoorbeelden")
    TIP = ("tips", "tips", "tip", "tip", "Tips")
    KNELPUNT = ("obstacles", "knelpunten", "knelpunt", "knelpunt", "Knelpunten")
    AANBEVELING = (
        "recommendations",
        "aanbevelingen",
        "aanbeveling",
        "aanbeveling",
        "Aanbevelingen",
    )

    def __init__(self, folder: str, url_prefix: str, schema: str, label: str, plural: str):
        self.folder = folder
        self.url_prefix = url_prefix
        self.schema = schema
        self.label = label
        self.plural = plural

    @classmethod
    def from_folder(cls, name: str) -> Kind | None:
        for kind in cls:
            if name in (kind.folder, kind.url_prefix):
                return kind
        return None


@dataclass(frozen=True)
class Source:
    document: str
    uitgever: str
    jaar: int
    onderdeel: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Quote:
    tekst: str
    wie: str


@dataclass(frozen=True)
class Statement:
    """A statement of the knelpuntenscan (``stellingen``): a sentence a municipality can
    recognise itself in, and the part of the source it rests on."""

    tekst: str
    bron: str


@dataclass(frozen=True)
class Organisation:
    naam: str
    type: str


@dataclass(frozen=True, kw_only=True)
class Card:
    """Fields every card type shares. ``slug`` is the file name and the URL segment."""

    slug: str
    path: str
    titel: str
    samenvatting: str
    themas: tuple[str, ...] = ()
    knelpunten: tuple[str, ...] = ()
    bron: tuple[Source, ...] = ()
    gecontroleerd: dt.date

    kind: Kind = field(init=False)

    @property
    def url(self) -> str:
        """Site-relative URL, the public contract (``praktijken/<slug>/``)."""
        return f"{self.kind.url_prefix}/{self.slug}/"

    @property
    def page_title(self) -> str:
        """The title of the card's page (``<title>``, previews, tabs): no two pages share one."""
        return self.titel


@dataclass(frozen=True, kw_only=True)
class Practice(Card):
    """``plaats`` is one municipality, ``regio`` the region; a regional or national card has no
    ``plaats`` (the schema requires one unless ``regio`` is set or the province is 'landelijk')."""

    plaats: str | None = None
    regio: str | None = None
    provincie: str
    organisaties: tuple[Organisation, ...]
    jaar: int
    verhaal: str
    resultaten: tuple[str, ...] = ()
    citaten: tuple[Quote, ...] = ()
    tips: tuple[str, ...] = ()
    aanbevelingen: tuple[str, ...] = ()
    kind: Kind = field(init=False, default=Kind.PRAKTIJK)

    @property
    def area(self) -> str | None:
        """Where the practice is on the map and in the place filter: its region if it has one
        (a Twente-wide practice is shown as Twente, not at its lead municipality), else its place;
        None for a national practice."""
        return self.regio or self.plaats

    @property
    def has_figures(self) -> bool:
        """Whether a result is measured: a number in one of the results ('27 van de 39')."""
        return any(ch.isdigit() for r in self.resultaten for ch in r)


@dataclass(frozen=True, kw_only=True)
class Tip(Card):
    uitleg: str
    praktijken: tuple[str, ...] = ()
    kind: Kind = field(init=False, default=Kind.TIP)


@dataclass(frozen=True, kw_only=True)
class Obstacle(Card):
    code: str
    beschrijving: str
    cijfers: tuple[str, ...] = ()
    citaten: tuple[Quote, ...] = ()
    stellingen: tuple[Statement, ...] = ()
    kind: Kind = field(init=False, default=Kind.KNELPUNT)


@dataclass(frozen=True, kw_only=True)
class Recommendation(Card):
    code: str
    niveau: str
    tekst: str
    kind: Kind = field(init=False, default=Kind.AANBEVELING)

    @property
    def code_label(self) -> str:
        """'Aanbeveling voor gemeenten A': a bare 'A' or 'Gemeente A' reads as knelpunt A."""
        audience = "gemeenten" if self.niveau == "gemeente" else "de Rijksoverheid"
        return f"Aanbeveling voor {audience} {self.code}"

    @property
    def page_title(self) -> str:
        """Gemeenten E and Rijksoverheid C are both called 'Creëer experimenteerruimte' in the source."""
        return f"{self.titel} ({self.code_label[0].lower()}{self.code_label[1:]})"


AnyCard = Practice | Tip | Obstacle | Recommendation


@dataclass(frozen=True)
class Term:
    """One value of a controlled vocabulary: the slug editors write, the label visitors read."""

    slug: str
    naam: str
    uitleg: str = ""
    synoniemen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    themas: tuple[Term, ...]
    organisatietypes: tuple[Term, ...]
    provincies: tuple[Term, ...]
    zoekwoorden: tuple[tuple[str, ...], ...] = ()  # groups of words a search treats as one

    def label(self, group: str, slug: str) -> str:
        for term in getattr(self, group):
            if term.slug == slug:
                return str(term.naam)
        return slug
