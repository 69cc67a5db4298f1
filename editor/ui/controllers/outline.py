"""The Outline dock wired to the story: kept up to date after the reporter pauses, following the
body's cursor, and taking the reporter to the entry chosen.

Reading a 20,000-word body's subheads and photos takes longer than a keystroke may
(benchmarks/outline.py), so the outline is worked out in the worker after a pause, and only
while the dock is shown. Following the cursor is cheap: the entries' lines are known.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QDockWidget, QMainWindow

from editor.text.story_outline import EntryKind, OutlineEntry, photo_label, section_at
from editor.text.story_outline import story_outline as read_outline
from editor.ui.controllers.debounce import DebouncedJob
from editor.ui.document import ArticleDocument
from editor.ui.panes.body import BodyPane
from editor.ui.panes.outline import OutlinePane

logger = logging.getLogger(__name__)

OUTLINE_DELAY_MS = 300
SHOWN_KEY = "view/outline"
AREA_KEY = "view/outline_area"
OUTLINE_KEYS = "Ctrl+Shift+O"


class OutlineController(QObject):
    """Feeds ``pane`` from ``document`` and moves ``body``'s cursor to the chosen entry.

    ``show_headline`` takes the reporter to the headline field (it is not in the body).
    """

    def __init__(
        self,
        document: ArticleDocument,
        body: BodyPane,
        pane: OutlinePane,
        show_headline: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.body = body
        self.pane = pane
        self._show_headline = show_headline
        self.active = False  # only a shown outline is kept up to date
        self._stale = True
        self._job = DebouncedJob(
            self,
            OUTLINE_DELAY_MS,
            self._prepare,
            self._done,
            lambda _message: None,  # logged by the worker; the outline keeps its last entries
            logger=logger,
            what="Reading the story's outline",
        )
        self._asked: tuple[str, str, dict[str, str]] | None = None
        document.bodyChanged.connect(self._changed)
        document.photosChanged.connect(self._changed)
        document.photoChanged.connect(lambda _photo_id: self._changed())
        document.fieldChanged.connect(self._field_changed)
        document.replaced.connect(self._replaced)
        body.cursorPositionChanged.connect(self.follow_cursor)
        pane.entryChosen.connect(self.go_to)

    # --- keeping up with the story -------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        """The dock was shown or hidden: a shown outline catches up at once."""
        self.active = active
        if active and self._stale:
            self._job.schedule(0)

    def _changed(self) -> None:
        self._stale = True
        if self.active:
            self._job.schedule()

    def _field_changed(self, name: str) -> None:
        if name == "headline":
            self._changed()

    def _replaced(self) -> None:
        self._stale = True
        if self.active:
            self._job.schedule(0)

    def _snapshot(self) -> tuple[str, str, dict[str, str]]:
        article = self.document.article
        labels = {
            image.id: photo_label(image.caption, image.original_name, image.id)
            for image in article.photos
        }
        return article.headline, article.body, labels

    def _prepare(self) -> Callable[[], tuple[OutlineEntry, ...]]:
        headline, body, labels = self._asked = self._snapshot()
        self._stale = False
        return lambda: read_outline(headline, body, labels)

    def _done(self, entries: tuple[OutlineEntry, ...]) -> None:
        if self._asked != self._snapshot():
            self._stale = True  # the story changed while the worker read it: read it again
            if self.active:
                self._job.schedule_unless_waiting()
        self.pane.show_entries(entries)
        self.follow_cursor()

    @property
    def idle(self) -> bool:
        """Up to date with the story, nothing under way (for tests and benchmarks)."""
        return not self._stale and self._job.idle

    # --- the cursor and the reporter's choice --------------------------------------------------

    def follow_cursor(self) -> None:
        """Select the section the body's cursor is in (the pane does not take the focus)."""
        if self.active and self.pane.entries:
            line = self.body.textCursor().blockNumber()
            self.pane.mark_current(section_at(self.pane.entries, line))

    def go_to(self, index: int) -> None:
        """Take the reporter to entry ``index``: its line in the body, or the headline field."""
        if not 0 <= index < len(self.pane.entries):
            return
        entry = self.pane.entries[index]
        if entry.kind is EntryKind.HEADLINE:
            self._show_headline()
            return
        block = self.body.document().findBlockByNumber(entry.line)
        if not block.isValid():
            block = self.body.document().lastBlock()
        cursor = QTextCursor(block)
        self.body.setTextCursor(cursor)
        self.body.centerCursor()
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)


def install_outline(
    window: QMainWindow,
    document: ArticleDocument,
    body: BodyPane,
    settings: QSettings,
    show_headline: Callable[[], None],
) -> tuple[QDockWidget, OutlineController, QAction]:
    """The Outline dock on ``window``'s left (or where the reporter left it), shown if it was;
    returns the dock, its controller and the View menu's toggle action (Ctrl+Shift+O)."""
    pane = OutlinePane()
    dock = QDockWidget(QCoreApplication.translate("Outline", "Outline"), window)
    dock.setObjectName("outline_dock")
    dock.setAccessibleName(QCoreApplication.translate("Outline", "Outline"))
    dock.setAccessibleDescription(
        QCoreApplication.translate("Outline", "The story's headline, subheads and photos")
    )
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    dock.setWidget(pane)
    area = _stored_area(settings)
    window.addDockWidget(area, dock)
    controller = OutlineController(document, body, pane, show_headline, dock)

    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("Outline", "&Outline"))
    toggle.setShortcut(QKeySequence(OUTLINE_KEYS))
    toggle.setToolTip(
        QCoreApplication.translate(
            "Outline", "Show or hide the outline of subheads and photos ({keys})"
        ).format(keys=OUTLINE_KEYS)
    )

    def shown(visible: bool) -> None:
        settings.setValue(SHOWN_KEY, visible)
        controller.set_active(visible)

    def chosen(visible: bool) -> None:  # from the menu or the keys: the reporter goes there
        if visible:
            pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    visible = settings_bool(settings.value(SHOWN_KEY, False))
    dock.setVisible(visible)
    toggle.setChecked(visible)
    controller.set_active(visible)
    toggle.toggled.connect(shown)
    toggle.triggered.connect(chosen)
    dock.dockLocationChanged.connect(lambda where: settings.setValue(AREA_KEY, where.value))
    return dock, controller, toggle


def _stored_area(settings: QSettings) -> Qt.DockWidgetArea:
    try:
        stored = settings.value(AREA_KEY, Qt.DockWidgetArea.LeftDockWidgetArea.value)
        area = Qt.DockWidgetArea(int(str(stored)))
    except (TypeError, ValueError):
        return Qt.DockWidgetArea.LeftDockWidgetArea
    allowed = (
        Qt.DockWidgetArea.LeftDockWidgetArea,
        Qt.DockWidgetArea.RightDockWidgetArea,
        Qt.DockWidgetArea.TopDockWidgetArea,
        Qt.DockWidgetArea.BottomDockWidgetArea,
    )
    return area if area in allowed else Qt.DockWidgetArea.LeftDockWidgetArea


def settings_bool(value: object) -> bool:
    """A QSettings boolean: native bools in memory, the strings "true"/"false" from a file."""
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)
