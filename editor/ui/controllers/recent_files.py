"""The list of recently opened articles, kept in the user's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recentFiles"
LIMIT = 10


def recent_files(settings: QSettings) -> list[Path]:
    value = settings.value(KEY, [])
    # QSettings gives a single name back as a string, and no names as None.
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [Path(name) for name in names if name and Path(name).exists()]


def remember_file(settings: QSettings, path: Path) -> None:
    path = path.resolve()
    names = [str(path)] + [str(p) for p in recent_files(settings) if p.resolve() != path]
    settings.setValue(KEY, names[:LIMIT])
