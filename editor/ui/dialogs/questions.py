"""The window's small questions: a choice among named answers, a yes/no, and a refusal.

Every message here may quote a file (a zip entry's name, a headline, a photo's file name), and a
QMessageBox guesses "rich text" from a leading tag: a received package could then show a heading
with a working link in an error. The boxes are built here, always as plain text, instead of
through QMessageBox's static helpers, which cannot be told the text format.

Every button gets a keyboard accelerator (Alt+S for "&Save", Alt+T for "&Take them too"): Qt's
own Save, Discard and Cancel carry none on Linux, and a reporter without a mouse should not have
to Tab through the buttons.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def accelerated(text: str, taken: set[str]) -> str:
    """``text`` with an ``&`` before the first letter not in ``taken`` (word starts first);
    unchanged when it already has one or no letter is free. The letter chosen joins ``taken``."""
    if "&" in text.replace("&&", ""):
        index = text.replace("&&", "").index("&")
        taken.add(text.replace("&&", "")[index + 1 : index + 2].lower())
        return text
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or text[i - 1] == " ")]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    for index in starts + others:
        letter = text[index].lower()
        if letter not in taken:
            taken.add(letter)
            return text[:index] + "&" + text[index:]
    return text


def add_accelerators(box: QMessageBox) -> None:
    """Give each of ``box``'s buttons its own Alt+letter: the named answers first, then the
    standard buttons in the order the box shows them."""
    buttons = box.buttons()
    standard = [b for b in buttons if box.standardButton(b) != QMessageBox.StandardButton.NoButton]
    taken: set[str] = set()
    for button in [b for b in buttons if b not in standard] + standard:
        button.setText(accelerated(button.text(), taken))


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
    add_accelerators(box)
    box.exec()
    return buttons.get(box.clickedButton())


def choose_answer(
    parent: QWidget,
    title: str,
    message: str,
    answers: tuple[str, ...],
    labels: Mapping[str, str],
) -> str | None:
    """``choose`` among ``answers`` (the code's names for them), each button showing its
    ``labels`` text in the window's language; the answer chosen, or None for Cancel."""
    by_label = {labels[answer]: answer for answer in answers}
    chosen = choose(parent, title, message, tuple(by_label))
    return None if chosen is None else by_label.get(chosen, chosen)


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
    add_accelerators(box)
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
    add_accelerators(box)
    box.exec()


def inform(parent: QWidget, title: str, message: str) -> None:
    """A note the reporter reads and closes."""
    box = message_box(
        parent, QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok
    )
    add_accelerators(box)
    box.exec()
