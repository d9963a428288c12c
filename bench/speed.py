"""Build time before and after the speed work (issue 19), against the lean baseline, in one run.

    .venv/bin/python bench/speed.py                  # N = 1000 and 5000, before = dc72717
    .venv/bin/python bench/speed.py --voor <rev> 1000
    .venv/bin/python bench/speed.py --niet-schrijven 1000

Three sites per N, built in turn BUILDS times (the machine is shared; the fastest build counts):
the kennisbank now, the kennisbank at ``--voor`` (its own src/, hooks, templates and schemas,
with the same practices), and the lean plain-Material baseline of bench/scale.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from common import ENV, machine, tree_at, write_section
from generate import site_with
from scale import baseline_site, timed_build

BEFORE = "dc72717"  # main when the work on issue 19 began
SIZES = (1000, 5000)
BUILDS = 3
BEGIN, END = "<!-- snelheid:begin -->", "<!-- snelheid:end -->"


def before_site(rev: str, now: Path, target: Path) -> Path:
    """The tree at ``rev`` with the same cards as ``now``."""
    tree_at(rev, target)
    shutil.rmtree(target / "practices")
    shutil.copytree(now / "practices", target / "practices")
    return target


def build_with(root: Path, own_src: Path | None) -> tuple[float, float]:
    if own_src is not None:
        ENV["PYTHONPATH"] = str(own_src)
    try:
        return timed_build(root, root / "site")
    finally:
        ENV.pop("PYTHONPATH", None)


def measure(n: int, rev: str, work: Path) -> dict[str, tuple[float, float]]:
    now = site_with(n, work / f"nu-{n}")
    sites = {
        "kennisbank nu": (now, None),
        f"kennisbank vóór ({rev})": (before_site(rev, now, work / f"voor-{n}"), work / f"voor-{n}" / "src"),
        "basislijn": (baseline_site(now, work / f"basis-{n}"), None),
    }
    best: dict[str, tuple[float, float]] = {}
    for run in range(1, BUILDS + 1):
        for name, (root, src) in sites.items():
            print(f"  N={n}: {name} ({run}/{BUILDS}) ...", flush=True)
            seconds, peak = build_with(root, src)
            old = best.get(name, (seconds, peak))
            best[name] = (min(old[0], seconds), max(old[1], peak))
    return best


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--voor", default=BEFORE)
    parser.add_argument("--niet-schrijven", action="store_true")
    args = parser.parse_args(argv)
    lines = [
        "## Bouwtijd voor en na (issue 19)",
        "",
        f"Gemeten op {dt.date.today().isoformat()}: {machine()}. Commando: `.venv/bin/python "
        f"bench/speed.py --voor {args.voor} {' '.join(map(str, args.sizes))}` (alles in één run; "
        f"per site de snelste van {BUILDS} bouwen, de sites om en om).",
        "",
        "| N | site | bouwen (s) | × basislijn | piekgeheugen (MiB) |",
        "|---:|---|---:|---:|---:|",
    ]
    times: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="kb-snelheid-") as tmp:
        for n in args.sizes:
            times[n] = measure(n, args.voor, Path(tmp))
            base = times[n]["basislijn"][0]
            for name, (seconds, peak) in times[n].items():
                lines.append(f"| {n} | {name} | {seconds:.1f} | {seconds / base:.2f} | {peak:.0f} |")
    if len(args.sizes) > 1:
        first, last = args.sizes[0], args.sizes[-1]
        lines.append("")
        for name in times[first]:
            growth = times[last][name][0] / times[first][name][0]
            lines.append(f"- t({last}) / t({first}), {name}: {growth:.2f}")
    text = "\n".join(lines)
    print(text)
    if not args.niet_schrijven:
        write_section(BEGIN, END, text)


if __name__ == "__main__":
    main(sys.argv[1:])
