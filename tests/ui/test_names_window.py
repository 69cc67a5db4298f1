"""Names are not typos, in the window (issue 21, item 3): on the sample story the Checks tab lists
the Spanish names as notes with no Fix button, one name spelled two ways as a warning, and a
name the reporter adds to the dictionary leaves the list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.checks.findings import Severity

from locations import REPO

pytestmark = pytest.mark.gui

SAMPLE = REPO / "resources" / "samples" / "caravan-efe.article"


def _open_sample(qtbot, window, tmp_path: Path):
    window.spelling_service.set_personal_path(tmp_path / "dictionary.txt")
    path = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, path)
    assert window.open_path(path, confirmed=True)
    checks = window.checks
    window.side_tabs.setCurrentWidget(checks.panel)
    qtbot.waitUntil(
        lambda: checks.up_to_date and any(f.code == "spelling-name" for f in checks.findings),
        timeout=15_000,
    )
    return checks


def _word(window, finding) -> str:
    text = window.document.article.body if finding.field == "body" else ""
    if finding.field == "headline":
        text = window.document.article.headline
    return text[finding.start : finding.end]


def test_the_samples_names_are_notes_without_a_fix(qtbot, window, tmp_path) -> None:
    checks = _open_sample(qtbot, window, tmp_path)
    names = [f for f in checks.findings if f.code == "spelling-name"]
    assert {_word(window, f) for f in names} == {
        "Huixtla",
        "Sheinbaum",
        "Cárdenas",
        "José",
        "Fabiola",
        "Comaltitlán",
    }
    sheinbaum = next(f for f in names if _word(window, f) == "Sheinbaum")
    assert sheinbaum.severity is Severity.NOTE
    item = checks.panel.item_for(sheinbaum)
    assert item is not None and "Fix:" not in item.text()
    checks.panel.list.setCurrentItem(item)
    assert not checks.panel.fix_button.isEnabled()  # never "Shekinah"
    typos = {_word(window, f) for f in checks.findings if f.code == "spelling"}
    assert typos == {"travlling", "México"}
    (twice,) = [f for f in checks.findings if f.code == "name-spelled-two-ways"]
    assert twice.severity is Severity.WARNING and "“Mexico”" in twice.message


def test_a_name_added_to_the_dictionary_leaves_the_checks(qtbot, window, tmp_path) -> None:
    checks = _open_sample(qtbot, window, tmp_path)
    window.spelling_service.add_to_dictionary("Huixtla")
    qtbot.waitUntil(
        lambda: (
            checks.up_to_date and not [f for f in checks.findings if _word(window, f) == "Huixtla"]
        ),
        timeout=15_000,
    )
    assert any(_word(window, f) == "Sheinbaum" for f in checks.findings)


def _underlines(window, block_text: str) -> dict[str, object]:
    """Each underlined word of the body's block that starts with ``block_text``: its style."""
    block = window.body.document().firstBlock()
    while block.isValid() and not block.text().startswith(block_text):
        block = block.next()
    assert block.isValid()
    return {
        block.text()[span.start : span.start + span.length]: span.format.underlineStyle()
        for span in block.layout().formats()
        if span.format.underlineStyle() != span.format.underlineStyle().NoUnderline
    }


def test_names_are_underlined_dotted_and_typos_wavy(qtbot, window, tmp_path) -> None:
    """A name the dictionary lacks is not drawn as a typo: dotted blue, not the wavy red."""
    _open_sample(qtbot, window, tmp_path)
    from PySide6.QtGui import QTextCharFormat

    styles = QTextCharFormat.UnderlineStyle
    qtbot.waitUntil(lambda: "travlling" in _underlines(window, "For instance"), timeout=15_000)
    assert _underlines(window, "For instance")["travlling"] == styles.SpellCheckUnderline
    qtbot.waitUntil(lambda: "Sheinbaum" in _underlines(window, "The foreigners"), timeout=15_000)
    assert _underlines(window, "The foreigners")["Sheinbaum"] == styles.DotLine
    # Cárdenas opens a sentence on one line: still a name, as the story uses it as one.
    assert set(_underlines(window, "Cárdenas travels").values()) == {styles.DotLine}
