"""Edit > Find and Replace: plain text or regular expressions across the body and the text
fields (headline, dek, byline, slug, sign-off, editor's note, photo captions, credits and alt
texts).

The texts searched are the ones the widgets show, and replacements are made in the widgets, so
each field's own undo takes them back (one step per field) and the document and preview follow
through the panes' usual signals. Photos other than the one shown in the Photos tab have no
widget: their fields change in the document directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.text.find_replace import (
    Change,
    FindOptions,
    Match,
    PatternError,
    Place,
    ReplaceResult,
    find_in_places,
    places,
    replace_in_places,
    replacement_for,
)
from editor.text.utf16 import python_index, qt_position
from editor.ui.controllers import ShowStatus
from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.photos import PhotosPane
from editor.ui.plurals import english_plural
from editor.ui.theme_table import named_hex
from editor.ui.widgets.palette_style import set_palette_style
from editor.ui.widgets.plain_text import plain_label
from editor.ui.widgets.text_spans import TextWidget, replace_span, select_span, widget_text

COUNT_IDLE_MS = 150


def place_label(place: Place) -> str:
    """``Place.label`` in the window's language: "headline", "photo p2 caption"."""
    names = {
        "headline": QCoreApplication.translate("FindReplaceDialog", "headline"),
        "dek": QCoreApplication.translate("FindReplaceDialog", "dek"),
        "byline": QCoreApplication.translate("FindReplaceDialog", "byline"),
        "body": QCoreApplication.translate("FindReplaceDialog", "body"),
        "slug": QCoreApplication.translate("FindReplaceDialog", "slug"),
        "sign_off": QCoreApplication.translate("FindReplaceDialog", "sign-off"),
        "editors_note": QCoreApplication.translate("FindReplaceDialog", "editor's note"),
        "caption": QCoreApplication.translate("FindReplaceDialog", "caption"),
        "credit": QCoreApplication.translate("FindReplaceDialog", "credit"),
        "alt": QCoreApplication.translate("FindReplaceDialog", "alt text"),
    }
    if place.photo_field:
        field = names.get(place.photo_field, place.photo_field)
        return QCoreApplication.translate("FindReplaceDialog", "photo {photo} {field}").format(
            photo=place.photo_id, field=field
        )
    return names.get(place.field, place.field)


def replace_summary(result: ReplaceResult) -> str:
    """``ReplaceResult.summary`` in the window's language: "Replaced 3 in body, 1 in headline"
    (most first), or "Nothing to replace"."""
    if not result.changes:
        return QCoreApplication.translate("FindReplaceDialog", "Nothing to replace")
    ordered = sorted(result.changes, key=lambda change: -change.count)
    counts = ", ".join(
        QCoreApplication.translate("FindReplaceDialog", "{count} in {place}").format(
            count=change.count, place=place_label(change.place)
        )
        for change in ordered
    )
    return QCoreApplication.translate("FindReplaceDialog", "Replaced {counts}").format(
        counts=counts
    )


@dataclass
class _Target:
    """Where the search stands: a place and a position in its text."""

    place: Place
    position: int


