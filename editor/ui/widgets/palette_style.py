"""Stylesheets and colours that follow the palette when the theme changes.

Qt resolves ``palette(mid)`` in a stylesheet once, when the stylesheet is set, and a named colour
(an error's red) differs between light and dark: a widget whose look depends on either must be
styled again when the application's palette changes. ``follow_palette`` calls back on every
palette change of one widget (an event filter on that widget only: a filter on the whole
application crashes once a web view exists).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

PALETTE_EVENTS = frozenset({QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange})


class _PaletteWatcher(QObject):
    """Calls ``changed(application_wide)`` after the watched widget's palette, or the
    application's, changed."""

    def __init__(self, widget: QWidget, changed: Callable[[bool], None]) -> None:
        super().__init__(widget)
        self._changed = changed
        self._running = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Restyling may itself change the widget's palette: never re-enter.
        if event.type() in PALETTE_EVENTS and not self._running:
            self._running = True
            try:
                self._changed(event.type() == QEvent.Type.ApplicationPaletteChange)
            finally:
                self._running = False
        return False


def follow_palette(widget: QWidget, changed: Callable[[], None]) -> None:
    """Call ``changed`` now and whenever ``widget``'s palette or the application's changes."""
    changed()
    widget.installEventFilter(_PaletteWatcher(widget, lambda _application_wide: changed()))


def set_palette_style(widget: QWidget, build: Callable[[], str]) -> None:
    """Give ``widget`` the stylesheet ``build()`` makes, made and set again on palette changes.

    ``build`` names colours as ``palette(role)`` or takes them from the theme table
    (editor/ui/theme_table.py). The application's palette changing sets the sheet again even
    if its text is the same, so that Qt resolves ``palette(role)`` anew; the widget's own
    palette changing (which setting a sheet can cause) sets it only if its text changed, so
    restyling never feeds itself.
    """

    def restyle(application_wide: bool) -> None:
        sheet = build()
        if application_wide or widget.styleSheet() != sheet:
            widget.setStyleSheet(sheet)

    widget.setStyleSheet(build())
    widget.installEventFilter(_PaletteWatcher(widget, restyle))
