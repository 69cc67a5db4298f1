"""The groundwork the formatting operations share: a result (the new body and its selection),
the body's lines and their prefixes (quote, heading, list), the lines never formatted (photo
placements, code blocks), and edits made as spans so a selection can follow them.

Plain Python: ``editor.text.markdown_format``, ``markdown_links`` and ``markdown_lines`` build
on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from editor.text.body_syntax import spans_intersect
from editor.text.prose_mask import markdown_code_blocks


@dataclass(frozen=True)
class Formatted:
    """A formatting result: the whole new body and the selection to show in it."""

    text: str
    start: int
    end: int


# What opens a line: indentation, quote markers, a heading or a list marker.
PREFIX_RE = re.compile(
    r"(?P<indent>[ ]{0,3})(?P<quote>(?:>[ ]?)*)"
    r"(?P<heading>#{1,6}(?:[ ]+|$))?(?P<list>(?:[-*+]|(?P<number>\d{1,9})[.)])[ ]+)?"
)
PHOTO_LINE_RE = re.compile(r"[ \t]*!\[[^\]\n]*\]\(photo:[^)\n]*\)[ \t]*")


@dataclass(frozen=True)
class Line:
    """One line of the body, and where it starts in the body."""

    start: int  # offset of the line in the body
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def body_lines(text: str) -> list[Line]:
    """The body's lines, split at each line break (a last empty line included)."""
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append(Line(offset, line))
        offset += len(line) + 1
    return lines


def touched_lines(lines: list[Line], start: int, end: int) -> range:
    """The indexes of the lines the selection touches (a selection ending at a line's very
    start leaves that line out, as word processors do)."""
    start, end = max(0, start), min(end, lines[-1].end)
    first = next(i for i, line in enumerate(lines) if start <= line.end)
    last = next(i for i, line in enumerate(lines) if end <= line.end)
    if last > first and end == lines[last].start:
        last -= 1
    return range(first, last + 1)


def _code_lines(text: str, lines: list[Line]) -> set[int]:
    blocks = tuple(markdown_code_blocks(text))
    return {
        index
        for index, line in enumerate(lines)
        if spans_intersect(blocks, line.start, max(line.end, line.start + 1))
    }


def untouchable_lines(text: str, lines: list[Line]) -> set[int]:
    """Lines no operation changes: photo placements and code blocks."""
    photos = {i for i, line in enumerate(lines) if PHOTO_LINE_RE.fullmatch(line.text)}
    return photos | _code_lines(text, lines)


def replace_spans(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, replacement) made; the spans must not overlap."""
    pieces = []
    position = 0
    for start, end, replacement in sorted(edits):
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """The one span of ``old`` to replace to get ``new``: (start, end, replacement). An editor
    given only that span keeps its cursor, its undo history and the rest of its layout."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


def shifted(edits: list[tuple[int, int, str]], position: int, *, stick_right: bool) -> int:
    """Where ``position`` lands once ``edits`` are made (an insertion at it lands before it
    when ``stick_right``, after it otherwise; a position inside a replaced span goes to its
    edge)."""
    moved = position
    for start, end, replacement in edits:
        if end < position or (end == position and (start < end or stick_right)):
            moved += len(replacement) - (end - start)
        elif start < position:
            moved -= position - start
    return moved


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without the spaces at its ends (markers must touch the words)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def text_bounds(line: Line) -> tuple[int, int]:
    """Where the text of a line starts and ends, after its quote, heading or list prefix."""
    prefix = PREFIX_RE.match(line.text)
    length = prefix.end() if prefix else 0
    return line.start + length, line.end


def clamped(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection in order and inside ``text``."""
    start, end = sorted((start, end))
    return max(0, min(start, len(text))), max(0, min(end, len(text)))


@dataclass(frozen=True)
class LinePrefix:
    """What opens a line: indentation, quote markers, a heading, a list marker."""

    indent: str
    quote: str
    heading: str
    list_marker: str
    number: int | None
    length: int


def line_prefix(line: str) -> LinePrefix:
    """The prefix of ``line`` (every part may be empty)."""
    found = PREFIX_RE.match(line)
    assert found is not None  # every part is optional
    number = found.group("number")
    return LinePrefix(
        found.group("indent"),
        found.group("quote"),
        found.group("heading") or "",
        found.group("list") or "",
        int(number) if number is not None else None,
        found.end(),
    )
