"""The writing tools in the real window: counts in the status bar, smart punctuation as you
type (with undo), and find and replace reaching the preview."""

from __future__ import annotations

import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.model.counts import TARGET_WORDS_KEY
from editor.model.package import load_package

from export_samples import efe_with_photos
from gui_helpers import wait_for_dom

pytestmark = pytest.mark.gui


def _load_sample(window) -> None:
    article, media = efe_with_photos()
    window.document.replace(article, media, None)


# --- counts --------------------------------------------------------------------------------------


def test_counts_replace_the_word_count_and_follow_the_body(qtbot, window) -> None:
    counts = window.counts
    _load_sample(window)
    qtbot.waitUntil(lambda: counts.summary.text().startswith("491 words"), timeout=5_000)
    assert "15 paragraphs" in counts.summary.text()
    assert "2 min read" in counts.summary.text()
    assert "without spaces" in counts.summary.text()
    assert not counts.progress.isVisible()

    window.body.moveCursor(QTextCursor.MoveOperation.End)
    window.body.setFocus()
    qtbot.keyClicks(window.body, " Three more words")
    qtbot.waitUntil(lambda: counts.summary.text().startswith("494 words"), timeout=5_000)


def test_counts_for_the_selection(qtbot, window) -> None:
    counts = window.counts
    window.body.show_text("One two three four five.\n\nSix seven.")
    window.document.set_body("One two three four five.\n\nSix seven.")
    cursor = window.body.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("One two three"), QTextCursor.MoveMode.KeepAnchor)
    window.body.setTextCursor(cursor)
    qtbot.waitUntil(
        lambda: counts.summary.text().startswith("Selection: 3 words of 7"), timeout=5_000
    )
    window.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.waitUntil(lambda: counts.summary.text().startswith("7 words"), timeout=5_000)


def test_target_length_is_stored_with_the_story(qtbot, window, tmp_path) -> None:
    counts = window.counts
    _load_sample(window)
    qtbot.waitUntil(lambda: counts.body_counts.words == 491, timeout=5_000)
    with qtbot.waitSignal(counts.targetChanged):
        counts.set_target(400)
    assert counts.target_label.text() == "491 / 400 words"
    assert counts.progress.isVisible()
    assert counts.progress.property("state") == "over"
    assert window.document.dirty
    counts.set_target(800)
    assert counts.progress.property("state") == "short"
    assert counts.progress.value() == 491 and counts.progress.maximum() == 800

    path = tmp_path / "target.article"
    window.document.save(path)
    assert load_package(path).article.metadata[TARGET_WORDS_KEY] == "800"
    window.document.new()
    qtbot.waitUntil(lambda: counts.summary.text().startswith("0 words"), timeout=5_000)
    assert not counts.progress.isVisible()
    window.document.open(path)
    qtbot.waitUntil(lambda: counts.target_label.text() == "491 / 800 words", timeout=5_000)
    counts.set_target(None)
    assert not counts.target_label.isVisible()


