"""Facets on the overviews, in Chromium: OR within a facet, AND across, counts, the state in the
address (back button and pasted links), 'Wis filters', a live region, and a full list without JS."""

from __future__ import annotations

import pytest

from conftest import REPO
from kennisbank.validate import check_repository

pytestmark = pytest.mark.browser

CATALOGUE = check_repository(REPO).catalogue
assert CATALOGUE is not None


def visible_slugs(page) -> set[str]:
    page.wait_for_selector("[data-kb-filters]:not([hidden])")
    return set(
        page.eval_on_selector_all("[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)")
    )


def expected(knelpunten=(), themas=()) -> set[str]:
    return {
        p.slug
        for p in CATALOGUE.practices
        if (not knelpunten or set(knelpunten) & set(p.knelpunten))
        and (not themas or set(themas) & set(p.themas))
    }


def test_knelpunt_and_theme_together_show_only_practices_with_both(page, base_url):
    page.goto(f"{base_url}/praktijken/?knelpunt=D&thema=financiering")
    want = expected(["D"], ["financiering"])
    assert want, "de testdata moet minstens één treffer hebben"
    assert visible_slugs(page) == want
    noun = "praktijkvoorbeeld" if len(want) == 1 else "praktijkvoorbeelden"
    assert page.locator("[data-kb-filterstatus]").inner_text() == f"{len(want)} {noun} gevonden."


def test_two_values_of_one_facet_show_their_union(page, base_url):
    page.goto(f"{base_url}/praktijken/?knelpunt=A&knelpunt=D")
    assert visible_slugs(page) == expected(["A", "D"])


def test_each_value_shows_how_many_practices_it_would_give(page, base_url):
    page.goto(f"{base_url}/praktijken/?knelpunt=D")
    visible_slugs(page)
    for theme in ("financiering", "samenwerking", "beleid"):
        box = page.locator(f"input[name=thema][value={theme}]")
        if box.count():
            count = box.locator("xpath=..").locator("[data-kb-telling]").inner_text()
            assert count == f"({len(expected(['D'], [theme]))})", theme


def test_clicking_a_filter_updates_the_address_and_back_restores_it(page, base_url):
    page.goto(f"{base_url}/praktijken/")
    visible_slugs(page)
    page.get_by_label("D: Hardnekkige schotten").check()
    page.wait_for_url("**/praktijken/?knelpunt=D")
    assert visible_slugs(page) == expected(["D"])
    assert page.get_by_role("status").filter(has_text="gevonden").count() == 1
    page.go_back()
    page.wait_for_url("**/praktijken/")
    assert visible_slugs(page) == {p.slug for p in CATALOGUE.practices}
    assert not page.get_by_label("D: Hardnekkige schotten").is_checked()


def test_clear_filters_shows_everything_and_cleans_the_address(page, base_url):
    page.goto(f"{base_url}/praktijken/?knelpunt=A&thema=samenwerking")
    visible_slugs(page)
    page.get_by_role("button", name="Wis filters").click()
    page.wait_for_url("**/praktijken/")
    assert visible_slugs(page) == {p.slug for p in CATALOGUE.practices}


def test_filters_work_with_the_keyboard(page, base_url):
    page.goto(f"{base_url}/praktijken/")
    visible_slugs(page)
    page.get_by_label("D: Hardnekkige schotten").focus()
    page.keyboard.press("Space")
    page.wait_for_url("**/praktijken/?knelpunt=D")
    assert visible_slugs(page) == expected(["D"])


def test_without_javascript_every_practice_is_listed_with_plain_links(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/praktijken/?knelpunt=D")
    listed = set(page.eval_on_selector_all("[data-kb-kaart]", "els => els.map(e => e.dataset.kbKaart)"))
    assert listed == {p.slug for p in CATALOGUE.practices}
    assert page.locator("[data-kb-filters]").is_hidden()
    hrefs = page.eval_on_selector_all("[data-kb-zonderjs] a", "els => els.map(e => e.getAttribute('href'))")
    assert (
        "../knelpunten/d/" in hrefs
        and "../themas/financiering/" in hrefs
        and "../provincies/limburg/" in hrefs
    )
    context.close()


def test_tips_overview_filters_on_knelpunt(page, base_url):
    page.goto(f"{base_url}/tips/?knelpunt=B")
    want = {t.slug for t in CATALOGUE.tips if "B" in t.knelpunten}
    assert visible_slugs(page) == want
