"""Editorial hints: a card due for review, a summary that is hard to read.

These are warnings, never errors: the card is valid and stays on the site. ``kennisbank check``
shows them (exit code 0 when there are only warnings) and the site lists the cards due for
review on the editors' page ``/redactie/controle/``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from kennisbank.checking.readability import LONG_SENTENCE_WORDS, flesch_douma, long_sentences
from kennisbank.checking.settings import Settings
from kennisbank.model.problems import Level, Problem
from kennisbank.model.types import AnyCard, Vocabulary
from kennisbank.reading.document import Document


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_due(card: AnyCard, months: int, today: dt.date) -> bool:
    """True when the card was last checked more than ``months`` months before ``today``."""
    return add_months(card.gecontroleerd, months) < today


def due_cards(cards: Iterable[AnyCard], months: int, today: dt.date) -> list[AnyCard]:
    """Cards due for review, the longest unchecked first."""
    due = [c for c in cards if is_due(c, months, today)]
    return sorted(due, key=lambda c: (c.gecontroleerd, c.path))


def review_warning(card: AnyCard, doc: Document, months: int, today: dt.date) -> Problem | None:
    if not is_due(card, months, today):
        return None
    return Problem(
        doc.at(("gecontroleerd",)),
        f"deze kaart is meer dan {months} maanden niet gecontroleerd "
        f"(laatst op {card.gecontroleerd.isoformat()})",
        "leg de kaart opnieuw naast de bron; klopt alles, zet dan de datum van vandaag bij 'gecontroleerd'",
        Level.WARNING,
    )


def readability_warnings(card: AnyCard, doc: Document, minimum: float) -> list[Problem]:
    at = doc.at(("samenvatting",))
    out: list[Problem] = []
    score = flesch_douma(card.samenvatting)
    if score < minimum:
        out.append(
            Problem(
                at,
                f"de samenvatting is moeilijk te lezen (Flesch-Douma {score:.0f}, "
                f"de ondergrens is {minimum:g})",
                "gebruik kortere zinnen en gewone, korte woorden",
                Level.WARNING,
            )
        )
    for sentence in long_sentences(card.samenvatting):
        out.append(
            Problem(
                at,
                f"deze zin in de samenvatting is lang ({len(sentence.split())} woorden): '{sentence}'",
                f"maak er twee zinnen van; hoogstens {LONG_SENTENCE_WORDS} woorden per zin",
                Level.WARNING,
            )
        )
    return out


def editorial_warnings(
    cards: Iterable[tuple[AnyCard, Document]], settings: Settings, today: dt.date
) -> list[Problem]:
    out: list[Problem] = []
    for card, doc in cards:
        due = review_warning(card, doc, settings.controle_maanden, today)
        if due is not None:
            out.append(due)
        out += readability_warnings(card, doc, settings.leesbaarheid_minimum)
    return out


def unused_theme_warnings(vocab: Vocabulary, cards: Iterable[AnyCard], doc: Document) -> list[Problem]:
    """A theme no card uses gives an empty theme page and an empty filter choice; ``doc`` is
    ``data/vocabulaire.yml``, for the line of the theme's key."""
    used = {theme for card in cards for theme in card.themas}
    return [
        Problem(
            doc.at(("themas", term.slug), key=True),
            f"geen enkele kaart gebruikt het thema '{term.slug}' ({term.naam})",
            "zet het thema bij 'themas' op een kaart die erover gaat, of haal het weg uit de lijst",
            Level.WARNING,
        )
        for term in vocab.themas
        if term.slug not in used
    ]
