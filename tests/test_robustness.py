"""Classes of bad input, each closed where it is decided (issue 26): one check of every input
file shared by ``kennisbank check`` and the build, one resolver for every link in card and page
text, one walker over the card folders, no recursion on the size of the input, no passwords in
addresses, a did-you-mean for every reference. ``test_generated_cards.py`` looks for what these
rows did not think of."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build, problem_lines

P = "practices/dalfsen-taalmeter.yml"
STORY_END = "laaggeletterd te zijn."


def _edit(repo: Path, old: str, new: str, path: str = P) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build_errors(output: str) -> list[str]:
    """The problem lines of a build log (``ERROR -  path:line:col: ...``), without the summary."""
    lines = [m.group(1) for m in re.finditer(r"^ERROR\s+-\s+(.*)$", output, re.MULTILINE)]
    return [ln for ln in lines if not ln.startswith("De bouw stopt")]


def _agree(repo: Path, site: Path) -> list[str]:
    """Check and build give the same problem lines; returns them."""
    checked = [ln for ln in problem_lines(repo) if ": waarschuwing: " not in ln]
    built = build(repo, site)
    output = built.stdout + built.stderr
    assert "Traceback" not in output
    assert sorted(_build_errors(output)) == sorted(checked), output
    assert (built.returncode != 0) == bool(checked)
    return checked


# 1. Every file the build reads is checked by the same code in kennisbank check.


@pytest.mark.slow  # builds a whole site
def test_a_redirect_to_a_missing_page_is_refused_by_check_and_build_alike(repo, tmp_path):
    (repo / "data/redirects.yml").write_text(
        "/praktijken/oud/: /praktijken/bestaat-niet/\n", encoding="utf-8"
    )
    lines = _agree(repo, tmp_path / "site")
    assert lines == [
        "data/redirects.yml:1:19: het nieuwe adres '/praktijken/bestaat-niet/' bestaat niet "
        "(verwijs naar een pagina die er is)"
    ]


def test_a_redirect_from_an_address_that_has_a_page_is_refused_by_check(repo):
    (repo / "data/redirects.yml").write_text(
        "/tips/korte-tip/: /praktijken/dalfsen-taalmeter/\n", encoding="utf-8"
    )
    (line,) = problem_lines(repo)
    assert line.startswith(
        "data/redirects.yml:1:1: op het oude adres '/tips/korte-tip/' staat weer een pagina"
    )


# 2. Every internal link in card and page text resolves.


@pytest.mark.parametrize(
    ("link", "message"),
    [
        pytest.param(
            "../../tips/houd-vol/",
            "'verhaal': de link '../../tips/houd-vol/' gaat naar een pagina die niet bestaat",
            id="relative-to-missing-tip",
        ),
        pytest.param(
            "/tips/houd-vol/",
            "'verhaal': de link '/tips/houd-vol/' gaat naar een pagina die niet bestaat",
            id="site-absolute-to-missing-tip",
        ),
        pytest.param(
            "../../tips/korte-tip.md",
            "'verhaal': de link '../../tips/korte-tip.md' gaat naar een pagina die niet bestaat",
            id="source-file-name",
        ),
    ],
)
def test_a_link_in_card_text_to_a_missing_page_is_refused(repo, link, message):
    _edit(repo, STORY_END, f"{STORY_END} [zie ook]({link})")
    (line,) = problem_lines(repo)
    assert line.startswith(f"{P}:10:10: {message}"), line


@pytest.mark.parametrize(
    "link", ["../../tips/korte-tip/", "/tips/korte-tip/", "../../knelpunten/a/", "../../export/kaarten.json"]
)
def test_a_link_in_card_text_to_an_existing_page_or_file_is_accepted(repo, link):
    _edit(repo, STORY_END, f"{STORY_END} [zie ook]({link})")
    assert problem_lines(repo) == []


def test_a_link_to_an_old_address_warns_with_the_new_address(repo):
    (repo / "data/redirects.yml").write_text("/tips/oude-tip/: /tips/korte-tip/\n", encoding="utf-8")
    _edit(repo, STORY_END, f"{STORY_END} [zie ook](../../tips/oude-tip/)")
    (line,) = problem_lines(repo)
    assert line.startswith(
        f"{P}:10:10: waarschuwing: 'verhaal': de link '../../tips/oude-tip/' gaat naar een oud adres"
    )
    assert "/tips/korte-tip/" in line


@pytest.mark.slow  # builds a whole site
def test_a_broken_link_in_card_text_stops_the_build_with_the_same_line(repo, tmp_path):
    _edit(repo, STORY_END, f"{STORY_END} [zie ook](../../tips/houd-vol/)")
    assert len(_agree(repo, tmp_path / "site")) == 1


def test_a_link_on_a_hand_written_page_to_a_missing_card_is_refused(repo):
    (repo / "docs/over.md").write_text("# Over\n\nLees [de tip](tips/houd-vol/).\n", encoding="utf-8")
    (line,) = problem_lines(repo)
    assert line.startswith(
        "docs/over.md:3:15: de link 'tips/houd-vol/' gaat naar een pagina die niet bestaat"
    )


# 3. Nothing under the card folders is dropped without a word.


@pytest.mark.parametrize(
    "path",
    ["tips/archief/oud.yml", "tips/.archief/oud.yml", "practices/.verborgen.yml", "practices/notities.txt"],
)
def test_every_file_under_a_card_folder_is_read_or_reported(repo, path):
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((repo / "tips/korte-tip.yml").read_text(encoding="utf-8"), encoding="utf-8")
    lines = problem_lines(repo)
    assert [ln for ln in lines if ln.startswith(f"{path}:1:1: ")], lines


def test_a_readme_in_a_card_folder_is_allowed(repo):
    (repo / "tips/README.md").write_text("# Tips\n", encoding="utf-8")
    assert problem_lines(repo) == []


# 4. No step recurses on the size of its input.


@pytest.mark.slow  # builds a whole site
def test_a_long_unbroken_word_is_checked_and_built_without_a_traceback(repo, tmp_path):
    _edit(repo, STORY_END, f"{STORY_END}\n\n  " + "taalhuis" * 350)  # 2,800 letters
    assert _agree(repo, tmp_path / "site") == []


@pytest.mark.slow  # builds a whole site
def test_a_paragraph_longer_than_the_bound_is_refused_in_dutch_by_check_and_build(repo, tmp_path):
    _edit(repo, STORY_END, f"{STORY_END} " + "<http://" * 400)
    (line,) = _agree(repo, tmp_path / "site")
    assert line.startswith(f"{P}:10:10: 'verhaal': deze alinea is te lang (meer dan 3000 tekens)")


def test_compound_splitting_does_not_recurse_on_the_length_of_a_word():
    from kennisbank.output.wordsplit import split_compound

    assert split_compound("taalhuis" * 2000) == ()
    assert split_compound("taalhuis") == ("taal", "huis")


# 5. No user information in any address.


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("https://www.bibliotheeknetwerk.nl", "https://naam:wachtwoord@voorbeeld.nl", "bron"),
        (STORY_END, f"{STORY_END} [rapport](https://naam:wachtwoord@voorbeeld.nl/r.pdf)", "verhaal"),
        (STORY_END, f"{STORY_END} Zie https://naam@voorbeeld.nl/r.pdf.", "verhaal"),
    ],
    ids=["source-url", "markdown-link", "bare-url-in-text"],
)
def test_a_password_or_user_name_in_an_address_is_refused(repo, old, new, field):
    _edit(repo, old, new)
    lines = problem_lines(repo)
    assert len(lines) == 1 and "gebruikersnaam of wachtwoord" in lines[0], lines
    assert f"'{field}" in lines[0]
    assert "wachtwoord@" not in lines[0]  # the secret is not repeated in a CI log


def test_a_password_in_an_address_on_a_hand_written_page_is_refused(repo):
    (repo / "docs/over.md").write_text("# Over\n\n[x](https://a:b@voorbeeld.nl/)\n", encoding="utf-8")
    (line,) = problem_lines(repo)
    assert line.startswith("docs/over.md:3:5: ") and "gebruikersnaam of wachtwoord" in line


# 6. Every reference and vocabulary value gets a did-you-mean.


@pytest.mark.parametrize(
    ("old", "new", "guess"),
    [
        ("tips: [korte-tip]", "tips: [korte-tip.yml]", "korte-tip"),
        ("tips: [korte-tip]", "tips: [Korte Tip]", "korte-tip"),
        ("tips: [korte-tip]", "tips: [tips/korte-tip]", "korte-tip"),
        ("aanbevelingen: [gemeente-a-test]", "aanbevelingen: [gemeente-a-tset]", "gemeente-a-test"),
        ("knelpunten: [A, C]", "knelpunten: [a, Cc]", "C"),
        ("themas: [bewustwording, signaleren]", "themas: [bewustwording, signalering]", "signaleren"),
        ("provincie: overijssel", "provincie: Overijsel", "overijssel"),
        ("type: bibliotheek", "type: bieb", None),
    ],
    ids=["file-name", "title-case", "with-folder", "typo", "knelpunt", "theme", "province", "org-type"],
)
def test_a_near_miss_reference_or_list_value_suggests_the_known_one(repo, old, new, guess):
    _edit(repo, old, new)
    lines = problem_lines(repo)
    assert lines, "refused"
    if guess is not None:
        assert any(f"bedoel je '{guess}'?" in ln for ln in lines), lines
    else:
        assert any("kies uit" in ln or "bedoel je" in ln for ln in lines), lines


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("//evil.example/x", "gaat naar een andere website zonder dat te zeggen"),
        ("/\\evil.example/x", "gaat naar een andere website zonder dat te zeggen"),
        ("%2e%2e/%2e%2e/tips/korte-tip/", "verstopt tekens als . of / achter een %-code"),
        ("../../../../../etc/passwd", "gaat naar een pagina die niet bestaat"),
    ],
    ids=["protocol-relative", "backslash", "encoded-dots", "above-the-site"],
)
def test_a_link_that_only_looks_internal_is_refused(repo, link, message):
    _edit(repo, STORY_END, f"{STORY_END} [zie ook]({link})")
    (line,) = problem_lines(repo)
    assert line.startswith(f"{P}:10:10: 'verhaal': de link '{link}' {message}"), line


def test_a_near_miss_link_suggests_the_page(repo):
    _edit(repo, STORY_END, f"{STORY_END} [zie ook](../../tips/korte-tipp/)")
    (line,) = problem_lines(repo)
    assert line.endswith("(bedoel je '../../tips/korte-tip/'?)"), line


def test_a_site_absolute_link_in_card_text_is_made_relative_to_the_page():
    from kennisbank.output.render import _markdown

    html = _markdown("[a](/tips/x/#kop) [b](https://voorbeeld.nl/) [c](../y/)", "praktijken/z/")
    assert 'href="../../tips/x/#kop"' in html
    assert 'href="https://voorbeeld.nl/"' in html and 'href="../y/"' in html


def test_the_pages_a_link_may_reach_are_the_pages_the_site_has(real_site):
    """The check knows the site's pages before any card is valid; they must be those of the build."""
    from kennisbank.output.site import page_sources, with_map_page

    result = real_site.result
    assert result.vocab is not None
    assert page_sources(result.vocab, result.card_paths, with_map_page(result)) == set(real_site.pages)


