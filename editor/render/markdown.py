"""The article body: Markdown -> sanitised HTML fragment, with photos placed from their records.

One ``BodyRenderer`` serves the live preview and every exporter, so what the reporter sees is what
the desk gets. Building a ``markdown.Markdown`` instance with its extensions costs far more than a
short render, so a renderer is built once and reused (``reset()`` between documents).

A photo is placed in the body as ``![](photo:ID)`` on a line of its own; its caption, credit and
alt text come from the article's ``ImageRef``, never from the body, so each fact about a photo
lives in one place. Any other image (a web address, a WordPress upload path, an unknown id, a
photo whose file is not in the package) becomes a visible placeholder instead of a broken image.

Sanitising happens on the whole Markdown output (the author may type raw HTML). Our own figures
go through the same sanitiser: present photos carry a private ``dateline-photo:`` address that
the sanitiser is told to keep, and only after sanitising is that address replaced by the caller's
URL (a file URL in the preview, a ``data:`` URI in the HTML export).
"""

from __future__ import annotations

import re
import secrets
import threading
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass, field

import markdown
from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.preprocessors import Preprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor

from editor.model.article import ImageRef
from editor.model.photos import PHOTO_SCHEME
from editor.render.cjk_lines import JoinCjkLines
from editor.render.list_indent import ListsAsCommonMark
from editor.render.photo_figures import atomic_text, inline_photo, photo_figure
from editor.render.photo_refs import (
    PHOTO_MARKER,
    PhotoLookup,
)
from editor.render.plain_block import plain_parts
from editor.render.rendered import (
    Definitions,
    PartsNotIndependentError,
    RenderedBody,
    RenderedPart,
    RenderedParts,
)
from editor.render.sanitise import finish_sanitised, sanitise
from editor.render.web_text import register_web_text

_NO_PHOTOS = PhotoLookup({}, lambda image: "")

# Python-Markdown's inline pass takes time growing with the square of the marks in one run of
# text (each escape, emphasis or link rebuilds the rest of the string): a paragraph of a million
# backslashes, which only a hostile file holds, would take minutes. No paragraph a reporter
# writes comes near this many characters; a longer run is shown as typed, as plain text.
MAX_INLINE_CHARS = 10_000


# --- Markdown extension ------------------------------------------------------------------------

# An image alone on its line (optionally followed by an attr_list), at most 3 spaces indented
# (4 would make it a code block).
_IMAGE_LINE_RE = re.compile(r" {0,3}!\[[^\]\n]*\]\([^)\n]*\)[ \t]*(?:\{[^}\n]*\}[ \t]*)?")


