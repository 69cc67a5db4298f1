"""What the incremental renderer remembers of each block between renders.

A block's rendering is valid while its source, the document state it depends on (references,
abbreviations, end mark, photo data) and its photos are unchanged.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from editor.model.article import ImageRef
from editor.render.block_split import (
    Span,
)
from editor.render.markdown import Definitions
from editor.render.photo_refs import PhotoLookup, PhotoSource

# --- rendered blocks ----------------------------------------------------------------------------

PhotoState = tuple[object, ...]


def photo_state(photos: PhotoLookup, image: ImageRef) -> PhotoState:
    """Everything about a photo that shows in the body, whether it leads the page (the body
    leaves the lead photo out) included."""
    crop = image.crop
    url: str | PhotoSource | None = None
    if not image.missing:
        url = photos.photo_url(image)
    return (
        image.original_name,
        image.media_path,
        image.width,
        image.height,
        image.caption,
        image.credit,
        image.alt,
        None if crop is None else (crop.left, crop.top, crop.right, crop.bottom),
        url,
        photos.leads(image.id),
    )


@dataclass(frozen=True)
class Rendering:
    """A block's rendered HTML and what it was rendered from."""

    source: str
    context: object  # the definitions the block may use, when it was rendered
    end_mark: str
    photo_ids: tuple[str, ...]
    photos: tuple[PhotoState | None, ...]  # the state of those photos, when it was rendered
    html: str
    has_text: bool
    has_figure: bool


@dataclass(eq=False)
class Block:
    key: str
    span: Span
    rendering: Rendering | None = None
    reported: str | None = None  # the inner HTML last given to the caller (None: never given)
    reported_lines: tuple[int, int] = (-1, -1)  # the source lines last given to the caller

    @property
    def first(self) -> int:
        return self.span.first

    @property
    def last(self) -> int:
        return self.span.last

    def outer_html(self) -> str:
        inner = self.rendering.html if self.rendering is not None else ""
        first, last = self.span.first, self.span.last
        return (
            f'<div class="dl-block" data-key="{html.escape(self.key)}" data-line="{first}"'
            f' data-lines="{first}-{last}">{inner}</div>'
        )


@dataclass
class DocumentState:
    """What every block may depend on, as of the render in progress."""

    photos: PhotoLookup
    photo_states: dict[str, PhotoState]
    end_mark: str
    definitions: Definitions
    references_signature: tuple[object, ...]
    abbreviations: tuple[tuple[str, str], ...]

    def context_of(self, source: str) -> object:
        """The definitions a block with this source may use (all links, its abbreviations)."""
        references = self.references_signature if "[" in source else None
        abbreviations = tuple(item for item in self.abbreviations if item[0] in source)
        return references, abbreviations

    def photos_of(self, photo_ids: tuple[str, ...]) -> tuple[PhotoState | None, ...]:
        return tuple(self.photo_states.get(photo_id) for photo_id in photo_ids)


NO_PHOTOS = PhotoLookup({}, lambda image: "")
CACHE_SIZE = 4096  # renderings kept for blocks that come back (undo, a moved paragraph)


@dataclass
class FootnoteUnit:
    """The blocks that mention or define footnotes, rendered together, and the footnotes list."""

    signature: object = None
    block: Block | None = None  # the footnotes list, shown after the last block
