"""Shared bench helpers: build a site, serve it, open it in Debian's Chromium, count gzip bytes."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# The same browser and flags as the tests (pyproject.toml, [tool.kennisbank.chromium]).
_PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
_CHROMIUM = _PROJECT["tool"]["kennisbank"]["chromium"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", _CHROMIUM["path"])
FLAGS: list[str] = _CHROMIUM["flags"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SKELETON = (
    "schema",
    "data",
    "overrides",
    "hooks",
    "docs",
    "obstacles",
    "recommendations",
    "tips",
    "practices",
)


def copy_repo(target: Path, parts: tuple[str, ...] = SKELETON) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in parts:
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def tree_at(rev: str, target: Path) -> Path:
    """The repository as it was at ``rev`` (git archive: tracked files only)."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def build(root: Path, site: Path) -> float:
    """``mkdocs build --strict``; returns seconds. Raises with the output when it fails."""
    start = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env=ENV,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bouwen mislukt in {root}:\n{result.stdout}\n{result.stderr}")
    return elapsed


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _LikePages(_Quiet):
    """As GitHub Pages answers: text gzip-compressed when the browser accepts it, and the
    site's own 404.html for a missing file. Lighthouse scores these, so the bench must match."""

    def do_GET(self) -> None:
        url_path = self.path.split("?")[0].split("#")[0]
        file = Path(self.translate_path(url_path))
        if file.is_dir() and url_path.endswith("/"):
            file = file / "index.html"
        if file.is_dir():  # /praktijken -> /praktijken/ (the standard handler redirects)
            return super().do_GET()
        status = 200
        if not file.is_file():
            status, file = 404, Path(self.directory) / "404.html"
            if not file.is_file():
                return super().do_GET()
        kind = self.guess_type(str(file))
        body = file.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path, like_pages: bool = False) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1. ``like_pages``: compressed, with GitHub
    Pages' headers and 404 page (the byte counts in the other benches use gz_size instead)."""
    handler = functools.partial(_LikePages if like_pages else _Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def gz_size(site: Path, url_path: str) -> int:
    """Bytes of a file after gzip -6, as a web server would send it."""
    file = site / url_path.lstrip("/").split("?")[0]
    if url_path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), 6)) if file.is_file() else 0


@contextlib.contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


def machine() -> str:
    mem = 0
    with contextlib.suppress(OSError), open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024 // 1024
    return f"{os.cpu_count()} cores, {mem} GiB RAM, Python {sys.version.split()[0]}"


RESULTS = Path(__file__).with_name("RESULTS.md")


def write_section(begin: str, end: str, text: str) -> None:
    """Replace the part of bench/RESULTS.md between the markers (or append it), leaving the
    rest, which other benches and people write, as it is."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Meetresultaten\n"
    block = f"{begin}\n{text}\n{end}"
    if begin in current and end in current:
        current = current[: current.index(begin)] + block + current[current.index(end) + len(end) :]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(current, encoding="utf-8")
    print(f"\nGeschreven naar {RESULTS.relative_to(REPO)}")


def throttled_page(context, line: tuple[int, int, int], cpu: int = 4):
    """A new page of ``context`` on a slow line (round trip in ms, down and up in kbit/s), with the
    cache off and the processor ``cpu`` times slower, as a visitor's phone meets the site."""
    rtt, down, up = line
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": rtt, "downloadThroughput": down * 125, "uploadThroughput": up * 125},
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    return page
