"""The published copies of a photo: cropped, upright, sRGB, at a ladder of widths.

Every rendition is made from decoded pixels, so it carries none of the original's EXIF: no
GPS position, camera serial number, owner name or maker notes. What it does carry is written
in on purpose: the caption, by-line, credit and copyright (IPTC-IIM and XMP) and the alt text
(XMP). Same job in, same bytes out.

Widths never exceed the cropped photo: a 1,000-pixel-wide crop gets only the 768 rendition,
not a 1,000 one, so every published size is on the ladder the page's srcset expects. A crop
narrower than the smallest width gets one rendition at its own width. A copy taller than its
encoder allows (65,500 pixels for JPEG, 16,383 for WebP: a package made elsewhere can hold
such a ribbon of a picture) is shrunk to fit, so an export never fails on it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import TypeVar

from PIL import Image

from editor.media.colour import to_srgb
from editor.media.decode import (
    JPEG_MAX_SIDE,
    WEBP_MAX_SIDE,
    decode_first_frame,
    open_photo,
)
from editor.media.embed import NewsroomFields, embed_fields
from editor.media.encoding import jpeg_bytes, webp_bytes
from editor.media.errors import MediaError, display_name
from editor.media.orientation import make_upright
from editor.media.scaling import draft_scale, fit_within, to_width
from editor.model.article import Crop

RENDITION_WIDTHS = (768, 1024, 1536, 2048)
JPEG_QUALITY = 82
WEBP_QUALITY = 80

_EXTENSIONS = {"JPEG": "jpg", "WEBP": "webp"}
_MIME_TYPES = {"JPEG": "image/jpeg", "WEBP": "image/webp"}
_MAX_SIDES = {"JPEG": JPEG_MAX_SIDE, "WEBP": WEBP_MAX_SIDE}
# What one job makes: a photo's renditions, or their encodings.
_Made = TypeVar("_Made")
# How often a parallel run looks at ``cancelled`` while photos are being made.
_CANCEL_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    format: str  # "JPEG" or "WEBP"
    mime: str
    data: bytes

    @property
    def extension(self) -> str:
        return _EXTENSIONS[self.format]


@dataclass(frozen=True)
class RenditionJob:
    """Everything a worker process needs for one photo (it pickles: plain data only)."""

    photo_id: str
    data: bytes
    name: str
    crop: Crop | None
    # The newsroom's words and the desk's details (caption, credit, city...), written into
    # every copy.
    fields: NewsroomFields = field(default_factory=NewsroomFields)
    widths: tuple[int, ...] = RENDITION_WIDTHS
    formats: tuple[str, ...] = ("JPEG", "WEBP")  # the encodings wanted at each width


@dataclass(frozen=True)
class Encoding:
    """One rendition's pixels as JPEG or WebP bytes, before the newsroom fields are written in:
    what the rendition store keeps, since captions change often and pixels rarely.

    ``top`` is the widest width of the photo's ladder: the smaller widths are scaled from it,
    so the pixels at ``width`` depend on it, and on nothing else of the ladder.
    """

    top: int
    ladder_width: int  # the ladder's width this copy was made for
    format: str
    width: int
    height: int
    data: bytes


def rendition_plan(
    job: RenditionJob, upright_width: int | None = None
) -> tuple[Crop, list[int], int]:
    """The job's checked crop, the ladder widths its photo gets (``output_widths``) and the
    photo's upright width, read from its header unless ``upright_width`` (read before from the
    same bytes) is given; MediaError if the photo or the crop is unusable."""
    if upright_width is None:
        upright_width = open_photo(job.data, job.name).upright_size[0]
    crop, _, widths = _plan(upright_width, job)
    return crop, widths, upright_width


def _plan(upright_width: int, job: RenditionJob) -> tuple[Crop, float, list[int]]:
    crop = _checked_crop(job.crop, job.name)
    cropped_width = upright_width * (crop.right - crop.left)
    return crop, cropped_width, output_widths(job.widths, max(1, math.floor(cropped_width)))


def make_renditions(job: RenditionJob) -> list[Rendition]:
    """Each of ``job.formats`` (JPEG, WebP) at each width that fits, narrowest first;
    MediaError if the photo is unusable."""
    return finish_renditions(make_encodings(job), job)


def make_encodings(job: RenditionJob) -> list[Encoding]:
    """The pixels of every rendition of ``job``, encoded, width by width and format by format;
    the newsroom fields are not written in (``finish_renditions`` does that)."""
    photo = open_photo(job.data, job.name)
    crop, cropped_width, widths = _plan(photo.upright_size[0], job)
    if not widths:
        return []
    pixels = decode_first_frame(photo, draft_scale(cropped_width, max(widths)))
    picture = _cropped(make_upright(pixels, photo.orientation), crop)
    picture, _ = to_srgb(picture, photo.icc_profile)
    # Smaller widths come from the largest rendition, not the decoded pixels: two resampling
    # passes at most, and about a third less time than resizing the big picture four times.
    top = widths[-1]
    largest = to_width(picture, top)
    encodings: list[Encoding] = []
    for width in widths:
        sized = to_width(largest, width)
        for kind in job.formats:
            fitting = fit_within(sized, _MAX_SIDES[kind])
            encoded = _encoded(fitting, kind, job.name)
            encodings.append(Encoding(top, width, kind, fitting.width, fitting.height, encoded))
    return encodings


def finish_renditions(encodings: list[Encoding], job: RenditionJob) -> list[Rendition]:
    """The renditions of ``job`` from its encodings (as ``make_encodings`` orders them), with
    the newsroom fields written in. Ladder widths a tall photo shrank to the same size give one
    copy, the first."""
    renditions: list[Rendition] = []
    made: set[tuple[str, tuple[int, int]]] = set()
    for encoding in encodings:
        size = (encoding.width, encoding.height)
        if (encoding.format, size) not in made:
            made.add((encoding.format, size))
            renditions.append(_with_fields(encoding, job.name, job.fields))
    return renditions


def output_widths(widths: tuple[int, ...], cropped_width: int) -> list[int]:
    """The ladder widths that fit in ``cropped_width``, or the crop's own width if none does."""
    ladder = sorted({width for width in widths if width > 0})
    if not ladder or cropped_width < 1:
        return []
    fitting = [width for width in ladder if width <= cropped_width]
    return fitting or [cropped_width]


