"""The reporter's preferences in the window: read from and written to the settings store,
applied at once where they can be (spelling underlines, smart punctuation, autosave, the
house-style file), and used to start every new story.

``install_preferences`` adds Edit > Preferences… (Ctrl+,) and starts the window's first story
from the preferences; the dialog itself is ``editor.ui.dialogs.preferences``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from editor.model.article import Article
from editor.model.preferences import (
    SETTINGS_KEYS,
    Preferences,
    new_story,
    preferences_from_settings,
    preferences_to_settings,
)
from editor.ui.controllers.autosave import IDLE_MS, Autosaver
from editor.ui.menus import menu_named

if TYPE_CHECKING:
    from editor.ui.controllers.checks import ChecksController
    from editor.ui.controllers.spelling import SpellingController
    from editor.ui.controllers.typography import SmartPunctuation
    from editor.ui.dialogs.preferences import PreferencesDialog
    from editor.ui.document import ArticleDocument

# Linux has no standard Preferences key: Ctrl+, is what editors there use.
PREFERENCES_SHORTCUTS = (QKeySequence.StandardKey.Preferences, "Ctrl+,")
WRITE_TIME_MS = 1000  # of the autosave interval, kept for the write itself


def preferences_shortcuts() -> list[QKeySequence]:
    """The platform's Preferences keys and Ctrl+, once each: a key listed twice on one action
    would make Qt call it ambiguous and do nothing."""
    keys: list[QKeySequence] = []
    for key in PREFERENCES_SHORTCUTS:
        for sequence in (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        ):
            if not sequence.isEmpty() and sequence not in keys:
                keys.append(sequence)
    return keys


def autosave_intervals(seconds: int) -> tuple[int, int]:
    """(idle_ms, max_wait_ms) for the autosaver so that every change is on disk within
    ``seconds``: the longest wait leaves a second for the write; a pause in typing writes
    after 2 s, or sooner when the interval is shorter."""
    max_wait = max(seconds * 1000 - WRITE_TIME_MS, 500)
    return min(IDLE_MS, max_wait), max_wait


class PreferencesController(QObject):
    """Owns the preferences of one window: ``preferences`` as stored, ``save`` to change
    them, ``changed`` when they did."""

    changed = Signal(object)  # the new Preferences

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_controller")
        self.settings = settings
        self.action: QAction | None = None  # Edit > Preferences…, once installed

    @property
    def preferences(self) -> Preferences:
        values = {key: self.settings.value(key) for key in SETTINGS_KEYS.values()}
        return preferences_from_settings(values)

    def save(self, prefs: Preferences) -> None:
        for key, value in preferences_to_settings(prefs.cleaned()).items():
            self.settings.setValue(key, value)
        self.settings.sync()
        self.changed.emit(self.preferences)

    def new_story(self) -> Article:
        """A blank story started from the preferences (byline, dateline, sign-off, language)."""
        return new_story(self.preferences)


class PreferencesApplier(QObject):
    """Puts preferences into effect in the running window."""

    def __init__(
        self,
        autosave: Autosaver,
        typography: SmartPunctuation,
        spelling: SpellingController,
        checks: ChecksController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.autosave = autosave
        self.typography = typography
        self.spelling = spelling
        self.checks = checks

    def apply(self, prefs: Preferences) -> None:
        self.autosave.set_intervals(*autosave_intervals(prefs.autosave_seconds))
        if self.typography.toggle_action is not None:
            self.typography.toggle_action.setChecked(prefs.smart_punctuation)
        self.typography.set_enabled(prefs.smart_punctuation)
        self.spelling.set_enabled(prefs.spelling)
        house_style = Path(prefs.house_style_file) if prefs.house_style_file else None
        if house_style != self.checks.house_style_file:
            self.checks.house_style_file = house_style
            self.checks.run_now()


def install_preferences(
    window: QMainWindow,
    settings: QSettings,
    document: ArticleDocument,
    autosave: Autosaver,
    typography: SmartPunctuation,
    spelling: SpellingController,
    checks: ChecksController,
) -> PreferencesController:
    """Edit > Preferences… (Ctrl+,) in ``window``, the preferences in effect, and the
    document's first story started from them."""
    controller = PreferencesController(settings, window)
    applier = PreferencesApplier(autosave, typography, spelling, checks, controller)
    controller.changed.connect(applier.apply)
    applier.apply(controller.preferences)

    action = QAction(QCoreApplication.translate("Preferences", "Preference&s…"), window)
    action.setObjectName("preferences_action")
    action.setShortcuts(preferences_shortcuts())
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip(
        QCoreApplication.translate(
            "Preferences", "Your name and agency for new stories, spelling, autosave, folders"
        )
    )
    action.triggered.connect(lambda: show_preferences(window, controller))
    edit_menu = menu_named(window, "&Edit")
    edit_menu.addSeparator()
    edit_menu.addAction(action)
    controller.action = action

    if document.path is None and not document.dirty:
        document.new(controller.new_story())
    return controller


def show_preferences(window: QMainWindow, controller: PreferencesController) -> PreferencesDialog:
    """The Preferences dialog, one per window, brought up to date with the store."""
    from editor.ui.dialogs.preferences import PreferencesDialog

    dialog = window.findChild(PreferencesDialog, "preferences_dialog")
    if dialog is None:
        dialog = PreferencesDialog(controller.preferences, parent=window)
        dialog.applied.connect(controller.save)
    else:
        dialog.show_preferences(controller.preferences)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
