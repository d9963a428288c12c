"""The form at /admin/: its config comes from the schemas and the vocabulary at every build, it
passes Sveltia's own config schema, and it says plainly what is not set up."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from conftest import MKDOCS, REPO, build
from kennisbank.checking.settings import Settings, load_settings
from kennisbank.model.types import Kind
from kennisbank.output import cms, formrules

SVELTIA_SCHEMA = REPO / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"


@pytest.fixture(scope="module")
def config(built_site):
    return yaml.safe_load((built_site / "admin" / "config.yml").read_text(encoding="utf-8"))


def collection(config, name):
    (found,) = [c for c in config["collections"] if c["name"] == name]
    return found


def fields(collection):
    return {f["name"]: f for f in collection["fields"]}


def test_practices_tips_and_recommendations_can_be_made_and_knelpunten_only_edited(config):
    made = {c["name"]: (c["folder"], c["create"]) for c in config["collections"]}
    assert made == {
        "praktijken": ("practices", True),
        "tips": ("tips", True),
        "aanbevelingen": ("recommendations", True),
        "knelpunten": ("obstacles", False),
    }
    assert all(c["extension"] == "yml" and c["slug"] == "{{titel}}" for c in config["collections"])
    assert config["slug"] == {
        "encoding": "ascii",
        "clean_accents": True,
        "sanitize_replacement": "-",
        "maxlength": 80,
    }
    assert config["output"] == {"omit_empty_optional_fields": True}
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["name"] == "github" and config["backend"]["branch"] == "main"


def test_every_field_of_the_schema_is_in_the_form_with_its_dutch_label_hint_and_required(config, real_site):
    result = real_site.result
    assert result.schemas is not None
    for kind in Kind:
        schema = result.schemas.documents[kind.schema]
        form = fields(collection(config, kind.url_prefix))
        assert list(form) == list(schema["properties"]), kind
        for name, field in form.items():
            assert field["required"] == (name in schema["required"]), (kind, name)
            assert field["label"] and field["hint"], (kind, name)
    practice = fields(collection(config, "praktijken"))
    assert practice["titel"]["label"] == "Titel" and practice["titel"]["maxlength"] == 100
    assert practice["jaar"] == {
        **practice["jaar"],
        "widget": "number",
        "value_type": "int",
        "min": 1950,
        "max": 2100,
    }
    assert practice["verhaal"]["widget"] == "markdown"
    assert (
        practice["gecontroleerd"]["widget"] == formrules.NOT_LATER  # the date widget, not after today
        and practice["gecontroleerd"]["time_format"] is False
    )
    assert practice["plaats"]["widget"] == formrules.CONDITIONAL and practice["plaats"]["tenzij"] == [
        {"veld": "regio"},
        {"veld": "provincie", "waarde": "landelijk"},
    ]
    assert collection(config, "praktijken")["format"] == "kaart-praktijk"
    assert practice["organisaties"]["widget"] == "list" and practice["organisaties"]["min"] == 1
    assert [f["name"] for f in practice["bron"]["fields"]] == [
        "document",
        "uitgever",
        "jaar",
        "onderdeel",
        "url",
    ]
    assert practice["resultaten"]["field"]["widget"] == "string"


def test_vocabulary_values_are_choices_with_their_names(config, real_site):
    result = real_site.result
    assert result.vocab is not None
    practice = fields(collection(config, "praktijken"))
    themes = practice["themas"]
    assert themes["widget"] == "select" and themes["multiple"] is True and themes["min"] == 1
    assert themes["options"] == [{"label": t.naam, "value": t.slug} for t in result.vocab.themas]
    assert practice["provincie"]["options"][0]["value"] == result.vocab.provincies[0].slug
    (kind,) = [f for f in practice["organisaties"]["fields"] if f["name"] == "type"]
    assert {o["value"] for o in kind["options"]} == {t.slug for t in result.vocab.organisatietypes}


def test_references_to_other_cards_are_relations_to_their_collection(config):
    practice = fields(collection(config, "praktijken"))
    assert practice["tips"]["collection"] == "tips" and practice["tips"]["value_field"] == "{{slug}}"
    assert practice["aanbevelingen"]["collection"] == "aanbevelingen"
    knelpunten = practice["knelpunten"]
    assert (knelpunten["widget"], knelpunten["collection"], knelpunten["value_field"]) == (
        "relation",
        "knelpunten",
        "code",
    )
    assert knelpunten["multiple"] is True and knelpunten["min"] == 1
    assert fields(collection(config, "tips"))["praktijken"]["collection"] == "praktijken"


@pytest.mark.slow
def test_the_config_passes_sveltias_own_schema_of_its_config(built_site, tmp_path):
    result = subprocess.run(
        [
            MKDOCS.parent / "check-jsonschema",
            "--schemafile",
            SVELTIA_SCHEMA,
            built_site / "admin" / "config.yml",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "config.yml"
    broken.write_text("backend: {name: github}\ncollections: [{name: x, widget: tekst}]\n", encoding="utf-8")
    refused = subprocess.run(
        [MKDOCS.parent / "check-jsonschema", "--schemafile", SVELTIA_SCHEMA, broken],
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1, refused.stdout  # the schema can fail


TITLES = [
    "Taalcafé in de Bibliotheek van Ésbeek",
    "Een titel\nover twee regels",
    "**Vet** is geen titel",
    "# Kop",
    "<b>html</b>",
    "!!!",
    "Gewone titel met 5 cijfers",
    "  Met spaties ervoor",
]


@pytest.mark.parametrize("text", TITLES)
def test_the_forms_pattern_for_a_title_agrees_with_the_schema(config, real_site, text):
    """The form joins the schema's patterns into one; it must refuse what the check refuses."""
    result = real_site.result
    assert result.schemas is not None
    validator = result.schemas.validators[Kind.PRAKTIJK]
    title_errors = [e for e in validator.iter_errors({"titel": text}) if list(e.absolute_path) == ["titel"]]
    pattern, message = fields(collection(config, "praktijken"))["titel"]["pattern"]
    assert bool(re.search(pattern, text)) == (not title_errors), (text, [e.message for e in title_errors])
    assert message.startswith("Een titel staat op één regel")


