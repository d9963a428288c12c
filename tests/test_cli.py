"""``kennisbank check`` as editors and CI use it."""

from __future__ import annotations

import shutil

import pytest


def test_clean_repository_passes_with_exit_code_zero(repo, check):
    result = check(repo)
    assert result.returncode == 0
    assert result.stdout == "Alles in orde: 9 kaarten gecontroleerd.\n"


def test_only_the_given_file_is_reported_but_references_use_the_whole_repository(repo, check):
    tip = repo / "tips" / "korte-tip.yml"
    tip.write_text(tip.read_text().replace("titel:", "tittel:"), encoding="utf-8")
    result = check(repo, "practices/dalfsen-taalmeter.yml")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "Alles in orde: 1 kaart gecontroleerd.\n"
    assert check(repo, "tips").returncode == 1


def test_a_card_outside_the_repository_is_checked_by_its_folder_name(repo, check, tmp_path):
    outside = tmp_path / "elders" / "practices"
    outside.mkdir(parents=True)
    shutil.copy(repo / "practices" / "dalfsen-taalmeter.yml", outside / "nieuw-voorbeeld.yml")
    (outside / "nieuw-voorbeeld.yml").write_text(
        (outside / "nieuw-voorbeeld.yml").read_text().replace("tips: [korte-tip]", "tips: [bestaat-niet]")
    )
    result = check(repo, str(outside / "nieuw-voorbeeld.yml"))
    assert result.returncode == 1
    assert f"{outside}/nieuw-voorbeeld.yml:12:8: onbekende tip 'bestaat-niet'" in result.stdout


def test_missing_path_is_reported_not_crashed(repo, check):
    result = check(repo, "practices/bestaat-niet.yml")
    assert result.returncode == 1
    assert "practices/bestaat-niet.yml:1:1: dit bestand of deze map bestaat niet" in result.stdout


def test_outside_a_knowledge_base_the_command_says_so(tmp_path):
    from conftest import KENNISBANK, run

    result = run([KENNISBANK, "--root", tmp_path, "check"], cwd=tmp_path)
    assert result.returncode == 2
    assert "geen kennisbank gevonden" in result.stdout
    assert "Traceback" not in result.stderr


def test_stale_vocabulary_schema_is_an_error_with_the_command_to_fix_it(repo, check):
    vocab = repo / "data" / "vocabulaire.yml"
    vocab.write_text(
        vocab.read_text().replace("  beleid:\n", "  nieuw-thema:\n    naam: Nieuw\n  beleid:\n", 1)
    )
    result = check(repo)
    assert result.returncode == 1
    assert (
        "schema/vocabulaire.schema.json:1:1: het schema van de vaste lijsten loopt niet gelijk met "
        "data/vocabulaire.yml (draai 'kennisbank schema' en neem het nieuwe bestand mee in je wijziging)"
    ) in result.stdout
    from conftest import kennisbank

    assert kennisbank(repo, "schema").returncode == 0
    assert check(repo).returncode == 0


@pytest.mark.slow
def test_build_fails_on_a_bad_card_with_the_same_message_and_no_traceback(repo, tmp_path):
    from conftest import build

    card = repo / "practices" / "dalfsen-taalmeter.yml"
    card.write_text(card.read_text().replace("knelpunten: [A, C]", "knelpunten: [A, G]"))
    result = build(repo, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "practices/dalfsen-taalmeter.yml:13:17: onbekend knelpunt 'G' (kies uit A–F)" in output
    assert "Traceback" not in output


def test_running_the_command_inside_another_program_leaves_its_broken_pipe_handling_alone(repo):
    """The tests run the command in their own process: the command must not make a write to a
    closed connection (a browser that went away from the test server) end that process."""
    import signal

    from conftest import kennisbank

    before = signal.getsignal(signal.SIGPIPE)
    assert kennisbank(repo, "check").returncode == 0
    assert signal.getsignal(signal.SIGPIPE) == before == signal.SIG_IGN
