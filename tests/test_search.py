"""Search as people type: a relevance set of real Dutch queries against the built site, in
Chromium, and the behaviour of the search page (stop words, corrections, compounds, synonyms,
the filter by kind, snippets)."""

from __future__ import annotations

import collections
import json
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml

from conftest import REPO

pytestmark = pytest.mark.browser

RELEVANCE = yaml.safe_load((REPO / "tests" / "relevance.yml").read_text(encoding="utf-8"))
RECALL_AT_3_AT_LEAST = 0.9  # over the whole set
CATEGORY_RECALL_AT_LEAST = 0.8  # and for each kind of query
DONE = "(s => s && !s.startsWith('Bezig'))(document.querySelector('[data-kb-zoekstatus]').textContent)"


def search(page, base_url: str, query: str, extra: str = "") -> list[str]:
    page.goto(f"{base_url}/zoeken/?q={quote(query)}{extra}")
    page.wait_for_function(DONE, timeout=15000)
    # The count is said first; the results then appear one by one, in order: wait for the
    # first page of them (10 at most).
    found = re.search(r"(\d+) resultat", status(page))
    if found:
        page.wait_for_function(
            f"document.querySelectorAll('[data-kb-zoekresultaten] > li').length >= {min(10, int(found.group(1)))}"
        )
    return page.eval_on_selector_all(
        "[data-kb-zoekresultaten] li h2 a", "els => els.map(e => new URL(e.href).pathname)"
    )


def status(page) -> str:
    return page.locator("[data-kb-zoekstatus]").inner_text()


def note(page) -> str:
    return page.locator("[data-kb-zoeknoot]").inner_text()


def test_relevance_set_finds_the_right_page_in_the_top_3_for_every_kind_of_query(page, base_url):
    misses = collections.defaultdict(list)
    total = collections.Counter(row["categorie"] for row in RELEVANCE)
    for row in RELEVANCE:
        if row["verwacht"] not in search(page, base_url, row["vraag"])[:3]:
            misses[row["categorie"]].append(row["vraag"])
    assert len(RELEVANCE) >= 60 and len(total) == 7
    recall = 1 - sum(len(m) for m in misses.values()) / len(RELEVANCE)
    assert recall >= RECALL_AT_3_AT_LEAST, f"recall@3 = {recall:.0%}; gemist: {dict(misses)}"
    for category, n in total.items():
        assert 1 - len(misses[category]) / n >= CATEGORY_RECALL_AT_LEAST, (category, misses[category])


def test_a_question_searches_its_content_words_and_says_which(page, base_url):
    results = search(page, base_url, "waar vind ik geld voor taallessen")
    assert results, status(page)
    assert "Gezocht op: geld, taallessen." in note(page)


def test_when_no_page_has_all_words_the_pages_with_most_of_them_are_shown_and_it_says_so(page, base_url):
    results = search(page, base_url, "taalmeter xyzzyqwerty")
    assert results[0] == "/praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening/"
    assert status(page).startswith("Geen pagina heeft alle woorden van \u201ctaalmeter xyzzyqwerty\u201d.")


def test_when_few_pages_have_all_words_pages_with_some_of_them_follow_and_it_says_so(page, base_url):
    results = search(page, base_url, "olifant voedselbank")
    assert "/praktijken/koken-binnen-budget-voor-de-voedselbank/" in results
    assert re.search(r"De eerste (\d+ hebben|heeft) alle woorden, de andere een deel ervan\.$", status(page))


def test_an_early_typo_shows_the_corrected_results_and_a_link_to_the_spelling_as_typed(page, base_url):
    results = search(page, base_url, "vrjiwilligers")
    assert results[0] in {"/tips/benut-vrijwilligers-beter/", "/praktijken/emmen-vrijwilligers-denken-mee/"}
    assert re.fullmatch(
        "Geen resultaten voor \u201cvrjiwilligers\u201d. Je ziet \\d+ resultaten voor \u201cvrijwilligers\u201d.",
        status(page),
    ), status(page)
    page.get_by_role("link", name="Zoek toch op \u201cvrjiwilligers\u201d").click()
    page.wait_for_function(DONE)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["vrjiwilligers"], "precies": ["ja"]}
    assert status(page) == "Geen resultaten voor \u201cvrjiwilligers\u201d."


def test_an_ambiguous_typo_offers_the_other_words_as_links(page, base_url):
    search(page, base_url, "scholden")
    assert "\u201cschulden\u201d" in status(page)  # a word of the vocabulary wins the tie
    other = page.locator("[data-kb-zoeknoot] a", has_text="scholen")
    assert other.count() == 1
    other.click()
    page.wait_for_function(DONE)
    assert parse_qs(urlsplit(page.url).query)["q"] == ["scholen"]


