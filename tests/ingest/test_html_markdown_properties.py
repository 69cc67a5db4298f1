"""Properties of the HTML -> Markdown converter on any HTML: it never raises, what it writes
renders to nothing the sanitiser would remove, and no word a reader sees in the HTML is lost.

The words a reader sees are read with html5lib, a parser independent of the converter's, and
compared with the words of the body as the editor renders it (editor.render.markdown).
"""

from __future__ import annotations

import html as html_module
import re
from collections import Counter
from unittest import mock

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import editor.render.markdown as render_markdown
from editor.ingest.html_markdown import convert_html
from editor.render.photo_refs import PhotoLookup
from editor.render.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

_TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcxyzñüé019 \n\t\u00a0") + list("*_#[]<>&|\\`{}:!-.=+~^()'\"/;")
    ),
    min_size=1,
    max_size=12,
)
_HREFS = st.sampled_from(
    [
        "https://example.com/a_b?c=1&d=(2)",
        "javascript:alert(1)",
        "#top",
        "/relative/path",
        "https://www.google.com/url?q=https://a.example/x&sa=D",
        "data:text/html,<b>x</b>",
        "mailto:desk@example.com",
        "https://x.example/with space/",
        "http://[bad/",
    ]
)
_INLINE_TAGS = ["b", "i", "strong", "em", "span", "u", "code", "sup", "sub", "font", "s", "small"]
_BLOCK_TAGS = ["p", "div", "blockquote", "h1", "h2", "h3", "h5", "li", "section", "pre"]
_HIDDEN = ["script", "style", "svg", "iframe", "template"]
_STYLES = st.sampled_from(
    [
        "",
        "font-weight:700",
        "font-weight:normal",
        "font-style:italic",
        "color:red",
        "mso-list:l0 level2 lfo1",
    ]
)


def _escape(text: str) -> str:
    return html_module.escape(text, quote=False)


def _element(tag: str, inner: str, style: str = "") -> str:
    attribute = f' style="{style}"' if style else ""
    return f"<{tag}{attribute}>{inner}</{tag}>"


_leaves = st.one_of(
    _TEXT.map(_escape),
    st.just("<br>"),
    st.just("<!-- a comment -->"),
    st.just("<!--[if !supportLists]--><span>1.</span><!--[endif]-->"),
    st.builds(lambda alt: f'<img src="https://img.example/a.jpg" alt="{_escape(alt)}">', _TEXT),
    st.just('<img src="https://t.example/p.gif" width="1" height="1">'),
    st.builds(lambda tag, text: _element(tag, _escape(text)), st.sampled_from(_HIDDEN), _TEXT),
)


def _extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    many = st.lists(children, min_size=1, max_size=4).map("".join)
    return st.one_of(
        st.builds(_element, st.sampled_from(_INLINE_TAGS), many, _STYLES),
        st.builds(_element, st.sampled_from(_BLOCK_TAGS), many, _STYLES),
        st.builds(lambda href, inner: f'<a href="{_escape(href)}">{inner}</a>', _HREFS, many),
        st.builds(
            lambda items, tag: f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>",
            st.lists(children, min_size=1, max_size=3),
            st.sampled_from(["ul", "ol"]),
        ),
        st.builds(
            lambda rows: (
                "<table>"
                + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
                + "</table>"
            ),
            st.lists(st.lists(children, min_size=1, max_size=3), min_size=1, max_size=3),
        ),
    )


_HTML = st.recursive(_leaves, _extend, max_leaves=25)

# Word's downlevel-only content (a list item's bullet or number) shows in a browser, yet is not
# story text: the converter turns it into the list's own marker.
_LIST_MARKER = "<!--[if !supportLists]--><span>1.</span><!--[endif]-->"

_INVISIBLE = {"script", "style", "svg", "iframe", "template", "head", "title", "noscript"}
_WORD_RE = re.compile(r"\w+")


def _visible_words(markup: str) -> Counter[str]:
    """Words a reader sees: html5lib's tree, blocks and breaks apart, hidden elements left out."""
    document = html5lib.parse(markup, treebuilder="etree", namespaceHTMLElements=False)
    pieces: list[str] = []

    def visit(element) -> None:
        if not isinstance(element.tag, str):  # a comment: nothing shown, no break either
            pieces.append(_tail(element))
            return
        tag = element.tag.rsplit("}", 1)[-1]  # SVG and MathML elements have a namespace
        if tag in _INVISIBLE:
            pieces.append(" " if tag in ("svg", "iframe") else "")  # those take room on screen
            pieces.append(_tail(element))
            return
        inline = tag in {"b", "i", "strong", "em", "span", "u", "code", "sup", "sub", "font",
                         "s", "small", "a"}  # fmt: skip
        if tag == "img" and element.get("width") == "1":
            inline = True  # a tracking pixel: dropped, the words on its sides meet
        separator = "" if inline else " "
        pieces.append(separator)
        pieces.append(element.text or "")
        for child in element:
            visit(child)
        pieces.append(separator)
        pieces.append(_tail(element))

    visit(document)
    return Counter(_WORD_RE.findall("".join(pieces)))


def _tail(element) -> str:
    return element.tail or ""


def _render(markdown_text: str) -> tuple[str, str]:
    """The body rendered by the editor: (HTML before sanitising, HTML after)."""
    seen: list[str] = []
    real = render_markdown.sanitise

    def recording(fragment: str) -> str:
        seen.append(fragment)
        return real(fragment)

    with mock.patch.object(render_markdown, "sanitise", recording):
        rendered = _RENDERER.render(markdown_text, PhotoLookup({}, lambda image: "")).html
    return seen[0], rendered


_RENDERER = render_markdown.BodyRenderer()
_ALLOWED_HREF = re.compile(r"(?:https?:|mailto:|#)")


def _check_nothing_for_the_sanitiser(raw: str) -> None:
    document = html5lib.parse(raw, treebuilder="etree", namespaceHTMLElements=False)
    for element in document.iter():
        tag = element.tag
        if not isinstance(tag, str):
            raise AssertionError(f"raw HTML comment or special node in output: {raw!r}")
        if tag in ("html", "head", "body"):
            continue
        assert tag in ALLOWED_TAGS, f"<{tag}> would be removed: {raw!r}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in element.attrib.items():
            assert name in allowed, f"<{tag} {name}> would be removed: {raw!r}"
            if name == "href":
                assert _ALLOWED_HREF.match(value), f"unsafe address {value!r}"


@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_HTML)
def test_any_html_converts_safely_and_keeps_every_visible_word(markup: str) -> None:
    conversion = convert_html(markup)
    raw, rendered = _render(conversion.markdown)
    _check_nothing_for_the_sanitiser(raw)
    kept = _visible_words(rendered)
    kept.update(_WORD_RE.findall(conversion.title or ""))
    for image in conversion.images:
        kept.update(_WORD_RE.findall(image.caption))
    missing = _visible_words(markup.replace(_LIST_MARKER, "")) - kept
    assert not missing, f"lost {dict(missing)}\nHTML: {markup!r}\nMarkdown: {conversion.markdown!r}"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_string_converts_without_raising(text: str) -> None:
    conversion = convert_html(text)
    _check_nothing_for_the_sanitiser(_render(conversion.markdown)[0])
