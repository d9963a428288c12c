"""A pull request is untrusted input: links to files of the build machine, escapes that smuggle
control or direction characters, structures nested thousands deep, oversized files, pages whose
front matter or macros try to run code. Each is refused with a Dutch ``path:line:col: message
(hint)``, by ``kennisbank check`` and by the build alike, and nothing of it is published."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import build, make_repo, problem_lines
from kennisbank.editing.reformat import reformat_cards

P = "practices/dalfsen-taalmeter.yml"
SECRET = "GEHEIM-7f3a9c"
SYMLINK = (
    "dit is een symbolische koppeling (symlink) naar een ander bestand of een andere map; "
    "die worden niet gelezen (zet het bestand zelf hier neer, met de inhoud erin)"
)
TOO_DEEP = (
    "de kaart is te diep genest: meer dan 10 lijsten of groepen in elkaar (een kaart heeft maar een "
    "paar niveaus; controleer de haakjes [ ] en { } en de inspringing)"
)
CONTROL = "dit teken mag niet in een kaart staan: een stuurteken"
CONTROL_HINT = "(haal het weg; schrijf geen tekens als \\0, \\a, \\e of \\x01)"
BIDI = "dit teken mag niet in een kaart staan: een teken dat de leesrichting verandert (U+202E) (haal het weg; het is onzichtbaar)"


@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target``: 'outside' (a secret file beside the repo), or a path."""

    target: str


def _card(repo: Path, old: str, new: str) -> str:
    text = (repo / P).read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1)


