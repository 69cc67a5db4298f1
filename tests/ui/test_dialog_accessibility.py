"""Every control of the window's dialogs has a name a screen reader can say: Find and Replace,
Export, Publish, History and WordPress Sites, walked as they are (whatever they hold)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialog, QWidget

pytestmark = pytest.mark.gui


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    owner = widget.parentWidget()
    if not name.strip() and owner is not None and owner.focusProxy() is widget:
        return spoken_name(owner)
    return name.strip()


def unnamed_controls(dialog: QWidget) -> list[str]:
    missing = []
    for widget in dialog.findChildren(QWidget):
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        inner = any(
            isinstance(owner, QWidget) and owner.focusProxy() is widget
            for owner in [widget.parentWidget()]
        )
        if takes_tab and widget.isVisible() and not inner and not spoken_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


@pytest.mark.parametrize(
    "opener",
    ["show_export_dialog", "show_publish", "show_history", "show_sites", "find_replace"],
)
def test_dialog_controls_have_names(qtbot, window, opener: str) -> None:
    if opener == "find_replace":
        dialog = window.find_replace
        dialog.show()
    else:
        dialog = getattr(window, opener)()
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    try:
        assert unnamed_controls(dialog) == []
    finally:
        dialog.close()
