"""Editorial settings: one small data file, ``data/redactie.yml``, read by the check and the site.

A missing file means the defaults; a wrong value is an error at its line, like any card problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kennisbank.model.problems import Problem
from kennisbank.reading.load import read_document

SETTINGS_FILE = "data/redactie.yml"


@dataclass(frozen=True)
class Settings:
    controle_maanden: int = 24
    """A card whose ``gecontroleerd`` is older than this many months is due for review."""
    leesbaarheid_minimum: float = 30.0
    """A summary with a Flesch-Douma score below this gets a readability warning."""
    repository: str = ""
    """The GitHub repository (owner/name) the form at /admin/ saves cards to; empty: the one the
    build runs in on GitHub Actions."""
    tak: str = "main"
    """The branch the form's pull requests are for."""
    inloghulp: str = ""
    """Address of the OAuth helper for logging in with GitHub (https://...); empty: not set up."""


_HINTS = {
    "controle_maanden": "schrijf een heel getal groter dan 0, bijvoorbeeld 24",
    "leesbaarheid_minimum": "schrijf een getal, bijvoorbeeld 30",
    "repository": "schrijf eigenaar/naam van de repository op GitHub, bijvoorbeeld bibliotheek/kennisbank",
    "tak": "schrijf de naam van een tak, bijvoorbeeld main",
    "inloghulp": "schrijf het adres van de inloghulp, beginnend met https://, of laat het leeg",
}
_TEXTS = {
    "repository": re.compile(r"(?:[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?"),
    "tak": re.compile(r"[A-Za-z0-9_./-]+"),
    "inloghulp": re.compile(r"(?:https://[^\s\"'<>]+)?"),
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
    texts = {}
    for key, form in _TEXTS.items():
        value = data.get(key, getattr(Settings, key))
        if value is None:
            value = ""
        if not isinstance(value, str) or not form.fullmatch(value):
            doc.fail(doc.at((key,)), f"'{key}' klopt niet", _HINTS[key])
            value = getattr(Settings, key)
        texts[key] = value
    return Settings(months, float(minimum), **texts), doc.problems
