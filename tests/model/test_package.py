"""The .article package: round trips, atomic deterministic saves, and refusal of hostile files."""

from __future__ import annotations

import copy
import datetime as dt
import errno
import io
import json
import os
import random
import sys
import uuid
import warnings
import zipfile
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from editor.model import package
from editor.model.article import FORMAT_VERSION, Article, Crop, Dateline, ImageRef, article_to_dict
from editor.model.media_store import MediaStore, ZipEntry
from editor.model.package import PackageError, load_package, save_package

from factories import caravan_article

JPEG_BYTES = bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + bytes(200)


# --- building articles and zips ------------------------------------------------------------------


def _photo_bytes(seed: int, size: int = 50_000) -> bytes:
    return random.Random(seed).randbytes(size)


def _sample() -> tuple[Article, MediaStore]:
    """A full story: every field set, two photos with files (one cropped) and one missing."""
    media = MediaStore()
    beach = media.add_bytes(_photo_bytes(1), "jpg")
    chart = media.add_bytes(_photo_bytes(2), "png")
    article = caravan_article(
        language="en",
        story_id="5f0c2a8e-3d4b-4e1f-9a6c-2b7d8e9f0a1b",
        body="Hundreds of migrants left **Tapachula** on Tuesday.\n\n![beach](photo:beach)\n",
        photos=[
            ImageRef(
                id="beach",
                original_name="beach.jpg",
                media_path=beach,
                format="JPEG",
                width=4000,
                height=3000,
                caption="Migrants on the road",
                credit="EFE/Juan Manuel Blanco",
                alt="A crowd walking along a highway",
                city="Tapachula",
                country="Mexico",
                keywords=["migrants", "caravan"],
                date_taken="2024-12-03T09:41:07-06:00",
                source="EFE",
                instructions="Embargoed until 12:00 GMT",
                persons=["Ana Pérez"],
                featured=True,
                crop=Crop(0.1, 0.2, 0.9, 0.8),
                has_gps=True,
            ),
            ImageRef(id="chart", original_name="chart.png", media_path=chart, format="PNG"),
            ImageRef(id="lost", original_name="lost.jpg"),
        ],
        modified=dt.datetime(2024, 12, 3, 11, 45, 10, tzinfo=dt.timezone(dt.timedelta(hours=-6))),
    )
    return article, media


def _saved_sample(path: Path) -> Path:
    article, media = _sample()
    save_package(path, article, media)
    return path


