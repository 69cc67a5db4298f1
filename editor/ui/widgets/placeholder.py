"""Placeholders that read as examples, never as values.

A grey "EFE" in an empty field looks like a value already typed. Our placeholders say "e.g."
(or are an instruction), Qt paints them in the palette's PlaceholderText colour, and here the
field's font turns italic while it is empty: QLineEdit has no font of its own for the
placeholder, and an italic face of the same family keeps the line's height, so nothing moves
when the first letter is typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

# How an example starts in English (the source language); other languages say it their way.
EXAMPLE_PREFIX = "e.g. "


def example(text: str) -> str:
    """``text`` as a placeholder that is visibly an example: ``e.g. EFE`` (``p. ej. EFE`` in
    Spanish: the marker follows the window's language, the example stays as given)."""
    return QCoreApplication.translate("Placeholder", "e.g. {example}").format(example=text)


def italic_placeholder(edit: QLineEdit) -> None:
    """Show ``edit``'s placeholder in italics: italic while empty, upright once it has text."""

    def follow(text: str) -> None:
        font = edit.font()
        if font.italic() != (not text):
            font.setItalic(not text)
            edit.setFont(font)

    edit.textChanged.connect(follow)
    follow(edit.text())
