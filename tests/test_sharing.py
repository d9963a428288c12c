"""Sharing: permanent links with redirects, link previews, copy and mail, print, cite, open data."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml

from conftest import REPO, build, make_repo, real_card, real_card_paths
from kennisbank.output.render import dutch_date
from kennisbank.output.share import card_mailto

SITE_URL = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["site_url"]


class _Tags(HTMLParser):
    """Head meta/link tags and every href, with entities decoded as a browser would."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "meta" and ("property" in a or "name" in a or "http-equiv" in a):
            self.meta[a.get("property") or a.get("name") or a["http-equiv"]] = a.get("content", "")
        if tag == "link" and "rel" in a:
            self.links[a["rel"]] = a.get("href", "")
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _site_url() -> str:
    import os

    return os.environ.get("KENNISBANK_SITE_URL", "http://127.0.0.1:8000/")


@pytest.mark.parametrize("path", real_card_paths())
def test_card_page_has_canonical_link_and_preview_tags(built_site, real_catalogue, path):
    card = real_card(real_catalogue, path)
    tags = _tags((built_site / card.url / "index.html").read_text(encoding="utf-8"))
    url = _site_url() + card.url
    assert tags.links["canonical"] == url
    assert tags.meta["description"] == card.samenvatting
    assert tags.meta["og:title"] == card.page_title
    assert tags.meta["og:description"] == card.samenvatting
    assert tags.meta["og:type"] == "article"
    assert tags.meta["og:url"] == url
    assert tags.meta["og:site_name"] == "Kennisbank Basisvaardigheden"
    assert tags.meta["og:locale"] == "nl_NL"
    assert tags.meta["og:image"] == _site_url() + "assets/og-kennisbank.png"
    assert tags.meta["twitter:card"] == "summary_large_image"
    assert tags.meta["twitter:description"] == card.samenvatting


def test_preview_image_exists_in_the_built_site(built_site):
    image = built_site / "assets" / "og-kennisbank.png"
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("path", real_card_paths())
def test_card_page_has_mail_link_with_title_summary_and_url(built_site, real_catalogue, path):
    card = real_card(real_catalogue, path)
    tags = _tags((built_site / card.url / "index.html").read_text(encoding="utf-8"))
    mail = next(h for h in tags.hrefs if h.startswith("mailto:"))
    query = parse_qs(urlsplit(mail).query)
    assert query["subject"] == [card.titel]
    assert query["body"] == [f"{card.titel}\n\n{card.samenvatting}\n\n{_site_url()}{card.url}"]


def test_mail_link_encodes_dutch_characters_ampersand_and_hash(real_catalogue):
    card = real_catalogue.practices[0]
    tricky = type(card)(**{**card.__dict__, "titel": "Taal & rekenen #1: één café"} | {})  # type: ignore[arg-type]
    link = card_mailto(tricky, "https://voorbeeld.nl/praktijken/x/?a=1&b=2#deel")
    assert "&" not in link.split("?", 1)[1].replace("&body=", "", 1)
    assert "#" not in link and " " not in link
    query = parse_qs(urlsplit(link).query)
    assert query["subject"] == ["Taal & rekenen #1: één café"]
    assert query["body"][0].endswith("https://voorbeeld.nl/praktijken/x/?a=1&b=2#deel")


def test_card_shows_how_to_cite_it_and_its_licence(built_site, real_catalogue):
    card = real_catalogue.practices[0]
    html = (built_site / card.url / "index.html").read_text(encoding="utf-8")
    assert "Zo verwijs je naar dit praktijkvoorbeeld" in html
    checked = dutch_date(card.gecontroleerd)
    assert f"Kennisbank Basisvaardigheden. {_site_url()}{card.url} (gecontroleerd op {checked})" in html
    assert 'rel="license">CC BY 4.0</a>' in html


# --- open data -------------------------------------------------------------------------------


