"""Restoring a revision is one undoable step: Ctrl+Z in the body right after a restore puts back
the body and the fields as they were, and Ctrl+Shift+Z restores them again.

The body's history is Qt's own (its QTextDocument), kept across the restore: the restored body
goes in as one edit, a step after what was typed before. The fields have no history shared with
it, so this follows the body's: when an undo or redo brings the body back to either side of
the restore's step, the fields follow to the same side. Typing after the restore and undoing
it leaves the fields restored; one more undo takes back the restore itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from editor.model.article import Article, snapshot_article
from editor.ui.document import FIELD_NAMES, ArticleDocument, field_of
from editor.ui.panes.body import BodyPane
from editor.ui.panes.fields import FieldsPane


@dataclass(frozen=True)
class _RestoreStep:
    before: Article
    after: Article
    # The body's undo history counted before and after the restore's edit (Qt counts the
    # commands of an edit, not its steps: one undo goes from after to before).
    steps_before: int
    steps_after: int


class RestoreUndo(QObject):
    def __init__(
        self, document: ArticleDocument, body: BodyPane, fields: FieldsPane, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.body = body
        self.fields = fields
        self._step: _RestoreStep | None = None
        document.revisionRestored.connect(self._restored)
        document.replaced.connect(self._forget)  # another story: the body's history is gone
        body.textChanged.connect(self._body_moved)

    def _forget(self) -> None:
        self._step = None

    def _restored(self, before: Article) -> None:
        self._step = None
        after = snapshot_article(self.document.article)
        history = self.body.document()
        steps_before = history.availableUndoSteps()
        self.fields.show_article(after)
        self.body.replace_as_one_step(after.body)
        steps_after = history.availableUndoSteps()
        if steps_after != steps_before:  # an empty body holds no step
            self._step = _RestoreStep(before, after, steps_before, steps_after)

    def _body_moved(self) -> None:
        step = self._step
        if step is None:
            return
        steps = self.body.document().availableUndoSteps()
        if steps == step.steps_before and self.body.toPlainText() == step.before.body:
            side = step.before
        elif steps == step.steps_after and self.body.toPlainText() == step.after.body:
            side = step.after
        else:
            return
        # The body reached the document through the body pane's own edit signal.
        if _fields_differ(self.document.article, side):
            self.document.set_fields_of(side)
            self.fields.show_article(self.document.article)


def _fields_differ(article: Article, other: Article) -> bool:
    return article.metadata != other.metadata or any(
        field_of(article, name) != field_of(other, name) for name in FIELD_NAMES
    )
