"""Time every pass over the body on hostile inputs: can a received story freeze the window?

A body is read on every keystroke by the checks, the spelling pass, the house style, the prose
mask, the body's syntax scan and the Markdown render, and Find and Replace runs the reporter's
own pattern over it. Each of them once took minutes on some input a file can hold (60,000 "_",
100,000 characters of "](", 30,000 "<a "). This script builds those inputs (long runs of one
mark, and of marks that open syntax and never close it) and prints, per pass and input, the
median and p95 of ``--runs`` runs, and each pass's worst input. Never fails on time;
tests/security/test_14_patterns_cannot_freeze.py runs each pass once on these inputs under a
generous hang guard.

    .venv/bin/python benchmarks/hostile_patterns.py [--size 100000] [--runs 5]
                                                    [--passes checks,render] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.model.article import Article


def hostile_bodies(size: int) -> dict[str, str]:
    """Bodies of about ``size`` characters that once made some pass super-linear."""
    return {
        "underscores": "_" * size,
        "stars": "*" * size,
        "link-open": "](" * (size // 2),
        "brackets": "[" * size,
        "nested-brackets": "[" * (size // 2) + "]" * (size // 2),
        "link-text": "[a](" * (size // 4),
        "image-open": "![" * (size // 2),
        "backticks": "`" * size,
        "double-ticks": "``a" * (size // 3),
        "less-than": "<" * size,
        "open-tags": "<a " * (size // 3),
        "html-comments": "<!--" * (size // 4),
        "double-bracket": "[[" * (size // 2),
        "spaces": "a" + " " * size + "b",
        "backslashes": "\\" * size,
        "underscore-words": "a_" * (size // 2),
        "dotted": "a." * (size // 2),
        "dashes": "-" * size,
        "parentheses": "(" * size,
        "quotes": '"' * size,
        "urls": "http://" * (size // 7),
        "ampersands": "&" * size,
    }


def passes() -> dict[str, Callable[[str], object]]:
    """Each pass over a body, as the window and the CLI run it."""
    from editor.checks.context import CheckContext
    from editor.checks.house_style import check_house_style
    from editor.checks.registry import run_checks
    from editor.checks.spelling_check import check_spelling
    from editor.render.markdown import BodyRenderer
    from editor.render.photo_refs import PhotoLookup
    from editor.spelling.text import words
    from editor.text.body_syntax import code_and_comment_spans, other_syntax
    from editor.text.find_replace import FindOptions, PatternError, find_all
    from editor.text.line_markup import NORMAL, line_markup
    from editor.text.prose_mask import markdown_prose_mask

    renderer = BodyRenderer()
    no_photos = PhotoLookup({}, lambda image: "")

    def find(text: str) -> object:
        try:
            return find_all(Article(body=text), r"(a|aa)+$|\w+", FindOptions(regex=True))
        except PatternError:
            return None  # too slow: said in the dialog, within the budget

    def highlight(text: str) -> object:
        # As the body's highlighter reads it: line by line, each after the last one's state.
        state = NORMAL
        for line in text.split("\n"):
            state = line_markup(line, state).state
        return state

    return {
        "checks": lambda text: run_checks(Article(body=text), CheckContext()),
        "spelling": lambda text: check_spelling(Article(body=text, language="en")),
        "house-style": lambda text: check_house_style(Article(body=text, language="en")),
        "prose-mask": markdown_prose_mask,
        "body-syntax": lambda text: (code_and_comment_spans(text), other_syntax(text)),
        "spelling-words": lambda text: list(words(text, markdown=True)),
        "render": lambda text: renderer.render_body(text, no_photos),
        "find-replace": find,
        "highlight": highlight,
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


def measure(name: str, size: int, runs: int) -> dict[str, dict[str, float]]:
    run_pass = passes()[name]
    figures = {}
    for kind, body in hostile_bodies(size).items():
        times = []
        for run in range(runs):
            varied = f"{body}\n{run}"  # another text each run: no cached scan is reused
            started = time.perf_counter()
            run_pass(varied)
            times.append(time.perf_counter() - started)
        figures[kind] = {"median": statistics.median(times), "p95": _p95(times)}
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--passes", default=",".join(passes()))
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)
    results = {}
    for name in options.passes.split(","):
        results[name] = figures = measure(name, options.size, options.runs)
        if not options.json:
            worst = max(figures, key=lambda kind: figures[kind]["median"])
            print(f"{name} ({options.size:,} characters, {options.runs} runs)")
            for kind, figure in figures.items():
                print(f"  {kind:<17} median {figure['median'] * 1000:8.1f} ms"
                      f"   p95 {figure['p95'] * 1000:8.1f} ms")  # fmt: skip
            print(f"  worst: {worst}", flush=True)
    if options.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
