"""The overview as a finder, in Chromium at 390 px and 1280 px: the filter panel, one count,
chips, a list that says what it holds (title, heading line, mail, print), no dead ends, an
order in the address, and the way back from a card."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from test_browser import WCAG_TAGS
from test_facets import expected  # the practices an overview with these filters lists (slugs)

pytestmark = pytest.mark.browser

FILTERED = "/praktijken/?knelpunt=D&thema=samenwerking"


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="nl-NL"
    )
    page = context.new_page()
    yield page
    context.close()


def ready(page) -> None:
    page.wait_for_selector("[data-kb-filters]:not([hidden])")


def first_result_visible(page) -> bool:
    box = page.locator("[data-kb-kaart]:not([hidden])").first.locator("h2").bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


def test_on_a_phone_the_filters_sit_behind_one_button_and_the_first_result_is_in_view(phone, base_url):
    phone.goto(base_url + FILTERED)
    ready(phone)
    panel = phone.locator("[data-kb-paneel]")
    assert panel.evaluate("d => d.open") is False
    assert phone.locator("summary").inner_text().strip().endswith("Filter (2)")
    assert first_result_visible(phone)
    phone.locator("summary").click()
    assert panel.evaluate("d => d.open") is True
    phone.get_by_label("A: Geen opdracht en onvoldoende prioriteit").check()
    show = phone.locator("[data-kb-toon]")
    count = phone.locator("[data-kb-kaart]:not([hidden])").count()
    assert show.inner_text() == f"Toon {count} praktijkvoorbeelden"
    show.click()
    assert panel.evaluate("d => d.open") is False
    assert phone.evaluate("document.activeElement.id") == "resultaten"  # the count, then the list
    assert first_result_visible(phone)


def test_on_a_wide_screen_the_filters_are_open_in_a_column_beside_the_list(page, base_url):
    page.goto(base_url + FILTERED)
    ready(page)
    assert page.locator("[data-kb-paneel]").evaluate("d => d.open") is True
    filters = page.locator("[data-kb-filters]").bounding_box()
    first = page.locator("[data-kb-kaart]:not([hidden])").first.bounding_box()
    assert first["x"] >= filters["x"] + filters["width"]  # beside, not below
    assert first_result_visible(page)


def test_there_is_one_count_and_it_names_the_filters(page, base_url, real_catalogue):
    page.goto(base_url + FILTERED)
    ready(page)
    n = len(expected(real_catalogue, ["D"], ["samenwerking"]))
    line = f"{n} praktijkvoorbeelden · Knelpunt D · Samenwerking en netwerk"
    assert page.locator("[data-kb-filterstatus]").inner_text() == line + "."
    counts = page.locator("text=/\\d+ praktijkvoorbeelden/").all()
    assert [c.inner_text() for c in counts if c.is_visible()] == [line + "."]
    assert page.title() == f"{line} - Kennisbank Basisvaardigheden"
    page.emulate_media(media="print")
    address = page.locator("[data-kb-printadres]")
    assert address.is_visible()
    assert address.inner_text().endswith("/praktijken/?knelpunt=D&thema=samenwerking")
    assert page.locator("[data-kb-filterstatus]").is_visible()


def test_the_mail_of_a_filtered_list_names_its_filters_and_its_address(page, base_url, real_catalogue):
    page.goto(base_url + FILTERED)
    ready(page)
    mail = page.get_by_role("link", name="Mail deze lijst")
    mail.evaluate("a => a.addEventListener('click', e => e.preventDefault())")
    mail.click()
    query = parse_qs(urlsplit(mail.get_attribute("href")).query)
    n = len(expected(real_catalogue, ["D"], ["samenwerking"]))
    subject = (
        f"{n} praktijkvoorbeelden · Knelpunt D · Samenwerking en netwerk in de Kennisbank Basisvaardigheden"
    )
    assert query["subject"] == [subject]
    assert unquote(query["body"][0]).endswith("/praktijken/?knelpunt=D&thema=samenwerking")


def test_a_chip_removes_its_filter_and_wis_alle_filters_removes_all(page, base_url):
    page.goto(base_url + FILTERED)
    ready(page)
    chips = page.locator("[data-kb-chiplijst] button")
    assert chips.all_inner_texts() == ["Knelpunt D \u00d7", "Samenwerking en netwerk \u00d7"]
    page.get_by_role("button", name="Filter Knelpunt D weghalen").click()
    page.wait_for_url("**/praktijken/?thema=samenwerking")
    assert chips.all_inner_texts() == ["Samenwerking en netwerk \u00d7"]
    assert page.evaluate("document.activeElement.textContent").startswith("Samenwerking")
    page.get_by_role("button", name="Wis alle filters").click()
    page.wait_for_url("**/praktijken/")
    assert page.locator("[data-kb-chips]").is_hidden()


def test_a_choice_that_would_give_no_results_is_disabled(page, base_url, real_catalogue):
    page.goto(base_url + FILTERED)
    ready(page)
    matching = expected(real_catalogue, ["D"], ["samenwerking"])
    provinces = {p.provincie for p in real_catalogue.practices if p.slug in matching}
    for box in page.locator("input[name=provincie]").all():
        assert box.is_disabled() == (box.get_attribute("value") not in provinces), box.get_attribute("value")


def test_the_order_is_in_the_address_and_a_fresh_browser_keeps_it(browser, base_url, real_catalogue):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "/praktijken/?knelpunt=D")
    ready(page)
    page.get_by_label("Volgorde").select_option("nieuw")
    page.wait_for_url("**/praktijken/?knelpunt=D&sorteer=nieuw")
    years = [
        int(y)
        for y in page.eval_on_selector_all(
            "[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbJaar)"
        )
    ]
    assert years == sorted(years, reverse=True) and len(set(years)) > 1
    shown = page.eval_on_selector_all(
        "[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)"
    )
    context.close()
    fresh = browser.new_context(viewport={"width": 390, "height": 844})
    again = fresh.new_page()
    again.goto(base_url + "/praktijken/?knelpunt=D&sorteer=nieuw")
    ready(again)
    assert again.get_by_label("Volgorde").input_value() == "nieuw"
    assert (
        again.eval_on_selector_all("[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)")
        == shown
    )
    fresh.close()


def test_with_results_in_figures_first(page, base_url):
    page.goto(base_url + "/praktijken/?sorteer=cijfers")
    ready(page)
    marks = page.eval_on_selector_all(
        "[data-kb-kaart]:not([hidden])", "els => els.map(e => e.hasAttribute('data-kb-cijfers'))"
    )
    assert True in marks and False in marks
    assert marks == sorted(marks, reverse=True)
    first = page.locator("[data-kb-kaart]:not([hidden])").first
    assert first.locator(".kb-label--cijfers").inner_text() == "Resultaten in cijfers"


def test_list_items_show_their_knelpunten_themes_and_kinds_of_organisation(page, base_url, real_catalogue):
    page.goto(base_url + "/praktijken/")
    ready(page)
    card = real_catalogue.practices[0]
    labels = page.locator(f"[data-kb-kaart='{card.slug}'] .kb-labels li").all_inner_texts()
    assert {f"Knelpunt {c}" for c in card.knelpunten} <= set(labels)
    assert {real_catalogue.vocab.label("themas", t) for t in card.themas} <= set(labels)


def test_knelpunt_and_theme_pages_link_to_the_filtered_list(page, base_url, real_catalogue):
    page.goto(base_url + "/knelpunten/d/")
    page.get_by_role("link", name="praktijkvoorbeelden bij knelpunt D").click()
    page.wait_for_url("**/praktijken/?knelpunt=D")
    ready(page)
    assert page.get_by_label("D: Hardnekkige schotten").is_checked()
    page.goto(base_url + "/themas/financiering/")
    link = page.locator(".kb-naarlijst a").first
    assert link.get_attribute("href").endswith("praktijken/?thema=financiering")


def test_a_card_reached_from_a_filtered_list_links_back_to_that_list(page, base_url):
    page.goto(base_url + FILTERED)
    ready(page)
    page.locator("[data-kb-kaart]:not([hidden]) h2 a").first.click()
    back = page.locator(".kb-terug a")
    assert back.inner_text() == "Terug naar de lijst met je filters"
    back.click()
    page.wait_for_url("**" + FILTERED)
    ready(page)
    assert page.get_by_label("D: Hardnekkige schotten").is_checked()


def test_the_skip_link_leads_to_the_results(page, base_url):
    page.goto(base_url + "/praktijken/")
    ready(page)
    skip = page.get_by_role("link", name="Naar de resultaten")
    skip.focus()
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert (
        page.evaluate("document.activeElement.id") == "resultaten"
        or urlsplit(page.url).fragment == "resultaten"
    )


def test_the_header_search_box_shows_focus_and_its_button_looks_like_a_button(page, base_url):
    page.goto(base_url + "/praktijken/")
    box = page.locator("#kb-zoekbalk-q")
    box.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, as :focus-visible needs
    assert box.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    button = page.locator(".kb-zoekbalk__form button")
    style = button.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
    assert style[0] not in ("rgba(0, 0, 0, 0)", "transparent") and style[0] != style[1]


def test_quotes_are_left_aligned(page, base_url):
    page.goto(base_url + "/knelpunten/a/")
    quote = page.locator(".kb-citaat").first
    assert quote.evaluate("e => getComputedStyle(e).textAlign") in ("left", "start")
    assert quote.locator("blockquote").evaluate("e => getComputedStyle(e).textAlign") in ("left", "start")


@pytest.mark.parametrize("open_panel", [False, True], ids=["paneel-dicht", "paneel-open"])
def test_the_phone_finder_has_no_axe_violations_with_the_panel_open_or_closed(phone, base_url, open_panel):
    from axe_playwright_python.sync_playwright import Axe

    phone.goto(base_url + FILTERED)
    ready(phone)
    if open_panel:
        phone.locator("summary").click()
    results = Axe().run(phone, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_words_narrow_the_list_together_with_the_filters_and_stay_in_the_address(
    page, base_url, real_catalogue
):
    page.goto(base_url + "/praktijken/")
    ready(page)
    page.get_by_label("Zoek in deze lijst").fill("vrijwilligers")
    page.wait_for_url("**/praktijken/?q=vrijwilligers")
    page.wait_for_function(
        "document.querySelector('[data-kb-filterstatus]').textContent.includes('\u201cvrijwilligers\u201d')"
    )
    shown = page.eval_on_selector_all(
        "[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)"
    )
    assert "emmen-vrijwilligers-denken-mee" in shown
    assert 0 < len(shown) < len(real_catalogue.practices) / 2
    assert page.locator("[data-kb-chiplijst] button").first.inner_text() == "\u201cvrijwilligers\u201d \u00d7"
    with_theme = [
        s for s in shown if "vrijwilligers" in next(p for p in real_catalogue.practices if p.slug == s).themas
    ]
    page.locator("input[name=thema][value=vrijwilligers]").check()
    page.wait_for_url("**/praktijken/?q=vrijwilligers&thema=vrijwilligers")
    page.wait_for_function(
        f"document.querySelectorAll('[data-kb-kaart]:not([hidden])').length === {len(with_theme)}"
    )
    fresh = page.context.browser.new_context(viewport={"width": 390, "height": 844})
    again = fresh.new_page()
    again.goto(base_url + "/praktijken/?q=vrijwilligers&thema=vrijwilligers")
    again.wait_for_function(
        "document.querySelector('[data-kb-filterstatus]').textContent.includes('\u201cvrijwilligers\u201d')"
    )
    assert again.get_by_label("Zoek in deze lijst").input_value() == "vrijwilligers"
    assert sorted(
        again.eval_on_selector_all("[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)")
    ) == sorted(with_theme)
    fresh.close()


def test_a_typo_in_the_words_is_corrected_and_said(page, base_url):
    page.goto(base_url + "/praktijken/?q=vrjiwilligers")
    ready(page)
    page.wait_for_function(
        "document.querySelector('[data-kb-filterstatus]').textContent.includes('je typte')"
    )
    assert (
        "\u201cvrijwilligers\u201d (je typte \u201cvrjiwilligers\u201d)"
        in page.locator("[data-kb-filterstatus]").inner_text()
    )
    assert page.locator("[data-kb-kaart]:not([hidden])").count() > 0


def test_a_place_on_the_home_page_opens_the_list_filtered_on_that_place(page, base_url, real_catalogue):
    page.goto(base_url + "/")
    page.locator(".kb-plaatsen a", has_text="Dalfsen").first.click()
    page.wait_for_url("**/praktijken/?plaats=dalfsen")
    want = {p.slug for p in real_catalogue.practices if p.area == "Dalfsen"}
    page.wait_for_function(
        "document.querySelector('[data-kb-filterstatus]').textContent.includes('\u00b7 Dalfsen')"
    )
    shown = page.eval_on_selector_all(
        "[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)"
    )
    assert want and set(shown) == want


SHIFTS = """
window.__kbShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) { window.__kbShifts.push(e.value); } });
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("path", ["/praktijken/", "/tips/"])
def test_at_phone_width_nothing_on_an_overview_moves_when_its_script_starts(browser, base_url, path):
    """The page has its final layout from the first paint (the kb-js class is set in the head):
    the filters do not push the list down when kennisbank.js shows them. (Chromium's mobile
    emulation reports no layout shifts at all, so this context is a narrow desktop one.)"""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.add_init_script(SHIFTS)
    page.goto(base_url + path)
    ready(page)
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__kbShifts")
    context.close()
    assert sum(shifts) < 0.01, shifts
