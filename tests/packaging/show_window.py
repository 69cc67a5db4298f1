"""Open the window on a story, wait until the preview shows its headline, and quit.

Run by test_wheel.py with the Python of a fresh environment where only the wheel is installed:
it proves the installed package starts the GUI and finds its preview template and stylesheets.
Prints one JSON object: the headline the preview shows and the wall-clock time it showed it.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer

from editor.app import create_application, dispose_widgets, open_window

HEADLINE_JS = "JSON.stringify((document.querySelector('h1') || {}).textContent || null)"
TIMEOUT_S = 90


def main(story: str, headline: str) -> int:
    app = create_application()
    window = open_window(story)
    started = time.monotonic()

    def poll() -> None:
        if time.monotonic() - started > TIMEOUT_S:
            print(f"the preview did not show {headline!r} in {TIMEOUT_S} s", file=sys.stderr)
            app.exit(3)
        elif window.preview.ready:
            window.preview.evaluate(HEADLINE_JS, shown)
        else:
            QTimer.singleShot(50, poll)

    def shown(text: object) -> None:
        if text == headline:
            print(json.dumps({"headline": text, "shown_at": time.time()}))
            app.exit(0)
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    code = app.exec()
    dispose_widgets()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
