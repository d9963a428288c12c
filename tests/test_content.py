"""The content itself: relations complete, sources named, summaries short and readable, and key
facts from the source documents on the built pages exactly as the sources give them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, real_card, real_card_paths
from kennisbank.checking.readability import median, score_summaries
from kennisbank.model.types import Kind, Practice

MEDIAN_FLESCH_DOUMA_AT_LEAST = 55.0


@pytest.mark.parametrize("path", real_card_paths(Kind.KNELPUNT), ids=lambda p: Path(p).stem.upper())
def test_every_knelpunt_has_a_practice_or_tip(real_catalogue, path):
    obstacle = real_card(real_catalogue, path)
    related = real_catalogue.related(obstacle, Kind.PRAKTIJK) + real_catalogue.related(obstacle, Kind.TIP)
    assert related, f"knelpunt {obstacle.code} heeft geen praktijkvoorbeeld of tip"


def test_all_six_knelpunten_and_nine_recommendations_are_present(real_catalogue):
    assert [o.code for o in real_catalogue.obstacles] == list("ABCDEF")
    levels = [(r.niveau, r.code) for r in real_catalogue.recommendations]
    assert levels == [("gemeente", c) for c in "ABCDEF"] + [("rijk", c) for c in "ABC"]


@pytest.mark.parametrize("path", real_card_paths(Kind.AANBEVELING), ids=lambda p: Path(p).stem)
def test_every_recommendation_answers_at_least_one_knelpunt(real_catalogue, path):
    assert real_catalogue.related(real_card(real_catalogue, path), Kind.KNELPUNT)


@pytest.mark.parametrize("path", real_card_paths())
def test_every_card_names_its_source_and_has_a_short_summary(real_catalogue, path):
    card = real_card(real_catalogue, path)
    assert card.bron and all(b.document and b.uitgever and b.jaar for b in card.bron)
    assert len(card.samenvatting) <= 300
    if isinstance(card, Practice) or card.kind is Kind.TIP:
        assert card.knelpunten and card.themas


def test_summaries_read_easily_on_median(real_catalogue):
    scores = score_summaries(real_catalogue.all_cards())
    assert median(scores) >= MEDIAN_FLESCH_DOUMA_AT_LEAST, "draai 'kennisbank leesbaarheid'"


def test_no_pdf_extraction_damage_in_card_text():
    damaged = re.compile(r"financiéle|creéer|efficiénter|barriéres|Maatwerkiraject|\w-\s\w+heid\b")
    for path in real_card_paths():
        text = (REPO / path).read_text(encoding="utf-8")
        assert not damaged.search(text), path


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
    # Seed 003: the Hoger bereik project outside the sheets.
    ("over", "SCHUNCK"),
    ("over", "26 en 27 juni 2018"),
    ("over", "strategiekit Hoger bereik"),
    ("over", "8 november"),
    ("over", "In 2019"),
    # Seed 000: money, schotten, young people; seed 001: what the traject delivers.
    ("knelpunten/d", "inburgeringsgelden"),
    ("knelpunten/d", "Ockham IPS en ECBO"),
    ("knelpunten/d", "Tussentijdse evaluatie Vervolgaanpak Laaggeletterdheid 2020-2024"),
    ("knelpunten/e", "MDIEU-gelden"),
    ("maatwerktraject", "33% van de 15-jarigen"),
    ("maatwerktraject", "2,5 miljoen"),
    ("maatwerktraject", "MDIEU-gelden"),
    ("maatwerktraject", "meer regie en sturing"),
    ("maatwerktraject", "een netwerk van gemeenten en adviseurs"),
    ("maatwerktraject", "info@lezenenschrijven.nl"),
    ("praktijken/maatwerktraject-integrale-aanpak", "meer draagvlak in de gemeente"),
    # Seed 004: the Twente page.
    ("twente", "2F"),
    ("twente", "mbo-niveau 2/3"),
    ("twente", "3 miljoen"),
    ("twente", "66 tot 75 jaar"),
    ("twente", "2022-2023"),
    ("twente", "Researchcentrum voor Onderwijs en Arbeidsmarkt (ROA)"),
    ("twente", "35%"),
    ("twente", "Nivel"),
    ("twente", "Movisie, 2025"),
    ("twente", "UNESCO (2021)"),
    ("twente", "2020 tot en met 2024"),
    ("twente", "Verkenning basisvaardigheden voor"),
    ("twente", "2028"),
    ("twente", "Decentralisatie-uitkering Aanpak basisvaardigheden"),
    ("twente", "Samen Sterk Staan!"),
    ("twente", "Portefeuillehoudersoverleg Arbeidsmarkt (PHA)"),
    ("twente", "subregio Oldenzaal"),
    ("twente", "25%"),
    ("twente", "81.100"),
    ("twente", "praktijken/twente-gezinsaanpak/"),
    ("twente", "praktijken/twente-impactmeting/"),
    # Seed 004: one practice card per component.
    ("praktijken/twente-onderwijsachterstandenbeleid", "0 tot 12 jaar"),
    ("praktijken/twente-onderwijsachterstandenbeleid", "integrale kindcentra"),
    ("praktijken/twente-gezinsaanpak", "Koninklijke Bibliotheek"),
    ("praktijken/twente-gezinsaanpak", "Borging en continuïteit"),
    ("praktijken/twente-masterplan-basisvaardigheden", "sinds 2022"),
    ("praktijken/twente-masterplan-basisvaardigheden", "Bijna 25% van de 15-jarigen"),
    ("praktijken/twente-masterplan-basisvaardigheden", "33%"),
    ("praktijken/twente-twentse-belofte", "startkwalificatie"),
    ("praktijken/twente-aansluitingsnetwerk", "Zone.college"),
    ("praktijken/twente-aansluitingsnetwerk", "Digitaal Doorstroom Dossier"),
    ("praktijken/twente-volwassenenonderwijs-roc-van-twente", "1 januari 2025"),
    (
        "praktijken/twente-volwassenenonderwijs-roc-van-twente",
        "Samenwerkingsovereenkomst Horizontale publiek-publieke samenwerking",
    ),
    ("praktijken/twente-volwassenenonderwijs-roc-van-twente", "2028"),
    ("praktijken/twente-ikletterop", "vaste trajectbegeleider"),
    ("praktijken/twente-ikletterop", "Twents Fonds voor Vakmanschap"),
    ("praktijken/twente-ikletterop", "vanaf 2026"),
    ("praktijken/twente-werkgevers-en-arbeidsmarkt", "Kopgroep Basisvaardigheden 2026-2027"),
    ("praktijken/twente-werkgevers-en-arbeidsmarkt", "2024-2027"),
    ("praktijken/twente-werkgevers-en-arbeidsmarkt", "in 2022"),
    ("praktijken/twente-werkgevers-en-arbeidsmarkt", "Praktijkleren met een Praktijkverklaring"),
    ("praktijken/twente-taalhuizen-en-taalpunten", "Decentralisatie-uitkering Aanpak basisvaardigheden"),
    ("praktijken/twente-taalhuizen-en-taalpunten", "Week van lezen en schrijven"),
    ("praktijken/twente-kwaliteit-van-taalhuizen", "Certificeringskader Taalhuizen 2024-2027"),
    ("praktijken/twente-kwaliteit-van-taalhuizen", "Zicht op Ontwikkeling II"),
    ("praktijken/twente-kwaliteit-van-taalhuizen", "(CBCT)"),
    ("praktijken/twente-taalambassadeurs", "Stichting ABC"),
    ("praktijken/twente-taalambassadeurs", "Almelo"),
    ("praktijken/twente-direct-duidelijk", "Direct Duidelijk"),
    ("praktijken/twente-digitale-inclusie", "Informatiepunten Digitale Overheid"),
    ("praktijken/twente-digitale-inclusie", "Digisterker"),
    ("praktijken/twente-impactmeting", "96.6%"),
    ("praktijken/twente-impactmeting", "Maurice de Greef"),
    ("praktijken/twente-impactmeting", "Almelo, Borne, Enschede, Hengelo, Oldenzaal en Tubbergen"),
    ("praktijken/twents-programma-basisvaardigheden", "../twente-taalhuizen-en-taalpunten/"),
]


@pytest.mark.parametrize(("page", "text"), FACTS, ids=[f"{p}:{t}" for p, t in FACTS])
def test_source_fact_is_on_the_page(built_site, page, text):
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    assert text in html


def test_a_place_is_one_plain_name_and_a_region_is_never_written_as_a_place(real_catalogue):
    practices = real_catalogue.practices
    regions = {p.regio for p in practices if p.regio}
    for p in practices:
        for value in (p.plaats, p.regio):
            assert value is None or not re.search(r"[()/,;]", value), f"{p.path}: '{value}' heeft een noot"
        assert p.plaats not in regions, f"{p.path}: '{p.plaats}' is een regio; zet het bij 'regio'"
        assert p.plaats or p.regio or p.provincie == "landelijk", p.path
