"""Spelling in the window: wavy red underlines in the body, headline and dek, and in the Photos
pane's caption and alt text, and a context menu with suggestions, "Add to Dictionary" and
"Ignore".

Enchant never runs on the GUI thread. After the reporter pauses, one pass checks the whole body
and the four fields (those of the photo the pane shows) in the worker, with the same language
and the same accepted names as the spelling check, and returns the misspellings of each source
line keyed by the line's text; the highlighter underlines a block from that table, so a result
stays right for every line not edited since, and only blocks whose underlines changed are
redrawn. While a line is being typed in, its underlines move with the text around the edit
until the next pass (``editor.ui.widgets.spelling_underlines`` draws them). Suggestions are
fetched in the worker when a menu first asks for a word, then cached
(``editor.ui.controllers.spelling_service``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from editor.model.article import Article
from editor.spelling import body_misspellings
from editor.spelling.names import (
    followed_by_name,
    is_capitalised,
    name_form,
    read_as_names,
    starts_sentence,
    story_names,
)
from editor.text.body_scan import scan_body
from editor.ui.controllers.debounce import DebouncedJob
from editor.ui.controllers.spelling_service import SUGGESTIONS, SpellingService
from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.photos import PhotosPane
from editor.ui.widgets.spelling_underlines import (
    LineEditSpelling,
    Span,
    spans_by_line,
    spelling_highlighter,
)

logger = logging.getLogger(__name__)

SPELLING_DELAY_MS = 400  # after the last edit
NAME_FIELDS = ("byline", "dateline.place", "dateline.country")  # the story's own names
# The fields underlined besides the body: the article's, then the shown photo's.
ARTICLE_FIELDS = ("headline", "dek")
PHOTO_FIELDS = ("caption", "alt")


# --- the pass ----------------------------------------------------------------------------------


@dataclass
class SpellingPass:
    language: str
    available: bool
    body: str = ""
    body_table: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    body_lines: frozenset = frozenset()
    fields: dict[str, tuple[str, tuple[Span, ...]]] = field(default_factory=dict)
    # Words underlined as names: capitalised where a name goes (editor/spelling/names.py).
    names: frozenset[str] = frozenset()


def name_words(texts: dict[str, tuple[Span, ...]]) -> frozenset[str]:
    """The unknown words of ``texts`` (each text, as the Checks read it: its misspellings)
    that read as names, by the Checks' rule (``editor.spelling.names.read_as_names``)."""
    found = [
        (text, word, not starts_sentence(text, start), followed_by_name(text, end))
        for text, spans in texts.items()
        for start, end, word in spans
        if is_capitalised(word)
    ]
    names = read_as_names([(word, mid, leads) for _text, word, mid, leads in found])
    return frozenset(item[1] for item, name in zip(found, names, strict=True) if name)


def spelling_pass(
    service: SpellingService,
    language: str,
    body: str,
    fields: dict[str, str],
    ignored: frozenset[str] = frozenset(),
    names: frozenset[str] = frozenset(),
) -> SpellingPass:
    """Run in the worker: the misspellings of the body and of the text fields. The words of
    ``names`` (``editor.spelling.names.story_names``: the byline, dateline, photo captions and
    credits) are the story's own names and are accepted, as the spelling check accepts them."""
    speller = service.speller(language)
    if speller is None:
        return SpellingPass(language, available=False, body=body)
    for word in ignored:
        speller.ignore(word)

    def own(word: str) -> bool:
        return word in names or name_form(word) in names

    def misspelled(text: str) -> tuple[Span, ...]:
        found = speller.misspellings(text)
        return tuple((start, end, word) for start, end, word in found if not own(word))

    # The Checks tab's spelling check asks the same cache for the same revision, so the body
    # is spell-checked once per revision whichever of the two runs first.
    body_spans = tuple(span for span in body_misspellings(body, speller) if not own(span[2]))
    field_spans = {name: misspelled(text) for name, text in fields.items()}
    table, lines = spans_by_line(body, list(body_spans))
    # The headline is left out: in title case, capitals say nothing of names.
    prose = {scan_body(body).prose: body_spans} | {
        text: field_spans[name] for name, text in fields.items() if name != "headline"
    }
    return SpellingPass(
        language,
        available=True,
        body=body,
        body_table=table,
        body_lines=lines,
        fields={name: (fields[name], field_spans[name]) for name in fields},
        names=name_words(prose),
    )


