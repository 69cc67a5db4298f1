"""Spelling in the window: underlines in the body, headline and dek, and the context menu."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit

from editor.spelling import PersonalDictionary, available_languages, dictionary_for
from editor.spelling.personal import default_personal_path
from editor.ui.controllers.spelling_service import personal_dictionary_path
from editor.ui.widgets.spelling_underlines import LineEditSpelling, shift_spans, spans_by_line

from locations import REPO

# --- plain logic -------------------------------------------------------------------------------


def test_shift_spans_keeps_spans_before_and_moves_spans_after_an_edit() -> None:
    old = "teh cat and teh dog"
    spans = ((0, 3, "teh"), (12, 15, "teh"))
    # Typing in the middle ("big ") moves the second span and keeps the first.
    assert shift_spans(old, spans, "teh cat and big teh dog") == ((0, 3, "teh"), (16, 19, "teh"))
    # Editing the word itself drops its span (the next pass decides).
    assert shift_spans(old, spans, "the cat and teh dog") == ((12, 15, "teh"),)
    # A letter typed right after a word changes the word: its span goes.
    assert shift_spans(old, spans, "tehx cat and teh dog") == ((13, 16, "teh"),)
    assert shift_spans(old, spans, old) == spans
    assert shift_spans(old, (), "anything") == ()


def test_spans_by_line_splits_body_offsets_into_lines() -> None:
    body = "First line fine.\n\nSecond has travlling and teh.\nteh"
    travlling, teh = body.index("travlling"), body.index("teh")
    last = len(body) - 3
    spans = [(travlling, travlling + 9, "travlling"), (teh, teh + 3, "teh")]
    spans.append((last, last + 3, "teh"))
    table, lines = spans_by_line(body, spans)
    assert table["Second has travlling and teh."] == ((11, 20, "travlling"), (25, 28, "teh"))
    assert table["teh"] == ((0, 3, "teh"),)
    assert "First line fine." not in table
    assert lines == frozenset({"First line fine.", "", "Second has travlling and teh.", "teh"})


def test_personal_dictionary_lives_in_the_user_data_folder(qapp) -> None:
    path = personal_dictionary_path()
    assert path == default_personal_path()  # the command line's checks read the same file
    assert path.name == "dictionary.txt"
    assert "dateline-tests-" in str(path)  # the sandbox of conftest, never the real home


# --- in the window -----------------------------------------------------------------------------


def _spelling(window, tmp_path: Path):
    """The window's spelling controller, with a personal dictionary of this test's own."""
    window.spelling_service.set_personal_path(tmp_path / "dictionary.txt")
    return window.spelling


_SPELLING_LINES = (
    QTextCharFormat.UnderlineStyle.SpellCheckUnderline,  # a typo
    QTextCharFormat.UnderlineStyle.DotLine,  # a name the dictionary lacks
)


def _underlined(block, start: int, end: int) -> bool:
    """True when the highlighter's formats underline [start, end) of ``block`` as misspelled
    (or as a name the dictionary lacks)."""
    for fmt_range in block.layout().formats():
        style = fmt_range.format.underlineStyle()
        inside = fmt_range.start <= start and fmt_range.start + fmt_range.length >= end
        if inside and style in _SPELLING_LINES:
            return True
    return False


def _block_with(edit, word: str):
    document = edit.document()
    cursor = document.find(word)
    assert not cursor.isNull(), word
    block = cursor.block()
    start = cursor.selectionStart() - block.position()
    return block, start, start + len(word), cursor.selectionStart()


def _open_sample(window, data_dir: Path) -> None:
    assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)


def _wait_underlined(qtbot, edit, word: str, expected: bool = True) -> None:
    def check() -> bool:
        block, start, end, _ = _block_with(edit, word)
        return _underlined(block, start, end) is expected

    qtbot.waitUntil(check, timeout=10_000)


@pytest.mark.gui
def test_body_underlines_misspellings_only(qtbot, window, tmp_path, data_dir) -> None:
    _spelling(window, tmp_path)
    _open_sample(window, data_dir)
    _wait_underlined(qtbot, window.body, "travlling")
    for correct in ("caravan", "bicycles", "Venezuelan"):
        block, start, end, _ = _block_with(window.body, correct)
        assert not _underlined(block, start, end), correct
    # A photo placement is Markdown, not words (the highlighting dims it; nothing underlines it).
    block, _start, _end, _ = _block_with(window.body, "![](photo:p2)")
    ranges = block.layout().formats()
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert not any(found.format.underlineStyle() == wavy for found in ranges)


@pytest.mark.gui
def test_typing_elsewhere_keeps_the_underline_in_place(qtbot, window, tmp_path) -> None:
    _spelling(window, tmp_path)
    window.body.setPlainText("A carravan left at dawn.")
    _wait_underlined(qtbot, window.body, "carravan")
    cursor = window.body.textCursor()
    cursor.setPosition(0)
    window.body.setTextCursor(cursor)
    qtbot.keyClicks(window.body, "Today ")  # before the word: the underline moves with it
    block, start, end, _ = _block_with(window.body, "carravan")
    assert _underlined(block, start, end)
    # Fixing the word removes the underline after the next pass.
    cursor = window.body.document().find("carravan")
    cursor.insertText("caravan")
    block = window.body.document().firstBlock()
    qtbot.waitUntil(lambda: not _underlined(block, 0, 1) and not block.layout().formats())


def _menu_at(controller, edit, position: int):
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position + 2)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()  # a right-click is on text in view
    point = edit.cursorRect(cursor).center()
    return controller.menu_for(edit, point)


def _action(menu, name: str):
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


@pytest.mark.gui
def test_add_to_dictionary_removes_the_underline_and_persists(
    qtbot, window, tmp_path, data_dir
) -> None:
    controller = _spelling(window, tmp_path)
    _open_sample(window, data_dir)
    _wait_underlined(qtbot, window.body, "travlling")
    _, _, _, position = _block_with(window.body, "travlling")
    menu = _menu_at(controller, window.body, position)
    texts = [a.text() for a in menu.actions()]
    assert "Ignore" in texts
    assert any(t.startswith("&Undo") or t.startswith("Undo") for t in texts)  # standard entries
    _action(menu, "spelling_add").trigger()
    menu.close()
    _wait_underlined(qtbot, window.body, "travlling", expected=False)
    assert "travlling" in PersonalDictionary(tmp_path / "dictionary.txt")
    # A menu on a correct word has no spelling entries.
    _, _, _, position = _block_with(window.body, "bicycles")
    menu = _menu_at(controller, window.body, position)
    assert not [a for a in menu.actions() if a.objectName().startswith("spelling_")]
    menu.close()


@pytest.mark.gui
def test_ignore_is_for_the_session_only(qtbot, window, tmp_path) -> None:
    controller = _spelling(window, tmp_path)
    window.body.setPlainText("Huixtlazo was quiet.")
    _wait_underlined(qtbot, window.body, "Huixtlazo")
    menu = _menu_at(controller, window.body, 0)
    _action(menu, "spelling_ignore").trigger()
    menu.close()
    _wait_underlined(qtbot, window.body, "Huixtlazo", expected=False)
    assert "Huixtlazo" not in PersonalDictionary(tmp_path / "dictionary.txt")


@pytest.mark.gui
def test_a_suggestion_replaces_the_word_as_one_undo_step(qtbot, window, tmp_path) -> None:
    controller = _spelling(window, tmp_path)
    window.body.setPlainText("Bryan Joan is travlling from Venezuela.")
    _wait_underlined(qtbot, window.body, "travlling")
    _, _, _, position = _block_with(window.body, "travlling")
    menu = _menu_at(controller, window.body, position)
    qtbot.waitUntil(
        lambda: any(a.objectName() == "spelling_suggestion" for a in menu.actions()),
        timeout=10_000,
    )
    suggestions = [a for a in menu.actions() if a.objectName() == "spelling_suggestion"]
    assert 1 <= len(suggestions) <= 6
    choice = next(a for a in suggestions if a.text() == "traveling")  # en_US
    choice.trigger()
    menu.close()
    assert window.body.toPlainText() == "Bryan Joan is traveling from Venezuela."
    assert window.document.article.body == "Bryan Joan is traveling from Venezuela."
    window.body.undo()
    assert window.body.toPlainText() == "Bryan Joan is travlling from Venezuela."


def _red_pixels(widget) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.red() - colour.green() > 50 and colour.red() - colour.blue() > 50:
                count += 1
    return count


@pytest.mark.gui
def test_headline_and_dek_are_underlined(qtbot, window, tmp_path) -> None:
    controller = _spelling(window, tmp_path)
    qtbot.keyClicks(window.fields.headline, "Caravan leaves the border")
    qtbot.wait(600)
    assert controller.headline.visible_spans() == []
    assert _red_pixels(window.fields.headline) == 0
    window.fields.headline.clear()
    qtbot.keyClicks(window.fields.headline, "Caravan travlling north")
    qtbot.waitUntil(
        lambda: [s[2] for s in controller.headline.visible_spans()] == ["travlling"],
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: _red_pixels(window.fields.headline) > 10, timeout=5_000)
    # The headline's menu offers the suggestion; choosing it is one undo step.
    headline = window.fields.headline
    menu = controller.menu_for(headline, QPoint(headline.cursorRect().x() - 30, 10))
    qtbot.waitUntil(lambda: any(a.text() == "traveling" for a in menu.actions()), timeout=10_000)
    next(a for a in menu.actions() if a.text() == "traveling").trigger()
    menu.close()
    assert headline.text() == "Caravan traveling north"
    assert window.document.article.headline == "Caravan traveling north"

    qtbot.keyClicks(window.fields.dek, "Migrants walk norht from Tapachula")
    _wait_underlined(qtbot, window.fields.dek, "norht")
    block, start, end, _ = _block_with(window.fields.dek, "Migrants")
    assert not _underlined(block, start, end)


@pytest.mark.gui
def test_spanish_story_is_checked_in_spanish(qtbot, window, tmp_path) -> None:
    _spelling(window, tmp_path)
    window.document.set_field("language", "es")
    window.body.setPlainText("La caravana de migrantes salió de Huixtla con mucha prisaa.")
    _wait_underlined(qtbot, window.body, "prisaa")
    block, start, end, _ = _block_with(window.body, "caravana")
    assert not _underlined(block, start, end)


@pytest.mark.gui
def test_the_story_names_in_byline_and_dateline_are_accepted(qtbot, window, tmp_path) -> None:
    _spelling(window, tmp_path)
    window.body.setPlainText("Migrants left Huixtlazo at dawn.")
    _wait_underlined(qtbot, window.body, "Huixtlazo")
    qtbot.keyClicks(window.fields.place, "Huixtlazo")  # the dateline names the place
    _wait_underlined(qtbot, window.body, "Huixtlazo", expected=False)


@pytest.mark.gui
def test_a_language_without_dictionary_shows_no_underlines(qtbot, window, tmp_path) -> None:
    controller = _spelling(window, tmp_path)
    window.body.setPlainText("A carravan left at dawn.")
    _wait_underlined(qtbot, window.body, "carravan")
    window.document.set_field("language", "zh-Hans")
    _wait_underlined(qtbot, window.body, "carravan", expected=False)
    assert controller.language == "zh-Hans"


def test_language_list_offers_installed_dictionaries_and_says_which_checks(window) -> None:
    combo = window.fields.language
    tags = [combo.itemText(i) for i in range(combo.count())]
    assert tags[:4] == ["en", "en-GB", "en-US", "es"]
    for name in available_languages():
        assert name.replace("_", "-") in tags
    tips = {
        combo.itemText(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
        for i in range(combo.count())
    }
    assert tips["es"] == f"Spelling checked with the {dictionary_for('es')} dictionary"
    if dictionary_for("de") is None:
        assert tips["de"] == "No spelling dictionary installed for this language"


@pytest.mark.gui
def test_the_body_is_spell_checked_once_per_revision(qtbot, window, tmp_path, monkeypatch) -> None:
    """The underlines and the Checks tab's spelling check share one whole-body pass."""
    from editor.spelling import Speller
    from editor.spelling.body import forget_body_misspellings

    _spelling(window, tmp_path)
    looked_up: list[str] = []  # the body's paragraphs (here one, all prose) and the fields
    original = Speller.misspellings_in_prose

    def counting(self, prose: str):
        looked_up.append(prose)
        return original(self, prose)

    monkeypatch.setattr(Speller, "misspellings_in_prose", counting)
    forget_body_misspellings()
    with qtbot.waitSignals([window.spelling.passDone, window.checks.checked], timeout=15_000):
        window.body.setPlainText("A carravan left Tapachula at dawn on Tuesday.")
    _wait_underlined(qtbot, window.body, "carravan")
    qtbot.waitUntil(lambda: window.checks.up_to_date, timeout=15_000)
    flagged = [f.message for f in window.checks.findings if f.code == "spelling"]
    assert any("carravan" in message for message in flagged), flagged  # the check ran too
    assert looked_up.count(window.body.toPlainText()) == 1, looked_up


