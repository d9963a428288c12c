"""``kennisbank opmaak``: put card files in the one card layout (``checking/layout.py``)."""

from __future__ import annotations

from pathlib import Path

from kennisbank.checking.layout import card_text, ordered
from kennisbank.checking.schemas import load_schemas
from kennisbank.checking.vocabulary import load_vocabulary
from kennisbank.model.problems import Position, Problem
from kennisbank.reading.load import read_document
from kennisbank.reading.repository import discover, expand_paths


def reformat_cards(root: Path, paths: list[Path] | None = None) -> tuple[list[str], list[Problem]]:
    """``kennisbank opmaak``: rewrite cards in the layout (all cards, or the given files and
    folders). Only the layout changes (and line ends at the end of a Markdown text): a card whose
    values would read back differently otherwise, or that cannot be read, is left as it is and
    reported. Returns the files it rewrote."""
    vocab, problems = load_vocabulary(root)
    if problems:
        return [], problems
    schemas = load_schemas(root, vocab)
    files, problems = expand_paths(paths, root) if paths else discover(root)
    changed: list[str] = []
    for card_file in files:
        if card_file.kind is None or card_file.file.is_symlink() or card_file.file.suffix != ".yml":
            continue
        doc = read_document(card_file.file, card_file.display)
        if doc.problems or not isinstance(doc.data, dict):
            problems += doc.problems or [Problem(Position(card_file.display), "dit is geen kaart met velden")]
            continue
        schema = schemas.validators[card_file.kind].schema
        text = card_text(doc.data, card_file.kind.schema, schema)
        again = read_document(card_file.file, card_file.display, text.encode("utf-8"))
        if again.data != ordered(doc.data, schema):
            problems.append(
                Problem(
                    Position(card_file.display),
                    "de opmaak kan deze kaart niet herschrijven zonder de inhoud te veranderen",
                    "niets veranderd; pas de opmaak zelf aan en meld dit aan de beheerders",
                )
            )
            continue
        if card_file.file.read_bytes() != text.encode("utf-8"):
            card_file.file.write_text(text, encoding="utf-8", newline="\n")
            changed.append(card_file.display)
    return changed, problems
