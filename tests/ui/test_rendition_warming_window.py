"""The window makes a photo's published copies in the background when it arrives and when its
crop changes, so that an export afterwards makes none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

import editor.media.rendition_store as rendition_store
from editor.export import get_exporter
from editor.export.base import ExportOptions
from editor.export.photo_ladders import EXPORT_LADDERS
from editor.media.rendition_store import EncodingKey, RenditionStore, encoding_keys
from editor.media.renditions import Encoding, RenditionJob, make_encodings
from editor.model.article import Crop

pytestmark = pytest.mark.gui


def every_export_key(data: bytes, crop: Crop | None) -> list[EncodingKey]:
    return [
        key
        for widths in EXPORT_LADDERS
        for key in encoding_keys(
            RenditionJob("p", data, "p.jpg", crop, widths=widths, formats=("JPEG",))
        )
    ]


def in_store(keys: list[EncodingKey]) -> bool:
    store = RenditionStore.for_user()
    return all(store.get(key) is not None for key in keys)


def test_photos_get_their_copies_on_arrival_and_on_a_new_crop(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A picture no other test has, so the session's cache cannot already hold its copies.
    picture = Image.new("RGB", (2213, 1409), (40, 90, 160))
    ImageDraw.Draw(picture).ellipse((300, 200, 1500, 1100), fill=(230, 200, 20))
    path = tmp_path / "warming.jpg"
    picture.save(path, quality=88)
    data = path.read_bytes()
    assert not in_store(every_export_key(data, None))

    window.photo_desk.add_files([path], place=True)
    qtbot.waitUntil(lambda: len(window.document.article.photos) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: in_store(every_export_key(data, None)), timeout=60_000)

    image = window.document.article.photos[0]
    crop = Crop(0.1, 0.05, 0.7, 0.95)
    window.document.set_photo_crop(image.id, crop, None)
    qtbot.waitUntil(lambda: in_store(every_export_key(data, crop)), timeout=60_000)
    qtbot.waitUntil(lambda: window.photo_desk.renditions.idle, timeout=60_000)

    made: list[str] = []

    def counting(job: RenditionJob) -> list[Encoding]:
        made.append(job.photo_id)
        return make_encodings(job)

    monkeypatch.setattr(rendition_store, "make_encodings", counting)
    for name, out in (("web", "web/story.html"), ("docx", "story.docx"), ("html", "story.html")):
        target = tmp_path / "exports" / out
        target.parent.mkdir(parents=True, exist_ok=True)
        get_exporter(name).export(
            window.document.article, window.document.media, target, ExportOptions(parallel=False)
        )
    assert made == []
