"""The View menu: the outline, focus mode, typewriter scrolling, zoom and full screen.

``install_view_options(window, ...)`` builds them all from the panes it is given and adds their
actions to the View menu; each lives in its own module (outline, focus_mode, zoom) or here when
small. The reporter's choices are kept in the window's QSettings under ``view/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
)

from editor.ui.controllers.focus_mode import FocusMode
from editor.ui.controllers.outline import OutlineController, install_outline, settings_bool
from editor.ui.controllers.zoom import ACTUAL_SIZE, ZOOM_STEPS, Zoom
from editor.ui.document import ArticleDocument
from editor.ui.menus import menu_named
from editor.ui.panes.body import BodyPane
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.preview import PreviewPane

FOCUS_MODE_KEY = "view/focus_mode"
TYPEWRITER_KEY = "view/typewriter"
FOCUS_MODE_KEYS = "Ctrl+Shift+F"
FULL_SCREEN_KEYS = "F11"
MIN_OTHER_PANES = 300  # narrower than this, the fields give their share of the room too


class TypewriterScrolling(QObject):
    """Keeps the cursor's line at the middle of ``editor`` as the reporter types.

    ``centerOnScroll`` lets the editor scroll past the story's end, so the last lines reach
    the middle too. A click does not scroll: the text under the mouse stays where it is.
    """

    def __init__(self, editor: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.enabled = False
        editor.cursorPositionChanged.connect(self._cursor_moved)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.editor.setCenterOnScroll(enabled)
        if enabled:
            self.editor.centerCursor()

    def _cursor_moved(self) -> None:
        if self.enabled and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.editor.centerCursor()


class FullScreen(QObject):
    """F11 in and out of full screen, as in browsers (Escape is left to the panes: it closes
    a completer or a search there). The action stays checked as the window really is."""

    def __init__(self, window: QMainWindow, action: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.action = action
        self._was_maximized = False
        action.triggered.connect(self.set_full_screen)
        window.installEventFilter(self)

    def set_full_screen(self, full: bool) -> None:
        if full == self.window.isFullScreen():
            return
        if full:
            self._was_maximized = self.window.isMaximized()
            self.window.showFullScreen()
        elif self._was_maximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            self.action.setChecked(self.window.isFullScreen())
        return False


@dataclass
class ViewOptions:
    """What ``install_view_options`` built, for the window's other parts and the tests."""

    outline: OutlineController
    outline_action: QAction
    focus_mode: FocusMode
    focus_mode_action: QAction
    typewriter: TypewriterScrolling
    typewriter_action: QAction
    zoom: Zoom
    zoom_in_action: QAction
    zoom_out_action: QAction
    actual_size_action: QAction
    zoom_label: QLabel
    full_screen: FullScreen
    full_screen_action: QAction


def _kept_option(
    window: QMainWindow, settings: QSettings, text: str, key: str, tip: str
) -> QAction:
    """A checkable action whose state is kept in ``settings`` under ``key``."""
    action = QAction(text, window)
    action.setCheckable(True)
    action.setChecked(settings_bool(settings.value(key, False)))
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.toggled.connect(lambda on: settings.setValue(key, on))
    return action


class _FieldsKeepTheirWidth(QObject):
    """When the outline dock is shown or hidden from the menu, the change of width goes to the
    body and the preview, in proportion: the fields' form is cut when narrower.

    The action's ``toggled`` comes before its ``triggered`` shows or hides the dock (and the
    window lays itself out again at once): the sizes before are taken there.
    """

    def __init__(self, splitter: QSplitter, action: QAction) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self._before: list[int] = []
        action.toggled.connect(lambda _on: self._take_sizes())
        action.triggered.connect(lambda _on: self._keep_first_width())

    def _take_sizes(self) -> None:
        self._before = self.splitter.sizes()

    def _keep_first_width(self) -> None:
        before, after = self._before, self.splitter.sizes()
        if len(before) < 2 or len(after) != len(before):
            return
        first, others = before[0], before[1:]
        room = sum(after) - first
        if room < MIN_OTHER_PANES * len(others) or sum(others) <= 0:
            return  # too narrow: every pane gives a share
        sizes = [round(size * room / sum(others)) for size in others]
        self.splitter.setSizes([first, *sizes])