def _yaml_fields(card) -> dict:
    data = yaml.safe_load((REPO / card.path).read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def test_json_export_round_trips_every_field_of_every_card(built_site, real_catalogue):
    export = json.loads((built_site / "export" / "kaarten.json").read_text(encoding="utf-8"))
    assert export["versie"] == 1
    assert export["aantal"] == len(real_catalogue.all_cards()) == len(export["kaarten"])
    by_file = {k["bestand"]: k for k in export["kaarten"]}
    for card in real_catalogue.all_cards():
        record = by_file[card.path]
        assert record["url"] == _site_url() + card.url
        assert record["soort"] == card.kind.schema
        for key, value in _yaml_fields(card).items():
            if isinstance(value, str):
                assert " ".join(str(record[key]).split()) == " ".join(value.split()), (card.path, key)
            else:
                assert record[key] == value, (card.path, key)


def test_json_export_lists_derived_relations_in_both_directions(built_site, real_catalogue):
    export = json.loads((built_site / "export" / "kaarten.json").read_text(encoding="utf-8"))
    obstacle_d = next(k for k in export["kaarten"] if k["soort"] == "knelpunt" and k["code"] == "D")
    practices_naming_d = sorted(p.slug for p in real_catalogue.practices if "D" in p.knelpunten)
    assert sorted(obstacle_d["gerelateerd"]["praktijken"]) == practices_naming_d


def test_csv_export_opens_in_dutch_excel(built_site, real_catalogue):
    raw = (built_site / "export" / "praktijken.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 met BOM"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["titel", "samenvatting", "plaats"]
    assert len(rows) == 1 + len(real_catalogue.practices)
    assert {r[0] for r in rows[1:]} == {p.titel for p in real_catalogue.practices}
    parkstad = next(r for r in rows if r[0].startswith("Een bondgenootschap"))
    assert "Roda JC (andere organisatie)" in parkstad[4]


def test_atom_feed_lists_checked_cards_with_working_links(built_site, real_catalogue):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(built_site / "feed.xml").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == min(50, len(real_catalogue.all_cards()))
    for entry in entries:
        url = entry.find("a:link", ns).get("href")
        assert url.startswith(_site_url())
        assert (built_site / url[len(_site_url()) :] / "index.html").exists()
        assert entry.find("a:summary", ns).text


class _FeedLinks(HTMLParser):
    """``<link>`` elements a feed reader takes for a feed: rel has the token ``alternate``
    (rel is a token list, so ``alternate feed`` counts) and an Atom or RSS type."""

    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        if (
            tag == "link"
            and "alternate" in rel
            and a.get("type") in ("application/atom+xml", "application/rss+xml")
        ):
            self.feeds.append(a)


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "praktijken/index.html",
        "tips/index.html",
        "themas/index.html",
        "over/index.html",
        "404.html",
    ],
)
def test_page_announces_the_atom_feed_to_feed_readers(built_site, page):
    parser = _FeedLinks()
    parser.feed((built_site / page).read_text(encoding="utf-8"))
    assert len(parser.feeds) == 1, parser.feeds
    feed = parser.feeds[0]
    assert feed["type"] == "application/atom+xml" and feed["title"]
    target = urljoin(f"{_site_url()}{page}", feed["href"])
    assert target == f"{_site_url()}feed.xml"


def test_no_page_has_a_link_that_material_takes_for_a_language_version(built_site):
    """Material's script takes every ``link[rel=alternate]`` (the whole value, any case) for a
    language version and fetches sitemap.xml next to it on every page; the browser test
    ``test_page_does_not_download_something_that_grows_with_the_site`` sees that happen."""
    for page in built_site.rglob("*.html"):
        rels = re.findall(r'<link\b[^>]*\brel="([^"]*)"', page.read_text(encoding="utf-8"))
        assert "alternate" not in [r.lower() for r in rels], page


# --- redirects -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("renamed") / "repo")
    (repo / "data" / "redirects.yml").write_text(
        "# oud: nieuw\n/praktijken/oude-taalmeter/: /praktijken/dalfsen-taalmeter/\n", encoding="utf-8"
    )
    site = repo.parent / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.slow
def test_old_address_of_a_renamed_card_redirects_to_its_new_page(renamed_site):
    html = (renamed_site / "praktijken" / "oude-taalmeter" / "index.html").read_text(encoding="utf-8")
    tags = _tags(html)
    assert tags.lang == "nl"
    assert tags.meta["refresh"] == "0; url=../dalfsen-taalmeter/"
    assert tags.links["canonical"] == _site_url() + "praktijken/dalfsen-taalmeter/"
    assert "../dalfsen-taalmeter/" in tags.hrefs, "een zichtbare link naar de nieuwe plek"
    assert "Deze pagina is verhuisd" in html


@pytest.mark.slow
@pytest.mark.parametrize(
    ("redirects", "message"),
    [
        (
            "/praktijken/oud/: /praktijken/bestaat-niet/\n",
            "data/redirects.yml:1:19: het nieuwe adres '/praktijken/bestaat-niet/' bestaat niet (verwijs naar een pagina die er is)",
        ),
        (
            "/praktijken/dalfsen-taalmeter/: /tips/korte-tip/\n",
            "data/redirects.yml:1:1: op het oude adres '/praktijken/dalfsen-taalmeter/' staat weer een pagina (haal de doorverwijzing weg of kies een andere naam voor de pagina)",
        ),
    ],
    ids=["target-missing", "old-address-is-live"],
)
def test_broken_redirect_fails_the_build_with_a_dutch_message(tmp_path, redirects, message):
    repo = make_repo(tmp_path / "repo")
    (repo / "data" / "redirects.yml").write_text(redirects, encoding="utf-8")
    result = build(repo, tmp_path / "site")
    assert result.returncode == 1
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


