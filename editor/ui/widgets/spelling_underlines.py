"""Spelling underlines drawn in the text widgets: wavy red lines under the words a spelling
pass found, in a QTextDocument (body, dek) and in a QLineEdit (headline).

These widgets' helpers never call a speller: they draw the last pass's result, and while a line
is being typed in, move its underlines with the text around the edit until the next pass
(``editor.ui.controllers.spelling`` runs the passes).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import (
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextBlockUserData,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit

from editor.text.utf16 import qt_spans
from editor.ui.theme_table import named_colour
from editor.ui.widgets.palette_style import follow_palette, on_new_palette

SWEEP_SLICE_S = 0.004  # GUI time per event-loop turn spent redrawing a new pass's underlines

Span = tuple[int, int, str]  # start, end, word: offsets in one line (or one field)


def misspelled_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    # Red that stands out on the light or the dark page (editor/ui/theme_table.py).
    fmt.setUnderlineColor(named_colour("misspelled_underline"))
    return fmt


def name_format() -> QTextCharFormat:
    """A word the dictionary lacks where a name goes: dotted and blue, not the typo's red."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(named_colour("name_underline"))
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


# --- underlines in a QTextDocument (body, dek) -------------------------------------------------


def spelling_highlighter(
    document: QTextDocument, accepts: Callable[[str], bool]
) -> SpellingHighlighter:
    """The document's highlighter, which draws the underlines: the one already on it (the
    body's highlighter underlines too) or a new one.

    One highlighter per document: Qt keeps one list of formats per block and each highlighter
    replaces it whole, so a second highlighter would wipe the first one's marks.
    """
    existing = document.findChild(SpellingHighlighter)
    if existing is not None:
        existing.set_accepts(accepts)
        return existing
    return SpellingHighlighter(document, accepts)


class _BlockSpelling(QTextBlockUserData):
    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.spans: tuple[Span, ...] = ()


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words from the last pass; never calls the speller itself."""

    def __init__(self, document: QTextDocument, accepts: Callable[[str], bool]) -> None:
        super().__init__(document)
        self._accepts = accepts  # a word the reporter accepted is never underlined
        self._table: dict[str, tuple[Span, ...]] = {}
        self._checked: frozenset[str] | None = frozenset()
        self._format = misspelled_format()
        self._name_format = name_format()
        # Words underlined as names (dotted), and those whose look changed with the last pass.
        self._names: frozenset[str] = frozenset()
        self._renamed: frozenset[str] = frozenset()
        self._resume_at = -1  # the block where the sweep of a new result goes on, or -1
        self._sweep_timer = QTimer(self)
        self._sweep_timer.setSingleShot(True)
        self._sweep_timer.timeout.connect(self._sweep)
        on_new_palette(self, self._palette_changed)

    def _palette_changed(self) -> None:
        """Light to dark or back: the underlines in the new theme's red."""
        colour = misspelled_format().underlineColor()
        if colour != self._format.underlineColor():
            self._format = misspelled_format()
            self._name_format = name_format()
            self.rehighlight()

    def set_accepts(self, accepts: Callable[[str], bool]) -> None:
        self._accepts = accepts

    def highlight_markup(self, text: str) -> None:
        """The formats the underlines are drawn over: none here (the body's highlighter shows
        the Markdown's structure, ``editor.ui.widgets.body_highlighter``)."""

    def highlightBlock(self, text: str) -> None:
        self.highlight_markup(text)
        data = self.currentBlockUserData()
        if not isinstance(data, _BlockSpelling):
            data = _BlockSpelling()
            self.setCurrentBlockUserData(data)
        if self._checked is None or text in self._checked:
            spans = self._table.get(text, ())
        else:
            spans = shift_spans(data.text, data.spans, text)
        data.text, data.spans = text, spans
        for start, end, word in qt_spans(text, spans):  # spans index Python's text, not Qt's
            if not self._accepts(word):
                self._underline(start, end, self._name_format if word in self._names else None)

    def _underline(self, start: int, end: int, line: QTextCharFormat | None = None) -> None:
        """Add the wavy line (or ``line``) to whatever the markup made of ``[start, end)``
        (bold, a link)."""
        position = start
        while position < end:
            base = self.format(position)
            run_end = position + 1
            while run_end < end and self.format(run_end) == base:
                run_end += 1
            base.merge(line if line is not None else self._format)
            self.setFormat(position, run_end - position, base)
            position = run_end

    def set_result(
        self,
        table: dict[str, tuple[Span, ...]],
        checked: frozenset[str] | None,
        names: frozenset[str] = frozenset(),
    ) -> None:
        """Take a pass's result (``checked`` None: every line, none misspelled; ``names``: the
        words to underline as names) and redraw the blocks whose underlines change, a few
        milliseconds' worth per turn of the event loop so that a long story's first pass never
        freezes the window."""
        self._table, self._checked = table, checked
        self._renamed, self._names = self._names ^ names, names
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
                new = table.get(text, ())
                if new != old or any(word in self._renamed for _s, _e, word in new):
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
        for start, end, word in qt_spans(data.text, data.spans):  # as ``position``: Qt's
            if start <= inside <= end and not self._accepts(word):
                return block.position() + start, block.position() + end, word
        return None


# --- underlines in a QLineEdit (headline) ------------------------------------------------------


class LineEditSpelling(QObject):
    """Underlines in a QLineEdit, drawn as input-method text formats (the line edit keeps them
    in its text layout; they are sent again whenever the text changes)."""

    def __init__(self, edit: QLineEdit, accepts: Callable[[str], bool]) -> None:
        super().__init__(edit)
        self.edit = edit
        self._accepts = accepts  # a word the reporter accepted is never underlined
        self._text = edit.text()
        self.spans: tuple[Span, ...] = ()
        self._format = misspelled_format()
        edit.textChanged.connect(self._text_changed)
        follow_palette(edit, self._palette_changed)

    def _palette_changed(self) -> None:
        colour = misspelled_format().underlineColor()
        if colour != self._format.underlineColor():
            self._format = misspelled_format()
            self.redraw()

    def _text_changed(self, text: str) -> None:
        self.spans = shift_spans(self._text, self.spans, text)
        self._text = text
        self.redraw()

    def set_result(self, text: str, spans: tuple[Span, ...]) -> None:
        if text == self.edit.text():
            self._text, self.spans = text, spans
            self.redraw()

    def clear(self) -> None:
        self.spans = ()
        self.redraw()

    def visible_spans(self) -> list[Span]:
        """The underlined words, at Qt's positions in the line (the spans index Python's text:
        an emoji is one character there, two units here)."""
        return list(qt_spans(self._text, [s for s in self.spans if not self._accepts(s[2])]))

    def redraw(self) -> None:
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
