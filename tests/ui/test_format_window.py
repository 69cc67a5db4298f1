"""The Format menu, toolbar and keys in the real window: each action on the body, one undo step
each, the Link dialog, an address pasted over words, and shortcuts nobody else takes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from editor.ui.controllers.formatting import FORMAT_ACTIONS
from editor.ui.dialogs.link import REMOVE_LINK

from gui_helpers import wait_for_dom

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _body_with(qtbot, window, written: str) -> None:
    """Put ``written`` in the body, its selection marked [[ ]] (or the cursor |), focused."""
    if "|" in written:
        start = end = written.index("|")
        text = written.replace("|", "", 1)
    else:
        start = written.index("[[")
        end = written.index("]]") - 2
        text = written.replace("[[", "", 1).replace("]]", "", 1)
    window.body.show_text(text)
    window.document.set_body(text)
    cursor = window.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.body.setTextCursor(cursor)
    window.activateWindow()
    window.body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.body, timeout=5_000)


def _selected(window) -> str:
    cursor = window.body.textCursor()
    text = window.body.toPlainText()
    if not cursor.hasSelection():
        at = cursor.position()
        return text[:at] + "|" + text[at:]
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    return text[:start] + "[[" + text[start:end] + "]]" + text[end:]


CASES = [
    ("bold", "A [[good]] day", "A **[[good]]** day"),
    ("bold", "A go|od day", "A **go|od** day"),
    ("bold", "A **go|od** day", "A go|od day"),
    ("italic", "A [[good ]]day", "A *[[good]]* day"),
    ("italic", "A _go|od_ day", "A go|od day"),
    ("subhead", "Th|e plan", "## Th|e plan"),
    ("subhead", "## Th|e plan", "Th|e plan"),
    ("subsubhead", "## Th|e plan", "### Th|e plan"),
    ("quote", "[[One\nTwo]]", "[[> One\n> Two]]"),
    ("bulleted", "[[One\nTwo]]", "[[- One\n- Two]]"),
    ("numbered", "[[One\nTwo]]", "[[1. One\n2. Two]]"),
    ("numbered", "[[1. One\n2. Two]]", "[[One\nTwo]]"),
    ("clear", "## A **b|old** [link](https://efe.com)", "A b|old link"),
]


@pytest.mark.parametrize(("name", "before", "after"), CASES)
def test_each_action_formats_and_one_undo_restores(qtbot, window, name, before, after) -> None:
    _body_with(qtbot, window, before)
    original = window.body.toPlainText()
    window.formatting.actions[name].trigger()
    assert _selected(window) == after
    assert window.document.article.body == window.body.toPlainText()  # the normal change path
    window.body.undo()
    assert window.body.toPlainText() == original


def test_each_shortcut_fires_from_the_body(qtbot, window) -> None:
    keys = {
        "bold": (Qt.Key.Key_B, CTRL),
        "italic": (Qt.Key.Key_I, CTRL),
        "subhead": (Qt.Key.Key_2, CTRL | ALT),
        "subsubhead": (Qt.Key.Key_3, CTRL | ALT),
        "quote": (Qt.Key.Key_Q, CTRL | SHIFT),
        "bulleted": (Qt.Key.Key_8, CTRL | SHIFT),
        "numbered": (Qt.Key.Key_7, CTRL | SHIFT),
        "clear": (Qt.Key.Key_Backslash, CTRL),
        "link": (Qt.Key.Key_K, CTRL),
        "photo": (Qt.Key.Key_P, CTRL | SHIFT | ALT),
    }
    assert set(keys) == {entry.name for entry in FORMAT_ACTIONS}
    fired: list[str] = []
    for name, action in window.formatting.actions.items():
        # Counted, not run: a dialog would take the focus from the body.
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False, n=name: fired.append(n))
    _body_with(qtbot, window, "Some [[selected]] words")
    for name, (key, modifiers) in keys.items():
        qtbot.keyClick(window.body, key, modifiers)
        assert fired[-1:] == [name], f"{name} did not fire"
    # Ctrl+K used to delete the selection (the text edit's delete-to-end-of-line).
    assert window.body.toPlainText() == "Some selected words"


class _ClaimsCtrlK(QObject):
    """What a text edit does with Ctrl+K where the desktop binds it to delete-to-end-of-line
    (GNOME, KDE): it claims the key before shortcuts see it. Offscreen Qt binds nothing to it,
    so the claim is played here, where the widget's own handling comes: after the filters."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination() == (
            CTRL | Qt.Key.Key_K
        ):
            event.accept()
            return True
        return False


