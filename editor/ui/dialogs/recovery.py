"""The crash-recovery prompt: one article a Dateline that did not close properly autosaved, and
the reporter's answer (Recover, Discard or Decide Later).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.model.recovery import RecoveryEntry, file_words
from editor.ui.plurals import english_plural
from editor.ui.theme_table import Role, role_hex

RECOVER, DISCARD, LATER = "recover", "discard", "later"


def describe(entry: RecoveryEntry) -> str:
    """What recovering ``entry`` would restore, for the prompt."""
    headline = entry.headline.strip() or QCoreApplication.translate(
        "RecoveryPrompt", "Untitled article"
    )
    when = entry.saved_at.astimezone().strftime("%a %d %b %Y, %H:%M:%S")
    count = entry.words  # lupdate reads a count given as a plain name only
    words = english_plural(
        QCoreApplication.translate("RecoveryPrompt", "%Ln word(s)", None, count), count
    )
    where = (
        str(entry.path)
        if entry.path
        else QCoreApplication.translate("RecoveryPrompt", "not saved to a file yet")
    )
    autosaved = QCoreApplication.translate(
        "RecoveryPrompt", "Autosaved {when} · {words} · {difference}"
    ).format(when=when, words=words, difference=difference(entry))
    return (
        f"<b>{_escape(headline)}</b><br>"
        f"{_escape(autosaved)}<br>"
        f"<span style='color:{role_hex(Role.PlaceholderText)}'>{_escape(where)}</span>"
    )


def difference(entry: RecoveryEntry) -> str:
    """``difference_text`` in the window's language: how the autosave differs from the file."""
    if entry.path is None:
        return QCoreApplication.translate("RecoveryPrompt", "never saved")
    if not entry.path.exists():
        return QCoreApplication.translate("RecoveryPrompt", "{file} no longer exists").format(
            file=entry.path.name
        )
    saved = file_words(entry.path)
    if saved is None:
        return QCoreApplication.translate("RecoveryPrompt", "{file} cannot be read").format(
            file=entry.path.name
        )
    change = entry.words - saved
    if change == 0:
        return QCoreApplication.translate(
            "RecoveryPrompt", "same word count as saved, other changes"
        )
    count = abs(change)  # lupdate reads a count given as a plain name only
    words = english_plural(
        QCoreApplication.translate("RecoveryPrompt", "{sign}%Ln word(s) since saved", None, count),
        count,
    )
    return words.format(sign="+" if change > 0 else "-")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ask(parent: QWidget, entry: RecoveryEntry) -> str:
    """The recovery prompt for one article: RECOVER, DISCARD or LATER."""
    box = QMessageBox(parent)
    box.setObjectName("recovery_prompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("RecoveryPrompt", "Recover article"))
    box.setText(
        QCoreApplication.translate(
            "RecoveryPrompt",
            "Dateline did not close properly. This article has changes that were not saved:",
        )
    )
    box.setInformativeText(describe(entry))
    recover = box.addButton(
        QCoreApplication.translate("RecoveryPrompt", "&Recover"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("RecoveryPrompt", "&Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    later = box.addButton(
        QCoreApplication.translate("RecoveryPrompt", "Decide &Later"),
        QMessageBox.ButtonRole.RejectRole,
    )
    recover.setObjectName("recover")
    discard.setObjectName("discard")
    later.setObjectName("later")
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return RECOVER if clicked is recover else DISCARD if clicked is discard else LATER
