"""Saving and opening an article with 20 large photos: median and p95 against 300 ms each.

Generates 20 different 24-megapixel camera JPEGs (benchmarks/photos.py ``camera_jpeg(seed)``,
about 8-9 MB each), builds a 20,000-word story that places them, and times in a temporary
folder on the same disk as this checkout:

1. the first save (the photos go from memory into the file);
2. a save over the file as the window makes it: photos copied from the old file as stored
   bytes, the previous file kept as the backup, a revision added (with up to 50 kept);
3. opening (``load_package``: the photos stay in the zip);
4. what the window adds to each save and open: the file's size and time and the lock on the
   GUI thread, and (in a thread) the SHA-256 that tells a change by another program from a
   touch.

Checks that every photo is stored (ZIP_STORED) with the very bytes it was given. Never fails
on time; prints the figures (``--json`` for a machine-readable copy).

    .venv/bin/python benchmarks/save.py [--runs 9] [--photos 20] [--json]

``article_with_photos`` and ``time_runs`` are for other benchmarks (autosave's GUI-thread
cost per save is measured by benchmarks/autosave.py on the same kind of story).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.photos import camera_jpeg, summary, timed_runs
from editor.model.article import Article, ImageRef
from editor.model.file_lock import ArticleLock, stamp_file
from editor.model.media_store import MediaStore
from editor.model.package import load_package, save_package
from editor.model.revisions import RevisionStore

TARGET_S = 0.300


def article_with_photos(count: int = 20) -> tuple[Article, MediaStore]:
    """A 20,000-word story placing ``count`` different 24-megapixel JPEGs (held in memory)."""
    workers = max(1, min(count, os.cpu_count() or 1))
    with ProcessPoolExecutor(workers) as pool:
        photos = list(pool.map(camera_jpeg, range(1, count + 1)))
    media = MediaStore()
    article = Article(headline="The long read, with twenty photos")
    paragraph = " ".join(["The caravan moved north along the coastal highway"] * 10)  # 80 words
    parts = []
    for number, data in enumerate(photos):
        image = ImageRef(
            id=f"photo{number + 1}",
            original_name=f"DSC{number:04d}.jpg",
            media_path=media.add_bytes(data, "jpg"),
            format="JPEG",
            width=6000,
            height=4000,
            caption=f"Migrants walk north, picture {number + 1}",
            credit="EFE/Juan Manuel Blanco",
        )
        article.photos.append(image)
    per_photo = 250 // max(count, 1)
    for number in range(250):
        parts.append(paragraph)
        if count and number % per_photo == 0 and number // per_photo < count:
            parts.append(f"![](photo:{article.photos[number // per_photo].id})")
    article.body = "\n\n".join(parts)
    return article, media


def time_runs(work: Callable[[], Any], runs: int) -> list[float]:
    """Seconds per run, with no untimed warm-up (each save must pay its own way)."""
    return timed_runs(work, runs, warm_up=False)


def check_stored(path: Path, media: MediaStore, originals: dict[str, str]) -> int:
    """Every photo stored, not recompressed, with its original bytes; returns the photo count."""
    with zipfile.ZipFile(path) as archive:
        for media_path, digest in originals.items():
            info = archive.getinfo(media_path)
            assert info.compress_type == zipfile.ZIP_STORED, f"{media_path} is compressed"
            assert info.compress_size == info.file_size
            assert hashlib.sha256(archive.read(media_path)).hexdigest() == digest
    return len(originals)


def measure(folder: Path, article: Article, media: MediaStore, runs: int) -> dict[str, Any]:
    path = folder / "long-read.article"
    originals = {p: hashlib.sha256(media.read(p)).hexdigest() for p in media.paths()}
    revisions = RevisionStore()

    started = time.perf_counter()
    save_package(path, article, media, revisions=revisions, add_revision=True, backup=True)
    first_save = time.perf_counter() - started

    def save_again() -> None:
        article.body += " More."
        save_package(path, article, media, revisions=revisions, add_revision=True, backup=True)

    save_again()  # warm-up: from here on the photos come from the file
    resave = time_runs(save_again, runs)
    load = time_runs(lambda: load_package(path), runs)
    digest = time_runs(lambda: stamp_file(path, wait=True), runs)
    stamp = time_runs(lambda: stamp_file(path), runs)
    lock = time_runs(lambda: ArticleLock.acquire(path).release(), runs)
    file_size = path.stat().st_size
    return {
        "photos": check_stored(path, media, originals),
        "file_mb": round(file_size / 1024**2, 1),
        "revisions": len(revisions),
        "first_save_s": first_save,
        "save": summary(resave),
        "load": summary(load),
        "disk_digest": summary(digest),
        "disk_stamp": summary(stamp),
        "lock": summary(lock),
        "window_save": summary([a + b for a, b in zip(resave, stamp, strict=True)]),
        "window_open": summary([a + b + c for a, b, c in zip(load, stamp, lock, strict=True)]),
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(argv)

    started = time.perf_counter()
    article, media = article_with_photos(options.photos)
    made = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="dateline-bench-save-", dir=Path.cwd()) as folder:
        figures = measure(Path(folder), article, media, options.runs)
    figures["cores"] = os.cpu_count()
    figures["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    if options.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{figures['photos']} photos of 24 MP (made in {made:.0f} s), file "
        f"{figures['file_mb']} MB, {figures['revisions']} revisions; photos stored, "
        f"not recompressed: yes; {figures['cores']} cores, load {figures['load_average']}"
    )
    print(f"{'first save (photos from memory)':<44} {_ms(figures['first_save_s'])}")
    for key, label in (
        ("save", "save (backup + revision, photos copied)"),
        ("load", "open (load_package)"),
        ("disk_digest", "  SHA-256 of the file (in a thread)"),
        ("disk_stamp", "  + size and time of the file"),
        ("lock", "  + lock taken and released"),
        ("window_save", "window save (save + stamp)"),
        ("window_open", "window open (load + stamp + lock)"),
    ):
        row = figures[key]
        verdict = ""
        if key in ("save", "load", "window_save", "window_open"):
            verdict = "  within 300 ms" if row["p95_s"] <= TARGET_S else "  OVER 300 ms"
        print(
            f"{label:<44} median {_ms(row['median_s'])}   p95 {_ms(row['p95_s'])}"
            f"   ({row['runs']} runs){verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
