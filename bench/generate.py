"""Make a synthetic but valid knowledge base of N practice cards by varying the real ones.

.venv/bin/python bench/generate.py 1000 /tmp/kb-1000
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import yaml

from common import REPO, copy_repo
from kennisbank.checking.geodata import load_gazetteer

PLACES = [
    "Assen",
    "Zwolle",
    "Deventer",
    "Almelo",
    "Hengelo",
    "Enschede",
    "Apeldoorn",
    "Arnhem",
    "Nijmegen",
    "Tilburg",
    "Breda",
    "Helmond",
    "Venlo",
    "Roermond",
    "Maastricht",
    "Sittard",
    "Leeuwarden",
    "Sneek",
    "Groningen",
    "Delfzijl",
    "Hoorn",
    "Zaandam",
    "Haarlem",
    "Leiden",
    "Gouda",
    "Dordrecht",
    "Middelburg",
    "Vlissingen",
    "Lelystad",
    "Almere",
    "Amersfoort",
    "Utrecht",
    "Zeist",
    "Ede",
    "Tiel",
    "Oss",
]


def _title(written: str, place: str, i: int) -> str:
    """The title as YAML, with the place and number added: a quoted title stays valid."""
    title = str(yaml.safe_load(written))[:70].rstrip()
    return json.dumps(f"{title} ({place} {i})", ensure_ascii=False)  # JSON is valid YAML


def province_of(places: list[str], provinces: list[str]) -> dict[str, str]:
    """Each place's province, as the map knows it: a card's place must lie in its province."""
    gazetteer, problems = load_gazetteer(REPO, set(provinces))
    assert not problems, problems
    found = {place: gazetteer.find(place, None) for place in places}
    missing = [place for place, spot in found.items() if spot is None]
    assert not missing, f"niet op de kaart: {missing}"
    return {place: spot.provincie for place, spot in found.items() if spot is not None}


def generate(n: int, target: Path, seed: int = 7, places: list[str] | None = None) -> Path:
    """``places``: the places the practices are spread over (default: 36 towns in every province)."""
    rnd = random.Random(seed)
    places = places or PLACES
    copy_repo(target)
    vocab = yaml.safe_load((REPO / "data" / "vocabulaire.yml").read_text(encoding="utf-8"))
    themes, provinces = list(vocab["themas"]), [p for p in vocab["provincies"] if p != "landelijk"]
    where = province_of(places, provinces)
    originals = sorted((REPO / "practices").glob("*.yml"))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    for i in range(n):
        text = texts[i % len(texts)]
        place = rnd.choice(places)
        slug = f"{originals[i % len(originals)].stem}-{i:05d}"
        text = re.sub(
            r"^titel: (.*)$",
            lambda m, place=place, i=i: f"titel: {_title(m.group(1), place, i)}",
            text,
            count=1,
            flags=re.M,
        )
        province = where[place]
        if re.search(r"^plaats: ", text, flags=re.M):  # a regional or national card keeps its area
            text = re.sub(r"^plaats: .*$", f"plaats: {place}", text, count=1, flags=re.M)
            text = re.sub(r"^provincie: .*$", f"provincie: {province}", text, count=1, flags=re.M)
        text = re.sub(
            r"^knelpunten: .*$",
            f"knelpunten: [{', '.join(sorted(rnd.sample('ABCDEF', 2)))}]",
            text,
            count=1,
            flags=re.M,
        )
        text = re.sub(
            r"^themas: .*$", f"themas: [{', '.join(rnd.sample(themes, 3))}]", text, count=1, flags=re.M
        )
        extra = f"  In {place} deden in totaal {rnd.randint(3, 400)} mensen mee aan deze aanpak ({i}).\n"
        text = re.sub(r"^verhaal: \|\n", "verhaal: |\n" + extra + "\n", text, count=1, flags=re.M)
        (target / "practices" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return target


REAL_PRACTICES = len(list((REPO / "practices").glob("*.yml")))


def site_with(n: int, target: Path) -> Path:
    """The kennisbank with exactly n practices: the real ones plus variations of them."""
    if n < REAL_PRACTICES:
        raise SystemExit(f"N moet minstens {REAL_PRACTICES} zijn (het aantal echte praktijken)")
    return generate(n - REAL_PRACTICES, target)


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
