"""Keystroke to preview updated, in the real window (offscreen), against the naive approach.

For articles of 1,500, 5,000 and 20,000 words with 40 photos, opens the story, lets the window
settle (``--pause``), then types in the body (insertions, deletions, a new paragraph, an edit
inside a reference-linked paragraph), waiting after each keystroke until the preview's page has
been patched, and measures:

* keystroke to preview DOM updated: from the key event until the page's answer to the patch
  reaches Python (the ``updated`` signal); also, as "page clock", until the patch script ended,
  read from the page's own clock;
* GUI-thread time per keystroke (the key event's handlers, with the render of a small edit,
  and for a larger one starting the render in the worker and applying its result);
* the naive approach, measured in the same run: a full Python-Markdown render of the page and
  ``setHtml`` until the page has loaded, per keystroke.

Prints median and p95 per size and the ratio naive p95 / ours p95; ``--json`` prints one object
keyed by word count with ``p95_ms``, ``median_ms``, ``gui_p95_ms``, ``gui_median_ms``,
``gui_cpu_p95_ms``, ``gui_cpu_median_ms`` (the GUI thread's processor time, per keystroke),
``naive_p95_ms``, ``naive_median_ms``, ``ratio``, ``patched_p95_ms`` and ``patched_median_ms``.
Never fails on time.

With the body's Markdown highlighting on, as the window has it (``--no-highlight``: off), and
``open_ms``: the GUI time opening the story took (every line highlighted once).
``--compare-highlight`` types each story again with the highlighting switched the other way,
in the same run, adding ``gui_median_ms``, ``gui_p95_ms`` and ``open_ms`` suffixed
``_no_highlight`` (or ``_highlight``).

``--interval MS`` types one key every MS milliseconds (a typist's pace, so that the page has
painted one keystroke before the next comes) instead of the next key as soon as the page has
the last one.

    .venv/bin/python benchmarks/preview_latency.py [--keys 60] [--naive-keys 15] [--pause 0.5]
        [--no-highlight] [--compare-highlight] [--interval MS] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.app import create_application, dispose_widgets
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.render.markdown import BodyRenderer
from editor.render.page import read_article_css, render_page
from editor.render.preview_shell import update_script

WORDS = [
    "the",
    "caravan",
    "of",
    "migrants",
    "left",
    "Huixtla",
    "at",
    "dawn",
    "under",
    "the",
    "watch",
    "of",
    "the",
    "National",
    "Guard",
]
SIZES = (1_500, 5_000, 20_000)
PHOTOS = 40


def long_read(words: int, seed: int = 3) -> str:
    """A long read with subheads, quotes, links, reference links and 40 photo placements."""
    rng = random.Random(seed)
    blocks: list[str] = []
    count = 0
    photo = 0
    while count < words:
        kind = rng.random()
        if kind < 0.08:
            blocks.append("## " + " ".join(rng.choices(WORDS, k=5)).capitalize())
        elif kind < 0.16:
            blocks.append("> “" + " ".join(rng.choices(WORDS, k=25)).capitalize() + ",” she said.")
        else:
            sentence = " ".join(rng.choices(WORDS, k=rng.randint(30, 60))).capitalize()
            if rng.random() < 0.2:
                sentence += " according to [the INM][inm] and [EFE](https://efe.com)."
            blocks.append(sentence + ".")
        count += len(blocks[-1].split())
        if photo < PHOTOS and len(blocks) % max(1, (words // 45) // 40 or 1) == 0:
            photo += 1
            blocks.append(f"![](photo:p{photo})")
    while photo < PHOTOS:
        photo += 1
        blocks.append(f"![](photo:p{photo})")
    blocks.append("[inm]: https://www.gob.mx/inm")
    return "\n\n".join(blocks)


def article_of(words: int) -> Article:
    article = Article(headline=f"A {words:,}-word long read", byline=["Juan Manuel Blanco"])
    article.body = long_read(words)
    article.photos = [
        ImageRef(id=f"p{n}", original_name=f"/uploads/{n}.jpg", caption=f"Photo {n}")
        for n in range(1, PHOTOS + 1)
    ]
    # A lead photo the body does not place, as most stories have: the header shows it, so every
    # keystroke asks whether the edit placed it (the header is part of each keystroke's render).
    article.photos.insert(
        0, ImageRef(id="lead", original_name="/uploads/lead.jpg", caption="Lead", featured=True)
    )
    return article


def wait_until(condition, timeout: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds.

    The loop sleeps in Qt's dispatcher between checks, as the window does between keystrokes:
    a busy ``processEvents`` loop would hold Python's GIL and starve the render thread, adding
    up to the interpreter's 5 ms switch interval to every figure.
    """
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(1)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(int(timeout * 1000))
    loop.exec()
    poll.stop()
    if not condition():
        raise TimeoutError("timed out")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def keystrokes(count: int) -> list[str]:
    """What a reporter does: mostly letters, some deletions, the odd new paragraph."""
    pattern = ["a", "b", "c", " ", "d", "BACKSPACE", "e", "f", "RETURN", "g"]
    return [pattern[n % len(pattern)] for n in range(count)]


