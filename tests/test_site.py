"""The real repository: every card validates, the strict build succeeds, every URL stays."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest

from conftest import BUILD_ENV, MKDOCS, REPO, real_card, real_card_paths
from kennisbank.catalogue.facets import FACETS
from kennisbank.model.types import Kind
from kennisbank.output.crawlers import robots_txt
from kennisbank.output.frontmatter import hand_written_meta
from kennisbank.output.search import SEARCH_DIR, IndexBesideBuild, SearchIndexError, index_site, indexed_part
from kennisbank.output.urls import read_published, site_urls


def test_every_card_in_the_repository_validates(real_site):
    assert real_site.result.ok, "\n".join(str(p) for p in real_site.result.problems)


def test_every_card_file_is_a_card_of_the_catalogue(real_catalogue):
    """The tests below are collected from file names; each must be a card, and each card a test."""
    assert sorted(c.path for c in real_catalogue.all_cards()) == real_card_paths()


@pytest.mark.parametrize("path", real_card_paths())
def test_every_card_has_its_page_at_its_public_url(built_site, real_catalogue, path):
    card = real_card(real_catalogue, path)
    page = built_site / card.url / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert re.search(r"<h1[^>]*>[^<]*</h1>", html)
    assert re.search(rf'<a href="\.\./"[^>]*>Alle {card.kind.plural.lower()}</a></p>', html)


@pytest.mark.parametrize("kind", list(Kind), ids=[k.url_prefix for k in Kind])
def test_overview_lists_every_card_of_its_type_without_javascript(built_site, real_catalogue, kind):
    html = (built_site / kind.url_prefix / "index.html").read_text(encoding="utf-8")
    for card in real_catalogue.of_kind(kind):
        assert f'href="{card.slug}/"' in html, card.slug


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


def _lost_urls(site, urls) -> list[str]:
    """The URLs that give no page: not built, or a redirect to a page that is not built (or to
    another redirect, which visitors and search engines follow badly)."""
    lost = []
    for url in urls:
        page = site / url.lstrip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")
        text = page.read_text(encoding="utf-8") if page.is_file() else None
        redirect = REFRESH.search(text[:2000]) if text is not None else None
        if text is not None and not redirect and 'http-equiv="refresh"' in text[:2000]:
            text = None  # a redirect this test cannot read is not trusted
        if redirect:
            target = urljoin(url, redirect[1])
            target_page = site / target.lstrip("/") / "index.html"
            text = target_page.read_text(encoding="utf-8") if target_page.is_file() else None
            if text is not None and REFRESH.search(text[:2000]):
                text = None
        if text is None:
            lost.append(url)
    return lost


def test_every_published_url_is_built_or_redirected(built_site):
    lost = _lost_urls(built_site, read_published(REPO))
    assert not lost, f"deze adressen zijn verdwenen zonder doorverwijzing: {lost}"


def test_a_redirect_to_a_page_that_is_not_built_counts_as_a_lost_url(tmp_path):
    def page(url: str, html: str) -> None:
        (tmp_path / url).mkdir(parents=True)
        (tmp_path / url / "index.html").write_text(html, encoding="utf-8")

    page("praktijken/nieuw", "<h1>Nieuw</h1>")
    page("praktijken/oud", '<meta http-equiv="refresh" content="0; url=../nieuw/">')
    page("praktijken/weg", '<meta http-equiv="refresh" content="0; url=../bestaat-niet/">')
    page("praktijken/keten", '<meta http-equiv="refresh" content="0; url=../oud/">')
    urls = ["/praktijken/nieuw/", "/praktijken/oud/", "/praktijken/weg/", "/praktijken/keten/", "/tips/x/"]
    assert _lost_urls(tmp_path, urls) == ["/praktijken/weg/", "/praktijken/keten/", "/tips/x/"]


def test_published_url_list_is_not_behind_the_site(real_site):
    listed = set(read_published(REPO))
    new = [u for u in site_urls(real_site.pages, REPO / "docs") if u not in listed]
    assert not new, f"draai 'kennisbank urls': {new}"


def test_no_page_fetches_google_fonts_or_other_remote_assets(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


class _NavLinks(HTMLParser):
    """The href of every link inside any of Material's <nav> elements (tabs, sidebar, footer),
    nested or not; not the filters of an overview, which link to knelpunt pages on purpose."""

    def __init__(self) -> None:
        super().__init__()
        self.navs: list[bool] = []  # per open <nav>: is it one of Material's?
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav":
            self.navs.append("md-" in (a.get("class") or ""))
        if tag == "a" and a.get("href") and any(self.navs):
            self.hrefs.append(str(a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.navs:
            self.navs.pop()


@pytest.mark.parametrize("page", ["", "praktijken/", "over/"], ids=["home", "overview", "hand-written"])
def test_card_pages_are_not_listed_in_the_navigation_of_every_page(built_site, real_catalogue, page):
    parser = _NavLinks()
    parser.feed((built_site / page / "index.html").read_text(encoding="utf-8"))
    in_nav = {urlsplit(urljoin("/" + page, href)).path.lstrip("/") for href in parser.hrefs}
    assert "praktijken/" in in_nav, "de navigatie hoort de overzichten te tonen"
    assert not {card.url for card in real_catalogue.all_cards()} & in_nav


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


# As a crawler sees the site: the sitemap, robots.txt, noindex pages and dates.
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex')


def _site_url(built_site) -> str:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    return re.search(r'<link rel="canonical" href="([^"]+)"', home)[1]


def _sitemap(built_site) -> dict[str, str | None]:
    """``{absolute URL: lastmod or None}`` as a crawler reads sitemap.xml."""
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {}
    for url in root.findall("sm:url", SITEMAP_NS):
        lastmod = url.find("sm:lastmod", SITEMAP_NS)
        entries[url.findtext("sm:loc", namespaces=SITEMAP_NS)] = None if lastmod is None else lastmod.text
    return entries


def _built_page(built_site, url: str, site_url: str):
    assert url.startswith(site_url), f"{url} is geen absoluut adres op {site_url}"
    path = built_site / url.removeprefix(site_url) / "index.html"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _indexable_pages(built_site) -> list[str]:
    """Site-relative URLs of built pages that a search engine may list (no redirects, no noindex)."""
    urls = []
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:2000] or NOINDEX.search(html):
            continue
        rel = page.parent.relative_to(built_site).as_posix()
        urls.append("" if rel == "." else rel + "/")
    return sorted(urls)


def test_sitemap_lists_only_built_indexable_pages_at_the_site_address(built_site):
    site_url = _site_url(built_site)
    for url in _sitemap(built_site):
        html = _built_page(built_site, url, site_url)
        assert html is not None, f"{url} staat in de sitemap maar bestaat niet"
        assert 'http-equiv="refresh"' not in html[:2000], f"{url} is een doorverwijzing"
        assert not NOINDEX.search(html), f"{url} is noindex maar staat in de sitemap"


def test_sitemap_leaves_out_noindex_pages(built_site):
    listed = _sitemap(built_site)
    site_url = _site_url(built_site)
    assert f"{site_url}redactie/controle/" not in listed
    assert f"{site_url}provincies/zeeland/" not in listed  # no practices in Zeeland (yet)


def test_every_indexable_page_is_in_the_sitemap(built_site):
    site_url = _site_url(built_site)
    listed = set(_sitemap(built_site))
    missing = [u for u in _indexable_pages(built_site) if site_url + u not in listed]
    assert not missing, missing


def test_lastmod_of_a_card_page_is_its_checked_date(built_site, real_catalogue):
    listed = _sitemap(built_site)
    site_url = _site_url(built_site)
    for card in real_catalogue.all_cards():
        assert listed[site_url + card.url] == card.gecontroleerd.isoformat(), card.url


@pytest.mark.parametrize("kind", list(Kind), ids=[k.url_prefix for k in Kind])
def test_lastmod_of_an_overview_is_the_newest_check_of_its_cards(built_site, real_catalogue, kind):
    newest = max(c.gecontroleerd for c in real_catalogue.of_kind(kind))
    assert _sitemap(built_site)[f"{_site_url(built_site)}{kind.url_prefix}/"] == newest.isoformat()


def test_lastmod_of_a_facet_page_is_the_newest_check_of_its_cards(built_site, real_catalogue):
    cards = [c for c in real_catalogue.all_cards() if "samenwerking" in c.themas]
    newest = max(c.gecontroleerd for c in cards)
    assert _sitemap(built_site)[f"{_site_url(built_site)}themas/samenwerking/"] == newest.isoformat()


def test_lastmod_of_the_home_page_is_the_newest_card_date(built_site, real_catalogue):
    newest = max(c.gecontroleerd for c in real_catalogue.all_cards())
    assert _sitemap(built_site)[_site_url(built_site)] == newest.isoformat()


def test_hand_written_pages_have_no_lastmod_in_the_sitemap(built_site):
    """Their file dates say when the repository was checked out, not when the text changed."""
    listed = _sitemap(built_site)
    site_url = _site_url(built_site)
    for page in (REPO / "docs").glob("*.md"):
        if page.stem != "index":
            assert listed[f"{site_url}{page.stem}/"] is None, page.name


def _empty_facet_pages(catalogue) -> list[str]:
    return [
        f"{facet.prefix}/{term.slug}/"
        for facet in FACETS
        if facet.group and facet.pages
        for term in getattr(catalogue.vocab, facet.group)
        if not any(term.slug in facet.values(c) for c in catalogue.all_cards())
    ]


def test_there_are_facet_values_without_cards_to_test_with(real_catalogue):
    assert "provincies/zeeland/" in _empty_facet_pages(real_catalogue)


def test_facet_page_without_cards_stays_but_is_kept_out_of_search_engines_and_site_search(
    built_site, real_catalogue
):
    sitemap = _sitemap(built_site)
    for url in _empty_facet_pages(real_catalogue):
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        assert "nog geen" in html, url
        assert NOINDEX.search(html), url
        assert "data-pagefind-body" not in html, url
        assert _site_url(built_site) + url not in sitemap, url


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _links_from(built_site, url: str) -> set[str]:
    """Site-relative URLs of the pages one page links to."""
    parser = _Links()
    parser.feed((built_site / url / "index.html").read_text(encoding="utf-8"))
    found = set()
    for href in parser.hrefs:
        parts = urlsplit(urljoin("/" + url, href))
        if parts.scheme or parts.netloc or not parts.path.endswith("/"):
            continue
        found.add(posixpath.normpath(parts.path).lstrip("/").removesuffix(".") + "/")
    return {u.removeprefix("/") for u in found}


def test_a_visitor_reaches_every_page_by_following_links_from_the_home_page(built_site, real_catalogue):
    seen, todo = {""}, [""]
    while todo:
        for url in _links_from(built_site, todo.pop()):
            if url not in seen and (built_site / url / "index.html").is_file():
                seen.add(url)
                todo.append(url)
    unlinked = [u for u in _indexable_pages(built_site) + _empty_facet_pages(real_catalogue) if u not in seen]
    assert not unlinked, unlinked


def test_every_skip_link_reaches_an_element_on_its_page(built_site):
    broken = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'<a href="#([^"]+)" class="md-skip"', html):
            if f'id="{target}"' not in html:
                broken.append(str(page.relative_to(built_site)))
    assert not broken, broken


def test_not_found_page_is_dutch_and_its_links_work_from_any_depth(built_site):
    _check_not_found_page(built_site)


def _check_not_found_page(built_site) -> None:
    """A static host serves 404.html at any unknown address, e.g. /praktijken/a/b/: its links
    must start at the site root, not at the folder of the address that was asked for."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    root = urlsplit(_site_url(built_site)).path
    assert "<h1" in html and "Deze pagina bestaat niet" in html
    assert "Not found" not in html
    assert f'action="{root}zoeken/"' in html.split('id="inhoud"', 1)[1]
    parser = _Links()
    parser.feed(html)
    for href in parser.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            continue
        assert href.startswith(root), f"{href} werkt niet vanaf elke diepte"
        target = built_site / parts.path.removeprefix(root)
        assert (target / "index.html").is_file() or target.is_file(), href
    for overview in ("praktijken/", "tips/", "knelpunten/", "aanbevelingen/", "themas/"):
        assert f'href="{root}{overview}"' in html.split('id="inhoud"', 1)[1], overview


