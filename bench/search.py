"""Search before and after, in one run: recall@3 per kind of query, and a cold first result on a
slow phone.

    .venv/bin/python bench/search.py              # this tree against the tree before issue 15
    .venv/bin/python bench/search.py --voor <rev> # against another commit

Both sites are built from their own tree (the older one with its own ``src/`` first on
PYTHONPATH) and searched in Debian's Chromium as a visitor would: the address
``/zoeken/?q=...``, the first three results read from the page.

Slow phone: Lighthouse's mobile throttling (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
CPU 4x slower) and a slower line (400 kbit/s), 390 px wide, empty cache: the time from the
start of the navigation until the first result is on screen, and the requests made until then.
"""

from __future__ import annotations

import argparse
import collections
import re
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import yaml

from common import ENV, REPO, browser, build, copy_repo, machine, serve, throttled_page, tree_at

RELEVANCE = yaml.safe_load((REPO / "tests" / "relevance.yml").read_text(encoding="utf-8"))
BEFORE = "a570cac"  # main before issue 15 (search) started
DONE = "(s => s && !s.startsWith('Bezig'))(document.querySelector('[data-kb-zoekstatus]').textContent)"
FIRST = "document.querySelector('[data-kb-zoekresultaten] li')"
LINES = {  # name: (round trip ms, down kbit/s, up kbit/s)
    "langzaam 4G (Lighthouse)": (150, 1600, 750),
    "400 kbit/s": (150, 400, 400),
}
QUERIES = ("vrijwilligers", "waar vind ik geld voor taallessen")


def build_tree(root: Path, site: Path) -> None:
    """Build with the tree's own package: its src/ comes before the installed one."""
    ENV["PYTHONPATH"] = str(root / "src")
    try:
        build(root, site)
    finally:
        ENV.pop("PYTHONPATH", None)


def recall(b, base: str) -> dict[str, tuple[int, int]]:
    hits: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    page = b.new_page()
    for row in RELEVANCE:
        page.goto(f"{base}/zoeken/?q={quote(row['vraag'])}")
        page.wait_for_function(DONE, timeout=30000)
        found = re.search(r"(\d+) resultat", page.inner_text("[data-kb-zoekstatus]"))
        if found:  # results appear one by one, after the count: wait for the first three
            n = min(3, int(found.group(1)))
            page.wait_for_function(
                f"document.querySelectorAll('[data-kb-zoekresultaten] > li').length >= {n}"
            )
        top = page.eval_on_selector_all(
            "[data-kb-zoekresultaten] li h2 a", "els => els.slice(0, 3).map(e => new URL(e.href).pathname)"
        )
        total[row["categorie"]] += 1
        hits[row["categorie"]] += row["verwacht"] in top
    page.close()
    return {c: (hits[c], total[c]) for c in total}


# Notes the moment the first result is added to the list (epoch milliseconds).
WATCH = """
new MutationObserver((changes, observer) => {
  const list = document.querySelector('[data-kb-zoekresultaten]');
  if (list && list.querySelector('li')) { window.__kbFirst = Date.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""
MEASURE = "() => [(window.__kbFirst - performance.timeOrigin) / 1000, window.__kbFirst]"


def first_result(b, base: str, query: str, line: tuple[int, int, int]) -> tuple[float, int]:
    """Seconds from navigation to the first result in the list, and the requests started before
    (Playwright's request events: they include those of a web worker, which the page's own
    resource timing leaves out)."""
    context = b.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(WATCH)
    page = throttled_page(context, line)
    started: list[float] = []
    context.on("request", lambda r: started.append(time.time() * 1000))
    page.goto(f"{base}/zoeken/?q={quote(query)}", wait_until="commit")
    page.wait_for_function("window.__kbFirst !== undefined", timeout=120000)
    seconds, first = page.evaluate(MEASURE)
    context.close()
    return seconds, sum(1 for t in started if t < first)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voor", default=BEFORE, help="commit to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        now_root = copy_repo(work / "nu")
        old_root = tree_at(args.voor, work / "voor")
        now_site, old_site = work / "site-nu", work / "site-voor"
        build_tree(now_root, now_site)
        build_tree(old_root, old_site)
        with browser() as b, serve(now_site, like_pages=True) as now, serve(old_site, like_pages=True) as old:
            rec = {"voor": recall(b, old), "nu": recall(b, now)}
            speed = {
                (name, q, which): first_result(b, base, q, line)
                for name, line in LINES.items()
                for q in QUERIES
                for which, base in (("voor", old), ("nu", now))
            }
    print(f"Zoeken voor ({args.voor}) en nu, {len(RELEVANCE)} vragen uit tests/relevance.yml; {machine()}")
    print(f"{'soort vraag':<16}{'aantal':>8}{'recall@3 voor':>16}{'recall@3 nu':>14}")
    for cat in rec["nu"]:
        hits_old, n = rec["voor"].get(cat, (0, 0))
        hits_now, _ = rec["nu"][cat]
        print(f"{cat:<16}{n:>8}{hits_old / n:>16.0%}{hits_now / n:>14.0%}")
    all_old = sum(h for h, _ in rec["voor"].values())
    all_now = sum(h for h, _ in rec["nu"].values())
    n = len(RELEVANCE)
    print(f"{'alles':<16}{n:>8}{all_old / n:>16.0%}{all_now / n:>14.0%}")
    print()
    print("Eerste resultaat op een trage telefoon (390 px, CPU 4x trager, lege cache)")
    print(f"{'lijn':<26}{'zoekvraag':<36}{'voor':>14}{'nu':>14}")
    for name in LINES:
        for q in QUERIES:
            o, n = speed[(name, q, "voor")], speed[(name, q, "nu")]
            print(f"{name:<26}{q:<36}{o[0]:>7.1f} s {o[1]:>3} r{n[0]:>7.1f} s {n[1]:>3} r")


if __name__ == "__main__":
    main()