# --- in the browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_copy_link_button_puts_the_card_url_on_the_clipboard(browser, base_url, real_catalogue):
    from playwright.sync_api import expect

    card = real_catalogue.practices[0]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/{card.url}")
    assert page.locator("[data-kb-linkvak]").is_hidden()
    page.get_by_role("button", name="Kopieer link").click()
    # copying is asynchronous: wait for the message instead of reading it right after the click
    expect(page.get_by_role("status")).to_have_text(
        "De link is gekopieerd. Je kunt hem nu plakken in een mail of chat."
    )
    assert page.evaluate("navigator.clipboard.readText()") == _site_url() + card.url
    context.close()


@pytest.mark.browser
def test_without_clipboard_api_the_link_is_shown_and_selected(browser, base_url, real_catalogue):
    card = real_catalogue.practices[0]
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    page.goto(f"{base_url}/{card.url}")
    page.get_by_role("button", name="Kopieer link").click()
    field = page.get_by_label("Link naar deze pagina")
    assert field.is_visible()
    assert (
        field.evaluate("el => el.value.slice(el.selectionStart, el.selectionEnd)") == _site_url() + card.url
    )
    assert "Ctrl+C" in page.get_by_role("status").inner_text()
    context.close()


@pytest.mark.browser
def test_filtered_overview_shares_the_sites_address_with_its_filters_as_card_pages_do(
    browser, base_url, real_catalogue
):
    """Opened on a preview or a test server, a list still copies the site's own address (as a
    card page and the canonical link do), with the filters the visitor chose."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/praktijken/?knelpunt=D&thema=financiering")
    page.get_by_role("button", name="Kopieer link").click()
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == f"{_site_url()}praktijken/?knelpunt=D&thema=financiering"
    )
    card = real_catalogue.practices[0]
    page.goto(f"{base_url}/{card.url}")
    page.get_by_role("button", name="Kopieer link").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{_site_url()}{card.url}"
    context.close()


def _printed_pages(page, tmp_path, url: str) -> list[list[str]]:
    """The card at ``url`` printed to an A4 PDF (Chromium, as "Print" does) and read back: the
    text lines of each page."""
    from pypdf import PdfReader

    page.goto(url)
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf), format="A4")
    return [
        [line for line in (p.extract_text() or "").splitlines() if line.strip()] for p in PdfReader(pdf).pages
    ]


@pytest.mark.browser
def test_every_card_prints_without_a_blank_page_and_with_its_sources_address(
    browser, base_url, tmp_path, real_catalogue
):
    """Sections break between paragraphs, so no first page is left half empty; the card's own
    address and each source's address are on paper."""
    page = browser.new_page()
    counts = {}
    for card in real_catalogue.all_cards():
        pages = _printed_pages(page, tmp_path, f"{base_url}/{card.url}")
        counts[card.url] = len(pages)
        assert all(pages), f"{card.url}: lege pagina in de afdruk ({[len(p) for p in pages]} regels)"
        if len(pages) > 1:
            assert len(pages[0]) >= 30, f"{card.url}: de eerste pagina is half leeg ({len(pages[0])} regels)"
        text = re.sub(r"\s+", "", "".join("".join(p) for p in pages))
        assert re.sub(r"\s+", "", f"{_site_url()}{card.url}") in text, card.url
        for source in card.bron:
            if source.url:
                assert re.sub(r"\s+", "", source.url) in text, (card.url, source.url)
    page.close()
    assert counts["praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening/"] == 1  # a short card: 1 page
    assert max(counts.values()) <= 3, max(counts.items(), key=lambda kv: kv[1])


@pytest.mark.browser
def test_card_prints_cleanly_on_a4(browser, base_url, tmp_path, real_catalogue):
    from pypdf import PdfReader

    card = max(real_catalogue.practices, key=lambda p: len(p.verhaal))
    page = browser.new_page()
    page.goto(f"{base_url}/{card.url}")
    pdf = tmp_path / "kaart.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, f"geen A4: {width} x {height} pt"
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    text = re.sub(r"-\s+", "-", text)  # a long URL wraps after a hyphen in print
    for expected in (
        card.titel,
        card.samenvatting.split(".")[0],
        "Bron",
        "Zo verwijs je naar dit praktijkvoorbeeld",
        f"Dit praktijkvoorbeeld staat op {_site_url()}{card.url}",
        f"gecontroleerd op {dutch_date(card.gecontroleerd)}",
    ):
        assert " ".join(expected.split()) in text, expected
    for hidden in ("Kopieer link", "Zoeken", "Alle praktijkvoorbeelden", "Made with"):
        assert hidden not in text, hidden
    page.close()
