"""What each part of one body line is, for the body's highlighting: markers, emphasis, links,
code, quotes, subheads, photo placements, TK and editor's notes.

The window highlights the body one line (one text block) at a time, as the reporter types, so
this reads a single line and the state the line before left (inside a fenced code block or
not) and never the whole story. Every pass is linear in the line's length: the link and
code-span scans are the budgeted ones of ``editor.text.body_syntax``, emphasis is paired with
one stack per marker character, and no pattern can backtrack over the line.

Qt-free: the roles are flags that ``editor.ui.widgets.body_highlighter`` turns into formats.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from editor.text.body_scan import PLACEMENT_RE
from editor.text.body_syntax import double_bracket_notes, find_links, inline_code_and_comments
from editor.text.prose_mask import blank_spans

NORMAL = -1  # the state of a line outside any fenced code block (Qt's "no state")
# A line inside a fenced code block carries FENCE_STATE + the fence: its length (up to 499)
# plus 500 for a tilde fence, so that only the same kind of fence, as long or longer, closes it.
FENCE_STATE = 1000
_TILDE = 500
_MAX_FENCE = 499


class Role(enum.IntFlag):
    """What a run of characters is; a run can be several (a link in bold in a quote)."""

    MARKER = enum.auto()  # Markdown syntax: #, >, list bullets, ** and _, brackets, backticks
    STRONG = enum.auto()
    EMPHASIS = enum.auto()
    LINK = enum.auto()  # the text a reader clicks
    ADDRESS = enum.auto()  # a link's (address) or [label]
    CODE = enum.auto()  # code spans and fenced code: the fixed-width font
    QUOTE = enum.auto()  # a block quote's text
    NOTE = enum.auto()  # TK and [[editor's notes]]: still to do before the story moves
    PLACEMENT = enum.auto()  # ![](photo:ID): a photo's place, not prose


@dataclass
class LineMarkup:
    """One line's roles as (start, end, role) spans, its subhead level (0: none), the state it
    leaves for the next line, and the photo it places (None: none)."""

    spans: list[tuple[int, int, Role]] = field(default_factory=list)
    heading: int = 0
    state: int = NORMAL
    photo_id: str | None = None

    def add(self, start: int, end: int, role: Role) -> None:
        if end > start:
            self.spans.append((start, end, role))


def fence_state(fence: str) -> int:
    return FENCE_STATE + min(len(fence), _MAX_FENCE) + (_TILDE if fence[0] == "~" else 0)


def is_fence_state(state: int) -> bool:
    return state >= FENCE_STATE


def _fence_of(state: int) -> tuple[str, int]:
    size = state - FENCE_STATE
    return ("~", size - _TILDE) if size > _TILDE else ("`", size)


_FENCE_OPEN_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
_FENCE_CLOSE_RE = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*\Z")
_HEADING_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|\Z)")
_CLOSING_HASHES_RE = re.compile(r"[ \t]+#+[ \t]*\Z")
_DEFINITION_RE = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S")
_QUOTE_RE = re.compile(r" {0,3}>[ \t]?")
_RULE_RE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\Z")
_LIST_RE = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)])(?=[ \t]|\Z)")
_AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_TK_RE = re.compile(r"(?<!\w)(?:TK)+(?!\w)")  # as the checks find it
_ESCAPE_RE = re.compile(r"\\[!-/:-@\[-`{-~]")
_DELIMITER_RE = re.compile(r"\*+|_+")
_TICKS_RE = re.compile(r"`+")


def line_markup(text: str, previous_state: int = NORMAL) -> LineMarkup:
    """The roles in ``text`` (one line of the body) after a line that left ``previous_state``."""
    markup = LineMarkup()
    if is_fence_state(previous_state):
        char, size = _fence_of(previous_state)
        closing = _FENCE_CLOSE_RE.match(text)
        if closing and closing.group(1)[0] == char and len(closing.group(1)) >= size:
            markup.add(0, len(text), Role.CODE | Role.MARKER)
        else:
            markup.add(0, len(text), Role.CODE)
            markup.state = previous_state
        return markup
    opening = _FENCE_OPEN_RE.match(text)
    if opening and not (opening.group(1)[0] == "`" and "`" in text[opening.end() :]):
        markup.add(0, len(text), Role.CODE | Role.MARKER)
        markup.state = fence_state(opening.group(1))
        return markup
    if _DEFINITION_RE.match(text) or _RULE_RE.match(text):
        markup.add(0, len(text), Role.MARKER)  # a link's definition, a rule: never prose
        return markup
    start = 0
    heading = _HEADING_RE.match(text)
    end = len(text)
    if heading:
        markup.heading = len(heading.group(1))
        markup.add(0, heading.end(), Role.MARKER)
        start = heading.end()
        closing_hashes = _CLOSING_HASHES_RE.search(text, start)
        if closing_hashes:
            end = closing_hashes.start()
            markup.add(end, len(text), Role.MARKER)
    else:
        quote = _QUOTE_RE.match(text)
        while quote:
            start = quote.end()
            quote = _QUOTE_RE.match(text, start)
        if start:
            markup.add(0, start, Role.MARKER)
            markup.add(start, len(text), Role.QUOTE)
        bullet = _LIST_RE.match(text, start)
        if bullet and not _RULE_RE.match(text, start):
            markup.add(start, bullet.end(), Role.MARKER)
            start = bullet.end()
    _inline(text, start, end, markup)
    return markup


def _inline(text: str, start: int, end: int, markup: LineMarkup) -> None:
    """Code spans, notes, links, autolinks, TK and emphasis in ``text[start:end]``."""
    # Offsets stay the line's: what lies outside the range is blanked, not cut off.
    line = " " * start + text[start:end]
    code, comments = inline_code_and_comments(line)
    for span_start, span_end in code:
        markup.add(span_start, span_end, Role.CODE)
        ticks = _TICKS_RE.match(line, span_start).end() - span_start  # type: ignore[union-attr]
        markup.add(span_start, span_start + ticks, Role.MARKER)
        markup.add(span_end - ticks, span_end, Role.MARKER)
    for span_start, span_end in comments:
        markup.add(span_start, span_end, Role.MARKER)
    readable = blank_spans(line, code + comments)
    escapes = [match.span() for match in _ESCAPE_RE.finditer(readable)]
    for escape_start, _escape_end in escapes:
        markup.add(escape_start, escape_start + 1, Role.MARKER)
    readable = blank_spans(readable, escapes)
    notes = double_bracket_notes(readable)
    for note_start, note_end in notes:
        markup.add(note_start, note_end, Role.NOTE)
    for match in _TK_RE.finditer(readable):
        markup.add(match.start(), match.end(), Role.NOTE)
    readable = blank_spans(readable, notes)
    autolinks = [match.span() for match in _AUTOLINK_RE.finditer(readable)]
    for link_start, link_end in autolinks:
        markup.add(link_start, link_start + 1, Role.MARKER)
        markup.add(link_start + 1, link_end - 1, Role.LINK)
        markup.add(link_end - 1, link_end, Role.MARKER)
    readable = blank_spans(readable, autolinks)
    syntax: list[tuple[int, int]] = []
    for link in find_links(readable):
        placement = PLACEMENT_RE.fullmatch(readable, link.start, link.end) if link.image else None
        if placement:
            markup.add(link.start, link.end, Role.PLACEMENT | Role.MARKER)
            markup.photo_id = markup.photo_id or placement["id"]
            syntax.append((link.start, link.end))
            continue
        markup.add(link.start, link.text_start, Role.MARKER)
        markup.add(link.text_start, link.text_end, Role.LINK)
        markup.add(link.text_end, link.end, Role.ADDRESS | Role.MARKER)
        syntax += [(link.start, link.text_start), (link.text_end, link.end)]
    _emphasis(blank_spans(readable, syntax), markup)


def _emphasis(text: str, markup: LineMarkup) -> None:
    """Pair ``*``/``_`` runs as Python-Markdown mostly does: a run that can open waits on its
    character's stack; one that can close takes the nearest opener of its character (two
    characters each for strong when both have them). One stack per character, each run
    consumed as it pairs: linear in the line however the markers mix."""
    openers: dict[str, list[list[int]]] = {"*": [], "_": []}  # [position, characters left]
    for match in _DELIMITER_RE.finditer(text):
        char = match.group()[0]
        run_start, run_end = match.span()
        before = text[run_start - 1] if run_start else " "
        after = text[run_end] if run_end < len(text) else " "
        if char == "_":  # an underscore inside a word is a character
            can_open = not before.isalnum() and not after.isspace()
            can_close = not before.isspace() and not after.isalnum()
        else:
            can_open, can_close = not after.isspace(), not before.isspace()
        left = run_end - run_start
        stack = openers[char]
        while can_close and left and stack:
            opener = stack[-1]
            used = 2 if left >= 2 and opener[1] >= 2 else 1
            opener_end = opener[0] + opener[1]
            close_start = run_end - left
            markup.add(opener_end - used, opener_end, Role.MARKER)
            markup.add(close_start, close_start + used, Role.MARKER)
            role = Role.STRONG if used == 2 else Role.EMPHASIS
            markup.add(opener_end, close_start, role)
            opener[1] -= used
            left -= used
            if not opener[1]:
                stack.pop()
        if can_open and left:
            stack.append([run_end - left, left])
