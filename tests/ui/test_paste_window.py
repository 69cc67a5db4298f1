"""Pasting in the window: formatted copy from Word, Google Docs and browsers becomes Markdown in
the body (one undo step), its pictures photos of the story; Ctrl+Shift+V pastes plain text; a
one-line field takes a paste on one line; File > New Story from Clipboard fills the fields."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor
from PySide6.QtWidgets import QMessageBox

from editor.checks.context import CheckContext
from editor.checks.photos import check_photo_files

from factories import image_bytes
from locations import DATA

pytestmark = pytest.mark.gui

INTAKE = DATA / "intake"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# The converter's images, as the golden files hold them, and the placement pasting makes.
_CONVERTED_IMAGE_RE = re.compile(r"!\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)")


def _fixture_html(name: str) -> str:
    return (INTAKE / f"{name}.html").read_text(encoding="utf-8")


def _golden_body(name: str, photo_ids: list[str]) -> str:
    """The golden Markdown of ``name`` after its comment header, each image placed as the
    photo of the story it became (``photo_ids`` in order)."""
    golden = (INTAKE / f"{name}.expected.md").read_text(encoding="utf-8")
    body = re.sub(r"\A(?:<!--.*?-->\n)+\n", "", golden, flags=re.S)
    ids = iter(photo_ids)
    return _CONVERTED_IMAGE_RE.sub(lambda _: f"![](photo:{next(ids)})", body).strip("\n")


def _clipboard(*, html: str | None = None, text: str | None = None) -> None:
    mime = QMimeData()
    if html is not None:
        mime.setHtml(html)
    if text is not None:
        mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def _body_at_end(window, text: str = "") -> None:  # type: ignore[no-untyped-def]
    window.body.setPlainText(text)
    window.body.moveCursor(QTextCursor.MoveOperation.End)
    window.body.setFocus()


def _settled(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait for a paste converted in the worker (one with pictures, or a large one)."""
    qtbot.waitUntil(lambda: not window.paste.converting, timeout=10_000)


def _status(window) -> str:  # type: ignore[no-untyped-def]
    return window.statusBar().currentMessage()


# --- the body ------------------------------------------------------------------------------------


def test_word_clipboard_with_html_and_text_pastes_the_converted_markdown(window, qtbot) -> None:
    _body_at_end(window)
    _clipboard(html=_fixture_html("word-clipboard"), text="Tapachula, Mexico plain flavour")
    window.body.paste()
    _settled(window, qtbot)
    assert window.body.toPlainText() == _golden_body("word-clipboard", ["p1"])
    assert window.document.article.body == window.body.toPlainText()
    # The first heading of the paste fills the empty headline.
    assert window.fields.headline.text() == "Migrants set out from Tapachula"
    assert window.document.article.headline == "Migrants set out from Tapachula"
    assert _status(window).startswith("Pasted the headline, 4 paragraphs, 1 heading, 2 lists")
    assert "dropped Word formatting, 2 Word comment marks" in _status(window)
    # Word's temporary picture file is not on this machine: a record without a file, which the
    # checks flag as missing.
    (photo,) = window.document.article.photos
    assert photo.missing and photo.alt == "Migrants walking on a road"
    findings = list(
        check_photo_files(window.document.article, CheckContext(media=window.document.media))
    )
    assert [finding.code for finding in findings] == ["photo-missing-file"]


