"""Photo work on a 24-megapixel camera JPEG: import, renditions for one photo, and for twenty.

Generates (in memory, never on disk) a 6000 x 4000 JPEG that compresses like a photograph
(gradients, shapes, sensor-like noise; about 8-9 MB) with camera EXIF including GPS, then times:

1. ``prepare_photo``: the decode-to-thumbnail part of "drop a photo, see its thumbnail";
2. ``make_renditions`` for one photo (4 widths, JPEG + WebP, metadata written in);
3. ``make_all_renditions`` for 20 such photos, serially and in worker processes.

Prints the median and p95 (nearest rank: with few runs, the slowest) of each, with the
machine's core count and load average. Never fails on time.

    .venv/bin/python benchmarks/photos.py [--runs 15] [--rendition-runs 7] [--batch-runs 3]
                                          [--batch-size 20] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import pyexiv2
from PIL import Image, ImageDraw, ImageFilter, features

from editor.media.probe import prepare_photo
from editor.media.renditions import RenditionJob, make_all_renditions, make_renditions

PHOTO_SIZE = (6000, 4000)


def camera_jpeg(seed: int = 7) -> bytes:
    """A 24-megapixel JPEG that costs what a camera's does to decode: detail everywhere."""
    width, height = PHOTO_SIZE
    rng = random.Random(seed)
    red = Image.linear_gradient("L").resize(PHOTO_SIZE)
    green = Image.radial_gradient("L").resize(PHOTO_SIZE)
    blue = Image.effect_mandelbrot((width // 4, height // 4), (-2.2, -1.2, 1.0, 1.2), 100).resize(
        PHOTO_SIZE, Image.Resampling.BICUBIC
    )
    picture = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(picture)
    for _ in range(300):
        x, y, side = rng.randrange(width), rng.randrange(height), rng.randrange(20, 900)
        box = (x, y, x + side, y + side * rng.random())
        colour = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise(PHOTO_SIZE, 40).convert("RGB")
    picture = Image.blend(picture, noise, 0.18)

    exif = Image.Exif()
    exif[0x010F] = "Benchmark Camera Co"  # Make
    exif[0x0110] = "BC-24"  # Model
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(0x8769)[0x9003] = "2024:12:03 09:41:07"  # DateTimeOriginal
    exif.get_ifd(0x8769)[0xA431] = "BC24-000123"  # BodySerialNumber
    exif.get_ifd(0x8825).update({1: "N", 2: (14.0, 54.0, 18.0), 3: "W", 4: (92.0, 15.0, 36.0)})
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def rendition_job(data: bytes, photo_id: str) -> RenditionJob:
    return RenditionJob(
        photo_id=photo_id,
        data=data,
        name=f"{photo_id}.jpg",
        crop=None,
        caption="Migrantes caminan hacia Tapachula, México",
        credit="EFE/Juan Manuel Blanco",
        copyright="© 2024 Agencia EFE",
        alt="A crowd of people walks along a road",
        byline="Juan Manuel Blanco",
    )


def timed_runs(work: Callable[[], Any], runs: int, warm_up: bool = True) -> list[float]:
    """Seconds per run; one untimed run first warms caches and imports."""
    if warm_up:
        work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"runs": len(times), "median_s": statistics.median(ordered), "p95_s": p95}


def shown(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms" if seconds < 1 else f"{seconds:8.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="prepare_photo runs")
    parser.add_argument("--rendition-runs", type=int, default=7, help="one-photo rendition runs")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of the whole batch")
    parser.add_argument("--batch-size", type=int, default=20, help="photos in the batch")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args(argv)

    cores = os.cpu_count() or 1
    load_before = os.getloadavg()
    started = time.perf_counter()
    data = camera_jpeg()
    generated_in = time.perf_counter() - started

    figures: dict[str, Any] = {
        "cores": cores,
        "load_average_before": load_before,
        "pillow": Image.__version__,
        "libjpeg_turbo": features.version("libjpeg_turbo"),
        "pyexiv2": pyexiv2.__version__,
        "exiv2": pyexiv2.__exiv2_version__,
        "photo": {"width": PHOTO_SIZE[0], "height": PHOTO_SIZE[1], "bytes": len(data)},
    }
    figures["prepare_photo"] = summary(
        timed_runs(lambda: prepare_photo(data, "camera.jpg"), options.runs)
    )
    one_job = rendition_job(data, "p1")
    figures["make_renditions"] = summary(
        timed_runs(lambda: make_renditions(one_job), options.rendition_runs)
    )
    jobs = [rendition_job(data, f"p{n}") for n in range(options.batch_size)]
    figures["batch_serial"] = summary(
        timed_runs(
            lambda: make_all_renditions(jobs, parallel=False), options.batch_runs, warm_up=False
        )
    )
    # Each parallel run starts its own pool, as a real export does: process start-up counts.
    figures["batch_parallel"] = summary(
        timed_runs(lambda: make_all_renditions(jobs, parallel=True), options.batch_runs, False)
    )
    figures["parallel_speed_up"] = (
        figures["batch_serial"]["median_s"] / figures["batch_parallel"]["median_s"]
    )
    figures["load_average_after"] = os.getloadavg()

    if options.json:
        print(json.dumps(figures, indent=2))
        return 0
    load = " ".join(f"{value:.2f}" for value in load_before)
    load_after = " ".join(f"{value:.2f}" for value in figures["load_average_after"])
    print(f"machine: {cores} CPU cores, load average {load} (1/5/15 min); after: {load_after}")
    print(
        f"Pillow {Image.__version__} (libjpeg-turbo {figures['libjpeg_turbo']}), "
        f"pyexiv2 {pyexiv2.__version__} (exiv2 {pyexiv2.__exiv2_version__})"
    )
    print(
        f"photo: {PHOTO_SIZE[0]} x {PHOTO_SIZE[1]} JPEG, {len(data) / 1e6:.1f} MB, "
        f"EXIF with GPS (generated in {generated_in:.1f} s)"
    )
    rows = [
        ("prepare_photo (decode to thumbnail + display)", "prepare_photo"),
        ("make_renditions, 1 photo (4 widths x JPEG+WebP)", "make_renditions"),
        (f"make_all_renditions, {options.batch_size} photos, serial", "batch_serial"),
        (f"make_all_renditions, {options.batch_size} photos, {cores} processes", "batch_parallel"),
    ]
    for label, key in rows:
        row = figures[key]
        print(
            f"{label:<52} runs {row['runs']:>3}   median {shown(row['median_s'])}"
            f"   p95 {shown(row['p95_s'])}"
        )
    print(
        f"parallel speed-up (serial median / parallel median): {figures['parallel_speed_up']:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
