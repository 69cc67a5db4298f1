"""The window's menus in one fixed order, whichever part of the window asks for one first.

Each part of the window (formatting, the view, preferences) adds its own actions; asking for a
menu by name here makes the menu bar read File, Edit, Format, View, Photos, Help however the
parts are wired.

Menus are asked for by their English title (the code's name for them) and found by object name,
so the title the reporter reads can be translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

MENU_ORDER = ("&File", "&Edit", "F&ormat", "&View", "&Photos", "&Help")


def menu_title(title: str) -> str:
    """The title the reporter reads for the menu the code calls ``title``."""
    titles = {
        "&File": QCoreApplication.translate("Menus", "&File"),
        "&Edit": QCoreApplication.translate("Menus", "&Edit"),
        "F&ormat": QCoreApplication.translate("Menus", "F&ormat"),
        "&View": QCoreApplication.translate("Menus", "&View"),
        "&Photos": QCoreApplication.translate("Menus", "&Photos"),
        "&Help": QCoreApplication.translate("Menus", "&Help"),
    }
    return titles[title]


def _object_name(title: str) -> str:
    return "menu_" + title.replace("&", "").lower()


def menu_named(window: QMainWindow, title: str) -> QMenu:
    """The window's menu called ``title`` (one of MENU_ORDER), made in its place if missing."""
    if title not in MENU_ORDER:
        raise ValueError(f"{title!r} is not one of the window's menus")
    bar = window.menuBar()
    existing = {
        action.menu().objectName(): action
        for action in bar.actions()
        if isinstance(action.menu(), QMenu)
    }
    if _object_name(title) in existing:
        menu = existing[_object_name(title)].menu()
        assert isinstance(menu, QMenu)
        return menu
    menu = QMenu(menu_title(title), bar)
    menu.setObjectName(_object_name(title))
    later = MENU_ORDER[MENU_ORDER.index(title) + 1 :]
    before = next(
        (existing[_object_name(name)] for name in later if _object_name(name) in existing), None
    )
    if before is None:
        bar.addMenu(menu)
    else:
        bar.insertMenu(before, menu)
    return menu
