"""The status bar's counts: words, characters, paragraphs and reading time of the body (and of
the selection when there is one), and the story's progress towards its target length.

Counting a 20,000-word body takes about 15 ms, so it never runs per keystroke on the GUI
thread: edits and selection changes start a short idle timer, and the count itself runs in the
worker pool, a piece at a time, yielding the interpreter between pieces so that the GUI thread
never waits long for it; a result that arrives after a newer edit is dropped and the count
runs again.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QToolButton,
    QWidget,
)

from editor.model.counts import (
    MAX_TARGET_WORDS,
    UNIT_CHARACTERS,
    Counts,
    count_text,
    count_unit,
    set_target_words,
    target_progress,
    target_words,
)
from editor.typing_pause import stand_aside
from editor.ui.document import ArticleDocument
from editor.ui.plurals import english_plural
from editor.ui.theme_table import named_hex
from editor.ui.widgets.palette_style import set_palette_style
from editor.ui.widgets.text_spans import selection_text
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)

BODY_IDLE_MS = 250
SELECTION_IDLE_MS = 120
TARGET_PRESETS = (300, 400, 500, 600, 800, 1000, 1500, 2000)
# The target's states in the theme's colours: short is the palette's muted text, on length
# green, over red (editor/ui/theme_table.py has their light and dark values).
STATE_COLOURS = {"short": None, "on": "success_text", "over": "error_text"}


# The plural texts below name their count with a plain variable: pyside6-lupdate drops a
# translate() call whose count is an expression such as ``counts.words``.


def _length(counts: Counts) -> str:
    """``1 word``, ``1,500 words``; ``1,500 characters`` for Chinese and Japanese."""
    return _unit_count(counts.unit, counts.words)


def _characters(counts: Counts) -> str:
    """Every character a reader sees; in a count by characters, what the length leaves out."""
    no_spaces = counts.characters_no_spaces
    if counts.in_characters:
        return QCoreApplication.translate("CountsBar", "%Ln with punctuation", None, no_spaces)
    characters = counts.characters
    text = QCoreApplication.translate(
        "CountsBar", "%Ln character(s) ({no_spaces} without spaces)", None, characters
    )
    return english_plural(text, characters).format(no_spaces=_number(no_spaces))


def _paragraphs(counts: Counts) -> str:
    paragraphs = counts.paragraphs
    text = QCoreApplication.translate("CountsBar", "%Ln paragraph(s)", None, paragraphs)
    return english_plural(text, paragraphs)


def _number(value: int) -> str:
    return QLocale().toString(value)


def reading_time(seconds: int) -> str:
    """'2 min read'; under a minute '< 1 min read'; nothing to read '0 min read' (as
    ``reading_time_text``, in the window's language)."""
    if seconds <= 0:
        return QCoreApplication.translate("CountsBar", "0 min read")
    if seconds < 60:
        return QCoreApplication.translate("CountsBar", "< 1 min read")
    minutes = round(seconds / 60)
    return QCoreApplication.translate("CountsBar", "%Ln min read", None, minutes)


def summary_text(body: Counts, selection: Counts | None) -> str:
    """The status bar's line: the body's counts, or the selection's against the body's."""
    if selection is None:
        return QCoreApplication.translate(
            "CountsBar", "{length} · {characters} · {paragraphs} · {reading}"
        ).format(
            length=_length(body),
            characters=_characters(body),
            paragraphs=_paragraphs(body),
            reading=reading_time(body.reading_seconds),
        )
    return QCoreApplication.translate(
        "CountsBar", "Selection: {length} of {total} · {characters} · {paragraphs} · {reading}"
    ).format(
        length=_length(selection),
        total=_number(body.words),
        characters=_characters(selection),
        paragraphs=_paragraphs(selection),
        reading=reading_time(selection.reading_seconds),
    )


def summary_tooltip(body: Counts) -> str:
    """The whole count of the body in words, and what is not counted."""
    if body.in_characters:
        text = QCoreApplication.translate(
            "CountsBar",
            "Body: {length} ({with_punctuation} with punctuation, {characters} with spaces), "
            "{paragraphs}, {reading}.\nChinese and Japanese are counted in characters: each Han "
            "character or kana counts one, as does each word in another script; punctuation "
            "does not count.\nMarkdown, link addresses and photo placements are not counted.",
        )
    else:
        text = QCoreApplication.translate(
            "CountsBar",
            "Body: {length}, {characters} characters ({with_punctuation} without spaces), "
            "{paragraphs}, {reading}.\nMarkdown, link addresses and photo placements are not "
            "counted.",
        )
    return text.format(
        length=_length(body),
        with_punctuation=_number(body.characters_no_spaces),
        characters=_number(body.characters),
        paragraphs=_paragraphs(body),
        reading=reading_time(body.reading_seconds),
    )


def _unit_count(unit: str, value: int) -> str:
    """A target or a difference in the story's unit: ``400 words``, ``600 characters``."""
    if unit == UNIT_CHARACTERS:
        text = QCoreApplication.translate("CountsBar", "%Ln character(s)", None, value)
    else:
        text = QCoreApplication.translate("CountsBar", "%Ln word(s)", None, value)
    return english_plural(text, value)


def _selected_text(body: QPlainTextEdit) -> str:
    cursor = body.textCursor()
    return selection_text(cursor) if cursor.hasSelection() else ""


class CountsWidget(QWidget):
    """Counts and target for the window's status bar, of ``document``'s body and of the
    selection in ``body`` (the Markdown editor)."""

    targetChanged = Signal(object)  # the new target in words, or None
    countsShown = Signal()  # a count has been shown (tests wait for it)

    def __init__(
        self, document: ArticleDocument, body: QPlainTextEdit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("counts")
        self.document = document
        self.body = body
        self.body_counts = Counts()
        self.selection_counts: Counts | None = None
        self._generation = 0
        self._running = False
        self._pending = False

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        self.summary = QLabel()
        self.summary.setObjectName("counts_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setObjectName("target_progress")
        self.progress.setTextVisible(False)
        self.progress.setFixedSize(72, 10)
        self.target_label = QLabel()
        self.target_label.setObjectName("target_label")
        set_palette_style(self.progress, self._progress_style)
        set_palette_style(self.target_label, self._target_label_style)
        self.target_button = QToolButton()
        self.target_button.setObjectName("target_button")
        self.target_button.setText(QCoreApplication.translate("CountsBar", "Target"))
        self.target_button.setToolTip(
            QCoreApplication.translate(
                "CountsBar", "The story's target length (in characters for Chinese and Japanese)"
            )
        )
        self.target_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.target_button.setAutoRaise(True)
        self.target_menu = QMenu(self.target_button)
        self.target_menu.aboutToShow.connect(self._fill_target_menu)
        self.target_button.setMenu(self.target_menu)
        for widget in (self.summary, self.progress, self.target_label, self.target_button):
            layout.addWidget(widget)

        # The body last counted, its language and its counts (strings compare by identity first:
        # an unchanged body costs nothing to recognise).
        self._body_counted: tuple[str, str, Counts] | None = None
        self._body_timer = self._timer(BODY_IDLE_MS)
        self._selection_timer = self._timer(SELECTION_IDLE_MS)
        self.document.bodyChanged.connect(self._body_timer.start)
        self.document.replaced.connect(self.recount_now)
        self.document.fieldChanged.connect(self._field_changed)
        body.selectionChanged.connect(self._selection_timer.start)
        self._show()

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self.recount)
        return timer

    def _field_changed(self, name: str) -> None:
        if name == "language":  # reading speed depends on it
            self._body_timer.start()

    # --- counting ------------------------------------------------------------------------------

    def recount_now(self) -> None:
        self._show_target()
        self.recount()

    def recount(self) -> None:
        """Count the body and the selection in the worker pool (one count at a time)."""
        self._body_timer.stop()
        self._selection_timer.stop()
        self._generation += 1
        if self._running:
            self._pending = True
            return
        self._running = True
        generation = self._generation
        body = self.document.article.body
        language = self.document.article.language
        selection = _selected_text(self.body)

        # A selection change leaves the body as it was: its counts are reused, not redone.
        known = self._body_counted
        reuse = known[2] if known is not None and known[:2] == (body, language) else None

        def work() -> tuple[Counts, Counts | None]:
            # Between pieces: hand the interpreter back to the GUI thread, and stand aside
            # while it shows a keystroke.
            def pause() -> None:
                time.sleep(0)
                stand_aside()

            counted = reuse if reuse is not None else count_text(body, language, pause=pause)
            self._body_counted = (body, language, counted)
            if not selection:
                return counted, None
            # The selection is counted in its body's unit, whatever script it holds.
            return counted, count_text(selection, language, pause=pause, unit=counted.unit)

        run_in_background(
            work,
            lambda result: self._counted(generation, result),
            lambda _message: self._counted(generation, None),
            context=self,
            logger=logger,
            what="Counting the body",
        )

    def _counted(self, generation: int, result: tuple[Counts, Counts | None] | None) -> None:
        self._running = False
        if result is not None and generation == self._generation:
            self.body_counts, self.selection_counts = result
            self._show()
            self.countsShown.emit()
        if self._pending or generation != self._generation:
            self._pending = False
            self.recount()

    # --- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        self.summary.setText(summary_text(self.body_counts, self.selection_counts))
        self.summary.setToolTip(summary_tooltip(self.body_counts))
        self._show_target()

    def _show_target(self) -> None:
        progress = target_progress(
            self.body_counts.words, target_words(self.document.article), self.body_counts.unit
        )
        self.progress.setVisible(progress is not None)
        self.target_label.setVisible(progress is not None)
        if progress is None:
            return
        self.target_label.setText(
            QCoreApplication.translate("CountsBar", "{words} / {target}").format(
                words=_number(progress.words), target=_unit_count(progress.unit, progress.target)
            )
        )
        if progress.state == "short":
            tip = QCoreApplication.translate("CountsBar", "{count} to go").format(
                count=_unit_count(progress.unit, progress.target - progress.words)
            )
        elif progress.state == "over":
            tip = QCoreApplication.translate("CountsBar", "{count} over the target").format(
                count=_unit_count(progress.unit, progress.words - progress.target)
            )
        else:
            tip = QCoreApplication.translate("CountsBar", "On length")
        self.target_label.setToolTip(tip)
        self.progress.setRange(0, progress.target)
        self.progress.setValue(min(progress.words, progress.target))
        self.progress.setProperty("state", progress.state)
        self._restyle_target()

    def _state_colour(self) -> str:
        name = STATE_COLOURS.get(str(self.progress.property("state")))
        return named_hex(name) if name else "palette(placeholder-text)"

    def _target_label_style(self) -> str:
        return f"color: {self._state_colour()};"

    def _progress_style(self) -> str:
        return (
            "QProgressBar { border: 1px solid palette(mid); border-radius: 3px;"
            " background: palette(base); }"
            f" QProgressBar::chunk {{ background: {self._state_colour()}; border-radius: 2px; }}"
        )

    def _restyle_target(self) -> None:
        for widget, style in (
            (self.target_label, self._target_label_style()),
            (self.progress, self._progress_style()),
        ):
            if widget.styleSheet() != style:
                widget.setStyleSheet(style)

    # --- the target ----------------------------------------------------------------------------

    def target(self) -> int | None:
        return target_words(self.document.article)

    def _unit(self) -> str:
        """What the story's length is counted in (before any count has come back too)."""
        article = self.document.article
        return count_unit(article.language, article.body)

    def set_target(self, words: int | None) -> None:
        """Store the story's target length (None or 0: no target); the story needs saving."""
        if set_target_words(self.document.article, words):
            # The document has no setter for metadata: mark it changed as its setters do.
            self.document._touch()
            self._show_target()
            self.targetChanged.emit(self.target())

    def _fill_target_menu(self) -> None:
        menu = self.target_menu
        menu.clear()
        current = self.target()
        group = QActionGroup(menu)
        unit = self._unit()
        choices: list[tuple[str, int | None]] = [
            (QCoreApplication.translate("CountsBar", "No target"), None)
        ]
        choices += [(_unit_count(unit, words), words) for words in TARGET_PRESETS]
        for text, words in choices:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(words == current)
            action.triggered.connect(lambda _=False, w=words: self.set_target(w))
            group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        other = menu.addAction(
            QCoreApplication.translate("CountsBar", "Other… ({count})").format(
                count=_unit_count(unit, current)
            )
            if current and current not in TARGET_PRESETS
            else QCoreApplication.translate("CountsBar", "Other…")
        )
        other.triggered.connect(self._ask_target)

    def _ask_target(self) -> None:
        label = (
            QCoreApplication.translate(
                "CountsBar", "Characters the story should run to (0 for none):"
            )
            if self._unit() == UNIT_CHARACTERS
            else QCoreApplication.translate(
                "CountsBar", "Words the story should run to (0 for none):"
            )
        )
        words, ok = QInputDialog.getInt(
            self.window(),
            QCoreApplication.translate("CountsBar", "Target length"),
            label,
            self.target() or 400,
            0,
            MAX_TARGET_WORDS,
            50,
        )
        if ok:
            self.set_target(words or None)
