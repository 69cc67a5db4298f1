"""The window's menus in one fixed order, whichever part of the window asks for one first.

Each part of the window (formatting, the view, preferences) adds its own actions; asking for a
menu by name here makes the menu bar read File, Edit, Format, View, Photos, Help however the
parts are wired.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

MENU_ORDER = ("&File", "&Edit", "F&ormat", "&View", "&Photos", "&Help")


def menu_named(window: QMainWindow, title: str) -> QMenu:
    """The window's menu called ``title`` (one of MENU_ORDER), made in its place if missing."""
    if title not in MENU_ORDER:
        raise ValueError(f"{title!r} is not one of the window's menus")
    bar = window.menuBar()
    existing = {action.text(): action for action in bar.actions()}
    if title in existing:
        menu = existing[title].menu()
        assert isinstance(menu, QMenu)
        return menu
    menu = QMenu(title, bar)
    menu.setObjectName("menu_" + title.replace("&", "").lower())
    later = MENU_ORDER[MENU_ORDER.index(title) + 1 :]
    before = next((existing[name] for name in later if name in existing), None)
    if before is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(before, menu)
    return menu
