"""Body highlighting in the window: the highlighter on the body, the placement captions over
it, and View > Highlight Markdown to switch the structure off (kept in ``view/highlight``).

Installed before the spelling controller, which then draws its underlines with this same
highlighter (``spelling_underlines.spelling_highlighter``): one highlighter per document.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtWidgets import QMainWindow

from editor.ui.document import ArticleDocument
from editor.ui.menus import menu_named
from editor.ui.panes.body import BodyPane
from editor.ui.panes.photos import PhotosPane
from editor.ui.widgets.body_highlighter import BodyHighlighter
from editor.ui.widgets.placement_captions import PlacementCaptions

SETTING = "view/highlight"


@dataclass
class BodyHighlighting:
    highlighter: BodyHighlighter
    captions: PlacementCaptions
    action: QAction


def install_body_highlighting(
    window: QMainWindow,
    body: BodyPane,
    document: ArticleDocument,
    photos: PhotosPane,
    settings: QSettings,
) -> BodyHighlighting:
    """Highlight ``body`` and add View > Highlight Markdown to ``window``'s menus."""

    def caption_of(photo_id: str) -> str | None:
        image = next((image for image in document.article.photos if image.id == photo_id), None)
        return None if image is None else image.caption

    def thumbnail_of(photo_id: str) -> QPixmap | None:
        return photos.thumbnail(photo_id)

    highlighter = BodyHighlighter(body)
    captions = PlacementCaptions(body, caption_of, thumbnail_of)
    for signal in (document.photosChanged, document.photoChanged, document.replaced):
        signal.connect(lambda *_: captions.refresh())
    document.photoCopiesReady.connect(captions.refresh)

    action = QAction(QCoreApplication.translate("Highlighting", "&Highlight Markdown"), window)
    action.setObjectName("action_highlight_markdown")
    action.setCheckable(True)
    action.setStatusTip(
        QCoreApplication.translate(
            "Highlighting", "Show subheads, emphasis, links and quotes as they will read"
        )
    )
    shown = settings.value(SETTING, True, type=bool)
    action.setChecked(bool(shown))
    highlighter.set_shown(bool(shown))

    def switch(checked: bool) -> None:
        settings.setValue(SETTING, checked)
        highlighter.set_shown(checked)
        captions.setVisible(checked)

    action.toggled.connect(switch)
    captions.setVisible(bool(shown))
    menu_named(window, "&View").addAction(action)
    return BodyHighlighting(highlighter, captions, action)
