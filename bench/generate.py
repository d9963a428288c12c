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


def generate(n: int, target: Path, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    copy_repo(target)
    vocab = yaml.safe_load((REPO / "data" / "vocabulaire.yml").read_text(encoding="utf-8"))
    themes, provinces = list(vocab["themas"]), [p for p in vocab["provincies"] if p != "landelijk"]
    originals = sorted((REPO / "practices").glob("*.yml"))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    for i in range(n):
        text = texts[i % len(texts)]
        place = rnd.choice(PLACES)
        slug = f"{originals[i % len(originals)].stem}-{i:05d}"
        text = re.sub(
            r"^titel: (.*)$",
            lambda m, place=place, i=i: f"titel: {_title(m.group(1), place, i)}",
            text,
            count=1,
            flags=re.M,
        )
        province = rnd.choice(provinces)
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
