"""Where places are: the municipalities and places of the Netherlands, the regions editors wrote
down, and the outlines of the provinces, read from three files in ``data/``.

- ``data/gemeenten.json`` and ``data/kaart.json`` are made from open data by
  ``tools/kaartdata.py`` (GeoNames, CC BY 4.0; Natural Earth, public domain); nobody edits them.
- ``data/plaatsen.yml`` is written by hand: the regions (Twente, ...) with the municipalities they
  lie around and a source, and places the open data lacks.

Like every file of a pull request these are untrusted: a broken or odd file gives
``path:line:col`` problems, never a traceback, and nothing in them reaches a page as markup.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kennisbank.model.problems import Position, Problem
from kennisbank.reading.load import TooLarge, decode, read_bounded, read_document

GEMEENTEN_FILE = "data/gemeenten.json"
KAART_FILE = "data/kaart.json"
PLAATSEN_FILE = "data/plaatsen.yml"

REMAKE = "maak het bestand opnieuw met 'make kaartdata' (tools/kaartdata.py)"
_PATH_DATA = re.compile(r"^[MLlmz0-9 \-]*$")
# The Netherlands with a margin: a coordinate outside it is a typo (lat and lon swapped, say).
_LAT, _LON = (50.5, 53.8), (3.0, 7.5)


def fold(name: str) -> str:
    """How names are compared: case and surrounding spaces do not count."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Spot:
    """A place on the map: a municipality, a smaller place, or a place written down by hand."""

    naam: str
    provincie: str
    lat: float | None
    lon: float | None
    gemeente: str | None = None  # the municipality a smaller place lies in

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Region:
    naam: str
    provincie: str
    gemeenten: tuple[Spot, ...]
    bron: str


@dataclass(frozen=True)
class Outline:
    slug: str
    path: str  # SVG path data: only M, l, z and whole numbers
    labels: tuple[tuple[int, int], ...]  # where the name fits, the best first


@dataclass(frozen=True)
class Projection:
    lon0: float
    lat0: float
    kx: float
    ky: float
    pad: float
    width: int
    height: int

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return ((lon - self.lon0) * self.kx + self.pad, (self.lat0 - lat) * self.ky + self.pad)


@dataclass(frozen=True)
class MapData:
    projection: Projection
    outlines: tuple[Outline, ...]
    bron: str
    licentie: str
    pakket: str


@dataclass(frozen=True)
class Gazetteer:
    """Names to places. A name can occur in more than one province (Hengelo, Bergen)."""

    municipalities: dict[str, tuple[Spot, ...]] = field(default_factory=dict)
    places: dict[str, tuple[Spot, ...]] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    bron: str = ""
    licentie: str = ""
    pakket: str = ""

    def candidates(self, name: str) -> tuple[Spot, ...]:
        """Every place of this name: municipalities first, then smaller places."""
        key = fold(name)
        return self.municipalities.get(key, ()) + self.places.get(key, ())

    def find(self, name: str, provincie: str | None) -> Spot | None:
        """The place of this name in ``provincie`` (any province for 'landelijk' or None)."""
        found = self.candidates(name)
        here = [s for s in found if provincie in (None, "landelijk", s.provincie)]
        return here[0] if here else None

    def region(self, name: str) -> Region | None:
        return self.regions.get(fold(name))

    def municipality_names(self) -> list[str]:
        return sorted({s.naam for spots in self.municipalities.values() for s in spots})

    def place_names(self) -> list[str]:
        return sorted({s.naam for spots in self.places.values() for s in spots})


def _read_json(root: Path, name: str) -> tuple[Any, list[Problem]]:
    try:
        raw = read_bounded(root / name)
    except FileNotFoundError:
        return None, [Problem(Position(name), "dit bestand ontbreekt", REMAKE)]
    except (OSError, TooLarge):
        return None, [Problem(Position(name), "dit bestand is te groot of niet te lezen", REMAKE)]
    text, problem = decode(raw, name)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    try:
        return json.loads(text), []
    except (json.JSONDecodeError, RecursionError) as exc:
        line, col = (exc.lineno, exc.colno) if isinstance(exc, json.JSONDecodeError) else (1, 1)
        return None, [Problem(Position(name, line, col), "dit is geen geldige JSON", REMAKE)]