def _zip_bytes(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are the point of a test
        with zipfile.ZipFile(buffer, "w", method) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return buffer.getvalue()


def _article_json(**changes: object) -> bytes:
    data = article_to_dict(Article(headline="Caravan"))
    data.update(changes)
    return json.dumps(data).encode()


def _good_entries(**json_changes: object) -> list[tuple[str, bytes]]:
    return [("article.json", _article_json(**json_changes)), ("body.md", b"Migrants walk.\n")]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _data_offset(zip_data: bytes, name: str) -> tuple[int, int]:
    """Where an entry's (compressed) bytes start in the zip, and how many there are."""
    with zipfile.ZipFile(io.BytesIO(zip_data)) as archive:
        info = archive.getinfo(name)
    header = info.header_offset
    name_length = int.from_bytes(zip_data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(zip_data[header + 28 : header + 30], "little")
    return header + 30 + name_length + extra_length, info.compress_size


def _zip_with_declared_sizes(entries: list[tuple[str, bytes]], sizes: dict[str, int]) -> bytes:
    """A zip whose table of contents claims other uncompressed sizes than the data has."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
        for info in archive.filelist:
            info.file_size = sizes.get(info.filename, info.file_size)
    return buffer.getvalue()


def _refusal(path: Path) -> str:
    """The message load_package refuses ``path`` with, checked to be one line naming the file."""
    with pytest.raises(PackageError) as caught:
        load_package(path)
    message = str(caught.value)
    assert len(message.splitlines()) == 1, message
    assert path.name in message
    assert "Traceback" not in message and "Error" not in message
    return message


# --- round trips ---------------------------------------------------------------------------------


def test_round_trip_keeps_article_and_photo_bytes(tmp_path: Path) -> None:
    article, media = _sample()
    expected = copy.deepcopy(article)
    originals = {path: media.read(path) for path in media.paths()}
    path = tmp_path / "caravan.article"

    save_package(path, article, media)
    loaded = load_package(path)

    assert loaded.article == expected
    assert loaded.media.paths() == sorted(originals)
    for media_path, data in originals.items():
        assert loaded.media.read(media_path) == data


def test_a_package_from_before_the_photo_details_opens_with_them_empty(tmp_path: Path) -> None:
    older_photo = {"id": "p1", "original_name": "beach.jpg", "caption": "Migrants", "credit": "EFE"}
    path = _write(tmp_path / "older.article", _zip_bytes(_good_entries(photos=[older_photo])))
    photo = load_package(path).article.photos[0]
    assert (photo.caption, photo.credit) == ("Migrants", "EFE")
    assert (photo.city, photo.country, photo.date_taken) == ("", "", "")
    assert (photo.source, photo.instructions) == ("", "")
    assert photo.keywords == [] and photo.persons == []


def test_photo_details_from_a_hostile_package_are_cleaned(tmp_path: Path) -> None:
    photo = {"id": "p1", "city": "Tapa\x00chula", "persons": ["Ana\ud800 Pérez"]}
    # json.dumps writes ASCII: the NUL and the lone surrogate survive as escapes in the file.
    path = _write(tmp_path / "hostile.article", _zip_bytes(_good_entries(photos=[photo])))
    loaded = load_package(path).article.photos[0]
    assert loaded.city == "Tapachula"
    assert loaded.persons == ["Ana Pérez"]


def test_saved_layout_order_compression_and_timestamps(tmp_path: Path) -> None:
    article, media = _sample()
    path = _saved_sample(tmp_path / "caravan.article")

    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        stored_json = archive.read("article.json").decode()
    names = [info.filename for info in infos]
    assert names == ["article.json", "body.md", *sorted(media.paths())]
    methods = [info.compress_type for info in infos]
    assert methods[:2] == [zipfile.ZIP_DEFLATED] * 2
    assert set(methods[2:]) == {zipfile.ZIP_STORED}
    # 11:45:10 at UTC-6 is 17:45:10 UTC.
    assert {info.date_time for info in infos} == {(2024, 12, 3, 17, 45, 10)}
    data = article_to_dict(article)
    assert stored_json == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    assert json.loads(stored_json)["format_version"] == FORMAT_VERSION


def test_load_registers_photos_without_reading_them(tmp_path: Path) -> None:
    path = _saved_sample(tmp_path / "caravan.article")
    data = bytearray(path.read_bytes())
    media_path = load_package(path).article.photos[0].media_path
    start, length = _data_offset(bytes(data), media_path)
    data[start + length // 2] ^= 0xFF  # a damaged photo: only reading it would notice
    path.write_bytes(bytes(data))

    loaded = load_package(path)

    source = loaded.media.source(media_path)
    assert isinstance(source, ZipEntry)
    assert source == ZipEntry(path, media_path, length)


def test_two_saves_of_one_article_are_byte_identical(tmp_path: Path) -> None:
    article, media = _sample()
    first, second, third = (tmp_path / f"{name}.article" for name in ("one", "two", "three"))

    save_package(first, article, media)
    save_package(second, article, media)
    loaded = load_package(second)  # photos now come from a zip instead of memory
    save_package(third, loaded.article, loaded.media)

    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_saving_over_the_loaded_file_keeps_photos(tmp_path: Path) -> None:
    _, media = _sample()
    originals = {path: media.read(path) for path in media.paths()}
    path = _saved_sample(tmp_path / "caravan.article")

    loaded = load_package(path)
    loaded.article.headline = "Mexico halts migrant caravan"
    save_package(path, loaded.article, loaded.media)
    again = load_package(path)

    assert again.article.headline == "Mexico halts migrant caravan"
    for media_path, data in originals.items():
        assert loaded.media.read(media_path) == data
        assert again.media.read(media_path) == data
    assert sorted(os.listdir(tmp_path)) == ["caravan.article"]


def test_save_rebases_store_onto_the_new_file(tmp_path: Path) -> None:
    article, media = _sample()
    path = tmp_path / "caravan.article"

    save_package(path, article, media)

    for media_path in media.paths():
        source = media.source(media_path)
        assert isinstance(source, ZipEntry) and source.archive == path


def test_unreferenced_media_is_dropped(tmp_path: Path) -> None:
    article, media = _sample()
    unused = media.add_bytes(_photo_bytes(3), "jpg")
    path = tmp_path / "caravan.article"

    save_package(path, article, media)

    with zipfile.ZipFile(path) as archive:
        assert unused not in archive.namelist()
    assert unused not in media
    assert unused not in load_package(path).media


def test_save_refuses_photo_whose_file_is_not_in_the_store(tmp_path: Path) -> None:
    article, media = _sample()
    media.discard(article.photos[1].media_path)
    path = tmp_path / "caravan.article"

    with pytest.raises(
        PackageError, match=r"caravan\.article was not saved: photo 2 \(chart.png\)"
    ):
        save_package(path, article, media)
    assert not path.exists()
    assert os.listdir(tmp_path) == []


def test_save_refuses_article_it_could_not_open_again(tmp_path: Path) -> None:
    article, media = _sample()
    article.photos[0].id = "not a valid id!"

    with pytest.raises(PackageError, match="photo 1 has no valid id"):
        save_package(tmp_path / "caravan.article", article, media)


def test_save_refuses_text_that_cannot_be_utf8(tmp_path: Path) -> None:
    article, media = _sample()
    article.body = "A lone surrogate \udc80 slipped in"

    with pytest.raises(PackageError, match="story text holds an invalid character"):
        save_package(tmp_path / "caravan.article", article, media)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("modified", "stamp"),
    [
        (dt.datetime(1970, 1, 1, tzinfo=dt.UTC), (1980, 1, 1, 0, 0, 0)),
        (dt.datetime(2300, 6, 1, tzinfo=dt.UTC), (2107, 12, 31, 23, 59, 58)),
        (dt.datetime(2024, 5, 6, 7, 8, 9), (2024, 5, 6, 7, 8, 8)),  # naive; zip keeps even seconds
    ],
)
def test_entry_timestamps_are_clamped_to_zip_range(
    tmp_path: Path, modified: dt.datetime, stamp: tuple[int, ...]
) -> None:
    article, media = _sample()
    article.modified = modified
    path = tmp_path / "caravan.article"

    save_package(path, article, media)

    with zipfile.ZipFile(path) as archive:
        assert {info.date_time for info in archive.infolist()} == {stamp}


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_save_keeps_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = _saved_sample(tmp_path / "caravan.article")
    before = path.read_bytes()
    loaded = load_package(path)
    loaded.article.headline = "A headline that never reaches the disk"
    loaded.article.photos[2].media_path = loaded.media.add_bytes(_photo_bytes(4), "jpg")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(PackageError) as caught:
        save_package(path, loaded.article, loaded.media)
    monkeypatch.undo()

    assert str(caught.value) == "caravan.article could not be saved: the disk is full"
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["caravan.article"]
    assert isinstance(loaded.media.source(loaded.article.photos[2].media_path), bytes)


def test_save_into_missing_folder_is_refused(tmp_path: Path) -> None:
    article, media = _sample()
    path = tmp_path / "no such folder" / "caravan.article"

    with pytest.raises(PackageError) as caught:
        save_package(path, article, media)

    assert str(caught.value) == (
        "caravan.article could not be saved: the file or folder does not exist"
    )


def test_save_reports_a_photo_whose_source_file_vanished(tmp_path: Path) -> None:
    source = _saved_sample(tmp_path / "caravan.article")
    loaded = load_package(source)
    source.unlink()

    with pytest.raises(PackageError, match=r"could not be read: caravan\.article is no longer"):
        save_package(tmp_path / "copy.article", loaded.article, loaded.media)
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_saving_over_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = _saved_sample(tmp_path / "caravan.article")
    path.chmod(0o640)

    _saved_sample(path)

    assert path.stat().st_mode & 0o777 == 0o640


def test_future_folders_and_folder_entries_are_accepted_and_ignored(tmp_path: Path) -> None:
    entries = [
        *_good_entries(),
        ("media/", b""),
        ("revisions/", b""),
        ("revisions/2024-12-03/article.json", b"{}"),
    ]
    path = _write(tmp_path / "caravan.article", _zip_bytes(entries))

    loaded = load_package(path)

    assert loaded.article.headline == "Caravan"
    assert loaded.media.paths() == []


def test_derived_images_are_saved_with_their_photo_but_never_read_back(tmp_path: Path) -> None:
    """Saved for versions that show them; read back, they would be a file's copies, which
    anyone can replace (issue 14, class 5): the window makes its own from the original."""
    article = Article(headline="Caravan", body="![](photo:p1)")
    media = MediaStore()
    media_path = media.add_bytes(JPEG_BYTES, "jpg")
    thumb = MediaStore.derived_path(media_path, "thumb")
    media.set_bytes(thumb, b"thumbnail bytes")
    media.set_bytes("thumbs/orphan-thumb.jpg", b"of a photo no longer in the story")
    article.photos.append(ImageRef(id="p1", media_path=media_path, format="JPEG"))
    path = tmp_path / "caravan.article"

    save_package(path, article, media)
    loaded = load_package(path)

    assert loaded.media.paths() == [media_path]
    assert thumb not in loaded.media and loaded.media.derived_paths(media_path) == []
    with zipfile.ZipFile(path) as archive:
        assert archive.read(thumb) == b"thumbnail bytes"
        assert "thumbs/orphan-thumb.jpg" not in archive.namelist()


# --- refusals: not an article --------------------------------------------------------------------


def test_refuses_plain_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "caravan.article", b"Hundreds of migrants...\n")
    assert _refusal(path) == "caravan.article is not a Dateline article: it is not a zip archive"


def test_refuses_empty_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "caravan.article", b"")
    assert _refusal(path) == "caravan.article is not a Dateline article: the file is empty"


def test_refuses_jpeg_renamed(tmp_path: Path) -> None:
    path = _write(tmp_path / "caravan.article", JPEG_BYTES)
    assert _refusal(path) == "caravan.article is not a Dateline article: it is not a zip archive"


def test_refuses_missing_file(tmp_path: Path) -> None:
    message = _refusal(tmp_path / "caravan.article")
    assert message == "caravan.article could not be opened: the file or folder does not exist"


def test_refuses_folder(tmp_path: Path) -> None:
    path = tmp_path / "caravan.article"
    path.mkdir()
    assert _refusal(path) == "caravan.article is a folder, not a Dateline article"


# --- refusals: damaged files ---------------------------------------------------------------------


def test_refuses_truncated_package(tmp_path: Path) -> None:
    data = _saved_sample(tmp_path / "whole.article").read_bytes()
    path = _write(tmp_path / "caravan.article", data[: len(data) // 2])
    assert "caravan.article is damaged: the file is incomplete" in _refusal(path)


def test_refuses_crc_error(tmp_path: Path) -> None:
    text = b"Hundreds of migrants left Tapachula on Tuesday.\n"
    data = _zip_bytes(
        [("article.json", _article_json()), ("body.md", text)], method=zipfile.ZIP_STORED
    )
    path = _write(tmp_path / "caravan.article", data.replace(text, text.replace(b"H", b"h")))
    assert _refusal(path) == "caravan.article is damaged: body.md is corrupt"


def test_refuses_corrupt_deflate_stream(tmp_path: Path) -> None:
    text = " ".join(f"Paragraph {n} about the caravan." for n in range(400)).encode()
    data = bytearray(_zip_bytes([("article.json", _article_json()), ("body.md", text)]))
    start, length = _data_offset(bytes(data), "body.md")
    for offset in range(start + length // 3, start + length // 3 + 16):
        data[offset] ^= 0xFF
    path = _write(tmp_path / "caravan.article", bytes(data))
    assert _refusal(path) == "caravan.article is damaged: body.md is corrupt"


def test_refuses_entry_larger_than_its_header_says(tmp_path: Path) -> None:
    body = b"Migrants walk north. " * 50
    data = _zip_with_declared_sizes([*_good_entries()[:1], ("body.md", body)], {"body.md": 10})
    path = _write(tmp_path / "caravan.article", data)
    assert _refusal(path) == "caravan.article is damaged: body.md is corrupt"


@pytest.mark.parametrize("missing", ["article.json", "body.md"])
def test_refuses_missing_part(tmp_path: Path, missing: str) -> None:
    entries = [entry for entry in _good_entries() if entry[0] != missing]
    path = _write(tmp_path / "caravan.article", _zip_bytes(entries))
    assert _refusal(path) == f"caravan.article is not a Dateline article: it has no {missing}"


@pytest.mark.parametrize(
    ("json_data", "expected"),
    [
        (b'{"headline": "Caravan",', "article.json is not valid JSON (line 1, column 24)"),
        (b"[" * 100_000, "article.json is not valid JSON"),
        (b'{"format_version": ' + b"9" * 5000 + b"}", "article.json is not valid JSON"),
        (b'["a list"]', "article.json must hold a JSON object"),
        (b"\xff\xfe{}", "article.json is not valid UTF-8 text"),
    ],
)
def test_refuses_bad_json(tmp_path: Path, json_data: bytes, expected: str) -> None:
    entries = [("article.json", json_data), ("body.md", b"text")]
    path = _write(tmp_path / "caravan.article", _zip_bytes(entries))
    assert _refusal(path).endswith(expected)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"headline": 5}, "article: 'headline' must be text"),
        ({"byline": "Ana López"}, "article: 'byline' must be a list of text"),
        ({"photos": [{"id": "a b"}]}, "photo 1 has no valid id"),
        ({"photos": [{"id": "a", "media_path": "media/.."}]}, "outside the package's media folder"),
        ({"dateline": {"date": "3 December"}}, "dateline: 'date' must be a date as YYYY-MM-DD"),
        (
            {"photos": [{"id": "a", "keywords": "war"}]},
            "photo 1: 'keywords' must be a list of text",
        ),
        ({"photos": [{"id": "a", "city": ["Tapachula"]}]}, "photo 1: 'city' must be text"),
    ],
)
def test_refuses_wrong_types_with_the_model_message(
    tmp_path: Path, changes: dict[str, object], expected: str
) -> None:
    path = _write(tmp_path / "caravan.article", _zip_bytes(_good_entries(**changes)))
    message = _refusal(path)
    assert message.startswith("caravan.article is not a valid Dateline article: ")
    assert message.endswith(expected)


def test_refuses_body_that_is_not_utf8(tmp_path: Path) -> None:
    entries = [("article.json", _article_json()), ("body.md", "Tapachula, México".encode("cp1252"))]
    path = _write(tmp_path / "caravan.article", _zip_bytes(entries))
    assert _refusal(path) == "caravan.article is damaged: body.md is not valid UTF-8 text"


def test_refuses_photo_whose_file_is_not_in_the_zip(tmp_path: Path) -> None:
    photo = {"id": "beach", "original_name": "beach.jpg", "media_path": "media/abc.jpg"}
    path = _write(tmp_path / "caravan.article", _zip_bytes(_good_entries(photos=[photo])))
    assert _refusal(path) == (
        "caravan.article is damaged: photo 1 (beach.jpg) refers to media/abc.jpg, "
        "which is missing from the file"
    )


# --- refusals: format versions -------------------------------------------------------------------


def test_refuses_missing_format_version(tmp_path: Path) -> None:
    data = article_to_dict(Article())
    del data["format_version"]
    entries = [("article.json", json.dumps(data).encode()), ("body.md", b"")]
    path = _write(tmp_path / "caravan.article", _zip_bytes(entries))
    assert _refusal(path) == "caravan.article is not a Dateline article: it has no format version"


@pytest.mark.parametrize("version", ["1", 1.0, True, None, [1]])
def test_refuses_format_version_that_is_not_a_whole_number(tmp_path: Path, version: object) -> None:
    path = _write(tmp_path / "caravan.article", _zip_bytes(_good_entries(format_version=version)))
    assert _refusal(path).endswith("its format version is not a whole number")


@pytest.mark.parametrize("version", [0, -3])
def test_refuses_format_version_below_one(tmp_path: Path, version: int) -> None:
    path = _write(tmp_path / "caravan.article", _zip_bytes(_good_entries(format_version=version)))
    assert _refusal(path).endswith(f"its format version ({version}) is not valid")


def test_refuses_newer_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "caravan.article", _zip_bytes(_good_entries(format_version=7)))
    assert _refusal(path) == (
        "caravan.article was saved by a newer version of Dateline (format 7); "
        f"this version reads format {FORMAT_VERSION}. Update Dateline to open it."
    )


# --- refusals: hostile entry names ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "/etc/passwd",
        "../evil.jpg",
        "media/../../evil.jpg",
        "thumbs/../../evil.jpg",
        "media\\evil.jpg",
        "..\\..\\evil.jpg",
        "C:/Windows/evil.jpg",
        "C:evil.jpg",
    ],
)
def test_refuses_names_escaping_the_package(tmp_path: Path, name: str) -> None:
    data = _zip_bytes([*_good_entries(), (name, JPEG_BYTES)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert name in archive.namelist()  # zipfile stored the hostile name as given
    path = _write(tmp_path / "caravan.article", data)
    message = _refusal(path)
    assert message.startswith("caravan.article is not a safe Dateline article: the file name '")
    assert message.endswith("' points outside the article")


def test_refuses_name_with_nul_byte(tmp_path: Path) -> None:
    placeholder, hostile = b"media/evilX.jpg/../../x", b"media/evil\x00.jpg/../../x"
    data = _zip_bytes([*_good_entries(), (placeholder.decode(), JPEG_BYTES)])
    path = _write(tmp_path / "caravan.article", data.replace(placeholder, hostile))
    assert _refusal(path) == (
        "caravan.article is not a safe Dateline article: "
        "the file name 'media/evil\\x00.jpg/../../x' points outside the article"
    )


@pytest.mark.parametrize(
    "name",
    [
        "notes.txt",
        "__MACOSX/._body.md",
        "media",
        "media/sub/photo.jpg",
        "media/.hidden.jpg",
        "media/photo one.jpg",
        "thumbs/bad name.jpg",
        "thumbs//a.jpg",
        "Article.json",
    ],
)
def test_refuses_entries_outside_the_layout(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / "caravan.article", _zip_bytes([*_good_entries(), (name, b"x")]))
    message = _refusal(path)
    assert (
        message
        == f"caravan.article is not a Dateline article: it holds an unexpected file '{name}'"
    )


def test_refuses_entry_name_with_newline_in_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "caravan.article", _zip_bytes([*_good_entries(), ("a\nb", b"x")]))
    assert _refusal(path).endswith("it holds an unexpected file 'a\\nb'")


def test_refuses_duplicate_entries(tmp_path: Path) -> None:
    entries = [*_good_entries(), ("body.md", b"A second, different story.")]
    path = _write(tmp_path / "caravan.article", _zip_bytes(entries))
    assert _refusal(path) == (
        "caravan.article is not a safe Dateline article: it holds two files named 'body.md'"
    )


def test_refuses_password_protected_entry(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _good_entries():
            archive.writestr(name, data)
        archive.filelist[1].flag_bits |= 0x1
    path = _write(tmp_path / "caravan.article", buffer.getvalue())
    assert _refusal(path) == "caravan.article cannot be opened: 'body.md' is password-protected"


def test_refuses_unsupported_compression(tmp_path: Path) -> None:
    data = _zip_bytes([*_good_entries(), ("thumbs/a.jpg", JPEG_BYTES)], method=zipfile.ZIP_BZIP2)
    path = _write(tmp_path / "caravan.article", data)
    assert _refusal(path).endswith("is compressed in a way Dateline cannot read")


# --- refusals: sizes and zip bombs ---------------------------------------------------------------


def test_refuses_too_many_entries(tmp_path: Path) -> None:
    thumbs = [(f"thumbs/{n}.jpg", b"") for n in range(package.MAX_ENTRIES)]
    path = _write(tmp_path / "caravan.article", _zip_bytes([*_good_entries(), *thumbs]))
    assert _refusal(path) == (
        "caravan.article is not a Dateline article: it holds 10,002 files; the limit is 10,000"
    )


@pytest.mark.parametrize(
    ("name", "claimed", "expected"),
    [
        ("article.json", 17 * 1024**2, "would be 17 MB when unpacked; the limit is 16 MB"),
        ("body.md", 40 * 1024**2, "would be 40 MB when unpacked; the limit is 16 MB"),
        ("media/a.jpg", 3 * 1024**3, "would be 3 GB when unpacked; the limit is 200 MB"),
    ],
)
def test_refuses_entry_whose_header_claims_a_huge_size(
    tmp_path: Path, name: str, claimed: int, expected: str
) -> None:
    data = _zip_with_declared_sizes(
        [*_good_entries(), ("media/a.jpg", JPEG_BYTES)], {name: claimed}
    )
    path = _write(tmp_path / "caravan.article", data)
    assert _refusal(path) == f"caravan.article is not a safe Dateline article: '{name}' {expected}"


def test_refuses_package_whose_total_size_is_too_large(tmp_path: Path) -> None:
    photos = [(f"media/{n}.jpg", JPEG_BYTES) for n in range(12)]
    claims = {name: 190 * 1024**2 for name, _ in photos}
    path = _write(
        tmp_path / "caravan.article", _zip_with_declared_sizes([*_good_entries(), *photos], claims)
    )
    assert _refusal(path) == (
        "caravan.article is not a safe Dateline article: "
        "its files would take 2.2 GB when unpacked; the limit is 2 GB"
    )


@pytest.mark.parametrize("name", ["media/zeros.jpg", "thumbs/zeros-thumb.jpg"])
def test_refuses_zip_bomb(tmp_path: Path, name: str) -> None:
    entries = [entry for entry in _good_entries() if entry[0] != name]
    path = _write(tmp_path / "caravan.article", _zip_bytes([*entries, (name, bytes(5 * 1024**2))]))
    message = _refusal(path)
    assert message.startswith(f"caravan.article is not a safe Dateline article: '{name}' would ")
    assert message.endswith("times when unpacked, as only a zip bomb does")


def test_a_body_of_repetitive_text_is_no_zip_bomb(tmp_path: Path) -> None:
    """Text deflates a thousand times over; its own size cap is what bounds it."""
    entries = [entry for entry in _good_entries() if entry[0] != "body.md"]
    path = _write(
        tmp_path / "caravan.article", _zip_bytes([*entries, ("body.md", b"-" * 5_000_000)])
    )
    assert load_package(path).article.body == "-" * 5_000_000


# --- property: any article survives a round trip -------------------------------------------------

# Reader.text drops NUL characters, and lone surrogates cannot be written as UTF-8.
_CHARACTERS = st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
_TEXT = st.text(_CHARACTERS, max_size=40)
# An empty language or dateline style loads as the default ("en", "efe-en"), by design.
_NON_EMPTY_TEXT = st.text(_CHARACTERS, min_size=1, max_size=20)
_ZONES = st.integers(-86_399, 86_399).map(
    lambda seconds: dt.timezone(dt.timedelta(seconds=seconds))
)
_TIMES = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31), timezones=_ZONES
).map(lambda stamp: stamp.replace(microsecond=0))


_fractions = st.floats(min_value=0.0, max_value=1.0)


@st.composite
def _crops(draw: st.DrawFn) -> Crop:
    pair = st.lists(_fractions, min_size=2, max_size=2, unique=True).map(sorted)
    (left, right), (top, bottom) = draw(pair), draw(pair)
    return Crop(left=left, top=top, right=right, bottom=bottom)


@st.composite
def _photo(draw: st.DrawFn, photo_id: str, media: MediaStore) -> ImageRef:
    data = draw(st.none() | st.binary(max_size=64))
    extension = draw(st.sampled_from(["jpg", "png", "webp"]))
    dimension = st.none() | st.integers(1, 999_999)
    return ImageRef(
        id=photo_id,
        original_name=draw(_TEXT),
        media_path="" if data is None else media.add_bytes(data, extension),
        format=draw(_TEXT),
        width=draw(dimension),
        height=draw(dimension),
        caption=draw(_TEXT),
        credit=draw(_TEXT),
        copyright=draw(_TEXT),
        alt=draw(_TEXT),
        city=draw(_TEXT),
        country=draw(_TEXT),
        keywords=draw(st.lists(_TEXT, max_size=3)),
        date_taken=draw(_TEXT),
        source=draw(_TEXT),
        instructions=draw(_TEXT),
        persons=draw(st.lists(_TEXT, max_size=3)),
        featured=draw(st.booleans()),
        crop=draw(st.none() | _crops()),
        focal=draw(st.none() | st.tuples(_fractions, _fractions)),
        has_gps=draw(st.booleans()),
    )


@st.composite
def _articles(draw: st.DrawFn) -> tuple[Article, MediaStore]:
    media = MediaStore()
    ids = draw(
        st.lists(st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True), max_size=4, unique=True)
    )
    article = Article(
        headline=draw(_TEXT),
        dek=draw(_TEXT),
        byline=draw(st.lists(_TEXT, max_size=3)),
        dateline=Dateline(
            place=draw(_TEXT),
            country=draw(_TEXT),
            date=draw(st.none() | st.dates()),
            source=draw(_TEXT),
            style=draw(_NON_EMPTY_TEXT),
            override=draw(_TEXT),
        ),
        slug=draw(_TEXT),
        url_slug=draw(_TEXT),
        section=draw(_TEXT),
        tags=draw(st.lists(_TEXT, max_size=3)),
        language=draw(_NON_EMPTY_TEXT),
        sign_off=draw(_TEXT),
        end_mark=draw(_TEXT),
        editors_note=draw(_TEXT),
        body=draw(st.text(_CHARACTERS, max_size=2000)),
        photos=[draw(_photo(photo_id, media)) for photo_id in ids],
        created=draw(_TIMES),
        modified=draw(_TIMES),
        metadata=draw(st.dictionaries(_TEXT, _TEXT, max_size=3)),
    )
    return article, media


# tmp_path is shared by the examples of one run; harmless, as each example overwrites one file.
@pytest.mark.slow
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article_and_media=_articles())
def test_any_article_survives_a_round_trip(
    tmp_path: Path, article_and_media: tuple[Article, MediaStore]
) -> None:
    article, media = article_and_media
    expected = copy.deepcopy(article)
    originals = {path: media.read(path) for path in media.paths()}
    path = tmp_path / "story.article"

    save_package(path, article, media)
    loaded = load_package(path)

    assert loaded.article == expected
    for photo in expected.photos:
        if photo.media_path:
            assert loaded.media.read(photo.media_path) == originals[photo.media_path]


def test_lone_surrogates_in_article_json_are_dropped_on_load(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    save_package(path, Article(headline="Caravan"), MediaStore())
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(entries["article.json"])
    data["headline"] = "Cara\ud800van"
    data["tags"] = ["mig\udfffration"]
    entries["article.json"] = json.dumps(data).encode()  # ASCII: the escapes survive as text
    with zipfile.ZipFile(path, "w") as archive:
        for name, payload in entries.items():
            archive.writestr(name, payload)
    loaded = load_package(path)
    assert loaded.article.headline == "Caravan"
    assert loaded.article.tags == ["migration"]


def test_story_id_survives_saving_and_a_file_without_one_gets_a_stable_one(
    tmp_path: Path,
) -> None:
    article, media = _sample()
    path = tmp_path / "story.article"
    save_package(path, article, media)
    assert load_package(path).article.story_id == "5f0c2a8e-3d4b-4e1f-9a6c-2b7d8e9f0a1b"
    assert Article().story_id != Article().story_id  # each new story is a story of its own
    older = tmp_path / "older.article"
    older.write_bytes(_zip_bytes(_good_entries(story_id=None)))
    first, second = load_package(older).article, load_package(older).article
    assert first.story_id == second.story_id  # derived from its creation time: stable
    assert str(uuid.UUID(first.story_id)) == first.story_id
