"""The one layout of a card file: what ``kennisbank opmaak``, ``kennisbank check`` and the form at
``/admin/`` agree on, so that changing one field changes only that field's lines.

The form writes cards with ``admin/layout.js``, which follows the same rules line by line (a test
feeds both the same values). The rules are few on purpose, so that two small writers can agree:

- fields in the order of the schema (the form's order), unknown fields after them;
- line 1 names the card type's schema for the editor (the modeline), and there are no other
  comments;
- a list of single words (ids, codes, values from a vocabulary) stays on one line, ``[A, D]``, when
  that line fits in 100 characters; any other list is ``- item`` lines indented two spaces under
  its field; an empty list is ``[]``;
- a text on one line is written as it is when YAML reads it back as the same text, otherwise in
  double quotes with JSON's escapes; a text of several lines is a literal block (``|``, ``|-`` or
  ``|+`` after how many line ends it has), or in double quotes when a block cannot hold it;
- long lines are not folded: an edit of a sentence is a change of one line;
- a Markdown text is always a block, and has no line end at its end (``|-``): the form's
  Markdown editor drops it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from kennisbank.model.problems import Position, Problem

INDENT = 2
MARKDOWN = "text/markdown"
WIDTH = 100
"""The longest line a list on one line may make."""
PRINTABLE = "\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010ffff"
"""Characters a plain or block text may hold as they are (YAML's printable set, without the
characters YAML 1.1 reads as line ends and the byte order mark)."""
_NOT_PRINTABLE = re.compile(f"[^{PRINTABLE}]")
_TYPED = re.compile(
    r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|~|null|Null|NULL|<<|=|[-+.]?[0-9][0-9_:.eExXa-fA-FoObB+-]*"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
"""Texts YAML could read as something else than text (a superset of PyYAML's YAML 1.1 rules)."""
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
"""A date stays plain: the cards' reader keeps dates as text, and so does the form."""
_FIRST = " -?:,[]{}#&*!|>'\"%@`"
_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
"""An item a list on one line may hold: one word, like an id, a code or a vocabulary value."""


def _plain(text: str) -> bool:
    return (
        text != ""
        and text[0] not in _FIRST
        and not text.endswith((" ", ":"))
        and ": " not in text
        and " #" not in text
        and not _NOT_PRINTABLE.search(text)
        and (not _TYPED.match(text) or bool(_DATE.match(text)))
    )


def _quoted(text: str) -> str:
    dumped = json.dumps(text, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _block(text: str) -> bool:
    lines = text.rstrip("\n").split("\n")
    return (
        lines[0] != ""
        and not lines[0].startswith(" ")
        and not any(line.endswith(" ") or _NOT_PRINTABLE.search(line) for line in lines)
    )


def _scalar(value: Any, indent: int) -> str:
    """A value after ``key:`` or ``- `` (with its leading space); a block continues on new lines."""
    if value is None:
        return " null"
    if isinstance(value, bool):
        return " true" if value else " false"
    if isinstance(value, int):
        return f" {value}"
    if isinstance(value, float):
        return f" {value!r}"
    text = str(value)
    if ("\n" in text or isinstance(value, Markdown)) and _block(text):
        ends = len(text) - len(text.rstrip("\n"))
        header = {0: "|-", 1: "|"}.get(ends, "|+")
        body = text.rstrip("\n").split("\n") + [""] * max(ends - 1, 0)
        pad = " " * indent
        return f" {header}" + "".join("\n" + (pad + line if line else "") for line in body)
    return " " + (text if _plain(text) else _quoted(text))


def _key(key: Any) -> str:
    text = str(key)
    return text if _plain(text) else _quoted(text)


def _flow(value: list[Any], room: int) -> str | None:
    """A list of words on one line, when every item is one plain word and the line fits;
    otherwise None."""
    if not all(isinstance(v, str) and _WORD.match(v) and _plain(v) for v in value):
        return None
    text = " [" + ", ".join(value) + "]"
    return text if len(text) <= room else None


def _lines(value: Any, indent: int, used: int) -> str:
    """What follows ``key:`` for any value (``used``: the characters before it on its line): a
    scalar or a short list on the same line, or a block below it."""
    if isinstance(value, Mapping):
        if not value:
            return " {}"
        return "\n" + _mapping(value, indent)
    if isinstance(value, list):
        if not value:
            return " []"
        return _flow(value, WIDTH - used) or "\n" + _sequence(value, indent)
    return _scalar(value, indent)


def _mapping(value: Mapping[Any, Any], indent: int) -> str:
    pad = " " * indent
    lines = []
    for k, v in value.items():
        head = f"{pad}{_key(k)}:"
        lines.append(head + _lines(v, indent + INDENT, len(head)))
    return "\n".join(lines)


def _sequence(value: list[Any], indent: int) -> str:
    pad = " " * indent
    out = []
    for item in value:
        if isinstance(item, Mapping) and item:
            out.append(pad + "- " + _mapping(item, indent + INDENT)[indent + INDENT :])
        elif isinstance(item, list) and item:
            out.append(pad + "- " + _sequence(item, indent + INDENT)[indent + INDENT :])
        else:
            out.append(pad + "-" + _lines(item, indent + INDENT, indent + 1))
    return "\n".join(out)


def ordered(value: Any, schema: object) -> Any:
    """``value`` as the form holds it: every object's fields in the schema's order (unknown fields
    after them, as they were), and a Markdown text without line ends at its end (the form's
    Markdown editor drops them; for the page they make no difference)."""
    schema = schema if isinstance(schema, Mapping) else {}
    if isinstance(value, Mapping):
        props = schema.get("properties", {})
        keys = [k for k in props if k in value] + [k for k in value if k not in props]
        return {k: ordered(value[k], props.get(k)) for k in keys}
    if isinstance(value, list):
        return [ordered(item, schema.get("items")) for item in value]
    if isinstance(value, str) and schema.get("contentMediaType") == MARKDOWN:
        return Markdown(value.rstrip("\n"))
    return value


class Markdown(str):
    """A Markdown text: always a block, even when it is one line, so that it looks the same in
    every card and a second line changes one line."""


def modeline(schema_name: str) -> str:
    """Line 1 of a card: where the editor (VS Code's YAML extension and others) finds its schema."""
    return f"# yaml-language-server: $schema=../schema/{schema_name}.schema.json"


def card_text(data: Mapping[str, Any], schema_name: str, schema: object = None) -> str:
    """The text of a card in the one layout (``schema_name``: ``praktijk`` and so on; ``schema``:
    the card type's schema with its references filled in, for the order of the fields)."""
    body = _mapping(ordered(data, schema), 0) if data else "{}"
    return f"{modeline(schema_name)}\n{body}\n"


def layout_problem(display: str, text: str, expected: str) -> Problem | None:
    """The one problem of a valid card whose text is not in the layout: where it leaves it, and the
    command that fixes it."""
    if text == expected:
        return None
    line, column = first_difference(text, expected)
    return Problem(
        Position(display, line, column),
        "deze kaart staat niet in de vaste opmaak van kaarten (hier wijkt hij af)",
        f"draai 'kennisbank opmaak {display}': dat zet alleen de opmaak goed, de inhoud blijft gelijk",
    )


def first_difference(text: str, expected: str) -> tuple[int, int]:
    """Line and column (from 1) where ``text`` leaves the layout."""
    lines, wanted = text.split("\n"), expected.split("\n")
    for number, (have, want) in enumerate(zip(lines, wanted, strict=False), start=1):
        if have != want:
            same = min(len(have), len(want))
            column = next((i for i, (a, b) in enumerate(zip(have, want, strict=False)) if a != b), same)
            return number, column + 1
    number = min(len(lines), len(wanted))
    return number, 1
