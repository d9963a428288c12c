"""Scale bench: N practice cards against plain Material for MkDocs sites with the same N pages.

    .venv/bin/python bench/scale.py                # N = 100, 1000, 5000; writes bench/RESULTS.md
    .venv/bin/python bench/scale.py 100 1000       # other sizes
    .venv/bin/python bench/scale.py --niet-schrijven 100

All sites are built in the same run with the same mkdocs and Material. The baseline ("basislijn",
since issue 19) is the leanest plain Material site a reader would compare with: ``theme:
material``, ``language: nl``, ``font: false``, the feature navigation.prune, Material's built-in
search, and the same practices as Markdown pages with only their title (h1), summary and story,
in folders of 100 (praktijken/groep-001/, ...), the navigation made from the folders. The
previous baseline ("vorige basislijn": every field of a card as a section, fonts on) is built
too, so the change of baseline stays visible. Per N it measures: build time (the fastest of
three builds, the sites in turn, because the machine is shared) and the ratios, peak memory of
the build (largest process, Pagefind included), output size, gzip bytes a visitor loads for
one card page and for one search query, and the time from saving an edited card to the new page
being served by ``mkdocs serve --dirty``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from common import BIN, ENV, browser, gz_size, machine, serve, write_section
from generate import site_with
from weight import card_page_weight

SIZES = (100, 1000, 5000)
QUERIES = ("vrijwilligers", "taalmeter", "schuldhulp", "werkgever", "digitale vaardigheden")
EDITS = 3
BUILDS = 3  # the machine is shared: each site is built this often, alternating, and the fastest counts
BEGIN, END = "<!-- schaal:begin -->", "<!-- schaal:end -->"


@dataclass
class Measure:
    seconds: float = 0.0
    peak_mib: float = 0.0
    output_mib: float = 0.0
    files: int = 0
    card_kb: float = 0.0
    query_kb: float = 0.0
    edit_seconds: list[float] = field(default_factory=list)


# --- the two sites -------------------------------------------------------------------------


def _old_markdown(card: dict[str, Any]) -> str:
    lines = [f"# {card['titel']}", "", str(card.get("samenvatting", "")).strip(), ""]
    for key, value in card.items():
        if key in ("titel", "samenvatting"):
            continue
        lines += [f"## {key.capitalize()}", ""]
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                item = "; ".join(f"{k}: {v}" for k, v in item.items())
            text = str(item).strip()
            lines.append(f"- {text}" if isinstance(value, list) else text)
        lines.append("")
    return "\n".join(lines)


def _lean_markdown(card: dict[str, Any]) -> str:
    parts = [
        f"# {card['titel']}",
        str(card.get("samenvatting", "")).strip(),
        str(card.get("verhaal", "")).strip(),
    ]
    return "\n\n".join(parts) + "\n"


LEAN_CONFIG = """\
site_name: Basislijn
site_url: https://basislijn.example.nl/
theme:
  name: material
  language: nl
  font: false
  features:
    - navigation.prune
plugins:
  - search
"""
OLD_CONFIG = LEAN_CONFIG.replace("  font: false\n", "")  # Google Fonts on, as Material's default


def baseline_site(own: Path, target: Path, *, lean: bool = True) -> Path:
    """Plain Material at our pinned versions: the same practices as Markdown pages in folders of
    100 (``docs/praktijken/groep-NNN/<slug>.md``), nav from the directory, prune and Material's
    search on. ``lean`` (the baseline since issue 19): only title (h1), summary and story, and
    ``font: false``. Not lean (the baseline until then): every field of the card as a section,
    and Google Fonts on."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Basislijn\n\nDezelfde praktijken als Markdown.\n", encoding="utf-8")
    markdown = _lean_markdown if lean else _old_markdown
    for i, card_file in enumerate(sorted((own / "practices").glob("*.yml"))):
        card = yaml.load(card_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        folder = docs / "praktijken" / f"groep-{i // 100 + 1:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{card_file.stem}.md").write_text(markdown(card), encoding="utf-8")
    (target / "mkdocs.yml").write_text(LEAN_CONFIG if lean else OLD_CONFIG, encoding="utf-8")
    return target


# --- measurements -------------------------------------------------------------------------


