"""Photo operations on an article: place, remove, reorder, feature.

Plain Python shared by the window and ``dateline media``; adding a photo file (which needs the
file probed) is ``editor.media.attach``. The photo's record is the one place its
caption, credit, copyright and alt text live; the body only places it with ``![](photo:ID)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from editor.model.article import Article, ImageRef

# How the body places a photo: ![](photo:ID). The one definition: the body scan, the renderer
# and the checks import it from here.
PHOTO_SCHEME = "photo:"
# Alt text longer than this is read out in full by screen readers, to their users' annoyance.
ALT_TEXT_HINT = 125


def split_list(text: str) -> list[str]:
    """A photo's keywords or persons shown as typed ("migrants, caravan; border") -> items.

    Only commas and semicolons separate: "and" may be part of a keyword ("Arms and trade").
    """
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def join_list(items: list[str]) -> str:
    return ", ".join(items)


def placement(photo_id: str) -> str:
    """The Markdown that places a photo in the body."""
    return f"![]({PHOTO_SCHEME}{photo_id})"


def _placement_line_re(photo_id: str) -> re.Pattern[str]:
    return re.compile(
        rf"^[ \t]*!\[[^\]\n]*\]\({re.escape(PHOTO_SCHEME + photo_id)}\)[ \t]*\n?", re.M
    )


def next_photo_id(article: Article) -> str:
    return free_photo_id(image.id for image in article.photos)


def free_photo_id(ids: Iterable[str]) -> str:
    """An id none of ``ids`` has, numbered as the photos are (p1, p2...)."""
    taken = set(ids)
    number = len(taken) + 1
    while f"p{number}" in taken:
        number += 1
    return f"p{number}"


def photo_with_file(article: Article, media_path: str) -> ImageRef | None:
    return next((image for image in article.photos if image.media_path == media_path), None)


def remove_photo(article: Article, photo_id: str) -> tuple[ImageRef, int, str]:
    """Remove the record and its placements; returns what undo needs (record, index, old body)."""
    index = next(i for i, image in enumerate(article.photos) if image.id == photo_id)
    image = article.photos.pop(index)
    old_body = article.body
    article.body = _placement_line_re(photo_id).sub("", article.body)
    return image, index, old_body


def restore_photo(article: Article, image: ImageRef, index: int, body: str) -> None:
    article.photos.insert(min(index, len(article.photos)), image)
    article.body = body


def move_photo(article: Article, photo_id: str, new_index: int) -> None:
    index = next(i for i, image in enumerate(article.photos) if image.id == photo_id)
    image = article.photos.pop(index)
    article.photos.insert(max(0, min(new_index, len(article.photos))), image)


def set_featured(article: Article, photo_id: str | None) -> None:
    """At most one featured photo: it leads the piece and illustrates shares."""
    for image in article.photos:
        image.featured = image.id == photo_id
