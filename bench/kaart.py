"""Weight of the map page /kaart/: everything a visitor loads (gzip), and the map drawing itself,
for the real kennisbank (37 practices) and for 1000 practices over the same 36 + 7 places and over
150 places. The map must stay within the page budget and grow with places, not with practices.

    .venv/bin/python bench/kaart.py
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from pathlib import Path

from common import REPO, build, copy_repo, machine, write_section
from generate import REAL_PRACTICES, generate
from weight import BUDGET_KB, card_page_weight


def many_places(n: int) -> list[str]:
    """``n`` municipalities spread over the country (every k-th of the list, which goes by
    province and CBS code), for a map with many places."""
    rows = json.loads((REPO / "data" / "gemeenten.json").read_text(encoding="utf-8"))["gemeenten"]
    located = [r[0] for r in rows if r[3] is not None]
    step = len(located) / n
    return [located[int(i * step)] for i in range(n)]


def svg_size(site: Path) -> tuple[int, int, int]:
    """Bytes of the map's <svg> (raw, gzip) and its number of place markers."""
    html = (site / "kaart" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="kb-landkaart__svg".*?</svg>', html, re.S)
    assert svg, "geen landkaart op /kaart/"
    text = svg.group().encode()
    return len(text), len(gzip.compress(text, 9)), svg.group().count('class="kb-landkaart__plek')


BEGIN = "<!-- bench/kaart.py: begin -->"
END = "<!-- bench/kaart.py: end -->"


def main() -> None:
    cases = [
        ("echt", REAL_PRACTICES, None),
        ("1000, dezelfde plaatsen", 1000, None),
        ("1000, 150 plaatsen", 1000, many_places(150)),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, n, places in cases:
            extra = n - REAL_PRACTICES
            repo = Path(tmp) / f"repo-{len(rows)}"
            root = generate(extra, repo, places=places) if extra else copy_repo(repo)
            site = Path(tmp) / f"site-{len(rows)}"
            build(root, site)
            weight, requests = card_page_weight(site, "/kaart/")
            raw, gz, markers = svg_size(site)
            rows.append((name, n, markers, weight, requests, raw, gz))
    lines = [
        "## Gewicht van de landkaart (/kaart/, issue 31)",
        "",
        f"`.venv/bin/python bench/kaart.py` ({machine()}): alles wat de pagina laadt (gzip), en de",
        "tekening zelf (`<svg>`). Budget: " + f"{BUDGET_KB} KB gz.",
        "",
        "| kennisbank | praktijken | plekken op de kaart | KB gz | verzoeken | svg bytes | svg bytes gz |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, n, markers, weight, requests, raw, gz in rows:
        lines.append(f"| {name} | {n} | {markers} | {weight / 1024:.1f} | {requests} | {raw} | {gz} |")
    text = "\n".join(lines)
    print(text)
    write_section(BEGIN, END, text)


if __name__ == "__main__":
    main()
