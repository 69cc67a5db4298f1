"""The window's small questions: a choice among named answers, and a refusal."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def choose(parent: QWidget, title: str, message: str, choices: tuple[str, ...]) -> str | None:
    """Ask with a button per choice and Cancel; the choice's text, or None for Cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    buttons: dict[QAbstractButton, str] = {
        box.addButton(text, QMessageBox.ButtonRole.AcceptRole): text for text in choices
    }
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return buttons.get(box.clickedButton())


def refuse(parent: QWidget, title: str, message: str) -> None:
    """Say why something could not be done; the reporter can only acknowledge it."""
    QMessageBox.warning(parent, title, message)
