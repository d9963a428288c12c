"""Every kind of bad card gets one exact Dutch line ``path:line:col: message (hint)``, exit 1,
and never a traceback. The table is the contract editors rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHECK_DAY, FIXTURE_CARDS, make_repo, problem_lines
from kennisbank.checking.validate import check_repository

P = "practices/dalfsen-taalmeter.yml"
PRACTICE = (FIXTURE_CARDS / P).read_text(encoding="utf-8")
GOLDEN = Path(__file__).parent / "golden" / "invalid-cards.txt"


def variant(old: str, new: str) -> str:
    assert old in PRACTICE, old
    return PRACTICE.replace(old, new, 1)


# id, files to write (path -> text, bytes, or None to delete), expected lines
CASES = [
    (
        "yaml-syntax-colon-in-value",
        {P: variant("titel: Taalmeter bij", "titel: Taalmeter: bij")},
        [
            f"{P}:2:17: onverwachte dubbele punt (zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing)"
        ],
    ),
    (
        "yaml-tab-indentation",
        {P: variant("  - naam: Bibliotheek Dalfsen", "\t- naam: Bibliotheek Dalfsen")},
        [f"{P}:7:1: er staat een tab in de inspringing (gebruik spaties, geen tabs)"],
    ),
    (
        "missing-required-field",
        {P: variant("plaats: Dalfsen\n", "")},
        [
            f"{P}:2:1: het verplichte veld 'plaats' ontbreekt (De gemeente, bijvoorbeeld Dalfsen. Gaat het over een hele regio of over heel Nederland? Dan mag dit veld weg: vul dan 'regio' in, of kies provincie 'landelijk')"
        ],
    ),
    (
        "unknown-field-with-did-you-mean",
        {P: variant("samenvatting:", "samenvating:")},
        [
            f"{P}:2:1: het verplichte veld 'samenvatting' ontbreekt (Eén of twee korte zinnen (hoogstens 300 tekens). Deze tekst staat ook in de voorvertoning als iemand de link deelt)",
            f"{P}:3:1: onbekend veld 'samenvating' (bedoel je 'samenvatting'?)",
        ],
    ),
    (
        "unknown-nested-field",
        {P: variant("    type: bibliotheek", "    soort: bibliotheek")},
        [
            f"{P}:7:5: het verplichte veld 'type' ontbreekt in 'organisaties', item 1 (Soort uit de vaste lijst)",
            f"{P}:8:5: onbekend veld 'soort' (toegestane velden: naam, type)",
        ],
    ),
    (
        # a field inside a shared part (onderdelen.schema.json) once gave "interne fout"
        "missing-required-field-inside-source",
        {P: variant("    uitgever: Bibliotheeknetwerk\n", "")},
        [f"{P}:17:5: het verplichte veld 'uitgever' ontbreekt in 'bron', item 1 (Wie het document uitgaf)"],
    ),
    (
        "year-as-quoted-text",
        {P: variant("jaar: 2018", 'jaar: "2018"')},
        [
            f"{P}:9:7: 'jaar' moet een heel getal zijn, maar is tekst (schrijf het getal zonder aanhalingstekens, bijvoorbeeld 2018)"
        ],
    ),
    (
        "year-not-four-digits",
        {P: variant("jaar: 2018", "jaar: 18")},
        [
            f"{P}:9:7: 'jaar' moet een jaartal zijn van 1950 tot en met 2100, maar is 18 (schrijf het jaar met vier cijfers, bijvoorbeeld 2018)"
        ],
    ),
    (
        "empty-value",
        {P: variant("plaats: Dalfsen", "plaats:")},
        [
            f"{P}:4:8: 'plaats' moet tekst zijn, maar is leeg (het veld is leeg: vul het in; een veld dat niet verplicht is, mag je ook weghalen)"
        ],
    ),
    (
        "blank-title",
        {P: variant("titel: Taalmeter bij de sociale werkvoorziening", 'titel: "   "')},
        [f"{P}:2:8: 'titel' is leeg (vul het in; een veld dat niet verplicht is, mag je ook weghalen)"],
    ),
    (
        "text-that-yaml-reads-as-yes-no",
        {P: variant("plaats: Dalfsen", "plaats: no")},
        [f"{P}:4:9: 'plaats' moet tekst zijn, maar is ja/nee (zet de tekst tussen aanhalingstekens)"],
    ),
    (
        "list-written-as-text",
        {P: variant("themas: [bewustwording, signaleren]", "themas: bewustwording")},
        [
            f"{P}:15:9: 'themas' moet een lijst zijn, maar is tekst (zet elk item op een eigen regel, beginnend met '- ')"
        ],
    ),
    (
        "summary-too-long",
        {P: variant("samenvatting: Een pilot", "samenvatting: " + "Heel lang. " * 30 + "Een pilot")},
        [
            f"{P}:3:15: 'samenvatting' is te lang (411 tekens, hoogstens 300) (maak het korter: één of twee korte zinnen)"
        ],
    ),
    (
        "duplicate-key",
        {P: variant("plaats: Dalfsen\n", "plaats: Dalfsen\nplaats: Zwolle\n")},
        [f"{P}:5:1: het veld 'plaats' staat er twee keer (het eerste staat op regel 4; houd er één over)"],
    ),
    (
        "unknown-knelpunt-code",
        {P: variant("knelpunten: [A, C]", "knelpunten: [A, G]")},
        [f"{P}:13:17: onbekend knelpunt 'G' (kies uit A–F)"],
    ),
    (
        "lowercase-knelpunt-code",
        {P: variant("knelpunten: [A, C]", "knelpunten: [A, c]")},
        [f"{P}:13:17: onbekend knelpunt 'c' (bedoel je 'C'?)"],
    ),
    (
        "duplicate-in-list",
        {P: variant("knelpunten: [A, C]", "knelpunten: [A, A]")},
        [f"{P}:13:17: 'knelpunten' noemt 'A' twee keer (haal de dubbele weg)"],
    ),
    (
        "knelpunt-card-missing",
        {P: PRACTICE, "obstacles/c.yml": None},
        [
            f"{P}:13:17: onbekend knelpunt 'C' (er is geen obstacles/c.yml; kies uit: A, B, D, E, F)",
            "tips/korte-tip.yml:7:14: onbekend knelpunt 'C' (er is geen obstacles/c.yml; kies uit: A, B, D, E, F)",
        ],
    ),
    (
        "unknown-tip-with-did-you-mean",
        {P: variant("tips: [korte-tip]", "tips: [korte-tp]")},
        [f"{P}:12:8: onbekende tip 'korte-tp' (bedoel je 'korte-tip'?)"],
    ),
    (
        "unknown-recommendation",
        {P: variant("aanbevelingen: [gemeente-a-test]", "aanbevelingen: [rijk-z]")},
        [
            f"{P}:14:17: onbekende aanbeveling 'rijk-z' (gebruik de bestandsnaam (zonder .yml) van een kaart in recommendations/)"
        ],
    ),
    (
        "unknown-practice-in-tip",
        {
            "tips/korte-tip.yml": (FIXTURE_CARDS / "tips/korte-tip.yml")
            .read_text()
            .replace("[dalfsen-taalmeter]", "[dalfsen-taalmetr]")
        },
        [
            "tips/korte-tip.yml:6:14: onbekend praktijkvoorbeeld 'dalfsen-taalmetr' (bedoel je 'dalfsen-taalmeter'?)"
        ],
    ),
    (
        "unknown-theme-typo",
        {P: variant("themas: [bewustwording, signaleren]", "themas: [bewustwording, signaleeren]")},
        [f"{P}:15:25: onbekend thema 'signaleeren' (bedoel je 'signaleren'?)"],
    ),
    (
        "unknown-theme-synonym",
        {P: variant("themas: [bewustwording, signaleren]", "themas: [geld]")},
        [f"{P}:15:10: onbekend thema 'geld' (bedoel je 'financiering'?)"],
    ),
    (
        "unknown-organisation-type",
        {P: variant("type: bibliotheek", "type: bieb")},
        [f"{P}:8:11: onbekende soort organisatie 'bieb' (bedoel je 'bibliotheek'?)"],
    ),
    (
        "unknown-province-casing",
        {P: variant("provincie: overijssel", "provincie: Overijssel")},
        [f"{P}:5:12: onbekende provincie 'Overijssel' (bedoel je 'overijssel'?)"],
    ),
    (
        "impossible-date",
        {P: variant("gecontroleerd: 2026-11-25", "gecontroleerd: 2026-02-30")},
        [
            f"{P}:22:16: 'gecontroleerd': '2026-02-30' is geen bestaande datum (schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-25)"
        ],
    ),
    (
        "date-in-dutch-order",
        {P: variant("gecontroleerd: 2026-11-25", "gecontroleerd: 25-11-2026")},
        [
            f"{P}:22:16: 'gecontroleerd': '25-11-2026' is geen datum in de vorm JJJJ-MM-DD (schrijf bijvoorbeeld 2026-11-25)"
        ],
    ),
    (
        "date-in-future",
        {P: variant("gecontroleerd: 2026-11-25", "gecontroleerd: 2999-01-01")},
        [
            f"{P}:22:16: 'gecontroleerd' ligt in de toekomst (2999-01-01) (vul de datum in waarop je de kaart echt controleerde)"
        ],
    ),
    (
        "javascript-source-url",
        {
            P: variant(
                "url: https://www.bibliotheeknetwerk.nl",
                "url: javascript:alert(1)//www.bibliotheeknetwerk.nl",
            )
        },
        [
            f"{P}:21:10: 'bron', item 1, 'url' heeft niet de goede vorm: 'javascript:alert(1)//www.bibliotheeknetwerk.nl/basisvaardigheden-volwassenen/hoger-bereik' (een link begint met https:// en heeft geen spaties)"
        ],
    ),
    (
        "python-tag-is-refused-not-run",
        {
            P: variant(
                "titel: Taalmeter bij de sociale werkvoorziening",
                'titel: !!python/object/apply:os.system ["touch PWNED"]',
            )
        },
        [
            f"{P}:2:8: onbekende YAML-tag '!!python/object/apply:os.system' (haal de tag met ! weg; een kaart bevat alleen tekst, getallen, lijsten en velden)"
        ],
    ),
    (
        "yaml-anchor-and-alias",
        {P: variant("plaats: Dalfsen", "plaats: &p Dalfsen\nplaatsnaam: *p")},
        [f"{P}:5:13: verwijzingen met & en * worden niet ondersteund (schrijf de waarde uit)"],
    ),
    (
        "empty-file",
        {P: ""},
        [f"{P}:1:1: het bestand is leeg (vul de velden in; begin met een sjabloon via 'kennisbank nieuw')"],
    ),
    (
        "only-a-comment",
        {P: "# yaml-language-server: $schema=../schema/praktijk.schema.json\n"},
        [f"{P}:1:1: het bestand is leeg (vul de velden in; begin met een sjabloon via 'kennisbank nieuw')"],
    ),
    (
        "list-at-root",
        {P: "- titel: Taalmeter\n- plaats: Dalfsen\n"},
        [
            f"{P}:1:1: een kaart moet bestaan uit velden ('veld: waarde'), maar dit bestand is een lijst (begin elke regel met een veldnaam, zoals 'titel: ...')"
        ],
    ),
    (
        "scalar-at-root",
        {P: "Taalmeter in Dalfsen\n"},
        [
            f"{P}:1:1: een kaart moet bestaan uit velden ('veld: waarde'), maar dit bestand is losse tekst (begin elke regel met een veldnaam, zoals 'titel: ...')"
        ],
    ),
    (
        "not-utf8",
        {P: variant("plaats: Dalfsen", "plaats: Dalfs\udce9n").encode("utf-8", "surrogateescape")},
        [
            f"{P}:4:14: het bestand is geen geldige UTF-8: onbekend teken (byte 0xe9) (sla het bestand op als UTF-8; typ het teken op deze plek opnieuw)"
        ],
    ),
    (
        "control-character",
        {P: variant("plaats: Dalfsen", "plaats: Dal\x07fsen")},
        [
            f"{P}:4:12: dit teken mag niet in een kaart staan: een stuurteken (U+0007) (haal het weg; schrijf geen tekens als \\0, \\a, \\e of \\x01)"
        ],
    ),
    (
        "file-name-not-a-slug",
        {
            P: None,
            "practices/Dalfsen Taalmeter.yml": PRACTICE,
            "tips/korte-tip.yml": (FIXTURE_CARDS / "tips/korte-tip.yml")
            .read_text()
            .replace("[dalfsen-taalmeter]", "[]"),
        },
        [
            "practices/Dalfsen Taalmeter.yml:1:1: de bestandsnaam 'Dalfsen Taalmeter.yml' is geen geldige naam voor een kaart (gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'dalfsen-taalmeter.yml')"
        ],
    ),
    (
        "yaml-extension-and-duplicate-slug",
        {"practices/dalfsen-taalmeter.yaml": PRACTICE},
        [
            "practices/dalfsen-taalmeter.yaml:1:1: de bestandsnaam 'dalfsen-taalmeter.yaml' eindigt niet op .yml (gebruik de extensie .yml (kleine letters))",
            "practices/dalfsen-taalmeter.yml:1:1: de naam 'dalfsen-taalmeter' wordt al gebruikt door practices/dalfsen-taalmeter.yaml (elke kaart heeft een eigen bestandsnaam; kies een andere naam)",
        ],
    ),
    (
        "stray-non-card-file",
        {"practices/notities.txt": "losse aantekeningen"},
        [
            "practices/notities.txt:1:1: 'notities.txt' is geen kaart: een kaart is een .yml-bestand (haal het bestand weg of geef het de extensie .yml)"
        ],
    ),
    (
        "obstacle-file-name-and-code",
        {"obstacles/g.yml": (FIXTURE_CARDS / "obstacles/a.yml").read_text()},
        [
            "obstacles/g.yml:1:1: een knelpunt heet a.yml tot en met f.yml, niet 'g.yml' (noem het bestand naar de code van het knelpunt)"
        ],
    ),
    (
        "obstacle-code-mismatch",
        {"obstacles/b.yml": (FIXTURE_CARDS / "obstacles/a.yml").read_text()},
        [
            "obstacles/b.yml:2:7: code 'A' past niet bij de bestandsnaam 'b.yml' (gebruik code 'B' of hernoem het bestand)"
        ],
    ),
    (
        "duplicate-recommendation-code",
        {
            "recommendations/gemeente-a-kopie.yml": (FIXTURE_CARDS / "recommendations/gemeente-a-test.yml")
            .read_text()
            .replace("titel: Zorg voor een formele opdracht", "titel: Zorg voor een tweede opdracht")
        },
        [
            "recommendations/gemeente-a-test.yml:2:7: er is al een aanbeveling A voor 'gemeente': recommendations/gemeente-a-kopie.yml (elke code komt per niveau één keer voor)"
        ],
    ),
    (
        "empty-knelpunten-list",
        {P: variant("knelpunten: [A, C]", "knelpunten: []")},
        [f"{P}:13:13: 'knelpunten' mag niet leeg zijn (noem er minstens één; kies uit A–F)"],
    ),
    (
        "empty-knelpunten-list-in-tip",
        {
            "tips/korte-tip.yml": (FIXTURE_CARDS / "tips/korte-tip.yml")
            .read_text()
            .replace("knelpunten: [C]", "knelpunten: []")
        },
        ["tips/korte-tip.yml:7:13: 'knelpunten' mag niet leeg zijn (noem er minstens één; kies uit A–F)"],
    ),
    (
        "title-with-bold-markup",
        {
            P: variant(
                "titel: Taalmeter bij de sociale werkvoorziening",
                'titel: "**Taalmeter** bij de sociale werkvoorziening"',
            )
        },
        [
            f"{P}:2:8: 'titel': een titel is gewone tekst, zonder opmaak (haal de tekens * _ ` [ ] < > weg, en een # aan het begin)"
        ],
    ),
    (
        "title-as-markdown-heading",
        {
            P: variant(
                "titel: Taalmeter bij de sociale werkvoorziening",
                'titel: "# Taalmeter bij de sociale werkvoorziening"',
            )
        },
        [
            f"{P}:2:8: 'titel': een titel is gewone tekst, zonder opmaak (haal de tekens * _ ` [ ] < > weg, en een # aan het begin)"
        ],
    ),
    (
        "title-with-html-tag",
        {P: variant("titel: Taalmeter bij", "titel: Taalmeter <b>bij</b>")},
        [
            f"{P}:2:8: 'titel': een titel is gewone tekst, zonder opmaak (haal de tekens * _ ` [ ] < > weg, en een # aan het begin)"
        ],
    ),
    (
        "title-that-would-close-the-title-element",
        {
            P: variant(
                "titel: Taalmeter bij de sociale werkvoorziening", "titel: Taal </title><script>x</script>"
            )
        },
        [
            f"{P}:2:8: 'titel': een titel is gewone tekst, zonder opmaak (haal de tekens * _ ` [ ] < > weg, en een # aan het begin)"
        ],
    ),
    (
        "title-without-letters-or-digits",
        {P: variant("titel: Taalmeter bij de sociale werkvoorziening", 'titel: "  . "')},
        [f"{P}:2:8: 'titel': een titel heeft minstens één letter of cijfer (schrijf de titel in woorden)"],
    ),
    (
        "title-on-two-lines",
        {
            P: variant(
                "titel: Taalmeter bij de sociale werkvoorziening",
                'titel: "Taalmeter bij\\nde sociale werkvoorziening"',
            )
        },
        [
            f"{P}:2:8: 'titel': een titel staat op één regel (zet de hele titel op één regel, zonder regeleinde)"
        ],
    ),
    (
        "title-as-block-with-a-line-break-at-the-end",
        {
            P: variant(
                "titel: Taalmeter bij de sociale werkvoorziening",
                "titel: |\n  Taalmeter bij de sociale werkvoorziening",
            )
        },
        [
            f"{P}:2:8: 'titel': een titel staat op één regel (zet de hele titel op één regel, zonder regeleinde)"
        ],
    ),
    (
        "place-on-two-lines",
        {P: variant("plaats: Dalfsen", 'plaats: "Dalfsen\\nOverijssel"')},
        [
            f"{P}:4:9: 'plaats': dit veld staat op één regel (zet de hele tekst op één regel, zonder regeleinde)"
        ],
    ),
    (
        "organisation-name-with-markup",
        {P: variant("naam: Bibliotheek Dalfsen", "naam: _Bibliotheek_ Dalfsen")},
        [
            f"{P}:7:11: 'organisaties', item 1, 'naam': dit veld is gewone tekst, zonder opmaak (haal de tekens * _ ` [ ] < > weg, en een # aan het begin; schrijf 'minder dan' of 'meer dan' in plaats van < of >)"
        ],
    ),
    (
        "year-with-decimal-point",
        {P: variant("jaar: 2018", "jaar: 2018.0")},
        [
            f"{P}:9:7: 'jaar' moet een heel getal zijn, maar is een getal (schrijf het jaar zonder punt of komma, bijvoorbeeld 2018)"
        ],
    ),
    (
        "source-year-with-decimal-point",
        {P: variant("    jaar: 2018", "    jaar: 2018.0")},
        [
            f"{P}:19:11: 'bron', item 1, 'jaar' moet een heel getal zijn, maar is een getal (schrijf het jaar zonder punt of komma, bijvoorbeeld 2018)"
        ],
    ),
    (
        "year-after-the-last-allowed",
        {P: variant("jaar: 2018", "jaar: 2101")},
        [
            f"{P}:9:7: 'jaar' moet een jaartal zijn van 1950 tot en met 2100, maar is 2101 (schrijf het jaar met vier cijfers, bijvoorbeeld 2018)"
        ],
    ),
    (
        "source-url-without-https",
        {P: variant("url: https://www.bibliotheeknetwerk.nl", "url: http://www.bibliotheeknetwerk.nl")},
        [
            f"{P}:21:10: 'bron', item 1, 'url' heeft niet de goede vorm: 'http://www.bibliotheeknetwerk.nl/basisvaardigheden-volwassenen/hoger-bereik' (een link begint met https:// en heeft geen spaties)"
        ],
    ),
    (
        "recommendation-code-with-a-line-break",
        {
            "recommendations/gemeente-a-test.yml": (FIXTURE_CARDS / "recommendations/gemeente-a-test.yml")
            .read_text()
            .replace("code: A", 'code: "A\\n"')
        },
        [
            "recommendations/gemeente-a-test.yml:2:7: 'code' heeft niet de goede vorm: 'A\\n' (Letter van de aanbeveling zoals in de bron (A, B, C, ...))"
        ],
    ),
    (
        "unknown-level",
        {
            "recommendations/gemeente-a-test.yml": (FIXTURE_CARDS / "recommendations/gemeente-a-test.yml")
            .read_text()
            .replace("niveau: gemeente", "niveau: provincie")
        },
        ["recommendations/gemeente-a-test.yml:3:9: onbekend niveau 'provincie' (kies uit: gemeente, rijk)"],
    ),
]


def _write(root: Path, files: dict[str, str | bytes | None]) -> None:
    for rel, content in files.items():
        target = root / rel
        if content is None:
            target.unlink()
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


# Rows where the checker says more than it should today: the test fails once it is fixed (strict).
KNOWN_WRONG: dict[str, str] = {}  # row id -> why its expected lines are not what the check says yet


def _rows():
    for case_id, files, expected in CASES:
        wrong = KNOWN_WRONG.get(case_id)
        marks = [pytest.mark.xfail(strict=True, reason=wrong)] if wrong else []
        yield pytest.param(case_id, files, expected, id=case_id, marks=marks)


# (parser, row id) -> the lines the table test got; the golden test reuses them, not re-checks.
_LINES: dict[tuple[str, str], list[str]] = {}


@pytest.mark.parametrize(("case_id", "files", "expected"), list(_rows()))
def test_bad_card_is_reported_in_dutch_with_position_and_hint(repo, yaml_parser, case_id, files, expected):
    _write(repo, files)
    _LINES[yaml_parser, case_id] = problem_lines(repo)
    assert _LINES[yaml_parser, case_id] == expected


@pytest.mark.slow
def test_messages_of_the_whole_table_match_the_golden_file(tmp_path, yaml_parser, update_golden):
    """All messages of the table in one file, so a change in wording shows as one reviewable diff."""
    blocks = []
    for case_id, files, _expected in CASES:
        if (yaml_parser, case_id) not in _LINES:  # this test run on its own
            root = make_repo(tmp_path / case_id)
            _write(root, files)
            _LINES[yaml_parser, case_id] = problem_lines(root)
        blocks.append("\n".join([f"## {case_id}", *_LINES[yaml_parser, case_id]]) + "\n")
    text = "\n".join(blocks)
    if update_golden:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "ververs met: pytest --update-golden"


def test_check_command_prints_the_problems_and_a_count_and_exits_1(repo, check):
    """The real ``kennisbank check`` as an editor runs it; the table above checks the messages."""
    _write(
        repo,
        {
            P: variant("themas: [bewustwording, signaleren]", "themas: [geld]").replace(
                "jaar: 2018", "jaar: 18", 1
            )
        },
    )
    result = check(repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [*problem_lines(repo), "2 fouten gevonden."]
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""


def test_python_tag_in_a_card_is_never_executed(repo, yaml_parser):
    _write(
        repo,
        {
            P: variant(
                "titel: Taalmeter bij",
                f'titel: !!python/object/apply:os.system ["touch {repo}/PWNED"]\nx: ',
            )
        },
    )
    assert problem_lines(repo)
    assert not (repo / "PWNED").exists()


def test_all_problems_in_all_files_are_reported_at_once_sorted(repo):
    _write(
        repo,
        {
            P: variant("themas: [bewustwording, signaleren]", "themas: [geld]").replace(
                "jaar: 2018", "jaar: 18", 1
            ),
            "tips/korte-tip.yml": (FIXTURE_CARDS / "tips/korte-tip.yml")
            .read_text()
            .replace("titel:", "tittel:"),
        },
    )
    lines = problem_lines(repo)
    assert lines == sorted(lines, key=lambda ln: (ln.split(":")[0], int(ln.split(":")[1])))
    assert [ln.split(":")[0] for ln in lines] == [
        P,
        P,
        "tips/korte-tip.yml",
        "tips/korte-tip.yml",
    ]


def test_utf8_byte_order_mark_is_accepted(repo, yaml_parser):
    _write(repo, {P: b"\xef\xbb\xbf" + PRACTICE.encode()})
    result = check_repository(repo, today=CHECK_DAY)
    assert [str(p) for p in result.problems] == []
    assert result.checked_files == 9


def test_fast_yaml_parser_gives_the_same_values_and_positions_as_the_careful_one(monkeypatch):
    """libyaml composes valid cards; it must not change a value or a line:col an editor sees."""
    from kennisbank.reading import load

    assert load._CLoader is not None, "PyYAML without libyaml: the build is several times slower"
    repo_root = Path(__file__).resolve().parents[1]
    cards = sorted(
        p
        for folder in ("practices", "tips", "obstacles", "recommendations")
        for p in (repo_root / folder).glob("*.yml")
    )
    assert cards
    for card in cards:
        text = card.read_text(encoding="utf-8")
        fast = load.Document(card.name)
        load.parse_text(fast, text)
        with monkeypatch.context() as m:
            m.setattr(load, "_CLoader", None)
            careful = load.Document(card.name)
            load.parse_text(careful, text)
        assert (fast.data, fast.values, fast.keys, fast.problems) == (
            careful.data,
            careful.values,
            careful.keys,
            careful.problems,
        ), card.name


def test_alias_is_reported_where_it_is_used_also_on_the_fast_path():
    from kennisbank.reading import load

    doc = load.Document("kaart.yml")
    load.parse_text(doc, "titel: &t Een titel\nsamenvatting: *t\n")
    assert [str(p) for p in doc.problems] == [
        "kaart.yml:2:15: verwijzingen met & en * worden niet ondersteund (schrijf de waarde uit)"
    ]


@pytest.mark.slow
def test_schema_with_references_inlined_finds_exactly_the_same_errors_as_with_references():
    """The validators use the schemas with every $ref filled in (twice as fast); broken variants
    of every real card must give the very same errors as validating with the $refs."""
    import copy

    import yaml
    from jsonschema import FormatChecker

    from kennisbank.checking.schemas import CardValidator, load_schemas
    from kennisbank.checking.vocabulary import load_vocabulary
    from kennisbank.model.types import Kind

    repo_root = Path(__file__).resolve().parents[1]
    vocab, _ = load_vocabulary(repo_root)
    schemas = load_schemas(repo_root, vocab)
    folders = {"practices": Kind.PRAKTIJK, "tips": Kind.TIP, "obstacles": Kind.KNELPUNT}
    folders["recommendations"] = Kind.AANBEVELING
    bad_values = [None, 7, 2018.0, "", [], {"x": 1}, ["onbekend"], [{"x": 1}], "x" * 2000, "2026-13-01"]
    bad_values += ["**vet**", "twee\nregels", "  . "]

    def errors(validator, data):
        found = validator.iter_errors(data)
        return sorted((list(map(str, e.absolute_path)), e.validator, e.message) for e in found)

    compared = 0
    for folder, kind in folders.items():
        with_refs = CardValidator(
            schemas.documents[kind.schema],
            registry=schemas.registry,
            format_checker=FormatChecker(formats=["date"]),
        )
        for card in sorted((repo_root / folder).glob("*.yml"))[:6]:
            data = yaml.safe_load(card.read_text(encoding="utf-8"))
            variants = [data]
            for key, value in data.items():
                variants.append({k: v for k, v in data.items() if k != key})
                for bad in bad_values:
                    variants.append({**data, key: bad})
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    for field in value[0]:
                        broken = copy.deepcopy(data)
                        del broken[key][0][field]
                        variants.append(broken)
            for variant in variants:
                assert errors(schemas.validators[kind], variant) == errors(with_refs, variant), card.name
                compared += 1
    assert compared > 500


@pytest.mark.parametrize(
    "where",
    [
        "plaats: Dalfsen\nregio: Twente\nprovincie: overijssel\n",
        "regio: Twente\nprovincie: overijssel\n",
        "provincie: landelijk\n",
    ],
    ids=["place-and-region", "region-only", "national-without-place"],
)
def test_a_card_about_a_region_or_all_of_the_country_needs_no_place(repo, check, where):
    _write(repo, {P: variant("plaats: Dalfsen\nprovincie: overijssel\n", where)})
    result = check(repo)
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_the_whole_table_gives_the_same_lines_with_and_without_the_fast_schema_check(tmp_path, monkeypatch):
    """Valid cards skip jsonschema when the compiled validator accepts them; with that fast path
    switched off, every row of the table must report exactly the same lines."""
    from kennisbank.checking.schemas import Schemas

    root = make_repo(tmp_path / "repo")
    caches: tuple[dict, dict] = ({}, {})  # unchanged cards are not checked again, in either mode

    def lines(cache: dict) -> list[str]:
        return [str(p) for p in check_repository(root, today=CHECK_DAY, cache=cache).problems]

    for case_id, files, _expected in CASES:
        before = {rel: (root / rel).read_bytes() if (root / rel).is_file() else None for rel in files}
        _write(root, files)
        fast = lines(caches[0])
        with monkeypatch.context() as m:
            m.setattr(Schemas, "surely_valid", lambda self, kind, data: False)
            assert lines(caches[1]) == fast, case_id
        _write(root, before)


@pytest.mark.slow
def test_the_fast_schema_check_accepts_exactly_the_cards_jsonschema_accepts():
    """Differential test of the two validators over variants of every real card: a field left
    out, a wrong type, too long, a date that does not exist, Unicode spaces and line breaks,
    markup in a title, a nested field left out. The fast one may only say "valid" when
    jsonschema finds no error, and must say it whenever jsonschema does (except for numbers
    with a decimal point, which it leaves to jsonschema on purpose)."""
    import copy

    from kennisbank.checking.schemas import has_float, load_schemas
    from kennisbank.checking.vocabulary import load_vocabulary
    from kennisbank.model.types import Kind
    from kennisbank.reading.load import read_document

    repo_root = Path(__file__).resolve().parents[1]
    vocab, _ = load_vocabulary(repo_root)
    schemas = load_schemas(repo_root, vocab)
    assert all(schemas.fast[kind] is not None for kind in Kind)
    bad_values = [None, True, 7, -1, 10**20, 2018.0, 2018.5, "", " ", [], {}, {"x": 1}, ["onbekend"]]
    bad_values += [[{"x": 1}], "x" * 2000, "2026-13-01", "2026-02-30", "2026-1-01", "２０２６-01-01"]
    bad_values += ["**vet**", "# kop", "twee\nregels", "een\u2028regel", "\u00a0", "\u3000\u2003", "  . "]
    bad_values += ["Dalfsen", "https://example.org/", "http://example.org/", "https://voorbeeld.nl/ a"]
    bad_values += ["taalmeter", "Taalmeter-2", "é", "😀", "B", "b", "AB", ["A", "A"], ["B", "Z"]]
    compared = accepted = 0
    for kind in Kind:
        for n, card in enumerate(sorted((repo_root / kind.folder).glob("*.yml"))):
            data = read_document(card, card.name).data
            variants = [data]
            if n >= 5:  # every card as it is; five of each kind also broken in every way
                data = {}
            for key, value in data.items():
                variants.append({k: v for k, v in data.items() if k != key})
                variants += [{**data, key: bad} for bad in bad_values]
                if isinstance(value, list) and value and isinstance(value[0], dict):
                    for field, inner in value[0].items():
                        for bad in (None, *bad_values[:12]):
                            broken = copy.deepcopy(data)
                            if bad is None:
                                del broken[key][0][field]
                            else:
                                broken[key][0][field] = bad
                            variants.append(broken)
                        assert inner is not None
            for variant in variants:
                valid = not any(True for _ in schemas.validators[kind].iter_errors(variant))
                fast = schemas.surely_valid(kind, variant)
                if fast or not has_float(variant):
                    assert fast == valid, (card.name, variant)
                compared += 1
                accepted += fast
    assert compared > 5000 and accepted > 300, (compared, accepted)