def test_our_keys_win_over_the_text_edit_claiming_them(qtbot, window) -> None:
    formatting = window.formatting
    fired: list[bool] = []
    action = formatting.actions["link"]
    action.triggered.disconnect()
    action.triggered.connect(lambda _checked=False: fired.append(True))
    claimer = _ClaimsCtrlK(window)
    window.body.removeEventFilter(formatting)
    window.body.installEventFilter(claimer)
    window.body.installEventFilter(formatting)  # the last installed is asked first
    _body_with(qtbot, window, "Some [[selected]] words")
    qtbot.keyClick(window.body, Qt.Key.Key_K, CTRL)
    window.body.removeEventFilter(claimer)
    assert fired == [True]
    assert window.body.toPlainText() == "Some selected words"


def test_ctrl_k_opens_the_link_dialog_and_keeps_the_text(qtbot, window) -> None:
    _body_with(qtbot, window, "Read [[the report]] now")
    qtbot.keyClick(window.body, Qt.Key.Key_K, CTRL)
    dialog = window.formatting.link_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text_edit.text() == "the report"
    assert window.body.toPlainText() == "Read the report now"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.body.toPlainText() == "Read the report now"


def test_no_two_enabled_actions_share_a_shortcut(qtbot, window) -> None:
    _body_with(qtbot, window, "Wo|rds")
    window.formatting.update_enabled()
    owners: dict[str, str] = {}
    actions = set(window.findChildren(QAction))
    for dialog_name in ("find_replace",):
        actions |= set(getattr(window, dialog_name).findChildren(QAction))
    for action in actions:
        if not action.isEnabled():
            continue
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if not key:
                continue
            name = action.text().replace("&", "") or action.objectName()
            assert key not in owners, f"{key} is both {owners[key]} and {name}"
            owners[key] = name
    assert owners["Ctrl+B"] == "Bold"
    assert owners["Ctrl+I"] == "Italic"
    assert owners["Ctrl+Shift+I"].startswith("Import Story")


def test_actions_only_work_in_a_writable_body(qtbot, window) -> None:
    _body_with(qtbot, window, "Wo|rds")
    assert window.formatting.actions["bold"].isEnabled()
    window.fields.headline.setFocus()
    qtbot.waitUntil(lambda: not window.formatting.actions["bold"].isEnabled(), timeout=5_000)
    window.body.setFocus()
    qtbot.waitUntil(lambda: window.formatting.actions["bold"].isEnabled(), timeout=5_000)
    window.body.setReadOnly(True)
    window.formatting.update_enabled()
    assert not window.formatting.actions["bold"].isEnabled()
    window.formatting.apply(lambda text, start, end: None)  # refused before it is called
    window.body.setReadOnly(False)


