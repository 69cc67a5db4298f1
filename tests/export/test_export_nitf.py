"""The ``nitf`` export: a story folder whose story.xml is NITF 3.6, valid against the IPTC's own
schema (lxml, offline), with every field in its element, photos as clean renditions, inert and
well-formed whatever the reporter typed, and the same bytes every time."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from PIL import Image, IptcImagePlugin

from editor.export.base import ExportError
from editor.export.bundle import MARKER_NAME
from editor.export.nitf import NitfExporter, story_guid
from editor.export.xml_writing import xml_safe
from editor.model.article import Article, Dateline, ImageRef
from editor.model.media_store import MediaStore

import factories
from export_samples import (
    EDITORS_NOTE,
    FRONT_MATTER_SAMPLES,
    PNG_BYTES,
    efe_with_photos,
    front_matter_sample,
)
from golden import assert_golden
from iptc_schemas import SCHEMAS, load_schema, text

N = "{http://iptc.org/std/NITF/2006-10-18/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '[x](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">a</a> ]]> <!-- \' & \u2028'
)
HOSTILE_BODY = "\n\n".join(
    [
        "Opening paragraph.",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "[x](javascript:alert(1)) and [d](data:text/html,hi)",
        '<a href="JaVaScRiPt:alert(1)">link</a>',
        '<figure class="photo" data-photo-id="photo1"><img src="photos/photo1-1.jpg"></figure>',
        "<p>para <div>div in a paragraph</div> <ul></ul> <table><td>cell</td></table></p>",
        '<div onclick="alert(1)">div</div>',
        "![](photo:photo1)",
        "Closing paragraph.",
    ]
)


NITF_SCHEMA = load_schema(SCHEMAS / "nitf" / "nitf-3-6.xsd")
EXPORTER = NitfExporter()  # one renderer for the whole file: building one takes a while


def parse_valid(data: bytes) -> etree._Element:
    """Parse with no network and no entities; fail unless the document is valid NITF 3.6."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    root = etree.fromstring(data, parser)
    if not NITF_SCHEMA.validate(root):
        pytest.fail(f"not valid NITF 3.6: {NITF_SCHEMA.error_log.last_error}")
    return root


def make_article(**overrides: object) -> tuple[Article, MediaStore]:
    media = MediaStore()
    values: dict[str, object] = {
        **factories.efe_wire_fields(),
        "byline": ["Juan Manuel Blanco", "Ana Ruiz"],
        "language": "es",
        "body": (
            'The caravan set out on *Tuesday* with [EFE](https://efe.com/ "agency").\n\n'
            "![](photo:photo1)\n\n## On the road\n\n"
            "> “We come in peace,” she said.\n>\n> **Second** line.\n\n"
            "- one\n- two\n\n| a | b |\n|--:|---|\n| 1 | 2 |\n\n"
            "![](photo:gone)\n\nThe march goes on."
        ),
        "photos": [
            ImageRef(
                id="photo1",
                media_path=media.add_bytes(PNG_BYTES, "png"),
                format="PNG",
                width=1,
                height=1,
                caption="Migrants walk",
                credit="EFE/Juan Manuel Blanco",
                copyright="© EFE 2024",
                alt="A column of people on a road",
            ),
            ImageRef(id="gone", original_name="Migrant2-750x500.jpg", caption="Not here"),
        ],
        "modified": dt.datetime(2024, 12, 3, 10, 45, tzinfo=dt.timezone(dt.timedelta(hours=-6))),
    }
    return factories.article(**{**values, **overrides}), media


@pytest.fixture(scope="module")
def efe_files() -> dict[str, bytes]:
    article, media = efe_with_photos()
    return EXPORTER.render(article, media)


# --- valid against the official schema --------------------------------------------------------


def test_efe_sample_is_valid_nitf_with_its_photos(efe_files: dict[str, bytes]) -> None:
    root = parse_valid(efe_files["story.xml"])
    sources = [ref.get("source") for ref in root.iter(f"{N}media-reference")]
    assert len(sources) == 5  # the lead photo and the four placed in the body
    assert sorted(sources) == sorted(name for name in efe_files if name != "story.xml")
    for source in sources:
        assert re.fullmatch(r"photos/p\d-\d+\.jpg", source)


@pytest.mark.parametrize("name", FRONT_MATTER_SAMPLES)
def test_front_matter_samples_are_valid_nitf(name: str) -> None:
    article, media = front_matter_sample(name)
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    assert text(root.find(f".//{N}hl1")) == article.headline
    assert root.get(XML_LANG) == article.language
    # Photos whose files are not in the package are not published (no placeholder text).
    assert "not in the story package" not in text(root)
    assert root.find(f".//{N}media") is None


