"""The Checks tab: findings of the open story, kept up to date off the GUI thread; a click goes
to a finding, "Fix" applies its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.checks.findings import Finding, Fix, Severity
from editor.model.article import Article
from editor.ui.controllers.checks import ChecksResult, finding_text
from editor.ui.controllers.spelling_service import SpellingService
from editor.ui.panes.checks_list import ChecksPanel, location_text, summary_text

from gui_helpers import wait_for_dom

# --- without the window ------------------------------------------------------------------------


def test_location_and_summary_texts() -> None:
    body = Finding(Severity.NOTE, "double-space", "Two spaces.", "body", line=14, start=3, end=5)
    alt = Finding(Severity.ERROR, "photo-no-alt", "No alt.", "photo:p2", photo_field="alt")
    headline = Finding(Severity.ERROR, "headline-missing", "No headline.", "headline")
    assert location_text(body) == "Body, line 14"
    assert location_text(alt) == "Photo p2 · alt text"
    assert location_text(headline) == "Headline"
    assert summary_text([body, alt, headline]) == "2 errors, 1 note"
    assert summary_text([]) == "No problems found."


def test_finding_text_reads_the_text_the_offsets_refer_to() -> None:
    article = Article(headline="México", body="the the", byline=["Ana", "Juan"])
    article.photos = []
    body = Finding(Severity.WARNING, "doubled-word", "Doubled.", "body", start=3, end=7)
    assert finding_text(article, body) == "the the"
    assert finding_text(article, Finding(Severity.NOTE, "x", "x", "headline")) == "México"
    assert finding_text(article, Finding(Severity.NOTE, "x", "x", "byline")) == "Ana, Juan"
    assert (
        finding_text(article, Finding(Severity.NOTE, "x", "x", "photo:p9", photo_field="alt"))
        is None
    )


def test_panel_groups_by_severity_and_explains_the_chosen_finding(qapp) -> None:
    panel = ChecksPanel()
    fix = Fix("Remove the second “the”", 3, 7, "")
    findings = [
        Finding(
            Severity.ERROR,
            "photo-no-alt",
            "Photo p1 has no alt text.",
            "photo:p1",
            photo_field="alt",
        ),
        Finding(
            Severity.WARNING,
            "doubled-word",
            "“the the”: a word twice.",
            "body",
            line=2,
            start=3,
            end=7,
            fix=fix,
        ),
    ]
    panel.show_findings(findings)
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert texts[0] == "Errors (1)"
    assert texts[1].startswith("Photo p1 has no alt text.\nPhoto p1 · alt text")
    assert texts[2] == "Warnings (1)"
    assert "Fix: Remove the second “the”" in texts[3]
    assert not panel.fix_button.isEnabled()
    panel.list.setCurrentRow(3)
    assert panel.fix_button.isEnabled()
    assert panel.fix_button.text() == "F&ix: Remove the second “the”"
    assert "a word twice" in panel.detail.text()
    panel.list.setCurrentRow(1)
    assert not panel.fix_button.isEnabled()  # no fix for a missing alt text
    panel.show_findings([])
    assert "no problems" in panel.detail.text()


def _spelling(word: str, line: int, start: int) -> Finding:
    return Finding(
        Severity.NOTE,
        "spelling",
        f"“{word}” may be misspelt.",
        "body",
        line=line,
        start=start,
        end=start + len(word),
        fix=Fix(f"Use “{word}s”", start, start + len(word), f"{word}s"),
    )


def test_findings_moved_within_their_lines_keep_their_rows(qapp) -> None:
    """A keystroke moves every finding after it: the rows stay (and the chosen one stays
    chosen), each pointing at its finding's new place, and Fix uses the new offsets."""
    panel = ChecksPanel()
    before = [_spelling("Huixtal", 3, 40), _spelling("Tapachla", 5, 90)]
    panel.show_findings(before)
    rows = [panel.list.item(row) for row in range(panel.list.count())]
    panel.list.setCurrentRow(2)
    fixes: list[Finding] = []
    panel.fixRequested.connect(fixes.append)
    after = [_spelling("Huixtal", 3, 41), _spelling("Tapachla", 5, 91)]
    panel.show_findings(after)
    assert [panel.list.item(row) for row in range(panel.list.count())] == rows
    assert panel.current_finding() == after[1]
    assert panel.findings == after
    panel.fix_button.click()
    assert fixes == [after[1]]
    assert fixes[0].fix is not None and fixes[0].fix.start == 91


