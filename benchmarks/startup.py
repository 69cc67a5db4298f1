"""Launch to story rendered: from starting a process to the preview showing the story.

Each run starts a fresh Python process that opens the article exactly as `dateline FILE` does
and reports when the preview's DOM holds the story's headline and last paragraph. Prints the
median and p95 of the runs (the first run, which warms the disk cache, is reported apart).

    .venv/bin/python benchmarks/startup.py [ARTICLE] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "caravan-efe.article"

PROBE = r"""
import json, sys, time
from editor.app import create_application, open_window

app = create_application()
window = open_window(sys.argv[1])
headline = window.document.article.headline
check = ("JSON.stringify([document.querySelector('h1.headline')?.textContent || '',"
         " document.querySelectorAll('#dl-body p').length])")

def probe(_=None):
    def seen(result):
        text, paragraphs = json.loads(result or '["", 0]')
        if text == headline and paragraphs > 0:
            print("RENDERED", flush=True)
            app.quit()
    window.preview.page().runJavaScript(check, 0, seen)

window.preview.updated.connect(probe)
sys.exit(app.exec())
"""


def launch_once(article: Path) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", PROBE, str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "RENDERED":
            elapsed = time.perf_counter() - start
            process.wait(timeout=30)
            return elapsed
    process.wait(timeout=30)
    raise RuntimeError("the window exited before the story was rendered")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    cold = launch_once(options.article)
    times = sorted(launch_once(options.article) for _ in range(options.runs))
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"article: {options.article.name}")
    print(f"first launch (warms caches): {cold * 1000:.0f} ms")
    print(
        f"launch to story rendered, warm, {options.runs} runs: "
        f"median {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"min {times[0] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
