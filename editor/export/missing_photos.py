"""One rule for every export and publish: a story whose photos have no file is not sent by chance.

An imported story often names photos whose files never came with it (a web page's
``/wp-content/…`` images, a stringer's Markdown). The preview shows each as a placeholder for the
reporter; an export would otherwise leave a gap for readers (or, in Markdown, a ``photo:``
address Hugo publishes as a broken image) without a word. So exports and publishing refuse such
a story with one line naming the photos, unless the reporter chose to send it without them
(``--without-missing-photos``, or the window's question): then the photos are left out, their
placements taken from the body, and named (``left_out``).
"""

from __future__ import annotations

import dataclasses
import re

from editor.export.base import ExportError
from editor.model.article import Article, ImageRef
from editor.text.body_scan import scan_body

OPTION = "--without-missing-photos"
_SHOWN_NAMES = 5  # a long list is cut: the line must stay one line


class MissingPhotosError(ExportError):
    """The story has photos without their file and the reporter did not choose to leave them out."""

    def __init__(self, message: str, photos: list[ImageRef]) -> None:
        super().__init__(message)
        self.photos = photos


def photos_without_file(article: Article) -> list[ImageRef]:
    """The story's photo records whose file is not in the package, in the story's order."""
    return [image for image in article.photos if image.missing]


def describe(photos: list[ImageRef]) -> str:
    """``3 photos have no file: p1 Migrant-caravan-768x512.jpg, p2 …`` (one line)."""
    names = [_label(image) for image in photos[:_SHOWN_NAMES]]
    if len(photos) > _SHOWN_NAMES:
        names.append(f"and {len(photos) - _SHOWN_NAMES} more")
    count = "1 photo has" if len(photos) == 1 else f"{len(photos)} photos have"
    return f"{count} no file: {', '.join(names)}"


def refusal(photos: list[ImageRef], verb: str = "export") -> str:
    return f"{describe(photos)}; add the files or {verb} with {OPTION}"


def checked_for_export(
    article: Article, *, without_missing_photos: bool, verb: str = "export"
) -> Article:
    """``article`` when every photo has its file; else MissingPhotosError, or (having been told
    to go on without them) a copy without those photos and their placements. ``verb`` names
    what the reporter does in the refusal ("export", "publish")."""
    missing = photos_without_file(article)
    if not missing:
        return article
    if not without_missing_photos:
        raise MissingPhotosError(refusal(missing, verb), missing)
    return without_photos(article, {image.id for image in missing})


def without_photos(article: Article, photo_ids: set[str]) -> Article:
    """A copy of ``article`` without the photos ``photo_ids``: their records gone, and their
    placements taken out of the body (``without_placements``)."""
    return dataclasses.replace(
        article,
        body=without_placements(article.body, photo_ids),
        photos=[image for image in article.photos if image.id not in photo_ids],
    )


def without_placements(body: str, photo_ids: set[str]) -> str:
    """``body`` without the placements (outside code) of the photos ``photo_ids``, with the
    line when one stood alone."""
    pieces: list[str] = []
    position = 0
    for placed in scan_body(body).placements:
        if placed.photo_id not in photo_ids:
            continue
        start, end = placed.start, placed.end
        line_start, line_end = line_around(body, start, end)
        if not body[line_start:start].strip() and not _rest_of_line(body[end:line_end]):
            # The whole line goes, and the blank line after it: the paragraphs around it stay
            # one blank line apart, and a body that opened with the photo opens with its text.
            start, end = line_start, min(line_end + 1, len(body))
            if body.startswith("\n", end):
                end += 1
        pieces.append(body[position:start])
        position = end
    pieces.append(body[position:])
    return "".join(pieces)


def line_around(body: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding ``body[start:end]`` starts and ends (before its line break)."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    return line_start, len(body) if line_end < 0 else line_end


def _rest_of_line(text: str) -> str:
    """What follows a placement on its line, less an attribute list (``{: .wide}``)."""
    return re.sub(r"^\s*\{:?[^}\n]*\}", "", text).strip()


def _label(image: ImageRef) -> str:
    name = " ".join(image.original_name.split())
    return f"{image.id} {name}" if name else image.id
