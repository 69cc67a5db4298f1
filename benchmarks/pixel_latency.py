"""Keystroke to pixels, as a reporter sees it: a key sent through XTest, the preview's pixels
polled until they change.

Black box: each app runs in its own process on an X display (this script starts Xvfb, on a
free display number, unless ``--display`` or ``$DISPLAY`` names one), side by side so that no
window ever covers another.
For each size (a generated story of 1,500, 5,000 and 20,000 words, the cursor at the end of its
first paragraph, which the preview shows at its top) the apps are measured key by key in turn
(ABAB…): the app's window is given the keyboard focus, left alone for ``--pause`` seconds (a
reporter's typing pace), the preview's region is grabbed, a key is sent through XTest, and the
region is grabbed again every few milliseconds until any pixel differs.

The apps:
* ``dateline``: the window as it starts (with its choice of rendering backend, see
  ``editor/ui/rendering_path.py``);
* ``dateline-qt-default``: the same with ``QT_QUICK_BACKEND=rhi`` (Qt's default), as before
  that choice existed;
* ``floor``: the least an app of this kind can do with the same Qt: a plain text edit beside a
  QWebEngineView whose paragraph is patched by ``runJavaScript`` on every change, with the
  same backend choice as Dateline; its page holds the story's first 200 paragraphs, as plain
  ``<p>`` elements;
* ``floor-whole-story``: the same floor with every paragraph of the story in its page (at
  20,000 words a page as long as Dateline's, whose layout and paint the patch pays for);
* ``ghostwriter`` and ``retext``, the peers, when installed (Debian: ``apt-get install
  ghostwriter retext``; ReText's WebEngine renderer needs ``python3-pyqt6.qtwebengine``): each
  is started as it ships on the story's Markdown written to a temporary ``.md`` file (without
  the photo placements, whose ``photo:`` addresses only Dateline resolves), with a temporary
  ``HOME`` and XDG folders holding the settings that show its live preview
  (ghostwriter: ``[Preview] htmlPreviewOpen=true``; ReText: ``defaultPreviewState=live-preview``
  and ``useWebEngine=true``), so nothing of the user's is read or touched. Its top-level window
  is found by ``_NET_WM_PID`` and the file's name in its title, moved and resized to its slot,
  given the focus, and the cursor is put at the end of the first paragraph's first line
  (ctrl+Home, End through XTest). Their preview is the right half of the window (the editor on
  the left); the region polled is a fixed box inside it, below the menu bar and toolbars.
  Skipped, with a line on stderr, when not installed.

Prints median and p95 per app and size, the polling resolution (a grab's median time), the
cost of sending a key and the load; ``--json`` prints them keyed by app and size, each with
``median_ms``, ``p95_ms`` and ``n``, and under ``_machine`` the apps ``skipped``. Never fails
on time.

    .venv/bin/python benchmarks/pixel_latency.py [--keys 40] [--pause 0.15] [--sizes 1500 20000]
        [--apps dateline floor ghostwriter retext] [--display :99] [--screenshot screen.png]
        [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEERS = ("ghostwriter", "retext")
FLOORS = ("floor", "floor-whole-story")
APPS = ("dateline", "dateline-qt-default", *FLOORS, *PEERS)
SIZES = (1_500, 5_000, 20_000)
WINDOW = (1100, 800)  # each app's window, side by side
KEYS = "abcdefghij"
TIMEOUT_S = 3.0
START_TIMEOUT_S = 60.0

# Each peer's settings file (under XDG_CONFIG_HOME) and what it holds: its live preview on, and
# nothing that would open beside it (ghostwriter's sidebar, ReText's single-instance hand-off).
PEER_SETTINGS = {
    "ghostwriter": (
        "ghostwriter/ghostwriter.conf",
        "[Preview]\nhtmlPreviewOpen=true\n[Window]\nsidebarOpen=false\n"
        "[Spelling]\nliveSpellCheck=false\n",
    ),
    "retext": (
        "ReText project/ReText.conf",
        "[General]\ndefaultPreviewState=live-preview\nuseWebEngine=true\n"
        "openFilesInExistingWindow=false\n",
    ),
}
# Where each peer's preview shows in its window of WINDOW's size, as (left, top, width, height):
# the right half from the splitter to the window's edge (the editor is on the left; a line's
# last words reach the edge, so a narrower box misses keys), below the menu bar (ghostwriter) or
# the toolbar and tabs (ReText), clear of the status bar and the editor's blinking cursor.
# Measured on screenshots of both at this size.
PEER_PREVIEWS = {"ghostwriter": (552, 30, 548, 500), "retext": (552, 95, 548, 500)}


def installed(app: str) -> bool:
    return app not in PEERS or shutil.which(app) is not None


# --- the apps, each in a process of its own ---------------------------------------------------


def serve(app: str, words: int, x: int) -> int:
    """Run ``app`` with a story of ``words`` words at screen x ``x``; print its window id and
    the preview's screen rectangle as one JSON line once the preview shows the story."""
    sys.path.insert(0, str(Path(__file__).parent))
    from preview_latency import article_of, keep_collections_off_typing_as_the_app_does, wait_until
    from PySide6.QtCore import QPoint, QTimer

    if app in FLOORS:
        return _serve_floor(words, x, whole_story=app == "floor-whole-story")
    from editor.app import create_application
    from editor.model.media_store import MediaStore
    from editor.ui.main_window import MainWindow

    application = create_application(["pixel-latency"])
    window = MainWindow()
    window.setGeometry(x, 0, *WINDOW)
    window.show()
    wait_until(lambda: window.preview.ready, 60)
    window.document.replace(article_of(words), MediaStore(), None)
    body = window.body
    keep_collections_off_typing_as_the_app_does()
    cursor = body.textCursor()
    cursor.setPosition(body.document().firstBlock().length() - 1)  # the first paragraph's end
    body.setTextCursor(cursor)
    body.setFocus()
    wait_until(lambda: window.checks is None or window.checks.idle, 60)
    settle = time.perf_counter() + 2.0
    wait_until(lambda: time.perf_counter() > settle, 5)
    preview = window.preview
    corner = preview.mapToGlobal(QPoint(0, 0))
    region = [corner.x(), corner.y(), preview.width(), preview.height()]
    print(json.dumps({"window": int(window.winId()), "region": region}), flush=True)
    QTimer.singleShot(600_000, application.quit)
    return application.exec()


