"""The preview reads lists, bare addresses and ``~~struck~~`` text as Hugo (CommonMark) does.

The expected HTML is what Hugo 0.111 (Goldmark) makes of each body; tests/export/
test_hugo_parity.py builds the same bodies with Hugo itself.
"""

from __future__ import annotations

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.render.list_indent import commonmark_lists
from editor.render.markdown import BodyRenderer
from editor.render.photo_refs import PhotoLookup

NO_PHOTOS = PhotoLookup({}, lambda image: "")


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    return BodyRenderer()


def shape(fragment: str) -> str:
    """The element structure and text, whitespace between elements aside."""
    root = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)

    def walk(element) -> str:  # type: ignore[no-untyped-def]
        inner = (element.text or "").strip()
        for child in element:
            inner += walk(child) + (child.tail or "").strip()
        return f"<{element.tag}>{inner}</{element.tag}>"

    return "".join(walk(child) for child in root)


LISTS = {
    "two spaces nest a bullet": (
        "- one\n  - two\n    - three\n- four",
        "<ul><li>one<ul><li>two<ul><li>three</li></ul></li></ul></li><li>four</li></ul>",
    ),
    "four spaces still nest": (
        "- one\n    - two\n- three",
        "<ul><li>one<ul><li>two</li></ul></li><li>three</li></ul>",
    ),
    "three spaces nest under a number": (
        "1. one\n   1. sub\n2. two",
        "<ol><li>one<ol><li>sub</li></ol></li><li>two</li></ol>",
    ),
    "two spaces under a number do not nest": (
        "1. one\n  - sub\n2. two",
        "<ol><li>one</li></ol><ul><li>sub</li></ul><ol><li>two</li></ol>",
    ),
    "a list right under text": ("Text\n- a\n- b", "<p>Text</p><ul><li>a</li><li>b</li></ul>"),
    "numbers under text only from 1": ("In 2024\n2. x", "<p>In 2024\n2. x</p>"),
    "bullets turning into numbers": ("- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>"),
    "an item's second paragraph at two spaces": (
        "- item\n\n  second",
        "<ul><li><p>item</p><p>second</p></li></ul>",
    ),
    "text back at the margin ends the list": (
        "- item\n\nafter",
        "<ul><li>item</li></ul><p>after</p>",
    ),
    "code in an item": (
        "- item\n\n      code",
        "<ul><li>item<pre><code>code</code></pre></li></ul>",
    ),
    "a heading under an item ends the list": ("- a\n# H", "<ul><li>a</li></ul><h2>H</h2>"),
    "a rule is not an item": ("text\n\n* * *\n\n- a", "<p>text</p><hr></hr><ul><li>a</li></ul>"),
    "indented code is not a list": ("    - code", "<pre><code>- code</code></pre>"),
}


@pytest.mark.parametrize(("body", "expected"), LISTS.values(), ids=LISTS.keys())
def test_lists_render_as_commonmark_reads_them(
    renderer: BodyRenderer, body: str, expected: str
) -> None:
    assert shape(renderer.render(body, NO_PHOTOS).html) == expected


def test_the_body_is_not_changed_only_read() -> None:
    lines = ["- one", "  - two"]
    assert commonmark_lists(lines) == ["- one", "    - two"]
    assert lines == ["- one", "  - two"]


@given(st.lists(st.text(alphabet="ab #>`", max_size=12), max_size=8))
def test_text_without_list_items_is_left_alone(lines: list[str]) -> None:
    assert commonmark_lists(lines) == lines


WEB_TEXT = {
    "an address and its full stop": (
        "See https://www.efe.com/es/a?b=1.",
        '<p>See <a href="https://www.efe.com/es/a?b=1">https://www.efe.com/es/a?b=1</a>.</p>',
    ),
    "www. and a comma": (
        "at www.efe.com, today",
        '<p>at <a href="https://www.efe.com">www.efe.com</a>, today</p>',
    ),
    "an e-mail address": (
        "write to press@efe.com!",
        '<p>write to <a href="mailto:press@efe.com">press@efe.com</a>!</p>',
    ),
    "parentheses around and inside": (
        "(http://x.org/a_(b)) ok",
        '<p>(<a href="http://x.org/a_(b)">http://x.org/a_(b)</a>) ok</p>',
    ),
    "no dot, no link": ("http://localhost:8080/x", "<p>http://localhost:8080/x</p>"),
    "a link's text is not linked again": (
        "[https://a.org](https://b.org)",
        '<p><a href="https://b.org">https://a.org</a></p>',
    ),
    "raw link's text is not linked again": (
        '<a href="https://b.org">https://a.org</a>',
        '<p><a href="https://b.org">https://a.org</a></p>',
    ),
    "code stays code": ("`https://x.org`", "<p><code>https://x.org</code></p>"),
    "struck text": (
        "~~two~~ and a~~b~~c, not ~5 km",
        "<p><del>two</del> and a<del>b</del>c, not ~5 km</p>",
    ),
}


@pytest.mark.parametrize(("body", "expected"), WEB_TEXT.values(), ids=WEB_TEXT.keys())
def test_bare_addresses_and_struck_text(renderer: BodyRenderer, body: str, expected: str) -> None:
    rendered = renderer.render(body, NO_PHOTOS).html.replace(' rel="noopener noreferrer"', "")
    assert rendered == expected
