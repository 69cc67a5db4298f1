"""The ``ninjs`` export: IPTC ninjs 2.2 (and 3.1) checked against the official schemas, offline.

The consumer is ``jsonschema`` with the validator the schema's own ``$schema`` names (draft
2020-12), the GeoJSON sub-schema resolved from tests/data/schemas/ninjs through a ``referencing``
registry (nothing is fetched), and formats asserted: ``date-time`` as RFC 3339, ``uri`` as an
absolute RFC 3986 URI. The one format the export departs from on purpose is the rendition
``href``, a reference relative to the JSON file (see editor/export/ninjs.py): each such error is
checked to name a photo file that was written, and every other error fails the test.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker, validators
from PIL import Image
from referencing import Registry, Resource

from editor.export.base import ExportCancelled, ExportError, ExportOptions
from editor.export.bundle import MARKER_NAME
from editor.export.ninjs import Ninjs3Exporter, NinjsExporter, item_uri
from editor.export.text import TextExporter
from editor.model.article import Article, Dateline, ImageRef, count_words
from editor.model.media_store import MediaStore

import factories
from export_samples import EDITORS_NOTE, FRONT_MATTER_SAMPLES, efe_with_photos, front_matter_sample
from factories import image_bytes
from golden import assert_golden
from locations import DATA
from strict_html import parse_fragment

SCHEMAS = DATA / "schemas" / "ninjs"
VERSIONS = {"2.2": NinjsExporter, "3.1": Ninjs3Exporter}
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '[x](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">a</a> '
    '<iframe src="https://evil.example/"></iframe> <style>*{display:none}</style> '
    "</script></style>\"}]{ \\u0000 \\ ' & \u2028 \r\n"
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
        "Inline ![x](photo:gone) photo.",
        "![](photo:p1)",
        "Closing paragraph.",
    ]
)


PNG_BYTES = image_bytes(
    "PNG", (200, 30, 30), (2, 1)
)  # a real photo file, tiny, so renditions take no time

# --- the consumer: the official schemas, offline ------------------------------------------------

_RFC3339_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)
_URI_RE = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*"
)
FORMATS = FormatChecker(formats=())


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))  # a real date, not just digits
    return _RFC3339_RE.fullmatch(value) is not None


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or _URI_RE.fullmatch(value) is not None


def _schema(version: str) -> dict:
    return json.loads((SCHEMAS / f"ninjs-schema_{version}.json").read_text(encoding="utf-8"))


def ninjs_validator(version: str) -> Draft202012Validator:
    schema = _schema(version)
    geojson = json.loads((SCHEMAS / "GeoJSON-schema.json").read_text(encoding="utf-8"))
    # A registry with no retrieve function: any reference not in it fails instead of fetching.
    registry = Registry().with_resource(geojson["$id"], Resource.from_contents(geojson))
    validator_class = validators.validator_for(schema)
    assert validator_class is Draft202012Validator  # the draft the schema's $schema names
    validator_class.check_schema(schema)
    return validator_class(schema, registry=registry, format_checker=FORMATS)


VALIDATORS = {version: ninjs_validator(version) for version in VERSIONS}


def assert_valid(document: dict, version: str, folder: Path | None = None) -> None:
    """Valid ninjs; a relative rendition href (our one departure) must name a written file."""
    for error in VALIDATORS[version].iter_errors(document):
        path = list(error.absolute_path)
        is_href = error.validator == "format" and path[-3:-1] == ["renditions", path[-2]]
        assert is_href and path[-1] == "href", f"{error.message} at {path}"
        href = error.instance
        assert re.fullmatch(r"[^:/?#\s][^:?#\s]*", href) and ".." not in href.split("/"), href
        if folder is not None:
            assert (folder / unquote(href)).is_file(), href


def export(
    tmp_path: Path, article: Article, media: MediaStore, version: str = "2.2", name="story.json"
) -> dict:
    out = tmp_path / name
    VERSIONS[version]().export(article, media, out, ExportOptions(parallel=False))
    data = out.read_bytes()
    assert data.endswith(b"\n") and b"\r" not in data
    document = json.loads(data.decode("utf-8"))
    assert_valid(document, version, tmp_path)
    return document


def body(document: dict, role: str) -> str:
    return next(b["value"] for b in document["bodies"] if b["role"] == role)


def tiny_photo_article(**overrides: object) -> tuple[Article, MediaStore]:
    media = MediaStore()
    values: dict[str, object] = {
        "headline": "Caravan reaches Huixtla",
        "dek": "Authorities keep the caravan in Chiapas",
        "byline": ["Juan Manuel Blanco", "Ana López"],
        "dateline": Dateline("Tapachula", "Mexico", dt.date(2024, 12, 3), "EFE"),
        "slug": "MEXICO-MIGRANTS/CARAVAN",
        "tags": ["migration", "Mexico"],
        "sign_off": "jmb/dgp/mcd",
        "end_mark": "EFE",
        "editors_note": EDITORS_NOTE,
        "body": "The caravan set out.\n\n![](photo:p1)\n\nInline ![](photo:gone) photo.",
        "photos": [
            ImageRef(
                id="p1",
                media_path=media.add_bytes(PNG_BYTES, "png"),
                format="PNG",
                width=2,
                height=1,
                caption="Migrants walk",
                credit="EFE/Juan Manuel Blanco",
                copyright="© EFE 2024",
                alt="A column of people",
                featured=True,
            ),
            ImageRef(id="gone", original_name="lost.jpg", caption="Not here"),
        ],
        "created": dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        "modified": dt.datetime(2024, 12, 3, 10, 45, tzinfo=dt.UTC),
    }
    return factories.article(**{**values, **overrides}), media


# --- valid ninjs -------------------------------------------------------------------------------


def test_the_validator_rejects_what_it_should() -> None:
    article, media = tiny_photo_article()
    document = NinjsExporter().package(article, media, "photos").document
    assert_valid(document, "2.2")
    for broken in (
        {**document, "pubstatus": "published"},
        {**document, "firstcreated": "2024-12-03 09:30"},
        {**document, "uri": "not a uri"},
        {**document, "body_html": "<p>1.x property</p>"},
        {**document, "places": [{"name": "x", "geojson": {"type": "Point"}}]},
        {**document, "versionCreated": document["versioncreated"]},  # a 3.x name in 2.2
    ):
        assert not VALIDATORS["2.2"].is_valid(broken)


@pytest.mark.parametrize("version", VERSIONS)
def test_efe_sample_is_valid_ninjs_with_its_photos_beside_it(tmp_path: Path, version: str) -> None:
    article, media = efe_with_photos()
    document = export(tmp_path, article, media, version)
    pictures = document["associations"]
    assert [p["name"] for p in pictures] == ["p1", "p2", "p3", "p4", "p5"]  # featured first
    size_key = "contentType" if version == "3.1" else "contenttype"
    for picture in pictures:
        for rendition in picture["renditions"]:
            image = Image.open(tmp_path / rendition["href"])
            assert image.format == "JPEG" and rendition[size_key] == "image/jpeg"
            assert image.size == (rendition["width"], rendition["height"])
            assert not image.getexif(), "a published photo carries EXIF (location, camera)"
    written = sorted(
        path.name for path in (tmp_path / "story-photos").iterdir() if path.name != MARKER_NAME
    )
    hrefs = sorted(r["href"].split("/")[-1] for p in pictures for r in p["renditions"])
    assert written == hrefs


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("sample", FRONT_MATTER_SAMPLES)
def test_front_matter_samples_are_valid_ninjs(tmp_path: Path, sample: str, version: str) -> None:
    article, media = front_matter_sample(sample)
    document = export(tmp_path, article, media, version)
    html = body(document, "html")
    assert "photo-placeholder" not in html and "not in the story package" not in html
    parse_fragment(html)
    assert "associations" not in document  # their photos are not in the package
    assert not (tmp_path / "story-photos").exists()
    assert document["language"] == article.language


def test_ninjs3_is_the_same_document_in_camel_case() -> None:
    article, media = efe_with_photos()
    options = ExportOptions(parallel=False)
    old = NinjsExporter().package(article, media, "photos", options).document
    new = Ninjs3Exporter().package(article, media, "photos", options).document
    assert new["versionCreated"] == old["versioncreated"] and "versioncreated" not in new
    assert new["bodies"][1]["wordCount"] == old["bodies"][1]["wordcount"]
    assert new["standard"]["version"] == "3.1"
    assert new["standard"]["schema"] == _schema("3.1")["$id"]
    assert old["standard"]["schema"] == _schema("2.2")["$id"]


# --- the fields ----------------------------------------------------------------------------------


def test_fields_of_the_efe_sample(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    article.editors_note = EDITORS_NOTE
    document = export(tmp_path, article, media)
    assert re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
        document["uri"],
    )
    assert document["type"] == "text" and document["pubstatus"] == "usable"
    assert document["version"] == "20241203164000"
    assert document["firstcreated"] == "2024-12-03T14:05:00Z"
    assert document["versioncreated"] == "2024-12-03T16:40:00Z"
    assert document["language"] == "en"
    assert document["headlines"] == [
        {"role": "main", "value": "México pushes back Migrant Caravan!"}
    ]
    assert document["slugline"] == "MEXICO-MIGRANTS/CARAVAN"
    assert document["by"] == "Juan Manuel Blanco"
    assert document["located"] == "Tapachula, Mexico"
    assert document["places"] == [{"name": "Tapachula, Mexico", "rel": "located"}]
    assert [d["value"] for d in document["descriptions"]] == [article.dek]
    assert [s["name"] for s in document["subjects"]] == ["migration", "Mexico", "Chiapas"]
    assert "ednote" not in document and EDITORS_NOTE not in json.dumps(document)

    text = body(document, "text")
    wire = TextExporter().render(article)
    assert text.startswith("Tapachula, Mexico, Dec 3 (EFE).- A caravan of over 1,500 migrants")
    assert text.endswith("make us stop walking,” she said. EFE\n\njmb/dgp/mcd\n")
    assert wire.endswith(text) and article.headline not in text  # the wire copy, minus its head
    # Counted as the editor counts them (its status bar), over the text as sent.
    assert document["bodies"][1]["wordcount"] == count_words(text) == 500
    assert document["bodies"][1]["charcount"] == len(text)

    html = parse_fragment(body(document, "html"))
    figures = {f.get("data-photo-id"): f for f in html.iter("figure")}
    assert list(figures) == ["p2", "p3", "p4", "p5"]  # the lead photo is not in the body
    img = figures["p2"].find("img")
    assert img.get("src") == "story-photos/p2-128.jpg"
    assert img.get("alt") == "Migrants on a highway in Chiapas, view 2"
    assert html.find("h2").text == "Mexico wants migrants in the south"
    assert "".join(html.itertext()).count("EFE") >= 1

    lead = document["associations"][0]
    assert lead["type"] == "picture" and lead["uri"] != document["uri"]
    descriptions = {d["role"]: d["value"] for d in lead["descriptions"]}
    assert descriptions == {
        "caption": "Migrants walk north from Huixtla, photo 1 of the caravan.",
        "alttext": "Migrants on a highway in Chiapas, view 1",
        "creditline": "EFE/Juan Manuel Blanco",
    }
    assert lead["by"] == "EFE/Juan Manuel Blanco" and lead["copyrightnotice"] == "© EFE 2024"
    assert [(r["width"], r["height"]) for r in lead["renditions"]] == [(512, 342)]  # cropped
    no_alt = document["associations"][2]
    assert "alttext" not in {d["role"] for d in no_alt["descriptions"]}


def test_large_photos_ship_at_two_widths(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    big = io.BytesIO()
    Image.new("RGB", (2400, 1600), (30, 90, 160)).save(big, "JPEG")
    photo = article.photos[0]
    photo.media_path = media.add_bytes(big.getvalue(), "jpg")
    photo.format, photo.width, photo.height = "JPEG", 2400, 1600
    document = export(tmp_path, article, media)
    renditions = document["associations"][0]["renditions"]
    assert [(r["name"], r["width"], r["height"]) for r in renditions] == [
        ("jpeg-1024", 1024, 682),
        ("jpeg-2048", 2048, 1365),
    ]
    # The lead photo is the first association, not in the body: placed and not leading, it is.
    assert parse_fragment(body(document, "html")).find(".//img") is None
    photo.featured = False
    document = export(tmp_path, article, media, name="again.json")
    img = parse_fragment(body(document, "html")).find(".//img")
    assert img.get("src") == "again-photos/p1-1024.jpg"  # the web size in the body


def test_uri_stays_across_versions_and_differs_between_stories() -> None:
    article, _ = tiny_photo_article()
    later = copy.deepcopy(article)
    later.modified += dt.timedelta(hours=1)
    later.headline = "Caravan reaches Huixtla, police stop it"
    later.slug = "MEXICO-MIGRANTS/BORDER"
    assert item_uri(later) == item_uri(article)  # the story's own id: edits keep it
    assert item_uri(article) == f"urn:uuid:{article.story_id}"
    other, _ = tiny_photo_article()
    assert item_uri(other) != item_uri(article)  # another story, even with the same fields


def test_missing_photos_and_empty_fields_are_left_out(tmp_path: Path) -> None:
    article, media = tiny_photo_article(
        dek="", byline=[], slug="", tags=[" ", ""], dateline=Dateline(override="TAPACHULA —")
    )
    document = export(tmp_path, article, media)
    for key in ("descriptions", "by", "slugline", "subjects", "located", "places"):
        assert key not in document, key
    html = body(document, "html")
    assert "lost.jpg" not in html and "Not here" not in html
    assert "Inline  photo." in html or "Inline photo." in html
    assert body(document, "text").startswith("TAPACHULA — The caravan set out.")
    assert [a["name"] for a in document["associations"]] == ["p1"]


# --- determinism and files ------------------------------------------------------------------------


def test_export_is_deterministic(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    NinjsExporter().export(article, media, tmp_path / "a" / "story.json")
    NinjsExporter().export(
        article, media, tmp_path / "b" / "story.json", ExportOptions(parallel=False)
    )
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*"))
    assert files_a == files_b
    for name in files_a:
        if (tmp_path / "a" / name).is_file():
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_golden_efe_sample(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    NinjsExporter().export(article, media, tmp_path / "efe.json", ExportOptions(parallel=False))
    assert_golden("ninjs_efe.json", (tmp_path / "efe.json").read_bytes())


def test_a_second_export_replaces_its_own_photos_only(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    out = tmp_path / "story.json"
    folder = tmp_path / "story-photos"
    NinjsExporter().export(article, media, out)
    assert sorted(p.name for p in folder.iterdir()) == [MARKER_NAME, "p1-2.jpg"]
    article.photos[0].featured = False
    article.body = "No photos now."
    NinjsExporter().export(article, media, out)
    assert sorted(p.name for p in folder.iterdir()) == [MARKER_NAME]
    assert "associations" not in json.loads(out.read_text(encoding="utf-8"))
    # A file the reporter put in the folder since is never deleted: the export is refused.
    (folder / "notes.txt").write_text("the reporter's own file")
    with pytest.raises(ExportError, match=r"notes\.txt"):
        NinjsExporter().export(article, media, out)
    assert sorted(p.name for p in folder.iterdir()) == [MARKER_NAME, "notes.txt"]


def test_folder_name_with_spaces_is_percent_encoded(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    document = export(tmp_path, article, media, name="México story.json")
    href = document["associations"][0]["renditions"][0]["href"]
    assert href == "M%C3%A9xico%20story-photos/p1-2.jpg"
    assert (tmp_path / "México story-photos" / "p1-2.jpg").is_file()


def test_photo_file_absent_from_the_store_is_an_export_error(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    media.discard(article.photos[0].media_path)
    with pytest.raises(ExportError, match=r"p1.*not in the story package"):
        NinjsExporter().export(article, media, tmp_path / "story.json")
    assert not list(tmp_path.iterdir())


def test_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    options = ExportOptions(cancelled=lambda: True, parallel=False)
    with pytest.raises(ExportCancelled):
        NinjsExporter().export(article, media, tmp_path / "story.json", options)
    assert not list(tmp_path.iterdir())


def test_unwritable_destination_is_a_clear_export_error(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    (tmp_path / "story-photos").write_text("a file where the folder should go")
    with pytest.raises(ExportError, match="photo folder"):
        NinjsExporter().export(article, media, tmp_path / "story.json")
    article.body, article.photos = "No photos.", []
    with pytest.raises(ExportError, match="cannot write"):
        NinjsExporter().export(article, media, tmp_path / "nowhere" / "story.json")


# --- hostile input -------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_hostile_fields_stay_text_and_the_html_body_is_inert(tmp_path: Path, version: str) -> None:
    article, media = tiny_photo_article(
        headline=HOSTILE,
        dek=HOSTILE,
        byline=[HOSTILE, "Ana"],
        dateline=Dateline(place=HOSTILE, country=HOSTILE, date=dt.date(2024, 12, 3), source="EFE"),
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
    photo = article.photos[0]
    photo.caption = photo.credit = photo.alt = photo.copyright = photo.original_name = HOSTILE
    photo.id = "../../evil"
    photo.featured = False  # placed in the body, not leading it: its figure is in the HTML body
    article.body = article.body.replace("photo:p1", "photo:../../evil")
    document = export(tmp_path, article, media, version)
    assert EDITORS_NOTE not in json.dumps(document, ensure_ascii=False)
    shown = HOSTILE.strip()
    assert document["headlines"][0]["value"] == shown
    assert document["descriptions"][0]["value"] == shown
    assert document["slugline"] == shown
    assert document["by"] == f"{shown} and Ana"
    assert document["located"] == f"{shown}, {shown}"
    assert [s["name"] for s in document["subjects"]] == [shown, "safe"]
    assert document["language"] == "en"
    picture = document["associations"][0]
    assert picture["by"] == shown and {d["value"] for d in picture["descriptions"]} == {shown}
    # The photo's odd id cannot lead its file out of the folder.
    assert [p.name for p in tmp_path.iterdir()] and not (tmp_path.parent / "evil").exists()
    (written,) = (p for p in (tmp_path / "story-photos").iterdir() if p.name != MARKER_NAME)
    assert re.fullmatch(r"photo-[0-9a-f]{16}-2\.jpg", written.name)

    fragment = parse_fragment(body(document, "html"))
    for tag in ("script", "style", "iframe", "svg", "object", "embed", "form", "base", "link"):
        assert fragment.find(f".//{tag}") is None, tag
    for element in fragment.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src"):
                url = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not url.startswith(("javascript:", "vbscript:", "data:")), value
    text = "".join(fragment.itertext())
    assert "Opening paragraph." in text and "Closing paragraph." in text
    img = fragment.find(".//img")  # typed markup in a field comes back as the same text
    assert img.get("alt") == shown and img.get("src").startswith("story-photos/photo-")
    assert fragment.find(".//span[@class='caption']").text == shown
    assert "Opening paragraph." in body(document, "text")


# --- any text at all -----------------------------------------------------------------------------

field_text = st.text(max_size=40)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headline=field_text,
    dek=field_text,
    names=st.lists(field_text, max_size=3),
    place=field_text,
    override=field_text,
    slug=field_text,
    tags=st.lists(field_text, max_size=3),
    language=field_text,
    body_text=st.text(max_size=200),
    end_mark=field_text,
    sign_off=field_text,
    caption=field_text,
    credit=field_text,
    alt=field_text,
)
def test_any_field_text_gives_schema_valid_ninjs(
    headline, dek, names, place, override, slug, tags, language, body_text, end_mark, sign_off,
    caption, credit, alt,
) -> None:  # fmt: skip
    article, media = tiny_photo_article(
        headline=headline,
        dek=dek,
        byline=names,
        dateline=Dateline(place=place, country=place, override=override),
        slug=slug,
        tags=tags,
        language=language,
        body=f"{body_text}\n\n![](photo:p1)",
        end_mark=end_mark,
        sign_off=sign_off,
    )
    photo = article.photos[0]
    photo.caption, photo.credit, photo.alt = caption, credit, alt
    for exporter, version in ((NinjsExporter(), "2.2"), (Ninjs3Exporter(), "3.1")):
        package = exporter.package(article, media, "photos", ExportOptions(parallel=False))
        text = package.json_text()
        assert json.loads(text) == package.document  # writes and reads back unchanged
        text.encode("utf-8")
        assert_valid(package.document, version)
        parse_fragment(next(b["value"] for b in package.document["bodies"] if b["role"] == "html"))


PHOTO_DETAILS: dict[str, object] = {
    "city": "Tapachula",
    "country": "Mexico",
    "keywords": ["migrants", "caravan"],
    "date_taken": "2024-12-03T09:41-06:00",
    "source": "EFE",
    "instructions": "Embargoed until 12:00 GMT",
    "persons": ["Ana Pérez", "Luis Gómez"],
}


@pytest.mark.parametrize("version", VERSIONS)
def test_photo_details_travel_in_the_association(tmp_path: Path, version: str) -> None:
    article, media = tiny_photo_article()
    for key, value in PHOTO_DETAILS.items():
        setattr(article.photos[0], key, value)
    picture = export(tmp_path, article, media, version)["associations"][0]
    camel = version == "3.1"
    assert picture["contentCreated" if camel else "contentcreated"] == "2024-12-03T09:41:00-06:00"
    assert picture["located"] == "Tapachula, Mexico"
    assert picture["places"] == [{"name": "Tapachula, Mexico", "rel": "located"}]
    assert picture["subjects"] == [{"name": "migrants"}, {"name": "caravan"}]
    assert picture["people"] == [{"name": "Ana Pérez"}, {"name": "Luis Gómez"}]
    assert picture["infoSources" if camel else "infosources"] == [{"name": "EFE"}]
    assert picture["edNote" if camel else "ednote"] == "Embargoed until 12:00 GMT"


def test_a_photo_date_without_a_time_is_not_sent_as_one(tmp_path: Path) -> None:
    article, media = tiny_photo_article()
    article.photos[0].date_taken = "2024-12-03"
    picture = export(tmp_path, article, media)["associations"][0]
    assert "contentcreated" not in picture
    assert not {"located", "subjects", "people", "ednote", "infosources"} & picture.keys()
