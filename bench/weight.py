"""Page weight: gzip bytes a visitor loads for one card page (HTML, CSS, JS, images, fonts, and
any search assets fetched on load), at the real size and with N synthetic practices.

    .venv/bin/python bench/weight.py 0 1000 5000
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import browser, build, copy_repo, gz_size, machine, serve
from generate import generate

BUDGET_KB = 150


def card_page_weight(site: Path, path: str) -> tuple[int, int]:
    with browser() as b, serve(site) as base:
        page = b.new_page()
        fetched: list[str] = []
        page.on("request", lambda r: fetched.append(r.url[len(base) :]) if r.url.startswith(base) else None)
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        return sum(gz_size(site, u) for u in set(fetched)), len(set(fetched))


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [0]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = generate(n, Path(tmp) / f"repo-{n}") if n else copy_repo(Path(tmp) / "repo-0")
            site = Path(tmp) / f"site-{n}"
            seconds = build(root, site)
            weight, requests = card_page_weight(
                site, "/praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening/"
            )
            rows.append((n, seconds, weight, requests))
    print(f"Gewicht van een kaartpagina (gzip), budget {BUDGET_KB} KB; {machine()}")
    print(f"{'extra kaarten':>14}{'bouwtijd s':>12}{'KB gz':>10}{'verzoeken':>11}{'binnen budget':>15}")
    for n, seconds, weight, requests in rows:
        verdict = "ja" if weight <= BUDGET_KB * 1024 else "NEE"
        print(f"{n:>14}{seconds:>12.1f}{weight / 1024:>10.1f}{requests:>11}{verdict:>15}")


if __name__ == "__main__":
    main()
