"""Keeps the fields' direction that of the story: right to left for an Arabic or Hebrew story.

The story's direction comes from ``editor.text.direction`` (its language, else its text), and is
asked again when the story is replaced, its language or headline changes, or, while its
language is unset, its body changes (typing the first Arabic letter of a new story turns the
fields). The body editor needs nothing from here: its layout aligns each paragraph by its own
direction (``editor.ui.widgets.directional_layout``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from editor.text.direction import Direction, article_direction, language_direction
from editor.ui.document import ArticleDocument
from editor.ui.panes.fields import FieldsPane

# The fields whose change may change the direction of a story whose language is unset.
_DECIDING_FIELDS = frozenset({"language", "headline"})


class StoryDirection(QObject):
    def __init__(self, document: ArticleDocument, fields: FieldsPane) -> None:
        super().__init__(fields)
        self.document = document
        self.fields = fields
        self.direction: Direction | None = None
        document.replaced.connect(self.update)
        document.fieldChanged.connect(self._field_changed)
        document.bodyChanged.connect(self._body_changed)
        document.bodyReplaced.connect(self._body_changed)
        self.update()

    def _field_changed(self, name: str) -> None:
        if name in _DECIDING_FIELDS:
            self.update()

    def _body_changed(self) -> None:
        # A story whose language names a direction never reads its body for one (a keystroke
        # in a long story must not scan it).
        if language_direction(self.document.article.language) is None:
            self.update()

    def update(self) -> None:
        direction = article_direction(self.document.article)
        if direction != self.direction:
            self.direction = direction
            self.fields.set_story_direction(direction)