def test_efe_sample_matches_golden_file(efe_files: dict[str, bytes]) -> None:
    assert_golden("nitf_efe.xml", efe_files["story.xml"])


# --- every field in its place ------------------------------------------------------------------


def test_head_fields() -> None:
    article, media = make_article()
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    assert root.get(XML_LANG) == "es" and root.get("baselang") == "es"
    head = root.find(f"{N}head")
    assert text(head.find(f"{N}title")) == article.headline
    docdata = head.find(f"{N}docdata")
    assert re.fullmatch(
        r"urn:newsml:dateline:20241203:[0-9a-f-]{36}", docdata.find(f"{N}doc-id").get("id-string")
    )
    assert docdata.find(f"{N}du-key").get("key") == "MEXICO-MIGRANTS/CARAVAN"
    assert docdata.find(f"{N}date.issue").get("norm") == "20241203T104500-0600"
    assert docdata.find(f"{N}date.release").get("norm") == "20241203T104500-0600"
    keys = [k.get("key") for k in docdata.find(f"{N}key-list")]
    assert keys == ["migration", "Mexico"]
    assert head.find(f"{N}pubdata").get("position.section") == "World"


def test_body_head_fields() -> None:
    article, media = make_article()
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    body_head = root.find(f"{N}body/{N}body.head")
    hedline = body_head.find(f"{N}hedline")
    assert text(hedline.find(f"{N}hl1")) == article.headline
    assert text(hedline.find(f"{N}hl2")) == article.dek
    byline = body_head.find(f"{N}byline")
    assert text(byline) == "Por Juan Manuel Blanco y Ana Ruiz"  # Spanish story
    assert [p.text for p in byline.findall(f"{N}person")] == ["Juan Manuel Blanco", "Ana Ruiz"]
    dateline = body_head.find(f"{N}dateline")
    assert text(dateline) == "Tapachula, Mexico, Dec 3 (EFE).-"
    location = dateline.find(f"{N}location")
    assert location.find(f"{N}city").text == "Tapachula"
    assert location.find(f"{N}country").text == "Mexico"
    story_date = dateline.find(f"{N}story.date")
    assert story_date.text == "Dec 3" and story_date.get("norm") == "20241203T000000+0000"


@pytest.mark.parametrize(
    ("style", "printed", "city", "country", "date"),
    [
        ("efe-es", "Tapachula (México), 3 dic (EFE).-", "Tapachula", "México", "3 dic"),
        ("reuters", "TAPACHULA, Mexico, Dec 3 (EFE) -", "TAPACHULA", "Mexico", "Dec 3"),
        ("ap", "TAPACHULA, Mexico (EFE) —", "TAPACHULA", "Mexico", None),
    ],
)
def test_dateline_tags_place_and_date_in_any_house_style(
    style: str, printed: str, city: str, country: str, date: str | None
) -> None:
    dateline = Dateline(
        place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3), source="EFE", style=style
    )
    article, media = make_article(dateline=dateline)
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    element = root.find(f".//{N}dateline")
    assert text(element) == printed
    assert element.find(f".//{N}city").text == city
    assert element.find(f".//{N}country").text == country
    story_date = element.find(f"{N}story.date")
    assert story_date.text == date  # AP prints no date: the date is in norm alone
    assert story_date.get("norm") == "20241203T000000+0000"


def test_body_content_subheads_quotes_links_lists_tables_photos() -> None:
    article, media = make_article()
    files = EXPORTER.render(article, media)
    root = parse_valid(files["story.xml"])
    content = root.find(f"{N}body/{N}body.content")
    tags = [child.tag.removeprefix(N) for child in content]
    assert tags == ["p", "media", "hl2", "bq", "ul", "table", "p"]
    first = content[0]
    assert text(first) == "The caravan set out on Tuesday with EFE."
    assert first.find(f"{N}em").text == "Tuesday"
    link = first.find(f"{N}a")
    assert (link.get("href"), link.get("title"), link.text) == ("https://efe.com/", "agency", "EFE")
    assert text(content[2]) == "On the road"
    quote = content[3].findall(f"{N}block/{N}p")
    assert [text(p) for p in quote] == ["“We come in peace,” she said.", "Second line."]
    assert quote[1].find(f"{N}em").get("class") == "strong"
    assert [text(li) for li in content[4]] == ["one", "two"]
    assert content[5].find(f"{N}thead/{N}tr/{N}th").get("align") == "right"
    assert text(content[-1]) == "The march goes on. EFE"  # the end mark, as wire copy has it
    # The photo whose file is absent is left out; the present one is a media element.
    media_element = content[1]
    assert media_element.get("media-type") == "image"
    reference = media_element.find(f"{N}media-reference")
    assert reference.attrib == {
        "source": "photos/photo1-1.jpg",
        "mime-type": "image/jpeg",
        "width": "1",
        "height": "1",
        "alternate-text": "A column of people on a road",
        "copyright": "© EFE 2024",
    }
    assert text(media_element.find(f"{N}media-caption")) == "Migrants walk"
    assert text(media_element.find(f"{N}media-producer")) == "EFE/Juan Manuel Blanco"
    tagline = root.find(f"{N}body/{N}body.end/{N}tagline")
    assert text(tagline) == "jmb/dgp/mcd"


