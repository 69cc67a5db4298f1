"""The rendition store: copies made once, found by what decides their pixels, the same bytes as
copies made afresh, damaged entries made again, the folder kept to its size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_media_renditions import card, encoded, job

import editor.media.rendition_store as rendition_store
from editor.export import get_exporter
from editor.export.base import ExportOptions
from editor.media.rendition_store import (
    RenditionStore,
    encoding_keys,
    stored_renditions,
    warm,
)
from editor.media.renditions import (
    Encoding,
    RenditionJob,
    make_all_renditions,
    make_encodings,
)
from editor.model.article import Crop
from editor.model.media_store import MediaStore

import factories
from export_samples import efe_with_photos


@pytest.fixture
def store(tmp_path: Path) -> RenditionStore:
    return RenditionStore(tmp_path / "renditions")


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The photo ids the store had to make copies of, call by call."""
    calls: list[str] = []

    def counting(job: RenditionJob) -> list[Encoding]:
        calls.append(job.photo_id)
        return make_encodings(job)

    monkeypatch.setattr(rendition_store, "make_encodings", counting)
    return calls


def photo(size: tuple[int, int] = (1700, 1100)) -> bytes:
    return encoded(card(size), quality=90)


def jobs_of(*datas: bytes, **changes: object) -> list[RenditionJob]:
    return [job(data, photo_id=f"p{n}", **changes) for n, data in enumerate(datas, start=1)]


def test_a_miss_is_made_and_stored_and_a_hit_is_not_made_again(
    store: RenditionStore, made: list[str]
) -> None:
    jobs = jobs_of(photo(), photo((1300, 900)))
    assert all(store.get(key) is None for key in encoding_keys(jobs[0]))

    first = stored_renditions(jobs, store, parallel=False)
    assert made == ["p1", "p2"]
    assert all(store.get(key) is not None for key in encoding_keys(jobs[0]))

    second = stored_renditions(jobs, store, parallel=False)
    assert made == ["p1", "p2"]  # nothing made the second time
    assert second == first


def test_copies_from_the_store_are_the_bytes_of_copies_made_afresh(
    store: RenditionStore,
) -> None:
    jobs = jobs_of(photo(), photo((900, 1400)), crop=Crop(0.1, 0.2, 0.9, 1.0))
    fresh = make_all_renditions(jobs, parallel=False)
    assert stored_renditions(jobs, store, parallel=False) == fresh  # made and stored
    assert stored_renditions(jobs, store, parallel=False) == fresh  # read back


def test_new_words_on_stored_pixels_are_the_bytes_of_a_fresh_copy(
    store: RenditionStore, made: list[str]
) -> None:
    """Captions are not part of the key: they are written in at export, exactly as before."""
    data = photo()
    stored_renditions([job(data, caption="First caption")], store, parallel=False)
    recaptioned = [job(data, caption="A caption the desk rewrote", credit="EFE/Other")]
    assert stored_renditions(recaptioned, store, parallel=False) == make_all_renditions(
        recaptioned, parallel=False
    )
    assert made == ["p1"]


def test_another_crop_or_other_bytes_are_other_copies(
    store: RenditionStore, made: list[str]
) -> None:
    data = photo()
    keys = set(encoding_keys(job(data)))
    cropped = job(data, crop=Crop(0.0, 0.0, 0.8, 1.0))
    other_bytes = job(photo((1701, 1100)))
    assert keys.isdisjoint(encoding_keys(cropped))
    assert keys.isdisjoint(encoding_keys(other_bytes))
    # Another name or other words for the same photo and crop are the same copies.
    assert set(encoding_keys(job(data, name="renamed.jpg", caption="Other"))) == keys

    stored_renditions([job(data)], store, parallel=False)
    stored_renditions([cropped], store, parallel=False)
    stored_renditions([other_bytes], store, parallel=False)
    assert made == ["p1", "p1", "p1"]


def test_a_narrower_ladder_shares_the_copies_scaled_from_the_same_width(
    store: RenditionStore, made: list[str]
) -> None:
    data = photo((2600, 1700))
    stored_renditions([job(data, widths=(768, 1024, 1536, 2048))], store, parallel=False)
    shared = [job(data, widths=(1024, 2048))]
    assert stored_renditions(shared, store, parallel=False) == make_all_renditions(
        shared, parallel=False
    )
    assert made == ["p1"]


