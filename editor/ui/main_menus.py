"""The main window's menu bar: File, Edit, Photos and Help (the View menu is
``controllers/view_options.py``'s), each action calling the window's own method."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from editor.ui.controllers.user_guide import install_user_guide
from editor.ui.menus import menu_named
from editor.ui.widgets.pasting import PLAIN_PASTE_KEYS

if TYPE_CHECKING:
    from editor.ui.document import ArticleDocument


@dataclass(frozen=True)
class MainMenus:
    """What the window changes later: the recent files it lists, Save it disables for a
    read-only story, the Edit menu other tools add to, and the user guide's action."""

    recent_menu: QMenu
    save_action: QAction
    edit_menu: QMenu
    user_guide_action: QAction


class MenuSlots(Protocol):
    """What the menus call: the main window's own methods (and its document's photo undo)."""

    document: ArticleDocument

    def new_article(self) -> object: ...
    def new_story_from_clipboard(self) -> object: ...
    def open_dialog(self) -> object: ...
    def fill_recent_menu(self) -> object: ...
    def save(self) -> object: ...
    def save_as(self) -> object: ...
    def show_history(self) -> object: ...
    def show_publish(self) -> object: ...
    def show_sites(self) -> object: ...
    def import_dialog(self) -> object: ...
    def show_export_dialog(self) -> object: ...
    def edit_focused(self, method: str) -> object: ...
    def paste_plain_text(self) -> object: ...
    def add_photos(self) -> object: ...
    def show_about(self) -> object: ...
    def show_status(self, message: str, timeout_ms: int = 0) -> None: ...


def menu_action(
    window: QMainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_menus(window: QMainWindow, slots: MenuSlots) -> MainMenus:
    """The menus of ``window``, each action calling its method in ``slots`` (the window)."""
    keys = QKeySequence.StandardKey
    file_menu = menu_named(window, "&File")
    file_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "&New"), slots.new_article, keys.New
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "New Story from &Clipboard"),
            slots.new_story_from_clipboard,
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Open…"),
            slots.open_dialog,
            keys.Open,
        )
    )
    recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    recent_menu.aboutToShow.connect(slots.fill_recent_menu)
    file_menu.addSeparator()
    save_action = menu_action(
        window, QCoreApplication.translate("MainWindow", "&Save"), slots.save, keys.Save
    )
    file_menu.addAction(save_action)
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "Save &As…"),
            slots.save_as,
            keys.SaveAs,
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&History…"),
            slots.show_history,
            "Ctrl+Shift+H",
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "Publish to &WordPress…"),
            slots.show_publish,
            "Ctrl+Shift+P",
        )
    )
    file_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "WordPress Si&tes…"), slots.show_sites
        )
    )
    file_menu.addSeparator()
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Import Story (Markdown, Word, Web Page)…"),
            slots.import_dialog,
            "Ctrl+Shift+I",
        )
    )
    file_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Export…"),
            slots.show_export_dialog,
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
        action = menu_action(window, text, lambda _=False, m=method: slots.edit_focused(m), key)
        # The fields handle these keys themselves; the menu is for the mouse.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit_menu.addAction(action)
        if method == "paste":
            edit_menu.addAction(
                menu_action(
                    window,
                    QCoreApplication.translate("MainWindow", "Paste as P&lain Text"),
                    slots.paste_plain_text,
                    PLAIN_PASTE_KEYS,
                )
            )

    photos_menu = menu_named(window, "&Photos")
    photos_menu.addAction(
        menu_action(
            window,
            QCoreApplication.translate("MainWindow", "&Add Photos…"),
            slots.add_photos,
            "Ctrl+Shift+A",
        )
    )
    undo = slots.document.photo_undo.createUndoAction(
        window, QCoreApplication.translate("MainWindow", "&Undo")
    )
    undo.setShortcut(QKeySequence("Ctrl+Alt+Z"))
    redo = slots.document.photo_undo.createRedoAction(
        window, QCoreApplication.translate("MainWindow", "&Redo")
    )
    redo.setShortcut(QKeySequence("Ctrl+Alt+Shift+Z"))
    photos_menu.addActions([undo, redo])

    help_menu = menu_named(window, "&Help")
    help_menu.addAction(
        menu_action(
            window, QCoreApplication.translate("MainWindow", "&About Dateline"), slots.show_about
        )
    )
    user_guide = install_user_guide(window, help_menu, slots.show_status)
    return MainMenus(recent_menu, save_action, edit_menu, user_guide)
