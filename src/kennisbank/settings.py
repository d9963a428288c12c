"""Editorial settings: one small data file, ``data/redactie.yml``, read by the check and the site.

A missing file means the defaults; a wrong value is an error at its line, like any card problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .load import read_document
from .problems import Problem

SETTINGS_FILE = "data/redactie.yml"


@dataclass(frozen=True)
class Settings:
    controle_maanden: int = 24
    """A card whose ``gecontroleerd`` is older than this many months is due for review."""
    leesbaarheid_minimum: float = 30.0
    """A summary with a Flesch-Douma score below this gets a readability warning."""


_HINTS = {
    "controle_maanden": "schrijf een heel getal groter dan 0, bijvoorbeeld 24",
    "leesbaarheid_minimum": "schrijf een getal, bijvoorbeeld 30",
}


def load_settings(root: Path) -> tuple[Settings, list[Problem]]:
    file = root / SETTINGS_FILE
    if not file.exists():
        return Settings(), []
    doc = read_document(file, SETTINGS_FILE)
    if doc.problems:
        return Settings(), doc.problems
    data = doc.data if isinstance(doc.data, dict) else {}
    for key in data:
        if key not in _HINTS:
            doc.fail(
                doc.at((key,), key=True),
                f"onbekende instelling '{key}'",
                "toegestane instellingen: " + ", ".join(_HINTS),
            )
    months = data.get("controle_maanden", Settings.controle_maanden)
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        doc.fail(doc.at(("controle_maanden",)), "'controle_maanden' klopt niet", _HINTS["controle_maanden"])
        months = Settings.controle_maanden
    minimum = data.get("leesbaarheid_minimum", Settings.leesbaarheid_minimum)
    if isinstance(minimum, bool) or not isinstance(minimum, int | float):
        doc.fail(
            doc.at(("leesbaarheid_minimum",)),
            "'leesbaarheid_minimum' klopt niet",
            _HINTS["leesbaarheid_minimum"],
        )
        minimum = Settings.leesbaarheid_minimum
    return Settings(months, float(minimum)), doc.problems
