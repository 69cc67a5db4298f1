"""Making pictures smaller, never larger, and cheaply where the format allows."""

from __future__ import annotations

from PIL import Image

# libjpeg can decode a JPEG directly at 1/2, 1/4 or 1/8 of its size, skipping most of the work.
JPEG_DRAFT_SCALES = (8, 4, 2, 1)

# Lanczos gives the sharpest downscale without aliasing: for what is published. The preview's
# display image uses bicubic, which looks the same on screen and takes a third less time; that
# resize is, after decoding, most of the time between dropping a photo and seeing it.
PUBLISH_FILTER = Image.Resampling.LANCZOS
PREVIEW_FILTER = Image.Resampling.BICUBIC


def draft_scale(available: float, needed: float) -> int:
    """The largest JPEG draft divisor that still leaves ``needed`` of ``available`` pixels."""
    for scale in JPEG_DRAFT_SCALES:
        if available / scale >= needed:
            return scale
    return 1


def fit_within(
    image: Image.Image, longest_side: int, resample: Image.Resampling = PUBLISH_FILTER
) -> Image.Image:
    """``image`` scaled so its longer side is at most ``longest_side`` (never enlarged)."""
    width, height = image.size
    if max(width, height) <= longest_side:
        return image
    factor = longest_side / max(width, height)
    size = (max(1, round(width * factor)), max(1, round(height * factor)))
    return image.resize(size, resample, reducing_gap=3.0)


def to_width(image: Image.Image, width: int) -> Image.Image:
    """``image`` at ``width`` pixels wide, keeping its shape (never enlarged)."""
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), PUBLISH_FILTER, reducing_gap=3.0)
