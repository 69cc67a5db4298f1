"""Which photos the body places: one rule everywhere. A placement inside code (a fenced or
indented block, a code span) is code, shown as typed, and places nothing, so the featured
photo it names still leads the piece in the preview, the HTML page, Word, NITF, the Markdown
bundle and the web bundle alike."""

from __future__ import annotations

import zipfile
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from editor.export import get_exporter
from editor.export.base import ExportOptions
from editor.export.markdown import bundle_body
from editor.export.photo_copies import published_photos
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.render.markdown import BodyRenderer
from editor.render.page import render_page
from editor.render.photo_refs import PhotoLookup
from editor.render.preview_update import PreviewRenderer, PreviewRequest
from editor.text.body_scan import placed_photo_ids, scan_body

from export_samples import PNG_BYTES

IN_CODE_BODIES = {
    "fenced": "The caravan set out.\n\n```\n![](photo:lead)\n```\n\nThe march goes on.",
    "indented": "The caravan set out.\n\n    ![](photo:lead)\n\nThe march goes on.",
    "code span": "Type `![](photo:lead)` to place it.\n\nThe march goes on.",
}


def story(body: str) -> tuple[Article, MediaStore]:
    media = MediaStore()
    lead = ImageRef(
        id="lead",
        original_name="march.png",
        media_path=media.add_bytes(PNG_BYTES, "png"),
        format="PNG",
        width=1,
        height=1,
        caption="Migrants walk north.",
        credit="EFE",
        alt="People on a highway.",
        featured=True,
    )
    article = Article(headline="Caravan", body=body, photos=[lead], language="en")
    return article, media


def file_url(image: ImageRef) -> str:
    return f"file:///photos/{image.id}.png"


@pytest.mark.parametrize("kind", sorted(IN_CODE_BODIES))
def test_a_placement_in_code_places_nothing(kind: str) -> None:
    body = IN_CODE_BODIES[kind]
    assert placed_photo_ids(body) == frozenset()
    rendered = BodyRenderer().render(body, PhotoLookup.of(story(body)[0].photos, file_url))
    assert rendered.placed_photo_ids == frozenset()
    assert "![](photo:lead)" in rendered.html  # shown as typed


@pytest.mark.parametrize("kind", sorted(IN_CODE_BODIES))
def test_lead_photo_placed_only_in_code_leads_the_preview_and_the_page(kind: str) -> None:
    article, _media = story(IN_CODE_BODIES[kind])
    update = PreviewRenderer().render(
        PreviewRequest(article, frozenset({"header", "body"}), file_url, new_article=True)
    )
    assert update.header is not None and "photo-lead" in update.header
    assert "photo-lead" in render_page(article, BodyRenderer(), file_url)


def test_lead_photo_placed_only_in_code_leads_every_export(tmp_path: Path) -> None:
    article, media = story(IN_CODE_BODIES["fenced"])
    options = ExportOptions(parallel=False)
    assert "photo-lead" in get_exporter("html").render(article, media, options)  # type: ignore[attr-defined]

    docx = tmp_path / "story.docx"
    get_exporter("docx").export(article, media, docx, options)
    with zipfile.ZipFile(docx) as archive:
        pictures = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert len(pictures) == 1

    nitf = tmp_path / "nitf"
    get_exporter("nitf").export(article, media, nitf, options)
    story_xml = next(nitf.rglob("*.xml")).read_text(encoding="utf-8")
    assert story_xml.count("<media ") == 1

    bundle = tmp_path / "markdown"
    get_exporter("markdown").export(article, media, bundle, options)
    index = (bundle / "index.md").read_text(encoding="utf-8")
    assert "```\n![](photo:lead)\n```" in index  # the code stays as typed


def test_markdown_bundle_points_only_real_placements_at_files() -> None:
    article, _media = story("![](photo:lead)\n\n```\n![](photo:lead)\n```")
    # The lead photo leads, as Hugo's figure; the placement in code stays code.
    assert bundle_body(article, {"lead": "lead.png"}).startswith('{{< figure src="lead.png"')
    assert bundle_body(article, {"lead": "lead.png"}).endswith("```\n![](photo:lead)\n```")
    article.photos[0].featured = False
    article.body = "Text ![](photo:lead) inline.\n\n```\n![](photo:lead)\n```"
    assert bundle_body(article, {"lead": "lead.png"}).startswith(
        'Text ![People on a highway.](lead.png "Migrants walk north. EFE") inline.'
    )


def test_a_photo_placed_only_in_code_is_not_published_unless_it_leads() -> None:
    article, _media = story(IN_CODE_BODIES["fenced"])
    article.photos[0].featured = False
    assert published_photos(article) == []
    article.body += "\n\n![](photo:lead)"
    assert [image.id for image in published_photos(article)] == ["lead"]


def test_every_layer_writes_placements_with_one_scheme() -> None:
    from editor.model.photos import PHOTO_SCHEME, placement

    assert placement("p7") == f"![]({PHOTO_SCHEME}p7)"
    assert placed_photo_ids(placement("p7")) == {"p7"}
    photos = PhotoLookup.of(story("")[0].photos, file_url)
    assert BodyRenderer().render(placement("lead"), photos).placed_photo_ids == {"lead"}


