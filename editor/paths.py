"""Where Dateline keeps the user's own files, by the XDG convention (no Qt: the command line
uses the same folders as the window)."""

from __future__ import annotations

import os
from pathlib import Path


def _xdg(variable: str, fallback: Path) -> Path:
    base = os.environ.get(variable, "").strip()
    root = Path(base) if base and Path(base).is_absolute() else fallback
    return root / "dateline"


def data_dir() -> Path:
    """``$XDG_DATA_HOME/dateline`` or ``~/.local/share/dateline``: the personal dictionary,
    recovery files, the publish queue."""
    return _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share")


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/dateline`` or ``~/.config/dateline``: house style, sites."""
    return _xdg("XDG_CONFIG_HOME", Path.home() / ".config")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``: what can be made again, such as the
    window's copies of photos."""
    return _xdg("XDG_CACHE_HOME", Path.home() / ".cache")