@pytest.mark.slow
def test_a_vocabulary_change_reaches_the_form_at_the_next_build(repo, tmp_path, check):
    vocab = repo / "data" / "vocabulaire.yml"
    vocab.write_text(
        vocab.read_text().replace("  beleid:\n", "  taalcafe:\n    naam: Taalcafé\n  beleid:\n", 1)
    )
    from conftest import kennisbank

    assert kennisbank(repo, "schema").returncode == 0
    result = build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((tmp_path / "site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    themes = fields(collection(config, "praktijken"))["themas"]["options"]
    assert {"label": "Taalcafé", "value": "taalcafe"} in themes


@pytest.mark.parametrize(
    ("settings", "bundled", "says", "starts"),
    [
        (Settings(repository="bieb/kennisbank"), True, "Inloggen met GitHub werkt hier nog niet", True),
        (Settings(repository="bieb/kennisbank", inloghulp="https://inlog.example.org"), True, None, True),
        (Settings(), True, "weet nog niet in welke GitHub-repository", False),
        (Settings(repository="bieb/kennisbank"), False, "niet meegebouwd", False),
    ],
    ids=["no-login-helper", "all-set", "no-repository", "no-bundle"],
)
def test_the_admin_page_says_what_is_not_set_up(monkeypatch, settings, bundled, says, starts):
    monkeypatch.delenv(cms.REPOSITORY_ENV, raising=False)
    page = cms.admin_page(settings, bundled, "https://kennisbank.example.org/")
    assert "Opslaan is nog niet publiceren" in page and "pull request" in page
    assert "lokale repository" not in page
    assert ('<script type="module" src="kennisbank-cms.js">' in page) == starts
    assert '<meta name="robots" content="noindex">' in page and '<html lang="nl">' in page
    if says:
        assert says in page
    else:
        assert "Beheerders" not in page  # only what saving does, and the no-JavaScript note


def test_on_your_own_computer_the_form_starts_without_a_repository_and_explains_the_local_folder(monkeypatch):
    monkeypatch.delenv(cms.REPOSITORY_ENV, raising=False)
    page = cms.admin_page(Settings(), True, "http://127.0.0.1:8000/")
    assert '<script type="module" src="kennisbank-cms.js">' in page
    assert "Werken met een lokale repository" in page and "Chrome, Edge" in page
    assert "weet nog niet in welke GitHub-repository" not in page
    assert "alleen in de map op je computer" in page
    config = cms.cms_config(_schemas(), _vocab(), Settings(), "http://127.0.0.1:8000/")
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == cms.LOCAL_REPOSITORY
    published = cms.cms_config(_schemas(), _vocab(), Settings(), "https://kennisbank.example.org/")
    assert published["backend"]["repo"] == ""  # the published site never works with a local folder


def _vocab():
    from kennisbank.checking.vocabulary import load_vocabulary

    vocab, problems = load_vocabulary(REPO)
    assert problems == []
    return vocab


def _schemas():
    from kennisbank.checking.schemas import load_schemas

    return load_schemas(REPO, _vocab())


def test_a_schema_rule_the_form_cannot_express_stops_the_build_of_its_config():
    with pytest.raises(ValueError, match="cannot express"):
        formrules.conditional_required({"if": {"required": ["regio"]}, "then": {"required": ["plaats"]}})
    with pytest.raises(ValueError, match="cannot express"):
        formrules.conditional_required({"if": {"not": {"anyOf": [{"required": ["a"], "minLength": 2}]}}, "then": {}})
    assert formrules.conditional_required({"type": "object"}) == {}


def test_the_repository_comes_from_the_settings_or_else_from_github_actions(monkeypatch):
    monkeypatch.setenv(cms.REPOSITORY_ENV, "fork/kennisbank")
    assert cms.repository(Settings()) == "fork/kennisbank"
    assert cms.repository(Settings(repository="bieb/kennisbank")) == "bieb/kennisbank"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("repository: geen repository", "'repository' klopt niet"),
        ("tak: ''", "'tak' klopt niet"),
        ("inloghulp: http://inlog.example.org", "'inloghulp' klopt niet"),
        ("inloghulp: 'https://x\" onload=\"alert(1)'", "'inloghulp' klopt niet"),
    ],
)
def test_a_wrong_form_setting_is_reported_at_its_line(repo, line, message):
    (repo / "data" / "redactie.yml").write_text(f"controle_maanden: 24\n{line}\n", encoding="utf-8")
    settings, problems = load_settings(repo)
    assert [str(p).split(" (")[0] for p in problems] == [
        f"data/redactie.yml:2:{line.index(':') + 3}: {message}"
    ]
    assert settings == Settings()


