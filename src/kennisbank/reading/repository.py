"""The repository's files: which card files there are, how they are named, and which files may
be read and published at all.

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
from dataclasses import dataclass
from pathlib import Path

from kennisbank.model.problems import Position, Problem
from kennisbank.model.types import Kind

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""A card's file name, a vocabulary value, a URL segment: lowercase letters, digits, hyphens."""


def slugify(text: str) -> str:
    """'Koken binnen budget (Émmen)' -> 'koken-binnen-budget-emmen'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


MAX_SLUG = 80
"""A card's name is its address: short enough to paste into a mail."""
IGNORED_FILES = frozenset({"readme.md", ".gitkeep"})
"""Files in a card folder that are not cards and need no message. Every other file there is
read as a card or reported: nothing is dropped without a word."""


def is_ignored(file: Path) -> bool:
    return file.name.lower() in IGNORED_FILES


def hidden_problem(shown: str) -> Problem:
    return Problem(
        Position(shown),
        "een bestand waarvan de naam met een punt begint, wordt niet als kaart gelezen",
        "haal de punt aan het begin van de naam weg, of haal het bestand weg",
    )


@dataclass(frozen=True)
class CardFile:
    file: Path
    display: str
    kind: Kind | None

    @property
    def slug(self) -> str:
        return self.file.stem


def display_path(file: Path, root: Path) -> str:
    """``file`` relative to ``root``; a link is shown where it is, not where it points."""
    real = Path(os.path.realpath(file.absolute().parent)) / file.name
    try:
        return real.relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return str(file)


def discover(root: Path) -> tuple[list[CardFile], list[Problem]]:
    """All card files in the repository's card folders, and files there that are not cards."""
    found: list[CardFile] = []
    problems: list[Problem] = []
    for kind in Kind:
        folder = root / kind.folder
        if folder.is_symlink() or not folder.is_dir():
            continue  # a linked folder is refused by untrusted_files and never read
        # os.walk instead of rglob + is_dir: no extra stat per file, which counts at thousands.
        files = sorted(Path(d) / name for d, _dirs, names in os.walk(folder) for name in names)
        for file in files:
            if is_ignored(file) or file.is_symlink():
                continue  # links: refused by untrusted_files, never read
            shown = file.relative_to(root).as_posix()  # rglob keeps the root as given
            if file.parent != folder:  # also a hidden folder: os.walk shows it
                problems.append(
                    Problem(
                        Position(shown),
                        "kaarten staan direct in de map, niet in een submap",
                        f"verplaats het bestand naar {kind.folder}/",
                    )
                )
                continue
            if file.name.startswith("."):
                problems.append(hidden_problem(shown))
                continue
            found.append(CardFile(file, shown, kind))
    return found, problems


def kind_of(file: Path) -> Kind | None:
    folder = Path(os.path.realpath(file.absolute().parent))  # where the file is, not where a link points
    for parent in (folder, *folder.parents):
        kind = Kind.from_folder(parent.name)
        if kind is not None:
            return kind
    return None


def expand_paths(paths: list[Path], root: Path) -> tuple[list[CardFile], list[Problem]]:
    """Files and folders given on the command line, as card files."""
    found: list[CardFile] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(Position(str(path)), "dit bestand of deze map bestaat niet"))
            continue
        if path.is_dir() and not path.is_symlink():
            files = sorted(Path(d) / n for d, _dirs, names in os.walk(path) for n in names)
        else:
            files = [path]
        for file in files:
            if is_ignored(file):
                continue
            if file.is_symlink():  # a file named on the command line may lie elsewhere; a link is never read
                problems.append(symlink_problem(display_path(file, root)))
                continue
            if file.name.startswith("."):
                problems.append(hidden_problem(display_path(file, root)))
                continue
            found.append(CardFile(file, display_path(file, root), kind_of(file)))
    return found, problems


def file_name_problems(card_file: CardFile) -> list[Problem]:
    pos = Position(card_file.display)
    name = card_file.file.name
    suffix = card_file.file.suffix
    if suffix != ".yml":
        if suffix.lower() in (".yaml", ".yml"):
            return [
                Problem(
                    pos,
                    f"de bestandsnaam '{name}' eindigt niet op .yml",
                    "gebruik de extensie .yml (kleine letters)",
                )
            ]
        return [
            Problem(
                pos,
                f"'{name}' is geen kaart: een kaart is een .yml-bestand",
                "haal het bestand weg of geef het de extensie .yml",
            )
        ]
    if not SLUG_RE.match(card_file.slug):
        return [invalid_name(pos, f"de bestandsnaam '{name}'", card_file.slug, ".yml")]
    if len(card_file.slug) > MAX_SLUG:
        return [
            Problem(
                pos,
                f"de bestandsnaam is te lang ({len(card_file.slug)} tekens, hoogstens {MAX_SLUG})",
                "de naam staat in het adres dat mensen in een mail plakken; kies een kortere naam",
            )
        ]
    return []


def invalid_name(pos: Position, what: str, slug: str, suffix: str = "") -> Problem:
    """A card name that is not lowercase letters, digits and hyphens, with a better one."""
    better = slugify(slug) or "naam-van-de-kaart"
    return Problem(
        pos,
        f"{what} is geen geldige naam voor een kaart",
        f"gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{better}{suffix}'",
    )


# Folders and files whose content reaches the build: cards, pages, data, schemas, templates, hooks.
TREES = (*(k.folder for k in Kind), "docs", "data", "schema", "overrides", "hooks")
TOP_FILES = ("mkdocs.yml", "published-urls.txt")

# What docs/ may hold: pages, and in docs/assets/ the site's own styles, scripts and images.
PAGE_SUFFIXES = frozenset({".md"})
ASSET_SUFFIXES = frozenset({".css", ".js", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".ico", ".pdf"})
ASSETS = "docs/assets/"
DOCS_NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+$")
"""A page or asset in docs/: its name is its address, so lowercase letters, digits and hyphens
(no spaces, no capitals: two names that differ only in case are one file on some computers)."""


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
        if not DOCS_NAME_RE.match(Path(shown).name):
            better = (slugify(Path(shown).stem) or "naam") + suffix
            return Problem(
                Position(shown),
                f"de bestandsnaam '{Path(shown).name}' is geen geldige naam voor een bestand van de site",
                "de naam wordt het adres: gebruik kleine letters, cijfers en streepjes, "
                f"bijvoorbeeld '{better}'",
            )
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
