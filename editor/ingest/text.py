"""Reading a story file's text, the error that refuses an import, and shared text helpers."""

from __future__ import annotations

import re
from pathlib import Path

# A 5,000,000-character body (the model's limit) is at most 20 MB of UTF-8.
MAX_TEXT_BYTES = 20 * 1024 * 1024


class IngestError(Exception):
    """The file cannot be imported at all; the message is one line for the reporter."""


# --- reading the text ---------------------------------------------------------------------------


def _read_text_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            reason = "it does not exist" if not path.exists() else "it is not a regular file"
            raise IngestError(f"Cannot read {path.name}: {reason}")
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise IngestError(f"Cannot import {path.name}: it is larger than 20 MB")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"Cannot read {path.name}: {error.strerror or error}") from None


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise IngestError(f"{name} is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{name} is not UTF-8 text (unexpected byte at position {error.start}); "
            "save it as UTF-8 and import it again"
        ) from None


def _normalise_text(text: str) -> str:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise IngestError("This is a binary file, not text")
    if not text.strip():
        raise IngestError("There is no text to import")
    return text


# --- text helpers -------------------------------------------------------------------------------

_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")


def _plain(text: str) -> str:
    """Text without Markdown emphasis and with single spaces, for comparing copies of a line."""
    return " ".join(_EMPHASIS_RE.sub("", text).split())
