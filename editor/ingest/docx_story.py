"""A Word file (.docx) read into a story's fields, a body as HTML, its photos and notes.

The body comes out as HTML, not Markdown: the one HTML converter that paste and web pages use
turns it into Markdown, so a DOCX story and a pasted one arrive in the same shape. Photos are
``<img src="docx-image:N">`` (N counts from 1 in reading order) inside a ``<figure>`` with their
caption as ``<figcaption>``, and also listed in ``DocxStory.images`` with their bytes, checked
by the same photo safety as every other photo.

mammoth reads the document (see benchmarks/intake_docx.py for why it and not python-docx): it
writes semantic HTML through a style map, keeps footnotes and endnotes, reads alt text, takes
tracked changes as accepted (insertions kept, deletions dropped) and ignores comments. Before it
runs, ``docx_package.check_docx`` refuses zip bombs, zip-slip names, DTDs and deep nesting,
and mammoth is never allowed to open a file or address outside the document.

Fields are taken from the blocks before the body, as wire-text import takes them from the
lines before it: the Title (or Heading 1; or the first line when no heading style is used) is
the headline, a Subtitle (or a paragraph all in bold or italics) the dek, "By ..." the byline
and a wire dateline line (the wire-text rules) the dateline. Word comments become the editor's
note, one "author: text" line each.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import mammoth
from lxml import html as lxml_html

from editor.ingest.datelines import _with_inferred_year, _YearHints, parse_byline, parse_dateline
from editor.ingest.docx_html import (
    CAPTION_CLASS,
    ShapeCounts,
    clean_links,
    demote_headings,
    drop_classes,
    is_photo_paragraph,
    make_figures,
    reshape_notes,
)
from editor.ingest.docx_package import DocxFacts, WordComment, check_docx, printable
from editor.ingest.text import IngestError
from editor.media.attach import fill_details, gps_warning, store_photo
from editor.media.errors import MediaError
from editor.media.probe import PreparedPhoto, prepare_photo
from editor.model.article import Dateline, ImageRef
from editor.model.media_store import MediaStore

IMAGE_SCHEME = "docx-image:"
# A first paragraph longer than this is the lead of a story without a headline.
MAX_HEADLINE_CHARS = 200
MAX_DEK_CHARS = 400
PHOTO_WORKERS = min(4, os.cpu_count() or 1)

# Word's "List Bullet 2" and like styles are level-one paragraphs of lists of their own, drawn
# indented: the reader would make them one flat list, so they are nested here as Word shows them.
_STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Subtitle'] => p.subtitle:fresh
p[style-name='Caption'] => p.caption:fresh
p[style-name='List Bullet 2'] => ul|ol > li > ul > li:fresh
p[style-name='List Bullet 3'] => ul|ol > li > ul|ol > li > ul > li:fresh
p[style-name='List Number 2'] => ul|ol > li > ol > li:fresh
p[style-name='List Number 3'] => ul|ol > li > ul|ol > li > ol > li:fresh
"""


@dataclass(frozen=True)
class DocxImage:
    """A photo of the document: ``src`` is what the body's ``<img>`` points at."""

    src: str  # docx-image:N
    data: bytes
    content_type: str  # as the document declares it
    alt: str  # the picture's description (descr), else its title
    caption: str  # the caption paragraph under it, as written ("" if none)
    prepared: PreparedPhoto  # checked, measured, its thumbnail made: never decoded again


