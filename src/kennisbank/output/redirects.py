"""Old public paths that must keep working: ``data/redirects.yml`` (old path -> new path).

``kennisbank hernoem`` writes it (header comments kept, one ``/old/: /new/`` line each); the
MkDocs adapter hands it to mkdocs-redirects after :func:`load_redirects` checked it against the
pages the site has, with the same ``path:line:col`` messages as the cards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from kennisbank.model.problems import Position, Problem
from kennisbank.output.urls import path_to_src
from kennisbank.reading.document import Document
from kennisbank.reading.load import read_document

REDIRECTS_FILE = "data/redirects.yml"
# A site path: segments of lowercase letters, digits and hyphens between slashes. Nothing else
# may reach the file a redirect page is written to (no '..', no '//host', no query).
PATH_RE = re.compile(r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*$")
HEADER = (
    "# Doorverwijzingen: oud adres -> nieuw adres. Een adres dat ooit online stond, blijft werken.\n"
    "# 'kennisbank hernoem' vult deze lijst zelf aan. Haal hier nooit een regel weg.\n"
)


@dataclass(frozen=True)
class Redirect:
    old: str  # public path, e.g. /praktijken/oude-naam/
    new: str


def read_redirects(root: Path) -> tuple[dict[str, str], Document | None, list[Problem]]:
    """The redirects as written (old path -> new path), each a valid site path; the one reader
    of ``data/redirects.yml`` (the build and ``kennisbank hernoem`` both use it)."""
    file = root / REDIRECTS_FILE
    if not file.exists():
        return {}, None, []
    doc = read_document(file, REDIRECTS_FILE)
    if doc.problems:
        return {}, doc, doc.problems
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        doc.fail(Position(REDIRECTS_FILE), "de lijst moet bestaan uit regels 'oud adres: nieuw adres'")
        return {}, doc, doc.problems
    redirects: dict[str, str] = {}
    for old, new in data.items():
        at = doc.at((old,), key=True)
        if not PATH_RE.match(str(old)):
            doc.fail(
                at,
                f"'{old}' is geen geldig oud adres",
                "schrijf een adres als /praktijken/oude-naam/: kleine letters, cijfers en streepjes "
                "tussen schuine strepen",
            )
        elif not (isinstance(new, str) and PATH_RE.match(new)):
            doc.fail(
                at,
                f"'{old}' heeft geen geldig nieuw adres",
                "schrijf bijvoorbeeld: /praktijken/oud/: /praktijken/nieuw/",
            )
        else:
            redirects[str(old)] = new
    return redirects, doc, doc.problems


def load_redirects(root: Path, src_uris: Iterable[str]) -> tuple[list[Redirect], list[Problem]]:
    """Read the redirects and check them against the pages the site has now."""
    written, doc, problems = read_redirects(root)
    if doc is None or (problems and not written):
        return [], problems
    known = set(src_uris)
    redirects = []
    for old, new in written.items():
        if path_to_src(old, known):
            doc.fail(
                doc.at((old,), key=True),
                f"op het oude adres '{old}' staat weer een pagina",
                "haal de doorverwijzing weg of kies een andere naam voor de pagina",
            )
        elif not path_to_src(new, known):
            doc.fail(
                doc.at((old,)), f"het nieuwe adres '{new}' bestaat niet", "verwijs naar een pagina die er is"
            )
        else:
            redirects.append(Redirect(old, new))
    return redirects, doc.problems


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "".join(lines) or HEADER


def add_redirect(root: Path, old: str, new: str) -> list[Problem]:
    """Add ``old -> new``; whatever pointed at ``old`` now points at ``new`` (no chains, no loops)."""
    redirects, _doc, problems = read_redirects(root)
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
