"""Typing in a long read: the incremental renderer against a full render of the body.

Builds news bodies of 1,500, 5,000 and 20,000 words (paragraphs of about 28 words, a subhead
every 25 paragraphs, quotes, inline links, links to 5 reference definitions at the end, 40 photo
placements, the agency's end mark), then simulates typing and times each keystroke's
``IncrementalRenderer.render``:

* type: characters typed into a paragraph in the middle of the story;
* delete: characters deleted there, one per keystroke;
* new paragraph: Enter pressed twice in the middle of a paragraph, then typing in the new one;
* in linked paragraph: typing in a paragraph that uses a reference-style link;
* last paragraph: typing at the end of the story, where the end mark goes.

For comparison it times ``BodyRenderer.render`` of the whole body, and prints for each the median
and p95 (nearest rank), the ratio of the medians, and the most blocks a keystroke's patch changed
(new HTML) and moved (new line numbers only). Never fails on time.

    .venv/bin/python benchmarks/render_incremental.py [--keystrokes 60] [--full-runs 15]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import time
from collections.abc import Callable

from editor.model.article import ImageRef
from editor.render.incremental import IncrementalRenderer
from editor.render.markdown import BodyRenderer, PhotoLookup

SIZES = (1_500, 5_000, 20_000)
PHOTO_COUNT = 40
REFERENCE_COUNT = 5
END_MARK = "EFE"
VOCABULARY = (
    "the", "government", "said", "on", "Tuesday", "that", "police", "officers", "and",
    "migrants", "walked", "along", "highway", "toward", "Tapachula", "while", "minister", "of",
    "interior", "promised", "water", "food", "shelter", "to", "families", "who", "had",
    "travelled", "for", "weeks", "from", "Honduras", "Guatemala", "El", "Salvador",
    "according", "local", "officials", "aid", "workers", "witnesses", "interviewed", "by",
    "reporters", "near", "border",
)  # fmt: skip


def paragraph(rng: random.Random, index: int) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(22, 34))]
    words[0] = words[0].capitalize()
    if index % 4 == 0:
        at = rng.randrange(len(words))
        words[at] = f"[{words[at]}](https://example.org/news/{index})"
    if index % 9 == 0:
        words[1] = f"*{words[1]}*"
    if index % 20 == 3:
        at = rng.randrange(2, len(words))
        words[at] = f"[{words[at]}][source{index % REFERENCE_COUNT + 1}]"
    return " ".join(words) + "."


def long_read(word_count: int, seed: int = 3) -> str:
    """A news body of about ``word_count`` words with subheads, quotes, links and photos."""
    rng = random.Random(seed)
    blocks: list[str] = []
    words = 0
    index = 0
    while words < word_count:
        if index and index % 25 == 0:
            blocks.append(f"## {' '.join(rng.choice(VOCABULARY) for _ in range(5)).capitalize()}")
        if index % 15 == 7:
            blocks.append(f'> "{paragraph(rng, index)}"')
        blocks.append(paragraph(rng, index))
        words += len(blocks[-1].split())
        index += 1
    step = max(len(blocks) // PHOTO_COUNT, 1)
    for photo in range(PHOTO_COUNT, 0, -1):
        blocks.insert(min(photo * step, len(blocks) - 1), f"![](photo:p{photo})")
    blocks += [
        f'[source{n}]: https://example.org/sources/{n} "Source {n}"'
        for n in range(1, REFERENCE_COUNT + 1)
    ]
    return "\n\n".join(blocks) + "\n"


def photos() -> PhotoLookup:
    images = [
        ImageRef(
            id=f"p{n}",
            original_name=f"photo{n}.jpg",
            media_path=f"media/{n:064x}.jpg",
            width=1600,
            height=1067,
            caption=f"Migrants walk along the highway near Tapachula, photo {n}.",
            credit="EFE/Juan Manuel Blanco",
            alt="People walking on a road",
        )
        for n in range(1, PHOTO_COUNT + 1)
    ]
    return PhotoLookup.of(images, lambda image: f"file:///package/{image.media_path}")


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def milliseconds(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1e3:7.2f} / {percentile(samples, 0.95) * 1e3:7.2f}"


Keystroke = Callable[[str, int], tuple[str, int]]  # (text, cursor) -> (text, cursor)


def typing(text: str, cursor: int) -> tuple[str, int]:
    return text[:cursor] + "x" + text[cursor:], cursor + 1


def deleting(text: str, cursor: int) -> tuple[str, int]:
    return text[: cursor - 1] + text[cursor:], cursor - 1


def new_paragraph(count: int) -> Keystroke:
    """Enter, Enter, then typing: the second Enter splits the paragraph in two."""
    pressed = [0]

    def keystroke(text: str, cursor: int) -> tuple[str, int]:
        pressed[0] += 1
        key = "\n" if pressed[0] % count in (1, 2) else "y"
        return text[:cursor] + key + text[cursor:], cursor + 1

    return keystroke


def cursor_in(text: str, paragraph_at: int) -> int:
    """A cursor in the middle of the paragraph that starts at ``paragraph_at``."""
    end = text.index("\n", paragraph_at)
    return text.rindex(" ", paragraph_at, (paragraph_at + end) // 2)


def middle_paragraph(text: str) -> int:
    start = text.index("\n\n", len(text) // 2) + 2
    while not text[start].isalpha():
        start = text.index("\n\n", start) + 2
    return start


def linked_paragraph(text: str) -> int:
    link = text.index("][source", len(text) // 3)
    return text.rindex("\n\n", 0, link) + 2


def last_paragraph_end(text: str) -> int:
    return text.rindex(".", 0, text.index("\n\n[source1]:"))


def time_typing(
    renderer: BodyRenderer, text: str, cursor: int, keystroke: Keystroke, count: int
) -> tuple[list[float], list[int], list[int]]:
    """Each keystroke's render time, with how many blocks its patch changed and moved."""
    lookup = photos()
    incremental = IncrementalRenderer(renderer)
    incremental.render(text, lookup, end_mark=END_MARK)
    times, changed, moved = [], [], []
    for _ in range(count):
        text, cursor = keystroke(text, cursor)
        started = time.perf_counter()
        patch = incremental.render(text, lookup, end_mark=END_MARK)
        times.append(time.perf_counter() - started)
        changed.append(len(patch.changed))
        moved.append(len(patch.lines))
    return times, changed, moved


