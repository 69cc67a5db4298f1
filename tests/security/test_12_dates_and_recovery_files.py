"""Class 12 of issue 14: out-of-range dates in a package (created, modified, revisions) are
refused or clamped at load, never an OverflowError in an export or the History dialog; and
recovery files are readable by their owner only (0600 in a 0700 folder).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from editor.export import EXPORTERS
from editor.export.base import ExportError, ExportOptions
from editor.media.attach import attach_photo
from editor.media.probe import prepare_photo
from editor.model.article import Article, Dateline
from editor.model.media_store import MediaStore
from editor.model.package import PackageError, load_package, save_package
from editor.model.recovery import RecoveryStore, take_snapshot
from editor.model.revisions import RevisionError

from factories import image_bytes

HOSTILE_TIMES = [
    "0000-01-01T00:00:00",  # year 0
    "10000-01-01T00:00:00",  # year 10000
    "1e20",
    "-1",
    "-0001-01-01T00:00:00",
    "NaN",
    "Infinity",
    "0001-01-01T00:00:00+23:59",  # before year 1 in UTC
    "0001-01-01T00:00:00+00:00",  # year 1: before it in any zone west of Greenwich
    "9999-12-31T23:59:59-23:59",  # after year 9999 in UTC
    "9999-12-31T23:59:59+00:00",  # after it in any zone east of Greenwich
    "2024-12-03T10:00:00+24:00",  # an offset beyond a day
    "2024-12-03T10:00:00-25:00",
    "2024-12-03T10:00:00+99:99",
]
# Formats whose export needs no web engine: PDF prints through Chromium, and takes its times
# from the same article fields as the others.
FORMATS = sorted(name for name in EXPORTERS if name != "pdf")


def _package_with_times(folder: Path, created: str, modified: str, saved: str) -> Path:
    article = Article(
        headline="Caravan",
        body="Hundreds left Tapachula.",
        dateline=Dateline(place="Tapachula", date=dt.date(1, 1, 1)),
    )
    path = folder / "dates.article"
    save_package(path, article, MediaStore(), add_revision=True)
    with zipfile.ZipFile(path) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist()}
    document = json.loads(entries["article.json"])
    document.update(created=created, modified=modified)
    entries["article.json"] = json.dumps(document).encode()
    revision = json.loads(entries["revisions/1.json"])
    revision["saved"] = saved
    revision["fields"].update(created=created, modified=modified)
    entries["revisions/1.json"] = json.dumps(revision).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _history_line(path: Path) -> str | None:
    """What the History list and a restore say of revision 1 (None if it is refused)."""
    from editor.ui.dialogs.history import _list_text

    loaded = load_package(path)
    try:
        revision = loaded.revisions.read(1)
    except RevisionError:
        return None
    revision.apply_to(loaded.article)
    revision.saved.astimezone().strftime("%Y-%m-%d %H:%M")  # as a restore's note says it
    return _list_text(revision)


@pytest.mark.parametrize("when", HOSTILE_TIMES)
def test_an_out_of_range_time_is_refused_or_clamped_never_an_overflow(
    tmp_path: Path, when: str
) -> None:
    path = _package_with_times(tmp_path, when, when, "2024-12-03T10:00:00+00:00")
    try:
        loaded = load_package(path)
    except PackageError as error:
        assert "ISO 8601 time" in str(error)
        return
    for moment in (loaded.article.created, loaded.article.modified):
        moment.astimezone()  # this computer's zone, as the window shows it
        moment.astimezone(dt.UTC)
        moment.timestamp()
    out = tmp_path / "out"
    out.mkdir()
    for name in FORMATS:
        exporter = EXPORTERS[name]
        target = out / f"{name}{exporter.extension or '-folder'}"
        try:
            exporter.export(loaded.article, loaded.media, target, ExportOptions(parallel=False))
        except ExportError as error:
            pytest.fail(f"{name}: {error}")
    save_package(tmp_path / "again.article", loaded.article, loaded.media)
    assert load_package(tmp_path / "again.article").article == loaded.article


@pytest.mark.parametrize("when", HOSTILE_TIMES)
def test_a_revision_saved_at_an_out_of_range_time_is_refused_or_clamped(
    tmp_path: Path, when: str
) -> None:
    path = _package_with_times(
        tmp_path, "2024-12-03T10:00:00+00:00", "2024-12-03T10:00:00+00:00", when
    )
    line = _history_line(path)
    assert line is None or line.startswith("#1 ")


def test_a_time_in_range_keeps_its_zone(tmp_path: Path) -> None:
    path = _package_with_times(
        tmp_path, "2024-12-03T10:00:00+05:30", "0001-01-01T00:00:00+23:59", "2024-12-03T10:00:00"
    )
    loaded = load_package(path)
    assert loaded.article.created.isoformat() == "2024-12-03T10:00:00+05:30"
    assert loaded.article.modified.year >= 1000


# --- the second half: recovery files are the owner's only ----------------------------------------


def test_recovery_files_are_the_owners_only(tmp_path: Path) -> None:
    # An autosaved story may name sources: 0600 files in a 0700 folder, whatever the umask,
    # and a folder an older version made open is closed on the next autosave.
    store = RecoveryStore(tmp_path / "recovery")
    store.folder.mkdir(mode=0o755)
    store.folder.chmod(0o755)
    article, media = Article(headline="Caravan", body="Sources say."), MediaStore()
    data = image_bytes("JPEG", (20, 120, 30), (64, 48))
    attach_photo(article, media, data, prepare_photo(data, "p.jpg"), "photo.jpg")
    previous = os.umask(0o022)
    try:
        slot = store.new_slot()
        slot.write(take_snapshot(article, media, None, None, slot.package_path))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    assert slot.entry_path.exists() and slot.package_path.exists()
    for path in (slot.entry_path, slot.package_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