def _serve_floor(words: int, x: int, *, whole_story: bool) -> int:
    from preview_latency import long_read, wait_until
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget

    from editor.app import create_application

    application = create_application(["pixel-latency-floor"])
    window = QWidget()
    layout = QHBoxLayout(window)
    edit = QPlainTextEdit()
    view = QWebEngineView()
    layout.addWidget(edit)
    layout.addWidget(view)
    window.setGeometry(x, 0, *WINDOW)
    text = long_read(words)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    loaded = [False]
    view.loadFinished.connect(lambda ok: loaded.__setitem__(0, ok))
    html = "".join(f"<p>{p}</p>" for p in (paragraphs if whole_story else paragraphs[:200]))
    view.setHtml(f"<html><body style='font: 19px serif; margin: 20px'>{html}</body></html>")
    edit.setPlainText(text)
    window.show()
    wait_until(lambda: loaded[0], 60)

    def patch() -> None:
        first = edit.document().firstBlock().text()
        view.page().runJavaScript(f"document.querySelector('p').textContent = {json.dumps(first)};")

    edit.textChanged.connect(patch)
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().firstBlock().length() - 1)
    edit.setTextCursor(cursor)
    edit.setFocus()
    settle = time.perf_counter() + 2.0
    wait_until(lambda: time.perf_counter() > settle, 5)
    corner = view.mapToGlobal(QPoint(0, 0))
    region = [corner.x(), corner.y(), view.width(), min(view.height(), 300)]
    print(json.dumps({"window": int(window.winId()), "region": region}), flush=True)
    QTimer.singleShot(600_000, application.quit)
    return application.exec()


# --- measuring -------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def start_app(app: str, words: int, x: int, display: str) -> tuple[subprocess.Popen, dict]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("QT_QUICK_BACKEND", None)
    if app == "dateline-qt-default":
        env["QT_QUICK_BACKEND"] = "rhi"  # the user's choice, kept: Qt's default path
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", app, str(words), str(x)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        raise RuntimeError(f"{app} did not start")
    return process, json.loads(line)


def peer_story(words: int) -> str:
    """The story's Markdown for a peer: the same long read, without the photo placements, whose
    ``photo:`` addresses only Dateline resolves."""
    from preview_latency import long_read

    blocks = [block for block in long_read(words).split("\n\n") if not block.startswith("![](")]
    return "\n\n".join(blocks) + "\n"


def press(connection, *names: str) -> None:
    """Press the keys named (X keysym names) together through XTest, then release them."""
    from Xlib import XK, X
    from Xlib.ext import xtest

    codes = [connection.keysym_to_keycode(XK.string_to_keysym(name)) for name in names]
    for code in codes:
        xtest.fake_input(connection, X.KeyPress, code)
    for code in reversed(codes):
        xtest.fake_input(connection, X.KeyRelease, code)
    connection.sync()


