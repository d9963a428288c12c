"""The files around the cards: CI workflow, pre-commit hook, pull-request and issue templates."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml

from conftest import REPO
from kennisbank.checking.vocabulary import load_vocabulary


def load(path: str):
    return yaml.safe_load((REPO / path).read_text(encoding="utf-8"))


MAIN_PUSH = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


STRICT_BUILD = "make build SITE=site"


@pytest.fixture(scope="module")
def workflow():
    return load(".github/workflows/ci.yml")


def runs(job) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def step_using(job, action: str):
    (step,) = [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]
    return step


def test_workflow_runs_on_pull_requests_and_on_pushes_to_main(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}


def test_every_job_has_a_timeout(workflow):
    for name, job in workflow["jobs"].items():
        assert 0 < job.get("timeout-minutes", 0) <= 60, name


def test_build_job_checks_cards_runs_make_test_builds_strictly_and_keeps_a_preview(workflow):
    build = workflow["jobs"]["build"]
    assert "if" not in build  # every pull request and push
    commands = runs(build)
    assert ".venv/bin/kennisbank check --format github" in commands
    assert "make test" in commands
    assert STRICT_BUILD in commands, commands
    uploads = {
        s["with"]["name"]: s["with"]["path"] for s in build["steps"] if "upload-artifact" in s.get("uses", "")
    }
    assert uploads == {"site": "site/", "preview": "preview/"}  # preview.yml reads both
    assert "permissions" not in build  # the workflow's contents: read


def test_nothing_builds_quietly(workflow):
    """mkdocs build -q hides the warnings that --strict turns into failures."""
    for name, job in workflow["jobs"].items():
        for command in runs(job):
            if "mkdocs" in command or "properdocs" in command:
                assert not re.search(r"\s(-q|--quiet)\b", command), (name, command)


def test_make_build_builds_strictly_with_the_generator_pyproject_names():
    """CI's builds are ``make build``: strict, never quiet, with ``[tool.kennisbank] generator``."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"(?m)^build: .*\n((?:\t.*\n)+)", makefile).group(1)
    assert recipe == "\t$(BIN)/$(GENERATOR) build --strict -f mkdocs.yml -d $(SITE)\n"
    assert "sed -n 's/^generator = \"\\([a-z]*\\)\".*/\\1/p' pyproject.toml" in makefile
    generator = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["kennisbank"]
    assert generator["generator"] in ("mkdocs", "properdocs")


def test_pages_job_builds_main_at_the_address_github_pages_reports(workflow):
    pages = workflow["jobs"]["pages"]
    assert pages["if"] == MAIN_PUSH
    assert pages["needs"] == "build"
    configure = step_using(pages, "actions/configure-pages")
    build = next(s for s in pages["steps"] if s.get("run") == STRICT_BUILD)
    assert pages["steps"].index(configure) < pages["steps"].index(build)
    assert build["env"]["KENNISBANK_SITE_URL"] == (
        f"${{{{ vars.KENNISBANK_SITE_URL || steps.{configure['id']}.outputs.base_url }}}}"
    )
    assert build["env"]["KENNISBANK_PUBLISH"] == "1"
    upload = step_using(pages, "actions/upload-pages-artifact")
    assert pages["steps"].index(build) < pages["steps"].index(upload)
    assert upload["with"]["path"] == "site/"
    assert pages["permissions"] == {"contents": "read", "pages": "read"}


def test_only_the_pages_build_uploads_for_pages_and_only_deploy_may_write(workflow):
    jobs = workflow["jobs"]
    uploaders = [
        n for n, j in jobs.items() if any("upload-pages-artifact" in s.get("uses", "") for s in j["steps"])
    ]
    assert uploaders == ["pages"]
    deploy = jobs["deploy"]
    assert deploy["needs"] == "pages"
    assert deploy["if"] == MAIN_PUSH
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert step_using(deploy, "actions/deploy-pages")["id"] == "deployment"
    writers = [n for n, j in jobs.items() if "write" in j.get("permissions", {}).values()]
    assert writers == ["deploy"]


