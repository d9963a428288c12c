"""How easy a text is to read, for editors: Flesch-Douma (the Dutch Flesch formula) and long sentences.

A score is a hint, not a rule: a proper name or a long compound word lowers it. The summaries are
what a visitor reads first (and what a shared link shows), so those are measured.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import textstat

from kennisbank.model.types import AnyCard

LONG_SENTENCE_WORDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

textstat.set_lang("nl")


def flesch_douma(text: str) -> float:
    """Flesch-Douma reading ease: higher is easier; 60-70 reads 'redelijk makkelijk'."""
    return float(textstat.flesch_reading_ease(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def long_sentences(text: str, limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    return [s for s in sentences(text) if len(s.split()) > limit]


@dataclass(frozen=True)
class Score:
    card: AnyCard
    flesch_douma: float
    long_sentences: tuple[str, ...]


def score_summaries(cards: tuple[AnyCard, ...]) -> list[Score]:
    """One score per card summary, hardest first."""
    scores = [Score(c, flesch_douma(c.samenvatting), tuple(long_sentences(c.samenvatting))) for c in cards]
    return sorted(scores, key=lambda s: s.flesch_douma)


def median(scores: list[Score]) -> float:
    return statistics.median(s.flesch_douma for s in scores) if scores else 0.0
