"""The real repository: every card validates, the strict build succeeds, every URL stays."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from kennisbank.crawlers import robots_txt
from kennisbank.model import Kind
from kennisbank.site import load_site
from kennisbank.urls import read_published, site_urls

SITE = load_site(REPO)
RESULT = SITE.result
CARDS = RESULT.catalogue.all_cards() if RESULT.catalogue else ()


def test_every_card_in_the_repository_validates():
    assert RESULT.ok, "\n".join(str(p) for p in RESULT.problems)


@pytest.mark.parametrize("card", CARDS, ids=[c.path for c in CARDS])
def test_every_card_has_its_page_at_its_public_url(built_site, card):
    page = built_site / card.url / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert re.search(r"<h1>[^<]*</h1>", html)
    assert f'<a href="../">Alle {card.kind.plural.lower()}</a></p>' in html


@pytest.mark.parametrize("kind", list(Kind), ids=[k.url_prefix for k in Kind])
def test_overview_lists_every_card_of_its_type_without_javascript(built_site, kind):
    html = (built_site / kind.url_prefix / "index.html").read_text(encoding="utf-8")
    for card in RESULT.catalogue.of_kind(kind):
        assert f'href="{card.slug}/"' in html, card.slug


def test_every_published_url_is_built_or_redirected(built_site):
    missing = []
    for url in read_published(REPO):
        page = (
            built_site / url.lstrip("/") / "index.html" if url.endswith("/") else built_site / url.lstrip("/")
        )
        if not page.exists():
            missing.append(url)
        elif 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:2000]:
            continue
    assert not missing, f"deze adressen zijn verdwenen zonder doorverwijzing: {missing}"


def test_published_url_list_is_not_behind_the_site():
    listed = set(read_published(REPO))
    new = [u for u in site_urls(SITE.pages, REPO / "docs") if u not in listed]
    assert not new, f"draai 'kennisbank urls': {new}"


def test_no_page_fetches_google_fonts_or_other_remote_assets(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


def test_card_pages_are_not_listed_in_the_navigation_of_every_page(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for card in CARDS:
        assert f'href="{card.url}"' not in home.split('class="md-nav', 1)[-1].split("</nav>", 1)[0]


def test_robots_txt_lets_search_engines_in_and_names_the_sitemap_at_the_site_address(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    site_url = re.search(r'<link rel="canonical" href="([^"]+)"', home)[1]
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert not [line for line in robots if line.startswith("Disallow:") and line != "Disallow:"]
    assert f"Sitemap: {site_url}sitemap.xml" in robots
    assert (built_site / "sitemap.xml").is_file()


@pytest.mark.parametrize(
    ("site_url", "sitemap"),
    [
        ("https://kennisbank.example.nl/", "Sitemap: https://kennisbank.example.nl/sitemap.xml"),
        ("https://org.github.io/kennisbank", "Sitemap: https://org.github.io/kennisbank/sitemap.xml"),
        ("/", None),
    ],
    ids=["domain", "project-site-without-slash", "no-address"],
)
def test_robots_txt_names_the_sitemap_only_by_an_absolute_address(site_url, sitemap):
    lines = robots_txt(site_url).splitlines()
    assert [line for line in lines if line.startswith("Sitemap:")] == ([sitemap] if sitemap else [])


def test_no_page_waits_for_a_script_before_it_is_first_shown(built_site):
    blocking = {}
    for page in built_site.rglob("*.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        if late := [t for t in tags if not re.search(r"\s(defer|async)[\s>]|type=\"module\"", t)]:
            blocking[str(page.relative_to(built_site))] = late
    assert not blocking, blocking
