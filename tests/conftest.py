"""Shared fixtures: a small throw-away repository of fixture cards, and one build of the real site."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kennisbank.build.session import load_site
from kennisbank.cli import main as kennisbank_main
from kennisbank.model.day import TODAY_ENV
from kennisbank.model.types import Kind

if TYPE_CHECKING:
    from kennisbank.catalogue.catalogue import Catalogue
    from kennisbank.model.types import AnyCard
    from kennisbank.output.site import Site

REPO = Path(__file__).resolve().parents[1]
FIXTURE_CARDS = REPO / "tests" / "fixtures" / "repo"


def _newest_check(*roots: Path) -> dt.date:
    """The newest ``gecontroleerd`` date of the cards: the day the tests run as."""
    dates = [
        dt.date.fromisoformat(found)
        for root in roots
        for kind in Kind
        for card in sorted((root / kind.folder).glob("*.yml"))
        for found in re.findall(
            r"(?m)^gecontroleerd: (\d{4}-\d{2}-\d{2})\s*$", card.read_text(encoding="utf-8")
        )
    ]
    return max(dates)


TEST_DAY = _newest_check(REPO, FIXTURE_CARDS)
"""No test depends on when it runs: every check, build and ``kennisbank nieuw`` of the suite runs
on this day (``KENNISBANK_TODAY``, read by :func:`kennisbank.model.day.today`). It comes from the
cards, not the clock, so it never lies before a card's own date."""
os.environ[TODAY_ENV] = TEST_DAY.isoformat()
_PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
GENERATOR = _PROJECT["tool"]["kennisbank"]["generator"]
"""What builds the site (``mkdocs`` or ``properdocs``): one line in pyproject.toml."""
MKDOCS = Path(sys.executable).parent / GENERATOR
KENNISBANK = Path(sys.executable).parent / "kennisbank"
# GitHub Actions names the repository a build runs in; the form at /admin/ saves to it.
BUILD_ENV = {
    "GITHUB_REPOSITORY": "voorbeeld/kennisbank",
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="schrijf de golden files in tests/golden/ opnieuw in plaats van te vergelijken",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(params=["fast", pytest.param("careful", marks=pytest.mark.slow)])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test twice: with libyaml, as the build reads cards, and with PyYAML's pure-Python
    parser, which is used when libyaml is missing. Editors must get the same messages from both.
    The second run is in the slow tier: the inner loop checks the parser the build uses."""
    from kennisbank.reading import load

    if request.param == "careful":
        monkeypatch.setattr(load, "_CLoader", None)
    else:
        assert load._CLoader is not None, "PyYAML without libyaml: the build is several times slower"
    return str(request.param)


CHECK_DAY = dt.date(2026, 11, 25)
"""The day in-process checks run on, so messages about dates and reviews do not age."""


def problem_lines(root: Path) -> list[str]:
    """The lines ``kennisbank check`` prints before its count line, without a subprocess."""
    from kennisbank.output.site import check_site

    return [str(p) for p in check_site(root, today=CHECK_DAY).problems]


def real_card_paths(*kinds: Kind) -> list[str]:
    """The card files of the real repository (``practices/x.yml``), from the file names alone.

    For ``parametrize``, which needs a list at collection time: reading the cards there would turn
    one broken card into a collection error. Tests look the card up in ``real_catalogue``.
    """
    return sorted(
        f"{kind.folder}/{file.name}"
        for kind in kinds or tuple(Kind)
        for file in (REPO / kind.folder).glob("*.yml")
    )


@pytest.fixture(scope="session")
def real_site() -> Site:
    """The real repository checked and its pages prepared, once per session (``load_site``)."""
    return load_site(REPO)


@pytest.fixture(scope="session")
def real_catalogue(real_site: Site) -> Catalogue:
    """The cards of the real repository; a broken card fails the tests that need it, with its message."""
    problems = [str(p) for p in real_site.result.errors]
    assert real_site.result.catalogue is not None, "\n".join(problems)
    return real_site.result.catalogue


def real_card(catalogue: Catalogue, path: str) -> AnyCard:
    """The card of the real repository at ``path`` (one of ``real_card_paths()``)."""
    (card,) = [c for c in catalogue.all_cards() if c.path == path]
    return card


def make_repo(target: Path) -> Path:
    """A copy of the real site set-up (schemas, vocabulary, templates, hooks, mkdocs.yml) with
    the fixture cards instead of the real ones, and stub versions of the hand-written pages."""
    for name in ("schema", "data", "overrides", "hooks"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(FIXTURE_CARDS, target, dirs_exist_ok=True)
    docs = target / "docs"
    shutil.copytree(REPO / "docs" / "assets", docs / "assets")
    shutil.copy(REPO / "docs" / "index.md", docs / "index.md")
    for page in (REPO / "docs").glob("*.md"):
        if page.name != "index.md":
            (docs / page.name).write_text(f"# {page.stem}\n", encoding="utf-8")
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def run(
    cmd: list[str | Path], cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, env=env or BUILD_ENV, timeout=600
    )


def kennisbank(root: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``kennisbank <args>`` typed in ``root``, run in this process: the command's own ``main``
    with its output captured, without starting Python again for every call (which made the
    suite slow). ``test_cli.py`` runs the installed executable, so the wiring stays tested."""
    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = kennisbank_main(argv, own_process=False)
        except SystemExit as exc:  # argparse on a wrong command line
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(["kennisbank", *argv], code, out.getvalue(), err.getvalue())


@pytest.fixture
def check() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``kennisbank check`` as an editor would, in a given repository."""

    def _check(root: Path, *paths: str) -> subprocess.CompletedProcess[str]:
        return kennisbank(root, "check", *paths)

    return _check


def build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` as CI does it (never -q: quiet mode hides strict warnings), with
    the generator pyproject.toml names."""
    return run([MKDOCS, "build", "--strict", "-f", "mkdocs.yml", "-d", site_dir], cwd=root)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real repository, built once per test run: the pytest-xdist workers share one build
    (the first to get the lock builds it). Tests only read it."""
    if worker_id == "master":  # not distributed
        shared = tmp_path_factory.getbasetemp()
    else:  # every worker's base directory sits in the run's own directory
        shared = tmp_path_factory.getbasetemp().parent
    site, done = shared / "built-site", shared / "built-site.ok"
    with (shared / "built-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)
            result = build(REPO, site)
            assert result.returncode == 0, result.stdout + result.stderr
            done.touch()
    return site


SLOW_TIERS = ("browser", "validators", "generators", "generated")
"""Markers whose tests are slow by nature; they get ``slow`` too, so ``-m "not slow"`` (``make
test-fast``) leaves out every slow tier with one word. Other tests that build a whole site carry
``@pytest.mark.slow`` themselves."""


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow standard validators first, so that with pytest-xdist one worker runs them while
    the others run the rest, instead of all waiting for them at the end."""
    for item in items:
        if any(item.get_closest_marker(tier) for tier in SLOW_TIERS):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("validators") is None)


# Browser fixtures: the built site served on localhost, in Debian's Chromium.
_CHROMIUM = _PROJECT["tool"]["kennisbank"]["chromium"]
CHROMIUM = os.environ.get("CHROMIUM_PATH", _CHROMIUM["path"])
FLAGS: list[str] = _CHROMIUM["flags"]


@pytest.fixture(scope="session")
def chromium() -> str:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium niet gevonden op {CHROMIUM} (installeer het Debian-pakket 'chromium')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@contextlib.contextmanager
def serve_site(
    site: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """A built site on a free port of 127.0.0.1, for the browser tests (and the link checker,
    which passes a handler of its own)."""
    handler = functools.partial(handler_class or QuietHandler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve_site(built_site) as url:
        yield url


class _Server(http.server.ThreadingHTTPServer):
    """The standard library's server queues 5 connections; Pagefind opens a dozen at once, and
    on a busy machine the rest were refused, so a search test failed now and then."""

    request_queue_size = 128


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """As a static host (GitHub Pages, ``mkdocs serve``): any unknown address gets 404.html."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def browser(chromium: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
