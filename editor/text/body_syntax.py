"""Markdown syntax in a story's body, found by plain text scanning (no Markdown parser).

The pieces ``editor.text.body_scan`` puts together: where code is (fenced and indented blocks,
code spans, HTML comments), and what else a reader never sees as prose (tags, link targets,
definitions, footnote markers, addresses, emphasis markers). Each function returns spans of
the text it is given, so offsets stay those of the body.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from editor.text.prose_mask import blank_spans

# --- what is blanked out -------------------------------------------------------------------------

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
# [[a note to the desk]]: what ``double_bracket_notes`` finds, in linear time (the pattern reads
# to the line's end from every "[[" that is never closed).
DOUBLE_BRACKET_NOTE_RE = re.compile(r"\[\[[^\n]*?\]\]")
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>")
_AUTOLINK_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_DEFINITION_RE = re.compile(
    r"^ {0,3}(?:\[[^\]\n]+\]:[ \t]*\S[^\n]*|\*\[[^\]\n]+\]:[^\n]*)$", re.MULTILINE
)
_REFERENCE_LABEL_RE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:", re.MULTILINE)
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]+\]")
# Addresses are found from their "://", "www." or "@" (a literal search is fast), then grown.
_SCHEME_BEFORE_RE = re.compile(r"(?<![\w.+-])(?:https?|ftp)\Z", re.IGNORECASE)
_URL_TAIL_RE = re.compile(r"[^\s<>()\[\]]*(?:\([^\s<>()]*\)[^\s<>()\[\]]*)*")
_EMAIL_USER_RE = re.compile(r"[\w.+-]+\Z")
_EMAIL_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_LIST_MARKER_RE = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:\d{1,9}|[A-Za-z])\)(?=[ \t])", re.MULTILINE)
# Emphasis markers (**, _, ***) at a word's edge; an underscore inside a word is a character.
_EMPHASIS_RUN_RE = re.compile(r"[*_]{1,3}")
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}")
BLANK_LINE_RE = re.compile(r"\n(?:[ \t]*\n)+")


def spans_intersect(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if index >= 0 and spans[index][1] > start:
        return True
    index += 1
    return index < len(spans) and spans[index][0] < end


def inside_spans(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# --- code ----------------------------------------------------------------------------------------


def code_and_comment_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Fenced and indented code blocks, code spans and HTML comments; and the comments."""
    spans = merge_spans(_fenced_blocks(text))
    spans += _indented_blocks(text, spans)
    inline, comments = inline_code_and_comments(blank_spans(text, spans))
    return spans + inline + comments, comments


_INLINE_START_RE = re.compile(r"<!--|`+")


def inline_code_and_comments(
    text: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Code spans (a run of backticks up to the next run of the same length, in one paragraph)
    and HTML comments, read left to right: whichever starts first hides the other."""
    code: list[tuple[int, int]] = []
    comments: list[tuple[int, int]] = []
    position = 0
    # The blank line ending the paragraph of the last code span looked at (None: none further
    # on), so that a paragraph of 30,000 code spans does not look for its end 30,000 times.
    paragraph_end: re.Match[str] | None = None
    paragraph_known = False
    # The first "-->" after the last comment opening looked at (-1: none in the rest of the text).
    comment_close = -2
    while True:
        opening = _INLINE_START_RE.search(text, position)
        if opening is None:
            return code, comments
        if not paragraph_known or (
            paragraph_end is not None and paragraph_end.start() < opening.end()
        ):
            paragraph_end = BLANK_LINE_RE.search(text, opening.end())
            paragraph_known = True
        limit = len(text) if paragraph_end is None else paragraph_end.start()
        if opening.group() == "<!--":
            # As the renderer reads it: a comment opening a block may run over blank lines, one
            # inside a paragraph must close in it, and one never closed is text a reader sees.
            if comment_close != -1 and comment_close < opening.end():
                comment_close = text.find("-->", opening.end())
            if comment_close < 0 or (
                comment_close + 3 > limit and not _opens_block(text, opening.start())
            ):
                position = opening.end()
                continue
            comments.append((opening.start(), comment_close + 3))
            position = comment_close + 3
            continue
        size = len(opening.group())
        closing_re = re.compile(rf"(?<!`)`{{{size}}}(?!`)")
        closing = closing_re.search(text, opening.end(), limit)
        if closing is None:
            position = opening.end()  # literal backticks
            continue
        code.append((opening.start(), closing.end()))
        position = closing.end()


def _opens_block(text: str, start: int) -> bool:
    """Whether ``start`` begins a block: the text's start or a line after a blank line (up to
    three spaces in)."""
    line_start = text.rfind("\n", max(0, start - 4), start) + 1
    if line_start == 0 and start > 3:  # no line break in the four characters before: inside a line
        return False
    if text[line_start:start].strip(" "):
        return False
    if line_start == 0:
        return True
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    return not text[previous_start : line_start - 1].strip()


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _FENCE_RE.search(text, position)
        if opening is None:
            return spans
        fence = opening.group(1)
        closing_re = re.compile(
            rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE
        )
        closing = closing_re.search(text, opening.end())
        end = len(text) if closing is None else closing.end()
        spans.append((opening.start(), end))
        position = end


def _indented_blocks(text: str, fenced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines indented four spaces (or a tab) after a blank line, outside lists."""
    spans = []
    fenced_spans = tuple(fenced)
    offset = 0
    previous_blank = True
    in_block = False
    in_list = False
    for line in text.split("\n"):
        end = offset + len(line)
        stripped = line.strip()
        indented = line.startswith(("    ", "\t")) and bool(stripped)
        if not stripped:
            previous_blank = True
            offset = end + 1
            continue
        if indented and (in_block or (previous_blank and not in_list)):
            if not inside_spans(fenced_spans, offset):
                spans.append((offset, end))
                in_block = True
        else:
            in_block = False
            if not line.startswith((" ", "\t")):
                in_list = bool(re.match(r"(?:[*+-]|\d{1,9}[.)])[ \t]", line))
        previous_blank = False
        offset = end + 1
    return spans