def test_the_files_a_link_may_reach_are_the_files_the_build_makes(real_site):
    from kennisbank.output.site import GENERATED_FILES

    assert set(GENERATED_FILES) == set(real_site.files)


# 7. Nothing in an address costs more than a fraction of a second.


@pytest.mark.browser
def test_a_very_long_query_in_the_address_is_cut_and_the_page_says_so(page, base_url):
    from urllib.parse import quote

    from test_search import DONE, note

    query = " ".join(f"woordje{i}" for i in range(2000))  # some 20,000 characters, none on the site
    page.goto(f"{base_url}/zoeken/?q={quote(query)}")
    page.wait_for_function(DONE, timeout=15000)
    assert "Je zoekvraag was te lang. We zoeken op het begin ervan" in note(page)
    shown = page.input_value("#kb-q")
    assert 0 < len(shown) <= 200 and query.startswith(shown)


@pytest.mark.browser
def test_a_selection_address_with_a_thousand_names_loads_fifty_and_says_so(page, base_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/praktijken/" in r.url else None)
    names = ",".join(f"praktijken/bestaat-niet-{i}" for i in range(1000))  # as long as a mail can carry
    page.goto(f"{base_url}/selectie/?k={names}")
    page.wait_for_function(
        "!document.querySelector('[data-kb-selectiestatus]').textContent.startsWith('Bezig')", timeout=30000
    )
    status = page.locator("[data-kb-selectiestatus]").inner_text()
    assert (
        "Een selectie heeft hoogstens 50 pagina's: de andere 950 uit het adres zijn niet geladen." in status
    )
    assert len(requests) <= 50


# What else a careless or hostile pull request carries (the maintainer's list of issue 26).

EXTRA = [
    (
        "nul-byte-on-a-page",
        {"docs/over.md": "# Over\n\nA\x00B\n"},
        "docs/over.md:3:2: dit teken mag niet op een pagina staan: een stuurteken (U+0000)",
    ),
    (
        "direction-character-on-a-page",
        {"docs/over.md": "# Over\n\nA\u202eB\n"},
        "docs/over.md:3:2: dit teken mag niet op een pagina staan: een teken dat de leesrichting verandert",
    ),
    (
        "page-name-with-capitals",
        {"docs/Over-Ons.md": "# Over ons\n"},
        "docs/Over-Ons.md:1:1: de bestandsnaam 'Over-Ons.md' is geen geldige naam",
    ),
    (
        "page-name-with-a-space",
        {"docs/over ons.md": "# Over ons twee\n"},
        "docs/over ons.md:1:1: de bestandsnaam 'over ons.md' is geen geldige naam",
    ),
    (
        "old-mac-line-endings-keep-positions",
        {"docs/over.md": "# Over\r\rLees [de tip](tips/houd-vol/).\r"},
        "docs/over.md:3:15: de link 'tips/houd-vol/'",
    ),
    (
        "zero-width-space-in-a-card-name",
        {"tips/korte\u200b-tip.yml": "titel: x\n"},
        "tips/korte\\u200b-tip.yml:1:1: de bestandsnaam",
    ),
    (
        "password-in-a-link-on-a-page",
        {"docs/over.md": "# Over\n\n<https://naam:geheim@voorbeeld.nl/>\n"},
        "docs/over.md:3:2: dit adres bevat een gebruikersnaam of wachtwoord",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in EXTRA], ids=[c[0] for c in EXTRA])
def test_more_hostile_files_are_refused_with_position(repo, files, expected):
    for rel, text in files.items():
        target = repo / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    lines = problem_lines(repo)
    assert [ln for ln in lines if ln.startswith(expected)], lines


@pytest.mark.slow  # builds a whole site
def test_check_and_build_agree_on_all_the_new_classes_at_once(repo, tmp_path):
    _edit(repo, STORY_END, f"{STORY_END} [zie ook](../../tips/houd-vol/) https://a:b@voorbeeld.nl/")
    _edit(repo, "tips: [korte-tip]", "tips: [korte-tip.yml]")
    (repo / "data/redirects.yml").write_text(
        "/praktijken/oud/: /praktijken/bestaat-niet/\n", encoding="utf-8"
    )
    (repo / "tips/archief").mkdir()
    (repo / "tips/archief/oud.yml").write_text("titel: oud\n", encoding="utf-8")
    (repo / "docs/Over Ons.md").write_text("# Over ons\n\n[x](tips/houd-vol.md) A\x00\n", encoding="utf-8")
    lines = _agree(repo, tmp_path / "site")
    assert len(lines) >= 7, lines
