"""The schemas in schema/ work in standard JSON Schema tools as they are, from any directory.

Editors' IDEs (yaml-language-server) and tools such as ``check-jsonschema`` read the schema
files themselves, not through ``kennisbank``: a relative ``$ref`` must resolve against the
schema file, wherever the tool runs, without fetching anything from the network. ``pattern``
is ECMA-262 there (check-jsonschema uses regress), Python ``re`` in ``kennisbank check``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import regress

from conftest import REPO
from kennisbank.model.types import Kind

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
# Any attempt to fetch a schema goes to a closed port and fails the run.
OFFLINE = {
    **{k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy",)},
    **{name: "http://127.0.0.1:9" for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")},
    **{name: "http://127.0.0.1:9" for name in ("http_proxy", "https_proxy", "all_proxy")},
}


def check_jsonschema(schema: Path, cards: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--no-cache", "--schemafile", str(schema), *map(str, cards)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=OFFLINE,
        timeout=120,
    )


def cards_of(root: Path, kind: Kind) -> list[Path]:
    cards = sorted((root / kind.folder).glob("*.yml"))
    assert cards, kind.folder
    return cards


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(Kind), ids=[k.schema for k in Kind])
def test_every_card_passes_check_jsonschema_run_from_the_repo_root(kind):
    schema = Path("schema") / f"{kind.schema}.schema.json"
    cards = [card.relative_to(REPO) for card in cards_of(REPO, kind)]
    result = check_jsonschema(schema, cards, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(Kind), ids=[k.schema for k in Kind])
def test_every_card_passes_check_jsonschema_run_from_another_directory(kind, tmp_path):
    schema = REPO / "schema" / f"{kind.schema}.schema.json"
    result = check_jsonschema(schema, cards_of(REPO, kind), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def _practice_with(tmp_path: Path, key: str, value: str) -> Path:
    """A copy of the schemas and of one real practice whose top-level ``key`` has a new value."""
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    source = cards_of(REPO, Kind.PRAKTIJK)[0]
    text, n = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", source.read_text(encoding="utf-8"), count=1)
    assert n == 1, key
    card = tmp_path / "practices" / source.name
    card.parent.mkdir()
    card.write_text(text, encoding="utf-8")
    return card


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param("titel", '"**Vet** in Dalfsen"', id="title-with-markup-from-the-shared-schema"),
        pytest.param("knelpunten", "[]", id="no-knelpunten"),
        pytest.param("provincie", "Overijssel", id="unknown-value-from-the-vocabulary-schema"),
        pytest.param("gecontroleerd", "2026-02-30", id="impossible-date"),
        pytest.param("jaar", '"2018"', id="year-as-text"),
    ],
)
def test_a_broken_card_fails_check_jsonschema(tmp_path, key, value):
    card = _practice_with(tmp_path, key, value)
    result = check_jsonschema(tmp_path / "schema" / "praktijk.schema.json", [card], cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Schema validation errors were encountered" in result.stdout, result.stdout + result.stderr
    assert f"::{key}:" in result.stdout or f"::$.{key}:" in result.stdout, result.stdout


@pytest.mark.slow
def test_a_yaml_date_is_read_as_text_and_checked_as_a_date_by_check_jsonschema(tmp_path):
    """YAML reads 2026-11-24 as a date; the schema says text in the form of a date. Both our
    loader and check-jsonschema read it as the text, so an unquoted date passes."""
    card = _practice_with(tmp_path, "gecontroleerd", "2026-11-24")
    result = check_jsonschema(tmp_path / "schema" / "praktijk.schema.json", [card], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def _patterns(schema: object) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
        return own + [p for key, sub in schema.items() if key != "pattern" for p in _patterns(sub)]
    if isinstance(schema, list):
        return [p for sub in schema for p in _patterns(sub)]
    return []


PATTERNS = sorted(
    {p for path in (REPO / "schema").glob("*.schema.json") for p in _patterns(json.loads(path.read_text()))}
)
# The file-name rule (SLUG_RE in validate.py, shared with file names) ends in $; a reference
# ending in a line break can never name a card file, so `kennisbank check` refuses it anyway.
SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$"
SAMPLES = [
    "",
    " ",
    "\t",
    "\u00a0",
    "A",
    "AB",
    "A\n",
    "\nA",
    "Zorg\nvoor",
    "Zorg\r\nvoor",
    "x\r",
    "**vet**",
    "_schuin_",
    "`code`",
    "[link](https://x.nl)",
    "<b>vet</b>",
    "# Kop",
    "  # Kop",
    "Tip #1",
    "  . ",
    "?!",
    "É",
    "ĳsvereniging",
    "Ǆ",
    "Taal: de sleutel tot Émmen",
    "2018",
    "2026-11-25",
    "2026-11-25\n",
    "25-11-2026",
    "korte-tip",
    "https://www.bibliotheeknetwerk.nl/a",
    "https://x.nl/a\n",
    "https://x.nl/a b",
    "http://x.nl",
    "javascript:alert(1)",
]


def test_the_schemas_have_patterns_to_compare():
    assert len(PATTERNS) >= 6 and SLUG in PATTERNS


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if p != SLUG])
def test_every_pattern_means_the_same_in_python_and_in_editors_ecma_regex(pattern):
    """``kennisbank check`` uses Python ``re``; IDEs and check-jsonschema use ECMA-262 (with the
    u flag, as check-jsonschema does). A rule must not pass in one and fail in the other."""
    ecma = regress.Regex(pattern, flags="u")
    for sample in SAMPLES:
        assert bool(re.search(pattern, sample)) == (ecma.find(sample) is not None), repr(sample)