def test_photo_files_are_clean_captioned_renditions(efe_files: dict[str, bytes]) -> None:
    root = parse_valid(efe_files["story.xml"])
    for media in root.iter(f"{N}media"):
        reference = media.find(f"{N}media-reference")
        picture = Image.open(io.BytesIO(efe_files[reference.get("source")]))
        assert picture.format == "JPEG"
        assert picture.size == (int(reference.get("width")), int(reference.get("height")))
        assert not picture.getexif(), "a published photo carries EXIF (GPS, camera, owner)"
        iptc = IptcImagePlugin.getiptcinfo(picture)
        assert iptc[(2, 120)].decode() == text(media.find(f"{N}media-caption"))
        assert iptc[(2, 110)].decode() == text(media.find(f"{N}media-producer"))
    lead = root.find(f".//{N}media-reference")
    assert (lead.get("width"), lead.get("height")) == ("512", "342")  # cropped to 80 % by 80 %
    # The sample's third photo has no alt text: none is made up.
    third = next(m for m in root.iter(f"{N}media-reference") if "p3-" in m.get("source"))
    assert "alternate-text" not in third.attrib


def test_editors_note_never_appears() -> None:
    article, media = make_article()
    data = EXPORTER.render(article, media)["story.xml"]
    assert EDITORS_NOTE.encode() not in data and b"hold until" not in data


# --- deterministic, and written as a folder ----------------------------------------------------


