"""The article body rendered block by block, for a live preview that keeps up with typing.

Rendering a 20,000-word body with Python-Markdown takes tens of milliseconds: too slow to repeat on
every keystroke. ``IncrementalRenderer`` splits the body into the top-level blocks Markdown reads
independently, renders again only the blocks whose source (or anything they depend on) changed,
and tells the preview exactly which blocks to patch in its page.

Splitting follows Python-Markdown's own reading, so that blocks rendered apart come out as the
whole body does. Blocks are separated by blank lines, except where Markdown carries on across them:

* a fenced code block (``` or ~~~ up to its closing fence) and raw HTML (up to its end, as
  Python-Markdown's own HTML reader finds it, comments and ``markdown="1"`` blocks included);
* an indented block (a code block, or the continuation of a list item, footnote or definition);
* a list item after a block holding a list, a quote after a block holding a quote (Markdown makes
  ``> a``, blank line, ``> b`` one blockquote), any block holding a definition-list item
  (``: text``), and a block that starts with a reference, abbreviation or footnote definition
  (which renders to nothing, so what follows it attaches to what precedes it).

When in doubt blocks are merged: a larger block costs time, never correctness.

What reaches across blocks is handled as Python-Markdown does it:

* link reference definitions and abbreviations apply everywhere: they are read from the blocks that
  may hold them, and every block is rendered with them; when they change, the blocks that may use
  them (those with a ``[``, those holding an abbreviation) render again;
* footnotes are numbered across the body: the blocks that mention or define footnotes render
  together, with the footnotes list after the last block, whenever any of them changes;
* the end mark follows the story's last words: the block holding them renders with it;
* a photo's caption, credit, alt text, crop, size or address changing renders again the blocks
  that place that photo.

Each block is sanitised on its own, through the same sanitiser as a whole body. Its HTML equals
the whole render's for that block, with one deliberate difference: an unbalanced tag typed as raw
HTML (an opening ``<b>`` never closed) stays inside its own block instead of leaking into the
blocks after it.

Where the work is not small:

* a block Markdown carries on (a long loose list, quotes separated by blank lines, raw HTML) is
  rendered whole on every keystroke in it; raw HTML left open runs to the end of the body, which
  is then one block;
* editing a reference definition or abbreviation renders again every block that may use it, and
  editing a block that mentions a footnote renders again every such block;
* typing that may close a fence or an HTML comment left open earlier splits again from there;
* a new or deleted line changes the line numbers of every block after it (``BlockPatch.lines``);
* should the blocks ever fail to come out separately, the body is rendered whole as one block.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field

import markdown
from markdown import util
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.md_in_html import HTMLExtractorExtra

from editor.model.article import ImageRef
from editor.render.markdown import (
    BodyRenderer,
    Definitions,
    PartsNotIndependentError,
    PhotoLookup,
    PhotoSource,
    RenderedPart,
)


@dataclass(frozen=True)
class RenderedBlock:
    key: str  # stable identity in the page: a block keeps its key while it exists
    first_line: int  # 0-based source line where the block starts (for scroll sync)
    last_line: int  # 0-based last source line of the block (inclusive)
    html: str  # <div class="dl-block" data-key=... data-line=... data-lines=...>...</div>


@dataclass(frozen=True)
class BlockPatch:
    """What to change in the page to show the body as rendered now.

    Remove the ``removed`` blocks, put in the ``changed`` ones (new, or rendered differently),
    give the blocks in ``lines`` their new ``data-line``/``data-lines``, and order the blocks as
    ``order`` says. A block that only moved (a line added or deleted above it) is in ``lines``,
    not in ``changed``: its HTML stays as it is but for its line numbers.
    """

    order: list[str]  # the keys of all blocks, in document order
    changed: dict[str, str]  # key -> outer HTML, for blocks that are new or whose HTML changed
    removed: list[str]  # keys no longer present
    full: bool  # replace the whole body with html() (first render, or everything changed)
    # key -> "first-last" source lines, for blocks whose content is unchanged but whose lines
    # moved (text inserted or removed above them)
    lines: dict[str, str] = field(default_factory=dict)


# --- the source as Python-Markdown reads it ----------------------------------------------------

# A definition (": text") under a term line, as Python-Markdown's def_list reads it.
_DEFINITION_LIST_RE = re.compile(r"^[ ]{0,3}:[ ]{1,3}\S", re.MULTILINE)
_REFERENCE_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:", re.MULTILINE)

TAB_LENGTH = 4  # Python-Markdown's default, which BodyRenderer keeps


def _normalised(text: str) -> str:
    """The text with Python-Markdown's own first changes that decide where lines break."""
    return (
        text.replace(util.STX, "").replace(util.ETX, "").replace("\r\n", "\n").replace("\r", "\n")
    )


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
    list_item: bool = False
    definition: bool = False
    definitions_only: bool = False  # every line a definition: renders to nothing
    # What it holds
    lists: bool = False
    quotes: bool = False
    definition_items: bool = False
    raw_html: bool = False
    unresolved_fence: bool = False  # an opening fence with no closing fence after it


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
class _Span:
    """Source lines rendered as one block."""

    first: int
    last: int
    source: str
    lists: bool = False
    quotes: bool = False
    footnotes: bool = False  # mentions or defines a footnote
    definitions: bool = False  # may define link references or abbreviations
    unresolved_fence: bool = False
    unresolved_html: bool = False
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
    unresolved_fence: bool = False

    def add(self, chunk: _Chunk) -> None:
        self.last = chunk.last
        self.lists = self.lists or chunk.lists
        self.quotes = self.quotes or chunk.quotes
        self.unresolved_fence = self.unresolved_fence or chunk.unresolved_fence

    def continued_by(self, chunk: _Chunk, regions: _RawHtmlRegions, ahead: _Lookahead) -> bool:
        """Whether Markdown reads ``chunk`` as carrying on this span (see the module notes)."""
        return (
            chunk.indented
            or chunk.definition_items
            or (chunk.list_item and self.lists)
            or (chunk.quotes and self.quotes)
            or (chunk.definition and _reaches_across(chunk, ahead, regions))
            or (regions.read_from is not None and regions.spans_gap(self.last, chunk.first))
        )

    def span(self, lines: list[str], regions: _RawHtmlRegions, *, final: bool = False) -> _Span:
        # The last span keeps the blank lines that end the text: raw HTML left open swallows them.
        source = "\n".join(lines[self.first :] if final else lines[self.first : self.last + 1])
        return _Span(
            self.first,
            self.last,
            source,
            lists=self.lists,
            quotes=self.quotes,
            footnotes="[^" in source or _FOOTNOTES_PLACE_MARKER in source,
            definitions=bool(_DEFINITION_RE.search(source)),
            unresolved_fence=self.unresolved_fence,
            unresolved_html=regions.unresolved_within(self.first, self.last),
            opens_with_definitions=self.opens_with_definitions,
        )


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


