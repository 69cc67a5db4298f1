"""The body's blocks, kept in step with its text as it is edited.

``FollowedBlocks.follow`` splits the text into the blocks Python-Markdown reads apart (see
``editor.render.block_split``) and, after an edit, splits again only around the lines that
changed, keeping the blocks on either side (their keys and renderings). It notes which blocks
changed or moved (``touched``) and which went (``removed``) until the next patch reports them.
Rendering is ``editor.render.incremental``'s.
"""

from __future__ import annotations

import bisect

import markdown

from editor.render.block_split import (
    CLOSER_LOOKAHEAD,
    DEFINITION_LIST_RE,
    Span,
    common_prefix,
    common_suffix,
    lines_after_edit,
    normalised,
    spans,
)
from editor.render.block_state import Block


class FollowedBlocks:
    """The blocks of the text followed last, and what changed in them since the last patch."""

    def __init__(self) -> None:
        self._reader_markdown: markdown.Markdown | None = None  # for raw HTML, built on demand
        self._next_key = 0  # keys are never reused, not even for another article
        self.reset()

    def reset(self) -> None:
        """Forget the text: the next ``follow`` splits it all."""
        self.lines: list[str] | None = None  # None until a text was followed
        self.blocks: list[Block] = []
        self.touched: set[Block] = set()  # blocks whose outer HTML may have changed
        self.removed: list[str] = []  # keys of the blocks gone
        self.whole = False  # the text followed last must be rendered as one block
        self._followed: tuple[str | None, str] = (None, "")  # that text, and normalised

    def follow(self, markdown_text: str) -> str:
        """Split ``markdown_text`` into blocks, again only where it changed; the normalised text."""
        if markdown_text is self._followed[0] and self.lines is not None:
            return self._followed[1]  # ``prepare`` split this very text a moment ago
        text = normalised(markdown_text)
        # Markdown renders a blank body as nothing at all (not even an end mark).
        if not text or text.isspace():
            lines = []
        elif self.lines:
            lines = lines_after_edit(self._followed[1], self.lines, text)
        else:
            lines = text.split("\n")
        if self.lines is None:
            self.blocks = [self.new_block(span) for span in spans(lines, 0, self._reader())]
            self.touched.update(self.blocks)
        else:
            self._resplit(lines)
        self.lines = lines
        self._followed = (markdown_text, text)
        held = [block.span for block in self.blocks]
        # A reference, footnote or abbreviation definition among definition lists changes how
        # Markdown joins them, in ways block splitting does not follow: such a body is rendered
        # whole (news copy rarely has either).
        self.whole = any(span.definition_list for span in held) and any(
            span.references for span in held
        )
        return text

    def _reader(self) -> markdown.Markdown:
        if self._reader_markdown is None:
            self._reader_markdown = markdown.Markdown(extensions=["extra"])
        return self._reader_markdown

    def new_block(self, span: Span) -> Block:
        self._next_key += 1
        return Block(f"b{self._next_key}", span)

    def _resplit(self, lines: list[str]) -> None:
        """Split again only around the lines that changed, reusing the blocks on either side."""
        old = self.lines or []
        prefix = common_prefix(old, lines)
        if prefix == len(old) == len(lines):
            return
        suffix = common_suffix(old, lines, limit=min(len(old), len(lines)) - prefix)
        old_end, new_end = len(old) - suffix, len(lines) - suffix
        shift = new_end - old_end
        blocks = self.blocks
        # Start a block early: the edit may make its first block carry on the one before.
        start = max(bisect.bisect_left(blocks, prefix, key=lambda block: block.last) - 1, 0)
        while start > 0 and blocks[start].span.opens_with_definitions:
            start -= 1
        inserted = "\n".join(lines[prefix:new_end])
        # A new definition (": text") takes the paragraph before it as its term, and joins the
        # definition list before that paragraph: split again from the block before that too.
        if start > 0 and DEFINITION_LIST_RE.search(inserted):
            start -= 1
        start = self._earliest_reopened(start, inserted)
        window: list[Span] = []
        resume = len(blocks)
        first_line = blocks[start].first if 0 < start < len(blocks) else 0
        for span in spans(lines, first_line, self._reader()):
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
            self.touched.update(kept)  # their line numbers are in their HTML
        matched = self._match(blocks[start:resume], window)
        self.touched.update(matched)
        self.blocks = blocks[:start] + matched + kept

    def _earliest_reopened(self, start: int, inserted: str) -> int:
        """The first block to split again: an earlier block whose unclosed fence or HTML the
        inserted text may now close changes too, and so does one that leaves an element open
        when the text may hold its closing tag (only a block near enough to join, so that a
        stray ``<b>`` far above does not make every ``>`` typed split the story again)."""
        closes_fence = "```" in inserted or "~~~" in inserted
        closes_html = any(char in inserted for char in ">\"'")
        if not (closes_fence or closes_html):
            return start
        closes_element = ">" in inserted
        near = start - CLOSER_LOOKAHEAD
        for index, block in enumerate(self.blocks[:start]):
            span = block.span
            if (closes_fence and span.unresolved_fence) or (closes_html and span.unresolved_html):
                return index
            if closes_element and span.leaves_open and index >= near:
                return index
        return start

    def _block_at(self, first: int, last: int, start: int) -> int | None:
        index = bisect.bisect_left(self.blocks, first, lo=start, key=lambda block: block.first)
        if index < len(self.blocks):
            block = self.blocks[index]
            if block.first == first and block.last == last:
                return index
        return None

    def _match(self, old: list[Block], spans: list[Span]) -> list[Block]:
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
        new = [self.new_block(span) for span in spans[paired : len(spans) - tail]]
        blocks = old[:paired] + new + old[len(old) - tail :]
        self.removed += [block.key for block in old[paired : len(old) - tail]]
        for block, span in zip(blocks, spans, strict=True):
            block.span = span
        return blocks
