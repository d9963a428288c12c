"""Problems found in cards, in the compiler style editors can act on.

Every problem carries the file, a 1-based line and column, a Dutch message and an optional hint.
``str(problem)`` is the one line an editor sees: ``path:line:col: message (hint)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Level(Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Position:
    """Where a value starts in a file; line and column are 1-based."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Problem:
    position: Position
    message: str
    hint: str | None = None
    level: Level = Level.ERROR

    def __str__(self) -> str:
        p = self.position
        path = shown_path(p.path)
        text = f"{path}:{p.line}:{p.col}: {self.message}"
        if self.level is Level.WARNING:
            text = f"{path}:{p.line}:{p.col}: waarschuwing: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        p = self.position
        return (p.path, p.line, p.col, self.message)


FORBIDDEN_CHARACTERS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029"
    "\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff\U000e0000-\U000e007f"
)
"""Characters no text may publish (a regex character class without brackets): control characters
but tab and line feed, C1 controls, direction controls, invisible zero-width characters, line and
paragraph separators, lone surrogates, non-characters and the invisible tag characters."""
# In a file name shown in a log, tab, line feed and zero-width joiners are written out too.
_UNPRINTABLE = re.compile(f"[\t\n\u200c\u200d{FORBIDDEN_CHARACTERS}]")


def shown_path(path: str) -> str:
    """A file name as it may be printed: a line break or direction character in a name from a
    pull request must not make a fake line in the log, so it is written as \\uXXXX."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", path)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sorted by file, line and column, without exact duplicates."""
    unique = {(p.sort_key, p.hint, p.level): p for p in problems}
    return sorted(unique.values(), key=lambda p: p.sort_key)


def summary_line(problems: list[Problem]) -> str:
    """The closing count line, in Dutch."""
    errors = sum(1 for p in problems if p.level is Level.ERROR)
    warnings = len(problems) - errors
    parts = [f"{errors} {'fout' if errors == 1 else 'fouten'}"]
    if warnings:
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    return " en ".join(parts) + " gevonden."


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions workflow command, so it shows on the line in a pull request.

    ``::error file=practices/x.yml,line=12,col=3::onbekend knelpunt 'G' (kies uit A–F)``
    """
    p = problem.position
    command = "error" if problem.level is Level.ERROR else "warning"
    text = f"{problem.message} ({problem.hint})" if problem.hint else problem.message
    return f"::{command} file={_escape_property(p.path)},line={p.line},col={p.col}::{_escape_data(text)}"
