"""The built site in real headless Chromium: axe-core (WCAG 2.2 A/AA) finds nothing, the page is
Dutch, nothing scrolls sideways at 360 px, and the keyboard reaches the content."""

from __future__ import annotations

import pytest

from conftest import real_card_paths
from kennisbank.model.types import Kind

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _pages() -> list[tuple[str, str]]:
    pages = [
        ("home", "/"),
        ("overzicht-praktijken", "/praktijken/"),
        ("overzicht-knelpunten", "/knelpunten/"),
        ("overzicht-aanbevelingen", "/aanbevelingen/"),
        ("handgeschreven", "/over/"),
        ("toegankelijkheid", "/toegankelijkheid/"),
        ("open-data", "/open-data/"),
        ("overzicht-themas", "/themas/"),
        ("thema", "/themas/samenwerking/"),
        ("provincie", "/provincies/limburg/"),
        ("zoeken", "/zoeken/?q=vrijwilligers"),
        ("zoeken-tikfout", "/zoeken/?q=scholden"),
        ("zoeken-soort", "/zoeken/?q=vrijwilligers&soort=tip"),
        ("zoeken-niets", "/zoeken/?q=xyzzyqwerty"),
        ("gefilterd-overzicht", "/praktijken/?knelpunt=D&thema=financiering"),
        ("overzicht-tips", "/tips/?knelpunt=B"),
        ("matrix", "/matrix/"),
        ("kaart", "/kaart/"),
        ("overzicht-provincies", "/provincies/"),
        ("overzicht-organisaties", "/organisaties/"),
        ("techniek", "/techniek/"),
        ("provincie-zonder-praktijken", "/provincies/zeeland/"),
        ("niet-gevonden", "/praktijken/bestaat/niet/"),
    ]
    # The card with the longest title of each kind: looked up in the test (see _address).
    pages += [
        (f"{kind.schema}-langste-titel", f"longest:{kind.folder}") for kind in Kind if real_card_paths(kind)
    ]
    return pages


PAGES = _pages()


def _address(catalogue, path: str) -> str:
    if not path.startswith("longest:"):
        return path
    kind = Kind.from_folder(path.removeprefix("longest:"))
    assert kind is not None, path
    return "/" + max(catalogue.of_kind(kind), key=lambda c: len(c.titel)).url


@pytest.mark.parametrize("path", [p for _, p in PAGES], ids=[n for n, _ in PAGES])
def test_page_has_no_axe_violations(page, base_url, path, real_catalogue):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(base_url + _address(real_catalogue, path))
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", [p for _, p in PAGES], ids=[n for n, _ in PAGES])
def test_page_is_dutch_and_fits_a_360px_screen(browser, base_url, path, real_catalogue):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + _address(real_catalogue, path))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == "nl"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow} px horizontaal scrollen op 360 px"
    context.close()


@pytest.mark.parametrize("path", [p for _, p in PAGES], ids=[n for n, _ in PAGES])
def test_page_does_not_download_something_that_grows_with_the_site(page, base_url, path, real_catalogue):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base_url + _address(real_catalogue, path))
    page.wait_for_load_state("networkidle")
    grows = [u for u in fetched if u.endswith(("sitemap.xml", "search_index.json", "kaarten.json", ".csv"))]
    assert grows == []  # the filters on an overview read the values from the list itself


@pytest.mark.parametrize("path", [p for n, p in PAGES if n.startswith("praktijk-")], ids=["praktijk"])
def test_keyboard_user_can_skip_to_the_content_and_follow_a_link(page, base_url, path, real_catalogue):
    page.goto(base_url + _address(real_catalogue, path))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent.trim()")
    assert skip == "Ga naar inhoud"
    page.keyboard.press("Enter")
    internal_link_in_card = """() => {
        const el = document.activeElement;
        return !!el.closest('article.kb-kaart') && el.matches('a[href^="../"]');
    }"""
    for _ in range(60):
        page.keyboard.press("Tab")
        inside = page.evaluate(internal_link_in_card)
        if inside:
            break
    assert inside, "met Tab kom je niet bij de links naar andere kaarten"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "de focus is niet zichtbaar"
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target


def test_unknown_address_shows_a_dutch_page_whose_skip_link_and_links_work(page, base_url):
    response = page.goto(base_url + "/praktijken/bestaat/niet/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Ga naar inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"
    assert page.evaluate("document.activeElement.id") == "inhoud"
    with page.expect_navigation():
        page.locator(".md-content").get_by_role("link", name="Praktijkvoorbeelden", exact=True).click()
    assert page.url == base_url + "/praktijken/"


def test_search_form_on_the_not_found_page_leads_to_the_search_page(page, base_url):
    page.goto(base_url + "/tips/a/b/c/")
    form = page.get_by_role("search", name="Zoek wat je zocht")
    form.get_by_role("searchbox").fill("vrijwilligers")
    with page.expect_navigation():
        form.get_by_role("button", name="Zoeken").click()
    assert page.url == base_url + "/zoeken/?q=vrijwilligers"
