"""Preferences in the window: the dialog, Ctrl+, , new stories started from them, the settings
file, and what Save As and Export suggest."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from editor.model.dateline import dateline_text
from editor.model.preferences import SETTINGS_KEYS, Preferences
from editor.paths import config_dir
from editor.ui.controllers.preferences import show_preferences
from editor.ui.dialogs.preferences import PreferencesDialog
from editor.ui.settings_store import window_settings

pytestmark = pytest.mark.gui

# Placeholders that tell what to type rather than show an example.
INSTRUCTIONS = {"What happened, in a line", "Free text instead of the style"}

ANA = Preferences(
    reporter_name="Ana López",
    initials="al",
    agency="EFE",
    dateline_style="efe-en",
    home_city="Tapachula",
    home_country="Mexico",
    language="es",
)


@pytest.fixture(autouse=True)
def _default_preferences(qapp):
    """Every test starts, and leaves, the shared settings file without preferences."""

    def clear() -> None:
        settings = window_settings()
        for key in SETTINGS_KEYS.values():
            settings.remove(key)
        settings.sync()

    clear()
    yield
    clear()


def _save(window, prefs: Preferences) -> None:
    window.preferences.save(prefs)


def test_ctrl_comma_opens_preferences_from_the_edit_menu(qtbot, window) -> None:
    action = window.preferences.action
    assert action in window.edit_menu.actions()
    assert QKeySequence("Ctrl+,") in action.shortcuts()
    window.activateWindow()
    window.body.setFocus()
    qtbot.keyClick(window.body, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(PreferencesDialog, "preferences_dialog") is not None)
    dialog = window.findChild(PreferencesDialog, "preferences_dialog")
    assert dialog.isVisible()
    dialog.reject()


def test_dialog_round_trip_through_the_settings_file(qtbot, window, tmp_path: Path) -> None:
    dialog = show_preferences(window, window.preferences)
    dialog.reporter_name.setText("Ana López")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.initials, "al")
    qtbot.keyClicks(dialog.agency, "EFE")
    qtbot.keyClicks(dialog.home_city, "Tapachula")
    dialog.dateline_style.setCurrentIndex(dialog.dateline_style.findData("reuters"))
    dialog.language.setCurrentText("es")
    dialog.autosave.setValue(30)
    dialog.export_folder.setText(str(tmp_path))
    dialog.spelling.setChecked(False)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()

    stored = window.preferences.preferences
    assert stored.reporter_name == "Ana López" and stored.initials == "al"
    assert stored.dateline_style == "reuters" and stored.language == "es"
    assert stored.autosave_seconds == 30 and not stored.spelling
    assert stored.export_folder == str(tmp_path)
    text = (config_dir() / "settings.ini").read_text(encoding="utf-8")
    assert "reporter_name" in text and "autosave_seconds=30" in text
    # Applied at once: autosave within 30 s, no spelling underlines.
    assert window.autosave.max_wait_ms == 29_000
    assert not window.spelling.enabled
    # Reopened, the dialog shows what is stored.
    again = show_preferences(window, window.preferences)
    assert again is dialog and again.reporter_name.text() == "Ana López"
    assert again.autosave.value() == 30
    again.reject()


def test_invalid_values_are_refused_at_their_field(qtbot, window) -> None:
    dialog = show_preferences(window, window.preferences)
    dialog.initials.setText("j/m")
    applied: list[Preferences] = []
    dialog.applied.connect(applied.append)
    dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
    assert applied == []
    assert dialog.problem.isVisible() and "Initials" in dialog.problem.text()
    assert dialog.isVisible()
    dialog.initials.setText("jm")
    dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
    assert applied and applied[0].initials == "jm"
    assert not dialog.problem.isVisible()
    dialog.reject()


def test_smart_punctuation_preference_and_edit_menu_agree(window) -> None:
    _save(window, dataclasses.replace(ANA, smart_punctuation=False))
    assert not window.typography.enabled
    assert not window.typography.toggle_action.isChecked()
    window.typography.toggle_action.setChecked(True)  # the Edit menu's switch
    assert window.preferences.preferences.smart_punctuation


def test_every_control_is_labelled_and_named(window) -> None:
    dialog = show_preferences(window, window.preferences)
    for name, widget in dialog._rows.items():
        assert widget.accessibleName(), name
        assert widget.toolTip(), name
    buddies = [label.buddy() for label in dialog.findChildren(type(dialog.problem))]
    for name in ("reporter_name", "initials", "agency", "home_city", "language"):
        assert dialog._rows[name] in buddies, name
    dialog.reject()


def test_new_story_starts_from_preferences_and_is_not_dirty(qtbot, window, monkeypatch) -> None:
    _save(window, ANA)
    window.new_article()
    article = window.document.article
    assert article.byline == ["Ana López"]
    assert article.sign_off == "al"
    assert article.language == "es"
    assert article.dateline.place == "Tapachula" and article.dateline.source == "EFE"
    assert article.dateline.date == dt.date.today()
    assert not window.document.dirty and not window.isWindowModified()
    # The fields show it, the date switched on.
    assert window.fields.byline.text() == "Ana López"
    assert window.fields.has_date.isChecked()
    today = dt.date.today()
    assert window.fields.dateline_text.text() == dateline_text(article.dateline)
    assert f"{today.day} (EFE).-" in window.fields.dateline_text.text()
    # Closing it without typing asks nothing.
    asked: list[object] = []
    monkeypatch.setattr("editor.ui.controllers.file_actions.ask", lambda *a, **k: asked.append(a))
    window.new_article()
    assert asked == []


def test_the_first_story_of_a_window_has_todays_date(window) -> None:
    """A window's first story must carry today's (local) date in its dateline, not none."""
    assert window.document.article.dateline.date == dt.date.today()
    assert window.fields.has_date.isChecked()
    assert not window.document.dirty


def test_placeholders_are_examples_in_italics(window) -> None:
    for edit in window.fields.findChildren(QLineEdit):
        placeholder = edit.placeholderText()
        if not placeholder:
            continue
        assert placeholder.startswith("e.g. ") or placeholder in INSTRUCTIONS, placeholder
        edit.setText("")
        assert edit.font().italic(), edit.objectName()
        edit.setText("x")
        assert not edit.font().italic(), edit.objectName()
        edit.setText("")
    examples = [
        e.placeholderText() for e in window.fields.findChildren(QLineEdit) if e.placeholderText()
    ]
    for example in ("MEXICO-MIGRANTS/CARAVAN", "jmb/dgp/mcd", "EFE"):
        assert f"e.g. {example}" in examples


def test_no_placeholder_reaches_an_export(qtbot, window, tmp_path: Path) -> None:
    from editor.cli import main

    window.new_article()
    path = tmp_path / "new.article"
    assert window.files.save_to(path)
    out = tmp_path / "new.txt"
    assert main(["export", str(path), "--format", "text", "-o", str(out)]) == 0
    exported = out.read_text(encoding="utf-8")
    for edit in window.fields.findChildren(QLineEdit):
        example = edit.placeholderText().removeprefix("e.g. ")
        if example:
            assert example not in exported, example


def test_save_as_suggests_the_headline_in_the_last_folder(window, tmp_path, monkeypatch) -> None:
    seen: list[str] = []

    def suggested(_parent, _title, path, *_rest, **_kw) -> tuple[str, str]:
        seen.append(path)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", suggested)
    window.settings.setValue("lastFolder", str(tmp_path))
    window.document.set_field("headline", "Migrant caravan reaches Huixtla, 40 km north")
    window.save_as()
    assert seen[-1] == str(tmp_path / "migrant-caravan-reaches-huixtla-40-km-north.article")
    window.document.set_field("slug", "MEXICO-MIGRANTS/CARAVAN")
    window.save_as()
    assert seen[-1] == str(tmp_path / "mexico-migrants-caravan.article")
    window.document.set_field("url_slug", "caravan-huixtla")
    window.save_as()
    assert seen[-1] == str(tmp_path / "caravan-huixtla.article")
    window.document.new()


def test_export_suggests_the_story_folder_or_the_preference(window, tmp_path: Path) -> None:
    story_folder = tmp_path / "desk" / "caravan"
    story_folder.mkdir(parents=True)
    window.document.set_field("url_slug", "caravan-huixtla")
    assert window.files.save_to(story_folder / "caravan.article")
    dialog = window.show_export_dialog()
    dialog.select_format("html")
    assert dialog.destination.text() == str(story_folder / "caravan-huixtla.html")
    dialog.close()

    exports = tmp_path / "exports"
    exports.mkdir()
    _save(window, Preferences(export_folder=str(exports)))
    window.new_article()
    window.document.set_field("headline", "Second story")
    assert window.files.save_to(story_folder / "second.article")
    dialog = window.show_export_dialog()
    assert dialog.destination.text() == str(exports / "second.html")
    dialog.close()


def test_dialog_is_usable_from_the_keyboard(qtbot, window) -> None:
    dialog = show_preferences(window, window.preferences)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reporter_name.setFocus()
    seen = []
    for _ in range(30):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    names = {w.objectName() for w in seen}
    for expected in (
        "preferences_reporter_name",
        "preferences_initials",
        "preferences_agency",
        "preferences_dateline_style",
        "preferences_spelling",
        "preferences_autosave_seconds",
        "preferences_house_style_file",
        "preferences_export_folder",
    ):
        assert expected in names, expected
    for widget in seen:
        assert widget.accessibleName(), (widget, widget.objectName())
    dialog.reject()


def test_every_field_label_with_a_mnemonic_has_a_buddy(window) -> None:
    """A label without a buddy shows its "&" instead of underlining the letter (it said
    "Da&te")."""
    from PySide6.QtWidgets import QLabel

    for label in window.fields.findChildren(QLabel):
        if "&" in label.text():
            assert label.buddy() is not None, label.text()


@pytest.mark.parametrize(
    ("seconds", "intervals"), [(5, (2000, 4000)), (2, (1000, 1000)), (60, (2000, 59_000))]
)
def test_autosave_intervals_keep_the_deadline(seconds: int, intervals: tuple[int, int]) -> None:
    from editor.ui.controllers.preferences import autosave_intervals

    assert autosave_intervals(seconds) == intervals  # 5 s: as autosave always did


def test_house_style_file_from_preferences_is_checked(qtbot, window, tmp_path: Path) -> None:
    style = tmp_path / "desk-style.toml"
    style.write_text(
        '[en]\n[[en.rule]]\nphrase = "zorblax"\nuse = "widget"\nwhy = "Desk test rule"\n',
        encoding="utf-8",
    )
    window.document.set_field("language", "en")
    window.document.set_body("The zorblax arrived.")
    checks = window.checks

    def flagged() -> bool:
        return any(f.code == "house-style" for f in checks.findings)

    _save(window, Preferences(house_style_file=str(style)))
    qtbot.waitUntil(lambda: checks.up_to_date and flagged(), timeout=15_000)
    _save(window, Preferences())  # back to the file in the config folder: no such rule
    qtbot.waitUntil(lambda: checks.up_to_date and not flagged(), timeout=15_000)
    window.document.new()


def test_spelling_preference_clears_and_restores_underlines(qtbot, window) -> None:
    window.document.set_field("language", "en")
    window.body.setPlainText("The caravvan arrived in Huixtla.")
    spelling = window.spelling

    def underlined() -> bool:
        return spelling.body.span_at(6) is not None  # inside "caravvan"

    if window.spelling_service.speller("en") is None:
        pytest.skip("no English dictionary installed")
    qtbot.waitUntil(lambda: spelling.idle and underlined(), timeout=15_000)
    _save(window, Preferences(spelling=False))
    qtbot.waitUntil(lambda: spelling.idle and not underlined(), timeout=15_000)
    _save(window, Preferences(spelling=True))
    qtbot.waitUntil(lambda: spelling.idle and underlined(), timeout=15_000)
    window.document.new()


def test_preferences_keys_are_listed_once(window) -> None:
    shortcuts = window.preferences.action.shortcuts()
    assert all(not key.isEmpty() for key in shortcuts)
    assert len({key.toString() for key in shortcuts}) == len(shortcuts)
    others = [
        key.toString()
        for action in window.findChildren(QAction)
        if action is not window.preferences.action
        for key in action.shortcuts()
    ]
    assert "Ctrl+," not in others
