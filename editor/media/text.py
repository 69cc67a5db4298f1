"""Text taken from photo files is hostile: clean it before it reaches a field or a page."""

from __future__ import annotations

import unicodedata

MAX_FIELD_CHARS = 2_000
MAX_KEYWORDS = 100


def clean_text(value: str, *, multiline: bool = False) -> str:
    """``value`` without NUL and other control characters, trimmed and capped in length.

    Lone surrogates (a hostile article.json can spell them as JSON escapes) go too: they are not
    text, and no metadata encoding can carry them.

    Line breaks survive only in ``multiline`` fields (captions); elsewhere, as tabs do, they
    become spaces, so a field stays one line.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in value:
        if char == "\n" and multiline:
            kept.append(char)
        elif char in "\n\t":
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cs"):
            kept.append(char)
    text = "".join(kept)
    if multiline:
        text = "\n".join(line.strip() for line in text.split("\n"))
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
    return text.strip()[:MAX_FIELD_CHARS].strip()


def clean_keywords(values: list[str]) -> tuple[str, ...]:
    """Non-empty, de-duplicated keywords in their order, at most ``MAX_KEYWORDS``."""
    keywords: list[str] = []
    for value in values:
        keyword = clean_text(value)
        if keyword and keyword not in keywords:
            keywords.append(keyword)
            if len(keywords) == MAX_KEYWORDS:
                break
    return tuple(keywords)


def decode_legacy_text(raw: bytes) -> str:
    """Bytes in an unknown encoding: UTF-8 when they are valid UTF-8, else Windows-1252.

    Windows-1252 leaves five byte values undefined; those files are read as Latin-1.
    """
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def repair_latin1_text(value: str) -> str:
    """Undo a UTF-8 string that was read as Latin-1 (Pillow reads EXIF text that way).

    Cameras and phones write UTF-8 into EXIF's ASCII fields; a string that re-encodes to valid
    UTF-8 was almost certainly that.
    """
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value
