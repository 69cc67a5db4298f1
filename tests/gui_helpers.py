"""Helpers for tests that drive the real window and read the preview's DOM."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.exceptions import TimeoutError as QtBotTimeout

from editor.ui.panes.preview import PreviewPane
from editor.ui.settings_store import window_settings


def read_dom(qtbot: Any, preview: PreviewPane, expression: str, timeout: int = 10_000) -> Any:
    """Evaluate a JS expression in the preview and return its value (via JSON)."""
    box: list[Any] = []
    preview.evaluate(f"JSON.stringify({expression})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    return box[0]


def wait_for_dom(
    qtbot: Any, preview: PreviewPane, expression: str, expected: Any, timeout: int = 10_000
) -> Any:
    """Poll the preview until ``expression`` evaluates to ``expected``; return the last value."""
    last: list[Any] = [None]

    def matches() -> bool:
        last[0] = read_dom(qtbot, preview, expression)
        return last[0] == expected

    try:
        qtbot.waitUntil(matches, timeout=timeout)
    except (AssertionError, TimeoutError, QtBotTimeout):
        raise AssertionError(f"preview shows {last[0]!r}, expected {expected!r}") from None
    return last[0]


@pytest.fixture
def fresh_view_settings(qapp: Any) -> Iterator[QSettings]:
    """The View menu's settings (zoom, outline, focus mode) start afresh: the tests share one
    settings file, and a zoom or a shown outline left by one test must not change the next."""
    settings = window_settings()
    settings.remove("view")
    yield settings
    settings.remove("view")
