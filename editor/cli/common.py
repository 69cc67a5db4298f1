"""What the command modules share: exit codes, the one-line error, loading an article, JSON.

The command line is a public contract that newsroom scripts rely on: commands, options, exit
codes and JSON keys may be extended, never renamed or dropped.

Exit codes: 0 success, 1 bad input (one line on stderr, no traceback), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.model.package import LoadedPackage

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """Bad input: reported as one line on stderr with exit code 1."""


def fail(message: str) -> None:
    """Print ``message`` as the command's one line on stderr (line breaks folded)."""
    print(f"dateline: {' '.join(message.split())}", file=sys.stderr)


def print_json(value: Any, *, ensure_ascii: bool = False) -> None:
    """``value`` as indented JSON on stdout, the way every ``--json`` option prints."""
    print(json.dumps(value, ensure_ascii=ensure_ascii, indent=2))


def load_article(path: str) -> LoadedPackage:
    """The .article at ``path``; a damaged one is a CommandError (one line, exit 1)."""
    from editor.model.package import PackageError, load_package

    try:
        return load_package(path)
    except PackageError as error:
        raise CommandError(str(error)) from None