# id, files to write (path -> text, bytes or Link), expected lines (exact, sorted as printed)
CASES = [
    (
        "symlinked-page-to-outside-file",
        {"docs/geheim.md": Link("outside")},
        [f"docs/geheim.md:1:1: {SYMLINK}"],
    ),
    (
        "symlinked-page-to-environment",
        {"docs/omgeving.md": Link("/proc/self/environ")},
        [f"docs/omgeving.md:1:1: {SYMLINK}"],
    ),
    ("symlinked-card", {"practices/geheim.yml": Link("outside")}, [f"practices/geheim.yml:1:1: {SYMLINK}"]),
    (
        "symlinked-card-inside-the-repository",
        {"practices/kopie.yml": Link("dalfsen-taalmeter.yml")},
        [f"practices/kopie.yml:1:1: {SYMLINK}"],
    ),
    ("symlinked-folder-in-docs", {"docs/map": Link("outside-dir")}, [f"docs/map/:1:1: {SYMLINK}"]),
    ("symlinked-data-file", {"data/redactie.yml": Link("outside")}, [f"data/redactie.yml:1:1: {SYMLINK}"]),
    (
        "symlinked-template",
        {"overrides/kennisbank/blok-geheim.html": Link("outside")},
        [f"overrides/kennisbank/blok-geheim.html:1:1: {SYMLINK}"],
    ),
    (
        "html-file-in-docs",
        {"docs/actie.html": "<script>alert(1)</script>"},
        [
            "docs/actie.html:1:1: dit soort bestand ('.html') mag niet in docs/ staan (toegestaan: .md; een pagina "
            "is een .md-bestand, plaatjes en opmaak staan in docs/assets/)"
        ],
    ),
    (
        "svg-in-assets",
        {"docs/assets/logo.svg": "<svg onload='alert(1)'/>"},
        [
            "docs/assets/logo.svg:1:1: dit soort bestand ('.svg') mag niet in docs/assets/ staan (toegestaan: .css, "
            ".gif, .ico, .jpeg, .jpg, .js, .md, .pdf, .png, .webp; een pagina is een .md-bestand)"
        ],
    ),
    (
        "nesting-100-kb-on-one-line",
        {P: ("themas: [bewustwording, signaleren]", "themas: " + "[" * 50_000 + "]" * 50_000)},
        [f"{P}:15:18: {TOO_DEEP}"],
    ),
    (
        "nesting-5000-levels",
        {P: ("themas: [bewustwording, signaleren]", "themas: " + "[" * 5000 + "]" * 5000)},
        [f"{P}:15:18: {TOO_DEEP}"],
    ),
    (
        "nesting-in-block-style",
        {
            P: (
                "themas: [bewustwording, signaleren]",
                "themas:\n" + "".join("  " * i + "-\n" for i in range(1, 40)),
            )
        },
        [f"{P}:25:21: {TOO_DEEP}"],
    ),
    (
        "control-characters-through-escapes",
        {P: ("titel: Taalmeter bij de sociale werkvoorziening", 'titel: "Zorg \\0\\a\\e[2K\\x01"')},
        [f"{P}:2:8: {CONTROL} (U+0000) {CONTROL_HINT}"],
    ),
    (
        "escaped-bell-in-a-list",
        {P: ("themas: [bewustwording, signaleren]", 'themas: [bewustwording, "signaleren\\a"]')},
        [f"{P}:15:25: {CONTROL} (U+0007) {CONTROL_HINT}"],
    ),
    (
        "right-to-left-override-escaped",
        {P: ("titel: Taalmeter bij de sociale werkvoorziening", 'titel: "Taalmeter \\u202Eraab"')},
        [f"{P}:2:8: {BIDI}"],
    ),
    (
        "right-to-left-override-raw",
        {P: ("plaats: Dalfsen", "plaats: Dal\u202efsen")},
        [f"{P}:4:12: {BIDI}"],
    ),
    (
        "direction-character-in-a-field-name",
        {P: ("plaats: Dalfsen", '"pla\\u202Eats": Dalfsen')},
        [f"{P}:4:1: {BIDI}"],
    ),
    (
        "lone-surrogate-through-an-escape",
        {P: ("plaats: Dalfsen", 'plaats: "Dal\\ud800fsen"')},
        [
            f"{P}:4:9: dit teken mag niet in een kaart staan: een onzichtbaar of ongeldig teken (U+D800) (haal het weg; typ de tekst opnieuw)"
        ],
    ),
    (
        "non-breaking-space-after-a-colon-copied-from-word",
        {P: ("plaats: Dalfsen", "plaats:\u00a0Dalfsen")},
        [
            f"{P}:4:8: hier staat een andere spatie dan een gewone (U+00A0) (typ hier een gewone spatie; zo'n "
            "spatie komt vaak mee bij kopiëren uit Word of een website)"
        ],
    ),
    (
        "file-over-one-megabyte",
        {P: ("  Van de 39 mensen", "  " + "tekst " * 200_000 + "\n  Van de 39 mensen")},
        [
            f"{P}:1:1: het bestand is te groot (meer dan 1 MB) (een kaart is een paar kilobyte; haal de extra tekst weg)"
        ],
    ),
    (
        "markdown-with-thousands-of-unclosed-links",
        {P: ("  Van de 39 mensen bleken er **27** laaggeletterd te zijn.", "  " + "![x](" * 2000)},
        [
            f"{P}:10:10: 'verhaal': te veel haakjes [ of ( die niet gesloten worden (sluit elk [ met ] en elk ( "
            "met ); schrijf \\[ voor een los haakje)"
        ],
    ),
    (
        "markdown-nested-too-deep",
        {
            P: (
                "  Van de 39 mensen",
                "  Een lijst:\n"
                + "".join("  " + "    " * i + "- x\n" for i in range(15))
                + "  Van de 39 mensen",
            )
        },
        [
            f"{P}:10:10: 'verhaal': deze regel is te ver ingesprongen (regel 13 van de tekst) (spring hoogstens 40 spaties in)"
        ],
    ),
    (
        "markdown-too-long",
        {P: ("  Van de 39 mensen", "  " + "woord " * 4000 + "\n  Van de 39 mensen")},
        [f"{P}:10:10: 'verhaal': de tekst is te lang (24057 tekens, hoogstens 20000) (maak de tekst korter)"],
    ),
    (
        "page-front-matter-with-an-unknown-key",
        {"docs/over.md": "---\ntemplate: kennisbank/praktijk.html\ntitel: Over\n---\n# Over\n"},
        [
            "docs/over.md:2:1: onbekend veld 'template' bovenaan de pagina (toegestaan: title, description, render_macros, hide)",
            "docs/over.md:3:1: onbekend veld 'titel' bovenaan de pagina (bedoel je 'title'?)",
        ],
    ),
    (
        "page-front-matter-with-jinja",
        {"docs/over.md": "---\nrender_macros: true\ntitle: 'Over {{ config }}'\n---\n# Over\n"},
        [
            "docs/over.md:3:8: 'title' mag geen {{ }}, {% %} of {# #} bevatten (schrijf gewone tekst; macro's horen alleen in de tekst van de pagina)"
        ],
    ),
    (
        "page-with-macros-that-run-code",
        {
            "docs/over.md": "---\nrender_macros: true\n---\n# Over\n\n{{ kennisbank('themas') }}\n\n"
            "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}\n{% set x = 1 %}\n"
        },
        [
            "docs/over.md:8:1: op een pagina met macro's mag alleen {{ kennisbank('…') }} staan (haal de andere {{ }}, {% %} of {# #} weg; macro's kunnen code uitvoeren)",
            "docs/over.md:9:1: op een pagina met macro's mag alleen {{ kennisbank('…') }} staan (haal de andere {{ }}, {% %} of {# #} weg; macro's kunnen code uitvoeren)",
        ],
    ),
    (
        "page-with-an-unknown-block",
        {
            "docs/over.md": "---\nrender_macros: true\n---\n# Over\n\n{{ kennisbank('../../geheim') }}\n{{ kennisbank('geheim') }}\n"
        },
        [
            "docs/over.md:6:1: op een pagina met macro's mag alleen {{ kennisbank('…') }} staan (haal de andere {{ }}, {% %} of {# #} weg; macro's kunnen code uitvoeren)",
            "docs/over.md:7:1: onbekend blok 'geheim' in kennisbank('…') (kies uit: knelpunten, nieuw, plaatsen, themas)",
        ],
    ),
    (
        "page-in-a-folder-of-generated-pages",
        {"docs/praktijken/nep.md": "# Nep\n"},
        [
            "docs/praktijken/nep.md:1:1: een pagina staat direct in docs/, niet in een submap (submappen van docs/ zijn voor de pagina's die de kennisbank zelf maakt; verplaats het bestand naar docs/)"
        ],
    ),
]


