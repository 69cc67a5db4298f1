"""The ``web`` export: a folder or zip holding a valid page, its stylesheet, responsive photos
and article.json; and the bundle writer it shares with other multi-file formats."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as etree
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from editor.export.base import ExportCancelled, ExportError, ExportOptions
from editor.export.bundle import (
    MARKER_NAME,
    checked_relative_path,
    safe_file_stem,
    write_bundle,
    zip_bytes,
)
from editor.export.markdown import placements_to_files
from editor.export.safe_markdown import safe_markdown
from editor.export.web import PHOTO_SIZES, WebExporter
from editor.model.article import Article, Crop, Dateline
from editor.model.media_store import MediaStore

from export_samples import EDITORS_NOTE, efe_with_photos
from factories import stored_photo
from golden import assert_golden
from nu_checker import needs_nu_checker, nu_errors
from photo_files import GPS_IFD, jpeg_with_gps
from strict_html import parse_page

HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> '
    '<a href="JaVaScRiPt:alert(1)">a</a> </script></style></title><!-- ]]> \' &'
)
HOSTILE_BODY = "\n\n".join(
    [
        "Opening paragraph.",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        '<iframe src="https://evil.example/"></iframe>',
        "<style>body { display: none }</style>",
        "![](photo:big)",
        "Closing ]]> paragraph.",
    ]
)


def folder_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def zip_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def big_photo_article(tmp_path: Path) -> tuple[Article, MediaStore]:
    """A story whose one photo (2,200 pixels wide, with GPS in its EXIF) is placed and leads."""
    media = MediaStore()
    data = jpeg_with_gps(tmp_path / "big.jpg", (2200, 1500)).read_bytes()
    photo = stored_photo(
        media,
        "big",
        data,
        "big.jpg",
        original_name="/home/reporter/Private/IMG_0001.jpg",
        caption="Migrants rest in Huixtla",
        credit="EFE/Juan Manuel Blanco",
        alt="People resting on a road",
        featured=True,
    )
    article = Article(
        headline="Caravan rests",
        dek="A day in Huixtla",
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(
            place="Huixtla", country="Mexico", date=dt.date(2024, 12, 3), source="EFE"
        ),
        url_slug="caravan-rests",
        tags=["migration"],
        editors_note=EDITORS_NOTE,
        metadata={"internal": "not for readers"},
        body="The caravan stopped.\n\n![](photo:big)\n\nIt moves on tomorrow.",
        photos=[photo],
        created=dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        modified=dt.datetime(2024, 12, 3, 10, 45, 31, tzinfo=dt.UTC),
    )
    return article, media


@pytest.fixture(scope="module")
def efe_files() -> dict[str, bytes]:
    article, media = efe_with_photos()
    return WebExporter().files(article, media)


@pytest.fixture(scope="module")
def big_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    article, media = big_photo_article(tmp_path_factory.mktemp("big"))
    return WebExporter().files(article, media)


def referenced_urls(document: etree.Element) -> list[str]:
    urls = []
    for element in document.iter():
        for name in ("src", "href"):
            if element.get(name) and element.tag != "a":  # story links go out, as they should
                urls.append(element.get(name))
        for candidate in (element.get("srcset") or "").split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    return urls


# --- the EFE sample ------------------------------------------------------------------------------


def test_efe_bundle_holds_page_stylesheet_data_and_photos(efe_files: dict[str, bytes]) -> None:
    assert sorted(efe_files) == [
        "article.json",
        "index.html",
        "photos/p1-512.jpg",  # the lead photo's crop is 512 wide: never upscaled to 768
        "photos/p2-128.jpg",
        "photos/p3-128.jpg",
        "photos/p4-200.jpg",
        "photos/p5-640.jpg",
        "style.css",
    ]
    assert_golden("web/efe-index.html", efe_files["index.html"])
    assert_golden("web/efe-article.json", efe_files["article.json"])


def test_page_is_strict_html5_linking_its_stylesheet_with_relative_urls_only(
    efe_files: dict[str, bytes],
) -> None:
    document = parse_page(efe_files["index.html"].decode("utf-8"))
    head = document.find("head")
    assert head.find("style") is None
    links = head.findall("link")
    assert [(link.get("rel"), link.get("href")) for link in links] == [("stylesheet", "style.css")]
    urls = referenced_urls(document)
    assert len(urls) >= 6
    for url in urls:
        assert not re.match(r"[a-z][a-z0-9+.-]*:|/", url, re.I), url  # no scheme, not rooted
        assert url in efe_files, f"{url} is not in the bundle"
    figures = [f for f in document.iter("figure") if f.find("img") is not None]
    assert len(figures) == 5
    for figure in figures:
        assert figure.find("img").get("sizes") == PHOTO_SIZES


def test_share_image_is_left_out_of_a_relative_bundle(efe_files: dict[str, bytes]) -> None:
    # Open Graph and schema.org need absolute addresses; the bundle cannot know its own.
    head = parse_page(efe_files["index.html"].decode("utf-8")).find("head")
    properties = [meta.get("property") for meta in head.findall("meta")]
    assert "og:title" in properties
    assert not [p for p in properties if p and p.startswith("og:image")]
    data = json.loads(head.find("script").text)
    assert data["@type"] == "NewsArticle" and "image" not in data
    assert data["headline"] == "México pushes back Migrant Caravan!"


def test_article_json_has_the_fields_and_published_photos(efe_files: dict[str, bytes]) -> None:
    data = json.loads(efe_files["article.json"])
    assert data["headline"] == "México pushes back Migrant Caravan!"
    assert data["url_slug"] == "mexico-pushes-back-migrant-caravan"
    assert data["tags"] == ["migration", "Mexico", "Chiapas"]
    assert data["dateline"]["place"] == "Tapachula"
    assert data["body"].startswith("A caravan of over 1,500 migrants")
    assert "editors_note" not in data and "metadata" not in data
    assert [photo["id"] for photo in data["photos"]] == ["p1", "p2", "p3", "p4", "p5"]
    lead = data["photos"][0]
    assert lead["featured"] is True
    assert lead["files"] == [
        {"path": "photos/p1-512.jpg", "width": 512, "height": 342, "type": "image/jpeg"}
    ]
    for photo in data["photos"]:
        assert "media_path" not in photo and "original_name" not in photo
        for file in photo["files"]:
            with Image.open(io.BytesIO(efe_files[file["path"]])) as picture:
                assert picture.size == (file["width"], file["height"])


# --- responsive photos ---------------------------------------------------------------------------


def test_srcset_lists_every_rendition_at_its_stated_width(big_files: dict[str, bytes]) -> None:
    document = parse_page(big_files["index.html"].decode("utf-8"))
    figures = [f for f in document.iter("figure") if f.get("data-photo-id") == "big"]
    assert len(figures) == 1  # placed in the body, so not repeated as the header's lead photo
    img = figures[0].find("img")
    assert img.get("src") == "photos/big-1024.jpg"  # what a browser without srcset shows
    candidates = [entry.split() for entry in img.get("srcset").split(", ")]
    assert [width for _, width in candidates] == ["768w", "1024w", "1536w", "2048w"]
    for name, width in candidates:
        with Image.open(io.BytesIO(big_files[name])) as picture:
            assert picture.format == "JPEG"
            assert picture.width == int(width[:-1])
            assert picture.height == round(1500 * picture.width / 2200)
            exif = picture.getexif()
            assert not exif.get_ifd(GPS_IFD), f"{name} carries a GPS position"
            assert 0x013B not in exif, f"{name} carries the camera owner's name"
    assert sorted(n for n in big_files if n.startswith("photos/")) == sorted(
        n for n, _ in candidates
    )


def test_original_file_names_and_private_fields_stay_out(big_files: dict[str, bytes]) -> None:
    everything = b"".join(big_files.values())
    for secret in (EDITORS_NOTE, "IMG_0001", "/home/reporter", "not for readers"):
        assert secret.encode() not in everything, secret


# --- hostile input -------------------------------------------------------------------------------


def test_hostile_fields_and_body_stay_inert(tmp_path: Path) -> None:
    article, media = big_photo_article(tmp_path)
    article.headline = article.dek = article.section = article.sign_off = HOSTILE
    article.byline = [HOSTILE]
    article.tags = [HOSTILE, "safe"]
    article.dateline = Dateline(override=HOSTILE)
    article.body = HOSTILE_BODY
    article.photos[0].id = "big"
    article.photos[0].caption = article.photos[0].credit = article.photos[0].alt = HOSTILE
    files = WebExporter().files(article, media)
    document = parse_page(files["index.html"].decode("utf-8"))
    assert [s.get("type") for s in document.iter("script")] == ["application/ld+json"]
    for tag in ("iframe", "svg", "style", "object", "embed", "base", "form"):
        assert document.find(f".//{tag}") is None, tag
    for element in document.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert not value.lower().strip().startswith("javascript:"), value
    assert document.find("head").find("title").text == HOSTILE.strip()
    data = json.loads(files["article.json"])
    assert data["headline"] == HOSTILE  # fields are data, exactly as typed
    # The body only as the sanitiser lets it through: a site may render it trusting raw HTML.
    # Placements point at the page's photo file, never at a photo: address.
    published = placements_to_files(article, {"big": "photos/big-1024.jpg"})
    assert data["body"] == safe_markdown(published) != published
    assert "photo:" not in data["body"] and "photos/big-1024.jpg" in data["body"]
    assert "<script" not in data["body"].lower()


# --- W3C validator -------------------------------------------------------------------------------


@pytest.mark.slow
@needs_nu_checker
def test_pages_pass_the_nu_html_checker(
    tmp_path: Path, efe_files: dict[str, bytes], big_files: dict[str, bytes]
) -> None:
    article, media = big_photo_article(tmp_path)
    article.headline = article.dek = HOSTILE
    article.body = HOSTILE_BODY
    article.photos[0].caption = article.photos[0].alt = HOSTILE
    pages = {
        "efe.html": efe_files["index.html"],
        "big.html": big_files["index.html"],
        "hostile.html": WebExporter().files(article, media)["index.html"],
        # The checker must be able to fail: the same page with a stray block in a paragraph.
        "broken.html": efe_files["index.html"].replace(b"<p>", b"<p><div>", 1),
    }
    errors = nu_errors(pages, tmp_path)
    assert errors.pop("broken.html"), "the checker found nothing wrong with a broken page"
    assert errors == {}


# --- folder, zip, determinism --------------------------------------------------------------------


@pytest.mark.slow
def test_folder_and_zip_hold_the_same_files(tmp_path: Path) -> None:
    article, media = big_photo_article(tmp_path)
    exporter = WebExporter()
    exporter.export(article, media, tmp_path / "site")
    exporter.export(article, media, tmp_path / "site.ZIP")
    in_folder = folder_files(tmp_path / "site")
    # The folder lists what the export wrote in it; a zip needs not.
    assert json.loads(in_folder.pop(MARKER_NAME))["files"] == sorted(in_folder)
    assert in_folder == zip_files(tmp_path / "site.ZIP")
    assert "index.html" in in_folder and "photos/big-2048.jpg" in in_folder


@pytest.mark.slow
def test_export_is_byte_identical_twice_folder_and_zip(tmp_path: Path) -> None:
    article, media = big_photo_article(tmp_path)
    WebExporter().export(article, media, tmp_path / "a.zip")
    WebExporter().export(article, media, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    WebExporter().export(article, media, tmp_path / "a")
    WebExporter().export(article, media, tmp_path / "b")
    assert folder_files(tmp_path / "a") == folder_files(tmp_path / "b")
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    # Entries are dated by the article's last change (seconds rounded down to even).
    assert {info.date_time for info in infos} == {(2024, 12, 3, 10, 45, 30)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}


@pytest.mark.slow
def list_in_manifest(folder: Path, name: str) -> None:
    manifest = json.loads((folder / MARKER_NAME).read_text(encoding="utf-8"))
    manifest["files"].append(name)
    (folder / MARKER_NAME).write_text(json.dumps(manifest), encoding="utf-8")


def test_exporting_again_replaces_an_earlier_export(tmp_path: Path) -> None:
    article, media = big_photo_article(tmp_path)
    out = tmp_path / "site"
    WebExporter().export(article, media, out)
    (out / "photos" / "stale-768.jpg").write_bytes(b"old")  # as an earlier export wrote it
    list_in_manifest(out, "photos/stale-768.jpg")
    article.headline = "Caravan moves on"
    WebExporter().export(article, media, out)
    assert not (out / "photos" / "stale-768.jpg").exists()
    assert b"Caravan moves on" in (out / "index.html").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jpg", "site"]  # no temporaries


def test_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    article, media = big_photo_article(tmp_path)
    options = ExportOptions(cancelled=lambda: True, parallel=False)
    with pytest.raises(ExportCancelled):
        WebExporter().export(article, media, tmp_path / "site", options)
    assert not (tmp_path / "site").exists()


# --- the bundle writer ---------------------------------------------------------------------------


def test_bundle_refuses_a_folder_holding_other_files(tmp_path: Path) -> None:
    out = tmp_path / "Documents"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    with pytest.raises(ExportError, match="already holds other files"):
        write_bundle(out, {"index.html": b"x"})
    assert folder_files(out) == {"thesis.docx": b"years of work"}


def test_bundle_fills_an_empty_folder_and_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write_bundle(tmp_path / "empty", {"a/b.txt": b"b"})
    written = folder_files(tmp_path / "empty")
    assert json.loads(written.pop(MARKER_NAME))["files"] == ["a/b.txt"]
    assert written == {"a/b.txt": b"b"}
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(ExportError, match="is a file"):
        write_bundle(tmp_path / "file", {"a.txt": b"a"})
    with pytest.raises(ExportError, match="missing"):
        write_bundle(tmp_path / "no" / "such", {"a.txt": b"a"})
    with pytest.raises(ExportError, match="cannot write"):
        write_bundle(tmp_path / "no" / "such.zip", {"a.txt": b"a"})


@pytest.mark.parametrize(
    "name", ["", "/etc/passwd", "../up.txt", "a/../../b", "a//b", "a\\b", "./a", MARKER_NAME]
)
def test_bundle_refuses_paths_outside_itself(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        checked_relative_path(name)
    with pytest.raises(ExportError):
        write_bundle(tmp_path / "out.zip", {name: b"x"})
    assert not (tmp_path / "out.zip").exists()


_NAME_PART = st.text(alphabet="abcXYZ019-_.é", min_size=1, max_size=8).filter(
    lambda part: part not in (".", "..") and part != MARKER_NAME
)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.lists(_NAME_PART, min_size=1, max_size=3).map("/".join),
        st.binary(max_size=64),
        max_size=6,
    )
)
def test_zip_round_trips_any_files_in_sorted_order(files: dict[str, bytes]) -> None:
    # A name that is also another's folder ("a" and "a/b") cannot be a folder bundle, but a
    # zip holds both; either way the bytes depend only on the mapping.
    data = zip_bytes(files)
    assert zip_bytes(dict(reversed(list(files.items())))) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == sorted(files)
        assert {name: archive.read(name) for name in archive.namelist()} == files


@given(st.text(max_size=80))
def test_safe_file_stem_is_plain_and_distinct(name: str) -> None:
    stem = safe_file_stem(name)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", stem)
    if stem != name:  # changed names carry a hash of the original, so two never meet
        assert stem != safe_file_stem(name + "x")


def test_crop_reaches_the_published_files(tmp_path: Path) -> None:
    article, media = big_photo_article(tmp_path)
    article.photos[0].crop = Crop(0.0, 0.0, 0.5, 1.0)  # 1,100 wide: only 768 and 1024 fit
    files = WebExporter().files(article, media)
    assert sorted(n for n in files if n.startswith("photos/")) == [
        "photos/big-1024.jpg",
        "photos/big-768.jpg",
    ]