class _ImageLineSplitter(BlockProcessor):
    """Give an image standing on its own line a paragraph of its own.

    Pasted copy often has a photo line between two lines of text with no blank line around it;
    plain Markdown would make the photo part of the paragraph. Splitting there lets it become a
    figure, as the reporter meant.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        lines = block.split("\n")
        return len(lines) > 1 and any(_IMAGE_LINE_RE.fullmatch(line) for line in lines)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        at = next(i for i, line in enumerate(lines) if _IMAGE_LINE_RE.fullmatch(line))
        pieces = ["\n".join(lines[:at]), lines[at], "\n".join(lines[at + 1 :])]
        blocks[0:0] = [piece for piece in pieces if piece.strip()]


class _PartSeparators(BlockProcessor):
    """Read the paragraph that separates parts (render_parts) as plain, finished text.

    Left to Markdown it would be a paragraph like any other and go through every inline pattern:
    with one separator per block that makes a render of a whole body in parts half as slow again.
    """

    def __init__(self, parser: markdown.blockparser.BlockParser, extension: _BodyExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        separator = self.extension.job.part_separator
        return bool(separator) and block == separator

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = util.AtomicString(blocks.pop(0))


@dataclass(frozen=True)
class _PartOutline:
    has_text: bool
    has_figure: bool
    photo_ids: frozenset[str]


@dataclass
class _RenderJob:
    """What one render needs besides the Markdown text, and what it found."""

    photos: PhotoLookup
    end_mark: str = ""
    placed_photo_ids: set[str] = field(default_factory=set)
    # Rendering parts of a body (render_parts): the paragraph text that separates the parts,
    # the part the end mark goes in, and the whole body's definitions.
    part_separator: str = ""
    end_mark_part: int = 0
    definitions: Definitions | None = None
    found_definitions: Definitions = field(default_factory=Definitions)
    outlines: list[_PartOutline] = field(default_factory=list)
    # The parts (by index) whose placements of the lead photo were left out: they still place
    # it, so that they render again when it stops leading (PhotoLookup.lead_id).
    parts_placing_lead: set[int] = field(default_factory=set)


class _PhotoPlacement(Treeprocessor):
    """Turn every Markdown image into our figure (own paragraph) or inline photo/placeholder."""

    def __init__(self, md: markdown.Markdown, extension: _BodyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        images = list(root.iter("img"))
        if not images:
            return
        job = self.extension.job
        parents = {child: parent for parent in root.iter() for child in parent}
        for img in images:
            source = (img.get("src") or "").strip()
            photo_id = None
            if source[: len(PHOTO_SCHEME)].lower() == PHOTO_SCHEME:
                photo_id = source[len(PHOTO_SCHEME) :].strip()
                job.placed_photo_ids.add(photo_id)
            image = job.photos.get(photo_id) if photo_id is not None else None
            parent = parents[img]
            if job.photos.leads(photo_id):
                # The page shows the lead photo on top: not a second time here.
                if job.part_separator:
                    job.parts_placing_lead.add(_part_index(root, parents, img, job.part_separator))
                _remove_keeping_tail(parents, parent, img)
                continue
            if job.photos.omit_missing and (image is None or image.missing):
                _remove_keeping_tail(parents, parent, img)
                continue
            if parent.tag == "p" and _holds_only(parent, img) and parent in parents:
                replacement = photo_figure(photo_id, image, source)
                replacement.tail = parent.tail
                _replace(parents[parent], parent, replacement)
            else:
                replacement = inline_photo(photo_id, image, source)
                replacement.tail = img.tail
                _replace(parent, img, replacement)


def _remove_keeping_tail(
    parents: dict[etree.Element, etree.Element], parent: etree.Element, img: etree.Element
) -> None:
    """Take out an image that is left out of an export: its paragraph too when it stood alone
    there; the text after it stays in place."""
    if parent.tag == "p" and _holds_only(parent, img) and parent in parents:
        img, parent = parent, parents[parent]
    index = list(parent).index(img)
    tail = img.tail or ""
    if index > 0:
        before = parent[index - 1]
        before.tail = (before.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(img)


def _part_index(
    root: etree.Element,
    parents: dict[etree.Element, etree.Element],
    element: etree.Element,
    separator: str,
) -> int:
    """The index of the part (render_parts) holding ``element``, as _PartOutlines counts them:
    the footnotes list, after the last part's separator, is a part of its own."""
    top = element
    while parents[top] is not root:
        top = parents[top]
    index = 0
    for child in root:
        if child is top:
            break
        if child.tag == "p" and len(child) == 0 and child.text == separator:
            index += 1
    return index + 1 if _is_footnotes(top) else index


def _holds_only(paragraph: etree.Element, child: etree.Element) -> bool:
    return (
        len(paragraph) == 1
        and not (paragraph.text or "").strip()
        and not (child.tail or "").strip()
    )


def _replace(parent: etree.Element, old: etree.Element, new: etree.Element) -> None:
    parent.insert(list(parent).index(old), new)
    parent.remove(old)


class _SubheadLevels(Treeprocessor):
    """The headline is the page's only h1, so a body ``# heading`` becomes an h2 subhead."""

    def run(self, root: etree.Element) -> None:
        for heading in root.iter("h1"):
            heading.tag = "h2"


class _BodyDefinitions(Treeprocessor):
    """Note the definitions the text made; when rendering part of a body, use the body's instead.

    Runs after every block is read (footnote texts included) and before inline links and
    abbreviations are resolved, so a part resolves them exactly as the whole body would.
    """

    def __init__(self, md: markdown.Markdown, extension: _BodyExtension) -> None:
        super().__init__(md)
        self.extension = extension
        # The abbreviation extension's own dictionary, which its tree processor reads.
        # (An attribute the extension's type stubs do not declare.)
        self.abbreviations: dict[str, str] = next(
            vars(ext)["abbrs"] for ext in md.registeredExtensions if isinstance(ext, AbbrExtension)
        )

    def run(self, root: etree.Element) -> None:
        job = self.extension.job
        references = self.md.references
        job.found_definitions = Definitions(dict(references), dict(self.abbreviations))
        if job.definitions is not None:
            references.clear()
            references.update(job.definitions.references)
            self.abbreviations.clear()
            self.abbreviations.update(job.definitions.abbreviations)


