"""Formatted copy pasted into the body, and a whole story from the clipboard.

Word, Google Docs and browsers put HTML on the clipboard (most with a plain-text flavour beside
it). Pasted into the body, the HTML goes through the one converter (editor.ingest.paste): its
Markdown goes in at the cursor as one undo step, its pictures become photos of the story (new
ids, one step of Photos ▸ Undo), its first heading fills an empty headline, and the status bar
says what came in and what was left out.

A small paste is converted on the spot (a few milliseconds). A large one, or one with pictures
to decode, is converted in the worker while the body stays read-only, so the position the paste
goes to cannot move; a paste for a story since closed is dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from editor.ui.dialogs.questions import choose_answer
from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.fields import FieldsPane
from editor.ui.worker import run_in_background

if TYPE_CHECKING:
    from editor.ingest.paste import PastedHtml
    from editor.ingest.result import ImportResult

logger = logging.getLogger(__name__)

_PICTURE_RE = re.compile(r"<img\b", re.I)
_PLACED_RE = re.compile(r"!\[\]\(photo:([^)\s]+)\)")
_FOOTNOTE_LABEL_RE = re.compile(r"(?<!\\)\[\^([^\]\s\\]+)\]")
# Markdown that must start a line of its own: a heading, quote, list, table or photo.
_BLOCK_START_RE = re.compile(r"#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\||!\[")

TAKE_LOCAL_PICTURES = "Take them too"
LEAVE_LOCAL_PICTURES = "Leave them out"


def _answer_labels() -> dict[str, str]:
    """The buttons' texts for the answers above (which stay the code's names for them)."""
    return {
        TAKE_LOCAL_PICTURES: QCoreApplication.translate("PasteController", "Take them too"),
        LEAVE_LOCAL_PICTURES: QCoreApplication.translate("PasteController", "Leave them out"),
    }


class PasteController(QObject):
    """Converts HTML pasted into the body; fills a new story from the clipboard."""

    def __init__(
        self,
        document: ArticleDocument,
        body: BodyPane,
        fields: FieldsPane,
        show_status: Callable[[str, int], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.document = document
        self.body = body
        self.fields = fields
        self.show_status = show_status
        self.window = window
        self.converting = False
        body.htmlPasted.connect(self.paste_html)

    # --- pasting into the body --------------------------------------------------------------------

    def paste_html(self, html: str, text: str, position: int) -> None:
        """Paste ``html`` (``text`` is the clipboard's plain flavour) at ``position``."""
        if self._busy():
            return
        self._convert(html, text, position, allow_outside=False)

    def paste_plain_text(self) -> None:
        """Edit > Paste as Plain Text in the body: the clipboard's text, or the visible text
        of its HTML when it holds nothing else (converted in the worker when large)."""
        from editor.ui.widgets.pasting import mime_text

        source = QGuiApplication.clipboard().mimeData()
        if source is None or self.body.isReadOnly() or self._busy():
            return
        position = self.body.textCursor().position()
        if source.hasText() or not source.hasHtml() or _quick(source.html()):
            text = mime_text(source)
            if text:
                self.body.insert_pasted(text, position)
            return
        from editor.ingest.pasted_text import html_plain_text

        html = source.html()
        self._in_worker(
            lambda: html_plain_text(html),
            lambda text: self.body.insert_pasted(text, position) if text else None,
        )

    def _busy(self) -> bool:
        if self.converting:
            self.show_status(
                QCoreApplication.translate("PasteController", "Still converting the last paste…"),
                4000,
            )
        return self.converting

    def _convert(self, html: str, text: str, position: int, *, allow_outside: bool) -> None:
        from editor.ingest.paste import paste_html

        if _quick(html):
            self._pasted(paste_html(html, allow_outside=allow_outside), html, text, position)
            return
        self._in_worker(
            lambda: paste_html(html, allow_outside=allow_outside),
            lambda pasted: self._pasted(pasted, html, text, position, allow_outside=allow_outside),
        )

    def _in_worker(self, work: Callable[[], Any], use: Callable[[Any], None]) -> None:
        """Convert in the worker with the body read-only (the paste's position cannot move),
        then ``use`` the result on the GUI thread, unless another story is open by then."""
        document, body = self.document, self.body
        generation = document.article
        was_read_only = body.isReadOnly()
        body.setReadOnly(True)
        self.converting = True
        self.show_status(QCoreApplication.translate("PasteController", "Converting the paste…"), 0)

        def finish() -> bool:
            self.converting = False
            body.setReadOnly(was_read_only)
            if document.article is not generation:
                self.show_status(
                    QCoreApplication.translate(
                        "PasteController", "The paste was dropped: another story is open now"
                    ),
                    6000,
                )
                return False
            return True

        def done(result: Any) -> None:
            if finish():
                use(result)

        def failed(message: str) -> None:
            if finish():
                self.show_status(
                    QCoreApplication.translate(
                        "PasteController", "Could not paste: {message}"
                    ).format(message=message),
                    10000,
                )

        run_in_background(work, done, failed, self, logger=logger, what="Converting a paste")

    def _pasted(
        self,
        pasted: PastedHtml,
        html: str,
        text: str,
        position: int,
        *,
        allow_outside: bool = False,
    ) -> None:
        result = pasted.result
        if result.outside and not allow_outside:
            answer = self._ask_local_pictures(result.outside)
            if answer is None:
                self.show_status(
                    QCoreApplication.translate("PasteController", "Paste cancelled"), 4000
                )
            elif answer == TAKE_LOCAL_PICTURES:
                self._convert(html, text, position, allow_outside=True)
            else:
                self._insert(pasted, text, position)
            return
        self._insert(pasted, text, position)

    def _insert(self, pasted: PastedHtml, text: str, position: int) -> None:
        from editor.ingest.markdown_inline import escape_line_start, escape_text

        result, conversion = pasted.result, pasted.conversion
        article = result.article
        if conversion.dropped.get("too large"):
            self.show_status(pasted.summary, 10000)
            return
        if not (article.body.strip() or article.headline or article.photos):
            # Nothing the converter could read (an empty fragment, a lone style sheet): the
            # plain flavour, when there is one, is still what the reporter copied.
            if text:
                self.body.insert_pasted(text, position)
                self.show_status(
                    QCoreApplication.translate(
                        "PasteController", "Pasted the text without its formatting"
                    ),
                    6000,
                )
            else:
                self.show_status(pasted.summary, 6000)
            return
        markdown = _with_free_footnote_labels(article.body, self.document.article.body)
        ids = self.document.add_photos_from(article.photos, result.media)
        markdown = _PLACED_RE.sub(
            lambda found: f"![](photo:{ids.get(found[1], found[1])})", markdown
        )
        summary = pasted.summary
        if article.headline:
            if not self.document.article.headline.strip():
                self.fields.headline.setText(article.headline)
            else:
                # The story has its headline: the pasted one stays in the body, as a subhead.
                heading = "## " + escape_line_start(escape_text(article.headline))
                markdown = f"{heading}\n\n{markdown}" if markdown.strip() else heading
                summary = summary.replace("the headline", "a subhead", 1)
        as_block = "\n" in markdown.strip() or bool(_BLOCK_START_RE.match(markdown))
        self.body.insert_pasted(markdown, position, as_block=as_block)
        # The pasted photos came in as one step of the photo undo ("Paste 2 photos"), which
        # the Photos menu names; the status line stays the one the reporter reads.
        self.show_status(summary, 10000)

    def _ask_local_pictures(self, outside: list[str]) -> str | None:
        """Pasted HTML can name any picture on this disk (a page's hidden <img src="file:...">
        could take an ID scan into the story): only the reporter can say it was meant."""
        count = len(outside)
        listed = "\n".join(f"  {source}" for source in outside[:8])
        more = (
            "\n  "
            + QCoreApplication.translate("PasteController", "and {count} more").format(
                count=count - 8
            )
            if count > 8
            else ""
        )
        return choose_answer(
            self.window,
            QCoreApplication.translate("PasteController", "Pictures from this computer"),
            QCoreApplication.translate(
                "PasteController",
                "The paste names %n picture file(s) on this computer:\n{listed}\n\n"
                "Take them into the story too? They may be private files, and their location"
                " data travels with the stored originals.",
                None,
                count,
            ).format(listed=listed + more),
            (LEAVE_LOCAL_PICTURES, TAKE_LOCAL_PICTURES),
            _answer_labels(),
        )

    # --- a new story -----------------------------------------------------------------------------

    def new_story_from_clipboard(self) -> bool:
        """Fill a new, unsaved story from the clipboard (the caller has asked to save first)."""
        from editor.ingest import IngestError
        from editor.ingest.clipboard_story import story_from_clipboard
        from editor.ui.controllers.story_import import story_in_background
        from editor.ui.dialogs.questions import refuse

        source = QGuiApplication.clipboard().mimeData()
        html = source.html() if source is not None and source.hasHtml() else ""
        text = source.text() if source is not None and source.hasText() else ""

        def work() -> ImportResult | IngestError:
            try:
                return story_from_clipboard(html=html, text=text)
            except IngestError as error:
                return error

        try:
            if _quick(html) and _quick(text):
                outcome = work()
                if isinstance(outcome, IngestError):
                    raise outcome
                result = outcome
            else:
                result = story_in_background(
                    self.window,
                    work,
                    "Importing the clipboard",
                    QCoreApplication.translate("PasteController", "The clipboard's story"),
                )
        except IngestError as error:
            refuse(
                self.window,
                QCoreApplication.translate("PasteController", "Cannot make a story"),
                str(error),
            )
            return False
        self.document.replace(result.article, result.media, None)
        self.document.mark_imported()
        note = QCoreApplication.translate("PasteController", "New story from the clipboard")
        if result.warnings:
            count = len(result.warnings)  # lupdate reads a plural's count only as a plain name
            note += QCoreApplication.translate(
                "PasteController", " — %n warning(s): {warnings}", None, count
            ).format(warnings="; ".join(result.warnings[:3]))
        self.show_status(note, 10000)
        return True


def _with_free_footnote_labels(pasted: str, body: str) -> str:
    """``pasted`` with each footnote label the body already uses renumbered to a free one: the
    paste's "[^1]" must not point at the story's own first note."""
    taken = set(_FOOTNOTE_LABEL_RE.findall(body))
    labels = dict.fromkeys(_FOOTNOTE_LABEL_RE.findall(pasted))
    if not taken & labels.keys():
        return pasted
    in_use = taken | labels.keys()
    renamed: dict[str, str] = {}
    number = 1
    for label in labels:
        if label not in taken:
            continue
        while str(number) in in_use:
            number += 1
        renamed[label] = str(number)
        in_use.add(str(number))
    return _FOOTNOTE_LABEL_RE.sub(lambda found: f"[^{renamed.get(found[1], found[1])}]", pasted)


def _quick(html: str) -> bool:
    """Whether converting ``html`` is quick enough for the GUI thread: small, and without
    pictures to decode (editor.ingest.html_markdown measures the size)."""
    from editor.ingest.html_markdown import OFF_THREAD_CHARS

    return len(html) <= OFF_THREAD_CHARS and not _PICTURE_RE.search(html)