def test_a_link_in_the_bundle_folder_is_never_published(tmp_path):
    bundle = tmp_path / cms.BUNDLE_DIR
    (bundle / "chunks").mkdir(parents=True)
    (bundle / cms.BUNDLE_ENTRY).write_text("export {};\n", encoding="utf-8")
    (bundle / "chunks" / "a.js").write_text("export {};\n", encoding="utf-8")
    (bundle / "geheim.txt").symlink_to("/etc/passwd")
    (bundle / "map").symlink_to("/etc", target_is_directory=True)
    assert [p.as_posix() for p in cms.bundle_files(tmp_path)] == ["chunks/a.js", cms.BUNDLE_ENTRY]


def test_the_built_site_publishes_the_bundle_with_its_licences_and_no_visitor_page_loads_it(built_site):
    admin = built_site / "admin"
    assert (admin / cms.BUNDLE_ENTRY).is_file(), "draai 'make cms' voor de tests"
    licences = (admin / "LICENSES.txt").read_text(encoding="utf-8")
    assert "@sveltia/cms" in licences and "MIT" in licences
    assert not [p for p in admin.rglob("*") if p.is_symlink()]
    for page in built_site.rglob("*.html"):
        if admin not in page.parents:
            assert "kennisbank-cms" not in page.read_text(encoding="utf-8"), page


def test_the_form_knows_the_places_and_regions_of_the_check_and_its_words(config):
    """One source: the names come from the check's gazetteer and the words from checking/places.py,
    so the form (admin/rules.js) cannot drift from the check."""
    from kennisbank.checking import places

    practice = fields(collection(config, "praktijken"))
    plaats, regio = practice["plaats"], practice["regio"]
    assert plaats["widget"] == formrules.CONDITIONAL  # still required unless regio or landelijk
    assert "Dalfsen" in plaats["gemeenten"]["overijssel"].split(formrules.SEPARATOR)
    assert "Hengelo" in plaats["gemeenten"]["overijssel"].split(formrules.SEPARATOR)
    assert "Hengelo" in plaats["kleine_plaatsen"]["gelderland"].split(formrules.SEPARATOR)  # the other Hengelo
    assert plaats["provincies"]["noord-holland"] == "Noord-Holland"
    assert plaats["fouten"]["onbekend"] == places.UNKNOWN_PLACE
    assert plaats["fouten"]["onbekend"].format(plaats="Dalfsn") == (
        "onbekende plaats 'Dalfsn': die staat niet in de lijst van gemeenten"
    )
    assert plaats["fouten"]["gok"] == places.GUESS
    assert plaats["fouten"]["elders"] == places.ELSEWHERE
    assert regio["widget"] == formrules.PLACE
    assert "Twente" in regio["regios"]
    assert regio["fouten"]["onbekend"] == places.UNKNOWN_REGION
