"""Importing a large saved web page: the cost of ``import_file(page.html)``, step by step.

Builds (in a temporary folder) a saved page from the WordPress fixture
(tests/data/intake/pages/wordpress-news.html, saved by the browser engine) with its story grown
to about 10,000 words (subheads, lists, quotes and links kept in proportion), 200 comments, a
sidebar and 300 KB of inline scripts, as a long investigation with a busy comment thread is
saved; its two figures come from the ``_files`` folder beside it. Then times, over several runs:

1. parsing the page with lexbor and reading its fields (JSON-LD, meta tags);
2. finding the story's element (``page_body.find_body``);
3. the whole import (both, plus the one converter and the photos).

Prints the median and p95 (nearest rank: with few runs, the slowest) of each, with the page's
size and the machine's core count and load average. Never fails on time.

    .venv/bin/python benchmarks/intake_page.py [--runs 15]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from editor.ingest import import_file
from editor.ingest.page_body import find_body
from editor.ingest.page_meta import read_page_meta

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "intake" / "pages"
_STORY_END = '<div class="code-block code-block-3"'
_COMMENTS_END = '</ol>\n  <div id="respond"'


def _large_page() -> str:
    html = (PAGES / "wordpress-news.html").read_text(encoding="utf-8")
    start = html.index('<h2 class="wp-block-heading">')
    section = html[start : html.index("<figure", start)]  # subhead, paragraph, list, quote
    words = len(LexborHTMLParser(section).text().split())
    grown = section * math.ceil(10_000 / words)
    html = html.replace(_STORY_END, grown + _STORY_END, 1)
    comment = (
        '<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        '<b class="fn">Reader</b> says:</footer><div class="comment-content"><p>'
        + "A comment on the story that goes on for a while. " * 6
        + "</p></div></article></li>"
    )
    html = html.replace(_COMMENTS_END, comment * 200 + _COMMENTS_END, 1)
    script = "<script>var state=[" + ('{"k":"' + "v" * 1_000 + '"},') * 300 + "0];</script>"
    return html.replace("</body>", script + "</body>", 1)


def _timed(step: Callable[[], object], runs: int) -> list[float]:
    step()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _line(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return f"  {label:32} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    html = _large_page()
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "wordpress-news.html"
        page.write_text(html, encoding="utf-8")
        shutil.copytree(PAGES / "wordpress-news_files", Path(folder) / "wordpress-news_files")
        result = import_file(page)
        words = len(result.article.body.split())
        print(
            f"page: {len(html.encode()) / 1e6:.2f} MB, story {words:,} words, "
            f"{len(result.article.photos)} photos; {os.cpu_count()} cores, "
            f"load {os.getloadavg()[0]:.2f}, {options.runs} runs"
        )
        print(
            _line(
                "parse + fields",
                _timed(lambda: read_page_meta(LexborHTMLParser(html)), options.runs),
            )
        )
        print(
            _line(
                "parse + find the story",
                _timed(lambda: find_body(LexborHTMLParser(html)), options.runs),
            )
        )
        print(_line("whole import", _timed(lambda: import_file(page), options.runs)))


if __name__ == "__main__":
    main()
