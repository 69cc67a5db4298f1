"""Formatting a Markdown body the way a word processor formats text, with no Qt.

Reporters know Bold, Italic, Link and Heading from Word, not ``**`` or ``## ``. Each operation
here takes the body and the selection (start, end) and returns the new body and the selection
to show, so the window can apply it as one edit and the same rules can be tested without a
window. Every operation toggles, as Word's buttons do: applied where the formatting already is,
it takes it away.

Inline operations (bold, italic) act on the selection, trimmed of the spaces at its ends (the
markers must touch the words), one line at a time (emphasis cannot span a list item or a
heading), or on the word at the cursor when nothing is selected. Line operations (subheads,
quote, lists) act on every line the selection touches. Code (spans and blocks) and photo
placements are never formatted: an operation that would reach into code changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from editor.text.body_syntax import code_and_comment_spans, spans_intersect
from editor.text.prose_mask import markdown_code_blocks

BOLD = "**"
ITALIC = "*"


@dataclass(frozen=True)
class Formatted:
    """A formatting result: the whole new body and the selection to show in it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class LinkAt:
    """A ``[text](address)`` link in the body: its span, its text and its address."""

    start: int
    end: int
    text: str
    address: str


# --- the pieces of a line ------------------------------------------------------------------------

# What opens a line: indentation, quote markers, a heading or a list marker.
_PREFIX_RE = re.compile(
    r"(?P<indent>[ ]{0,3})(?P<quote>(?:>[ ]?)*)"
    r"(?P<heading>#{1,6}(?:[ ]+|$))?(?P<list>(?:[-*+]|(?P<number>\d{1,9})[.)])[ ]+)?"
)
_PHOTO_LINE_RE = re.compile(r"[ \t]*!\[[^\]\n]*\]\(photo:[^)\n]*\)[ \t]*")
# Emphasis as a reporter (or this module) writes it: a run of one to three * or _ against the
# first and last non-space character, closed by the same run. An underscore inside a word is a
# character of the word, so _ runs stand at word edges.
_EMPHASIS_RE = re.compile(
    r"(?<![\\*_\w])(?P<run>\*{1,3}|_{1,3})(?=[^\s*_])(?P<body>.*?[^\s\\*_])(?P=run)(?![*_\w])"
)
_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")
_LINK_RE = re.compile(
    r"(?<![!\\])\[(?P<text>(?:\\.|[^\]\\\n])*)\]"
    r"\((?P<address>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ ]+\"[^\"\n]*\")?\)"
)
_ADDRESS_RE = re.compile(
    r"(?:https?://[\w.-]+\.[\w-]+|https?://localhost|https?://\[[0-9a-f:]+\])(?::\d+)?"
    r"(?:[/?#]\S*)?"
    r"|mailto:[^\s@/]+@[\w-]+(?:\.[\w-]+)+(?:\?\S*)?",
    re.IGNORECASE,
)
_BARE_WWW_RE = re.compile(r"www\.[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the line in the body
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for line in text.split("\n"):
        lines.append(_Line(offset, line))
        offset += len(line) + 1
    return lines


def _touched(lines: list[_Line], start: int, end: int) -> range:
    """The indexes of the lines the selection touches (a selection ending at a line's very
    start leaves that line out, as word processors do)."""
    start, end = max(0, start), min(end, lines[-1].end)
    first = next(i for i, line in enumerate(lines) if start <= line.end)
    last = next(i for i, line in enumerate(lines) if end <= line.end)
    if last > first and end == lines[last].start:
        last -= 1
    return range(first, last + 1)


def _code_lines(text: str, lines: list[_Line]) -> set[int]:
    blocks = tuple(markdown_code_blocks(text))
    return {
        index
        for index, line in enumerate(lines)
        if spans_intersect(blocks, line.start, max(line.end, line.start + 1))
    }


def _untouchable(text: str, lines: list[_Line]) -> set[int]:
    """Lines no operation changes: photo placements and code blocks."""
    photos = {i for i, line in enumerate(lines) if _PHOTO_LINE_RE.fullmatch(line.text)}
    return photos | _code_lines(text, lines)


def _replace_spans(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    pieces = []
    position = 0
    for start, end, replacement in sorted(edits):
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _shift(edits: list[tuple[int, int, str]], position: int, *, stick_right: bool) -> int:
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


# --- addresses -----------------------------------------------------------------------------------


def web_address(candidate: str) -> str | None:
    """``candidate`` as a link address when it is one a reader may follow: an http, https or
    mailto address, or a bare ``www.`` name (made https). Anything else (javascript:, data:,
    file:, a sentence) is None."""
    value = candidate.strip()
    if not value or any(character.isspace() for character in value):
        return None
    if _ADDRESS_RE.fullmatch(value):
        return value
    if _BARE_WWW_RE.fullmatch(value):
        return "https://" + value
    return None


def _markdown_address(address: str) -> str:
    # Spaces and unbalanced parentheses would end the link early.
    return address.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _markdown_link_text(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _plain_link_text(text: str) -> str:
    return re.sub(r"\\([\\\[\]])", r"\1", text)


def link_at(text: str, start: int, end: int | None = None) -> LinkAt | None:
    """The link ``[text](address)`` holding the selection (or the cursor), if any."""
    end = start if end is None else end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    for found in _LINK_RE.finditer(text, line_start, line_end):
        if found.start() <= start and end <= found.end() and (start, end) != (found.end(),) * 2:
            return LinkAt(
                found.start(),
                found.end(),
                _plain_link_text(found.group("text")),
                found.group("address"),
            )
    return None


def make_link(text: str, start: int, end: int, address: str, label: str = "") -> Formatted:
    """Make the selection (or the link the cursor is in, or the word at the cursor) a link to
    ``address`` reading ``label`` (by default the selected text, or the address itself). A
    selection over several lines links its first line. The cursor goes after the link."""
    existing = link_at(text, start, end)
    if existing is not None:
        start, end = existing.start, existing.end
        label = label or existing.text
    else:
        start, end = sorted((start, end))
        # A link is read within a paragraph: one made over several lines covers the first.
        line_end = text.find("\n", start, end)
        if line_end >= 0:
            end = line_end
        start, end = _trimmed(text, start, end)
        if start == end:
            word = _word_at(text, start)
            if word is not None:
                start, end = word
        label = label or text[start:end] or address
    link = f"[{_markdown_link_text(label)}]({_markdown_address(address)})"
    after = start + len(link)
    return Formatted(text[:start] + link + text[end:], after, after)


def _word_at(text: str, position: int) -> tuple[int, int] | None:
    """The span of the word the cursor is in or touches, if any."""
    low = text.rfind("\n", 0, position) + 1
    high = text.find("\n", position)
    high = len(text) if high < 0 else high
    for found in _WORD_RE.finditer(text, low, high):
        if found.start() <= position <= found.end():
            return found.span()
    return None


def word_at(text: str, position: int) -> str:
    """The word the cursor is in or touches ("" if none): what Link… offers as the text."""
    span = _word_at(text, position)
    return text[span[0] : span[1]] if span else ""


def remove_link(text: str, start: int, end: int | None = None) -> Formatted:
    """The link the cursor is in, as its text alone (no link: no change)."""
    existing = link_at(text, start, end)
    if existing is None:
        return Formatted(text, start, start if end is None else end)
    new = text[: existing.start] + existing.text + text[existing.end :]
    return Formatted(new, existing.start, existing.start + len(existing.text))


# --- inline: bold and italic ---------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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


def _without_marker(run: str, marker: str) -> str:
    """The run left once ``marker``'s emphasis is taken from it (``***`` less bold is ``*``)."""
    return run[: len(run) - len(marker)]


def _segment_bounds(line: _Line) -> tuple[int, int]:
    """Where the text of a line starts and ends, after its quote, heading or list prefix."""
    prefix = _PREFIX_RE.match(line.text)
    length = prefix.end() if prefix else 0
    return line.start + length, line.end


def _clamped(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = sorted((start, end))
    return max(0, min(start, len(text))), max(0, min(end, len(text)))


def _toggle_inline(text: str, start: int, end: int, marker: str) -> Formatted:
    start, end = _clamped(text, start, end)
    code, _comments = code_and_comment_spans(text)
    code_spans = tuple(code)
    if spans_intersect(code_spans, start, max(end, start + 1)) or (
        start == end and start > 0 and spans_intersect(code_spans, start - 1, start)
    ):
        return Formatted(text, start, end)
    lines = _lines(text)
    touched = _touched(lines, start, end)
    if _untouchable(text, lines) & set(touched) or _in_link_address(text, start, end):
        return Formatted(text, start, end)
    if start == end:
        return _toggle_at_cursor(text, lines[touched[0]], start, marker)

    segments: list[tuple[int, int, int, int]] = []  # content start/end, line bounds
    for index in touched:
        low, high = _segment_bounds(lines[index])
        content_start, content_end = _trimmed(text, max(low, start), min(high, end))
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
    new = _replace_spans(text, edits)
    first, last = segments[0][0], segments[-1][1]
    return Formatted(
        new, _shift(edits, first, stick_right=True), _shift(edits, last, stick_right=False)
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


def _toggle_at_cursor(text: str, line: _Line, position: int, marker: str) -> Formatted:
    low, high = _segment_bounds(line)
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
            new = _replace_spans(text, edits)
            moved = _shift(edits, position, stick_right=False)
            return Formatted(new, moved, moved)
    word = next(
        (
            found
            for found in _WORD_RE.finditer(text, low, high)
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
    new = _replace_spans(text, edits)
    moved = _shift(edits, position, stick_right=position == word.end())
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


# --- lines: subheads, quotes, lists --------------------------------------------------------------


@dataclass(frozen=True)
class _Prefix:
    indent: str
    quote: str
    heading: str
    list_marker: str
    number: int | None
    length: int


def _prefix(line: str) -> _Prefix:
    found = _PREFIX_RE.match(line)
    assert found is not None  # every part is optional
    number = found.group("number")
    return _Prefix(
        found.group("indent"),
        found.group("quote"),
        found.group("heading") or "",
        found.group("list") or "",
        int(number) if number is not None else None,
        found.end(),
    )


LineRule = Callable[[_Prefix], bool]
LineChange = Callable[[_Prefix, int], str]


def _change_lines(
    text: str,
    start: int,
    end: int,
    has: LineRule,
    add: LineChange,
    remove: Callable[[_Prefix], str],
    *,
    numbered: bool = False,
    makes_list: bool = False,
) -> Formatted:
    start, end = _clamped(text, start, end)
    lines = _lines(text)
    untouchable = _untouchable(text, lines)
    chosen = [
        index
        for index in _touched(lines, start, end)
        if index not in untouchable and lines[index].text.strip()
    ]
    if not chosen:
        # An empty line at the cursor still takes a prefix: the reporter types after it.
        index = _touched(lines, start, end)[0]
        if index in untouchable or lines[index].text.strip():
            return Formatted(text, start, end)
        chosen = [index]
    prefixes = {index: _prefix(lines[index].text) for index in chosen}
    removing = all(has(prefixes[index]) for index in chosen)
    number = 1
    if numbered and not removing and chosen[0] > 0:
        previous = _prefix(lines[chosen[0] - 1].text)
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
    new = _replace_spans(text, edits)
    # A cursor at a line's start goes after the new prefix, where the reporter types on; a
    # selection keeps the prefix inside it.
    cursor = start == end
    return Formatted(
        new, _shift(edits, start, stick_right=cursor), _shift(edits, end, stick_right=cursor)
    )


def _is_paragraph_line(line: _Line) -> bool:
    prefix = _prefix(line.text)
    return bool(line.text.strip()) and not (prefix.list_marker or prefix.heading)


def _list_set_apart(lines: list[_Line], first: int, last: int) -> list[tuple[int, int, str]]:
    """Blank lines between a new list and the paragraph lines around it: Markdown starts no
    list inside a paragraph, and a line under an item would join the item."""
    edits = []
    if first > 0 and _is_paragraph_line(lines[first - 1]):
        edits.append((lines[first - 1].end, lines[first - 1].end, "\n"))
    if last + 1 < len(lines) and _is_paragraph_line(lines[last + 1]):
        edits.append((lines[last].end, lines[last].end, "\n"))
    return edits


def _renumbered_after(
    lines: list[_Line], last: int, number: int, edits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The numbered items straight after the changed lines, numbered on from ``number``."""
    more = []
    for line in lines[last + 1 :]:
        prefix = _prefix(line.text)
        if prefix.number is None:
            break
        marker = f"{number}{prefix.list_marker.strip()[-1]} "
        new_prefix = prefix.indent + prefix.quote + prefix.heading + marker
        if new_prefix != line.text[: prefix.length]:
            more.append((line.start, line.start + prefix.length, new_prefix))
        number += 1
    return more


def _heading_rule(level: int) -> tuple[LineRule, LineChange, Callable[[_Prefix], str]]:
    hashes = "#" * level

    def has(prefix: _Prefix) -> bool:
        return prefix.heading.strip() == hashes

    def add(prefix: _Prefix, _number: int) -> str:
        # A subhead is a line of its own: a list marker goes.
        return prefix.indent + prefix.quote + hashes + " "

    def remove(prefix: _Prefix) -> str:
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


# --- clear formatting ----------------------------------------------------------------------------


def clear_formatting(text: str, start: int, end: int) -> Formatted:
    """Plain paragraphs again: emphasis markers and link syntax (keeping the link's text) go
    from the selection, and subhead, quote and list prefixes from the lines it touches. With
    no selection, the line at the cursor. Photo placements and code stay as they are."""
    start, end = _clamped(text, start, end)
    lines = _lines(text)
    untouchable = _untouchable(text, lines)
    code, _comments = code_and_comment_spans(text)
    code_spans = tuple(code)
    edits: list[tuple[int, int, str]] = []
    whole_lines = start == end
    for index in _touched(lines, start, end):
        if index in untouchable:
            continue
        line = lines[index]
        prefix = _prefix(line.text)
        if prefix.length:
            edits.append((line.start, line.start + prefix.length, prefix.indent))
        low, high = line.start + prefix.length, line.end
        if not whole_lines:
            low, high = max(low, start), min(high, end)
        edits += _inline_cleared(text, line, prefix.length, low, high, code_spans)
    new = _replace_spans(text, edits)
    return Formatted(
        new, _shift(edits, start, stick_right=False), _shift(edits, end, stick_right=True)
    )


def _inline_cleared(
    text: str,
    line: _Line,
    prefix_length: int,
    low: int,
    high: int,
    code_spans: tuple[tuple[int, int], ...],
) -> list[tuple[int, int, str]]:
    """The edits that take emphasis markers and link syntax out of the line where they meet
    ``low``..``high`` (code spans inside the line kept)."""
    edits: list[tuple[int, int, str]] = []
    text_start = line.start + prefix_length
    for found in _LINK_RE.finditer(text, text_start, line.end):
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