# --- links, images, tags, addresses --------------------------------------------------------------


def other_syntax(text: str) -> tuple[list[tuple[int, int]], list[LinkSyntax]]:
    """What else is not prose, found in ``text`` (the body with its code already blanked), and
    the links and images."""
    spans = [m.span() for m in _DEFINITION_RE.finditer(text)]
    labels = {m.group(1).strip().lower() for m in _REFERENCE_LABEL_RE.finditer(text)}
    spans += double_bracket_notes(text)
    spans += [m.span() for m in _TAG_RE.finditer(text)]
    spans += [m.span() for m in _AUTOLINK_RE.finditer(text)]
    spans += [m.span() for m in _FOOTNOTE_RE.finditer(text)]
    spans += [m.span() for m in _ATTR_LIST_RE.finditer(text)]
    spans += [(m.end() - 1, m.end()) for m in _LIST_MARKER_RE.finditer(text)]
    links = find_links(blank_spans(text, spans))
    spans += _link_syntax(links, text, labels)
    spans += _addresses(text)
    spans += _emphasis(blank_spans(text, spans))
    return spans, links


def double_bracket_notes(text: str) -> list[tuple[int, int]]:
    """The spans ``DOUBLE_BRACKET_NOTE_RE.finditer`` finds: "[[" to the first "]]" after it on
    its line. Each "]]" and line end is looked for once, however many "[[" come before it."""
    spans: list[tuple[int, int]] = []
    position = 0
    close = line_end = -2  # the last found; -1: none further on
    while True:
        opening = text.find("[[", position)
        if opening < 0:
            return spans
        after = opening + 2
        if close != -1 and close < after:
            close = text.find("]]", after)
        if line_end != -1 and line_end < after:
            line_end = text.find("\n", after)
        if close >= 0 and (line_end < 0 or close < line_end):
            spans.append((opening, close + 2))
            position = close + 2
        else:
            position = opening + 1


def _addresses(text: str) -> list[tuple[int, int]]:
    """Bare web addresses (``https://…``, ``www.…``) and e-mail addresses."""
    spans = []
    for marker in ("://", "www.", "WWW."):
        found = text.find(marker)
        covered = 0  # the end of the last address found: a marker inside it starts none
        while found >= 0:
            start = found
            if marker == "://":
                scheme = _SCHEME_BEFORE_RE.search(text, max(0, found - 6), found)
                start = scheme.start() if scheme else -1
            elif found and (text[found - 1].isalnum() or text[found - 1] in "._/"):
                start = -1  # inside a word or an address found already
            if start >= 0:
                tail = _URL_TAIL_RE.match(text, found + len(marker))
                covered = tail.end() if tail else found + len(marker)
                spans.append((start, covered))
            # Not from inside the address just found: "http://" repeated 10,000 times would
            # read its tail again from every marker (quadratic time).
            found = text.find(marker, max(found + 1, covered))
    at = text.find("@")
    while at >= 0:
        user = _EMAIL_USER_RE.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN_RE.match(text, at + 1)
        if user is not None and domain is not None:
            spans.append((user.start(), domain.end()))
        at = text.find("@", at + 1)
    return spans


