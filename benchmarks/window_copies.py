"""Opening a story with many photos: the window's copies (thumbnail, display image) of each.

A package's own copies (``thumbs/``) are never shown (anyone can replace them), so opening a
story makes them from the originals, or finds them in the cache under the original's SHA-256.
Builds a package of N photos (default 30, 12 megapixels each, about 3 MB) in a temporary folder
and times, for all of its photos, one after another on this thread:

1. reading the package's own copies, as opening did before (what the cache must approach);
2. making them from the originals with an empty cache (the first opening of a story);
3. finding them in the cache (every later opening).

The window does 2 and 3 in its worker threads (as many as there are cores), with the Photos pane
and preview filled in as each photo is ready: these are the totals of that background work.
Never fails on time.

    .venv/bin/python benchmarks/window_copies.py [--photos 30] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

PHOTO_SIZE = (4000, 3000)


def photo(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.radial_gradient("L").resize(PHOTO_SIZE).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
        size = rng.randrange(50, 600)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + size, y + size), fill=colour)  # type: ignore[arg-type]
    image = image.filter(ImageFilter.GaussianBlur(2))
    noise = Image.effect_noise(PHOTO_SIZE, 24).convert("RGB")
    image = Image.blend(image, noise, 0.08)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        from editor.media import window_copies
        from editor.media.attach import attach_photo
        from editor.media.probe import prepare_photo
        from editor.model.article import Article
        from editor.model.media_store import MediaStore
        from editor.model.package import load_package, save_package

        article, media = Article(headline="Many photos"), MediaStore()
        sizes = 0
        for seed in range(options.photos):
            data = photo(seed)
            sizes += len(data)
            attach_photo(article, media, data, prepare_photo(data, f"p{seed}.jpg"), f"{seed}.jpg")
        package = Path(folder) / "many.article"
        save_package(package, article, media)
        print(
            f"{options.photos} photos of {PHOTO_SIZE[0]} x {PHOTO_SIZE[1]},"
            f" {sizes / options.photos / 1e6:.1f} MB each; {os.cpu_count()} cores,"
            f" load {os.getloadavg()[0]:.2f}"
        )

        def package_copies() -> None:
            loaded = load_package(package)
            with zipfile.ZipFile(package) as archive:
                for image in loaded.article.photos:
                    for kind in ("thumb", "display"):
                        archive.read(MediaStore.derived_path(image.media_path, kind))

        def made_or_cached() -> None:
            loaded = load_package(package)
            for image in loaded.article.photos:
                window_copies.window_copies(loaded.media.read(image.media_path), "x.jpg")

        def empty_cache() -> None:
            for path in window_copies.copies_folder().glob("*.jpg"):
                path.unlink()

        for label, work, before in (
            ("package's own copies (before)", package_copies, None),
            ("made from the originals, empty cache", made_or_cached, empty_cache),
            ("found in the cache", made_or_cached, None),
        ):
            times = []
            for _ in range(options.runs):
                if before is not None:
                    before()
                start = time.perf_counter()
                work()
                times.append(time.perf_counter() - start)
            print(
                f"{label:40} median {statistics.median(times) * 1000:8.0f} ms"
                f"  ({statistics.median(times) * 1000 / options.photos:6.1f} ms a photo)"
            )


if __name__ == "__main__":
    main()