def install_view_options(
    window: QMainWindow,
    *,
    document: ArticleDocument,
    body: BodyPane,
    preview: PreviewPane,
    fields: FieldsPane,
    side_tabs: QTabWidget,
    splitter: QSplitter,
    settings: QSettings,
) -> ViewOptions:
    """Build the outline dock, focus mode, typewriter scrolling, zoom and full screen on
    ``window`` and fill its View menu. ``fields`` in ``side_tabs`` has the headline the
    outline's first entry goes to; ``splitter`` holds the side tabs, body and preview."""
    menu = menu_named(window, "&View")

    def show_headline() -> None:
        side_tabs.setCurrentWidget(fields)
        fields.headline.setFocus(Qt.FocusReason.OtherFocusReason)

    _dock, outline, outline_action = install_outline(
        window, document, body, settings, show_headline
    )
    menu.addAction(outline_action)
    menu.addSeparator()
    _FieldsKeepTheirWidth(splitter, outline_action)

    focus_mode = FocusMode(body, window)
    focus_action = _kept_option(
        window,
        settings,
        QCoreApplication.translate("ViewOptions", "&Focus Mode"),
        FOCUS_MODE_KEY,
        QCoreApplication.translate(
            "ViewOptions", "Dim the story except the paragraph you are writing"
        ),
    )
    focus_action.setShortcut(QKeySequence(FOCUS_MODE_KEYS))
    focus_action.toggled.connect(focus_mode.set_enabled)
    focus_mode.set_enabled(focus_action.isChecked())

    typewriter = TypewriterScrolling(body, window)
    typewriter_action = _kept_option(
        window,
        settings,
        QCoreApplication.translate("ViewOptions", "&Typewriter Scrolling"),
        TYPEWRITER_KEY,
        QCoreApplication.translate(
            "ViewOptions", "Keep the line you are typing in the middle of the body"
        ),
    )
    typewriter_action.toggled.connect(typewriter.set_enabled)
    typewriter.set_enabled(typewriter_action.isChecked())
    menu.addActions([focus_action, typewriter_action])
    menu.addSeparator()

    zoom = Zoom(body, preview, settings, window)
    zoom_in = QAction(QCoreApplication.translate("ViewOptions", "Zoom &In"), window)
    zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    zoom_in.triggered.connect(zoom.zoom_in)
    zoom_out = QAction(QCoreApplication.translate("ViewOptions", "Zoom O&ut"), window)
    zoom_out.setShortcut(QKeySequence("Ctrl+-"))
    zoom_out.triggered.connect(zoom.zoom_out)
    actual_size = QAction(QCoreApplication.translate("ViewOptions", "&Actual Size"), window)
    actual_size.setShortcut(QKeySequence("Ctrl+0"))
    actual_size.triggered.connect(zoom.actual_size)
    menu.addActions([zoom_in, zoom_out, actual_size])
    menu.addSeparator()

    zoom_label = QLabel()
    zoom_label.setObjectName("zoom_level")
    zoom_label.setAccessibleName(QCoreApplication.translate("ViewOptions", "Zoom level"))

    def show_zoom(level: int) -> None:
        zoom_label.setText(
            QCoreApplication.translate("ViewOptions", "Zoom {level} %").format(level=level)
        )
        zoom_label.setVisible(level != ACTUAL_SIZE)
        zoom_in.setEnabled(level < ZOOM_STEPS[-1])
        zoom_out.setEnabled(level > ZOOM_STEPS[0])
        actual_size.setEnabled(level != ACTUAL_SIZE)

    zoom.changed.connect(show_zoom)
    window.statusBar().addPermanentWidget(zoom_label)
    show_zoom(zoom.level)

    full_screen_action = QAction(QCoreApplication.translate("ViewOptions", "Full &Screen"), window)
    full_screen_action.setCheckable(True)
    full_screen_action.setShortcut(QKeySequence(FULL_SCREEN_KEYS))
    full_screen = FullScreen(window, full_screen_action)
    menu.addAction(full_screen_action)

    # Window-wide: the keys work whichever pane has the focus (the preview's page included).
    for action in (
        outline_action,
        focus_action,
        typewriter_action,
        zoom_in,
        zoom_out,
        actual_size,
        full_screen_action,
    ):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)

    return ViewOptions(
        outline=outline,
        outline_action=outline_action,
        focus_mode=focus_mode,
        focus_mode_action=focus_action,
        typewriter=typewriter,
        typewriter_action=typewriter_action,
        zoom=zoom,
        zoom_in_action=zoom_in,
        zoom_out_action=zoom_out,
        actual_size_action=actual_size,
        zoom_label=zoom_label,
        full_screen=full_screen,
        full_screen_action=full_screen_action,
    )
