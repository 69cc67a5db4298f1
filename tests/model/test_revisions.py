"""Revisions inside the package: kept on each save, bounded, read back, compared and restored."""

from __future__ import annotations

import io
import json
import random
import time
import zipfile
from pathlib import Path

import pytest

from editor.model import revisions as rev
from editor.model.article import Article, ImageRef, article_to_dict
from editor.model.media_store import MediaStore
from editor.model.package import PackageError, load_package, save_package
from editor.model.revisions import (
    RevisionError,
    RevisionStore,
    decode_revision,
    encode_revision,
    plan_kept,
    word_diff,
)

from factories import CARAVAN_FILE


def _save_versions(path: Path, bodies: list[str], **fields) -> RevisionStore:
    store = RevisionStore()
    media = MediaStore()
    for body in bodies:
        article = Article(body=body, **fields)
        save_package(path, article, media, revisions=store, add_revision=True)
    return store


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if name.startswith("revisions/")]


def test_each_save_adds_a_revision_with_time_words_fields_and_body(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    media = MediaStore()
    photo = media.add_bytes(b"\xff\xd8" + bytes(1000), "jpg")
    store = RevisionStore()
    article = Article(
        headline="Caravan leaves",
        body="One two three.",
        photos=[ImageRef(id="p1", media_path=photo, caption="A caption")],
    )
    save_package(path, article, media, revisions=store, add_revision=True, note="first")
    article.body = "One two three four."
    save_package(path, article, media, revisions=store, add_revision=True)

    assert _names(path) == ["revisions/1.json", "revisions/2.json"]
    loaded = load_package(path)
    assert loaded.revisions.numbers() == [1, 2]
    first = loaded.revisions.read(1)
    assert (first.words, first.body, first.note) == (3, "One two three.", "first")
    assert first.fields["headline"] == "Caravan leaves"
    assert "photos" not in first.fields  # never the photos
    assert abs(first.saved.timestamp() - time.time()) < 60
    assert loaded.revisions.read(2).words == 4
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("revisions/1.json").compress_type == zipfile.ZIP_DEFLATED
        assert archive.getinfo(photo).compress_type == zipfile.ZIP_STORED


def test_count_is_bounded_oldest_dropped_first(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    store = _save_versions(path, [f"Version {n}." for n in range(1, rev.MAX_REVISIONS + 4)])
    numbers = load_package(path).revisions.numbers()
    assert numbers == list(range(4, rev.MAX_REVISIONS + 4))
    assert store.numbers() == numbers
    assert load_package(path).revisions.read(numbers[-1]).body == f"Version {numbers[-1]}."


@pytest.mark.slow
def test_size_is_bounded_oldest_dropped_first(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    rng = random.Random(3)
    words = ["caravan", "migrants", "Tapachula", "border", "police", "said", "Tuesday"]
    chunk = " ".join(rng.choice(words) for _ in range(600_000))  # about 4.6 MB
    _save_versions(path, [f"{n} {chunk}" for n in range(6)])
    loaded = load_package(path)
    assert loaded.revisions.total_size() <= rev.MAX_REVISIONS_BYTES
    assert loaded.revisions.numbers() == [3, 4, 5, 6]
    assert loaded.revisions.read(6).body.startswith("5 ")


def test_plan_keeps_newest_within_bounds() -> None:
    assert plan_kept([(1, 5), (2, 5), (3, 5)], max_count=2, max_bytes=100) == [2, 3]
    assert plan_kept([(1, 5), (2, 5), (3, 5)], max_count=10, max_bytes=10) == [2, 3]
    assert plan_kept([(1, 5), (2, 30)], max_count=10, max_bytes=20) == [2]  # newest always
    assert plan_kept([(1, 5), (2, 30), (3, 1)], max_count=10, max_bytes=20) == [3]
    assert plan_kept([], max_count=10, max_bytes=20) == []


def test_saving_without_a_store_carries_the_files_revisions(tmp_path: Path) -> None:
    """A save that knows nothing of revisions (the command line's) keeps the history."""
    path = tmp_path / "story.article"
    _save_versions(path, ["One.", "Two."])
    loaded = load_package(path)
    loaded.article.headline = "Changed by a command"
    save_package(path, loaded.article, loaded.media)
    assert load_package(path).revisions.numbers() == [1, 2]
    assert load_package(path).revisions.read(2).body == "Two."


def test_save_as_takes_the_history_along(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    store = _save_versions(path, ["One.", "Two."])
    copy = tmp_path / "copy.article"
    save_package(copy, Article(body="Three."), MediaStore(), revisions=store, add_revision=True)
    assert load_package(copy).revisions.numbers() == [1, 2, 3]
    assert load_package(path).revisions.numbers() == [1, 2]


def test_a_revision_that_cannot_be_read_is_dropped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    store = _save_versions(path, ["One.", "Two."])
    path.write_bytes(_package_with([]))  # another program's version, with no revisions
    save_package(path, Article(body="Ours."), MediaStore(), revisions=store, add_revision=True)
    assert load_package(path).revisions.numbers() == [3]


def test_restoring_puts_fields_and_body_back_and_keeps_photos() -> None:
    old = Article(headline="Old headline", tags=["a"], body="Old body.")
    revision = decode_revision(1, encode_revision(old, 1))
    now = Article(
        headline="New headline",
        body="New body.",
        photos=[ImageRef(id="p1", caption="kept")],
        story_id=old.story_id,
    )
    restored = revision.apply_to(now)
    assert (restored.headline, restored.tags, restored.body) == ("Old headline", ["a"], "Old body.")
    assert restored.photos[0].caption == "kept"
    assert restored.story_id == now.story_id


# --- hostile revisions -----------------------------------------------------------------------


def _package_with(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.json", json.dumps(article_to_dict(Article())))
        archive.writestr("body.md", "Body.")
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"fields": {}, "body": 5, "saved": "2024-12-03T10:00:00+00:00"}',
        b'{"fields": {"headline": 5}, "body": "", "saved": "2024-12-03T10:00:00+00:00"}',
        b'{"fields": {}, "body": "", "saved": "yesterday"}',
        b'{"fields": {}, "body": ""}',
        b"\xff\xfe",
    ],
)
def test_damaged_revision_is_refused_when_read_not_when_opened(tmp_path: Path, data: bytes):
    path = tmp_path / "story.article"
    path.write_bytes(_package_with([("revisions/1.json", data)]))
    loaded = load_package(path)  # the article itself opens
    with pytest.raises(RevisionError) as caught:
        loaded.revisions.read(1)
    assert str(caught.value).startswith("revision 1 ")
    assert len(str(caught.value).splitlines()) == 1


def test_good_revision_entry_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    good = encode_revision(Article(body="Old."), 7)
    path.write_bytes(_package_with([("revisions/", b""), ("revisions/7.json", good)]))
    assert load_package(path).revisions.read(7).body == "Old."


@pytest.mark.parametrize(
    "name", ["revisions.json", "history/1.json", "revisions/../x", "revisions/.1.json"]
)
def test_loader_still_refuses_entries_outside_the_layout(tmp_path: Path, name: str) -> None:
    path = tmp_path / "story.article"
    path.write_bytes(_package_with([(name, b"{}")]))
    with pytest.raises(PackageError):
        load_package(path)


def test_other_names_under_revisions_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_bytes(_package_with([("revisions/0.json", b"{}"), ("revisions/a.json", b"{}")]))
    assert load_package(path).revisions.numbers() == []


def _with_declared_sizes(data: bytes, sizes: dict[str, int]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info))
        for info in archive.filelist:
            info.file_size = sizes.get(info.filename, info.file_size)
    return buffer.getvalue()


def test_loader_refuses_an_absurd_revision_size(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    data = _package_with([("revisions/1.json", b"{}")])
    path.write_bytes(_with_declared_sizes(data, {"revisions/1.json": 40 * 1024**2}))
    with pytest.raises(PackageError, match=r"'revisions/1\.json' would be 40 MB when unpacked"):
        load_package(path)


def test_loader_refuses_absurd_revisions_in_all(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    names = [f"revisions/{n}.json" for n in range(1, 4)]
    data = _package_with([(name, b"{}") for name in names])
    path.write_bytes(_with_declared_sizes(data, dict.fromkeys(names, 30 * 1024**2)))
    with pytest.raises(PackageError, match="its revisions would take 90 MB"):
        load_package(path)
    many = _package_with([(f"revisions/{n}.json", b"{}") for n in range(1, 502)])
    path.write_bytes(many)
    with pytest.raises(PackageError, match="it holds 501 revisions; the limit is 500"):
        load_package(path)


# --- word differences ------------------------------------------------------------------------


def _sides(parts) -> tuple[str, str]:
    old = "".join(p.text for p in parts if p.kind != "insert")
    new = "".join(p.text for p in parts if p.kind != "delete")
    return old, new


def test_word_diff_marks_words_not_characters() -> None:
    old = "Migrants left Tapachula on Tuesday.\n\nPolice watched.\n"
    new = "Migrants left Huixtla on Wednesday.\n\nPolice watched.\n"
    parts = word_diff(old, new)
    assert _sides(parts) == (old, new)
    assert [(p.kind, p.text) for p in parts] == [
        ("equal", "Migrants left "),
        ("delete", "Tapachula"),
        ("insert", "Huixtla"),
        ("equal", " on "),
        ("delete", "Tuesday."),
        ("insert", "Wednesday."),
        ("equal", "\n\nPolice watched.\n"),
    ]
    assert word_diff("Same.", "Same.") == [rev.DiffPart("equal", "Same.")]
    added = word_diff("", "New paragraph.")
    assert [(p.kind, p.text) for p in added] == [("insert", "New paragraph.")]


def test_word_diff_of_long_edited_paragraphs_marks_only_the_edited_words() -> None:
    """The sample's words, three times over and shuffled, in paragraphs of 500 words, a few
    words changed in each: the diff names those words, not the paragraph rewritten."""
    sample = CARAVAN_FILE.read_text(encoding="utf-8")
    words = " ".join(line for line in sample.splitlines()[12:] if line.strip()).split(" ") * 3
    random.Random(7).shuffle(words)  # no long run repeats: each edit has one right place
    paragraphs = [words[start : start + 500] for start in range(0, len(words), 500)]
    edited = [list(paragraph) for paragraph in paragraphs]
    changed = []
    for paragraph in edited:
        for index in range(40, len(paragraph), 120):
            changed.append((paragraph[index], paragraph[index] + "ed"))
            paragraph[index] += "ed"
    old = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs) + "\n"
    new = "\n\n".join(" ".join(paragraph) for paragraph in edited) + "\n"
    parts = word_diff(old, new)
    assert _sides(parts) == (old, new)
    deleted = [p.text for p in parts if p.kind == "delete"]
    inserted = [p.text for p in parts if p.kind == "insert"]
    assert len(changed) >= 6
    assert list(zip(deleted, inserted, strict=True)) == changed


def test_word_diff_of_a_long_read_is_fast() -> None:
    rng = random.Random(5)
    vocabulary = [f"word{n}" for n in range(3000)] + ["the", "a", "of"] * 300
    paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(80)) for _ in range(250)]
    old = "\n\n".join(paragraphs)  # 20,000 words
    edited = list(paragraphs)
    for index in rng.sample(range(250), 12):
        words = edited[index].split()
        words[rng.randrange(len(words))] = "CHANGED"
        edited[index] = " ".join(words)
    new = "\n\n".join(edited)
    start = time.perf_counter()
    parts = word_diff(old, new)
    elapsed = time.perf_counter() - start
    assert _sides(parts) == (old, new)
    assert sum(p.kind == "insert" for p in parts) == 12
    assert elapsed < 2, elapsed  # hang guard only: about 30 ms here (2 cores)


