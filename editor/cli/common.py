"""What the command modules share: exit codes, the one-line error, loading an article, JSON.

The command line is a public contract that newsroom scripts rely on: commands, options, exit
codes and JSON keys may be extended, never renamed or dropped.

Exit codes: 0 success, 1 bad input (one line on stderr, no traceback), 2 usage error.

Everything a command prints may quote a file someone else wrote (a headline, a photo's name, a
zip entry), so nothing it prints may drive the terminal: every command runs inside
``terminal_safe_output``, which shows control characters and bidi overrides as visible escapes.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from editor.model.package import LoadedPackage

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


# C0 controls but tab and newline, DEL, C1 controls (0x9b is CSI on 8-bit terminals), the bidi
# embeddings, overrides and isolates that reorder what a line shows, and the Unicode line and
# paragraph separators.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# Where a line must stay one line (a field in a line of output), tab and newline are escaped too.
_LINE_BREAKING = re.compile("[\t\n]")


def _visible_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # \uXXXX from DEL up: inside JSON strings (the --json output) it is a valid escape of the
    # same character, so escaping never changes what a script reads.
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every character that could drive a terminal shown as a visible escape
    (ESC as ``\\x1b``, RIGHT-TO-LEFT OVERRIDE as ``\\u202e``); tabs and newlines are kept."""
    return _TERMINAL_UNSAFE.sub(_visible_escape, text)


def one_line(text: str) -> str:
    """``text`` as one field of one line: terminal-safe, with tabs and newlines escaped too."""
    return _LINE_BREAKING.sub(_visible_escape, terminal_safe(text))


class TerminalSafeWriter:
    """A text stream that passes what is written through ``terminal_safe``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """Make every print to stdout and stderr terminal-safe while a command runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, TerminalSafeWriter(sys.stdout))
    sys.stderr = cast(TextIO, TerminalSafeWriter(sys.stderr))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


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
