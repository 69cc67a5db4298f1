"""Turning whatever pixels a file holds into 8-bit sRGB for screens and the web.

Two steps, so the costly one can run on a reduced image: ``to_working_mode`` first (exotic
modes that cannot be resized well become L, LA, RGB, RGBA or CMYK), then, after resizing,
``to_srgb`` (transparency flattened onto white, colour profile converted to sRGB).
"""

from __future__ import annotations

import io
import logging
from typing import cast

from PIL import Image, ImageCms

logger = logging.getLogger(__name__)

WORKING_MODES = frozenset({"L", "LA", "RGB", "RGBA", "CMYK"})
_SIXTEEN_BIT_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
_WHITE = 255

TRANSPARENCY_NOTE = "transparent areas are shown on white"
CMYK_NOTE = "print (CMYK) colours were converted for screens"
PROFILE_NOTE = "its colour profile could not be used, so colours may be slightly off"


def to_working_mode(image: Image.Image) -> Image.Image:
    """An image in one of ``WORKING_MODES`` with the same picture."""
    mode = image.mode
    if mode in ("1", "L", "RGB") and "transparency" in image.info:
        # One colour marked transparent (PNG tRNS, GIF): make it a real alpha channel.
        return image.convert("RGBA" if mode == "RGB" else "LA")
    if mode in WORKING_MODES:
        return image
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode in _SIXTEEN_BIT_MODES:
        # Pillow's own conversion clips 16-bit values at 255 (a white picture); scale instead.
        return image.convert("I").point(lambda value: value / 257).convert("L")
    if mode in ("I", "F"):
        return _stretch_to_8_bit(image)
    if mode == "La":
        return image.convert("LA")
    if mode == "RGBa":
        return image.convert("RGBA")
    if mode == "1":
        return image.convert("L")
    return image.convert("RGB")  # RGBX, YCbCr, LAB, HSV


def _extrema(image: Image.Image) -> tuple[float, float]:
    """The lowest and highest value of a one-band image (Pillow's type covers every mode)."""
    low, high = cast(tuple[float, float], image.getextrema())
    return low, high


def has_transparency(image: Image.Image) -> bool:
    return image.mode in ("LA", "RGBA") and _extrema(image.getchannel("A"))[0] < _WHITE


def to_srgb(image: Image.Image, icc_profile: bytes | None) -> tuple[Image.Image, tuple[str, ...]]:
    """An RGB image in sRGB, and notes for the reporter about what had to change."""
    notes: list[str] = []
    if has_transparency(image):
        notes.append(TRANSPARENCY_NOTE)
    image = _flatten_onto_white(image)
    if image.mode == "CMYK":
        notes.append(CMYK_NOTE)
    if icc_profile:
        converted = _convert_to_srgb(image, icc_profile)
        if converted is None:
            notes.append(PROFILE_NOTE)
        else:
            image = converted
    return (image if image.mode == "RGB" else image.convert("RGB")), tuple(notes)


def _convert_to_srgb(image: Image.Image, icc_profile: bytes) -> Image.Image | None:
    """The image converted from its embedded profile; None when the profile is unusable."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        # Converting sRGB to sRGB changes nothing and costs a pass over every pixel.
        if ImageCms.getProfileDescription(source).strip().lower().startswith("srgb"):
            return image
        srgb = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        logger.info("colour profile not applied", exc_info=True)
        return None


def _flatten_onto_white(image: Image.Image) -> Image.Image:
    if image.mode not in ("LA", "RGBA"):
        return image
    opaque_mode = image.mode[:-1]
    background = Image.new(opaque_mode, image.size, _WHITE if opaque_mode == "L" else "white")
    background.paste(image.convert(opaque_mode), mask=image.getchannel("A"))
    return background


def _stretch_to_8_bit(image: Image.Image) -> Image.Image:
    """32-bit integer or float pixels (scientific TIFFs) spread over 0-255."""
    low, high = _extrema(image)
    if high <= low:
        return Image.new("L", image.size, 0)
    scale = 255 / (high - low)
    return image.convert("F").point(lambda value: value * scale - low * scale).convert("L")
