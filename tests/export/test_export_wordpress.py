"""The ``wordpress`` export: block markup the block editor's grammar accepts, a WXR 1.2 file
with what the WordPress importer reads, the photos it points at; inert and reproducible."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree as lxml_etree
from PIL import Image

from editor.export.base import ExportError, ExportOptions
from editor.export.bundle import MARKER_NAME
from editor.export.wordpress import PostIds, WordPressExporter, term_slug
from editor.export.wxr import cdata
from editor.model.article import Article, Dateline

from export_samples import efe_with_photos
from golden import assert_golden
from strict_html import parse_fragment

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
}
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    "<!-- wp:html --><script>alert(2)</script><!-- /wp:html --> ]]> --> & \x0b\x00 '"
)
HOSTILE_BODY = "\n\n".join(
    [
        "Opening paragraph with ]]> inside and <!-- wp:html --> too.",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1)) and [y](https://example.org/]]>?a=<b>)",
        '<iframe src="https://evil.example/"></iframe>',
        "<!-- /wp:paragraph --><script>alert(3)</script>",
        "![](photo:p2)",
        "Closing ]]]]> paragraph.",
    ]
)

# --- a parser of the block grammar ---------------------------------------------------------------

# The block delimiter as the block editor's own parser reads it: an optional closing slash, the
# name (with an optional namespace), optional JSON attributes, an optional self-closing slash.
_DELIMITER_RE = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.S,
)


@dataclass
class Block:
    name: str
    attributes: dict
    inner_html: str = ""
    inner_blocks: list[Block] = field(default_factory=list)


def parse_blocks(markup: str) -> list[Block]:
    """The block tree; AssertionError unless every block opened is closed, in order, with JSON
    attributes, and nothing but whitespace lies between top-level blocks."""
    top: list[Block] = []
    stack: list[tuple[Block, int]] = []
    position = 0
    for match in _DELIMITER_RE.finditer(markup):
        between = markup[position : match.start()]
        if stack:
            stack[-1][0].inner_html += between
        else:
            assert not between.strip(), f"text outside any block: {between[:80]!r}"
        position = match.end()
        name = match["name"]
        if match["closer"]:
            assert stack, f"/wp:{name} closes nothing"
            opened, _ = stack.pop()
            assert opened.name == name, f"/wp:{name} closes wp:{opened.name}"
            continue
        attributes = json.loads(match["attrs"]) if match["attrs"] else {}
        assert isinstance(attributes, dict)
        block = Block(name, attributes)
        (stack[-1][0].inner_blocks if stack else top).append(block)
        if not match["void"]:
            stack.append((block, match.start()))
    assert not stack, f"wp:{stack[-1][0].name} is never closed"
    assert not markup[position:].strip(), "text after the last block"
    # No other comment hides in the markup: every "<!--" is a block delimiter.
    assert markup.count("<!--") == len(_DELIMITER_RE.findall(markup))
    return top


def walk(blocks: list[Block]):
    for block in blocks:
        yield block
        yield from walk(block.inner_blocks)


def test_block_parser_can_fail() -> None:
    for broken in (
        "<!-- wp:paragraph --><p>x</p>",
        "<!-- wp:quote --><!-- wp:paragraph --><p>x</p><!-- /wp:quote --><!-- /wp:paragraph -->",
        '<!-- wp:heading {"level":3,} --><h3>x</h3><!-- /wp:heading -->',
        "<p>loose</p><!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->",
    ):
        with pytest.raises((AssertionError, json.JSONDecodeError)):
            parse_blocks(broken)


# --- the EFE sample ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exporter() -> WordPressExporter:
    return WordPressExporter()


@pytest.fixture(scope="module")
def efe(exporter: WordPressExporter) -> tuple[Article, dict[str, bytes]]:
    article, media = efe_with_photos()
    return article, exporter.files(article, media)


def wxr_root(files: dict[str, bytes]) -> lxml_etree._Element:
    # The importer refuses a DOCTYPE and resolves no entities; parse the same way.
    parser = lxml_etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = lxml_etree.fromstring(files["wordpress.xml"], parser)
    assert root.getroottree().docinfo.doctype == ""
    return root


def items(root: lxml_etree._Element, post_type: str) -> list[lxml_etree._Element]:
    return [
        i
        for i in root.iterfind("channel/item")
        if i.findtext("wp:post_type", None, NS) == post_type
    ]


def test_efe_bundle_files_and_golden(efe: tuple[Article, dict[str, bytes]]) -> None:
    _, files = efe
    assert sorted(files) == [
        "photos/mexico-pushes-back-migrant-caravan-p1.jpg",
        "photos/mexico-pushes-back-migrant-caravan-p2.jpg",
        "photos/mexico-pushes-back-migrant-caravan-p3.jpg",
        "photos/mexico-pushes-back-migrant-caravan-p4.jpg",
        "photos/mexico-pushes-back-migrant-caravan-p5.jpg",
        "post.html",
        "wordpress.xml",
    ]
    assert_golden("wordpress/efe-post.html", files["post.html"])
    assert_golden("wordpress/efe-wordpress.xml", files["wordpress.xml"])


def test_efe_blocks_follow_the_grammar_and_map_the_body(
    efe: tuple[Article, dict[str, bytes]],
) -> None:
    _, files = efe
    markup = files["post.html"].decode("utf-8")
    blocks = parse_blocks(markup)
    parse_fragment(markup)  # and the HTML inside is clean
    names = [block.name for block in blocks]
    assert names.count("image") == 4  # p2..p5; the lead photo is the featured image instead
    assert names.count("heading") == 1 and names.count("paragraph") == 16
    heading = blocks[names.index("heading")]
    assert heading.attributes == {}  # h2 is the default level
    assert heading.inner_html.strip() == (
        '<h2 class="wp-block-heading">Mexico wants migrants in the south</h2>'
    )
    first = parse_fragment(blocks[0].inner_html).find("p")
    assert "".join(first.itertext()).startswith("Tapachula, Mexico, Dec 3 (EFE).- A caravan")
    assert blocks[-1].name == "paragraph" and "jmb/dgp/mcd" in blocks[-1].inner_html
    end_mark = parse_fragment(blocks[-3].inner_html).find(".//span")
    assert end_mark.get("class") == "end-mark" and end_mark.text == "EFE"
    for block in blocks:
        if block.name == "image":
            assert set(block.attributes) == {"id", "sizeSlug", "linkDestination"}
            figure = parse_fragment(block.inner_html).find("figure")
            assert figure.get("class") == "wp-block-image size-large"
            img = figure.find("img")
            assert img.get("class") == f"wp-image-{block.attributes['id']}"
            assert figure.find("figcaption").get("class") == "wp-element-caption"


def test_efe_wxr_has_what_the_importer_reads(efe: tuple[Article, dict[str, bytes]]) -> None:
    article, files = efe
    root = wxr_root(files)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap == {**NS}
    channel = root.find("channel")
    assert channel.findtext("wp:wxr_version", None, NS) == "1.2"
    assert channel.find("wp:base_site_url", NS) is not None  # the importer reads it unguarded
    assert channel.findtext("wp:author/wp:author_login", None, NS) == "juan-manuel-blanco"
    assert channel.findtext("wp:author/wp:author_display_name", None, NS) == "Juan Manuel Blanco"
    assert [
        c.findtext("wp:category_nicename", None, NS) for c in channel.findall("wp:category", NS)
    ] == ["world"]
    assert [
        (t.findtext("wp:tag_slug", None, NS), t.findtext("wp:tag_name", None, NS))
        for t in channel.findall("wp:tag", NS)
    ] == [
        ("migration", "migration"),
        ("mexico", "Mexico"),
        ("chiapas", "Chiapas"),
    ]

    (post,) = items(root, "post")
    assert post.findtext("title") == article.headline
    assert post.findtext("content:encoded", None, NS) == files["post.html"].decode("utf-8")
    assert post.findtext("excerpt:encoded", None, NS) == article.dek
    assert post.findtext("dc:creator", None, NS) == "juan-manuel-blanco"
    assert post.findtext("wp:status", None, NS) == "draft"
    assert post.findtext("wp:post_name", None, NS) == "mexico-pushes-back-migrant-caravan"
    assert post.findtext("wp:post_date", None, NS) == "2024-12-03 14:05:00"
    assert post.findtext("wp:post_date_gmt", None, NS) == "2024-12-03 14:05:00"
    assert post.findtext("wp:post_parent", None, NS) == "0"
    post_id = int(post.findtext("wp:post_id", None, NS))
    terms = [(c.get("domain"), c.get("nicename"), c.text) for c in post.findall("category")]
    assert terms == [
        ("category", "world", "World"),
        ("post_tag", "migration", "migration"),
        ("post_tag", "mexico", "Mexico"),
        ("post_tag", "chiapas", "Chiapas"),
    ]
    meta = {
        m.findtext("wp:meta_key", None, NS): m.findtext("wp:meta_value", None, NS)
        for m in post.findall("wp:postmeta", NS)
    }

    attachments = items(root, "attachment")
    assert len(attachments) == 5
    by_id = {int(a.findtext("wp:post_id", None, NS)): a for a in attachments}
    assert len(by_id) == 5 and post_id not in by_id
    lead = by_id[int(meta["_thumbnail_id"])]  # the lead photo is the post's featured image
    assert lead.findtext("wp:attachment_url", None, NS).endswith("-p1.jpg")
    for attachment in attachments:
        assert int(attachment.findtext("wp:post_parent", None, NS)) == post_id
        assert attachment.findtext("wp:status", None, NS) == "inherit"
        url = attachment.findtext("wp:attachment_url", None, NS)
        assert url in files, "the attachment points at a file the export does not hold"
        with Image.open(io.BytesIO(files[url])) as picture:
            assert picture.format == "JPEG" and not picture.getexif()
        assert attachment.findtext("excerpt:encoded", None, NS).endswith(
            " — EFE/Juan Manuel Blanco"
        )
        assert (
            attachment.findtext("content:encoded", None, NS) == "EFE/Juan Manuel Blanco\n© EFE 2024"
        )
    alts = sorted(
        m.findtext("wp:meta_value", None, NS)
        for a in attachments
        for m in a.findall("wp:postmeta", NS)
        if m.findtext("wp:meta_key", None, NS) == "_wp_attachment_image_alt"
    )
    assert alts == ["", *(f"Migrants on a highway in Chiapas, view {n}" for n in (1, 2, 4, 5))]

    # Every image block names one of the attachments and shows its file, so the importer's
    # address rewriting reaches it.
    for block in walk(parse_blocks(files["post.html"].decode("utf-8"))):
        if block.name == "image":
            attachment = by_id[block.attributes["id"]]
            img = parse_fragment(block.inner_html).find(".//img")
            assert img.get("src") == attachment.findtext("wp:attachment_url", None, NS)


# --- the body's structures -----------------------------------------------------------------------


def structures_article() -> Article:
    return Article(
        headline="Structures",
        dateline=Dateline(
            place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3), source="EFE"
        ),
        body="\n".join(
            [
                "Lead & more.",
                "",
                "### A smaller head",
                "",
                "> “We come in peace,” she said.",
                ">",
                "> Second *quoted* paragraph.",
                "",
                "- one",
                "- two",
                "    - two a",
                "",
                "3. third",
                "4. fourth",
                "",
                "---",
                "",
                "    code <here>",
                "",
                "| a | b |",
                "|---|---|",
                "| 1 | 2 |",
            ]
        ),
        created=dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        modified=dt.datetime(2024, 12, 3, 10, 45, tzinfo=dt.UTC),
    )


def test_headings_quotes_lists_and_the_rest_become_their_blocks(
    exporter: WordPressExporter,
) -> None:
    markup = exporter.blocks(structures_article(), [])
    blocks = parse_blocks(markup)
    parse_fragment(markup)
    assert [(b.name, b.attributes) for b in blocks] == [
        ("paragraph", {}),
        ("heading", {"level": 3}),
        ("quote", {}),
        ("list", {}),
        ("list", {"ordered": True, "start": 3}),
        ("separator", {}),
        ("code", {}),
        ("html", {}),
    ]
    assert "Tapachula, Mexico, Dec 3 (EFE).- Lead &amp; more." in blocks[0].inner_html
    quote = blocks[2]
    assert quote.inner_html.strip().startswith('<blockquote class="wp-block-quote">')
    assert [b.name for b in quote.inner_blocks] == ["paragraph", "paragraph"]
    assert "<em>quoted</em>" in quote.inner_blocks[1].inner_html
    bullets = blocks[3]
    assert '<ul class="wp-block-list">' in bullets.inner_html
    assert [b.name for b in bullets.inner_blocks] == ["list-item", "list-item"]
    nested = bullets.inner_blocks[1].inner_blocks
    assert [b.name for b in nested] == ["list"] and nested[0].inner_blocks[0].name == "list-item"
    assert '<ol class="wp-block-list" start="3">' in blocks[4].inner_html
    assert "code &lt;here&gt;" in blocks[6].inner_html
    assert "<table>" in blocks[7].inner_html


# --- hostile input -------------------------------------------------------------------------------


def hostile_article() -> tuple[Article, object]:
    article, media = efe_with_photos()
    article.headline = article.dek = article.section = article.sign_off = HOSTILE
    article.byline = [HOSTILE]
    article.tags = [HOSTILE, "safe"]
    article.dateline = Dateline(override=HOSTILE)
    article.url_slug = HOSTILE
    article.body = HOSTILE_BODY
    for image in article.photos:
        image.caption = image.credit = image.alt = image.copyright = HOSTILE
    return article, media


def test_hostile_input_never_becomes_live_markup(exporter: WordPressExporter) -> None:
    article, media = hostile_article()
    files = exporter.files(article, media)  # type: ignore[arg-type]
    root = wxr_root(files)  # control characters removed, CDATA split: still well-formed XML
    markup = files["post.html"].decode("utf-8")
    blocks = parse_blocks(markup)
    # Only the blocks the body makes: typed block comments stay text.
    assert [b.name for b in blocks if b.name != "paragraph"] == ["image"]
    fragment = parse_fragment(markup)
    for tag in ("script", "iframe", "svg", "style", "object", "embed"):
        assert fragment.find(f".//{tag}") is None, tag
    for element in fragment.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert not value.lower().strip().startswith("javascript:"), value
    assert "]]&gt;" in markup and "]]>" not in markup
    assert "Photo not in the story package" not in markup  # a note to the reporter, not copy
    (post,) = items(root, "post")
    assert post.findtext("content:encoded", None, NS) == markup  # ]]> did not end the CDATA
    for text in (
        post.findtext("title"),
        post.findtext("excerpt:encoded", None, NS),
        *(c.text for c in post.findall("category")),
        *(a.findtext("excerpt:encoded", None, NS) for a in items(root, "attachment")),
        *(a.findtext("content:encoded", None, NS) for a in items(root, "attachment")),
        *(m.text for m in root.iterfind(".//wp:meta_value", NS)),
    ):
        assert "<" not in text and ">" not in text, text  # WordPress prints these as HTML
    title = post.findtext("title")
    assert title.startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "\x00" not in title and "\x0b" not in title
    assert re.fullmatch(r"[a-z0-9-]*", post.findtext("dc:creator", None, NS) or "")
    for image in files:
        assert re.fullmatch(r"post\.html|wordpress\.xml|photos/[A-Za-z0-9_-]+\.jpg", image), image


def test_cdata_splits_every_end_marker() -> None:
    for text in ("]]>", "a]]>b]]>c", "]]]]>", "]]", ">"):
        document = f"<x>{cdata(text)}</x>".encode()
        assert lxml_etree.fromstring(document).text == text


_exporter_for_properties = WordPressExporter()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4))
def test_any_paragraphs_give_valid_blocks_and_xml(paragraphs: list[str]) -> None:
    article = Article(
        headline=paragraphs[0],
        body="\n\n".join(paragraphs),
        created=dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        modified=dt.datetime(2024, 12, 3, 10, 45, tzinfo=dt.UTC),
    )
    files = _exporter_for_properties.files(article, None)  # type: ignore[arg-type]
    markup = files["post.html"].decode("utf-8")
    parse_blocks(markup)
    root = wxr_root(files)
    (post,) = items(root, "post")
    assert post.findtext("content:encoded", None, NS) == markup


# --- options, shape, determinism -----------------------------------------------------------------


def test_media_base_url_makes_attachments_fetchable(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    files = WordPressExporter("https://files.example.org/caravan").files(article, media)
    root = wxr_root(files)
    urls = [a.findtext("wp:attachment_url", None, NS) for a in items(root, "attachment")]
    assert (
        urls[0]
        == "https://files.example.org/caravan/photos/mexico-pushes-back-migrant-caravan-p1.jpg"
    )
    for url in urls:
        assert url.removeprefix("https://files.example.org/caravan/") in files
    srcs = re.findall(r'<img src="([^"]+)"', files["post.html"].decode("utf-8"))
    assert srcs and set(srcs) <= set(urls)
    with pytest.raises(ExportError, match="http"):
        WordPressExporter("javascript:alert(1)")


def test_media_base_url_can_come_with_one_export(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    exporter = WordPressExporter()
    options = ExportOptions(media_base_url="https://files.example.org/caravan/")
    files = exporter.files(article, media, options)
    urls = [a.findtext("wp:attachment_url", None, NS) for a in items(wxr_root(files), "attachment")]
    assert urls and all(url.startswith("https://files.example.org/caravan/photos/") for url in urls)
    plain = exporter.files(article, media)  # the exporter itself keeps no address
    assert all(
        not a.findtext("wp:attachment_url", None, NS).startswith("https:")
        for a in items(wxr_root(plain), "attachment")
    )
    with pytest.raises(ExportError, match="http"):
        exporter.files(article, media, ExportOptions(media_base_url="file:///etc/"))


def test_term_slugs_follow_wordpress() -> None:
    assert term_slug("México City") == "mexico-city"
    assert term_slug("  Lucha libre!  ") == "lucha-libre"
    assert term_slug("移民") == "%e7%a7%bb%e6%b0%91"


def test_export_is_deterministic_in_folder_and_zip(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    WordPressExporter().export(article, media, tmp_path / "a.zip")
    WordPressExporter().export(article, media, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    WordPressExporter().export(article, media, tmp_path / "folder")
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        zipped = {name: archive.read(name) for name in archive.namelist()}
    in_folder = {
        p.relative_to(tmp_path / "folder").as_posix(): p.read_bytes()
        for p in (tmp_path / "folder").rglob("*")
        if p.is_file() and p.name != MARKER_NAME
    }
    assert in_folder == zipped


def test_ids_come_from_the_article() -> None:
    article, media = efe_with_photos()
    first = WordPressExporter().files(article, media)["wordpress.xml"]
    again = WordPressExporter().files(article, media)["wordpress.xml"]
    assert first == again
    article.story_id = str(uuid.uuid4())  # another story
    other = wxr_root(WordPressExporter().files(article, media))
    assert items(other, "post")[0].findtext("wp:post_id", None, NS) not in first.decode()


def test_post_ids_stay_when_the_headline_changes() -> None:
    article, _ = efe_with_photos()
    ids = PostIds.of(article)
    article.headline = "Caravan reaches Huixtla"
    assert PostIds.of(article) == ids  # re-importing updates the same post
    article.story_id = str(uuid.uuid4())
    assert PostIds.of(article) != ids