def make_all_renditions(
    jobs: list[RenditionJob],
    *,
    parallel: bool = True,
    max_workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, list[Rendition]]:
    """Renditions of many photos, keyed by photo id, serially or in worker processes.

    ``progress(done, total)`` and ``cancelled()`` are called from the calling thread. After a
    cancel, nothing more is started and the photos finished so far are returned. A photo that
    cannot be used stops the run: its MediaError is raised.
    """
    return run_jobs(
        make_renditions,
        jobs,
        parallel=parallel,
        max_workers=max_workers,
        progress=progress,
        cancelled=cancelled,
    )


def run_jobs(
    make: Callable[[RenditionJob], _Made],
    jobs: list[RenditionJob],
    *,
    parallel: bool = True,
    max_workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, _Made]:
    """``make(job)`` of many jobs, keyed by photo id, as ``make_all_renditions`` runs them;
    ``make`` is a module-level function (worker processes are given it by name)."""
    workers = max(1, min(max_workers or os.cpu_count() or 1, len(jobs)))
    if not parallel or workers == 1 or len(jobs) < 2:
        return _make_serially(make, jobs, progress, cancelled)
    return _make_in_processes(make, jobs, workers, progress, cancelled)


def _checked_crop(crop: Crop | None, name: str) -> Crop:
    if crop is None:
        return Crop()

    def clamp(value: float) -> float:
        return min(1.0, max(0.0, float(value)))

    left, top, right, bottom = (clamp(v) for v in (crop.left, crop.top, crop.right, crop.bottom))
    if right <= left or bottom <= top:
        raise MediaError(f"{display_name(name)} cannot be cropped: the crop leaves nothing")
    return Crop(left, top, right, bottom)


def _cropped(image: Image.Image, crop: Crop) -> Image.Image:
    """The crop as a pixel box, rounded outwards so no chosen pixel is lost."""
    width, height = image.size
    box = (
        min(width - 1, math.floor(crop.left * width)),
        min(height - 1, math.floor(crop.top * height)),
        max(1, math.ceil(crop.right * width)),
        max(1, math.ceil(crop.bottom * height)),
    )
    if box == (0, 0, width, height):
        return image
    return image.crop(box)


def _encoded(image: Image.Image, kind: str, name: str) -> bytes:
    try:
        if kind == "JPEG":
            return jpeg_bytes(image, JPEG_QUALITY, progressive=True)
        return webp_bytes(image, WEBP_QUALITY)
    except (OSError, ValueError) as error:  # an encoder's limit: say which photo it was
        raise MediaError(
            f"{display_name(name)}: its {image.width:,} x {image.height:,} published copy could"
            f" not be written ({' '.join(str(error).split())})"
        ) from error


def _with_fields(encoding: Encoding, name: str, fields: NewsroomFields) -> Rendition:
    kind = encoding.format
    try:
        data = embed_fields(encoding.data, fields, with_iptc=kind == "JPEG")
    except (RuntimeError, ValueError) as error:
        raise MediaError(
            f"{display_name(name)}: the caption and credit could not be written into its"
            f" published copies ({' '.join(str(error).split())})"
        ) from error
    return Rendition(encoding.width, encoding.height, kind, _MIME_TYPES[kind], data)


def _make_serially(
    make: Callable[[RenditionJob], _Made],
    jobs: list[RenditionJob],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> dict[str, _Made]:
    results: dict[str, _Made] = {}
    for done, job in enumerate(jobs, start=1):
        if cancelled and cancelled():
            break
        results[job.photo_id] = make(job)
        if progress:
            progress(done, len(jobs))
    return results


def _make_in_processes(
    make: Callable[[RenditionJob], _Made],
    jobs: list[RenditionJob],
    workers: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> dict[str, _Made]:
    """A process pool fed a few jobs ahead of the workers, so a cancel stops quickly and only
    a few photos' bytes wait in the pool's queue at any time.

    Workers are spawned, not forked: the window's process has Qt threads, and forking a
    threaded process can deadlock the child.
    """
    results: dict[str, _Made] = {}
    waiting: Iterator[RenditionJob] = iter(jobs)
    running: dict[Future[_Made], RenditionJob] = {}
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))

    def submit_next() -> None:
        job = next(waiting, None)
        if job is not None:
            running[pool.submit(make, job)] = job

    completed = False
    try:
        for _ in range(2 * workers):
            submit_next()
        while running:
            if cancelled and cancelled():
                return results
            done, _ = wait(running, timeout=_CANCEL_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in done:
                results[running.pop(future).photo_id] = future.result()
                if progress:
                    progress(len(results), len(jobs))
                submit_next()
        completed = True
        return results
    except BrokenProcessPool as error:
        # A decoder crashed its worker; which of the photos in hand did it is unknowable.
        names = ", ".join(display_name(job.name) for job in running.values())
        raise MediaError(
            f"{names}: the published copies could not be made (the worker process crashed)"
        ) from error
    finally:
        # After a cancel or an error, queued photos are dropped and running ones are not
        # waited for: their workers exit when they finish.
        pool.shutdown(wait=completed, cancel_futures=True)
