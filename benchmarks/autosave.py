"""Autosave in the real window (offscreen): what each autosave costs the GUI thread, and how long
the worker takes to write it.

Three stories: a small one (300 words, no photo, never saved); a 20,000-word story with 20
24-megapixel photos opened from its file (the photos stay in the file: autosave writes the text
only); and the same story never saved (the first autosave carries the 20 photos into the
recovery package, stored, not recompressed; later ones write the text only). Each run adds a
word to the body and autosaves; the GUI-thread cost is the snapshot and the hand-over to the
worker (what ``Autosaver.autosave_now`` does), the worker time runs until the recovery file is
on disk (fsync included). Also times the per-keystroke part (restarting the timer).

Each story is timed twice: autosaving half a second after the edit (as after a pause in typing,
when the preview and checks the edit started are done) and at once (as during continuous
typing, when their workers compete with the GUI thread for the interpreter: the wall time then
includes waiting for it, the CPU time does not).

Prints median and p95 (nearest rank) with the machine's core count and load. Never fails on
time.

    .venv/bin/python benchmarks/autosave.py [--runs 30] [--photos 20] [--pause 0.5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from photos import camera_jpeg
from PySide6.QtCore import QCoreApplication, QEventLoop

from editor.app import create_application, dispose_widgets
from editor.media.attach import attach_photo
from editor.media.probe import prepare_photo
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.model.package import load_package, save_package
from editor.model.photos import placement


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def long_story(photo_count: int) -> tuple[Article, MediaStore]:
    article = Article(headline="The long read, with photos")
    media = MediaStore()
    photo = camera_jpeg()
    prepared = prepare_photo(photo, "camera.jpg")  # one decode: the variants share its size
    paragraph = " ".join(["The caravan moved north along the coastal highway"] * 10)  # 80 words
    parts = []
    for number in range(250):  # 20,000 words
        parts.append(paragraph)
        if number % 12 == 0 and number // 12 < photo_count:
            data = photo + f"variant {number}".encode()
            image, _ = attach_photo(article, media, data, prepared, f"{number}.jpg")
            parts.append(placement(image.id))
    article.body = "\n\n".join(parts)
    return article, media


def run(window, label: str, runs: int, pause: float) -> None:
    saver = window.autosave
    document = window.document
    saver.set_intervals(10**8, 10**8)  # only autosave_now writes, so each run is one autosave
    gui, cpu, worker, keystroke = [], [], [], []
    for number in range(runs):
        started = time.perf_counter()
        document.set_body(document.article.body + f" word{number}")  # restarts the timer too
        keystroke.append(time.perf_counter() - started)
        # Autosave fires after a pause in typing: let the preview, counts and checks that the
        # edit started finish first (with pause 0, their workers compete for the interpreter).
        pause_until = time.perf_counter() + pause
        wait_until(lambda p=pause_until: time.perf_counter() > p)
        writes = saver.slot.writes
        costs = len(saver.gui_costs)
        started, started_cpu = time.perf_counter(), time.thread_time()
        saver.autosave_now()
        cpu.append(time.thread_time() - started_cpu)
        wait_until(lambda w=writes: saver.slot.writes > w)
        worker.append(time.perf_counter() - started)
        assert len(saver.gui_costs) == costs + 1
        gui.append(saver.gui_costs[-1])
    first = worker[0]
    rest = worker[1:] or worker
    print(
        f"{label}, autosave {pause:g} s after the edit\n"
        f"  GUI thread per autosave: median {statistics.median(gui) * 1e3:.3f} ms, "
        f"p95 {p95(gui) * 1e3:.3f} ms (CPU: median {statistics.median(cpu) * 1e3:.3f} ms, "
        f"p95 {p95(cpu) * 1e3:.3f} ms)\n"
        f"  worker, first autosave: {first * 1e3:.0f} ms; later ones: median "
        f"{statistics.median(rest) * 1e3:.1f} ms, p95 {p95(rest) * 1e3:.1f} ms\n"
        f"  set_body with the timer restart (per keystroke): median "
        f"{statistics.median(keystroke) * 1e6:.0f} us"
    )
    sizes = sorted(p.stat().st_size for p in saver.store.folder.glob(f"{saver.slot.id}.*"))
    print(f"  recovery files: {', '.join(f'{size / 1e6:.1f} MB' for size in sizes)}")
    document.new()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds from edit to autosave")
    options = parser.parse_args()
    sandbox = Path(tempfile.mkdtemp(prefix="dateline-bench-autosave-"))
    os.environ["XDG_DATA_HOME"] = str(sandbox / "data")  # recovery files never reach the user's
    os.environ["XDG_CONFIG_HOME"] = str(sandbox / "config")
    app = create_application(["benchmark"])
    from editor.ui.main_window import MainWindow

    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    window = MainWindow()
    window.show()
    wait_until(lambda: window.preview.ready)

    for pause in (options.pause, 0.0):
        small = Article(headline="Small", body="Word " * 300)
        window.document.replace(small, MediaStore(), None)
        run(window, "small story (300 words, no photo, never saved)", options.runs, pause)

    article, media = long_story(options.photos)
    path = sandbox / "long.article"
    save_package(path, article, media)
    loaded = load_package(path)
    total = sum(loaded.media.size(name) for name in loaded.media.paths())
    label = f"20,000 words, {len(article.photos)} photos ({total / 1e6:.0f} MB), opened from file"
    for pause in (options.pause, 0.0):
        window.document.replace(load_package(path).article, loaded.media, path)
        run(window, label, options.runs, pause)

    for pause in (options.pause, 0.0):
        article, media = long_story(options.photos)
        window.document.replace(article, media, None)
        label = f"20,000 words, {len(article.photos)} photos, never saved"
        run(window, label, options.runs, pause)

    window.close()
    dispose_widgets()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