def test_counting_stays_off_the_gui_thread_for_a_long_read(qtbot, window, monkeypatch) -> None:
    import editor.ui.controllers.counts as counts_module

    threads: list[threading.Thread] = []
    real_count = counts_module.count_text

    def recording_count(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_count(*args, **kwargs)

    monkeypatch.setattr(counts_module, "count_text", recording_count)
    counts = window.counts
    article, media = efe_with_photos()
    article.body = "\n\n".join([article.body] * 41)  # about 20,000 words
    window.document.replace(article, media, None)
    qtbot.waitUntil(lambda: counts.body_counts.words > 20_000, timeout=10_000)
    assert threads and threading.main_thread() not in threads
    # Edits in a burst are counted once, after the pause.
    threads.clear()
    window.body.moveCursor(QTextCursor.MoveOperation.End)
    window.body.setFocus()
    qtbot.keyClicks(window.body, " one two three")
    qtbot.waitUntil(lambda: counts.body_counts.words == article_words(window), timeout=10_000)
    assert 1 <= len(threads) <= 2
    assert threading.main_thread() not in threads


def article_words(window) -> int:
    from editor.model.article import count_words

    return count_words(window.document.article.body)


# --- smart punctuation ---------------------------------------------------------------------------


def test_typing_quotes_in_the_body_gives_curly_quotes_and_undo_returns_straight(
    qtbot, window
) -> None:
    window.body.setFocus()
    qtbot.keyClicks(window.body, '"Hello"')
    assert window.body.toPlainText() == "“Hello”"
    qtbot.keyClick(window.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.body.toPlainText() == "“Hello" + '"'
    qtbot.keyClick(window.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.body.toPlainText() == "“Hello"
    qtbot.keyClicks(window.body, "\" -- it's Mexico's...")
    assert window.body.toPlainText() == "“Hello” — it’s Mexico’s…"
    wait_for_dom(
        qtbot,
        window.preview,
        "document.querySelector('#dl-body p')?.textContent",
        "“Hello” — it’s Mexico’s…",
    )


def test_a_quote_typed_after_an_emoji_reads_the_character_before_it(qtbot, window) -> None:
    """The cursor's place in its line is in Qt's units (an emoji is two): read as Python's
    index it took the space after the word for the character before the quote."""
    # Put in whole: QTest cannot type a character beyond the Basic Multilingual Plane.
    window.body.apply_text("😀 word more")
    window.fields.headline.setText("😀 word more")
    for edit, column in ((window.body, None), (window.fields.headline, 7)):
        if column is None:
            cursor = window.body.textCursor()
            cursor.setPosition(7)  # after "word": the emoji counts two
            window.body.setTextCursor(cursor)
        else:
            edit.setCursorPosition(column)
        edit.setFocus()
        qtbot.keyClicks(edit, '"')
    assert window.body.toPlainText() == "😀 word” more"
    assert window.fields.headline.text() == "😀 word” more"


def test_typing_after_a_replacement_undoes_the_typing_first(qtbot, window) -> None:
    window.body.setFocus()
    qtbot.keyClicks(window.body, 'said "no')
    qtbot.keyClicks(window.body, '" more')
    assert window.body.toPlainText() == "said “no” more"
    window.body.undo()
    assert window.body.toPlainText() == "said “no”"
    window.body.undo()
    assert window.body.toPlainText() == "said “no" + '"'


def test_no_smart_quotes_in_urls_code_or_when_switched_off(qtbot, window) -> None:
    hook = window.typography
    window.body.setFocus()
    qtbot.keyClicks(window.body, '[a "b"](https://example.org/"x") `c "d"`')
    assert window.body.toPlainText() == '[a “b”](https://example.org/"x") `c "d"`'
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClicks(window.body, "```")
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClicks(window.body, 'x = "y" -- z')
    assert window.body.toPlainText().endswith('```\nx = "y" -- z')
    hook.toggle_action.setChecked(False)
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClicks(window.body, '"plain"')
    assert window.body.toPlainText().endswith('\n"plain"')
    assert window.settings.value("typing/smartPunctuation") in (False, "false")
    hook.set_enabled(True)


def test_headline_and_dek_get_smart_punctuation_in_spanish(qtbot, window) -> None:
    hook = window.typography
    window.document.set_field("language", "es")
    # (keyClicks types ASCII only)
    qtbot.keyClicks(window.fields.headline, 'Mexico dice "no" a la caravana')
    assert window.fields.headline.text() == "Mexico dice «no» a la caravana"
    assert window.document.article.headline == "Mexico dice «no» a la caravana"
    window.fields.headline.undo()
    assert window.fields.headline.text() == "Mexico dice «no" + '"'
    hook.set_spanish_style("curly")
    qtbot.keyClicks(window.fields.dek, 'El "Plan Mexico"...')
    assert window.fields.dek.toPlainText() == "El “Plan Mexico”…"
    wait_for_dom(
        qtbot, window.preview, "document.querySelector('.dek')?.textContent", "El “Plan Mexico”…"
    )


# --- find and replace ----------------------------------------------------------------------------


def test_find_replace_is_in_the_edit_menu_with_its_shortcuts(qtbot, window) -> None:
    dialog = window.find_replace
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [action.text() for action in edit.actions()]
    assert "&Find…" in texts and "Find and R&eplace…" in texts
    window.body.setFocus()
    qtbot.keyClick(window.body, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()
    window.body.setFocus()
    qtbot.keyClick(window.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()


def test_replace_all_changes_body_and_headline_and_the_preview_follows(qtbot, window) -> None:
    dialog = window.find_replace
    _load_sample(window)
    window.fields.headline.setText("Migrant caravan pushed back in Chiapas")
    dialog.show()
    dialog.find_edit.setText("caravan")
    dialog.word_box.setChecked(True)
    dialog.replace_edit.setText("convoy")
    result = dialog.replace_all()
    assert result is not None
    summary = dialog.status.text()
    assert summary.startswith("Replaced 2 in body, 1 in headline"), summary
    assert window.document.article.headline == "Migrant convoy pushed back in Chiapas"
    assert re.findall(r"\bcaravan\w*", window.document.article.body) == ["caravans"]
    wait_for_dom(
        qtbot,
        window.preview,
        "[document.querySelector('h1.headline')?.textContent,"
        " document.querySelector('#dl-body').textContent.includes('A convoy of over 1,500')]",
        ["Migrant convoy pushed back in Chiapas", True],
    )
    # One undo step per field.
    window.fields.headline.undo()
    assert window.document.article.headline == "Migrant caravan pushed back in Chiapas"
    window.body.undo()
    assert len(re.findall(r"\bcaravan\b", window.document.article.body)) == 2


def test_find_and_replace_after_an_emoji_change_the_right_characters(qtbot, window) -> None:
    """Qt counts an emoji as two units, Python as one character: a match after emoji is
    selected and replaced where it is, in the body and in the headline."""
    dialog = window.find_replace
    body = "A post 😀😀 quoted.\n\nThe caravan left; the caravan 🚶 walked on."
    window.body.apply_text(body)
    window.document.set_body(body)
    window.fields.headline.setText("Caravan 😀 moves, the caravan rests")
    window.body.setFocus()
    window.body.moveCursor(QTextCursor.MoveOperation.Start)
    dialog.show()
    dialog.start_from_focus()
    dialog.find_edit.setText("caravan")
    dialog.word_box.setChecked(True)
    assert dialog.find_next() is not None
    assert window.body.textCursor().selectedText() == "caravan"
    assert dialog.find_next() is not None  # the second, not the first again
    cursor = window.body.textCursor()
    assert cursor.selectedText() == "caravan"
    assert cursor.selectionStart() == window.body.toPlainText().index("caravan 🚶") + 2
    dialog.replace_edit.setText("march")
    assert dialog.replace_all() is not None
    assert window.document.article.body == (
        "A post 😀😀 quoted.\n\nThe march left; the march 🚶 walked on."
    )
    assert window.body.toPlainText() == window.document.article.body
    assert window.document.article.headline == "march 😀 moves, the march rests"


def test_find_next_selects_matches_across_fields_and_photos(qtbot, window) -> None:
    dialog = window.find_replace
    _load_sample(window)
    article = window.document.article
    window.document.set_field("dek", "The caravan heads north")
    window.fields.show_article(article)
    first, second = article.photos[0], article.photos[1]
    assert window.photos.caption.toPlainText() == first.caption  # the photo shown
    window.photos.caption.setPlainText("Migrants on the road")
    assert first.caption == "Migrants on the road"
    window.document.set_photo_field(second.id, "caption", "The caravan on the road")
    window.body.setFocus()
    window.body.moveCursor(QTextCursor.MoveOperation.Start)
    dialog.start_from_focus()
    dialog.find_edit.setText("caravan")
    dialog.word_box.setChecked(True)

    match = dialog.find_next()
    assert match is not None and match.field == "body"
    cursor = window.body.textCursor()
    assert cursor.selectedText().lower() == "caravan"
    assert dialog.find_next().field == "body"  # type: ignore[union-attr]
    photo = dialog.find_next()
    assert photo is not None and (photo.field, photo.photo_field) == (
        f"photo:{second.id}",
        "caption",
    )
    assert window.side_tabs.currentWidget() is window.photos
    assert window.photos.caption.textCursor().selectedText() == "caravan"
    # Replace the selected one: the document follows through the pane.
    dialog.replace_edit.setText("convoy")
    dialog.replace_one()
    assert article.photo(second.id).caption == "The convoy on the road"  # type: ignore[union-attr]
    # Later photos' captions, the desk's slug, then round to the start of the story: headline
    # and dek, in the fields tab.
    seen = [dialog._last]
    while seen[-1] is not None and seen[-1].field != "dek" and len(seen) < 20:
        seen.append(dialog.find_next())
    fields = [match.field for match in seen if match is not None]
    assert fields[-3:] == ["slug", "headline", "dek"]
    assert all(field.startswith("photo:") for field in fields[:-3])
    assert window.side_tabs.currentWidget() is window.fields
    assert window.fields.dek.textCursor().selectedText() == "caravan"


def test_a_bad_regular_expression_is_shown_not_raised(qtbot, window) -> None:
    dialog = window.find_replace
    window.document.set_body("A (caravan)")
    window.body.show_text("A (caravan)")
    dialog.show()
    dialog.regex_box.setChecked(True)
    dialog.find_edit.setText("(caravan")
    assert dialog.find_next() is None
    assert dialog.status.property("error") is True
    assert "Not a valid regular expression" in dialog.status.text()
    assert dialog.replace_all() is None
    assert window.document.article.body == "A (caravan)"
    dialog.find_edit.setText(r"\((\w+)\)")
    dialog.replace_edit.setText(r"[\1]")
    dialog.replace_all()
    assert window.document.article.body == "A [caravan]"
    assert dialog.status.property("error") is False
    qtbot.waitUntil(lambda: dialog.status.text() == "Replaced 1 in body")
