"""``mkdocs serve --dirty``: after a save only the pages that show the edited card are made
again, and the result is the same site a clean build makes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO

pytestmark = pytest.mark.slow  # builds the whole site, several times

PARTS = ("schema", "data", "overrides", "hooks", "docs", "practices", "tips", "obstacles", "recommendations")
CARD = "practices/dalfsen-taalmeter-bij-sociale-werkvoorziening.yml"


@pytest.fixture
def real_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("DISABLE_MKDOCS_2_WARNING", "true")
    root = tmp_path / "repo"
    for part in PARTS:
        shutil.copytree(REPO / part, root / part)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _build(root: Path, site: Path, *, dirty: bool) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=False)
    build(config, dirty=dirty)


def _pages(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in site.rglob("*.html")
        if "pagefind" not in p.parts
    }


def _stamps(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("index.html")}


def _edit(root: Path) -> None:
    card = root / CARD
    text = card.read_text(encoding="utf-8")
    text = re.sub(r"^titel: .*$", "titel: Taalmeter in Dalfsen, aangepast", text, count=1, flags=re.M)
    text = re.sub(r"^provincie: .*$", "provincie: drenthe", text, count=1, flags=re.M)
    text = re.sub(r"^plaats: .*$", "plaats: Meppel", text, count=1, flags=re.M)  # a place in Drenthe
    card.write_text(text, encoding="utf-8")


def test_dirty_rebuild_after_editing_a_card_gives_the_same_site_as_a_clean_build(real_copy, tmp_path):
    served, clean = tmp_path / "served", tmp_path / "clean"
    _build(real_copy, served, dirty=False)
    before = _stamps(served)
    _edit(real_copy)

    _build(real_copy, served, dirty=True)
    _build(real_copy, clean, dirty=False)

    served_pages, clean_pages = _pages(served), _pages(clean)
    assert served_pages.keys() == clean_pages.keys()
    differ = [name for name in clean_pages if served_pages[name] != clean_pages[name]]
    assert differ == []
    assert "Meppel" in served_pages["index.html"]  # the home page lists the places
    remade = [name for name, stamp in _stamps(served).items() if before.get(name) != stamp]
    assert "praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening/index.html" in remade
    assert "provincies/drenthe/index.html" in remade and "provincies/overijssel/index.html" in remade
    assert len(remade) < len(before) / 3, f"{len(remade)} of {len(before)} pages made again"


def test_dirty_rebuild_after_changing_a_template_makes_every_card_page_again(real_copy, tmp_path):
    served = tmp_path / "served"
    _build(real_copy, served, dirty=False)
    before = _stamps(served)
    template = real_copy / "overrides" / "kennisbank" / "partials" / "bron.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    _build(real_copy, served, dirty=True)

    cards = [name for name in before if name.startswith(("praktijken/", "tips/")) and name.count("/") == 2]
    assert cards
    assert [name for name in cards if _stamps(served)[name] == before[name]] == []


def test_the_shortcuts_through_mkdocs_and_material_give_the_same_pages_as_without_them(
    real_copy, tmp_path, monkeypatch
):
    """Material's navigation is rendered once per folder for pages outside it (navcache.py), and
    generated pages skip MkDocs' front matter and Markdown (madepages.py); every page must be
    byte for byte what MkDocs and Material make without these shortcuts."""
    import kennisbank.adapter.madepages
    import kennisbank.adapter.navcache

    fast, plain = tmp_path / "fast", tmp_path / "plain"
    _build(real_copy, fast, dirty=False)
    monkeypatch.setattr(kennisbank.adapter.navcache, "reuse_nav", lambda env: None)
    monkeypatch.setattr(kennisbank.adapter.madepages, "make_page", lambda *args: None)
    _build(real_copy, plain, dirty=False)
    pages = _pages(fast)
    assert len(pages) > 90
    for name, html in _pages(plain).items():
        assert pages[name] == html, name
    card = pages["praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening/index.html"]
    assert 'class="md-nav md-nav--primary"' in card and 'href="../../zoeken/"' in card
