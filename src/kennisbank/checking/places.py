"""The rule that every practice can be put on the map: its ``plaats`` is a municipality or place
of the Netherlands in its province, its ``regio`` is written down in ``data/plaatsen.yml``.

One small rule, apart from the shape and vocabulary checks (:mod:`kennisbank.checking.validate` calls it),
with the same messages: ``practices/x.yml:5:9: onbekende plaats 'Dalfsn' (bedoel je 'Dalfsen'?)``.
"""

from __future__ import annotations

from kennisbank.checking.geodata import GEMEENTEN_FILE, PLAATSEN_FILE, Gazetteer
from kennisbank.checking.messages import suggest
from kennisbank.model.problems import Problem
from kennisbank.model.types import AnyCard, Practice, Vocabulary
from kennisbank.reading.document import Document


def place_problems(
    cards: list[tuple[AnyCard, Document]], gazetteer: Gazetteer, vocab: Vocabulary
) -> list[Problem]:
    problems: list[Problem] = []
    for card, doc in cards:
        if not isinstance(card, Practice):
            continue
        if card.regio and gazetteer.region(card.regio) is None:
            guess = suggest(card.regio, [r.naam for r in gazetteer.regions.values()])
            problems.append(
                Problem(
                    doc.at(("regio",)),
                    f"onbekende regio '{card.regio}': die staat niet op de kaart",
                    f"bedoel je '{guess}'?"
                    if guess
                    else f"zet de regio met haar gemeenten en een bron in {PLAATSEN_FILE}",
                )
            )
        if card.plaats:
            problem = _place_problem(card, doc, gazetteer, vocab)
            if problem is not None:
                problems.append(problem)
    return problems


def _place_problem(card: Practice, doc: Document, gazetteer: Gazetteer, vocab: Vocabulary) -> Problem | None:
    assert card.plaats is not None
    at = doc.at(("plaats",))
    spot = gazetteer.find(card.plaats, card.provincie)
    if spot is not None:
        if spot.located:
            return None
        return Problem(
            at,
            f"'{card.plaats}' heeft geen plek op de kaart: {GEMEENTEN_FILE} noemt geen coördinaten",
            f"zet de plaats met breedtegraad, lengtegraad en een bron in {PLAATSEN_FILE}",
        )
    elsewhere = gazetteer.candidates(card.plaats)
    if elsewhere:
        where = sorted({vocab.label("provincies", s.provincie) for s in elsewhere})
        slugs = sorted({s.provincie for s in elsewhere})
        here = vocab.label("provincies", card.provincie)
        return Problem(
            at,
            f"'{card.plaats}' ligt in {' en '.join(where)}, niet in {here}",
            f"kies provincie: {' of '.join(slugs)}, of kijk of de plaats klopt",
        )
    guess = suggest(card.plaats, gazetteer.municipality_names()) or suggest(
        card.plaats, gazetteer.place_names()
    )
    hint = (
        f"bedoel je '{guess}'?"
        if guess
        else f"schrijf de gemeente, zoals in {GEMEENTEN_FILE}; of zet de plaats met coördinaten en een "
        f"bron in {PLAATSEN_FILE}"
    )
    return Problem(at, f"onbekende plaats '{card.plaats}': die staat niet in de lijst van gemeenten", hint)
