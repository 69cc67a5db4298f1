"""The ``docx`` format: the article as a Word document a desk can edit.

Headline in the Title style, dek as Subtitle, the dateline and byline, the body as the preview
renders it (see ``docx_body``), the photos as JPEG renditions fitted to the text width with
Caption paragraphs, and the desk's sign-off codes last. The document's properties carry title,
authors, language and the article's own dates; the editor's note is never read.

python-docx stamps each zip entry with the time of saving, so the saved file is rewritten with
sorted entries and the article's modified time: the same article always gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor

from editor.export.base import ExportError, ExportOptions, check_export_target, write_export_file
from editor.export.body_tree import parse_fragment, rendered_body
from editor.export.docx_body import BodyWriter, PageBox, PhotoPicture, xml_text
from editor.export.docx_direction import set_directions
from editor.export.paper import paper_for_language
from editor.export.photo_copies import make_photo_copies, widest_jpeg
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef
from editor.model.dateline import dateline_text
from editor.model.media_store import MediaStore
from editor.render.markdown import BodyRenderer, shared_renderer
from editor.render.page import html_language, story_byline
from editor.render.photo_refs import PhotoLookup
from editor.text.direction import article_direction, language_direction

# About 250 dots per inch across a 16 cm column: sharp in print, small enough to mail.
DOCX_PHOTO_WIDTH = 1600
MARGIN = Mm(22)
# A photo leaves room for its caption on the same page.
MAX_PICTURE_SHARE_OF_PAGE = 0.6
# Core properties are limited to 255 characters each by python-docx (and by Word's dialog).
MAX_PROPERTY_CHARS = 255
# The address our own <img> elements carry, in a scheme the sanitiser never lets a body use.
_PHOTO_SRC = "dateline-docx-photo:"
_T = TypeVar("_T")
_ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can hold


class DocxExporter:
    name = "docx"
    description = (
        "Word document (.docx) with Word's heading, quote and caption styles, photos inside"
    )
    extension = ".docx"

    def render(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> bytes:
        """The document's bytes, without writing them."""
        options = options or ExportOptions()
        article = word_safe(article)
        copies = make_photo_copies(article, media, (DOCX_PHOTO_WIDTH,), options)
        pictures = _pictures(article, copies)

        def photo_src(image: ImageRef) -> str:
            return _PHOTO_SRC + image.id

        def picture_for(src: str) -> PhotoPicture | None:
            if not src.startswith(_PHOTO_SRC):
                return None  # an address typed in the body: nothing is fetched
            return pictures.get(src.removeprefix(_PHOTO_SRC))

        body = rendered_body(article, shared_renderer(), photo_src)
        document = docx.Document()
        page = _set_up_page(document, article)
        writer = BodyWriter(document, picture_for, page)
        _write_header(document, writer, article, shared_renderer(), photo_src)
        writer.write(body.root)
        _write_sign_off(document, article)
        _set_properties(document, article)
        set_directions(document, article_direction(article))
        options.check_cancelled()
        saved = io.BytesIO()
        document.save(saved)
        return normalised_zip(saved.getvalue(), article.modified)

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        check_export_target(out_path)  # before the work, which can take long
        write_export_file(out_path, self.render(article, media, options))