@dataclass
class DocxStory:
    headline: str = ""
    dek: str = ""
    byline: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    original_dateline: str = ""  # the dateline as written, for metadata when styles differ
    editors_note: str = ""  # the Word comments, one "author: text" line each
    body_html: str = ""
    images: list[DocxImage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what reading did, for the reporter
    warnings: list[str] = field(default_factory=list)  # what could not be used
    counts: ShapeCounts = field(default_factory=ShapeCounts)  # what shaping the body changed


def read_docx(data: bytes, name: str, *, today: dt.date | None = None) -> DocxStory:
    """Read a .docx; IngestError (one line) if it cannot or must not be read.

    ``today`` only helps to guess the dateline's year when the file does not tell it.
    """
    facts = check_docx(data, name)
    name = printable(name, 120)
    story = DocxStory()
    # Each picture's checks (a decode at thumbnail size) start as the reader reaches it:
    # Pillow lets go of the interpreter while it decodes, so they run beside the reader.
    pool = ThreadPoolExecutor(max_workers=PHOTO_WORKERS)
    try:
        pictures = _Pictures(pool, name)
        html = _convert(data, name, pictures, story.warnings)
        story.images = _read_fields_and_body(html, story, facts, pictures, today)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # a refused file leaves no work behind
    story.notes = _notes(facts, story.counts, story)
    return story


def _read_fields_and_body(
    html: str, story: DocxStory, facts: DocxFacts, pictures: _Pictures, today: dt.date | None
) -> list[DocxImage]:
    if html.strip():
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    else:
        root = lxml_html.Element("div")
    make_figures(root)
    hints = _YearHints(latest_upload=None, reference=facts.saved, today=today or dt.date.today())
    _take_fields(root, story, hints)
    reshape_notes(root)
    clean_links(root, story.counts)
    demote_headings(root, story.counts)
    images = _checked_images(root, pictures, story.warnings)
    drop_classes(root)
    story.editors_note = "\n".join(_comment_line(comment) for comment in facts.comments)
    story.body_html = _serialised(root)
    return images


@dataclass(frozen=True)
class _Picture:
    data: bytes
    content_type: str
    alt: str
    checked: Future[PreparedPhoto]


class _Pictures:
    """The pictures the reader met, numbered in reading order, each being checked."""

    def __init__(self, pool: ThreadPoolExecutor, name: str) -> None:
        self.pool = pool
        self.name = name
        self.by_src: dict[str, _Picture] = {}

    def keep(self, image: Any) -> dict[str, str]:
        src = f"{IMAGE_SCHEME}{len(self.by_src) + 1}"
        with image.open() as stream:
            data = stream.read()
        label = f"{self.name} picture {len(self.by_src) + 1}"
        checked = self.pool.submit(prepare_photo, data, label, display_copy=False)
        self.by_src[src] = _Picture(data, image.content_type or "", image.alt_text or "", checked)
        return {"src": src}


def _convert(data: bytes, name: str, pictures: _Pictures, warnings: list[str]) -> str:
    convert_image: Callable[..., Any] = mammoth.images.img_element(pictures.keep)
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=_STYLE_MAP,
            convert_image=convert_image,
            external_file_access=False,
        )
    except RecursionError:
        raise IngestError(f"Cannot import {name}: its elements nest too deep") from None
    except Exception as error:  # the reader raises many kinds on a damaged document
        reason = printable(" ".join(str(error).split()), 160)
        raise IngestError(f"Cannot import {name}: it could not be read ({reason})") from None
    for message in result.messages:
        if "external" in message.message:
            warnings.append(f"A linked picture outside the document was not opened ({name})")
    return str(result.value)


def _serialised(root: lxml_html.HtmlElement) -> str:
    """The body's blocks, one a line (text between blocks is only the reader's whitespace)."""
    blocks = []
    for child in root:
        child.tail = None
        blocks.append(lxml_html.tostring(child, encoding="unicode"))
    return "\n".join(blocks) + ("\n" if blocks else "")


# --- the fields ---------------------------------------------------------------------------------


def _take_fields(root: lxml_html.HtmlElement, story: DocxStory, hints: _YearHints) -> None:
    """Take headline, dek, byline and dateline from the blocks before the body."""
    first = True
    for block in list(root):
        if block.tag == "figure" or is_photo_paragraph(block):
            continue  # a photo above the headline stays in the body
        text = _line_text(block)
        if first and (block.tag == "h1" or _could_be_headline(block, text)):
            story.headline = " ".join(text.split())
        elif not story.dek and _is_dek(block, text):
            story.dek = " ".join(text.split())
        elif block.tag == "p" and not story.byline and parse_byline(text):
            story.byline = parse_byline(text) or []
        elif block.tag == "p" and story.dateline is None and _take_dateline(block, story, hints):
            return  # the dateline opens the body
        else:
            return
        first = False
        root.remove(block)


def _could_be_headline(block: lxml_html.HtmlElement, text: str) -> bool:
    """The first line of a story written without styles: short, and no byline or dateline."""
    return (
        block.tag == "p"
        and not {"subtitle", CAPTION_CLASS} & set(block.classes)
        and 0 < len(text) <= MAX_HEADLINE_CHARS
        and "\n" not in text
        and parse_byline(text) is None
        and parse_dateline(text, default_year=2000) is None
    )


def _is_dek(block: lxml_html.HtmlElement, text: str) -> bool:
    if block.tag != "p" or not text or len(text) > MAX_DEK_CHARS:
        return False
    return "subtitle" in block.classes or _all_emphasised(block)


_EMPHASIS_TAGS = frozenset({"strong", "em", "b", "i"})


def _all_emphasised(block: lxml_html.HtmlElement) -> bool:
    """Every word of the paragraph sits inside bold or italics."""
    children = list(block)
    if (block.text or "").strip() or not children:
        return False
    return all(child.tag in _EMPHASIS_TAGS and not (child.tail or "").strip() for child in children)


def _take_dateline(block: lxml_html.HtmlElement, story: DocxStory, hints: _YearHints) -> bool:
    """Take a wire dateline opening the paragraph; the rest of it stays, formatting and all."""
    text = _line_text(block)
    found = parse_dateline(text, default_year=hints.today.year)
    if found is None:
        return False
    dateline, rest = found
    story.dateline = _with_inferred_year(dateline, hints)
    names = parse_byline(rest) if rest and not story.byline else None
    if names:
        story.byline, rest = names, ""
    story.original_dateline = text[: len(text) - len(rest)].strip() if rest else text.strip()
    if not rest and not block.findall(".//br"):
        block.getparent().remove(block)
        return True
    _cut_leading_text(block, len(text) - len(text.lstrip()) + _prefix_length(text.lstrip(), rest))
    return True


