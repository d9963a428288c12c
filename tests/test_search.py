"""Search that understands Dutch: a relevance set of real queries against the built site, in Chromium."""

from __future__ import annotations

from urllib.parse import quote

import pytest
import yaml

from conftest import REPO

pytestmark = pytest.mark.browser

RELEVANCE = yaml.safe_load((REPO / "tests" / "relevance.yml").read_text(encoding="utf-8"))
RECALL_AT_3_AT_LEAST = 0.9


def search(page, base_url: str, query: str) -> list[str]:
    page.goto(f"{base_url}/zoeken/?q={quote(query)}")
    page.wait_for_function(
        "document.querySelector('[data-kb-zoekstatus]').textContent.includes('voor')", timeout=15000
    )
    return page.eval_on_selector_all(
        "[data-kb-zoekresultaten] a", "els => els.map(e => new URL(e.href).pathname)"
    )


def test_relevance_set_recall_at_3_is_at_least_90_percent(page, base_url):
    misses = []
    for row in RELEVANCE:
        if row["verwacht"] not in search(page, base_url, row["vraag"])[:3]:
            misses.append(row["vraag"])
    recall = 1 - len(misses) / len(RELEVANCE)
    assert len(RELEVANCE) >= 20
    assert recall >= RECALL_AT_3_AT_LEAST, f"recall@3 = {recall:.0%}; gemist: {misses}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vrijwilliger", "vrijwilligers"),  # singular finds plural (stemming)
        ("maatje", "maatjes"),
    ],
)
def test_dutch_word_forms_find_each_other(page, base_url, query, expected):
    search(page, base_url, query)
    marked = page.eval_on_selector_all(
        "[data-kb-zoekresultaten] mark", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert any(expected in m for m in marked), marked


def test_synonym_from_the_vocabulary_is_applied(page, base_url):
    results = search(page, base_url, "schuldhulp")  # only a synonym; the cards say 'schulden'
    assert "/tips/verbind-taal-met-meedoen/" in results


def test_result_shows_title_kind_place_and_marked_snippet(page, base_url):
    search(page, base_url, "taalmeter")
    first = page.locator("[data-kb-zoekresultaten] li").first
    assert first.locator("h2 a").inner_text() == "De Taalmeter bij de sociale werkvoorziening in Dalfsen"
    assert first.locator(".kb-plaats").inner_text() == "Praktijkvoorbeeld · Dalfsen"
    assert first.locator("mark").count() >= 1
    assert page.get_by_role("status").inner_text().endswith("resultaten voor \u201ctaalmeter\u201d.")


def test_search_box_on_every_page_leads_to_the_search_page(page, base_url):
    page.goto(f"{base_url}/praktijken/")
    page.get_by_label("Zoek in de kennisbank").fill("social impact bonds")
    page.get_by_label("Zoek in de kennisbank").press("Enter")
    page.wait_for_url("**/zoeken/?q=social+impact+bonds")
    page.wait_for_function("document.querySelector('[data-kb-zoekstatus]').textContent.includes('voor')")
    assert (
        page.locator("[data-kb-zoekresultaten] a")
        .first.get_attribute("href")
        .endswith("/praktijken/eindhoven-social-impact-bonds/")
    )


def test_search_with_no_results_says_so_in_dutch(page, base_url):
    search(page, base_url, "xyzzyqwerty")
    assert page.get_by_role("status").inner_text() == (
        "Geen resultaten voor \u201cxyzzyqwerty\u201d. Probeer een ander of korter woord."
    )
    assert page.locator(".kb-meer").is_hidden()  # no "show more" button for nothing


def test_many_results_show_ten_and_a_button_loads_the_next_ten_and_moves_focus(page, base_url):
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/pagefind/fragment/" in r.url else None)
    search(page, base_url, "gemeente")
    total = int(page.get_by_role("status").inner_text().split()[0])
    assert total > 10
    results = page.locator("[data-kb-zoekresultaten] > li")
    assert results.count() == 10
    assert len(fetched) == 10  # only the shown results' text is fetched
    more = page.get_by_role("button", name="Toon meer resultaten")
    assert more.inner_text() == f"Toon meer resultaten (nog {total - 10})"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('[data-kb-zoekresultaten] > li').length > 10")
    assert results.count() == min(total, 20)
    focused = page.evaluate(
        "document.activeElement.closest('li') === document.querySelectorAll('[data-kb-zoekresultaten] > li')[10]"
    )
    assert focused
    assert more.is_visible() == (total > 20)
