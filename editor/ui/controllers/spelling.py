"""Spelling in the window: wavy red underlines in the body, headline and dek, and a context menu
with suggestions, "Add to Dictionary" and "Ignore".

Enchant never runs on the GUI thread. After the reporter pauses, one pass checks the whole body
(and the two fields) in the worker and returns the misspellings of each source line keyed by
the line's text; the highlighter underlines a block from that table, so a result stays right
for every line not edited since, and only blocks whose underlines changed are redrawn. While a
line is being typed in, its underlines move with the text around the edit until the next pass.
Suggestions are fetched in the worker when a menu first asks for a word, then cached.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextBlockUserData,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from editor.spelling import PersonalDictionary, Speller, speller_for, words
from editor.spelling.personal import default_personal_path
from editor.ui.tools.debounce import DebouncedJob
from editor.ui.worker import run_in_background

SPELLING_DELAY_MS = 400  # after the last edit
SUGGESTIONS = 6
SWEEP_SLICE_S = 0.004  # GUI time per event-loop turn spent redrawing a new pass's underlines
NAME_FIELDS = ("byline", "dateline.place", "dateline.country")  # the story's own names
MISSPELLED_COLOUR = QColor("#d0021b")

Span = tuple[int, int, str]  # start, end, word: offsets in one line (or one field)


def personal_dictionary_path() -> Path:
    """The reporter's own word list, in the user's data folder: the same file that
    ``dateline check`` reads, so a word added here is known there too."""
    return default_personal_path()


def misspelled_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(MISSPELLED_COLOUR)
    return fmt


def shift_spans(old_text: str, spans: tuple[Span, ...], new_text: str) -> tuple[Span, ...]:
    """Carry ``spans`` of ``old_text`` over to ``new_text`` (one edit apart): spans before the
    edit stay, spans after it move with the text, a span the edit touched is dropped."""
    if not spans or old_text == new_text:
        return spans if old_text == new_text else ()
    prefix = 0
    limit = min(len(old_text), len(new_text))
    while prefix < limit and old_text[prefix] == new_text[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and old_text[len(old_text) - 1 - suffix] == new_text[len(new_text) - 1 - suffix]
    ):
        suffix += 1
    old_edit_end = len(old_text) - suffix
    delta = len(new_text) - len(old_text)

    def apart(position: int) -> bool:  # no letter of the new text touches the word there
        return not (0 <= position < len(new_text) and _is_word_char(new_text[position]))

    kept: list[Span] = []
    for start, end, word in spans:
        if end <= prefix and (end < prefix or apart(end)):
            kept.append((start, end, word))
        elif start >= old_edit_end and (start > old_edit_end or apart(start + delta - 1)):
            kept.append((start + delta, end + delta, word))
    return tuple(kept)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "'’-_"


def spans_by_line(text: str, spans: list[Span]) -> tuple[dict[str, tuple[Span, ...]], frozenset]:
    """Whole-text misspellings as per-line spans keyed by the line's text (plus every line)."""
    lines = text.split("\n")
    starts = []
    position = 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    by_line: dict[str, list[Span]] = {}
    index = 0
    for start, end, word in sorted(spans):
        while index + 1 < len(starts) and starts[index + 1] <= start:
            index += 1
        offset = starts[index]
        by_line.setdefault(lines[index], []).append((start - offset, end - offset, word))
    table = {line: tuple(dict.fromkeys(found)) for line, found in by_line.items()}
    return table, frozenset(lines)


# --- the shared service ------------------------------------------------------------------------