@pytest.mark.parametrize("is_homepage", [False, True], ids=["page", "home"])
def test_front_matter_of_a_hand_written_page_does_not_set_its_sitemap_date(real_catalogue, is_homepage):
    meta = {"title": "Over", "lastmod": "2099-01-01"}
    hand_written_meta(meta, real_catalogue, is_homepage)
    newest = max(c.gecontroleerd for c in real_catalogue.all_cards()).isoformat()
    assert meta.get("lastmod") == (newest if is_homepage else None)


PROJECT_SITE = "https://org.github.io/kennisbank/"


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory):
    """The site as a GitHub project site, served below /kennisbank/."""
    site = tmp_path_factory.mktemp("project-site")
    env = {**BUILD_ENV, "KENNISBANK_SITE_URL": PROJECT_SITE}
    result = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.slow
def test_a_project_site_lists_its_pages_and_links_its_404_page_below_its_own_path(project_site):
    listed = _sitemap(project_site)
    assert f"{PROJECT_SITE}praktijken/" in listed
    assert all(_built_page(project_site, url, PROJECT_SITE) for url in listed)
    robots = (project_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {PROJECT_SITE}sitemap.xml" in robots
    _check_not_found_page(project_site)


@pytest.mark.slow  # Pagefind indexes the whole site again
def test_the_search_index_made_beside_the_build_equals_pagefinds_own_walk_of_the_site(built_site, tmp_path):
    """The build gives Pagefind each page as it is written; Pagefind's walk over the finished
    folder must find exactly the same pages with the same content (a fragment file per page,
    named by a hash of its URL, text and metadata), and the same filters."""
    walked = tmp_path / "site"
    shutil.copytree(built_site, walked, ignore=shutil.ignore_patterns("pagefind"))
    index_site(walked)
    beside, walk = built_site / SEARCH_DIR, walked / SEARCH_DIR

    def entry(index: Path) -> dict[str, object]:
        return json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["nl"]

    assert entry(beside)["page_count"] == entry(walk)["page_count"] > 90
    assert sorted(p.name for p in (beside / "fragment").iterdir()) == sorted(
        p.name for p in (walk / "fragment").iterdir()
    )
    assert len(list((beside / "filter").iterdir())) == len(list((walk / "filter").iterdir()))


def test_a_pagefind_that_cannot_start_stops_the_build_with_a_dutch_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "geen-pagefind"))
    with pytest.raises(SearchIndexError, match="Pagefind kon niet starten"):
        IndexBesideBuild()