def _emphasis(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _EMPHASIS_RUN_RE.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        opens = not (before.isalnum() or before in "*_") and not after.isspace()
        closes = not before.isspace() and not (after.isalnum() or after in "*_")
        if opens or closes:
            spans.append(match.span())
    return spans


@dataclass(frozen=True)
class LinkSyntax:
    """One ``[text](target)``, ``![alt](target)`` or ``[text][label]`` in the body."""

    start: int
    end: int
    text_start: int
    text_end: int
    target: str | None  # None for a reference link
    target_start: int
    target_end: int
    image: bool


class _ScanBudget:
    """How many characters the bracket and target scans of one text may read in all.

    Each scan is bounded (2,000 and 4,000 characters), but a text of 100,000 "[" starts a scan
    at every character: minutes of work. Ordinary text reads each character a few times; past
    the budget the rest of the text is taken as prose (its links go unrecognised, nothing more).
    """

    def __init__(self, text: str) -> None:
        self.left = 8 * len(text) + 20_000

    def spend(self, characters: int) -> bool:
        self.left -= characters
        return self.left > 0


def find_links(text: str) -> list[LinkSyntax]:
    """Inline links and images (and reference links) in ``text`` (code already blanked)."""
    links: list[LinkSyntax] = []
    position = 0
    length = len(text)
    budget = _ScanBudget(text)
    while True:
        opening = text.find("[", position)
        if opening < 0:
            return links
        position = opening + 1
        if opening > 0 and text[opening - 1] == "\\":
            continue
        close = _matching_bracket(text, opening)
        if not budget.spend((close or min(length, opening + 2000)) - opening):
            return links
        if close is None:
            continue
        image = opening > 0 and text[opening - 1] == "!"
        start = opening - 1 if image else opening
        after = close + 1
        if after < length and text[after] == "(":
            target_end = _link_target_end(text, after)
            if not budget.spend((target_end or min(length, after + 4000)) - after):
                return links
            if target_end is None:
                continue
            raw = text[after + 1 : target_end]
            links.append(
                LinkSyntax(
                    start, target_end + 1, opening + 1, close, raw, after + 1, target_end, image
                )
            )
            position = target_end + 1
        elif after < length and text[after] == "[":
            label_close = text.find("]", after)
            if label_close < 0 or "\n\n" in text[after:label_close]:
                continue
            links.append(
                LinkSyntax(
                    start, label_close + 1, opening + 1, close, None, after, label_close, image
                )
            )
            position = label_close + 1


def _matching_bracket(text: str, opening: int) -> int | None:
    depth = 0
    limit = min(len(text), opening + 2000)
    index = opening
    while index < limit:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n" and text.startswith("\n", index + 1):
            return None
        index += 1
    return None


def _link_target_end(text: str, opening: int) -> int | None:
    """The index of the ``)`` closing a link target that opens at ``opening``."""
    depth = 0
    quote = ""
    limit = min(len(text), opening + 4000)
    index = opening
    while index < limit:
        char = text[index]
        if char == "\n" and text.startswith("\n", index + 1):
            return None
        if quote:
            if char == quote:
                quote = ""
        elif char == "\\":
            index += 2
            continue
        elif char in "\"'" and text[index - 1] in " \t\n":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _link_syntax(links: list[LinkSyntax], text: str, labels: set[str]) -> list[tuple[int, int]]:
    spans = []
    for link in links:
        if link.image:
            spans.append((link.start, link.end))  # a placement shows a photo, not prose
        else:
            spans.append((link.start, link.text_start))
            spans.append((link.text_end, link.end))
    # Shortcut reference links: [label] with a definition of that label.
    if labels:
        for match in re.finditer(r"\[([^\[\]\n]+)\](?![(\[:])", text):
            if match.group(1).strip().lower() in labels:
                spans.append((match.start(), match.start() + 1))
                spans.append((match.end() - 1, match.end()))
    return spans
