"""``dateline install-desktop``: the launcher, icons, metainfo and ``.article`` type for one user.

Everything goes under the user's XDG folders (no root, no system folders), by name, so that
``uninstall_desktop`` removes exactly what ``install_desktop`` wrote: the files listed by
``installed_files`` and our one line in ``mimeapps.list``. The desktop's caches are then
brought up to date by the freedesktop tools that a system has; one that is missing is named
in the report, never an error (the files work without it after the next login).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from editor import RESOURCES
from editor.desktop import (
    APP_ID,
    ARTICLE_MIME_TYPE,
    DESKTOP_FILE,
    ICON_FILE,
    ICON_SIZES,
    METAINFO_FILE,
    MIME_PACKAGE_FILE,
)
from editor.desktop.mimeapps import remove_default_application, set_default_application
from editor.files import write_atomically

LAUNCHERS = ("dateline-window", "dateline")
"""The installed commands that open the window, the one without a console first."""

# Characters the Desktop Entry spec lets an Exec argument carry without quoting.
_PLAIN_EXEC_ARGUMENT = re.compile(r"[A-Za-z0-9/._+:@,-]+")


@dataclass(frozen=True)
class XdgHomes:
    """The user's XDG data and config folders (where launchers and file-type choices live)."""

    data: Path
    config: Path

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> XdgHomes:
        environ = os.environ if environ is None else environ

        def home(variable: str, fallback: Path) -> Path:
            value = environ.get(variable, "").strip()
            return Path(value) if value and Path(value).is_absolute() else fallback

        return cls(
            data=home("XDG_DATA_HOME", Path.home() / ".local" / "share"),
            config=home("XDG_CONFIG_HOME", Path.home() / ".config"),
        )

    @property
    def mimeapps(self) -> Path:
        return self.config / "mimeapps.list"


@dataclass
class DesktopReport:
    """What an install or uninstall did, for the command to print."""

    files: list[Path] = field(default_factory=list)
    tools_run: list[str] = field(default_factory=list)
    tools_missing: list[str] = field(default_factory=list)
    default_set: bool = False


def icon_path(homes: XdgHomes, size: int | None) -> Path:
    """Where the icon of ``size`` pixels (None: the SVG) goes in the user's hicolor theme."""
    hicolor = homes.data / "icons" / "hicolor"
    if size is None:
        return hicolor / "scalable" / "apps" / ICON_FILE
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def installed_files(homes: XdgHomes) -> list[Path]:
    """Every file ``install_desktop`` writes, in the order it writes them."""
    return [
        homes.data / "applications" / DESKTOP_FILE,
        homes.data / "metainfo" / METAINFO_FILE,
        homes.data / "mime" / "packages" / MIME_PACKAGE_FILE,
        icon_path(homes, None),
        *(icon_path(homes, size) for size in ICON_SIZES),
    ]


def launcher_command() -> str | None:
    """The absolute path of the installed command that opens the window, or None when
    Dateline's scripts are not beside the running Python (the .desktop file then names the
    command and relies on PATH)."""
    scripts = Path(sysconfig.get_path("scripts"))
    for name in LAUNCHERS:
        for candidate in (scripts / name, scripts / f"{name}.exe"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return None


def exec_argument(program: str) -> str:
    """``program`` as the first argument of an Exec key: quoted by the Desktop Entry rules
    when it holds anything but plain characters (a space in a home folder)."""
    if _PLAIN_EXEC_ARGUMENT.fullmatch(program):
        return program
    escaped = re.sub(r'(["`$\\])', r"\\\1", program)
    # The key's value is itself unescaped once more, and % starts a field code.
    return '"' + escaped.replace("\\", "\\\\").replace("%", "%%") + '"'


def desktop_entry(launcher: str | None) -> str:
    """The shipped .desktop file, its Exec and TryExec pointing at ``launcher`` if given."""
    text = (RESOURCES / "desktop" / DESKTOP_FILE).read_text(encoding="utf-8")
    if launcher is None:
        return text
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_argument(launcher)} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={launcher}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop(homes: XdgHomes, launcher: str | None = None) -> DesktopReport:
    """Install the launcher, metainfo, ``.article`` type and icons for the user, make Dateline
    the default application for ``.article`` files and update the desktop's caches."""
    from editor.desktop.icons import icon_svg, render_png

    svg = icon_svg()
    desktop_file, metainfo, mime_package, scalable_icon, *png_icons = installed_files(homes)
    contents: list[tuple[Path, bytes]] = [
        (desktop_file, desktop_entry(launcher).encode("utf-8")),
        (metainfo, (RESOURCES / "desktop" / METAINFO_FILE).read_bytes()),
        (mime_package, (RESOURCES / "desktop" / MIME_PACKAGE_FILE).read_bytes()),
        (scalable_icon, svg),
        *((path, render_png(size, svg)) for path, size in zip(png_icons, ICON_SIZES, strict=True)),
    ]
    report = DesktopReport()
    for path, data in contents:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
        report.files.append(path)
    set_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, DESKTOP_FILE)
    report.default_set = True
    update_caches(homes, report)
    return report


def uninstall_desktop(homes: XdgHomes) -> DesktopReport:
    """Remove what ``install_desktop`` wrote (folders it leaves empty too) and our default for
    ``.article`` files (a default the user chose since stays), then update the caches."""
    report = DesktopReport()
    for path in installed_files(homes):
        if path.is_file():
            path.unlink()
            report.files.append(path)
            _remove_empty_folders(path.parent, homes.data, keep=homes.data / "mime" / "packages")
    report.default_set = remove_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, DESKTOP_FILE)
    update_caches(homes, report)
    return report


def _remove_empty_folders(folder: Path, root: Path, keep: Path) -> None:
    # ``keep``: update-mime-database refuses to run without its packages folder.
    while folder not in (root, keep) and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or not ours to remove): the folders above are not either
            return
        folder = folder.parent


# --- the desktop's caches ----------------------------------------------------------------------

Runner = Callable[[list[str]], None]


def _run_quietly(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def cache_commands(homes: XdgHomes) -> list[list[str]]:
    """The freedesktop tools that rebuild what desktops read instead of the files themselves:
    the MIME database (required for the type to be known), the launchers' MIME cache, and
    the icon theme's cache (-t: a user's hicolor folder has no index.theme)."""
    commands = []
    if (homes.data / "mime" / "packages").is_dir():
        commands.append(["update-mime-database", str(homes.data / "mime")])
    if (homes.data / "applications").is_dir():
        commands.append(["update-desktop-database", str(homes.data / "applications")])
    hicolor = homes.data / "icons" / "hicolor"
    if hicolor.is_dir():
        commands.append(["gtk-update-icon-cache", "--quiet", "--force", "-t", str(hicolor)])
    return commands


def update_caches(
    homes: XdgHomes, report: DesktopReport, run: Runner = _run_quietly
) -> DesktopReport:
    """Run each cache tool the system has; those it lacks are listed in ``report``.

    A tool that fails raises OSError (the command's one-line error), since the type or the
    icons would then silently not be known.
    """
    for command in cache_commands(homes):
        if shutil.which(command[0]) is None:
            report.tools_missing.append(command[0])
            continue
        try:
            run(command)
        except subprocess.CalledProcessError as error:
            detail = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {error.returncode}"
            raise OSError(f"{command[0]} failed: {reason}") from None
        except subprocess.TimeoutExpired:
            raise OSError(f"{command[0]} did not finish in time") from None
        report.tools_run.append(command[0])
    return report
