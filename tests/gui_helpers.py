"""Helpers for tests that drive the real window and read the preview's DOM."""

from __future__ import annotations

from typing import Any

from pytestqt.exceptions import TimeoutError as QtBotTimeout

from editor.ui.panes.preview import PreviewPane


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