def test_every_action_is_pinned_to_a_version_and_dependabot_moves_the_pins(workflow):
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
    dependabot = load(".github/dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u for u in dependabot["updates"]}
    assert {"github-actions", "pip", "npm"} <= set(ecosystems)
    assert all(u["schedule"]["interval"] == "weekly" for u in ecosystems.values())


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


# --- Previews of pull requests (preview.yml) ------------------------------------------------


def _run_step(step, env: dict[str, str], tmp_path, cwd=None):
    """Run a workflow step's shell script as the runner would, with its outputs in files."""
    import os
    import subprocess

    output, summary = tmp_path / "output", tmp_path / "summary"
    output.write_text("")
    summary.write_text("")
    result = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", step["run"]],
        env={
            "PATH": os.environ["PATH"],
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(summary),
            **env,
        },
        capture_output=True,
        text=True,
        cwd=cwd or tmp_path,
        timeout=60,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return result, outputs, summary.read_text()


@pytest.fixture(scope="module")
def preview():
    return load(".github/workflows/preview.yml")


def _step(job, step_id):
    (step,) = [s for s in job["steps"] if s.get("id") == step_id]
    return step


def test_preview_starts_after_ci_of_a_pull_request_and_never_runs_its_code(preview):
    assert preview[True] == {"workflow_run": {"workflows": ["ci"], "types": ["completed"]}}
    (job,) = preview["jobs"].values()
    assert job["if"] == (
        "github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion == 'success'"
    )
    uses = [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s]
    assert uses == ["actions/download-artifact"]  # no checkout: nothing of the pull request runs
    assert preview["permissions"] == {"contents": "read"}
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}


def test_preview_skips_cleanly_and_says_so_without_its_secret(preview, tmp_path):
    (job,) = preview["jobs"].values()
    host = _step(job, "host")
    result, outputs, summary = _run_step(host, {"TOKEN": "", "PROJECT": "kennisbank"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert outputs == {"ready": "false"}
    assert "Geen voorvertoning: CLOUDFLARE_API_TOKEN of PREVIEW_PROJECT is niet ingesteld" in summary
    result, outputs, _ = _run_step(host, {"TOKEN": "geheim", "PROJECT": "kennisbank"}, tmp_path)
    assert outputs == {"ready": "true"}
    later = job["steps"][job["steps"].index(host) + 1 :]
    assert later and all(s["if"] == "steps.host.outputs.ready == 'true'" for s in later)


@pytest.mark.parametrize(
    ("number", "built_for", "ok", "warns"),
    [
        ("12", "https://pr-12.kennisbank.pages.dev/", True, False),
        ("12", "", True, True),
        ("12; curl evil.example", "", False, False),
        ("", "", False, False),
    ],
    ids=["built-for-its-address", "built-without-address", "not-a-number", "no-number"],
)
def test_preview_takes_only_a_number_from_the_pull_requests_artifact(
    preview, tmp_path, number, built_for, ok, warns
):
    (job,) = preview["jobs"].values()
    note = tmp_path / "artifacts" / "preview"
    note.mkdir(parents=True)
    (note / "nummer.txt").write_text(number + "\n")
    (note / "adres.txt").write_text(built_for + "\n")
    result, outputs, summary = _run_step(_step(job, "pr"), {"PROJECT": "kennisbank"}, tmp_path)
    assert (result.returncode == 0) == ok, result.stderr
    if ok:
        assert outputs == {"number": "12", "address": "https://pr-12.kennisbank.pages.dev/"}
    assert ("niet voor https://pr-12.kennisbank.pages.dev/ gebouwd" in summary) == warns


def test_a_pull_requests_build_uses_its_preview_address(workflow, tmp_path):
    build = workflow["jobs"]["build"]
    (address,) = [s for s in build["steps"] if s.get("name") == "Preview address of this pull request"]
    strict = next(s for s in build["steps"] if s.get("run") == STRICT_BUILD)
    tests = next(s for s in build["steps"] if s.get("run") == "make test")
    steps = build["steps"]
    assert steps.index(tests) < steps.index(address) < steps.index(strict)  # the tests build at localhost
    env_file = tmp_path / "env"
    env_file.write_text("")
    result, _, _ = _run_step(
        address, {"NUMBER": "12", "PROJECT": "kennisbank", "GITHUB_ENV": str(env_file)}, tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert env_file.read_text() == "KENNISBANK_SITE_URL=https://pr-12.kennisbank.pages.dev/\n"
