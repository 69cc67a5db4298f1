"""Time to run every pre-publish check on a 20,000-word story with 40 photos.

Builds a long read (subheads, quotes in three styles, parenthetical asides, links, reference
links, a code span, 40 photo placements) and times ``run_checks`` on it ``--runs`` times, each
on a body that differs by one character from the last (as after a keystroke, so no cached body
scan is reused). Prints the median and p95 of the whole run and of each check, and the same
with the spelling and house-style checks. The checks run off the GUI thread, debounced, so this
is the delay before the panel updates. Then types in the real window (offscreen) with the
Checks and spelling passes running and without them, and prints the GUI-thread time
per keystroke of each (the target: the same within noise). Never fails on time.

    .venv/bin/python benchmarks/checks.py [--words 20000] [--runs 30] [--keys 150]
                                          [--no-window] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # preview_latency's story and helpers

from editor.checks.registry import CHECKS, Check, CheckContext, run_checks
from editor.model.article import Article, Dateline, ImageRef, count_words
from editor.model.media_store import MediaStore

WORDS = [
    "the", "caravan", "of", "migrants", "left", "Huixtla", "at", "dawn", "under", "the", "watch",
    "of", "the", "National", "Guard", "and", "walked", "north", "along", "the", "highway",
    "towards", "Mexico", "City", "while", "officials", "said", "that",
]  # fmt: skip
PHOTOS = 40


def phrase(rng: random.Random, length: int) -> str:
    """``length`` words, never the same word twice in a row (that would be a doubled word)."""
    chosen: list[str] = []
    while len(chosen) < length:
        word = rng.choice(WORDS)
        if not chosen or word != chosen[-1]:
            chosen.append(word)
    return " ".join(chosen)


def long_read(words: int, seed: int = 3) -> str:
    """A long read with subheads, quotes, asides, links and ``PHOTOS`` photo placements."""
    rng = random.Random(seed)
    blocks: list[str] = []
    count = 0
    every = max(1, (words // 45) // PHOTOS)
    photo = 0
    while count < words:
        kind = rng.random()
        if kind < 0.08:
            blocks.append("## " + phrase(rng, 5).capitalize())
        elif kind < 0.16:
            quote = phrase(rng, 25).capitalize()
            blocks.append(rng.choice(["“{}”", "«{}»", '"{}"']).format(quote) + ", she said.")
        else:
            sentence = phrase(rng, rng.randint(30, 60)).capitalize()
            if rng.random() < 0.2:
                sentence += " according to [the INM][inm] and [EFE](https://efe.com/a_(b))"
            if rng.random() < 0.2:
                sentence += " (the Migration National Institute, `INM`)"
            blocks.append(sentence + ".")
        count += len(blocks[-1].split())
        if photo < PHOTOS and len(blocks) % every == 0:
            photo += 1
            blocks.append(f"![](photo:p{photo})")
    while photo < PHOTOS:
        photo += 1
        blocks.append(f"![](photo:p{photo})")
    blocks.append("[inm]: https://www.gob.mx/inm")
    return "\n\n".join(blocks)


def story(words: int) -> tuple[Article, CheckContext]:
    media = MediaStore()
    photos = [
        ImageRef(
            id=f"p{n}",
            original_name=f"caravan-{n}.jpg",
            media_path=media.add_bytes(f"photo {n}".encode(), "jpg"),
            width=2400,
            height=1600,
            caption=f"Migrants walk north from Huixtla, photo {n}.",
            credit="EFE/Juan Manuel Blanco",
            alt=f"People with backpacks on a highway, view {n}.",
            featured=n == 1,
        )
        for n in range(1, PHOTOS + 1)
    ]
    article = Article(
        headline=f"A {words:,}-word long read on the caravan",
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(place="Tapachula", country="Mexico"),
        slug="MEXICO-MIGRANTS/CARAVAN",
        body=long_read(words),
        photos=photos,
    )
    return article, CheckContext(media=media)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


def summary(times: Sequence[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(times) * 1000, 2),
        "p95_ms": round(percentile(times, 0.95) * 1000, 2),
    }


def _edited(article: Article, run: int) -> None:
    """One keystroke: a letter typed in the middle of the body (a new body, a new scan)."""
    middle = len(article.body) // 2
    article.body = article.body[:middle] + "abcdefghij"[run % 10] + article.body[middle + 1 :]


def time_runs(
    article: Article, context: CheckContext, runs: int, extra: Sequence[Check] = ()
) -> tuple[list[float], int]:
    run_checks(article, context, extra)  # warm up: fonts, regexes, dictionaries
    times = []
    findings = 0
    for run in range(runs):
        _edited(article, run)
        start = time.perf_counter()
        findings = len(run_checks(article, context, extra))
        times.append(time.perf_counter() - start)
    return times, findings


def time_each_check(
    article: Article, context: CheckContext, runs: int, checks: Sequence[Check]
) -> dict[str, dict[str, float]]:
    """Each check alone, with the body scan it shares with the others made afresh each run."""
    from editor.text.body_scan import scan_body

    result = {}
    for check in checks:
        times = []
        for run in range(runs):
            _edited(article, run)
            scan_body.cache_clear()
            start = time.perf_counter()
            list(check(article, context))
            times.append(time.perf_counter() - start)
        result[getattr(check, "__name__", repr(check))] = summary(times)
    return result


def spelling_passes(article: Article, runs: int) -> dict[str, dict[str, float]] | None:
    """The body's spelling pass as the window's underlines ask for it: afresh (a new revision),
    and right after the spelling check of the same revision (``body_misspellings`` shares the
    check's pass). None when no English dictionary is installed."""
    from editor.spelling import speller_for
    from editor.spelling.body import body_misspellings, forget_body_misspellings

    speller = speller_for("en")
    if speller is None:
        return None
    fresh, shared = [], []
    for run in range(runs):
        _edited(article, run)
        forget_body_misspellings()
        start = time.perf_counter()
        body_misspellings(article.body, speller)
        fresh.append(time.perf_counter() - start)
        start = time.perf_counter()
        body_misspellings(article.body, speller)
        shared.append(time.perf_counter() - start)
    return {"fresh": summary(fresh), "after the check": summary(shared)}


def language_checks() -> list[tuple[str, Check]]:
    """The spelling and house-style checks (the window and ``dateline check`` run them too)."""
    from editor.checks.house_style import check_house_style
    from editor.checks.spelling_check import check_spelling

    return [("spelling", check_spelling), ("house style", check_house_style)]


# --- typing in the window, checks on and off -------------------------------------------------


def _never(*_args: object, **_kwargs: object) -> None:
    """A job's schedule that runs nothing."""


def typing_in_window(words: int, keys: int, checks_on: bool) -> dict[str, float]:
    """GUI-thread time per keystroke typing into a ``words``-word story in the real window.

    The reporter types a key every 80 ms and pauses 0.8 s after every 25 keys, so the
    debounced checks and spelling passes run (in the worker) while typing goes on. Measured:
    each keystroke's handlers (``QTest.keyClick``), and the GUI thread's longest stall, seen as
    the lateness of a 5 ms heartbeat timer. "Off" is the window whose Checks and spelling
    passes no longer run once the story has opened.
    """
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from preview_latency import (
        article_of,
        keep_collections_off_typing_as_the_app_does,
        place_cursor,
        wait_until,
    )
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtTest import QTest

    import editor.ui.main_window as main_window
    from editor.app import create_application, dispose_widgets
    from editor.ui.controllers.debounce import DebouncedJob

    create_application(["benchmark"])
    window = main_window.MainWindow()
    if not checks_on:
        # The window without its checks and spelling passes: once the story is open, their
        # jobs never start again (the window needs the controllers themselves).
        for controller in (window.checks, window.spelling):
            for job in controller.findChildren(DebouncedJob):
                job.schedule = job.postpone = job.schedule_unless_waiting = _never
    window.resize(1500, 900)
    window.show()
    wait_until(lambda: window.preview.ready)
    window.document.replace(article_of(words), MediaStore(), None)
    keep_collections_off_typing_as_the_app_does()
    wait_until(lambda: window.preview.ready, timeout=60)
    place_cursor(window, "she said")

    def idle(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    idle(3000)  # the first full check and spelling pass of the story
    stalls: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        stalls.append(max(0, now - last[0] - 5))
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    key_times: list[float] = []
    for index in range(keys):
        started = time.perf_counter()
        QTest.keyClick(window.body, "abcd e"[index % 6])
        key_times.append(time.perf_counter() - started)
        idle(800 if index % 25 == 24 else 80)
    heartbeat.stop()
    idle(1500)
    window.document.new()
    window.close()
    dispose_widgets()
    result = summary(key_times)
    result["longest_stall_ms"] = max(stalls) if stalls else 0.0
    result["stall_p95_ms"] = percentile(stalls, 0.95) if stalls else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keys", type=int, default=150, help="keystrokes typed in the window")
    parser.add_argument("--no-window", action="store_true", help="skip typing in the window")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()

    article, context = story(options.words)
    result: dict[str, object] = {
        "words": count_words(article.body),
        "characters": len(article.body),
        "photos": len(article.photos),
    }
    times, findings = time_runs(article, context, options.runs)
    result["built_in"] = {**summary(times), "findings": findings}
    result["per_check"] = time_each_check(article, context, max(5, options.runs // 3), CHECKS)
    extras = []
    for name, check in language_checks():
        extras.append(check)
        times, findings = time_runs(article, context, options.runs, [check])
        result[f"with {name}"] = {**summary(times), "findings": findings}
    if len(extras) > 1:
        times, findings = time_runs(article, context, options.runs, extras)
        result["with all"] = {**summary(times), "findings": findings}

    passes = spelling_passes(article, options.runs)
    if passes is not None:
        result["body_spelling_pass"] = passes
    if not options.no_window:
        result["typing_checks_off"] = typing_in_window(options.words, options.keys, False)
        result["typing_checks_on"] = typing_in_window(options.words, options.keys, True)
    if options.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{result['words']:,} words, {result['characters']:,} characters, "
        f"{result['photos']} photos; {options.runs} runs"
    )
    for key, value in result.items():
        if isinstance(value, dict) and "findings" in value:
            print(
                f"  {key:<18} median {value['median_ms']:8.2f} ms   p95 {value['p95_ms']:8.2f} ms"
                f"   ({value['findings']} findings)"
            )
    print("  each check alone (with its own body scan):")
    for name, value in result["per_check"].items():  # type: ignore[union-attr]
        print(f"    {name:<26} median {value['median_ms']:7.2f} ms   p95 {value['p95_ms']:7.2f} ms")
    if "body_spelling_pass" in result:
        print("  the window's body spelling pass:")
        for name, value in result["body_spelling_pass"].items():  # type: ignore[union-attr]
            median, p95 = value["median_ms"], value["p95_ms"]
            print(f"    {name:<26} median {median:7.2f} ms   p95 {p95:7.2f} ms")
    for key in ("typing_checks_off", "typing_checks_on"):
        if key in result:
            value = result[key]  # type: ignore[assignment]
            print(
                f"  GUI thread per keystroke, {key.removeprefix('typing_').replace('_', ' ')}:"
                f" median {value['median_ms']:.2f} ms, p95 {value['p95_ms']:.2f} ms;"
                f" longest stall {value['longest_stall_ms']:.0f} ms"
                f" (stall p95 {value['stall_p95_ms']:.0f} ms)"
            )


if __name__ == "__main__":
    main()
