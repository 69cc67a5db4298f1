"""Formatting the Markdown body as a word processor formats text (editor/text/markdown_format)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from editor.render.markdown import _NO_PHOTOS, shared_renderer
from editor.text.format_edits import body_lines, touched_lines
from editor.text.markdown_format import clear_formatting, toggle_bold, toggle_italic
from editor.text.markdown_lines import (
    toggle_bulleted,
    toggle_numbered,
    toggle_quote,
    toggle_subhead,
)
from editor.text.markdown_links import link_at, make_link, remove_link, web_address


def _selected(text: str) -> tuple[str, int, int]:
    """``text`` with the selection written as [[ ]] (or a cursor as |)."""
    if "|" in text:
        at = text.index("|")
        return text.replace("|", "", 1), at, at
    start = text.index("[[")
    end = text.index("]]") - 2
    return text.replace("[[", "", 1).replace("]]", "", 1), start, end


def _shown(result) -> str:
    """The result with its selection written back as [[ ]] (or |)."""
    if result.start == result.end:
        return result.text[: result.start] + "|" + result.text[result.start :]
    return (
        result.text[: result.start]
        + "[["
        + result.text[result.start : result.end]
        + "]]"
        + result.text[result.end :]
    )


def _do(operation, written: str, *extra):
    return _shown(operation(*_selected(written), *extra))


# --- bold and italic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a [[word]] here", "a **[[word]]** here"),
        ("a [[word ]]here", "a **[[word]]** here"),  # the marker never stands before a space
        ("a[[ word]] here", "a **[[word]]** here"),
        ("a **[[word]]** here", "a [[word]] here"),
        ("a [[**word**]] here", "a [[word]] here"),  # the markers selected with the word
        ("a wo|rd here", "a **wo|rd** here"),
        ("a **wo|rd** here", "a wo|rd here"),
        ("a **two wo|rds** here", "a two wo|rds here"),
        ("a __wo|rd__ here", "a wo|rd here"),
        ("a *wo|rd* here", "a ***wo|rd*** here"),
        ("end. |", "end. **|**"),
        ("end. **|**", "end. |"),
        ("un a|ño en España", "un **a|ño** en España"),
        ("中文 كل|مة", "中文 **كل|مة**"),
        ("在北京|举行", "**在北京|举行**"),
        ("don'|t go", "**don'|t** go"),
        ("a [[one **two** three]] b", "a **[[one two three]]** b"),
    ],
)
def test_bold(before: str, after: str) -> None:
    assert _do(toggle_bold, before) == after


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a [[word]] here", "a *[[word]]* here"),
        ("a *[[word]]* here", "a [[word]] here"),
        ("a _wo|rd_ here", "a wo|rd here"),
        ("a ***wo|rd*** here", "a **wo|rd** here"),
        ("a **wo|rd** here", "a ***wo|rd*** here"),
        ("Dijo: «[[sí]]»", "Dijo: «*[[sí]]*»"),
    ],
)
def test_italic(before: str, after: str) -> None:
    assert _do(toggle_italic, before) == after


def test_bold_across_paragraphs_marks_each_paragraph_and_toggles_back() -> None:
    text, start, end = _selected("one [[two\n\nthree four\n- five]]")
    bold = toggle_bold(text, start, end)
    assert bold.text == "one **two**\n\n**three four**\n- **five**"
    back = toggle_bold(bold.text, bold.start, bold.end)
    assert back.text == text


@pytest.mark.parametrize(
    "written",
    [
        "a `co|de` b",
        "a [[`code`]] b",
        "```\nco|de\n```",
        "a [text](http://ex|ample.org) b",
        "![](photo:p|1)",
    ],
)
def test_inline_formatting_leaves_code_addresses_and_photos_alone(written: str) -> None:
    text, start, end = _selected(written)
    for operation in (toggle_bold, toggle_italic):
        assert operation(text, start, end).text == text


def test_a_whole_link_can_be_bolded() -> None:
    assert _do(toggle_bold, "a [[[text](https://efe.com)]] b") == (
        "a **[[[text](https://efe.com)]]** b"
    )


# --- lines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation", "before", "after"),
    [
        (toggle_subhead, "A l|ine", "## A l|ine"),
        (toggle_subhead, "## A l|ine", "A l|ine"),
        (toggle_subhead, "### A l|ine", "## A l|ine"),
        (toggle_subhead, "- A l|ine", "## A l|ine"),
        (lambda t, s, e: toggle_subhead(t, s, e, 3), "## A l|ine", "### A l|ine"),
        (lambda t, s, e: toggle_subhead(t, s, e, 3), "### A l|ine", "A l|ine"),
        (toggle_quote, "[[one\ntwo]]", "[[> one\n> two]]"),
        (toggle_quote, "[[> one\n> two]]", "[[one\ntwo]]"),
        (toggle_quote, "[[> one\ntwo]]", "[[> > one\n> two]]"),
        (toggle_bulleted, "[[one\ntwo]]", "[[- one\n- two]]"),
        (toggle_bulleted, "[[- one\n- two]]", "[[one\ntwo]]"),
        (toggle_bulleted, "[[1. one\n2. two]]", "[[- one\n- two]]"),
        (toggle_numbered, "[[one\ntwo\nthree]]", "[[1. one\n2. two\n3. three]]"),
        (toggle_numbered, "[[1. one\n2. two]]", "[[one\ntwo]]"),
        (
            toggle_numbered,
            "1. one\n[[two\nthree]]\n2. four",
            "1. one\n[[2. two\n3. three]]\n4. four",
        ),
        (toggle_numbered, "[[- one\n- two]]", "[[1. one\n2. two]]"),
        (toggle_numbered, "|", "1. |"),
    ],
)
def test_line_operations(operation, before: str, after: str) -> None:
    assert _do(operation, before) == after


@pytest.mark.parametrize("operation", [toggle_bulleted, toggle_numbered])
def test_a_list_inside_a_paragraph_is_set_apart_by_blank_lines(operation) -> None:
    result = operation("one\ntwo\nthree", 5, 5)
    assert result.text.replace("1.", "-") == "one\n\n- two\n\nthree"
    assert result.text[result.start :].startswith("wo")


def test_line_operations_skip_photos_and_code() -> None:
    text = "one\n![](photo:p1)\n```\ncode\n```\ntwo"
    assert toggle_quote(text, 0, len(text)).text == ("> one\n![](photo:p1)\n```\ncode\n```\n> two")


def test_a_selection_ending_at_a_line_start_leaves_that_line_alone() -> None:
    assert toggle_quote("one\ntwo", 0, 4).text == "> one\ntwo"


# --- clear formatting and links ------------------------------------------------------------------


def test_clear_formatting_keeps_text_photos_and_code() -> None:
    text = "## A **bold** and [a link](https://efe.com) `**code**`\n![](photo:p1)\n> *q*"
    assert clear_formatting(text, 0, len(text)).text == (
        "A bold and a link `**code**`\n![](photo:p1)\nq"
    )


def test_clear_formatting_at_the_cursor_clears_its_line() -> None:
    assert _do(clear_formatting, "- ***bo|th*** [x](https://a.org)\n**next**") == (
        "bo|th x\n**next**"
    )


@pytest.mark.parametrize(
    ("candidate", "address"),
    [
        ("https://efe.com/a?b=c#d", "https://efe.com/a?b=c#d"),
        (" http://efe.com ", "http://efe.com"),
        ("mailto:desk@efe.com", "mailto:desk@efe.com"),
        ("www.efe.com/story", "https://www.efe.com/story"),
        ("javascript:alert(1)", None),
        ("data:text/html,hi", None),
        ("file:///etc/passwd", None),
        ("https://efe.com and more", None),
        ("efe", None),
        ("", None),
    ],
)
def test_web_address(candidate: str, address: str | None) -> None:
    assert web_address(candidate) == address


def test_make_link_from_the_selection() -> None:
    text, start, end = _selected("see [[the report ]]now")
    result = make_link(text, start, end, "https://efe.com/(x) y")
    assert result.text == "see [the report](https://efe.com/%28x%29%20y) now"
    assert result.start == result.end == len("see [the report](https://efe.com/%28x%29%20y)")


def test_make_link_over_an_existing_link_replaces_it() -> None:
    text, start, end = _selected("see [the re|port](http://old.org) now")
    found = link_at(text, start)
    assert found is not None and (found.text, found.address) == ("the report", "http://old.org")
    result = make_link(text, start, end, "https://new.org", "the new report")
    assert result.text == "see [the new report](https://new.org) now"


def test_link_text_with_brackets_is_escaped_and_read_back() -> None:
    result = make_link("x", 0, 1, "https://a.org", "a [b]")
    assert result.text == r"[a \[b\]](https://a.org)"
    found = link_at(result.text, 2)
    assert found is not None and found.text == "a [b]"


def test_remove_link_keeps_its_text() -> None:
    assert _do(remove_link, "see [the re|port](http://old.org) now") == "see [[the report]] now"


# --- properties ----------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["news", "Tapachula", "año", "España", "خبر", "北京", "don't", "2026", "caravan", "el"]
)
_LINE = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_PUNCTUATED = st.tuples(_LINE, st.sampled_from(["", ".", ",", ":", "!"])).map("".join)
# Paragraphs as reporters write them: a line each, blank lines between.
_BODY = st.lists(st.one_of(_PUNCTUATED, st.just("")), min_size=1, max_size=6).map("\n\n".join)


@st.composite
def _body_and_selection(draw) -> tuple[str, int, int]:
    text = draw(_BODY)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


_TOGGLES = [
    toggle_bold,
    toggle_italic,
    toggle_subhead,
    lambda t, s, e: toggle_subhead(t, s, e, 3),
    toggle_quote,
    toggle_bulleted,
    toggle_numbered,
]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _visible_words(markdown_text: str) -> list[str]:
    reader = _Text()
    reader.feed(shared_renderer().render_body(markdown_text, _NO_PHOTOS))
    return re.findall(r"\w+", html.unescape("".join(reader.parts)))


@settings(max_examples=150, deadline=None)
@given(_body_and_selection(), st.sampled_from(range(len(_TOGGLES))))
def test_toggling_twice_gives_the_original_text(case, which) -> None:
    text, start, end = case
    operation = _TOGGLES[which]
    # A list started on an empty line is set apart from the paragraph under it by a blank
    # line, which stays: the one case where toggling twice is not the identity. The lines are
    # those the operation takes (a selection ending at a line's very start leaves that line
    # out: from an empty line to the start of the next is the empty line alone).
    lines = body_lines(text)
    assume(any(lines[index].text.strip() for index in touched_lines(lines, start, end)))
    once = operation(text, start, end)
    twice = operation(once.text, once.start, once.end)
    assert twice.text == text


@settings(max_examples=80, deadline=None)
@given(
    _body_and_selection(),
    st.sampled_from(range(len(_TOGGLES) + 2)),
)
def test_formatting_never_loses_a_visible_word(case, which) -> None:
    text, start, end = case
    operations = [
        *_TOGGLES,
        clear_formatting,
        lambda t, s, e: make_link(t, s, e, "https://efe.com"),
    ]
    result = operations[which](text, start, end)
    before, after = _visible_words(text), _visible_words(result.text)
    if "[https://efe.com]" in result.text:
        # A link made where there is no word reads its address.
        after = [word for word in after if word not in ("https", "efe", "com")]
    assert sorted(after) == sorted(before)
