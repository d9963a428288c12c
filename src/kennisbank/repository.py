"""Which files of the repository may be read and published at all.

Every file of a pull request is untrusted. A symbolic link can make the build read (and publish)
any file of the build machine, ``/proc/self/environ`` included, and a directory link can make
MkDocs walk in circles; a page type such as ``.html`` or ``.svg`` in ``docs/`` is published as it
is, scripts included. So no file in these folders is read when it is a link, lies outside the
repository, or is not a plain file, and ``docs/`` holds only the kinds of files the site needs.
``kennisbank check`` and the build refuse them with the same ``path:1:1`` messages.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from .model import Kind
from .problems import Position, Problem

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""A card's file name, a vocabulary value, a URL segment: lowercase letters, digits, hyphens."""


def slugify(text: str) -> str:
    """'Koken binnen budget (Émmen)' -> 'koken-binnen-budget-emmen'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


# Folders and files whose content reaches the build: cards, pages, data, schemas, templates, hooks.
TREES = (*(k.folder for k in Kind), "docs", "data", "schema", "overrides", "hooks")
TOP_FILES = ("mkdocs.yml", "published-urls.txt")

# What docs/ may hold: pages, and in docs/assets/ the site's own styles, scripts and images.
PAGE_SUFFIXES = frozenset({".md"})
ASSET_SUFFIXES = frozenset({".css", ".js", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".pdf"})
ASSETS = "docs/assets/"


def is_inside(root: Path, path: Path) -> bool:
    """True when ``path`` is no symbolic link and its real location lies inside ``root``."""
    if path.is_symlink():
        return False
    real = Path(os.path.realpath(path))
    return real == root or root in real.parents


def _relative(root: Path, path: str) -> str:
    return Path(path).relative_to(root).as_posix()


def untrusted_files(root: Path) -> list[Problem]:
    """Every link, non-plain file and file outside the repository among the files the build
    reads, and every file in ``docs/`` that is not a page or an asset. Nothing is followed."""
    root = Path(os.path.realpath(root))
    problems: list[Problem] = []
    for name in TOP_FILES:
        if (root / name).is_symlink():
            problems.append(symlink_problem(name))
    for tree in TREES:
        base = root / tree
        if base.is_symlink():
            problems.append(symlink_problem(tree))
            continue
        if not base.is_dir():
            continue
        for folder, dirs, files in os.walk(base):  # never follows links
            for name in dirs:
                path = os.path.join(folder, name)
                if os.path.islink(path):
                    problems.append(symlink_problem(_relative(root, path) + "/"))
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
            for name in files:
                path = os.path.join(folder, name)
                shown = _relative(root, path)
                problem = _file_problem(path, shown)
                if problem is not None:
                    problems.append(problem)
    return problems


def _file_problem(path: str, shown: str) -> Problem | None:
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return symlink_problem(shown)
    if not stat.S_ISREG(mode):
        return Problem(
            Position(shown),
            "dit is geen gewoon bestand",
            "zet hier alleen gewone bestanden neer, zoals .yml- en .md-bestanden",
        )
    if shown.startswith("docs/") and not Path(shown).name.startswith("."):
        suffix = Path(shown).suffix.lower()
        allowed = ASSET_SUFFIXES | PAGE_SUFFIXES if shown.startswith(ASSETS) else PAGE_SUFFIXES
        if suffix not in allowed:
            where = "docs/assets/" if shown.startswith(ASSETS) else "docs/"
            kinds = ", ".join(sorted(allowed))
            return Problem(
                Position(shown),
                f"dit soort bestand ('{suffix or Path(shown).name}') mag niet in {where} staan",
                f"toegestaan: {kinds}; een pagina is een .md-bestand"
                + ("" if shown.startswith(ASSETS) else ", plaatjes en opmaak staan in docs/assets/"),
            )
    return None


def symlink_problem(shown: str) -> Problem:
    return Problem(
        Position(shown),
        "dit is een symbolische koppeling (symlink) naar een ander bestand of een andere map; "
        "die worden niet gelezen",
        "zet het bestand zelf hier neer, met de inhoud erin",
    )
