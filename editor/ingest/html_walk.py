"""The walk over a parsed HTML tree that writes Markdown blocks (see editor.ingest.html_markdown).

One pass in document order carries the formatting in force (bold, italic, the link) down the
tree and gathers each paragraph's text as runs (editor.ingest.markdown_inline). A block element
ends the paragraph being gathered, wherever it sits: Google Docs puts whole paragraphs inside a
``<b>``. Lists, quotes and tables render their content with a walk of their own and indent or
frame it. Everything not kept is counted in ``dropped``.

Nesting deeper than ``MAX_DEPTH`` elements is read as plain text: no story nests so deep, and
the walk's recursion stays far from Python's limit whatever the input.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urljoin, urlsplit

from selectolax.lexbor import LexborNode

import editor.ingest.office_html as office_html
from editor.ingest.html_tags import BLOCKS, DROPPED_WITH_CONTENT, HEADINGS, TAKE_SPACE
from editor.ingest.markdown_blocks import (
    list_item,
    list_start,
    nested_list,
    prefixed,
    row_cells,
    table_line,
    table_rows,
)
from editor.ingest.markdown_inline import Run, escape_text, plain_text, render_runs

MAX_DEPTH = 120
# The most visible characters a downlevel-only conditional holds: a list's number ("iv.",
# "(12)"), a bullet, a comment mark ("[JMB1]").
DOWNLEVEL_MARKER_CHARS = 24

_SAFE_SCHEMES = ("http", "https", "mailto")
_UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "livescript")


@dataclass
class Image:
    """An image as the walk found it (the public record is editor.ingest.html_markdown's)."""

    src: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class _Element:
    """An element with its attributes and inline CSS read once (lexbor builds them per call)."""

    node: LexborNode
    tag: str
    attributes: dict[str, str | None]
    style: dict[str, str]


@dataclass
class WalkResult:
    blocks: list[str] = field(default_factory=list)
    title: str | None = None
    images: list[Image] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class _Format:
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None
    in_heading: bool = False
    preformatted: bool = False  # inside <pre>: a new line in the text is a line break
    in_cell: bool = False


class _Flow:
    """The blocks of one container (the page, a list item, a quote, a table cell)."""

    def __init__(self, walker: HtmlWalker, *, counted: bool = False) -> None:
        self.walker = walker
        self.counted = counted  # the story's own paragraphs, not a list item's or a cell's
        self.blocks: list[str] = []
        self.runs: list[Run] = []
        self.footnote_label: str | None = None  # the paragraph gathered is this footnote's text
        self.last_image: Image | None = None  # an image just placed, waiting for its caption

    def flush(self) -> None:
        if not self.runs and self.footnote_label is None:
            return
        runs, self.runs = self.runs, []
        label, self.footnote_label = self.footnote_label, None
        text = render_runs(runs)
        if label is not None:
            self.walker.result.footnotes[label] = render_runs(runs, one_line=True)
            self.walker.result.counts["footnotes"] += 1
            return
        if text:
            self.add_block(text)
            if self.counted:
                self.walker.result.counts["paragraphs"] += 1

    def add_block(self, text: str, image: Image | None = None) -> None:
        self.blocks.append(text)
        self.last_image = image


class HtmlWalker:
    """Walks a parsed document once; ``result`` holds what it found."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.result = WalkResult()
        self.dropped = self.result.dropped
        self._too_deep_seen = False
        # Inside a "[if !support...]" conditional (a list's bullet, a comment mark): its text is
        # for older readers only. Kept across elements, because a browser's parser can move the
        # closing "[endif]" into another element than the opening one (a <b> reopened after a
        # paragraph); given up after a marker's length, so an unclosed one never eats a story.
        self._downlevel_left = 0

    # --- containers ---------------------------------------------------------------------------

    def walk(self, root: LexborNode) -> WalkResult:
        flow = _Flow(self, counted=True)
        self._children(root, flow, _Format(), 0)
        flow.flush()
        self.result.blocks = flow.blocks
        return self.result

    def _flow_of(
        self, node: LexborNode, fmt: _Format, depth: int, *, counted: bool = False
    ) -> list[str]:
        """The blocks of ``node``'s content, in a flow of their own."""
        flow = _Flow(self, counted=counted)
        self._children(node, flow, fmt, depth)
        flow.flush()
        return flow.blocks

    def _children(self, node: LexborNode, flow: _Flow, fmt: _Format, depth: int) -> None:
        child = node.child
        while child is not None:
            tag = child.tag
            if tag == "-comment":
                comment = child.comment_content or ""
                if office_html.starts_downlevel_only(comment):
                    self._downlevel_left = DOWNLEVEL_MARKER_CHARS
                    self.dropped["conditional comments"] += 1
                elif office_html.ends_conditional(comment):
                    self._downlevel_left = 0
                elif comment.lstrip().startswith("[if"):
                    self.dropped["conditional comments"] += 1
                elif comment.strip() not in ("StartFragment", "EndFragment"):
                    self.dropped["comments"] += 1
                child = child.next
                continue
            if self._downlevel_left and self._skips_as_downlevel(child):
                child = child.next
                continue
            if tag == "p" and office_html.word_list_level(child) is not None:
                child = self._word_list(child, flow, fmt, depth)
                continue
            self._node(child, flow, fmt, depth, tag or "")
            child = child.next

    def _skips_as_downlevel(self, node: LexborNode) -> bool:
        """Whether ``node``, met inside a downlevel-only conditional, is left out whole. An
        element holding the "[endif]" is walked (its marker part is left out as it is met);
        text longer than any marker ends the conditional: its "[endif]" went missing."""
        shown = 0
        for part in node.traverse(include_text=True):
            if part.tag == "-comment" and office_html.ends_conditional(part.comment_content or ""):
                return False
            if part.tag == "-text":
                shown += len("".join((part.text_content or "").split()))
                if shown > self._downlevel_left:
                    self._downlevel_left = 0
                    return False
        self._downlevel_left -= shown
        return True

    # --- one node ------------------------------------------------------------------------------

    def _node(
        self, node: LexborNode, flow: _Flow, fmt: _Format, depth: int, tag: str | None = None
    ) -> None:
        if tag is None:
            tag = node.tag or ""
        if tag == "-text":
            text = node.text_content or ""
            if fmt.preformatted and "\n" in text:
                # Every line break counts, also one that opens a text node after a comment or
                # a tag (``0<!-- x -->\n0`` is two lines); breaks at the ends of the block are
                # dropped when the runs are rendered.
                for number, line in enumerate(text.split("\n")):
                    if number:
                        flow.runs.append(Run("", line_break=True))
                    if line:
                        flow.runs.append(self._run(line, fmt))
            else:
                flow.runs.append(self._run(text, fmt))
            return
        if tag.startswith("-"):  # doctype, document
            self._children(node, flow, fmt, depth + 1)
            return
        if depth > MAX_DEPTH:
            self._too_deep(node, flow, fmt)
            return
        attributes = node.attributes
        style = office_html.parse_style(attributes.get("style")) if "style" in attributes else {}
        self._count_attributes(attributes, style)
        if tag in DROPPED_WITH_CONTENT:
            # The parser gives every fragment an empty <head>: only one with something in it
            # was dropped.
            if tag != "head" or node.child is not None:
                self.dropped[DROPPED_WITH_CONTENT[tag]] += 1
            if tag in TAKE_SPACE:  # the words on its sides never showed as one
                flow.runs.append(Run(" "))
            return
        if ":" in tag:
            self._office_element(node, flow, fmt, depth)
            return
        if attributes and office_html.is_office_comment(attributes, style):
            self.dropped["office comments"] += 1
            return
        if style and office_html.is_list_marker_span(style):
            self.dropped["office markup"] += 1
            return
        element = _Element(node, tag, attributes, style)
        if tag in BLOCKS:
            self._block(element, flow, fmt, depth)
        else:
            self._inline(element, flow, fmt, depth)

    def _office_element(self, node: LexborNode, flow: _Flow, fmt: _Format, depth: int) -> None:
        prefix = (node.tag or "").split(":", 1)[0]
        if prefix == "v":
            self.dropped["VML"] += 1
            return
        if prefix == "m":  # Word's equations: their text is part of the sentence
            self._children(node, flow, fmt, depth + 1)
            return
        self.dropped["office markup"] += 1
        self._children(node, flow, fmt, depth + 1)

    def _count_attributes(
        self, attributes: dict[str, str | None], style: dict[str, str] | None = None
    ) -> None:
        if not attributes:
            return
        if "style" in attributes:
            self.dropped["styles"] += 1
            if style is None:
                style = office_html.parse_style(attributes.get("style"))
            if "font-family" in style or "font" in style:
                self.dropped["fonts"] += 1
            if "color" in style or "background-color" in style or "background" in style:
                self.dropped["colours"] += 1
        if "class" in attributes:
            self.dropped["classes"] += 1
        if "color" in attributes or "bgcolor" in attributes:
            self.dropped["colours"] += 1
        if any(name.lower().startswith("on") for name in attributes):
            self.dropped["event handlers"] += 1

    def _too_deep(self, node: LexborNode, flow: _Flow, fmt: _Format) -> None:
        """Deeper than any story: keep the visible text, as plain text, and nothing else."""
        if not self._too_deep_seen:
            self._too_deep_seen = True
            self.dropped["nesting too deep"] += 1
        pieces: list[str] = []
        stack = [node]
        while stack:
            current = stack.pop()
            tag = current.tag or ""
            if tag == "-text":
                pieces.append(current.text_content or "")
                continue
            if tag in DROPPED_WITH_CONTENT or tag == "-comment":
                continue
            if tag in BLOCKS or tag == "br":
                pieces.append(" ")
            children = []
            child = current.child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend(reversed(children))
        flow.runs.append(self._run(" ".join("".join(pieces).split()), fmt))

    # --- inline elements -------------------------------------------------------------------------

    def _run(self, text: str, fmt: _Format) -> Run:
        bold = fmt.bold and not fmt.in_heading
        return Run(text, bold=bold, italic=fmt.italic, code=fmt.code, href=fmt.href)

    def _inline(self, element: _Element, flow: _Flow, fmt: _Format, depth: int) -> None:
        node, tag = element.node, element.tag
        if tag == "br":
            flow.runs.append(Run("", line_break=True))
            return
        if tag == "img":
            self._image(element, flow)
            return
        if tag == "wbr":
            return
        if tag == "a":
            inside_link = self._link(element.attributes, flow, fmt)
            if inside_link is None:
                return
            fmt = inside_link
        elif tag == "math":
            self.dropped["MathML (kept as text)"] += 1
        elif tag == "font":
            self.dropped["fonts"] += 1
        elif tag == "span" and not element.attributes and node.child is None:
            self.dropped["empty spans"] += 1
            return
        fmt = self._formatting(tag, element.style, fmt)
        self._children(node, flow, fmt, depth + 1)

    def _formatting(self, tag: str, style: dict[str, str], fmt: _Format) -> _Format:
        if fmt.code:
            # Markdown has no emphasis inside code: the span stays one run, its text whole.
            return fmt
        bold, italic = fmt.bold, fmt.italic
        code = False
        if tag in ("b", "strong"):
            bold = True
        elif tag in ("i", "em", "cite", "dfn", "var"):
            italic = True
        elif tag in ("code", "kbd", "samp", "tt"):
            code = True
        if "font-weight" in style:
            found = office_html.css_bold(style["font-weight"])
            bold = bold if found is None else found
        if "font-style" in style:
            found = office_html.css_italic(style["font-style"])
            italic = italic if found is None else found
        if (bold, italic, code) == (fmt.bold, fmt.italic, fmt.code):
            return fmt
        return replace(fmt, bold=bold, italic=italic, code=code)

    def _link(self, attributes: dict[str, str | None], flow: _Flow, fmt: _Format) -> _Format | None:
        """The formatting inside a link; None when the anchor is a footnote mark (handled)."""
        href = (attributes.get("href") or "").strip()
        if not href:
            return fmt
        label = office_html.footnote_reference(href)
        if label is not None:
            flow.runs.append(Run(f"[^{label}]", markup=True))
            return None
        label = office_html.footnote_backlink(href)
        if label is not None:
            flow.footnote_label = label
            return None
        url = self._safe_url(href)
        if url is None:
            return fmt
        self.result.counts["links"] += 1
        return replace(fmt, href=url)

    def _safe_url(self, href: str) -> str | None:
        """An address a published story may link to, tracking redirects removed; or None."""
        try:
            return self._checked_url(href)
        except ValueError:  # "http://[x": no address at all
            return None

    def _checked_url(self, href: str) -> str | None:
        scheme = urlsplit(href).scheme.lower() if ":" in href else ""
        compact = re.sub(r"[\s\x00-\x1f]", "", href).lower()
        if compact.startswith(_UNSAFE_SCHEMES):
            self.dropped["unsafe links"] += 1
            return None
        if not scheme:
            if href.startswith("#") or self.base_url is None:
                return None  # in-page or relative: nothing to point to once pasted
            href = urljoin(self.base_url, href)
            scheme = urlsplit(href).scheme.lower()
        if scheme not in _SAFE_SCHEMES:
            return None
        return _markdown_url(office_html.unwrap_redirect(href))

    # --- images ------------------------------------------------------------------------------

    def _image(self, element: _Element, flow: _Flow) -> None:
        attributes = element.attributes
        src = (attributes.get("src") or "").strip()
        if not src:
            self.dropped["images without address"] += 1
            return
        if _is_tracking_pixel(attributes, element.style):
            self.dropped["tracking pixels"] += 1
            return
        if re.sub(r"\s", "", src).lower().startswith(("javascript:", "vbscript:")):
            self.dropped["unsafe links"] += 1
            return
        if self.base_url and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", src):
            with suppress(ValueError):  # a base address that is none: keep it as written
                src = urljoin(self.base_url, src)
        alt = " ".join((attributes.get("alt") or "").split())
        image = Image(src=src, alt=alt)
        flow.flush()
        self.result.images.append(image)
        self.result.counts["images"] += 1
        flow.add_block(f"![{escape_text(alt)}]({_markdown_url(src)})", image)

    # --- blocks ------------------------------------------------------------------------------

    def _block(self, element: _Element, flow: _Flow, fmt: _Format, depth: int) -> None:
        node, tag = element.node, element.tag
        if tag in HEADINGS or _is_word_title(element):
            self._heading(node, HEADINGS.get(tag, 1), flow, fmt, depth)
        elif tag in ("ul", "ol", "menu", "dir"):
            flow.flush()
            listed = self._list(node, tag == "ol", fmt, depth)
            if listed:
                flow.add_block(listed)
                self.result.counts["lists"] += flow.counted  # a nested list is part of one
        elif tag == "blockquote":
            flow.flush()
            inner = self._flow_of(node, fmt, depth + 1, counted=True)
            if inner:
                flow.add_block(prefixed("\n\n".join(inner), "> ", ">"))
        elif tag == "table" and not fmt.in_cell:  # a table in a cell is read as its text
            flow.flush()
            table = self._table(node, fmt, depth)
            if table:
                flow.add_block(table)
                self.result.counts["tables"] += 1
        elif tag in ("pre", "listing", "plaintext", "xmp"):
            # Lines kept as lines; not a code block, which Markdown cannot hold inside a list
            # item and which a news story has no use for.
            flow.flush()
            self._children(node, flow, replace(fmt, preformatted=True), depth + 1)
            flow.flush()
        elif tag == "hr":
            flow.flush()
            flow.add_block("* * *")
        elif tag == "figcaption" or (flow.last_image is not None and _is_caption(element)):
            self._caption(node, flow, fmt, depth)
        else:
            flow.flush()
            self._children(node, flow, fmt, depth + 1)
            flow.flush()

    def _heading(self, node: LexborNode, level: int, flow: _Flow, fmt: _Format, depth: int) -> None:
        flow.flush()
        inner = _Flow(self)
        self._children(node, inner, replace(fmt, in_heading=True), depth + 1)
        runs, inner.runs = inner.runs, []
        text = render_runs(runs, one_line=True).replace("#", "\\#")
        if level == 1 and self.result.title is None and plain_text(runs):
            self.result.title = plain_text(runs)
        elif text:
            flow.add_block(f"{'##' if level <= 2 else '###'} {text}")
            self.result.counts["headings"] += 1
        inner.flush()  # images inside a heading
        flow.blocks.extend(inner.blocks)

    def _caption(self, node: LexborNode, flow: _Flow, fmt: _Format, depth: int) -> None:
        image = flow.last_image
        flow.flush()
        inner = _Flow(self)
        self._children(node, inner, fmt, depth + 1)
        text = plain_text(inner.runs)
        if image is not None and not image.caption and text and not inner.blocks:
            image.caption = text
            flow.last_image = None
            return
        inner.flush()
        flow.blocks.extend(inner.blocks)

    def _list(self, node: LexborNode, ordered: bool, fmt: _Format, depth: int) -> str:
        """A list as Markdown; nested content indented by four spaces, items on adjacent lines."""
        items: list[list[str]] = []
        child = node.child
        while child is not None:
            tag = child.tag or ""
            if tag == "li":
                self._count_attributes(child.attributes)
                blocks = self._flow_of(child, fmt, depth + 2)
                if blocks:
                    items.append(blocks)
            elif tag in ("ul", "ol"):
                # Google Docs nests a list as a sibling of the items, not inside one.
                nested = self._list(child, tag == "ol", fmt, depth + 2)
                if nested and items:
                    items[-1].append(nested)
                elif nested:
                    items.append([nested])
            elif tag == "-comment":
                pass
            elif tag == "-text":
                # Text straight inside a list (no item around it) still shows in a browser.
                text = render_runs([self._run(child.text_content or "", fmt)])
                if text:
                    items.append([text])
            else:
                blocks = self._flow_of_node(child, fmt, depth + 2)
                if blocks:
                    items.append(blocks)
            child = child.next
        start = list_start(node) if ordered else 1
        return "\n".join(
            list_item(blocks, f"{start + number}." if ordered else "-")
            for number, blocks in enumerate(items)
        )

    def _flow_of_node(self, node: LexborNode, fmt: _Format, depth: int) -> list[str]:
        flow = _Flow(self)
        self._node(node, flow, fmt, depth)
        flow.flush()
        return flow.blocks

    def _word_list(
        self, first: LexborNode, flow: _Flow, fmt: _Format, depth: int
    ) -> LexborNode | None:
        """Word's list paragraphs from ``first`` on, as one nested list; returns the node after."""
        flow.flush()
        entries: list[tuple[int, bool, list[str]]] = []
        node: LexborNode | None = first
        while node is not None:
            position = office_html.word_list_level(node)
            if position is None:
                if (node.tag in ("-text", "-comment")) and not (node.text_content or "").strip():
                    node = node.next
                    continue
                break
            self._count_attributes(node.attributes)
            ordered = office_html.is_ordered_marker(office_html.word_list_marker(node))
            blocks = self._flow_of(node, fmt, depth + 2)
            if blocks:
                entries.append((position.level, ordered, blocks))
            node = node.next
        listed = nested_list(entries)
        if listed:
            flow.add_block(listed)
            self.result.counts["lists"] += 1
        return node

    def _table(self, node: LexborNode, fmt: _Format, depth: int) -> str:
        rows: list[list[str]] = []
        for row in table_rows(node):
            cells = []
            for cell in row_cells(row):
                self._count_attributes(cell.attributes)
                blocks = self._flow_of(cell, replace(fmt, in_cell=True), depth + 3)
                text = " ".join(" ".join(block.split("\n")) for block in blocks)
                cells.append(" ".join(text.replace("  \n", " ").split()))
            if cells:
                rows.append(cells)
        if not rows or not any(cell for row in rows for cell in row):
            return ""
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = [table_line(rows[0]), table_line(["---"] * width)]
        lines.extend(table_line(row) for row in rows[1:])
        return "\n".join(lines)


# --- helpers ------------------------------------------------------------------------------------


def _markdown_url(url: str) -> str:
    """An address that cannot end the Markdown link early: spaces, brackets and ``<`` encoded."""
    return quote(url, safe="/:?#@!$&'*+,;=%~-._[]")


def _is_tracking_pixel(attributes: dict[str, str | None], style: dict[str, str]) -> bool:
    def size(name: str) -> str:
        return (attributes.get(name) or style.get(name, "")).strip().lower().removesuffix("px")

    width, height = size("width"), size("height")
    return width in ("0", "1") and height in ("0", "1")


def _is_word_title(element: _Element) -> bool:
    classes = element.attributes.get("class") or ""
    return element.tag == "p" and "msotitle" in classes.lower()


def _is_caption(element: _Element) -> bool:
    classes = (element.attributes.get("class") or "").lower()
    return element.tag in ("p", "div") and "caption" in classes
