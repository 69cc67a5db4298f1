"""The one error the media layer raises: a photo refused, told in a reporter's words."""

from __future__ import annotations

from pathlib import PurePath

# A hostile file name must not break the one-line message or flood the window.
_MAX_NAME_CHARS = 120


class MediaError(Exception):
    """A photo that cannot be used; ``str(error)`` is one line naming the file and the reason.

    The message is the only argument, so the error pickles unchanged across a process pool.
    """


def display_name(name: str) -> str:
    """The file's own name (no folders), on one line and of reasonable length."""
    base = PurePath(name.replace("\\", "/")).name or name
    printable = "".join(char if char.isprintable() else " " for char in base)
    one_line = " ".join(printable.split()) or "the photo"
    if len(one_line) > _MAX_NAME_CHARS:
        one_line = one_line[: _MAX_NAME_CHARS - 1] + "…"
    return one_line


def not_a_photo(name: str, reason: str) -> MediaError:
    return MediaError(f"{display_name(name)} is not a photo: {reason}")


def not_supported(name: str, reason: str) -> MediaError:
    return MediaError(f"{display_name(name)} is not supported: {reason}")


def damaged(name: str, reason: str) -> MediaError:
    return MediaError(f"{display_name(name)} is damaged: {reason}")


def refused(name: str, reason: str) -> MediaError:
    return MediaError(f"{display_name(name)} was refused: {reason}")