def test_a_finding_that_reads_differently_is_written_again(qapp) -> None:
    """The word being typed is a new misspelling at every keystroke: its row alone changes."""
    panel = ChecksPanel()
    panel.show_findings([_spelling("Huixtal", 3, 40), _spelling("Tapachla", 5, 90)])
    rows = [panel.list.item(row) for row in range(panel.list.count())]
    before = [row.text() for row in rows]
    changed = _spelling("Tapachula", 6, 91)
    panel.show_findings([_spelling("Huixtal", 3, 40), changed])
    assert [panel.list.item(row) for row in range(panel.list.count())] == rows
    texts = [row.text() for row in rows]
    assert texts[:2] == before[:2]
    assert "“Tapachula”" in texts[2] and "line 6" in texts[2]
    assert "Tapachula" in rows[2].toolTip()
    panel.list.setCurrentRow(2)
    assert panel.current_finding() == changed
    # One finding fewer: the list is made again.
    panel.show_findings([_spelling("Huixtal", 3, 40)])
    assert panel.list.count() == 2  # the heading and one row
    assert summary_text(panel.findings) == "1 note"


# --- in the window -----------------------------------------------------------------------------


def _install(window, tmp_path: Path):
    """The window's checks controller, with a personal dictionary of this test's own."""
    window.spelling_service.set_personal_path(tmp_path / "dictionary.txt")
    return window.checks


def _wait_checked(qtbot, checks, predicate=lambda findings: True, timeout=15_000):
    qtbot.waitUntil(lambda: checks.up_to_date and bool(predicate(checks.findings)), timeout=timeout)
    return checks.findings


def _click(qtbot, checks, finding: Finding) -> None:
    item = checks.panel.item_for(finding)
    assert item is not None
    checks.panel.list.scrollToItem(item)
    rect = checks.panel.list.visualItemRect(item)
    qtbot.mouseClick(checks.panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.gui
def test_sample_story_lists_photos_and_spelling(qtbot, window, tmp_path, data_dir) -> None:
    checks = _install(window, tmp_path)
    tab = window.side_tabs.indexOf(checks.panel)
    assert window.side_tabs.tabText(tab).startswith("Checks")
    assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)
    findings = _wait_checked(qtbot, checks, lambda found: len(found) > 10)
    codes = {f.code for f in findings}
    assert {"photo-no-alt", "photo-missing-file", "spelling"} <= codes
    body = window.document.article.body
    assert any(f.code == "spelling" and body[f.start : f.end] == "travlling" for f in findings)
    assert findings[0].severity is Severity.ERROR  # errors first
    assert window.side_tabs.tabText(tab) == f"Checks ({len(findings)})"


@pytest.mark.gui
def test_clicking_a_body_finding_selects_its_span(qtbot, window, tmp_path, data_dir) -> None:
    checks = _install(window, tmp_path)
    window.side_tabs.setCurrentWidget(checks.panel)
    assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)
    body = window.document.article.body

    def travlling(found):
        return [f for f in found if f.code == "spelling" and body[f.start : f.end] == "travlling"]

    finding = travlling(_wait_checked(qtbot, checks, travlling))[0]
    _click(qtbot, checks, finding)
    cursor = window.body.textCursor()
    assert cursor.selectedText() == "travlling"
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (finding.start, finding.end)
    assert QApplication.focusWidget() is window.body


