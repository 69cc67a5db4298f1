"""Remake browser-clipboard.html: what the real browser engine puts on the clipboard.

QtWebEngine (Chromium) loads browser-page.html, selects all and copies, exactly as a reporter
copying a web page does; the HTML flavour of the clipboard is saved. Run from the repository:

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \\
        python tests/data/intake/make_browser_clip.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent


def _wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> int:
    app = QApplication(sys.argv)
    view = QWebEngineView()
    view.resize(1000, 800)
    view.show()
    loaded = QEventLoop()
    view.loadFinished.connect(lambda ok: loaded.quit())
    view.load(QUrl.fromLocalFile(str(HERE / "browser-page.html")))
    loaded.exec()
    view.page().triggerAction(QWebEnginePage.WebAction.SelectAll)
    _wait(300)
    view.page().triggerAction(QWebEnginePage.WebAction.Copy)
    clipboard = QApplication.clipboard()
    for _ in range(50):  # the copy reaches the clipboard asynchronously
        _wait(100)
        data = clipboard.mimeData()
        if data is not None and data.hasHtml():
            break
    data = clipboard.mimeData()
    if data is None or not data.hasHtml():
        print("the clipboard holds no HTML", file=sys.stderr)
        return 1
    (HERE / "browser-clipboard.html").write_text(data.html(), encoding="utf-8")
    print(f"wrote {len(data.html())} characters; text flavour: {len(data.text())} characters")
    view.close()
    view.deleteLater()
    _wait(100)
    del view
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
