"""The ``pdf`` format: a print proof of the published page, with page numbers.

The standalone page of the ``html`` export (photos embedded) is printed by Qt WebEngine, the
browser engine the preview uses, so the proof shows what readers see, in the article
stylesheet's print rules plus ``print.css``, the print layout the preview's Print mode shows
too (``editor.render.print_layout``). Paper is A4 or US Letter by the article's language
(``editor.export.paper``). Page numbers ("Page 2 of 5") and the slug are CSS page-margin boxes
(``@page { @bottom-center { ... } }``), which Chromium's print path draws since version 131
(Qt WebEngine 6.11 is Chromium 140); no second pass over the PDF is needed.

Chromium stamps the PDF with the time of printing (its only varying bytes); those dates are
replaced by the article's modified time, keeping every offset, so the same article on the same
machine gives the same bytes. Fonts come from the system, so other machines may differ.

Threads: Qt is imported only inside ``render``. From the GUI thread it runs a local event loop;
from any other thread it hands the printing to the GUI thread and waits (the GUI thread's event
loop must be running); with no application (the command line) it makes an offscreen one. See
``editor.printing.web_pdf``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from editor.export.base import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    check_export_target,
    write_export_file,
)
from editor.export.html import HtmlExporter
from editor.export.paper import paper_for_language
from editor.export.pdf_info import DocumentInfo, with_document_info
from editor.export.wxr import utc
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.render import print_layout
from editor.render.page import html_language
from editor.text.direction import article_direction

logger = logging.getLogger(__name__)

# Millimetres: the top and bottom margins hold the slug and the page number.
MARGINS_MM = {"top": 20.0, "right": 18.0, "bottom": 20.0, "left": 18.0}
# The slug line shows at most this many characters of a long slug or headline.
MAX_RUNNING_HEAD_CHARS = 80

# "Page 2 of 5" in the languages the desk files in; other languages get "2 / 5".
_PAGE_LABELS = {
    "en": ("Page ", " of "),
    "es": ("Página ", " de "),
    "pt": ("Página ", " de "),
    "fr": ("Page ", " sur "),
    "it": ("Pagina ", " di "),
    "de": ("Seite ", " von "),
    "ca": ("Pàgina ", " de "),
    "ar": ("صفحة ", " من "),
    "fa": ("صفحه ", " از "),
    "he": ("עמוד ", " מתוך "),
}
_PDF_DATE_RE = re.compile(rb"/(CreationDate|ModDate) \((D:[0-9]{14}[^)]{0,12})\)")
# Characters CSS strings cannot hold even escaped (controls, surrogates).
_NOT_CSS_RE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


class PdfExporter:
    name = "pdf"
    description = "Print proof (.pdf): the page on A4 or Letter, photos and page numbers"
    extension = ".pdf"

    def __init__(self) -> None:
        self._html = HtmlExporter()

    def print_page(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> str:
        """The standalone page with the print stylesheet and page furniture added."""
        page = self._html.render(article, media, options)
        try:
            print_css = print_layout.read_print_css()
        except OSError as error:
            raise ExportError(f"cannot read the print stylesheet: {error}") from error
        css = f"{print_css}\n{page_furniture_css(article)}".replace("</", "<\\/")
        # The page's head is ours and comes first: its first "</head>" is the real one.
        return page.replace("</head>", f"<style>\n{css}\n</style>\n</head>", 1)

    def render(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> bytes:
        """The PDF's bytes, without writing them."""
        options = options or ExportOptions()
        page = self.print_page(article, media, options)
        options.check_cancelled()
        # Qt: only when printing.
        from editor.printing.errors import PrintCancelled, PrintError
        from editor.printing.web_pdf import PrintLayout, print_to_pdf

        paper = paper_for_language(article.language)
        layout = PrintLayout(
            paper.name,
            paper.width_mm,
            paper.height_mm,
            MARGINS_MM["top"],
            MARGINS_MM["right"],
            MARGINS_MM["bottom"],
            MARGINS_MM["left"],
        )
        try:
            pdf = print_to_pdf(page, layout, cancelled=options.cancelled)
        except PrintCancelled:
            raise ExportCancelled("export cancelled") from None
        except PrintError as error:
            logger.debug("printing failed", exc_info=True)
            raise ExportError(str(error)) from error
        options.check_cancelled()  # a cancel that came as the last page was printing
        return with_document_info(with_fixed_dates(pdf, article.modified), document_info(article))

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        check_export_target(out_path)  # before the work, which can take long
        write_export_file(out_path, self.render(article, media, options))


def document_info(article: Article) -> DocumentInfo:
    """What a PDF reader lists: the headline, the byline's names, the dek, the tags and the
    story's language."""
    return DocumentInfo(
        title=" ".join(article.headline.split()),
        author=", ".join(name.strip() for name in article.byline if name.strip()),
        subject=" ".join(article.dek.split()),
        keywords=", ".join(tag.strip() for tag in article.tags if tag.strip()),
        language=html_language(article.language),
    )


def css_string(value: str) -> str:
    """``value`` as a CSS string literal: every character but letters, digits and spaces is
    escaped, so no field can end the string or the rule."""
    value = _NOT_CSS_RE.sub("", value)
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):06x}" for char in value
    )
    return f'"{escaped}"'


def _running_head(article: Article) -> str:
    text = " ".join((article.slug or article.headline).split())
    if len(text) > MAX_RUNNING_HEAD_CHARS:
        text = text[: MAX_RUNNING_HEAD_CHARS - 1].rstrip() + "…"
    return text


def page_furniture_css(article: Article) -> str:
    """The ``@page`` rule with the slug (top left), the version (top right) and page numbers."""
    language = html_language(article.language).split("-")[0].lower()
    before, between = _PAGE_LABELS.get(language, ("", " / "))
    modified = utc(article.modified).strftime("%Y-%m-%d %H:%M UTC")
    # A right-to-left page would show a bare "2 / 5" as "5 / 2": the numbers keep their order.
    rtl = article_direction(article) == "rtl"
    bare_numbers = " direction: ltr;" if not before and rtl else ""
    # So would the version's "2026-12-07 15:03 UTC": "UTC 15:03 2026-12-07".
    version_direction = " direction: ltr;" if rtl else ""
    return (
        "@page {\n"
        f"  @top-left {{ content: {css_string(_running_head(article))}; }}\n"
        f"  @top-right {{ content: {css_string(modified)};{version_direction} }}\n"
        f"  @bottom-center {{ content: {css_string(before)} counter(page) "
        f"{css_string(between)} counter(pages);{bare_numbers} }}\n"
        "}\n"
    )


def with_fixed_dates(pdf: bytes, modified: dt.datetime) -> bytes:
    """``pdf`` with its creation and modification dates set to ``modified``.

    The new date is written only where it has the same length as the old one, so every byte
    offset in the file (its cross-reference table) stays right.
    """
    stamp = utc(modified).strftime("D:%Y%m%d%H%M%S+00'00'").encode("ascii")

    def replace(match: re.Match[bytes]) -> bytes:
        if len(match.group(2)) != len(stamp):
            return match.group(0)
        return b"/" + match.group(1) + b" (" + stamp + b")"

    return _PDF_DATE_RE.sub(replace, pdf)
