"""What /kaart/ shows: the provinces, a marker per place or region with its number of practices,
and the box "Heel Nederland", laid out at build time. Data only; ``kaart.html`` draws it.

The layout is made for the narrowest screen (the map about 330 px wide): a marker is at least
24 px there. Markers that would overlap are set side by side near their places, each with a thin
line to its real spot; where the map is too crowded for that, close places share one marker, whose
link shows the list of all of them (``?plaats=a&plaats=b``, one filter with several values). A
label that fits nowhere is left off the map (the marker's accessible name and the list below the
map still say it). The page grows with the number of places, not of practices: the list below the
map names at most ``TITLES`` practices per place.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.catalogue.facets import FACETS, area_slug
from kennisbank.checking.geodata import Gazetteer, MapData
from kennisbank.model.types import Practice

RADIUS = 22  # map units: 24 px at 360 px wide (see kennisbank.css, .kb-landkaart)
FONT = 22  # place labels, map units
PROVINCE_FONT = 17
TITLES = 5
GAP = 4
RINGS = 3  # how far a marker may move from its place (in rings of about one marker) before sharing
REGION_MIN = 2.2 * RADIUS  # a region of one municipality is still drawn as an area around it
NATIONAL_BOX = (12, 12, 224, 58)  # x, y, width, height: in the North Sea, top left
_PROVINCIE = next(f for f in FACETS if f.key == "provincie")
_PLAATS = next(f for f in FACETS if f.key == "plaats")


def plural(n: int) -> str:
    return f"{n} {'praktijkvoorbeeld' if n == 1 else 'praktijkvoorbeelden'}"


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str  # start, middle or end


@dataclass(frozen=True)
class Area:
    """A region's outline on the map: an ellipse around its municipalities."""

    cx: float
    cy: float
    rx: float
    ry: float


@dataclass(frozen=True)
class Place:
    """A place or region with practices: what the list below the map shows, and a marker holds."""

    slug: str
    naam: str
    regio: bool
    provincie: str  # label of the province
    count: int
    at_x: float  # where it is on the map
    at_y: float
    area: Area | None
    practices: tuple[Practice, ...]  # the first TITLES, A-Z

    @property
    def title(self) -> str:
        return f"{'regio ' if self.regio else ''}{self.naam}"

    @property
    def name(self) -> str:
        """The accessible name: 'Dalfsen: 4 praktijkvoorbeelden'."""
        return f"{self.title}: {plural(self.count)}"

    @property
    def query(self) -> str:
        return f"?{_PLAATS.key}={self.slug}"


@dataclass(frozen=True)
class Marker:
    """One marker: a place, or several close places that share it (the first has the most
    practices and gives the marker its spot and shape)."""

    places: tuple[Place, ...]
    x: float
    y: float
    label: Label | None

    @property
    def first(self) -> Place:
        return self.places[0]

    @property
    def shared(self) -> bool:
        return len(self.places) > 1

    @property
    def regio(self) -> bool:
        return self.first.regio

    @property
    def count(self) -> int:
        return sum(p.count for p in self.places)

    @property
    def text(self) -> str:
        """The label on the map: 'Dalfsen', 'regio Twente', 'Almelo e.o.' (and surroundings)."""
        return f"{self.first.title} e.o." if self.shared else self.first.title

    @property
    def name(self) -> str:
        return f"{_names([p.title for p in self.places])}: {plural(self.count)}"

    @property
    def query(self) -> str:
        return "?" + "&".join(f"{_PLAATS.key}={p.slug}" for p in self.places)

    @property
    def moved(self) -> bool:
        return (self.x, self.y) != (self.first.at_x, self.first.at_y)


@dataclass(frozen=True)
class Province:
    slug: str
    naam: str
    path: str
    count: int
    label: Label | None

    @property
    def name(self) -> str:
        return f"{self.naam}: {plural(self.count) if self.count else 'geen praktijkvoorbeelden'}"


@dataclass(frozen=True)
class National:
    count: int
    practices: tuple[Practice, ...]
    box: tuple[int, int, int, int] = NATIONAL_BOX

    @property
    def name(self) -> str:
        return f"Heel Nederland: {plural(self.count)}"


@dataclass(frozen=True)
class MapView:
    width: int
    height: int
    provinces: tuple[Province, ...]  # A-Z: the keyboard order after "Heel Nederland"
    markers: tuple[Marker, ...]  # north to south: the keyboard order on the map
    places: tuple[Place, ...]  # A-Z: the list below the map
    national: National
    radius: int
    data: MapData
    gazetteer: Gazetteer


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _circle_box(x: float, y: float, r: float) -> Box:
    return (x - r - GAP, y - r - GAP, x + r + GAP, y + r + GAP)


def _text_box(x: float, y: float, anchor: str, text: str, size: float) -> Box:
    width = len(text) * size * 0.56
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left, y - size * 0.8, left + width, y + size * 0.25)


def _free_spot(x: float, y: float, boxes: list[Box], width: int, height: int) -> tuple[float, float] | None:
    """The place's own spot if free, else the nearest free spot on rings around it."""
    for ring in range(RINGS + 1):
        distance = ring * (2 * RADIUS + GAP) * 0.75
        steps = 1 if ring == 0 else 6 * ring + 6
        for step in range(steps):
            angle = math.pi * 2 * step / steps - math.pi / 2
            cx, cy = x + distance * math.cos(angle), y + distance * math.sin(angle)
            inside = RADIUS <= cx <= width - RADIUS and RADIUS <= cy <= height - RADIUS
            if inside and not any(_overlaps(_circle_box(cx, cy, RADIUS), b) for b in boxes):
                return round(cx, 1), round(cy, 1)
    return None


