"""What pyproject.toml tells setuptools stays in step with the tree, without building anything.

A mapped package (resources/ installs as ``editor.resources``) rules out ``packages.find``, so
the packages are listed by hand: these tests name the package or the kind of file that a new
folder or resource would leave out of the wheel. ``test_wheel.py`` then builds the real thing.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

import editor
from editor import RESOURCES
from editor.bundled import resource_file
from editor.cli import main

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def _editor_packages() -> set[str]:
    return {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "editor").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


def _resource_files() -> list[Path]:
    return [
        path
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def test_every_editor_package_is_listed() -> None:
    listed = {name for name in SETUPTOOLS["packages"] if not name.startswith("editor.resources")}
    assert _editor_packages() - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - _editor_packages() == set(), "listed in pyproject.toml but not in editor/"


def test_resource_folders_with_importable_names_are_listed() -> None:
    expected = {"editor.resources"} | {
        "editor.resources." + ".".join(folder.relative_to(ROOT / "resources").parts)
        for folder in (ROOT / "resources").rglob("*")
        if folder.is_dir()
        and folder.name != "__pycache__"
        and all(part.isidentifier() for part in folder.relative_to(ROOT / "resources").parts)
    }
    listed = {name for name in SETUPTOOLS["packages"] if name.startswith("editor.resources")}
    assert listed == expected
    assert SETUPTOOLS["package-dir"] == {"editor.resources": "resources"}


def test_every_resource_file_matches_a_package_data_glob() -> None:
    globs = SETUPTOOLS["package-data"]["editor.resources"]
    unmatched = [
        str(path.relative_to(ROOT))
        for path in _resource_files()
        if path.name != "__init__.py"
        and not any(fnmatch.fnmatch(path.name, pattern.rsplit("/", 1)[-1]) for pattern in globs)
    ]
    assert unmatched == [], "add a glob for these to [tool.setuptools.package-data]"


def test_resources_are_the_installed_package_data() -> None:
    assert files("editor.resources") == RESOURCES
    assert (RESOURCES / "styles" / "article.css").is_file()
    for path in _resource_files():
        parts = path.relative_to(ROOT / "resources").parts
        assert resource_file(*parts).read_bytes() == path.read_bytes()


def test_no_module_looks_beside_the_source_tree() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "editor").rglob("*.py")
        if any(
            isinstance(node, ast.Name) and node.id == "__file__"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert offenders == [], "read bundled files through editor.RESOURCES"


def test_the_version_has_one_source() -> None:
    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "editor.__version__"}


def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"dateline {editor.__version__}\n"


def test_entry_points_name_callables() -> None:
    scripts = PYPROJECT["project"]["scripts"]
    gui_scripts = PYPROJECT["project"]["gui-scripts"]
    # A console script: the commands must print on Windows too.
    assert scripts == {"dateline": "editor.cli:main"}
    assert gui_scripts == {"dateline-window": "editor.cli:window_main"}
    for target in (*scripts.values(), *gui_scripts.values()):
        module, _, name = target.partition(":")
        assert callable(getattr(importlib.import_module(module), name))


def test_metadata_for_the_package_index() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "GPL-3.0-or-later"
    assert project["authors"] == [{"name": "Dateline developers"}]
    assert project["keywords"]
    classifiers = set(project["classifiers"])
    assert {
        "Environment :: X11 Applications :: Qt",
        "Intended Audience :: End Users/Desktop",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Topic :: Text Editors",
    } <= classifiers
    # The SPDX expression replaces licence classifiers (setuptools refuses both together).
    assert not any(item.startswith("License ::") for item in classifiers)


def test_the_launchers_entry_point_only_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # A launcher passes a file: one named like a command is still a file to open.
    import editor.app
    from editor.cli import window_main

    opened: list[str | None] = []
    monkeypatch.setattr(editor.app, "run_gui", lambda path: opened.append(path) or 0)
    assert window_main(["import"]) == 0
    assert window_main([]) == 0
    assert opened == ["import", None]
