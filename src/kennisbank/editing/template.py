"""A new, empty card for ``kennisbank nieuw``, written from the card type's fields in the schema.

Every field is there with its Dutch title and description as a comment. Required fields are
open for filling in; optional fields are switched off with ``#`` so the card stays valid when an
editor leaves them out.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import yaml

from kennisbank.checking.fields import CardFields, Field, card_fields
from kennisbank.checking.schemas import load_schemas
from kennisbank.checking.vocabulary import load_vocabulary
from kennisbank.model.problems import Position, Problem
from kennisbank.model.types import Kind
from kennisbank.reading.repository import slugify

WIDTH = 100
SMALL_CHOICES = 8


def yaml_scalar(text: str) -> str:
    """A single-line YAML value, quoted only when YAML needs it (``Taal: de sleutel``)."""
    dumped = yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10_000)
    return dumped.removesuffix("\n").removesuffix("\n...")


def _comment(field: Field, indent: str) -> list[str]:
    need = "verplicht" if field.required else "niet verplicht"
    text = f"{field.title} ({need}): {field.description.strip()}"
    if field.form:
        text += f" {field.form[0].upper()}{field.form[1:]}."
    if field.choices and not field.vocabulary and len(field.choices) <= SMALL_CHOICES:
        text += " Kies uit: " + ", ".join(c.value for c in field.choices) + "."
    elif field.vocabulary:
        text += " Je editor laat de keuzes zien."
    width = WIDTH - len(indent) - 2
    return [f"{indent}# {line}" for line in textwrap.wrap(text, width, break_on_hyphens=False)]


def _value(field: Field, values: dict[str, str]) -> str:
    if field.name in values:
        return " " + values[field.name]
    if field.shape == "lijst":
        return " []"
    if field.shape == "markdown":
        return " |"
    return ""


def _field_lines(field: Field, values: dict[str, str]) -> list[str]:
    """A top-level field; a list of groups (``bron``) gets one item with all its fields."""
    off = "" if field.required else "# "
    out = _comment(field, "")
    if field.shape != "groepen":
        return [*out, f"{off}{field.name}:{_value(field, values)}"]
    out.append(f"{off}{field.name}:")
    for i, child in enumerate(field.children):
        indent = "  " if i == 0 else "    "
        key = f"- {child.name}" if i == 0 else child.name
        if field.required:
            out += _comment(child, indent)
            child_off = "" if child.required else "# "
            out.append(f"{indent}{child_off}{key}:{_value(child, {})}")
        else:
            out.append(f"# {indent}{key}:")
    return out


def card_template(card: CardFields, titel: str, today: dt.date) -> str:
    """The text of a new card of this type. Line 1 is the schema modeline for the editor."""
    values = {"titel": yaml_scalar(titel), "gecontroleerd": today.isoformat()}
    lines = [
        f"# yaml-language-server: $schema=../schema/{card.kind.schema}.schema.json",
        f"# Nieuwe kaart: {card.title.lower()}. Vul de velden in; regels met # ervoor zijn uitleg.",
        "# Velden die niet verplicht zijn, staan uit: haal de # weg als je ze invult.",
        "",
    ]
    for field in card.fields:
        lines += [*_field_lines(field, values), ""]
    return "\n".join(lines)


def new_card(root: Path, kind: Kind, titel: str, today: dt.date) -> tuple[str | None, list[Problem]]:
    """Write a new card; returns its path (relative to ``root``), or the problems that stopped it."""
    slug = slugify(titel)
    if not slug:
        return None, [
            Problem(
                Position(kind.folder),
                f"van de titel '{titel}' kan geen bestandsnaam gemaakt worden",
                "gebruik letters of cijfers in de titel",
            )
        ]
    shown = f"{kind.folder}/{slug}.yml"
    target = root / shown
    if target.exists():
        return None, [
            Problem(
                Position(shown),
                "deze kaart bestaat al; er is niets overschreven",
                "pas die kaart aan, of kies een andere titel",
            )
        ]
    vocab, problems = load_vocabulary(root)
    if problems:
        return None, problems
    fields = card_fields(load_schemas(root, vocab), kind, vocab)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(card_template(fields, titel.strip(), today), encoding="utf-8")
    return shown, []
