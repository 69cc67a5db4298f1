"""The window's settings live in one INI file under config_dir(); the old store is copied once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from editor.paths import config_dir
from editor.ui import settings_store
from editor.ui.settings_store import old_settings, settings_path, window_settings


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Path:
    """A config folder of this test's own, for both stores (the old one is found by Qt under
    XDG_CONFIG_HOME too)."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
    yield home
    QSettings.setPath(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        os.environ["XDG_CONFIG_HOME"],
    )


def _old_file(home: Path) -> Path:
    return home / "Dateline" / "Dateline.conf"


def test_settings_file_is_in_config_dir(config_home: Path) -> None:
    settings = window_settings()
    settings.setValue("lastFolder", "/tmp/stories")
    settings.sync()
    assert settings_path() == config_dir() / "settings.ini"
    assert config_dir() == config_home / "dateline"
    assert Path(settings.fileName()) == settings_path()
    assert "lastFolder=/tmp/stories" in settings_path().read_text()
    assert not _old_file(config_home).exists()  # nothing written to the old place


def test_old_values_are_copied_once(config_home: Path) -> None:
    old = old_settings()
    old.setValue("recentFiles", ["/news/a.article", "/news/b.article"])
    old.setValue("typing/smartPunctuation", False)
    old.sync()
    assert Path(old.fileName()) == _old_file(config_home)
    del old

    first = window_settings()
    assert first.value("recentFiles") == ["/news/a.article", "/news/b.article"]
    assert first.value("typing/smartPunctuation") in (False, "false")
    assert settings_path().exists()

    # Later changes in the new store stay: the old one is not copied again.
    first.setValue("typing/smartPunctuation", True)
    first.sync()
    del first
    again = window_settings()
    assert again.value("typing/smartPunctuation") in (True, "true")


def test_a_new_store_without_an_old_one_copies_nothing(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[object] = []
    monkeypatch.setattr(settings_store, "_copy_old_settings", copied.append)
    settings = window_settings()
    assert copied == [settings]  # asked once, for the fresh file
    settings.setValue("x", 1)
    settings.sync()
    window_settings()
    assert len(copied) == 1  # the file exists now: never again
    assert not _old_file(config_home).exists()
