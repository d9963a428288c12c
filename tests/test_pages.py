"""Generated pages: a golden practice page, derived reverse links, and relative links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kennisbank.model import Kind
from kennisbank.render import Renderer, relative_url
from kennisbank.validate import check_repository

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def catalogue(repo):
    result = check_repository(repo, today=dt.date(2026, 11, 25))
    assert result.ok, [str(p) for p in result.problems]
    return result.catalogue


@pytest.mark.parametrize(
    ("kind", "slug"),
    [
        (Kind.PRAKTIJK, "dalfsen-taalmeter"),
        (Kind.KNELPUNT, "c"),
        (Kind.TIP, "korte-tip"),
        (Kind.AANBEVELING, "gemeente-a-test"),
    ],
    ids=["praktijk", "knelpunt", "tip", "aanbeveling"],
)
def test_card_page_matches_golden_file(repo, catalogue, update_golden, kind, slug):
    html = Renderer(repo, catalogue).card(catalogue.get(kind, slug))
    golden = GOLDEN / f"{kind.schema}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), "ververs met: pytest --update-golden"


@pytest.mark.parametrize("kind", list(Kind), ids=[k.url_prefix for k in Kind])
def test_overview_page_matches_golden_file(repo, catalogue, update_golden, kind):
    html = Renderer(repo, catalogue).overview(kind)
    golden = GOLDEN / f"overzicht-{kind.url_prefix}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), "ververs met: pytest --update-golden"


def test_practice_page_shows_every_field(repo, catalogue):
    html = Renderer(repo, catalogue).card(catalogue.get(Kind.PRAKTIJK, "dalfsen-taalmeter"))
    for text in [
        "<h1>Taalmeter bij de sociale werkvoorziening</h1>",
        "Een pilot met de Taalmeter liet zien",
        '<span data-pagefind-meta="plaats">Dalfsen</span> (Overijssel)',
        "Bibliotheek Dalfsen",
        "<dd>2018</dd>",
        "<strong>27</strong>",
        "Geef de cijfers een gezicht",
        "Knelpunt A: Knelpunt A uit de test",
        "Gemeente A: Zorg voor een formele opdracht",
        "Bewustwording",
        "Inspiratiedocument Hoger bereik",
        "Sheet &#39;Maar geef ze ook een gezicht&#39;",
        '<time datetime="2026-11-25">25 november 2026</time>',
    ]:
        assert text in html, text


def test_knelpunt_page_lists_practices_tips_and_recommendations_that_point_to_it(repo, catalogue):
    renderer = Renderer(repo, catalogue)
    a = renderer.card(catalogue.get(Kind.KNELPUNT, "a"))
    c = renderer.card(catalogue.get(Kind.KNELPUNT, "c"))
    assert 'href="../../praktijken/dalfsen-taalmeter/"' in a
    assert 'href="../../aanbevelingen/gemeente-a-test/"' in a
    assert "De redactie koppelde deze aanbevelingen" in a
    assert 'href="../../tips/korte-tip/"' in c
    assert 'href="../../tips/korte-tip/"' not in a


def test_relation_written_on_one_side_shows_on_both(repo, catalogue):
    (repo / "tips" / "korte-tip.yml").write_text(
        (repo / "tips" / "korte-tip.yml").read_text().replace("praktijken: [dalfsen-taalmeter]\n", ""),
        encoding="utf-8",
    )
    fresh = check_repository(repo, today=dt.date(2026, 11, 25)).catalogue
    tip = fresh.get(Kind.TIP, "korte-tip")
    assert [c.slug for c in fresh.related(tip, Kind.PRAKTIJK)] == ["dalfsen-taalmeter"]


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("praktijken/x/", "knelpunten/a/", "../../knelpunten/a/"),
        ("praktijken/", "praktijken/x/", "x/"),
        ("", "tips/", "tips/"),
        ("tips/y/", "", "../../"),
        ("praktijken/", "praktijken/", "./"),
    ],
)
def test_links_between_pages_are_relative_so_the_site_works_in_a_subfolder(page, target, expected):
    assert relative_url(page, target) == expected


def test_matrix_puts_a_practice_under_the_recommendation_it_shares_with_the_knelpunt(catalogue):
    rows = {row.obstacle.code: row for row in catalogue.matrix()}
    assert [c.recommendation.slug for c in rows["A"].cells] == ["gemeente-a-test"]
    assert [p.slug for p in rows["A"].cells[0].practices] == ["dalfsen-taalmeter"]
    assert rows["A"].other_practices == ()
    assert rows["C"].cells == ()
    assert [p.slug for p in rows["C"].other_practices] == ["dalfsen-taalmeter"]
    assert [t.slug for t in rows["C"].other_tips] == ["korte-tip"]
    assert [row.obstacle.code for row in catalogue.matrix()] == list("ABCDEF")


def test_matrix_page_says_the_link_is_editorial_and_lists_every_knelpunt(repo, catalogue):
    html = Renderer(repo, catalogue, "https://voorbeeld.nl/").matrix()
    assert "is een keuze van de redactie" in html
    for code in "ABCDEF":
        assert f'id="knelpunt-{code.lower()}"' in html
    assert (
        '<a href="../praktijken/dalfsen-taalmeter/">Taalmeter bij de sociale werkvoorziening</a> (Dalfsen)'
        in html
    )