class FindReplaceDialog(QDialog):
    """Searches the texts of ``document`` as ``fields``, ``photos`` and ``body`` show them;
    ``side_tabs`` is where the fields and photos panes are, to bring a match into view."""

    def __init__(
        self,
        document: ArticleDocument,
        fields: FieldsPane,
        photos: PhotosPane,
        body: BodyPane,
        side_tabs: QTabWidget,
        show_status: ShowStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("find_replace")
        self.setWindowTitle(QCoreApplication.translate("FindReplaceDialog", "Find and Replace"))
        self.document = document
        self.fields = fields
        self.photos = photos
        self.body = body
        self.side_tabs = side_tabs
        self._show_status = show_status
        self._last: Match | None = None
        self._anchor: _Target | None = None

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("find_text")
        self.find_edit.setPlaceholderText(
            QCoreApplication.translate("FindReplaceDialog", "Text or regular expression")
        )
        self.replace_edit = QLineEdit()
        self.replace_edit.setObjectName("replace_text")
        self.replace_edit.setPlaceholderText(
            QCoreApplication.translate(
                "FindReplaceDialog", "Replacement (\\1 or \\g<name> for groups)"
            )
        )
        self.regex_box = QCheckBox(
            QCoreApplication.translate("FindReplaceDialog", "Regular e&xpression")
        )
        self.case_box = QCheckBox(QCoreApplication.translate("FindReplaceDialog", "Match &case"))
        self.word_box = QCheckBox(QCoreApplication.translate("FindReplaceDialog", "&Whole words"))
        self.status = plain_label()
        self.status.setObjectName("find_status")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 2)
        set_palette_style(self.status, self._status_style)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("FindReplaceDialog", "&Find:"), self.find_edit)
        form.addRow(
            QCoreApplication.translate("FindReplaceDialog", "Re&place with:"), self.replace_edit
        )
        options = QHBoxLayout()
        for box in (self.regex_box, self.case_box, self.word_box):
            options.addWidget(box)
            box.toggled.connect(self._options_changed)
        options.addStretch(1)
        form.addRow("", options)

        self.next_button = QPushButton(
            QCoreApplication.translate("FindReplaceDialog", "Find &Next")
        )
        self.next_button.setDefault(True)
        self.replace_button = QPushButton(
            QCoreApplication.translate("FindReplaceDialog", "&Replace")
        )
        self.replace_all_button = QPushButton(
            QCoreApplication.translate("FindReplaceDialog", "Replace &All")
        )
        buttons = QDialogButtonBox()
        for button in (self.next_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_IDLE_MS)
        self._count_timer.timeout.connect(self._show_count)
        self.find_edit.textChanged.connect(self._options_changed)

    # --- options and status --------------------------------------------------------------------

    def options(self) -> FindOptions:
        return FindOptions(
            regex=self.regex_box.isChecked(),
            case_sensitive=self.case_box.isChecked(),
            whole_word=self.word_box.isChecked(),
        )

    def _options_changed(self) -> None:
        self._last = None
        self._count_timer.start()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setProperty("error", error)
        style = self._status_style()
        if self.status.styleSheet() != style:
            self.status.setStyleSheet(style)
        self.status.setText(text)

    def _status_style(self) -> str:
        """An error in the theme's red, anything else in the window's text colour."""
        if self.status.property("error"):
            return f"color: {named_hex('error_text')};"
        return "color: palette(window-text);"

    def _show_count(self) -> None:
        """How many matches, as the reporter types the pattern (or what is wrong with it)."""
        matches = self._matches()
        if matches is None:
            return
        if not self.find_edit.text():
            self._say("")
            return
        fields = len({match.place for match in matches})
        # lupdate reads a count given as a plain name only.
        count = len(matches)
        found = english_plural(
            QCoreApplication.translate("FindReplaceDialog", "%Ln match(es)", None, count), count
        )
        if matches:
            found = english_plural(
                QCoreApplication.translate(
                    "FindReplaceDialog", "{matches} in %Ln field(s)", None, fields
                ),
                fields,
            ).format(matches=found)
        self._say(found)

    # --- the texts, as the widgets show them ---------------------------------------------------

    def _current_photo_id(self) -> str | None:
        item = self.photos.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def widget_for(self, place: Place) -> TextWidget | None:
        """The widget that shows ``place``, or None (a photo not shown in the Photos tab)."""
        if place.photo_field:
            if place.photo_id != self._current_photo_id():
                return None
            return getattr(self.photos, place.photo_field)
        if place.field == "body":
            return self.body
        return getattr(self.fields, place.field)

    def _texts(self) -> list[tuple[Place, str]]:
        """The article's places in Find Next's order, each with the text its widget shows (the
        document's text for a photo not shown in the Photos tab)."""
        texts = []
        for place, stored in places(self.document.article):
            widget = self.widget_for(place)
            texts.append((place, widget_text(widget) if widget is not None else stored))
        return texts

    def _matches(self) -> list[Match] | None:
        try:
            return find_in_places(self._texts(), self.find_edit.text(), self.options())
        except PatternError as error:
            self._say(str(error), error=True)
            return None

    # --- finding -------------------------------------------------------------------------------

    def start_from_focus(self) -> None:
        """Searches start at the cursor of the field or body the reporter was in."""
        self._last = None
        self._anchor = None
        focused = QApplication.focusWidget()
        for place, _text in self._texts():
            widget = self.widget_for(place)
            if widget is not None and widget is focused:
                self._anchor = _Target(place, _cursor_start(widget))

    def find_next(self) -> Match | None:
        """Select the next match after the last one (or the cursor), wrapping at the end."""
        texts = self._texts()
        try:
            matches = find_in_places(texts, self.find_edit.text(), self.options())
        except PatternError as error:
            self._say(str(error), error=True)
            return None
        if not matches:
            self._say(
                QCoreApplication.translate("FindReplaceDialog", "Not found")
                if self.find_edit.text()
                else QCoreApplication.translate("FindReplaceDialog", "Type what to find")
            )
            return None
        order = {place: index for index, (place, _text) in enumerate(texts)}
        match = _next_match(matches, order, self._last, self._anchor)
        self._last = match
        self._anchor = _Target(match.place, match.end)
        self._select(match)
        number = matches.index(match) + 1
        self._say(
            QCoreApplication.translate(
                "FindReplaceDialog", "{number} of {total} · in the {place}"
            ).format(
                number=_grouped(number),
                total=_grouped(len(matches)),
                place=place_label(match.place),
            )
        )
        return match

    def _select(self, match: Match) -> None:
        place = match.place
        if place.photo_field:
            self.side_tabs.setCurrentWidget(self.photos)
            if place.photo_id is not None and place.photo_id != self._current_photo_id():
                self.photos.select(place.photo_id)
        elif place.field != "body":
            self.side_tabs.setCurrentWidget(self.fields)
        widget = self.widget_for(place)
        if widget is None:
            return
        select_span(widget, match.start, match.end)
        if isinstance(widget, QPlainTextEdit):
            widget.ensureCursorVisible()
        if place.field != "body" and not place.photo_field:
            self.fields.ensureWidgetVisible(widget)

    # --- replacing -----------------------------------------------------------------------------

    def replace_one(self) -> None:
        """Replace the selected match (if the selection still is one), then find the next."""
        match = self._last
        if match is not None:
            widget = self.widget_for(match.place)
            if widget is not None and _selection(widget) == (match.start, match.end):
                try:
                    new = replacement_for(
                        widget_text(widget),
                        match.start,
                        match.end,
                        self.find_edit.text(),
                        self.replace_edit.text(),
                        self.options(),
                    )
                except PatternError as error:
                    self._say(str(error), error=True)
                    return
                if new is not None:
                    replace_span(widget, match.start, match.end, new)
                    self._anchor = _Target(match.place, match.start + len(new))
                    self._last = None
        self.find_next()

    def replace_all(self) -> ReplaceResult | None:
        """Replace every match: one undo step in each field's widget."""
        try:
            result = replace_in_places(
                self._texts(), self.find_edit.text(), self.replace_edit.text(), self.options()
            )
        except PatternError as error:
            self._say(str(error), error=True)
            return None
        for change in result.changes:
            self._apply(change)
        self._last = None
        summary = replace_summary(result)
        self._say(summary)
        self._show_status(summary, 8000)
        return result

    def _apply(self, change: Change) -> None:
        place = change.place
        widget = self.widget_for(place)
        if widget is None:
            self.document.set_photo_field(
                place.photo_id or "", place.photo_field or "", change.after
            )
        elif isinstance(widget, QPlainTextEdit):
            cursor = QTextCursor(widget.document())
            cursor.beginEditBlock()
            for edit in reversed(change.edits):  # the last first: the earlier ones stay put
                cursor.setPosition(qt_position(change.before, edit.start))
                cursor.setPosition(
                    qt_position(change.before, edit.end), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.insertText(edit.text)
            cursor.endEditBlock()
        else:
            first, last = change.edits[0], change.edits[-1]
            tail = len(change.before) - last.end
            replace_span(
                widget, first.start, last.end, change.after[first.start : len(change.after) - tail]
            )


def _grouped(number: int) -> str:
    """A count as the window's language writes it: 1,234 in English, 1234 in Spanish."""
    return QLocale().toString(number)


def _cursor_start(widget: TextWidget) -> int:
    """Where the selection (or the cursor) starts, as an index into the widget's text."""
    if isinstance(widget, QLineEdit):
        position = widget.selectionStart() if widget.hasSelectedText() else widget.cursorPosition()
    else:
        position = widget.textCursor().selectionStart()
    return python_index(widget_text(widget), position)


def _selection(widget: TextWidget) -> tuple[int, int] | None:
    """The selection as indexes into the widget's text, if there is one."""
    if isinstance(widget, QLineEdit):
        if not widget.hasSelectedText():
            return None
        start, end = widget.selectionStart(), widget.selectionEnd()
    else:
        cursor = widget.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
    text = widget_text(widget)
    return python_index(text, start), python_index(text, end)


def _next_match(
    matches: list[Match],
    order: dict[Place, int],
    last: Match | None,
    anchor: _Target | None,
) -> Match:
    """The first match after the last one found (or at or after the anchor), wrapping."""

    def key(match: Match) -> tuple[int, int, int]:
        return order[match.place], match.start, match.end

    if last is not None and last in matches:
        after = [m for m in matches if key(m) > key(last)]
        return after[0] if after else matches[0]
    if anchor is not None:
        point = (order.get(anchor.place, 0), anchor.position)
        after = [m for m in matches if (order[m.place], m.start) >= point]
        return after[0] if after else matches[0]
    return matches[0]


def add_find_replace_actions(dialog: FindReplaceDialog, menu: QMenu) -> None:
    """Edit > Find and Replace (Ctrl+F finds, Ctrl+H replaces; F3 finds the next)."""
    menu.addSeparator()

    def show(focus: QLineEdit) -> None:
        selected = _focused_selection()
        if not dialog.isVisible():
            dialog.start_from_focus()
        if selected and "\n" not in selected and len(selected) < 200:
            dialog.find_edit.setText(selected)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        focus.setFocus()
        focus.selectAll()

    find = QAction(QCoreApplication.translate("FindReplaceMenu", "&Find…"), menu)
    find.setObjectName("find_action")
    find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
    find.triggered.connect(lambda: show(dialog.find_edit))
    replace = QAction(QCoreApplication.translate("FindReplaceMenu", "Find and R&eplace…"), menu)
    replace.setObjectName("replace_action")
    replace.setShortcut(QKeySequence("Ctrl+H"))
    replace.triggered.connect(lambda: show(dialog.replace_edit))
    find_next = QAction(QCoreApplication.translate("FindReplaceMenu", "Find &Next"), menu)
    find_next.setObjectName("find_next_action")
    find_next.setShortcut(QKeySequence(QKeySequence.StandardKey.FindNext))
    find_next.triggered.connect(dialog.find_next)
    for action in (find, replace, find_next):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        menu.addAction(action)


def _focused_selection() -> str:
    widget: QWidget | None = QApplication.focusWidget()
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().selectedText()
    return ""
