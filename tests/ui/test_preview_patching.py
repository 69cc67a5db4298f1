"""The real page after many patches shows exactly what a fresh render of the story shows.

Every edit below goes through the editor as typing or pasting does, so each is patched into the
page (at once for small ones, from the worker for large ones): blocks changed, removed, added,
moved, joined, split, and every block's HTML changed at once by a new link reference. After
each, the page's blocks (their source lines and their content, as the browser reads them) must
equal those of a story rendered afresh.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtGui import QTextCursor

from editor.model.article import snapshot_article
from editor.render.preview_update import PARTS, PreviewRenderer, PreviewRequest

from gui_helpers import read_dom

pytestmark = pytest.mark.gui

# The blocks as the page holds them: first line, line span, and content as the browser writes it.
PAGE_BLOCKS = (
    "[...document.querySelectorAll('#dl-body > .dl-block')]"
    ".map(b => [b.dataset.line, b.dataset.lines, b.innerHTML])"
)


def fresh_blocks(qtbot, window) -> list[list[str]]:
    """The blocks of the story rendered afresh, read back through the same browser."""
    article = snapshot_article(window.document.article)
    update = PreviewRenderer().render(
        PreviewRequest(article, PARTS, lambda image: "", new_article=True)  # no photos here
    )
    html = update.body_html if update.body_html is not None else ""
    # Parsed in a detached template, so the browser writes both sides the same way.
    script = (
        "(() => { const t = document.createElement('template'); t.innerHTML = "
        + json.dumps(html).replace("<", "\\u003c")
        + "; return [...t.content.children].map(b => [b.dataset.line, b.dataset.lines,"
        " b.innerHTML]); })()"
    )
    return read_dom(qtbot, window.preview, script)


def edit(window, change: Callable[[QTextCursor], None]) -> None:
    cursor = window.body.textCursor()
    change(cursor)
    window.body.setTextCursor(cursor)


def at(window, needle: str, *, after: bool = False) -> int:
    text = window.body.toPlainText()
    index = text.index(needle)
    return index + len(needle) if after else index


def select(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)


def test_the_page_equals_a_fresh_render_after_every_kind_of_patch(qtbot, window) -> None:
    paragraphs = [f"Paragraph {n} on the coastal road, said [the INM][inm]." for n in range(40)]
    story = "\n\n".join([*paragraphs, "[inm]: https://www.gob.mx/inm"])
    window.body.setFocus()
    window.body.setPlainText(story)  # a paste: the worker renders it

    def type_in(needle: str, text: str) -> None:
        def change(cursor: QTextCursor) -> None:
            cursor.setPosition(at(window, needle, after=True))
            cursor.insertText(text)

        edit(window, change)

    def cut_paragraph(number: int) -> str:
        start = at(window, f"Paragraph {number} ")
        end = at(window, f"Paragraph {number + 1} ")
        moved = window.body.toPlainText()[start:end]

        def change(cursor: QTextCursor) -> None:
            select(cursor, start, end)
            cursor.removeSelectedText()

        edit(window, change)
        return moved

    def paste_before(number: int, text: str) -> None:
        def change(cursor: QTextCursor) -> None:
            cursor.setPosition(at(window, f"Paragraph {number} "))
            cursor.insertText(text)

        edit(window, change)

    def replace(old: str, new: str) -> None:
        def change(cursor: QTextCursor) -> None:
            select(cursor, at(window, old), at(window, old, after=True))
            cursor.insertText(new)

        edit(window, change)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("typing inside a paragraph", lambda: type_in("Paragraph 7 on the", " winding")),
        ("a new paragraph", lambda: type_in("Paragraph 3 on the coastal road,", "\n\nA split:")),
        ("a subhead", lambda: paste_before(12, "## On the road\n\n")),
        ("a paragraph removed", lambda: cut_paragraph(20)),
        ("a paragraph moved up", lambda: paste_before(2, cut_paragraph(30))),
        ("two paragraphs joined", lambda: replace("[inm].\n\nParagraph 15", "[inm]. Paragraph 15")),
        (
            "a quote and a list",
            lambda: paste_before(9, "> “We walk,” she said.\n\n- one\n- two\n\n"),
        ),
        ("a footnote", lambda: type_in("Paragraph 5 on the coastal road", "[^1]")),
        ("its definition", lambda: paste_before(36, "[^1]: The note.\n\n")),
        ("the link reference changed", lambda: replace("gob.mx/inm", "gob.mx/inm/es")),
        ("the list item removed", lambda: replace("- one\n- two", "- two")),
        ("the last paragraph", lambda: type_in("Paragraph 39 on the coastal road,", " finally")),
    ]
    for name, step in [("the paste", lambda: None), *steps]:
        step()
        qtbot.waitUntil(lambda: window.preview.ready, timeout=10_000)
        expected = fresh_blocks(qtbot, window)
        assert read_dom(qtbot, window.preview, PAGE_BLOCKS) == expected, name


# Marks each block element, so that a later read tells the same element from a new one.
MARK_BLOCKS = (
    "[...document.querySelectorAll('#dl-body > .dl-block')]"
    ".map((b, i) => { b.dlMark = 'mark' + i; return b.dlMark; })"
)
MARKS = "[...document.querySelectorAll('#dl-body > .dl-block')].map(b => b.dlMark || null)"


def test_typing_changes_a_paragraphs_text_in_place(qtbot, window) -> None:
    """Only the text changed: the page keeps the block's element (Chromium lays out the new
    text instead of a new block); anything else changed gets a new element."""
    window.body.setFocus()
    window.body.setPlainText("First paragraph.\n\nSecond paragraph, *with emphasis*.\n\nThird.")
    qtbot.waitUntil(lambda: window.preview.ready, timeout=10_000)
    qtbot.waitUntil(lambda: len(read_dom(qtbot, window.preview, PAGE_BLOCKS)) == 3)
    assert read_dom(qtbot, window.preview, MARK_BLOCKS) == ["mark0", "mark1", "mark2"]

    def type_after(needle: str, text: str) -> None:
        def change(cursor: QTextCursor) -> None:
            cursor.setPosition(at(window, needle, after=True))
            cursor.insertText(text)

        with qtbot.waitSignal(window.preview.updated, timeout=10_000):
            edit(window, change)

    type_after("Second paragraph, *with", " much")  # text inside the emphasis
    type_after("First paragraph", " again")
    assert read_dom(qtbot, window.preview, MARKS) == ["mark0", "mark1", "mark2"]
    assert read_dom(qtbot, window.preview, PAGE_BLOCKS) == fresh_blocks(qtbot, window)
    type_after("Third", " **bold**")  # new markup: a new element
    assert read_dom(qtbot, window.preview, MARKS) == ["mark0", "mark1", None]
    assert read_dom(qtbot, window.preview, PAGE_BLOCKS) == fresh_blocks(qtbot, window)
