"""Light and dark: the window follows the desktop's colour scheme unless the reporter chose one.

View > Theme offers System, Light and Dark (kept in QSettings ``view/theme``). Applying a theme
sets the Fusion style and a complete palette from the theme table (editor/ui/theme_table.py) on
the application, so every widget, and every stylesheet that names ``palette(role)``, draws with
colours whose contrast was checked; Fusion because it draws with the palette alone, the same on
every desktop. Under System, Qt's ``colorSchemeChanged`` re-applies it while the window runs.
View > Dark Preview (``view/dark_preview``) darkens only the window's preview
(editor/ui/controllers/dark_preview.py): the published page stays light.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from editor.ui.controllers.dark_preview import DarkPreview
from editor.ui.menus import menu_named
from editor.ui.panes.preview import PreviewPane
from editor.ui.theme_table import Scheme, build_palette
from editor.ui.widgets.palette_style import announce_new_palette

logger = logging.getLogger(__name__)

THEME_KEY = "view/theme"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
STYLE = "Fusion"


def scheme_of(system: Qt.ColorScheme) -> Scheme:
    """Our scheme for the desktop's: dark only when it says dark (Unknown is taken as light)."""
    return "dark" if system == Qt.ColorScheme.Dark else "light"


class ThemeController(QObject):
    """Keeps the application's palette on the chosen theme, or on the desktop's scheme."""

    applied = Signal(str)  # the scheme now shown: "light" or "dark"

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        hints = QGuiApplication.styleHints()
        self._system = hints.colorScheme()
        hints.colorSchemeChanged.connect(self.system_scheme_changed)
        choice = str(settings.value(THEME_KEY, SYSTEM))
        self._choice = choice if choice in (SYSTEM, LIGHT, DARK) else SYSTEM
        self._scheme: Scheme | None = None
        self.dark_preview: DarkPreview | None = None  # View > Dark Preview, once installed

    @property
    def choice(self) -> str:
        """What the reporter chose: "system", "light" or "dark"."""
        return self._choice

    @property
    def scheme(self) -> Scheme:
        """The scheme the choice means now."""
        if self._choice == SYSTEM:
            return scheme_of(self._system)
        return "dark" if self._choice == DARK else "light"

    def choose(self, choice: str) -> None:
        """Show ``choice`` ("system", "light" or "dark") and keep it for the next start."""
        if choice not in (SYSTEM, LIGHT, DARK):
            raise ValueError(choice)
        self._choice = choice
        self._settings.setValue(THEME_KEY, choice)
        self.apply()

    def system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark (Qt's ``colorSchemeChanged``)."""
        self._system = scheme
        if self._choice == SYSTEM:
            self.apply()

    def apply(self) -> None:
        """Put the application on Fusion and the palette of the current scheme."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if app.style().name().lower() != STYLE.lower():
            app.setStyle(STYLE)
        scheme = self.scheme
        if scheme == self._scheme and app.palette() == build_palette(scheme):
            return  # already shown: a palette change repaints every widget
        self._scheme = scheme
        app.setPalette(build_palette(scheme))
        announce_new_palette()  # to the widgets whose stylesheets name colours
        logger.debug("Theme %s (chosen: %s)", scheme, self._choice)
        self.applied.emit(scheme)


def add_theme_menu(controller: ThemeController, window: QMainWindow) -> QActionGroup:
    """View > Theme > System / Light / Dark, one of them checked."""
    menu = menu_named(window, "&View").addMenu(QCoreApplication.translate("Theme", "Th&eme"))
    menu.setObjectName("menu_theme")
    group = QActionGroup(window)
    group.setObjectName("theme_choices")
    group.setExclusive(True)
    choices = (
        (QCoreApplication.translate("Theme", "&System"), SYSTEM),
        (QCoreApplication.translate("Theme", "&Light"), LIGHT),
        (QCoreApplication.translate("Theme", "&Dark"), DARK),
    )
    for text, choice in choices:
        action = QAction(text, group)
        action.setObjectName(f"theme_{choice}")
        action.setCheckable(True)
        action.setChecked(choice == controller.choice)
        action.setData(choice)
        action.triggered.connect(lambda _checked=False, c=choice: controller.choose(c))
        menu.addAction(action)
    return group


def install_theme(
    window: QMainWindow, settings: QSettings, preview: PreviewPane
) -> ThemeController:
    """Apply the chosen theme and add View > Theme and View > Dark Preview to ``window``."""
    controller = ThemeController(settings, window)
    controller.apply()
    add_theme_menu(controller, window)
    dark_preview = DarkPreview(preview, settings, window)
    menu_named(window, "&View").addAction(dark_preview.action)
    controller.dark_preview = dark_preview
    return controller
