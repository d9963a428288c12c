"""``kennisbank nieuw``: a new card from the schema, valid once an editor fills in what is required."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import kennisbank
from kennisbank.model.day import TODAY_ENV

# What an editor types into the open (required) fields of each card type.
FILLED = {
    "praktijk": {
        "samenvatting": "De Bibliotheek zocht mensen op in de wijk. Zo kwamen er meer mensen naar het Taalhuis.",
        "plaats": "Emmen",
        "provincie": "drenthe",
        "naam": "Bibliotheek Emmen",
        "type": "bibliotheek",
        "jaar": "2019",
        "verhaal": "Vrijwilligers gingen langs de deuren.",
        "knelpunten": "[C]",
        "themas": "[bereik]",
        "document": "Inspiratiedocument",
        "uitgever": "Bibliotheeknetwerk",
    },
    "tip": {
        "samenvatting": "Vraag mensen zelf wat ze willen leren. Dan blijven ze langer komen.",
        "uitleg": "Begin met een gesprek.",
        "knelpunten": "[A]",
        "themas": "[bereik]",
        "document": "Inspiratiedocument",
        "uitgever": "Bibliotheeknetwerk",
        "jaar": "2018",
    },
    "aanbeveling": {
        "code": "Z",
        "niveau": "gemeente",
        "samenvatting": "Maak basisvaardigheden een vast onderdeel van het beleid van de gemeente.",
        "tekst": "Leg het vast in het coalitieakkoord.",
        "knelpunten": "[A]",
        "document": "Advies",
        "uitgever": "Stichting Lezen en Schrijven",
        "jaar": "2021",
    },
}
FOLDER = {"praktijk": "practices", "tip": "tips", "aanbeveling": "recommendations"}


def nieuw(repo, soort, titel):
    return kennisbank(repo, "nieuw", soort, titel)


def fill(text: str, values: dict[str, str]) -> str:
    """Put a value after each open field, the way an editor would (``- naam:`` too)."""
    for key, value in values.items():
        text, n = re.subn(rf"(?m)^(\s*(?:- )?){key}:( \||( \[\])?)$", rf"\g<1>{key}: {value}", text)
        assert n >= 1, key
    return text


@pytest.mark.parametrize("soort", list(FILLED))
def test_new_card_validates_once_its_required_fields_are_filled(repo, check, soort):
    result = nieuw(repo, soort, "Taal: de sleutel tot Émmen")
    shown = f"{FOLDER[soort]}/taal-de-sleutel-tot-emmen.yml"
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        f"Nieuwe kaart: {shown}",
        f"Vul de velden in en controleer de kaart met: kennisbank check {shown}",
        f"Klaar? Dan haalt 'kennisbank opmaak {shown}' de uitleg weg en zet de kaart in de vaste opmaak.",
    ]
    card = repo / shown
    text = card.read_text(encoding="utf-8")
    assert check(repo, shown).returncode == 1, "an empty new card must not pass"
    card.write_text(fill(text, FILLED[soort]), encoding="utf-8")
    result = check(repo, shown)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].endswith(
        f"deze kaart staat niet in de vaste opmaak van kaarten (hier wijkt hij af) (draai 'kennisbank opmaak "
        f"{shown}': dat zet alleen de opmaak goed, de inhoud blijft gelijk)"
    ), result.stdout
    filled = yaml.safe_load(card.read_text(encoding="utf-8"))
    assert kennisbank(repo, "opmaak", shown).stdout.splitlines() == [f"opgemaakt: {shown}", "1 kaart opgemaakt."]
    assert yaml.safe_load(card.read_text(encoding="utf-8")) == filled
    assert "# Nieuwe kaart" not in card.read_text(encoding="utf-8")
    result = check(repo, shown)
    assert result.stdout == "Alles in orde: 1 kaart gecontroleerd.\n"
    assert result.returncode == 0


@pytest.mark.parametrize("soort", list(FILLED))
def test_new_card_has_the_modeline_the_title_today_and_every_schema_field_with_its_description(
    repo, soort, monkeypatch
):
    monkeypatch.setenv(TODAY_ENV, "2031-05-17")  # "today" is given, never read from the clock
    assert nieuw(repo, soort, "Koken binnen budget").returncode == 0
    text = (repo / FOLDER[soort] / "koken-binnen-budget.yml").read_text(encoding="utf-8")
    schema_name = {"praktijk": "praktijk", "tip": "tip", "aanbeveling": "aanbeveling"}[soort]
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schema/{schema_name}.schema.json"
    data = yaml.safe_load(text)
    assert data["titel"] == "Koken binnen budget"
    assert str(data["gecontroleerd"]) == "2031-05-17"
    schema = json.loads((repo / "schema" / f"{schema_name}.schema.json").read_text(encoding="utf-8"))
    one_line = " ".join(ln.lstrip("# ").strip() for ln in text.splitlines() if ln.lstrip().startswith("#"))
    for name in schema["properties"]:
        assert re.search(rf"(?m)^(# )?{name}:", text), name
    # 'then': required in the usual case (a practice's plaats, unless it is about a region)
    required = {*schema["required"], *schema.get("then", {}).get("required", ())}
    for name in required:
        assert name in data, name
    for optional in set(schema["properties"]) - required:
        assert optional not in data, f"{optional} is optional and must start switched off"
        assert "(niet verplicht)" in one_line
    assert (
        "Titel (verplicht): Korte, duidelijke titel (hoogstens 100 tekens). Gewone tekst, geen opmaak."
        in one_line
    )


def test_new_card_never_overwrites_an_existing_card_and_names_it(repo):
    card = repo / "tips" / "korte-tip.yml"
    before = card.read_bytes()
    result = nieuw(repo, "tip", "Korte tip")
    assert result.returncode == 1
    assert result.stdout == (
        "tips/korte-tip.yml:1:1: deze kaart bestaat al; er is niets overschreven "
        "(pas die kaart aan, of kies een andere titel)\n"
    )
    assert card.read_bytes() == before


def test_a_title_without_letters_gets_a_clear_message(repo):
    result = nieuw(repo, "tip", "?!")
    assert result.returncode == 1
    assert result.stdout == (
        "tips:1:1: van de titel '?!' kan geen bestandsnaam gemaakt worden (gebruik letters of cijfers in de titel)\n"
    )


def test_a_today_that_is_not_a_date_stops_the_command_with_its_reason(repo, monkeypatch):
    monkeypatch.setenv(TODAY_ENV, "morgen")
    result = nieuw(repo, "tip", "Koken binnen budget")
    assert result.returncode == 2
    assert result.stdout == (
        "kennisbank: KENNISBANK_TODAY is 'morgen', maar dat is geen datum (schrijf bijvoorbeeld "
        "2026-12-07, of laat de variabele leeg voor vandaag)\n"
    )
    assert not (repo / "tips" / "koken-binnen-budget.yml").exists()