def test_export_is_deterministic(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    EXPORTER.export(article, media, tmp_path / "a")
    NitfExporter().export(article, media, tmp_path / "b")  # a fresh renderer, too

    def files(folder: Path) -> dict[str, bytes]:
        found = (path for path in folder.rglob("*") if path.is_file())
        return {
            str(path.relative_to(folder)): path.read_bytes()
            for path in found
            if path.name != MARKER_NAME
        }

    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert first == second
    assert sorted(first) == ["photos/p1-512.jpg", "photos/p2-128.jpg", "photos/p3-128.jpg",
                             "photos/p4-200.jpg", "photos/p5-640.jpg", "story.xml"]  # fmt: skip


def test_export_replaces_an_earlier_export_whole(tmp_path: Path) -> None:
    out = tmp_path / "story"
    article, media = make_article()
    EXPORTER.export(article, media, out)
    (out / "photos" / "old-1.jpg").write_bytes(b"old")  # as if an older version had it
    manifest = json.loads((out / MARKER_NAME).read_text(encoding="utf-8"))
    manifest["files"].append("photos/old-1.jpg")
    (out / MARKER_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    EXPORTER.export(article, media, out)
    assert sorted(p.name for p in (out / "photos").iterdir()) == ["photo1-1.jpg"]
    parse_valid((out / "story.xml").read_bytes())
    assert [p.name for p in tmp_path.iterdir()] == ["story"]  # no temporary folders left


@pytest.mark.parametrize("kind", ["file", "folder with other files"])
def test_export_refuses_to_replace_what_it_did_not_write(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "story"
    if kind == "file":
        out.write_bytes(b"keep me")
    else:
        out.mkdir()
        (out / "notes.txt").write_bytes(b"keep me")
    article, media = make_article()
    with pytest.raises(ExportError, match=r"is a file|holds other files"):
        EXPORTER.export(article, media, out)
    kept = out if kind == "file" else out / "notes.txt"
    assert kept.read_bytes() == b"keep me"


# --- hostile input -------------------------------------------------------------------------------


def assert_inert(root: etree._Element) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert etree.QName(element).localname not in ("script", "style", "iframe", "svg")
        for name, value in element.attrib.items():
            assert not etree.QName(name).localname.lower().startswith("on"), name
            if name in ("href", "source"):
                assert (
                    not re.sub(r"[\s\x00-\x1f]", "", value)
                    .lower()
                    .startswith(("javascript:", "vbscript:", "data:"))
                ), value


def test_hostile_fields_and_body_stay_text() -> None:
    article, media = make_article(
        headline=HOSTILE,
        dek=HOSTILE,
        byline=[HOSTILE, "Ana"],
        dateline=Dateline(place=HOSTILE, country=HOSTILE, date=dt.date(2024, 12, 3)),
        slug=HOSTILE,
        section=HOSTILE,
        tags=[HOSTILE, "safe"],
        language=HOSTILE,
        sign_off=HOSTILE,
        end_mark=HOSTILE,
        editors_note=HOSTILE + EDITORS_NOTE,
        body=HOSTILE_BODY,
    )
    for image in article.photos:
        image.caption = image.credit = image.alt = image.copyright = HOSTILE
    data = EXPORTER.render(article, media)["story.xml"]
    root = parse_valid(data)
    assert_inert(root)
    assert b"<script" not in data and EDITORS_NOTE.encode() not in data
    assert root.get(XML_LANG) == "en"  # an impossible language falls back
    shown = HOSTILE.strip()
    assert text(root.find(f".//{N}hl1")) == shown
    assert text(root.find(f".//{N}hl2")) == shown
    assert text(root.find(f".//{N}tagline")) == shown
    assert root.find(f".//{N}du-key").get("key") == shown
    assert [k.get("key") for k in root.iter(f"{N}keyword")] == [shown, "safe"]
    media_elements = list(root.iter(f"{N}media"))
    assert len(media_elements) == 1  # the typed-in figure did not pass for a photo
    assert text(media_elements[0].find(f"{N}media-caption")) == shown
    assert media_elements[0].find(f"{N}media-reference").get("alternate-text") == shown
    body_text = text(root.find(f".//{N}body.content"))
    assert "Opening paragraph." in body_text and "Closing paragraph." in body_text
    assert "div in a paragraph" in body_text and "cell" in body_text


# Any character at all, including those XML 1.0 cannot hold (controls, lone surrogates).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=st.lists(ANY_TEXT, min_size=8, max_size=8),
    body=st.text(st.characters(codec=None, exclude_categories=()), max_size=200),
)
def test_any_text_in_any_field_gives_valid_nitf(fields: list[str], body: str) -> None:
    headline, dek, name, place, tag, sign_off, caption, language = fields
    article, media = make_article(
        headline=headline,
        dek=dek,
        byline=[name],
        dateline=Dateline(place=place, country=place, date=dt.date(2024, 12, 3)),
        tags=[tag],
        sign_off=sign_off,
        language=language,
        body=body + "\n\n![](photo:photo1)",
    )
    article.photos[0].caption = caption
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    assert text(root.find(f".//{N}hl1")) == as_read(headline)
    if caption.strip():
        assert text(root.find(f".//{N}media-caption")) == as_read(caption)


def as_read(field: str) -> str:
    """A field as an XML reader gets it back: trimmed, unwritable characters dropped, line
    ends normalised (XML parsers turn CR and CR LF into LF)."""
    return xml_safe(field.strip()).replace("\r\n", "\n").replace("\r", "\n")


def test_guid_is_the_storys_own_id_through_edits() -> None:
    article, _ = make_article()
    guid = story_guid(article)
    assert guid.endswith(article.story_id)
    article.headline, article.slug = "A new headline", "NEW-SLUG"
    assert story_guid(article) == guid  # an update, not a second story


def test_photo_details_are_media_metadata_and_travel_in_the_photo_file() -> None:
    article, media = make_article()
    photo = article.photos[0]
    photo.city, photo.country = "Tapachula", "México"
    photo.keywords = ["migrantes", "caravana"]
    photo.date_taken = "2024-12-03"
    photo.source = "EFE"
    photo.instructions = "Sin archivo"
    photo.persons = ["Ana Pérez"]
    files = EXPORTER.render(article, media)
    root = parse_valid(files["story.xml"])
    element = next(root.iter(f"{N}media"))
    pairs = [(m.get("name"), m.get("value")) for m in element.findall(f"{N}media-metadata")]
    assert pairs == [
        ("city", "Tapachula"),
        ("country", "México"),
        ("date-created", "2024-12-03"),
        ("source", "EFE"),
        ("special-instructions", "Sin archivo"),
        ("keyword", "migrantes"),
        ("keyword", "caravana"),
        ("person-shown", "Ana Pérez"),
    ]
    picture = Image.open(io.BytesIO(files[element.find(f"{N}media-reference").get("source")]))
    iptc = IptcImagePlugin.getiptcinfo(picture)
    assert iptc[(2, 90)].decode() == "Tapachula"
    assert iptc[(2, 101)].decode() == "México"
    assert iptc[(2, 25)] == [b"migrantes", b"caravana"]
    assert iptc[(2, 55)] == b"20241203"
    assert not picture.getexif()  # no position, no camera


def test_a_photo_without_details_has_no_media_metadata(efe_files: dict[str, bytes]) -> None:
    root = parse_valid(efe_files["story.xml"])
    assert root.find(f".//{N}media-metadata") is None
