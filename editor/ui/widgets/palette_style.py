"""Stylesheets and colours that follow the palette when the theme changes.

Qt resolves ``palette(mid)`` in a stylesheet once, when the stylesheet is set, and a named colour
(an error's red) differs between light and dark: a widget whose look depends on either must be
styled again when the application's palette changes. Qt does not tell a widget whose stylesheet
sets its colours that the application's palette changed, and an event filter on the whole
application crashes once a web view exists; so whoever sets the application's palette (the
theme, editor/ui/theme.py) says so with ``announce_new_palette``, and ``follow_palette`` calls
back on that and on every palette change of the widget itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget


class _PaletteNews(QObject):
    """Says that the application's palette was replaced."""

    replaced = Signal()


_news: _PaletteNews | None = None


def _palette_news() -> _PaletteNews:
    global _news
    if _news is None:
        _news = _PaletteNews(QCoreApplication.instance())
    return _news


def announce_new_palette() -> None:
    """After the application's palette was replaced: once the widgets have taken it on, set
    every widget's stylesheet again and tell the widgets styled here to make theirs anew.

    A widget with a stylesheet, even one naming no colour, keeps the palette Qt worked out when
    the sheet was set; setting the sheet again makes it take the new palette.
    """
    QTimer.singleShot(0, _palette_news(), _restyle_everything)


def _restyle_everything() -> None:
    for widget in QApplication.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
    _palette_news().replaced.emit()


def on_new_palette(context: QObject, changed: Callable[[], None]) -> None:
    """Call ``changed`` after each ``announce_new_palette``, while ``context`` lives: for what
    is not a widget (a highlighter) but draws in colours of the theme."""
    _palette_news().replaced.connect(_Relay(context, changed).relay)


class _Relay(QObject):
    """Passes the news on while its parent lives: deleted with it, it is disconnected."""

    def __init__(self, parent: QObject, changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self._changed = changed

    def relay(self) -> None:
        self._changed()


class _PaletteWatcher(QObject):
    """Calls ``changed(application_wide)`` after the watched widget's palette, or the
    application's, changed.

    Widgets take on a new application palette on the event loop's next turn, so the call for
    that is put off until then, and made once however many times the news came.
    """

    def __init__(self, widget: QWidget, changed: Callable[[bool], None]) -> None:
        super().__init__(widget)
        self._changed = changed
        self._running = False
        self._queued = False
        _palette_news().replaced.connect(self._queue)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ApplicationPaletteChange:
            self._queue()
        elif kind == QEvent.Type.PaletteChange:
            self._call(False)
        return False

    def _queue(self) -> None:
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._application_palette_changed)

    def _application_palette_changed(self) -> None:
        self._queued = False
        self._call(True)

    def _call(self, application_wide: bool) -> None:
        # Restyling may itself change the widget's palette: never re-enter.
        if self._running:
            return
        self._running = True
        try:
            self._changed(application_wide)
        finally:
            self._running = False


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
