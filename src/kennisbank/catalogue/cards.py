"""From checked card data to the model: the one place a card's values become a dataclass.

Only data that passed its JSON Schema arrives here, so the fields are there and of the right type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kennisbank.model.types import (
    AnyCard,
    Kind,
    Obstacle,
    Organisation,
    Practice,
    Quote,
    Recommendation,
    Source,
    Statement,
    Tip,
)
from kennisbank.reading.repository import CardFile


def _texts(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def _line(value: Any) -> str | None:
    return str(value).strip() if value is not None else None


def build_card(card_file: CardFile, data: dict[str, Any]) -> AnyCard:
    """The model object for a card whose data passed the schema."""
    common: dict[str, Any] = {
        "slug": card_file.slug,
        "path": card_file.display,
        "titel": data["titel"].strip(),
        "samenvatting": " ".join(data["samenvatting"].split()),
        "themas": _texts(data.get("themas")),
        "knelpunten": _texts(data.get("knelpunten")),
        "bron": tuple(Source(**item) for item in data["bron"]),
        "gecontroleerd": dt.date.fromisoformat(data["gecontroleerd"]),
    }
    quotes = tuple(Quote(**q) for q in data.get("citaten") or ())
    if card_file.kind is Kind.PRAKTIJK:
        return Practice(
            **common,
            plaats=_line(data.get("plaats")),
            regio=_line(data.get("regio")),
            provincie=data["provincie"],
            organisaties=tuple(Organisation(**o) for o in data["organisaties"]),
            jaar=data["jaar"],
            verhaal=data["verhaal"],
            resultaten=_texts(data.get("resultaten")),
            citaten=quotes,
            tips=_texts(data.get("tips")),
            aanbevelingen=_texts(data.get("aanbevelingen")),
        )
    if card_file.kind is Kind.TIP:
        return Tip(**common, uitleg=data["uitleg"], praktijken=_texts(data.get("praktijken")))
    if card_file.kind is Kind.KNELPUNT:
        return Obstacle(
            **common,
            code=data["code"],
            beschrijving=data["beschrijving"],
            cijfers=_texts(data.get("cijfers")),
            citaten=quotes,
            stellingen=tuple(
                Statement(" ".join(s["tekst"].split()), " ".join(s["bron"].split()))
                for s in data.get("stellingen") or ()
            ),
        )
    return Recommendation(**common, code=data["code"], niveau=data["niveau"], tekst=data["tekst"])
