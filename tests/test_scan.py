"""The knelpuntenscan: the statements on the knelpunt cards (schema, check, page) and /scan/, where
a municipality answers them and gets an answer page it can share, hand out and print."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE_CARDS, make_repo, problem_lines
from kennisbank.checking.validate import check_repository
from kennisbank.output.render import Renderer
from kennisbank.output.scan import SHOWN_PRACTICES, SHOWN_TIPS, scan_rows

A = "obstacles/a.yml"
KNELPUNT_A = (FIXTURE_CARDS / A).read_text(encoding="utf-8")
FIRST = '    bron: "Knelpunt A uit de test (beschrijving)"\n'
SECOND = '  - tekst: Een tweede herkenbare uitspraak bij knelpunt A.\n    bron: "Knelpunt A uit de test (citaat)"\n'


def variant(old: str, new: str) -> str:
    assert old in KNELPUNT_A, old
    return KNELPUNT_A.replace(old, new, 1)


ONE_LINE_HINT = (
    "haal de tekens * _ ` [ ] < > weg, en een # aan het begin; schrijf 'minder dan' of 'meer dan' in "
    "plaats van < of >"
)

# id, the card obstacles/a.yml as written, the lines `kennisbank check` prints for it
STATEMENT_CASES = [
    (
        "missing",
        variant(KNELPUNT_A[KNELPUNT_A.index("stellingen:") : KNELPUNT_A.index("bron:\n")], ""),
        [
            f"{A}:2:1: het verplichte veld 'stellingen' ontbreekt (Twee of drie uitspraken waarin een gemeente "
            "dit knelpunt herkent. Ze staan in de knelpuntenscan (/scan/) en op de pagina van het knelpunt. "
            "Schrijf ze in eenvoudig Nederlands, uit de beschrijving en de citaten van de bron. Verzin niets)"
        ],
    ),
    (
        "markdown",
        variant("Een eerste herkenbare", "Een **eerste** herkenbare"),
        [
            f"{A}:10:12: 'stellingen', item 1, 'tekst': dit veld is gewone tekst, zonder opmaak ({ONE_LINE_HINT})"
        ],
    ),
    (
        "html",
        variant("Een eerste herkenbare", "Een <b>eerste</b> herkenbare"),
        [
            f"{A}:10:12: 'stellingen', item 1, 'tekst': dit veld is gewone tekst, zonder opmaak ({ONE_LINE_HINT})"
        ],
    ),
    (
        "link",
        variant("Een eerste herkenbare", "Een [eerste](https://voorbeeld.nl) herkenbare"),
        [
            f"{A}:10:12: 'stellingen', item 1, 'tekst': dit veld is gewone tekst, zonder opmaak ({ONE_LINE_HINT})"
        ],
    ),
    (
        "two-lines",
        variant(
            "  - tekst: Een eerste herkenbare uitspraak bij knelpunt A.",
            "  - tekst: |\n      Een eerste herkenbare\n      uitspraak bij knelpunt A.",
        ),
        [
            f"{A}:10:12: 'stellingen', item 1, 'tekst': dit veld staat op één regel (zet de hele tekst op één "
            "regel, zonder regeleinde)"
        ],
    ),
    (
        "unsourced",
        variant(FIRST, ""),
        [
            f"{A}:10:5: het verplichte veld 'bron' ontbreekt in 'stellingen', item 1 (Het onderdeel van de bron "
            "waar de uitspraak op steunt: begin met een onderdeel dat bij 'Bron' van dit knelpunt staat, en zeg "
            "dan waar, bijvoorbeeld: Knelpunt A. Geen opdracht en onvoldoende prioriteit (tweede citaat))"
        ],
    ),
    (
        "empty-source",
        variant('"Knelpunt A uit de test (beschrijving)"', '""'),
        [
            f"{A}:11:11: 'stellingen', item 1, 'bron' is leeg (vul het in; een veld dat niet verplicht is, mag "
            "je ook weghalen)"
        ],
    ),
    (
        "source-not-of-this-card",
        variant('"Knelpunt A uit de test (beschrijving)"', '"Een gesprek met een wethouder"'),
        [
            f"{A}:11:11: 'stellingen', item 1, 'bron': 'Een gesprek met een wethouder' begint niet met een "
            "onderdeel uit 'bron' van dit knelpunt (begin met het onderdeel uit 'bron', bijvoorbeeld "
            "'Knelpunt A uit de test', en zeg dan waar precies)"
        ],
    ),
    (
        "card-source-without-part",
        variant("    onderdeel: Knelpunt A uit de test\n", ""),
        [
            f"{A}:{line}:11: 'stellingen', item {n}, 'bron': 'Knelpunt A uit de test ({where})' begint niet "
            "met een onderdeel uit 'bron' van dit knelpunt (vul bij 'bron' het 'onderdeel' in: de kop in het "
            "brondocument; begin de bron van de stelling daarmee)"
            for line, n, where in ((11, 1, "beschrijving"), (13, 2, "citaat"))
        ],
    ),
    (
        "only-one",
        variant(SECOND, ""),
        [f"{A}:10:3: 'stellingen' moet minstens 2 items hebben (noem er minstens 2)"],
    ),
    (
        "four",
        variant(
            "stellingen:\n",
            "stellingen:\n" + '  - tekst: Nog een uitspraak.\n    bron: "Knelpunt A uit de test"\n' * 2,
        ),
        [
            f"{A}:10:3: 'stellingen' heeft te veel items (4, hoogstens 3) (houd de 3 beste en haal de rest weg)"
        ],
    ),
]


@pytest.mark.parametrize(
    "text, expected", [c[1:] for c in STATEMENT_CASES], ids=[c[0] for c in STATEMENT_CASES]
)
def test_check_reports_a_missing_marked_up_or_unsourced_statement_with_its_place(tmp_path, text, expected):
    repo = make_repo(tmp_path / "repo")
    (repo / A).write_text(text, encoding="utf-8")
    assert problem_lines(repo) == expected


def test_kennisbank_check_fails_on_an_unsourced_statement(tmp_path, check):
    repo = make_repo(tmp_path / "repo")
    (repo / A).write_text(variant('"Knelpunt A uit de test (beschrijving)"', '"ergens"'), encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1
    assert f"{A}:11:11: 'stellingen', item 1, 'bron': 'ergens' begint niet" in result.stdout


def test_a_source_part_may_be_one_of_several_and_written_in_other_case(tmp_path):
    repo = make_repo(tmp_path / "repo")
    text = variant(
        "    onderdeel: Knelpunt A uit de test\n", "    onderdeel: Inleiding; Knelpunt A uit de test\n"
    )
    text = text.replace('"Knelpunt A uit de test (citaat)"', '"knelpunt  a uit de test, het citaat"')
    (repo / A).write_text(text, encoding="utf-8")
    assert problem_lines(repo) == []


def test_every_real_knelpunt_has_two_or_three_plain_statements_that_name_its_source(real_catalogue):
    assert len(real_catalogue.obstacles) == 6
    for obstacle in real_catalogue.obstacles:
        assert 2 <= len(obstacle.stellingen) <= 3, obstacle.path
        parts = [p.strip() for b in obstacle.bron for p in (b.onderdeel or "").split(";")]
        for statement in obstacle.stellingen:
            assert any(statement.bron.startswith(p) for p in parts if p), statement
            assert statement.tekst.endswith(".") and len(statement.tekst.split()) <= 22, statement.tekst


def test_scan_data_puts_the_matrix_cards_first_and_cuts_the_lists(real_catalogue):
    rows = {row.obstacle.code: row for row in scan_rows(real_catalogue)}
    assert list(rows) == list("ABCDEF")
    matrix = {row.obstacle.code: row for row in real_catalogue.matrix()}
    for code, row in rows.items():
        assert len(row.practices) <= SHOWN_PRACTICES and len(row.tips) <= SHOWN_TIPS
        in_cells = [p.slug for cell in matrix[code].cells for p in cell.practices]
        first = list(dict.fromkeys(in_cells))[:SHOWN_PRACTICES]
        assert [p.slug for p in row.practices[: len(first)]] == first
        assert {r.niveau for r in row.gemeente} <= {"gemeente"} and {r.niveau for r in row.rijk} <= {"rijk"}
    assert rows["C"].all_practices > SHOWN_PRACTICES  # so the link to the whole list is needed, and shown


def test_scan_page_has_a_group_per_knelpunt_with_three_labelled_answers_per_statement(tmp_path):
    repo = make_repo(tmp_path / "repo")
    result = check_repository(repo)
    assert result.catalogue is not None
    html = Renderer(repo, result.catalogue, "https://voorbeeld.nl/").scan_page()
    for obstacle in result.catalogue.obstacles:
        assert f"<legend><h2>Knelpunt {obstacle.code}: {obstacle.titel}</h2></legend>" in html
        for n, statement in enumerate(obstacle.stellingen, 1):
            assert f"<legend>{statement.tekst}</legend>" in html
            name = f"{obstacle.slug}{n}"
            for value, label in (("3", "Herkenbaar"), ("2", "Een beetje"), ("1", "Niet herkenbaar")):
                assert f'<input type="radio" name="{name}" value="{value}"> {label}</label>' in html
        assert f'<h2 id="uitkomst-{obstacle.slug}"><a href="../knelpunten/{obstacle.slug}/">' in html
    assert '<a href="../knelpunten/">knelpunt</a>' in html and '<a href="../matrix/">' in html  # noscript
    assert '<a href="../maatwerktraject/">' in html
    assert 'data-url="https://voorbeeld.nl/scan/"' in html


def test_knelpunt_page_shows_its_statements_and_links_to_the_scan(built_site: Path, real_catalogue):
    obstacle = real_catalogue.obstacles[0]
    html = (built_site / obstacle.url / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="herken-je-dit">Herken je dit?</h2>' in html
    for statement in obstacle.stellingen:
        assert statement.tekst.replace("'", "&#39;") in html
    assert '<a href="../../scan/">Doe de knelpuntenscan</a>' in html


def test_scan_is_linked_from_the_home_page_and_found_as_a_background_page(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="scan/">knelpuntenscan</a>' in home
    scan = (built_site / "scan" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="soort:achtergrond"' in scan
    assert scan.count("data-pagefind-ignore") >= 2  # questions and answers are not what a search finds
    assert '<meta name="referrer" content="no-referrer">' in scan
    assert "/scan/" in (Path(__file__).parents[1] / "published-urls.txt").read_text(encoding="utf-8").split()


def test_the_form_offers_two_or_three_statements_each_with_text_and_source(real_site):
    from kennisbank.checking.settings import Settings
    from kennisbank.output import cms

    result = real_site.result
    assert result.schemas is not None and result.vocab is not None
    config = cms.cms_config(result.schemas, result.vocab, Settings(), "https://voorbeeld.nl/")
    (knelpunten,) = [c for c in config["collections"] if c["name"] == "knelpunten"]
    field = next(f for f in knelpunten["fields"] if f["name"] == "stellingen")
    assert (field["widget"], field["min"], field["max"], field["required"]) == ("list", 2, 3, True)
    assert field["label_singular"] == "stelling"
    assert [(f["name"], f["widget"], f["required"]) for f in field["fields"]] == [
        ("tekst", "string", True),
        ("bron", "string", True),
    ]
