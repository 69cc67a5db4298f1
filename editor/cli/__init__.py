"""The command line: `dateline [FILE]` opens the window; subcommands work headless.

This is a public contract that newsroom scripts rely on: commands, options, exit codes and JSON
keys may be extended, never renamed or dropped (see ``editor.cli.common``).

``main`` only dispatches: each command group lives in its own module, which adds its parser
and runs it, and shares what it needs through ``editor.cli.common`` (never through this one).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from editor import __version__
from editor.cli.check_command import add_check_command
from editor.cli.common import EXIT_BAD_INPUT, CommandError, fail, terminal_safe_output
from editor.cli.desktop_command import DESKTOP_COMMANDS, add_desktop_commands
from editor.cli.export_command import add_export_command
from editor.cli.import_command import add_import_command
from editor.cli.info_command import add_info_command
from editor.cli.media_command import add_media_command
from editor.cli.publishing import add_publishing_commands
from editor.logs import configure_logging

COMMANDS = ("import", "export", "info", "media", "check", "sites", "publish", *DESKTOP_COMMANDS)

logger = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    configure_logging()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return _run_command(args)
    return _open_window(args)


def window_main(argv: Sequence[str] | None = None) -> int:
    """``dateline-window [FILE]``: the launchers' entry point, which only opens the window (a
    file whose name is a command's, such as one called "import", is still opened)."""
    configure_logging()
    return _open_window(list(sys.argv[1:] if argv is None else argv))


# --- the window --------------------------------------------------------------------------------


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Dateline, an article editor for news reporters.",
        epilog=(
            "commands (run 'dateline COMMAND --help'):\n"
            "  import   turn Markdown or wire text into a .article file\n"
            "  export   write an article in a publishing format\n"
            "  info     print an article's fields and photos\n"
            "  media    add photos to an article\n"
            "  check    list what an editor would flag before the story runs\n"
            "  sites    the WordPress sites to publish to (add, list, remove, test)\n"
            "  publish  send an article to a WordPress site as a draft or a post\n"
            "  install-desktop    add Dateline to the desktop's menu, for .article files\n"
            "  uninstall-desktop  remove what install-desktop added"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="a .article file (or Markdown to import) to open")
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    return parser


def _open_window(args: list[str]) -> int:
    options = _gui_parser().parse_args(args)
    from editor.app import run_gui  # Qt loads only when a window is wanted

    return run_gui(options.file)


# --- headless commands -------------------------------------------------------------------------


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline")
    commands = parser.add_subparsers(dest="command", required=True)
    add_import_command(commands)
    add_export_command(commands)
    add_info_command(commands)
    add_media_command(commands)
    add_check_command(commands)
    add_publishing_commands(commands)
    add_desktop_commands(commands)
    return parser


def _run_command(args: list[str]) -> int:
    # Usage errors echo the arguments, and the commands print what files say: all of it safe.
    with terminal_safe_output():
        return _run_parsed(_command_parser(), args)


def _run_parsed(parser: argparse.ArgumentParser, args: list[str]) -> int:
    options = parser.parse_args(args)
    try:
        code: int = options.handler(options, parser)
        return code
    except CommandError as error:
        logger.debug("%s failed", options.command, exc_info=True)
        fail(str(error))
    except OSError as error:
        logger.debug("%s failed", options.command, exc_info=True)
        fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": "))
    return EXIT_BAD_INPUT
