"""The dialog an unexpected error in the window shows: what happened in one line, whether the
story is safe, where the log is, and the details to copy into a bug report. The window keeps
running behind it (``editor.ui.crash_handler`` decides when it shows)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)


def story_state(saved: bool | None) -> str:
    """What the dialog says about the story, given ``Autosaver.write_now``'s answer."""
    if saved is None:
        return QCoreApplication.translate("CrashDialog", "Your story has no unsaved changes.")
    if saved:
        return QCoreApplication.translate("CrashDialog", "Your story was saved for recovery.")
    return QCoreApplication.translate(
        "CrashDialog", "Saving your story for recovery failed: save it now with File > Save As."
    )


class CrashDialog(QDialog):
    """One unexpected error: ``summary`` (one line), the story's state, the log's path, and
    "Copy details" (``details``: version, platform and traceback) with Close."""

    def __init__(
        self,
        parent: QWidget | None,
        summary: str,
        saved: bool | None,
        log_path: Path | None,
        details: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "Dateline: unexpected error"))
        self.details = details
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32)
        )
        self.message = QLabel(
            QCoreApplication.translate(
                "CrashDialog",
                "<b>Something went wrong in Dateline:</b> {summary}<br><br>"
                "{state} You can go on working; saving the story and "
                "starting Dateline again is the safest course.",
            ).format(summary=escape(summary), state=escape(story_state(saved)))
        )
        self.message.setObjectName("crash_message")
        self.message.setWordWrap(True)
        where = (
            str(log_path)
            if log_path
            else QCoreApplication.translate(
                "CrashDialog", "no log file (it goes to the terminal only)"
            )
        )
        self.log_label = QLabel(
            QCoreApplication.translate("CrashDialog", "The details are in the log: {where}").format(
                where=escape(where)
            )
        )
        self.log_label.setObjectName("crash_log_path")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(QCoreApplication.translate("CrashDialog", "&Copy Details"))
        self.copy_button.setObjectName("copy_details")
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(QCoreApplication.translate("CrashDialog", "C&lose"))
        self.close_button.setObjectName("close")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        texts = QVBoxLayout()
        texts.addWidget(self.message)
        texts.addWidget(self.log_label)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", "&Copied"))
