"""Help > About: who Dateline is (icon, version, licence) and where to find its files when
reporting a problem. Built as plain text like every message box (see ``questions``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor import __version__
from editor.paths import data_dir, state_dir
from editor.ui.dialogs.questions import add_accelerators, message_box
from editor.ui.message_text import shown
from editor.ui.rendering_path import rendering_choice

LICENCE = "GPL-3.0-or-later"
ICON_PIXELS = 64


def about_text(version: str, files_folder: Path, log_folder: Path) -> str:
    """The About box's words: name and version, what it is, its licence, the folders a bug
    report asks for, and how the window is drawn (``editor.ui.rendering_path``)."""
    text = QCoreApplication.translate(
        "AboutBox",
        "Dateline {version}\n"
        "An article editor for news reporters.\n\n"
        "Licence: {licence}\n"
        "Dateline's files (recovery, dictionary, publish queue): {files}\n"
        "Log: {log}",
    ).format(version=version, licence=LICENCE, files=files_folder, log=log_folder)
    choice = rendering_choice()
    if choice is not None:
        text += "\n" + QCoreApplication.translate("AboutBox", "Drawn with: {how}").format(
            how=shown(choice.why)
        )
    return text


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box, with the application icon, ready to ``exec``."""
    from editor.desktop.icons import application_icon

    box = message_box(
        parent,
        QMessageBox.Icon.NoIcon,
        QCoreApplication.translate("AboutBox", "About Dateline"),
        about_text(__version__, data_dir(), state_dir()),
        QMessageBox.StandardButton.Ok,
    )
    box.setIconPixmap(application_icon().pixmap(ICON_PIXELS, ICON_PIXELS))
    add_accelerators(box)
    return box
