"""What /kaart/ shows: the provinces, a marker per place or region with its number of practices,
and the box "Heel Nederland", laid out at build time. Data only; ``kaart.html`` draws it.

The layout is made for the narrowest screen (the map about 340 px wide): a marker is at least
24 px there, and markers that would overlap are set side by side around their places, each with a
thin line to its real spot. A label that fits nowhere is left off the map (the list below the map
and the marker's accessible name still say it). The page grows with the number of places, not of
practices: the list below the map names at most ``TITLES`` practices per place.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .catalogue import Catalogue
from .facets import FACETS, area_slug
from .geodata import Gazetteer, MapData
from .model import Practice

RADIUS = 22  # map units: 24 px at 360 px wide (see kennisbank.css, .kb-kaart)
FONT = 22  # place labels, map units
PROVINCE_FONT = 17
TITLES = 5
GAP = 4
REGION_MIN = 2.2 * RADIUS  # a region of one municipality is still drawn as an area around it
NATIONAL_BOX = (12, 12, 224, 58)  # x, y, width, height: in the North Sea, top left
_PROVINCIE = next(f for f in FACETS if f.key == "provincie")
_PLAATS = next(f for f in FACETS if f.key == "plaats")


def plural(n: int) -> str:
    return f"{n} {'praktijkvoorbeeld' if n == 1 else 'praktijkvoorbeelden'}"


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
class Marker:
    slug: str
    naam: str
    regio: bool
    provincie: str  # label of the province
    count: int
    x: float  # where the marker is drawn
    y: float
    at_x: float  # where the place really is
    at_y: float
    label: Label | None
    area: Area | None
    practices: tuple[Practice, ...]  # the first TITLES, A-Z

    @property
    def moved(self) -> bool:
        return (self.x, self.y) != (self.at_x, self.at_y)

    @property
    def name(self) -> str:
        """The accessible name: 'Dalfsen: 4 praktijkvoorbeelden'."""
        return f"{'regio ' if self.regio else ''}{self.naam}: {plural(self.count)}"

    @property
    def query(self) -> str:
        return f"?{_PLAATS.key}={self.slug}"


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
    national: National
    radius: int
    data: MapData
    gazetteer: Gazetteer

    @property
    def places_az(self) -> tuple[Marker, ...]:
        return tuple(sorted(self.markers, key=lambda m: m.naam.casefold()))


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _circle_box(x: float, y: float, r: float) -> Box:
    return (x - r - GAP, y - r - GAP, x + r + GAP, y + r + GAP)


def _text_box(x: float, y: float, anchor: str, text: str, size: float) -> Box:
    width = len(text) * size * 0.56
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left, y - size * 0.8, left + width, y + size * 0.25)


def _place_markers(
    spots: list[tuple[str, float, float]], width: int, height: int, taken: list[Box]
) -> dict[str, tuple[float, float]]:
    """Marker centres, biggest first at their own spot; one that would overlap goes to the
    nearest free spot on rings around its place."""
    placed: dict[str, tuple[float, float]] = {}
    boxes = list(taken)
    for key, x, y in spots:
        chosen = (x, y)
        for ring in range(0, 8):
            distance = ring * (2 * RADIUS + GAP) * 0.75
            steps = 1 if ring == 0 else 12
            free = None
            for step in range(steps):
                angle = math.pi * 2 * step / steps - math.pi / 2
                cx, cy = x + distance * math.cos(angle), y + distance * math.sin(angle)
                box = _circle_box(cx, cy, RADIUS)
                inside = RADIUS <= cx <= width - RADIUS and RADIUS <= cy <= height - RADIUS
                if inside and not any(_overlaps(box, b) for b in boxes):
                    free = (cx, cy)
                    break
            if free:
                chosen = free
                break
        placed[key] = (round(chosen[0], 1), round(chosen[1], 1))
        boxes.append(_circle_box(*chosen, RADIUS))
    return placed


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


def map_view(catalogue: Catalogue, gazetteer: Gazetteer, data: MapData) -> MapView:
    proj = data.projection
    vocab = catalogue.vocab
    by_area: dict[str, list[Practice]] = {}
    names: dict[str, str] = {}
    for p in catalogue.practices:
        if p.area:
            by_area.setdefault(area_slug(p.area), []).append(p)
            names.setdefault(area_slug(p.area), p.area)
    spots: list[tuple[str, float, float]] = []
    areas: dict[str, Area] = {}
    where: dict[str, tuple[float, float, bool, str]] = {}
    for slug, practices in by_area.items():
        first = practices[0]
        region = gazetteer.region(first.regio) if first.regio else None
        if region is not None:
            points = [
                proj.xy(s.lat, s.lon) for s in region.gemeenten if s.lat is not None and s.lon is not None
            ]
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
            pad = RADIUS + 8
            areas[slug] = Area(
                round(cx, 1),
                round(cy, 1),
                round((max(xs) - min(xs)) / 2 + pad, 1),
                round((max(ys) - min(ys)) / 2 + pad, 1),
            )
            where[slug] = (cx, cy, True, region.provincie)
            continue
        spot = gazetteer.find(first.plaats or "", first.provincie) if first.plaats else None
        if spot is None or spot.lat is None or spot.lon is None:
            continue  # the check reported it; a build with errors makes no pages
        x, y = proj.xy(spot.lat, spot.lon)
        where[slug] = (x, y, False, spot.provincie)
    # Regions first, so each stays in the middle of its area; then the places with most practices.
    order = sorted(where, key=lambda s: (not where[s][2], -len(by_area[s]), names[s].casefold()))
    spots = [(s, where[s][0], where[s][1]) for s in order]
    nx, ny, nw, nh = NATIONAL_BOX
    taken: list[Box] = [(nx, ny, nx + nw + GAP, ny + nh + GAP)]
    centres = _place_markers(spots, proj.width, proj.height, taken)
    boxes: list[Box] = list(taken) + [_circle_box(*c, RADIUS) for c in centres.values()]
    labels = {}
    for slug in order:
        x, y = centres[slug]
        text = f"{'regio ' if where[slug][2] else ''}{names[slug]}"
        labels[slug] = _label(x, y, text, boxes, proj.width, proj.height)
    markers = []
    for slug in order:
        x, y, is_region, provincie = where[slug]
        listed = by_area[slug]
        markers.append(
            Marker(
                slug,
                names[slug],
                is_region,
                vocab.label("provincies", provincie),
                len(listed),
                centres[slug][0],
                centres[slug][1],
                round(x, 1),
                round(y, 1),
                labels[slug],
                areas.get(slug),
                tuple(listed[:TITLES]),
            )
        )
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
        National(len(national), national[:TITLES]),
        RADIUS,
        data,
        gazetteer,
    )
