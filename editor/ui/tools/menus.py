"""Finding the window's menus by title, for tools that add their actions to them."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


def window_menu(window: QMainWindow, title: str) -> QMenu:
    """The menu bar's menu titled ``title`` (ampersands ignored), made if it is not there."""
    wanted = title.replace("&", "").lower()
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "").lower() == wanted:
            return menu
    return window.menuBar().addMenu(title)
