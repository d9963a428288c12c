"""The files around the cards: CI workflow, pre-commit hook, pull-request and issue templates."""

from __future__ import annotations

import json
import re

import yaml

from conftest import REPO
from kennisbank.vocabulary import load_vocabulary


def load(path: str):
    return yaml.safe_load((REPO / path).read_text(encoding="utf-8"))


def test_workflow_checks_tests_builds_uploads_and_deploys_main_to_pages():
    workflow = load(".github/workflows/ci.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]
    assert set(workflow["jobs"]) == {"build", "deploy"}
    build = workflow["jobs"]["build"]
    assert build["container"] == "python:3.11-bookworm"
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    uses = [step.get("uses", "") for step in build["steps"]]
    for command in (
        "pip install --quiet -e '.[test]'",
        "apt-get install -y -qq chromium",
        ".venv/bin/kennisbank check --format github",
        "make test",
        ".venv/bin/mkdocs build --strict -d site",
    ):
        assert command in runs, command
    assert " -q" not in runs.replace(" -qq", "").replace("--quiet", "")
    assert uses[0] == "actions/checkout@v4"
    assert "actions/upload-artifact@v4" in uses
    pages = next(s for s in build["steps"] if s.get("uses") == "actions/upload-pages-artifact@v3")
    assert pages["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == pages["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"] == "actions/deploy-pages@v4"


def test_pre_commit_runs_kennisbank_check_on_changed_cards():
    config = load(".pre-commit-config.yaml")
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"] == ".venv/bin/kennisbank check"
    assert hook["language"] == "system"
    pattern = re.compile(hook["files"])
    assert pattern.search("practices/emmen.yml") and pattern.search("obstacles/a.yml")
    assert not pattern.search("docs/index.md") and not pattern.search("data/vocabulaire.yml")


def test_pull_request_template_has_the_checklist():
    text = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for item in ("**bron**", "**getal**", "hoogstens 2 korte zinnen", "`kennisbank check` is **groen**"):
        assert item in text


def test_issue_form_asks_for_every_required_practice_field_and_knows_the_provinces():
    form = load(".github/ISSUE_TEMPLATE/praktijk-voorstellen.yml")
    assert form["name"] == "Praktijk voorstellen"
    ids = {item["id"]: item for item in form["body"] if "id" in item}
    schema = json.loads((REPO / "schema" / "praktijk.schema.json").read_text(encoding="utf-8"))
    for field in set(schema["required"]) - {"gecontroleerd"}:  # the maintainer checks and dates it
        assert field in ids, field
        assert ids[field]["attributes"]["label"], field
    vocab = load_vocabulary(REPO)[0]
    assert ids["provincie"]["attributes"]["options"] == [t.naam for t in vocab.provincies]
    assert [o["label"] for o in ids["knelpunten"]["attributes"]["options"]] == list("ABCDEF")


def test_the_worked_example_in_contributing_passes_the_check_without_warnings(repo, check):
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    (repo / "practices" / "voorbeeld-uit-contributing.yml").write_text(example, encoding="utf-8")
    result = check(repo, "practices/voorbeeld-uit-contributing.yml")
    assert result.stdout == "Alles in orde: 1 kaart gecontroleerd.\n"
    assert result.returncode == 0
