"""The window's side of ``editor.export.missing_photos``: before exporting or publishing a story
whose photos have no file, ask whether to go on without them (listing them), as the command line
asks for ``--without-missing-photos``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from editor.export.missing_photos import describe
from editor.model.article import ImageRef
from editor.ui.dialogs.questions import choose


def leave_out_missing_photos(parent: QWidget, photos: list[ImageRef], *, publishing: bool) -> bool:
    """Ask whether to export (or publish) without ``photos``; True to go on without them."""
    if publishing:
        title = QCoreApplication.translate("MissingPhotosQuestion", "Publish Without Photos?")
        go_on = QCoreApplication.translate("MissingPhotosQuestion", "Publish Without Them")
        question = QCoreApplication.translate(
            "MissingPhotosQuestion",
            "{photos}.\n\nReaders would get the story without them, and without its lead"
            " photo if that is one of them. Add the files in Photos, or publish without them.",
        )
    else:
        title = QCoreApplication.translate("MissingPhotosQuestion", "Export Without Photos?")
        go_on = QCoreApplication.translate("MissingPhotosQuestion", "Export Without Them")
        question = QCoreApplication.translate(
            "MissingPhotosQuestion",
            "{photos}.\n\nThe export would leave them out, with their captions, and without"
            " its lead photo if that is one of them. Add the files in Photos, or export"
            " without them.",
        )
    message = question.format(photos=describe(photos))
    return choose(parent, title, message, (go_on,)) == go_on