# --- the Photos pane's caption and alt text -------------------------------------------------------


def _open_the_sample_story(window, tmp_path: Path) -> None:
    path = tmp_path / "caravan-efe.article"
    shutil.copy(REPO / "resources" / "samples" / "caravan-efe.article", path)
    assert window.open_path(path, confirmed=True)
    window.side_tabs.setCurrentWidget(window.photos)
    window.photos.select("p1")


@pytest.mark.gui
def test_caption_and_alt_text_are_underlined_like_the_dek(qtbot, window, tmp_path) -> None:
    _spelling(window, tmp_path)
    _open_the_sample_story(window, tmp_path)
    _wait_underlined(qtbot, window.body, "Huixtla")  # a name the story does not state yet
    caption, alt = window.photos.caption, window.photos.alt
    caption.setFocus()
    qtbot.keyClicks(caption, "Migrnts walk out of Huixtla on Tuesday.")
    _wait_underlined(qtbot, caption, "Migrnts")
    # A name in the middle of a caption is one the story states: accepted in the caption and
    # everywhere else, as the Checks tab accepts it.
    _wait_underlined(qtbot, window.body, "Huixtla", expected=False)
    assert not _underlined(*_block_with(caption, "Huixtla")[:3])
    alt.setFocus()
    qtbot.keyClicks(alt, "A cyclist waering a cap")
    _wait_underlined(qtbot, alt, "waering")
    block, start, end, _ = _block_with(alt, "cyclist")
    assert not _underlined(block, start, end)
    # The context menu offers the word's entries there too.
    _, _, _, position = _block_with(alt, "waering")
    menu = _menu_at(window.spelling, alt, position)
    _action(menu, "spelling_ignore").trigger()
    menu.close()
    _wait_underlined(qtbot, alt, "waering", expected=False)


