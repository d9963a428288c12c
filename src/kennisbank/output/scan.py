"""The knelpuntenscan (``/scan/``): per knelpunt its statements to answer, and what the answer
page shows when a municipality recognises it.

Python gathers the data here, once per build; the template ``scan.html`` writes every knelpunt's
answer into the page, hidden, and ``docs/assets/scan.js`` only shows, orders and labels what is
already there. So the answers never leave the browser, and the page needs no data file.

The answer page shows the matrix's data (:meth:`Catalogue.matrix`): the recommendations linked to
the knelpunt, and the practices and tips that share them first, then the knelpunt's other cards.
Lists are cut short (:data:`SHOWN_PRACTICES`, :data:`SHOWN_TIPS`), with a link to the whole
filtered list, so the page stays the same size however many practices the site grows to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.model.types import Card, Kind, Obstacle, Practice, Recommendation, Tip

C = TypeVar("C", bound=Card)

URL = "scan/"
TITLE = "Knelpuntenscan"
DESCRIPTION = (
    "Welke knelpunten herkent jouw gemeente? Kies bij een paar uitspraken hoe herkenbaar ze zijn, "
    "en zie wat helpt. Je antwoorden blijven in je browser."
)
SHOWN_TIPS = 5
"""Tips named per knelpunt; the rest are one link away (the overview, filtered on the knelpunt)."""
SHOWN_PRACTICES = 3
"""Practices per knelpunt, each with its summary: how others handled it. The rest: one link away."""

ANSWERS = (("3", "herkenbaar", "Herkenbaar"), ("2", "beetje", "Een beetje"), ("1", "niet", "Niet herkenbaar"))
"""The answers to a statement: the digit in the address (``scan.js``), the radio button's value
and its label. 0 in the address is 'not answered'."""


@dataclass(frozen=True)
class ScanRow:
    """One knelpunt in the scan: its statements, and its part of the answer page."""

    obstacle: Obstacle
    gemeente: tuple[Recommendation, ...]
    rijk: tuple[Recommendation, ...]
    practices: tuple[Practice, ...]
    all_practices: int
    tips: tuple[Tip, ...]
    all_tips: int


def _first(cards: Iterable[C], n: int) -> tuple[C, ...]:
    """The first ``n`` different cards (a practice may sit in two cells of the matrix)."""
    found: dict[str, C] = {}
    for card in cards:
        found.setdefault(card.slug, card)
        if len(found) == n:
            break
    return tuple(found.values())


def scan_rows(catalogue: Catalogue) -> list[ScanRow]:
    """Every knelpunt, A to F, with what its answer shows."""
    rows = []
    for row in catalogue.matrix():
        obstacle = row.obstacle
        assert isinstance(obstacle, Obstacle)
        recommendations = [
            c for c in catalogue.related(obstacle, Kind.AANBEVELING) if isinstance(c, Recommendation)
        ]
        # The practices and tips in a cell of the matrix share a recommendation with the
        # knelpunt: they come first. Then the knelpunt's other cards, in overview order.
        practices = tuple(
            c
            for c in (*(p for cell in row.cells for p in cell.practices), *row.other_practices)
            if isinstance(c, Practice)
        )
        tips = tuple(
            c for c in (*(t for cell in row.cells for t in cell.tips), *row.other_tips) if isinstance(c, Tip)
        )
        every_practice = catalogue.related(obstacle, Kind.PRAKTIJK)
        rows.append(
            ScanRow(
                obstacle,
                tuple(r for r in recommendations if r.niveau == "gemeente"),
                tuple(r for r in recommendations if r.niveau != "gemeente"),
                _first(practices, SHOWN_PRACTICES),
                len(every_practice),
                _first(tips, SHOWN_TIPS),
                len(catalogue.related(obstacle, Kind.TIP)),
            )
        )
    return rows


def step_by_step(catalogue: Catalogue) -> Recommendation | None:
    """The recommendation for municipalities F ("Neem de tijd: ga stap voor stap vooruit"): the
    source's own advice for a municipality that recognises every knelpunt."""
    return next((r for r in catalogue.recommendations if r.niveau == "gemeente" and r.code == "F"), None)
