"""Class 8 of issue 14: "Every file Dateline saves opens again."

The load limits (sizes, counts, compression ratios) and the save path must agree: a body of
repetitive text (a pasted table) compresses a thousand times over, and the loader took it for a
zip bomb after the saver had written it. Each test saves the worst article the limits allow and
opens it again.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from editor.model.article import MAX_BODY_CHARS, MAX_FIELD_CHARS, MAX_LIST_ITEMS, Article, ImageRef
from editor.model.media_store import DERIVED_KINDS, MediaStore
from editor.model.package import PackageError, load_package, save_package
from editor.model.revisions import MAX_REVISION_BYTES

from factories import caravan_article

TABLE_ROW = "| 2024 | 1,000 | 1,000 | 1,000 |\n"


def _save_twice_and_reopen(path: Path, article: Article, media: MediaStore) -> Article:
    """Save with a revision, open, save the opened article again (with another revision), open."""
    save_package(path, article, media, add_revision=True)
    loaded = load_package(path)
    save_package(path, loaded.article, loaded.media, revisions=loaded.revisions, add_revision=True)
    return load_package(path).article


@pytest.mark.parametrize(
    "body",
    [
        "a" * 1_100_000,
        TABLE_ROW * (1_100_000 // len(TABLE_ROW)),
        " " * 2_000_001,
        "\n" * 3_000_000,
    ],
    ids=["one-character", "pasted-table", "spaces", "newlines"],
)
def test_a_megabyte_of_repetitive_text_saves_and_opens_again(tmp_path: Path, body: str) -> None:
    article = caravan_article(body=body)
    reopened = _save_twice_and_reopen(tmp_path / "table.article", article, MediaStore())
    assert reopened.body == body


def test_the_largest_body_allowed_saves_and_opens_again(tmp_path: Path) -> None:
    body = "x" * MAX_BODY_CHARS
    reopened = _save_twice_and_reopen(tmp_path / "long.article", Article(body=body), MediaStore())
    assert reopened.body == body


def test_a_body_whose_revision_is_the_largest_possible_saves_and_opens_again(
    tmp_path: Path,
) -> None:
    """A control character takes six bytes in a revision's JSON ("\\u0001"): the largest body
    of them, with every list field full, makes a revision past what a loader reads. The save
    must still give a file that opens, and the story must be whole in it."""
    body = "\x01" * MAX_BODY_CHARS
    tags = ["\x01" * MAX_FIELD_CHARS] * 200
    article = Article(body=body, tags=tags)
    path = tmp_path / "escapes.article"
    reopened = _save_twice_and_reopen(path, article, MediaStore())
    assert reopened.body == body and reopened.tags == tags
    with zipfile.ZipFile(path) as archive:
        sizes = [info.file_size for info in archive.infolist()]
    assert max(sizes) <= MAX_REVISION_BYTES


def test_fields_at_their_limits_save_and_open_again(tmp_path: Path) -> None:
    """article.json near its largest (16 MB): long lists of the longest repetitive items."""
    long_text = "=" * MAX_FIELD_CHARS
    article = caravan_article(
        headline=long_text,
        dek=long_text,
        tags=[long_text] * MAX_LIST_ITEMS,
        byline=[long_text] * 100,
        metadata={f"key-{n}": long_text for n in range(MAX_LIST_ITEMS // 2)},
    )
    reopened = _save_twice_and_reopen(tmp_path / "fields.article", article, MediaStore())
    assert reopened.tags == article.tags and reopened.metadata == article.metadata


def test_as_many_photos_as_allowed_save_and_open_again(tmp_path: Path) -> None:
    """The most photos a story may hold, each with its derived images, and one file of
    repetitive bytes above the size where ratios are checked (stored, so never a bomb)."""
    media = MediaStore()
    article = Article(body="Photos.")
    for number in range(MAX_LIST_ITEMS):
        data = (
            b"\xff\xd8"
            + number.to_bytes(4, "big")
            + (b"\x00" * (2 * 1024 * 1024 if number == 0 else 16))
        )
        media_path = media.add_bytes(data, "jpg")
        for kind in DERIVED_KINDS:
            media.set_bytes(media.derived_path(media_path, kind), b"\xff\xd8" + bytes(32))
        article.photos.append(ImageRef(id=f"p{number}", media_path=media_path, format="JPEG"))
    reopened = _save_twice_and_reopen(tmp_path / "photos.article", article, media)
    assert [photo.id for photo in reopened.photos] == [photo.id for photo in article.photos]


def test_a_deflated_photo_file_that_expands_like_a_bomb_is_still_refused(tmp_path: Path) -> None:
    """Dateline stores photo files as they are; only another tool deflates them, and one that
    expands hundreds of times is a zip bomb."""
    path = tmp_path / "bomb.article"
    save_package(path, Article(body="x"), MediaStore())
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("thumbs/zeros-thumb.jpg", bytes(5 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    with pytest.raises(PackageError, match="as only a zip bomb does"):
        load_package(path)
