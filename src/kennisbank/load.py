"""Read one YAML card file into plain values, keeping the position of every key and value.

Only the YAML *composer* runs: nodes are turned into values here, so no tag can construct a
Python object. Anything unusual (custom tags, anchors, merge keys, duplicate keys, non-text keys,
invalid UTF-8) becomes a :class:`~kennisbank.problems.Problem` with a line and column.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Position, Problem

JsonPath = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}

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


@dataclass
class Document:
    """A card file's values with positions. ``data`` is JSON-like (dict, list, str, int, ...)."""

    path: str
    data: Any = None
    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def at(self, json_path: JsonPath, *, key: bool = False) -> Position:
        """Best position for a path: the key if asked and known, else the value, else a parent."""
        if key and json_path in self.keys:
            return self.keys[json_path]
        probe = tuple(json_path)
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Position(self.path))

    def fail(self, pos: Position, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(pos, message, hint))


def _pos(path: str, mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def _position_of_offset(text: str, offset: int, path: str) -> Position:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Position(path, line, col)


def _code_point(character: object) -> int:
    if isinstance(character, int):
        return character
    return ord(str(character)[:1] or " ")


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """Strict UTF-8 (a BOM is allowed). A bad byte is reported at its line and column."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8")
        pos = _position_of_offset(good, len(good), path)
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

MAX_DEPTH = 10
"""Lists and groups inside each other. A card needs three (card, list, item); a structure nested
thousands deep would crash a recursive parser, so the event loop below stops at this depth."""
MAX_BYTES = 1_000_000
"""A card is a few kilobytes; a file of more than this is refused before it is parsed."""

# Characters that must not reach a page, the CSV or the feed, also not through a YAML escape
# ("\0", "\e", "\u202E"): control characters (tab and line feed are fine), C1 controls, the
# direction controls that reorder text (bidi), invisible zero-width characters, line and paragraph
# separators, lone surrogates and non-characters (they make UTF-8 output and XML invalid), and the
# invisible "tag" characters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029"
    "\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff\U000e0000-\U000e007f]"
)
_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def forbidden_character(text: str) -> int | None:
    """The first character of ``text`` that may not be published, as a code point, or None."""
    found = _FORBIDDEN.search(text)
    return ord(found.group()) if found else None


def _character_problem(pos: Position, code: int) -> Problem:
    if code in _BIDI:
        what, hint = "een teken dat de leesrichting verandert", "haal het weg; het is onzichtbaar"
    elif code < 0xA0:
        what, hint = "een stuurteken", "haal het weg; schrijf geen tekens als \\0, \\a, \\e of \\x01"
    else:
        what, hint = "een onzichtbaar of ongeldig teken", "haal het weg; typ de tekst opnieuw"
    return Problem(pos, f"dit teken mag niet in een kaart staan: {what} (U+{code:04X})", hint)


class _Loader(yaml.SafeLoader):
    """The careful, pure-Python parser: exact positions and messages for every YAML problem."""


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SKIP = object()  # a value that is not kept (bad key, bad tag, alias); its problem is reported


class _Stop(Exception):
    """The text cannot be read further (too deep, or a rule PyYAML's composer would enforce)."""


class _Open:
    """A collection being read. For a mapping, ``key`` says what the next event is: None, a key;
    a string, the value of that key; _SKIP, a value that is not kept (bad or duplicate key)."""

    __slots__ = ("is_key", "key", "path", "value")

    def __init__(self, value: Any, path: JsonPath, is_key: bool = False) -> None:
        self.value = value  # dict, list, or _SKIP for a collection that is not kept
        self.path = path
        self.key: Any = None
        self.is_key = is_key


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
            _Events(fast, loader, text).run()
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
        _Events(doc, careful, text).run()
    except yaml.reader.ReaderError as exc:
        doc.data = None
        doc.problems.append(
            _character_problem(_position_of_offset(text, exc.position, doc.path), _code_point(exc.character))
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
                _position_of_offset(text, odd.start(), doc.path),
                f"hier staat een andere spatie dan een gewone (U+{ord(odd.group()):04X})",
                "typ hier een gewone spatie; zo'n spatie komt vaak mee bij kopiëren uit Word of een website",
            )
        )
        return
    problem = f"{exc.problem or ''} {exc.context or ''}"
    for needle, message, hint in _YAML_MESSAGES:
        if needle in problem:
            doc.fail(_pos(doc.path, mark), message, hint)
            return
    doc.fail(
        _pos(doc.path, mark),
        "dit is geen geldige YAML",
        f"controleer inspringing en aanhalingstekens; technische melding: {exc.problem}",
    )


class _Events:
    """Turns a parser's events into plain values (dict, list, str, int, ...) with the position of
    every key and value. Only events are read: no YAML node is composed, no tag constructs a
    Python object, and anchors, aliases and merge keys are refused."""

    def __init__(self, doc: Document, loader: Any, text: str) -> None:
        self.doc = doc
        self.loader = loader
        self.text = text
        self.scalars = yaml.constructor.SafeConstructor()
        self.anchors: set[str] = set()
        self.stack: list[_Open] = []
        self.root: Any = _NOTHING
        self.documents = 0

    def run(self) -> None:
        loader = self.loader
        try:
            while loader.check_event():
                event = loader.get_event()
                if isinstance(event, yaml.DocumentStartEvent):
                    self._document(event)
                elif isinstance(event, yaml.CollectionEndEvent):
                    done = self.stack.pop()
                    self._place(_SKIP if done.value is _SKIP else done.value, key_done=done.is_key)
                elif isinstance(event, yaml.NodeEvent):
                    self._node(event)
        except _Stop:
            self.doc.data = None
            return
        self._finish()

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.doc.fail(
                _pos(self.doc.path, event.start_mark),
                "het bestand bevat meer dan één document",
                "haal de regel met alleen '---' weg; één kaart per bestand",
            )
            raise _Stop

    def _finish(self) -> None:
        doc, root = self.doc, self.root
        if root is _NOTHING:
            doc.fail(
                Position(doc.path),
                "het bestand is leeg",
                "vul de velden in; begin met een sjabloon via 'kennisbank nieuw'",
            )
        elif not isinstance(root, dict):
            what = "een lijst" if isinstance(root, list) else "losse tekst"
            doc.fail(
                doc.values.get((), Position(doc.path)),
                f"een kaart moet bestaan uit velden ('veld: waarde'), maar dit bestand is {what}",
                "begin elke regel met een veldnaam, zoals 'titel: ...'",
            )
        else:
            doc.data = root

    def _skipping(self) -> bool:
        """True when the next value is not kept: inside a collection that is not kept, or as the
        value of a bad or duplicate key."""
        if not self.stack:
            return False
        top = self.stack[-1]
        return top.value is _SKIP or (isinstance(top.value, dict) and top.key is _SKIP)

    def _node(self, event: Any) -> None:
        doc = self.doc
        pos = _pos(doc.path, event.start_mark)
        self._anchor(event, pos)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._key(event, top, pos)
            return
        skip = self._skipping()
        path = () if skip else self._child_path()
        if not skip:
            doc.values[path] = pos
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, pos)
            self._place(_SKIP)
        elif isinstance(event, yaml.ScalarEvent):
            self._place(_SKIP if skip else self._scalar(event, pos))
        else:
            self._open(event, pos, path, skip)

    def _open(self, event: Any, pos: Position, path: JsonPath, skip: bool, is_key: bool = False) -> None:
        if len(self.stack) >= MAX_DEPTH:
            self.doc.fail(
                pos,
                f"de kaart is te diep genest: meer dan {MAX_DEPTH} lijsten of groepen in elkaar",
                "een kaart heeft maar een paar niveaus; controleer de haakjes [ ] en { } en de inspringing",
            )
            raise _Stop
        mapping = isinstance(event, yaml.MappingStartEvent)
        tag = _MAP if mapping else _SEQ
        if event.tag not in (None, "!", tag) and not skip:
            self._bad_tag(pos, str(event.tag))
            skip = True
        value: Any = _SKIP if skip or is_key else ({} if mapping else [])
        self.stack.append(_Open(value, path, is_key))

    def _child_path(self) -> JsonPath:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        return (*top.path, top.key)

    def _place(self, value: Any, key_done: bool = False) -> None:
        """Put a finished value into the collection it belongs to."""
        if not self.stack:
            self.root = None if value is _SKIP else value
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(None if value is _SKIP else value)
        elif isinstance(top.value, dict):
            if key_done:  # a list or group used as a key: its value is not kept either
                top.key = _SKIP
                return
            if top.key is not _SKIP:
                top.value[top.key] = None if value is _SKIP else value
            top.key = None

    def _anchor(self, event: Any, pos: Position) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is None or isinstance(event, yaml.AliasEvent):
            return
        if anchor in self.anchors:
            self.doc.fail(pos, "hetzelfde &anker staat er twee keer", "gebruik geen & en * in kaarten")
            raise _Stop
        self.anchors.add(anchor)

    def _alias(self, event: Any, pos: Position) -> None:
        if event.anchor not in self.anchors:
            self.doc.fail(
                pos,
                "onbekende verwijzing met *",
                "een * aan het begin van een waarde heeft in YAML een betekenis; "
                "zet de tekst tussen aanhalingstekens",
            )
            raise _Stop
        self.doc.fail(pos, "verwijzingen met & en * worden niet ondersteund", "schrijf de waarde uit")

    def _key(self, event: Any, top: _Open, pos: Position) -> None:
        doc = self.doc
        if isinstance(event, yaml.ScalarEvent):
            tag = self._resolve(event)
            if tag == _MERGE:
                doc.fail(pos, "'<<' (samenvoegen) wordt niet ondersteund", "schrijf de velden uit")
                top.key = _SKIP
                return
            if tag == _STR and top.value is not _SKIP:
                self._text(event, pos)
                key = str(event.value)
                child = (*top.path, key)
                if key in top.value:
                    doc.fail(
                        pos,
                        f"het veld '{key}' staat er twee keer",
                        f"het eerste staat op regel {doc.keys[child].line}; houd er één over",
                    )
                    top.key = _SKIP
                    return
                doc.keys[child] = pos
                top.key = key
                return
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, pos)
        else:
            doc.fail(
                pos,
                "een veldnaam moet een woord zijn",
                "schrijf een veldnaam zoals 'titel' voor de dubbele punt",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            self._open(event, pos, top.path, True, is_key=True)
        else:
            top.key = _SKIP

    def _resolve(self, event: Any) -> str:
        if event.tag not in (None, "!"):
            return str(event.tag)
        return str(self.loader.resolve(yaml.ScalarNode, event.value, event.implicit))

    def _bad_tag(self, pos: Position, tag: str) -> None:
        self.doc.fail(
            pos,
            f"onbekende YAML-tag '{tag.replace('tag:yaml.org,2002:', '!!')}'",
            "haal de tag met ! weg; een kaart bevat alleen tekst, getallen, lijsten en velden",
        )

    def _scalar(self, event: Any, pos: Position) -> Any:
        tag = self._resolve(event)
        if tag in (_STR, _TIMESTAMP):  # dates stay text; the schema checks they are real dates
            self._text(event, pos)
            return event.value
        if tag not in _PLAIN_TAGS or tag in (_MAP, _SEQ):
            self._bad_tag(pos, tag)
            return _SKIP
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.scalars.yaml_constructors[tag](self.scalars, node)

    def _text(self, event: Any, pos: Position) -> None:
        """Refuse characters that must not be published, at their own line and column when they
        stand in the file as they are, else (written as an escape like \\u202E) where the text starts."""
        code = forbidden_character(event.value)
        if code is None:
            return
        at = self.text.find(chr(code), event.start_mark.index, event.end_mark.index)
        if at >= 0:
            pos = _position_of_offset(self.text, at, self.doc.path)
        self.doc.problems.append(_character_problem(pos, code))


_NOTHING = object()
