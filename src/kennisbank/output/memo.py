"""What was made for one card in the last build, kept while the card stays the same.

The build session (:class:`~kennisbank.build.session.BuildSession`) owns one :class:`TextMemo`
for the life of a ``mkdocs`` process; each build hands the pages and exports a
:class:`CardTexts` view of it. Without a session every text is made afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

CardKey = tuple[str, str]
"""(file path, digest of its bytes and of the rules it was checked against)."""


T = TypeVar("T")


@dataclass
class TextMemo:
    """What was made for one card (a JSON record, a CSV row, a list line on a page, its search
    words), reused while the card's digest and everything else that goes in (``extra``) stay
    the same."""

    entries: dict[tuple[object, CardKey], tuple[object, object]] = field(default_factory=dict)

    def get(self, slot: object, card: CardKey, extra: object, make: Callable[[], T]) -> T:
        hit = self.entries.get((slot, card))
        if hit is not None and hit[0] == extra:
            return cast(T, hit[1])
        made = make()
        self.entries[(slot, card)] = (extra, made)
        return made

    def keep(self, alive: set[CardKey]) -> None:
        """Forget what was made for cards that are gone or changed."""
        self.entries = {k: v for k, v in self.entries.items() if k[1] in alive}


@dataclass(frozen=True)
class CardTexts:
    """Per-card results of one build: the session's memo, the digests of this build's cards,
    and what else every result depends on (``inputs``: address, date, rules, templates). A card
    without a digest (not from a check) is never cached. Results are shared: never change one."""

    memo: TextMemo = field(default_factory=TextMemo)
    digests: Mapping[str, str] = field(default_factory=dict)
    inputs: object = None

    def get(self, slot: object, card: Any, extra: object, make: Callable[[], T]) -> T:
        digest = self.digests.get(card.path)
        if digest is None:
            return make()
        return self.memo.get(slot, (card.path, digest), (self.inputs, extra), make)
