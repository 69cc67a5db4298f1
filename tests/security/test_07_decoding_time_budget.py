"""Issue 14, class 7: "Decoding has a time budget."

A progressive JPEG with thousands of scans costs libjpeg a pass over every block of the picture
per scan: a few hundred bytes can hold the CLI or a worker for minutes. Such files are refused
by a byte scan before any decoder runs, in every path that decodes (adding, preparing the
window's copies, exports). A photo too tall or too wide for a JPEG is refused on add, and a
package that holds one anyway exports copies within the limit instead of failing nameless.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from editor.export import EXPORTERS, get_exporter
from editor.export.base import ExportError, ExportOptions
from editor.export.html import HtmlExporter
from editor.media import decode
from editor.media.decode import open_photo
from editor.media.errors import MediaError
from editor.media.probe import prepare_photo
from editor.media.renditions import RenditionJob, make_renditions
from editor.model.article import ImageRef
from editor.model.media_store import MediaStore
from editor.model.package import load_package, save_package

from factories import caravan_article
from locations import DATA

JPEG_MAX_SIDE = 65_535
HUGE_SCANS = 3_000


def _segments_end(data: bytes, start: int) -> int:
    """Where the entropy-coded data that begins at ``start`` ends (the next real marker)."""
    at = start
    while True:
        at = data.index(b"\xff", at)
        following = data[at + 1]
        if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            at += 1 if following == 0xFF else 2
            continue
        return at


def progressive_jpeg_with_scans(size: tuple[int, int], extra_scans: int) -> bytes:
    """A valid progressive JPEG of a flat grey picture whose last scan is written
    ``extra_scans`` more times: each copy is a dozen bytes, and each costs libjpeg a full
    pass over the picture."""
    buffer = io.BytesIO()
    Image.new("L", size, 128).save(buffer, "JPEG", progressive=True, quality=90)
    data = buffer.getvalue()
    last_sos = data.rindex(b"\xff\xda")
    header_length = int.from_bytes(data[last_sos + 2 : last_sos + 4], "big")
    end = _segments_end(data, last_sos + 2 + header_length)
    scan = data[last_sos:end]
    return data[:end] + scan * extra_scans + data[end:]


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every pixel decode Pillow starts in this process, by image format."""
    started: list[str] = []
    original_load = ImageFile.ImageFile.load

    def counting_load(self: ImageFile.ImageFile):  # type: ignore[no-untyped-def]
        if self.tile:  # pixels still to decode
            started.append(str(self.format))
        return original_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return started


def test_the_scan_count_is_read_from_the_bytes() -> None:
    normal = progressive_jpeg_with_scans((64, 64), 0)
    assert 2 <= decode.jpeg_scan_count(normal) <= 12
    assert (
        decode.jpeg_scan_count(progressive_jpeg_with_scans((64, 64), 500))
        == decode.jpeg_scan_count(normal) + 500
    )
    baseline = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 20, 30)).save(baseline, "JPEG")
    assert decode.jpeg_scan_count(baseline.getvalue()) == 1


def test_thousands_of_scans_are_refused_before_any_decode(decodes: list[str]) -> None:
    hostile = progressive_jpeg_with_scans((2000, 2000), HUGE_SCANS)
    assert len(hostile) < 64 * 1024  # small on disk: it is the scans that cost
    with pytest.raises(MediaError) as refused:
        prepare_photo(hostile, "scan-bomb.jpg")
    message = str(refused.value)
    assert message.startswith("scan-bomb.jpg was refused") and "scans" in message
    assert "\n" not in message
    assert decodes == []


def test_decode_cost_counts_scans_times_pixels(decodes: list[str]) -> None:
    """Fewer scans than the limit still cost too much on a large picture."""
    scans = decode.MAX_JPEG_SCANS // 2
    hostile = progressive_jpeg_with_scans((6000, 5000), scans)
    with pytest.raises(MediaError, match="scans"):
        open_photo(hostile, "big-and-slow.jpg")
    assert decodes == []


def test_ordinary_progressive_photos_still_open() -> None:
    for data in (
        progressive_jpeg_with_scans((1200, 800), 0),
        (DATA / "images" / "rocket.jpg").read_bytes(),
    ):
        assert prepare_photo(data, "fine.jpg").width > 0


