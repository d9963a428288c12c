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

# The words of this rule, also written into the form's config (output/cms.py), so that the form at
# /admin/ stops a card with the same words as the check. Placeholders are in braces.
UNKNOWN_REGION = "onbekende regio '{regio}': die staat niet op de kaart"
UNKNOWN_REGION_HINT = f"zet de regio met haar gemeenten en een bron in {PLAATSEN_FILE}"
GUESS = "bedoel je '{gok}'?"
NOT_LOCATED = "'{plaats}' heeft geen plek op de kaart: " + f"{GEMEENTEN_FILE} noemt geen coördinaten"
NOT_LOCATED_HINT = f"zet de plaats met breedtegraad, lengtegraad en een bron in {PLAATSEN_FILE}"
ELSEWHERE = "'{plaats}' ligt in {waar}, niet in {hier}"  # waar: province names joined by " en "
ELSEWHERE_HINT = "kies provincie: {provincies}, of kijk of de plaats klopt"  # slugs joined by " of "
UNKNOWN_PLACE = "onbekende plaats '{plaats}': die staat niet in de lijst van gemeenten"
UNKNOWN_PLACE_HINT = (
    f"schrijf de gemeente, zoals in {GEMEENTEN_FILE}; of zet de plaats met coördinaten en een bron in "
    f"{PLAATSEN_FILE}"
)


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
                    UNKNOWN_REGION.format(regio=card.regio),
                    GUESS.format(gok=guess) if guess else UNKNOWN_REGION_HINT,
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
            NOT_LOCATED.format(plaats=card.plaats),
            NOT_LOCATED_HINT,
        )
    elsewhere = gazetteer.candidates(card.plaats)
    if elsewhere:
        where = sorted({vocab.label("provincies", s.provincie) for s in elsewhere})
        slugs = sorted({s.provincie for s in elsewhere})
        here = vocab.label("provincies", card.provincie)
        return Problem(
            at,
            ELSEWHERE.format(plaats=card.plaats, waar=" en ".join(where), hier=here),
            ELSEWHERE_HINT.format(provincies=" of ".join(slugs)),
        )
    guess = suggest(card.plaats, gazetteer.municipality_names()) or suggest(
        card.plaats, gazetteer.place_names()
    )
    hint = GUESS.format(gok=guess) if guess else UNKNOWN_PLACE_HINT
    return Problem(at, UNKNOWN_PLACE.format(plaats=card.plaats), hint)
