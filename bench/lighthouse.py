"""Lighthouse scores of the built site (issue 9): home page, an overview and a card page.

    .venv/bin/python bench/lighthouse.py                   # writes bench/RESULTS.md
    .venv/bin/python bench/lighthouse.py 5000              # also on a site with 5000 practices
    .venv/bin/python bench/lighthouse.py --niet-schrijven

Builds the site with ``mkdocs build --strict``, serves it on 127.0.0.1 as GitHub Pages would
(gzip, its 404 page), and runs Lighthouse (npm, pinned; installed in bench/.tools on first use)
in Debian's Chromium with the mobile preset. Each page RUNS times; the table shows the median per
category. Under a target, the audits that failed are listed with the number of runs they failed in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from common import CHROMIUM, ENV, FLAGS, REPO, build, machine, serve, write_section
from generate import site_with

# 12.x is the newest line that runs on Debian's Node 20 (13 wants Node 22).
LIGHTHOUSE_VERSION = "12.8.2"
TOOLS = Path(__file__).with_name(".tools")
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
CATEGORIES = {
    "performance": ("prestaties", 95),
    "accessibility": ("toegankelijkheid", 100),
    "best-practices": ("goede praktijken", 100),
    "seo": ("SEO", 100),
}
# Shown too, because a score of 100 hides how close a page is to losing points.
METRICS = {
    "first-contentful-paint": ("FCP", "{:.1f} s", 1000),
    "largest-contentful-paint": ("LCP", "{:.1f} s", 1000),
    "total-blocking-time": ("TBT", "{:.0f} ms", 1),
    "cumulative-layout-shift": ("CLS", "{:.3f}", 1),
    "speed-index": ("Speed Index", "{:.1f} s", 1000),
}
PASS = 0.9  # Lighthouse itself shows an audit as passed from this score on
BEGIN, END = "<!-- lighthouse:begin -->", "<!-- lighthouse:end -->"
COMMAND = ".venv/bin/python bench/lighthouse.py"


def pages() -> dict[str, str]:
    card = sorted((REPO / "practices").glob("*.yml"))[0].stem
    return {"home": "/", "overzicht praktijken": "/praktijken/", "praktijkvoorbeeld": f"/praktijken/{card}/"}


def install_lighthouse() -> None:
    package = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if package.is_file() and json.loads(package.read_text())["version"] == LIGHTHOUSE_VERSION:
        return
    if not shutil.which("npm"):
        raise SystemExit("npm ontbreekt: installeer het Debian-pakket 'npm'")
    print(f"lighthouse@{LIGHTHOUSE_VERSION} installeren in {TOOLS.relative_to(REPO)} ...", flush=True)
    subprocess.run(
        ["npm", "install", "--no-save", "--prefix", str(TOOLS), f"lighthouse@{LIGHTHOUSE_VERSION}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def lighthouse(url: str) -> dict[str, Any]:
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=" + ",".join(CATEGORIES),
            "--chrome-flags=" + " ".join(FLAGS),
        ],
        capture_output=True,
        text=True,
        env={**ENV, "CHROME_PATH": CHROMIUM},
        timeout=300,
    )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse mislukt voor {url}:\n{result.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse mislukt voor {url}: {report['runtimeError']}")
    return report


def score(report: dict[str, Any], category: str) -> int:
    value = report["categories"][category]["score"]
    return round(value * 100) if value is not None else 0


def failing(report: dict[str, Any], category: str) -> list[tuple[str, str, str]]:
    """(id, title, displayed value) of each scored audit in the category below PASS. Audits in
    the group "hidden" are left out: Lighthouse 12 repeats its diagnostics there as insights."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        if ref.get("group") == "hidden":
            continue
        audit = report["audits"][ref["id"]]
        if audit["score"] is not None and audit["score"] < PASS:
            out.append((audit["id"], audit["title"], audit.get("displayValue", "")))
    return out