def find_window(connection, process: subprocess.Popen, title: str):
    """The mapped top-level window whose ``_NET_WM_PID`` is ``process``'s and whose title holds
    ``title`` (the file's name: a Qt app also maps small windows of its own, untitled)."""
    from Xlib import X
    from Xlib.error import XError

    pid_atom = connection.intern_atom("_NET_WM_PID")
    deadline = time.perf_counter() + START_TIMEOUT_S
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        for child in connection.screen().root.query_tree().children:
            try:
                pid = child.get_full_property(pid_atom, X.AnyPropertyType)
                if pid is None or pid.value[0] != process.pid:
                    continue
                if child.get_attributes().map_state != X.IsViewable:
                    continue
                name = child.get_full_property(
                    connection.intern_atom("_NET_WM_NAME"), X.AnyPropertyType
                )
            except XError:  # a window that went away while we looked
                continue
            if name is not None and title in _text(name.value):
                return child
        time.sleep(0.2)
    raise RuntimeError(f"{process.args[0]} showed no window")


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def place_window(connection, screen, process: subprocess.Popen, title: str, x: int, box: dict):
    """Move ``process``'s window to screen x ``x`` at WINDOW's size, and wait until ``box``
    shows something (not one colour) that stays the same for a second. Looks for the window
    again each time: a Qt app may replace its first window when its web view arrives."""
    from Xlib.error import XError

    deadline = time.perf_counter() + START_TIMEOUT_S
    previous = (0, b"")
    while time.perf_counter() < deadline:
        window = find_window(connection, process, title)
        if window.id != previous[0]:
            with contextlib.suppress(XError):
                window.configure(x=x, y=0, width=WINDOW[0], height=WINDOW[1])
                connection.sync()
        now = screen.grab(box).raw
        colours = {bytes(now[i : i + 3]) for i in range(0, len(now), 4 * 97)}
        if len(colours) > 1 and (window.id, now) == previous:
            return window
        previous = (window.id, now)
        time.sleep(1.0)
    raise RuntimeError(f"{process.args[0]}'s preview never settled")