def timed_build(root: Path, site: Path) -> tuple[float, float]:
    """``mkdocs build --strict``: seconds and the peak RSS (MiB) of the largest process in it."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)],
        cwd=root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert proc.stdout is not None
    output = proc.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bouwen mislukt in {root}:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def output_size(site: Path) -> tuple[float, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20, len(files)


def own_query_bytes(site: Path) -> float:
    """Everything a visitor with an empty cache loads for one search on /zoeken/, averaged."""
    totals = []
    with browser() as b, serve(site) as base:
        for query in QUERIES:
            context = b.new_context()
            page = context.new_page()
            fetched: set[str] = set()
            page.on(
                "request", lambda r, f=fetched: f.add(r.url[len(base) :]) if r.url.startswith(base) else None
            )
            page.goto(f"{base}/zoeken/?q={quote(query)}")
            page.wait_for_function(
                "document.querySelector('[data-kb-zoekstatus]').textContent.includes('voor')", timeout=60000
            )
            page.wait_for_load_state("networkidle")
            totals.append(sum(gz_size(site, u) for u in fetched))
            context.close()
    return statistics.mean(totals) / 1024


def baseline_query_bytes(site: Path, card_path: str) -> float:
    """The same for Material's search: open a page, type the query, wait for results."""
    totals = []
    with browser() as b, serve(site) as base:
        for query in QUERIES:
            context = b.new_context()
            page = context.new_page()
            fetched: set[str] = set()
            page.on(
                "request", lambda r, f=fetched: f.add(r.url[len(base) :]) if r.url.startswith(base) else None
            )
            page.goto(base + card_path)
            page.locator("input.md-search__input").fill(query)
            with contextlib.suppress(Exception):  # no result in time: the bytes still count
                page.wait_for_selector(".md-search-result__item", timeout=60000)
            page.wait_for_load_state("networkidle")
            totals.append(sum(gz_size(site, u) for u in fetched))
            context.close()
    return statistics.mean(totals) / 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return None


@contextlib.contextmanager
def mkdocs_serve(root: Path, wait_for: str) -> Iterator[str]:
    port = _free_port()
    log = (root / "serve.log").open("w")
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 900
        while _get(base + wait_for) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"mkdocs serve startte niet; zie {root / 'serve.log'}")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=30)
        log.close()


def edit_to_served(root: Path, source: Path, url_path: str, pattern: str, replace: str) -> list[float]:
    """Save an edited card (or page) and poll until the served page shows the edit."""
    times = []
    with mkdocs_serve(root, url_path) as base:
        for k in range(EDITS + 1):  # the first edit warms up the server and is not counted
            marker = f"Bewerkt{k}x{time.time_ns() % 100000}"
            text = source.read_text(encoding="utf-8")
            source.write_text(re.sub(pattern, replace.format(marker=marker), text, count=1, flags=re.M))
            start = time.monotonic()
            while marker not in (_get(base + url_path) or ""):
                if time.monotonic() - start > 300:
                    raise SystemExit(f"de wijziging verscheen niet binnen 300 s; zie {root / 'serve.log'}")
                time.sleep(0.02)
            if k:
                times.append(time.monotonic() - start)
            time.sleep(1.0)  # let the rebuild finish completely before the next edit
    return times


# --- the run ------------------------------------------------------------------------------


