"""Class 9 of issue 14: "A package that opens can be saved."

Every string read from a package is cleaned the same way (no NUL, no lone surrogate): the
fields, the metadata's keys and values, the photos' fields and the revisions' texts. A field the
reporter cannot see must never make Save fail for ever.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from editor.model.article import Article, clean_text
from editor.model.media_store import MediaStore
from editor.model.package import PackageError, load_package, save_package
from editor.model.revisions import RevisionError

from factories import caravan_article, image_bytes, stored_photo

# Any text JSON can spell, lone surrogates and NUL included.
_ANY_TEXT = st.text(st.characters(), max_size=30) | st.sampled_from(
    ["\x00", "\ud800", "a\udfffb", "\x00\ud83d", "\u2028", "\ufeff"]
)


@cache
def _base_bytes() -> bytes:
    media = MediaStore()
    article = caravan_article(body="Hundreds left.\n\n![](photo:road)\n")
    article.photos.append(stored_photo(media, "road", image_bytes("JPEG"), "road.jpg"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.article"
        save_package(path, article, media, add_revision=True, note="first")
        return path.read_bytes()


def _base_package(folder: Path) -> Path:
    path = folder / "base.article"
    path.write_bytes(_base_bytes())
    return path


def _rewrite(path: Path, change_json: Any, change_revision: Any) -> None:
    """Rewrite article.json and revisions/1.json through the given changes, ASCII-escaped so that
    surrogates travel as JSON escapes."""
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    document = json.loads(entries["article.json"])
    change_json(document)
    entries["article.json"] = json.dumps(document).encode("ascii")
    revision = json.loads(entries["revisions/1.json"])
    change_revision(revision)
    entries["revisions/1.json"] = json.dumps(revision).encode("ascii")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name.startswith("media/") else 8)


def _saves_and_reopens(path: Path, tmp: Path) -> Article | None:
    try:
        loaded = load_package(path)
    except PackageError:
        return None
    again = tmp / "again.article"
    save_package(again, loaded.article, loaded.media, revisions=loaded.revisions, add_revision=True)
    reopened = load_package(again)
    assert reopened.article == loaded.article
    # Every revision restores into an article that saves.
    for number in reopened.revisions.numbers():
        try:
            revision = reopened.revisions.read(number)
        except RevisionError:
            continue
        restored = revision.apply_to(reopened.article)
        save_package(tmp / "restored.article", restored, reopened.media)
        assert load_package(tmp / "restored.article").article == restored
    return loaded.article


def test_metadata_with_a_lone_surrogate_and_a_nul_opens_and_saves(tmp_path: Path) -> None:
    path = _base_package(tmp_path)

    def hostile_metadata(document: dict[str, Any]) -> None:
        document["metadata"] = {"source\x00": "a\ud800b", "wordpress:desk": '{"post_id": 7}\udfff'}

    _rewrite(path, hostile_metadata, lambda revision: None)
    article = _saves_and_reopens(path, tmp_path)
    assert article is not None
    assert article.metadata == {"source": "ab", "wordpress:desk": '{"post_id": 7}'}


def test_a_revision_with_a_lone_surrogate_restores_into_an_article_that_saves(
    tmp_path: Path,
) -> None:
    path = _base_package(tmp_path)

    def hostile_revision(revision: dict[str, Any]) -> None:
        revision["body"] = "Before\ud800 after\x00."
        revision["note"] = "note\udc00"
        revision["fields"]["metadata"] = {"k\ud800": "v\x00"}

    _rewrite(path, lambda document: None, hostile_revision)
    loaded = load_package(path)
    revision = loaded.revisions.read(1)
    assert (revision.body, revision.note) == ("Before after.", "note")
    restored = revision.apply_to(loaded.article)
    assert restored.metadata == {"k": "v"}
    save_package(tmp_path / "restored.article", restored, loaded.media)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    metadata=st.dictionaries(_ANY_TEXT, _ANY_TEXT, max_size=6),
    photo_fields=st.fixed_dictionaries(
        {key: _ANY_TEXT for key in ("caption", "credit", "copyright", "alt", "original_name")}
    ),
    texts=st.fixed_dictionaries(
        {key: _ANY_TEXT for key in ("headline", "dek", "slug", "section", "sign_off")}
    ),
    lists=st.lists(_ANY_TEXT, max_size=4),
    revision_texts=st.fixed_dictionaries({"body": _ANY_TEXT, "note": _ANY_TEXT}),
)
def test_any_package_that_opens_saves_and_opens_again(
    tmp_path_factory: pytest.TempPathFactory,
    metadata: dict[str, str],
    photo_fields: dict[str, str],
    texts: dict[str, str],
    lists: list[str],
    revision_texts: dict[str, str],
) -> None:
    tmp = tmp_path_factory.mktemp("opened")
    path = _base_package(tmp)

    def change(document: dict[str, Any]) -> None:
        document["metadata"] = metadata
        document["photos"][0].update(photo_fields)
        document.update(texts, tags=lists, byline=lists)
        document["dateline"]["place"] = lists[0] if lists else ""

    def change_revision(revision: dict[str, Any]) -> None:
        revision.update(revision_texts)
        revision["fields"]["metadata"] = metadata
        revision["fields"]["tags"] = lists

    _rewrite(path, change, change_revision)
    article = _saves_and_reopens(path, tmp)
    assert article is not None  # these are all well-formed: the package opens
    assert article.metadata == {
        clean_text(key): clean_text(value) for key, value in metadata.items()
    } or len({clean_text(key) for key in metadata}) < len(metadata)
