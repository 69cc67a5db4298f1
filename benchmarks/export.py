"""Export every format of a story with 20 photos of 24 megapixels; renditions serial vs parallel.

Builds a 3,000-word story with 20 placed photos (a generated 6000 x 4000 camera JPEG, about
8-9 MB, see benchmarks/photos.py), then times:

1. each registered format's ``export`` to a temporary folder, cold (the rendition store
   emptied before each run: every photo copy is made; median of ``--runs``) and warm (the
   copies already in the store, as after the window or a first export made them; median and
   p95 of ``--warm-runs``), with the output's size;
2. the photo renditions the web export makes (four widths, JPEG) for the 20 photos, in one
   process and in worker processes, as ``make_photo_copies`` runs them on an empty store; the
   same with a WebP beside each JPEG, as exports made them before they were JPEG only; and
   ``make_photo_copies`` on a full store.

The rendition store lives in a temporary cache folder (``XDG_CACHE_HOME``), never the user's.
Prints the machine's core count and load average. Never fails on time.

    .venv/bin/python benchmarks/export.py [--runs 1] [--warm-runs 3] [--photos 20]
        [--formats html,web] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# The rendition store is emptied between runs: never the user's own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="dateline-export-bench-cache-")
sys.path.insert(0, str(Path(__file__).parent))

from photos import camera_jpeg  # the benchmark folder is not a package
from preview_latency import WORDS

from editor.export import get_exporter, list_formats
from editor.export.base import ExportOptions
from editor.export.photo_copies import make_photo_copies
from editor.media.attach import store_photo
from editor.media.probe import prepare_photo
from editor.media.rendition_store import RenditionStore
from editor.media.renditions import RENDITION_WIDTHS
from editor.model.article import Article, Dateline, ImageRef
from editor.model.media_store import MediaStore


def story_with_photos(count: int) -> tuple[Article, MediaStore]:
    """A 3,000-word story with ``count`` different 24-megapixel photos placed in its body."""
    media = MediaStore()
    article = Article(
        headline="Mexico pushes back migrant caravan",
        dek="Authorities keep 1,500 migrants from leaving Chiapas.",
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(place="Tapachula", country="Mexico", source="EFE"),
        tags=["migration", "Mexico"],
        sign_off="jmb/dgp/mcd",
        end_mark="EFE",
    )
    paragraphs = [" ".join(WORDS[(n + k) % len(WORDS)] for k in range(60)) for n in range(50)]
    for number in range(count):
        data = camera_jpeg(seed=number)  # a different photo each: the store keeps one per file
        prepared = prepare_photo(data, f"p{number + 1}.jpg")
        image_path = store_photo(media, data, prepared)
        article.photos.append(
            ImageRef(
                id=f"p{number + 1}",
                original_name=f"p{number + 1}.jpg",
                media_path=image_path,
                format=prepared.format,
                width=prepared.width,
                height=prepared.height,
                caption=f"Migrants on the road, photo {number + 1}",
                credit="EFE/Juan Manuel Blanco",
                alt="People walk along a highway",
                featured=number == 0,
            )
        )
    blocks = [paragraph.capitalize() + "." for paragraph in paragraphs]
    for number in range(count, 0, -1):  # from the end, so earlier positions stay put
        blocks.insert(min(len(blocks), number * 2), f"![](photo:p{number})")
    article.body = "\n\n".join(blocks)
    return article, media


def folder_size(folder: Path) -> int:
    """Everything the export wrote (ninjs puts its photos in a folder beside the file)."""
    return sum(item.stat().st_size for item in folder.rglob("*") if item.is_file())


def empty_rendition_store() -> None:
    shutil.rmtree(RenditionStore.for_user().folder, ignore_errors=True)


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def export_once(name: str, article: Article, media: MediaStore) -> tuple[float, int]:
    exporter = get_exporter(name)
    folder = Path(tempfile.mkdtemp(prefix="dateline-export-bench-"))
    out = folder / f"story{exporter.extension}"
    started = time.perf_counter()
    exporter.export(article, media, out, ExportOptions())
    elapsed = time.perf_counter() - started
    size = folder_size(folder)
    shutil.rmtree(folder)
    return elapsed, size


def time_format(
    name: str, article: Article, media: MediaStore, runs: int, warm_runs: int
) -> dict[str, float]:
    """Cold runs (an empty rendition store each time), then warm ones (the store as the last
    cold run left it). ``median_s`` is the cold median, as it was before there was a store."""
    cold = []
    size = 0
    for _ in range(runs):
        empty_rendition_store()
        elapsed, size = export_once(name, article, media)
        cold.append(elapsed)
    warm = [export_once(name, article, media)[0] for _ in range(warm_runs)]
    figures: dict[str, float] = {"median_s": statistics.median(cold), "runs": runs, "bytes": size}
    figures["cold_median_s"] = statistics.median(cold)
    if warm:
        figures["warm_median_s"] = statistics.median(warm)
        figures["warm_p95_s"] = p95(warm)
        figures["warm_runs"] = warm_runs
    return figures


def time_renditions(
    article: Article,
    media: MediaStore,
    parallel: bool,
    formats: tuple[str, ...] = ("JPEG",),
    *,
    warm: bool = False,
) -> float:
    """``make_photo_copies`` of the web export's widths, on an empty store unless ``warm``."""
    if not warm:
        empty_rendition_store()
    started = time.perf_counter()
    options = ExportOptions(parallel=parallel)
    make_photo_copies(article, media, RENDITION_WIDTHS, options, formats=formats)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="cold exports per format")
    parser.add_argument("--warm-runs", type=int, default=3, help="warm exports per format")
    parser.add_argument("--photos", type=int, default=20, help="24-megapixel photos")
    parser.add_argument("--formats", help="comma-separated formats (default: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args(argv)
    names = options.formats.split(",") if options.formats else [n for n, _ in list_formats()]
    if "pdf" in names:
        from editor.app import create_application

        app = create_application(["benchmark"])  # the PDF proof prints through Qt WebEngine
    load_before = os.getloadavg()
    started = time.perf_counter()
    article, media = story_with_photos(options.photos)
    figures: dict[str, object] = {
        "cores": os.cpu_count(),
        "load_average_before": load_before,
        "photos": options.photos,
        "story_built_s": time.perf_counter() - started,
    }
    formats = {
        name: time_format(name, article, media, options.runs, options.warm_runs) for name in names
    }
    figures["formats"] = formats
    serial = time_renditions(article, media, parallel=False)
    parallel = time_renditions(article, media, parallel=True)
    warm = time_renditions(article, media, parallel=True, warm=True)
    with_webp = time_renditions(article, media, parallel=True, formats=("JPEG", "WEBP"))
    figures["renditions"] = {
        "serial_s": serial,
        "parallel_s": parallel,
        "speed_up": serial / parallel,
        "parallel_with_webp_s": with_webp,
        "warm_s": warm,
    }
    load_after = os.getloadavg()
    figures["load_average_after"] = load_after
    if options.json:
        print(json.dumps(figures, indent=2))
        return 0
    load = " ".join(f"{value:.2f}" for value in load_before)
    print(f"machine: {os.cpu_count()} CPU cores, load average {load} (1/5/15 min)")
    print(
        f"story: {options.photos} photos of 6000 x 4000, built in {figures['story_built_s']:.1f} s"
    )
    for name, result in formats.items():
        warm_figures = (
            f"  warm {result['warm_median_s']:6.2f} s, p95 {result['warm_p95_s']:6.2f} s"
            f" (of {result['warm_runs']})"
            if "warm_median_s" in result
            else ""
        )
        print(
            f"  {name:<10} cold {result['median_s']:7.2f} s  (median of {result['runs']})"
            f"{warm_figures}  {result['bytes'] / 1e6:8.2f} MB"
        )
    print(
        f"renditions of {options.photos} photos ({len(RENDITION_WIDTHS)} widths, JPEG):"
        f" serial {serial:.2f} s, parallel {parallel:.2f} s, {serial / parallel:.2f}x;"
        f" JPEG + WebP in parallel {with_webp:.2f} s; from the store {warm:.2f} s"
    )
    print(f"load average after: {' '.join(f'{value:.2f}' for value in load_after)}")
    if "pdf" in names:
        del app
    shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
