"""The window's settings in one file, beside everything else Dateline keeps for the user.

``QSettings()`` with the application's names writes ``~/.config/Dateline/Dateline.conf`` on
Linux: a second folder beside ``config_dir()`` (house style, sites). Every setting of the
window (recent files, geometry, smart punctuation, preferences) goes instead to
``config_dir() / "settings.ini"``. The first time that file is made, what the old place held
is copied over once, so an update keeps a reporter's recent files and choices; the old place
is only ever read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings

from editor.paths import config_dir
from editor.qt_runtime import APPLICATION_NAME, ORGANISATION_NAME

logger = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.ini"


def settings_path() -> Path:
    """Where the window's settings live: ``config_dir() / "settings.ini"``."""
    return config_dir() / SETTINGS_FILE_NAME


def window_settings() -> QSettings:
    """The window's settings store (an INI file at ``settings_path()``), with the old
    per-organisation store's values copied in if this is its first use."""
    path = settings_path()
    fresh = not path.exists()
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    if fresh:
        _copy_old_settings(settings)
    return settings


def old_settings() -> QSettings:
    """The store earlier versions wrote (``~/.config/Dateline/Dateline.conf`` on Linux): read
    for the one-time copy, never written."""
    return QSettings(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        ORGANISATION_NAME,
        APPLICATION_NAME,
    )


def _copy_old_settings(settings: QSettings) -> None:
    old = old_settings()
    keys = old.allKeys()
    if not keys:
        return
    for key in keys:
        settings.setValue(key, old.value(key))
    settings.sync()
    logger.info("Copied %d settings from %s to %s", len(keys), old.fileName(), settings.fileName())