class SpellingController(QObject):
    """Keeps the underlines of the body, headline, dek, photo caption and alt text up to date,
    and owns their menus."""

    passDone = Signal()  # a pass's result was applied (for tests and tools)

    def __init__(
        self,
        document: ArticleDocument,
        body: BodyPane,
        fields: FieldsPane,
        photos: PhotosPane,
        service: SpellingService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("spelling_controller")
        self.document = document
        self.body_edit = body
        self.service = service
        self.body = spelling_highlighter(body.document(), service.accepts)
        self.dek = spelling_highlighter(fields.dek.document(), service.accepts)
        self.headline = LineEditSpelling(fields.headline, service.accepts)
        self.photos = photos
        self.caption = spelling_highlighter(photos.caption.document(), service.accepts)
        self.alt = spelling_highlighter(photos.alt.document(), service.accepts)
        self._highlighters = {
            body: self.body,
            fields.dek: self.dek,
            photos.caption: self.caption,
            photos.alt: self.alt,
        }
        self.language = document.article.language
        self.enabled = True  # Preferences > Writing > Check spelling as you type
        self.last_menu: QMenu | None = None
        self._job = DebouncedJob(
            self,
            SPELLING_DELAY_MS,
            self._prepare,
            self._apply,
            self._failed,
            logger=logger,
            what="The spelling pass",
            first_frame_of=body,
        )
        document.bodyChanged.connect(lambda: self._job.schedule())
        document.fieldChanged.connect(self._field_changed)
        document.replaced.connect(self._replaced)
        # A caption or credit names people and places; another photo shown: its two fields.
        document.photoChanged.connect(lambda _id: self._job.schedule())
        document.photosChanged.connect(lambda: self._job.schedule())
        photos.list.currentItemChanged.connect(lambda *_: self._job.schedule(0))
        self.service.accepted.connect(self._accepted)
        self.service.personalChanged.connect(lambda: self._job.schedule(0))
        edits: tuple[QWidget, ...] = (body, fields.dek, fields.headline, photos.caption, photos.alt)
        for edit in edits:
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            edit.customContextMenuRequested.connect(lambda pos, e=edit: self._show_menu(e, pos))
        self._job.schedule(0)

    # --- scheduling ----------------------------------------------------------------------------

    def _field_changed(self, name: str) -> None:
        if name in NAME_FIELDS or name in ("language", "headline", "dek"):
            self._job.schedule()

    def _replaced(self) -> None:
        self._job.schedule(0)

    @property
    def idle(self) -> bool:
        """No spelling pass running or waiting to run."""
        return self._job.idle

    def set_enabled(self, enabled: bool) -> None:
        """Underline misspellings as the reporter types, or not (the Checks tab still lists
        them): switched off, the next pass clears the underlines and checks nothing."""
        if enabled != self.enabled:
            self.enabled = enabled
            self._job.schedule(0)

    def _field_texts(self, article: Article) -> dict[str, str]:
        """The texts of the underlined fields as shown: the article's, and the shown photo's."""
        texts = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        texts["caption"] = self.photos.caption.toPlainText()
        texts["alt"] = self.photos.alt.toPlainText()
        return texts

    def _prepare(self) -> Callable[[], SpellingPass]:
        article = self.document.article
        language = article.language
        body, fields = article.body, self._field_texts(article)
        if not self.enabled:  # shown as for a language without a dictionary: no underlines
            return lambda: SpellingPass(language, available=False, body=body)
        ignored = self.service.ignored_words()
        names = story_names(article)
        service = self.service
        return lambda: spelling_pass(service, language, body, fields, ignored, names)

    def _apply(self, result: SpellingPass) -> None:
        current = self.document.article
        if result.language != current.language:
            self._job.schedule(0)
            return
        self.language = result.language
        fields = {"dek": self.dek, "caption": self.caption, "alt": self.alt}
        if not result.available:  # no dictionary for this language: no underlines
            self.body.clear()
            self.headline.clear()
            for highlighter in fields.values():
                highlighter.clear()
        else:
            self.body.set_result(result.body_table, result.body_lines, result.names)
            for name, highlighter in fields.items():
                text, spans = result.fields[name]
                highlighter.set_result(*spans_by_line(text, list(spans)), result.names)
            self.headline.set_result(*result.fields["headline"])
        stale = result.body is not current.body and result.body != current.body
        shown = self._field_texts(current)
        stale = stale or any(shown[name] != text for name, (text, _spans) in result.fields.items())
        if stale:
            self._job.schedule_unless_waiting()
        self.passDone.emit()

    def _failed(self, _message: str) -> None:
        """The failure is logged with its traceback where it happened (see ``DebouncedJob``);
        the underlines stay as they are, and the next edit schedules another pass."""

    def _accepted(self, word: str) -> None:
        for highlighter in self._highlighters.values():
            highlighter.redraw_word(word)
        self.headline.redraw()

    # --- the context menu ----------------------------------------------------------------------

    def _show_menu(self, edit: QWidget, pos: QPoint) -> None:
        menu = self.menu_for(edit, pos)
        target = edit.viewport() if isinstance(edit, QPlainTextEdit) else edit
        menu.popup(target.mapToGlobal(pos))

    def menu_for(self, edit: QWidget, pos: QPoint) -> QMenu:
        """The context menu at ``pos`` (viewport coordinates for the text editors): spelling
        entries for a misspelled word, then the standard entries."""
        if isinstance(edit, QPlainTextEdit):
            position = edit.cursorForPosition(pos).position()
            highlighter = self._highlighters[edit]
            span = highlighter.span_at(position)
            menu = edit.createStandardContextMenu(pos)
        else:
            assert isinstance(edit, QLineEdit)
            span = self.headline.span_at(edit.cursorPositionAt(pos))
            menu = edit.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if span is not None:
            self._add_spelling_entries(menu, edit, span)
        self.last_menu = menu
        return menu

    def _add_spelling_entries(self, menu: QMenu, edit: QWidget, span: Span) -> None:
        start, end, word = span
        before = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []
        placeholder = QAction(
            QCoreApplication.translate("SpellingController", "Looking for suggestions…"), menu
        )
        placeholder.setEnabled(False)
        entries.append(placeholder)

        def show(suggestions: list[str]) -> None:
            if not _alive(menu) or not _alive(placeholder):
                return
            if not suggestions:
                placeholder.setText(
                    QCoreApplication.translate("SpellingController", "No suggestions")
                )
                return
            for suggestion in suggestions[:SUGGESTIONS]:
                action = QAction(suggestion, menu)
                action.setObjectName("spelling_suggestion")
                action.triggered.connect(
                    lambda _=False, s=suggestion: self.replace(edit, start, end, word, s)
                )
                menu.insertAction(placeholder, action)
            menu.removeAction(placeholder)
            placeholder.deleteLater()

        add = QAction(
            QCoreApplication.translate("SpellingController", "Add “{word}” to Dictionary").format(
                word=word
            ),
            menu,
        )
        add.setObjectName("spelling_add")
        add.triggered.connect(lambda: self.service.add_to_dictionary(word))
        ignore = QAction(QCoreApplication.translate("SpellingController", "Ignore"), menu)
        ignore.setObjectName("spelling_ignore")
        ignore.triggered.connect(lambda: self.service.ignore(word))
        separator = QAction(menu)
        separator.setSeparator(True)
        entries += [add, ignore, separator]
        if before is None:
            menu.addActions(entries)
        else:
            menu.insertActions(before, entries)
        cached = self.service.cached_suggestions(self.language, word)
        if cached is not None:
            show(cached)
        else:
            self.service.fetch_suggestions(self.language, word, show)

    def replace(self, edit: QWidget, start: int, end: int, word: str, suggestion: str) -> None:
        """Put ``suggestion`` in place of the word, as one undo step (if it is still there)."""
        if isinstance(edit, QPlainTextEdit):
            cursor = QTextCursor(edit.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText() != word:
                return
            cursor.insertText(suggestion)
            edit.setTextCursor(cursor)
        elif isinstance(edit, QLineEdit):
            if edit.text()[start:end] != word:
                return
            edit.setSelection(start, end - start)
            edit.insert(suggestion)


def _alive(obj: QObject) -> bool:
    return shiboken6.isValid(obj)
