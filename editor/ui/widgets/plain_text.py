"""Labels and tooltips that show text exactly as written, never as markup.

Qt guesses rich text from a leading tag (Qt::mightBeRichText) in labels and tooltips. Text that
comes from a file — a photo's name, a headline, a finding quoting the body — must not turn into
a heading or a link, so every label and tooltip that may carry it goes through here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip shows it: escaped, so a tag in it is shown, not obeyed."""
    return str(QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal))
