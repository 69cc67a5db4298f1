"""What ``BodyRenderer`` gives back: a rendered body, rendered parts, the definitions a body
makes (``editor/render/markdown.py``; kept apart so that the shortcut for plain prose,
``plain_block.py``, and the incremental renderer use them without the renderer)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RenderedBody:
    html: str
    # Ids of every ``photo:`` image the body places, found or not, the lead photo's included
    # (whose placements are left out: PhotoLookup.lead_id); one inside code is code and places
    # nothing (editor.text.body_scan finds the same ids without rendering).
    placed_photo_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Definitions:
    """Link references and abbreviations as Python-Markdown holds them after reading a body.

    A definition made anywhere in a body applies everywhere in it, so a part of the body renders
    as it does in the whole only when it is given the whole body's definitions.
    """

    references: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # id: (url, title)
    abbreviations: Mapping[str, str] = field(default_factory=dict)  # abbreviation: title


@dataclass(frozen=True)
class RenderedPart:
    """One part of a body rendered with ``BodyRenderer.render_parts``."""

    html: str
    placed_photo_ids: frozenset[str]
    # What the end mark needs to know: whether the part holds a top-level element other than a
    # photo figure (the mark follows the last of those), and whether it holds a figure.
    has_text: bool
    has_figure: bool


@dataclass(frozen=True)
class RenderedParts:
    parts: list[RenderedPart]
    # The footnotes list Python-Markdown adds after the last part (empty html when none).
    footnotes: RenderedPart
    # The definitions the parts themselves make (whatever definitions the render was given).
    definitions: Definitions


class PartsNotIndependentError(ValueError):
    """The parts given to ``render_parts`` did not render as separate top-level blocks."""
