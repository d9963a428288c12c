"""The schemas in schema/ work in standard JSON Schema tools as they are, from any directory.

Editors' IDEs (yaml-language-server) and tools such as ``check-jsonschema`` read the schema
files themselves, not through ``kennisbank``: a relative ``$ref`` must resolve against the
schema file, wherever the tool runs, without fetching anything from the network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from kennisbank.model import Kind

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


@pytest.mark.parametrize("kind", list(Kind), ids=[k.schema for k in Kind])
def test_every_card_passes_check_jsonschema_run_from_the_repo_root(kind):
    schema = Path("schema") / f"{kind.schema}.schema.json"
    cards = [card.relative_to(REPO) for card in cards_of(REPO, kind)]
    result = check_jsonschema(schema, cards, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


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


def test_a_yaml_date_is_read_as_text_and_checked_as_a_date_by_check_jsonschema(tmp_path):
    """YAML reads 2026-11-24 as a date; the schema says text in the form of a date. Both our
    loader and check-jsonschema read it as the text, so an unquoted date passes."""
    card = _practice_with(tmp_path, "gecontroleerd", "2026-11-24")
    result = check_jsonschema(tmp_path / "schema" / "praktijk.schema.json", [card], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
