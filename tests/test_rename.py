"""``kennisbank hernoem``: a new name for a card, with every reference and a redirect kept right."""

from __future__ import annotations

import pytest
import yaml

from conftest import kennisbank

REDIRECTS = "data/redirects.yml"
HEADER = (
    "# Doorverwijzingen: oud adres -> nieuw adres. Een adres dat ooit online stond, blijft werken.\n"
    "# 'kennisbank hernoem' vult deze lijst zelf aan. Haal hier nooit een regel weg.\n"
    "# Voorbeeld:\n"
    "#   /praktijken/oude-naam/: /praktijken/nieuwe-naam/\n"
)


def hernoem(repo, old, new):
    return kennisbank(repo, "hernoem", old, new)


def test_rename_moves_the_card_updates_references_in_place_and_adds_a_redirect(repo):
    practice = repo / "practices" / "dalfsen-taalmeter.yml"
    before = practice.read_text()
    assert kennisbank(repo, "urls").returncode == 0

    result = hernoem(repo, "korte-tip", "cijfers-met-een-gezicht")

    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        "Hernoemd: tips/korte-tip.yml → tips/cijfers-met-een-gezicht.yml",
        "Verwijzing aangepast: practices/dalfsen-taalmeter.yml (regel 12)",
        "Doorverwijzing in data/redirects.yml: /tips/korte-tip/ → /tips/cijfers-met-een-gezicht/",
        "Alles in orde: 9 kaarten gecontroleerd.",
        "Nieuw adres in published-urls.txt: /tips/cijfers-met-een-gezicht/",
    ]
    assert not (repo / "tips" / "korte-tip.yml").exists()
    assert (repo / "tips" / "cijfers-met-een-gezicht.yml").is_file()
    assert practice.read_text() == before.replace("tips: [korte-tip]", "tips: [cijfers-met-een-gezicht]")
    assert (repo / REDIRECTS).read_text() == HEADER + "/tips/korte-tip/: /tips/cijfers-met-een-gezicht/\n"
    published = (repo / "published-urls.txt").read_text()
    assert "/tips/korte-tip/\n" in published, "a published address is never removed"


def test_rename_by_path_changes_references_in_block_lists_and_quoted_items_only(repo):
    tip = repo / "tips" / "korte-tip.yml"
    tip.write_text(
        tip.read_text().replace(
            "praktijken: [dalfsen-taalmeter]",
            "# dalfsen-taalmeter is het voorbeeld\npraktijken:\n  - 'dalfsen-taalmeter'",
        ),
        encoding="utf-8",
    )
    result = hernoem(repo, "practices/dalfsen-taalmeter.yml", "dalfsen-taalmeter-in-de-sw")
    assert "Verwijzing aangepast: tips/korte-tip.yml (regel 8)" in result.stdout
    text = tip.read_text()
    assert "# dalfsen-taalmeter is het voorbeeld\npraktijken:\n  - 'dalfsen-taalmeter-in-de-sw'\n" in text
    # a card written by hand in another layout is renamed all the same; the check then asks for the layout
    assert result.returncode == 1, result.stdout
    assert "draai 'kennisbank opmaak tips/korte-tip.yml'" in result.stdout


def test_renaming_twice_keeps_one_hop_redirects_and_renaming_back_drops_the_loop(repo):
    assert hernoem(repo, "korte-tip", "tweede-naam").returncode == 0
    assert hernoem(repo, "tweede-naam", "derde-naam").returncode == 0
    redirects = yaml.safe_load((repo / REDIRECTS).read_text())
    assert redirects == {"/tips/korte-tip/": "/tips/derde-naam/", "/tips/tweede-naam/": "/tips/derde-naam/"}
    assert hernoem(repo, "derde-naam", "korte-tip").returncode == 0
    redirects = yaml.safe_load((repo / REDIRECTS).read_text())
    assert redirects == {"/tips/tweede-naam/": "/tips/korte-tip/", "/tips/derde-naam/": "/tips/korte-tip/"}
    assert (repo / REDIRECTS).read_text().startswith(HEADER)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "korte-tip",
            "Korte Tip!",
            "Korte Tip!:1:1: 'Korte Tip!' is geen geldige naam voor een kaart "
            "(gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'korte-tip')",
        ),
        (
            "korte-tip",
            "korte-tip",
            "tips/korte-tip.yml:1:1: dit is al de naam van de kaart (kies een andere naam)",
        ),
        (
            "dalfsen-taalmeter",
            "practices/dalfsen-taalmeter.yml",
            "practices/dalfsen-taalmeter.yml:1:1: dit is al de naam van de kaart (kies een andere naam)",
        ),
        (
            "gemeente-a-test",
            "dalfsen-taalmeter",
            None,
        ),
        (
            "obstacles/a.yml",
            "g",
            "obstacles/a.yml:1:1: een knelpunt kan niet hernoemd worden "
            "(een knelpunt heet naar zijn code (a.yml tot en met f.yml); verander de titel in het bestand)",
        ),
        (
            "bestaat-niet",
            "iets",
            "bestaat-niet:1:1: er is geen kaart met de naam 'bestaat-niet' "
            "(gebruik de bestandsnaam zonder .yml, bijvoorbeeld dalfsen-taalmeter)",
        ),
        (
            "korte-tip",
            "practices/korte-tip-2.yml",
            "practices/korte-tip-2.yml:1:1: een kaart blijft in haar eigen map "
            "(geef een nieuwe naam in tips/, bijvoorbeeld tips/korte-tip-2.yml)",
        ),
    ],
    ids=[
        "invalid-slug",
        "same-name",
        "same-path",
        "other-kind-same-name-is-fine",
        "knelpunt",
        "unknown",
        "other-folder",
    ],
)
def test_rename_refuses_and_changes_nothing(repo, old, new, expected):
    before = {p: p.read_bytes() for p in repo.rglob("*.yml")}
    result = hernoem(repo, old, new)
    if expected is None:  # a practice and a recommendation may share a name
        assert result.returncode == 0, result.stdout
        return
    assert result.returncode == 1
    assert result.stdout == expected + "\n"
    assert {p: p.read_bytes() for p in repo.rglob("*.yml")} == before


def test_rename_refuses_when_the_new_name_is_taken(repo):
    (repo / "tips" / "andere-tip.yml").write_text((repo / "tips" / "korte-tip.yml").read_text())
    result = hernoem(repo, "korte-tip", "andere-tip")
    assert result.returncode == 1
    assert (
        result.stdout == "tips/andere-tip.yml:1:1: er is al een kaart met deze naam (kies een andere naam)\n"
    )
    assert (repo / "tips" / "korte-tip.yml").exists()
