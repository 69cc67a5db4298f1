"""Launch to story rendered: from starting a process to the preview showing the story.

Each run starts a fresh Python process that opens the article exactly as `dateline FILE` does
and reports when the preview's DOM holds the story's headline and its body's paragraphs. Prints
the median and p95 of the runs (the first run, which warms the disk cache, is reported apart).

Each run also reports what the reporter sees on the way, all warm:

* process start to window shown: the window's first expose (the moment it can be painted);
* window shown to body editable: the body holds the story's text, and a key posted to it at its
  first paint with that text has reached the document (the key waits behind whatever the window
  is still doing on its thread, as a typed key would);
* window shown to preview holds the story;

and, as a rough breakdown, process start to Python running the probe, to the imports done, to
the QApplication made and to ``open_window`` returned. Median and p95 over ``--runs``.

The runs use offscreen Qt, and again a real window on an X server when one is at hand (``$DISPLAY``,
or an Xvfb this script starts): offscreen draws nothing, which may hide costs. Settings, data and
caches are a temporary folder's, shared by the runs (the first run fills the caches).
Prints the load average before and after. Never fails on time.

    .venv/bin/python benchmarks/startup.py [ARTICLE] [--runs 5] [--platform offscreen|xcb|both]
        [--against OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "caravan-efe.article"
RUN_TIMEOUT_S = 60

# Times are CLOCK_MONOTONIC (time.monotonic), which the parent and the child share on Linux.
PROBE = r"""
import json, os, sys, time
marks = {}
def mark(name):
    if name not in marks:
        marks[name] = time.monotonic()
        print(f"MARK {name} {marks[name]!r}", flush=True)
mark("python")
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from editor.app import create_application, open_window
mark("imports")
app = create_application()
mark("application")
state = {"window": None, "key_sent": False}

def finish():
    # Out at once: the typed key left the story unsaved, and closing would ask to save it.
    if "rendered" in marks and "editable" in marks:
        sys.stdout.flush()
        os._exit(0)