Group = tuple[list[Place], float, float]  # the places of one marker, and where it is drawn


def _layout(places: list[Place], width: int, height: int, taken: list[Box]) -> list[Group]:
    """Markers, regions first and then the places with most practices: each at the nearest free
    spot; a place without one shares the marker nearest to it."""
    groups: list[Group] = []
    boxes = list(taken)
    for place in places:
        spot = _free_spot(place.at_x, place.at_y, boxes, width, height)
        if spot is None and groups:
            nearest = min(groups, key=lambda g: math.hypot(g[1] - place.at_x, g[2] - place.at_y))
            nearest[0].append(place)
            continue
        x, y = spot or (place.at_x, place.at_y)
        groups.append(([place], x, y))
        boxes.append(_circle_box(x, y, RADIUS))
    return groups


def _label(x: float, y: float, text: str, boxes: list[Box], width: int, height: int) -> Label | None:
    gap = RADIUS + 5
    options = (
        Label(x + gap, y + FONT * 0.35, "start"),
        Label(x - gap, y + FONT * 0.35, "end"),
        Label(x, y - gap - 2, "middle"),
        Label(x, y + gap + FONT * 0.8, "middle"),
    )
    for option in options:
        box = _text_box(option.x, option.y, option.anchor, text, FONT)
        if box[0] < 2 or box[2] > width - 2 or box[1] < 2 or box[3] > height - 2:
            continue
        if not any(_overlaps(box, b) for b in boxes):
            boxes.append(box)
            return option
    return None


def _places(catalogue: Catalogue, gazetteer: Gazetteer, data: MapData) -> list[Place]:
    """Every place and region with practices, with its spot on the map (regions first, then by
    number of practices: the order in which they get a marker)."""
    proj = data.projection
    by_area: dict[str, list[Practice]] = {}
    for p in catalogue.practices:
        if p.area:
            by_area.setdefault(area_slug(p.area), []).append(p)
    places = []
    for slug, practices in by_area.items():
        first = practices[0]
        assert first.area is not None
        region = gazetteer.region(first.regio) if first.regio else None
        area = None
        if region is not None:
            points = [
                proj.xy(s.lat, s.lon) for s in region.gemeenten if s.lat is not None and s.lon is not None
            ]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            rx = max((max(xs) - min(xs)) / 2 + RADIUS + 8, REGION_MIN)
            ry = max((max(ys) - min(ys)) / 2 + RADIUS + 8, REGION_MIN)
            area = Area(round(x, 1), round(y, 1), round(rx, 1), round(ry, 1))
            provincie = region.provincie
        else:
            spot = gazetteer.find(first.plaats or "", first.provincie) if first.plaats else None
            if spot is None or spot.lat is None or spot.lon is None:
                continue  # the check reported it, and a build with errors makes no pages
            x, y = proj.xy(spot.lat, spot.lon)
            provincie = spot.provincie
        places.append(
            Place(
                slug,
                first.area,
                area is not None,
                catalogue.vocab.label("provincies", provincie),
                len(practices),
                round(x, 1),
                round(y, 1),
                area,
                tuple(practices[:TITLES]),
            )
        )
    places.sort(key=lambda p: (not p.regio, -p.count, p.naam.casefold()))
    return places


def map_view(catalogue: Catalogue, gazetteer: Gazetteer, data: MapData) -> MapView:
    proj = data.projection
    vocab = catalogue.vocab
    places = _places(catalogue, gazetteer, data)
    nx, ny, nw, nh = NATIONAL_BOX
    taken: list[Box] = [(nx, ny, nx + nw + GAP, ny + nh + GAP)]
    groups = _layout(places, proj.width, proj.height, taken)
    boxes: list[Box] = list(taken) + [_circle_box(x, y, RADIUS) for _, x, y in groups]
    markers = []
    for members, x, y in groups:
        marker = Marker(tuple(members), x, y, None)
        label = _label(x, y, marker.text, boxes, proj.width, proj.height)
        markers.append(Marker(tuple(members), x, y, label))
    markers.sort(key=lambda m: (m.y, m.x))
    counts: Counter[str] = catalogue.facet_counts(_PROVINCIE)
    provinces = []
    for outline in sorted(data.outlines, key=lambda o: vocab.label("provincies", o.slug).casefold()):
        naam = vocab.label("provincies", outline.slug)
        label = None
        for lx, ly in outline.labels:
            box = _text_box(lx, ly, "middle", naam, PROVINCE_FONT)
            if not any(_overlaps(box, b) for b in boxes):
                boxes.append(box)
                label = Label(lx, ly, "middle")
                break
        provinces.append(Province(outline.slug, naam, outline.path, counts[outline.slug], label))
    national = tuple(p for p in catalogue.practices if p.provincie == "landelijk")
    return MapView(
        proj.width,
        proj.height,
        tuple(provinces),
        tuple(markers),
        tuple(sorted(places, key=lambda p: p.naam.casefold())),
        National(len(national), national[:TITLES]),
        RADIUS,
        data,
        gazetteer,
    )
