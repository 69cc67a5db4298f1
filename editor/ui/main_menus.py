"""The main window's menu bar: File, Edit, Photos and Help (the View menu is
``controllers/view_options.py``'s), each action calling the window's own method."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from editor.ui.controllers.user_guide import install_user_guide
from editor.ui.menus import menu_named
from editor.ui.widgets.pasting import PLAIN_PASTE_KEYS

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


@dataclass(frozen=True)
class MainMenus:
    """What the window changes later: the recent files it lists, Save it disables for a
    read-only story, the Edit menu other tools add to, and the user guide's action."""

    recent_menu: QMenu
    save_action: QAction
    edit_menu: QMenu
    user_guide_action: QAction


def menu_action(
    window: MainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> MainMenus:
    keys = QKeySequence.StandardKey
    file_menu = menu_named(window, "&File")
    file_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "&New"), window.new_article, keys.New
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "New Story from &Clipboard"),
            window.new_story_from_clipboard,
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Open…"),
            window.open_dialog,
            keys.Open,
        )
    )
    recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addSeparator()
    save_action = menu_action(
        window, QCoreApplication.translate("MainWindow", "&Save"), window.save, keys.Save
    )
    file_menu.addAction(save_action)
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "Save &As…"),
            window.save_as,
            keys.SaveAs,
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&History…"),
            window.show_history,
            "Ctrl+Shift+H",
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "Publish to &WordPress…"),
            window.show_publish,
            "Ctrl+Shift+P",
        )
    )
    file_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "WordPress Si&tes…"), window.show_sites
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Import Story (Markdown, Word, Web Page)…"),
            window.import_dialog,
            "Ctrl+Shift+I",
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Export…"),
            window.show_export_dialog,
            "Ctrl+E",
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "&Quit"), window.close, keys.Quit
        )
    )

    edit_menu = menu_named(window, "&Edit")
    for text, method, key in (
        (QCoreApplication.translate("MainWindow", "&Undo"), "undo", keys.Undo),
        (QCoreApplication.translate("MainWindow", "&Redo"), "redo", keys.Redo),
        (QCoreApplication.translate("MainWindow", "Cu&t"), "cut", keys.Cut),
        (QCoreApplication.translate("MainWindow", "&Copy"), "copy", keys.Copy),
        (QCoreApplication.translate("MainWindow", "&Paste"), "paste", keys.Paste),
        (QCoreApplication.translate("MainWindow", "Select &All"), "selectAll", keys.SelectAll),
    ):
        action = menu_action(window, text, lambda _=False, m=method: window.edit_focused(m), key)
        # The fields handle these keys themselves; the menu is for the mouse.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit_menu.addAction(action)
        if method == "paste":
            edit_menu.addAction(
                menu_action(
                    window,
                    QCoreApplication.translate("MainWindow", "Paste as P&lain Text"),
                    window.paste_plain_text,
                    PLAIN_PASTE_KEYS,
                )
            )

    photos_menu = menu_named(window, "&Photos")
    photos_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Add Photos…"),
            window.add_photos,
            "Ctrl+Shift+A",
        )
    )
    undo = window.document.photo_undo.createUndoAction(
        window, QCoreApplication.translate("MainWindow", "&Undo")
    )
    undo.setShortcut(QKeySequence("Ctrl+Alt+Z"))
    redo = window.document.photo_undo.createRedoAction(
        window, QCoreApplication.translate("MainWindow", "&Redo")
    )
    redo.setShortcut(QKeySequence("Ctrl+Alt+Shift+Z"))
    photos_menu.addActions([undo, redo])

    help_menu = menu_named(window, "&Help")
    help_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "&About Dateline"), window.show_about
        )
    )
    user_guide = install_user_guide(window, help_menu, window.show_status)
    return MainMenus(recent_menu, save_action, edit_menu, user_guide)