@pytest.mark.gui
def test_clicking_field_and_photo_findings(qtbot, window, tmp_path, data_dir) -> None:
    checks = _install(window, tmp_path)
    window.side_tabs.setCurrentWidget(checks.panel)
    findings = _wait_checked(qtbot, checks, lambda found: bool(found))
    missing = next(f for f in findings if f.code == "headline-missing")
    _click(qtbot, checks, missing)
    assert window.side_tabs.currentWidget() is window.fields
    assert QApplication.focusWidget() is window.fields.headline

    assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)
    window.side_tabs.setCurrentWidget(checks.panel)
    findings = _wait_checked(qtbot, checks, lambda found: any(f.field == "photo:p3" for f in found))
    no_alt = next(f for f in findings if f.code == "photo-no-alt" and f.field == "photo:p3")
    _click(qtbot, checks, no_alt)
    assert window.side_tabs.currentWidget() is window.photos
    assert window.photos.list.currentItem().data(Qt.ItemDataRole.UserRole) == "p3"
    assert QApplication.focusWidget() is window.photos.alt


def _fix(qtbot, checks, code: str) -> Finding:
    # A typo's fix comes a moment after its finding (SUGGEST_DELAY_MS): wait for the fix.
    findings = _wait_checked(
        qtbot, checks, lambda found: any(f.code == code and f.fix is not None for f in found)
    )
    finding = next(f for f in findings if f.code == code)
    assert finding.fix is not None
    item = checks.panel.item_for(finding)
    checks.panel.list.setCurrentItem(item)
    qtbot.mouseClick(checks.panel.fix_button, Qt.MouseButton.LeftButton)
    return finding


@pytest.mark.gui
def test_fixes_change_the_body_and_the_preview_follows(qtbot, window, tmp_path) -> None:
    checks = _install(window, tmp_path)
    window.side_tabs.setCurrentWidget(checks.panel)
    window.body.setFocus()
    qtbot.keyClicks(window.body, "The caravan left the the town at  dawn.")
    _fix(qtbot, checks, "doubled-word")
    assert window.body.toPlainText() == "The caravan left the town at  dawn."
    assert window.document.article.body == "The caravan left the town at  dawn."
    _fix(qtbot, checks, "double-space")
    assert window.body.toPlainText() == "The caravan left the town at dawn."
    wait_for_dom(
        qtbot,
        window.preview,
        "document.querySelector('#dl-body p')?.textContent",
        "The caravan left the town at dawn.",
    )
    findings = _wait_checked(qtbot, checks)
    assert not {"doubled-word", "double-space"} & {f.code for f in findings}
    # Each fix is one undo step in the body.
    window.body.undo()
    assert window.body.toPlainText() == "The caravan left the town at  dawn."
    assert window.document.article.body == "The caravan left the town at  dawn."


@pytest.mark.gui
def test_a_typos_finding_shows_at_once_and_its_fix_after_a_pause(qtbot, window, tmp_path) -> None:
    """Working out a suggestion takes Hunspell tens of milliseconds a word: the checks that run
    while the reporter types show the typo at once, and its fix once they stop."""
    checks = _install(window, tmp_path)
    shown: list[list[Finding]] = []
    checks.checked.connect(lambda: shown.append(list(checks.findings)))
    # A typo no other test uses: the speller remembers suggestions for the whole process.
    qtbot.keyClicks(window.fields.headline, "Caravan on the higway")
    findings = _wait_checked(
        qtbot, checks, lambda found: any(f.code == "spelling" and f.fix for f in found)
    )
    typos_first_shown = next(
        [f for f in found if f.code == "spelling"]
        for found in shown
        if any(f.code == "spelling" for f in found)
    )
    assert typos_first_shown[0].fix is None  # the finding, before its fix was worked out
    fixed = next(f for f in findings if f.code == "spelling")
    assert fixed.fix is not None and fixed.fix.replacement == "highway"
    assert checks.idle


@pytest.mark.gui
def test_a_field_fix_goes_through_the_field(qtbot, window, tmp_path) -> None:
    checks = _install(window, tmp_path)
    qtbot.keyClicks(window.fields.headline, "Caravan travlling north")
    finding = _fix(qtbot, checks, "spelling")
    assert finding.field == "headline"
    assert window.fields.headline.text() == "Caravan traveling north"  # en_US
    assert window.document.article.headline == "Caravan traveling north"


