"""Arrows only point down (DESIGN.md): no import cycle among editor's modules, and every import
from one layer into another is one of the allowed arrows below.

Every import counts, wherever it is written: at the top, inside a function (a lazy import still
ties the two modules together) and under ``if TYPE_CHECKING:``. Relative imports are resolved.
"""

from __future__ import annotations

import ast
from pathlib import Path

import editor

PACKAGE_ROOT = Path(editor.__file__).resolve().parent

# Leaves: modules anyone may import (bundled: real file paths for editor.RESOURCES;
# typing_pause: the background passes' yield points).
LEAVES = frozenset({"bundled", "editor", "files", "logs", "paths", "typing_pause"})

# layer -> the layers it may import (leaves aside). A layer is the first part of a module's
# name below ``editor``: ``editor.model.article`` is in ``model``, ``editor.sites`` in ``sites``.
ALLOWED: dict[str, frozenset[str]] = {
    "model": frozenset(),
    "media": frozenset({"model"}),
    "render": frozenset({"text", "model"}),
    "text": frozenset({"model"}),
    "spelling": frozenset({"text", "model"}),
    "checks": frozenset({"render", "spelling", "text", "media", "model"}),
    "ingest": frozenset({"media", "render", "model"}),
    "printing": frozenset({"qt_runtime"}),
    "export": frozenset({"printing", "render", "media", "model", "text"}),
    "publish": frozenset({"export", "render", "media", "model"}),
    "sites": frozenset({"publish", "model"}),
    # The application id, icon and freedesktop files: Qt only inside functions, nothing above.
    "desktop": frozenset(),
    "qt_runtime": frozenset({"desktop"}),
    "cli": frozenset(
        {
            "app",
            "desktop",
            "sites",
            "publish",
            "export",
            "printing",
            "ingest",
            "checks",
            "spelling",
            "text",
            "render",
            "media",
            "model",
            "qt_runtime",
        }
    ),
    "ui": frozenset(
        {
            "desktop",
            "qt_runtime",
            "sites",
            "publish",
            "export",
            "printing",
            "ingest",
            "checks",
            "spelling",
            "text",
            "render",
            "media",
            "model",
        }
    ),
    "app": frozenset({"ui", "qt_runtime", "desktop"}),
    "__main__": frozenset({"cli"}),
}


def module_name(path: Path) -> str:
    parts = ["editor", *path.relative_to(PACKAGE_ROOT).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE_ROOT.rglob("*.py"))}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """Every editor module ``name`` imports, anywhere in its file."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            # ``from editor.x import y`` imports the module editor.x.y when there is one.
            targets = [source] + [f"{source}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "editor"


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components with more than one member (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        # Iterative, so a deep graph never reaches Python's recursion limit.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_the_graph_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    # The walk must see what the rules are about, or the tests below pass for nothing.
    graph = import_graph()
    assert "editor.model.article" in graph["editor.model.package"]
    assert "editor.export" in graph["editor.cli.export_command"]  # inside a function
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import base\n"
        "if TYPE_CHECKING:\n"
        "    from ..model.article import Article\n"
        "def later():\n"
        "    from ..media import probe\n",
        encoding="utf-8",
    )
    known = set(graph)
    assert imported_modules("editor.export.probe", source, known) == {
        "editor.export",
        "editor.export.base",
        "editor.model.article",
        "editor.media",
        "editor.media.probe",
    }


def test_strongly_connected_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    cycles = strongly_connected(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(
        f"  {len(members)} modules: {', '.join(members)}" for members in cycles
    )


def test_imports_only_point_down() -> None:
    wrong = []
    for module, targets in sorted(import_graph().items()):
        source = layer_of(module)
        for target in sorted(targets):
            layer = layer_of(target)
            if layer == source or layer in LEAVES:
                continue
            if layer not in ALLOWED.get(source, frozenset()):
                wrong.append(f"  {module} -> {target} ({source} -> {layer})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)