def test_a_pagefind_that_stops_halfway_stops_the_build_with_a_dutch_reason_instead_of_hanging(tmp_path):
    index = IndexBesideBuild()
    index.add("goed/index.html", "<html><body data-pagefind-body><p>tekst</p></body></html>")
    index._proc.kill()  # as if Pagefind crashed or ran out of memory
    with pytest.raises(SearchIndexError, match="Pagefind stopte onverwacht"):
        index.add("nog-een/index.html", "<html><body data-pagefind-body><p>tekst</p></body></html>")
        index.write(tmp_path / "pagefind")
    assert not (tmp_path / "pagefind").exists()


def test_pages_given_to_the_index_are_counted_in_its_summary(tmp_path):
    index = IndexBesideBuild()
    for name in ("een", "twee"):
        index.add(f"{name}/index.html", f"<html><body data-pagefind-body><p>{name}</p></body></html>")
    assert index.write(tmp_path / "pagefind") == "2 pagina's geïndexeerd"
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_no_page_keeps_a_link_marker_of_a_card_line(built_site):
    """Card lines are rendered once with their links as marked site paths; every page must have
    made them relative."""
    for page in built_site.rglob("*.html"):
        assert "\x1d" not in page.read_text(encoding="utf-8"), page


def test_pagefind_is_given_the_head_and_the_searchable_part_of_a_page_or_else_the_whole_page():
    page = (
        '<html lang="nl"><head><title>T</title></head><body><nav>menu</nav>'
        "<div data-pagefind-body><h1>Kop</h1></div><!--/zoekindex--><footer>voet</footer></body></html>"
    )
    assert indexed_part(page) == (
        '<html lang="nl"><head><title>T</title></head><body><div data-pagefind-body><h1>Kop</h1></div></body></html>'
    )
    assert indexed_part(page.replace("<!--/zoekindex-->", "")) == page.replace("<!--/zoekindex-->", "")
    assert (
        indexed_part("<html><body><p>geen zoekdeel</p></body></html>")
        == "<html><body><p>geen zoekdeel</p></body></html>"
    )
