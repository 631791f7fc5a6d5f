"""The house rules that the import graph can show: layers, packages and no circles.

Every ``import`` in ``models/``, ``ui/`` and ``main.py`` counts, also the ones inside
functions and under ``TYPE_CHECKING``: a lazy import still ties two rooms together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = [*ROOT.joinpath("models").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]
    files.append(ROOT / "main.py")
    return {_module_name(p): p for p in files if "migrations/versions" not in p.as_posix()}


def _imports(path: Path, known: set[str]) -> set[str]:
    """The project modules ``path`` imports (a package import counts as its module)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                out.add(name)
    return out


GRAPH = {name: _imports(path, set(_sources())) - {name} for name, path in _sources().items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_graph_sees_the_imports() -> None:
    """The checks below pass on an empty or edgeless graph: prove it is the real one."""
    assert {"main", "ui.app", "ui.main_window", "models.store", "models.cli.main"} <= set(GRAPH)
    assert "models.store" in GRAPH["ui.main_window"]  # from models.store import ...
    assert "models.services" in GRAPH["ui.commands"]  # from models import services
    assert "ui.main_window" in GRAPH["ui.app"]  # a function-level import
    assert "models.cli.main" in GRAPH["main"]
    relative = [
        name
        for name, path in _sources().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []  # the graph ignores relative imports: there must be none


def test_no_import_circles() -> None:
    assert _cycles(GRAPH) == []


def test_models_never_import_qt_or_ui() -> None:
    offenders = {
        m: sorted(i for i in deps if i.startswith("ui") or i == "main")
        for m, deps in GRAPH.items()
        if m.startswith("models")
    }
    assert {m: d for m, d in offenders.items() if d} == {}
    for name, path in _sources().items():
        if name.startswith("models"):
            assert "PySide6" not in path.read_text(encoding="utf-8"), name


def test_nothing_imports_main_or_the_command_line_from_outside() -> None:
    for name, deps in GRAPH.items():
        assert "main" not in deps, f"{name} imports main.py"
        if name != "main" and not name.startswith("models.cli"):
            cli = sorted(d for d in deps if d.startswith("models.cli"))
            assert cli == [], f"{name} imports the command line: {cli}"


@pytest.mark.parametrize("name", sorted(_sources()))
def test_source_files_stay_small(name: str) -> None:
    lines = len(_sources()[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by concern"


@pytest.mark.parametrize(
    "path",
    sorted(ROOT.joinpath("models", "migrations", "versions").glob("*.py")),
    ids=lambda p: p.name,
)
def test_migrations_are_frozen(path: Path) -> None:
    """A migration imports neither live code nor another migration (CONVENTIONS 14)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        assert not [n for n in names if n.split(".")[0] in {"models", "ui", "importlib"}], names
