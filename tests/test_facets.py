"""Facets on the overviews, in Chromium: OR within a facet, AND across, counts, the state in the
address (back button and pasted links), 'Wis alle filters', a live region, and a full list without JS."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_slugs(page) -> set[str]:
    page.wait_for_selector("[data-kb-filters]:not([hidden])")
    return set(
        page.eval_on_selector_all("[data-kb-kaart]:not([hidden])", "els => els.map(e => e.dataset.kbKaart)")
    )


def expected(catalogue, knelpunten=(), themas=()) -> set[str]:
    return {
        p.slug
        for p in catalogue.practices
        if (not knelpunten or set(knelpunten) & set(p.knelpunten))
        and (not themas or set(themas) & set(p.themas))
    }


def test_knelpunt_and_theme_together_show_only_practices_with_both(page, base_url, real_catalogue):
    page.goto(f"{base_url}/praktijken/?knelpunt=D&thema=financiering")
    want = expected(real_catalogue, ["D"], ["financiering"])
    assert want, "de testdata moet minstens één treffer hebben"
    assert visible_slugs(page) == want
    noun = "praktijkvoorbeeld" if len(want) == 1 else "praktijkvoorbeelden"
    assert (
        page.locator("[data-kb-filterstatus]").inner_text()
        == f"{len(want)} {noun} · Knelpunt D · Financiering."
    )


def test_two_values_of_one_facet_show_their_union(page, base_url, real_catalogue):
    page.goto(f"{base_url}/praktijken/?knelpunt=A&knelpunt=D")
    assert visible_slugs(page) == expected(real_catalogue, ["A", "D"])


def test_each_value_shows_how_many_practices_it_would_give(page, base_url, real_catalogue):
    page.goto(f"{base_url}/praktijken/?knelpunt=D")
    visible_slugs(page)
    for theme in ("financiering", "samenwerking", "beleid"):
        box = page.locator(f"input[name=thema][value={theme}]")
        assert box.count() == 1, f"geen vinkje voor thema {theme}"
        count = box.locator("xpath=..").locator("[data-kb-telling]").inner_text()
        assert count == f"({len(expected(real_catalogue, ['D'], [theme]))})", theme


def test_clicking_a_filter_updates_the_address_and_back_restores_it(page, base_url, real_catalogue):
    page.goto(f"{base_url}/praktijken/")
    visible_slugs(page)
    page.get_by_label("D: Hardnekkige schotten").check()
    page.wait_for_url("**/praktijken/?knelpunt=D")
    assert visible_slugs(page) == expected(real_catalogue, ["D"])
    assert page.get_by_role("status").filter(has_text="· Knelpunt D.").count() == 1
    page.go_back()
    page.wait_for_url("**/praktijken/")
    assert visible_slugs(page) == {p.slug for p in real_catalogue.practices}
    assert not page.get_by_label("D: Hardnekkige schotten").is_checked()


def test_clear_filters_shows_everything_and_cleans_the_address(page, base_url, real_catalogue):
    page.goto(f"{base_url}/praktijken/?knelpunt=A&thema=samenwerking")
    visible_slugs(page)
    page.get_by_role("button", name="Wis alle filters").click()
    page.wait_for_url("**/praktijken/")
    assert visible_slugs(page) == {p.slug for p in real_catalogue.practices}


def test_filters_work_with_the_keyboard(page, base_url, real_catalogue):
    page.goto(f"{base_url}/praktijken/")
    visible_slugs(page)
    page.get_by_label("D: Hardnekkige schotten").focus()
    page.keyboard.press("Space")
    page.wait_for_url("**/praktijken/?knelpunt=D")
    assert visible_slugs(page) == expected(real_catalogue, ["D"])


def test_without_javascript_every_practice_is_listed_with_plain_links(browser, base_url, real_catalogue):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/praktijken/?knelpunt=D")
    listed = set(page.eval_on_selector_all("[data-kb-kaart]", "els => els.map(e => e.dataset.kbKaart)"))
    assert listed == {p.slug for p in real_catalogue.practices}
    assert page.locator("[data-kb-filters]").is_hidden()
    hrefs = page.eval_on_selector_all("[data-kb-zonderjs] a", "els => els.map(e => e.getAttribute('href'))")
    assert (
        "../knelpunten/d/" in hrefs
        and "../themas/financiering/" in hrefs
        and "../provincies/limburg/" in hrefs
    )
    context.close()


def test_tips_overview_filters_on_knelpunt(page, base_url, real_catalogue):
    page.goto(f"{base_url}/tips/?knelpunt=B")
    want = {t.slug for t in real_catalogue.tips if "B" in t.knelpunten}
    assert visible_slugs(page) == want


# --- a long overview: 100 cards at a time ----------------------------------------------------

LONG = 250  # copies of one fixture practice, on top of the fixture cards


@pytest.fixture(scope="module")
def long_overview(tmp_path_factory):
    from conftest import build, make_repo, serve_site

    root = tmp_path_factory.mktemp("lang")
    repo = make_repo(root / "repo")
    original = repo / "practices" / "dalfsen-taalmeter.yml"
    text = original.read_text(encoding="utf-8")
    for i in range(LONG):
        copy = text.replace("titel: ", f"titel: Kopie {i:03d} van ", 1)
        (repo / "practices" / f"kopie-{i:03d}.yml").write_text(copy, encoding="utf-8")
    result = build(repo, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    total = len(list((repo / "practices").glob("*.yml")))
    with serve_site(root / "site") as url:
        yield url, total


def test_long_overview_shows_a_hundred_cards_and_a_button_for_the_next_hundred(page, long_overview):
    from playwright.sync_api import expect

    url, total = long_overview
    page.goto(f"{url}/praktijken/")
    assert len(visible_slugs(page)) == 100
    more = page.get_by_role("button", name="Toon meer praktijkvoorbeelden")
    expect(more).to_have_text(f"Toon meer praktijkvoorbeelden (nog {total - 100})")
    more.click()
    assert len(visible_slugs(page)) == 200
    hundred_and_first = page.locator("[data-kb-kaart]:not([hidden])").nth(100).locator("a")
    expect(hundred_and_first).to_be_focused()
    more.click()
    assert len(visible_slugs(page)) == total
    expect(more).to_be_hidden()


def test_filter_on_a_long_overview_counts_every_match_and_shows_the_first_hundred(page, long_overview):
    url, _total = long_overview
    page.goto(f"{url}/praktijken/?knelpunt=A")
    shown = visible_slugs(page)
    assert len(shown) == 100
    matches = page.eval_on_selector_all(
        "[data-kb-kaart]", "els => els.filter(e => e.dataset.kbKnelpunt.split(' ').includes('A')).length"
    )
    assert matches > 100
    status = page.locator("[data-kb-filterstatus]")
    assert status.inner_text() == f"{matches} praktijkvoorbeelden · Knelpunt A."
    button = page.get_by_role("button", name="Toon meer praktijkvoorbeelden")
    assert button.inner_text() == f"Toon meer praktijkvoorbeelden (nog {matches - 100})"


def test_long_overview_without_javascript_lists_every_card_with_its_labels(browser, long_overview):
    url, total = long_overview
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}/praktijken/")
    assert page.locator("[data-kb-kaart]:visible").count() == total
    assert page.locator(".kb-overzicht .kb-labels:visible").count() == total
    assert page.locator("[data-kb-meer]").is_hidden()
    context.close()


def test_long_overview_makes_the_labels_of_a_card_past_the_first_hundred_when_it_is_shown(
    page, long_overview
):
    """With JavaScript the labels of cards 101 and on wait as text in <noscript> (a list of
    thousands of cards stays a small page), and appear as the same labels once shown."""
    url, _total = long_overview
    page.goto(f"{url}/praktijken/")
    assert page.locator(".kb-overzicht .kb-labels").count() == 100
    first = page.locator("[data-kb-kaart]:not([hidden])").first.locator(".kb-labels li").all_inner_texts()
    page.get_by_role("button", name="Toon meer praktijkvoorbeelden").click()
    later = page.locator("[data-kb-kaart]:not([hidden])").nth(100)
    assert later.locator(".kb-labels li").all_inner_texts() == first
    assert later.locator("noscript").count() == 0
    assert page.locator(".kb-overzicht .kb-labels").count() == 200
