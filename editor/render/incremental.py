"""The article body rendered block by block, for a live preview that keeps up with typing.

Rendering a 20,000-word body with Python-Markdown takes tens of milliseconds: too slow to repeat on
every keystroke. ``IncrementalRenderer`` splits the body into the top-level blocks Markdown reads
independently, renders again only the blocks whose source (or anything they depend on) changed,
and tells the preview exactly which blocks to patch in its page. Keeping the blocks in step with
the edited text is ``editor.render.block_follow``'s; finding them, ``editor.render.block_split``'s.

Splitting follows Python-Markdown's own reading, so that blocks rendered apart come out as the
whole body does. Blocks are separated by blank lines, except where Markdown carries on across them:

* a fenced code block (``` or ~~~ up to its closing fence) and raw HTML (up to its end, as
  Python-Markdown's own HTML reader finds it, comments and ``markdown="1"`` blocks included);
* an indented block (a code block, or the continuation of a list item, footnote or definition),
  and after a block holding a list, any block that starts with a space (an item's next paragraph
  or nested item, indented to the item's text as CommonMark reads it: render/list_indent.py);
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
the whole render's for that block. An element a block leaves open (a ``<div>`` typed inside a
paragraph, whose ``</div>`` comes paragraphs later) is carried on by the whole body's sanitiser
over the blocks up to its closing tag, so the block renders together with them. The one
deliberate difference: an element never closed (an opening ``<b>`` typed and forgotten), or
closed more than 64 paragraphs further on, stays inside its own block instead of reaching into
the rest of the story.

Where the work is not small:

* a block Markdown carries on (a long loose list, quotes separated by blank lines, raw HTML) is
  rendered whole on every keystroke in it; raw HTML left open runs to the end of the body, which
  is then one block;
* editing a reference definition or abbreviation renders again every block that may use it, and
  editing a block that mentions a footnote renders again every such block;
* a block leaving an element open renders with the blocks up to its closing tag;
* typing that may close a fence, an HTML comment or an element left open earlier splits again
  from there;
* a new or deleted line changes the line numbers of every block after it (``BlockPatch.lines``);
* should the blocks ever fail to come out separately, the body is rendered whole as one block.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass, field

from editor.render.block_follow import FollowedBlocks
from editor.render.block_split import DEFINITION_LIST_RE, REFERENCE_RE, Span
from editor.render.block_state import (
    CACHE_SIZE,
    NO_PHOTOS,
    Block,
    DocumentState,
    FootnoteUnit,
    Rendering,
    photo_state,
)
from editor.render.markdown import (
    BodyRenderer,
    Definitions,
    PartsNotIndependentError,
    PhotoLookup,
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
    # False when ``order`` is the order last reported: the page need not reorder anything, so
    # the (long) key list can stay out of the patch sent on every keystroke.
    reordered: bool = True


class IncrementalRenderer:
    """Render a body again and again as it is edited, re-rendering only what changed.

    One instance follows one article (``reset()`` for another). It keeps state between calls, so
    it serves one caller at a time (the preview's render worker).
    """

    def __init__(self, renderer: BodyRenderer | None = None) -> None:
        self._renderer = renderer if renderer is not None else BodyRenderer()
        self._split = FollowedBlocks()
        self._cache: OrderedDict[tuple[str, object, str], Rendering] = OrderedDict()
        self.reset()

    # --- public API ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the body (a new article); the next render is a full one."""
        self._split.reset()
        self._unreported = True  # no patch yet: the first one replaces the whole body
        self._footnotes = FootnoteUnit()
        self._definitions_key: tuple[str, ...] | None = None
        self._definitions = Definitions()
        self._state: DocumentState | None = None
        self._marked: Block | None = None  # the block rendered with the end mark
        self._reported_order: list[str] = []
        self._cache.clear()

    def render(self, markdown_text: str, photos: PhotoLookup, *, end_mark: str = "") -> BlockPatch:
        """Bring the blocks up to date with ``markdown_text`` and say what changed."""
        first_render = self._split.lines is None or self._unreported
        self._unreported = False
        text = self._split.follow(markdown_text)
        if self._split.whole:
            self._render_as_one_block(text, photos, end_mark)
            return self._patch(full=True)
        try:
            self._bring_up_to_date(photos, end_mark.strip())
        except PartsNotIndependentError:
            self._render_as_one_block(text, photos, end_mark)
            return self._patch(full=True)
        return self._patch(full=first_render)

    def prepare(self, markdown_text: str) -> int | None:
        """How many characters of source rendering ``markdown_text`` puts through Markdown, or
        None when it renders the whole body or may render every block (the first render, a link
        reference or abbreviation defined or changed, a body rendered as one block).

        Cheap next to rendering: it splits the text as ``render`` does first (``render`` of the
        same text carries on from there) and renders nothing. A caller that must not wait long
        (the GUI thread) renders at once when the answer is small, and hands over otherwise.
        """
        if self._split.lines is None or self._unreported:
            return None
        self._split.follow(markdown_text)
        if self._split.whole:
            return None
        definitions = tuple(
            block.span.source for block in self._split.blocks if block.span.definitions
        )
        if definitions != self._definitions_key:
            return None
        stale = [
            block
            for block in self._split.touched
            if block.rendering is None or block.rendering.source != block.span.source
        ]
        size = sum(len(block.span.source) for block in stale)
        if any(block.span.footnotes for block in stale):  # footnotes render all together
            size += sum(
                len(block.span.source) for block in self._split.blocks if block.span.footnotes
            )
        return size

    def html(self) -> str:
        """The whole body: every block's outer HTML, in order."""
        return "\n".join(block.outer_html() for block in self._all_blocks())

    def block_htmls(self) -> list[str]:
        """Each block's rendered HTML, in order, without the block's own wrapper."""
        return [
            block.rendering.html if block.rendering is not None else ""
            for block in self._all_blocks()
        ]

    def blocks(self) -> list[RenderedBlock]:
        return [
            RenderedBlock(block.key, block.first, block.last, block.outer_html())
            for block in self._all_blocks()
        ]

    def block_at_line(self, line: int) -> str | None:
        """The key of the block holding source ``line`` (the block before, on a blank line)."""
        if not self._split.blocks:
            return None
        index = bisect.bisect_right(self._split.blocks, line, key=lambda block: block.first) - 1
        return self._split.blocks[max(index, 0)].key

    def placed_photo_ids(self) -> frozenset[str]:
        """Ids of every ``photo:`` reference in the body (as ``RenderedBody.placed_photo_ids``)."""
        return frozenset(
            photo_id
            for block in self._all_blocks()
            if block.rendering is not None
            for photo_id in block.rendering.photo_ids
        )

    # --- rendering -----------------------------------------------------------------------------

    def _all_blocks(self) -> list[Block]:
        footnotes = self._footnotes.block
        return [*self._split.blocks, footnotes] if footnotes is not None else self._split.blocks

    def _document_state(self, photos: PhotoLookup, end_mark: str) -> DocumentState:
        definitions = self._current_definitions()
        return DocumentState(
            photos=photos,
            photo_states={
                photo_id: photo_state(photos, image) for photo_id, image in photos.photos.items()
            },
            end_mark=end_mark,
            definitions=definitions,
            references_signature=tuple(sorted(definitions.references.items())),
            abbreviations=tuple(sorted(definitions.abbreviations.items())),
        )

    def _current_definitions(self) -> Definitions:
        """The body's link references and abbreviations, read from the blocks that may hold them
        (together, in order, so later definitions win as in the whole body)."""
        sources = tuple(block.span.source for block in self._split.blocks if block.span.definitions)
        if sources != self._definitions_key:
            found = Definitions()
            if sources:
                found = self._renderer.render_parts(sources, NO_PHOTOS).definitions
            self._definitions_key, self._definitions = sources, found
        return self._definitions

    def _suspects(self, previous: DocumentState | None, state: DocumentState) -> set[Block]:
        """The blocks whose rendering this render may have made stale."""
        if previous is None or (previous.references_signature, previous.abbreviations) != (
            state.references_signature,
            state.abbreviations,
        ):
            return set(self._split.blocks)
        suspects = set(self._split.touched)
        if previous.photo_states != state.photo_states:
            suspects.update(
                block
                for block in self._split.blocks
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

    def _story_end(self, *, guess: bool) -> Block | None:
        """The block the end mark goes in: the last one with text besides photos; else the
        first with a photo; else the first. ``guess``: count a block not rendered yet as text."""
        if not self._split.blocks:
            return None
        for block in reversed(self._split.blocks):
            rendering = block.rendering
            if rendering is None or rendering.source != block.span.source:
                if guess:
                    return block
            elif rendering.has_text:
                return block
        for block in self._split.blocks:
            if block.rendering is not None and block.rendering.has_figure:
                return block
        return self._split.blocks[0]

    def _wanted_mark(self, block: Block, host: Block | None) -> str:
        return self._state.end_mark if block is host and self._state is not None else ""

    def _is_current(self, block: Block, host: Block | None) -> bool:
        state, rendering = self._state, block.rendering
        return (
            state is not None
            and rendering is not None
            and rendering.source == block.span.source
            and rendering.end_mark == self._wanted_mark(block, host)
            and rendering.context == state.context_of(rendering.source)
            and rendering.photos == state.photos_of(rendering.photo_ids)
        )

    def _render_stale(self, suspects: set[Block], state: DocumentState, host: Block | None) -> None:
        stale = [
            block
            for block in self._split.blocks
            if block in suspects and not block.span.footnotes and not self._from_cache(block, host)
        ]
        if stale:
            self._render_together(stale, state, host)
        self._render_footnotes(state, host)

    def _from_cache(self, block: Block, host: Block | None) -> bool:
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
            self._split.touched.add(block)
            return True
        return False

    def _render_together(
        self, blocks: list[Block], state: DocumentState, host: Block | None
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
        self._split.touched.update(blocks)
        return rendered.footnotes

    def _rendering(self, block: Block, part: RenderedPart, end_mark: str) -> Rendering:
        state = self._state
        assert state is not None
        photo_ids = tuple(sorted(part.placed_photo_ids))
        return Rendering(
            source=block.span.source,
            context=state.context_of(block.span.source),
            end_mark=end_mark,
            photo_ids=photo_ids,
            photos=state.photos_of(photo_ids),
            html=part.html,
            has_text=part.has_text,
            has_figure=part.has_figure,
        )

    def _remember(self, rendering: Rendering) -> None:
        key = (rendering.source, rendering.context, rendering.end_mark)
        self._cache[key] = rendering
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _render_footnotes(self, state: DocumentState, host: Block | None) -> None:
        """Render the blocks that mention or define footnotes together, whenever any changed:
        numbering runs across them, and their list follows the last block."""
        unit = self._footnotes
        members = [block for block in self._split.blocks if block.span.footnotes]
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
                self._split.removed.append(unit.block.key)
            unit.block = None
            return
        if unit.block is None:
            unit.block = self._split.new_block(Span(0, 0, ""))
        self._place_footnotes_list()
        unit.block.rendering = Rendering(
            source="",
            context=None,
            end_mark="",
            photo_ids=tuple(sorted(footnotes.placed_photo_ids)),
            photos=(),
            html=footnotes.html,
            has_text=False,
            has_figure=False,
        )
        self._split.touched.add(unit.block)

    def _place_footnotes_list(self) -> None:
        """The footnotes list stands for the end of the text (it is shown after everything)."""
        block = self._footnotes.block
        last_line = max(len(self._split.lines or []) - 1, 0)
        if block is not None and block.span.first != last_line:
            block.span = Span(last_line, last_line, "")
            self._split.touched.add(block)

    def _render_as_one_block(self, text: str, photos: PhotoLookup, end_mark: str) -> None:
        """The safety net: the whole body as one block, rendered as a whole."""
        lines = self._split.lines or []
        self._set_footnotes_list(None)
        self._footnotes = FootnoteUnit()
        self._state = None  # every block is checked again next time
        self._marked = None
        if not lines:
            self._split.removed += [block.key for block in self._split.blocks]
            self._split.blocks = []
            return
        block, *others = self._split.blocks or [self._split.new_block(Span(0, 0, ""))]
        self._split.removed += [other.key for other in others]
        block.span = Span(
            0,
            len(lines) - 1,
            text,
            # Kept, so that the next render of the same text renders it whole again.
            definition_list=bool(DEFINITION_LIST_RE.search(text)),
            references=bool(REFERENCE_RE.search(text)),
        )
        body = self._renderer.render(text, photos, end_mark=end_mark)
        block.rendering = Rendering(
            source="",  # never current: the next render splits the body again
            context=None,
            end_mark="",
            photo_ids=tuple(sorted(body.placed_photo_ids)),
            photos=(),
            html=body.html,
            has_text=True,
            has_figure=False,
        )
        self._split.blocks = [block]
        self._split.touched.add(block)

    # --- reporting -----------------------------------------------------------------------------

    def _patch(self, *, full: bool) -> BlockPatch:
        blocks = self._all_blocks()
        changed: dict[str, str] = {}
        lines: dict[str, str] = {}
        for block in blocks:
            if block not in self._split.touched:  # blocks that moved are touched too (_resplit)
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
        removed = list(dict.fromkeys(self._split.removed))
        self._split.touched, self._split.removed = set(), []
        order = [block.key for block in blocks]
        reordered = order != self._reported_order
        self._reported_order = order
        return BlockPatch(
            order=order,
            changed=changed,
            removed=removed,
            full=full or (bool(blocks) and len(changed) == len(blocks)),
            lines=lines,
            reordered=reordered,
        )