def typed(*_):
    if state["key_sent"]:
        mark("editable")
        finish()

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if watched is state["window"]:
            mark("shown")  # its first paint: the window's first expose
        elif "shown" in marks and not state["key_sent"]:
            body = state["window"].body
            if body.toPlainText():
                state["key_sent"] = True
                print(f"FOCUS {int(body.hasFocus())}", flush=True)
                body.document().contentsChanged.connect(typed)
                press = QEvent.Type.KeyPress
                key = QKeyEvent(press, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x")
                QApplication.postEvent(body, key)
        return False

watch = Watch()
# Watched from its construction on: open_window shows the window before it opens the story.
from editor.ui import main_window
made = main_window.MainWindow.__init__

def watched_init(self, *args, **kwargs):
    made(self, *args, **kwargs)
    state["window"] = self
    self.installEventFilter(watch)
    self.body.viewport().installEventFilter(watch)

main_window.MainWindow.__init__ = watched_init
window = open_window(sys.argv[1])
mark("opened")
headline = window.document.article.headline
check = ("JSON.stringify([document.querySelector('h1.headline')?.textContent || '',"
         " document.querySelectorAll('#dl-body p').length])")

def probe(_=None):
    def seen(result):
        text, paragraphs = json.loads(result or '["", 0]')
        if text == headline and paragraphs > 0:
            mark("rendered")
            finish()
    window.preview.page().runJavaScript(check, 0, seen)

window.preview.updated.connect(probe)
QTimer.singleShot(int(sys.argv[2]) * 1000, lambda: os._exit(1))
app.exec()
"""

# Reported per run, in this order: (label, from mark or None for the process start, to mark).
SPANS = (
    ("process start to window shown", None, "shown"),
    ("window shown to body editable", "shown", "editable"),
    ("window shown to preview holds the story", "shown", "rendered"),
    ("launch to story rendered", None, "rendered"),
)
BREAKDOWN = (
    ("  process start to Python running", None, "python"),
    ("  process start to imports done", None, "imports"),
    ("  process start to QApplication made", None, "application"),
    ("  process start to open_window returned", None, "opened"),
)


def launch_once(
    article: Path, environment: dict[str, str], code: Path = ROOT
) -> tuple[dict[str, float], bool]:
    """The marks of one launch of the checkout at ``code``, in seconds from the process start,
    and whether the body had the keyboard focus when the key was sent."""
    # Run from the checkout and with it first on the path: `python -c` puts the working folder
    # before PYTHONPATH.
    environment = dict(environment, PYTHONPATH=str(code))
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", PROBE, str(article), str(RUN_TIMEOUT_S)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment,
        cwd=code,
    )
    assert process.stdout is not None
    marks: dict[str, float] = {}
    focused = False
    for line in process.stdout:
        kind, _, rest = line.strip().partition(" ")
        if kind == "MARK":
            name, _, value = rest.partition(" ")
            marks[name] = float(value) - start
        elif kind == "FOCUS":
            focused = rest == "1"
    process.wait(timeout=RUN_TIMEOUT_S)
    missing = {"shown", "editable", "rendered"} - set(marks)
    if missing:
        raise RuntimeError(f"the window exited before these were seen: {sorted(missing)}")
    return marks, focused


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def span(marks: dict[str, float], begin: str | None, end: str) -> float:
    return marks[end] - (marks[begin] if begin else 0.0)


def report(
    platform: str, article: Path, runs: int, environment: dict[str, str], against: Path | None
) -> None:
    """Print the figures of ``runs`` warm launches; with ``against``, of that checkout's too,
    launched in turn with this one's (ABAB), so that both see the same load."""
    checkouts = [("this checkout", ROOT)]
    if against is not None:
        checkouts.insert(0, (f"against {against}", against))
    colds = {name: launch_once(article, environment, code)[0] for name, code in checkouts}
    launches: dict[str, list[tuple[dict[str, float], bool]]] = {name: [] for name, _ in checkouts}
    for _ in range(runs):
        for name, code in checkouts:
            launches[name].append(launch_once(article, environment, code))
    for name, _ in checkouts:
        if against is not None:
            print(f"--- {name}")
        warm = [marks for marks, _ in launches[name]]
        focused = sum(1 for _, had_focus in launches[name] if had_focus)
        print(f"platform: {platform}")
        print(f"article: {article.name}")
        print(f"first launch (warms caches): {colds[name]['rendered'] * 1000:.0f} ms")
        times = sorted(marks["rendered"] for marks in warm)
        print(
            f"launch to story rendered, warm, {runs} runs: "
            f"median {statistics.median(times) * 1000:.0f} ms, p95 {p95(times) * 1000:.0f} ms, "
            f"min {times[0] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
        )
        print(f"warm, {runs} runs (median, p95):")
        for label, begin, end in SPANS + BREAKDOWN:
            values = [span(marks, begin, end) for marks in warm]
            print(
                f"{label}: median {statistics.median(values) * 1000:.0f} ms, "
                f"p95 {p95(values) * 1000:.0f} ms"
            )
        print(f"body had the keyboard focus in {focused} of {runs} runs")


@contextmanager
def x_display() -> Iterator[str | None]:
    """``$DISPLAY``, or an Xvfb started for these runs (None: no X server at hand)."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if shutil.which("Xvfb") is None:
        yield None
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=10)


def load() -> str:
    return Path("/proc/loadavg").read_text().strip() if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout (e.g. an older commit's files, from git archive) launched in "
        "turn with this one, for before-and-after figures under the same load",
    )
    parser.add_argument(
        "--platform",
        choices=("offscreen", "xcb", "both"),
        default="both",
        help="offscreen Qt, a real window on an X server, or both (the default: xcb only "
        "when an X server is at hand)",
    )
    options = parser.parse_args()
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory(prefix="dateline-startup-") as home:
        environment = dict(os.environ)
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            environment[variable] = str(Path(home) / variable.lower())
        environment.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
        # A copy: a launch ends without closing the story, and its lock file stays beside it.
        article = Path(home) / options.article.name
        shutil.copy2(options.article, article)
        if options.platform in ("offscreen", "both"):
            report(
                "offscreen",
                article,
                options.runs,
                dict(environment, QT_QPA_PLATFORM="offscreen"),
                options.against,
            )
        if options.platform in ("xcb", "both"):
            with x_display() as display:
                if display is None:
                    print("platform: xcb: no X server at hand (no $DISPLAY, no Xvfb)")
                else:
                    if options.platform == "both":
                        print()
                    report(
                        f"xcb on {display}",
                        article,
                        options.runs,
                        dict(environment, QT_QPA_PLATFORM="xcb", DISPLAY=display),
                        options.against,
                    )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
