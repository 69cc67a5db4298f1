"""The ``html`` export: one standalone, valid, inert and reproducible web page; and the registry."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from PIL import Image, IptcImagePlugin

from editor.export import EXPORTERS, get_exporter, list_formats
from editor.export.base import ExportError, ExportOptions, UnknownFormatError
from editor.export.html import HtmlExporter
from editor.model.article import Article, Crop, Dateline, ImageRef
from editor.model.media_store import MediaStore

import factories
from export_samples import EDITORS_NOTE, PNG_BYTES, efe_with_photos
from golden import assert_golden
from locations import DATA
from nu_checker import needs_nu_checker, nu_errors
from strict_html import parse_page

SAMPLE_IMAGES = DATA / "images"

# A tiny real GIF beside the PNG, so the tests do not depend on files outside the repository.
GIF_BYTES = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '[x](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">a</a> '
    '<iframe src="https://evil.example/"></iframe> <style>*{display:none}</style> '
    "</script></style></title><!-- ' & \u2028"
)
HOSTILE_BODY = "\n\n".join(
    [
        "Opening paragraph.",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "[x](javascript:alert(1)) and [v](vbscript:msgbox(1)) and [d](data:text/html,hi)",
        '<a href="JaVaScRiPt:alert(1)">link</a>',
        '<iframe src="https://evil.example/"></iframe>',
        "<style>body { display: none }</style>",
        '<div onclick="alert(1)" style="position:fixed">div</div>',
        "![](photo:photo1)",
        "![](photo:photo2)",
        "Closing paragraph.",
    ]
)


def text_of(element: etree.Element) -> str:
    return "".join(element.itertext())


def find_class(root: etree.Element, css_class: str) -> etree.Element:
    return next(e for e in root.iter() if css_class in (e.get("class") or "").split())


def make_article(**overrides: object) -> tuple[Article, MediaStore]:
    media = MediaStore()
    png_path = media.add_bytes(PNG_BYTES, "png")
    gif_path = media.add_bytes(GIF_BYTES, "gif")
    values: dict[str, object] = {
        **factories.efe_wire_fields(),
        "url_slug": "mexico-pushes-back-migrant-caravan",
        "language": "en",
        "body": (
            "The caravan set out on Tuesday.\n\n![](photo:photo1)\n\n## On the road\n\n"
            "> “We come in peace,” she said.\n\n![](photo:gone)\n\nThe march goes on."
        ),
        "photos": [
            ImageRef(
                id="photo1",
                original_name="march.png",
                media_path=png_path,
                format="PNG",
                width=1,
                height=1,
                caption="Migrants walk",
                credit="EFE/Juan Manuel Blanco",
                alt="A column of people on a road",
            ),
            ImageRef(
                id="photo2",
                original_name="lead.gif",
                media_path=gif_path,
                format="GIF",
                width=1,
                height=1,
                featured=True,
                caption="Lead",
                alt="Lead photo",
            ),
            ImageRef(id="gone", original_name="Migrant2-750x500.jpg", caption="Not here"),
        ],
    }
    return factories.article(**{**values, **overrides}), media


def export(tmp_path: Path, article: Article, media: MediaStore, name: str = "out.html") -> str:
    out = tmp_path / name
    get_exporter("html").export(article, media, out)
    return out.read_text(encoding="utf-8")


def decoded_jpeg(uri: str) -> Image.Image:
    """The picture inside one of our ``data:`` photos; fails unless it is a clean JPEG."""
    assert uri.startswith("data:image/jpeg;base64,"), uri[:40]
    image = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
    assert image.format == "JPEG"
    assert not image.getexif(), "an exported photo carries EXIF (location, camera, owner)"
    return image


def assert_inert(document: etree.Element, media: MediaStore) -> None:
    """No script but the JSON-LD, no event handler, no script or data URL except our photos."""
    scripts = list(document.iter("script"))
    assert [script.get("type") for script in scripts] == ["application/ld+json"]
    styles = list(document.iter("style"))
    assert len(styles) == 1 and styles[0] in list(document.find("head"))
    for tag in ("iframe", "object", "embed", "svg", "math", "form", "base", "link"):
        assert document.find(f".//{tag}") is None, tag
    for element in document.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "action", "formaction", "srcset", "poster"):
                url = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not url.startswith(("javascript:", "vbscript:")), value
                if url.startswith("data:"):
                    assert element.tag == "img", value
                    decoded_jpeg(value)


# --- a well-formed page --------------------------------------------------------------------------


def test_export_is_strict_html5_with_language(tmp_path: Path) -> None:
    article, media = make_article(language="es")
    document = parse_page(export(tmp_path, article, media))
    assert document.get("lang") == "es"
    assert "Por Juan Manuel Blanco" in text_of(document.find("body"))


def test_photos_are_embedded_as_clean_renditions(tmp_path: Path) -> None:
    article, media = make_article()
    document = parse_page(export(tmp_path, article, media))
    figures = {f.get("data-photo-id"): f for f in document.iter("figure")}
    body_photo = figures["photo1"].find("img")
    assert decoded_jpeg(body_photo.get("src")).size == (1, 1)  # a rendition, never upscaled
    assert body_photo.get("alt") == "A column of people on a road"
    assert text_of(figures["photo1"].find("figcaption")) == "Migrants walk EFE/Juan Manuel Blanco"
    lead = figures["photo2"]  # featured and not placed in the body: the header's lead photo
    assert "photo-lead" in lead.get("class").split()
    decoded_jpeg(lead.find("img").get("src"))
    # A photo without its file is left out: never the editor's placeholder for readers.
    assert "gone" not in figures
    page_text = text_of(document)
    assert "Migrant2-750x500.jpg" not in page_text
    assert "not in the story package" not in page_text
    assert not any("photo-placeholder" in (e.get("class") or "") for e in document.iter())


def test_structure_end_mark_and_footer(tmp_path: Path) -> None:
    article, media = make_article()
    document = parse_page(export(tmp_path, article, media))
    body = find_class(document, "article-body")
    assert body.find("h2").text == "On the road"
    assert text_of(body.find("blockquote")).strip() == "“We come in peace,” she said."
    last = list(body)[-1]
    assert last.tag == "p" and text_of(last) == "The march goes on. EFE"
    assert find_class(document, "sign-off").text == "jmb/dgp/mcd"
    assert text_of(find_class(document, "dateline")) == "Tapachula, Mexico, Dec 3 (EFE).-"


def test_metadata_open_graph_and_json_ld(tmp_path: Path) -> None:
    article, media = make_article()
    page = export(tmp_path, article, media)
    head = parse_page(page).find("head")
    properties = {}
    for meta in head.findall("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            properties.setdefault(key, []).append(meta.get("content"))
    assert properties["og:type"] == ["article"]
    assert properties["og:title"] == [article.headline]
    assert properties["og:description"] == [article.dek]
    assert properties["og:locale"] == ["en_US"]
    assert properties["article:published_time"] == ["2024-12-03"]
    assert properties["article:tag"] == ["migration", "Mexico"]
    # A data: URI is of no use to link-preview crawlers: no og:image in a self-contained page.
    assert "og:image" not in properties
    data = json.loads(head.find("script").text)
    assert {
        "@context", "@type", "headline", "description", "author", "datePublished",
        "dateModified", "inLanguage", "keywords", "dateline", "articleSection",
    } <= set(data)  # fmt: skip
    assert data["@type"] == "NewsArticle"
    assert data["dateModified"] == "2024-12-03T10:45:00+00:00"
    assert data["keywords"] == ["migration", "Mexico"]


def test_editors_note_never_appears(tmp_path: Path) -> None:
    article, media = make_article()
    page = export(tmp_path, article, media)
    assert EDITORS_NOTE not in page
    assert "hold until" not in page


def test_export_is_deterministic(tmp_path: Path) -> None:
    article, media = make_article()
    first = tmp_path / "a.html"
    second = tmp_path / "b.html"
    get_exporter("html").export(article, media, first)
    HtmlExporter().export(article, media, second)  # a fresh exporter and renderer, too
    assert first.read_bytes() == second.read_bytes()


# --- hostile input -------------------------------------------------------------------------------


@pytest.mark.parametrize("dateline_kind", ["place", "override"])
def test_hostile_fields_are_shown_as_text_and_never_run(tmp_path: Path, dateline_kind: str) -> None:
    dateline = (
        Dateline(place=HOSTILE, country=HOSTILE, date=dt.date(2024, 12, 3), source="EFE")
        if dateline_kind == "place"
        else Dateline(override=HOSTILE)
    )
    article, media = make_article(
        headline=HOSTILE,
        dek=HOSTILE,
        byline=[HOSTILE, "Ana"],
        dateline=dateline,
        slug=HOSTILE,
        url_slug=HOSTILE,
        section=HOSTILE,
        tags=[HOSTILE, "safe"],
        language=HOSTILE,
        sign_off=HOSTILE,
        end_mark=HOSTILE,
        editors_note=HOSTILE + EDITORS_NOTE,
        body=HOSTILE_BODY,
    )
    for image in article.photos:
        image.caption = image.credit = image.alt = image.original_name = HOSTILE
    page = export(tmp_path, article, media)
    document = parse_page(page)
    assert_inert(document, media)
    assert EDITORS_NOTE not in page
    assert document.get("lang") == "en"

    # Every field reads back exactly as typed.
    head = document.find("head")
    shown = HOSTILE.strip()
    assert head.find("title").text == shown
    assert find_class(document, "headline").text == shown
    assert find_class(document, "dek").text == shown
    assert text_of(find_class(document, "byline")) == f"By {shown} and Ana"
    dateline_text = text_of(find_class(document, "dateline"))
    assert shown in dateline_text
    assert find_class(document, "sign-off").text == shown
    assert find_class(document, "end-mark").text == shown
    tags = [m.get("content") for m in head.findall("meta") if m.get("property") == "article:tag"]
    assert tags == [shown, "safe"]
    for figure in document.iter("figure"):
        if figure.find("img") is not None:
            assert figure.find("img").get("alt") == shown
        assert find_class(figure, "caption").text == shown
        assert find_class(figure, "credit").text == shown
    assert "Opening paragraph." in page and "Closing paragraph." in page

    # The JSON-LD parses and round-trips every hostile string.
    data = json.loads(head.find("script").text)
    assert data["headline"] == shown
    assert data["description"] == shown
    assert data["author"][0]["name"] == shown
    assert data["articleSection"] == shown
    assert data["keywords"] == [shown, "safe"]
    assert shown in data["dateline"]
    assert data["inLanguage"] == "en"


# --- writing the file ----------------------------------------------------------------------------


def test_export_replaces_the_file_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    article, media = make_article()
    out = tmp_path / "story.html"
    out.write_text("old", encoding="utf-8")
    get_exporter("html").export(article, media, out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [path.name for path in tmp_path.iterdir()] == ["story.html"]


def test_unwritable_destination_is_a_clear_export_error(tmp_path: Path) -> None:
    article, media = make_article()
    with pytest.raises(ExportError, match="cannot write"):
        get_exporter("html").export(article, media, tmp_path / "no-such-folder" / "x.html")


def test_photo_file_absent_from_the_store_is_an_export_error(tmp_path: Path) -> None:
    article, media = make_article()
    media.discard(article.photos[0].media_path)
    with pytest.raises(ExportError, match=r"photo1.*not in the story package"):
        export(tmp_path, article, media)
    assert not list(tmp_path.iterdir())


def test_a_format_browsers_do_not_show_is_exported_as_jpeg(tmp_path: Path) -> None:
    article, media = make_article()
    tiff = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(tiff, "TIFF")
    article.photos[0].format = "TIFF"
    article.photos[0].media_path = media.add_bytes(tiff.getvalue(), "tif")
    document = parse_page(export(tmp_path, article, media))
    figure = next(f for f in document.iter("figure") if f.get("data-photo-id") == "photo1")
    assert decoded_jpeg(figure.find("img").get("src")).size == (40, 30)


def test_real_photo_is_cropped_captioned_and_stripped(tmp_path: Path) -> None:
    data = (SAMPLE_IMAGES / "rocket.jpg").read_bytes()
    article, media = make_article()
    photo = article.photos[0]
    photo.media_path = media.add_bytes(data, "jpg")
    photo.format, photo.width, photo.height = "JPEG", 640, 427
    photo.crop = Crop(0.25, 0.0, 0.75, 1.0)
    document = parse_page(export(tmp_path, article, media))
    figure = next(f for f in document.iter("figure") if f.get("data-photo-id") == "photo1")
    img = figure.find("img")
    assert (img.get("width"), img.get("height")) == ("320", "427")
    picture = decoded_jpeg(img.get("src"))
    assert picture.size == (320, 427)
    iptc = IptcImagePlugin.getiptcinfo(picture)
    assert iptc[(2, 120)] == b"Migrants walk"
    assert iptc[(2, 110)] == b"EFE/Juan Manuel Blanco"


# --- the registry --------------------------------------------------------------------------------


def test_registry_knows_html() -> None:
    exporter = get_exporter("html")
    assert isinstance(exporter, HtmlExporter)
    assert EXPORTERS["html"] is exporter
    assert exporter.extension == ".html"
    assert ("html", exporter.description) in list_formats()
    assert "\n" not in exporter.description


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(UnknownFormatError) as caught:
        get_exporter("quark")
    assert isinstance(caught.value, KeyError)
    assert "quark" in str(caught.value) and "html, markdown" in str(caught.value)


@pytest.mark.slow
@needs_nu_checker
def test_standalone_pages_pass_the_nu_html_checker(tmp_path: Path) -> None:
    exporter = HtmlExporter()
    efe, efe_media = efe_with_photos()
    hostile, hostile_media = make_article(headline=HOSTILE, dek=HOSTILE, body=HOSTILE_BODY)
    efe_page = exporter.render(efe, efe_media).encode("utf-8")
    pages = {
        "efe.html": efe_page,
        "hostile.html": exporter.render(hostile, hostile_media).encode("utf-8"),
        # The checker must be able to fail: the same page with a stray block in a paragraph.
        "broken.html": efe_page.replace(b"<p>", b"<p><div>", 1),
    }
    errors = nu_errors(pages, tmp_path)
    assert errors.pop("broken.html"), "the checker found nothing wrong with a broken page"
    assert errors == {}


def test_efe_page_matches_golden() -> None:
    # The photos' bytes depend on the JPEG library's version; the page around them must not.
    article, media = efe_with_photos()
    page = HtmlExporter().render(article, media, ExportOptions(parallel=False))
    assert page.count("data:image/jpeg;base64,") == len(article.photos)
    assert_golden("html_efe.html", re.sub(r"(data:image/jpeg;base64,)[^\"]+", r"\1…", page))