def _prefix_length(text: str, rest: str) -> int:
    """Characters before ``rest`` on the dateline line (the dateline and the space after)."""
    line = text.split("\n", 1)[0]
    position = line.rfind(rest) if rest else len(line)
    return position if position >= 0 else len(line)


def _cut_leading_text(block: lxml_html.HtmlElement, count: int) -> None:
    """Remove the first ``count`` characters of the paragraph's text, keeping its markup."""
    left = [count]

    def cut(text: str | None) -> str | None:
        if not text or left[0] <= 0:
            return text
        taken = min(left[0], len(text))
        left[0] -= taken
        return text[taken:] or None

    def walk(node: lxml_html.HtmlElement) -> None:  # text, then each child and its tail
        node.text = cut(node.text)
        for child in node:
            if left[0] <= 0:
                return
            walk(child)
            child.tail = cut(child.tail)

    walk(block)
    # Inline elements emptied by the cut (a bold city name) go with it, and so does a line
    # break that ended the dateline.
    for node in list(block.iter()):
        if node is not block and not node.text_content() and node.tag not in ("br", "img"):
            node.drop_tag()
    first = block[0] if len(block) else None
    if first is not None and first.tag == "br" and not (block.text or "").strip():
        block.text = None
        first.drop_tag()


def _line_text(block: lxml_html.HtmlElement) -> str:
    """The block's text with line breaks as newlines and spaces as written."""
    parts: list[str] = []

    def walk(node: lxml_html.HtmlElement) -> None:
        parts.append("\n" if node.tag == "br" else (node.text or ""))
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(block)
    return "".join(parts).strip()


# --- photos and notes ---------------------------------------------------------------------------


def _checked_images(
    root: lxml_html.HtmlElement, pictures: _Pictures, warnings: list[str]
) -> list[DocxImage]:
    """Every picture the body places, through the photo checks; an unusable one leaves the
    body (its caption stays as a paragraph) with a warning."""
    images: list[DocxImage] = []
    for element in list(root.iter("img")):
        src = element.get("src") or ""
        picture = pictures.by_src.get(src)
        if picture is None:
            continue
        figure = element.getparent()
        caption_element = figure.find("figcaption") if figure.tag == "figure" else None
        caption = ""
        if caption_element is not None:
            caption = " ".join(caption_element.text_content().split())
        try:
            prepared = picture.checked.result()
        except MediaError as error:
            warnings.append(f"Photo left out: {error}")
            _remove_picture(element, caption_element)
            continue
        images.append(
            DocxImage(
                src, picture.data, picture.content_type, picture.alt.strip(), caption, prepared
            )
        )
    return images


def _remove_picture(image: lxml_html.HtmlElement, caption: lxml_html.HtmlElement | None) -> None:
    parent = image.getparent()
    if parent.tag != "figure":
        image.drop_tree()  # the words after an inline picture stay
        return
    if caption is not None:  # no text is lost with the picture
        caption.tag = "p"
        parent.addnext(caption)
    parent.getparent().remove(parent)


def _comment_line(comment: WordComment) -> str:
    return f"{comment.author}: {comment.text}" if comment.author else comment.text


def _notes(facts: DocxFacts, counts: ShapeCounts, story: DocxStory) -> list[str]:
    notes: list[str] = []
    if facts.insertions or facts.deletions:
        notes.append(
            f"Tracked changes were accepted ({_count(facts.insertions, 'insertion')}, "
            f"{_count(facts.deletions, 'deletion')})"
        )
    if facts.comments:
        notes.append(f"{_count(len(facts.comments), 'comment')} went to the editor's note")
    if counts.unsafe_links:
        notes.append(
            f"{_count(counts.unsafe_links, 'link')} that did not point to a web or mail "
            "address kept only their text"
        )
    if counts.demoted_headings:
        notes.append(
            f"{_count(counts.demoted_headings, 'Heading 1')} after the headline became subheads"
        )
    if story.images:
        notes.append(f"{_count(len(story.images), 'photo')} taken from the document")
    return notes


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# --- photo records (for the import that joins this reader to the HTML converter) -----------------


def store_docx_photos(
    story: DocxStory, media: MediaStore, warnings: list[str]
) -> dict[str, ImageRef]:
    """Store each checked photo in ``media`` and make its record (p1, p2... in reading order),
    keyed by the body's ``docx-image:N``; a photo's GPS position is warned about, as on import.

    The caption paragraph and the alt text the document gives win; the file's own metadata
    fills what they leave empty.
    """
    records: dict[str, ImageRef] = {}
    for image in story.images:
        prepared = image.prepared
        found = prepared.metadata
        record = ImageRef(
            id=f"p{len(records) + 1}",
            original_name=f"picture {image.src.removeprefix(IMAGE_SCHEME)}.{prepared.extension}",
            media_path=store_photo(media, image.data, prepared),
            format=prepared.format,
            width=prepared.width,
            height=prepared.height,
            caption=image.caption or found.caption,
            credit=found.credit or found.byline,
            copyright=found.copyright,
            alt=image.alt or found.alt,
            has_gps=prepared.has_gps,
        )
        fill_details(record, found)
        if prepared.has_gps:
            warnings.append(gps_warning(record.original_name))
        records[image.src] = record
    return records
