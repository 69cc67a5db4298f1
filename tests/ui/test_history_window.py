"""File > History in the real window: the list, the word-level comparison, and Restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor.model.package import load_package

pytestmark = pytest.mark.gui


def _saved_three_times(window, tmp_path: Path) -> Path:
    path = tmp_path / "story.article"
    window.document.set_field("headline", "Caravan leaves Tapachula")
    window.document.set_body("Migrants left Tapachula on Tuesday.\n\nPolice watched.")
    assert window.files.save_to(path)
    window.document.set_body("Migrants left Tapachula on Tuesday morning.\n\nPolice watched.")
    assert window.save()
    window.document.set_field("headline", "Caravan reaches Huixtla")
    window.document.set_body("Migrants reached Huixtla on Wednesday.\n\nPolice watched.")
    assert window.save()
    return path


def _yes(
    monkeypatch, answer=QMessageBox.StandardButton.Yes, warned: list[str] | None = None
) -> list[str]:
    """Answer the window's questions with ``answer``; warnings go to ``warned``."""
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        if box.icon() == QMessageBox.Icon.Question:
            asked.append(box.text())
            return answer
        if warned is not None:
            warned.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


def test_history_lists_revisions_newest_first(qtbot, window, tmp_path: Path) -> None:
    _saved_three_times(window, tmp_path)
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    items = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert [item.split()[0] for item in items] == ["#3", "#2", "#1"]
    assert "8 words" in items[1] and "7 words" in items[2]
    assert dialog.shown is not None and dialog.shown.number == 3
    assert "The story text is the same as now" in dialog.diff.toPlainText()


def test_history_shows_word_level_differences(qtbot, window, tmp_path: Path) -> None:
    _saved_three_times(window, tmp_path)
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(1)
    html = dialog.diff.toHtml()
    text = dialog.diff.toPlainText()
    assert "Tapachula" in text and "Huixtla" in text
    assert "line-through" in html and "underline" in html
    # Only the changed words are marked, not whole paragraphs.
    struck = dialog.diff.document().find("Tapachula")
    assert struck.charFormat().fontStrikeOut()
    added = dialog.diff.document().find("Wednesday")
    assert added.charFormat().fontUnderline() and not added.charFormat().fontStrikeOut()
    same = dialog.diff.document().find("Police")
    assert not same.charFormat().fontUnderline() and not same.charFormat().fontStrikeOut()
    assert "Headline" in text  # the headline changed too


