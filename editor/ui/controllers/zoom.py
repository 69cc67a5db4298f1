"""Zoom: one level for the body and the preview, kept across restarts.

One level for both, as a word processor has one: a reporter who needs larger text needs it in
the story and in the page alike, and one number (shown in the status bar when it is not 100 %)
is easier to keep track of than one per pane. The body's font grows from the size it had when
the window was built; the preview's page is zoomed by QtWebEngine.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QPlainTextEdit

ZOOM_KEY = "view/zoom"
ZOOM_STEPS = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
ACTUAL_SIZE = 100
WHEEL_STEP = 120  # angle delta of one notch of a mouse wheel (a touchpad sends less, often)


def clamped_level(value: object) -> int:
    """A stored or asked-for zoom level as a percentage within the steps' range."""
    try:
        level = int(float(str(value)))
    except ValueError:
        return ACTUAL_SIZE
    return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], level))


class Zoom(QObject):
    """The zoom level (a percentage) of ``body`` and ``preview``; ``changed(level)``."""

    changed = Signal(int)

    def __init__(
        self,
        body: QPlainTextEdit,
        preview: QWebEngineView,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.body = body
        self.preview = preview
        self.settings = settings
        self.base_point_size = body.font().pointSizeF()
        self.level = ACTUAL_SIZE
        self._wheel_rest = 0
        # QtWebEngine may forget a page's zoom when the page loads: give it again.
        preview.loadFinished.connect(lambda _ok: self._page_loaded())
        self._wheel_widgets = [body.viewport()]
        body.viewport().installEventFilter(self)
        self.set_level(clamped_level(settings.value(ZOOM_KEY, ACTUAL_SIZE)))

    def set_level(self, level: int) -> None:
        level = clamped_level(level)
        font = self.body.font()
        font.setPointSizeF(self.base_point_size * level / 100)
        self.body.setFont(font)
        self.level = level
        self._apply_to_preview()
        self.settings.setValue(ZOOM_KEY, level)
        self.changed.emit(level)

    def zoom_in(self) -> None:
        self.set_level(next((step for step in ZOOM_STEPS if step > self.level), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        lower = [step for step in ZOOM_STEPS if step < self.level]
        self.set_level(lower[-1] if lower else ZOOM_STEPS[0])

    def actual_size(self) -> None:
        self.set_level(ACTUAL_SIZE)

    def _page_loaded(self) -> None:
        self._apply_to_preview()
        # Ctrl+wheel over the page would zoom it alone (Chromium's own zoom, forgotten at the
        # next start): it zooms both, as over the body. The widget that gets the page's input
        # exists once the page is shown.
        page_input = self.preview.focusProxy()
        if page_input is not None and page_input not in self._wheel_widgets:
            self._wheel_widgets.append(page_input)
            page_input.installEventFilter(self)

    def _apply_to_preview(self) -> None:
        self.preview.setZoomFactor(self.level / 100)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+wheel over the body or the page zooms, as in every editor and browser.
        if not (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return False
        self._wheel_rest += event.angleDelta().y()
        while abs(self._wheel_rest) >= WHEEL_STEP:
            if self._wheel_rest > 0:
                self._wheel_rest -= WHEEL_STEP
                self.zoom_in()
            else:
                self._wheel_rest += WHEEL_STEP
                self.zoom_out()
        event.accept()
        return True
