"""The body pane follows its text edit by edit (editor/ui/panes/body.py): what it announces
after every edit is what ``toPlainText`` would give, without copying the whole story out."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.ui.panes.body import BodyPane

# Line breaks, Qt's own separators, a no-break space (toPlainText makes it a space), accents,
# curly quotes, a tab, and an emoji (two Qt units: the pane copies the text out then).
ALPHABET = "ab \n\u00a0\u2028\u2029é“”\t😀"
texts = st.text(alphabet=ALPHABET, max_size=12)


def _operations():
    position = st.floats(min_value=0, max_value=1)
    return st.lists(
        st.one_of(
            st.tuples(st.just("insert"), position, texts),
            st.tuples(st.just("replace"), position, position, texts),
            st.tuples(st.just("two_in_one_step"), position, texts, position, texts),
            st.tuples(st.just("undo")),
            st.tuples(st.just("redo")),
        ),
        max_size=12,
    )


def _at(pane: BodyPane, share: float) -> int:
    return round(share * (pane.document().characterCount() - 1))


def _apply(pane: BodyPane, operation: tuple) -> None:
    kind = operation[0]
    cursor = QTextCursor(pane.document())
    if kind == "insert":
        cursor.setPosition(_at(pane, operation[1]))
        cursor.insertText(operation[2])
    elif kind == "replace":
        cursor.setPosition(_at(pane, operation[1]))
        cursor.setPosition(_at(pane, operation[2]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(operation[3])
    elif kind == "two_in_one_step":  # as a format action or smart quotes edit: one undo step
        cursor.beginEditBlock()
        cursor.setPosition(_at(pane, operation[1]))
        cursor.insertText(operation[2])
        cursor.setPosition(_at(pane, operation[3]))
        cursor.insertText(operation[4])
        cursor.endEditBlock()
    elif kind == "undo":
        pane.undo()
    else:
        pane.redo()


@settings(max_examples=300, deadline=None)
@given(start=st.text(alphabet=ALPHABET, max_size=40), operations=_operations())
def test_the_announced_text_is_the_editors_after_every_edit(qapp, start, operations) -> None:
    pane = BodyPane()
    announced: list[str] = []
    pane.bodyEdited.connect(announced.append)
    pane.show_text(start)
    for operation in operations:
        before = len(announced)
        _apply(pane, operation)
        shown = pane.toPlainText()
        if len(announced) > before:
            assert announced[-1] == shown, operation
        # Nothing announced: nothing changed since the last announcement (or the load).
        assert (announced[-1] if announced else pane.toPlainText()) == shown
    pane.deleteLater()


def _typed_at_the_end(text: str, keys: str) -> tuple[str, int]:
    """What the pane announces after ``keys`` are typed at the end of ``text``, and how many
    times it copied its whole text out meanwhile."""
    pane = BodyPane()
    pane.show_text(text)
    copies: list[int] = []
    real_copy = pane.toPlainText
    pane.toPlainText = lambda: copies.append(1) or real_copy()  # type: ignore[method-assign]
    announced: list[str] = []
    pane.bodyEdited.connect(announced.append)
    cursor = pane.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.setTextCursor(cursor)
    QTest.keyClicks(pane, keys)
    pane.deleteLater()
    return announced[-1], len(copies)


def test_typing_does_not_copy_the_whole_text_out(qapp) -> None:
    text = "A long read.\n\nIts second paragraph, with “quotes” and é."
    assert _typed_at_the_end(text, " More") == (text + " More", 0)


def test_a_text_with_an_emoji_is_still_followed_right(qapp) -> None:
    """Qt's positions are not Python's indexes there: the pane copies its text out."""
    text = "A 😀 post, quoted.\n\nThe rest."
    assert _typed_at_the_end(text, "!") == (text + "!", 1)


def test_a_change_made_elsewhere_lands_where_it_belongs_after_an_emoji(qapp) -> None:
    """``apply_text`` replaces only the changed span: at Qt's position, not Python's index."""
    pane = BodyPane()
    pane.show_text("A 😀 smile here.\n\nSecond paragraph.")
    pane.apply_text("A 😀 smile there.\n\nSecond paragraph.")
    assert pane.toPlainText() == "A 😀 smile there.\n\nSecond paragraph."
    pane.replace_as_one_step("A 😀 smile there.\n\nSecond paragraph.")
    assert pane.toPlainText() == "A 😀 smile there.\n\nSecond paragraph."
    pane.deleteLater()
