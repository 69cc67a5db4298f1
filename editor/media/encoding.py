"""Writing RGB pixels as JPEG or WebP bytes.

Nothing of the source file's metadata is passed to the encoders (no ``exif=``, no ``icc_profile=``):
the output carries only the pixels, so no GPS position, camera serial number or owner name can
leak from an original into what is shown or published.
"""

from __future__ import annotations

import io

from PIL import Image


def jpeg_bytes(image: Image.Image, quality: int, *, progressive: bool = False) -> bytes:
    """A 4:2:0 JPEG; ``progressive`` ones are also Huffman-optimised (smaller, for the web)."""
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=quality,
        subsampling="4:2:0",
        progressive=progressive,
        optimize=progressive,
    )
    return buffer.getvalue()


def webp_bytes(image: Image.Image, quality: int) -> bytes:
    """A lossy WebP; libwebp's default effort, single-threaded, so the bytes are repeatable."""
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=quality, method=4)
    return buffer.getvalue()
