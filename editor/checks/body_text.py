"""The checks' name for the one scan of the body, which lives in ``editor.text.body_scan`` (so
that spelling, house style and counts, below the checks, read the same scan)."""

from editor.text.body_scan import (
    DOUBLE_BRACKET_NOTE_RE,
    BodyScan,
    LinkSyntax,
    find_links,
    line_of,
    line_starts,
    scan_body,
)

__all__ = [
    "DOUBLE_BRACKET_NOTE_RE",
    "BodyScan",
    "LinkSyntax",
    "find_links",
    "line_of",
    "line_starts",
    "scan_body",
]
