"""Formatting a Markdown body the way a word processor formats text, with no Qt.

Reporters know Bold, Italic, Link and Heading from Word, not ``**`` or ``## ``. Each operation
here takes the body and the selection (start, end) and returns the new body and the selection
to show, so the window can apply it as one edit and the same rules can be tested without a
window. Every operation toggles, as Word's buttons do: applied where the formatting already is,
it takes it away.

This module holds the inline operations and Clear Formatting; links are in
``editor.text.markdown_links``, subheads, quotes and lists in ``editor.text.markdown_lines``.

Inline operations (bold, italic) act on the selection, trimmed of the spaces at its ends (the
markers must touch the words), one line at a time (emphasis cannot span a list item or a
heading), or on the word at the cursor when nothing is selected. Line operations (subheads,
quote, lists) act on every line the selection touches. Code (spans and blocks) and photo
placements are never formatted: an operation that would reach into code changes nothing.
"""

from __future__ import annotations

import re

from editor.text.body_syntax import code_and_comment_spans, spans_intersect
from editor.text.format_edits import (
    Formatted,
    Line,
    body_lines,
    clamped,
    line_prefix,
    replace_spans,
    shifted,
    text_bounds,
    touched_lines,
    trimmed,
    untouchable_lines,
)
from editor.text.markdown_links import LINK_RE, WORD_RE, link_at

BOLD = "**"
ITALIC = "*"

# Emphasis as a reporter (or this module) writes it: a run of one to three * or _ against the
# first and last non-space character, closed by the same run. An underscore inside a word is a
# character of the word, so _ runs stand at word edges.
_EMPHASIS_RE = re.compile(
    r"(?<![\\*_\w])(?P<run>\*{1,3}|_{1,3})(?=[^\s*_])(?P<body>.*?[^\s\\*_])(?P=run)(?![*_\w])"
)


def _has(marker: str, run_length: int) -> bool:
    """Whether a run of ``run_length`` emphasis characters includes ``marker``'s emphasis:
    ``**`` and ``***`` are bold, ``*`` and ``***`` italic."""
    return run_length >= 2 if marker == BOLD else run_length in (1, 3)


def _around(text: str, start: int, end: int, low: int, high: int) -> tuple[str, int]:
    """The emphasis character and run length that enclose ``text[start:end]`` on both sides
    (within ``low``..``high``), or ("", 0)."""
    for character in "*_":
        before = 0
        while start - before > low and text[start - before - 1] == character:
            before += 1
        after = 0
        while end + after < high and text[end + after] == character:
            after += 1
        if before and after:
            return character, min(before, after, 3)
    return "", 0


def _emphasis_spans(text: str, low: int, high: int) -> list[re.Match[str]]:
    return list(_EMPHASIS_RE.finditer(text, low, high))