def test_a_mapping_in_another_key_order_is_no_change() -> None:
    from editor.model.revisions import field_changes

    stored = {"dateline": {"country": "Mexico", "place": "Tapachula", "source": "EFE"}}
    now = {"dateline": {"place": "Tapachula", "country": "Mexico", "source": "EFE"}}
    assert field_changes(stored, now) == []
    moved = {"dateline": {"place": "Huixtla", "country": "Mexico", "source": "EFE"}}
    assert field_changes(stored, moved) == [
        ("dateline", "place: Tapachula, country: Mexico, source: EFE",
         "place: Huixtla, country: Mexico, source: EFE"),
    ]  # fmt: skip


def test_a_revision_whose_compressed_bytes_are_damaged_is_one_line(tmp_path: Path) -> None:
    """Revisions are read when History asks, long after the package opened: a damaged deflate
    stream there (zlib's "invalid distance too far back") is a RevisionError, not a crash."""
    path = tmp_path / "story.article"
    _save_versions(path, ["One. " * 200, "Two. " * 200])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        entry = archive.getinfo("revisions/1.json")
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    for offset in range(start + 4, start + entry.compress_size - 4, 7):
        data[offset] ^= 0x5A  # the stream, not the headers: the zip still opens
    path.write_bytes(bytes(data))
    store = load_package(path).revisions
    with pytest.raises(RevisionError) as caught:
        store.read(1)
    assert "\n" not in str(caught.value)
