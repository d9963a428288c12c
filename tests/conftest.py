"""Shared fixtures: a small throw-away repository of fixture cards, and one build of the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURE_CARDS = REPO / "tests" / "fixtures" / "repo"
MKDOCS = Path(sys.executable).parent / "mkdocs"
KENNISBANK = Path(sys.executable).parent / "kennisbank"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="schrijf de golden files in tests/golden/ opnieuw in plaats van te vergelijken",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


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


def run(cmd: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, env=BUILD_ENV, timeout=600
    )


@pytest.fixture
def check() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``kennisbank check`` as an editor would, in a given repository."""

    def _check(root: Path, *paths: str) -> subprocess.CompletedProcess[str]:
        return run([KENNISBANK, "check", *paths], cwd=root)

    return _check


def build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` as CI does it (never -q: quiet mode hides strict warnings)."""
    return run([MKDOCS, "build", "--strict", "-d", site_dir], cwd=root)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
