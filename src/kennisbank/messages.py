"""Turn jsonschema's errors into Dutch problems an editor can fix, with a did-you-mean."""

from __future__ import annotations

import difflib
import string
from collections.abc import Callable, Iterable
from typing import Any

from jsonschema.exceptions import ValidationError

from .load import Document, JsonPath
from .problems import Problem

_TYPE_NAMES = {
    "string": "tekst",
    "integer": "een heel getal",
    "number": "een getal",
    "array": "een lijst",
    "object": "een groep velden",
    "boolean": "ja of nee",
    "null": "leeg",
}


def suggest(value: str, choices: Iterable[str], synonyms: dict[str, list[str]] | None = None) -> str | None:
    """The one choice an editor most likely meant, or None."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    needle = value.strip().lower()
    if needle in lowered:
        return lowered[needle]
    for slug, words in (synonyms or {}).items():
        if needle in (w.lower() for w in words):
            return slug
    folded = needle.replace(" ", "-").replace("_", "-")
    if folded in lowered:
        return lowered[folded]
    close = difflib.get_close_matches(needle, list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


def choices_hint(choices: list[str]) -> str:
    letters = list(string.ascii_uppercase)
    if choices and all(c in letters for c in choices):
        first, last = letters.index(choices[0]), letters.index(choices[-1])
        if len(choices) > 1 and choices == letters[first : last + 1]:
            return f"kies uit {choices[0]}–{choices[-1]}"
    if len(choices) <= 14:
        return "kies uit: " + ", ".join(choices)
    return "kies een waarde uit data/vocabulaire.yml"


_HET_WORDS = {"knelpunt", "thema", "niveau", "veld", "praktijkvoorbeeld"}


def unknown(noun: str) -> str:
    """Dutch adjective agreement: 'onbekend knelpunt' (het), 'onbekende tip' (de)."""
    return "onbekend" if noun.split()[-1] in _HET_WORDS else "onbekende"


def field_name(json_path: JsonPath) -> str:
    """('organisaties', 0, 'type') -> "'organisaties', item 1, 'type'"."""
    if not json_path:
        return "de kaart"
    parts = [f"item {p + 1}" if isinstance(p, int) else f"'{p}'" for p in json_path]
    return ", ".join(parts)


def _describe(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee"
    for py, name in (
        (str, "string"),
        (int, "integer"),
        (float, "number"),
        (list, "array"),
        (dict, "object"),
    ):
        if isinstance(value, py):
            return _TYPE_NAMES[name]
    return type(value).__name__


def _type_hint(expected: str, value: Any, noun: str) -> str:
    if value is None:
        return "het veld is leeg: vul het in; een veld dat niet verplicht is, mag je ook weghalen"
    if expected == "string" and isinstance(value, bool | int | float):
        return "zet de tekst tussen aanhalingstekens"
    if expected == "integer" and isinstance(value, str):
        return "schrijf het getal zonder aanhalingstekens, bijvoorbeeld 2018"
    if expected == "integer" and isinstance(value, float):
        return f"schrijf het {noun} zonder punt of komma, bijvoorbeeld 2018"
    if expected == "array":
        return "zet elk item op een eigen regel, beginnend met '- '"
    if expected == "object":
        return "schrijf de velden eronder, ingesprongen met spaties"
    return "controleer de waarde"


def _one_line(value: Any) -> str:
    """A value as it may appear in the one line an editor reads: line breaks written as \\n."""
    return str(value).replace("\r", "\\r").replace("\n", "\\n")


Describe = Callable[[dict[str, Any]], str | None]


def problems_from_error(doc: Document, error: ValidationError, describe: Describe) -> list[Problem]:
    """Dutch problems for one jsonschema error; ``describe`` gives a (sub)schema's description."""
    path: JsonPath = tuple(error.absolute_path)
    name = field_name(path)
    value: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    at = doc.at(path)
    kind = error.validator

    if kind == "required":
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        missing = [p for p in required if p not in (value or {})]
        return [
            Problem(
                at if path else doc.at(next(iter(doc.keys), ()), key=True),
                f"het verplichte veld '{m}' ontbreekt" + (f" in {name}" if path else ""),
                describe(schema.get("properties", {}).get(m, {})),
            )
            for m in missing
        ]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extras = [k for k in value if k not in allowed]
        out = []
        for extra in extras:
            guess = suggest(extra, allowed)
            hint = f"bedoel je '{guess}'?" if guess else "toegestane velden: " + ", ".join(allowed)
            out.append(Problem(doc.at((*path, extra), key=True), f"onbekend veld '{extra}'", hint))
        return out
    if kind == "enum":
        allowed = [str(c) for c in error.validator_value]  # type: ignore[union-attr]
        noun = str(schema.get("x-woord") or schema.get("title", "waarde")).lower()
        if value is None:
            return [Problem(at, f"{name} is leeg", choices_hint(allowed))]
        guess = suggest(str(value), allowed, schema.get("x-synoniemen"))
        hint = f"bedoel je '{guess}'?" if guess else choices_hint(allowed)
        return [Problem(at, f"{unknown(noun)} {noun} '{value}'", hint)]
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else "string"
        return [
            Problem(
                at,
                f"{name} moet {_TYPE_NAMES.get(expected, expected)} zijn, maar is {_describe(value)}",
                _type_hint(expected, value, "jaar" if path and path[-1] == "jaar" else "getal"),
            )
        ]
    if kind == "format":
        return [
            Problem(
                at,
                f"{name}: '{_one_line(value)}' is geen bestaande datum",
                "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-25",
            )
        ]
    if kind == "pattern":
        if isinstance(value, str) and not value.strip():
            # every pattern fails on a blank value; say it once (equal problems are merged)
            return [
                Problem(
                    at, f"{name} is leeg", "vul het in; een veld dat niet verplicht is, mag je ook weghalen"
                )
            ]
        if "x-fout" in schema:
            return [Problem(at, f"{name}: {schema['x-fout']}", schema.get("x-hint"))]
        if "format" in schema:
            return [
                Problem(
                    at,
                    f"{name}: '{_one_line(value)}' is geen datum in de vorm JJJJ-MM-DD",
                    "schrijf bijvoorbeeld 2026-11-25",
                )
            ]
        hint = schema.get("x-hint") or describe(schema) or "controleer de schrijfwijze"
        return [Problem(at, f"{name} heeft niet de goede vorm: '{_one_line(value)}'", str(hint))]
    if kind == "minLength":
        if not str(value).strip():
            return [
                Problem(
                    at, f"{name} is leeg", "vul het in; een veld dat niet verplicht is, mag je ook weghalen"
                )
            ]
        return [
            Problem(
                at,
                f"{name} is te kort ({len(value)} tekens, minstens {error.validator_value})",
                "schrijf een volledige zin of titel",
            )
        ]
    if kind == "maxLength":
        return [
            Problem(
                at,
                f"{name} is te lang ({len(value)} tekens, hoogstens {error.validator_value})",
                "maak het korter: één of twee korte zinnen"
                if path and path[-1] == "samenvatting"
                else "maak het korter",
            )
        ]
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            limits = f"van {low} tot en met {high}"
        else:
            limits = f"minstens {low}" if kind == "minimum" else f"hoogstens {high}"
        return [
            Problem(
                at,
                f"{name} moet een jaartal zijn {limits}, maar is {value}",
                "schrijf het jaar met vier cijfers, bijvoorbeeld 2018",
            )
        ]
    if kind == "minItems":
        least = int(error.validator_value)  # type: ignore[arg-type]
        hint = "noem er minstens één" if least == 1 else f"noem er minstens {least}"
        items = schema.get("items")
        if isinstance(items, dict) and isinstance(items.get("enum"), list) and len(items["enum"]) <= 14:
            hint += "; " + choices_hint([str(c) for c in items["enum"]])
        if least > 1:
            return [Problem(at, f"{name} moet minstens {least} items hebben", hint)]
        return [Problem(at, f"{name} mag niet leeg zijn", hint)]
    if kind == "uniqueItems":
        seen: set[str] = set()
        for i, item in enumerate(value):
            key = repr(item)
            if key in seen:
                return [
                    Problem(
                        doc.at((*path, i)),
                        f"{name} noemt '{item}' twee keer",
                        "haal de dubbele weg",
                    )
                ]
            seen.add(key)
        return [Problem(at, f"{name} bevat iets twee keer", "haal de dubbele weg")]
    return [Problem(at, f"{name} klopt niet: {error.message}", "vergelijk met het sjabloon")]
