"""The shape of the code, checked: small files and functions, one constructor of findings, and
packages that import each other in one direction only (import-linter checks the layers in CI)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parents[1] / "tagwarden"
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
# Declarative tables written as functions: one statement per entry, no logic to split.
DECLARATIVE = {
    ("app/demo/scenario.py", "build"),  # the demo's story, one record per line
    ("core/normalize/builtin_specs.py", "builtin_specs"),  # hand-written operation specs
    ("adapters/metrics/registry.py", "__init__"),  # one metric declaration per statement
}


def sources() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def test_no_file_is_over_400_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in sources() if (n := len(p.read_text().splitlines())) > 400}
    assert long == {}


def test_no_function_is_over_60_lines_but_declarative_tables() -> None:
    found = set()
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                    found.add((str(path.relative_to(PACKAGE)), node.name))
    assert found <= DECLARATIVE, sorted(found - DECLARATIVE)


def test_a_finding_is_constructed_in_one_module() -> None:
    constructing = {
        str(p.relative_to(PACKAGE)) for p in sources() if re.search(r"(?<![\w.])Finding\(", p.read_text())
    }
    assert constructing == {"core/model/finding.py"}


def _package(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:3] if len(parts) > 2 and parts[1] in ("core", "adapters", "app") else parts[:2])


def test_no_two_packages_import_each_other() -> None:
    graph = grimp.build_graph("tagwarden")
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if _package(module) != _package(imported):
                edges.setdefault(_package(module), set()).add(_package(imported))

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            current = todo.pop()
            if current == goal:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(edges.get(current, ()))
        return False

    cycles = sorted((a, b) for a, targets in edges.items() for b in targets if reaches(b, a))
    assert cycles == []