def word_safe(value: _T) -> _T:
    """A copy of an article (or any of its parts) without the characters a Word file cannot
    hold, such as control characters and lone surrogates a hand-edited package may carry."""
    if isinstance(value, str):
        return xml_text(value)  # type: ignore[return-value]
    if isinstance(value, list):
        return [word_safe(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: word_safe(item) for key, item in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: word_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def _pictures(article: Article, copies: dict[str, list[Rendition]]) -> dict[str, PhotoPicture]:
    """Each published photo's widest JPEG rendition with its alt text, by photo id."""
    pictures = {}
    for image in article.photos:
        best = widest_jpeg(copies, image.id)
        if best is not None:
            pictures[image.id] = PhotoPicture(best.data, best.width, best.height, image.alt.strip())
    return pictures


def _set_up_page(document: Document, article: Article) -> PageBox:
    paper = paper_for_language(article.language)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(paper.width_mm), Mm(paper.height_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    # Read back: Word stores lengths in twentieths of a point, so these are what it will use.
    width = (
        _length(section.page_width) - _length(section.left_margin) - _length(section.right_margin)
    )
    height = (
        _length(section.page_height) - _length(section.top_margin) - _length(section.bottom_margin)
    )
    return PageBox(width=int(width), max_picture_height=int(height * MAX_PICTURE_SHARE_OF_PAGE))


def _length(value: Length | None) -> int:
    """A page length just set, read back; python-docx types every length as optional."""
    if value is None:
        raise ExportError("the Word document's page size could not be set")
    return int(value)


def _write_header(
    document: Document,
    writer: BodyWriter,
    article: Article,
    renderer: BodyRenderer,
    photo_src: Callable[[ImageRef], str],
) -> None:
    """Headline, dek, dateline and byline, and the lead photo (the body leaves it out): the
    page's header, in Word's styles."""
    if _line(article.headline):
        document.add_paragraph(_line(article.headline), style="Title")
    if _line(article.dek):
        document.add_paragraph(_line(article.dek), style="Subtitle")
    dateline = _line(dateline_text(article.dateline))
    byline = _line(story_byline(article))
    if dateline or byline:
        paragraph = document.add_paragraph()
        if dateline:
            paragraph.add_run(dateline).bold = True
        if byline:
            if dateline:
                paragraph.add_run(" ")
            run = paragraph.add_run(byline)
            run.font.color.rgb = RGBColor(0x5C, 0x5C, 0x5C)
    featured = article.featured_photo()
    if featured is not None:
        photos = PhotoLookup.of(article.photos, photo_src, omit_missing=True)
        writer.write(
            parse_fragment(renderer.render_photo(featured, photos, css_class="photo-lead"))
        )


def _write_sign_off(document: Document, article: Article) -> None:
    if _line(article.sign_off):
        run = document.add_paragraph().add_run(_line(article.sign_off))
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(0x5C, 0x5C, 0x5C)


def _line(value: str) -> str:
    """A one-line field as one line of text (the page collapses its white space the same way)."""
    return " ".join(xml_text(value).split())


def _property(value: str) -> str:
    return _line(value)[:MAX_PROPERTY_CHARS]


def _utc(moment: dt.datetime) -> dt.datetime:
    """A naive UTC time, which python-docx writes with a Z (it writes any time's own digits)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.replace(tzinfo=None)


def _set_properties(document: Document, article: Article) -> None:
    language = html_language(article.language)
    properties = document.core_properties
    properties.title = _property(article.headline)
    properties.subject = _property(article.dek)
    properties.author = _property("; ".join(n.strip() for n in article.byline if n.strip()))
    properties.keywords = _property(", ".join(t.strip() for t in article.tags if t.strip()))
    properties.category = _property(article.section)
    properties.identifier = _property(article.slug)
    properties.language = language
    properties.comments = ""  # the template's "generated by" note; never the editor's note
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = _utc(article.created)
    properties.modified = _utc(article.modified)
    _set_proofing_language(document, language)
    _drop_template_thumbnail(document)


def _set_proofing_language(document: Document, language: str) -> None:
    """The language Word checks spelling in: the default of every run."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), language)
    # Arabic, Hebrew and the like are "complex script" text to Word, with a language of their own.
    if language_direction(language) == "rtl":
        lang.set(qn("w:bidi"), language)
    # Chinese, Japanese and Korean text is East Asian text to Word.
    if language.split("-")[0].lower() in {"zh", "ja", "ko"}:
        lang.set(qn("w:eastAsia"), language)


def _drop_template_thumbnail(document: Document) -> None:
    # The template ships a picture of a blank page, which file browsers would show as ours.
    relationships = document.part.package.rels
    for relationship_id, relationship in list(relationships.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del relationships[relationship_id]


def normalised_zip(data: bytes, modified: dt.datetime) -> bytes:
    """The same package with entries sorted by name, each stamped with ``modified`` (UTC).

    Sorting puts ``[Content_Types].xml`` first, where some readers look for it.
    """
    if modified.tzinfo is not None:
        modified = modified.astimezone(dt.UTC)
    else:
        modified = modified.replace(tzinfo=dt.UTC)
    moment = max(modified, _ZIP_EPOCH)
    stamp = (min(moment.year, 2107), moment.month, moment.day, moment.hour, moment.minute,
             moment.second)  # fmt: skip
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in sorted(source.namelist()):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, with ordinary file permissions
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(name), compresslevel=6)
    return out.getvalue()