def test_media_add_refuses_the_scan_bomb_in_one_line(tmp_path: Path) -> None:
    article = tmp_path / "story.article"
    save_package(article, caravan_article(), MediaStore())
    bomb = tmp_path / "scan-bomb.jpg"
    bomb.write_bytes(progressive_jpeg_with_scans((2000, 2000), HUGE_SCANS))
    # The hang guard: decoding this file takes over ten seconds here; refusing it, well under.
    result = subprocess.run(
        [sys.executable, "-m", "editor", "media", "add", str(article), str(bomb)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "scan-bomb.jpg was refused" in lines[0], result.stderr


def test_an_export_refuses_a_packaged_scan_bomb_naming_it(decodes: list[str]) -> None:
    media = MediaStore()
    hostile = progressive_jpeg_with_scans((2000, 2000), HUGE_SCANS)
    path = media.add_bytes(hostile, "jpg")
    image = ImageRef(id="p1", original_name="scan-bomb.jpg", media_path=path, format="JPEG")
    article = caravan_article(photos=[image], body="Text.\n\n![](photo:p1)\n")
    job = RenditionJob("p1", hostile, "scan-bomb.jpg", None)
    with pytest.raises(MediaError, match=r"scan-bomb\.jpg was refused"):
        make_renditions(job)
    with pytest.raises(ExportError, match=r"scan-bomb\.jpg"):
        HtmlExporter().render(article, media, ExportOptions(parallel=False))
    assert decodes == []


def _tall_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 70_000), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_photo_taller_than_a_jpeg_can_be_is_refused_on_add(tmp_path: Path) -> None:
    with pytest.raises(MediaError) as refused:
        prepare_photo(_tall_png(), "ribbon.png")
    assert str(refused.value).startswith("ribbon.png was refused")
    article = tmp_path / "story.article"
    save_package(article, caravan_article(), MediaStore())
    ribbon = tmp_path / "ribbon.png"
    ribbon.write_bytes(_tall_png())
    result = subprocess.run(
        [sys.executable, "-m", "editor", "media", "add", str(article), str(ribbon)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0 and "ribbon.png was refused" in result.stderr
    assert load_package(article).article.photos == []


# Every format that publishes photo copies (PDF prints the html export's page, checked there).
PHOTO_FORMATS = sorted(name for name in EXPORTERS if name not in ("pdf", "text"))


@pytest.mark.parametrize("name", PHOTO_FORMATS)
def test_a_packaged_tall_photo_exports_within_the_jpeg_limit(name: str, tmp_path: Path) -> None:
    """A package made elsewhere can hold such a photo: its copies are made to fit."""
    media = MediaStore()
    path = media.add_bytes(_tall_png(), "png")
    image = ImageRef(
        id="p1", original_name="ribbon.png", media_path=path, format="PNG", width=10, height=70_000
    )
    article = caravan_article(photos=[image], body="Text.\n\n![](photo:p1)\n")
    exporter = get_exporter(name)
    out = tmp_path / f"story{exporter.extension}"
    exporter.export(article, media, out, ExportOptions(parallel=False))
    assert out.exists()


def test_renditions_of_a_tall_photo_fit_every_encoder() -> None:
    job = RenditionJob("p1", _tall_png(), "ribbon.png", None)
    renditions = make_renditions(job)
    assert renditions
    for rendition in renditions:
        limit = JPEG_MAX_SIDE if rendition.format == "JPEG" else 16_383
        assert max(rendition.width, rendition.height) <= limit
        with Image.open(io.BytesIO(rendition.data)) as decoded:
            assert decoded.size == (rendition.width, rendition.height)


@pytest.mark.gui
def test_the_window_imports_a_storys_photos_off_its_thread(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import decodes every photo a story names: never on the thread that paints the window."""
    import threading

    import editor.ingest.photos as ingest_photos

    threads: list[bool] = []
    prepare = ingest_photos.prepare_photo

    def recording_prepare(data: bytes, name: str, **options):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return prepare(data, name, **options)

    monkeypatch.setattr(ingest_photos, "prepare_photo", recording_prepare)
    (tmp_path / "bomb.jpg").write_bytes(progressive_jpeg_with_scans((2000, 2000), HUGE_SCANS))
    (tmp_path / "rocket.jpg").write_bytes((DATA / "images" / "rocket.jpg").read_bytes())
    story = tmp_path / "story.md"
    story.write_text("# Title\n\n![](rocket.jpg)\n\n![](bomb.jpg)\n", encoding="utf-8")
    assert window.open_path(story, confirmed=True)
    assert threads == [False, False]
    taken = [image.original_name for image in window.document.article.photos if image.media_path]
    assert taken == ["rocket.jpg"]  # the scan bomb was refused, not decoded
    assert window.isEnabled()
