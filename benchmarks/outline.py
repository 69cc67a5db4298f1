"""The outline and focus mode on a long story: what a keystroke costs, and where.

For a body of 20,000 words (and 5,000 for comparison) with subheads, sub-subheads and 40 photo
placements, each keystroke (one character typed at a random place) measures:

* reading the outline (``story_outline``: the body scan's subheads and placements), which the
  window does in the worker after a pause, never on the GUI thread;
* on the GUI thread: showing the worker's entries in the Outline pane (unchanged entries, the
  usual case, and changed ones, a subhead typed), following the cursor to its section, and
  focus mode's dimming after a cursor move.

Prints median and p95 in milliseconds per size; ``--json`` prints them as one object. Never
fails on time.

    .venv/bin/python benchmarks/outline.py [--keys 100] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.text.story_outline import section_at, story_outline
from editor.ui.controllers.focus_mode import FocusMode
from editor.ui.panes.outline import OutlinePane

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
    "officials",
    "said",
    "shelters",
    "in",
    "Tapachula",
    "were",
    "full",
    "and",
    "families",
    "waited",
    "for",
    "papers",
]
SIZES = (5_000, 20_000)
PHOTOS = 40


def long_read(words: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    blocks: list[str] = []
    count = 0
    while count < words:
        kind = rng.random()
        if kind < 0.06:
            blocks.append("## " + " ".join(rng.choices(WORDS, k=5)).capitalize())
        elif kind < 0.09:
            blocks.append("### " + " ".join(rng.choices(WORDS, k=4)).capitalize())
        elif kind < 0.15:
            blocks.append("> “" + " ".join(rng.choices(WORDS, k=25)).capitalize() + ",” she said.")
        else:
            blocks.append(" ".join(rng.choices(WORDS, k=rng.randint(30, 60))).capitalize() + ".")
        count += len(blocks[-1].split())
    step = max(1, len(blocks) // PHOTOS)
    for number in range(PHOTOS, 0, -1):
        blocks.insert(min(len(blocks), number * step), f"![](photo:p{number})")
    return "\n\n".join(blocks)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def figures(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values), 3),
        "p95_ms": round(percentile(values, 0.95), 3),
    }


def measure(words: int, keys: int) -> dict[str, dict[str, float]]:
    rng = random.Random(words)
    body = long_read(words)
    labels = {f"p{n}": f"Photo {n} of the caravan" for n in range(1, PHOTOS + 1)}
    scan: list[float] = []
    for _ in range(keys):
        at = rng.randrange(len(body))
        body = body[:at] + rng.choice("abcde ") + body[at:]
        scan.append(timed(lambda text=body: story_outline("A long read", text, labels)))

    entries = story_outline("A long read", body, labels)
    pane = OutlinePane()
    pane.resize(300, 800)
    pane.show()
    pane.show_entries(entries)
    same = [timed(lambda: pane.show_entries(entries)) for _ in range(keys)]
    changed = []
    for number in range(keys):
        renamed = story_outline("A long read", body + f"\n\n## Added {number}", labels)
        changed.append(timed(lambda renamed=renamed: pane.show_entries(renamed)))

    editor = QPlainTextEdit()
    editor.setPlainText(body)
    editor.resize(600, 800)
    editor.show()
    blocks = editor.document().blockCount()
    follow = []
    for _ in range(keys):
        line = rng.randrange(blocks)
        follow.append(timed(lambda line=line: pane.mark_current(section_at(pane.entries, line))))

    focus = FocusMode(editor)
    focus.set_enabled(True)
    dimming = []
    for _ in range(keys):
        cursor = QTextCursor(editor.document().findBlockByNumber(rng.randrange(blocks)))
        dimming.append(timed(lambda cursor=cursor: editor.setTextCursor(cursor)))
        QApplication.processEvents()
    pane.close()
    editor.close()
    return {
        "outline_read_in_worker": figures(scan),
        "pane_unchanged_gui": figures(same),
        "pane_changed_gui": figures(changed),
        "follow_cursor_gui": figures(follow),
        "focus_mode_cursor_move_gui": figures(dimming),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    results = {words: measure(words, args.keys) for words in SIZES}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for words, parts in results.items():
            print(f"{words:,} words")
            for name, values in parts.items():
                median, p95 = values["median_ms"], values["p95_ms"]
                print(f"  {name:28} median {median:7.3f} ms  p95 {p95:7.3f} ms")
    del app


if __name__ == "__main__":
    main()
