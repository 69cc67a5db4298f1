"""Plain prose rendered without Markdown must come out exactly as Markdown renders it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.model.article import ImageRef
from editor.render.markdown import BodyRenderer, Definitions, PhotoLookup
from editor.render.plain_block import plain_block_html
from tests.locations import DATA

NO_PHOTOS = PhotoLookup.of([], lambda image: "")
STORIES = ["caravan-efe.md", "ar_efe_cairo.md", "en_wikinews_crane.md", "zh_wikinews_tiktok.md"]


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    return BodyRenderer()


def through_markdown(renderer: BodyRenderer, parts: list[str], **options: object):
    """What ``render_parts`` gives when every part goes through Markdown."""
    return renderer._render_parts_with_markdown(
        parts,
        NO_PHOTOS,
        str(options.get("end_mark", "")),
        int(options.get("end_mark_part", 0)),  # type: ignore[call-overload]
        options.get("definitions"),  # type: ignore[arg-type]
    )


def story_paragraphs(name: str) -> list[str]:
    """The story's lines after its front matter (these files put a paragraph on each line)."""
    text = (DATA / name).read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return [line for line in text.splitlines() if line.strip()]


# Prose, and every character Markdown, the sanitiser or the page might treat specially.
SPECIAL = [
    *"\\`*_{}[]<>#|~&@^:!=+-.()'\"0123456789",
    "\xa0",  # no-break space: the sanitiser writes it as &nbsp;
    "\t",
    "\n",
    "\r",
    "\u200c",  # zero-width non-joiner, in Persian and Arabic words
    "\u200f",
    "\x00",
    "\x02",
    "\ufeff",
    "\u2028",
    "www.",
    "http://",
    "a@b.co",
    "> ",
    "  ",
    "“",
    "”",
    "¿",
    "«",
]
WORDS = ["the", "caravan", "Tapachula", "migrantes", "القاهرة", "移民", "北京", "。", "é", "Ⅻ", "ǅ"]
prose = st.lists(st.sampled_from(WORDS + SPECIAL + [" "] * 6), max_size=14).map("".join)
# Mostly what the shortcut takes (lines that start with a word), now and then with a character
# that must send it to Markdown, on one line or several, quoted or not.
line = st.tuples(
    st.sampled_from(WORDS), st.lists(st.sampled_from(WORDS * 3 + [" "] * 10 + SPECIAL), max_size=10)
).map(lambda parts: parts[0] + "".join(parts[1]))
lines = st.lists(st.tuples(st.booleans(), line), min_size=1, max_size=3).map(
    lambda found: "\n".join(("> " if quoted else "") + text for quoted, text in found)
)
blocks = st.one_of(prose, lines)


@settings(max_examples=1500, deadline=None)
@given(blocks)
def test_an_accepted_block_renders_as_markdown_renders_it(renderer: BodyRenderer, text: str):
    html = plain_block_html(text)
    if html is not None:
        assert html == through_markdown(renderer, [text]).parts[0].html


@settings(max_examples=150, deadline=None)
@given(st.lists(blocks, min_size=1, max_size=5), st.data())
def test_parts_mixed_with_markup_render_as_markdown_renders_them(
    renderer: BodyRenderer, parts: list[str], data: st.DataObject
):
    parts = [part for part in parts if part.strip()] or ["A line"]
    parts += ["Read the note[^n].", "[^n]: A footnote.", "*Emphasis* and a [link][inm]."]
    end_mark_part = data.draw(st.integers(0, len(parts) - 1))
    definitions = Definitions(references={"inm": ("https://www.gob.mx/inm", "")})
    options = {"end_mark": "EFE", "end_mark_part": end_mark_part, "definitions": definitions}
    expected = through_markdown(renderer, parts, **options)
    got = renderer.render_parts(
        parts,
        NO_PHOTOS,
        end_mark="EFE",
        end_mark_part=end_mark_part,
        definitions=definitions,
    )
    assert got == expected


@pytest.mark.parametrize("name", STORIES)
def test_real_stories_paragraphs_are_mostly_plain_and_render_the_same(
    renderer: BodyRenderer, name: str
):
    paragraphs = story_paragraphs(name)
    accepted = [text for text in paragraphs if plain_block_html(text) is not None]
    for text in accepted:
        assert plain_block_html(text) == through_markdown(renderer, [text]).parts[0].html
    # The point of the shortcut: most of a wire story's paragraphs take it.
    assert len(accepted) >= len(paragraphs) // 3, (len(accepted), len(paragraphs))


@pytest.mark.parametrize(
    "text",
    [
        "1. A numbered line",
        "- A bulleted line",
        "## A subhead",
        "A line with *emphasis*",
        "More at www.efe.com today",
        "Write to press@efe.com",
        "Tom & Jerry",
        "Una\xa0frase",
        "A line  \nbroken",
        "A line\n- and a list",
        "A line\n===",
        "A line\n> and a quote",
        "> A quote\n> > nested",
        " Indented",
        ">Quote without its space",
        "",
    ],
)
def test_markup_is_left_to_markdown(text: str):
    assert plain_block_html(text) is None


def test_a_plain_quote_and_paragraph(renderer: BodyRenderer):
    assert plain_block_html("“We walk,” she said.") == "<p>“We walk,” she said.</p>"
    assert plain_block_html("A word typed ") == "<p>A word typed </p>"
    assert plain_block_html("> “We walk,” she said.") == (
        "<blockquote>\n<p>“We walk,” she said.</p>\n</blockquote>"
    )


def test_lines_of_a_paragraph_keep_their_breaks_but_between_chinese_characters():
    assert plain_block_html("A line\nand another") == "<p>A line\nand another</p>"
    assert plain_block_html("> A quote\ngoes on\n> and on") == (
        "<blockquote>\n<p>A quote\ngoes on\nand on</p>\n</blockquote>"
    )
    assert plain_block_html("北京\n消息") == "<p>北京消息</p>"


def test_abbreviations_turn_the_shortcut_off(renderer: BodyRenderer):
    definitions = Definitions(abbreviations={"INM": "Instituto Nacional de Migración"})
    got = renderer.render_parts(["The INM said so."], NO_PHOTOS, definitions=definitions)
    assert '<abbr title="Instituto Nacional de Migración">INM</abbr>' in got.parts[0].html


def test_an_abbreviation_defined_among_the_parts_turns_the_shortcut_off(renderer: BodyRenderer):
    parts = ["*[INM]: Instituto Nacional de Migración", "The INM said so."]
    got = renderer.render_parts(parts, NO_PHOTOS)
    assert '<abbr title="Instituto Nacional de Migración">INM</abbr>' in got.parts[1].html
    assert got == through_markdown(renderer, parts)


def test_the_part_holding_the_end_mark_goes_through_markdown(renderer: BodyRenderer):
    got = renderer.render_parts(
        ["First words.", "Last words."], NO_PHOTOS, end_mark="EFE", end_mark_part=1
    )
    assert got.parts[0].html == "<p>First words.</p>"
    assert "EFE" in got.parts[1].html
    assert got == through_markdown(
        renderer, ["First words.", "Last words."], end_mark="EFE", end_mark_part=1
    )


def test_photos_are_never_taken_for_prose(renderer: BodyRenderer):
    photos = PhotoLookup.of([ImageRef(id="p1", original_name="p1.jpg")], lambda image: "")
    got = renderer.render_parts(["![](photo:p1)"], photos)
    assert got.parts[0].placed_photo_ids == frozenset({"p1"})
