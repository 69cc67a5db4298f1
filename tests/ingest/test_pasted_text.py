"""Plain text of pasted HTML: what Ctrl+Shift+V and the one-line fields take when a program put
only HTML on the clipboard."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from editor.ingest.pasted_text import html_plain_text, markdown_plain_text, one_line

from locations import DATA


def test_marks_come_off_and_escaped_text_is_itself_again() -> None:
    html = (
        "<h1>Title</h1><h2>Sub</h2><p>a <b>bold</b> <i>word</i>, 2 * 3 &lt;x&gt; "
        "<a href='https://x.org'>a link</a> | pipe</p><blockquote><p>Quoted</p></blockquote>"
        "<p>1. not a list and # no heading</p><ol><li>first</li></ol>"
    )
    assert html_plain_text(html) == (
        "Title\n\nSub\n\na bold word, 2 * 3 <x> a link | pipe\n\nQuoted\n\n"
        "1. not a list and # no heading\n\n1. first"
    )


def test_word_clipboard_text_keeps_every_paragraph_and_drops_the_markup() -> None:
    html = (DATA / "intake" / "word-clipboard.html").read_text(encoding="utf-8")
    text = html_plain_text(html)
    assert text.startswith("Migrants set out from Tapachula\n\nTapachula, Mexico, Dec 3 (EFE).- ")
    assert "according to the agency’s count." in text
    assert "a *former* teacher from #Honduras." in text  # the text's own marks stay
    assert not any(mark in text for mark in ("**", "](", "\\", "| ---", "[^1]:", "<", "mso"))


def test_tables_and_images_become_their_text() -> None:
    markdown = "| **A** | B \\| C |\n| --- | --- |\n| 1 | 2 |\n\n![alt](photo:p1)\n\nEnd[^1]"
    assert markdown_plain_text(markdown) == "A B | C\n1 2\n\nEnd"


def test_one_line_turns_breaks_and_tabs_into_single_spaces() -> None:
    assert (
        one_line("  Caravan\r\n sets\tout\n\nat dawn \u2028now ") == "Caravan sets out at dawn now"
    )


@given(st.text())
def test_one_line_never_keeps_a_line_break_or_tab(text: str) -> None:
    flat = one_line(text)
    assert not any(char in flat for char in "\r\n\t\f\v\x85\u2028\u2029")
    assert flat == flat.strip()


_VISIBLE = st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"))


@given(st.lists(st.text(alphabet=_VISIBLE, min_size=1, max_size=40), max_size=5))
def test_every_visible_word_of_the_paragraphs_survives(paragraphs: list[str]) -> None:
    html = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    assert html_plain_text(html).split() == " ".join(paragraphs).split()
