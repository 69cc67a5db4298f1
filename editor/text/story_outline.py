"""The story's outline: its headline, subheads and photo placements, in reading order.

Plain Python, read from the one scan of the body (``editor.text.body_scan``), so that the
window's Outline lists the same subheads the page renders and the same photos the page shows.
It runs in the worker: a 20,000-word body's scan takes longer than a keystroke may.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from editor.text.body_scan import scan_body


class EntryKind(Enum):
    HEADLINE = "headline"
    SUBHEAD = "subhead"
    PHOTO = "photo"


@dataclass(frozen=True)
class OutlineEntry:
    """One line of the outline.

    ``depth`` is how far it is indented: a ``#`` or ``##`` subhead (the page's h2) is 0, a
    ``###`` is 1, and so on; a photo sits one level under the subhead it follows. ``line`` is
    the 0-based line of the body where it starts (-1 for the headline, which is not in the
    body).
    """

    kind: EntryKind
    title: str
    depth: int
    line: int
    photo_id: str = ""


UNTITLED_HEADLINE = "(no headline yet)"


def subhead_depth(level: int) -> int:
    """Indentation of a subhead of Markdown ``level``: the body's # and ## are both h2."""
    return max(0, level - 2)


def story_outline(
    headline: str, body: str, photo_labels: Mapping[str, str]
) -> tuple[OutlineEntry, ...]:
    """The outline of a story: its headline, then its subheads and photo placements in the
    order they come. ``photo_labels`` names each photo by id (its caption or file name); a
    placement of a photo the story has not got is listed by its id."""
    scan = scan_body(body)
    entries = [OutlineEntry(EntryKind.HEADLINE, headline.strip() or UNTITLED_HEADLINE, 0, -1)]
    marks: list[tuple[int, OutlineEntry]] = []
    for subhead in scan.subheads:
        entry = OutlineEntry(
            EntryKind.SUBHEAD, subhead.title, subhead_depth(subhead.level), subhead.line - 1
        )
        marks.append((subhead.start, entry))
    for placement in scan.placements:
        label = photo_labels.get(placement.photo_id) or f"Photo {placement.photo_id} (missing)"
        # The depth is set below, once the subhead it follows is known.
        entry = OutlineEntry(EntryKind.PHOTO, label, 0, placement.line - 1, placement.photo_id)
        marks.append((placement.start, entry))
    section_depth = -1
    for _start, entry in sorted(marks, key=lambda mark: mark[0]):
        if entry.kind is EntryKind.SUBHEAD:
            section_depth = entry.depth
            entries.append(entry)
        else:
            entries.append(
                OutlineEntry(entry.kind, entry.title, section_depth + 1, entry.line, entry.photo_id)
            )
    return tuple(entries)


def photo_label(caption: str, original_name: str, photo_id: str) -> str:
    """How the outline names a photo: its caption's first line, else its file's name."""
    first_line = caption.strip().split("\n", 1)[0].strip()
    if first_line:
        return first_line
    name = original_name.replace("\\", "/").rsplit("/", 1)[-1]
    return name or f"Photo {photo_id}"


def section_at(entries: tuple[OutlineEntry, ...], line: int) -> int:
    """The index of the entry of the section holding body ``line``: the last subhead at or
    before it, or the headline (0) before the first subhead."""
    found = 0
    for index, entry in enumerate(entries):
        if entry.kind is EntryKind.SUBHEAD:
            if entry.line > line:
                break
            found = index
    return found
