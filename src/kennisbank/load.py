"""Read one YAML card file into plain values, keeping the position of every key and value.

Only the YAML *composer* runs: nodes are turned into values here, so no tag can construct a
Python object. Anything unusual (custom tags, anchors, merge keys, duplicate keys, non-text keys,
invalid UTF-8) becomes a :class:`~kennisbank.problems.Problem` with a line and column.
"""

from __future__ import annotations

import codecs
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


def read_document(file: Path, display_path: str, raw: bytes | None = None) -> Document:
    """Parse a card file (or ``raw``, its bytes when the caller read them already)."""
    doc = Document(display_path)
    if raw is None:
        try:
            raw = file.read_bytes()
        except OSError as exc:
            doc.fail(Position(display_path), f"het bestand kan niet gelezen worden ({exc.strerror})")
            return doc
    text, problem = decode(raw, display_path)
    if problem is not None:
        doc.problems.append(problem)
        return doc
    assert text is not None
    parse_text(doc, text)
    return doc


_CLoader: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
_CAREFUL = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")


class _Loader(yaml.SafeLoader):
    """Composes nodes only, and remembers where aliases (``*name``) are used."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.alias_marks: list[yaml.Mark] = []

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.alias_marks.append(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


def _compose_fast(text: str) -> tuple[bool, yaml.Node | None]:
    """Compose with libyaml when PyYAML has it (about ten times faster than the pure-Python
    composer). Returns (False, None) when the careful path must run instead: on any YAML problem
    (its messages and positions are the ones editors get), when a node is used twice (an alias,
    whose place of use only the careful path records), and for characters the two parsers count
    differently (tabs, Unicode line breaks, a BOM inside the text)."""
    if _CLoader is None or any(c in text for c in _CAREFUL):
        return False, None
    loader = _CLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return False, None
    finally:
        loader.dispose()
    return (not _has_alias(node)), node


def _has_alias(root: yaml.Node | None) -> bool:
    seen: set[int] = set()
    todo = [root] if root is not None else []
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            todo += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
    return False


def parse_text(doc: Document, text: str) -> None:
    done, node = _compose_fast(text)
    if done:
        _finish(doc, node)
        return
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        doc.fail(
            _position_of_offset(text, exc.position, doc.path),
            f"dit teken mag niet in een kaart staan (U+{_code_point(exc.character):04X})",
            "haal het onzichtbare of speciale teken weg",
        )
        return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
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
        return
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors in practice
        doc.fail(Position(doc.path), "dit is geen geldige YAML", str(exc))
        return
    finally:
        if loader is not None:
            loader.dispose()
    for mark in loader.alias_marks:
        doc.fail(
            _pos(doc.path, mark),
            "verwijzingen met & en * worden niet ondersteund",
            "schrijf de waarde uit",
        )
    _finish(doc, node)


def _finish(doc: Document, node: yaml.Node | None) -> None:
    if node is None:
        doc.fail(
            Position(doc.path),
            "het bestand is leeg",
            "vul de velden in; begin met een sjabloon via 'kennisbank nieuw'",
        )
        return
    if not isinstance(node, yaml.MappingNode):
        what = "een lijst" if isinstance(node, yaml.SequenceNode) else "losse tekst"
        doc.fail(
            _pos(doc.path, node.start_mark),
            f"een kaart moet bestaan uit velden ('veld: waarde'), maar dit bestand is {what}",
            "begin elke regel met een veldnaam, zoals 'titel: ...'",
        )
        return
    doc.data = _Builder(doc).value(node, ())


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.seen: set[int] = set()
        self.scalars = yaml.constructor.SafeConstructor()

    def value(self, node: yaml.Node, json_path: JsonPath) -> Any:
        doc = self.doc
        pos = _pos(doc.path, node.start_mark)
        doc.values[json_path] = pos
        if id(node) in self.seen:
            return None  # an alias: reported where it is used, in parse_text
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            doc.fail(
                pos,
                f"onbekende YAML-tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}'",
                "haal de tag met ! weg; een kaart bevat alleen tekst, getallen, lijsten en velden",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, json_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*json_path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # dates stay text; the schema checks they are real dates
        return self.scalars.construct_object(node)

    def mapping(self, node: yaml.MappingNode, json_path: JsonPath) -> dict[str, Any]:
        doc = self.doc
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_pos = _pos(doc.path, key_node.start_mark)
            if key_node.tag == "tag:yaml.org,2002:merge":
                doc.fail(key_pos, "'<<' (samenvoegen) wordt niet ondersteund", "schrijf de velden uit")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                doc.fail(
                    key_pos,
                    "een veldnaam moet een woord zijn",
                    "schrijf een veldnaam zoals 'titel' voor de dubbele punt",
                )
                continue
            key = str(key_node.value)
            child = (*json_path, key)
            if key in result:
                first = doc.keys[child]
                doc.fail(
                    key_pos,
                    f"het veld '{key}' staat er twee keer",
                    f"het eerste staat op regel {first.line}; houd er één over",
                )
                continue
            doc.keys[child] = key_pos
            result[key] = self.value(value_node, child)
        return result
