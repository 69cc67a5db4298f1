"""View > Dark Preview: the window's preview in dark colours, for reporters who write at night.

The published page is light, so the preview shows it light unless asked. Dark is a class on the
preview page's root element, styled by the preview's own stylesheet
(resources/styles/preview-modes.css): exports never load that stylesheet, and the page is not
reloaded, so the scroll position and the preview modes stay as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction

from editor.ui.panes.preview import PreviewPane

DARK_PREVIEW_KEY = "view/dark_preview"
DARK_CLASS = "dl-dark"


class DarkPreview(QObject):
    """Keeps the preview page's dark class on or off, across page loads and restarts."""

    def __init__(self, preview: PreviewPane, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._preview = preview
        self._settings = settings
        self._dark = bool(settings.value(DARK_PREVIEW_KEY, False, type=bool))
        self.action = QAction(QCoreApplication.translate("DarkPreview", "Dar&k Preview"), self)
        self.action.setObjectName("dark_preview_action")
        self.action.setCheckable(True)
        self.action.setChecked(self._dark)
        self.action.setStatusTip(
            QCoreApplication.translate(
                "DarkPreview", "Show the preview in dark colours; the published page stays light"
            )
        )
        self.action.toggled.connect(self.set_dark)
        # The class lives in the page: a (re)loaded page needs it again.
        preview.page().loadFinished.connect(lambda _ok: self._show())
        self._show()

    @property
    def dark(self) -> bool:
        return self._dark

    def set_dark(self, dark: bool) -> None:
        """Show the preview dark (or light) and keep the choice for the next start."""
        self._dark = bool(dark)
        self._settings.setValue(DARK_PREVIEW_KEY, self._dark)
        if self.action.isChecked() != self._dark:
            self.action.setChecked(self._dark)
        self._show()

    def _show(self) -> None:
        on = "true" if self._dark else "false"
        self._preview.page().runJavaScript(
            f"document.documentElement.classList.toggle({DARK_CLASS!r}, {on});"
        )
