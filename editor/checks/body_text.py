"""The body as the checks read it: the reader's prose, with Markdown syntax, code and addresses
blanked out.

``scan_body`` returns the body text and a *prose* copy of the same length in which everything a
reader never sees as prose is replaced by spaces (newlines are kept, so offsets and lines stay
those of the real body): fenced and indented code, code spans, HTML comments and tags, link and
image targets, reference and abbreviation definitions, footnote markers, autolinks, bare URLs
and e-mail addresses, and ``[[editor's notes]]``. Checks search the prose copy and report
offsets into the real body, so ``**``, a URL with ``(`` ... ``)`` or a quote inside code never
produce a finding.

A scan costs a few milliseconds on a 20,000-word story; the last few are cached so that every
check of one run shares one scan.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

# --- what is blanked out -------------------------------------------------------------------------

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.MULTILINE)
DOUBLE_BRACKET_NOTE_RE = re.compile(r"\[\[[^\n]*?\]\]")  # [[a note to the desk]]
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
_BLANK_LINE_RE = re.compile(r"\n(?:[ \t]*\n)+")


@dataclass(frozen=True)
class BodyScan:
    """The body, its prose copy and where its lines and paragraphs are."""

    text: str
    prose: str
    line_starts: tuple[int, ...]
    code_spans: tuple[tuple[int, int], ...]  # code, code spans and HTML comments, sorted
    masked_spans: tuple[tuple[int, int], ...]  # everything blanked out, sorted and merged
    comment_spans: tuple[tuple[int, int], ...]  # HTML comments outside code
    code_free: str  # the body with only its code (and HTML comments) blanked
    links: tuple[LinkSyntax, ...]  # inline and reference links and images, outside code

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def touches_code(self, start: int, end: int) -> bool:
        """Whether any of ``text[start:end]`` is code (or an HTML comment)."""
        return _intersects(self.code_spans, start, end)

    def is_masked(self, start: int, end: int) -> bool:
        """Whether any of ``text[start:end]`` was blanked out."""
        return _intersects(self.masked_spans, start, end)

    def paragraphs(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each block between blank lines."""
        start = 0
        for match in _BLANK_LINE_RE.finditer(self.text):
            if match.start() > start:
                yield start, match.start()
            start = match.end()
        if start < len(self.text):
            yield start, len(self.text)


def _intersects(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if index >= 0 and spans[index][1] > start:
        return True
    index += 1
    return index < len(spans) and spans[index][0] < end


def _inside(spans: tuple[tuple[int, int], ...], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


@functools.lru_cache(maxsize=8)
def line_starts(text: str) -> tuple[int, ...]:
    """The offset where each line of ``text`` starts (the first is 0). Cached: the body checks,
    the spelling check and the house-style check of one run share it."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def line_of(text: str, offset: int) -> int:
    """The 1-based line of ``text`` holding ``offset``."""
    return bisect.bisect_right(line_starts(text), offset)


@functools.lru_cache(maxsize=8)
def scan_body(text: str) -> BodyScan:
    code, comments = _code_spans(text)
    code_free = _blank(text, code)
    syntax, links = _other_syntax(code_free)
    merged = _merge(code + syntax)
    return BodyScan(
        text=text,
        prose=_blank(text, merged),
        line_starts=line_starts(text),
        code_spans=tuple(_merge(code)),
        comment_spans=tuple(comments),
        masked_spans=tuple(merged),
        code_free=code_free,
        links=tuple(links),
    )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span's characters but newlines replaced by spaces."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in _merge(spans):
        pieces.append(text[position:start])
        segment = text[start:end]
        pieces.append("\n".join(" " * len(part) for part in segment.split("\n")))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# --- code ----------------------------------------------------------------------------------------


def _code_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Fenced and indented code blocks, code spans and HTML comments; and the comments."""
    spans = _merge(_fenced_blocks(text))
    spans += _indented_blocks(text, spans)
    inline, comments = _inline_code_and_comments(_blank(text, spans))
    return spans + inline + comments, comments


_INLINE_START_RE = re.compile(r"<!--|`+")


def _inline_code_and_comments(
    text: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Code spans (a run of backticks up to the next run of the same length, in one paragraph)
    and HTML comments, read left to right: whichever starts first hides the other."""
    code: list[tuple[int, int]] = []
    comments: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _INLINE_START_RE.search(text, position)
        if opening is None:
            return code, comments
        if opening.group() == "<!--":
            close = text.find("-->", opening.end())
            end = len(text) if close < 0 else close + 3
            comments.append((opening.start(), end))
            position = end
            continue
        size = len(opening.group())
        closing_re = re.compile(rf"(?<!`)`{{{size}}}(?!`)")
        paragraph_end = _BLANK_LINE_RE.search(text, opening.end())
        limit = len(text) if paragraph_end is None else paragraph_end.start()
        closing = closing_re.search(text, opening.end(), limit)
        if closing is None:
            position = opening.end()  # literal backticks
            continue
        code.append((opening.start(), closing.end()))
        position = closing.end()


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    spans = []
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
            if not _inside(fenced_spans, offset):
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


def _other_syntax(text: str) -> tuple[list[tuple[int, int]], list[LinkSyntax]]:
    """What else is not prose, found in ``text`` (the body with its code already blanked), and
    the links and images."""
    spans = [m.span() for m in _DEFINITION_RE.finditer(text)]
    labels = {m.group(1).strip().lower() for m in _REFERENCE_LABEL_RE.finditer(text)}
    spans += [m.span() for m in DOUBLE_BRACKET_NOTE_RE.finditer(text)]
    spans += [m.span() for m in _TAG_RE.finditer(text)]
    spans += [m.span() for m in _AUTOLINK_RE.finditer(text)]
    spans += [m.span() for m in _FOOTNOTE_RE.finditer(text)]
    spans += [m.span() for m in _ATTR_LIST_RE.finditer(text)]
    spans += [(m.end() - 1, m.end()) for m in _LIST_MARKER_RE.finditer(text)]
    links = find_links(_blank(text, spans))
    spans += _link_syntax(links, text, labels)
    spans += _addresses(text)
    spans += _emphasis(_blank(text, spans))
    return spans, links


def _addresses(text: str) -> list[tuple[int, int]]:
    """Bare web addresses (``https://…``, ``www.…``) and e-mail addresses."""
    spans = []
    for marker in ("://", "www.", "WWW."):
        found = text.find(marker)
        while found >= 0:
            start = found
            if marker == "://":
                scheme = _SCHEME_BEFORE_RE.search(text, max(0, found - 6), found)
                start = scheme.start() if scheme else -1
            elif found and (text[found - 1].isalnum() or text[found - 1] in "._/"):
                start = -1  # inside a word or an address found already
            if start >= 0:
                tail = _URL_TAIL_RE.match(text, found + len(marker))
                spans.append((start, tail.end() if tail else found + len(marker)))
            found = text.find(marker, found + 1)
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


def find_links(text: str) -> list[LinkSyntax]:
    """Inline links and images (and reference links) in ``text`` (code already blanked)."""
    links = []
    position = 0
    length = len(text)
    while True:
        opening = text.find("[", position)
        if opening < 0:
            return links
        position = opening + 1
        if opening > 0 and text[opening - 1] == "\\":
            continue
        close = _matching_bracket(text, opening)
        if close is None:
            continue
        image = opening > 0 and text[opening - 1] == "!"
        start = opening - 1 if image else opening
        after = close + 1
        if after < length and text[after] == "(":
            target_end = _link_target_end(text, after)
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
