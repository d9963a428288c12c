"""The map at /kaart/: every practice is located or the check says why, in Dutch with a
suggestion; the layout keeps markers apart and tappable; a new place appears after a build; the
map's data files are untrusted input like every other file."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import CHECK_DAY, REPO, build, problem_lines
from kennisbank.catalogue.catalogue import Catalogue
from kennisbank.catalogue.facets import FACETS, area_slug
from kennisbank.checking.geodata import Gazetteer, load_gazetteer, load_map
from kennisbank.checking.validate import check_repository
from kennisbank.output.mapview import RADIUS, map_view

P = "practices/dalfsen-taalmeter.yml"
PLAATS = next(f for f in FACETS if f.key == "plaats")
PROVINCIE = next(f for f in FACETS if f.key == "provincie")


def _edit(repo: Path, old: str, new: str, path: str = P) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def geo() -> tuple[Gazetteer, object]:
    provinces = {p.slug for p in check_repository(REPO, today=CHECK_DAY).vocab.provincies}  # type: ignore[union-attr]
    gazetteer, problems = load_gazetteer(REPO, provinces)
    data, map_problems = load_map(REPO, provinces)
    assert problems == map_problems == []
    return gazetteer, data


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "plaats: Dalfsen",
            "plaats: Dalfsn",
            f"{P}:4:9: onbekende plaats 'Dalfsn': die staat niet in de lijst van gemeenten (bedoel je 'Dalfsen'?)",
        ),
        (
            "plaats: Dalfsen",
            "plaats: Zwole",
            f"{P}:4:9: onbekende plaats 'Zwole': die staat niet in de lijst van gemeenten (bedoel je 'Zwolle'?)",
        ),
        (
            "plaats: Dalfsen",
            "plaats: Eindhoven",
            f"{P}:4:9: 'Eindhoven' ligt in Noord-Brabant, niet in Overijssel "
            "(kies provincie: noord-brabant, of kijk of de plaats klopt)",
        ),
        (
            "plaats: Dalfsen",
            "plaats: Xyzzyqwerty",
            f"{P}:4:9: onbekende plaats 'Xyzzyqwerty': die staat niet in de lijst van gemeenten "
            "(schrijf de gemeente, zoals in data/gemeenten.json; of zet de plaats met coördinaten en een "
            "bron in data/plaatsen.yml)",
        ),
        (
            "plaats: Dalfsen",
            "regio: Twnte",
            f"{P}:4:8: onbekende regio 'Twnte': die staat niet op de kaart (bedoel je 'Twente'?)",
        ),
        (
            "plaats: Dalfsen",
            "regio: Vechtdal",
            f"{P}:4:8: onbekende regio 'Vechtdal': die staat niet op de kaart "
            "(zet de regio met haar gemeenten en een bron in data/plaatsen.yml)",
        ),
    ],
    ids=[
        "typo",
        "typo-of-another-province",
        "wrong-province",
        "nothing-like-it",
        "region-typo",
        "new-region",
    ],
)
def test_a_place_the_map_cannot_locate_is_reported_in_dutch_with_a_suggestion(repo, old, new, expected):
    _edit(repo, old, new)
    assert problem_lines(repo) == [expected]


@pytest.mark.parametrize(
    ("plaats", "provincie"),
    [
        ("Ootmarsum", "overijssel"),
        ("Hengelo", "gelderland"),
        ("Hengelo", "overijssel"),
        ("dalfsen", "overijssel"),
    ],
    ids=["a-village", "same-name-other-province", "same-name-this-province", "lower-case"],
)
def test_a_village_or_a_name_in_two_provinces_is_found_in_the_cards_province(repo, plaats, provincie):
    _edit(repo, "plaats: Dalfsen\nprovincie: overijssel", f"plaats: {plaats}\nprovincie: {provincie}")
    assert problem_lines(repo) == []


def test_every_place_and_region_with_practices_is_on_the_map_with_the_filters_count(real_catalogue, geo):
    gazetteer, data = geo
    view = map_view(real_catalogue, gazetteer, data)
    counts = real_catalogue.facet_counts(PLAATS)
    assert {p.slug: p.count for p in view.places} == dict(counts)
    assert sorted(p.slug for m in view.markers for p in m.places) == sorted(counts)
    assert not [m for m in view.markers if m.shared], "de echte plaatsen passen elk op een eigen plek"
    assert sum(counts.values()) + view.national.count == len(real_catalogue.practices)
    provinces = real_catalogue.facet_counts(PROVINCIE)
    assert {p.slug: p.count for p in view.provinces if p.count} == {
        k: v for k, v in provinces.items() if k != "landelijk"
    }
    assert len(view.provinces) == 12
    assert view.national.count == provinces["landelijk"]
    twente = next(m for m in view.markers if m.first.slug == "twente")
    assert twente.regio and twente.first.area is not None
    assert twente.name == "regio Twente: 15 praktijkvoorbeelden" and twente.query == "?plaats=twente"


def _overlap(a, b) -> bool:
    return abs(a.x - b.x) < 2 * RADIUS and abs(a.y - b.y) < 2 * RADIUS


MUNICIPALITIES = sorted(
    (row[0], row[2])
    for row in json.loads((REPO / "data" / "gemeenten.json").read_text())["gemeenten"]
    if row[3]
)


@pytest.mark.slow  # builds a whole site
@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(MUNICIPALITIES), min_size=1, max_size=60, unique=True))
@example(
    [("Almelo", "overijssel"), ("Borne", "overijssel"), ("Hengelo", "overijssel"), ("Enschede", "overijssel")]
)
@example(MUNICIPALITIES)
def test_markers_never_cover_each_other_and_every_place_is_in_one(real_catalogue, geo, places):
    """Any set of places, up to all municipalities: no two markers overlap, every marker lies
    inside the map, every place is in exactly one marker, and a marker that close places share
    leads to the list of all of them, with their total."""
    gazetteer, data = geo
    template = real_catalogue.practices[0]
    practices = [
        dataclasses.replace(
            template, slug=f"p{i}", titel=f"P {i}", plaats=name, regio=None, provincie=province
        )
        for i, (name, province) in enumerate(places)
    ]
    catalogue = Catalogue.build(practices, real_catalogue.vocab)
    view = map_view(catalogue, gazetteer, data)
    # One place per value of the place filter: Bergen (Noord-Holland) and Bergen (Limburg) share
    # the value 'bergen', so they are one place on the map too, with the count of the filter.
    assert sorted(p.slug for m in view.markers for p in m.places) == sorted({area_slug(n) for n, _ in places})
    for i, a in enumerate(view.markers):
        assert RADIUS <= a.x <= view.width - RADIUS and RADIUS <= a.y <= view.height - RADIUS, a.name
        assert a.count == sum(p.count for p in a.places)
        assert a.query == "?" + "&".join(f"plaats={p.slug}" for p in a.places)
        for b in view.markers[i + 1 :]:
            assert not _overlap(a, b), (a.name, b.name)
    if len(places) <= 12:
        assert not [m for m in view.markers if m.shared], "een paar plaatsen krijgen elk een eigen plek"


def test_a_marker_is_at_least_24_px_on_a_360_px_phone(geo):
    _gazetteer, data = geo
    # The map fills the content column: 360 px minus Material's margins (0.8 rem each side).
    width_px = 360 - 2 * 16
    assert 2 * RADIUS * width_px / data.projection.width >= 24


@pytest.mark.slow  # builds a whole site
def test_a_new_practice_in_a_new_place_appears_on_the_map_after_a_build(repo, tmp_path):
    text = (repo / P).read_text(encoding="utf-8")
    text = text.replace("titel: Taalmeter bij de sociale werkvoorziening", "titel: Taalcafé in Zwolle")
    text = text.replace("plaats: Dalfsen", "plaats: Zwolle")
    (repo / "practices" / "zwolle-taalcafe.yml").write_text(text, encoding="utf-8")
    result = build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "kaart" / "index.html").read_text(encoding="utf-8")
    marker = re.search(
        r'<a class="kb-landkaart__plek" href="([^"]+)" aria-label="Zwolle: 1 praktijkvoorbeeld">', page
    )
    assert marker, "Zwolle staat niet op de kaart"
    assert marker.group(1) == "../praktijken/?plaats=zwolle"
    assert 'aria-label="Overijssel: 2 praktijkvoorbeelden"' in page
    assert '<a href="../praktijken/zwolle-taalcafe/">Taalcafé in Zwolle</a>' in page


@pytest.mark.slow  # builds a whole site
def test_the_map_grows_with_places_not_with_practices(real_catalogue, geo):
    """Ten times the practices in the same places: the drawing differs only in the numbers."""
    gazetteer, data = geo
    more = [
        dataclasses.replace(p, slug=f"{p.slug}-{i}", titel=f"{p.titel} {i}")
        for p in real_catalogue.practices
        for i in range(10)
    ]
    big = map_view(Catalogue.build(more, real_catalogue.vocab), gazetteer, data)
    small = map_view(real_catalogue, gazetteer, data)
    assert [(m.query, m.x, m.y, m.label) for m in big.markers] == [
        (m.query, m.x, m.y, m.label) for m in small.markers
    ]
    assert all(len(p.practices) <= 5 for p in big.places)  # the list below the map names five


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        (
            "data/gemeenten.json",
            '{"gemeenten": [["Dalfsen", "0148", "overijssel", 52.5, 6.2]',
            "data/gemeenten.json:1:",
        ),
        (
            "data/kaart.json",
            None,  # a province outline that is not only moves and numbers
            "data/kaart.json:1:1: dit bestand is onleesbaar (overijssel) "
            "(maak het bestand opnieuw met 'make kaartdata' (tools/kaartdata.py))",
        ),
        (
            "data/plaatsen.yml",
            "regios:\n  Twente:\n    provincie: overijssel\n    gemeenten: [Enschede]\n",
            "data/plaatsen.yml:2:3: regio 'Twente' heeft geen bron (schrijf waar je de gemeenten van de regio vond)",
        ),
    ],
    ids=["broken-json", "script-in-an-outline", "region-without-source"],
)
def test_a_broken_map_data_file_is_reported_and_stops_the_build(repo, file, text, expected):
    if text is None:
        data = json.loads((repo / file).read_text(encoding="utf-8"))
        data["provincies"]["overijssel"]["pad"] = 'M0 0"/><script>alert(1)</script>'
        text = json.dumps(data)
    (repo / file).write_text(text, encoding="utf-8")
    result = check_repository(repo, today=CHECK_DAY)
    assert result.catalogue is None
    assert any(str(p).startswith(expected) for p in result.problems), [str(p) for p in result.problems]


def test_kennisbank_check_names_the_place_it_cannot_locate_and_fails(repo, check):
    _edit(repo, "plaats: Dalfsen", "plaats: Dalfzen")
    result = check(repo, P)
    assert result.returncode == 1
    assert (
        f"{P}:4:9: onbekende plaats 'Dalfzen': die staat niet in de lijst van gemeenten (bedoel je 'Dalfsen'?)"
        in result.stdout.splitlines()
    )