def audit_lines(runs: list[dict[str, Any]], category: str) -> list[str]:
    """One line per failing audit, most frequent first; the value shown is from the first run."""
    counts: Counter[tuple[str, str]] = Counter()
    values: dict[str, str] = {}
    for report in runs:
        for audit_id, title, value in failing(report, category):
            counts[audit_id, title] += 1
            values.setdefault(audit_id, value)
    return [
        f"  - `{audit_id}`: {title}{f' ({values[audit_id]})' if values[audit_id] else ''}"
        f" — in {n} van {len(runs)} runs"
        for (audit_id, title), n in counts.most_common()
    ]


def chromium_version() -> str:
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    return next((word for word in out.split() if word[:1].isdigit()), out.strip())


def metrics_table(reports: dict[str, list[dict[str, Any]]]) -> list[str]:
    rows = ["| pagina | " + " | ".join(name for name, _, _ in METRICS.values()) + " |"]
    rows.append("|---|" + "---:|" * len(METRICS))
    for page, runs in reports.items():
        cells = [
            form.format(statistics.median(r["audits"][audit_id]["numericValue"] for r in runs) / scale)
            for audit_id, (_, form, scale) in METRICS.items()
        ]
        rows.append(f"| {page} | " + " | ".join(cells) + " |")
    return rows


def report_text(reports: dict[str, list[dict[str, Any]]], sizes: list[int]) -> str:
    head = (
        "| pagina | "
        + " | ".join(
            f"{name} (doel {'≥ ' if goal < 100 else ''}{goal})" for name, goal in CATEGORIES.values()
        )
        + " |"
    )
    rows = [head, "|---|" + "---:|" * len(CATEGORIES)]
    below = []
    for page, runs in reports.items():
        cells = []
        for category, (name, goal) in CATEGORIES.items():
            median = round(statistics.median(score(r, category) for r in runs))
            cells.append(str(median) if median >= goal else f"**{median}**")
            if median < goal:
                below.append(f"- {page}, {name}: {median} (doel {goal})")
                below += audit_lines(runs, category)
        rows.append(f"| {page} | " + " | ".join(cells) + " |")
    version = next(iter(reports.values()))[0]["lighthouseVersion"]
    return "\n".join(
        [
            "## Lighthouse",
            "",
            f"Gemeten op {dt.date.today().isoformat()}: {machine()}, Lighthouse {version}, "
            f"Chromium {chromium_version()}. Commando: `{' '.join([COMMAND, *map(str, sizes)])}`.",
            "",
            "Mobiel profiel (de standaard van Lighthouse: gesimuleerde trage 4G en 4× tragere processor), "
            "zonder internet, de site geserveerd op 127.0.0.1 zoals GitHub Pages dat doet (gzip). "
            f"Per pagina {RUNS} runs; de tabel toont de mediaan."
            + (
                " Regels met een aantal praktijken: de echte inhoud plus synthetische"
                " praktijkvoorbeelden van `bench/generate.py`."
                if sizes
                else ""
            ),
            "",
            *rows,
            "",
            "Meetwaarden voor prestaties (mediaan, gesimuleerd mobiel):",
            "",
            *metrics_table(reports),
            "",
            *(
                ["Onder het doel, met de audits die niet slaagden:", "", *below]
                if below
                else ["Alle doelen gehaald."]
            ),
        ]
    )


def main(argv: list[str]) -> None:
    write = "--niet-schrijven" not in argv
    sizes = [int(a) for a in argv if a.isdigit()]
    install_lighthouse()
    reports: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as tmp:
        roots = [(REPO, "")]
        roots += [(site_with(n, Path(tmp) / f"kb-{n}"), f", {n} praktijken") for n in sizes]
        for root, suffix in roots:
            site = Path(tmp) / f"site{len(reports)}"
            print(f"bouwen{suffix} ...", flush=True)
            build(root, site)
            with serve(site, like_pages=True) as base:
                for name, path in pages().items():
                    label = f"{name} `{path}`{suffix}"
                    reports[label] = []
                    for k in range(RUNS):
                        print(f"{label}: run {k + 1} van {RUNS} ...", flush=True)
                        reports[label].append(lighthouse(base + path))
    text = report_text(reports, sizes)
    print(text)
    if write:
        write_section(BEGIN, END, text)


if __name__ == "__main__":
    os.chdir(REPO)
    main(sys.argv[1:])