def measure(n: int, work: Path) -> tuple[Measure, Measure, Measure]:
    own_root = site_with(n, work / f"eigen-{n}")
    base_root = baseline_site(own_root, work / f"basis-{n}")
    old_root = baseline_site(own_root, work / f"vorige-basis-{n}", lean=False)
    slug = sorted(p.stem for p in (own_root / "practices").glob("*.yml"))[n // 2]
    base_md = next((base_root / "docs" / "praktijken").glob(f"*/{slug}.md"))
    own_card, base_card = f"/praktijken/{slug}/", f"/praktijken/{base_md.parent.name}/{slug}/"
    own, base, old = Measure(), Measure(), Measure()
    sites = ((own_root, own), (base_root, base), (old_root, old))
    for run in range(1, BUILDS + 1):
        for root, m in sites:
            print(f"  N={n}: bouwen {root.name} ({run}/{BUILDS}) ...", flush=True)
            seconds, peak = timed_build(root, root / "site")
            m.seconds = min(m.seconds or seconds, seconds)
            m.peak_mib = max(m.peak_mib, peak)
    for root, m in sites:
        m.output_mib, m.files = output_size(root / "site")
    own.card_kb = card_page_weight(own_root / "site", own_card)[0] / 1024
    base.card_kb = card_page_weight(base_root / "site", base_card)[0] / 1024
    old.card_kb = card_page_weight(old_root / "site", base_card)[0] / 1024
    own.query_kb = own_query_bytes(own_root / "site")
    base.query_kb = baseline_query_bytes(base_root / "site", base_card)
    print(f"  N={n}: wijzigen tot getoond ...", flush=True)
    own.edit_seconds = edit_to_served(
        own_root,
        own_root / "practices" / f"{slug}.yml",
        own_card,
        r"^titel: .*$",
        "titel: {marker} aangepaste titel",
    )
    base.edit_seconds = edit_to_served(
        base_root,
        base_md,
        base_card,
        r"^# .*$",
        "# {marker} aangepaste titel",
    )
    return own, base, old


BUDGETS = """\
Budgetten: bouwen ≤ 1,3 × de basislijn bij N = 1000 (alles aan, zoekindex ook); t(5000) / t(1000)
≤ 5,5; piekgeheugen ≤ 1 GiB bij N = 5000; wijzigen tot getoond ≤ 1 s bij N = 1000; een
kaartpagina ≤ 150 KB gz, onafhankelijk van N; één zoekvraag ≤ 300 KB gz bij N = 5000."""

Row = tuple[Measure, Measure, Measure]  # kennisbank, basislijn, vorige basislijn


def table(rows: dict[int, Row]) -> str:
    out = [
        f"| N | site | bouwen (s, snelste van {BUILDS}) | × basislijn | × vorige basislijn "
        "| piekgeheugen (MiB) | uitvoer (MiB, bestanden) | kaartpagina (KB gz) | zoekvraag (KB gz) "
        f"| wijzigen → getoond (s, mediaan van {EDITS}) |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, (own, base, old) in rows.items():
        for name, m in (("kennisbank", own), ("basislijn", base), ("vorige basislijn", old)):
            edit = (
                f"{statistics.median(m.edit_seconds):.2f} (max {max(m.edit_seconds):.2f})"
                if m.edit_seconds
                else "–"
            )
            query = f"{m.query_kb:.1f}" if m.query_kb else "–"
            out.append(
                f"| {n} | {name} | {m.seconds:.1f} | {m.seconds / base.seconds:.2f} "
                f"| {m.seconds / old.seconds:.2f} | {m.peak_mib:.0f} "
                f"| {m.output_mib:.1f} ({m.files}) | {m.card_kb:.1f} | {query} | {edit} |"
            )
    return "\n".join(out)


def verdicts(rows: dict[int, Row]) -> list[str]:
    lines = []

    def check(name: str, value: float, limit: float, unit: str) -> None:
        verdict = "gehaald" if value <= limit else "NIET gehaald"
        lines.append(f"- {name}: {value:.2f}{unit} (budget {limit}{unit}) — {verdict}")

    if 1000 in rows:
        own, base, old = rows[1000]
        check("bouwen t.o.v. de basislijn bij N = 1000", own.seconds / base.seconds, 1.3, "×")
        lines.append(f"  (t.o.v. de vorige basislijn: {own.seconds / old.seconds:.2f}×)")
        check("wijzigen tot getoond bij N = 1000 (mediaan)", statistics.median(own.edit_seconds), 1, " s")
    if 1000 in rows and 5000 in rows:
        check("t(5000) / t(1000)", rows[5000][0].seconds / rows[1000][0].seconds, 5.5, "×")
    if 5000 in rows:
        check("piekgeheugen bij N = 5000", rows[5000][0].peak_mib / 1024, 1, " GiB")
        check("zoekvraag bij N = 5000", rows[5000][0].query_kb, 300, " KB")
    check("zwaarste kaartpagina", max(row[0].card_kb for row in rows.values()), 150, " KB")
    return lines


def main(argv: list[str]) -> None:
    write = "--niet-schrijven" not in argv
    sizes = [int(a) for a in argv if a.isdigit()] or list(SIZES)
    rows: dict[int, Row] = {}
    with tempfile.TemporaryDirectory(prefix="kb-schaal-") as tmp:
        for n in sizes:
            rows[n] = measure(n, Path(tmp))
    text = "\n".join(
        [
            "## Schaal: kennisbank tegen een kale Material-site (issue 19)",
            "",
            f"Gemeten op {dt.date.today().isoformat()}: {machine()}. "
            f"Commando: `.venv/bin/python bench/scale.py {' '.join(map(str, sizes))}` (alles in één run).",
            "",
            table(rows),
            "",
            BUDGETS,
            "",
            *verdicts(rows),
        ]
    )
    print(text)
    if write:
        write_section(BEGIN, END, text)


if __name__ == "__main__":
    main(sys.argv[1:])
