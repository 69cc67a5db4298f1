"""The real window, offscreen: typing into fields and body reaches the preview's DOM."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.cli import main

from gui_helpers import read_dom, wait_for_dom

pytestmark = pytest.mark.gui


def test_typing_reaches_the_preview(qtbot, window) -> None:
    qtbot.keyClicks(window.fields.headline, "Caravan reaches Huixtla")
    window.body.setFocus()
    qtbot.keyClicks(window.body, "The contingent left at dawn.")
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClick(window.body, Qt.Key.Key_Return)
    qtbot.keyClicks(window.body, "## On the road")
    wait_for_dom(
        qtbot,
        window.preview,
        "[document.querySelector('h1.headline')?.textContent,"
        " [...document.querySelectorAll('#dl-body p, #dl-body h2')].map(e => e.textContent)]",
        ["Caravan reaches Huixtla", ["The contingent left at dawn.", "On the road"]],
    )
    assert window.isWindowModified()
    assert "Untitled" in window.windowTitle()


def test_dateline_fields_render_in_house_style(qtbot, window) -> None:
    # A new story's dateline carries today's date; without it, the style prints no date.
    window.fields.has_date.setChecked(False)
    qtbot.keyClicks(window.fields.place, "Tapachula")
    qtbot.keyClicks(window.fields.country, "Mexico")
    qtbot.keyClicks(window.fields.source, "EFE")
    wait_for_dom(
        qtbot,
        window.preview,
        "document.querySelector('.dateline')?.textContent",
        "Tapachula, Mexico (EFE).-",
    )
    assert window.fields.dateline_text.text() == "Tapachula, Mexico (EFE).-"


def test_open_sample_shows_story_and_hides_editors_note(
    qtbot, window, tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "caravan.article"
    assert main(["import", str(data_dir / "caravan-efe.md"), "-o", str(path)]) == 0
    assert window.open_path(path)
    window.document.set_field("editors_note", "SECRET-NOTE check the figure with INM")
    window.document.set_field("dek", "Mexican authorities stop 1,500 migrants leaving Chiapas")
    wait_for_dom(
        qtbot,
        window.preview,
        "document.querySelector('.dek')?.textContent",
        "Mexican authorities stop 1,500 migrants leaving Chiapas",
    )
    page = read_dom(
        qtbot,
        window.preview,
        "{text: document.body.innerText, h2: document.querySelector('#dl-body h2')?.textContent,"
        " signoff: document.querySelector('.sign-off')?.textContent,"
        " missing: document.querySelectorAll('.photo-missing').length}",
    )
    assert "México pushes back Migrant Caravan!" in page["text"]
    assert "Tapachula, Mexico, Dec 3 (EFE).-" in page["text"]
    assert page["h2"] == "Mexico wants migrants in the south"
    assert page["signoff"] == "jmb/dgp/mcd"
    assert page["missing"] == 5
    assert "SECRET-NOTE" not in page["text"]
    assert window.windowTitle().startswith("caravan.article")


def test_scripts_in_fields_and_body_do_not_run(qtbot, window) -> None:
    payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    window.document.set_field("headline", payload)
    window.document.set_body(payload + "\n\n[x](javascript:window.pwned=3)")
    wait_for_dom(
        qtbot, window.preview, "document.querySelector('h1.headline')?.textContent", payload
    )
    qtbot.wait(300)  # give an injected handler time to fire if it could
    assert read_dom(qtbot, window.preview, "window.pwned === undefined") is True


def test_save_and_reopen_round_trip(qtbot, window, tmp_path: Path) -> None:
    qtbot.keyClicks(window.fields.headline, "Saved headline")
    qtbot.keyClicks(window.body, "Saved body.")
    path = tmp_path / "saved.article"
    assert window.files.save_to(path)
    assert not window.isWindowModified()
    window.document.new()
    assert window.open_path(path)
    assert window.fields.headline.text() == "Saved headline"
    assert window.body.toPlainText() == "Saved body."


def test_undo_in_a_field(qtbot, window) -> None:
    qtbot.keyClicks(window.fields.slug, "MEXICO-MIGRANTS")
    assert window.document.article.slug == "MEXICO-MIGRANTS"
    window.fields.slug.setFocus()
    qtbot.keyClick(window.fields.slug, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.fields.slug.text() == ""
    assert window.document.article.slug == ""
    qtbot.keyClick(
        window.fields.slug,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.document.article.slug == "MEXICO-MIGRANTS"


def test_preview_keeps_its_scroll_position_while_typing(qtbot, window) -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} of a long read about the caravan." for n in range(200))
    window.body.setPlainText(paragraphs)  # as a paste would: through the editor
    wait_for_dom(qtbot, window.preview, "document.querySelectorAll('#dl-body p').length", 200)
    window.body.moveCursor(window.body.textCursor().MoveOperation.End)
    # The reader scrolls the preview so the paragraph being written is in view, near the end.
    bottom = read_dom(
        qtbot,
        window.preview,
        "(window.scrollTo(0, document.documentElement.scrollHeight), Math.round(window.scrollY))",
    )
    assert bottom > 1000
    qtbot.keyClicks(window.body, " More.")
    wait_for_dom(
        qtbot,
        window.preview,
        "[...document.querySelectorAll('#dl-body p')].pop().textContent.endsWith('More.')",
        True,
    )
    assert read_dom(qtbot, window.preview, "Math.round(window.scrollY)") == bottom


def test_closing_with_unsaved_changes_asks(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer_cancel(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer_cancel)
    qtbot.keyClicks(window.fields.headline, "Unsaved")
    assert not window.close()  # cancelled: the window stays open
    assert window.isVisible()
    assert asked and "Untitled" in asked[0]
    window.document.new()
    assert window.close()


def test_keystrokes_render_at_once_and_a_long_paste_in_the_worker(
    qtbot, window, monkeypatch
) -> None:
    """A keystroke's small render runs inside the key event, on the GUI thread, and patches the
    page at once; a paste of 10,000 words renders in the worker while the window stays live."""
    import threading

    from editor.render.preview_update import PreviewRenderer

    threads: list[tuple[bool, int]] = []  # (on the GUI thread, characters of body)
    render = PreviewRenderer.render

    def recording(self, request):
        threads.append(
            (threading.current_thread() is threading.main_thread(), len(request.article.body))
        )
        return render(self, request)

    monkeypatch.setattr(PreviewRenderer, "render", recording)
    paragraphs = [f"Paragraph {n} of the long read, ten words in each." for n in range(1_000)]
    window.body.setFocus()
    window.body.insertPlainText("\n\n".join(paragraphs))  # what Ctrl+V does with text
    assert threads == []  # handed over: the paste's event did not render
    wait_for_dom(qtbot, window.preview, "document.querySelectorAll('#dl-body p').length", 1_000)
    qtbot.waitUntil(lambda: window.preview.ready)
    assert threads and not any(on_gui for on_gui, _size in threads)

    threads.clear()
    qtbot.keyClicks(window.body, " More")
    assert [on_gui for on_gui, _size in threads] == [True] * 5  # one render per keystroke
    assert window.preview.ready  # nothing left for later
    wait_for_dom(
        qtbot,
        window.preview,
        "[...document.querySelectorAll('#dl-body p')].pop().textContent",
        "Paragraph 999 of the long read, ten words in each. More",
    )


def test_opening_the_window_leaves_exporters_and_publishing_unloaded(tmp_path: Path) -> None:
    """They load when first used: the window opens in about two thirds of the time."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from editor.app import create_application\n"
        "from editor.ui.main_window import MainWindow\n"
        "app = create_application()\n"
        "window = MainWindow()\n"
        "heavy = ('docx', 'editor.export', 'editor.publish', 'editor.ingest', 'keyring')\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in heavy"
        " or name.startswith(heavy)))\n"
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
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_failing_render_says_so_in_the_preview_and_the_next_edit_recovers(
    qtbot, window, monkeypatch
) -> None:
    from editor.render.incremental import IncrementalRenderer

    window.body.setFocus()
    qtbot.keyClicks(window.body, "First paragraph.")
    wait_for_dom(
        qtbot,
        window.preview,
        "document.querySelector('#dl-body p')?.textContent",
        "First paragraph.",
    )
    render = IncrementalRenderer.render
    failures = iter([True])  # the next render fails, the ones after it work

    def failing_once(self, *args, **kwargs):
        if next(failures, False):
            raise ValueError("a bad block")
        return render(self, *args, **kwargs)

    monkeypatch.setattr(IncrementalRenderer, "render", failing_once)
    qtbot.keyClick(window.body, " ")  # rendered inside the keystroke: fails there
    wait_for_dom(
        qtbot,
        window.preview,
        "document.querySelector('.render-error')?.textContent",
        "The preview failed: a bad block",
    )
    qtbot.keyClicks(window.body, "Second try.")  # the whole body again, then as before
    wait_for_dom(
        qtbot,
        window.preview,
        "[document.querySelector('.render-error'),"
        " document.querySelector('#dl-body p')?.textContent]",
        [None, "First paragraph. Second try."],
    )
