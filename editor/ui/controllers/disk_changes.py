"""When another program changed the open story's file (a synced folder, a colleague): the
question Reload / Keep Both / Overwrite, asked on save and when the window comes back to the
front, and what each answer does.

The window decides when to ask (``check_on_focus`` after an activation, ``ask(saving=True)``
before a save); this controller words the question, remembers a change the reporter chose to
ignore, and never asks twice at once (a second activation while the question is open).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from editor.model.file_lock import ArticleLocked, keep_both_name
from editor.model.package import PackageError
from editor.ui.controllers import ShowStatus
from editor.ui.dialogs.questions import choose_answer, refuse
from editor.ui.document import ArticleDocument

RELOAD, KEEP_BOTH, OVERWRITE = "Reload", "Keep Both", "Overwrite"


def _answer_labels() -> dict[str, str]:
    """The buttons' texts for the answers above (which stay the code's names for them)."""
    return {
        RELOAD: QCoreApplication.translate("DiskChanges", "Reload"),
        KEEP_BOTH: QCoreApplication.translate("DiskChanges", "Keep Both"),
        OVERWRITE: QCoreApplication.translate("DiskChanges", "Overwrite"),
    }


class DiskChanges(QObject):
    def __init__(
        self,
        document: ArticleDocument,
        show_status: ShowStatus,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.document = document
        self.show_status = show_status
        self._window = window  # the questions' parent
        self.asking = False
        self._dismissed: object = None  # a change the reporter chose to ignore

    def ask(self, *, saving: bool) -> str | None:
        """Reload, Keep Both, Overwrite or None (Cancel) for a file another program changed."""
        document = self.document
        choices = (RELOAD,) if document.read_only else (RELOAD, KEEP_BOTH, OVERWRITE)
        lines = [
            QCoreApplication.translate(
                "DiskChanges",
                "{name} was changed by another program since it was opened or saved here.",
            ).format(name=document.display_name())
        ]
        if document.dirty:
            lines.append(
                QCoreApplication.translate(
                    "DiskChanges",
                    "Reload opens the version on disk and drops the changes made here.",
                )
            )
        else:
            lines.append(
                QCoreApplication.translate("DiskChanges", "Reload opens the version on disk.")
            )
        if not document.read_only and document.path is not None:
            lines.append(
                QCoreApplication.translate(
                    "DiskChanges",
                    "Keep Both saves this version as {name} beside it and leaves the other"
                    " untouched.",
                ).format(name=keep_both_name(document.path).name)
            )
            lines.append(
                QCoreApplication.translate(
                    "DiskChanges", "Overwrite replaces the version on disk with this one."
                )
            )
        if saving:
            lines.insert(1, QCoreApplication.translate("DiskChanges", "It was not saved yet."))
        self.asking = True
        try:
            return choose_answer(
                self._window,
                QCoreApplication.translate("DiskChanges", "Changed on disk"),
                "\n\n".join(lines),
                choices,
                _answer_labels(),
            )
        finally:
            self.asking = False

    def reload(self) -> None:
        try:
            self.document.reload()
        except PackageError as error:
            refuse(
                self._window, QCoreApplication.translate("DiskChanges", "Cannot reload"), str(error)
            )
        else:
            self.show_status(
                QCoreApplication.translate("DiskChanges", "Reloaded {name}").format(
                    name=self.document.display_name()
                ),
                4000,
            )

    def check_on_focus(self) -> None:
        """When the window comes back to the front: has another program changed the file?"""
        document = self.document
        if self.asking or document.path is None or not document.changed_on_disk():
            return
        state = document.disk_state_now()
        if state == self._dismissed:
            return  # asked about this very change already; saving will ask again
        answer = self.ask(saving=False)
        if answer == RELOAD:
            self.reload()
        elif answer in (KEEP_BOTH, OVERWRITE):
            target = document.path if answer == OVERWRITE else keep_both_name(document.path)
            try:
                document.save(target)
            except (ArticleLocked, PackageError) as error:
                refuse(
                    self._window,
                    QCoreApplication.translate("DiskChanges", "Cannot save"),
                    str(error),
                )
        else:
            self._dismissed = state