def _spans(lines: list[str], start: int, reader_markdown: markdown.Markdown) -> Iterator[_Span]:
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


# --- rendered blocks ----------------------------------------------------------------------------

PhotoState = tuple[object, ...]


def _photo_state(photos: PhotoLookup, image: ImageRef) -> PhotoState:
    """Everything about a photo that shows in the body."""
    crop = image.crop
    url: str | PhotoSource | None = None
    if not image.missing:
        url = photos.photo_url(image)
    return (
        image.original_name,
        image.media_path,
        image.width,
        image.height,
        image.caption,
        image.credit,
        image.alt,
        None if crop is None else (crop.left, crop.top, crop.right, crop.bottom),
        url,
    )


@dataclass(frozen=True)
class _Rendering:
    """A block's rendered HTML and what it was rendered from."""

    source: str
    context: object  # the definitions the block may use, when it was rendered
    end_mark: str
    photo_ids: tuple[str, ...]
    photos: tuple[PhotoState | None, ...]  # the state of those photos, when it was rendered
    html: str
    has_text: bool
    has_figure: bool


@dataclass(eq=False)
class _Block:
    key: str
    span: _Span
    rendering: _Rendering | None = None
    reported: str | None = None  # the inner HTML last given to the caller (None: never given)
    reported_lines: tuple[int, int] = (-1, -1)  # the source lines last given to the caller

    @property
    def first(self) -> int:
        return self.span.first

    @property
    def last(self) -> int:
        return self.span.last

    def outer_html(self) -> str:
        inner = self.rendering.html if self.rendering is not None else ""
        first, last = self.span.first, self.span.last
        return (
            f'<div class="dl-block" data-key="{html.escape(self.key)}" data-line="{first}"'
            f' data-lines="{first}-{last}">{inner}</div>'
        )


