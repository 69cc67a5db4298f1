"""One reading of a story's body, shared by everything that looks at its text.

The body is read for many ends: the checks want its prose with Markdown syntax, code and
addresses blanked out; spelling and house style want the prose as Python-Markdown shows it;
the page and every export want to know which photos it places; counts and checks want its
lines and paragraphs. ``scan_body(text)`` gives one ``BodyScan`` per text, cached, whose parts
are each worked out on first use and kept: the checks, the spelling and house-style passes and
the preview of one revision share them instead of each reading the body again.

What the parts hold (every offset is an offset into the body, every mask has its length):

* ``prose`` (the checks' copy): everything a reader never sees as prose replaced by spaces
  (newlines are kept): fenced and indented code, code spans, HTML comments and tags, link and
  image targets, reference and abbreviation definitions, footnote markers, autolinks, bare URLs
  and e-mail addresses, and ``[[editor's notes]]``. Checks search it and report offsets into the
  real body, so ``**``, a URL with ``(`` ... ``)`` or a quote inside code never produce a
  finding. A fence left open counts as code here, to the end of the body: the checks rather
  stay quiet than flag what may be code.
* ``spelling_prose``: the mask spelling and house style read (``editor.text.prose_mask``), where
  code is what Python-Markdown makes code (a fence left open is text).
* ``subheads``: the body's headings as Python-Markdown makes them (``## Title`` at the start
  of a line, or a first line underlined with ``===`` / ``---``), outside code blocks; the
  outline and anything else that walks the story's sections read them here.
* ``placements``: the photos the body places, ``![alt](photo:ID)``, with the same idea of code
  as the renderer's: a placement inside a code block or a code span is code, shown as typed,
  and places nothing. The page header, the exports and the checks all ask here (or ask the
  renderer, which agrees), so none shows a lead photo that another leaves out.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from editor.model.photos import PHOTO_SCHEME
from editor.text.body_syntax import (
    BLANK_LINE_RE,
    DOUBLE_BRACKET_NOTE_RE,
    LinkSyntax,
    code_and_comment_spans,
    double_bracket_notes,
    find_links,
    inline_code_and_comments,
    merge_spans,
    other_syntax,
    spans_intersect,
)
from editor.text.prose_mask import blank_spans, markdown_code_blocks, markdown_prose_mask

__all__ = [
    "DOUBLE_BRACKET_NOTE_RE",
    "PLACEMENT_RE",
    "BodyScan",
    "LinkSyntax",
    "PhotoPlacement",
    "Subhead",
    "double_bracket_notes",
    "find_links",
    "placed_photo_ids",
    "scan_body",
]

T = TypeVar("T")

# An image whose address is a photo: reference, with an optional title, as Python-Markdown
# reads an inline image; the scheme is matched in any case, as the renderer matches it.
PLACEMENT_RE = re.compile(
    rf"!\[[^\]\n]*\]\([ \t]*(?P<angle><)?[ \t]*(?i:{re.escape(PHOTO_SCHEME)})"
    r"[ \t]*(?P<id>[^\s()<>\"'\\]*)"
    r"[ \t]*(?(angle)>)(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"
)


@dataclass(frozen=True)
class PhotoPlacement:
    """One ``![alt](photo:ID)`` outside code: the photo's id, where the markup is, its line."""

    photo_id: str
    start: int
    end: int
    line: int


# A heading as Python-Markdown reads one: hashes at the very start of a line (no space needed),
# the title, optional closing hashes; and a block's first line underlined with = or -.
_ATX_HEADING_RE = re.compile(r"^(?P<marks>#{1,6})(?P<title>[^\n]*?)#*[ \t]*$", re.M)
_SETEXT_RULE_RE = re.compile(r"^(?P<rule>=+|-+)[ ]*$", re.M)


@dataclass(frozen=True)
class Subhead:
    """One heading of the body: its level (1-6, as typed), its title, where it starts, its
    1-based line."""

    level: int
    title: str
    start: int
    line: int


