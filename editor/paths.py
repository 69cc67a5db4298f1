"""Where Dateline keeps the user's own files: the platform's standard per-user folders, found
by platformdirs, so that the command line and the window (no Qt here) share one place.

On Linux these are the XDG folders (``$XDG_DATA_HOME/dateline`` or ``~/.local/share/dateline``
and so on, exactly as before platformdirs); on Windows ``%LOCALAPPDATA%\\dateline`` and
``%APPDATA%\\dateline``; on macOS ``~/Library/Application Support/dateline`` and
``~/Library/Caches/dateline``. The window's settings file lives in ``config_dir()`` too
(``editor.ui.settings_store``): there is no second folder of Qt's own.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

APP_FOLDER = "dateline"

# The XDG specification says a relative value is invalid and must be ignored: platformdirs
# would use it as it is (relative to wherever Dateline was started).
_XDG_DEFAULTS = {
    "XDG_DATA_HOME": Path(".local", "share"),
    "XDG_CONFIG_HOME": Path(".config"),
    "XDG_CACHE_HOME": Path(".cache"),
    "XDG_STATE_HOME": Path(".local", "state"),
}


def _dirs() -> PlatformDirs:
    # No author folder on Windows (``dateline\dateline``); read anew on each call, since the
    # environment (tests, a reporter's session) decides.
    return PlatformDirs(APP_FOLDER, appauthor=False)


def _checked(found: str, variable: str) -> Path:
    path = Path(found)
    if path.is_absolute():
        return path
    return Path.home() / _XDG_DEFAULTS[variable] / APP_FOLDER


def data_dir() -> Path:
    """The personal dictionary, recovery files, the publish queue
    (``$XDG_DATA_HOME/dateline`` or ``~/.local/share/dateline`` on Linux)."""
    return _checked(_dirs().user_data_dir, "XDG_DATA_HOME")


def config_dir() -> Path:
    """House style, sites and the window's settings
    (``$XDG_CONFIG_HOME/dateline`` or ``~/.config/dateline`` on Linux)."""
    return _checked(_dirs().user_config_dir, "XDG_CONFIG_HOME")


def cache_dir() -> Path:
    """What can be made again, such as the window's copies of photos
    (``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline`` on Linux)."""
    return _checked(_dirs().user_cache_dir, "XDG_CACHE_HOME")


def state_dir() -> Path:
    """What Dateline keeps about its own runs, such as its log file
    (``$XDG_STATE_HOME/dateline`` or ``~/.local/state/dateline`` on Linux)."""
    return _checked(_dirs().user_state_dir, "XDG_STATE_HOME")