def test_an_unknown_word_without_a_near_word_finds_nothing_and_says_what_to_try(page, base_url):
    assert search(page, base_url, "xyzzyqwerty") == []
    assert status(page) == "Geen resultaten voor \u201cxyzzyqwerty\u201d."
    assert "Probeer een ander of korter woord" in note(page)
    assert page.locator(".kb-meer").is_hidden()  # no "show more" button for nothing
    assert page.locator("[data-kb-soorten]").is_hidden()


@pytest.mark.parametrize("query", ["xyzzyqwerty", "numeracy"])
def test_a_search_that_finds_nothing_near_offers_every_theme_as_a_way_on(page, base_url, built_site, query):
    assert search(page, base_url, query) == []
    onward = page.locator("[data-kb-verder]")
    assert onward.is_visible()
    themes = onward.locator(".kb-labels a")
    assert themes.count() >= 10
    first = themes.first.get_attribute("href")
    assert first and "themas/" in first
    target = built_site / "zoeken" / first.split("#")[0]
    assert (target / "index.html").is_file(), first  # a real page, not a dead end
    search(page, base_url, "vrijwilligers")
    assert onward.is_hidden()  # results: no detour


def test_a_quoted_phrase_must_be_found_as_written(page, base_url):
    results = search(page, base_url, '"sociale werkvoorziening"')
    assert results[0] == "/praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening/"
    assert status(page) == f"{len(results)} resultaten voor \u201csociale werkvoorziening\u201d."
    assert note(page) == ""


@pytest.mark.parametrize("query", ["taal pact", "taalpact", "pact"])
def test_a_compound_is_found_split_joined_or_by_its_part(page, base_url, query):
    results = search(page, base_url, query)
    assert results[:3].count("/tips/werk-in-een-taalpact/") == 1, (status(page), note(page), results)


def test_pages_with_the_word_itself_rank_above_pages_found_through_a_synonym(page, base_url):
    results = search(page, base_url, "taalhuis")
    total = int(status(page).split()[0])
    assert "Ook gezocht op: taalaanbod." in note(page)
    own = page.eval_on_selector_all(
        "[data-kb-zoekresultaten] li",
        "els => els.map(e => /taalhui/i.test(e.querySelector('.kb-fragment').textContent))",
    )
    # every snippet that shows the word comes before every one found only through the theme
    assert own == sorted(own, reverse=True), list(zip(results, own, strict=False))
    page.get_by_role("link", name="Zoek alleen op \u201ctaalhuis\u201d").click()
    page.wait_for_function(DONE)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["taalhuis"], "precies": ["ja"]}
    assert "Alleen gezocht op \u201ctaalhuis\u201d." in note(page)
    assert int(status(page).split()[0]) < total


def test_no_single_word_query_lists_most_of_the_site(page, base_url, built_site):
    pages = json.loads((built_site / "zoeken" / "index.json").read_text(encoding="utf-8"))["n"]
    for word in ("taalhuis", "subsidie", "vrijwilliger", "geld", "digibeten", "stakeholders"):
        search(page, base_url, word)
        count = int(status(page).split()[0])
        assert count < pages / 2, (word, count, pages)  # "most" of the site: more than half


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("volunteers", "/tips/benut-vrijwilligers-beter/"),
        ("stakeholders", "/tips/kies-energieke-partners/"),
        ("digibeten", "/praktijken/twente-digitale-inclusie/"),
    ],
)
def test_colloquial_and_english_words_lead_to_the_sites_own_words(page, base_url, query, expected):
    assert expected in search(page, base_url, query)[:5]
    assert note(page).startswith("Ook gezocht op: ")


def test_the_filter_by_kind_counts_narrows_and_keeps_its_state_in_the_address(page, base_url):
    everything = search(page, base_url, "vrijwilligers")
    counts = {
        label.get_attribute("value"): int(
            re.search(r"\((\d+)\)", label.locator("xpath=..").inner_text()).group(1)
        )
        for label in page.locator("[data-kb-soorten] input").all()
        if label.locator("xpath=..").is_visible()
    }
    assert counts[""] == sum(v for k, v in counts.items() if k) == int(status(page).split()[0])
    page.get_by_role("radio", name=re.compile("Tips")).check()
    assert parse_qs(urlsplit(page.url).query) == {"q": ["vrijwilligers"], "soort": ["tip"]}
    tips = page.eval_on_selector_all(
        "[data-kb-zoekresultaten] li h2 a", "els => els.map(e => new URL(e.href).pathname)"
    )
    assert tips and all(t.startswith("/tips/") for t in tips) and len(tips) == counts["tip"] < len(everything)
    assert status(page).endswith("(alleen tips).")
    fresh = page.context.new_page()  # a mailed link shows the same list
    assert search(fresh, base_url, "vrijwilligers", "&soort=tip") == tips
    assert fresh.get_by_role("radio", name=re.compile("Tips")).is_checked()
    fresh.close()


