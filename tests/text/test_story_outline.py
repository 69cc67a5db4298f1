"""The story's outline and the body scan's subheads: the subheads the page renders, the photos
it places, in order."""

from __future__ import annotations

import re

from editor.render.markdown import BodyRenderer
from editor.render.photo_refs import PhotoLookup
from editor.text.body_scan import scan_body
from editor.text.story_outline import (
    UNTITLED_HEADLINE,
    EntryKind,
    photo_label,
    section_at,
    story_outline,
)

BODY = (
    "Intro paragraph.\n\n"
    "## Mexico wants migrants in the south\n\n"
    "```\n## not a subhead: code\n```\n\n"
    "    ## indented code, not a subhead\n\n"
    "![](photo:p1)\n\n"
    "### Closing hashes ###\n\n"
    "Setext subhead\n--------------\n\n"
    "Para one\n## inside a paragraph\n\n"
    "`## a code span` is text\n\n"
    "#hashtag line\n\n"
    "![alt](photo:p2)\n\n"
    "Title\n===\n\n"
    "> ## in a quote\n\n"
    "![](photo:gone)\n"
)


def _rendered_headings(body: str) -> list[tuple[int, str]]:
    html = BodyRenderer().render_body(body, PhotoLookup({}, lambda image: ""))
    return [(int(level), text) for level, text in re.findall(r"<h([2-6])>(.*?)</h\1>", html)]


def test_subheads_are_the_headings_the_page_renders() -> None:
    quote_free = BODY.replace("> ## in a quote\n\n", "")
    found = [(max(2, subhead.level), subhead.title) for subhead in scan_body(quote_free).subheads]
    assert found == _rendered_headings(quote_free)
    assert [subhead.title for subhead in scan_body(BODY).subheads] == [
        "Mexico wants migrants in the south",
        "Closing hashes",
        "Setext subhead",
        "inside a paragraph",
        "hashtag line",
        "Title",
    ]


def test_subhead_lines_and_offsets() -> None:
    scan = scan_body(BODY)
    lines = BODY.split("\n")
    for subhead in scan.subheads:
        assert subhead.title in lines[subhead.line - 1]
        assert BODY[subhead.start :].startswith(lines[subhead.line - 1])


def test_no_subheads_in_plain_text() -> None:
    assert scan_body("Just a paragraph.\n\nAnd another.").subheads == ()


def test_outline_lists_headline_subheads_and_photos_in_order() -> None:
    entries = story_outline(
        "Caravan reaches Huixtla", BODY, {"p1": "Migrants walk north", "p2": "A checkpoint"}
    )
    assert [(entry.kind, entry.title, entry.depth) for entry in entries] == [
        (EntryKind.HEADLINE, "Caravan reaches Huixtla", 0),
        (EntryKind.SUBHEAD, "Mexico wants migrants in the south", 0),
        (EntryKind.PHOTO, "Migrants walk north", 1),
        (EntryKind.SUBHEAD, "Closing hashes", 1),
        (EntryKind.SUBHEAD, "Setext subhead", 0),
        (EntryKind.SUBHEAD, "inside a paragraph", 0),
        (EntryKind.SUBHEAD, "hashtag line", 0),
        (EntryKind.PHOTO, "A checkpoint", 1),
        (EntryKind.SUBHEAD, "Title", 0),
        (EntryKind.PHOTO, "Photo gone (missing)", 1),
    ]
    lines = BODY.split("\n")
    photo = entries[2]
    assert photo.photo_id == "p1" and lines[photo.line] == "![](photo:p1)"
    assert lines[entries[1].line] == "## Mexico wants migrants in the south"


def test_photos_before_any_subhead_are_not_indented() -> None:
    entries = story_outline("", "![](photo:p1)\n\n## Later\n", {"p1": "First"})
    assert [(entry.title, entry.depth) for entry in entries] == [
        (UNTITLED_HEADLINE, 0),
        ("First", 0),
        ("Later", 0),
    ]


def test_photo_label_prefers_the_caption_then_the_file_name() -> None:
    assert photo_label("Migrants walk.\nSecond line", "a/b.jpg", "p1") == "Migrants walk."
    assert photo_label("  ", "C:\\photos\\huixtla.jpg", "p1") == "huixtla.jpg"
    assert photo_label("", "", "p7") == "Photo p7"


def test_section_at_is_the_last_subhead_at_or_before_the_line() -> None:
    entries = story_outline("H", "Intro\n\n## A\n\ntext\n\n![](photo:p1)\n\n## B\n\nmore", {})
    assert section_at(entries, 0) == 0  # before any subhead: the headline
    assert entries[section_at(entries, 2)].title == "A"
    assert entries[section_at(entries, 6)].title == "A"  # a photo is not a section
    assert entries[section_at(entries, 8)].title == "B"
    assert entries[section_at(entries, 10)].title == "B"