class _WorkedOutOnce(Generic[T]):
    """A part of a scan, worked out on first use and then kept in the instance's ``__dict__``.

    Unlike ``functools.cached_property``, which on Python 3.11 holds one lock per property
    across every instance (so a GUI-thread lookup would wait for a worker reading another
    scan), there is no lock: two threads asking at once may each work the part out, and the
    one stored last is kept; both are the same.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _WorkedOutOnce[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | _WorkedOutOnce[T]:
        if instance is None:
            return self
        value = self.compute(instance)
        instance.__dict__[self.name] = value  # found there first from now on
        return value


class BodyScan:
    """The body, read once: its masks, code, links, photo placements, lines and paragraphs.

    Each part is worked out on first use and kept (``_WorkedOutOnce``). A scan is shared
    between the GUI thread and the workers without a lock: at worst two threads work out a part
    at once and one result is kept; both are the same.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    # --- lines and paragraphs ------------------------------------------------------------------

    @_WorkedOutOnce
    def line_starts(self) -> tuple[int, ...]:
        """The offset where each line starts (the first is 0)."""
        return (0, *(m.end() for m in re.finditer("\n", self.text)))

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def paragraphs(self) -> Iterator[tuple[int, int]]:
        """(start, end) of each block between blank lines."""
        start = 0
        for match in BLANK_LINE_RE.finditer(self.text):
            if match.start() > start:
                yield start, match.start()
            start = match.end()
        if start < len(self.text):
            yield start, len(self.text)

    # --- the checks' reading -------------------------------------------------------------------

    @_WorkedOutOnce
    def _checks_reading(self) -> _ChecksReading:
        code, comments = code_and_comment_spans(self.text)
        code_free = blank_spans(self.text, code)
        syntax, links = other_syntax(code_free)
        merged = merge_spans(code + syntax)
        return _ChecksReading(
            prose=blank_spans(self.text, merged),
            code_spans=tuple(merge_spans(code)),
            comment_spans=tuple(comments),
            masked_spans=tuple(merged),
            code_free=code_free,
            links=tuple(links),
        )

    @property
    def prose(self) -> str:
        """The checks' prose copy (see the module's docstring)."""
        return self._checks_reading.prose

    @property
    def code_spans(self) -> tuple[tuple[int, int], ...]:
        """Code, code spans and HTML comments, sorted and merged."""
        return self._checks_reading.code_spans

    @property
    def comment_spans(self) -> tuple[tuple[int, int], ...]:
        """HTML comments outside code."""
        return self._checks_reading.comment_spans

    @property
    def masked_spans(self) -> tuple[tuple[int, int], ...]:
        """Everything the checks' prose blanks out, sorted and merged."""
        return self._checks_reading.masked_spans

    @property
    def code_free(self) -> str:
        """The body with only its code (and HTML comments) blanked."""
        return self._checks_reading.code_free

    @property
    def links(self) -> tuple[LinkSyntax, ...]:
        """Inline and reference links and images, outside code."""
        return self._checks_reading.links

    def touches_code(self, start: int, end: int) -> bool:
        """Whether any of ``text[start:end]`` is code (or an HTML comment)."""
        return spans_intersect(self.code_spans, start, end)

    def is_masked(self, start: int, end: int) -> bool:
        """Whether any of ``text[start:end]`` was blanked out."""
        return spans_intersect(self.masked_spans, start, end)

    # --- as Python-Markdown reads it -----------------------------------------------------------

    @_WorkedOutOnce
    def markdown_code_blocks(self) -> tuple[tuple[int, int], ...]:
        """Fenced (closed) and indented code blocks, as Python-Markdown makes them."""
        return tuple(markdown_code_blocks(self.text))

    @_WorkedOutOnce
    def spelling_prose(self) -> str:
        """The prose spelling and house style read (``editor.text.prose_mask``)."""
        return markdown_prose_mask(self.text, list(self.markdown_code_blocks))

    @_WorkedOutOnce
    def placements(self) -> tuple[PhotoPlacement, ...]:
        """The photo placements outside code, in order."""
        if PHOTO_SCHEME not in self.text.lower():
            return ()
        blocks = list(self.markdown_code_blocks)
        without_blocks = blank_spans(self.text, blocks)
        inline, comments = inline_code_and_comments(without_blocks)
        readable = blank_spans(without_blocks, inline + comments)
        return tuple(
            PhotoPlacement(match["id"], match.start(), match.end(), self.line_of(match.start()))
            for match in PLACEMENT_RE.finditer(readable)
        )

    @_WorkedOutOnce
    def subheads(self) -> tuple[Subhead, ...]:
        """The headings outside code blocks, in order (a body ``#`` heading is rendered as a
        subhead too: the headline is the page's only h1)."""
        if "#" not in self.text and "\n=" not in self.text and "\n-" not in self.text:
            return ()
        readable = blank_spans(self.text, list(self.markdown_code_blocks))
        found: list[Subhead] = []
        for match in _ATX_HEADING_RE.finditer(readable):
            title = match["title"].strip()
            if title:
                level = len(match["marks"])
                found.append(Subhead(level, title, match.start(), self.line_of(match.start())))
        for match in _SETEXT_RULE_RE.finditer(readable):
            line = self.line_of(match.start())  # 1-based: the title is the line before
            if line < 2:
                continue
            starts = self.line_starts
            title_start = starts[line - 2]
            title = readable[title_start : match.start() - 1]
            before_blank = line < 3 or not readable[starts[line - 3] : title_start].strip()
            if title.strip() and before_blank and not _ATX_HEADING_RE.match(title):
                level = 1 if match["rule"].startswith("=") else 2
                found.append(Subhead(level, title.strip(), title_start, line - 1))
        return tuple(sorted(found, key=lambda subhead: subhead.start))

    @_WorkedOutOnce
    def placed_photo_ids(self) -> frozenset[str]:
        """Ids of the photos the body places (outside code), found in the story or not."""
        return frozenset(placement.photo_id for placement in self.placements)


@dataclass(frozen=True)
class _ChecksReading:
    prose: str
    code_spans: tuple[tuple[int, int], ...]
    comment_spans: tuple[tuple[int, int], ...]
    masked_spans: tuple[tuple[int, int], ...]
    code_free: str
    links: tuple[LinkSyntax, ...]


@functools.lru_cache(maxsize=8)
def scan_body(text: str) -> BodyScan:
    """The scan of ``text``; the last few texts' scans are kept, so every reader of one
    revision (the checks, spelling, house style, the preview) shares one."""
    return BodyScan(text)


def placed_photo_ids(body: str) -> frozenset[str]:
    """Ids of the photos ``body`` places: ``![](photo:ID)`` outside code."""
    return scan_body(body).placed_photo_ids