class SpellingService(QObject):
    """One per window: the personal dictionary, the words accepted this session, and the
    suggestions seen so far. The spellers are thread-safe and shared; checking and suggesting
    run in the worker."""

    accepted = Signal(str)  # a word is now right: ignored or added to the dictionary
    personalChanged = Signal()  # another word list file is in use: check everything again

    def __init__(self, parent: QObject | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spelling_service")
        self.personal = PersonalDictionary(path or personal_dictionary_path())
        self._suggestions: dict[tuple[str, str], list[str]] = {}
        self._fetching: dict[tuple[str, str], list[Callable[[list[str]], None]]] = {}
        self.skip: set[str] = set()  # accepted this session (ignored or added)
        self.ignored: set[str] = set()  # for the spellers too, at their next pass

    def set_personal_path(self, path: Path) -> None:
        """Use the word list at ``path`` from now on."""
        self.personal = PersonalDictionary(path)
        self.skip = set(self.ignored)  # words added to the old list are not in this one
        self.personalChanged.emit()

    def speller(self, language: str) -> Speller | None:
        """The article language's speller with this personal dictionary (None: no dictionary
        installed). The first call for a language loads its dictionary: call it in the worker."""
        return speller_for(language, personal=self.personal)

    def ignored_words(self) -> frozenset[str]:
        return frozenset(self.ignored)

    def accepts(self, word: str) -> bool:
        return word in self.skip or word.lower() in self.skip

    def ignore(self, word: str) -> None:
        """Accept ``word`` for this session."""
        self.skip.add(word)
        self.ignored.add(word)
        self.accepted.emit(word)

    def add_to_dictionary(self, word: str) -> None:
        """Accept ``word`` from now on: it goes into the personal word list on disk."""
        self.personal.add(word)
        self.skip.add(word)
        self.accepted.emit(word)

    def cached_suggestions(self, language: str, word: str) -> list[str] | None:
        return self._suggestions.get((language, word))

    def fetch_suggestions(
        self, language: str, word: str, on_done: Callable[[list[str]], None]
    ) -> None:
        """Suggestions for ``word``, from the worker; ``on_done`` runs on the GUI thread."""
        key = (language, word)
        if key in self._suggestions:
            on_done(self._suggestions[key])
            return
        waiting = self._fetching.setdefault(key, [])
        waiting.append(on_done)
        if len(waiting) > 1:
            return

        def work() -> list[str]:
            speller = self.speller(language)
            return list(speller.suggest(word, limit=SUGGESTIONS)) if speller else []

        def done(found: list[str]) -> None:
            self._suggestions[key] = found
            for callback in self._fetching.pop(key, []):
                callback(found)

        run_in_background(work, done, lambda _m: done([]), context=self)


def spelling_service(window: QWidget) -> SpellingService:
    """The window's spelling service, made on first use (the checks panel shares it)."""
    service = window.findChild(SpellingService, "spelling_service")
    if service is None:
        service = SpellingService(window)
    return service


# --- underlines in a QTextDocument (body, dek) -------------------------------------------------


class _BlockSpelling(QTextBlockUserData):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.spans: tuple[Span, ...] = ()


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words from the last pass; never calls the speller itself."""

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self._service = service
        self._table: dict[str, tuple[Span, ...]] = {}
        self._checked: frozenset[str] | None = frozenset()
        self._format = misspelled_format()
        self._resume_at = -1  # the block where the sweep of a new result goes on, or -1
        self._sweep_timer = QTimer(self)
        self._sweep_timer.setSingleShot(True)
        self._sweep_timer.timeout.connect(self._sweep)

    def highlightBlock(self, text: str) -> None:
        data = self.currentBlockUserData()
        if not isinstance(data, _BlockSpelling):
            data = _BlockSpelling()
            self.setCurrentBlockUserData(data)
        if self._checked is None or text in self._checked:
            spans = self._table.get(text, ())
        else:
            spans = shift_spans(data.text, data.spans, text)
        data.text, data.spans = text, spans
        for start, end, word in spans:
            if not self._service.accepts(word):
                self.setFormat(start, end - start, self._format)

    def set_result(
        self, table: dict[str, tuple[Span, ...]], checked: frozenset[str] | None
    ) -> None:
        """Take a pass's result (``checked`` None: every line, none misspelled) and redraw the
        blocks whose underlines change, a few milliseconds' worth per turn of the event loop so
        that a long story's first pass never freezes the window."""
        self._table, self._checked = table, checked
        self._resume_at = 0
        self._sweep()

    def clear(self) -> None:
        self.set_result({}, None)

    def _sweep(self) -> None:
        table, checked = self._table, self._checked
        deadline = time.perf_counter() + SWEEP_SLICE_S
        block = self.document().findBlockByNumber(max(self._resume_at, 0))
        count = 0
        while block.isValid():
            text = block.text()
            if checked is None or text in checked:
                data = block.userData()
                old = data.spans if isinstance(data, _BlockSpelling) else ()
                if table.get(text, ()) != old:
                    self.rehighlightBlock(block)
            block = block.next()
            count += 1
            if count % 16 == 0 and block.isValid() and time.perf_counter() > deadline:
                self._resume_at = block.blockNumber()
                self._sweep_timer.start(0)
                return
        self._resume_at = -1

    def redraw_word(self, word: str) -> None:
        """A word was accepted: redraw the blocks where it was underlined."""
        block = self.document().firstBlock()
        while block.isValid():
            data = block.userData()
            if isinstance(data, _BlockSpelling) and any(w == word for _s, _e, w in data.spans):
                self.rehighlightBlock(block)
            block = block.next()

    def span_at(self, position: int) -> tuple[int, int, str] | None:
        """The misspelled word at document ``position``: (start, end, word) in the document."""
        block = self.document().findBlock(position)
        data = block.userData()
        if not isinstance(data, _BlockSpelling):
            return None
        inside = position - block.position()
        for start, end, word in data.spans:
            if start <= inside <= end and not self._service.accepts(word):
                return block.position() + start, block.position() + end, word
        return None


# --- underlines in a QLineEdit (headline) ------------------------------------------------------


class LineEditSpelling(QObject):
    """Underlines in a QLineEdit, drawn as input-method text formats (the line edit keeps them
    in its text layout; they are sent again whenever the text changes)."""

    def __init__(self, edit: QLineEdit, service: SpellingService) -> None:
        super().__init__(edit)
        self.edit = edit
        self._service = service
        self._text = edit.text()
        self.spans: tuple[Span, ...] = ()
        self._format = misspelled_format()
        edit.textChanged.connect(self._text_changed)

    def _text_changed(self, text: str) -> None:
        self.spans = shift_spans(self._text, self.spans, text)
        self._text = text
        self._send()

    def set_result(self, text: str, spans: tuple[Span, ...]) -> None:
        if text == self.edit.text():
            self._text, self.spans = text, spans
            self._send()

    def clear(self) -> None:
        self.spans = ()
        self._send()

    def visible_spans(self) -> list[Span]:
        return [span for span in self.spans if not self._service.accepts(span[2])]

    def _send(self) -> None:
        cursor = self.edit.cursorPosition()
        kind = QInputMethodEvent.AttributeType.TextFormat
        attributes = [
            QInputMethodEvent.Attribute(kind, start - cursor, end - start, self._format)
            for start, end, _word in self.visible_spans()
        ]
        QCoreApplication.sendEvent(self.edit, QInputMethodEvent("", attributes))

    def span_at(self, position: int) -> Span | None:
        for start, end, word in self.visible_spans():
            if start <= position <= end:
                return start, end, word
        return None


# --- the pass ----------------------------------------------------------------------------------


@dataclass
class SpellingPass:
    language: str
    available: bool
    body: str = ""
    body_table: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    body_lines: frozenset = frozenset()
    fields: dict[str, tuple[str, tuple[Span, ...]]] = field(default_factory=dict)


def spelling_pass(
    service: SpellingService,
    language: str,
    body: str,
    fields: dict[str, str],
    ignored: frozenset[str] = frozenset(),
    names: tuple[str, ...] = (),
) -> SpellingPass:
    """Run in the worker: the misspellings of the body and of the text fields. The words of
    ``names`` (the byline, the dateline's place and country) are the story's own names and
    are accepted, as the spelling check accepts them."""
    speller = service.speller(language)
    if speller is None:
        return SpellingPass(language, available=False, body=body)
    for word in ignored:
        speller.ignore(word)
    own = {word for text in names for _start, _end, word in words(text)}

    def misspelled(text: str, markdown: bool = False) -> tuple[Span, ...]:
        found = speller.misspellings(text, markdown=markdown)
        return tuple(tuple(span) for span in found if span[2] not in own)

    body_spans = misspelled(body, markdown=True)
    field_spans = {name: misspelled(text) for name, text in fields.items()}
    table, lines = spans_by_line(body, list(body_spans))
    return SpellingPass(
        language,
        available=True,
        body=body,
        body_table=table,
        body_lines=lines,
        fields={name: (fields[name], field_spans[name]) for name in fields},
    )


class SpellingController(QObject):
    """Keeps the underlines of the body, headline and dek up to date, and owns their menus."""

    passDone = Signal()  # a pass's result was applied (for tests and tools)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("spelling_controller")
        self.window = window
        self.service = spelling_service(window)
        document = window.document
        self.body = SpellingHighlighter(window.body.document(), self.service)
        self.dek = SpellingHighlighter(window.fields.dek.document(), self.service)
        self.headline = LineEditSpelling(window.fields.headline, self.service)
        self.language = document.article.language
        self.last_menu: QMenu | None = None
        self._job = DebouncedJob(self, SPELLING_DELAY_MS, self._prepare, self._apply, self._failed)
        document.bodyChanged.connect(lambda: self._job.schedule())
        document.fieldChanged.connect(self._field_changed)
        document.replaced.connect(self._replaced)
        self.service.accepted.connect(self._accepted)
        self.service.personalChanged.connect(lambda: self._job.schedule(0))
        for edit in (window.body, window.fields.dek, window.fields.headline):
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

    def _prepare(self) -> Callable[[], SpellingPass]:
        article = self.window.document.article
        language = article.language
        body, fields = article.body, {"headline": article.headline, "dek": article.dek}
        ignored = self.service.ignored_words()
        names = (*article.byline, article.dateline.place, article.dateline.country)
        service = self.service
        return lambda: spelling_pass(service, language, body, fields, ignored, names)

    def _apply(self, result: SpellingPass) -> None:
        current = self.window.document.article
        if result.language != current.language:
            self._job.schedule(0)
            return
        self.language = result.language
        if not result.available:  # no dictionary for this language: no underlines
            self.body.clear()
            self.dek.clear()
            self.headline.clear()
        else:
            self.body.set_result(result.body_table, result.body_lines)
            dek_text, dek_spans = result.fields["dek"]
            self.dek.set_result(*spans_by_line(dek_text, list(dek_spans)))
            self.headline.set_result(*result.fields["headline"])
        stale = result.body is not current.body and result.body != current.body
        stale = stale or any(
            getattr(current, name) != text for name, (text, _spans) in result.fields.items()
        )
        if stale:
            self._job.schedule_unless_waiting()
        self.passDone.emit()

    def _failed(self, _message: str) -> None:
        pass  # the next edit schedules another pass

    def _accepted(self, word: str) -> None:
        self.body.redraw_word(word)
        self.dek.redraw_word(word)
        self.headline._send()

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
            highlighter = self.body if edit is self.window.body else self.dek
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
        placeholder = QAction("Looking for suggestions…", menu)
        placeholder.setEnabled(False)
        entries.append(placeholder)

        def show(suggestions: list[str]) -> None:
            if not _alive(menu) or not _alive(placeholder):
                return
            if not suggestions:
                placeholder.setText("No suggestions")
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

        add = QAction(f"Add “{word}” to Dictionary", menu)
        add.setObjectName("spelling_add")
        add.triggered.connect(lambda: self.service.add_to_dictionary(word))
        ignore = QAction("Ignore", menu)
        ignore.setObjectName("spelling_ignore")
        ignore.triggered.connect(lambda: self.service.ignore(word))
        separator = QAction(menu)
        separator.setSeparator(True)
        entries += [add, ignore, separator]
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
    import shiboken6

    return shiboken6.isValid(obj)


def install_spelling(window: Any) -> SpellingController:
    """Underline misspellings in the body, headline and dek of ``window``, with their menus."""
    return SpellingController(window)
