"""The lead photo leads every export: shown first, once, wherever the body places it.

The story places another photo, then its lead photo two paragraphs down. Each format must show
the lead photo before the first words of the body and not again where the body placed it; the
other photo stays in its place. Unticking the lead photo puts it back in its place.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from editor.export import get_exporter
from editor.export.base import ExportOptions
from editor.export.body_tree import parse_fragment, text_of
from editor.export.wordpress import POST_NAME, WXR_NAME, WordPressExporter
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore

from export_samples import PNG_BYTES

LEAD_CAPTION = "The lead: migrants rest in Huixtla."
OTHER_CAPTION = "Another: police on the road."
FIRST_WORDS = "The caravan set out at dawn."
BODY = (
    f"{FIRST_WORDS}\n\n![](photo:other)\n\nThe march goes on.\n\n![](photo:lead)\n\n"
    "They reached the river by night."
)


def story(*, lead: bool = True) -> tuple[Article, MediaStore]:
    media = MediaStore()

    def photo(photo_id: str, caption: str, featured: bool) -> ImageRef:
        return ImageRef(
            id=photo_id,
            original_name=f"{photo_id}.png",
            media_path=media.add_bytes(PNG_BYTES, "png"),
            format="PNG",
            width=1,
            height=1,
            caption=caption,
            credit="EFE",
            alt=f"Alt of {photo_id}",
            featured=featured,
        )

    photos = [photo("other", OTHER_CAPTION, False), photo("lead", LEAD_CAPTION, lead)]
    article = Article(headline="Caravan", body=BODY, photos=photos, language="en")
    return article, media


OPTIONS = ExportOptions(parallel=False)


def assert_leads(text: str, *, in_reading_order: bool = True) -> None:
    """The lead photo's caption once, before the first words; the other photo's in its place
    (``in_reading_order``: a page laid out for print may float it elsewhere)."""
    assert text.count(LEAD_CAPTION) == 1, text
    assert text.index(LEAD_CAPTION) < text.index(FIRST_WORDS)
    assert text.count(OTHER_CAPTION) == 1
    if in_reading_order:
        march = text.index("The march goes on.")
        assert text.index(FIRST_WORDS) < text.index(OTHER_CAPTION) < march


def assert_in_its_place(text: str) -> None:
    """Not leading: each photo's caption where the body places it."""
    assert text.count(LEAD_CAPTION) == 1
    assert text.index("The march goes on.") < text.index(LEAD_CAPTION)
    assert text.index(LEAD_CAPTION) < text.index("They reached the river by night.")


def html_text(page: str) -> str:
    return text_of(parse_fragment(page))


def html_export(article: Article, media: MediaStore) -> str:
    return html_text(get_exporter("html").render(article, media, OPTIONS))  # type: ignore[attr-defined]


@pytest.mark.parametrize("lead", [True, False])
def test_html_page(lead: bool) -> None:
    article, media = story(lead=lead)
    page = get_exporter("html").render(article, media, OPTIONS)  # type: ignore[attr-defined]
    (assert_leads if lead else assert_in_its_place)(html_text(page))
    header = page[page.index('<header class="article-header">') : page.index("</header>")]
    assert ('data-photo-id="lead"' in header) is lead


@pytest.mark.parametrize("lead", [True, False])
def test_web_bundle(lead: bool) -> None:
    article, media = story(lead=lead)
    files = get_exporter("web").files(article, media, OPTIONS)  # type: ignore[attr-defined]
    (assert_leads if lead else assert_in_its_place)(html_text(files["index.html"].decode()))


@pytest.mark.parametrize("lead", [True, False])
def test_word(tmp_path: Path, lead: bool) -> None:
    article, media = story(lead=lead)
    out = tmp_path / "story.docx"
    get_exporter("docx").export(article, media, out, OPTIONS)
    with zipfile.ZipFile(out) as archive:
        document = ET.fromstring(archive.read("word/document.xml"))
        pictures = [name for name in archive.namelist() if name.startswith("word/media/")]
    (assert_leads if lead else assert_in_its_place)("".join(document.itertext()))
    described = [
        element.get("descr")
        for element in document.iter()
        if element.tag.endswith("}docPr") and element.get("descr")
    ]
    assert described == (
        ["Alt of lead", "Alt of other"] if lead else ["Alt of other", "Alt of lead"]
    )
    assert len(pictures) >= 1


@pytest.mark.parametrize("format_name", ["nitf", "newsml"])
def test_nitf_and_newsml(tmp_path: Path, format_name: str) -> None:
    article, media = story()
    out = tmp_path / format_name
    get_exporter(format_name).export(article, media, out, OPTIONS)
    xml = next(out.rglob("*.xml")).read_text(encoding="utf-8")
    # NewsML-G2 carries the NITF document inline, beside metadata of its own.
    root = next(element for element in ET.fromstring(xml).iter() if element.tag.endswith("nitf"))
    media_ids = [
        element.get("id") or "" for element in root.iter() if element.tag.endswith("}media")
    ]
    assert len(media_ids) == 2
    assert_leads("".join(root.itertext()))


@pytest.mark.parametrize("format_name", ["ninjs", "ninjs3"])
def test_ninjs(tmp_path: Path, format_name: str) -> None:
    # ninjs has no header: the lead photo is the first association, and not in the HTML body.
    article, media = story()
    out = tmp_path / "story.json"
    get_exporter(format_name).export(article, media, out, OPTIONS)
    document = json.loads(out.read_text(encoding="utf-8"))
    body_html = next(body["value"] for body in document["bodies"] if body["role"] == "html")
    assert 'data-photo-id="lead"' not in body_html and LEAD_CAPTION not in body_html
    assert body_html.count('data-photo-id="other"') == 1
    assert [picture["name"] for picture in document["associations"]] == ["lead", "other"]


def test_wordpress_featured_image_and_post() -> None:
    article, media = story()
    files = WordPressExporter().files(article, media, OPTIONS)
    post = files[POST_NAME].decode("utf-8")
    assert LEAD_CAPTION not in post and "lead" not in "".join(
        element.get("data-photo-id") or "" for element in parse_fragment(post).iter()
    )
    assert OTHER_CAPTION in post
    wxr = files[WXR_NAME].decode("utf-8")
    thumbnail = wxr.split("<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>")[1]
    attachment_id = thumbnail.split("<![CDATA[")[1].split("]]>")[0]
    lead_item = next(
        item for item in wxr.split("<item>") if f"<wp:post_id>{attachment_id}</wp:post_id>" in item
    )
    assert "Alt of lead" in lead_item or LEAD_CAPTION in lead_item


@pytest.mark.usefixtures("qapp")
def test_pdf(tmp_path: Path) -> None:
    article, media = story()
    out = tmp_path / "story.pdf"
    get_exporter("pdf").export(article, media, out, OPTIONS)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert_leads(" ".join(text.split()), in_reading_order=False)