def _body_parts(root: etree.Element, separator: str) -> list[tuple[int, list[etree.Element]]]:
    """The top-level elements of each part: (index in root where the part starts, elements)."""
    if not separator:
        return [(0, list(root))]
    parts: list[tuple[int, list[etree.Element]]] = [(0, [])]
    for index, child in enumerate(root):
        if child.tag == "p" and len(child) == 0 and child.text == separator:
            parts.append((index + 1, []))
        else:
            parts[-1][1].append(child)
    return parts


def _photo_ids(element: etree.Element) -> set[str]:
    """Ids of the photos placed in ``element`` (after _PhotoPlacement)."""
    found = set()
    for node in element.iter():
        photo_id = node.get("data-photo-id")
        source = node.get("src") or ""
        if node.tag in ("figure", "span") and photo_id is not None:
            found.add(photo_id)
        elif node.tag == "img" and source.startswith(PHOTO_MARKER):
            found.add(source[len(PHOTO_MARKER) :])
    return found


class _PartOutlines(Treeprocessor):
    """Record, for each part, what the end mark and photo updates need to know about it."""

    def __init__(self, md: markdown.Markdown, extension: _BodyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        job = self.extension.job
        if not job.part_separator:
            return  # a whole body: nothing asks
        # The last part ends before the footnotes list. (Its separator is put in the tree, not
        # the text, where raw HTML left open at the end of the body would swallow it.)
        last = root[-1] if len(root) else None
        end = len(root) - 1 if last is not None and _is_footnotes(last) else len(root)
        separator = etree.Element("p")
        separator.text, separator.tail = job.part_separator, "\n"
        root.insert(end, separator)
        lead = {job.photos.lead_id} if job.photos.lead_id is not None else set()
        for index, (_, elements) in enumerate(_body_parts(root, job.part_separator)):
            story = [element for element in elements if not _is_footnotes(element)]
            placed = set().union(*map(_photo_ids, elements))
            if index in job.parts_placing_lead:
                placed |= lead
            job.outlines.append(
                _PartOutline(
                    has_text=any(element.tag != "figure" for element in story),
                    has_figure=any(element.tag == "figure" for element in story),
                    photo_ids=frozenset(placed),
                )
            )


class _EndMark(Treeprocessor):
    """Append the agency's end mark to the story's last paragraph, as wire copy prints it."""

    def __init__(self, md: markdown.Markdown, extension: _BodyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        job = self.extension.job
        end_mark = job.end_mark.strip()
        if not end_mark:
            return
        parts = _body_parts(root, job.part_separator)
        if job.end_mark_part >= len(parts):
            # Raw HTML left open (an unclosed <script>, say) swallowed a separator: render_parts
            # finds the parts merged and says so, and the caller renders them as one.
            return
        part_start, elements = parts[job.end_mark_part]
        story = [child for child in elements if not _is_footnotes(child)]
        # Photos placed after the last paragraph do not end the text: wire copy prints the
        # mark after the last words of the story (as the EFE sample does).
        while len(story) > 1 and story[-1].tag == "figure":
            story.pop()
        last = story[-1] if story else None
        if last is not None and last.tag == "p" and not _is_raw_html(last):
            host = last
            if len(host):
                host[-1].tail = (host[-1].tail or "").rstrip() + " "
            else:
                host.text = (host.text or "").rstrip() + " "
        else:
            # The body ends with a list, quote, figure... : the mark gets a paragraph of its own,
            # placed before any footnotes.
            host = etree.Element("p")
            host.tail = "\n"
            root.insert(list(root).index(last) + 1 if last is not None else part_start, host)
        mark = etree.SubElement(host, "span", {"class": "end-mark"})
        mark.text = atomic_text(end_mark)


# Python's HTMLParser, which Python-Markdown runs over the whole body for raw HTML, reads from
# every "<a" to the next ">" looking for the tag's end: 30,000 "<a " with no ">" take minutes.
# No tag a reporter writes is this long; a "<" this far from any ">" is text, as Markdown makes
# it anyway.
MAX_TAG_CHARS = 1_000
_TAG_START_RE = re.compile(r"<[/A-Za-z]")


class _UnclosedTagsAsText(Preprocessor):
    """Hands a "<" that no ">" follows within MAX_TAG_CHARS to the output as "&lt;" (through
    the raw HTML stash, so code spans and code blocks show it as the "<" it is) before the
    HTML parser can read ahead from it."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "<" not in text:
            return lines
        pieces: list[str] = []
        position = 0
        closing = -2  # the first ">" at or after the last "<" looked at (-1: none further on)
        for found in _TAG_START_RE.finditer(text):
            start = found.start()
            if closing != -1 and closing < start:
                closing = text.find(">", start)
            if closing == -1 or closing - start > MAX_TAG_CHARS:
                pieces.append(text[position:start])
                pieces.append(self.md.htmlStash.store("&lt;"))
                position = start + 1
        if not pieces:
            return lines
        pieces.append(text[position:])
        return "".join(pieces).split("\n")


class _LongTextAsTyped(Treeprocessor):
    """Keeps runs of text longer than MAX_INLINE_CHARS out of the inline pass (see there)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.text and len(element.text) > MAX_INLINE_CHARS:
                element.text = util.AtomicString(element.text)
            if element.tail and len(element.tail) > MAX_INLINE_CHARS:
                element.tail = util.AtomicString(element.tail)


def _is_footnotes(element: etree.Element) -> bool:
    return element.tag == "div" and element.get("class") == "footnote"


def _is_raw_html(paragraph: etree.Element) -> bool:
    # Raw HTML blocks wait in the tree as a paragraph holding a stash placeholder.
    return len(paragraph) == 0 and bool(
        util.HTML_PLACEHOLDER_RE.fullmatch((paragraph.text or "").strip())
    )


class _BodyExtension(Extension):
    """Our additions to Python-Markdown; ``job`` holds the state of the render in progress."""

    def __init__(self) -> None:
        super().__init__()
        self.job = _RenderJob(_NO_PHOTOS)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Before the paragraph processor (10), after quotes and lists so it works inside them.
        md.parser.blockprocessors.register(_ImageLineSplitter(md.parser), "photo_lines", 12)
        # Before every other block processor: a separator is never part of anything.
        md.parser.blockprocessors.register(_PartSeparators(md.parser, self), "part_separators", 110)
        # After attr_list (8) has taken ``{...}`` off the images, before unescaping (0).
        md.treeprocessors.register(_PhotoPlacement(md, self), "photo_placement", 6)
        md.treeprocessors.register(_SubheadLevels(md), "subhead_levels", 5)
        # After the footnotes are read (50), before links and abbreviations are resolved (20, 7).
        md.treeprocessors.register(_BodyDefinitions(md, self), "body_definitions", 21)
        # Just before the inline pass (20).
        md.treeprocessors.register(_LongTextAsTyped(md), "long_text_as_typed", 20.5)
        # After fenced code is set aside (25), before the raw HTML pass (20).
        md.preprocessors.register(_UnclosedTagsAsText(md), "unclosed_tags_as_text", 22)
        # After raw HTML blocks are set aside (20): they keep their lines as typed.
        md.preprocessors.register(ListsAsCommonMark(md), "lists_as_commonmark", 19)
        register_web_text(md)
        # After the inline pass (20): its runs of text are final.
        md.treeprocessors.register(JoinCjkLines(md), "join_cjk_lines", 19)
        # After the photos are placed, before the end mark adds its paragraph.
        md.treeprocessors.register(_PartOutlines(md, self), "part_outlines", 4.5)
        md.treeprocessors.register(_EndMark(md, self), "end_mark", 4)


# --- the renderer ------------------------------------------------------------------------------


class BodyRenderer:
    """Markdown body -> sanitised HTML. Build once, reuse for every render (thread-safe)."""

    def __init__(self) -> None:
        self._extension = _BodyExtension()
        self._markdown = markdown.Markdown(
            extensions=["extra", "sane_lists", self._extension],
            output_format="html",
        )
        # One Markdown instance keeps per-document state: renders take turns.
        self._lock = threading.Lock()
        # The paragraph that separates parts in render_parts; the random part keeps body text
        # from ever being taken for it.
        self._part_separator = f"dlpart{secrets.token_hex(8)}"

    def render(
        self, markdown_text: str, photos: PhotoLookup, *, end_mark: str = ""
    ) -> RenderedBody:
        """The body as sanitised HTML, with the ids of the photos it places."""
        with self._lock:
            self._extension.job = job = _RenderJob(photos, end_mark)
            try:
                raw = self._markdown.reset().convert(markdown_text)
            finally:
                self._extension.job = _RenderJob(_NO_PHOTOS)
        fragment = finish_sanitised(sanitise(raw), photos)
        return RenderedBody(fragment, frozenset(job.placed_photo_ids))

    def render_parts(
        self,
        parts: Sequence[str],
        photos: PhotoLookup,
        *,
        end_mark: str = "",
        end_mark_part: int = 0,
        definitions: Definitions | None = None,
    ) -> RenderedParts:
        """Render parts of one body in a single pass, each part's HTML sanitised on its own.

        The parts must be pieces of a body that Markdown reads independently (split at blank
        lines where no list, quote, code block or raw HTML carries on): each then renders as it
        does in the whole. ``definitions`` are the whole body's link references and abbreviations;
        ``end_mark`` goes where it would in the whole body when ``end_mark_part`` is the part
        holding the story's last words. Footnotes are numbered across the parts given.
        """
        plain = plain_parts(parts, end_mark, end_mark_part, definitions)
        if not plain:
            return self._render_parts_with_markdown(
                parts, photos, end_mark, end_mark_part, definitions
            )
        rest = [index for index in range(len(parts)) if index not in plain]
        through_markdown = self._render_parts_with_markdown(
            [parts[index] for index in rest],
            photos,
            end_mark,
            rest.index(end_mark_part) if end_mark_part in rest else 0,
            definitions,
        )
        rendered = dict(zip(rest, through_markdown.parts, strict=True))
        for index, html in plain.items():
            rendered[index] = RenderedPart(html, frozenset(), True, False)
        return RenderedParts(
            [rendered[index] for index in range(len(parts))],
            through_markdown.footnotes,
            through_markdown.definitions,
        )

    def _render_parts_with_markdown(
        self,
        parts: Sequence[str],
        photos: PhotoLookup,
        end_mark: str,
        end_mark_part: int,
        definitions: Definitions | None,
    ) -> RenderedParts:
        if not parts:
            return RenderedParts([], RenderedPart("", frozenset(), False, False), Definitions())
        separator = self._part_separator
        text = f"\n\n{separator}\n\n".join(parts)
        with self._lock:
            self._extension.job = job = _RenderJob(
                photos,
                end_mark,
                part_separator=separator,
                end_mark_part=end_mark_part,
                definitions=definitions,
            )
            try:
                raw = self._markdown.reset().convert(text)
            finally:
                self._extension.job = _RenderJob(_NO_PHOTOS)
        pieces = raw.split(f"<p>{separator}</p>")
        if len(pieces) != len(parts) + 1 or len(job.outlines) != len(parts) + 1:
            raise PartsNotIndependentError(f"{len(parts)} parts came out as {len(pieces)}")
        rendered = [
            RenderedPart(
                finish_sanitised(sanitise(piece.strip("\n")), photos),
                outline.photo_ids,
                outline.has_text,
                outline.has_figure,
            )
            for piece, outline in zip(pieces, job.outlines, strict=True)
        ]
        return RenderedParts(rendered[:-1], rendered[-1], job.found_definitions)

    def render_body(self, markdown_text: str, photos: PhotoLookup) -> str:
        """The body as a sanitised HTML fragment."""
        return self.render(markdown_text, photos).html

    def render_photo(self, image: ImageRef, photos: PhotoLookup, *, css_class: str = "") -> str:
        """One photo as the same figure the body would show (e.g. the lead photo of a page);
        nothing for a photo without its file when ``photos`` omits those (an export)."""
        if photos.omit_missing and image.missing:
            return ""
        figure = photo_figure(image.id, image, PHOTO_SCHEME + image.id)
        if css_class:
            figure.set("class", f"{figure.get('class')} {css_class}")
        return finish_sanitised(sanitise(to_html_string(figure)), photos)


_shared: BodyRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> BodyRenderer:
    """One renderer for the exporters, built on first use (building one takes a while).

    A BodyRenderer is safe to share between threads: renders take turns on its lock. The live
    preview keeps its own, so an export never makes typing wait.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = BodyRenderer()
        return _shared