def test_the_toolbar_stands_above_the_body_with_named_buttons(qtbot, window) -> None:
    window.resize(1500, 900)
    window.splitter.setSizes([380, 540, 580])
    qtbot.waitUntil(lambda: window.body.width() > 400, timeout=5_000)
    toolbar = window.formatting.toolbar
    assert toolbar.objectName() == "format_toolbar"
    assert not toolbar.isMovable()
    assert toolbar.isVisible()
    assert (
        toolbar.mapTo(window, toolbar.rect().bottomLeft()).y()
        <= window.body.mapTo(window, window.body.rect().topLeft()).y()
    )
    for entry in FORMAT_ACTIONS:
        button = toolbar.widgetForAction(window.formatting.actions[entry.name])
        assert button.objectName() == f"format_{entry.name}_button"
        assert button.accessibleName()
        assert button.text() == entry.label
        assert (
            QKeySequence(entry.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            in button.toolTip()
        )
    # Compact: every button shows at the window's default width.
    assert toolbar.sizeHint().width() <= window.body.width() + 10


# --- the link dialog ----------------------------------------------------------------------------


def test_link_dialog_prefills_from_selection_and_clipboard(qtbot, window) -> None:
    QGuiApplication.clipboard().setText("https://www.efe.com/story")
    _body_with(qtbot, window, "Read [[the report ]]now")
    dialog = window.formatting.edit_link()
    assert dialog is not None
    assert dialog.text_edit.text() == "the report"
    assert dialog.address_edit.text() == "https://www.efe.com/story"
    assert dialog.ok_button.isEnabled()
    assert not dialog.remove_button.isVisible()
    dialog.accept()
    assert window.body.toPlainText() == "Read [the report](https://www.efe.com/story) now"
    window.body.undo()
    assert window.body.toPlainText() == "Read the report now"


@pytest.mark.parametrize(
    ("typed", "enabled"),
    [
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("efe", False),
        ("www.efe.com", True),
        ("mailto:desk@efe.com", True),
    ],
)
def test_link_dialog_ok_only_for_safe_addresses(qtbot, window, typed, enabled) -> None:
    QGuiApplication.clipboard().setText("not an address")
    _body_with(qtbot, window, "Read [[this]]")
    dialog = window.formatting.edit_link()
    assert dialog is not None and dialog.address_edit.text() == ""
    assert not dialog.ok_button.isEnabled()
    dialog.address_edit.setText(typed)
    assert dialog.ok_button.isEnabled() is enabled
    if enabled:
        dialog.accept()
        assert window.body.toPlainText().startswith("Read [this](")
        assert "https://www.efe.com" in window.body.toPlainText() or "mailto:" in (
            window.body.toPlainText()
        )
    else:
        dialog.reject()


def test_link_dialog_edits_and_removes_an_existing_link(qtbot, window) -> None:
    _body_with(qtbot, window, "Read [the re|port](http://old.org) now")
    dialog = window.formatting.edit_link()
    assert dialog is not None
    assert dialog.windowTitle() == "Edit Link"
    assert (dialog.text_edit.text(), dialog.address_edit.text()) == ("the report", "http://old.org")
    assert dialog.remove_button.isVisible()
    dialog.address_edit.setText("https://new.org")
    dialog.text_edit.setText("the new report")
    dialog.accept()
    assert window.body.toPlainText() == "Read [the new report](https://new.org) now"

    cursor = window.body.textCursor()
    cursor.setPosition(len("Read [the"))
    window.body.setTextCursor(cursor)
    dialog = window.formatting.edit_link()
    assert dialog is not None
    dialog.done(REMOVE_LINK)
    assert window.body.toPlainText() == "Read the new report now"


def test_link_dialog_escape_changes_nothing(qtbot, window) -> None:
    _body_with(qtbot, window, "Read [[this]]")
    dialog = window.formatting.edit_link()
    assert dialog is not None
    dialog.address_edit.setText("https://efe.com")
    qtbot.keyClick(dialog.address_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert window.body.toPlainText() == "Read this"


# --- pasting an address over words --------------------------------------------------------------


def test_pasting_an_address_over_words_makes_a_link(qtbot, window) -> None:
    QGuiApplication.clipboard().setText(" https://www.efe.com/a ")
    _body_with(qtbot, window, "Read [[the report]] now")
    qtbot.keyClick(window.body, Qt.Key.Key_V, CTRL)
    assert window.body.toPlainText() == "Read [the report](https://www.efe.com/a) now"
    window.body.undo()
    assert window.body.toPlainText() == "Read the report now"


@pytest.mark.parametrize(
    ("clipboard", "written"),
    [
        ("https://www.efe.com/a", "Read |now"),  # nothing selected: the address is pasted
        ("some words", "Read [[the report]] now"),  # not an address: replaces the words
        ("javascript:alert(1)", "Read [[the report]] now"),
    ],
)
def test_other_pastes_stay_pastes(qtbot, window, clipboard, written) -> None:
    data = QMimeData()
    data.setText(clipboard)
    _body_with(qtbot, window, written)
    window.body.insertFromMimeData(data)
    assert "](" not in window.body.toPlainText()
    assert clipboard in window.body.toPlainText()


# --- the preview ---------------------------------------------------------------------------------


def test_ctrl_b_shows_strong_in_the_preview(qtbot, window) -> None:
    _body_with(qtbot, window, "The caravan reached [[Tapachula]] today.")
    qtbot.keyClick(window.body, Qt.Key.Key_B, CTRL)
    assert window.document.article.body == "The caravan reached **Tapachula** today."
    wait_for_dom(
        qtbot,
        window.preview,
        "Array.from(document.querySelectorAll('strong')).map(e => e.textContent)",
        ["Tapachula"],
    )


def test_insert_photo_places_a_story_photo_at_the_cursor(qtbot, window) -> None:
    from export_samples import efe_with_photos

    article, media = efe_with_photos()
    window.document.replace(article, media, None)
    photo_id = article.photos[0].id
    body = window.body.toPlainText()
    cursor = window.body.textCursor()
    cursor.setPosition(len(body.split("\n\n")[0]))
    window.body.setTextCursor(cursor)
    window.body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.body, timeout=5_000)
    dialog = window.formatting.insert_photo()
    assert dialog is not None and dialog.list.count() == len(article.photos)
    dialog.list.setCurrentRow(0)
    dialog.accept()
    first_block = window.body.toPlainText().split("\n\n")[1]
    assert first_block == f"![](photo:{photo_id})"
    window.body.undo()
    assert window.body.toPlainText() == body


def test_positions_after_characters_outside_the_basic_plane(qtbot, window) -> None:
    # Qt counts an emoji as two positions, Python as one.
    _body_with(qtbot, window, "🎉🎉 A good day|")
    cursor = window.body.textCursor()
    cursor.setPosition(len("🎉🎉 A go".encode("utf-16-le")) // 2)
    window.body.setTextCursor(cursor)
    window.formatting.actions["bold"].trigger()
    assert window.body.toPlainText() == "🎉🎉 A **good** day"
    assert window.body.textCursor().position() == len("🎉🎉 A **go".encode("utf-16-le")) // 2
