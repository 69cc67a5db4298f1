"""The render pipeline: Markdown body, photo figures, sanitising, page parts and preview shell."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import xml.etree.ElementTree as etree

import html5lib
import pytest

from editor.model.article import Article, Dateline, ImageRef
from editor.render.markdown import BodyRenderer
from editor.render.page import (
    ArticleParts,
    byline_text,
    html_language,
    json_for_script,
    og_locale,
    read_article_css,
    render_page,
    render_parts,
)
from editor.render.photo_refs import MISSING_PHOTO_TEXT, PhotoLookup, PhotoSource
from editor.render.preview_shell import preview_shell_html, update_script

EDITORS_NOTE = "DESK ONLY: lawyer is reading para 4"


@pytest.fixture(scope="module")
def renderer() -> BodyRenderer:
    return BodyRenderer()


def photo_url(image: ImageRef) -> str:
    return f"file:///package/{image.media_path}"


def present(photo_id: str, **fields: object) -> ImageRef:
    values: dict[str, object] = {
        "original_name": f"{photo_id}.jpg",
        "media_path": f"media/{photo_id}.jpg",
        "format": "JPEG",
        "width": 800,
        "height": 600,
    }
    values.update(fields)
    return ImageRef(id=photo_id, **values)  # type: ignore[arg-type]


def lookup(*images: ImageRef) -> PhotoLookup:
    return PhotoLookup.of(images, photo_url)


def fragment(html_text: str) -> etree.Element:
    """Parse an HTML fragment strictly into a <div> holding it."""
    parser = html5lib.HTMLParser(
        strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    return parser.parseFragment(f"<div>{html_text}</div>")[0]


def parse_page(page: str) -> etree.Element:
    parser = html5lib.HTMLParser(
        strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    return parser.parse(page)


def text_of(element: etree.Element) -> str:
    return "".join(element.itertext())


def classes(element: etree.Element) -> set[str]:
    return set((element.get("class") or "").split())


# --- photo figures -------------------------------------------------------------------------------


def test_present_photo_is_a_figure_with_record_fields(renderer: BodyRenderer) -> None:
    image = present("p1", caption="Migrants walk", credit="EFE/Juan Blanco", alt="A long column")
    html_text = renderer.render_body(
        "Before.\n\n![body text is ignored](photo:p1)\n\nAfter.", lookup(image)
    )
    root = fragment(html_text)
    figure = root.find("figure")
    assert figure is not None
    assert classes(figure) == {"photo"}
    assert figure.get("data-photo-id") == "p1"
    img = figure.find("img")
    assert img is not None
    assert img.attrib == {
        "src": "file:///package/media/p1.jpg",
        "alt": "A long column",
        "width": "800",
        "height": "600",
        "loading": "lazy",
    }
    assert [span.get("class") for span in figure.find("figcaption")] == ["caption", "credit"]
    assert text_of(figure.find("figcaption")) == "Migrants walk EFE/Juan Blanco"
    assert "body text is ignored" not in html_text
    # Not wrapped in a paragraph.
    assert [child.tag for child in root] == ["p", "figure", "p"]


@pytest.mark.parametrize(
    ("caption", "credit", "spans"),
    [("Only caption", "", ["caption"]), ("", "Only credit", ["credit"]), ("", "", None)],
)
def test_empty_caption_parts_are_left_out(
    renderer: BodyRenderer, caption: str, credit: str, spans: list[str] | None
) -> None:
    image = present("p1", caption=caption, credit=credit)
    figure = fragment(renderer.render_body("![](photo:p1)", lookup(image))).find("figure")
    figcaption = figure.find("figcaption")
    if spans is None:
        assert figcaption is None
    else:
        assert [span.get("class") for span in figcaption] == spans


def test_photo_on_its_own_line_inside_a_paragraph_becomes_a_figure(renderer: BodyRenderer) -> None:
    # Pasted copy: no blank lines around the photo line.
    body = "First line of text.\n![](photo:p1)\nSecond line of text."
    root = fragment(renderer.render_body(body, lookup(present("p1"))))
    assert [child.tag for child in root] == ["p", "figure", "p"]
    assert text_of(root[0]) == "First line of text."
    assert text_of(root[2]) == "Second line of text."


@pytest.mark.parametrize(
    ("body", "photo_id", "name"),
    [
        ("![](photo:nowhere)", "nowhere", "photo:nowhere"),
        ("![](photo:gone)", "gone", "original-gone.jpg"),
        ("![](/wp-content/uploads/2024/12/Migrant2-750x500.jpg)", None, "/wp-content/uploads/"),
        ("![](missing-image-1)", None, "missing-image-1"),
        ("![](https://example.org/photo.jpg)", None, "https://example.org/photo.jpg"),
        ("![](javascript:alert(1))", None, "javascript:alert(1"),
    ],
)
def test_anything_but_a_present_photo_is_a_visible_placeholder(
    renderer: BodyRenderer, body: str, photo_id: str | None, name: str
) -> None:
    gone = ImageRef(id="gone", original_name="original-gone.jpg", caption="Lost caption")
    root = fragment(renderer.render_body(body, lookup(gone)))
    assert root.find(".//img") is None
    figure = root.find("figure")
    assert classes(figure) == {"photo", "photo-missing"}
    assert figure.get("data-photo-id") == photo_id
    placeholder = figure.find("div")
    assert classes(placeholder) == {"photo-placeholder"}
    assert text_of(placeholder).startswith(MISSING_PHOTO_TEXT)
    assert name in text_of(placeholder)
    if photo_id == "gone":
        assert text_of(figure.find("figcaption")) == "Lost caption"


def test_inline_images_stay_inline_and_valid(renderer: BodyRenderer) -> None:
    body = "Text ![](photo:p1) and ![](elsewhere.jpg) and ![](photo:zz) go on."
    root = fragment(renderer.render_body(body, lookup(present("p1"))))
    paragraph = root.find("p")
    assert paragraph is not None and root.find("figure") is None
    assert paragraph.find("img").get("src") == "file:///package/media/p1.jpg"
    placeholders = paragraph.findall("span")
    assert [classes(span) for span in placeholders] == [{"photo-placeholder"}] * 2
    assert placeholders[1].get("data-photo-id") == "zz"


def test_raw_html_images_never_show_broken_or_forged(renderer: BodyRenderer) -> None:
    body = (
        '<div>raw <img src="/wp-content/uploads/x.jpg" alt="x"> '
        '<img src="dateline-photo:p1"> <img src="photo:p1"></div>'
    )
    root = fragment(renderer.render_body(body, lookup(present("p1"))))
    assert root.find(".//img") is None
    assert len(root.findall(".//span")) == 3


def test_placed_photo_ids_are_reported(renderer: BodyRenderer) -> None:
    rendered = renderer.render("![](photo:a)\n\ntext ![](photo:b)\n\n![](x.jpg)", lookup())
    assert rendered.placed_photo_ids == {"a", "b"}


def test_photo_url_is_attribute_escaped(renderer: BodyRenderer) -> None:
    photos = PhotoLookup.of([present("p1")], lambda image: 'file:///a"b<c>&d.jpg')
    html_text = renderer.render_body("![](photo:p1)", photos)
    assert 'src="file:///a&quot;b&lt;c&gt;&amp;d.jpg"' in html_text
    assert fragment(html_text).find(".//img").get("src") == 'file:///a"b<c>&d.jpg'


def test_internal_photo_address_never_reaches_the_output(renderer: BodyRenderer) -> None:
    stranger = present("stranger")  # a photo the lookup does not know
    html_text = renderer.render_photo(stranger, lookup(present("p1")))
    assert "dateline-photo" not in html_text
    assert "Photo not in the story package: stranger" in html_text


# --- Markdown structure --------------------------------------------------------------------------


def test_subheads_quotes_lists_tables_and_footnotes_come_through(renderer: BodyRenderer) -> None:
    body = (
        "# Typed as h1\n\n## Subhead\n\n### Smaller\n\n> A quote\n> on two lines\n\n"
        "- one\n- two\n\n3. three\n4. four\n\n"
        "| left | right |\n|:--|--:|\n| 1 | 2 |\n\n"
        "Claim.[^1] About *HTML*.\n\n*[HTML]: HyperText Markup Language\n\n"
        "Term\n: Definition\n\n[^1]: The source."
    )
    root = fragment(renderer.render_body(body, lookup()))
    tags = [child.tag for child in root]
    assert "h1" not in tags
    assert tags[:3] == ["h2", "h2", "h3"]
    assert text_of(root[0]) == "Typed as h1"
    assert text_of(root.find("blockquote")).strip() == "A quote\non two lines"
    assert root.find("ol").get("start") == "3"
    assert [cell.get("style") for cell in root.findall(".//th")] == [
        "text-align:left",
        "text-align:right",
    ]
    assert root.find(".//abbr").get("title") == "HyperText Markup Language"
    assert root.find("dl/dt").text == "Term"
    reference = root.find(".//sup/a")
    assert reference.get("href") == "#fn:1"
    notes = root.find("div")
    assert classes(notes) == {"footnote"}
    assert notes.find(".//li").get("id") == "fn:1"


def test_renderer_reuse_does_not_leak_between_documents(renderer: BodyRenderer) -> None:
    renderer.render_body("Claim.[^1]\n\n[^1]: Old note.\n\n*[HTML]: Old", lookup())
    html_text = renderer.render_body("Fresh HTML text.", lookup())
    assert "Old" not in html_text and "footnote" not in html_text and "abbr" not in html_text


def test_renders_from_several_threads_match_serial_renders(renderer: BodyRenderer) -> None:
    bodies = [
        f"## Part {n}\n\nText {n}.[^1]\n\n![](photo:p{n})\n\n[^1]: Note {n}." for n in range(8)
    ]
    photos = lookup(*(present(f"p{n}", caption=f"Caption {n}") for n in range(8)))
    expected = [renderer.render_body(body, photos) for body in bodies]
    results: dict[int, str] = {}

    def work(n: int) -> None:
        for _ in range(20):
            results[n] = renderer.render_body(bodies[n], photos)
            assert results[n] == expected[n]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[n] for n in range(8)] == expected


# --- end mark ------------------------------------------------------------------------------------


def test_end_mark_goes_inside_the_last_paragraph(renderer: BodyRenderer) -> None:
    rendered = renderer.render("First.\n\nShe said.", lookup(), end_mark="EFE")
    assert rendered.html.rstrip().endswith('<p>She said. <span class="end-mark">EFE</span></p>')


def test_end_mark_goes_before_footnotes(renderer: BodyRenderer) -> None:
    rendered = renderer.render("Claim.[^1]\n\n[^1]: Note.", lookup(), end_mark="EFE")
    root = fragment(rendered.html)
    assert root[0].tag == "p" and root[0].find("span").text == "EFE"
    assert classes(root[1]) == {"footnote"}


def test_end_mark_follows_the_last_words_not_trailing_photos(renderer: BodyRenderer) -> None:
    # The EFE sample ends "... she said. EFE" followed by a photo.
    rendered = renderer.render("First.\n\nShe said.\n\n![](photo:p5)", lookup(), end_mark="EFE")
    root = fragment(rendered.html)
    assert [element.tag for element in root] == ["p", "p", "figure"]
    assert root[1].find("span").text == "EFE"


def test_a_story_of_only_photos_still_prints_its_end_mark(renderer: BodyRenderer) -> None:
    root = fragment(renderer.render("![](photo:p1)", lookup(), end_mark="EFE").html)
    assert root[-1].tag == "p" and root[-1][0].text == "EFE"


@pytest.mark.parametrize("body", ["Text.\n\n- a\n- b", "Text.\n\n<div>raw</div>"])
def test_end_mark_gets_its_own_paragraph_after_other_blocks(
    renderer: BodyRenderer, body: str
) -> None:
    root = fragment(renderer.render(body, lookup(), end_mark="EFE").html)
    last = root[-1]
    assert last.tag == "p" and len(last) == 1
    assert classes(last[0]) == {"end-mark"} and last[0].text == "EFE"


# --- sanitising ----------------------------------------------------------------------------------

BODY_ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[x](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">y</a>',
    '<a href="&#106;avascript:alert(1)">z</a>',
    "[v](vbscript:msgbox(1))",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body { display: none }</style>",
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<p style="position:fixed;top:0">covering</p>',
    '<div onmouseover="alert(1)" class="x">hover</div>',
    "<h1>Second headline</h1>",
    "<!-- a comment --><base href='https://evil.example/'>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "</div></article><script>alert(1)</script>",
]
DANGEROUS_TAGS = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button",
    "base", "meta", "link", "h1",
}  # fmt: skip


def assert_body_is_inert(root: etree.Element) -> None:
    for element in root.iter():
        assert element.tag not in DANGEROUS_TAGS, element.tag
        if element.tag == "a" and "href" not in element.attrib:
            assert "rel" not in element.attrib  # HTML allows rel only with an address
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name == "style":
                assert element.tag in ("th", "td") and value.startswith("text-align:")
            if name in ("href", "src"):
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), value


@pytest.mark.parametrize("attack", BODY_ATTACKS)
def test_body_attack_is_neutralised(renderer: BodyRenderer, attack: str) -> None:
    root = fragment(renderer.render_body(f"Before.\n\n{attack}\n\nAfter.", lookup()))
    assert_body_is_inert(root)
    assert "alert(1)" not in "".join(
        value for element in root.iter() for value in element.attrib.values()
    )


def test_all_attacks_at_once_leave_story_text(renderer: BodyRenderer) -> None:
    # An unclosed <style> (the <math> attack) swallows what follows, as it would in a browser.
    closed = [attack for attack in BODY_ATTACKS if not attack.startswith("<math>")]
    body = "\n\n".join(["Opening paragraph.", *closed, "Closing paragraph."])
    root = fragment(renderer.render_body(body, lookup()))
    assert_body_is_inert(root)
    text = text_of(root)
    assert "Opening paragraph." in text and "Closing paragraph." in text


# --- page parts ----------------------------------------------------------------------------------


def efe_article() -> Article:
    """The reference EFE story (tests/data/caravan-efe.md), as the importer would shape it."""
    return Article(
        headline="México pushes back Migrant Caravan!",
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(
            place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3), source="EFE"
        ),
        language="en",
        sign_off="jmb/dgp/mcd",
        end_mark="EFE",
        editors_note=EDITORS_NOTE,
        body=(
            "A caravan of over 1,500 migrants that set out from Mexico’s southern border on "
            "Tuesday faced push back by Mexican authorities from leaving the state of Chiapas.\n\n"
            "The contingent left the municipality of Huixtla at 5:00 am at a slow pace.\n"
            "![](photo:map)\n"
            "The migrants, mostly Venezuelans, told EFE that authorities have been following "
            "them along the route.\n\n"
            "## Mexico wants migrants in the south\n\n"
            "![](/wp-content/uploads/2024/11/GGL-1-800x366.png)\n\n"
            "> “The president of Mexico should give us the support to go to Mexico City,” said "
            "Venezuelan Genaro Cárdenas.\n\n"
            "“We all come in peace,” she said."
        ),
        photos=[
            ImageRef(
                id="caravan",
                original_name="Migrant-caravan-768x512.jpg",
                caption="Migrants walk in Huixtla, Chiapas.",
                credit="EFE/Juan Manuel Blanco",
                featured=True,
            ),
            ImageRef(id="map", original_name="MapforMayor-copy-1-800x400.jpg"),
        ],
    )


def test_efe_story_structure(renderer: BodyRenderer) -> None:
    parts = render_parts(efe_article(), renderer, photo_url)
    header = fragment(parts.header).find("header")
    assert classes(header) == {"article-header"}
    assert text_of(header.find("h1")) == "México pushes back Migrant Caravan!"
    credits = header.find("p")
    assert classes(credits) == {"dateline-byline"}
    assert [(span.get("class"), text_of(span)) for span in credits] == [
        ("dateline", "Tapachula, Mexico, Dec 3 (EFE).-"),
        ("byline", "By Juan Manuel Blanco"),
    ]
    # The dateline and each name isolated, so another script cannot reorder the words around.
    assert [bdi.text for bdi in credits.iter("bdi")] == [
        "Tapachula, Mexico, Dec 3 (EFE).-",
        "Juan Manuel Blanco",
    ]
    lead = header.find("figure")  # featured, not placed in the body, file missing
    assert classes(lead) == {"photo", "photo-missing", "photo-lead"}
    assert "Migrant-caravan-768x512.jpg" in text_of(lead)
    assert text_of(lead.find("figcaption")) == (
        "Migrants walk in Huixtla, Chiapas. EFE/Juan Manuel Blanco"
    )

    body = fragment(parts.body)
    assert [child.tag for child in body] == [
        "p", "p", "figure", "p", "h2", "figure", "blockquote", "p",
    ]  # fmt: skip
    assert body.find(".//img") is None  # every photo is missing: placeholders only
    assert [figure.get("data-photo-id") for figure in body.findall("figure")] == ["map", None]
    assert "GGL-1-800x366.png" in text_of(body[5])
    assert text_of(body.find("blockquote")).strip().startswith("“The president of Mexico")
    last = body[-1]
    assert text_of(last) == "“We all come in peace,” she said. EFE"
    assert last.find("span").get("class") == "end-mark"

    footer = fragment(parts.footer).find("footer")
    assert classes(footer) == {"article-footer"}
    assert footer.find("p").get("class") == "sign-off" and footer.find("p").text == "jmb/dgp/mcd"
    assert EDITORS_NOTE not in parts.header + parts.body + parts.footer


def test_featured_photo_placed_in_body_leads_and_is_not_repeated(renderer: BodyRenderer) -> None:
    # The lead photo leads wherever the body places it: on top, and not again in its place,
    # which it takes back once it no longer leads (the body text is never changed).
    article = efe_article()
    article.body += "\n\n![](photo:caravan)\n\nAfter the photo."
    parts = render_parts(article, renderer, photo_url)
    assert 'data-photo-id="caravan"' in parts.header and "photo-lead" in parts.header
    assert 'data-photo-id="caravan"' not in parts.body
    assert "After the photo." in parts.body
    article.photos[0].featured = False
    parts = render_parts(article, renderer, photo_url)
    assert "figure" not in parts.header
    assert parts.body.count('data-photo-id="caravan"') == 1


def test_no_sign_off_no_footer(renderer: BodyRenderer) -> None:
    article = efe_article()
    article.sign_off = "  "
    assert render_parts(article, renderer, photo_url).footer == ""


def test_changed_parts() -> None:
    old = ArticleParts("h", "b", "f")
    assert old.changed_since(None) == {"header": "h", "body": "b", "footer": "f"}
    assert ArticleParts("h", "b2", "f").changed_since(old) == {"body": "b2"}
    assert old.changed_since(old) == {}


@pytest.mark.parametrize(
    ("names", "spanish", "expected"),
    [
        ([], False, ""),
        (["Ana"], False, "By Ana"),
        (["Ana", " "], False, "By Ana"),
        (["Ana", "Bo"], False, "By Ana and Bo"),
        (["Ana", "Bo", "Cy"], False, "By Ana, Bo and Cy"),
        (["Ana", "Bo"], True, "Por Ana y Bo"),
        (["Ana", "Bo", "Cy"], True, "Por Ana, Bo y Cy"),
        (["Juan", "Isabel"], True, "Por Juan e Isabel"),
        (["Juan", "Hilda"], True, "Por Juan e Hilda"),
        (["Juan", "Iacopo"], True, "Por Juan y Iacopo"),
    ],
)
def test_byline(names: list[str], spanish: bool, expected: str) -> None:
    assert byline_text(names, spanish=spanish) == expected


def test_spanish_article_byline(renderer: BodyRenderer) -> None:
    article = efe_article()
    article.language = "es-MX"
    article.byline = ["Juan Manuel Blanco", "Ana Pérez"]
    header = fragment(render_parts(article, renderer, photo_url).header)
    assert text_of(header.find(".//*[@class='byline']")) == "Por Juan Manuel Blanco y Ana Pérez"


@pytest.mark.parametrize(
    ("language", "tag", "locale"),
    [
        ("es", "es", "es_ES"),
        ("en", "en", "en_US"),
        ("es_MX", "es-MX", "es_MX"),
        ("zh-Hant-TW", "zh-Hant-TW", "zh_TW"),
        ("gsw", "gsw", None),
        ("", "en", "en_US"),
        ('en"><script>', "en", "en_US"),
    ],
)
def test_language_tags(language: str, tag: str, locale: str | None) -> None:
    assert html_language(language) == tag
    assert og_locale(html_language(language)) == locale


# --- the standalone page -------------------------------------------------------------------------


def test_page_is_valid_html5_with_metadata(renderer: BodyRenderer) -> None:
    article = efe_article()
    article.dek = "Mexico keeps the caravan in Chiapas"
    article.tags = ["migration", "Mexico"]
    article.section = "World"
    article.photos[0].media_path = "media/caravan.jpg"  # the featured photo is present
    article.photos[0].alt = "Migrants on a road"
    page = render_page(
        article, renderer, lambda image: f"https://cdn.example/{image.id}.jpg", css="p{}"
    )
    document = parse_page(page)
    assert page.startswith("<!DOCTYPE html>")
    assert document.get("lang") == "en"
    head = document.find("head")
    assert head.find("meta").get("charset") == "utf-8"
    assert head.find("title").text == article.headline
    meta = {
        element.get("property") or element.get("name"): element.get("content")
        for element in head.findall("meta")
        if element.get("content") is not None
    }
    assert meta["description"] == article.dek
    assert meta["og:type"] == "article"
    assert meta["og:title"] == article.headline
    assert meta["og:image"] == "https://cdn.example/caravan.jpg"
    assert meta["og:locale"] == "en_US"
    assert meta["article:published_time"] == "2024-12-03"
    tags = [m.get("content") for m in head.findall("meta") if m.get("property") == "article:tag"]
    assert tags == ["migration", "Mexico"]
    (script,) = head.findall("script")
    assert script.get("type") == "application/ld+json"
    data = json.loads(script.text)
    assert data["@type"] == "NewsArticle"
    assert data["author"] == [{"@type": "Person", "name": "Juan Manuel Blanco"}]
    assert data["dateline"] == "Tapachula, Mexico, Dec 3 (EFE).-"
    assert data["image"] == ["https://cdn.example/caravan.jpg"]
    assert data["inLanguage"] == "en" and data["articleSection"] == "World"
    article_element = document.find("body/main/article")
    assert classes(article_element) == {"dateline-article"}
    assert [child.tag for child in article_element] == ["header", "div", "footer"]
    assert EDITORS_NOTE not in page


def test_json_for_script_cannot_close_its_element() -> None:
    hostile = "</script><script>alert(1)</script><!-- & -->"
    text = json_for_script({"headline": hostile})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"headline": hostile}


def test_article_css_is_there() -> None:
    css = read_article_css()
    assert ".photo-placeholder" in css and "@media print" in css


# --- the preview shell ---------------------------------------------------------------------------


def test_preview_shell_has_regions_and_a_csp_bound_to_its_one_script() -> None:
    page = preview_shell_html("body { color: black }")
    document = parse_page(page)
    policy = next(
        meta.get("content")
        for meta in document.iter("meta")
        if (meta.get("http-equiv") or "").lower() == "content-security-policy"
    )
    assert "default-src 'none'" in policy
    assert "style-src 'unsafe-inline'" in policy
    assert "img-src file: data:" in policy
    (nonce,) = re.findall(r"script-src 'nonce-([A-Za-z0-9_-]+)'", policy)
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    scripts = list(document.iter("script"))
    assert len(scripts) == 1 and scripts[0].get("nonce") == nonce
    assert "window.datelineUpdate" in scripts[0].text
    article = document.find("body/main/article")
    assert [(child.get("id"), child.text) for child in article] == [
        ("dl-header", None),
        ("dl-body", None),
        ("dl-footer", None),
    ]
    assert "body { color: black }" in page


def test_each_shell_gets_a_fresh_nonce() -> None:
    nonce = re.compile(r"nonce-([A-Za-z0-9_-]+)")
    first = nonce.search(preview_shell_html("")).group(1)
    second = nonce.search(preview_shell_html("")).group(1)
    assert first != second and len(first) >= 16


def test_update_script_is_safe_javascript() -> None:
    hostile = "</script><script>alert(1)</script>\u2028<!--"
    parts = {"header": hostile, "body": "<p>ok</p>", "lang": "es"}
    script = update_script(parts)
    assert "</script" not in script.lower() and "<!--" not in script
    assert "\u2028" not in script
    match = re.fullmatch(r"window\.datelineUpdate\((.*)\);", script, re.DOTALL)
    assert match and json.loads(match.group(1)) == parts


def test_update_script_refuses_unknown_parts() -> None:
    with pytest.raises(ValueError, match="sidebar"):
        update_script({"sidebar": "x"})


# --- responsive photos ------------------------------------------------------------------------


def test_a_photo_source_with_renditions_gets_srcset_and_sizes() -> None:
    def sources(image: ImageRef) -> PhotoSource:
        return PhotoSource(
            src=f"images/{image.id}-1024.jpg",
            srcset=f'images/{image.id}-768.jpg 768w, images/{image.id}-1024.jpg 1024w, "x" 9w',
            sizes="(max-width: 42em) 100vw, 42em",
        )

    rendered = BodyRenderer().render("![](photo:p1)", PhotoLookup.of([present("p1")], sources))
    img = fragment(rendered.html).find(".//img")
    assert img.get("src") == "images/p1-1024.jpg"
    assert img.get("srcset").startswith("images/p1-768.jpg 768w")
    assert img.get("srcset").endswith('"x" 9w')  # escaped, read back intact
    assert img.get("sizes") == "(max-width: 42em) 100vw, 42em"


def test_a_plain_address_gets_no_srcset(renderer: BodyRenderer) -> None:
    rendered = renderer.render("![](photo:p1)", lookup(present("p1")))
    img = fragment(rendered.html).find(".//img")
    assert img.get("srcset") is None and img.get("sizes") is None
