"""Export to ``markdown``, import the bundle's ``index.md``: the same story comes back.

Fields, body and photo records return as they were, except what the format deliberately does
not carry: the editor's note (never published) and the photos' files (the bundle holds cropped
renditions, so media path, size, format and GPS flag describe the new file; the crop is applied
to it, so the record comes back uncropped with its focal point in the file's frame).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
import tempfile
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from editor.export.base import ExportOptions
from editor.export.hugo_markdown import commonmark_ready
from editor.export.markdown import INDEX_NAME, MarkdownExporter
from editor.export.missing_photos import checked_for_export, without_placements
from editor.export.safe_markdown import safe_markdown
from editor.ingest import ImportResult, import_file, import_text
from editor.media.attach import store_photo
from editor.media.probe import prepare_photo
from editor.model.article import Article, Crop, Dateline, ImageRef
from editor.model.dateline import STYLES
from editor.model.media_store import MediaStore

from export_samples import FRONT_MATTER_SAMPLES, efe_with_photos, front_matter_sample
from factories import image_bytes

FILE_FIELDS = {"media_path", "width", "height", "format", "has_gps"}


def round_trip(article: Article, media: MediaStore, folder: Path) -> ImportResult:
    MarkdownExporter().export(article, media, folder / "bundle", None)
    return import_file(folder / "bundle" / INDEX_NAME)


def expected_photo(image: ImageRef) -> dict[str, object]:
    """The record as the import should give it back: the crop is in the file now."""
    values = {
        field.name: getattr(image, field.name)
        for field in dataclasses.fields(ImageRef)
        if field.name not in FILE_FIELDS
    }
    focal = image.focal
    if image.crop is not None and not image.missing:
        values["crop"] = None
        if focal is not None:
            crop = image.crop
            x = (focal[0] - crop.left) / (crop.right - crop.left)
            y = (focal[1] - crop.top) / (crop.bottom - crop.top)
            focal = (min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))
    values["focal"] = focal
    return values


def photo_values(image: ImageRef) -> dict[str, object]:
    return {
        field.name: getattr(image, field.name)
        for field in dataclasses.fields(ImageRef)
        if field.name not in FILE_FIELDS
    }


def assert_same_story(original: Article, result: ImportResult) -> None:
    back = result.article
    for name in (
        "headline", "dek", "byline", "dateline", "slug", "url_slug", "section", "tags",
        "language", "sign_off", "end_mark", "created", "modified", "metadata", "story_id",
    ):  # fmt: skip
        assert getattr(back, name) == getattr(original, name), name
    # The body comes back as the export carries it: what the sanitiser keeps (raw HTML as text).
    # The lead photo leads (on top, not placed again): the body comes back without its places.
    lead = original.featured_photo()
    body = without_placements(original.body, {lead.id}) if lead is not None else original.body
    assert back.body == commonmark_ready(safe_markdown(body)).strip(), "body"
    assert back.editors_note == ""
    assert [image.id for image in back.photos] == [image.id for image in original.photos]
    for image, returned in zip(original.photos, back.photos, strict=True):
        expected, got = expected_photo(image), photo_values(returned)
        expected_focal, got_focal = expected.pop("focal"), got.pop("focal")
        assert got == expected, image.id
        if expected_focal is None:
            assert got_focal is None
        else:
            assert got_focal == pytest.approx(expected_focal, abs=1e-6)
        assert returned.missing == image.missing


def test_efe_sample_round_trips(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.photos[1].focal = (0.25, 0.75)
    article.photos[0].focal = (0.5, 0.4)  # inside the lead photo's crop
    result = round_trip(article, media, tmp_path)
    assert_same_story(article, result)
    assert result.warnings == []
    # The files are the renditions, not the originals: cropped, no larger than published.
    lead = result.article.photos[0]
    assert (lead.width, lead.height) == (512, 342)  # 640 x 427 cropped to 80% by 80%
    assert result.article.photos[0].crop is None and result.article.photos[0].focal == (
        pytest.approx(0.5),
        pytest.approx(0.5),
    )


@pytest.mark.parametrize("name", FRONT_MATTER_SAMPLES)
def test_front_matter_samples_round_trip(name: str, tmp_path: Path) -> None:
    article, media = front_matter_sample(name)
    result = round_trip(article, media, tmp_path)
    # Their photos had no files (web addresses): the bundle leaves them out, placements and all
    # (Hugo would publish a photo: address as a broken image), and the story comes back so.
    assert_same_story(checked_for_export(article, without_missing_photos=True), result)
    assert not result.article.photos


def test_editors_note_is_left_out(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.editors_note = "EDITORS-NOTE: hold until the minister confirms"
    result = round_trip(article, media, tmp_path)
    assert result.article.editors_note == ""
    text = (tmp_path / "bundle" / INDEX_NAME).read_text(encoding="utf-8")
    assert "minister" not in text


# --- generated stories ----------------------------------------------------------------------


PHOTO_BYTES = (
    image_bytes("PNG", (200, 40, 90), (12, 8)),
    image_bytes("JPEG", (200, 40, 90), (8, 10)),
)

# Text that YAML, Markdown or the front-matter split could misread, mixed into generated text.
HOSTILE_PIECES = (
    ": ", "key: value", '"', "'", "---", "...", "# not a heading", "&", "&amp;", "&#91;", "*",
    "**", "_", "`", "[", "]", "(", ")", "{{< x >}}", "<script>alert(1)</script>", "\\", "|",
    ">", "- item", "? ", "!", "@", "%", "null", "true", "no", "1e3", "0x1F", "2024-12-03",
    "~", "=", "\t", "\n", "é", "ñ", "中文", "🙂", "\u2028", "\u00a0", "\ufeff", "",
)  # fmt: skip
_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))
_PIECE = st.one_of(st.text(_CHARACTERS, max_size=12), st.sampled_from(HOSTILE_PIECES))


@st.composite
def field_text(draw: st.DrawFn, *, nonempty: bool = False) -> str:
    """Text as the importer keeps it: no surrounding spaces (front matter values are trimmed)."""
    text = "".join(draw(st.lists(_PIECE, max_size=4))).strip()
    if nonempty and not text:
        text = draw(st.sampled_from(string.ascii_letters))
    return text


def one_line(text: str) -> str:
    return " ".join(text.split())


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    # No "# " opening: the importer reads a leading top-level heading as the headline.
    text = one_line(draw(field_text(nonempty=True))).replace("![", "!").lstrip("#") or "x"
    kind = draw(st.sampled_from(("plain", "subhead", "subhead3", "quote", "link", "rule")))
    if kind == "subhead":
        return f"## {text}"
    if kind == "subhead3":
        return f"### {text}"
    if kind == "quote":
        return f"> {text}"
    if kind == "link":
        return f"{text} [the report](https://example.org/report?a=1&b=2) *and* **more**"
    if kind == "rule":
        return f"{text}\n\n---\n\n..."
    return text


@st.composite
def stories(draw: st.DrawFn) -> tuple[Article, MediaStore]:
    media = MediaStore()
    ids = draw(
        st.lists(
            st.sampled_from(("p1", "p2", "p3", "lead", "photo_7", "X-9", "p10")),
            max_size=3,
            unique=True,
        )
    )
    photos = []
    for number, photo_id in enumerate(ids):
        data = PHOTO_BYTES[number % len(PHOTO_BYTES)]
        prepared = prepare_photo(data, f"{photo_id}.img")
        crop = draw(
            st.none()
            | st.tuples(
                st.floats(0, 0.4), st.floats(0, 0.4), st.floats(0.6, 1), st.floats(0.6, 1)
            ).map(lambda box: Crop(*box))
        )
        focal = draw(st.none() | st.tuples(st.floats(0, 1), st.floats(0, 1)))
        photos.append(
            ImageRef(
                id=photo_id,
                original_name=draw(field_text()),
                media_path=store_photo(media, data, prepared),
                format=prepared.format,
                width=prepared.width,
                height=prepared.height,
                caption=draw(field_text()),
                credit=draw(field_text()),
                copyright=draw(field_text()),
                alt=draw(field_text()),
                featured=draw(st.booleans()),
                crop=crop,
                focal=focal,
            )
        )
    blocks = draw(st.lists(paragraph(), max_size=6))
    # Every photo is shown: placed (some twice) or, if not placed, featured.
    for image in photos:
        placements = draw(st.integers(0 if image.featured else 1, 2))
        for _ in range(placements):
            blocks.insert(draw(st.integers(0, len(blocks))), f"![](photo:{image.id})")
    style = draw(st.sampled_from(sorted(STYLES)))
    dateline = Dateline(
        place=draw(field_text()),
        country=draw(field_text()),
        date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31))),
        source=draw(field_text()),
        style=style,
        override=draw(st.sampled_from(("", "")) | field_text()),
    )
    stamps = st.datetimes(
        dt.datetime(1990, 1, 1),
        dt.datetime(2090, 1, 1),
        timezones=st.sampled_from((dt.UTC, dt.timezone(dt.timedelta(hours=-5, minutes=-30)))),
    )
    article = Article(
        headline=draw(field_text()),
        dek=draw(field_text()),
        byline=draw(st.lists(field_text(nonempty=True), max_size=3)),
        dateline=dateline,
        slug=draw(field_text()),
        url_slug=draw(st.sampled_from(("", "mexico-caravan")) | field_text()),
        section=draw(field_text()),
        tags=draw(st.lists(field_text(nonempty=True), max_size=3)),
        language=draw(st.sampled_from(("en", "es", "zh-Hans")) | field_text(nonempty=True)),
        sign_off=draw(field_text()),
        end_mark=draw(field_text()),
        editors_note=draw(field_text()),
        body="\n\n".join(blocks),
        photos=photos,
        created=draw(stamps),
        modified=draw(stamps),
        metadata=draw(st.dictionaries(field_text(nonempty=True), field_text(), max_size=3)),
    )
    return article, media


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(stories())
def test_generated_stories_round_trip(story: tuple[Article, MediaStore]) -> None:
    article, media = story
    with tempfile.TemporaryDirectory() as folder:
        result = round_trip(article, media, Path(folder))
    assert_same_story(article, result)


# --- what the importer reads of the export's shape --------------------------------------------


def test_named_photo_ids_are_kept_only_when_every_photo_names_one() -> None:
    every = (
        "---\nphotos:\n  - {id: lead, caption: A}\n  - {id: p1, caption: B}\n---\n"
        "![](photo:p1)\n\n![](photo:lead)\n\n![x](other.jpg)"
    )
    article = import_text(every).article
    assert [(image.id, image.caption) for image in article.photos] == [
        ("lead", "A"),
        ("p1", "B"),
        ("p3", ""),  # the body's own image keeps its number, which no named id took
    ]
    assert article.body == "![](photo:p1)\n\n![](photo:lead)\n\n![](photo:p3)"
    clash = "---\nphotos:\n  - {id: p2, caption: A}\n---\n![x](other.jpg)\n\n![](photo:p2)"
    article = import_text(clash).article
    assert [image.id for image in article.photos] == ["p2", "p3"]
    assert article.body == "![](photo:p3)\n\n![](photo:p2)"
    partial = "---\nphotos:\n  - {id: lead}\n  - {caption: B}\n---\n![](photo:lead)"
    assert [image.id for image in import_text(partial).article.photos] == ["p1", "p2"]


def test_slug_without_slugline_stays_the_desk_slug() -> None:
    article = import_text("---\nslug: MEXICO-MIGRANTS\n---\nText.").article
    assert (article.slug, article.url_slug) == ("MEXICO-MIGRANTS", "")
    article = import_text("---\nslug: web-name\nslugline: DESK\n---\nText.").article
    assert (article.slug, article.url_slug) == ("DESK", "web-name")


def test_categories_name_the_section_only_when_there_is_one() -> None:
    assert import_text("---\ncategories: [World]\n---\nText.").article.section == "World"
    result = import_text("---\ncategories: [World, Sport]\n---\nText.")
    assert result.article.section == ""
    assert result.article.metadata["categories"] == '["World", "Sport"]'
    assert "names more than one section" in result.warnings[0]


def test_a_date_beside_created_is_dropped_only_when_derived() -> None:
    derived = "---\ncreated: 2024-12-03T14:05:00Z\ndate: '2024-12-02'\n"
    text = derived + "dateline: {place: Tapachula, date: '2024-12-02'}\n---\nText."
    assert "date" not in import_text(text).article.metadata
    other = "---\ncreated: 2024-12-03T14:05:00Z\ndate: '2024-11-30'\n---\nText."
    assert import_text(other).article.metadata["date"] == "2024-11-30"


def test_metadata_mapping_and_focal_point_are_read() -> None:
    text = (
        "---\nmetadata: {source_url: 'https://example.org', n: 5}\nlicense: CC BY\n"
        "photos:\n  - {id: p1, focal: [0.25, 1], crop_applied: {left: 0.1}}\n"
        "  - {id: p2, focal: [2, 0]}\n---\n![](photo:p1)\n\n![](photo:p2)"
    )
    result = import_text(text)
    assert result.article.metadata == {
        "source_url": "https://example.org",
        "n": "5",
        "license": "CC BY",
        "photos[2].focal": "[2, 0]",
    }
    first, second = result.article.photos
    assert (first.focal, first.crop, second.focal) == ((0.25, 1.0), None, None)


def test_typed_shortcodes_are_escaped_for_hugo_and_come_back_as_typed(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    typed = 'Typed {{< gist a b >}}, {{% param "x" %}} and the escape {{</* c */>}} itself.'
    article.body = f"{typed}\n\n{article.body}"
    out = tmp_path / "bundle"
    MarkdownExporter().export(article, media, out, ExportOptions(parallel=False))
    index = (out / "index.md").read_text(encoding="utf-8")
    assert '{{</* gist a b */>}}, {{%/* param "x" */%}} and the escape {{</*/* c */*/>}}' in index
    assert import_file(out / "index.md").article.body.startswith(typed)
