"""The status bar counts a Chinese story in characters, times it in characters a minute, and
speaks Spanish with the Spanish catalogue; the Language list ticks the languages that have a
spelling dictionary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from editor.ingest import import_file
from editor.model.counts import count_text
from editor.spelling import available_languages, dictionary_for
from editor.ui.controllers.counts import summary_text
from editor.ui.widgets.dictionary_marks import HAS_DICTIONARY_ROLE

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
CATALOGUE = REPO / "resources" / "translations" / "dateline_es.ts"


def _chinese_story(data_dir: Path):
    return import_file(data_dir / "zh_short_story.md")


def test_status_bar_counts_a_chinese_story_in_characters(qtbot, window, data_dir) -> None:
    result = _chinese_story(data_dir)
    window.document.replace(result.article, result.media, None)
    counts = window.counts
    qtbot.waitUntil(lambda: counts.summary.text().startswith("115 characters"), timeout=5_000)
    summary = counts.summary.text()
    assert "words" not in summary
    assert "115 characters · 124 with punctuation · 3 paragraphs" in summary
    assert "3 paragraphs" in summary
    assert "< 1 min read" in summary  # 115 characters at 260 a minute: 27 seconds
    assert "counted in characters" in counts.summary.toolTip()


def test_chinese_target_is_in_characters(qtbot, window, data_dir) -> None:
    result = _chinese_story(data_dir)
    window.document.replace(result.article, result.media, None)
    counts = window.counts
    qtbot.waitUntil(lambda: counts.summary.text().startswith("115 characters"), timeout=5_000)
    counts.set_target(100)
    assert counts.target_label.text() == "115 / 100 characters"
    assert counts.target_label.toolTip() == "15 characters over the target"


@pytest.fixture
def spanish(qapp, tmp_path):
    """The Spanish catalogue of this checkout, compiled and installed for one test."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    compiled = tmp_path / "dateline_es.qm"
    subprocess.run([str(lrelease), str(CATALOGUE), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_status_bar_in_spanish(spanish, data_dir) -> None:
    counts = count_text(_chinese_story(data_dir).article.body, "zh-Hans")
    text = summary_text(counts, None)
    assert text.startswith("115 caracteres · 124 con puntuación · 3 párrafos")
    assert text.endswith("< 1 min de lectura")
    one = count_text("Cuatro.", "es")
    assert summary_text(one, None).startswith("1 palabra · 7 caracteres (7 sin espacios)")
    many = count_text("Uno dos tres.\n\nCuatro.", "es")
    assert summary_text(many, one).startswith("Selección: 1 palabra de 4 · ")


def test_language_list_ticks_installed_dictionaries(qtbot, window) -> None:
    combo = window.fields.language
    marks = {
        combo.itemText(index): combo.itemData(index, HAS_DICTIONARY_ROLE)
        for index in range(combo.count())
    }
    assert marks["zh-Hans"] is False and marks["ko"] is False  # Hunspell has neither
    for tag, ticked in marks.items():
        assert ticked == (dictionary_for(tag) is not None), tag
    if "fr_FR" in available_languages():  # hunspell-fr, as `make` installs it
        assert marks["fr"] is True
    # The tick is the open list's, never the field's: the field shows no icon.
    assert all(combo.itemIcon(index).isNull() for index in range(combo.count()))


def test_headline_counter_counts_latin_widths(qtbot, window) -> None:
    fields = window.fields
    fields.headline.setText("深圳港口货运量创新高")  # 10 characters
    assert fields.headline_count.text().startswith("20 / 70")
    assert "counts as two" in fields.headline_count.toolTip()
    fields.headline.setText("Port traffic")
    assert fields.headline_count.text().startswith("12 / 70")
    assert fields.headline_count.toolTip() == ""