def _text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 100 and value.isprintable()


def _coordinate(lat: object, lon: object) -> bool:
    numbers = all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (lat, lon)
    )
    return numbers and _LAT[0] <= lat <= _LAT[1] and _LON[0] <= lon <= _LON[1]  # type: ignore[operator]


def _line_of(text_lines: list[str], needle: str) -> int:
    for i, line in enumerate(text_lines, 1):
        if needle in line:
            return i
    return 1


def load_gazetteer(root: Path, provinces: set[str]) -> tuple[Gazetteer, list[Problem]]:
    """The municipalities and places (``data/gemeenten.json``) and the regions and extra places
    written by hand (``data/plaatsen.yml``). ``provinces``: the slugs in data/vocabulaire.yml."""
    data, problems = _read_json(root, GEMEENTEN_FILE)
    if data is None:
        return Gazetteer(), problems
    municipalities: dict[str, list[Spot]] = {}
    places: dict[str, list[Spot]] = {}
    by_code: dict[str, Spot] = {}
    if not isinstance(data, dict) or not isinstance(data.get("gemeenten"), list):
        return Gazetteer(), [Problem(Position(GEMEENTEN_FILE), "de lijst 'gemeenten' ontbreekt", REMAKE)]
    lines = (root / GEMEENTEN_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    for row in data["gemeenten"]:
        ok = isinstance(row, list) and len(row) == 5 and _text(row[0]) and _text(row[1])
        ok = ok and row[2] in provinces and (row[3:] == [None, None] or _coordinate(row[3], row[4]))
        if not ok:
            where = Position(GEMEENTEN_FILE, _line_of(lines, json.dumps(row, ensure_ascii=False)[:40]))
            problems.append(Problem(where, f"deze gemeente is onleesbaar: {str(row)[:60]}", REMAKE))
            continue
        spot = Spot(row[0], row[2], row[3], row[4])
        municipalities.setdefault(fold(spot.naam), []).append(spot)
        by_code[row[1]] = spot
    for row in data.get("plaatsen") or []:
        ok = isinstance(row, list) and len(row) == 4 and _text(row[0]) and row[1] in by_code
        if not ok or not _coordinate(row[2], row[3]):
            where = Position(GEMEENTEN_FILE, _line_of(lines, json.dumps(row, ensure_ascii=False)[:40]))
            problems.append(Problem(where, f"deze plaats is onleesbaar: {str(row)[:60]}", REMAKE))
            continue
        home = by_code[row[1]]
        places.setdefault(fold(row[0]), []).append(Spot(row[0], home.provincie, row[2], row[3], home.naam))
    regions, extra, hand_problems = _hand_written(root, provinces, municipalities)
    for spot in extra:
        places.setdefault(fold(spot.naam), []).insert(0, spot)
    gazetteer = Gazetteer(
        {k: tuple(v) for k, v in municipalities.items()},
        {k: tuple(v) for k, v in places.items()},
        regions,
        str(data.get("bron", "")),
        str(data.get("licentie", "")),
        str(data.get("pakket", "")),
    )
    return gazetteer, problems + hand_problems


def _hand_written(
    root: Path, provinces: set[str], municipalities: dict[str, list[Spot]]
) -> tuple[dict[str, Region], list[Spot], list[Problem]]:
    doc = read_document(root / PLAATSEN_FILE, PLAATSEN_FILE)
    regions: dict[str, Region] = {}
    extra: list[Spot] = []
    data = doc.data if isinstance(doc.data, dict) else {}
    if doc.problems:
        return regions, extra, doc.problems
    for name, entry in (data.get("regios") or {}).items() if isinstance(data.get("regios"), dict) else ():
        at = doc.at(("regios", name), key=True)
        if not isinstance(entry, dict) or not _text(name):
            doc.fail(at, f"regio '{name}' is geen lijstje met provincie, gemeenten en bron")
            continue
        provincie, bron, members = entry.get("provincie"), entry.get("bron"), entry.get("gemeenten")
        if provincie not in provinces:
            doc.fail(
                doc.at(("regios", name, "provincie")),
                f"regio '{name}': onbekende provincie '{provincie}'",
                "gebruik een provincie uit data/vocabulaire.yml",
            )
            continue
        if not isinstance(bron, str) or not bron.strip():
            doc.fail(at, f"regio '{name}' heeft geen bron", "schrijf waar je de gemeenten van de regio vond")
            continue
        if not isinstance(members, list) or not members:
            doc.fail(at, f"regio '{name}' heeft geen gemeenten", "schrijf bijvoorbeeld: gemeenten: [Heerlen]")
            continue
        spots = []
        for i, member in enumerate(members):
            found = [s for s in municipalities.get(fold(str(member)), []) if s.located]
            if not found:
                from .messages import suggest

                guess = suggest(str(member), [s.naam for v in municipalities.values() for s in v])
                doc.fail(
                    doc.at(("regios", name, "gemeenten", i)),
                    f"regio '{name}': gemeente '{member}' staat niet (met een plek) in {GEMEENTEN_FILE}",
                    f"bedoel je '{guess}'?" if guess else "schrijf de naam zoals in data/gemeenten.json",
                )
                continue
            spots.append(next((s for s in found if s.provincie == provincie), found[0]))
        if spots:
            regions[fold(str(name))] = Region(str(name), provincie, tuple(spots), bron)
    for name, entry in (data.get("plaatsen") or {}).items() if isinstance(data.get("plaatsen"), dict) else ():
        ok = isinstance(entry, dict) and _text(name) and entry.get("provincie") in provinces
        ok = ok and _coordinate(entry.get("breedtegraad"), entry.get("lengtegraad"))
        if not ok or not isinstance(entry.get("bron"), str):
            doc.fail(
                doc.at(("plaatsen", name), key=True),
                f"plaats '{name}' heeft niet alles: provincie, breedtegraad, lengtegraad en bron",
                "schrijf bijvoorbeeld: {provincie: overijssel, breedtegraad: 52.51, lengtegraad: 6.26, "
                "bron: ...}",
            )
            continue
        extra.append(Spot(str(name), entry["provincie"], entry["breedtegraad"], entry["lengtegraad"]))
    return regions, extra, doc.problems


def load_map(root: Path, provinces: set[str]) -> tuple[MapData | None, list[Problem]]:
    """The province outlines of ``data/kaart.json``, checked: a path holds only moves and numbers."""
    data, problems = _read_json(root, KAART_FILE)
    if data is None:
        return None, problems
    try:
        proj = data["projectie"]
        projection = Projection(
            float(proj["lon0"]),
            float(proj["lat0"]),
            float(proj["kx"]),
            float(proj["ky"]),
            float(proj["pad"]),
            int(proj["breedte"]),
            int(proj["hoogte"]),
        )
        outlines = []
        for slug, entry in data["provincies"].items():
            path, labels = entry["pad"], entry["labels"]
            if slug not in provinces or not isinstance(path, str) or not _PATH_DATA.match(path):
                raise ValueError(slug)
            outlines.append(Outline(slug, path, tuple((int(x), int(y)) for x, y in labels)))
        if not all(math.isfinite(v) and v > 0 for v in (projection.kx, projection.ky, projection.width)):
            raise ValueError("projectie")
        return MapData(
            projection, tuple(outlines), str(data["bron"]), str(data["licentie"]), str(data["pakket"])
        ), []
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        return None, [Problem(Position(KAART_FILE), f"dit bestand is onleesbaar ({exc})", REMAKE)]