@pytest.mark.gui
def test_caption_underlines_follow_the_story_language_and_the_photo_shown(
    qtbot, window, tmp_path
) -> None:
    _spelling(window, tmp_path)
    _open_the_sample_story(window, tmp_path)
    caption = window.photos.caption
    caption.setFocus()
    qtbot.keyClicks(caption, "La caravana sale de la sona")
    _wait_underlined(qtbot, caption, "caravana")  # Spanish words in an English story
    window.document.set_field("language", "es")
    _wait_underlined(qtbot, caption, "caravana", expected=False)
    _wait_underlined(qtbot, caption, "sona")
    # Another photo shown: its own caption, underlined in its turn.
    window.photos.select("p2")
    qtbot.waitUntil(lambda: caption.toPlainText() == "")
    qtbot.keyClicks(caption, "Una bisicleta")
    _wait_underlined(qtbot, caption, "bisicleta")


def test_the_headlines_underline_after_an_emoji_sits_under_its_word(qtbot) -> None:
    edit = QLineEdit("😀 A tset")
    qtbot.addWidget(edit)
    spelling = LineEditSpelling(edit, lambda _word: False)
    spelling.set_result("😀 A tset", ((4, 8, "tset"),))  # Python's indexes
    assert spelling.visible_spans() == [(5, 9, "tset")]  # Qt's: the emoji is two units
    assert spelling.span_at(6) == (5, 9, "tset")
