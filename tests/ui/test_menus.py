"""The menu bar keeps one order whichever part of the window adds its menu first."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from editor.ui.menus import MENU_ORDER, menu_named


def _titles(window: QMainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_menus_asked_for_in_any_order_stand_in_the_fixed_order(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    for title in ("&Help", "&View", "&File", "&Photos", "F&ormat", "&Edit"):
        menu_named(window, title)
    assert _titles(window) == list(MENU_ORDER)


def test_asking_again_gives_the_same_menu(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    first = menu_named(window, "&View")
    assert menu_named(window, "&View") is first
    assert _titles(window) == ["&View"]


def test_an_unknown_menu_is_refused(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    with pytest.raises(ValueError):
        menu_named(window, "&Tools")
