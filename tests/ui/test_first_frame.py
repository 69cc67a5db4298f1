"""The window shows a story before the checks and spelling start: the work held for its first
frame all runs, and closing the window before it has is safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from editor.spelling import available_languages
from editor.ui.first_frame import held_for_first_frame, watch_first_frame

from gui_helpers import wait_for_dom

pytestmark = pytest.mark.gui


def test_work_waits_for_a_watched_window_to_paint(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    context = QObject(window)
    ran: list[str] = []
    # Not watched, or watched but not shown: nothing is held.
    assert not held_for_first_frame(window, context, lambda: ran.append("unwatched"))
    watch_first_frame(window)
    assert not held_for_first_frame(window, context, lambda: ran.append("hidden"))
    window.show()
    assert held_for_first_frame(window, context, lambda: ran.append("held"))
    assert ran == []  # no paint yet: the event loop has not run
    qtbot.waitUntil(lambda: ran == ["held"], timeout=5_000)
    # Painted: nothing is held any more.
    assert not held_for_first_frame(window, context, lambda: ran.append("late"))


def test_held_work_of_a_deleted_context_never_runs(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    watch_first_frame(window)
    window.show()
    context = QObject()
    ran: list[str] = []
    assert held_for_first_frame(window, context, lambda: ran.append("held"))
    context.deleteLater()
    qtbot.wait(300)
    assert ran == []


def _new_window(qtbot, tmp_path: Path):
    from editor.ui.main_window import MainWindow
    from editor.ui.settings_store import window_settings

    window_settings().clear()
    window = MainWindow()
    window.spelling_service.set_personal_path(tmp_path / "dictionary.txt")
    return window


@pytest.mark.skipif("en_US" not in available_languages(), reason="no en_US dictionary")
def test_a_story_opened_as_the_window_appears_is_checked_spelled_and_previewed(
    qtbot, tmp_path, data_dir
) -> None:
    from editor.app import dispose_widgets

    window = _new_window(qtbot, tmp_path)
    try:
        # As `dateline FILE` does: shown, then the story opened before the first paint.
        window.show()
        assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)
        headline = window.document.article.headline
        qtbot.waitUntil(lambda: window.checks.up_to_date and window.checks.idle, timeout=20_000)
        assert window.side_tabs.tabText(window.checks.tab_index).startswith("Checks (")
        flagged = [f.message for f in window.checks.findings if f.code == "spelling"]
        assert any("travlling" in message for message in flagged), flagged

        def underlined() -> bool:
            return any(
                "travlling" in window.body.document().toPlainText()[start:end]
                for start, end in _underline_spans(window.body)
            )

        qtbot.waitUntil(underlined, timeout=15_000)
        wait_for_dom(
            qtbot,
            window.preview,
            "document.querySelector('h1.headline')?.textContent || ''",
            headline,
            timeout=20_000,
        )
    finally:
        window.document.new()
        window.close()
        dispose_widgets()


def _underline_spans(body) -> list[tuple[int, int]]:
    from PySide6.QtGui import QTextCharFormat

    spans = []
    block = body.document().begin()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if (
                fmt_range.format.underlineStyle()
                == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
            ):
                start = block.position() + fmt_range.start
                spans.append((start, start + fmt_range.length))
        block = block.next()
    return spans


def test_closing_the_window_before_its_first_frame_is_safe(qtbot, tmp_path, data_dir) -> None:
    from editor.app import dispose_widgets

    window = _new_window(qtbot, tmp_path)
    window.show()
    assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)
    checks, spelling = window.checks, window.spelling
    window.document.new()  # nothing to save: closing asks nothing
    window.close()
    dispose_widgets()  # deleted before the event loop ever painted it
    with pytest.raises(RuntimeError):
        checks.objectName()  # gone with the window
    del spelling
    qtbot.wait(1_500)  # the held passes and the hold's longest wait would have come by now
