"""The fields of each card type, read from the JSON Schemas: the one place a card's shape is written.

``kennisbank nieuw`` builds its template from these fields and the page "Velden van een kaart"
(``/velden/``) lists them; neither keeps a field list of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kennisbank.checking.schemas import Resolver, Schemas, resolve_refs
from kennisbank.checking.vocabulary import GROUPS
from kennisbank.model.types import Kind, Vocabulary
from kennisbank.reading.repository import SLUG_RE

MARKDOWN = "text/markdown"
_GROUP_OF_DEF = {name: group for group, (name, _title, _noun) in GROUPS.items()}


@dataclass(frozen=True)
class Choice:
    """One allowed value; ``label`` is what a visitor reads (empty when the value says it all)."""

    value: str
    label: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    description: str
    required: bool
    shape: str
    """'tekst', 'markdown', 'datum', 'getal', 'keuze', 'lijst' (of values) or 'groepen' (of fields)."""
    type: str
    """The kind of value in plain Dutch, e.g. 'lijst van waarden uit een vaste lijst'."""
    choices: tuple[Choice, ...] = ()
    vocabulary: str | None = None
    """The group in data/vocabulaire.yml the choices come from ('themas'), if any."""
    children: tuple[Field, ...] = ()
    form: str = ""
    """How the value (or each list item) must be written, from the schema (``x-soort``, or the
    limits of a number), e.g. 'heel getal van 1950 tot en met 2100'; empty if nothing to add."""


@dataclass(frozen=True)
class CardFields:
    kind: Kind
    title: str
    description: str
    fields: tuple[Field, ...]


def _choices(schema: dict[str, Any], vocab: Vocabulary) -> tuple[tuple[Choice, ...], str | None]:
    group = _GROUP_OF_DEF.get(str(schema.get("x-naam", "")))
    if group is not None:
        return tuple(Choice(t.slug, t.naam) for t in getattr(vocab, group)), group
    return tuple(Choice(str(v)) for v in schema.get("enum", ())), None


def _value_shape(schema: dict[str, Any]) -> tuple[str, str]:
    if "enum" in schema:
        return "keuze", "één waarde uit de lijst hieronder"
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return "getal", f"heel getal van {low} tot en met {high}"
        return "getal", "heel getal"
    if schema.get("format") == "date":
        return "datum", "datum (JJJJ-MM-DD)"
    if schema.get("contentMediaType") == MARKDOWN:
        return "markdown", "tekst; Markdown mag"
    return "tekst", str(schema.get("x-soort") or "tekst")


def _field(name: str, raw: dict[str, Any], required: bool, resolver: Resolver, vocab: Vocabulary) -> Field:
    schema, resolver = resolve_refs(raw, resolver)
    title = str(schema.get("title") or name)
    description = str(schema.get("description") or "")
    if schema.get("type") != "array":
        shape, kind = _value_shape(schema)
        choices, group = _choices(schema, vocab)
        if group:
            kind = f"één waarde uit de vaste lijst '{group}'"
        form = str(schema.get("x-soort") or (kind if shape == "getal" else ""))
        return Field(name, title, description, required, shape, kind, choices, group, form=form)
    items, item_resolver = resolve_refs(schema.get("items", {}), resolver)
    at_least = " (minstens één)" if schema.get("minItems", 0) >= 1 else ""
    if items.get("type") == "object":
        children = _object_fields(items, item_resolver, vocab)
        return Field(
            name,
            title,
            description,
            required,
            "groepen",
            f"lijst{at_least}; elk item heeft de velden hieronder",
            children=children,
        )
    item_shape, _item_kind = _value_shape(items)
    choices, group = _choices(items, vocab)
    if group:
        kind = f"lijst van waarden uit de vaste lijst '{group}'"
    elif item_shape == "keuze":
        kind = "lijst van waarden uit de lijst hieronder"
    elif items.get("pattern") == SLUG_RE.pattern:
        kind = "lijst van namen van kaarten (de bestandsnaam zonder .yml)"
    elif "x-soort" in items:
        kind = f"lijst van regels; elk item is {items['x-soort']}"
    else:
        kind = "lijst van regels tekst"
    form = f"elk item: {items['x-soort']}" if "x-soort" in items else ""
    return Field(name, title, description, required, "lijst", kind + at_least, choices, group, form=form)


def _object_fields(schema: dict[str, Any], resolver: Resolver, vocab: Vocabulary) -> tuple[Field, ...]:
    # A field the schema requires unless its ``if`` says otherwise (a practice's ``plaats``) is
    # shown as required: that is the usual case, and its description names the exception.
    required = set(schema.get("required", ())) | set(schema.get("then", {}).get("required", ()))
    return tuple(
        _field(name, sub, name in required, resolver, vocab)
        for name, sub in schema.get("properties", {}).items()
    )


def card_fields(schemas: Schemas, kind: Kind, vocab: Vocabulary) -> CardFields:
    document = schemas.documents[kind.schema]
    resolver = schemas.registry.resolver(base_uri=schemas.uri(kind))
    return CardFields(
        kind,
        str(document.get("title", kind.label)),
        str(document.get("description", "")),
        _object_fields(document, resolver, vocab),
    )


def all_card_fields(schemas: Schemas, vocab: Vocabulary) -> tuple[CardFields, ...]:
    return tuple(card_fields(schemas, kind, vocab) for kind in Kind)
