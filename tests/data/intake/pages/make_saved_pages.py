"""Remake the saved pages: each news page in src/ saved by the real browser engine.

QtWebEngine (Chromium) loads ``src/NAME.html`` and saves it as a browser's "Web page,
complete" does (``QWebEnginePage.save`` with ``CompleteHtmlSaveFormat``): ``NAME.html`` beside
its ``NAME_files`` folder of pictures and style sheets, the addresses rewritten to point there.
The pictures are small JPEGs drawn here with Pillow. Run from the repository:

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \\
        python tests/data/intake/pages/make_saved_pages.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEngineDownloadRequest, QWebEnginePage, QWebEngineProfile
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "src"
PAGES = ("wordpress-news", "spanish-news", "og-only")
PICTURES = {
    "caravan.jpg": (200, 120, 90),
    "guard.jpg": (60, 90, 60),
    "playa.jpg": (40, 140, 200),
    "bridge.jpg": (120, 120, 140),
}


def _draw_pictures() -> None:
    for number, (name, colour) in enumerate(PICTURES.items()):
        picture = Image.new("RGB", (64, 40), colour)
        ImageDraw.Draw(picture).rectangle((8 + number * 4, 8, 40, 30), fill=(250, 250, 240))
        picture.save(SOURCE / name, "JPEG", quality=70)
    (SOURCE / "style.css").write_text("body { font-family: serif; }\n", encoding="utf-8")
    (SOURCE / "navigation.js").write_text("void 0;\n", encoding="utf-8")


def _wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _save(profile: QWebEngineProfile, name: str) -> bool:
    page = QWebEnginePage(profile)
    loaded = QEventLoop()
    page.loadFinished.connect(lambda ok: loaded.quit())
    page.load(QUrl.fromLocalFile(str(SOURCE / f"{name}.html")))
    loaded.exec()
    target = HERE / f"{name}.html"
    target.unlink(missing_ok=True)
    shutil.rmtree(HERE / f"{name}_files", ignore_errors=True)
    finished = QEventLoop()
    requests: list[QWebEngineDownloadRequest] = []

    def accept(request: QWebEngineDownloadRequest) -> None:
        requests.append(request)
        request.isFinishedChanged.connect(finished.quit)
        request.accept()

    profile.downloadRequested.connect(accept)
    page.save(str(target), QWebEngineDownloadRequest.SavePageFormat.CompleteHtmlSaveFormat)
    QTimer.singleShot(20_000, finished.quit)
    finished.exec()
    profile.downloadRequested.disconnect(accept)
    ok = (
        bool(requests)
        and requests[0].state() == QWebEngineDownloadRequest.DownloadState.DownloadCompleted
    )
    page.deleteLater()
    _wait(100)
    return ok and target.is_file()


def main() -> int:
    app = QApplication(sys.argv)
    _draw_pictures()
    profile = QWebEngineProfile()  # off the record: nothing of the run is kept
    failed = [name for name in PAGES if not _save(profile, name)]
    for name in PAGES:
        files = sorted(path.name for path in (HERE / f"{name}_files").glob("*"))
        print(f"{name}.html: {len(files)} files beside it: {', '.join(files)}")
    profile.deleteLater()
    _wait(100)
    app.processEvents()
    if failed:
        print(f"not saved: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