def test_background_pages_are_results_of_their_own_kind(page, base_url):
    results = search(page, base_url, "regionale stuurgroep basisvaardigheden", "&soort=achtergrond")
    assert results[0] == "/twente/"
    assert page.locator("[data-kb-zoekresultaten] .kb-plaats").first.inner_text() == "Achtergrond"


def test_snippets_come_from_the_cards_text_never_from_the_key_facts_or_hidden_words(page, base_url):
    search(page, base_url, "Dalfsen")
    snippets = page.locator("[data-kb-zoekresultaten] .kb-fragment").all_inner_texts()
    assert snippets
    for text in snippets:
        assert not re.search(r"\b(Waar|Jaar|Organisaties|Thema's)\b.*\b(Waar|Jaar|Organisaties)\b", text), (
            text
        )
        assert " · " not in text, text  # the hidden words for the index are joined with ' · '


def test_result_shows_title_kind_place_and_marked_snippet(page, base_url):
    search(page, base_url, "taalmeter")
    first = page.locator("[data-kb-zoekresultaten] li").first
    assert first.locator("h2 a").inner_text() == "De Taalmeter bij de sociale werkvoorziening in Dalfsen"
    assert first.locator(".kb-plaats").inner_text() == "Praktijkvoorbeeld · Dalfsen"
    assert first.locator("mark").count() >= 1
    assert status(page).endswith("resultaten voor \u201ctaalmeter\u201d.")


@pytest.mark.parametrize(("query", "expected"), [("vrijwilliger", "vrijwilligers"), ("maatje", "maatjes")])
def test_dutch_word_forms_find_each_other(page, base_url, query, expected):
    search(page, base_url, query)
    marked = page.eval_on_selector_all(
        "[data-kb-zoekresultaten] mark", "els => els.map(e => e.textContent.toLowerCase())"
    )
    assert any(expected in m for m in marked), marked


def test_synonym_from_the_vocabulary_is_applied(page, base_url):
    results = search(page, base_url, "geldzorgen")  # not on the site; the cards say 'schulden'
    assert "/tips/verbind-taal-met-meedoen/" in results


def test_search_box_on_every_page_leads_to_the_search_page(page, base_url):
    page.goto(f"{base_url}/praktijken/")
    page.get_by_label("Zoek in de kennisbank").fill("social impact bonds")
    page.get_by_label("Zoek in de kennisbank").press("Enter")
    page.wait_for_url("**/zoeken/?q=social+impact+bonds")
    page.wait_for_function(DONE)
    assert (
        page.locator("[data-kb-zoekresultaten] a")
        .first.get_attribute("href")
        .endswith("/praktijken/eindhoven-social-impact-bonds/")
    )


def test_focus_on_the_header_search_box_fetches_the_search_engine_ahead(page, base_url):
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    page.goto(f"{base_url}/over/")
    page.get_by_label("Zoek in de kennisbank").focus()
    page.wait_for_timeout(500)
    assert {"/assets/zoeken.js", "/zoeken/index.json"} <= set(fetched)


def test_many_results_show_ten_and_a_button_loads_the_next_ten_and_moves_focus(page, base_url):
    fetched: list[str] = []
    search(page, base_url, "gemeente")
    page.on("request", lambda r: fetched.append(r.url))
    total = int(status(page).split()[0])
    assert total > 10
    results = page.locator("[data-kb-zoekresultaten] > li")
    assert results.count() == 10
    more = page.get_by_role("button", name="Toon meer resultaten")
    assert more.inner_text() == f"Toon meer resultaten (nog {total - 10})"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.querySelectorAll('[data-kb-zoekresultaten] > li').length >= {min(total, 20)}"
    )
    assert results.count() == min(total, 20)
    focused = page.evaluate(
        "document.activeElement.closest('li') === document.querySelectorAll('[data-kb-zoekresultaten] > li')[10]"
    )
    assert focused
    assert more.is_visible() == (total > 20)
    assert fetched == []  # the index holds every result's title and summary: no request per result
