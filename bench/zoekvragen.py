"""Recall@3 per category of the two halves of tests/zoekvragen/ (issue 27), searched in Debian's
Chromium as a visitor would: the address ``/zoeken/?q=...``, the first three results read from
the page.

    .venv/bin/python bench/zoekvragen.py --site /tmp/site            # the tuning half, one site
    .venv/bin/python bench/zoekvragen.py --voor <rev> --helft beide  # before and now, both halves

``afstemmen.yml`` is the half the search was tuned on; ``toets.yml`` is run only at the end.
A query counts as a hit when one of its expected pages is among the first three results.
"""

from __future__ import annotations

import argparse
import collections
import re
import tempfile
from pathlib import Path
from urllib.parse import quote

import yaml

from common import REPO, browser, copy_repo, machine, serve, tree_at, write_section
from search import DONE, build_tree

HALVES = {name: REPO / "tests" / "zoekvragen" / f"{name}.yml" for name in ("afstemmen", "toets")}
BEFORE = "c447257"  # the commit that added the queries: the search before issue 27


def top3(page, base: str, query: str) -> list[str]:
    page.goto(f"{base}/zoeken/?q={quote(query)}")
    page.wait_for_function(DONE, timeout=30000)
    found = re.search(r"(\d+) resultat", page.inner_text("[data-kb-zoekstatus]"))
    if found:  # results appear one by one, after the count: wait for the first three
        n = min(3, int(found.group(1)))
        page.wait_for_function(f"document.querySelectorAll('[data-kb-zoekresultaten] > li').length >= {n}")
    return page.eval_on_selector_all(
        "[data-kb-zoekresultaten] > li h2 a", "els => els.slice(0, 3).map(e => new URL(e.href).pathname)"
    )


def recall(b, base: str, rows: list[dict], misses: list[str] | None = None) -> dict[str, tuple[int, int]]:
    hits: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    page = b.new_page()
    for row in rows:
        top = top3(page, base, row["vraag"])
        hit = any(u in top for u in row["verwacht"])
        total[row["categorie"]] += 1
        hits[row["categorie"]] += hit
        if not hit and misses is not None:
            misses.append(f"  {row['categorie']:<10} {row['vraag']!r:<44} -> {', '.join(top) or '(niets)'}")
    page.close()
    return {c: (hits[c], total[c]) for c in total}


def table(name: str, columns: dict[str, dict[str, tuple[int, int]]]) -> str:
    cats = list(next(iter(columns.values())))
    head = f"{'categorie':<12}{'aantal':>7}" + "".join(f"{c:>12}" for c in columns)
    lines = [f"{name}", head]
    for cat in [*cats, "alles"]:
        cells = []
        for col in columns.values():
            h = sum(v[0] for v in col.values()) if cat == "alles" else col[cat][0]
            n = sum(v[1] for v in col.values()) if cat == "alles" else col[cat][1]
            cells.append(f"{h:>4}/{n:<3}{h / n:>4.0%}")
        n = (
            sum(v[1] for v in columns[next(iter(columns))].values())
            if cat == "alles"
            else columns[next(iter(columns))][cat][1]
        )
        lines.append(f"{cat:<12}{n:>7}" + "".join(f"{c:>12}" for c in cells))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, help="measure only this built site")
    parser.add_argument("--voor", default=BEFORE, help="commit to compare with")
    parser.add_argument("--helft", choices=["afstemmen", "toets", "beide"], default="afstemmen")
    parser.add_argument("--schrijf", action="store_true", help="write the tables to bench/RESULTS.md")
    args = parser.parse_args()
    halves = ["afstemmen", "toets"] if args.helft == "beide" else [args.helft]
    sets = {h: yaml.safe_load(HALVES[h].read_text(encoding="utf-8")) for h in halves}
    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        sites: dict[str, Path] = {}
        if args.site:
            sites["site"] = args.site
        else:
            work = Path(tmp)
            sites["voor"], sites["nu"] = work / "site-voor", work / "site-nu"
            build_tree(tree_at(args.voor, work / "voor"), sites["voor"])
            build_tree(copy_repo(work / "nu"), sites["nu"])
        with browser() as b:
            for half, rows in sets.items():
                columns, misses = {}, {}
                for name, site in sites.items():
                    misses[name] = []
                    with serve(site, like_pages=True) as base:
                        columns[name] = recall(b, base, rows, misses[name])
                out.append(table(f"{half}.yml ({len(rows)} vragen), recall@3", columns))
                for name, lines in misses.items():
                    out.append(f"mis ({name}):\n" + "\n".join(lines) if lines else f"mis ({name}): geen")
                out.append("")
    text = "\n".join(out)
    print(text)
    print(machine())
    if args.schrijf:
        head = f"Zoekvragen van issue 27 ({', '.join(halves)}), voor = {args.voor}; {machine()}"
        block = f"{head}\n\n```\n{text}\n```"
        write_section("<!-- zoekvragen -->", "<!-- /zoekvragen -->", "## Zoekvragen (issue 27)\n\n" + block)


if __name__ == "__main__":
    main()
