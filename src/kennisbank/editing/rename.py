"""``kennisbank hernoem``: give a card a new name without breaking a link.

The file moves, every reference to it in other cards changes in place (comments and layout stay),
and the old public address gets a redirect. Knelpunten are named after their code and keep it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kennisbank.model.problems import Position, Problem
from kennisbank.model.types import Kind
from kennisbank.output.redirects import add_redirect
from kennisbank.reading.load import read_document
from kennisbank.reading.repository import SLUG_RE, discover, display_path, invalid_name, kind_of

# The reference list in other cards that names a card of this kind.
REFERENCE_FIELD = {Kind.PRAKTIJK: "praktijken", Kind.TIP: "tips", Kind.AANBEVELING: "aanbevelingen"}


@dataclass
class Renamed:
    old: str
    new: str
    redirect: tuple[str, str]
    references: list[tuple[str, int]] = field(default_factory=list)
    """(file, line) of every reference that was changed."""
    pages: list[str] = field(default_factory=list)
    """Hand-written pages in docs/ that still name the old address: an editor fixes those by hand."""


def _find(root: Path, name: str) -> tuple[Path | None, list[Problem]]:
    """A card by path (``practices/x.yml``) or by name (``x``)."""
    given = Path(name)
    if given.suffix == ".yml" or len(given.parts) > 1:
        for candidate in (given, root / given):
            if candidate.is_file():
                return candidate.resolve(), []
        return None, [Problem(Position(name), "deze kaart bestaat niet", "controleer de naam en de map")]
    slug = name.removesuffix(".yml")
    found = [root / k.folder / f"{slug}.yml" for k in Kind if (root / k.folder / f"{slug}.yml").is_file()]
    if not found:
        return None, [
            Problem(
                Position(name),
                f"er is geen kaart met de naam '{slug}'",
                "gebruik de bestandsnaam zonder .yml, bijvoorbeeld dalfsen-taalmeter",
            )
        ]
    if len(found) > 1:
        options = " of ".join(display_path(f, root) for f in found)
        return None, [
            Problem(Position(name), f"er zijn meer kaarten met de naam '{slug}'", f"noem het pad: {options}")
        ]
    return found[0].resolve(), []


def _reference_edits(root: Path, kind: Kind, old: str, new: str, skip: Path) -> list[tuple[Path, str, int]]:
    """New text for every card that names ``old`` in its reference list; (file, text, line)."""
    attr = REFERENCE_FIELD[kind]
    files, _ = discover(root)
    out: list[tuple[Path, str, int]] = []
    for card_file in files:
        if card_file.file.resolve() == skip or card_file.file.suffix != ".yml":
            continue
        doc = read_document(card_file.file, card_file.display)
        refs = doc.data.get(attr) if isinstance(doc.data, dict) else None
        if doc.problems or not isinstance(refs, list):
            continue
        text = card_file.file.read_text(encoding="utf-8-sig")
        bom = "\ufeff" if card_file.file.read_bytes().startswith(b"\xef\xbb\xbf") else ""
        starts = [0]
        for row in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(row))
        hits = []
        for i, ref in enumerate(refs):
            if ref != old:
                continue
            pos = doc.values[(attr, i)]
            offset = starts[pos.line - 1] + pos.col - 1
            if text[offset] in "'\"":
                offset += 1
            if text[offset : offset + len(old)] == old:
                hits.append((offset, pos.line))
        if not hits:
            continue
        for offset, _line in sorted(hits, reverse=True):
            text = text[:offset] + new + text[offset + len(old) :]
        out += [(card_file.file, bom + text, line) for _offset, line in hits]
    return out


def rename_card(root: Path, old_name: str, new_name: str) -> tuple[Renamed | None, list[Problem]]:
    """Rename a card, or return why not (nothing is changed then)."""
    source, problems = _find(root, old_name)
    if source is None:
        return None, problems
    kind = kind_of(source)
    old_shown = display_path(source, root)
    if kind is Kind.KNELPUNT:
        return None, [
            Problem(
                Position(old_shown),
                "een knelpunt kan niet hernoemd worden",
                "een knelpunt heet naar zijn code (a.yml tot en met f.yml); verander de titel in het bestand",
            )
        ]
    if kind is None:
        return None, [Problem(Position(old_shown), "dit bestand staat niet in een map voor kaarten")]
    wanted = Path(new_name)
    if len(wanted.parts) > 1 and Kind.from_folder(wanted.parent.name) not in (None, kind):
        return None, [
            Problem(
                Position(new_name),
                "een kaart blijft in haar eigen map",
                f"geef een nieuwe naam in {kind.folder}/, bijvoorbeeld {kind.folder}/{wanted.stem}.yml",
            )
        ]
    slug = wanted.name.removesuffix(".yml")
    if not SLUG_RE.match(slug):
        return None, [invalid_name(Position(new_name), f"'{slug}'", slug)]
    target = root / kind.folder / f"{slug}.yml"
    new_shown = f"{kind.folder}/{slug}.yml"
    if target.exists():
        same = target.resolve() == source
        return None, [
            Problem(
                Position(new_shown),
                "dit is al de naam van de kaart" if same else "er is al een kaart met deze naam",
                "kies een andere naam",
            )
        ]
    old_slug = source.stem
    edits = _reference_edits(root, kind, old_slug, slug, source)
    redirect = (f"/{kind.url_prefix}/{old_slug}/", f"/{kind.url_prefix}/{slug}/")
    problems = add_redirect(root, *redirect)
    if problems:
        return None, problems
    source.rename(target)
    renamed = Renamed(old_shown, new_shown, redirect)
    for file, text, line in edits:
        file.write_text(text, encoding="utf-8")
        renamed.references.append((display_path(file, root), line))
    renamed.references.sort()
    needles = (f"{kind.url_prefix}/{old_slug}/", f"{kind.url_prefix}/{old_slug}.md")
    for page in sorted((root / "docs").rglob("*.md")):
        if any(n in page.read_text(encoding="utf-8", errors="replace") for n in needles):
            renamed.pages.append(display_path(page, root))
    return renamed, []