@pytest.mark.parametrize("damage", ["cut", "flipped", "empty", "foreign"])
def test_a_damaged_entry_is_made_again(store: RenditionStore, made: list[str], damage: str) -> None:
    jobs = jobs_of(photo())
    fresh = stored_renditions(jobs, store, parallel=False)
    entry = store.folder / encoding_keys(jobs[0])[-1].file_name()
    stored = entry.read_bytes()
    entry.write_bytes(
        {
            "cut": stored[: len(stored) // 2],
            "flipped": stored[:-10] + bytes([stored[-10] ^ 0x40]) + stored[-9:],
            "empty": b"",
            "foreign": b"\xff\xd8\xff\xe0 not an entry at all" * 10,
        }[damage]
    )
    assert store.get(encoding_keys(jobs[0])[-1]) is None
    assert not entry.exists()  # a damaged entry is deleted, not read again

    assert stored_renditions(jobs, store, parallel=False) == fresh
    assert made == ["p1", "p1"]
    assert entry.exists()


def test_the_folder_is_pruned_to_its_size_least_recently_used_first(tmp_path: Path) -> None:
    store = RenditionStore(tmp_path / "renditions", max_bytes=0)
    data = photo()
    keys = encoding_keys(job(data, widths=(800,)))
    other_keys = encoding_keys(job(photo((1600, 1000)), widths=(800,)))
    stored_renditions([job(data, widths=(800,))], store, parallel=False)
    assert not any(store.folder.glob("*.rendition"))  # a cap of nothing keeps nothing

    store.max_bytes = 10**9
    warm(job(data, widths=(800,)), store)
    warm(job(photo((1600, 1000)), widths=(800,)), store)
    old, recent = (store.folder / keys[0].file_name()), (store.folder / other_keys[0].file_name())
    os.utime(old, (1_000_000, 1_000_000))
    assert store.get(keys[0]) is not None  # reading it makes it the most recently used
    os.utime(recent, (2_000_000, 2_000_000))
    store.max_bytes = old.stat().st_size
    store.prune()
    assert old.exists()
    assert not recent.exists()


def test_a_store_that_cannot_be_written_is_passed_over(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_bytes(b"")
    store = RenditionStore(blocked / "renditions")
    jobs = jobs_of(photo())
    assert stored_renditions(jobs, store, parallel=False) == make_all_renditions(
        jobs, parallel=False
    )


def test_warm_makes_only_what_is_missing(store: RenditionStore, made: list[str]) -> None:
    data = photo()
    assert warm(job(data), store)
    assert not warm(job(data, caption="Other words"), store)
    assert made == ["p1"]


def test_the_user_store_is_in_the_cache_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = RenditionStore.for_user().folder
    assert folder.parent == tmp_path / "dateline" / "renditions"
    assert folder.name == rendition_store.GENERATION


def test_exporting_twice_makes_the_copies_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, made: list[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    article, media = efe_with_photos()
    exporter = get_exporter("web")
    first = tmp_path / "first" / "story.html"
    second = tmp_path / "second" / "story.html"
    for out in (first, second):
        out.parent.mkdir()
        exporter.export(article, media, out, ExportOptions(parallel=False))
    placed = len(made)
    assert placed >= 2
    assert len(set(made)) == placed  # each photo made once, in the first export only

    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        }

    assert files(first.parent) == files(second.parent)


def test_a_publish_after_an_export_makes_no_copies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, made: list[str]
) -> None:
    """The WordPress upload width is the story folder's: whichever comes first makes them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    media = MediaStore()
    image = factories.stored_photo(media, "p1", photo((2300, 1500)), "p1.jpg", featured=True)
    article = factories.article(photos=[image])
    get_exporter("wordpress").export(article, media, tmp_path / "post.zip", ExportOptions())
    assert made == ["p1"]

    from editor.publish.wordpress import _renditions

    class Run:
        cancelled = None

        def check(self) -> None:
            pass

    best = _renditions([image], media, Run())  # type: ignore[arg-type]
    assert made == ["p1"]
    assert best["p1"].width == 2048


def test_the_words_are_not_kept_in_the_store(store: RenditionStore) -> None:
    secret = "A caption that must not be kept"
    stored_renditions([job(photo(), caption=secret)], store, parallel=False)
    entries = list(store.folder.glob("*.rendition"))
    assert entries
    for entry in entries:
        assert secret.encode() not in entry.read_bytes()


def test_copies_made_at_the_export_ladders_serve_every_format(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, made: list[str]
) -> None:
    """What the window makes ahead (``EXPORT_LADDERS``) is all any export asks for."""
    from editor.export import list_formats
    from editor.export.photo_copies import published_photos
    from editor.export.photo_ladders import EXPORT_LADDERS

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    article, media = efe_with_photos()
    # Wider than every export's widths, so no two ladders share their copies by chance.
    wide = photo((2300, 1500))
    for image in article.photos[:2]:
        image.media_path = factories.stored_photo(media, image.id, wide, "wide.jpg").media_path
        image.width, image.height = 2300, 1500
    store = RenditionStore.for_user()
    for image in published_photos(article):
        data = media.read(image.media_path)
        for widths in EXPORT_LADDERS:
            warm(
                RenditionJob(image.id, data, "p.jpg", image.crop, widths=widths, formats=("JPEG",)),
                store,
            )
    made.clear()
    for name, _ in list_formats():
        if name == "pdf":  # prints through Qt WebEngine; its photos are the standalone HTML's
            continue
        exporter = get_exporter(name)
        out = tmp_path / name / f"story{exporter.extension}"
        out.parent.mkdir()
        exporter.export(article, media, out, ExportOptions(parallel=False))
    assert made == []


def test_the_original_s_width_is_remembered_and_a_damaged_one_is_not_believed(
    store: RenditionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    import editor.media.renditions as renditions

    data = photo((1700, 1100))
    jobs = jobs_of(data)
    fresh = stored_renditions(jobs, store, parallel=False)
    original = hashlib.sha256(data).hexdigest()
    assert store.upright_width(original) == 1700

    opened: list[str] = []
    real_open = renditions.open_photo
    monkeypatch.setattr(renditions, "open_photo", lambda *a: opened.append("x") or real_open(*a))
    assert stored_renditions(jobs, store, parallel=False) == fresh
    assert opened == []  # a hit reads neither the header nor the pixels

    entry = store.folder / f"{original}.width"
    entry.write_bytes(entry.read_bytes().replace(b" 1700 ", b" 1200 "))
    assert store.upright_width(original) is None
    assert stored_renditions(jobs, store, parallel=False) == fresh
    assert store.upright_width(original) == 1700
