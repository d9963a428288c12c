"""Turn jsonschema's errors into Dutch problems an editor can fix, with a did-you-mean."""

from __future__ import annotations

import difflib
import re
import string
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import ValidationError

from kennisbank.model.problems import Position, Problem
from kennisbank.reading.document import Document, JsonPath

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


def suggest_card(value: str, names: Iterable[str]) -> str | None:
    """The card an editor most likely meant by a reference: ``tips/Houd-vol.yml`` and
    ``Houd vol`` both mean ``houd-vol``; else the nearest name."""
    names = list(names)
    last = value.strip().replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".yml", ".yaml", ".md"):
        last = last.removesuffix(suffix)
    folded = unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if slug in names:
        return slug
    return suggest(slug or value, names)


def choices_hint(choices: list[str]) -> str:
    letters = list(string.ascii_uppercase)
    if choices and all(c in letters for c in choices):
        first, last = letters.index(choices[0]), letters.index(choices[-1])
        if len(choices) > 1 and choices == letters[first : last + 1]:
            return f"kies uit {choices[0]}–{choices[-1]}"
    if len(choices) <= 14:
        return "kies uit: " + ", ".join(choices)
    return "kies een waarde uit data/vocabulaire.yml"


_HET_WORDS = frozenset({"knelpunt", "thema", "niveau", "veld", "praktijkvoorbeeld"})


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


@dataclass(frozen=True)
class _Failed:
    """One jsonschema error, with what every message needs: where, which field, which value."""

    doc: Document
    error: ValidationError
    describe: Describe
    path: JsonPath
    name: str
    value: Any
    schema: dict[str, Any]
    at: Position

    def one(self, message: str, hint: str | None) -> list[Problem]:
        return [Problem(self.at, message, hint)]


_EMPTY_HINT = "vul het in; een veld dat niet verplicht is, mag je ook weghalen"


def _required(f: _Failed) -> list[Problem]:
    required = [str(p) for p in f.error.validator_value]  # type: ignore[union-attr]
    at = f.at if f.path else f.doc.at(next(iter(f.doc.keys), ()), key=True)
    return [
        Problem(
            at,
            f"het verplichte veld '{m}' ontbreekt" + (f" in {f.name}" if f.path else ""),
            f.describe(f.schema.get("properties", {}).get(m, {})),
        )
        for m in required
        if m not in (f.value or {})
    ]


def _additional(f: _Failed) -> list[Problem]:
    allowed = list(f.schema.get("properties", {}))
    out = []
    for extra in (k for k in f.value if k not in allowed):
        guess = suggest(extra, allowed)
        hint = f"bedoel je '{guess}'?" if guess else "toegestane velden: " + ", ".join(allowed)
        out.append(Problem(f.doc.at((*f.path, extra), key=True), f"onbekend veld '{extra}'", hint))
    return out


def _enum(f: _Failed) -> list[Problem]:
    allowed = [str(c) for c in f.error.validator_value]  # type: ignore[union-attr]
    noun = str(f.schema.get("x-woord") or f.schema.get("title", "waarde")).lower()
    if f.value is None:
        return f.one(f"{f.name} is leeg", choices_hint(allowed))
    guess = suggest(str(f.value), allowed, f.schema.get("x-synoniemen"))
    return f.one(
        f"{unknown(noun)} {noun} '{f.value}'", f"bedoel je '{guess}'?" if guess else choices_hint(allowed)
    )


def _type(f: _Failed) -> list[Problem]:
    expected = f.error.validator_value if isinstance(f.error.validator_value, str) else "string"
    what = "jaar" if f.path and f.path[-1] == "jaar" else "getal"
    return f.one(
        f"{f.name} moet {_TYPE_NAMES.get(expected, expected)} zijn, maar is {_describe(f.value)}",
        _type_hint(expected, f.value, what),
    )


def _format(f: _Failed) -> list[Problem]:
    pattern = f.schema.get("pattern")
    if isinstance(pattern, str) and isinstance(f.value, str) and not re.search(pattern, f.value):
        return []  # not in the form JJJJ-MM-DD at all: the pattern's message says so, once
    return f.one(
        f"{f.name}: '{_one_line(f.value)}' is geen bestaande datum",
        "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-25",
    )


