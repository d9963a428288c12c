"""A second generator: ProperDocs (a maintained fork of MkDocs 1.6) builds this site the same as
MkDocs, so the day MkDocs or Material breaks, the switch is one line in pyproject.toml
(``[tool.kennisbank] generator``; docs/techniek.md). Run alone: ``pytest -m generators -n 0``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conftest import REPO, run

pytestmark = [pytest.mark.generators]

GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')
SEARCH_DIR = "pagefind"


def _build(generator: str, site: Path) -> Path:
    result = run(
        [Path(sys.executable).parent / generator, "build", "--strict", "-f", "mkdocs.yml", "-d", site], REPO
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def _generators(site: Path) -> set[bytes]:
    return {m for p in site.rglob("*.html") for m in GENERATOR_META.findall(p.read_bytes())}


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    where = tmp_path_factory.mktemp("generators")
    return _build("mkdocs", where / "mkdocs"), _build("properdocs", where / "properdocs")


def test_properdocs_writes_every_file_mkdocs_writes_byte_for_byte_but_the_generator_tag(both_sites):
    """Every page, export, feed, sitemap and asset; the search index apart (next test): Pagefind
    names its index and filter chunks differently on every run, with either generator."""
    mkdocs_site, properdocs_site = both_sites
    ours, theirs = _files(mkdocs_site), _files(properdocs_site)
    outside_index = sorted(f for f in ours if not f.startswith(f"{SEARCH_DIR}/"))
    assert len(outside_index) > 150
    assert outside_index == sorted(f for f in theirs if not f.startswith(f"{SEARCH_DIR}/"))
    differ = [
        name
        for name in outside_index
        if GENERATOR_META.sub(b"", ours[name].read_bytes())
        != GENERATOR_META.sub(b"", theirs[name].read_bytes())
    ]
    assert differ == []
    # The tag is the one difference, so it must be there to be set aside.
    assert _generators(mkdocs_site) == {
        b'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">'
    }
    assert _generators(properdocs_site) == {
        b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'
    }


def test_properdocs_gives_the_search_index_the_same_pages_with_the_same_text(both_sites):
    """A fragment file per page, named by a hash of its address, text and metadata: the same
    names and the same bytes mean the same pages with the same words."""
    indexes = [site / SEARCH_DIR for site in both_sites]
    fragments = [_files(index / "fragment") for index in indexes]
    assert len(fragments[0]) > 90
    assert fragments[0].keys() == fragments[1].keys()
    assert all(fragments[0][n].read_bytes() == fragments[1][n].read_bytes() for n in fragments[0])
    entries = [json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8")) for index in indexes]
    assert entries[0]["languages"]["nl"]["page_count"] == entries[1]["languages"]["nl"]["page_count"]
