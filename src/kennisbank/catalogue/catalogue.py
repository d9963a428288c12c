"""All valid cards together, with the relations derived in reverse.

A relation is written once, in one card (a practice names its knelpunten and tips; a tip names
its practices); the catalogue answers both directions.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kennisbank.catalogue.facets import Facet, area_slug
from kennisbank.model.types import AnyCard, Kind, Obstacle, Practice, Recommendation, Term, Tip, Vocabulary


@dataclass(frozen=True)
class MatrixCell:
    recommendation: AnyCard
    practices: tuple[AnyCard, ...]
    tips: tuple[AnyCard, ...]


@dataclass(frozen=True)
class MatrixRow:
    obstacle: AnyCard
    cells: tuple[MatrixCell, ...]
    other_practices: tuple[AnyCard, ...]
    other_tips: tuple[AnyCard, ...]


def _title_key(card: AnyCard) -> str:
    return card.titel.casefold()


# How much one shared value counts towards "Lijkt hierop": a shared knelpunt says most.
SIMILARITY = {"knelpunten": 3, "themas": 2, "organisaties": 1, "plaats": 1, "regio": 1}


def _add(planes: list[int], practices: int, k: int) -> None:
    """Add 2**k to the bit-sliced score of each practice in ``practices`` (one bit each)."""
    carry = practices
    while carry:
        while len(planes) <= k:
            planes.append(0)
        planes[k], carry = planes[k] ^ carry, planes[k] & carry
        k += 1


def _traits(p: Practice) -> set[tuple[str, str]]:
    """What "Lijkt hierop" compares, as (SIMILARITY key, value) pairs."""
    values = {
        "knelpunten": p.knelpunten,
        "themas": p.themas,
        "organisaties": tuple(o.type for o in p.organisaties),
        "plaats": (p.plaats,) if p.plaats else (),
        "regio": (p.regio,) if p.regio else (),
    }
    return {(name, value) for name, group in values.items() for value in group}


@dataclass(frozen=True)
class Catalogue:
    vocab: Vocabulary
    practices: tuple[Practice, ...]
    tips: tuple[Tip, ...]
    obstacles: tuple[Obstacle, ...]
    recommendations: tuple[Recommendation, ...]
    _by_key: dict[tuple[Kind, str], AnyCard]
    _related: dict[tuple[Kind, str, Kind], tuple[AnyCard, ...]]
    # Filled on first use: "Lijkt hierop" is only needed when pages are made.
    _trait_columns: dict[tuple[str, str], int] = field(default_factory=dict, compare=False, repr=False)
    _position: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _similar: dict[tuple[str, int], tuple[Practice, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # ("plaats" or "regio", name) -> positions of its practices, in overview order.
    _areas: dict[tuple[str, str | None], list[int]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, cards: list[AnyCard], vocab: Vocabulary) -> Catalogue:
        practices = tuple(sorted((c for c in cards if isinstance(c, Practice)), key=_title_key))
        tips = tuple(sorted((c for c in cards if isinstance(c, Tip)), key=_title_key))
        obstacles = tuple(sorted((c for c in cards if isinstance(c, Obstacle)), key=lambda c: c.code))
        recommendations = tuple(
            sorted(
                (c for c in cards if isinstance(c, Recommendation)),
                key=lambda c: (c.niveau != "gemeente", c.code),
            )
        )
        by_key: dict[tuple[Kind, str], AnyCard] = {(c.kind, c.slug): c for c in cards}
        links: dict[tuple[Kind, str, Kind], set[str]] = defaultdict(set)

        def link(a: AnyCard, kind: Kind, slug: str) -> None:
            """Record a <-> b in both directions."""
            if (kind, slug) not in by_key:
                return
            links[(a.kind, a.slug, kind)].add(slug)
            links[(kind, slug, a.kind)].add(a.slug)

        for card in cards:
            for code in card.knelpunten:
                link(card, Kind.KNELPUNT, code.lower())
            if isinstance(card, Practice):
                for slug in card.tips:
                    link(card, Kind.TIP, slug)
                for slug in card.aanbevelingen:
                    link(card, Kind.AANBEVELING, slug)
            if isinstance(card, Tip):
                for slug in card.praktijken:
                    link(card, Kind.PRAKTIJK, slug)

        # By identity: hashing a card hashes all its fields, which is slow for thousands of cards.
        order = {id(c): i for i, c in enumerate((*practices, *tips, *obstacles, *recommendations))}
        related = {
            key: tuple(sorted((by_key[(key[2], s)] for s in slugs), key=lambda c: order[id(c)]))
            for key, slugs in links.items()
        }
        return cls(vocab, practices, tips, obstacles, recommendations, by_key, related)

    def related(self, card: AnyCard, kind: Kind) -> tuple[AnyCard, ...]:
        """Cards of ``kind`` linked to ``card`` in either direction, in overview order."""
        return self._related.get((card.kind, card.slug, kind), ())

    def matrix(self) -> list[MatrixRow]:
        """Knelpunt -> aanbevelingen that answer it -> practices (naming both) and tips (naming the
        knelpunt and linked to such a practice); the rest of the knelpunt's cards apart."""
        rows = []
        for obstacle in self.obstacles:
            practices = self.related(obstacle, Kind.PRAKTIJK)
            tips = self.related(obstacle, Kind.TIP)
            cells = []
            for rec in self.related(obstacle, Kind.AANBEVELING):
                # Compare by slug: comparing cards compares all their fields (slow at thousands).
                shown = tuple(
                    p for p in practices if rec.slug in {r.slug for r in self.related(p, Kind.AANBEVELING)}
                )
                shown_slugs = {p.slug for p in shown}
                cell_tips = tuple(
                    t for t in tips if shown_slugs & {p.slug for p in self.related(t, Kind.PRAKTIJK)}
                )
                cells.append(MatrixCell(rec, shown, cell_tips))
            placed = {c.slug for cell in cells for c in (*cell.practices, *cell.tips)}
            rows.append(
                MatrixRow(
                    obstacle,
                    tuple(cells),
                    tuple(p for p in practices if p.slug not in placed),
                    tuple(t for t in tips if t.slug not in placed),
                )
            )
        return rows

    def facet_counts(self, facet: Facet, kind: Kind | None = None) -> Counter[str]:
        """How many cards (of ``kind``, or all) have each value of ``facet``."""
        cards = self.of_kind(kind) if kind else self.all_cards()
        return Counter(v for c in cards for v in facet.values(c))

    def facet_counts_by_kind(self, facet: Facet) -> Counter[tuple[str, Kind]]:
        """How many cards of each kind have each value of ``facet``."""
        return Counter((v, c.kind) for c in self.all_cards() for v in facet.values(c))

    def with_value(self, facet: Facet, value: str) -> tuple[AnyCard, ...]:
        """The cards that have ``value`` for ``facet``, in overview order."""
        return tuple(c for c in self.all_cards() if value in facet.values(c))

    def area_terms(self) -> tuple[Term, ...]:
        """The places and regions practices are shown at (:attr:`Practice.area`), A-Z, as the
        values of the place filter."""
        names = {area_slug(p.area): p.area for p in self.practices if p.area}
        return tuple(Term(slug, name) for slug, name in sorted(names.items(), key=lambda i: i[1].casefold()))

    def theme_counts(self) -> Counter[str]:
        return Counter(t for c in self.all_cards() for t in c.themas)

    def newest(self, n: int) -> list[AnyCard]:
        """The ``n`` cards checked most recently (then by title, Z-A as before)."""
        return sorted(self.all_cards(), key=lambda c: (c.gecontroleerd, c.titel), reverse=True)[:n]

    def similar(self, card: AnyCard, n: int = 5) -> tuple[Practice, ...]:
        """The ``n`` other practices most like ``card``: shared knelpunten count most, then themes,
        then kinds of organisation, place and region (see SIMILARITY). Only practices that share
        something; equal scores keep overview order, so the list is the same on every build."""
        if not isinstance(card, Practice):
            return ()
        key = (card.slug, n)
        if key not in self._similar:
            self._similar[key] = tuple(self.practices[i] for i in self._most_alike(card, n))
        return self._similar[key]

    def _most_alike(self, card: Practice, n: int) -> list[int]:
        """Positions of the ``n`` practices with the highest score, ties in overview order.

        All scores at once, bit-sliced: ``planes[k]`` holds bit k of every practice's score
        (bit i of each plane belongs to practice i), and a trait adds its weight to the
        practices that have it with a few operations on whole planes. Scoring each pair apart
        grows with the square of the number of practices (8 s at 5000); this stays well under
        a second."""
        columns = self._columns()
        everyone = (1 << len(self.practices)) - 1
        planes: list[int] = []
        most = 0
        for trait in _traits(card):
            weight = SIMILARITY[trait[0]]
            most += weight
            for k in range(weight.bit_length()):
                if weight >> k & 1:
                    _add(planes, columns.get(trait, 0), k)
        me = self._positions().get(card.slug)
        if me is not None:  # a practice is not like itself
            planes = [plane & ~(1 << me) for plane in planes]
        found: list[int] = []
        for score in range(most, 0, -1):
            scored = everyone
            for k, plane in enumerate(planes):
                scored &= plane if score >> k & 1 else ~plane
            if score >> len(planes):
                scored = 0
            while scored and len(found) < n:
                lowest = scored & -scored
                found.append(lowest.bit_length() - 1)
                scored ^= lowest
            if len(found) == n:
                break
        return found

    def _columns(self) -> dict[tuple[str, str], int]:
        """Per trait, the practices that have it as the bits of one int (bit i: practice i)."""
        if not self._trait_columns:
            for i, p in enumerate(self.practices):
                for trait in _traits(p):
                    self._trait_columns[trait] = self._trait_columns.get(trait, 0) | 1 << i
        return self._trait_columns

    def _positions(self) -> dict[str, int]:
        if not self._position:
            self._position.update((p.slug, i) for i, p in enumerate(self.practices))
        return self._position

    def same_place(self, card: AnyCard, limit: int = 6) -> tuple[Practice, ...]:
        """Other practices from the same place or region that ``similar`` does not already show,
        in overview order, at most ``limit``."""
        if not isinstance(card, Practice) or not (card.plaats or card.regio):
            return ()
        if not self._areas:
            for i, p in enumerate(self.practices):
                for area in (("plaats", p.plaats), ("regio", p.regio)):
                    self._areas.setdefault(area, []).append(i)
        shown = {card.slug, *(p.slug for p in self.similar(card))}
        places = self._areas.get(("plaats", card.plaats), []) if card.plaats else []
        regions = self._areas.get(("regio", card.regio), []) if card.regio else []
        near: list[Practice] = []
        for i, _group in itertools.groupby(heapq.merge(places, regions)):  # overview order, once
            if self.practices[i].slug not in shown:
                near.append(self.practices[i])
                if len(near) == limit:
                    break
        return tuple(near)

    def get(self, kind: Kind, slug: str) -> AnyCard | None:
        return self._by_key.get((kind, slug))

    def of_kind(self, kind: Kind) -> tuple[AnyCard, ...]:
        return tuple(card for card in self.all_cards() if card.kind is kind)

    def all_cards(self) -> tuple[AnyCard, ...]:
        cards: list[AnyCard] = [*self.practices, *self.tips, *self.obstacles, *self.recommendations]
        return tuple(cards)
