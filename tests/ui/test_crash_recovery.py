"""Pull the plug: the real app types a story, is killed with SIGKILL, and the next start recovers
everything typed up to 5 seconds before the kill."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from editor.ui.controllers.autosave import DEADLINE_S

from locations import REPO

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ROOT = REPO

# The app as a reporter runs it (the window, its autosave at the real intervals), typing a word
# into the body every 150 ms and saying when each was typed, on the shared monotonic clock.
TYPIST = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from editor.app import create_application, open_window

app = create_application(["dateline"])
window = open_window(None)
count = 0

def type_next():
    global count
    QTest.keyClicks(window.body, f"w{count} ")
    print(f"typed {count} {time.monotonic():.3f}", flush=True)
    count += 1
    QTimer.singleShot(150, type_next)

QTimer.singleShot(0, type_next)
app.exec()
"""

# The next start: the recovery offer, answered Recover, and what the window then holds.
RESTART = """
import json
from editor.app import create_application, dispose_widgets, open_window
from editor.ui.controllers.recovery import offer_recovery

app = create_application(["dateline"])
window = open_window(None)
windows = offer_recovery(window, choose=lambda *_: "recover")
document = window.document
print(json.dumps({"windows": len(windows), "body": document.article.body,
                  "dirty": document.dirty, "path": str(document.path)}), flush=True)
document.new()
window.close()
dispose_widgets()
"""


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env["HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_killed_app_recovers_what_was_typed_up_to_five_seconds_before(tmp_path) -> None:
    env = environment(tmp_path)
    log_path = tmp_path / "typist.log"
    log = open(log_path, "w")  # noqa: SIM115 (closed below, once the process is gone)
    typist = subprocess.Popen(
        [sys.executable, "-c", TYPIST],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,
    )
    typed: list[tuple[int, float]] = []

    def read() -> None:
        assert typist.stdout is not None
        for line in typist.stdout:
            if line.startswith("typed "):
                _, number, moment = line.split()
                typed.append((int(number), float(moment)))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60  # a cold start on a loaded machine
        while not typed and time.monotonic() < deadline and typist.poll() is None:
            time.sleep(0.05)
        assert typed, "the app never started typing: " + log_path.read_text()[-2000:]
        # Long enough for several autosaves while typing never pauses; the moment varies.
        time.sleep(random.uniform(7.0, 9.0))
        killed_at = time.monotonic()
        typist.send_signal(signal.SIGKILL)
        typist.wait(timeout=10)
    finally:
        if typist.poll() is None:
            typist.kill()
            typist.wait()
        log.close()
    reader.join(timeout=5)
    assert typist.returncode == -signal.SIGKILL

    recovery = tmp_path / "xdg_data_home" / "dateline" / "recovery"
    assert list(recovery.glob("*.json")), "no recovery file was left"
    restart = subprocess.run(
        [sys.executable, "-c", RESTART],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert restart.returncode == 0, restart.stderr[-2000:]
    result = json.loads(restart.stdout.strip().splitlines()[-1])
    assert result["windows"] == 1 and result["dirty"] and result["path"] == "None"

    everything = "".join(f"w{number} " for number, _ in typed)
    must_have = [number for number, moment in typed if moment <= killed_at - DEADLINE_S]
    assert must_have, "nothing was typed 5 seconds before the kill"
    required = "".join(f"w{number} " for number in range(must_have[-1] + 1))
    body = result["body"]
    assert everything.startswith(body), "the recovered text is not what was typed"
    assert body.startswith(required), (
        f"lost words typed more than {DEADLINE_S} s before the kill: recovered up to "
        f"{body.split()[-1] if body else 'nothing'}, typed up to w{must_have[-1]}"
    )
    # After recovery the entry belongs to the restarted app, which closed cleanly: none left.
    assert list(recovery.glob("*.json")) == []