def test_html_only_google_docs_clipboard_pastes_markdown_by_ctrl_v(window, qtbot) -> None:
    _body_at_end(window)
    _clipboard(html=_fixture_html("google-docs-clipboard"))
    qtbot.keyClick(window.body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _settled(window, qtbot)
    assert window.body.toPlainText() == _golden_body("google-docs-clipboard", ["p1"])
    # A web address is never downloaded: the record names it, the checks say it has no file.
    (photo,) = window.document.article.photos
    assert photo.missing
    assert photo.original_name == "https://lh7-us.googleusercontent.com/docsz/AD_4nXe_bus_lane_map"
    assert "dropped Google Docs formatting" in _status(window)


def test_text_only_clipboard_is_taken_as_is(window, qtbot) -> None:
    _body_at_end(window, "Lead.\n\n")
    _clipboard(text="A *starred* word & <b>tag</b>\n\n## kept")
    window.body.paste()
    assert window.body.toPlainText() == "Lead.\n\nA *starred* word & <b>tag</b>\n\n## kept"


def test_a_one_paragraph_paste_goes_in_at_the_cursor_inside_the_line(window, qtbot) -> None:
    _body_at_end(window, "The  cat sat.")
    cursor = window.body.textCursor()
    cursor.setPosition(len("The "))
    window.body.setTextCursor(cursor)
    _clipboard(html="<p>big <b>red</b></p>", text="big red")
    window.body.paste()
    assert window.body.toPlainText() == "The big **red** cat sat."


def test_a_multi_paragraph_paste_inside_a_line_stands_apart_as_blocks(window, qtbot) -> None:
    _body_at_end(window, "First half second half.")
    cursor = window.body.textCursor()
    cursor.setPosition(len("First half "))
    window.body.setTextCursor(cursor)
    _clipboard(html="<p>One <i>two</i>.</p><ul><li>three</li></ul>")
    window.body.paste()
    assert window.body.toPlainText() == "First half \n\nOne *two*.\n\n- three\n\nsecond half."


def test_one_undo_removes_the_whole_paste(window, qtbot) -> None:
    _body_at_end(window, "Before the paste.\n\n")
    window.body.insertPlainText("Typed.")
    before = window.body.toPlainText()
    _clipboard(html=_fixture_html("word-clipboard"), text="plain")
    qtbot.keyClick(window.body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _settled(window, qtbot)
    assert len(window.body.toPlainText()) > len(before) + 500
    window.body.undo()
    assert window.body.toPlainText() == before
    assert window.document.article.body == before


def test_ctrl_shift_v_pastes_the_plain_text_flavour(window, qtbot) -> None:
    _body_at_end(window)
    _clipboard(html="<p><b>Bold</b> and <a href='https://x.org'>a link</a></p>", text="Plain *x*")
    qtbot.keyClick(window.body, Qt.Key.Key_V, CTRL_SHIFT)
    assert window.body.toPlainText() == "Plain *x*"


def test_ctrl_shift_v_of_html_only_pastes_its_visible_text(window, qtbot) -> None:
    _body_at_end(window)
    _clipboard(html="<h2>Sub</h2><p><b>Bold</b> and <a href='https://x.org'>a link</a>[^1]</p>")
    qtbot.keyClick(window.body, Qt.Key.Key_V, CTRL_SHIFT)
    assert window.body.toPlainText() == "Sub\n\nBold and a link[^1]"


def test_ctrl_shift_v_of_large_html_only_converts_in_the_worker(window, qtbot) -> None:
    html = "".join(f"<p>Paragraph {n}, <b>bold</b>.</p>" for n in range(6000))
    _body_at_end(window)
    _clipboard(html=html)
    qtbot.keyClick(window.body, Qt.Key.Key_V, CTRL_SHIFT)
    assert window.body.isReadOnly() and _status(window) == "Converting the paste…"
    _settled(window, qtbot)
    text = window.body.toPlainText()
    assert text.startswith("Paragraph 0, bold.\n\nParagraph 1, bold.") and "**" not in text


def test_pasted_footnotes_never_take_the_labels_of_the_storys_own(window, qtbot) -> None:
    _body_at_end(window, "Story.[^1]\n\n[^1]: The story's note.\n\n")
    _clipboard(
        html="<p>Pasted.<a href='#_ftn1' name='_ftnref1'>[1]</a> \\[^1\\]</p>"
        "<div><p><a href='#_ftnref1' name='_ftn1'>[1]</a> The paste's note.</p></div>"
    )
    window.body.paste()
    pasted = window.body.toPlainText().split("\n\n", 2)[2]
    assert "[^1]" not in pasted.replace("\\[^1\\]", "")
    assert "[^2]: The paste" in pasted and "Pasted.[^2]" in pasted


def test_a_large_paste_converts_in_the_worker_and_is_dropped_if_the_story_goes(
    window, qtbot
) -> None:
    html = "".join(
        f"<p>Paragraph {n} of a long paste, <b>ten words</b> in it.</p>" for n in range(3000)
    )
    _body_at_end(window)
    _clipboard(html=html)
    window.body.paste()
    assert window.paste.converting and window.body.isReadOnly()
    window.body.paste()  # a second paste meanwhile is refused, not queued
    assert _status(window) == "Still converting the last paste…"
    window.document.new()
    _settled(window, qtbot)
    assert window.body.toPlainText() == "" and not window.body.isReadOnly()
    assert _status(window) == "The paste was dropped: another story is open now"

    window.body.paste()
    _settled(window, qtbot)
    assert window.body.toPlainText().count("**ten words**") == 3000


def test_what_the_body_copies_pastes_back_as_the_same_markdown(window, qtbot) -> None:
    markdown = "## A subhead\n\nSome *emphasis* and a [link](https://x.org).\n\n- item"
    _body_at_end(window, markdown)
    window.body.selectAll()
    window.body.copy()
    assert not QGuiApplication.clipboard().mimeData().hasHtml()
    window.body.moveCursor(QTextCursor.MoveOperation.End)
    window.body.insertPlainText("\n\n")
    window.body.paste()
    assert window.body.toPlainText() == f"{markdown}\n\n{markdown}"


# --- pictures -------------------------------------------------------------------------------------


def _png_data_uri() -> str:
    return "data:image/png;base64," + base64.b64encode(image_bytes("PNG")).decode("ascii")


def test_a_picture_inside_pasted_html_becomes_a_placed_photo_with_a_new_id(window, qtbot) -> None:
    _body_at_end(window)
    # A picture alone on the clipboard (a screenshot) first: it takes p1.
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    QGuiApplication.clipboard().setImage(image)
    window.body.paste()
    qtbot.waitUntil(lambda: len(window.document.article.photos) == 1, timeout=10_000)
    assert "![](photo:p1)" in window.body.toPlainText()

    window.body.moveCursor(QTextCursor.MoveOperation.End)
    html = (
        f"<p>Marchers at dawn.</p><img src='{_png_data_uri()}' alt='Marchers on the road'>"
        "<p>They walked on.</p>"
    )
    _clipboard(html=html, text="Marchers at dawn.\nThey walked on.")
    window.body.paste()
    # Pictures are decoded in the worker: the body waits, read-only, and says so.
    assert window.body.isReadOnly()
    assert _status(window) == "Converting the paste…"
    qtbot.waitUntil(lambda: len(window.document.article.photos) == 2, timeout=10_000)
    assert not window.body.isReadOnly()
    photo = window.document.article.photos[1]
    assert photo.id == "p2"  # the paste's own p1 renumbered: no collision
    assert photo.alt == "Marchers on the road" and not photo.missing
    assert photo.media_path in window.document.media
    assert window.body.toPlainText().endswith(
        "\n\nMarchers at dawn.\n\n![](photo:p2)\n\nThey walked on."
    )
    assert _status(window).startswith("Pasted 2 paragraphs, 1 photo")
    assert window.document.photo_undo.undoText() == "Paste 1 photo"
    # The body's undo takes the text out in one step; the photo undo takes the photo.
    window.body.undo()
    assert "photo:p2" not in window.body.toPlainText()
    window.document.photo_undo.undo()
    assert [p.id for p in window.document.article.photos] == ["p1"]


def test_the_same_picture_pasted_twice_is_one_photo(window, qtbot) -> None:
    _body_at_end(window)
    html = f"<p>Text.</p><img src='{_png_data_uri()}' alt='A square'>"
    for _ in range(2):
        window.body.moveCursor(QTextCursor.MoveOperation.End)
        _clipboard(html=html)
        window.body.paste()
        _settled(window, qtbot)
    assert [p.id for p in window.document.article.photos] == ["p1"]
    assert window.body.toPlainText().count("![](photo:p1)") == 2


def test_a_local_picture_in_the_paste_is_taken_only_when_the_reporter_says_so(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from editor.ui.controllers import paste

    picture = tmp_path / "private.png"
    picture.write_bytes(image_bytes("PNG"))
    answers = iter([paste.LEAVE_LOCAL_PICTURES, paste.TAKE_LOCAL_PICTURES])
    asked: list[str] = []

    def answer(parent, title, message, choices):  # type: ignore[no-untyped-def]
        asked.append(message)
        return next(answers)

    from editor.ui.dialogs import questions

    monkeypatch.setattr(questions, "choose", answer)
    html = f"<p>See this.</p><img src='{picture.as_uri()}' alt='A file'>"
    for expected_missing in (True, False):
        _body_at_end(window)
        _clipboard(html=html)
        window.body.paste()
        qtbot.waitUntil(lambda: "photo:" in window.body.toPlainText(), timeout=10_000)
        assert window.document.article.photos[-1].missing is expected_missing
    assert len(asked) == 2 and str(picture) in asked[0]


# --- fields ---------------------------------------------------------------------------------------


def test_a_paste_into_a_one_line_field_is_one_line_of_text(window, qtbot) -> None:
    headline = window.fields.headline
    headline.setFocus()
    _clipboard(text="  Caravan sets out\nfrom Tapachula\tat dawn \n")
    qtbot.keyClick(headline, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert headline.text() == "Caravan sets out from Tapachula at dawn"
    assert window.document.article.headline == "Caravan sets out from Tapachula at dawn"

    window.fields.byline.setFocus()
    _clipboard(html="<p>By <b>Ana López</b></p><p>and Juan Blanco</p>")
    window.fields.byline.paste()  # the Edit menu's way
    assert window.fields.byline.text() == "By Ana López and Juan Blanco"

    window.fields.place.setFocus()
    _clipboard(html="<p><b>Tapachula</b></p>", text="Tapa\nchula")
    qtbot.keyClick(window.fields.place, Qt.Key.Key_V, CTRL_SHIFT)
    assert window.fields.place.text() == "Tapa chula"
    assert "Paste as P&lain Text" in [action.text() for action in window.edit_menu.actions()]


def test_a_paste_into_the_dek_is_one_line_of_its_text(window, qtbot) -> None:
    dek = window.fields.dek
    dek.setFocus()
    _clipboard(html="<p><i>Thousands</i> walk north.</p><p>Police watch.</p>")
    qtbot.keyClick(dek, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dek.toPlainText() == "Thousands walk north. Police watch."
    assert window.document.article.dek == "Thousands walk north. Police watch."


def test_a_large_html_only_paste_into_the_editors_note_is_read_in_the_worker(window, qtbot) -> None:
    note = window.fields.editors_note
    note.setFocus()
    html = "".join(f"<p>Check figure {n} with <b>the desk</b>.</p>" for n in range(6000))
    _clipboard(html=html)
    qtbot.keyClick(note, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert note.isReadOnly() and note.converting  # the GUI thread did not read it
    qtbot.waitUntil(lambda: not note.converting, timeout=60_000)
    assert not note.isReadOnly()
    text = note.toPlainText()
    assert text.startswith("Check figure 0 with the desk.\n\nCheck figure 1") and "**" not in text
    assert window.document.article.editors_note == text


# --- a new story ---------------------------------------------------------------------------------


def test_new_story_from_clipboard_fills_the_fields_from_wire_text(window, qtbot) -> None:
    _clipboard(text=(DATA / "caravan-efe.md").read_text(encoding="utf-8"))
    assert window.new_story_from_clipboard()
    article = window.document.article
    assert article.headline == "México pushes back Migrant Caravan!"
    assert (article.dateline.place, article.dateline.country) == ("Tapachula", "Mexico")
    assert article.dateline.source == "EFE"
    assert article.byline == ["Juan Manuel Blanco"]
    assert article.sign_off == "jmb/dgp/mcd"
    assert window.body.toPlainText().startswith("A caravan of over 1,500 migrants")
    assert window.fields.headline.text() == article.headline
    assert window.document.path is None and window.document.dirty


def test_new_story_from_clipboard_html_takes_headline_and_bold_dateline(window, qtbot) -> None:
    _clipboard(html=_fixture_html("word-clipboard"), text="flavour")
    assert window.new_story_from_clipboard()
    article = window.document.article
    assert article.headline == "Migrants set out from Tapachula"
    assert (article.dateline.place, article.dateline.source) == ("Tapachula", "EFE")
    assert window.body.toPlainText().startswith("About 1,500 migrants left the southern city")
    assert "| October \\| November | 3,000 |" in window.body.toPlainText()  # the table stays whole


def test_new_story_from_clipboard_asks_to_save_changes_first(window, qtbot, monkeypatch) -> None:
    from editor.ui.controllers import file_actions

    _body_at_end(window)
    window.body.insertPlainText("Unsaved work.")
    monkeypatch.setattr(
        file_actions, "ask", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel
    )
    _clipboard(text="Another story\nTapachula, Mexico, Dec 3 (EFE).- Text.")
    assert not window.new_story_from_clipboard()
    assert window.document.article.body == "Unsaved work."
    monkeypatch.setattr(
        file_actions, "ask", lambda *args, **kwargs: QMessageBox.StandardButton.Discard
    )
    assert window.new_story_from_clipboard()
    assert window.document.article.headline == "Another story"


def test_an_empty_clipboard_makes_no_story(window, qtbot, monkeypatch) -> None:
    from editor.ui.dialogs import questions

    refused: list[str] = []
    monkeypatch.setattr(questions, "refuse", lambda parent, title, message: refused.append(message))
    _clipboard(text="   ")
    assert not window.new_story_from_clipboard()
    assert refused and "no story" in refused[0]


def test_quitting_after_a_copy_in_the_body_exits_cleanly(tmp_path: Path) -> None:
    """The body copies text as a QMimeData made in Python; left on the clipboard, Qt deletes it
    after Python has shut down and the exit crashes (SIGSEGV) unless it is handed over."""
    import os
    import subprocess
    import sys

    probe = (
        "from editor.app import create_application, dispose_widgets\n"
        "from editor.ui.panes.body import BodyPane\n"
        "app = create_application()\n"
        "body = BodyPane()\n"
        "body.setPlainText('## Copied Markdown')\n"
        "body.selectAll()\n"
        "body.copy()\n"
        "dispose_widgets()\n"
        "print(repr(app.clipboard().text()))\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "'## Copied Markdown'"
