"""Generated pages: a golden practice page, derived reverse links, and relative links."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path

import pytest

from kennisbank.checking.validate import check_repository
from kennisbank.model.types import Kind
from kennisbank.output.render import Renderer
from kennisbank.output.urls import relative_url

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
        '<h1 data-pagefind-filter="kaart:praktijk/dalfsen-taalmeter">Taalmeter bij de sociale werkvoorziening</h1>',
        "Een pilot met de Taalmeter liet zien",
        '<dt>Waar</dt><dd><span data-pagefind-meta="plaats">Dalfsen</span> · Overijssel</dd>',
        "Bibliotheek Dalfsen",
        "<dd>2018</dd>",
        "<strong>27</strong>",
        "Geef de cijfers een gezicht",
        "Knelpunt A: Knelpunt A uit de test",
        "Aanbeveling voor gemeenten A: Zorg voor een formele opdracht",
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
        '<a href="../praktijken/dalfsen-taalmeter/">Taalmeter bij de sociale werkvoorziening</a> (Dalfsen · Overijssel)'
        in html
    )


@pytest.mark.parametrize(
    ("where", "shown"),
    [
        (
            {"plaats": "Alkmaar", "regio": "Kennemerwaard", "provincie": "noord-holland"},
            '<span data-pagefind-meta="plaats">Alkmaar · regio Kennemerwaard</span> · Noord-Holland',
        ),
        (
            {"plaats": None, "regio": "Twente", "provincie": "overijssel"},
            '<span data-pagefind-meta="plaats">regio Twente</span> · Overijssel',
        ),
        ({"plaats": None, "regio": None, "provincie": "landelijk"}, "<dd>Heel Nederland</dd>"),
    ],
    ids=["place-region-province", "region-only", "national"],
)
def test_practice_page_says_where_as_place_region_and_province(repo, catalogue, where, shown):
    card = dataclasses.replace(catalogue.get(Kind.PRAKTIJK, "dalfsen-taalmeter"), **where)
    assert shown in Renderer(repo, catalogue).card(card)


def test_lists_show_the_place_line_too(repo, catalogue):
    card = dataclasses.replace(
        catalogue.get(Kind.PRAKTIJK, "dalfsen-taalmeter"), plaats="Alkmaar", regio="Kennemerwaard"
    )
    renderer = Renderer(repo, catalogue)
    template = renderer.env.get_template("partials/kaart-regel.html")
    line = template.render(item=card, url=lambda u: u, page_url="")
    assert '<span class="kb-plaats">(Alkmaar · regio Kennemerwaard · Overijssel)</span>' in line


EDITOR_PAGES = (
    "velden",
    "redactie",
    "bijdragen",
    "open-data",
    "techniek",
)  # open-data documents kaarten.json; techniek is for maintainers


def _visible_text(page: str) -> str:
    page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_visitor_pages_never_say_kaart_which_also_means_map(built_site):
    said = {}
    for file in sorted(built_site.rglob("index.html")):
        where = file.relative_to(built_site).as_posix()
        if where.startswith(EDITOR_PAGES):
            continue
        # "in kaart brengen" (to map out) is fine; "kaart" for a page is not
        words = re.findall(r"(?<!\bin )\b[Kk]aart(?:en)?\b", _visible_text(file.read_text(encoding="utf-8")))
        if words:
            said[where] = words
    assert said == {}


@pytest.mark.parametrize(
    ("kind", "slug", "noun"),
    [
        (Kind.PRAKTIJK, "dalfsen-taalmeter", "dit praktijkvoorbeeld"),
        (Kind.TIP, "korte-tip", "deze tip"),
        (Kind.KNELPUNT, "c", "dit knelpunt"),
        (Kind.AANBEVELING, "gemeente-a-test", "deze aanbeveling"),
    ],
    ids=["praktijk", "tip", "knelpunt", "aanbeveling"],
)
def test_share_block_names_the_kind_of_page(repo, catalogue, kind, slug, noun):
    page = Renderer(repo, catalogue).card(catalogue.get(kind, slug))
    assert f"Zo verwijs je naar {noun}</h2>" in page
    assert f">{noun[0].upper()}{noun[1:]} staat op " in page


def test_a_recommendation_is_labelled_with_its_audience_everywhere(built_site):
    # 'Gemeente A' or 'Rijk A' next to 'Knelpunt A' reads as the same thing.
    for file in built_site.rglob("index.html"):
        text = _visible_text(file.read_text(encoding="utf-8"))
        assert not re.search(
            r"\b(Gemeenten?|Rijk|Rijksoverheid) [A-I]\b(?!\w)",
            text.replace("voor gemeenten", "").replace("voor de Rijksoverheid", ""),
        ), file
    page = (built_site / "aanbevelingen" / "index.html").read_text(encoding="utf-8")
    assert "Aanbeveling voor gemeenten A: " in page and "Aanbeveling voor de Rijksoverheid A: " in page
