"""Line formatting as word processors have it: subheads, quotes, bulleted and numbered lists.

Each operation acts on every line the selection touches (photo placements and code blocks are
left alone) and toggles: when all those lines have the formatting already, it goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from editor.text.format_edits import (
    Formatted,
    Line,
    LinePrefix,
    body_lines,
    clamped,
    line_prefix,
    replace_spans,
    shifted,
    touched_lines,
    untouchable_lines,
)

LineRule = Callable[[LinePrefix], bool]
LineChange = Callable[[LinePrefix, int], str]


def _change_lines(
    text: str,
    start: int,
    end: int,
    has: LineRule,
    add: LineChange,
    remove: Callable[[LinePrefix], str],
    *,
    numbered: bool = False,
    makes_list: bool = False,
) -> Formatted:
    start, end = clamped(text, start, end)
    lines = body_lines(text)
    untouchable = untouchable_lines(text, lines)
    chosen = [
        index
        for index in touched_lines(lines, start, end)
        if index not in untouchable and lines[index].text.strip()
    ]
    if not chosen:
        # An empty line at the cursor still takes a prefix: the reporter types after it.
        index = touched_lines(lines, start, end)[0]
        if index in untouchable or lines[index].text.strip():
            return Formatted(text, start, end)
        chosen = [index]
    prefixes = {index: line_prefix(lines[index].text) for index in chosen}
    removing = all(has(prefixes[index]) for index in chosen)
    number = 1
    if numbered and not removing and chosen[0] > 0:
        previous = line_prefix(lines[chosen[0] - 1].text)
        if previous.number is not None:
            number = previous.number + 1
    edits: list[tuple[int, int, str]] = []
    for index in chosen:
        prefix = prefixes[index]
        line = lines[index]
        if removing:
            new_prefix = remove(prefix)
        else:
            new_prefix = add(prefix, number)
            number += 1
        old_prefix = line.text[: prefix.length]
        if new_prefix != old_prefix:
            edits.append((line.start, line.start + prefix.length, new_prefix))
    if numbered:
        edits += _renumbered_after(lines, chosen[-1], number if not removing else 1, edits)
    if makes_list and not removing:
        edits += _list_set_apart(lines, chosen[0], chosen[-1])
    new = replace_spans(text, edits)
    # A cursor at a line's start goes after the new prefix, where the reporter types on; a
    # selection keeps the prefix inside it.
    cursor = start == end
    return Formatted(
        new, shifted(edits, start, stick_right=cursor), shifted(edits, end, stick_right=cursor)
    )


def _is_paragraph_line(line: Line) -> bool:
    prefix = line_prefix(line.text)
    return bool(line.text.strip()) and not (prefix.list_marker or prefix.heading)


def _list_set_apart(lines: list[Line], first: int, last: int) -> list[tuple[int, int, str]]:
    """Blank lines between a new list and the paragraph lines around it: Markdown starts no
    list inside a paragraph, and a line under an item would join the item."""
    edits = []
    if first > 0 and _is_paragraph_line(lines[first - 1]):
        edits.append((lines[first - 1].end, lines[first - 1].end, "\n"))
    if last + 1 < len(lines) and _is_paragraph_line(lines[last + 1]):
        edits.append((lines[last].end, lines[last].end, "\n"))
    return edits


def _renumbered_after(
    lines: list[Line], last: int, number: int, edits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The numbered items straight after the changed lines, numbered on from ``number``."""
    more = []
    for line in lines[last + 1 :]:
        prefix = line_prefix(line.text)
        if prefix.number is None:
            break
        marker = f"{number}{prefix.list_marker.strip()[-1]} "
        new_prefix = prefix.indent + prefix.quote + prefix.heading + marker
        if new_prefix != line.text[: prefix.length]:
            more.append((line.start, line.start + prefix.length, new_prefix))
        number += 1
    return more


def _heading_rule(level: int) -> tuple[LineRule, LineChange, Callable[[LinePrefix], str]]:
    hashes = "#" * level

    def has(prefix: LinePrefix) -> bool:
        return prefix.heading.strip() == hashes

    def add(prefix: LinePrefix, _number: int) -> str:
        # A subhead is a line of its own: a list marker goes.
        return prefix.indent + prefix.quote + hashes + " "

    def remove(prefix: LinePrefix) -> str:
        return prefix.indent + prefix.quote + prefix.list_marker

    return has, add, remove


def toggle_subhead(text: str, start: int, end: int, level: int = 2) -> Formatted:
    """Make the touched lines subheads of ``level`` (2: ``## ``, 3: ``### ``); lines that
    already are subheads of that level become paragraphs again."""
    has, add, remove = _heading_rule(level)
    return _change_lines(text, start, end, has, add, remove)


def toggle_quote(text: str, start: int, end: int) -> Formatted:
    """Quote the touched lines (``> ``), or unquote them when all are quoted."""
    return _change_lines(
        text,
        start,
        end,
        lambda prefix: bool(prefix.quote),
        lambda prefix, _n: (
            prefix.indent + "> " + prefix.quote + prefix.heading + prefix.list_marker
        ),
        lambda prefix: (
            prefix.indent
            + re.sub(r"^>[ ]?", "", prefix.quote)
            + prefix.heading
            + prefix.list_marker
        ),
    )


def toggle_bulleted(text: str, start: int, end: int) -> Formatted:
    """Make the touched lines a bulleted list (``- ``), or paragraphs when they all are."""
    return _change_lines(
        text,
        start,
        end,
        lambda prefix: bool(prefix.list_marker) and prefix.number is None,
        lambda prefix, _n: prefix.indent + prefix.quote + "- ",
        lambda prefix: prefix.indent + prefix.quote,
        makes_list=True,
    )


def toggle_numbered(text: str, start: int, end: int) -> Formatted:
    """Make the touched lines a numbered list (``1. ``, ``2. ``…, numbering on from an item
    just above), or paragraphs when they all are; the items below are renumbered."""
    return _change_lines(
        text,
        start,
        end,
        lambda prefix: prefix.number is not None,
        lambda prefix, number: f"{prefix.indent}{prefix.quote}{number}. ",
        lambda prefix: prefix.indent + prefix.quote,
        numbered=True,
        makes_list=True,
    )
