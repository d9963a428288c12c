"""The redirect list ``data/redirects.yml``: old public path -> new public path, one per line.

Only ``kennisbank hernoem`` writes it; the build turns it into redirect pages. The header
comments stay; entries are kept in order, one ``/old/: /new/`` line each.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .load import read_document
from .problems import Position, Problem

REDIRECTS_FILE = "data/redirects.yml"
HEADER = (
    "# Doorverwijzingen: oud adres -> nieuw adres. Een adres dat ooit online stond, blijft werken.\n"
    "# 'kennisbank hernoem' vult deze lijst zelf aan. Haal hier nooit een regel weg.\n"
)


def read_redirects(root: Path) -> tuple[dict[str, str], list[Problem]]:
    file = root / REDIRECTS_FILE
    if not file.exists():
        return {}, []
    doc = read_document(file, REDIRECTS_FILE)
    if doc.problems:
        return {}, doc.problems
    if doc.data is None:
        return {}, []
    if not isinstance(doc.data, dict) or not all(isinstance(v, str) for v in doc.data.values()):
        return {}, [
            Problem(
                Position(REDIRECTS_FILE),
                "de lijst met doorverwijzingen klopt niet",
                "schrijf op elke regel: /oud/adres/: /nieuw/adres/",
            )
        ]
    return {str(k): str(v) for k, v in doc.data.items()}, []


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines) or HEADER


def add_redirect(root: Path, old: str, new: str) -> list[Problem]:
    """Add ``old -> new``; whatever pointed at ``old`` now points at ``new`` (no chains, no loops)."""
    redirects, problems = read_redirects(root)
    if problems:
        return problems
    updated = {src: (new if dst == old else dst) for src, dst in redirects.items()}
    updated[old] = new
    updated.pop(new, None)  # the page exists again at ``new``: it must not redirect away
    file = root / REDIRECTS_FILE
    header = _header(file.read_text(encoding="utf-8")) if file.exists() else HEADER
    if not header.endswith("\n"):
        header += "\n"
    body = "".join(
        yaml.safe_dump({src: dst}, allow_unicode=True, width=10_000) for src, dst in updated.items()
    )
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(header + body, encoding="utf-8")
    return []
