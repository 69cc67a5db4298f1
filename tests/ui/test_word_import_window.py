"""A Word file in the window: File > Open's path and a .docx dropped on the body open it as a
new, unsaved story, with its photos in the Photos tab and the preview."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from locations import DATA

WORD_STORY = DATA / "intake" / "docx" / "libreoffice-story.docx"


def _preview_state(window, qtbot) -> dict:  # type: ignore[no-untyped-def]
    found: dict = {}
    window.preview.page().runJavaScript(
        "JSON.stringify({h: (document.querySelector('h1') || {}).textContent || '',"
        " imgs: document.querySelectorAll('article img').length,"
        " loaded: [...document.querySelectorAll('article img')]"
        ".filter(i => i.complete && i.naturalWidth > 0).length,"
        " notes: document.querySelectorAll('.footnote li').length})",
        0,
        lambda value: found.update(json.loads(value)),
    )
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found


def test_opening_a_word_file_imports_it_as_a_new_story(window, qtbot) -> None:
    assert window.open_path(WORD_STORY, confirmed=True)
    article = window.document.article
    assert article.headline == "Caravan reaches Huixtla after a night on the road"
    assert window.document.path is None  # imported: Save asks where
    assert [photo.id for photo in article.photos] == ["p1", "p2"]
    assert "Imported libreoffice-story.docx" in window.statusBar().currentMessage()

    def shown() -> bool:
        state = _preview_state(window, qtbot)
        return state["h"] == article.headline and state["imgs"] == 2 and state["notes"] == 3

    qtbot.waitUntil(shown, timeout=20_000)
    # Import made no display copies (editor/media/probe.py): the window made them from the
    # originals, and the preview shows both pictures.
    qtbot.waitUntil(lambda: _preview_state(window, qtbot)["loaded"] == 2, timeout=20_000)
    media = window.document.media
    for photo in article.photos:
        assert len(media.derived_paths(photo.media_path)) == 2


def test_a_word_file_dropped_on_the_body_opens_instead_of_typing_its_path(
    window, qtbot, tmp_path: Path
) -> None:
    before = window.body.toPlainText()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(WORD_STORY))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.body.dropEvent(drop)
    assert window.body.toPlainText() == before  # no path typed into the story
    qtbot.waitUntil(
        lambda: window.document.article.headline.startswith("Caravan reaches Huixtla"),
        timeout=20_000,
    )
    assert "[^1]" in window.body.toPlainText()
