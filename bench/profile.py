"""Where a build of N practices spends its time: py-spy (sampling, wall time of the main thread,
waiting included) per step of the build, and cProfile's heaviest functions of our own code.

    .venv/bin/python bench/profile.py                 # N = 1000 and 5000; writes bench/RESULTS.md
    .venv/bin/python bench/profile.py --niet-schrijven 1000

py-spy (pip package ``py-spy``, in the test extras) samples without slowing the build down;
cProfile slows Python code down about twice, so its seconds are only compared with each other.
Pagefind runs in a process of its own beside the build: its work shows here only as the wait at
the end ("zoekindex afmaken").
"""

from __future__ import annotations

import collections
import datetime as dt
import pstats
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import BIN, ENV, machine, write_section
from generate import site_with

SIZES = (1000, 5000)
RATE = 100  # py-spy samples per second
BEGIN, END = "<!-- profiel:begin -->", "<!-- profiel:end -->"

HOOKS = "kennisbank/adapter/hooks.py"
# (step, a frame that marks it): the innermost matching frame of a sample names its step.
STEPS = (
    ("kaarten lezen en controleren", "check_repository (kennisbank/checking/validate.py"),
    ("pagina's voorbereiden (verwant, lijsten)", "load_site (kennisbank/build/session.py"),
    ("export, woordenlijst, formulier", f"on_files ({HOOKS}"),
    ("inhoud van gemaakte pagina's (eigen sjablonen, Markdown)", f"on_page_content ({HOOKS}"),
    ("MkDocs: pagina's lezen, Markdown", "_populate_page (mkdocs/commands/build.py"),
    ("pagina's naar Pagefind", f"on_post_page ({HOOKS}"),
    ("pagina's schrijven", "write_file (mkdocs/utils/__init__.py"),
    ("Material-sjabloon per pagina", "_build_page (mkdocs/commands/build.py"),
    ("zoekindex afmaken (wachten op Pagefind)", f"on_post_build ({HOOKS}"),
    ("uitvoermap leegmaken", "clean_directory (mkdocs/utils/__init__.py"),
    ("MkDocs overig", "build (mkdocs/commands/build.py"),
)
STARTUP = "opstarten en afsluiten (imports)"


def _step(frames: list[str]) -> str:
    found = STARTUP
    rank = {mark: i for i, (_step_name, mark) in enumerate(STEPS)}
    best = len(STEPS)
    for frame in frames:
        for mark, i in rank.items():
            if frame.startswith(mark) and i < best:
                found, best = STEPS[i][0], i
    return found


def sampled_steps(root: Path) -> tuple[dict[str, float], float] | None:
    """Seconds per step of the main thread (py-spy --idle), or None without py-spy."""
    spy = BIN / "py-spy"
    if not spy.exists():
        return None
    raw = root / "py-spy.txt"
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    command = [str(spy), "record", "--idle", "-r", str(RATE), "--format", "raw", "-o", str(raw), "--"]
    command += [sys.executable, str(BIN / "mkdocs"), "build", "-q", "-d", str(site)]
    subprocess.run(command, cwd=root, env=ENV, check=True, capture_output=True)
    steps: collections.Counter[str] = collections.Counter()
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if frames and frames[0].startswith("<module> (mkdocs"):  # the main thread only
            steps[_step(frames)] += int(count) / RATE
    return dict(steps), sum(steps.values())


def profiled_functions(root: Path, top: int = 12) -> tuple[list[tuple[str, float, float]], float]:
    """cProfile: our own functions (kennisbank, hooks) with the most cumulative time."""
    out = root / "cprofile.out"
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "cProfile", "-o", str(out), str(BIN / "mkdocs"), "build", "-q"]
    subprocess.run([*command, "-d", str(site)], cwd=root, env=ENV, check=True, capture_output=True)
    stats = pstats.Stats(str(out))
    rows = []
    for (file, line, name), (_cc, _nc, own, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = file.replace("\\", "/")
        if "/kennisbank/" in where or where.endswith("kennisbank_hooks.py"):
            rows.append((f"{Path(where).name}:{line} {name}", cumulative, own))
    rows.sort(key=lambda r: -r[1])
    total = max(t for (_f, _l, _n), (_c, _nc, _o, t, _) in stats.stats.items())  # type: ignore[attr-defined]
    return rows[:top], total


def section(n: int, work: Path) -> list[str]:
    root = site_with(n, work / f"eigen-{n}")
    print(f"  N={n}: py-spy ...", flush=True)
    sampled = sampled_steps(root)
    print(f"  N={n}: cProfile ...", flush=True)
    functions, total = profiled_functions(root)
    lines = [f"### N = {n}", ""]
    if sampled:
        steps, wall = sampled
        lines += [
            f"py-spy, hoofdthread, {wall:.1f} s:",
            "",
            "| stap | s | deel |",
            "|---|---:|---:|",
        ]
        for name, seconds in sorted(steps.items(), key=lambda s: -s[1]):
            lines.append(f"| {name} | {seconds:.2f} | {seconds / wall:.0%} |")
        lines.append("")
    else:
        lines += ["(py-spy is niet geïnstalleerd: alleen cProfile)", ""]
    lines += [
        f"cProfile, {total:.1f} s in totaal (met de vertraging van de profiler), zwaarste eigen functies:",
        "",
        "| functie | cumulatief (s) | zelf (s) |",
        "|---|---:|---:|",
        *(f"| `{name}` | {cum:.2f} | {own:.2f} |" for name, cum, own in functions),
        "",
    ]
    return lines


def main(argv: list[str]) -> None:
    write = "--niet-schrijven" not in argv
    sizes = [int(a) for a in argv if a.isdigit()] or list(SIZES)
    lines = [
        "## Profiel van een bouw (issue 19)",
        "",
        f"Gemeten op {dt.date.today().isoformat()}: {machine()}. "
        f"Commando: `.venv/bin/python bench/profile.py {' '.join(map(str, sizes))}`.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="kb-profiel-") as tmp:
        for n in sizes:
            lines += section(n, Path(tmp))
    text = "\n".join(lines).rstrip("\n")
    print(text)
    if write:
        write_section(BEGIN, END, text)


if __name__ == "__main__":
    main(sys.argv[1:])
