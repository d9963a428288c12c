"""What the build gives the search page: compound parts, the word list, synonyms one way or both."""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from kennisbank.checking.validate import check_repository
from kennisbank.model.types import Kind
from kennisbank.output import search
from kennisbank.output.wordsplit import STOP_WORDS, compound_parts, split_compound, words


@pytest.fixture(scope="module")
def real():
    result = check_repository(REPO)
    assert result.catalogue is not None, result.problems
    return result


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("taalhuis", ("taal", "huis")),
        ("taalpact", ("taal", "pact")),
        ("laaggeletterdheid", ("laag", "geletterdheid")),
        ("werkgemeenschap", ("werk", "gemeenschap")),
        ("voedselbank", ("voedsel", "bank")),
        ("gezondheidsvaardigheden", ("gezondheid", "vaardigheden")),  # the linking s
        ("Taal-ambtenaar", ("taal", "ambtenaar")),  # the writer split it already
    ],
)
def test_a_compound_splits_into_dutch_words(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "gemeenschap",  # a common word of its own, not 'gemeen schap'
        "bibliotheek",
        "aanpakken",  # a form of 'aanpak', not 'aanpak ken'
        "verbinder",  # a prefix is no part: not 'ver binder'
        "taal",
    ],
)
def test_a_word_that_is_no_compound_is_not_split(word):
    assert split_compound(word) == ()


def test_compound_parts_are_listed_once_and_link_targets_are_not_words():
    text = "Het taalhuis en [nog een taalhuis](https://example.org/taalpact-wegwijzer) helpen."
    assert compound_parts([text, "Taalhuis"]) == ["taal huis"]
    assert "example" not in words(text)


def test_stop_words_include_the_words_of_a_question():
    assert {"waar", "vind", "ik", "voor", "hoe", "met", "de", "hoeveel"} <= STOP_WORDS
    assert not {"geld", "gemeente", "vinden", "samen"} & STOP_WORDS  # 'vinden' is a theme's word


def test_a_group_of_zoekwoorden_works_both_ways_and_a_themes_synonym_one_way(real):
    alternatives = search.alternatives(real.catalogue)
    assert "volunteers" in alternatives["vrijwilligers"]
    assert "vrijwilligers" in alternatives["volunteers"]
    themes = search.theme_words(real.catalogue)
    assert themes["geld"] == ["financiering"]
    assert themes["taalhuis"] == ["taalaanbod"]
    assert "financiering" not in themes and "taalaanbod" not in themes  # a theme never floods
    assert all(len(alts) <= search.MAX_ALTERNATIVES for alts in alternatives.values())


def test_search_settings_in_the_page_cannot_end_their_script_element(real):
    settings = search.search_settings(real.catalogue)
    assert "<" not in settings
    data = json.loads(settings)
    assert set(data) == {"woorden", "themas", "stopwoorden"}
    assert data["stopwoorden"] == sorted(STOP_WORDS)


def test_the_word_list_holds_the_sites_words_its_compound_parts_and_no_stop_words(real):
    data = json.loads(search.word_list_json(real.catalogue, real.page_texts))
    listed = data["woorden"]
    assert data["versie"] == 1 and len(listed) == len(set(listed))
    assert {"vrijwilligers", "schulden", "bibliotheek", "olifant"} <= set(listed)
    assert "pact" in listed  # only inside 'taalpact' on the site: from the hidden parts
    assert "stuurgroep" in listed  # only on the hand-written page /twente/
    assert not set(listed) & STOP_WORDS
    assert all(len(w) >= 4 for w in listed)
    assert listed.index("gemeente") < listed.index("olifant")  # most frequent first


def test_hidden_search_words_hold_place_and_themes_not_organisations_or_sources(real):
    card = real.catalogue.get(Kind.PRAKTIJK, "dalfsen-taalmeter-bij-sociale-werkvoorziening")
    facts, parts = search.card_search_terms(card, real.catalogue)
    assert "Dalfsen" in facts and "Overijssel" in facts
    assert "Signaleren en doorverwijzen" in facts
    assert "Bibliotheek" not in facts  # on most practices: would flood a search for it
    assert "taal meter" in parts.split(" · ")
    tip = real.catalogue.get(Kind.TIP, "werk-in-een-taalpact")
    assert "taal pact" in search.card_search_terms(tip, real.catalogue)[1].split(" · ")