@dataclass
class _DocumentState:
    """What every block may depend on, as of the render in progress."""

    photos: PhotoLookup
    photo_states: dict[str, PhotoState]
    end_mark: str
    definitions: Definitions
    references_signature: tuple[object, ...]
    abbreviations: tuple[tuple[str, str], ...]

    def context_of(self, source: str) -> object:
        """The definitions a block with this source may use (all links, its abbreviations)."""
        references = self.references_signature if "[" in source else None
        abbreviations = tuple(item for item in self.abbreviations if item[0] in source)
        return references, abbreviations

    def photos_of(self, photo_ids: tuple[str, ...]) -> tuple[PhotoState | None, ...]:
        return tuple(self.photo_states.get(photo_id) for photo_id in photo_ids)


_NO_PHOTOS = PhotoLookup({}, lambda image: "")
_CACHE_SIZE = 4096  # renderings kept for blocks that come back (undo, a moved paragraph)


@dataclass
class _FootnoteUnit:
    """The blocks that mention or define footnotes, rendered together, and the footnotes list."""

    signature: object = None
    block: _Block | None = None  # the footnotes list, shown after the last block


class IncrementalRenderer:
    """Render a body again and again as it is edited, re-rendering only what changed.

    One instance follows one article (``reset()`` for another). It keeps state between calls, so
    it serves one caller at a time (the preview's render worker).
    """

    def __init__(self, renderer: BodyRenderer | None = None) -> None:
        self._renderer = renderer if renderer is not None else BodyRenderer()
        self._reader_markdown: markdown.Markdown | None = None  # for raw HTML, built on demand
        self._next_key = 0
        self._cache: OrderedDict[tuple[str, object, str], _Rendering] = OrderedDict()
        self.reset()

    # --- public API ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the body (a new article); the next render is a full one."""
        self._lines: list[str] | None = None
        self._blocks: list[_Block] = []
        self._footnotes = _FootnoteUnit()
        self._definitions_key: tuple[str, ...] | None = None
        self._definitions = Definitions()
        self._state: _DocumentState | None = None
        self._marked: _Block | None = None  # the block rendered with the end mark
        self._touched: set[_Block] = set()  # blocks whose outer HTML may have changed
        self._removed: list[str] = []
        self._cache.clear()

    def render(self, markdown_text: str, photos: PhotoLookup, *, end_mark: str = "") -> BlockPatch:
        """Bring the blocks up to date with ``markdown_text`` and say what changed."""
        first_render = self._lines is None
        text = _normalised(markdown_text)
        # Markdown renders a blank body as nothing at all (not even an end mark).
        lines = [] if not text or text.isspace() else text.split("\n")
        if first_render:
            self._blocks = [self._new_block(span) for span in _spans(lines, 0, self._reader())]
            self._touched.update(self._blocks)
        else:
            self._resplit(lines)
        self._lines = lines
        if _DEFINITION_LIST_RE.search(text) and _REFERENCE_RE.search(text):
            # A reference definition among definition lists changes how Markdown joins them,
            # in ways block splitting does not follow: such a body is rendered whole (news
            # copy rarely has either).
            self._render_as_one_block(text, photos, end_mark)
            return self._patch(full=True)
        try:
            self._bring_up_to_date(photos, end_mark.strip())
        except PartsNotIndependentError:
            self._render_as_one_block(text, photos, end_mark)
            return self._patch(full=True)
        return self._patch(full=first_render)

    def html(self) -> str:
        """The whole body: every block's outer HTML, in order."""
        return "\n".join(block.outer_html() for block in self._all_blocks())

    def blocks(self) -> list[RenderedBlock]:
        return [
            RenderedBlock(block.key, block.first, block.last, block.outer_html())
            for block in self._all_blocks()
        ]

    def block_at_line(self, line: int) -> str | None:
        """The key of the block holding source ``line`` (the block before, on a blank line)."""
        if not self._blocks:
            return None
        index = bisect.bisect_right(self._blocks, line, key=lambda block: block.first) - 1
        return self._blocks[max(index, 0)].key

    def placed_photo_ids(self) -> frozenset[str]:
        """Ids of every ``photo:`` reference in the body (as ``RenderedBody.placed_photo_ids``)."""
        return frozenset(
            photo_id
            for block in self._all_blocks()
            if block.rendering is not None
            for photo_id in block.rendering.photo_ids
        )

    # --- splitting -----------------------------------------------------------------------------

    def _reader(self) -> markdown.Markdown:
        if self._reader_markdown is None:
            self._reader_markdown = markdown.Markdown(extensions=["extra"])
        return self._reader_markdown

    def _new_block(self, span: _Span) -> _Block:
        self._next_key += 1
        return _Block(f"b{self._next_key}", span)

    def _resplit(self, lines: list[str]) -> None:
        """Split again only around the lines that changed, reusing the blocks on either side."""
        old = self._lines or []
        prefix = _common_prefix(old, lines)
        if prefix == len(old) == len(lines):
            return
        suffix = _common_suffix(old, lines, limit=min(len(old), len(lines)) - prefix)
        old_end, new_end = len(old) - suffix, len(lines) - suffix
        shift = new_end - old_end
        blocks = self._blocks
        # Start a block early: the edit may make its first block carry on the one before.
        start = max(bisect.bisect_left(blocks, prefix, key=lambda block: block.last) - 1, 0)
        while start > 0 and blocks[start].span.opens_with_definitions:
            start -= 1
        start = self._earliest_reopened(start, "\n".join(lines[prefix:new_end]))
        window: list[_Span] = []
        resume = len(blocks)
        first_line = blocks[start].first if 0 < start < len(blocks) else 0
        for span in _spans(lines, first_line, self._reader()):
            if span.first >= new_end:
                same = self._block_at(span.first - shift, span.last - shift, start)
                if same is not None:
                    resume = same
                    break
            window.append(span)
        kept = blocks[resume:]
        if shift:
            for block in kept:
                block.span.first += shift
                block.span.last += shift
            self._touched.update(kept)  # their line numbers are in their HTML
        matched = self._match(blocks[start:resume], window)
        self._touched.update(matched)
        self._blocks = blocks[:start] + matched + kept

    def _earliest_reopened(self, start: int, inserted: str) -> int:
        """The first block to split again: an earlier block whose unclosed fence or HTML the
        inserted text may now close changes too."""
        closes_fence = "```" in inserted or "~~~" in inserted
        closes_html = any(char in inserted for char in ">\"'")
        if not (closes_fence or closes_html):
            return start
        for index, block in enumerate(self._blocks[:start]):
            span = block.span
            if (closes_fence and span.unresolved_fence) or (closes_html and span.unresolved_html):
                return index
        return start

    def _block_at(self, first: int, last: int, start: int) -> int | None:
        index = bisect.bisect_left(self._blocks, first, lo=start, key=lambda block: block.first)
        if index < len(self._blocks):
            block = self._blocks[index]
            if block.first == first and block.last == last:
                return index
        return None

    def _match(self, old: list[_Block], spans: list[_Span]) -> list[_Block]:
        """Blocks for the new spans, keeping the keys (and renderings) of the old ones where the
        source is the same, and pairing the rest in order so an edited block keeps its key."""
        same = min(len(old), len(spans))
        head = 0
        while head < same and old[head].span.source == spans[head].source:
            head += 1
        tail = 0
        while tail < same - head and old[-1 - tail].span.source == spans[-1 - tail].source:
            tail += 1
        paired = same - tail  # old blocks taken in order for the new spans, edited or not
        new = [self._new_block(span) for span in spans[paired : len(spans) - tail]]
        blocks = old[:paired] + new + old[len(old) - tail :]
        self._removed += [block.key for block in old[paired : len(old) - tail]]
        for block, span in zip(blocks, spans, strict=True):
            block.span = span
        return blocks

    # --- rendering -----------------------------------------------------------------------------

    def _all_blocks(self) -> list[_Block]:
        footnotes = self._footnotes.block
        return [*self._blocks, footnotes] if footnotes is not None else self._blocks

    def _document_state(self, photos: PhotoLookup, end_mark: str) -> _DocumentState:
        definitions = self._current_definitions()
        return _DocumentState(
            photos=photos,
            photo_states={
                photo_id: _photo_state(photos, image) for photo_id, image in photos.photos.items()
            },
            end_mark=end_mark,
            definitions=definitions,
            references_signature=tuple(sorted(definitions.references.items())),
            abbreviations=tuple(sorted(definitions.abbreviations.items())),
        )

    def _current_definitions(self) -> Definitions:
        """The body's link references and abbreviations, read from the blocks that may hold them
        (together, in order, so later definitions win as in the whole body)."""
        sources = tuple(block.span.source for block in self._blocks if block.span.definitions)
        if sources != self._definitions_key:
            found = Definitions()
            if sources:
                found = self._renderer.render_parts(sources, _NO_PHOTOS).definitions
            self._definitions_key, self._definitions = sources, found
        return self._definitions

    def _suspects(self, previous: _DocumentState | None, state: _DocumentState) -> set[_Block]:
        """The blocks whose rendering this render may have made stale."""
        if previous is None or (previous.references_signature, previous.abbreviations) != (
            state.references_signature,
            state.abbreviations,
        ):
            return set(self._blocks)
        suspects = set(self._touched)
        if previous.photo_states != state.photo_states:
            suspects.update(
                block
                for block in self._blocks
                if block.rendering is not None and block.rendering.photo_ids
            )
        return suspects

    def _bring_up_to_date(self, photos: PhotoLookup, end_mark: str) -> None:
        previous = self._state
        state = self._state = self._document_state(photos, end_mark)
        suspects = self._suspects(previous, state)
        # Predict which block ends the story; a block's text and figures are known only once it
        # is rendered, so correct the guess and render again if it was wrong (rarely).
        host = self._story_end(guess=True)
        for _ in range(3):
            suspects.update(block for block in (host, self._marked) if block is not None)
            self._render_stale(suspects, state, host)
            self._marked = host if end_mark else None
            actual = self._story_end(guess=False)
            if actual is host:
                return
            host = actual
        raise PartsNotIndependentError("the end of the story could not be settled")

    def _story_end(self, *, guess: bool) -> _Block | None:
        """The block the end mark goes in: the last one with text besides photos; else the
        first with a photo; else the first. ``guess``: count a block not rendered yet as text."""
        if not self._blocks:
            return None
        for block in reversed(self._blocks):
            rendering = block.rendering
            if rendering is None or rendering.source != block.span.source:
                if guess:
                    return block
            elif rendering.has_text:
                return block
        for block in self._blocks:
            if block.rendering is not None and block.rendering.has_figure:
                return block
        return self._blocks[0]

    def _wanted_mark(self, block: _Block, host: _Block | None) -> str:
        return self._state.end_mark if block is host and self._state is not None else ""

    def _is_current(self, block: _Block, host: _Block | None) -> bool:
        state, rendering = self._state, block.rendering
        return (
            state is not None
            and rendering is not None
            and rendering.source == block.span.source
            and rendering.end_mark == self._wanted_mark(block, host)
            and rendering.context == state.context_of(rendering.source)
            and rendering.photos == state.photos_of(rendering.photo_ids)
        )

    def _render_stale(
        self, suspects: set[_Block], state: _DocumentState, host: _Block | None
    ) -> None:
        stale = [
            block
            for block in self._blocks
            if block in suspects and not block.span.footnotes and not self._from_cache(block, host)
        ]
        if stale:
            self._render_together(stale, state, host)
        self._render_footnotes(state, host)

    def _from_cache(self, block: _Block, host: _Block | None) -> bool:
        """Whether the block is current, if need be with a rendering kept from before."""
        if self._is_current(block, host):
            return True
        state = self._state
        assert state is not None
        source = block.span.source
        key = (source, state.context_of(source), self._wanted_mark(block, host))
        cached = self._cache.get(key)
        if cached is not None and cached.photos == state.photos_of(cached.photo_ids):
            self._cache.move_to_end(key)
            block.rendering = cached
            self._touched.add(block)
            return True
        return False

    def _render_together(
        self, blocks: list[_Block], state: _DocumentState, host: _Block | None
    ) -> RenderedPart:
        """Render ``blocks`` in one pass; returns the footnotes list that follows them."""
        rendered = self._renderer.render_parts(
            [block.span.source for block in blocks],
            state.photos,
            end_mark=state.end_mark if host in blocks else "",
            end_mark_part=blocks.index(host) if host in blocks else 0,
            definitions=state.definitions,
        )
        for block, part in zip(blocks, rendered.parts, strict=True):
            block.rendering = self._rendering(block, part, self._wanted_mark(block, host))
            if not block.span.footnotes:
                self._remember(block.rendering)
        self._touched.update(blocks)
        return rendered.footnotes

    def _rendering(self, block: _Block, part: RenderedPart, end_mark: str) -> _Rendering:
        state = self._state
        assert state is not None
        photo_ids = tuple(sorted(part.placed_photo_ids))
        return _Rendering(
            source=block.span.source,
            context=state.context_of(block.span.source),
            end_mark=end_mark,
            photo_ids=photo_ids,
            photos=state.photos_of(photo_ids),
            html=part.html,
            has_text=part.has_text,
            has_figure=part.has_figure,
        )

    def _remember(self, rendering: _Rendering) -> None:
        key = (rendering.source, rendering.context, rendering.end_mark)
        self._cache[key] = rendering
        self._cache.move_to_end(key)
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)

    def _render_footnotes(self, state: _DocumentState, host: _Block | None) -> None:
        """Render the blocks that mention or define footnotes together, whenever any changed:
        numbering runs across them, and their list follows the last block."""
        unit = self._footnotes
        members = [block for block in self._blocks if block.span.footnotes]
        rendered = [block.rendering for block in [*members, unit.block] if block is not None]
        # Photos placed in the footnotes list count as much as those in the blocks.
        photo_ids = sorted({i for rendering in rendered if rendering for i in rendering.photo_ids})
        signature = (
            tuple((block.key, block.span.source) for block in members),
            state.references_signature,
            state.abbreviations,
            members.index(host) if host in members else None,
            state.end_mark,
            state.photos_of(tuple(photo_ids)),
        )
        if signature == unit.signature:
            self._place_footnotes_list()
            return
        unit.signature = signature
        footnotes = self._render_together(members, state, host) if members else None
        self._set_footnotes_list(footnotes)

    def _set_footnotes_list(self, footnotes: RenderedPart | None) -> None:
        unit = self._footnotes
        if footnotes is None or not footnotes.html:
            if unit.block is not None:
                self._removed.append(unit.block.key)
            unit.block = None
            return
        if unit.block is None:
            unit.block = self._new_block(_Span(0, 0, ""))
        self._place_footnotes_list()
        unit.block.rendering = _Rendering(
            source="",
            context=None,
            end_mark="",
            photo_ids=tuple(sorted(footnotes.placed_photo_ids)),
            photos=(),
            html=footnotes.html,
            has_text=False,
            has_figure=False,
        )
        self._touched.add(unit.block)

    def _place_footnotes_list(self) -> None:
        """The footnotes list stands for the end of the text (it is shown after everything)."""
        block = self._footnotes.block
        last_line = max(len(self._lines or []) - 1, 0)
        if block is not None and block.span.first != last_line:
            block.span = _Span(last_line, last_line, "")
            self._touched.add(block)

    def _render_as_one_block(self, text: str, photos: PhotoLookup, end_mark: str) -> None:
        """The safety net: the whole body as one block, rendered as a whole."""
        lines = self._lines or []
        self._set_footnotes_list(None)
        self._footnotes = _FootnoteUnit()
        self._state = None  # every block is checked again next time
        self._marked = None
        if not lines:
            self._removed += [block.key for block in self._blocks]
            self._blocks = []
            return
        block, *others = self._blocks or [self._new_block(_Span(0, 0, ""))]
        self._removed += [other.key for other in others]
        block.span = _Span(0, len(lines) - 1, text)
        body = self._renderer.render(text, photos, end_mark=end_mark)
        block.rendering = _Rendering(
            source="",  # never current: the next render splits the body again
            context=None,
            end_mark="",
            photo_ids=tuple(sorted(body.placed_photo_ids)),
            photos=(),
            html=body.html,
            has_text=True,
            has_figure=False,
        )
        self._blocks = [block]
        self._touched.add(block)

    # --- reporting -----------------------------------------------------------------------------

    def _patch(self, *, full: bool) -> BlockPatch:
        blocks = self._all_blocks()
        changed: dict[str, str] = {}
        lines: dict[str, str] = {}
        for block in blocks:
            if block not in self._touched:  # blocks that moved are touched too (_resplit)
                continue
            span = (block.first, block.last)
            inner = block.rendering.html if block.rendering is not None else ""
            if inner != block.reported:
                changed[block.key] = block.outer_html()
                block.reported, block.reported_lines = inner, span
                continue
            # A new paragraph above shifts every later block's lines: their content stays, so
            # only the numbers travel (a few bytes each, not the blocks again).
            if span != block.reported_lines:
                lines[block.key] = f"{span[0]}-{span[1]}"
                block.reported_lines = span
        removed = list(dict.fromkeys(self._removed))
        self._touched, self._removed = set(), []
        return BlockPatch(
            order=[block.key for block in blocks],
            changed=changed,
            removed=removed,
            full=full or (bool(blocks) and len(changed) == len(blocks)),
            lines=lines,
        )


def _common_prefix(old: list[str], new: list[str]) -> int:
    """How many lines the two texts share from the start (compared in slices, at C speed)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(old: list[str], new: list[str], *, limit: int) -> int:
    """How many lines (at most ``limit``) the two texts share at the end."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle : len(old) - low] == new[len(new) - middle : len(new) - low]:
            low = middle
        else:
            high = middle - 1
    return low