def test_placements_carry_their_place() -> None:
    body = 'One.\n\n![alt](photo:a)\n\n```\n![](photo:b)\n```\n\nSee ![](photo:c "title") here.'
    placements = scan_body(body).placements
    assert [(p.photo_id, p.line) for p in placements] == [("a", 3), ("c", 9)]
    assert body[placements[0].start : placements[0].end] == "![alt](photo:a)"


# --- the scan and the renderer agree ------------------------------------------------------------

IDS = ["p1", "p2", "lead", "a_b", "x-9"]
WORDS = ["The", "caravan", "walked", "north", "“quoted”", "(aside)", "**bold**", "_it_", "a.b"]


@st.composite
def placements_text(draw: st.DrawFn) -> str:
    photo_id = draw(st.sampled_from(IDS))
    alt = draw(st.sampled_from(["", "alt", "Two words"]))
    title = draw(st.sampled_from(["", ' "A title"', " 'single'"]))
    return f"![{alt}](photo:{photo_id}{title})"


inline_piece = st.one_of(
    st.sampled_from(WORDS),
    placements_text(),
    placements_text().map(lambda placed: f"`{placed}`"),
    st.sampled_from(WORDS).map(lambda word: f"`{word}`"),
)
paragraph = st.lists(inline_piece, min_size=1, max_size=8).map(" ".join)
code_line = st.one_of(placements_text(), st.sampled_from(WORDS))
block = st.one_of(
    paragraph,
    placements_text(),
    placements_text().map(lambda placed: f"> {placed}"),
    paragraph.map(lambda text: f"## {text}"),
    paragraph.map(lambda text: f"- {text}"),
    st.lists(code_line, min_size=1, max_size=3).map(
        lambda lines: "```\n" + "\n".join(lines) + "\n```"
    ),
    st.lists(code_line, min_size=1, max_size=3).map(
        lambda lines: "~~~~\n" + "\n".join(lines) + "\n~~~~"
    ),
    code_line.map(lambda line: f"    {line}"),
    # HTML comments: closed, unclosed, opening a block or inside a paragraph, and the ends of
    # comments that run over blank lines.
    st.sampled_from(
        ["<!-- desk note", "Intro <!-- aside", "end -->", "<!-- note -->", "Text <!-- x --> more"]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(block, max_size=8), present=st.sets(st.sampled_from(IDS)))
def test_the_scan_places_what_the_renderer_places(blocks: list[str], present: set[str]) -> None:
    # Indented code follows a blank line after anything but a list (whose item it would join).
    body = "\n\n".join(blocks)
    media = MediaStore()
    photos = [
        ImageRef(
            id=photo_id,
            original_name=f"{photo_id}.png",
            media_path=media.add_bytes(PNG_BYTES, "png"),
        )
        for photo_id in sorted(present)
    ]
    rendered = RENDERER.render(body, PhotoLookup.of(photos, file_url))
    assert placed_photo_ids(body) == rendered.placed_photo_ids


RENDERER = BodyRenderer()


@pytest.mark.parametrize(
    "body",
    [
        "Intro <!-- a desk note never closed\n\n![](photo:p1)\n\nMore.",
        "<!-- never closed\n\n![](photo:p1)",
        "<!-- hidden\n\n![](photo:p1)\n\n-->\n\nAfter",
        "Intro <!-- closed two paragraphs on\n\n![](photo:p1)\n\n-->",
    ],
)
def test_the_scan_reads_comments_as_the_renderer_does(body: str) -> None:
    """An unclosed "<!--" is text on the page: the photos after it are placed, and exported."""
    media = MediaStore()
    photo = ImageRef(id="p1", original_name="p1.png", media_path=media.add_bytes(PNG_BYTES, "png"))
    rendered = RENDERER.render(body, PhotoLookup.of([photo], file_url))
    assert placed_photo_ids(body) == rendered.placed_photo_ids


def test_the_lead_photo_leads_whether_the_body_places_it_or_not() -> None:
    # The header no longer depends on what the body places: the lead photo is on top, and a
    # placement of it in the body (in code or not) shows nothing there.
    article, _media = story("The caravan set out.\n\n![](photo:lead)\n\nThe march goes on.")
    renderer = PreviewRenderer()
    everything = frozenset({"header", "body", "footer"})
    update = renderer.render(PreviewRequest(article, everything, file_url, new_article=True))
    assert update.header is not None and "photo-lead" in update.header
    assert update.body_html is not None and 'data-photo-id="lead"' not in update.body_html
    article.body = article.body.replace("![](photo:lead)", "```\n![](photo:lead)\n```")
    update = renderer.render(PreviewRequest(article, frozenset({"body"}), file_url))
    assert update.header is None  # not asked for: it cannot have changed
    article.headline = "Caravan halted"
    update = renderer.render(PreviewRequest(article, frozenset({"header"}), file_url))
    assert update.header is not None and "photo-lead" in update.header
