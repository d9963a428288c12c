"""/kaart/ in Chromium: every place with practices is on the map and leads to the list with the
same number; the keyboard goes through the map in a sensible order with visible focus; axe finds
nothing at 390 and 1280 px; markers are tappable on a phone; nothing is fetched from elsewhere;
without JavaScript the map and the lists are all there."""

from __future__ import annotations

import re

import pytest

from kennisbank.catalogue.facets import FACETS

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PLAATS = next(f for f in FACETS if f.key == "plaats")
COUNT = re.compile(r"^(?:regio )?(.+): (\d+|geen) praktijkvoorbeeld(?:en)?$")


def _links(page) -> list[dict[str, str]]:
    """The map's links in document (= keyboard) order: their name, address and shape."""
    return page.eval_on_selector_all(
        ".kb-landkaart__svg a",
        """els => els.map(a => ({name: a.getAttribute('aria-label'),
            href: new URL(a.getAttribute('href'), location.href).href,
            kind: a.getAttribute('class'), y: (a.querySelector('.kb-landkaart__stip') || {}).getAttribute
              ? Number(a.querySelector('.kb-landkaart__stip').getAttribute('cy') || a.querySelector('.kb-landkaart__stip').getAttribute('y'))
              : 0}))""",
    )


def _shown(page) -> int:
    page.wait_for_selector("[data-kb-filters]:not([hidden])")
    page.wait_for_function("document.querySelector('[data-kb-filterstatus]').textContent.length > 0")
    return page.locator("[data-kb-kaart]:not([hidden])").count()


def test_every_place_with_practices_is_on_the_map(page, base_url, real_catalogue):
    page.goto(base_url + "/kaart/")
    names = {COUNT.match(link["name"]).group(1) for link in _links(page) if "kb-landkaart__plek" in link["kind"]}
    assert names == {p.area for p in real_catalogue.practices if p.area}


def test_each_map_link_leads_to_a_list_with_the_same_number(page, base_url, real_catalogue):
    page.goto(base_url + "/kaart/")
    links = [link for link in _links(page) if not link["name"].endswith("geen praktijkvoorbeelden")]
    places = {p.area for p in real_catalogue.practices if p.area}
    provinces = {p.provincie for p in real_catalogue.practices} - {"landelijk"}
    assert len(links) == 1 + len(provinces) + len(places)  # Heel Nederland, provinces, places
    for link in links:
        place, count = COUNT.match(link["name"]).groups()
        page.goto(link["href"])
        assert _shown(page) == int(count), link
        status = page.locator("[data-kb-filterstatus]").inner_text()
        assert status.startswith(f"{count} praktijkvoorbeeld"), (link, status)
        chosen = {p.slug for p in real_catalogue.practices}
        shown = set(
            page.eval_on_selector_all(
                "[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)"
            )
        )
        if "plaats=" in link["href"]:
            chosen = {p.slug for p in real_catalogue.practices if p.area == place}
        elif "provincie=landelijk" in link["href"]:
            chosen = {p.slug for p in real_catalogue.practices if p.provincie == "landelijk"}
        else:
            label = {t.naam: t.slug for t in real_catalogue.vocab.provincies}[place]
            chosen = {p.slug for p in real_catalogue.practices if p.provincie == label}
        assert shown == chosen, link


def test_a_province_without_practices_leads_to_its_own_page(page, base_url):
    page.goto(base_url + "/kaart/")
    zeeland = page.locator(".kb-landkaart__svg a[aria-label='Zeeland: geen praktijkvoorbeelden']")
    with page.expect_navigation():
        zeeland.click()
    assert page.url == base_url + "/provincies/zeeland/"


def test_the_keyboard_goes_country_then_provinces_then_places_north_to_south_with_visible_focus(
    page, base_url
):
    page.goto(base_url + "/kaart/")
    links = _links(page)
    page.locator(".kb-samenvatting").click()  # start just above the map
    seen = []
    for _ in range(len(links)):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
        seen.append(focused)
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", f"de focus is niet zichtbaar op {focused}"
    assert seen == [link["name"] for link in links]
    assert seen[0].startswith("Heel Nederland: ")
    provinces = [
        name.split(":")[0] for name, link in zip(seen, links, strict=True) if "provincie" in link["kind"]
    ]
    assert provinces == sorted(provinces, key=str.casefold) and len(provinces) == 12
    places = [link["y"] for link in links if "kb-landkaart__plek" in link["kind"]]
    assert places == sorted(places), "de plaatsen komen niet van noord naar zuid"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/praktijken/?plaats=" in page.url


@pytest.mark.parametrize("width", [390, 1280])
def test_the_map_page_has_no_axe_violations(browser, base_url, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(base_url + "/kaart/")
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_markers_are_at_least_24_px_and_do_not_overlap_on_a_390_px_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + "/kaart/")
    boxes = [
        page.locator(".kb-landkaart__plek .kb-landkaart__stip").nth(i).bounding_box()
        for i in range(page.locator(".kb-landkaart__plek").count())
    ]
    for box in boxes:
        assert box["width"] >= 24 and box["height"] >= 24, box
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            apart = apart or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"]
            assert apart, (a, b)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    context.close()


def test_the_map_page_fetches_nothing_from_another_host(page, base_url):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(base_url + "/kaart/")
    page.wait_for_load_state("networkidle")
    assert fetched and all(u.startswith(base_url + "/") for u in fetched), fetched


def test_without_javascript_the_map_and_the_lists_are_all_there(browser, base_url, real_catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/kaart/")
    markers = page.locator(".kb-landkaart__plek")
    assert markers.count() == len({p.area for p in real_catalogue.practices if p.area})
    listed = page.locator("#per-plaats + ul > li > h3 a")
    assert listed.count() == markers.count()
    rows = page.locator("table tbody tr")
    assert rows.count() == 12
    dalfsen = page.locator("#plaats-dalfsen")
    titles = {p.titel for p in real_catalogue.practices if p.area == "Dalfsen"}
    assert {t.strip() for t in dalfsen.locator("ul a").all_inner_texts()} == titles
    context.close()


def test_the_home_page_and_the_overview_link_to_the_map(page, base_url):
    for path in ("/", "/praktijken/"):
        page.goto(base_url + path)
        link = page.locator(".md-content a[href$='kaart/']").first
        assert link.is_visible(), path
        with page.expect_navigation():
            link.click()
        assert page.url == base_url + "/kaart/"
