"""Dateline's per-user folders: the platform's standard ones, the XDG variables on Linux."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor import paths

FOLDERS = {
    "XDG_DATA_HOME": paths.data_dir,
    "XDG_CONFIG_HOME": paths.config_dir,
    "XDG_CACHE_HOME": paths.cache_dir,
    "XDG_STATE_HOME": paths.state_dir,
}

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux's")


@linux_only
@pytest.mark.parametrize("variable", sorted(FOLDERS))
def test_an_xdg_variable_names_the_folder(
    variable: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, str(tmp_path))
    assert FOLDERS[variable]() == tmp_path / "dateline"


@linux_only
@pytest.mark.parametrize(
    ("variable", "default"),
    [
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ],
)
@pytest.mark.parametrize("value", ["", "  ", "relative/folder"])
def test_an_unset_or_relative_variable_means_the_home_default(
    variable: str, default: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(variable, value)
    assert FOLDERS[variable]() == tmp_path / default / "dateline"


def test_the_folders_are_distinct_and_absolute() -> None:
    found = [folder() for folder in FOLDERS.values()]
    assert all(path.is_absolute() and path.name == "dateline" for path in found)
    assert len(set(found)) == len(found)


def test_the_window_settings_live_in_the_config_folder(qapp) -> None:
    from editor.ui.settings_store import window_settings

    assert Path(window_settings().fileName()).parent == paths.config_dir()