def _pattern(f: _Failed) -> list[Problem]:
    if isinstance(f.value, str) and not f.value.strip():
        # every pattern fails on a blank value; say it once (equal problems are merged)
        return f.one(f"{f.name} is leeg", _EMPTY_HINT)
    if "x-fout" in f.schema:
        return f.one(f"{f.name}: {f.schema['x-fout']}", f.schema.get("x-hint"))
    if "format" in f.schema:
        return f.one(
            f"{f.name}: '{_one_line(f.value)}' is geen datum in de vorm JJJJ-MM-DD",
            "schrijf bijvoorbeeld 2026-11-25",
        )
    hint = f.schema.get("x-hint") or f.describe(f.schema) or "controleer de schrijfwijze"
    return f.one(f"{f.name} heeft niet de goede vorm: '{_one_line(f.value)}'", str(hint))


def _min_length(f: _Failed) -> list[Problem]:
    if not str(f.value).strip():
        return f.one(f"{f.name} is leeg", _EMPTY_HINT)
    return f.one(
        f"{f.name} is te kort ({len(f.value)} tekens, minstens {f.error.validator_value})",
        "schrijf een volledige zin of titel",
    )


def _max_length(f: _Failed) -> list[Problem]:
    summary = bool(f.path) and f.path[-1] == "samenvatting"
    return f.one(
        f"{f.name} is te lang ({len(f.value)} tekens, hoogstens {f.error.validator_value})",
        "maak het korter: één of twee korte zinnen" if summary else "maak het korter",
    )


def _range(f: _Failed) -> list[Problem]:
    low, high = f.schema.get("minimum"), f.schema.get("maximum")
    if low is not None and high is not None:
        limits = f"van {low} tot en met {high}"
    else:
        limits = f"minstens {low}" if f.error.validator == "minimum" else f"hoogstens {high}"
    return f.one(
        f"{f.name} moet een jaartal zijn {limits}, maar is {f.value}",
        "schrijf het jaar met vier cijfers, bijvoorbeeld 2018",
    )


def _min_items(f: _Failed) -> list[Problem]:
    least = int(f.error.validator_value)  # type: ignore[arg-type]
    hint = "noem er minstens één" if least == 1 else f"noem er minstens {least}"
    items = f.schema.get("items")
    if isinstance(items, dict) and isinstance(items.get("enum"), list) and len(items["enum"]) <= 14:
        hint += "; " + choices_hint([str(c) for c in items["enum"]])
    if least > 1:
        return f.one(f"{f.name} moet minstens {least} items hebben", hint)
    return f.one(f"{f.name} mag niet leeg zijn", hint)


def _max_items(f: _Failed) -> list[Problem]:
    most = int(f.error.validator_value)  # type: ignore[arg-type]
    count = len(f.value) if isinstance(f.value, list) else 0
    return f.one(
        f"{f.name} heeft te veel items ({count}, hoogstens {most})",
        f"houd de {most} beste en haal de rest weg",
    )


def _unique(f: _Failed) -> list[Problem]:
    seen: set[str] = set()
    for i, item in enumerate(f.value):
        if repr(item) in seen:
            return [
                Problem(f.doc.at((*f.path, i)), f"{f.name} noemt '{item}' twee keer", "haal de dubbele weg")
            ]
        seen.add(repr(item))
    return f.one(f"{f.name} bevat iets twee keer", "haal de dubbele weg")


# One message per JSON Schema keyword; limits and choices come from the error itself.
_BY_KEYWORD: dict[str, Callable[[_Failed], list[Problem]]] = {
    "required": _required,
    "additionalProperties": _additional,
    "enum": _enum,
    "type": _type,
    "format": _format,
    "pattern": _pattern,
    "minLength": _min_length,
    "maxLength": _max_length,
    "minimum": _range,
    "maximum": _range,
    "minItems": _min_items,
    "maxItems": _max_items,
    "uniqueItems": _unique,
}


def problems_from_error(doc: Document, error: ValidationError, describe: Describe) -> list[Problem]:
    """Dutch problems for one jsonschema error; ``describe`` gives a (sub)schema's description."""
    path: JsonPath = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    failed = _Failed(doc, error, describe, path, field_name(path), error.instance, schema, doc.at(path))
    make = _BY_KEYWORD.get(str(error.validator))
    if make is None:
        return failed.one(f"{failed.name} klopt niet: {error.message}", "vergelijk met het sjabloon")
    return make(failed)