def start_peer(
    app: str, words: int, x: int, display: str, connection, screen, folder: Path
) -> tuple[subprocess.Popen, dict]:
    """Start the peer ``app`` as it ships on the story, in a temporary home of its own, and put
    its window at screen x ``x`` with the cursor in the first paragraph."""
    from Xlib import X

    home = folder / app
    config = home / ".config"
    relative, settings = PEER_SETTINGS[app]
    (config / relative).parent.mkdir(parents=True)
    (config / relative).write_text(settings, encoding="utf-8")
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    story = home / "story.md"
    story.write_text(peer_story(words), encoding="utf-8")
    env = dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        XDG_CONFIG_HOME=str(config),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
    )
    env.pop("QT_QUICK_BACKEND", None)
    if os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium will not start otherwise
    # A session of its own, so that the peer and its web engine's processes end together.
    process = subprocess.Popen(
        [app, str(story)],
        env=env,
        cwd=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        left, top, width, height = PEER_PREVIEWS[app]
        region = [x + left, top, width, height]
        box = {"left": x + left, "top": top, "width": width, "height": height}
        window = place_window(connection, screen, process, story.name, x, box)
        window.set_input_focus(X.RevertToParent, X.CurrentTime)
        connection.sync()
        time.sleep(0.3)
        press(connection, "Control_L", "Home")
        press(connection, "End")
        time.sleep(2.0)
    except BaseException:
        stop(process, own_session=True)
        raise
    return process, {"window": window.id, "region": region}


def stop(process: subprocess.Popen, own_session: bool) -> None:
    """End ``process`` (and, when it leads a session of its own, every process of that
    session)."""

    def send(sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            if own_session:
                os.killpg(process.pid, sig)
            else:
                process.send_signal(sig)

    send(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        process.wait(10)
    if own_session:
        send(signal.SIGKILL)  # the web engine's helpers, should any outlive the peer


def measure(options: argparse.Namespace, display: str) -> dict[str, dict[str, dict]]:
    import mss
    from Xlib import XK, X
    from Xlib import display as xdisplay
    from Xlib.ext import xtest

    connection = xdisplay.Display(display)
    keycodes = {key: connection.keysym_to_keycode(XK.string_to_keysym(key)) for key in KEYS}
    backspace = connection.keysym_to_keycode(XK.string_to_keysym("BackSpace"))
    results: dict[str, dict[str, dict]] = {app: {} for app in options.apps}
    grab_times: list[float] = []
    send_times: list[float] = []
    with mss.MSS(display=display) as screen:
        for words in options.sizes:
            running = {}
            folder = tempfile.TemporaryDirectory(prefix="pixel-latency-")
            try:
                for index, app in enumerate(options.apps):
                    x = index * (WINDOW[0] + 20)
                    if app in PEERS:
                        running[app] = start_peer(
                            app, words, x, display, connection, screen, Path(folder.name)
                        )
                    else:
                        running[app] = start_app(app, words, x, display)
                times: dict[str, list[float]] = {app: [] for app in options.apps}
                for n in range(options.keys):
                    keycode = backspace if n % 5 == 4 else keycodes[KEYS[n % len(KEYS)]]
                    for app in options.apps:
                        _process, info = running[app]
                        window = connection.create_resource_object("window", info["window"])
                        window.set_input_focus(X.RevertToParent, X.CurrentTime)
                        connection.sync()
                        time.sleep(options.pause)
                        x, y, width, height = info["region"]
                        box = {"left": x, "top": y, "width": width, "height": height}
                        before = screen.grab(box).raw
                        started = time.perf_counter()
                        xtest.fake_input(connection, X.KeyPress, keycode)
                        xtest.fake_input(connection, X.KeyRelease, keycode)
                        connection.sync()
                        sent = time.perf_counter()
                        send_times.append(sent - started)
                        while time.perf_counter() - started < TIMEOUT_S:
                            grabbed = time.perf_counter()
                            now = screen.grab(box).raw
                            grab_times.append(time.perf_counter() - grabbed)
                            if now != before:
                                times[app].append(time.perf_counter() - started)
                                break
                for app in options.apps:
                    values = times[app]
                    results[app][str(words)] = {
                        "median_ms": round(statistics.median(values) * 1000, 1) if values else None,
                        "p95_ms": round(percentile(values, 0.95) * 1000, 1) if values else None,
                        "n": len(values),
                        "missed": options.keys - len(values),
                    }
                if options.screenshot:
                    subprocess.run(
                        ["import", "-display", display, "-window", "root", options.screenshot],
                        check=False,
                    )
            finally:
                for app, (process, _info) in running.items():
                    stop(process, own_session=app in PEERS)
                folder.cleanup()
    results["_machine"] = {
        "grab_median_ms": round(statistics.median(grab_times) * 1000, 2),
        "send_median_ms": round(statistics.median(send_times) * 1000, 3),
        "load": list(os.getloadavg()),
        "cpus": os.cpu_count(),
        "skipped": options.skipped,
    }
    return results


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        return serve(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=40, help="keystrokes per app and size")
    parser.add_argument("--pause", type=float, default=0.15, help="seconds before each key")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--apps", nargs="+", default=list(APPS), choices=APPS)
    parser.add_argument("--display", default=os.environ.get("DISPLAY", ""))
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--screenshot", help="save the display, all apps side by side, after each size (PNG)"
    )
    options = parser.parse_args()
    options.skipped = [app for app in options.apps if not installed(app)]
    for app in options.skipped:
        print(f"{app}: not installed, skipped", file=sys.stderr)
    options.apps = [app for app in options.apps if installed(app)]
    xvfb = None
    display = options.display
    if not display:
        if shutil.which("Xvfb") is None:
            print("Xvfb is not installed and no display is given", file=sys.stderr)
            return 2
        width = max(1, len(options.apps)) * (WINDOW[0] + 20)
        # Xvfb picks a free display number and tells it through -displayfd, so that runs of
        # this benchmark (or other X servers) on the same machine never collide.
        reading, writing = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(writing), "-screen", "0", f"{width}x{WINDOW[1] + 100}x24"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(writing,),
        )
        os.close(writing)
        with os.fdopen(reading) as announced:
            number = announced.readline().strip()
        if not number:
            print("Xvfb did not start", file=sys.stderr)
            return 2
        display = f":{number}"
    try:
        results = measure(options, display)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
    if options.json:
        print(json.dumps(results, indent=2))
        return 0
    machine = results.pop("_machine")
    print(
        f"machine: {machine['cpus']} CPU cores, load {machine['load']}; a grab (the polling"
        f" resolution) {machine['grab_median_ms']} ms median; sending a key"
        f" {machine['send_median_ms']} ms median"
    )
    for app, sizes in results.items():
        for words, figures in sizes.items():
            print(
                f"{app:<20} {int(words):>6,} words  keystroke->pixels median"
                f" {figures['median_ms']} ms  p95 {figures['p95_ms']} ms  (n={figures['n']},"
                f" no change seen: {figures['missed']})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
