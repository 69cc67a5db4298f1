"""Photos in the real window (offscreen): drop to thumbnail shown, and opening 20 photos.

1. Drop a 24-megapixel JPEG: from ``add_files`` (what a drop or the dialog calls) until the
   photo's thumbnail is in the photos pane. The decoding runs in the thread pool.
2. Open an article holding 20 such photos: from ``open_path`` until all 20 thumbnails are in
   the pane (they come from the package: no original is decoded), and until the preview has
   rendered the story.

Prints median and p95 over the runs with the machine's core count and load. Never fails on time.

    .venv/bin/python benchmarks/photos_window.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from photos import camera_jpeg, shown, summary
from PySide6.QtCore import QCoreApplication, QEventLoop

from editor.app import create_application, dispose_widgets
from editor.media.attach import attach_photo
from editor.media.probe import prepare_photo
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.model.package import save_package
from editor.model.photos import placement


def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def thumbnails_shown(window, count: int) -> bool:
    items = [window.photos.list.item(row) for row in range(window.photos.list.count())]
    return len(items) == count and all(not item.icon().isNull() for item in items)


def variants(photo: bytes, count: int) -> list[bytes]:
    """``count`` different files of the same picture (bytes after the end marker differ)."""
    return [photo + f"variant {n}".encode() for n in range(count)]


def article_with_photos(folder: Path, photos: list[bytes]) -> Path:
    article = Article(headline="Twenty photos from the caravan")
    media = MediaStore()
    paragraphs = []
    for number, data in enumerate(photos, start=1):
        image, _ = attach_photo(article, media, data, prepare_photo(data, f"{number}.jpg"), "x")
        image.caption = f"Photo {number} of the caravan"
        paragraphs += [f"Paragraph {number} of the story.", placement(image.id)]
    article.body = "\n\n".join(paragraphs)
    path = folder / "twenty.article"
    save_package(path, article, media)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--photos", type=int, default=20)
    options = parser.parse_args()
    app = create_application(["benchmark"])
    from editor.ui.main_window import MainWindow

    photo = camera_jpeg()
    folder = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    drops = []
    for run, data in enumerate(variants(photo, options.runs + 1)):
        window = MainWindow()
        window.show()
        wait_until(lambda w=window: w.preview.ready)
        path = folder / f"drop-{run}.jpg"
        path.write_bytes(data)
        started = time.perf_counter()
        window.photo_desk.add_files([path], place=True)
        wait_until(lambda w=window: thumbnails_shown(w, 1))
        if run:  # the first run warms imports and caches
            drops.append(time.perf_counter() - started)
        window.document.new()
        window.close()
        dispose_widgets()

    article = article_with_photos(folder, variants(photo, options.photos))
    size_mb = article.stat().st_size / 2**20
    opened, rendered = [], []
    for run in range(options.runs + 1):
        window = MainWindow()
        window.show()
        wait_until(lambda w=window: w.preview.ready)
        window.side_tabs.setCurrentWidget(window.photos)
        started = time.perf_counter()
        window.open_path(article)
        wait_until(lambda w=window: thumbnails_shown(w, options.photos))
        at_thumbnails = time.perf_counter() - started
        wait_until(lambda w=window: w.preview.ready)
        at_preview = time.perf_counter() - started
        if run:
            opened.append(at_thumbnails)
            rendered.append(at_preview)
        window.close()
        dispose_widgets()

    print(f"machine: {os.cpu_count()} CPU cores, load average {os.getloadavg()}")
    print(f"photo: 6000 x 4000 JPEG, {len(photo) / 2**20:.1f} MB; article: {size_mb:.0f} MB")
    for label, times in (
        ("drop 24 MP JPEG -> thumbnail in the photos pane", drops),
        (f"open article, {options.photos} photos -> all thumbnails shown", opened),
        (f"open article, {options.photos} photos -> preview rendered", rendered),
    ):
        figures = summary(times)
        print(
            f"{label:<58} runs {figures['runs']:3d}   median {shown(figures['median_s'])}"
            f"   p95 {shown(figures['p95_s'])}"
        )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