def settle(window, pause: float) -> None:
    """Let the window finish what opening a story or moving the cursor started (the checks and
    spelling passes over the whole story, the preview scrolling to the cursor and painting the
    new place), then wait ``pause`` seconds: a reporter's hands take longer than that to go from
    the mouse to the keys."""

    # The checks benchmark builds a window without the checks and spelling (they are None).
    def passes_done() -> bool:
        return all(part is None or part.idle for part in (window.checks, window.spelling))

    wait_until(lambda: window.preview.ready and passes_done(), 60)
    if pause > 0:
        deadline = time.perf_counter() + pause
        wait_until(lambda: time.perf_counter() >= deadline, pause + 5)


def place_cursor(window, needle: str, pause: float = 0.0) -> None:
    text = window.body.toPlainText()
    position = text.find(needle, len(text) // 2)
    cursor = window.body.textCursor()
    cursor.setPosition(position if position >= 0 else len(text) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.body.setTextCursor(cursor)
    window.body.setFocus()
    settle(window, pause)


def measure_ours(
    window, keys: list[str], pause: float, interval: float = 0.0
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per keystroke: to the patch acknowledged, GUI-thread time, to the page patched, and the
    GUI thread's processor time (the same handlers; less than their wall time by the moments
    the system ran something else on that processor, such as the page's own processes).

    "Acknowledged" is when the page's answer to the patch reaches Python (the ``updated``
    signal), a round trip after the DOM changed. "Patched" is read from the page's own clock
    (``performance.timeOrigin + performance.now()``, the same system clock as ``time.time()``)
    at the end of the patch script: the DOM updated, before the answer travels back.
    """
    preview = window.preview
    gui_in_preview: list[float] = []
    cpu_in_preview: list[float] = []
    patched_at: list[float] = []
    # When the answer came, not when the wait below noticed it; only patches sent from here on
    # count (the answer to one sent before would otherwise be taken for the next keystroke's).
    updated_at: list[float] = []
    original_send = preview._send

    def stamped_send(update) -> None:
        script = (
            update_script(update.script_parts())
            + ";String(performance.timeOrigin+performance.now())"
        )

        def answered(result) -> None:
            updated_at.append(time.perf_counter())
            patched_at.append(float(result) / 1000 if result else math.nan)
            preview._answered(result)

        preview.page().runJavaScript(script, 0, answered)

    preview._send = stamped_send

    def timed(method):
        def run(*args) -> None:
            started, started_cpu = time.perf_counter(), time.thread_time()
            method(*args)
            gui_in_preview.append(time.perf_counter() - started)
            cpu_in_preview.append(time.thread_time() - started_cpu)

        return run

    # The GUI thread's part of a render: starting it (snapshot, hand-over) and applying the
    # worker's result. Both run from the event loop, outside the key event.
    original_apply, original_flush = preview._apply, preview._flush
    preview._apply = timed(original_apply)
    preview._flush = timed(original_flush)
    preview._timer.timeout.disconnect()
    preview._timer.timeout.connect(preview._flush)
    acknowledged, gui_times, patched, gui_cpu = [], [], [], []
    for index, key in enumerate(keys):
        if index == len(keys) // 2:
            # half the keys inside a reference link
            place_cursor(window, "[the INM][inm]", pause)
        before = len(updated_at)
        counted_before = len(gui_in_preview)
        wall_started, started, started_cpu = time.time(), time.perf_counter(), time.thread_time()
        if key == "BACKSPACE":
            QTest.keyClick(window.body, Qt.Key.Key_Backspace)
        elif key == "RETURN":
            QTest.keyClick(window.body, Qt.Key.Key_Return)
        else:
            QTest.keyClick(window.body, key)
        in_key, in_key_cpu = time.perf_counter() - started, time.thread_time() - started_cpu
        wait_until(lambda b=before: len(updated_at) > b)
        if interval > 0:  # a typist's pace: the page has time to paint before the next key
            next_key = started + interval
            wait_until(lambda n=next_key: time.perf_counter() >= n, interval + 5)
        acknowledged.append(updated_at[before] - started)
        patched.append(patched_at[before] - wall_started)
        gui_times.append(in_key + sum(gui_in_preview[counted_before:]))
        gui_cpu.append(in_key_cpu + sum(cpu_in_preview[counted_before:]))
    preview._apply, preview._flush, preview._send = original_apply, original_flush, original_send
    preview._timer.timeout.disconnect()
    preview._timer.timeout.connect(preview._flush)
    return acknowledged, gui_times, patched, gui_cpu


def measure_naive(window, article: Article, keys: int) -> list[float]:
    """Full render + setHtml per keystroke, as editors that re-render everything do."""
    renderer = BodyRenderer()
    css = read_article_css()
    view = window.preview
    loaded = [False]
    view.page().loadFinished.connect(lambda ok: loaded.__setitem__(0, True))
    times = []
    body = article.body
    for n in range(keys):
        article.body = body[: len(body) // 2] + "x" * (n + 1) + body[len(body) // 2 :]
        started = time.perf_counter()
        loaded[0] = False
        page = render_page(article, renderer, lambda image: "", css=css)
        view.page().setHtml(page, QUrl("about:blank"))
        wait_until(lambda: loaded[0])
        times.append(time.perf_counter() - started)
    return times


def show_highlighting(window, shown: bool) -> None:
    """The body's highlighting on or off, as View > Highlight Markdown does, without keeping
    the choice in the reporter's settings."""
    highlighting = window.body_highlighting
    highlighting.highlighter.set_shown(shown)
    highlighting.captions.setVisible(shown)


def open_story(words: int, highlight: bool):
    """A window with the story open; and the GUI time opening it took (its body laid out and,
    with the highlighting on, every line highlighted once)."""
    from editor.ui.main_window import MainWindow

    article = article_of(words)
    window = MainWindow()
    window.resize(1500, 900)
    window.show()
    show_highlighting(window, highlight)
    wait_until(lambda: window.preview.ready)
    started = time.perf_counter()
    window.document.replace(article, MediaStore(), None)
    opened = time.perf_counter() - started
    keep_collections_off_typing_as_the_app_does()
    return window, opened


def close_window(window) -> None:
    window.document.new()
    window.close()
    dispose_widgets()


def gui_only(
    words: int, key_count: int, pause: float, highlight: bool, interval: float = 0.0
) -> dict[str, float]:
    """GUI-thread time per keystroke and to open, with the highlighting ``highlight``."""
    window, opened = open_story(words, highlight)
    place_cursor(window, "she said", pause)
    _latencies, gui, _patched, cpu = measure_ours(window, keystrokes(key_count), pause, interval)
    close_window(window)
    return {
        "gui_median_ms": statistics.median(gui) * 1000,
        "gui_p95_ms": percentile(gui, 0.95) * 1000,
        "gui_cpu_median_ms": statistics.median(cpu) * 1000,
        "gui_cpu_p95_ms": percentile(cpu, 0.95) * 1000,
        "open_ms": opened * 1000,
    }


def run_size(
    words: int,
    key_count: int,
    naive_keys: int,
    pause: float,
    highlight: bool = True,
    compare: bool = False,
    interval: float = 0.0,
) -> dict[str, float]:
    window, opened = open_story(words, highlight)
    place_cursor(window, "she said", pause)
    latencies, gui, patched, cpu = measure_ours(window, keystrokes(key_count), pause, interval)
    naive = measure_naive(window, article_of(words), naive_keys)
    close_window(window)
    ms = 1000
    figures = {
        "highlight": float(highlight),
        "open_ms": opened * ms,
        "median_ms": statistics.median(latencies) * ms,
        "p95_ms": percentile(latencies, 0.95) * ms,
        "gui_median_ms": statistics.median(gui) * ms,
        "gui_p95_ms": percentile(gui, 0.95) * ms,
        "gui_cpu_median_ms": statistics.median(cpu) * ms,
        "gui_cpu_p95_ms": percentile(cpu, 0.95) * ms,
        "naive_median_ms": statistics.median(naive) * ms,
        "naive_p95_ms": percentile(naive, 0.95) * ms,
        "patched_median_ms": statistics.median(patched) * ms,
        "patched_p95_ms": percentile(patched, 0.95) * ms,
    }
    figures["ratio"] = figures["naive_p95_ms"] / figures["p95_ms"]
    if compare:
        # The same story typed in again with the highlighting switched the other way.
        other = gui_only(words, key_count, pause, not highlight, interval)
        suffix = "_no_highlight" if highlight else "_highlight"
        figures.update({key + suffix: value for key, value in other.items()})
    return {key: round(value, 2) for key, value in figures.items()}


def keep_collections_off_typing_as_the_app_does() -> None:
    """The garbage collector as ``dateline`` sets it, called once the story is open: its first
    pause freezes what the process holds then, the story too, as when ``dateline`` opens one
    at launch (a tree from before ``editor/ui/garbage.py`` existed, measured for comparison,
    keeps Python's)."""
    try:
        from editor.ui.garbage import keep_collections_off_typing
    except ImportError:
        return
    from PySide6.QtWidgets import QApplication

    application = QApplication.instance()
    if application is not None:
        keep_collections_off_typing(application)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=60, help="keystrokes per size")
    parser.add_argument("--naive-keys", type=int, default=15, help="naive renders per size")
    parser.add_argument(
        "--pause",
        type=float,
        default=0.5,
        help="seconds of quiet, once the window has finished the checks, spelling and preview"
        " work that opening the story or moving the cursor started, before typing (default"
        " 0.5)",
    )
    parser.add_argument(
        "--highlight",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the body's Markdown highlighting on, as the window has it (default), or off",
    )
    parser.add_argument(
        "--compare-highlight",
        action="store_true",
        help="also type each story with the highlighting switched the other way, in the same"
        " run, and print its GUI-thread and opening figures",
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="milliseconds from one keystroke to the next, as a typist's pace (default 0: the"
        " next key as soon as the page has the last one, before it has painted it)",
    )
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    app = create_application(["benchmark"])
    results = {
        str(words): run_size(
            words,
            options.keys,
            options.naive_keys,
            options.pause,
            highlight=options.highlight,
            compare=options.compare_highlight,
            interval=options.interval / 1000,
        )
        for words in SIZES
    }
    if options.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"machine: {os.cpu_count()} CPU cores, load average {os.getloadavg()}")
        print(f"body highlighting {'on' if options.highlight else 'off'}")
        if options.interval:
            print(f"one keystroke every {options.interval:g} ms")
        for words, figures in results.items():
            print(
                f"{int(words):>6,} words  keystroke->DOM median {figures['median_ms']:6.1f} ms"
                f"  p95 {figures['p95_ms']:6.1f} ms (page clock: median"
                f" {figures['patched_median_ms']:5.1f} p95 {figures['patched_p95_ms']:5.1f})"
                f" | GUI thread median"
                f" {figures['gui_median_ms']:5.1f} ms  p95 {figures['gui_p95_ms']:5.1f} ms"
                f" (processor time: median {figures['gui_cpu_median_ms']:5.1f}"
                f" p95 {figures['gui_cpu_p95_ms']:5.1f}) |"
                f" naive median {figures['naive_median_ms']:6.1f} ms"
                f"  p95 {figures['naive_p95_ms']:6.1f} ms | ratio {figures['ratio']:5.1f}x"
                f" | open {figures['open_ms']:6.1f} ms"
            )
            for suffix, label in (("_no_highlight", "off"), ("_highlight", "on")):
                if "gui_p95_ms" + suffix in figures:
                    print(
                        f"{'':>6}        highlighting {label}: GUI thread median"
                        f" {figures['gui_median_ms' + suffix]:5.1f} ms"
                        f"  p95 {figures['gui_p95_ms' + suffix]:5.1f} ms"
                        f" | open {figures['open_ms' + suffix]:6.1f} ms"
                    )
            if options.compare_highlight:
                print()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
