"""The content itself: relations complete, sources named, summaries short and readable, and key
facts from the source documents on the built pages exactly as the sources give them."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from kennisbank.model import Kind, Practice
from kennisbank.readability import median, score_summaries
from kennisbank.validate import check_repository

CATALOGUE = check_repository(REPO).catalogue
assert CATALOGUE is not None
MEDIAN_FLESCH_DOUMA_AT_LEAST = 55.0


@pytest.mark.parametrize("obstacle", CATALOGUE.obstacles, ids=lambda c: c.code)
def test_every_knelpunt_has_a_practice_or_tip(obstacle):
    related = CATALOGUE.related(obstacle, Kind.PRAKTIJK) + CATALOGUE.related(obstacle, Kind.TIP)
    assert related, f"knelpunt {obstacle.code} heeft geen praktijkvoorbeeld of tip"


def test_all_six_knelpunten_and_nine_recommendations_are_present():
    assert [o.code for o in CATALOGUE.obstacles] == list("ABCDEF")
    levels = [(r.niveau, r.code) for r in CATALOGUE.recommendations]
    assert levels == [("gemeente", c) for c in "ABCDEF"] + [("rijk", c) for c in "ABC"]


@pytest.mark.parametrize("rec", CATALOGUE.recommendations, ids=lambda c: c.slug)
def test_every_recommendation_answers_at_least_one_knelpunt(rec):
    assert CATALOGUE.related(rec, Kind.KNELPUNT)


@pytest.mark.parametrize("card", CATALOGUE.all_cards(), ids=lambda c: c.path)
def test_every_card_names_its_source_and_has_a_short_summary(card):
    assert card.bron and all(b.document and b.uitgever and b.jaar for b in card.bron)
    assert len(card.samenvatting) <= 300
    if isinstance(card, Practice) or card.kind is Kind.TIP:
        assert card.knelpunten and card.themas


def test_summaries_read_easily_on_median():
    scores = score_summaries(CATALOGUE.all_cards())
    assert median(scores) >= MEDIAN_FLESCH_DOUMA_AT_LEAST, "draai 'kennisbank leesbaarheid'"


def test_no_pdf_extraction_damage_in_card_text():
    damaged = re.compile(r"financiéle|creéer|efficiénter|barriéres|Maatwerkiraject|\w-\s\w+heid\b")
    for card in CATALOGUE.all_cards():
        text = (REPO / card.path).read_text(encoding="utf-8")
        assert not damaged.search(text), card.path


# (page, text) — each text as the source document gives it.
FACTS = [
    ("praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening", "39"),
    ("praktijken/dalfsen-taalmeter-bij-sociale-werkvoorziening", "27"),
    ("praktijken/dalfsen-infopunten-in-de-bibliotheek", "3 van de 5 vestigingen"),
    ("praktijken/heerlen-cijfers-per-wijk", "16%"),
    ("praktijken/heerlen-cijfers-per-wijk", "11%"),
    ("praktijken/parkstad-bondgenootschap", "2012"),
    ("praktijken/parkstad-bondgenootschap", "22 organisaties"),
    ("praktijken/parkstad-bondgenootschap", "36"),
    ("praktijken/parkstad-bondgenootschap", "Roda JC"),
    ("praktijken/emmen-van-groot-overleg-naar-kerngroep", "2016"),
    ("praktijken/emmen-lobby-voor-laaggeletterdheid", "2018-2022"),
    ("praktijken/dalfsen-filmbijeenkomst-voor-ambtenaren", "50"),
    ("praktijken/heerlen-taal-ambtenaar-als-verbinder", "René Roelofsen"),
    ("praktijken/emmen-lange-adem-en-creatief-samenwerken", "Marchien Brons"),
    ("praktijken/maatwerktraject-integrale-aanpak", "70 uur"),
    ("praktijken/maatwerktraject-integrale-aanpak", "10 maanden"),
    ("praktijken/maatwerktraject-integrale-aanpak", "28 gemeenten"),
    ("praktijken/maatwerktraject-integrale-aanpak", "54 gemeenten"),
    ("praktijken/maatwerktraject-integrale-aanpak", "5 van de 18 gemeenten"),
    ("praktijken/maatwerktraject-integrale-aanpak", "Annelies van der Laan"),
    ("praktijken/twents-programma-basisvaardigheden", "25%"),
    ("praktijken/twents-programma-basisvaardigheden", "22%"),
    ("praktijken/twents-programma-basisvaardigheden", "68%"),
    ("praktijken/twents-programma-basisvaardigheden", "14 Twentse gemeenten"),
    ("knelpunten/b", "64%"),
    ("knelpunten/b", "minder dan 4 uur per week"),
    ("knelpunten/a", "Geen opdracht en onvoldoende prioriteit"),
    ("knelpunten/d", "Hardnekkige schotten"),
    ("knelpunten/f", "Netwerkpartners varen soms een eigen koers"),
    ("maatwerktraject", "Annelies van der Laan"),
    ("maatwerktraject", "70 uur"),
    ("over", "Katwijk"),
    ("over", "West-Achterhoek"),
]


@pytest.mark.parametrize(("page", "text"), FACTS, ids=[f"{p}:{t}" for p, t in FACTS])
def test_source_fact_is_on_the_page(built_site, page, text):
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert text in html
