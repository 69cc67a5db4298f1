"""``dateline install-desktop`` and ``uninstall-desktop``: Dateline in the user's desktop menu,
with its icon, and ``.article`` files opening in it (see ``editor.desktop.integration``)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from editor.cli.common import EXIT_OK, CommandError

DESKTOP_COMMANDS = ("install-desktop", "uninstall-desktop")


def add_desktop_commands(commands: Any) -> None:
    install = commands.add_parser(
        DESKTOP_COMMANDS[0],
        help="add Dateline to your desktop's menu and open .article files with it",
        description=(
            "Install Dateline's launcher, icons, metainfo and the .article file type for you "
            "(under $XDG_DATA_HOME), make Dateline the default for .article files, and update "
            "the desktop's caches."
        ),
    )
    install.set_defaults(handler=run_install_desktop)
    uninstall = commands.add_parser(
        DESKTOP_COMMANDS[1],
        help="remove what install-desktop added",
        description="Remove exactly what 'dateline install-desktop' installed.",
    )
    uninstall.set_defaults(handler=run_uninstall_desktop)


def _require_freedesktop() -> None:
    # Windows and macOS read neither .desktop files nor the shared MIME database.
    if sys.platform in ("win32", "cygwin", "darwin"):
        raise CommandError(
            "install-desktop is for Linux and BSD desktops; on this system, start Dateline "
            "with the 'dateline' command"
        )


def run_install_desktop(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.desktop.integration import XdgHomes, install_desktop, launcher_command

    _require_freedesktop()
    launcher = launcher_command()
    report = install_desktop(XdgHomes.from_environment(), launcher)
    for path in report.files:
        print(f"installed {path}")
    print("Dateline opens .article files")
    if launcher is None:
        print("the launcher runs 'dateline' from your PATH")
    _print_tools(report.tools_run, report.tools_missing)
    return EXIT_OK


def run_uninstall_desktop(options: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from editor.desktop.integration import XdgHomes, uninstall_desktop

    _require_freedesktop()
    report = uninstall_desktop(XdgHomes.from_environment())
    for path in report.files:
        print(f"removed {path}")
    if report.default_set:
        print("Dateline is no longer the default for .article files")
    if not report.files and not report.default_set:
        print("nothing to remove: Dateline was not installed in this desktop")
    _print_tools(report.tools_run, report.tools_missing)
    return EXIT_OK


def _print_tools(run: list[str], missing: list[str]) -> None:
    if run:
        print(f"updated the desktop's caches with {', '.join(run)}")
    if missing:
        # Not an error: the desktop reads the files themselves at the next login.
        print(f"not found, caches left as they are: {', '.join(missing)}")
