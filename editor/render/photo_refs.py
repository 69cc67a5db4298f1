"""How rendered HTML refers to the article's photos: the private marker our own figures carry
through the sanitiser, and the caller's photo addresses. The body's own ``photo:`` scheme is
``editor.model.photos.PHOTO_SCHEME``."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from editor.model.article import Article, ImageRef


@dataclass(frozen=True)
class PhotoSource:
    """A photo's address with its responsive alternatives (``srcset``/``sizes``), for pages
    that ship several renditions; a plain string is just the ``src``."""

    src: str
    srcset: str = ""
    sizes: str = ""


PhotoUrl = Callable[[ImageRef], "str | PhotoSource"]


def photo_src(source: str | PhotoSource) -> str:
    return source.src if isinstance(source, PhotoSource) else source


# The address our own photos carry between rendering and URL resolution. The secret part keeps
# raw HTML typed in the body from passing itself off as one of our figures; it never reaches
# the output (every marker is replaced), so output stays deterministic.
PHOTO_MARKER_SCHEME = "dateline-photo"
PHOTO_MARKER = f"{PHOTO_MARKER_SCHEME}:{secrets.token_hex(8)}/"
MISSING_PHOTO_TEXT = "Photo not in the story package: "


@dataclass(frozen=True)
class PhotoLookup:
    """The article's photos by id, and how the caller addresses a present photo's file.

    The preview shows an image it has no file for as a placeholder naming it, for the reporter;
    with ``omit_missing`` (every export) such an image is left out: a reader is never shown the
    editor's placeholder, and a ``photo:`` address never leaves the editor. Exports only get
    there after the reporter chose to send the story without those photos
    (``editor.export.missing_photos``).

    ``lead_id`` is the lead photo of a page that shows it on top (the page header, a Word or NITF
    document's first figure, a WordPress post's featured image): the body leaves out its
    placements, so the lead photo leads wherever the body places it and is never shown twice.
    The body text keeps the placement, so the photo is back in its place once it no longer
    leads."""

    photos: Mapping[str, ImageRef]
    photo_url: PhotoUrl
    omit_missing: bool = False
    lead_id: str | None = None

    @classmethod
    def of(
        cls,
        photos: Iterable[ImageRef],
        photo_url: PhotoUrl,
        *,
        omit_missing: bool = False,
        lead_id: str | None = None,
    ) -> PhotoLookup:
        return cls({image.id: image for image in photos}, photo_url, omit_missing, lead_id)

    @classmethod
    def for_page(
        cls, article: Article, photo_url: PhotoUrl, *, omit_missing: bool = False
    ) -> PhotoLookup:
        """The article's photos for a page that shows its lead photo on top."""
        lead = article.featured_photo()
        return cls.of(
            article.photos,
            photo_url,
            omit_missing=omit_missing,
            lead_id=lead.id if lead is not None else None,
        )

    def leads(self, photo_id: str | None) -> bool:
        """Whether ``photo_id`` is the lead photo, whose placements the body leaves out."""
        return photo_id is not None and photo_id == self.lead_id

    def get(self, photo_id: str) -> ImageRef | None:
        return self.photos.get(photo_id)

    def present(self, photo_id: str) -> ImageRef | None:
        """The photo if its file is in the package, else None."""
        image = self.photos.get(photo_id)
        return None if image is None or image.missing else image
