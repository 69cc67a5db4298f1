"""What a screen reader and the Tab key find in the window: names for the window's own parts,
and a focus chain that follows the reading order.

The panes name their own controls; this module names what the window assembles (the side tabs,
the preview and its mode switch, the status bar) and puts Tab in reading order: the side tabs,
each side page's controls top to bottom, the body, then the preview. Qt orders Tab by creation,
and the Checks tab is built after the body and the preview, so without this Tab would leave the
body for the preview and only then reach the Checks list.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QStatusBar, QTabBar, QTabWidget, QWidget


class ArticleWindow(Protocol):
    """What this module needs of the main window (which imports this module)."""

    @property
    def side_tabs(self) -> QTabWidget: ...
    @property
    def body(self) -> QWidget: ...
    @property
    def preview_modes(self) -> QTabBar: ...
    @property
    def splitter(self) -> QSplitter: ...
    @property
    def preview(self) -> QWidget: ...

    def statusBar(self) -> QStatusBar: ...


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def focus_stops(root: QWidget) -> list[QWidget]:
    """``root``'s descendants that Tab stops at, in the order they were built (top to bottom
    in a form); the parts of a compound control (a date field's text box, a combo box's editor)
    go with their owner.

    Built from the widget tree, not by following the focus chain: that chain runs through the
    preview's inner widgets, and touching those from Python makes QtWebEngine crash when the
    process exits without closing the window.
    """
    stops: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():
            continue  # a pop-up of the pane's (a date field's calendar) has a chain of its own
        if takes_tab(widget) and not any(stop.isAncestorOf(widget) for stop in stops):
            stops.append(widget)
    return stops


def set_reading_order(window: ArticleWindow) -> None:
    """Tab goes: side tabs, each side page's controls, the body, the preview's modes, preview."""
    tabs = window.side_tabs
    order: list[QWidget] = [tabs.tabBar()]
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None:
            order += focus_stops(page)
    order += [window.body, window.preview_modes]
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)


def name_window_parts(window: ArticleWindow) -> None:
    """Accessible names for the parts the window puts together."""
    parts: list[tuple[QWidget, str, str]] = [
        (
            window.side_tabs,
            QCoreApplication.translate("WindowParts", "Story panes"),
            QCoreApplication.translate(
                "WindowParts", "The story's fields, its photos and the checks"
            ),
        ),
        (
            window.side_tabs.tabBar(),
            QCoreApplication.translate("WindowParts", "Story panes"),
            QCoreApplication.translate("WindowParts", "Fields, Photos or Checks"),
        ),
        (
            window.preview_modes,
            QCoreApplication.translate("WindowParts", "Preview mode"),
            QCoreApplication.translate("WindowParts", "Web, phone, print, social card or wire"),
        ),
        (
            window.preview,
            QCoreApplication.translate("WindowParts", "Preview"),
            QCoreApplication.translate("WindowParts", "The story as readers will see it"),
        ),
        (window.splitter, QCoreApplication.translate("WindowParts", "Story window"), ""),
        (
            window.statusBar(),
            QCoreApplication.translate("WindowParts", "Status"),
            QCoreApplication.translate("WindowParts", "Messages, the word count and the target"),
        ),
    ]
    for widget, name, description in parts:
        widget.setAccessibleName(name)
        if description:
            widget.setAccessibleDescription(description)


def install_accessibility(window: ArticleWindow) -> None:
    """Name the window's parts and put Tab in reading order (see the module's docstring)."""
    name_window_parts(window)
    set_reading_order(window)
