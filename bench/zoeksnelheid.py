"""The search page as a visitor on a slow phone meets it, before and after, in one run.

    .venv/bin/python bench/zoeksnelheid.py                 # this tree against issue 27's start
    .venv/bin/python bench/zoeksnelheid.py --voor <rev>    # against another commit

Each measurement is a new browser (nothing cached, no open connection), 390 px wide, mobile,
Lighthouse's slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the CPU 4x slower,
set with the Chrome DevTools Protocol before the navigation starts. Counted from the start of
the navigation (``performance.timeOrigin``) until the first result *link* is on screen (in the
list and laid out), with every request the browser made until then (the page, styles, scripts,
fonts, images, the index), as the browser reports them. Served compressed, as GitHub Pages does.
The goal (issue 27): /zoeken/?q=vrijwilligers in at most 3 s and 15 requests.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from common import CHROMIUM, FLAGS, copy_repo, machine, serve, throttled_page, tree_at, write_section
from search import build_tree

BEFORE = "c447257"  # the commit that added issue 27's queries: the search before issue 27
QUERIES = ("vrijwilligers", "hoe bereik ik mensen die niet goed kunnen lezen")
RUNS = 3
LINE = (150, 1600, 750)  # round trip ms, down kbit/s, up kbit/s
GOAL = (3.0, 15)

# Notes when the first result link is in the list and laid out (ms since navigation start).
WATCH = """
(() => {
  const seen = () => {
    const a = document.querySelector('[data-kb-zoekresultaten] li h2 a');
    if (a && a.getClientRects().length && window.__kbFirst === undefined) {
      window.__kbFirst = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, {childList: true, subtree: true});
})();
"""


def first_link(base: str, query: str) -> tuple[float, int, list[str]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        context.add_init_script(WATCH)
        page = throttled_page(context, LINE)
        requests: list[tuple[float, str]] = []
        context.on("request", lambda r: requests.append((time.time() * 1000, r.url)))
        page.goto(f"{base}/zoeken/?q={quote(query)}", wait_until="commit")
        page.wait_for_function("window.__kbFirst !== undefined", timeout=120000)
        ms, origin = page.evaluate("[window.__kbFirst, performance.timeOrigin]")
        browser.close()
    before = [url.replace(base, "") for t, url in requests if t <= origin + ms]
    return ms / 1000, len(before), before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voor", default=BEFORE, help="commit to compare with")
    parser.add_argument("--schrijf", action="store_true", help="write the table to bench/RESULTS.md")
    args = parser.parse_args()
    rows = []
    lists: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sites = {"voor": work / "site-voor", "nu": work / "site-nu"}
        build_tree(tree_at(args.voor, work / "voor"), sites["voor"])
        build_tree(copy_repo(work / "nu"), sites["nu"])
        with serve(sites["voor"], like_pages=True) as old, serve(sites["nu"], like_pages=True) as now:
            for query in QUERIES:
                cells = []
                for name, base in (("voor", old), ("nu", now)):
                    runs = [first_link(base, query) for _ in range(RUNS)]
                    seconds = statistics.median(r[0] for r in runs)
                    count = statistics.median(r[1] for r in runs)
                    lists[f"{name}: {query}"] = runs[0][2]
                    cells.append((seconds, count))
                rows.append((query, cells))
    lines = [
        f"Eerste resultaatlink op een trage telefoon: nieuwe browser, 390 px, CPU 4x trager, "
        f"{LINE[0]} ms / {LINE[1] / 1000} Mbit/s, mediaan van {RUNS}; "
        f"doel <= {GOAL[0]} s en <= {GOAL[1]} verzoeken",
        f"{'zoekvraag':<50}{'voor':>18}{'nu':>18}",
    ]
    for query, ((s_old, n_old), (s_now, n_now)) in rows:
        lines.append(f"{query:<50}{s_old:>8.2f} s {n_old:>4.0f} r{s_now:>9.2f} s {n_now:>4.0f} r")
    lines.append("")
    for name, urls in lists.items():
        lines.append(f"verzoeken tot de eerste link ({name}): {len(urls)}")
        lines += [f"  {u}" for u in urls]
    text = "\n".join(lines)
    print(text)
    print(machine())
    if args.schrijf:
        block = f"voor = {args.voor}; {machine()}\n\n```\n{text}\n```"
        write_section(
            "<!-- zoeksnelheid -->",
            "<!-- /zoeksnelheid -->",
            "## Zoeken op een trage telefoon (issue 27)\n\n" + block,
        )


if __name__ == "__main__":
    main()
