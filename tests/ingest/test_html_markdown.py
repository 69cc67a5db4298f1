"""The HTML -> Markdown converter: golden files for each source's real HTML, then the rules.

Each fixture in tests/data/intake/ has its expected Markdown next to it (``NAME.expected.md``):
the test compares the whole text, so any change of output fails. After an intended change,
regenerate with ``UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import os
import time

import pytest

from editor.ingest.html_markdown import COUNT_KEYS, MAX_HTML_CHARS, HtmlImage, convert_html

from locations import DATA

INTAKE = DATA / "intake"
FIXTURES = [
    "word-clipboard.html",
    "google-docs-clipboard.html",
    "libreoffice-writer.html",
    "browser-clipboard.html",
]


def _golden_text(fixture: str) -> str:
    conversion = convert_html((INTAKE / fixture).read_text(encoding="utf-8"))
    images = "\n".join(
        f"- src: {image.src}\n  alt: {image.alt}\n  caption: {image.caption}"
        for image in conversion.images
    )
    return (
        f"<!-- title: {conversion.title} -->\n"
        f"<!-- source: {conversion.source} -->\n"
        f"<!-- counts: {conversion.counts} -->\n"
        f"<!-- dropped: {conversion.dropped} -->\n"
        f"<!-- images:\n{images}\n-->\n\n"
        f"{conversion.markdown}\n"
    )


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fixture_converts_to_its_golden_markdown(fixture: str) -> None:
    produced = _golden_text(fixture)
    expected_path = INTAKE / fixture.replace(".html", ".expected.md")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_path.write_text(produced, encoding="utf-8")
    assert expected_path.exists(), f"no golden file {expected_path.name}; run with UPDATE_GOLDEN=1"
    assert produced == expected_path.read_text(encoding="utf-8")


# --- Word --------------------------------------------------------------------------------------


def test_word_list_paragraphs_become_a_nested_list_without_their_markers() -> None:
    html = (
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'>"
        "<!--[if !supportLists]--><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span>"
        "</span><!--[endif]-->First<o:p></o:p></p>"
        "<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'>"
        "<![if !supportLists]><span style='mso-list:Ignore'>a.<span>&nbsp;</span></span>"
        "<![endif]>Inner</p>"
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'>"
        "<!--[if !supportLists]--><span style='mso-list:Ignore'>2.</span><!--[endif]-->Second</p>"
        "<p class=MsoNormal>After</p>"
    )
    conversion = convert_html(html)
    assert conversion.markdown == "1. First\n    1. Inner\n2. Second\n\nAfter"
    assert conversion.counts["lists"] == 1
    assert conversion.dropped["conditional comments"] == 3


def test_word_bullet_marker_without_conditional_comment_is_still_dropped() -> None:
    html = (
        "<p style='mso-list:l3 level1 lfo4'><span style='font-family:Symbol'>"
        "<span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;&nbsp;</span></span></span>Item</p>"
    )
    assert convert_html(html).markdown == "- Item"


def test_a_list_marker_whose_endif_the_parser_moved_drops_only_the_marker() -> None:
    """A browser's parser can put the closing [endif] inside another element (a <b> reopened
    after a paragraph): the text after it is the story's, not the marker's."""
    markup = (
        "<p><b><p><br></p><!--[if !supportLists]--><span>1.</span><!--[endif]-->Zero</b></p>"
        "<p>After</p>"
    )
    markdown = convert_html(markup).markdown
    assert "Zero" in markdown and "After" in markdown
    assert "1." not in markdown


def test_an_unclosed_downlevel_conditional_never_eats_the_story() -> None:
    words = " ".join(f"w{n}" for n in range(40))
    markup = f"<p><!--[if !supportLists]--><span>1.</span><span>{words}</span></p><p>Next</p>"
    markdown = convert_html(markup).markdown
    assert "w39" in markdown and "Next" in markdown


def test_python_markdown_footnotes_come_back_as_markdown_footnotes() -> None:
    """This editor's own pages (and the DOCX reader's body) write footnotes as Python-Markdown
    does: pasting them back gives the footnotes, not a numbered list."""
    import markdown

    page = markdown.markdown(
        "Text.[^1] More.[^src]\n\n[^1]: The count.\n[^src]: The source.",
        extensions=["footnotes"],
    )
    converted = convert_html(page).markdown
    assert "Text.[^1] More.[^src]" in converted
    assert "[^1]: The count." in converted and "[^src]: The source." in converted
    assert "1. The count" not in converted


def test_word_footnotes_become_markdown_footnotes() -> None:
    html = (
        "<p>Text.<a style='mso-footnote-id:ftn1' href='#_ftn1' name='_ftnref1'>"
        "<span class=MsoFootnoteReference>[1]</span></a> More.</p>"
        "<div style='mso-element:footnote-list'><!--[if !supportFootnotes]--><hr><!--[endif]-->"
        "<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>"
        "<a href='#_ftnref1' name='_ftn1'>[1]</a> The source.</p></div></div>"
    )
    conversion = convert_html(html)
    assert conversion.markdown == "Text.[^1] More.\n\n[^1]: The source."
    assert conversion.counts["footnotes"] == 1


def test_word_comments_and_vml_are_dropped_and_counted() -> None:
    html = (
        "<p>Story<span class=MsoCommentReference><a class=msocomanchor href='#_msocom_1'>[AB1]</a>"
        "</span> text<!--[if gte vml 1]><v:shape><v:imagedata src='x.png'/></v:shape>"
        "<![endif]--></p><v:shape>shape</v:shape>"
        "<div style='mso-element:comment-list'><p>Reviewer remark</p></div>"
    )
    conversion = convert_html(html)
    assert conversion.markdown == "Story text"
    assert conversion.dropped["office comments"] == 2
    assert conversion.dropped["VML"] == 1


# --- Google Docs ------------------------------------------------------------------------------


def test_google_docs_wrapper_b_is_not_bold_and_css_formatting_is() -> None:
    html = (
        '<b style="font-weight:normal;" id="docs-internal-guid-1234"><p>'
        '<span style="font-weight:400">plain </span>'
        '<span style="font-weight:700">strong</span>'
        '<span style="font-weight:400"> and </span>'
        '<span style="font-style:italic">slanted</span></p></b>'
    )
    conversion = convert_html(html)
    assert conversion.markdown == "plain **strong** and *slanted*"
    assert conversion.source == "google-docs"


def test_google_redirect_links_are_unwrapped() -> None:
    html = (
        '<p><a href="https://www.google.com/url?q=https://example.org/a%3Fb%3D1&amp;sa=D">'
        "the page</a></p>"
    )
    assert convert_html(html).markdown == "[the page](https://example.org/a?b=1)"


# --- whitespace, escaping, links --------------------------------------------------------------


def test_inline_elements_never_run_words_together() -> None:
    html = "<p><span>CKEditor</span> <span>CKSource</span><b>bold </b>next<i> it</i>alic</p>"
    assert convert_html(html).markdown == "CKEditor CKSource**bold** next *it*alic"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("- not a list", "\\- not a list"),
        ("> not a quote", "\\> not a quote"),
        ("*not* _emphasis_", "\\*not\\* \\_emphasis\\_"),
        ("[not](a link)", "\\[not\\](a link)"),
        ("<b>not html</b>", "&lt;b>not html&lt;/b>"),
        ("&copy; stays", "&amp;copy; stays"),
        ("`not code`", "\\`not code\\`"),
        ("-5 degrees", "-5 degrees"),
        ("a | b {: .x}", "a \\| b \\{: .x\\}"),
    ],
)
def test_text_never_becomes_markup(text: str, markdown: str) -> None:
    from html import escape

    assert convert_html(f"<p>{escape(text, quote=False)}</p>").markdown == markdown


def test_unsafe_and_relative_links_keep_their_text() -> None:
    html = (
        '<p><a href="javascript:alert(1)">one</a> <a href=" JaVa\tscript:x">two</a> '
        '<a href="data:text/html,x">three</a> <a href="/relative">four</a> '
        '<a href="#anchor">five</a></p>'
    )
    conversion = convert_html(html)
    assert conversion.markdown == "one two three four five"
    assert conversion.dropped["unsafe links"] == 3
    assert conversion.counts["links"] == 0


def test_relative_links_and_images_resolve_against_the_base_url() -> None:
    html = '<p><a href="/about">About</a></p><img src="img/a b.jpg" alt="A">'
    conversion = convert_html(html, base_url="https://news.example/story/")
    assert conversion.markdown == (
        "[About](https://news.example/about)\n\n![A](https://news.example/story/img/a%20b.jpg)"
    )
    assert conversion.images == [HtmlImage("https://news.example/story/img/a b.jpg", "A")]


def test_line_breaks_headings_quotes_and_title() -> None:
    html = (
        "<h1>The headline</h1><p>one<br>two</p><h1>Second h1</h1><h3>Small</h3>"
        "<blockquote><p>quoted</p><p>twice</p></blockquote>"
    )
    conversion = convert_html(html)
    assert conversion.title == "The headline"
    assert conversion.markdown == (
        "one  \ntwo\n\n## Second h1\n\n### Small\n\n> quoted\n>\n> twice"
    )


def test_table_cells_escape_pipes_and_rows_are_padded() -> None:
    html = "<table><tr><td>a|b</td><td>c</td></tr><tr><td>d</td></tr></table>"
    assert convert_html(html).markdown == "| a\\|b | c |\n| --- | --- |\n| d |  |"


def test_images_are_placed_and_listed_tracking_pixels_dropped() -> None:
    html = (
        '<p>Before<img src="https://x.example/a.jpg" alt="A photo"></p>'
        '<p class="wp-caption-text">The caption</p><p>after</p>'
        '<img src="https://t.example/p.gif" width="1" height="1">'
        '<img src="https://t.example/q.gif" style="width:1px;height:1px">'
    )
    conversion = convert_html(html)
    assert conversion.markdown == "Before\n\n![A photo](https://x.example/a.jpg)\n\nafter"
    assert conversion.images == [HtmlImage("https://x.example/a.jpg", "A photo", "The caption")]
    assert conversion.dropped["tracking pixels"] == 2


def test_scripts_forms_svg_are_dropped_mathml_text_kept() -> None:
    html = (
        "<p>E = <math><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> holds</p>"
        "<script>alert(1)</script><svg><text>icon</text></svg>"
        "<form><input value='x'><button>Send</button></form><iframe src='x'></iframe>"
        "<p onclick='steal()'>Text</p>"
    )
    conversion = convert_html(html)
    assert conversion.markdown == "E = mc2 holds\n\nText"
    for kind in ("scripts", "SVG", "forms", "iframes", "event handlers"):
        assert conversion.dropped[kind] >= 1, kind


def test_counts_always_have_every_key() -> None:
    assert set(convert_html("").counts) == set(COUNT_KEYS)
    assert convert_html("").markdown == ""


# --- hostile input -----------------------------------------------------------------------------


def test_deep_nesting_keeps_its_text_and_returns_quickly() -> None:
    html = "<div>" * 10_000 + "deep words" + "</div>" * 10_000 + "<p>after</p>"
    html += "<b>" * 5_000 + "bold" + "</b>" * 5_000
    html += "<ul><li>" * 3_000 + "item" + "</li></ul>" * 3_000
    started = time.perf_counter()
    conversion = convert_html(html)
    assert time.perf_counter() - started < 10
    for word in ("deep words", "after", "bold", "item"):
        assert word in conversion.markdown
    assert conversion.dropped["nesting too deep"] == 1


def test_input_above_the_limit_gives_an_empty_conversion_that_says_so(monkeypatch) -> None:
    import editor.ingest.html_markdown as module

    monkeypatch.setattr(module, "MAX_HTML_CHARS", 1_000)
    conversion = module.convert_html("<p>x</p>" * 200)
    assert conversion.markdown == ""
    assert conversion.dropped == {"too large": 1}
    assert MAX_HTML_CHARS == 50_000_000


def test_nul_surrogates_and_garbage_never_raise() -> None:
    for html in ("\x00<p>a\x00b</p>", "<p>\ud800x</p>", "<<<>>>&&&;", "<![CDATA[x]]>", "</p>"):
        convert_html(html)


def test_clipboard_header_is_not_text() -> None:
    html = (
        "Version:0.9\r\nStartHTML:000001\r\nEndHTML:000002\r\n<html><body><p>Hi</p></body></html>"
    )
    assert convert_html(html.replace("\r\n", "\n")).markdown == "Hi"
    assert convert_html(html).markdown == "Hi"


def test_malformed_addresses_lose_the_link_not_the_text() -> None:
    html = '<p>keep <a href="http://[bad/">this</a> text</p><img src="http://[x/a.png" alt="A">'
    conversion = convert_html(html)
    assert conversion.markdown.startswith("keep this text")
    relative = convert_html('<p><a href="a">x</a></p><img src="b.png">', base_url="http://[y/")
    assert relative.markdown.startswith("x")


def test_footnotes_as_libreoffice_google_docs_and_mammoth_write_them() -> None:
    libreoffice = (
        '<p>Text.<a class="sdfootnoteanc" href="#sdfootnote1sym"><sup>1</sup></a></p>'
        '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" '
        'href="#sdfootnote1anc">1</a>Note.</p></div>'
    )
    google_docs = (
        '<p>Text.<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup></p>'
        '<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> Note.</p></div>'
    )
    mammoth = (
        '<p>Text.<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>'
        '<ol><li id="footnote-1"><p> Note. <a href="#footnote-ref-1">↑</a></p></li></ol>'
    )
    for html in (libreoffice, google_docs, mammoth):
        conversion = convert_html(html)
        assert conversion.markdown == "Text.[^1]\n\n[^1]: Note.", html
        assert conversion.counts["footnotes"] == 1
        assert conversion.counts["lists"] == 0


def test_a_line_break_after_a_comment_in_preformatted_text_is_kept() -> None:
    """Found by the property test: the break opening a text node was stripped, joining lines."""
    markdown = convert_html("<pre><b>0<!-- a comment -->\n1</b></pre>").markdown
    assert markdown.replace("*", "").split() == ["0", "1"]
    assert "01" not in markdown.replace("*", "")


def test_emphasis_inside_code_never_splits_the_code_span() -> None:
    """Found by the property test: ``<code>0<b>0</b></code>`` became two spans read as one."""
    assert convert_html("<p><code>ab<b>cd</b>ef</code></p>").markdown == "`abcdef`"


def test_a_plain_fragment_drops_nothing() -> None:
    """The parser's own empty <head> is not something the reporter's paste lost."""
    assert convert_html("<p>Just <b>a</b> paragraph.</p>").dropped == {}
    assert convert_html("<html><head><title>T</title></head><p>P</p></html>").dropped == {
        "page head": 1
    }
