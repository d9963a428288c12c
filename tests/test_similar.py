"""'Lijkt hierop' and 'Meer uit <plaats>': derived at build time from what practices share."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import REPO
from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.checking.validate import check_repository
from kennisbank.model.types import Organisation, Practice

REAL = check_repository(REPO).catalogue
assert REAL is not None


def practice(slug: str, **fields) -> Practice:
    values = {
        "titel": slug.replace("-", " ").capitalize(),
        "samenvatting": "Een voorbeeld.",
        "provincie": "overijssel",
        "organisaties": (Organisation("Bibliotheek", "bibliotheek"),),
        "jaar": 2024,
        "verhaal": "Wat ze deden.",
        "gecontroleerd": dt.date(2026, 1, 1),
        **fields,
    }
    values["organisaties"] = (
        tuple(Organisation(t, t) for t in values.pop("types", ())) or values["organisaties"]
    )
    return Practice(slug=slug, path=f"practices/{slug}.yml", **values)


def catalogue(*practices: Practice) -> Catalogue:
    assert REAL is not None
    return Catalogue.build(list(practices), REAL.vocab)


def slugs(cards) -> list[str]:
    return [c.slug for c in cards]


def test_a_practice_that_shares_more_ranks_higher():
    me = practice("ik", knelpunten=("A", "B"), themas=("werk",))
    one = practice("deelt-een-knelpunt", knelpunten=("A",), types=("gemeente",))
    two = practice("deelt-twee-knelpunten", knelpunten=("A", "B"), types=("gemeente",))
    more = practice("deelt-ook-een-thema", knelpunten=("A", "B"), themas=("werk",), types=("gemeente",))
    cat = catalogue(me, one, two, more)
    assert slugs(cat.similar(me)) == ["deelt-ook-een-thema", "deelt-twee-knelpunten", "deelt-een-knelpunt"]


def test_a_shared_knelpunt_weighs_more_than_a_shared_kind_of_organisation():
    me = practice("ik", knelpunten=("C",), types=("gemeente",))
    by_obstacle = practice("z-zelfde-knelpunt", knelpunten=("C",), types=("welzijn",))
    by_type = practice("a-zelfde-organisatie", knelpunten=("D",), types=("gemeente",))
    assert slugs(catalogue(me, by_obstacle, by_type).similar(me)) == [
        "z-zelfde-knelpunt",
        "a-zelfde-organisatie",
    ]


def test_a_practice_is_never_similar_to_itself_and_nothing_shared_means_not_listed():
    me = practice("ik", knelpunten=("A",), types=("gemeente",))
    stranger = practice("vreemde", knelpunten=("F",), types=("welzijn",), provincie="limburg")
    cat = catalogue(me, stranger)
    assert cat.similar(me) == ()


def test_ties_are_broken_by_title_so_every_build_shows_the_same_list():
    me = practice("ik", knelpunten=("A",))
    tied = [practice(s, knelpunten=("A",)) for s in ("c-derde", "a-eerste", "b-tweede")]
    forwards = catalogue(me, *tied).similar(me, n=2)
    backwards = catalogue(*reversed(tied), me).similar(me, n=2)
    assert slugs(forwards) == slugs(backwards) == ["a-eerste", "b-tweede"]


def test_place_and_region_count_and_more_from_the_place_lists_what_similar_leaves_out():
    me = practice("ik", knelpunten=("A",), plaats="Alkmaar", regio="Kennemerwaard")
    same_place = practice("zelfde-plaats", knelpunten=("F",), plaats="Alkmaar", types=("welzijn",))
    same_region = practice("zelfde-regio", knelpunten=("F",), regio="Kennemerwaard", types=("welzijn",))
    elsewhere = practice("elders", knelpunten=("F",), plaats="Emmen", types=("welzijn",))
    cat = catalogue(me, same_place, same_region, elsewhere)
    assert slugs(cat.similar(me)) == ["zelfde-plaats", "zelfde-regio"]
    assert cat.same_place(me) == ()  # both are already under "Lijkt hierop"
    assert slugs(cat.similar(me, n=1)) == ["zelfde-plaats"]


def test_more_from_the_region_skips_the_practices_already_shown_as_similar():
    me = practice("ik", knelpunten=("A",), regio="Twente")
    alike = [practice(f"lijkt-{i}", knelpunten=("A",), regio="Twente") for i in range(5)]
    other = practice("ook-twente", knelpunten=("F",), regio="Twente", types=("welzijn",))
    cat = catalogue(me, *alike, other)
    assert slugs(cat.similar(me)) == [f"lijkt-{i}" for i in range(5)]
    assert slugs(cat.same_place(me)) == ["ook-twente"]


@pytest.mark.parametrize("card", REAL.practices, ids=lambda c: c.slug)
def test_every_real_practice_has_three_to_five_similar_practices(card):
    similar = REAL.similar(card)
    assert 3 <= len(similar) <= 5
    assert card.slug not in slugs(similar)


@pytest.mark.parametrize("card", REAL.practices, ids=lambda c: c.slug)
def test_every_practice_page_shows_what_lijkt_hierop(built_site, card):
    html = (built_site / card.url / "index.html").read_text(encoding="utf-8")
    section = html.split('<h2 id="lijkt-hierop">Lijkt hierop</h2>', 1)[1].split("</section>", 1)[0]
    for other in REAL.similar(card):
        assert f'href="../{other.slug}/"' in section, other.slug


def test_a_practice_page_is_redrawn_when_its_similar_or_nearby_practices_change():
    # ``mkdocs serve --dirty`` skips a page whose cards stay the same: these lists are on the page.
    from kennisbank.build.session import load_site

    pages = load_site(REPO).pages
    card = next(p for p in REAL.practices if REAL.same_place(p))
    depends = pages[f"{card.url.rstrip('/')}.md"].depends or ()
    for other in (*REAL.similar(card), *REAL.same_place(card)):
        assert other in depends, other.slug


def _reference_similar(cat: Catalogue, card: Practice, n: int = 5) -> list[str]:
    """The rule written out the slow way: score every other practice, best first, ties in
    overview order."""
    from kennisbank.catalogue.catalogue import SIMILARITY, _traits

    mine = _traits(card)
    scored = [
        (-sum(SIMILARITY[t[0]] for t in mine & _traits(p)), i, p.slug)
        for i, p in enumerate(cat.practices)
        if p.slug != card.slug
    ]
    return [slug for score, _i, slug in sorted(scored) if score][:n]


@pytest.mark.slow  # hundreds of generated practices
def test_the_fast_rankings_equal_the_rules_written_out_for_hundreds_of_random_practices():
    import random

    rnd = random.Random(19)
    themes = [t.slug for t in REAL.vocab.themas]
    types = ["bibliotheek", "gemeente", "welzijn", "taalaanbieder", "werkgever"]
    places = ["Alkmaar", "Dalfsen", "Emmen", "Heerlen", None]
    made = [
        practice(
            f"p-{i:03d}",
            knelpunten=tuple(sorted(rnd.sample("ABCDEF", rnd.randint(0, 3)))),
            themas=tuple(rnd.sample(themes, rnd.randint(0, 3))),
            types=tuple(rnd.sample(types, rnd.randint(1, 2))),
            plaats=rnd.choice(places),
            regio=rnd.choice(["Twente", "Kennemerwaard", None, None]),
        )
        for i in range(300)
    ]
    cat = catalogue(*made)
    for card in made:
        for n in (1, 5, 12):
            assert slugs(cat.similar(card, n)) == _reference_similar(cat, card, n), (card.slug, n)
        shown = {card.slug, *_reference_similar(cat, card)}
        near = [
            p.slug
            for p in cat.practices
            if p.slug not in shown
            and ((card.plaats and p.plaats == card.plaats) or (card.regio and p.regio == card.regio))
        ]
        assert slugs(cat.same_place(card)) == near[:6], card.slug


def test_the_fast_ranking_equals_the_rule_written_out_for_every_real_practice():
    for card in REAL.practices:
        assert slugs(REAL.similar(card)) == _reference_similar(REAL, card), card.slug
