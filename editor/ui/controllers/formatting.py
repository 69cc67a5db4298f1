"""The Format menu and toolbar: Bold, Italic, Link, subheads, quote, lists, photos, Clear
Formatting, with the shortcuts every word processor uses.

Reporters who have never typed ``**`` press Ctrl+B. Each action asks
``editor.text.markdown_format`` for the new body and puts in only the span that changed,
through one QTextCursor edit block: one Ctrl+Z undoes it, and the body's usual change signal
carries it to the document, the preview and the autosave like any typing.

The actions work on the body only (the form's fields have their own keys), and win over the
text editor's own bindings for the same keys (Ctrl+K deletes to the line's end in a Qt text
edit on Linux): see ``FormatActions.eventFilter``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QToolBar, QWidget

from editor.model.photos import placement
from editor.text import markdown_format, markdown_lines
from editor.text.format_edits import Formatted, changed_span
from editor.text.markdown_links import link_at, make_link, remove_link, web_address, word_at
from editor.text.utf16 import python_index, qt_position
from editor.ui.controllers.photo_desk import PhotoDesk
from editor.ui.dialogs.link import REMOVE_LINK, LinkDialog
from editor.ui.dialogs.place_photo import FROM_FILE, PlacePhotoDialog
from editor.ui.document import ArticleDocument
from editor.ui.menus import menu_named
from editor.ui.panes.body import BodyPane

Operation = Callable[[str, int, int], Formatted]


_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass(frozen=True)
class FormatAction:
    """One entry of the Format menu and toolbar."""

    name: str  # objectName suffix: format_<name>
    text: str  # the menu's text, with its mnemonic
    label: str  # the toolbar's short label
    shortcut: str
    description: str  # the tooltip and the accessible description


FORMAT_ACTIONS = (
    FormatAction("bold", "&Bold", "B", "Ctrl+B", "Bold the selection or the word"),
    FormatAction("italic", "&Italic", "I", "Ctrl+I", "Italicise the selection or the word"),
    FormatAction("link", "&Link…", "Link", "Ctrl+K", "Link the selection to a web address"),
    FormatAction("subhead", "&Subhead", "H2", "Ctrl+Alt+2", "Make the line a subhead"),
    FormatAction(
        "subsubhead", "S&ub-subhead", "H3", "Ctrl+Alt+3", "Make the line a smaller subhead"
    ),
    FormatAction("quote", "&Quote", "❝", "Ctrl+Shift+Q", "Set the lines apart as a quote"),
    FormatAction("bulleted", "Bulle&ted List", "•", "Ctrl+Shift+8", "Make the lines a list"),
    FormatAction(
        "numbered", "&Numbered List", "1.", "Ctrl+Shift+7", "Make the lines a numbered list"
    ),
    FormatAction(
        "photo", "Insert &Photo…", "Photo", "Ctrl+Shift+Alt+P", "Place a photo at the cursor"
    ),
    FormatAction(
        "clear", "&Clear Formatting", "Clear", "Ctrl+\\", "Plain text again: no bold, links…"
    ),
)


def _translated(entry: FormatAction) -> FormatAction:
    """``entry`` with the menu text, toolbar label and description the reporter reads."""
    texts = {
        "bold": (
            QCoreApplication.translate("Formatting", "&Bold"),
            QCoreApplication.translate("Formatting", "B", "the toolbar's Bold button"),
            QCoreApplication.translate("Formatting", "Bold the selection or the word"),
        ),
        "italic": (
            QCoreApplication.translate("Formatting", "&Italic"),
            QCoreApplication.translate("Formatting", "I", "the toolbar's Italic button"),
            QCoreApplication.translate("Formatting", "Italicise the selection or the word"),
        ),
        "link": (
            QCoreApplication.translate("Formatting", "&Link…"),
            QCoreApplication.translate("Formatting", "Link"),
            QCoreApplication.translate("Formatting", "Link the selection to a web address"),
        ),
        "subhead": (
            QCoreApplication.translate("Formatting", "&Subhead"),
            entry.label,
            QCoreApplication.translate("Formatting", "Make the line a subhead"),
        ),
        "subsubhead": (
            QCoreApplication.translate("Formatting", "S&ub-subhead"),
            entry.label,
            QCoreApplication.translate("Formatting", "Make the line a smaller subhead"),
        ),
        "quote": (
            QCoreApplication.translate("Formatting", "&Quote"),
            entry.label,
            QCoreApplication.translate("Formatting", "Set the lines apart as a quote"),
        ),
        "bulleted": (
            QCoreApplication.translate("Formatting", "Bulle&ted List"),
            entry.label,
            QCoreApplication.translate("Formatting", "Make the lines a list"),
        ),
        "numbered": (
            QCoreApplication.translate("Formatting", "&Numbered List"),
            entry.label,
            QCoreApplication.translate("Formatting", "Make the lines a numbered list"),
        ),
        "photo": (
            QCoreApplication.translate("Formatting", "Insert &Photo…"),
            QCoreApplication.translate("Formatting", "Photo"),
            QCoreApplication.translate("Formatting", "Place a photo at the cursor"),
        ),
        "clear": (
            QCoreApplication.translate("Formatting", "&Clear Formatting"),
            QCoreApplication.translate("Formatting", "Clear"),
            QCoreApplication.translate("Formatting", "Plain text again: no bold, links…"),
        ),
    }
    text, label, description = texts.get(entry.name, (entry.text, entry.label, entry.description))
    return FormatAction(entry.name, text, label, entry.shortcut, description)


class FormatActions(QObject):
    """The Format actions on the body; ``actions`` by name, ``toolbar`` above the body."""

    def __init__(
        self,
        document: ArticleDocument,
        body: BodyPane,
        photo_desk: PhotoDesk,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.document = document
        self.body = body
        self.photo_desk = photo_desk
        self.window_ = window
        self.link_dialog: LinkDialog | None = None
        self.photo_dialog: PlacePhotoDialog | None = None
        # The body and selection the open Link dialog was asked for.
        self._link_target: tuple[str, int, int] = ("", 0, 0)
        self.actions: dict[str, QAction] = {}
        operations: dict[str, Callable[[], object]] = {
            "bold": lambda: self.apply(markdown_format.toggle_bold),
            "italic": lambda: self.apply(markdown_format.toggle_italic),
            "link": self.edit_link,
            "subhead": lambda: self.apply(markdown_lines.toggle_subhead),
            "subsubhead": lambda: self.apply(
                lambda text, start, end: markdown_lines.toggle_subhead(text, start, end, 3)
            ),
            "quote": lambda: self.apply(markdown_lines.toggle_quote),
            "bulleted": lambda: self.apply(markdown_lines.toggle_bulleted),
            "numbered": lambda: self.apply(markdown_lines.toggle_numbered),
            "photo": self.insert_photo,
            "clear": lambda: self.apply(markdown_format.clear_formatting),
        }
        menu = menu_named(window, "F&ormat")
        self.toolbar = QToolBar(QCoreApplication.translate("Formatting", "Formatting"), window)
        self.toolbar.setObjectName("format_toolbar")
        self.toolbar.setAccessibleName(QCoreApplication.translate("Formatting", "Formatting"))
        self.toolbar.setAccessibleDescription(
            QCoreApplication.translate(
                "Formatting", "Bold, italic, links, subheads, quotes and lists"
            )
        )
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for entry in map(_translated, FORMAT_ACTIONS):
            action = QAction(entry.text, window)
            action.setObjectName(f"format_{entry.name}")
            action.setShortcut(QKeySequence(entry.shortcut))
            action.setIconText(entry.label)
            key_name = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain_name = entry.text.replace("&", "").rstrip("…")
            action.setToolTip(
                QCoreApplication.translate("Formatting", "{name} ({keys}): {description}").format(
                    name=plain_name, keys=key_name, description=entry.description.lower()
                )
            )
            action.setStatusTip(entry.description)
            action.triggered.connect(lambda _checked=False, run=operations[entry.name]: run())
            self.actions[entry.name] = action
            menu.addAction(action)
            self.toolbar.addAction(action)
            button = self.toolbar.widgetForAction(action)
            button.setObjectName(f"format_{entry.name}_button")
            button.setAccessibleName(plain_name)
            button.setAccessibleDescription(
                QCoreApplication.translate("Formatting", "{description} ({keys})").format(
                    description=entry.description, keys=key_name
                )
            )
            if entry.name in ("bold", "italic"):
                font = QFont(button.font())
                font.setBold(entry.name == "bold")
                font.setItalic(entry.name == "italic")
                button.setFont(font)
            if entry.name in ("numbered", "photo"):
                menu.addSeparator()
                self.toolbar.addSeparator()
        # Whether any shortcut of ours is a key without Ctrl, Alt or Meta (none is, today).
        # (PySide6's stubs do not declare QKeySequence's indexing, which it has at run time.)
        self._plain_key_shortcuts = any(
            not action.shortcut()[0].keyboardModifiers() & _SHORTCUT_MODIFIERS  # type: ignore[index]
            for action in self.actions.values()
            if not action.shortcut().isEmpty()
        )
        body.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        document.readOnlyChanged.connect(lambda _read_only: self.update_enabled())
        menu.aboutToShow.connect(self.update_enabled)
        # Pasting an address over selected words makes them a link (as in word processors).
        body.paste_over_selection = self.paste_link
        self.update_enabled()

    # --- when the actions apply -----------------------------------------------------------------

    def writable(self) -> bool:
        return not (self.document.read_only or self.body.isReadOnly())

    def _in_body_context(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.body or self.toolbar.isAncestorOf(widget))

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        self._set_enabled(self._in_body_context(now) and self.writable())

    def update_enabled(self) -> None:
        focus = QApplication.focusWidget()
        self._set_enabled(self._in_body_context(focus) and self.writable())

    def _set_enabled(self, enabled: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The text edit claims some of our keys for itself (Ctrl+K: delete to the line's end):
        # left unclaimed, the key goes to the shortcut, which is what the reporter pressed it for.
        if (
            watched is self.body
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._is_our_shortcut(event)
        ):
            event.ignore()
            return True
        return False

    def _is_our_shortcut(self, event: QKeyEvent) -> bool:
        if not event.modifiers() & _SHORTCUT_MODIFIERS and not self._plain_key_shortcuts:
            return False  # a letter typed: no need to ask each action (this runs on every key)
        pressed = QKeySequence(event.keyCombination())
        return any(
            action.isEnabled()
            and action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.actions.values()
        )

    # --- editing --------------------------------------------------------------------------------

    def _selection(self) -> tuple[str, int, int]:
        text = self.body.toPlainText()
        cursor = self.body.textCursor()
        return (
            text,
            python_index(text, cursor.selectionStart()),
            python_index(text, cursor.selectionEnd()),
        )

    def apply(self, operation: Operation) -> None:
        """Run ``operation`` on the body's text and selection, as one undo step."""
        if not self.writable():
            return
        text, start, end = self._selection()
        self.put(text, operation(text, start, end))

    def put(self, old: str, result: Formatted) -> None:
        """Make the body read ``result.text`` (one edit block) and select its selection."""
        body = self.body
        if result.text != old:
            start, end, replacement = changed_span(old, result.text)
            cursor = QTextCursor(body.document())
            cursor.beginEditBlock()
            cursor.setPosition(qt_position(old, start))
            cursor.setPosition(qt_position(old, end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
            cursor.endEditBlock()
        new = result.text
        selection = body.textCursor()
        selection.setPosition(qt_position(new, result.start))
        selection.setPosition(qt_position(new, result.end), QTextCursor.MoveMode.KeepAnchor)
        body.setTextCursor(selection)
        body.ensureCursorVisible()
        body.setFocus()

    # --- links ----------------------------------------------------------------------------------

    def edit_link(self) -> LinkDialog | None:
        """Format > Link…: the dialog, prefilled from the link at the cursor, or from the
        selection (or word) and an address on the clipboard."""
        if not self.writable():
            return None
        text, start, end = self._selection()
        existing = link_at(text, start, end)
        if existing is not None:
            label, address = existing.text, existing.address
        else:
            selected = text[start:end].strip().split("\n")[0].strip()
            label = selected or word_at(text, start)
            address = web_address(QGuiApplication.clipboard().text()) or ""
        if self.link_dialog is None:
            self.link_dialog = LinkDialog(self.window_)
            self.link_dialog.finished.connect(self._link_chosen)
        dialog = self.link_dialog
        self._link_target = (text, start, end)
        dialog.prefill(label, address, editing=existing is not None)
        dialog.open()
        return dialog

    def _link_chosen(self, result: int) -> None:
        dialog = self.link_dialog
        text, start, end = self._link_target
        if dialog is None or self.body.toPlainText() != text or not self.writable():
            self.body.setFocus()
            return
        if result == REMOVE_LINK:
            self.put(text, remove_link(text, start, end))
        elif result == QDialog.DialogCode.Accepted and dialog.address():
            label = dialog.link_text()
            self.put(text, make_link(text, start, end, dialog.address(), label))
        else:
            self.body.setFocus()

    def paste_link(self, source: QMimeData) -> bool:
        """Ctrl+V of an address over selected words (on one line): they become a link to it.
        False: not such a paste, the body pastes as usual."""
        cursor = self.body.textCursor()
        if not cursor.hasSelection() or not source.hasText() or not self.writable():
            return False
        address = web_address(source.text())
        if address is None:
            return False
        text, start, end = self._selection()
        if "\n" in text[start:end] or not text[start:end].strip():
            return False
        if link_at(text, start, end) is None and web_address(text[start:end]):
            return False  # an address pasted over an address replaces it
        self.put(text, make_link(text, start, end, address))
        return True

    # --- photos ---------------------------------------------------------------------------------

    def insert_photo(self) -> PlacePhotoDialog | None:
        """Format > Insert Photo…: one of the story's photos, or a file (the photo desk adds
        it and places it at the cursor)."""
        if not self.writable():
            return None
        photos = self.document.article.photos
        if not photos:
            self.photo_desk.add_dialog()
            return None
        position = self.body.textCursor().position()
        dialog = PlacePhotoDialog(photos, self.window_)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.photo_dialog = dialog

        def chosen(result: int) -> None:
            self.photo_dialog = None
            if result == FROM_FILE:
                self.photo_desk.add_dialog()
            elif result == QDialog.DialogCode.Accepted and dialog.chosen_id():
                self.body.insert_block(placement(dialog.chosen_id()), position)
                self.body.setFocus()

        dialog.finished.connect(chosen)
        dialog.open()
        return dialog


def install_formatting(
    window: QMainWindow, document: ArticleDocument, body: BodyPane, photo_desk: PhotoDesk
) -> FormatActions:
    """The Format menu, and its toolbar straight above the body."""
    formatting = FormatActions(document, body, photo_desk, window)
    holder = body.parentWidget()
    layout = holder.layout() if holder is not None else None
    index = layout.indexOf(body) if layout is not None else -1
    if layout is not None and index >= 0 and hasattr(layout, "insertWidget"):
        layout.insertWidget(index, formatting.toolbar)
    else:
        window.addToolBar(formatting.toolbar)
    return formatting
