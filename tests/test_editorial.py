"""Editorial hints in ``kennisbank check``: review due and hard summaries are warnings, not errors.

They never change the exit code and never fail ``mkdocs build --strict``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import TEST_DAY, build
from kennisbank.checking.editorial import add_months
from kennisbank.checking.validate import check_repository

P = "practices/dalfsen-taalmeter.yml"
TODAY = TEST_DAY  # the day every check and build of the suite runs as
HARD = (
    "Gemeentelijke samenwerkingsverbanden rondom basisvaardigheidsbeleid vereisen structurele "
    "financieringsmogelijkheden en intersectorale afstemming."
)
LONG = (
    "De gemeente en de Bibliotheek gingen samen met vrijwilligers en taalaanbieders op zoek naar "
    "mensen die moeite hebben met lezen en schrijven in de wijk. Het werkte goed."
)
LONG_SENTENCE = LONG.split(". ")[0] + "."


def set_field(root, path, key, value):
    card = root / path
    lines = card.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"{key}: {value}\n" if ln.startswith(f"{key}:") else ln for ln in lines]
    card.write_text("".join(lines), encoding="utf-8")


def check_in_process(root):
    """What ``kennisbank check`` decides (no errors?) and prints before its count line, today."""
    result = check_repository(root, today=TODAY)
    return result.ok, [str(p) for p in result.problems]


def review_line(checked: dt.date, months: int = 24) -> str:
    return (
        f"{P}:22:16: waarschuwing: deze kaart is meer dan {months} maanden niet gecontroleerd "
        f"(laatst op {checked.isoformat()}) (leg de kaart opnieuw naast de bron; klopt alles, "
        "zet dan de datum van vandaag bij 'gecontroleerd')"
    )


@pytest.mark.parametrize(
    ("months_ago", "due"),
    [(25, True), (24, False), (23, False), (0, False)],
    ids=["25-months-due", "24-months-not-yet", "23-months", "today"],
)
def test_card_older_than_24_months_gets_a_review_warning_but_exit_code_zero(repo, months_ago, due):
    checked = add_months(TODAY, -months_ago) - (dt.timedelta(days=1) if due else dt.timedelta())
    set_field(repo, P, "gecontroleerd", checked.isoformat())
    ok, lines = check_in_process(repo)
    assert ok, lines
    assert lines == ([review_line(checked)] if due else [])


def test_review_period_is_set_in_data_redactie_yml(repo):
    checked = add_months(TODAY, -7)
    set_field(repo, P, "gecontroleerd", checked.isoformat())
    assert check_in_process(repo) == (True, [])
    set_field(repo, "data/redactie.yml", "controle_maanden", "6")
    assert check_in_process(repo) == (True, [review_line(checked, months=6)])


@pytest.mark.parametrize(
    ("value", "line"),
    [
        (
            "nul",
            "data/redactie.yml:6:19: 'controle_maanden' klopt niet (schrijf een heel getal groter dan 0, bijvoorbeeld 24)",
        ),
        (
            "0",
            "data/redactie.yml:6:19: 'controle_maanden' klopt niet (schrijf een heel getal groter dan 0, bijvoorbeeld 24)",
        ),
    ],
    ids=["text", "zero"],
)
def test_a_wrong_setting_is_an_error_at_its_line(repo, value, line):
    set_field(repo, "data/redactie.yml", "controle_maanden", value)
    assert check_in_process(repo) == (False, [line])


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        (
            HARD,
            [
                f"{P}:3:15: waarschuwing: de samenvatting is moeilijk te lezen (Flesch-Douma -164, "
                "de ondergrens is 30) (gebruik kortere zinnen en gewone, korte woorden)"
            ],
        ),
        (
            LONG,
            [
                f"{P}:3:15: waarschuwing: deze zin in de samenvatting is lang (25 woorden): "
                f"'{LONG_SENTENCE}' (maak er twee zinnen van; hoogstens 20 woorden per zin)"
            ],
        ),
    ],
    ids=["hard-words", "long-sentence"],
)
def test_hard_summary_gets_a_readability_warning_naming_the_problem(repo, summary, expected):
    set_field(repo, P, "samenvatting", summary)
    assert check_in_process(repo) == (True, expected)


def test_check_command_counts_warnings_and_exits_zero(repo, check):
    """The real ``kennisbank check``: warnings alone never change the exit code."""
    set_field(repo, P, "samenvatting", HARD)
    result = check(repo)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [*check_in_process(repo)[1], "0 fouten en 1 waarschuwing gevonden."]


def test_a_card_with_errors_gets_its_errors_first_and_exit_code_one(repo, check):
    set_field(repo, P, "samenvatting", HARD)
    set_field(repo, P, "knelpunten", "[A, G]")
    result = check(repo)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "1 fout gevonden."


def test_github_format_turns_every_problem_into_an_annotation_on_its_line(repo):
    from conftest import kennisbank

    set_field(repo, P, "samenvatting", HARD)
    set_field(repo, "tips/korte-tip.yml", "knelpunten", "[G]")
    result = kennisbank(repo, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::warning file={P},line=3,col=15::de samenvatting is moeilijk te lezen (Flesch-Douma -164, "
        "de ondergrens is 30) (gebruik kortere zinnen en gewone, korte woorden)",
        "::error file=tips/korte-tip.yml,line=7,col=14::onbekend knelpunt 'G' (kies uit A–F)",
        "1 fout en 1 waarschuwing gevonden.",
    ]


def test_github_format_escapes_newlines_and_percent_signs():
    from kennisbank.model.problems import Level, Position, Problem, github_annotation

    problem = Problem(Position("tips/a,b.yml", 2, 3), "100% fout\nregel", "hint: ja", Level.ERROR)
    assert (
        github_annotation(problem)
        == "::error file=tips/a%2Cb.yml,line=2,col=3::100%25 fout%0Aregel (hint: ja)"
    )


@pytest.mark.slow
def test_warnings_do_not_fail_the_strict_build_and_are_shown_as_info(repo, tmp_path):
    checked = add_months(TODAY, -30)
    set_field(repo, P, "gecontroleerd", checked.isoformat())
    set_field(repo, P, "samenvatting", HARD)
    result = build(repo, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert f"INFO    -  {review_line(checked)}" in output
    assert "WARNING" not in output


def _drop_theme(root, path, theme):
    card = root / path
    text = card.read_text(encoding="utf-8")
    text = text.replace(f" {theme},", "").replace(f", {theme}]", "]").replace(f"\n  - {theme}\n", "\n")
    card.write_text(text, encoding="utf-8")


def test_a_theme_no_card_uses_is_a_warning_at_its_key_in_the_vocabulary(repo, check):
    _drop_theme(repo, "tips/korte-tip.yml", "gezin")
    result = check(repo)
    assert result.returncode == 0, result.stdout
    line = next(
        i
        for i, ln in enumerate((repo / "data/vocabulaire.yml").read_text().splitlines(), 1)
        if ln == "  gezin:"
    )
    assert result.stdout.splitlines() == [
        f"data/vocabulaire.yml:{line}:3: waarschuwing: geen enkele kaart gebruikt het thema 'gezin' "
        "(Gezin en jeugd) (zet het thema bij 'themas' op een kaart die erover gaat, "
        "of haal het weg uit de lijst)",
        "0 fouten en 1 waarschuwing gevonden.",
    ]


def test_a_theme_used_only_by_a_broken_card_is_not_called_unused(repo, check):
    # The broken card's themes cannot be read: saying 'unused' would send the editor the wrong way.
    tip = repo / "tips/korte-tip.yml"
    tip.write_text(tip.read_text(encoding="utf-8").replace("titel:", "tittel:"), encoding="utf-8")
    result = check(repo)
    assert result.returncode == 1
    assert "geen enkele kaart gebruikt het thema" not in result.stdout
