"""The window's process hands the interpreter between threads every 0.5 ms (editor/app.py):
with Python's 5 ms, a keystroke waited behind a background pass for up to 5 ms at each step,
and keystroke to pixels at 20,000 words doubled (benchmarks/pixel_latency.py)."""

from __future__ import annotations

import sys

import pytest

from editor.app import GUI_SWITCH_INTERVAL_S


def test_the_application_hands_the_interpreter_over_often(qapp) -> None:
    assert GUI_SWITCH_INTERVAL_S <= 0.001
    assert sys.getswitchinterval() == pytest.approx(GUI_SWITCH_INTERVAL_S)


@pytest.mark.gui
def test_an_edit_in_the_window_asks_the_passes_to_stand_aside(qtbot, window, monkeypatch) -> None:
    """Typing in the body or a field notes the edit (editor/typing_pause.py) before the
    preview renders it, so the checks and spelling passes wait while it reaches the screen."""
    from PySide6.QtTest import QTest

    import editor.ui.panes.preview as preview

    noted: list[str] = []
    monkeypatch.setattr(preview, "note_edit", lambda: noted.append("edit"))
    window.body.setFocus()
    QTest.keyClicks(window.body, "a")
    assert noted == ["edit"]
    QTest.keyClicks(window.fields.headline, "b")
    assert noted == ["edit", "edit"]