@pytest.mark.gui
def test_a_stale_result_is_dropped_and_a_stale_fix_refused(qtbot, window, tmp_path) -> None:
    checks = _install(window, tmp_path)
    window.body.setPlainText("A word word here.")
    findings = _wait_checked(
        qtbot, checks, lambda found: any(f.code == "doubled-word" for f in found)
    )
    doubled = next(f for f in findings if f.code == "doubled-word")
    # The reporter types before clicking Fix: the offsets no longer fit, nothing is changed.
    cursor = window.body.textCursor()
    cursor.setPosition(0)
    window.body.setTextCursor(cursor)
    qtbot.keyClicks(window.body, "Now ")
    assert not checks.apply_fix(doubled)
    assert window.body.toPlainText() == "Now A word word here."
    # A result computed before an edit is not shown.
    shown = list(checks.findings)
    old = Article(body="x")
    checks._done(ChecksResult(checks.revision - 1, old, []))
    assert checks.findings == shown
    findings = _wait_checked(
        qtbot, checks, lambda found: any(f.code == "doubled-word" for f in found)
    )
    doubled = next(f for f in findings if f.code == "doubled-word")
    assert checks.apply_fix(doubled)
    assert window.body.toPlainText() == "Now A word here."


@pytest.mark.gui
def test_ignoring_a_word_removes_its_finding(qtbot, window, tmp_path) -> None:
    checks = _install(window, tmp_path)
    service = window.findChild(SpellingService)
    window.body.setPlainText("Huixtlazo was quiet.")
    _wait_checked(qtbot, checks, lambda found: any(f.code == "spelling" for f in found))
    service.ignore("Huixtlazo")
    assert not any(f.code == "spelling" for f in checks.findings)  # at once
    findings = _wait_checked(qtbot, checks)
    assert not any(f.code == "spelling" for f in findings)  # and after the next run


@pytest.mark.gui
def test_a_photo_caption_fix_goes_through_the_photos_tab(qtbot, window, tmp_path, data_dir) -> None:
    checks = _install(window, tmp_path)
    assert window.open_path(data_dir / "caravan-efe.md", confirmed=True)
    window.side_tabs.setCurrentWidget(window.photos)
    window.photos.select("p2")
    qtbot.keyClicks(window.photos.caption, "Migrants walk through southern ")
    window.photos.caption.insertPlainText("México")  # QTest types ASCII only
    window.side_tabs.setCurrentWidget(checks.panel)
    window.photos.select("p1")  # another photo is shown when the fix is applied
    findings = _wait_checked(
        qtbot,
        checks,
        lambda found: any(f.code == "house-style" and f.field == "photo:p2" for f in found),
    )
    finding = next(f for f in findings if f.code == "house-style" and f.field == "photo:p2")
    assert finding.photo_field == "caption"
    assert checks.apply_fix(finding)
    assert window.side_tabs.currentWidget() is window.photos
    assert window.photos.caption.toPlainText() == "Migrants walk through southern Mexico"
    assert window.document.article.photo("p2").caption == "Migrants walk through southern Mexico"
    window.photos.caption.undo()
    assert window.document.article.photo("p2").caption == "Migrants walk through southern México"


@pytest.mark.gui
def test_an_edit_undone_ends_the_checking_state_in_a_count(qtbot, window, tmp_path) -> None:
    # An edit undone before the checks run: they run on the same text, find what is shown
    # already, and the header must still end in the count, not stay at "… · checking…".
    checks = _install(window, tmp_path)
    window.body.setPlainText("The caravan left the the town.")
    _wait_checked(qtbot, checks, lambda found: any(f.code == "doubled-word" for f in found))
    settled = checks.panel.summary.text()
    assert settled == summary_text(checks.findings) and "checking" not in settled
    window.body.setFocus()
    window.body.moveCursor(window.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.body, "x")
    window.body.undo()
    assert window.body.toPlainText() == "The caravan left the the town."
    revision = checks.revision
    qtbot.waitUntil(lambda: checks.up_to_date and checks.idle, timeout=15_000)
    assert checks.shown_revision == revision  # the checks ran after the undo
    assert checks.panel.summary.text() == settled
