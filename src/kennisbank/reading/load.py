"""Read one YAML file (a card, a list, a setting) into plain values with positions.

The bytes are read without following a link and only up to a limit, decoded as strict UTF-8,
and parsed by libyaml when it can (fast) or by PyYAML's careful parser, whose messages and
positions editors get. The events become values in :mod:`kennisbank.reading.events`. Anything unusual
(custom tags, anchors, merge keys, duplicate keys, non-text keys, invalid UTF-8, control
characters) becomes a :class:`~kennisbank.model.problems.Problem` with a line and column.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import Any

import yaml

from kennisbank.model.problems import Position, Problem
from kennisbank.reading.document import Document, JsonPath, code_point, mark_position, offset_position
from kennisbank.reading.events import MAX_DEPTH, Events, character_problem, forbidden_character

__all__ = ["MAX_DEPTH", "Document", "JsonPath", "forbidden_character", "parse_text", "read_document"]

# PyYAML's problems, in the words an editor understands.
_YAML_MESSAGES = [
    ("found character '\\t'", "er staat een tab in de inspringing", "gebruik spaties, geen tabs"),
    (
        "mapping values are not allowed",
        "onverwachte dubbele punt",
        "zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing",
    ),
    (
        "could not find expected ':'",
        "hier mist een dubbele punt na de veldnaam",
        "schrijf 'veld: waarde'",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet",
        "zet velden van hetzelfde niveau precies onder elkaar",
    ),
    (
        "did not find expected '-' indicator",
        "de inspringing van de lijst klopt niet",
        "zet elk lijstitem met '- ' precies onder elkaar",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet",
        "zet velden van hetzelfde niveau precies onder elkaar",
    ),
    (
        "found unexpected end of stream",
        "een aanhalingsteken wordt niet afgesloten",
        "sluit de tekst af met hetzelfde aanhalingsteken",
    ),
    (
        "found undefined alias",
        "onbekende verwijzing met *",
        "een * aan het begin van een waarde heeft in YAML een betekenis; "
        "zet de tekst tussen aanhalingstekens",
    ),
    (
        "found character that cannot start any token",
        "dit teken mag hier niet aan het begin staan",
        "zet de tekst tussen aanhalingstekens",
    ),
    (
        "expected a single document",
        "het bestand bevat meer dan één document",
        "haal de regel met alleen '---' weg; één kaart per bestand",
    ),
    (
        "found duplicate anchor",
        "hetzelfde &anker staat er twee keer",
        "gebruik geen & en * in kaarten",
    ),
]


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Strict UTF-8 (a BOM is allowed). A bad byte is reported at its line and column."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        pos = offset_position(good, len(good), path)
        return None, Problem(
            pos,
            f"het bestand is geen geldige UTF-8: onbekend teken (byte 0x{raw[exc.start]:02x})",
            "sla het bestand op als UTF-8; typ het teken op deze plek opnieuw",
        )


def read_bounded(file: Path) -> bytes:
    """The bytes of ``file``; more than :data:`MAX_BYTES` are never read (:class:`TooLarge`).
    A symbolic link is not followed (OSError): it could point at any file of the build machine."""
    with os.fdopen(os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise TooLarge
    return raw


class TooLarge(Exception):
    """A file over :data:`MAX_BYTES`."""


def too_large(display_path: str) -> Problem:
    return Problem(
        Position(display_path),
        f"het bestand is te groot (meer dan {MAX_BYTES // 1_000_000} MB)",
        "een kaart is een paar kilobyte; haal de extra tekst weg",
    )


def read_document(file: Path, display_path: str, raw: bytes | None = None) -> Document:
    """Parse a card file (or ``raw``, its bytes when the caller read them already)."""
    doc = Document(display_path)
    if raw is None:
        try:
            raw = read_bounded(file)
        except TooLarge:
            doc.problems.append(too_large(display_path))
            return doc
        except OSError as exc:
            doc.fail(Position(display_path), f"het bestand kan niet gelezen worden ({exc.strerror})")
            return doc
    if len(raw) > MAX_BYTES:
        doc.problems.append(too_large(display_path))
        return doc
    text, problem = decode(raw, display_path)
    if problem is not None:
        doc.problems.append(problem)
        return doc
    assert text is not None
    parse_text(doc, text)
    return doc


_CLoader: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
# Characters the two parsers count differently (tabs, Unicode line breaks, a BOM inside the text):
# only the careful parser gives positions editors can trust for those.
_CAREFUL = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")

MAX_BYTES = 1_000_000
"""A card is a few kilobytes; a file of more than this is refused before it is parsed."""


class _Loader(yaml.SafeLoader):
    """The careful, pure-Python parser: exact positions and messages for every YAML problem."""


def parse_text(doc: Document, text: str) -> None:
    """Parse ``text`` into ``doc``: values, positions and problems.

    libyaml (about ten times faster) reads the events when PyYAML has it; on any YAML problem,
    and for characters the two parsers count differently, the careful pure-Python parser reads
    the text again, so editors always get its messages and positions. Both feed the same event
    loop, which builds plain values without recursion and stops at a depth limit: a structure
    nested thousands deep never reaches a recursive parser.
    """
    if _CLoader is not None and not any(c in text for c in _CAREFUL):
        fast = Document(doc.path)
        loader: Any = None
        try:
            loader = _CLoader(text)
            Events(fast, loader, text).run()
        except yaml.YAMLError:
            pass  # the careful parser below says what is wrong, and where
        else:
            doc.data, doc.values, doc.keys = fast.data, fast.values, fast.keys
            doc.problems += fast.problems
            return
        finally:
            if loader is not None:
                loader.dispose()
    careful: _Loader | None = None
    try:
        careful = _Loader(text)
        Events(doc, careful, text).run()
    except yaml.reader.ReaderError as exc:
        doc.data = None
        doc.problems.append(
            character_problem(offset_position(text, exc.position, doc.path), code_point(exc.character))
        )
    except yaml.MarkedYAMLError as exc:
        doc.data = None
        _yaml_problem(doc, exc, text)
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors in practice
        doc.data = None
        doc.fail(Position(doc.path), "dit is geen geldige YAML", str(exc))
    finally:
        if careful is not None:
            careful.dispose()


# Spaces that look like a space but are not one for YAML; they come along when text is copied
# from Word or a web page ('plaats:\u00a0Dalfsen' is one word without a colon-space in it).
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def _yaml_problem(doc: Document, exc: yaml.MarkedYAMLError, text: str) -> None:
    mark = exc.problem_mark or exc.context_mark
    odd = None
    if mark is not None:  # on the line of the problem or the one before (YAML notices it late)
        line_start = text.rfind("\n", 0, mark.index) + 1
        start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        end = text.find("\n", mark.index)
        odd = _ODD_SPACE.search(text, start, len(text) if end < 0 else end)
    if odd is not None:
        doc.problems.append(
            Problem(
                offset_position(text, odd.start(), doc.path),
                f"hier staat een andere spatie dan een gewone (U+{ord(odd.group()):04X})",
                "typ hier een gewone spatie; zo'n spatie komt vaak mee bij kopiëren uit Word of een website",
            )
        )
        return
    problem = f"{exc.problem or ''} {exc.context or ''}"
    for needle, message, hint in _YAML_MESSAGES:
        if needle in problem:
            doc.fail(mark_position(doc.path, mark), message, hint)
            return
    doc.fail(
        mark_position(doc.path, mark),
        "dit is geen geldige YAML",
        f"controleer inspringing en aanhalingstekens; technische melding: {exc.problem}",
    )