def time_full(renderer: BodyRenderer, text: str, runs: int) -> list[float]:
    lookup = photos()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        renderer.render(text, lookup, end_mark=END_MARK)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keystrokes", type=int, default=60)
    parser.add_argument("--full-runs", type=int, default=15)
    args = parser.parse_args()

    renderer = BodyRenderer()
    renderer.render("Warm up [x](http://x) *y*.", photos())
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    print("times in ms, median / p95; ratio = full median / keystroke median")
    for size in SIZES:
        text = long_read(size)
        full = time_full(renderer, text, args.full_runs)
        first = IncrementalRenderer(renderer)
        started = time.perf_counter()
        first.render(text, photos(), end_mark=END_MARK)
        first_render = time.perf_counter() - started
        print(
            f"\n{len(text.split()):,} words, {len(text):,} characters, {len(first.blocks())} blocks"
        )
        print(f"  {'full BodyRenderer.render':<32} {milliseconds(full)}")
        print(f"  {'first incremental render':<32} {first_render * 1e3:7.2f}")
        scenarios: list[tuple[str, int, Keystroke]] = [
            ("type", cursor_in(text, middle_paragraph(text)), typing),
            ("delete", cursor_in(text, middle_paragraph(text)), deleting),
            ("new paragraph", cursor_in(text, middle_paragraph(text)), new_paragraph(6)),
            ("in linked paragraph", cursor_in(text, linked_paragraph(text)), typing),
            ("last paragraph", last_paragraph_end(text), typing),
        ]
        for name, cursor, keystroke in scenarios:
            times, changed, moved = time_typing(renderer, text, cursor, keystroke, args.keystrokes)
            ratio = statistics.median(full) / statistics.median(times)
            print(
                f"  {'keystroke: ' + name:<32} {milliseconds(times)}  x{ratio:4.0f}"
                f"  blocks changed: max {max(changed)}, moved: max {max(moved)}"
            )


if __name__ == "__main__":
    main()
