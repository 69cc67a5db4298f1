"""Scroll sync: the editor's cursor and scrolling move the preview, and the preview the editor."""

from __future__ import annotations

import pytest

from gui_helpers import read_dom, wait_for_dom

pytestmark = pytest.mark.gui

PARAGRAPHS = 150


@pytest.fixture
def long_window(qtbot, window):
    text = "\n\n".join(
        f"Paragraph {n} about the caravan on the coastal road." for n in range(PARAGRAPHS)
    )
    window.body.setPlainText(text)
    wait_for_dom(
        qtbot, window.preview, "document.querySelectorAll('#dl-body .dl-block').length", PARAGRAPHS
    )
    return window


def block_in_view(qtbot, window, number: int) -> bool:
    return read_dom(
        qtbot,
        window.preview,
        f"(() => {{ const b = [...document.querySelectorAll('#dl-body .dl-block')]"
        f".find(e => e.textContent.includes('Paragraph {number} ')); const r ="
        " b.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()",
    )


def test_blocks_carry_their_source_lines(qtbot, long_window) -> None:
    lines = read_dom(
        qtbot,
        long_window.preview,
        "[...document.querySelectorAll('#dl-body .dl-block')].slice(0, 3).map(e => e.dataset.line)",
    )
    assert lines == ["0", "2", "4"]


def test_moving_the_cursor_brings_its_block_into_view(qtbot, long_window) -> None:
    assert not block_in_view(qtbot, long_window, 120)
    long_window.body.go_to_line(240)  # paragraph 120 sits on source line 240
    qtbot.waitUntil(lambda: block_in_view(qtbot, long_window, 120), timeout=5_000)


def test_scrolling_the_preview_scrolls_the_editor(qtbot, long_window) -> None:
    assert long_window.body.top_line() == 0
    read_dom(
        qtbot,
        long_window.preview,
        "(() => { const b = [...document.querySelectorAll('#dl-body .dl-block')][100];"
        " window.scrollTo(0, b.offsetTop + document.getElementById('dl-body').offsetTop);"
        " return true; })()",
    )
    qtbot.waitUntil(lambda: abs(long_window.body.top_line() - 200) <= 4, timeout=5_000)


def test_double_click_puts_the_cursor_on_the_source_line(qtbot, long_window) -> None:
    long_window.preview.lineActivated.emit(60)  # what a double-click on a block reports
    assert long_window.body.cursor_line() == 60
    read_dom(
        qtbot,
        long_window.preview,
        "(() => { const b = [...document.querySelectorAll('#dl-body .dl-block')][10];"
        " b.dispatchEvent(new MouseEvent('dblclick', {bubbles: true})); return true; })()",
    )
    qtbot.waitUntil(lambda: long_window.body.cursor_line() == 20, timeout=5_000)
