"""The rendition warmer, without a window: one run at a time, stale runs stop between photos,
and photos it has seen to are not looked at again."""

from __future__ import annotations

import threading

import pytest

import editor.media.rendition_store as rendition_store
from editor.media.probe import prepare_photo
from editor.media.renditions import RenditionJob
from editor.ui.controllers.rendition_warming import RenditionWarmer
from editor.ui.document import ArticleDocument

import factories

pytestmark = pytest.mark.gui


def test_a_change_during_a_run_stops_it_after_its_photo_and_a_new_run_follows(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, tuple[int, ...]]] = []
    release = threading.Event()

    def slow_warm(job: RenditionJob, store: rendition_store.RenditionStore) -> bool:
        seen.append((job.name, job.widths))
        release.wait(10)
        return True

    monkeypatch.setattr(rendition_store, "warm", slow_warm)
    document = ArticleDocument()
    warmer = RenditionWarmer(document, delay_ms=0)
    runs: list[int] = []
    warmer.warmed.connect(runs.append)
    for number, colour in enumerate([(200, 0, 0), (0, 200, 0), (0, 0, 200)], start=1):
        data = factories.image_bytes("JPEG", colour, (64, 48))
        document.attach_photo(data, prepare_photo(data, f"p{number}.jpg"), f"p{number}.jpg")

    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
    assert seen[0][0] == "p1.jpg"
    warmer.schedule()  # the reporter changed something while p1 was being made
    release.set()
    qtbot.waitUntil(lambda: warmer.idle and len(runs) >= 2, timeout=10_000)
    assert runs[0] == 0  # the first run stopped before finishing p1's widths
    names = [name for name, _ in seen]
    assert set(names) == {"p1.jpg", "p2.jpg", "p3.jpg"}
    assert names.index("p2.jpg") > names.index("p1.jpg")

    seen.clear()
    document.set_photo_field(document.article.photos[0].id, "caption", "New words")
    qtbot.wait(100)
    assert warmer.idle
    assert seen == []  # a caption is not in the copies: nothing to make
