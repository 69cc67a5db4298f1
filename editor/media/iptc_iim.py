"""Reading the IPTC-IIM block photo desks fill in (caption, by-line, credit, place, keywords).

The block is a run of datasets: 0x1C, record number, dataset number, length, value. It is
parsed here rather than with Pillow's IptcImagePlugin because that one drops the whole block at
the first malformed dataset; this parser keeps every dataset before the damage.
"""

from __future__ import annotations

from PIL import Image

from editor.media.text import decode_legacy_text

Dataset = tuple[int, int]

CODED_CHARACTER_SET = (1, 90)
UTF8_DESIGNATION = b"\x1b%G"  # ISO 2022 escape sequence the IIM spec uses to say "UTF-8"
_TAG_MARKER = 0x1C
_PHOTOSHOP_IPTC_RESOURCE = 0x0404
_TIFF_IPTC_TAG = 33723


def iim_block(image: Image.Image) -> bytes | None:
    """The raw IIM bytes of an opened JPEG (Photoshop APP13) or TIFF (IPTC-NAA tag)."""
    photoshop = image.info.get("photoshop")
    if isinstance(photoshop, dict):
        block = photoshop.get(_PHOTOSHOP_IPTC_RESOURCE)
        if isinstance(block, bytes):
            return block
    tags = getattr(image, "tag_v2", None)
    if tags is None:
        return None
    try:
        value = tags.get(_TIFF_IPTC_TAG)
    except Exception:  # a damaged tag costs the IPTC fields, not the photo
        return None
    if isinstance(value, bytes):
        return value
    if isinstance(value, tuple) and all(isinstance(item, int) for item in value):
        # Photoshop types this tag as LONG, so Pillow hands back 4-byte integers.
        byteorder = "little" if tags.prefix == b"II" else "big"
        return b"".join((item & 0xFFFFFFFF).to_bytes(4, byteorder) for item in value)
    return None


def parse_iim(block: bytes) -> dict[Dataset, list[bytes]]:
    """Every dataset's values (repeatable datasets keep their order), up to any damage."""
    datasets: dict[Dataset, list[bytes]] = {}
    position = 0
    while position + 5 <= len(block) and block[position] == _TAG_MARKER:
        record, number = block[position + 1], block[position + 2]
        length = int.from_bytes(block[position + 3 : position + 5], "big")
        position += 5
        if length & 0x8000:
            # Extended dataset: the low bits give how many of the next bytes hold the length.
            size_bytes = length & 0x7FFF
            if not 0 < size_bytes <= 4 or position + size_bytes > len(block):
                break
            length = int.from_bytes(block[position : position + size_bytes], "big")
            position += size_bytes
        if position + length > len(block):
            break
        datasets.setdefault((record, number), []).append(block[position : position + length])
        position += length
    return datasets


class IimText:
    """Text values of a parsed IIM block, decoded as its coded character set says."""

    def __init__(self, datasets: dict[Dataset, list[bytes]]) -> None:
        self.datasets = datasets
        self.declares_utf8 = UTF8_DESIGNATION in b"".join(datasets.get(CODED_CHARACTER_SET, []))

    def _decode(self, raw: bytes) -> str:
        if self.declares_utf8:
            return raw.decode("utf-8", errors="replace")
        return decode_legacy_text(raw)

    def all(self, record: int, number: int) -> list[str]:
        return [self._decode(raw) for raw in self.datasets.get((record, number), [])]

    def first(self, record: int, number: int) -> str:
        values = self.all(record, number)
        return values[0] if values else ""


def read_iim_text(image: Image.Image) -> IimText:
    block = iim_block(image)
    return IimText(parse_iim(block) if block else {})
