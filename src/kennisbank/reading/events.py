"""YAML events to plain values (dict, list, str, int, ...), without recursion and with limits.

Only the parser's events are read: no YAML node is composed, no tag constructs a Python object,
and anchors, aliases and merge keys are refused. The depth limit stops a structure nested
thousands deep before anything recursive could see it, and text that must not be published
(control and direction characters, also through escapes such as ``\\u202E``) is refused here, at
its own line and column.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from kennisbank.model.problems import FORBIDDEN_CHARACTERS, Position, Problem
from kennisbank.reading.document import Document, JsonPath, mark_position, offset_position

_PLAIN_TAGS = frozenset(
    {
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:map",
    }
)

MAX_DEPTH = 10
"""Lists and groups inside each other. A card needs three (card, list, item); a structure nested
thousands deep would crash a recursive parser, so the event loop below stops at this depth."""

# Characters that must not reach a page, the CSV or the feed, also not through a YAML escape
# ("\0", "\e", "\u202E"): control characters (tab and line feed are fine), C1 controls, the
# direction controls that reorder text (bidi), invisible zero-width characters, line and paragraph
# separators, lone surrogates and non-characters (they make UTF-8 output and XML invalid), and the
# invisible "tag" characters.
_FORBIDDEN = re.compile(f"[{FORBIDDEN_CHARACTERS}]")
_BIDI = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})


def forbidden_character(text: str) -> int | None:
    """The first character of ``text`` that may not be published, as a code point, or None."""
    found = _FORBIDDEN.search(text)
    return ord(found.group()) if found else None


def forbidden_offset(text: str) -> int | None:
    """Where the first character of ``text`` that may not be published is, or None."""
    found = _FORBIDDEN.search(text)
    return found.start() if found else None


def character_problem(pos: Position, code: int, where: str = "in een kaart") -> Problem:
    if code in _BIDI:
        what, hint = "een teken dat de leesrichting verandert", "haal het weg; het is onzichtbaar"
    elif code < 0xA0:
        what, hint = "een stuurteken", "haal het weg; schrijf geen tekens als \\0, \\a, \\e of \\x01"
    else:
        what, hint = "een onzichtbaar of ongeldig teken", "haal het weg; typ de tekst opnieuw"
    return Problem(pos, f"dit teken mag niet {where} staan: {what} (U+{code:04X})", hint)


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


class Events:
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
                mark_position(self.doc.path, event.start_mark),
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
        pos = mark_position(doc.path, event.start_mark)
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
            pos = offset_position(self.text, at, self.doc.path)
        self.doc.problems.append(character_problem(pos, code))


_NOTHING = object()
