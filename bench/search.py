"""Compare search engines on our own Dutch relevance set: recall@3 and gzip bytes per query.

    .venv/bin/python bench/search.py            # the real content
    .venv/bin/python bench/search.py 5000       # plus 5000 synthetic practices (bytes only matter there)

Options: Pagefind (what the site uses) and Material's built-in lunr search with lang: nl.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import yaml

from common import REPO, browser, build, copy_repo, gz_size, machine, serve
from generate import generate

RELEVANCE = yaml.safe_load((REPO / "tests" / "relevance.yml").read_text(encoding="utf-8"))


def _with_lunr(root: Path) -> None:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("plugins:\n", "plugins:\n  - search:\n      lang: nl\n", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def measure_pagefind(b, base: str, site: Path) -> tuple[float, int]:
    hits, total_bytes = 0, 0
    for row in RELEVANCE:
        context = b.new_context()  # cold cache: every query pays for what it fetches
        page = context.new_page()
        fetched: list[str] = []
        page.on(
            "request",
            lambda r, fetched=fetched: (
                fetched.append(r.url[len(base) :])
                if "/pagefind/" in r.url or "zoekwoorden" in r.url
                else None
            ),
        )
        page.goto(f"{base}/zoeken/?q={quote(row['vraag'])}")
        page.wait_for_function(
            "document.querySelector('[data-kb-zoekstatus]').textContent.includes('voor')", timeout=30000
        )
        top = page.eval_on_selector_all(
            "[data-kb-zoekresultaten] a", "els => els.slice(0, 3).map(e => new URL(e.href).pathname)"
        )
        hits += row["verwacht"] in top
        total_bytes += sum(gz_size(site, u) for u in set(fetched))
        context.close()
    return hits / len(RELEVANCE), total_bytes // len(RELEVANCE)


def measure_lunr(b, base: str, site: Path) -> tuple[float, int]:
    hits, total_bytes = 0, 0
    for row in RELEVANCE:
        context = b.new_context()
        page = context.new_page()
        fetched: list[str] = []
        page.on(
            "request",
            lambda r, fetched=fetched: (
                fetched.append(r.url[len(base) :]) if "search" in r.url or "lunr" in r.url else None
            ),
        )
        page.goto(f"{base}/over/")
        page.locator("input.md-search__input").fill(row["vraag"])
        page.wait_for_timeout(1500)
        top = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link",
            "els => els.slice(0, 3).map(e => new URL(e.href).pathname)",
        )
        hits += row["verwacht"] in top
        total_bytes += sum(gz_size(site, u) for u in set(fetched))
        context.close()
    return hits / len(RELEVANCE), total_bytes // len(RELEVANCE)


def main() -> None:
    extra = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = generate(extra, work / "repo") if extra else copy_repo(work / "repo")
        pf_site, lunr_site = work / "site-pagefind", work / "site-lunr"
        build(root, pf_site)
        _with_lunr(root)
        build(root, lunr_site)
        with browser() as b, serve(pf_site) as pf_base, serve(lunr_site) as lunr_base:
            pf = measure_pagefind(b, pf_base, pf_site)
            lunr = measure_lunr(b, lunr_base, lunr_site)
    print(f"Zoekvergelijking, {len(RELEVANCE)} vragen, {extra} extra kaarten; {machine()}")
    print(f"{'zoekmachine':<28}{'recall@3':>10}{'KB gz per vraag':>18}")
    print(f"{'Pagefind (Nederlands)':<28}{pf[0]:>10.0%}{pf[1] / 1024:>18.1f}")
    print(f"{'Material lunr (lang: nl)':<28}{lunr[0]:>10.0%}{lunr[1] / 1024:>18.1f}")


if __name__ == "__main__":
    main()
