"""The recovery store (no Qt): atomic writes, where photos come from, which entries are offered,
damaged recovery files skipped with a note, removal."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.media.attach import attach_photo
from editor.media.probe import prepare_photo
from editor.model import recovery as recovery_module
from editor.model.article import Article, ImageRef
from editor.model.file_lock import process_start_ticks
from editor.model.media_store import MediaStore
from editor.model.package import load_package, save_package
from editor.model.recovery import (
    RecoveryEntry,
    RecoveryStore,
    difference_text,
    file_stamp,
    process_alive,
    take_snapshot,
    write_atomically,
)

from factories import image_bytes


def add_photo(article: Article, media: MediaStore, colour: tuple[int, int, int]) -> str:
    data = image_bytes("JPEG", colour, (64, 48))
    image, _ = attach_photo(article, media, data, prepare_photo(data, "p.jpg"), "photo.jpg")
    image.caption = f"Caption {colour}"
    return image.media_path


def never_offered_elsewhere(_entry: RecoveryEntry) -> bool:
    """Entries of this test process are treated as left by a crashed one."""
    return False


def write(store: RecoveryStore, article, media, path=None, base=None, slot=None):
    slot = slot or store.new_slot()
    slot.write(take_snapshot(article, media, path, base, slot.package_path))
    return slot


def only_entry(store: RecoveryStore) -> RecoveryEntry:
    entries, notes = store.entries()
    assert notes == []
    assert len(entries) == 1
    return entries[0]


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


def test_default_folder_follows_xdg_data_home(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert recovery_module.default_recovery_dir() == tmp_path / "data" / "dateline" / "recovery"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".local" / "share" / "dateline" / "recovery"
    assert recovery_module.default_recovery_dir() == expected


# That recovery files are the owner's only (0600 in a 0700 folder) is proved with issue 14's
# other file-safety classes: tests/security/test_12_dates_and_recovery_files.py.


def test_never_saved_article_with_photo_is_recovered_whole(store) -> None:
    article, media = Article(headline="Caravan", body="One two three."), MediaStore()
    photo_path = add_photo(article, media, (200, 30, 30))
    write(store, article, media)
    entry = only_entry(store)
    assert (entry.path, entry.headline, entry.words) == (None, "Caravan", 3)
    assert entry.package_media and photo_path in entry.package_media
    assert entry.is_newer_than_file()
    recovered = store.recover(entry)
    assert recovered.notes == []
    assert recovered.path is None
    assert recovered.article.body == "One two three."
    assert recovered.article.photos[0].caption == "Caption (200, 30, 30)"
    assert recovered.media.read(photo_path) == media.read(photo_path)


def test_saved_article_photos_are_read_from_its_file(store, tmp_path) -> None:
    article, media = Article(headline="Saved", body="Text."), MediaStore()
    photo_path = add_photo(article, media, (10, 200, 10))
    path = tmp_path / "saved.article"
    save_package(path, article, media)
    loaded = load_package(path)
    loaded.article.body = "Text, and more typed since."
    slot = write(store, loaded.article, loaded.media, path, file_stamp(path))
    assert not slot.package_path.exists()  # nothing to carry: the file holds the photo
    entry = only_entry(store)
    assert entry.from_file and photo_path in entry.from_file
    recovered = store.recover(entry)
    assert recovered.path == path
    assert recovered.article.body == "Text, and more typed since."
    assert recovered.media.read(photo_path) == media.read(photo_path)


def test_photo_added_since_the_save_is_carried(store, tmp_path) -> None:
    article, media = Article(headline="Saved"), MediaStore()
    old_photo = add_photo(article, media, (10, 200, 10))
    path = tmp_path / "saved.article"
    save_package(path, article, media)
    loaded = load_package(path)
    new_photo = add_photo(loaded.article, loaded.media, (20, 20, 220))
    slot = write(store, loaded.article, loaded.media, path, file_stamp(path))
    entry = only_entry(store)
    assert old_photo in entry.from_file and old_photo not in entry.package_media
    assert new_photo in entry.package_media and new_photo not in entry.from_file
    carried = load_package(slot.package_path).media
    assert new_photo in carried and old_photo not in carried
    recovered = store.recover(entry)
    assert recovered.notes == []
    assert {p.media_path for p in recovered.article.photos} == {old_photo, new_photo}
    assert recovered.media.read(new_photo) == image_bytes("JPEG", (20, 20, 220), (64, 48))
    assert recovered.media.read(old_photo) == image_bytes("JPEG", (10, 200, 10), (64, 48))


def test_file_changed_on_disk_since_opening_carries_every_photo(store, tmp_path) -> None:
    article, media = Article(headline="Saved"), MediaStore()
    photo_path = add_photo(article, media, (10, 200, 10))
    path = tmp_path / "saved.article"
    save_package(path, article, media)
    base = file_stamp(path)
    loaded = load_package(path)
    os.utime(path, ns=(base.mtime_ns + 10**9, base.mtime_ns + 10**9))  # another program wrote
    write(store, loaded.article, loaded.media, path, base)
    entry = only_entry(store)
    assert entry.from_file == [] and photo_path in entry.package_media


def test_typing_rewrites_the_text_only(store) -> None:
    article, media = Article(body="First."), MediaStore()
    add_photo(article, media, (200, 30, 30))
    slot = write(store, article, media)
    package_before = slot.package_path.stat()
    article.body = "First. Second."
    write(store, article, media, slot=slot)
    package_after = slot.package_path.stat()
    assert (package_after.st_ino, package_after.st_mtime_ns) == (
        package_before.st_ino,
        package_before.st_mtime_ns,
    )
    assert only_entry(store).words == 2
    add_photo(article, media, (0, 0, 0))  # a new photo: the package grows
    write(store, article, media, slot=slot)
    assert slot.package_path.stat().st_ino != package_before.st_ino
    carried = only_entry(store).package_media
    assert len([name for name in carried if name.startswith("media/")]) == 2


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch) -> None:
    target = tmp_path / "entry.json"
    write_atomically(target, b"old")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery_module.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]  # no temporary file left
    monkeypatch.undo()
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_failed_autosave_leaves_the_previous_one(store, monkeypatch) -> None:
    article, media = Article(body="Kept words."), MediaStore()
    slot = write(store, article, media)
    article.body = "Lost words."

    def broken_replace(*_args) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write(store, article, media, slot=slot)
    monkeypatch.undo()
    assert store.recover(only_entry(store)).article.body == "Kept words."


def test_newer_than_file(store, tmp_path) -> None:
    path = tmp_path / "story.article"
    article, media = Article(body="Saved text."), MediaStore()
    save_package(path, article, media)
    base = file_stamp(path)
    article.body = "Saved text, then more."
    write(store, article, media, path, base)
    entry = only_entry(store)
    assert entry.is_newer_than_file()  # the file is as it was when opened

    later = entry.saved_at.timestamp() + 60
    os.utime(path, (later, later))  # written after the autosave: the file is newer
    assert not entry.is_newer_than_file()

    earlier = entry.saved_at.timestamp() - 60
    os.utime(path, (earlier, earlier))  # changed, but before the autosave
    assert entry.is_newer_than_file()

    path.unlink()  # the file is gone: the autosave is all there is
    assert entry.is_newer_than_file()
    assert difference_text(entry) == "story.article no longer exists"


def test_candidates_skip_articles_of_a_running_dateline(store) -> None:
    write(store, Article(body="Mine."), MediaStore())
    assert store.candidates()[0] == []  # this process is alive and owns it
    offered, _notes = store.candidates(owned=never_offered_elsewhere)
    assert len(offered) == 1


def test_candidates_offer_articles_of_a_dead_process(store) -> None:
    slot = write(store, Article(body="Left behind."), MediaStore())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    data = json.loads(slot.entry_path.read_text())
    data["pid"], data["process_start"] = child.pid, None
    slot.entry_path.write_text(json.dumps(data))
    offered, _notes = store.candidates()
    assert [entry.pid for entry in offered] == [child.pid]


def test_process_alive_tells_a_reused_process_id() -> None:
    me = os.getpid()
    assert process_alive(me, process_start_ticks(me))
    assert process_alive(me, None)
    if process_start_ticks(me) is not None:  # Linux: a different start time is another process
        assert not process_alive(me, "1")
    assert not process_alive(0, None)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not process_alive(child.pid, None)


def test_entries_older_than_their_file_are_removed_not_offered(store, tmp_path) -> None:
    path = tmp_path / "story.article"
    article, media = Article(body="Saved."), MediaStore()
    save_package(path, article, media)
    slot = write(store, article, media, path, file_stamp(path))
    entry = only_entry(store)
    later = entry.saved_at.timestamp() + 60
    os.utime(path, (later, later))
    offered, notes = store.candidates(owned=never_offered_elsewhere)
    assert offered == []
    assert notes == ["An autosave of story.article was older than its file and was removed"]
    assert not slot.entry_path.exists()


def test_newest_entry_first(store) -> None:
    first = store.new_slot()
    second = store.new_slot()
    now = dt.datetime.now(dt.UTC)
    first.write(take_snapshot(Article(headline="Old"), MediaStore(), None, None), now)
    later = now + dt.timedelta(seconds=5)
    second.write(take_snapshot(Article(headline="New"), MediaStore(), None, None), later)
    assert [e.headline for e in store.entries()[0]] == ["New", "Old"]


BROKEN = {
    "not JSON": b"{not json",
    "not UTF-8": b"\xff\xfe\x00",
    "a list": b"[1, 2]",
    "no format": b'{"pid": 1}',
    "future format": json.dumps({"recovery_format": 99}).encode(),
    "boolean pid": json.dumps(
        {
            "recovery_format": 1,
            "pid": True,
            "saved_at": "2024-01-01T00:00:00+00:00",
            "article": {},
        }
    ).encode(),
    "bad time": json.dumps(
        {"recovery_format": 1, "pid": 1, "saved_at": "yesterday", "article": {}}
    ).encode(),
    "time of wrong type": json.dumps(
        {"recovery_format": 1, "pid": 1, "saved_at": 5, "article": {}}
    ).encode(),
    "photo list of wrong type": json.dumps(
        {
            "recovery_format": 1,
            "pid": 1,
            "saved_at": "2024-01-01T00:00:00+00:00",
            "article": {},
            "from_file": "media/x.jpg",
        }
    ).encode(),
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_recovery_files_are_skipped_with_a_note(store, name) -> None:
    write(store, Article(headline="Good"), MediaStore())
    store.folder.joinpath(f"99999-{'a' * 16}.json").write_bytes(BROKEN[name])
    store.folder.joinpath("notes.json").write_bytes(b"not a slot: never read")
    entries, notes = store.entries()
    assert [entry.headline for entry in entries] == ["Good"]
    assert len(notes) == 1 and notes[0].startswith(f"Recovery file 99999-{'a' * 16}.json")


def test_an_entry_with_a_damaged_article_cannot_be_recovered(store) -> None:
    slot = write(store, Article(headline="Good"), MediaStore())
    data = json.loads(slot.entry_path.read_text())
    data["article"]["byline"] = "not a list"
    slot.entry_path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="damaged"):
        store.recover(only_entry(store))


def test_a_lost_photo_package_recovers_the_text_with_a_note(store) -> None:
    article, media = Article(body="Words survive."), MediaStore()
    add_photo(article, media, (200, 30, 30))
    slot = write(store, article, media)
    slot.package_path.write_bytes(b"PK\x03\x04 truncated")
    recovered = store.recover(only_entry(store))
    assert recovered.article.body == "Words survive."
    assert any("damaged" in note for note in recovered.notes)
    assert "Photo 1 (photo.jpg) could not be recovered" in recovered.notes
    assert recovered.article.photos[0].missing


def test_remove_deletes_the_files_and_stops_later_writes(store) -> None:
    article, media = Article(body="x"), MediaStore()
    add_photo(article, media, (1, 2, 3))
    slot = write(store, article, media)
    assert slot.entry_path.exists() and slot.package_path.exists()
    slot.remove()
    assert not slot.entry_path.exists() and not slot.package_path.exists()
    assert slot.write(take_snapshot(article, media, None, None)) is False  # a write in flight
    assert list(store.folder.iterdir()) == []


def test_orphans_of_dead_processes_are_removed(store) -> None:
    store.folder.mkdir(parents=True)
    dead = f"{2**31 - 5}-{'b' * 16}"
    live = f"{os.getpid()}-{'c' * 16}"
    for name in (f"{dead}.article", f".{dead}.json.abc.tmp", f"{live}.article", "keep.txt"):
        store.folder.joinpath(name).write_bytes(b"x")
    store.folder.joinpath(f"{dead}.json").write_bytes(b"{}")
    store.folder.joinpath(f"{dead[:-1]}d.article").write_bytes(b"x")  # has no text: orphan
    store.remove_orphans()
    assert sorted(p.name for p in store.folder.iterdir()) == sorted(
        [f"{dead}.article", f"{dead}.json", f"{live}.article", "keep.txt"]
    )


def test_difference_text(store, tmp_path) -> None:
    path = tmp_path / "story.article"
    save_package(path, Article(body="one two three"), MediaStore())
    write(store, Article(body="one two three four five"), MediaStore(), path, file_stamp(path))
    entry = only_entry(store)
    assert difference_text(entry) == "+2 words since saved"
    entry.words = 2
    assert difference_text(entry) == "-1 word since saved"
    entry.words = 3
    assert difference_text(entry) == "same word count as saved, other changes"
    path.write_bytes(b"garbage")
    assert difference_text(entry) == "story.article cannot be read"
    entry.path = None
    assert difference_text(entry) == "never saved"


def test_snapshot_is_independent() -> None:
    # What a snapshot costs the GUI thread is printed by benchmarks/autosave.py.
    article = Article(body="word " * 20_000, tags=["a"], metadata={"target_words": "400"})
    snapshot = take_snapshot(article, MediaStore(), None, None)
    article.tags.append("b")
    article.metadata["x"] = "y"
    assert snapshot.article.tags == ["a"] and "x" not in snapshot.article.metadata


def test_snapshot_keeps_the_photo_details_the_article_had() -> None:
    photo = ImageRef(id="p1", city="Tapachula", keywords=["migrants"], persons=["Ana Pérez"])
    article = Article(photos=[photo])
    snapshot = take_snapshot(article, MediaStore(), None, None)
    photo.keywords.append("border")
    photo.persons.clear()
    photo.city = "Ciudad Hidalgo"
    kept = snapshot.article.photos[0]
    assert (kept.city, kept.keywords, kept.persons) == ("Tapachula", ["migrants"], ["Ana Pérez"])
