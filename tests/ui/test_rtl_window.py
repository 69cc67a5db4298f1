"""An Arabic story in the window: each body paragraph laid out and aligned by its own
direction, the fields right-aligned, and the preview's article marked dir="rtl"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock

from editor.render import page, preview_shell

from gui_helpers import wait_for_dom
from locations import DATA

pytestmark = pytest.mark.gui

ARABIC_STORY = DATA / "ar_efe_cairo.md"
# This checkout's resources (the installed package may map another checkout's).
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture
def own_resources(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The preview page and stylesheet of this checkout, read when the window is made."""
    monkeypatch.setattr(preview_shell, "PREVIEW_TEMPLATE", RESOURCES / "templates/preview.html")
    monkeypatch.setattr(preview_shell, "PREVIEW_MODES_CSS", RESOURCES / "styles/preview-modes.css")
    monkeypatch.setattr(page, "ARTICLE_CSS", RESOURCES / "styles/article.css")
    yield


@pytest.fixture
def arabic_window(own_resources: None, window: Any) -> Any:
    assert window.open_path(ARABIC_STORY, confirmed=True)
    assert window.document.article.language == "ar"
    return window


def _block(window: Any, starts: str) -> QTextBlock:
    block = window.body.document().firstBlock()
    while block.isValid():
        if block.text().startswith(starts):
            return block
        block = block.next()
    raise AssertionError(f"no paragraph starts with {starts!r}")


def _edges(block: QTextBlock) -> tuple[float, float, float, float]:
    """Where the first line's text starts and ends, and the line's own left and right."""
    line = block.layout().lineAt(0)
    text = line.naturalTextRect()
    return text.left(), text.right(), line.x(), line.x() + line.width()


def test_arabic_paragraphs_read_right_to_left_flush_right(arabic_window: Any, qtbot: Any) -> None:
    body = arabic_window.body
    body.resize(700, 500)
    qtbot.waitUntil(lambda: body.document().blockCount() > 5)
    body.viewport().repaint()
    arabic = _block(arabic_window, "افتتح رئيس الوزراء")
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    body.cursorRect(body.textCursor())  # as painting does: Qt asks where the block is
    body.blockBoundingRect(arabic)
    left, right, line_left, line_right = _edges(arabic)
    assert right == pytest.approx(line_right, abs=1)  # flush right, ragged left
    assert left > line_left
    subhead = _block(arabic_window, "## ضيف الشرف")
    assert subhead.textDirection() == Qt.LayoutDirection.RightToLeft


def test_a_latin_paragraph_in_an_arabic_story_stays_left_to_right(
    arabic_window: Any, qtbot: Any
) -> None:
    body = arabic_window.body
    body.resize(700, 500)
    latin = _block(arabic_window, "Spanish publishers")
    body.blockBoundingRect(latin)
    assert latin.textDirection() == Qt.LayoutDirection.LeftToRight
    left, right, line_left, line_right = _edges(latin)
    assert left == pytest.approx(line_left, abs=1)
    assert right < line_right


def test_fields_are_right_aligned_for_a_right_to_left_story(arabic_window: Any) -> None:
    fields = arabic_window.fields
    for widget in (fields.headline, fields.byline, fields.place):
        assert widget.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert widget.alignment() & Qt.AlignmentFlag.AlignRight
    assert fields.dek.document().defaultTextOption().textDirection() == (
        Qt.LayoutDirection.RightToLeft
    )
    # Codes stay left to right.
    assert fields.slug.layoutDirection() == Qt.LayoutDirection.LeftToRight
    fields.language.setCurrentText("en")  # as the reporter types it
    assert fields.headline.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not fields.headline.alignment() & Qt.AlignmentFlag.AlignRight


def test_the_preview_article_is_marked_rtl_and_arabic(arabic_window: Any, qtbot: Any) -> None:
    preview = arabic_window.preview
    state = "(a => a && [a.dir, a.lang])(document.querySelector('article.dateline-article'))"
    wait_for_dom(qtbot, preview, state, ["rtl", "ar"], timeout=20_000)
    # The dateline and each name are isolated from the words around them.
    bdis = "[...document.querySelectorAll('.dateline-byline bdi')].map(b => b.textContent)"
    wait_for_dom(qtbot, preview, bdis, ["القاهرة، 23 يناير (إفي).-", "سارة محمود", "Juan Pérez"])
    # Each paragraph by its own direction: the Latin one flush left, the Arabic ones flush right.
    # A line of mixed directions is several runs (rectangles): the first line is all the runs
    # at the first one's height, whichever the window's width.
    sides = (
        "[...document.querySelectorAll('.article-body p')].map(p => {"
        " const r = document.createRange(); r.selectNodeContents(p);"
        " const all = [...r.getClientRects()], top = all[0].top;"
        " const line = all.filter(x => Math.abs(x.top - top) < 2);"
        " const right = Math.max(...line.map(x => x.right));"
        " const left = Math.min(...line.map(x => x.left)), b = p.getBoundingClientRect();"
        " return Math.abs(right - b.right) < 2 ? 'right' : Math.abs(left - b.left) < 2"
        " ? 'left' : 'middle'; })"
    )
    wait_for_dom(qtbot, preview, sides, ["right", "right", "right", "right", "left", "right"])
    arabic_window.fields.language.setCurrentText("en")
    wait_for_dom(qtbot, preview, state, ["ltr", "en"])


def test_an_arabic_paragraph_typed_into_an_english_story_goes_flush_right(
    window: Any, qtbot: Any
) -> None:
    """The layout looks at directions only once the text holds a right-to-left character
    (directional_layout.py): one typed, or pasted, into an English story still counts."""
    window.body.setPlainText("An English paragraph.\n\nAnother one.")
    body = window.body
    body.resize(700, 500)
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    for character in "\n\nقال المتحدث إن القافلة وصلت.":
        body.insertPlainText(character)  # as typed, a character at a time
    arabic = _block(window, "قال المتحدث")
    body.blockBoundingRect(arabic)
    left, right, line_left, line_right = _edges(arabic)
    assert right == pytest.approx(line_right, abs=1)
    assert left > line_left
    english = _block(window, "An English")
    body.blockBoundingRect(english)
    assert _edges(english)[0] == pytest.approx(_edges(english)[2], abs=1)
