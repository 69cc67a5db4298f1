"""The ``newsml`` export: a story folder whose story.xml is a NewsML-G2 2.35 text newsItem, valid
against the IPTC's own schema (lxml, offline) with the NITF inside valid against NITF 3.6; every
field in its property, photos linked with captions and credits, inert whatever the reporter
typed, and the same bytes every time."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from editor.export.bundle import MARKER_NAME
from editor.export.newsml import NewsmlExporter
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

G = "{http://iptc.org/std/nar/2006-10-01/}"
N = "{http://iptc.org/std/NITF/2006-10-18/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '[x](javascript:alert(1)) <a href="JaVaScRiPt:alert(1)">a</a> ]]> <!-- \' & \u2028'
)


NEWSML_SCHEMA = load_schema(SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")
NITF_SCHEMA = load_schema(SCHEMAS / "nitf" / "nitf-3-6.xsd")
EXPORTER = NewsmlExporter()  # one renderer for the whole file: building one takes a while


def parse_valid(data: bytes) -> etree._Element:
    """Parse offline; fail unless the item is valid NewsML-G2 2.35 and its NITF valid NITF 3.6.

    The G2 schema takes inlineXML content laxly (it does not know NITF), so the NITF is
    validated on its own.
    """
    root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    if not NEWSML_SCHEMA.validate(root):
        pytest.fail(f"not valid NewsML-G2 2.35: {NEWSML_SCHEMA.error_log.last_error}")
    inline = root.findall(f"{G}contentSet/{G}inlineXML")
    assert len(inline) == 1 and inline[0].get("contenttype") == "application/nitf+xml"
    (nitf,) = inline[0]
    if not NITF_SCHEMA.validate(etree.ElementTree(nitf)):
        pytest.fail(f"inline NITF not valid NITF 3.6: {NITF_SCHEMA.error_log.last_error}")
    return root


def make_article(**overrides: object) -> tuple[Article, MediaStore]:
    media = MediaStore()
    values: dict[str, object] = {
        **factories.efe_wire_fields(),
        "byline": ["Juan Manuel Blanco", "Ana Ruiz"],
        "language": "en-GB",
        "body": (
            "The caravan set out.\n\n![](photo:photo1)\n\n## On the road\n\n> “Peace,” she said."
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
                alt="A column of people on a road",
            ),
        ],
    }
    return factories.article(**{**values, **overrides}), media


@pytest.fixture(scope="module")
def efe_files() -> dict[str, bytes]:
    article, media = efe_with_photos()
    return EXPORTER.render(article, media)


# --- valid against the official schemas -------------------------------------------------------


def test_efe_sample_is_a_valid_text_item_with_linked_photos(efe_files: dict[str, bytes]) -> None:
    root = parse_valid(efe_files["story.xml"])
    assert root.tag == f"{G}newsItem"
    assert (root.get("standard"), root.get("standardversion")) == ("NewsML-G2", "2.35")
    links = root.findall(f"{G}itemMeta/{G}link")
    assert [link.get("rel") for link in links] == ["irel:associatedWith"] * 5
    hrefs = [link.get("href") for link in links]
    assert sorted(hrefs) == sorted(name for name in efe_files if name != "story.xml")
    nitf_sources = [m.get("source") for m in root.iter(f"{N}media-reference")]
    assert nitf_sources == hrefs  # the text places the same files it links
    for link in links:
        assert link.get("contenttype") == "image/jpeg"
        caption = link.find(f"{G}description")
        assert caption.get("role") == "drol:caption"
        assert caption.text.startswith("Migrants walk north from Huixtla, photo")
        assert link.find(f"{G}creditline").text == "EFE/Juan Manuel Blanco"


@pytest.mark.parametrize("name", FRONT_MATTER_SAMPLES)
def test_front_matter_samples_are_valid_items(name: str) -> None:
    article, media = front_matter_sample(name)
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    meta = root.find(f"{G}contentMeta")
    assert meta.find(f"{G}headline").text == article.headline
    assert meta.find(f"{G}language").get("tag") == article.language
    assert root.find(f"{G}itemMeta/{G}provider/{G}name").text == article.metadata["publisher"]


def test_efe_sample_matches_golden_file(efe_files: dict[str, bytes]) -> None:
    assert_golden("newsml_efe.xml", efe_files["story.xml"])


# --- every field in its place ------------------------------------------------------------------


def test_item_meta() -> None:
    article, media = make_article()
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    assert re.fullmatch(r"urn:newsml:dateline:20241203:[0-9a-f-]{36}", root.get("guid"))
    assert root.get("version") == "1" and root.get(XML_LANG) == "en-GB"
    meta = root.find(f"{G}itemMeta")
    assert meta.find(f"{G}itemClass").get("qcode") == "ninat:text"
    assert meta.find(f"{G}provider/{G}name").text == "EFE"
    assert meta.find(f"{G}versionCreated").text == "2024-12-03T10:45:00+00:00"
    assert meta.find(f"{G}firstCreated").text == "2024-12-03T09:30:00+00:00"
    assert meta.find(f"{G}pubStatus").get("qcode") == "stat:usable"
    assert meta.find(f"{G}edNote") is None


def test_content_meta() -> None:
    article, media = make_article()
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    meta = root.find(f"{G}contentMeta")
    assert meta.find(f"{G}contentCreated").text == "2024-12-03T09:30:00+00:00"
    assert meta.find(f"{G}contentModified").text == "2024-12-03T10:45:00+00:00"
    located = meta.find(f"{G}located")
    assert located.find(f"{G}name").text == "Tapachula"
    assert located.find(f"{G}broader/{G}name").text == "Mexico"
    assert [c.find(f"{G}name").text for c in meta.findall(f"{G}creator")] == [
        "Juan Manuel Blanco",
        "Ana Ruiz",
    ]
    assert meta.find(f"{G}language").get("tag") == "en-GB"
    assert [k.text for k in meta.findall(f"{G}keyword")] == ["migration", "Mexico"]
    assert meta.find(f"{G}slugline").text == "MEXICO-MIGRANTS/CARAVAN"
    assert meta.find(f"{G}headline").text == article.headline
    assert meta.find(f"{G}dateline").text == "Tapachula, Mexico, Dec 3 (EFE).-"
    assert meta.find(f"{G}by").text == "By Juan Manuel Blanco and Ana Ruiz"
    assert meta.find(f"{G}creditline").text == "EFE"
    summary = meta.find(f"{G}description")
    assert (summary.get("role"), summary.text) == ("drol:summary", article.dek)


def test_inline_nitf_carries_the_body() -> None:
    article, media = make_article()
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    nitf = root.find(f".//{N}nitf")
    assert nitf.find(f"{N}head") is None  # the item's own metadata says it
    content = nitf.find(f"{N}body/{N}body.content")
    assert [child.tag.removeprefix(N) for child in content] == ["p", "media", "hl2", "bq", "p"]
    assert text(content[2]) == "On the road"
    assert text(content[3]).strip() == "“Peace,” she said."
    assert text(content[4]) == "EFE"  # after a quote, the end mark stands on its own
    assert text(content[1].find(f"{N}media-caption")) == "Migrants walk"
    assert text(content[1].find(f"{N}media-producer")) == "EFE/Juan Manuel Blanco"
    assert text(nitf.find(f".//{N}tagline")) == "jmb/dgp/mcd"


def test_editors_note_never_appears() -> None:
    article, media = make_article()
    data = EXPORTER.render(article, media)["story.xml"]
    assert EDITORS_NOTE.encode() not in data and b"hold until" not in data
    assert b"edNote" not in data


def test_export_is_deterministic(tmp_path: Path) -> None:
    article, media = efe_with_photos()
    EXPORTER.export(article, media, tmp_path / "a")
    NewsmlExporter().export(article, media, tmp_path / "b")

    def files(folder: Path) -> dict[str, bytes]:
        found = (path for path in folder.rglob("*") if path.is_file())
        return {str(path.relative_to(folder)): path.read_bytes() for path in found}

    first = files(tmp_path / "a")
    assert first == files(tmp_path / "b")
    assert len(first) == 7  # story.xml, five photos, and the marker of an export folder
    assert json.loads(first[MARKER_NAME])["files"] == sorted(set(first) - {MARKER_NAME})


# --- hostile input -------------------------------------------------------------------------------


def test_hostile_fields_and_body_stay_text() -> None:
    article, media = make_article(
        headline=HOSTILE,
        dek=HOSTILE,
        byline=[HOSTILE],
        dateline=Dateline(place=HOSTILE, country=HOSTILE, source=HOSTILE),
        slug=HOSTILE,
        tags=[HOSTILE],
        language=HOSTILE,
        sign_off=HOSTILE,
        editors_note=HOSTILE + EDITORS_NOTE,
        body="<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n![](photo:photo1)",
    )
    article.photos[0].caption = article.photos[0].credit = HOSTILE
    data = EXPORTER.render(article, media)["story.xml"]
    root = parse_valid(data)
    assert b"<script" not in data and EDITORS_NOTE.encode() not in data
    for element in root.iter():
        assert etree.QName(element).localname != "script"
        for name, value in element.attrib.items():
            assert not etree.QName(name).localname.lower().startswith("on")
            assert not value.lower().startswith("javascript:")
    shown = HOSTILE.strip()
    meta = root.find(f"{G}contentMeta")
    for tag in ("headline", "slugline", "keyword", "description", "creditline"):
        assert meta.find(f"{G}{tag}").text == shown, tag
    assert meta.find(f"{G}located/{G}name").text == shown
    assert root.get(XML_LANG) == "en"
    link = root.find(f"{G}itemMeta/{G}link")
    assert link.find(f"{G}description").text == shown
    assert link.find(f"{G}creditline").text == shown


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=st.lists(ANY_TEXT, min_size=7, max_size=7), body=ANY_TEXT)
def test_any_text_in_any_field_gives_a_valid_item(fields: list[str], body: str) -> None:
    headline, dek, name, place, tag, caption, language = fields
    article, media = make_article(
        headline=headline,
        dek=dek,
        byline=[name],
        dateline=Dateline(place=place, country=place, source=place),
        tags=[tag],
        language=language,
        body=body + "\n\n![](photo:photo1)",
    )
    article.photos[0].caption = caption
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    expected = re.sub(r"[\t\n\r]+", " ", xml_safe(headline.strip()))  # metadata is one line
    assert (root.find(f"{G}contentMeta/{G}headline").text or "") == expected


def test_photo_details_are_hints_on_the_photo_link() -> None:
    article, media = make_article()
    photo = article.photos[0]
    photo.city, photo.country = "Tapachula", "Mexico"
    photo.keywords = ["migrants", "caravan"]
    photo.date_taken = "2024-12-03T09:41-06:00"
    photo.source = "EFE"
    photo.instructions = "Embargoed until 12:00 GMT"
    photo.persons = ["Ana Pérez"]
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    (link,) = root.findall(f"{G}itemMeta/{G}link")
    assert link.find(f"{G}contentCreated").text == "2024-12-03T09:41:00-06:00"
    located = link.find(f"{G}located")
    assert located.get("type") == "cpnat:geoArea"
    assert located.find(f"{G}name").text == "Tapachula"
    assert located.find(f"{G}broader/{G}name").text == "Mexico"
    assert [k.text for k in link.findall(f"{G}keyword")] == ["migrants", "caravan"]
    person = link.find(f"{G}subject")
    assert person.get("type") == "cpnat:person" and person.find(f"{G}name").text == "Ana Pérez"
    assert link.find(f"{G}infoSource/{G}name").text == "EFE"
    assert link.find(f"{G}edNote").text == "Embargoed until 12:00 GMT"
    # The story's own metadata is unchanged: the photo's place is not the dateline's.
    assert root.find(f"{G}contentMeta/{G}located/{G}name").text == article.dateline.place


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2024-12-03", "2024-12-03"), ("2024-12-03T09:41", "2024-12-03"), ("Tuesday", None)],
)
def test_a_photo_date_is_sent_only_as_a_valid_date(typed: str, expected: str | None) -> None:
    article, media = make_article()
    article.photos[0].date_taken = typed
    root = parse_valid(EXPORTER.render(article, media)["story.xml"])
    created = root.find(f"{G}itemMeta/{G}link/{G}contentCreated")
    assert (None if created is None else created.text) == expected
