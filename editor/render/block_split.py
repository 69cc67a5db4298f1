"""The body split into the top-level blocks Python-Markdown reads independently.

The splitting rules are described in ``editor.render.incremental``; this module only finds the
blocks (``spans``) and the lines an edit touched (``common_prefix``/``common_suffix``). It renders
nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import markdown
from markdown import util
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.md_in_html import HTMLExtractorExtra

# --- the source as Python-Markdown reads it ----------------------------------------------------

# A definition (": text") under a term line, as Python-Markdown's def_list reads it.
DEFINITION_LIST_RE = re.compile(r"^[ ]{0,3}:[ ]{1,3}\S", re.MULTILINE)
# A line that defines a link reference, a footnote or an abbreviation (``*[UN]: ...``): Markdown
# takes it out before joining blocks, which may join a definition list across it.
REFERENCE_RE = re.compile(r"^[ ]{0,3}\*?\[[^\]\n]+\][ ]?:", re.MULTILINE)

TAB_LENGTH = 4  # Python-Markdown's default, which BodyRenderer keeps


def normalised(text: str) -> str:
    """The text with Python-Markdown's own first changes that decide where lines break."""
    # Looking is ten times cheaper than replacing, and typed text rarely holds any of them:
    # this runs on every keystroke over the whole body.
    if util.STX in text or util.ETX in text:
        text = text.replace(util.STX, "").replace(util.ETX, "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _expanded(line: str) -> str:
    return line.expandtabs(TAB_LENGTH) if "\t" in line else line


def _is_blank(lines: list[str], index: int) -> bool:
    # Python-Markdown empties lines of spaces and tabs, except the very first line of the text.
    return lines[index] == "" if index == 0 else not lines[index].strip(" \t")


# --- fenced code -------------------------------------------------------------------------------

_FENCE_STARTS = ("```", "~~~")
# An opening fence line as the fenced_code extension matches it (FENCED_BLOCK_RE up to its \n).
_FENCE_OPENING_RE = re.compile(
    r"""(?P<fence>~{3,}|`{3,})[ ]*
    (?:\{(?P<attrs>[^\n]*)\}
      |(?:\.?[\w#.+-]*[ ]*)?(?:hl_lines=(?P<quote>"|').*?(?P=quote)[ ]*)?)""",
    re.VERBOSE,
)


def _fence_opening(lines: list[str], index: int) -> str | None:
    """The fence (``` or ~~~ or longer) if the line can open a fenced code block."""
    if not lines[index].startswith(_FENCE_STARTS):
        return None
    opening = _FENCE_OPENING_RE.fullmatch(_expanded(lines[index]))
    if opening is None:
        return None
    if opening["attrs"] is not None and get_attrs_and_remainder(opening["attrs"])[1]:
        return None  # unbalanced braces: the extension skips this line
    return opening["fence"]


def _fence_closing(lines: list[str], index: int, fence: str) -> int | None:
    """The line that closes the fence opened at ``index``: the same fence alone on its line."""
    for closing in range(index + 1, len(lines)):
        line = lines[closing]
        if line.startswith(fence) and _expanded(line).rstrip(" ") == fence:
            return closing
    return None


# --- chunks: runs of non-blank lines, with fenced code apart -----------------------------------

_LIST_ITEM_RE = re.compile(r" {0,3}(?:[*+-]|\d+[.)]) +")
_ANY_LIST_ITEM_RE = re.compile(r" *(?:[*+-]|\d+[.)])(?: |$)")
_ANY_QUOTE_RE = re.compile(r" *>")
_DEFINITION_ITEM_RE = re.compile(r" {0,3}: ")
# Reference, footnote and abbreviation definitions: ``[id]: url``, ``[^1]: note``, ``*[HTML]: ...``
_DEFINITION_START_RE = re.compile(r" {0,3}\*?\[")
_DEFINITION_RE = re.compile(r"\][ \t]?:")
_DEFINITION_LINE_RE = re.compile(r" {0,3}\*?\[[^\]]*\] ?:.*")
# Where raw HTML may start a block or a construct that runs over lines.
_HTML_LINE_START_RE = re.compile(r" {0,3}<[A-Za-z!?/]")
_TAG_START_RE = re.compile(r"</?[A-Za-z]")
# A complete opening or closing tag: (closing slash, name, self-closing slash).
_COMPLETE_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
# How many chunks ahead a block that leaves an element open looks for the tag closing it. An
# element closed further on stays inside its block (see editor.render.incremental).
CLOSER_LOOKAHEAD = 64
# Where the footnotes extension puts the footnotes list instead of after the last block.
_FOOTNOTES_PLACE_MARKER = "///Footnotes Go Here///"


def _tag_runs_on(text: str) -> bool:
    """Whether a tag in ``text`` is still open at its end (a quoted value may run on past it)."""
    for start in _TAG_START_RE.finditer(text):
        quote = ""
        for char in text[start.end() :]:
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == ">":
                break
            elif char == "<":
                return True  # malformed: leave it to the HTML reader
        else:
            return True
    return False


def _may_hold_raw_html(lines: list[str], text: str) -> bool:
    if "<" not in text:
        return False
    if "<!" in text or "<?" in text:
        return True  # comments, declarations, processing instructions: they may span blocks
    return any(_HTML_LINE_START_RE.match(line) for line in lines) or _tag_runs_on(text)


@dataclass(frozen=True)
class _Chunk:
    """Lines Python-Markdown reads as one block before deciding what it continues."""

    first: int
    last: int
    fence: bool = False
    # How it starts
    indented: bool = False
    spaced: bool = False  # indented at all: under a list item, CommonMark's item text column
    list_item: bool = False
    definition: bool = False
    definitions_only: bool = False  # every line a definition: renders to nothing
    # What it holds
    lists: bool = False
    quotes: bool = False
    definition_items: bool = False
    raw_html: bool = False
    unresolved_fence: bool = False  # an opening fence with no closing fence after it
    # How many of each element its complete tags open (+) or close (-), where not zero.
    tag_balance: tuple[tuple[str, int], ...] = ()


def _tag_balance(text: str) -> tuple[tuple[str, int], ...]:
    """How many of each element the complete tags in ``text`` open (+) or close (-)."""
    if "<" not in text:
        return ()
    balance: dict[str, int] = {}
    for tag in _COMPLETE_TAG_RE.finditer(text):
        name = tag[2].lower()
        if name in _VOID_ELEMENTS or tag[3]:
            continue  # nothing to close: a void element, or one closed by its own "/>"
        balance[name] = balance.get(name, 0) + (-1 if tag[1] else 1)
    return tuple(sorted((name, count) for name, count in balance.items() if count))


def _text_chunk(lines: list[str], first: int, last: int, unresolved_fence: bool) -> _Chunk:
    chunk_lines = [_expanded(line) for line in lines[first : last + 1]]
    text = "\n".join(chunk_lines)
    definition = bool(_DEFINITION_START_RE.match(chunk_lines[0]) and _DEFINITION_RE.search(text))
    raw_html = _may_hold_raw_html(chunk_lines, text)
    # What later blocks may attach to can hide in raw HTML: a markdown="1" block becomes real
    # elements (a list, a quote...), and text after a raw block on its line starts a block.
    may_end_in_anything = raw_html or "markdown=" in text.lower()
    return _Chunk(
        first,
        last,
        indented=chunk_lines[0].startswith(" " * TAB_LENGTH),
        spaced=chunk_lines[0].startswith(" "),
        list_item=bool(_LIST_ITEM_RE.match(chunk_lines[0])),
        definition=definition,
        definitions_only=(
            definition
            and not raw_html
            and all(_DEFINITION_LINE_RE.fullmatch(line) for line in chunk_lines)
        ),
        lists=may_end_in_anything or any(_ANY_LIST_ITEM_RE.match(line) for line in chunk_lines),
        quotes=may_end_in_anything or any(_ANY_QUOTE_RE.match(line) for line in chunk_lines),
        definition_items=any(_DEFINITION_ITEM_RE.match(line) for line in chunk_lines),
        raw_html=raw_html,
        unresolved_fence=unresolved_fence,
        tag_balance=_tag_balance(text),
    )


def _chunks(lines: list[str], start: int) -> Iterator[_Chunk]:
    index, count = start, len(lines)
    while index < count:
        if _is_blank(lines, index):
            index += 1
            continue
        fence = _fence_opening(lines, index)
        closing = _fence_closing(lines, index, fence) if fence else None
        if closing is not None:
            yield _Chunk(index, closing, fence=True)
            index = closing + 1
            continue
        first, unresolved = index, fence is not None
        while index + 1 < count and not _is_blank(lines, index + 1):
            fence = _fence_opening(lines, index + 1)
            if fence and _fence_closing(lines, index + 1, fence) is not None:
                break  # a fenced code block starts here, and is a block of its own
            unresolved = unresolved or fence is not None
            index += 1
        yield _text_chunk(lines, first, index, unresolved)
        index += 1


# --- raw HTML: where Python-Markdown's own reader keeps it together -----------------------------


class _RawHtmlReader(HTMLExtractorExtra):
    """Python-Markdown's raw-HTML reader, noting which lines each raw block or tag spans."""

    mdstack: list[str]  # set by the reader's reset: the open elements with markdown="1"

    def reset(self) -> None:
        super().reset()
        self.spans: list[tuple[int, int]] = []  # 0-based (first line, last line)
        self.unresolved: list[int] = []  # lines where a construct found no end
        self._raw_since: int | None = None

    def _in_raw_block(self) -> bool:
        return self.inraw or bool(self.mdstack)

    def updatepos(self, i: int, j: int) -> int:
        line = self.lineno - 1
        is_markup = self.rawdata.startswith("<", i)
        end = super().updatepos(i, j)
        if is_markup and self.lineno - 1 > line:
            self.spans.append((line, self.lineno - 1))
        if self._raw_since is None and self._in_raw_block():
            self._raw_since = line
        elif self._raw_since is not None and not self._in_raw_block():
            self.spans.append((self._raw_since, self.lineno - 1))
            self._raw_since = None
        return end

    def parse_comment(self, i: int, report: bool = True) -> int:
        end = super().parse_comment(i, report)
        if end == i + 1:  # no end of comment anywhere after it: read as text, for now
            self.unresolved.append(self.lineno - 1)
        return end

    def close(self) -> None:
        if self.rawdata:  # a declaration, tag or section still waiting for its end
            self.unresolved.append(self.lineno - 1)
        super().close()
        if self._raw_since is not None:
            self.spans.append((self._raw_since, self.lineno - 1))


def _html_view(lines: list[str], start: int) -> str:
    """The text from ``start`` on, line for line, as the raw-HTML reader sees it: whitespace
    normalised, each fenced code block already set aside (Python-Markdown takes them first)."""
    view, index = [], start
    while index < len(lines):
        fence = _fence_opening(lines, index)
        closing = _fence_closing(lines, index, fence) if fence else None
        if closing is not None:
            view += ["fencedcode"] + [""] * (closing - index)
            index = closing + 1
            continue
        view.append("" if _is_blank(lines, index) else _expanded(lines[index]))
        index += 1
    return "\n".join(view) + "\n\n"


class _RawHtmlRegions:
    """The line spans raw HTML keeps together, read once from the first block that needs it."""

    def __init__(self, lines: list[str], reader_markdown: markdown.Markdown) -> None:
        self._lines = lines
        self._markdown = reader_markdown
        self._firsts: list[int] = []
        self._reach: list[int] = []  # the furthest line any span starting up to here reaches
        self.unresolved: list[int] = []
        self.read_from: int | None = None

    def read(self, start: int) -> None:
        reader = _RawHtmlReader(self._markdown)
        reader.feed(_html_view(self._lines, start))
        reader.close()
        self._markdown.htmlStash.reset()
        reach = -1
        for first, last in sorted(reader.spans):
            reach = max(reach, last + start)
            self._firsts.append(first + start)
            self._reach.append(reach)
        self.unresolved = [line + start for line in reader.unresolved]
        self.read_from = start

    def spans_gap(self, before: int, after: int) -> bool:
        """Whether raw HTML runs from line ``before`` on to line ``after``."""
        index = bisect.bisect_right(self._firsts, before) - 1
        return index >= 0 and self._reach[index] >= after

    def unresolved_within(self, first: int, last: int) -> bool:
        index = bisect.bisect_left(self.unresolved, first)
        return index < len(self.unresolved) and self.unresolved[index] <= last


# --- spans: the blocks the body renders as ---------------------------------------------------


@dataclass
class Span:
    """Source lines rendered as one block."""

    first: int
    last: int
    source: str
    lists: bool = False
    quotes: bool = False
    footnotes: bool = False  # mentions or defines a footnote
    definitions: bool = False  # may define link references or abbreviations
    # Holds a line of each kind (DEFINITION_LIST_RE, REFERENCE_RE): both patterns read one line
    # at a time, so the body holds one exactly when one of its spans does.
    definition_list: bool = False
    references: bool = False
    unresolved_fence: bool = False
    unresolved_html: bool = False
    # Leaves an element open that no tag soon after closes: typing a closing tag within
    # CLOSER_LOOKAHEAD chunks after it joins the blocks between to it.
    leaves_open: bool = False
    # Opens with definitions that stood apart from the block before because of what followed
    # them (see _reaches_across): a change after them may join them to it after all.
    opens_with_definitions: bool = False


class _Lookahead:
    """The chunks in order, with a look at those still to come."""

    def __init__(self, chunks: Iterator[_Chunk]) -> None:
        self._chunks = chunks
        self._ahead: list[_Chunk] = []

    def next(self) -> _Chunk | None:
        if self._ahead:
            return self._ahead.pop(0)
        return next(self._chunks, None)

    def peek(self, distance: int) -> _Chunk | None:
        while len(self._ahead) <= distance:
            chunk = next(self._chunks, None)
            if chunk is None:
                return None
            self._ahead.append(chunk)
        return self._ahead[distance]


@dataclass
class _SpanBuilder:
    first: int
    last: int
    opens_with_definitions: bool = False
    lists: bool = False
    quotes: bool = False
    definition_items: bool = False
    unresolved_fence: bool = False
    open_elements: dict[str, int] = field(default_factory=dict)  # left open so far, by name

    def add(self, chunk: _Chunk) -> None:
        self.last = chunk.last
        self.lists = self.lists or chunk.lists
        self.quotes = self.quotes or chunk.quotes
        self.definition_items = self.definition_items or chunk.definition_items
        self.unresolved_fence = self.unresolved_fence or chunk.unresolved_fence
        for name, count in chunk.tag_balance:
            left = self.open_elements.get(name, 0) + count
            if left > 0:
                self.open_elements[name] = left
            else:
                self.open_elements.pop(name, None)

    def continued_by(self, chunk: _Chunk, regions: _RawHtmlRegions, ahead: _Lookahead) -> bool:
        """Whether Markdown reads ``chunk`` as carrying on this span (see the module notes)."""
        return (
            chunk.indented
            or chunk.definition_items
            or (chunk.list_item and self.lists)
            # A list's items take in what is indented to their text (render/list_indent.py).
            or (chunk.spaced and self.lists)
            or (chunk.quotes and self.quotes)
            or (self.definition_items and _gives_terms(ahead))
            or (bool(self.open_elements) and _closes_soon(self.open_elements, chunk, ahead))
            or (chunk.definition and _reaches_across(chunk, ahead, regions))
            or (regions.read_from is not None and regions.spans_gap(self.last, chunk.first))
        )

    def span(self, lines: list[str], regions: _RawHtmlRegions, *, final: bool = False) -> Span:
        # The last span keeps the blank lines that end the text: raw HTML left open swallows them.
        source = "\n".join(lines[self.first :] if final else lines[self.first : self.last + 1])
        return Span(
            self.first,
            self.last,
            source,
            lists=self.lists,
            quotes=self.quotes,
            footnotes="[^" in source or _FOOTNOTES_PLACE_MARKER in source,
            definitions=bool(_DEFINITION_RE.search(source)),
            definition_list=bool(DEFINITION_LIST_RE.search(source)),
            references=bool(REFERENCE_RE.search(source)),
            unresolved_fence=self.unresolved_fence,
            unresolved_html=regions.unresolved_within(self.first, self.last),
            leaves_open=bool(self.open_elements),
            opens_with_definitions=self.opens_with_definitions,
        )


def _closes_soon(open_elements: dict[str, int], chunk: _Chunk, ahead: _Lookahead) -> bool:
    """Whether ``chunk`` or one of the chunks soon after it closes an element the span left
    open. The whole body's sanitiser carries such an element on over the blocks between (a
    ``<div>`` typed inline, its ``</div>`` paragraphs later), so they must render together."""
    candidate: _Chunk | None = chunk
    distance = 0
    while candidate is not None and distance <= CLOSER_LOOKAHEAD:
        if any(count < 0 and name in open_elements for name, count in candidate.tag_balance):
            return True
        candidate = ahead.peek(distance)
        distance += 1
    return False


def _gives_terms(ahead: _Lookahead) -> bool:
    """Whether the chunk before ``ahead`` may be the terms of a definition list item after it:
    a paragraph followed by ``: text`` becomes a term and its definition, added to a list just
    before them."""
    following = ahead.peek(0)
    return following is not None and following.definition_items


def _reaches_across(definition: _Chunk, ahead: _Lookahead, regions: _RawHtmlRegions) -> bool:
    """Whether what follows a block starting with a definition may attach to the block before it.

    Definitions render to nothing, so Markdown attaches what follows them (a list item, a quote,
    an indented block...) to whatever precedes them. A run of chunks made only of definition
    lines stands apart unless the chunk after the run could attach; any other chunk starting
    with a definition keeps with the block before it.
    """
    if not definition.definitions_only:
        return True
    distance, last = 0, definition.last
    while (following := ahead.peek(distance)) is not None and following.definitions_only:
        distance, last = distance + 1, following.last
    if following is None:
        return False
    if following.raw_html and regions.read_from is None:
        regions.read(following.first)
    return (
        following.indented
        or following.list_item
        or following.quotes
        or following.definition_items
        or following.definition
        or (regions.read_from is not None and regions.spans_gap(last, following.first))
    )


def spans(lines: list[str], start: int, reader_markdown: markdown.Markdown) -> Iterator[Span]:
    """The spans from line ``start`` (which must begin a span) to the end of the text."""
    regions = _RawHtmlRegions(lines, reader_markdown)
    chunks = _Lookahead(_chunks(lines, start))
    building: _SpanBuilder | None = None
    while (chunk := chunks.next()) is not None:
        if chunk.raw_html and regions.read_from is None:
            regions.read(chunk.first)
        if building is not None and building.continued_by(chunk, regions, chunks):
            building.add(chunk)
            continue
        if building is not None:
            yield building.span(lines, regions)
        building = _SpanBuilder(chunk.first, chunk.first, chunk.definitions_only)
        building.add(chunk)
    if building is not None:
        yield building.span(lines, regions, final=True)


def common_prefix(old: Sequence[str], new: Sequence[str]) -> int:
    """How many lines (or characters) the two texts share from the start (compared in slices,
    at C speed)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(old: Sequence[str], new: Sequence[str], *, limit: int) -> int:
    """How many lines (or characters; at most ``limit``) the two texts share at the end."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle : len(old) - low] == new[len(new) - middle : len(new) - low]:
            low = middle
        else:
            high = middle - 1
    return low


def lines_after_edit(old_text: str, old_lines: list[str], text: str) -> list[str]:
    """``text.split("\n")``, given the lines of ``old_text``: only the lines between the edit's
    first and last changed characters are split again (a keystroke in a long read would
    otherwise split all its thousands of lines)."""
    start = common_prefix(old_text, text)
    shared_end = common_suffix(old_text, text, limit=min(len(old_text), len(text)) - start)
    head = old_text.count("\n", 0, start)  # whole lines before the first change
    tail = old_text.count("\n", len(old_text) - shared_end)  # whole lines after the last
    first = old_text.rfind("\n", 0, start) + 1
    stop = text.find("\n", len(text) - shared_end) if tail else len(text)
    return old_lines[:head] + text[first:stop].split("\n") + old_lines[len(old_lines) - tail :]