def _toggle_inline(text: str, start: int, end: int, marker: str) -> Formatted:
    start, end = clamped(text, start, end)
    code, _comments = code_and_comment_spans(text)
    code_spans = tuple(code)
    if spans_intersect(code_spans, start, max(end, start + 1)) or (
        start == end and start > 0 and spans_intersect(code_spans, start - 1, start)
    ):
        return Formatted(text, start, end)
    lines = body_lines(text)
    touched = touched_lines(lines, start, end)
    if untouchable_lines(text, lines) & set(touched) or _in_link_address(text, start, end):
        return Formatted(text, start, end)
    if start == end:
        return _toggle_at_cursor(text, lines[touched[0]], start, marker)

    segments: list[tuple[int, int, int, int]] = []  # content start/end, line bounds
    for index in touched:
        low, high = text_bounds(lines[index])
        content_start, content_end = trimmed(text, max(low, start), min(high, end))
        if content_start >= content_end:
            continue
        # A selection that took in the markers themselves ("**word**") means the word.
        whole = _EMPHASIS_RE.fullmatch(text[content_start:content_end])
        if whole is not None:
            size = len(whole.group("run"))
            content_start, content_end = content_start + size, content_end - size
        else:
            # A selection cut at a marker ("two**" of "**two**" on the first line of a
            # selection that runs on): the marker is not part of the text.
            content_start, content_end = _without_loose_markers(text, content_start, content_end)
        segments.append((content_start, content_end, low, high))
    if not segments:
        return Formatted(text, start, end)

    def present(segment: tuple[int, int, int, int]) -> bool:
        character, run = _around(text, *segment)
        return bool(character) and _has(marker, run)

    edits: list[tuple[int, int, str]] = []
    if all(present(segment) for segment in segments):
        for content_start, content_end, _low, _high in segments:
            size = 1 if marker == ITALIC else 2
            edits.append((content_start - size, content_start, ""))
            edits.append((content_end, content_end + size, ""))
    else:
        for segment in segments:
            if present(segment):
                continue
            content_start, content_end, _low, _high = segment
            inner = _strip_emphasis(text[content_start:content_end], marker)
            edits.append((content_start, content_start, marker))
            edits.append((content_start, content_end, inner))
            edits.append((content_end, content_end, marker))
        edits = _ordered(edits)
    new = replace_spans(text, edits)
    first, last = segments[0][0], segments[-1][1]
    return Formatted(
        new, shifted(edits, first, stick_right=True), shifted(edits, last, stick_right=False)
    )


def _without_loose_markers(text: str, start: int, end: int) -> tuple[int, int]:
    inner = text[start:end]
    leading = len(inner) - len(inner.lstrip("*_"))
    trailing = len(inner) - len(inner.rstrip("*_"))
    if leading >= len(inner):
        return start, end
    if trailing and not leading:
        return start, end - trailing
    if leading and not trailing:
        return start + leading, end
    return start, end