def test_history_escapes_markup_in_the_story(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    window.document.set_body("<b>bold</b> <script>x</script>")
    assert window.files.save_to(path)
    window.document.set_body("plain")
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    assert "<script>x</script>" in dialog.diff.toPlainText()


def test_restore_keeps_the_current_state_then_restores(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    path = _saved_three_times(window, tmp_path)
    window.document.set_body("Unsaved words typed after the last save.")
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(1)
    asked = _yes(monkeypatch)
    assert dialog.restore_selected()
    assert "kept in the history first" in asked[0]

    assert window.document.article.headline == "Caravan leaves Tapachula"
    assert window.fields.headline.text() == "Caravan leaves Tapachula"
    assert window.body.toPlainText() == "Migrants left Tapachula on Tuesday.\n\nPolice watched."
    assert not window.document.dirty
    loaded = load_package(path)
    assert loaded.article.body == "Migrants left Tapachula on Tuesday.\n\nPolice watched."
    assert loaded.revisions.numbers() == [1, 2, 3, 4, 5]
    assert loaded.revisions.read(4).body == "Unsaved words typed after the last save."
    assert loaded.revisions.read(4).note == "Before restoring revision 1"
    assert loaded.revisions.read(5).note.startswith("Restored revision 1 of ")
    # The list follows, and the restore itself can be undone by restoring revision 4.
    assert dialog.list.item(0).text().startswith("#5")
    dialog.select(4)
    assert dialog.restore_selected()
    assert window.document.article.body == "Unsaved words typed after the last save."
    assert load_package(path).revisions.numbers()[-1] == 6  # nothing unsaved: no extra one


def test_restore_cancelled_changes_nothing(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    path = _saved_three_times(window, tmp_path)
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(1)
    _yes(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not dialog.restore_selected()
    assert window.document.article.headline == "Caravan reaches Huixtla"
    assert load_package(path).revisions.numbers() == [1, 2, 3]


def test_restore_refused_when_the_file_changed_on_disk(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    path = _saved_three_times(window, tmp_path)
    from editor.model.article import Article
    from editor.model.media_store import MediaStore
    from editor.model.package import save_package

    save_package(path, Article(headline="Theirs"), MediaStore())
    warned: list[str] = []
    asked = _yes(monkeypatch, warned=warned)
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(1)
    assert not dialog.restore_selected()
    assert "changed by another program" in warned[0]
    assert not asked
    assert load_package(path).article.headline == "Theirs"


def test_history_of_an_unsaved_article_is_empty(qtbot, window) -> None:
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0
    assert "No saved versions yet" in dialog.diff.toPlainText()
    assert not dialog.restore_button.isEnabled()


def test_history_item_for_a_damaged_revision_is_not_selectable(
    qtbot, window, tmp_path: Path
) -> None:
    _saved_three_times(window, tmp_path)
    window.document.revisions.set_bytes(2, b"not json")
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    damaged = dialog.list.item(1)
    assert "cannot be read" in damaged.text()
    assert not damaged.flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_restore_is_one_step_that_ctrl_z_takes_back(qtbot, window, tmp_path: Path, monkeypatch):
    path = _saved_three_times(window, tmp_path)
    window.body.show_text(window.document.article.body)
    typed = "Migrants reached Huixtla on Wednesday.\n\nPolice watched. More typed."
    window.body.setFocus()
    window.body.moveCursor(window.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.body, " More typed.")
    assert window.document.article.body == typed
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(1)  # headline and body both differ
    _yes(monkeypatch)
    assert dialog.restore_selected()
    dialog.close()
    restored_body = "Migrants left Tapachula on Tuesday.\n\nPolice watched."
    assert window.body.toPlainText() == restored_body
    assert window.fields.headline.text() == "Caravan leaves Tapachula"

    window.body.setFocus()
    qtbot.keyClick(window.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # Back to what was there before the restore: the body as typed, the headline as it was.
    assert window.body.toPlainText() == typed
    assert window.document.article.body == typed
    assert window.document.article.headline == "Caravan reaches Huixtla"
    assert window.fields.headline.text() == "Caravan reaches Huixtla"
    assert window.document.dirty
    # One more undo is the typing before the restore, kept in the body's history.
    qtbot.keyClick(window.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (
        window.document.article.body == "Migrants reached Huixtla on Wednesday.\n\nPolice watched."
    )
    assert window.document.article.headline == "Caravan reaches Huixtla"

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.body, Qt.Key.Key_Z, redo)
    qtbot.keyClick(window.body, Qt.Key.Key_Z, redo)
    assert window.document.article.body == restored_body
    assert window.document.article.headline == "Caravan leaves Tapachula"
    assert window.fields.headline.text() == "Caravan leaves Tapachula"
    assert load_package(path).revisions.numbers() == [1, 2, 3, 4, 5]


def test_a_restore_that_changes_only_fields_is_undone_from_the_body(
    qtbot, window, tmp_path: Path, monkeypatch
):
    _saved_three_times(window, tmp_path)
    window.document.set_field("headline", "Caravan stopped at the river")
    body = window.document.article.body
    window.body.show_text(body)
    dialog = window.show_history()
    qtbot.addWidget(dialog)
    dialog.select(3)  # the same body, another headline
    _yes(monkeypatch)
    assert dialog.restore_selected()
    dialog.close()
    assert window.document.article.headline == "Caravan reaches Huixtla"
    window.body.setFocus()
    qtbot.keyClick(window.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.article.headline == "Caravan stopped at the river"
    assert window.fields.headline.text() == "Caravan stopped at the river"
    assert window.body.toPlainText() == body
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.body, Qt.Key.Key_Z, redo)
    assert window.fields.headline.text() == "Caravan reaches Huixtla"
