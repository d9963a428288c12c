"""Rules of ``kennisbank check`` that the form at ``/admin/`` enforces with its own field types
(``admin/rules.js``): the schema's ``if``/``then``, the check date, and the places of the map.
``cms.py`` writes what these return into ``/admin/config.yml``; the words are the check's own."""

from __future__ import annotations

from typing import Any

from kennisbank.checking import places
from kennisbank.checking.geodata import Gazetteer, Spot
from kennisbank.model.types import Vocabulary

NOT_LATER = "kaart-datum-niet-later"
"""The form's field type for the check date, which may not lie after today (``admin/rules.js``)."""
CHECKED = "gecontroleerd"
CONDITIONAL = "kaart-verplicht-tenzij"
"""The form's field type for a field the schema requires unless others say otherwise
(``admin/rules.js``): the schema's ``if``/``then``, which the form's own rules cannot express."""


def _unless(condition: dict[str, Any]) -> dict[str, Any]:
    """One case of ``if: {not: {anyOf: [...]}}``: a field filled in, or a field with one value."""
    (name,) = condition["required"]
    const = condition.get("properties", {}).get(name, {}).get("const")
    if set(condition) - {"required", "properties"} or set(condition.get("properties", {})) - {name}:
        raise ValueError(f"the form cannot express this condition: {condition}")
    return {"veld": name, **({"waarde": const} if const is not None else {})}


def conditional_required(schema: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Fields the schema's ``if``/``then`` requires, each with the cases that lift it. Only the
    shape our schemas use is understood; any other ``if`` stops the build, so that the form never
    silently misses a rule of the check."""
    if "if" not in schema:
        return {}
    cases = schema["if"].get("not", {}).get("anyOf")
    then = schema.get("then", {})
    if set(schema["if"]) != {"not"} or cases is None or set(then) - {"required", "properties"}:
        raise ValueError("the form cannot express this if/then: add it to src/kennisbank/output/formrules.py")
    unless = [_unless(c) for c in cases]
    return {name: unless for name in then.get("required", [])}


PLACE = "kaart-plaats"
"""The form's field type for ``regio`` (and, with :data:`CONDITIONAL`, for ``plaats``): the rule of
:mod:`kennisbank.checking.places`, with the names of ``data/gemeenten.json`` and ``data/plaatsen.yml``."""
SEPARATOR = "; "  # between the names of one province: one line per province keeps config.yml small


def _names(spots: list[Spot]) -> dict[str, str]:
    by_province: dict[str, list[str]] = {}
    for spot in spots:
        by_province.setdefault(spot.provincie, []).append(spot.naam)
    return {slug: SEPARATOR.join(sorted(set(names))) for slug, names in sorted(by_province.items())}


def place_rule(gazetteer: Gazetteer, vocab: Vocabulary) -> dict[str, Any]:
    """What the form needs to check ``plaats`` as :func:`places.place_problems` does: the names per
    province (municipalities before smaller places, as the check looks them up) and its words."""
    municipalities = [s for spots in gazetteer.municipalities.values() for s in spots]
    smaller = [s for spots in gazetteer.places.values() for s in spots]
    return {
        "gemeenten": _names(municipalities),
        "kleine_plaatsen": _names(smaller),
        "zonder_plek": _names([s for s in municipalities + smaller if not s.located]),
        "provincies": {t.slug: vocab.label("provincies", t.slug) for t in vocab.provincies},
        "fouten": {
            "onbekend": places.UNKNOWN_PLACE,
            "onbekend_hint": places.UNKNOWN_PLACE_HINT,
            "gok": places.GUESS,
            "elders": places.ELSEWHERE,
            "elders_hint": places.ELSEWHERE_HINT,
            "zonder_plek": places.NOT_LOCATED,
            "zonder_plek_hint": places.NOT_LOCATED_HINT,
        },
    }


def region_rule(gazetteer: Gazetteer) -> dict[str, Any]:
    return {
        "widget": PLACE,
        "regios": sorted(r.naam for r in gazetteer.regions.values()),
        "fouten": {
            "onbekend": places.UNKNOWN_REGION,
            "onbekend_hint": places.UNKNOWN_REGION_HINT,
            "gok": places.GUESS,
        },
    }
