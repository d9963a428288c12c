"""The stages in src/kennisbank/ keep their one direction (README, "Code"): the import contracts
in pyproject.toml hold, and only the adapter imports MkDocs or Material."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kennisbank"
GENERATORS = ("mkdocs", "material")


def test_the_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    run = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def _imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_only_the_adapter_imports_mkdocs_or_material() -> None:
    """Also imports inside functions and under TYPE_CHECKING, which a grep on line starts misses."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE)
        for name in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            if name.split(".")[0] in GENERATORS and where.parts[0] != "adapter":
                found.append(f"{where}: {name}")
    assert found == []
    adapter = [p for p in (PACKAGE / "adapter").glob("*.py") if p.name != "__init__.py"]
    assert any(
        name.split(".")[0] in GENERATORS for p in adapter for name in _imported(ast.parse(p.read_text()))
    ), "the adapter is where MkDocs is imported; if it no longer is, this test has nothing to check"


def test_every_stage_says_what_it_owns() -> None:
    stages = [p for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    assert len(stages) >= 7
    for stage in stages:
        init = stage / "__init__.py"
        assert init.is_file(), f"{stage.name} has no __init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), (
            f"{stage.name} has no docstring"
        )


def test_no_module_keeps_state_through_global() -> None:
    """The build session is the one owner of what lives between builds (design.md); the hooks and
    the package rebind no module names."""
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted([*PACKAGE.rglob("*.py"), *(ROOT / "hooks").glob("*.py")])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Global | ast.Nonlocal)
    ]
    assert found == []


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def test_every_module_and_function_stays_small() -> None:
    """Small units (README, "Code"): a module of at most 400 lines, a function of at most 80,
    decorators and docstring included. Split by what the code is about when one grows past."""
    too_big = []
    for path in sorted([*PACKAGE.rglob("*.py"), *(ROOT / "hooks").glob("*.py")]):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_big.append(f"{where}: {len(text.splitlines())} regels")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                length = (node.end_lineno or node.lineno) - first + 1
                if length > MAX_FUNCTION_LINES:
                    too_big.append(f"{where}:{node.lineno} {node.name}(): {length} regels")
    assert too_big == []
