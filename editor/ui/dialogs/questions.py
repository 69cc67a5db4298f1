"""The window's small questions: a choice among named answers, a yes/no, and a refusal.

Every message here may quote a file (a zip entry's name, a headline, a photo's file name), and a
QMessageBox guesses "rich text" from a leading tag: a received package could then show a heading
with a working link in an error. The boxes are built here, always as plain text, instead of
through QMessageBox's static helpers, which cannot be told the text format.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    message: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box that shows ``message`` exactly as written, never as markup."""
    box = QMessageBox(icon, title, message, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def choose(parent: QWidget, title: str, message: str, choices: tuple[str, ...]) -> str | None:
    """Ask with a button per choice and Cancel; the choice's text, or None for Cancel."""
    box = message_box(parent, QMessageBox.Icon.Warning, title, message)
    buttons: dict[QAbstractButton, str] = {
        box.addButton(text, QMessageBox.ButtonRole.AcceptRole): text for text in choices
    }
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return buttons.get(box.clickedButton())


def ask(
    parent: QWidget,
    title: str,
    message: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """A question answered by one of ``buttons``; the button chosen (Escape: the cancel one)."""
    box = message_box(parent, QMessageBox.Icon.Question, title, message, buttons)
    box.setDefaultButton(default)
    result = box.exec()
    clicked = box.clickedButton()
    if clicked is not None:
        return box.standardButton(clicked)
    return QMessageBox.StandardButton(result)


def refuse(parent: QWidget | None, title: str, message: str) -> None:
    """Say why something could not be done; the reporter can only acknowledge it."""
    box = message_box(
        parent, QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok
    )
    box.exec()


def inform(parent: QWidget, title: str, message: str) -> None:
    """A note the reporter reads and closes."""
    box = message_box(
        parent, QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok
    )
    box.exec()