def _write(repo: Path, files: dict[str, object]) -> None:
    outside = repo.parent / "buiten"
    outside.mkdir(exist_ok=True)
    secret = outside / "geheim.txt"
    secret.write_text(f"titel: {SECRET}\n", encoding="utf-8")
    (outside / "map").mkdir(exist_ok=True)
    (outside / "map" / "geheim.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    for rel, content in files.items():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            target.unlink(missing_ok=True)
            where = {"outside": secret, "outside-dir": outside / "map"}.get(content.target, content.target)
            os.symlink(where, target)
        elif isinstance(content, tuple):
            target.write_text(_card(repo, *content), encoding="utf-8")
        else:
            assert isinstance(content, str)
            target.write_text(content, encoding="utf-8")


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_with_position_and_hint(repo, yaml_parser, files, expected):
    _write(repo, files)
    lines = problem_lines(repo)
    assert lines == expected
    assert SECRET not in "\n".join(lines)
    assert not (repo / "PWNED").exists()


def test_check_command_refuses_a_hostile_file_without_showing_its_content(repo, check):
    """The real ``kennisbank check``: exit 1, the count line, no traceback, no secret."""
    _write(repo, {"practices/geheim.yml": Link("outside"), "docs/omgeving.md": Link("/proc/self/environ")})
    result = check(repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [*problem_lines(repo), "2 fouten gevonden."]
    assert result.stdout.splitlines()[:-1] == [
        f"docs/omgeving.md:1:1: {SYMLINK}",
        f"practices/geheim.yml:1:1: {SYMLINK}",
    ]
    assert "Traceback" not in result.stdout + result.stderr
    assert SECRET not in result.stdout + result.stderr


def _build_errors(output: str) -> list[str]:
    lines = [ln.split("-  ", 1)[1] for ln in output.splitlines() if ln.startswith("ERROR")]
    return [ln for ln in lines if not ln.startswith(("De bouw stopt", "Error reading"))]


@pytest.mark.slow
@pytest.mark.parametrize(
    "group",
    [
        # data/ and schema/ links stop the check before the cards are read: a group of their own.
        [c for c in CASES if not c[0].startswith("symlinked-data")],
        [c for c in CASES if c[0].startswith("symlinked-data")],
    ],
    ids=["all-at-once", "data-file"],
)
def test_check_and_build_report_the_same_problems_and_publish_nothing(tmp_path, check, group):
    repo = make_repo(tmp_path / "repo")
    by_file: dict[str, object] = {}
    for _id, files, _expected in group:
        for rel, content in files.items():
            if isinstance(content, tuple) and rel in by_file:
                continue  # one edit per card file: each row has its own card below
            by_file[rel] = content
    _write(repo, by_file)
    checked = check(repo)
    site = tmp_path / "site"
    built = build(repo, site)
    assert built.returncode != 0
    expected = [ln for ln in checked.stdout.splitlines()[:-1]]
    assert expected
    assert sorted(_build_errors(built.stdout + built.stderr)) == sorted(expected)
    assert "Traceback" not in built.stdout + built.stderr
    published = (
        "".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())
        if site.exists()
        else ""
    )
    assert SECRET not in published + built.stdout + built.stderr
    assert not (repo / "PWNED").exists()


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.og_title = ""
        self.h1 = ""
        self.scripts: list[str] = []
        self._in: str | None = None
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("property") == "og:title":
            self.og_title = str(a.get("content"))
        if tag in ("title", "h1", "script"):
            self._in = tag
        self.handlers += [k for k in a if k.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data
        elif self._in == "script":
            self.scripts.append(data)


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of a fixture repository with a hostile hand-written page (docs/lezen.md) and a
    card whose fields look like spreadsheet formulas."""
    repo = make_repo(tmp_path_factory.mktemp("pages") / "repo")
    _write_formulas(repo)
    # Not in the nav: its title comes from the front matter alone, as Material's <h1> too.
    (repo / "docs" / "lezen.md").write_text(
        '---\ntitle: \'Lezen "samen" "><script>alert(1)</script>\'\n'
        "description: 'Een \"citaat\" en </title><script>alert(2)</script>'\n---\n\n"
        "Tekst met <script>alert(3)</script> en <img src=x onerror=alert(4)>.\n\n"
        'Een alinea met een handler.\n{: onclick="alert(5)" }\n\n'
        '[klik](javascript:alert(6)) en <a href="https://example.org/" onmouseover="alert(7)">link</a>\n',
        encoding="utf-8",
    )
    site = repo.parent / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.slow
def test_page_title_from_front_matter_is_text_in_title_og_title_and_heading(hostile_pages):
    head = _Head()
    head.feed((hostile_pages / "lezen" / "index.html").read_text(encoding="utf-8"))
    expected = 'Lezen "samen" "><script>alert(1)</script>'
    assert head.title == f"{expected} - Kennisbank Basisvaardigheden"
    assert head.og_title == expected
    assert head.h1.strip() == expected
    assert not [s for s in head.scripts if "alert" in s]


@pytest.mark.slow
def test_page_description_cannot_break_out_of_its_attribute(hostile_pages):
    html = (hostile_pages / "lezen" / "index.html").read_text(encoding="utf-8")
    assert "</title><script>alert(2)" not in html
    assert re.search(
        r'<meta name="description" content="Een &#34;citaat&#34; en &lt;/title&gt;|'
        r'<meta name="description" content="Een &quot;citaat&quot; en &lt;/title&gt;',
        html,
    )


@pytest.mark.slow
def test_scripts_and_event_handlers_in_a_hand_written_page_are_removed(hostile_pages):
    html = (hostile_pages / "lezen" / "index.html").read_text(encoding="utf-8")
    head = _Head()
    head.feed(html)
    assert not [s for s in head.scripts if "alert" in s]
    assert head.handlers == []
    assert "javascript:" not in html
    assert 'href="https://example.org/"' in html


def _write_formulas(repo: Path) -> None:
    card = repo / P
    text = card.read_text(encoding="utf-8")
    text = text.replace(
        "titel: Taalmeter bij de sociale werkvoorziening",
        'titel: \'=HYPERLINK("https://example.org/";"Klik hier")\'',
    )
    text = text.replace("plaats: Dalfsen", "plaats: '@SOM(1+1)'")
    # A place the map must know: written down in data/plaatsen.yml, as an editor would.
    places = repo / "data" / "plaatsen.yml"
    places.write_text(
        places.read_text(encoding="utf-8").replace(
            "plaatsen: {}",
            "plaatsen:\n  '@SOM(1+1)': {provincie: overijssel, breedtegraad: 52.5, lengtegraad: 6.2, bron: test}",
        ),
        encoding="utf-8",
    )
    text = text.replace("  - naam: Bibliotheek Dalfsen", "  - naam: '-2+3 Bibliotheek'")
    text = text.replace("tips: [korte-tip]", "tips: [korte-tip]\nresultaten:\n  - '+25% meer deelnemers'")
    card.write_text(text, encoding="utf-8")
    assert reformat_cards(repo, [card])[1] == []  # in the card layout, as the form would save it


@pytest.mark.slow
def test_csv_cells_never_start_a_spreadsheet_formula(hostile_pages):
    import csv

    text = (hostile_pages / "export" / "praktijken.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert row["titel"] == '\'=HYPERLINK("https://example.org/";"Klik hier")'
    assert row["plaats"] == "'@SOM(1+1)"
    assert row["organisaties"].startswith("'-2+3 Bibliotheek")
    assert row["resultaten"] == "'+25% meer deelnemers"
    for cells in rows[1:]:
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], cells
    assert header[0] == "titel"


@pytest.mark.slow
def test_feed_stays_well_formed_xml_whatever_text_reaches_it(tmp_path):
    import dataclasses
    from xml.etree import ElementTree as ET

    from kennisbank.catalogue.catalogue import Catalogue
    from kennisbank.checking.validate import check_repository
    from kennisbank.output.export import atom_feed

    catalogue = check_repository(make_repo(tmp_path / "repo")).catalogue
    assert catalogue is not None
    cards = [
        dataclasses.replace(c, titel="Zorg \x00\x07\x1b[2K\x01 \ufffe klaar") for c in catalogue.all_cards()
    ]
    feed = atom_feed(Catalogue.build(cards, catalogue.vocab), "https://voorbeeld.nl/")
    root = ET.fromstring(feed)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Zorg [2K  klaar" in titles


def _duplicate_tip(repo: Path) -> None:
    tip = (repo / "tips" / "korte-tip.yml").read_text(encoding="utf-8")
    title = re.search(r"^titel: (.*)$", tip, re.MULTILINE)
    assert title
    (repo / "tips" / "kopie-van-de-tip.yml").write_text(tip, encoding="utf-8")


def test_two_cards_with_one_title_are_both_reported(repo, check):
    _duplicate_tip(repo)
    lines = check(repo).stdout.splitlines()
    dupes = [ln for ln in lines if "wordt ook gebruikt door" in ln]
    assert [ln.split(":")[0] for ln in dupes] == ["tips/kopie-van-de-tip.yml", "tips/korte-tip.yml"]
    assert "door tips/korte-tip.yml" in dupes[0] and "door tips/kopie-van-de-tip.yml" in dupes[1]


@pytest.mark.slow
def test_a_hand_written_page_cannot_take_the_title_of_another_page(repo, tmp_path):
    (repo / "docs" / "over.md").write_text("---\ntitle: Tips\n---\n\nTekst.\n", encoding="utf-8")
    result = build(repo, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/over.md:1:1: de paginatitel 'Tips' wordt ook gebruikt door /tips/"
        in result.stdout + result.stderr
    )


def test_recommendations_with_the_same_title_get_distinct_page_titles(built_site):
    titles = {}
    for page in built_site.rglob("index.html"):
        head = _Head()
        head.feed(page.read_text(encoding="utf-8"))
        if "http-equiv" in page.read_text(encoding="utf-8")[:600]:
            continue  # a redirect page
        assert head.title not in titles, f"{page} en {titles.get(head.title)}: {head.title}"
        titles[head.title] = page
    assert any("(aanbeveling voor gemeenten E)" in t for t in titles)


@pytest.mark.slow
def test_a_redirect_cannot_write_outside_the_site(repo, tmp_path):
    (repo / "data" / "redirects.yml").write_text(
        "/../../buiten-de-site/: /praktijken/dalfsen-taalmeter/\n", encoding="utf-8"
    )
    site = tmp_path / "out" / "site"
    result = build(repo, site)
    assert result.returncode != 0
    assert (
        "data/redirects.yml:1:1: '/../../buiten-de-site/' is geen geldig oud adres"
        in result.stdout + result.stderr
    )
    assert not (tmp_path / "buiten-de-site").exists()


def test_a_vocabulary_value_must_be_a_valid_address_segment(repo, check):
    vocab = repo / "data" / "vocabulaire.yml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace("  beleid:\n", "  ../beleid:\n", 1), encoding="utf-8"
    )
    out = check(repo).stdout
    assert "data/vocabulaire.yml:" in out and "'../beleid' in 'themas' is geen geldige naam" in out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("address", "why"),
    [
        (None, "het adres 'http://127.0.0.1:8000/' is geen https-adres"),
        ("https://kennisbank-basisvaardigheden.example.nl/", "is een voorbeeldadres"),
        ("https://localhost/", "is een adres op deze computer"),
    ],
    ids=["no-address", "placeholder", "localhost"],
)
def test_a_publication_build_without_a_real_address_fails_loudly(repo, tmp_path, address, why):
    from conftest import BUILD_ENV, MKDOCS, run

    env = {**BUILD_ENV, "KENNISBANK_PUBLISH": "1"}
    env.pop("KENNISBANK_SITE_URL", None)
    if address:
        env["KENNISBANK_SITE_URL"] = address
    result = run(
        [MKDOCS, "build", "--strict", "-f", "mkdocs.yml", "-d", tmp_path / "site"], cwd=repo, env=env
    )
    assert result.returncode != 0
    assert why in result.stdout + result.stderr
    assert "Zet KENNISBANK_SITE_URL op het adres waarop de site echt staat" in result.stdout + result.stderr


@pytest.mark.slow
def test_a_publication_build_uses_the_pages_address_with_a_trailing_slash(repo, tmp_path):
    from conftest import BUILD_ENV, MKDOCS, run

    env = {**BUILD_ENV, "KENNISBANK_PUBLISH": "1", "KENNISBANK_SITE_URL": "https://team.github.io/kennisbank"}
    result = run(
        [MKDOCS, "build", "--strict", "-f", "mkdocs.yml", "-d", tmp_path / "site"], cwd=repo, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "praktijken" / "dalfsen-taalmeter" / "index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="canonical" href="https://team.github.io/kennisbank/praktijken/dalfsen-taalmeter/">'
        in page
    )
    feed = (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "https://team.github.io/kennisbank/praktijken/dalfsen-taalmeter/" in feed
    assert "example.nl" not in feed + page


@pytest.mark.browser
def test_a_long_unbroken_title_and_place_do_not_scroll_sideways_on_a_phone(browser, tmp_path):
    from conftest import serve_site

    repo = make_repo(tmp_path / "repo")
    long_word = "Basisvaardigheidsprogrammacoördinatiewerkgroep" * 2
    _write(
        repo,
        {P: ("titel: Taalmeter bij de sociale werkvoorziening", f"titel: {long_word}")},
    )
    site = tmp_path / "site"
    result = build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
        page = context.new_page()
        for path in ("praktijken/dalfsen-taalmeter/", "praktijken/", "zoeken/"):
            page.goto(f"{url}/{path}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path}: {overflow} px horizontaal scrollen op 360 px"
        context.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"$schema": "https://json-schema.org/draft/2020-12/schema",\n  "type": "object",,\n}',
            "schema/praktijk.schema.json:2:20: dit is geen geldige JSON (Expecting property name enclosed in double quotes)",
        ),
        ('{"type": "objekt"}', "schema/praktijk.schema.json:1:1: dit is geen geldig JSON Schema (bij type: "),
        ("[1, 2]", "schema/praktijk.schema.json:1:1: een schema is een JSON-object ({ ... })"),
        (
            '{"properties": {"titel": {"$ref": "bestaat-niet.schema.json#/x"}}}',
            "schema:1:1: een verwijzing ($ref) in de schema's leidt nergens heen of naar zichzelf",
        ),
    ],
    ids=["broken-json", "not-a-json-schema", "not-an-object", "ref-to-nowhere"],
)
def test_a_broken_schema_is_reported_not_crashed_on(repo, text, expected):
    from kennisbank.checking.validate import check_repository

    (repo / "schema" / "praktijk.schema.json").write_text(text, encoding="utf-8")
    lines = [str(p) for p in check_repository(repo).problems]
    assert any(line.startswith(expected) for line in lines), lines
    assert not any("interne fout" in line for line in lines), lines


def test_vocabulary_synonyms_must_be_a_list_of_words(repo):
    from kennisbank.checking.validate import check_repository

    vocab = repo / "data" / "vocabulaire.yml"
    text = vocab.read_text(encoding="utf-8")
    vocab.write_text(
        text.replace("synoniemen: [geld, budget, subsidie, middelen, potjes]", "synoniemen: geld", 1),
        encoding="utf-8",
    )
    lines = [str(p) for p in check_repository(repo).problems]
    assert any("'synoniemen' van 'financiering' is een lijst van woorden" in line for line in lines), lines


def test_a_card_name_longer_than_a_mail_can_carry_is_refused(repo):
    from kennisbank.checking.validate import check_repository

    long = "a" + "-lang" * 20
    (repo / "practices" / f"{long}.yml").write_text(
        (repo / P)
        .read_text(encoding="utf-8")
        .replace("titel: Taalmeter bij de sociale werkvoorziening", "titel: Een andere titel"),
        encoding="utf-8",
    )
    lines = [str(p) for p in check_repository(repo).problems]
    assert (
        f"practices/{long}.yml:1:1: de bestandsnaam is te lang (101 tekens, hoogstens 80) (de naam staat in het adres dat mensen in een mail plakken; kies een kortere naam)"
        in lines
    )


def test_images_on_a_hand_written_page_come_from_the_site_itself():
    from kennisbank.checking.markup import sanitize_page

    html = sanitize_page(
        '<p><img src="https://tracker.example/p.gif" alt="a"><img src="//t.example/x" alt="b">'
        '<img src="../assets/og-kennisbank.png" alt="c"></p>'
    )
    assert "tracker.example" not in html and "t.example" not in html
    assert 'src="../assets/og-kennisbank.png"' in html
