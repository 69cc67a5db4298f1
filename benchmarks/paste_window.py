"""Pasting formatted copy in the real window (offscreen): how long the GUI thread is held.

Three pastes into an empty body, each from ``paste()`` (what Ctrl+V calls):

1. a short paragraph of formatted HTML (a sentence from a web page): converted on the GUI
   thread, so the call itself is the whole cost;
2. Word's clipboard fixture (tests/data/intake/word-clipboard.html: lists, a table, footnotes,
   a picture): pictures send it to the worker;
3. 10,000 words of Word clipboard HTML (benchmarks/intake_convert.py builds it): above
   OFF_THREAD_CHARS, converted in the worker while the body is read-only.

For each: the time the ``paste()`` call holds the GUI thread, the time inserting the result
holds it when it arrives (the Markdown into the editor, the photos into the story, and whatever
reacts to the body's change at once), and the time until the Markdown is in the body. Median
and p95 over ``--runs``; never fails on time.

    .venv/bin/python benchmarks/paste_window.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QMimeData, QTimer
from PySide6.QtGui import QGuiApplication

from benchmarks.intake_convert import WORD_CLIP, word_clipboard_html
from benchmarks.photos import shown, summary
from editor.app import create_application, dispose_widgets

SHORT_HTML = (
    "<p>Dock workers at the port of <b>Barcelona</b> kept up their strike on <i>Monday</i>, "
    "the <a href='https://www.portdebarcelona.cat/en/'>port authority</a> said.</p>"
)


def wait_until(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Wait in an event loop (spinning processEvents would hold the GIL against the worker)."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the paste did not arrive in time")
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def timed_paste(window, html: str) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Seconds the paste() call held the GUI thread, the insertion held it, and until the body
    had the paste."""
    controller = window.paste
    inserting: list[float] = []
    insert = type(controller)._insert

    def timed_insert(*args):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        insert(controller, *args)
        inserting.append(time.perf_counter() - started)

    controller._insert = timed_insert
    window.document.new()
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("plain flavour")
    QGuiApplication.clipboard().setMimeData(mime)
    window.body.setFocus()
    started = time.perf_counter()
    window.body.paste()
    held = time.perf_counter() - started
    wait_until(lambda: not window.paste.converting and window.body.toPlainText())
    done = time.perf_counter() - started
    del controller._insert
    return held, sum(inserting), done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    create_application([])
    from editor.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    wait_until(lambda: window.preview.ready)
    cases = {
        "short paragraph": SHORT_HTML,
        "Word fixture": WORD_CLIP.read_text(encoding="utf-8"),
        "10,000 words of Word": word_clipboard_html(),
    }
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {options.runs} runs each")
    for name, html in cases.items():
        timed_paste(window, html)  # warm up: imports, caches
        runs = [timed_paste(window, html) for _ in range(options.runs)]
        print(f"{name} ({len(html):,} characters of HTML)")
        for index, what in enumerate(("paste() call", "insertion", "in the body")):
            timing = summary([run[index] for run in runs])
            print(f"  {what:<14} median {shown(timing['median_s'])}  p95 {shown(timing['p95_s'])}")
    window.document.new()
    window.close()
    dispose_widgets()
    return 0


if __name__ == "__main__":
    sys.exit(main())
