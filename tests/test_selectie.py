"""The handout: an advisor keeps pages in a selection, and mails or prints them as one document
(/selectie/), in Chromium."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser

THREE = [
    "praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening",
    "tips/werk-in-een-taalpact",
    "praktijken/twente-masterplan-basisvaardigheden",
]


def keep(page, base_url, card: str) -> None:
    page.goto(f"{base_url}/{card}/")
    button = page.get_by_role("button", name="Bewaar in selectie")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert "Bewaard in je selectie" in page.locator("[data-kb-status]").inner_text()


def titles(page) -> list[str]:
    page.wait_for_function(
        "!document.querySelector('[data-kb-selectiestatus]').textContent.startsWith('Bezig')"
    )
    return page.locator(".kb-selectie-inhoud > li h2").all_inner_texts()


def test_three_kept_pages_make_a_handout_that_its_link_rebuilds_in_a_fresh_browser(
    browser, base_url, real_catalogue
):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    for card in THREE:
        keep(page, base_url, card)
    link = page.get_by_role("link", name="Bekijk je selectie (3)")
    link.click()
    expected = [next(c.titel for c in real_catalogue.all_cards() if c.url == f"{card}/") for card in THREE]
    assert titles(page) == expected
    assert page.locator("[data-kb-selectiestatus]").inner_text() == "3 pagina's in je selectie."
    shared = page.locator("[data-kb-selectieveld]").input_value()
    assert shared.endswith("/selectie/?k=" + ",".join(THREE))
    mail = unquote(page.get_by_role("link", name="Mail deze selectie").get_attribute("href"))
    for title, card in zip(expected, THREE, strict=True):
        assert title in mail and f"/{card}/" in mail
    context.close()

    fresh = browser.new_context(locale="nl-NL")  # another browser: nothing in its storage
    other = fresh.new_page()
    other.goto(base_url + urlsplit(shared).path + "?" + urlsplit(shared).query)
    assert titles(other) == expected
    fresh.close()


def test_pages_move_and_go_and_the_address_follows(page, base_url):
    page.goto(f"{base_url}/selectie/?k=" + ",".join(THREE))
    first = titles(page)
    page.get_by_role("button", name=f"Lager: {first[0]}").click()
    assert titles(page) == [first[1], first[0], first[2]]
    assert "staat nu op plek 2 van 3" in page.locator("[data-kb-selectiestatus]").inner_text()
    page.get_by_role("button", name=f"Verwijder: {first[2]}").click()
    assert titles(page) == [first[1], first[0]]
    assert parse_qs(urlsplit(page.url).query)["k"] == [f"{THREE[1]},{THREE[0]}"]
    assert page.evaluate("JSON.parse(localStorage.getItem('kb-selectie'))") == [THREE[1], THREE[0]]


def test_an_unknown_page_is_named_and_an_old_address_is_followed(page, base_url):
    moved = "praktijken/oude-naam-van-de-taalmeter"
    page.route(
        f"**/{moved}/",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><meta http-equiv="refresh" content="0; url=../dalfsen-taalmeter-bij-sociale-werkvoorziening/">',
        ),
    )
    page.goto(f"{base_url}/selectie/?k=praktijken/bestaat-niet,{moved},{THREE[1]}")
    assert len(titles(page)) == 2
    status = page.locator("[data-kb-selectiestatus]").inner_text()
    assert "Niet gevonden: praktijken/bestaat-niet" in status
    assert parse_qs(urlsplit(page.url).query)["k"] == [f"{THREE[0]},{THREE[1]}"]  # the new address


def test_the_handout_prints_each_page_on_its_own_sheets_with_a_running_header(page, base_url, tmp_path):
    from pypdf import PdfReader

    page.goto(f"{base_url}/selectie/?k=" + ",".join(THREE))
    names = titles(page)
    pdf = tmp_path / "selectie.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = [(p.extract_text() or "") for p in PdfReader(pdf).pages]
    starts = [
        i
        for i, text in enumerate(pages)
        if re.search(r"Selectie uit de Kennisbank Basisvaardigheden · \d van 3", text)
    ]
    assert len(starts) == 3 and starts[0] == 0, [t[:80] for t in pages]
    for start, name in zip(starts, names, strict=True):
        assert " ".join(name.split()) in " ".join(pages[start].split())
    text = " ".join(pages)
    flat = re.sub(r"\s+", "", text)
    for card in THREE:  # each page's own address is on paper (in "Zo verwijs je naar ...")
        assert f"/{card}/" in flat, card
    for control in ("Verwijder", "Kopieer link", "Mail deze selectie", "Bewaar in selectie"):
        assert control not in text, control


def test_an_empty_selection_says_how_to_fill_it(page, base_url):
    page.goto(f"{base_url}/selectie/")
    assert "Je selectie is nog leeg" in page.locator("[data-kb-selectiestatus]").inner_text()
    assert page.locator("[data-kb-selectiedelen]").is_hidden()


def test_the_handout_has_no_axe_violations(page, base_url):
    from axe_playwright_python.sync_playwright import Axe

    from test_browser import WCAG_TAGS

    page.goto(f"{base_url}/selectie/?k=" + ",".join(THREE))
    titles(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()
