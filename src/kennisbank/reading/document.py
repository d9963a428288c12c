"""A YAML file's values with the position of every key and value, and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from kennisbank.model.problems import Position, Problem

JsonPath = tuple[str | int, ...]


@dataclass
class Document:
    """A card file's values with positions. ``data`` is JSON-like (dict, list, str, int, ...)."""

    path: str
    data: Any = None
    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def at(self, json_path: JsonPath, *, key: bool = False) -> Position:
        """Best position for a path: the key if asked and known, else the value, else a parent."""
        if key and json_path in self.keys:
            return self.keys[json_path]
        probe = tuple(json_path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(self.path))

    def fail(self, pos: Position, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(pos, message, hint))


def mark_position(path: str, mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def offset_position(text: str, offset: int, path: str) -> Position:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Position(path, line, col)


def code_point(character: object) -> int:
    if isinstance(character, int):
        return character
    return ord(str(character)[:1] or " ")