def _ordered(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    # An opening marker and its segment's new text both start at the segment: the marker first.
    return sorted(edits, key=lambda edit: (edit[0], edit[1] - edit[0] > 0, edit[1]))


def _strip_emphasis(segment: str, marker: str) -> str:
    """``segment`` without the spans of ``marker``'s emphasis inside it (bolding a sentence
    with one bold word in it makes the sentence bold, not a bold-plain-bold mix)."""

    def unmark(found: re.Match[str]) -> str:
        run = found.group("run")
        if not _has(marker, len(run)):
            return found.group()
        left = run[: len(run) - (2 if marker == BOLD else 1)]
        return left + found.group("body") + left

    return _EMPHASIS_RE.sub(unmark, segment)


def _toggle_at_cursor(text: str, line: Line, position: int, marker: str) -> Formatted:
    low, high = text_bounds(line)
    if position < low:
        return Formatted(text, position, position)
    for found in _emphasis_spans(text, low, high):
        run = found.group("run")
        if found.start() <= position <= found.end() and _has(marker, len(run)):
            size = 1 if marker == ITALIC else 2
            edits = [
                (found.start("run"), found.start("run") + size, ""),
                (found.end() - size, found.end(), ""),
            ]
            new = replace_spans(text, edits)
            moved = shifted(edits, position, stick_right=False)
            return Formatted(new, moved, moved)
    word = next(
        (
            found
            for found in WORD_RE.finditer(text, low, high)
            if found.start() <= position <= found.end()
        ),
        None,
    )
    if word is None:
        character, run = _around(text, position, position, low, high)
        if character and _has(marker, run):
            size = 1 if marker == ITALIC else 2
            new = text[: position - size] + text[position + size :]
            return Formatted(new, position - size, position - size)
        new = text[:position] + marker + marker + text[position:]
        return Formatted(new, position + len(marker), position + len(marker))
    character, run = _around(text, word.start(), word.end(), low, high)
    if character and _has(marker, run):
        size = 1 if marker == ITALIC else 2
        edits = [(word.start() - size, word.start(), ""), (word.end(), word.end() + size, "")]
    else:
        edits = [(word.start(), word.start(), marker), (word.end(), word.end(), marker)]
    new = replace_spans(text, edits)
    moved = shifted(edits, position, stick_right=position == word.end())
    return Formatted(new, moved, moved)


def _in_link_address(text: str, start: int, end: int) -> bool:
    """Whether the selection reaches into a link's address (formatting it would break it)."""
    existing = link_at(text, start, end) or link_at(text, start) or link_at(text, end)
    if existing is None:
        return False
    # From the "](" to the closing ")": a selection that starts or ends in there.
    target = text.rfind("](", existing.start, existing.end)
    return any(target < edge < existing.end for edge in (start, end))


def toggle_bold(text: str, start: int, end: int) -> Formatted:
    """Bold (``**``) on the selection or the word at the cursor; off where it is bold."""
    return _toggle_inline(text, start, end, BOLD)


def toggle_italic(text: str, start: int, end: int) -> Formatted:
    """Italic (``*``; ``_`` recognised) on the selection or the word at the cursor."""
    return _toggle_inline(text, start, end, ITALIC)


# --- clear formatting ----------------------------------------------------------------------------


def clear_formatting(text: str, start: int, end: int) -> Formatted:
    """Plain paragraphs again: emphasis markers and link syntax (keeping the link's text) go
    from the selection, and subhead, quote and list prefixes from the lines it touches. With
    no selection, the line at the cursor. Photo placements and code stay as they are."""
    start, end = clamped(text, start, end)
    lines = body_lines(text)
    untouchable = untouchable_lines(text, lines)
    code, _comments = code_and_comment_spans(text)
    code_spans = tuple(code)
    edits: list[tuple[int, int, str]] = []
    whole_lines = start == end
    for index in touched_lines(lines, start, end):
        if index in untouchable:
            continue
        line = lines[index]
        prefix = line_prefix(line.text)
        if prefix.length:
            edits.append((line.start, line.start + prefix.length, prefix.indent))
        low, high = line.start + prefix.length, line.end
        if not whole_lines:
            low, high = max(low, start), min(high, end)
        edits += _inline_cleared(text, line, prefix.length, low, high, code_spans)
    new = replace_spans(text, edits)
    return Formatted(
        new, shifted(edits, start, stick_right=False), shifted(edits, end, stick_right=True)
    )


def _inline_cleared(
    text: str,
    line: Line,
    prefix_length: int,
    low: int,
    high: int,
    code_spans: tuple[tuple[int, int], ...],
) -> list[tuple[int, int, str]]:
    """The edits that take emphasis markers and link syntax out of the line where they meet
    ``low``..``high`` (code spans inside the line kept)."""
    edits: list[tuple[int, int, str]] = []
    text_start = line.start + prefix_length
    for found in LINK_RE.finditer(text, text_start, line.end):
        if found.end() <= low or found.start() >= high:
            continue
        if spans_intersect(code_spans, found.start(), found.end()):
            continue
        edits.append((found.start(), found.start("text"), ""))
        edits.append((found.end("text"), found.end(), ""))
    taken = {(start, end) for start, end, _ in edits}
    for found in _EMPHASIS_RE.finditer(text, text_start, line.end):
        if found.end() <= low or found.start() >= high:
            continue
        if spans_intersect(code_spans, found.start(), found.end()):
            continue
        opening = (found.start(), found.end("run"))
        closing = (found.end() - len(found.group("run")), found.end())
        if taken & {opening, closing}:
            continue
        edits.append((*opening, ""))
        edits.append((*closing, ""))
        # Emphasis nested inside (***a* b** or **a *b* c**) goes too.
        for inner in _EMPHASIS_RE.finditer(text, found.start("body"), found.end("body")):
            if not spans_intersect(code_spans, inner.start(), inner.end()):
                edits.append((inner.start(), inner.end("run"), ""))
                edits.append((inner.end() - len(inner.group("run")), inner.end(), ""))
    return _without_overlaps(edits)


def _without_overlaps(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for edit in sorted(set(edits)):
        if kept and edit[0] < kept[-1][1]:
            continue
        kept.append(edit)
    return kept
