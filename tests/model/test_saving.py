"""Saving that fights back: the backup, the lock, and a file changed on disk by another program."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.model.article import Article
from editor.model.file_lock import (
    ArticleLock,
    ArticleLocked,
    changed_on_disk,
    is_stale,
    keep_both_name,
    lock_path,
    parse_holder,
    pid_running,
    process_start_time,
    stamp_file,
)
from editor.model.media_store import MediaStore
from editor.model.package import backup_path, load_package, save_package


def _save(path: Path, headline: str, body: str = "Body.", **options) -> None:
    save_package(path, Article(headline=headline, body=body), MediaStore(), **options)


def _dead_pid() -> int:
    """The id of a process that has just ended (ids are reused only after a full cycle)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write_lock(article: Path, **changes: object) -> Path:
    data = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "process_started": process_start_time(os.getpid()),
        "locked_at": time.time(),
        **changes,
    }
    target = lock_path(article)
    target.write_text(json.dumps(data))
    return target


# --- the backup ------------------------------------------------------------------------------


def test_backup_holds_the_previous_version_and_is_replaced_on_each_save(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    _save(path, "First", backup=True)
    assert not backup_path(path).exists()  # nothing to keep on the first save
    _save(path, "Second", backup=True)
    assert backup_path(path).name == "story.article~"
    assert load_package(backup_path(path)).article.headline == "First"
    _save(path, "Third", backup=True)
    assert load_package(backup_path(path)).article.headline == "Second"
    assert load_package(path).article.headline == "Third"
    # Only the article, its backup: no temporary file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.article", "story.article~"]


def test_no_backup_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    _save(path, "First")
    _save(path, "Second")
    assert not backup_path(path).exists()


def test_backup_is_a_copy_where_links_are_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "story.article"
    _save(path, "First", backup=True)

    def no_links(*_args):
        raise OSError(1, "links not supported")

    monkeypatch.setattr(os, "link", no_links)
    _save(path, "Second", backup=True)
    assert load_package(backup_path(path)).article.headline == "First"
    assert backup_path(path).stat().st_ino != path.stat().st_ino


def test_backup_keeps_photos_and_the_window_never_reads_from_it(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    media = MediaStore()
    photo = media.add_bytes(os.urandom(300_000), "jpg")
    from editor.model.article import ImageRef

    article = Article(headline="With photo", photos=[ImageRef(id="p1", media_path=photo)])
    save_package(path, article, media, backup=True)
    save_package(path, article, media, backup=True)  # copies the photo from the file it replaces
    assert load_package(backup_path(path)).media.read(photo) == media.read(photo)
    assert media.source(photo).archive == path.absolute()


# --- the state on disk -----------------------------------------------------------------------


def test_a_touch_is_not_a_change_but_new_bytes_are(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    _save(path, "Ours")
    stamp = stamp_file(path)
    assert stamp is not None and len(stamp.digest) == 64  # hashed in a thread; waited for here
    assert not changed_on_disk(path, stamp)
    later = time.time() + 30
    os.utime(path, (later, later))
    assert not changed_on_disk(path, stamp)  # same bytes, new time
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # same size, other bytes
    path.write_bytes(bytes(data))
    assert changed_on_disk(path, stamp)
    _save(path, "Theirs, a longer headline")
    assert changed_on_disk(path, stamp)
    path.unlink()
    assert changed_on_disk(path, stamp)
    assert not changed_on_disk(path, None)  # never saved: nothing to compare with


def test_keep_both_name_finds_a_free_name(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.touch()
    assert keep_both_name(path) == tmp_path / "story (2).article"
    (tmp_path / "story (2).article").touch()
    assert keep_both_name(path) == tmp_path / "story (3).article"
    assert keep_both_name(tmp_path / "story (2).article") == tmp_path / "story (3).article"
    (tmp_path / "story (3).article").touch()
    assert keep_both_name(tmp_path / "story (3).article") == tmp_path / "story (4).article"


# --- the lock --------------------------------------------------------------------------------


def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    _save(path, "Ours")
    lock = ArticleLock.acquire(path)
    holder = parse_holder(lock_path(path).read_bytes())
    assert lock_path(path).name == ".story.article.lock"
    assert holder is not None and holder.pid == os.getpid()
    assert holder.host == socket.gethostname()
    with pytest.raises(ArticleLocked) as caught:
        ArticleLock.acquire(path)  # a second window of this very process is refused too
    assert f"process {os.getpid()}" in str(caught.value)
    lock.release()
    assert not lock_path(path).exists()
    ArticleLock.acquire(path).release()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    dead = _dead_pid()
    stale = _write_lock(path, pid=dead, process_started=None)
    assert is_stale(parse_holder(stale.read_bytes()))
    lock = ArticleLock.acquire(path)
    assert parse_holder(lock_path(path).read_bytes()).pid == os.getpid()
    lock.release()


def test_lock_older_than_its_process_is_stale(tmp_path: Path) -> None:
    """The id was reused: the process with that id started after the lock was taken."""
    path = tmp_path / "story.article"
    started = process_start_time(os.getpid())
    if started is None:
        pytest.skip("process start times are not known on this system")
    _write_lock(path, locked_at=started - 3600)
    ArticleLock.acquire(path).release()


def test_live_lock_and_other_hosts_are_respected(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    _write_lock(path)
    with pytest.raises(ArticleLocked):
        ArticleLock.acquire(path)
    _write_lock(path, host="another-desk.example", pid=_dead_pid())
    with pytest.raises(ArticleLocked) as caught:
        ArticleLock.acquire(path)  # its process cannot be checked from here
    assert "another-desk.example" in str(caught.value)


def test_unreadable_lock_is_live_while_young_and_stale_when_old(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    target = lock_path(path)
    target.write_bytes(b"")  # another process is writing it right now, or crashed doing so
    with pytest.raises(ArticleLocked):
        ArticleLock.acquire(path)
    old = time.time() - 60
    os.utime(target, (old, old))
    ArticleLock.acquire(path).release()


def test_releasing_never_removes_another_holders_lock(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    lock = ArticleLock.acquire(path)
    lock_path(path).unlink()
    other = _write_lock(path, pid=1, locked_at=time.time() + 5)
    lock.release()
    assert other.exists()


def test_locking_removes_temporary_files_of_an_interrupted_save(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    _save(path, "Ours")
    leftover = tmp_path / ".story.article.0123456789abcdef.tmp"
    fresh = tmp_path / ".story.article.fedcba9876543210.tmp"
    other = tmp_path / ".other.article.0123456789abcdef.tmp"
    for file in (leftover, fresh, other):
        file.write_bytes(b"PK\x03\x04partial")
    old = time.time() - 3600
    for file in (leftover, other):
        os.utime(file, (old, old))
    ArticleLock.acquire(path).release()
    assert not leftover.exists()
    assert fresh.exists()  # may be a save in progress
    assert other.exists()  # another article's


# --- in the window ---------------------------------------------------------------------------


def _answer(monkeypatch, answer: str | None) -> list[str]:
    """Make the window's questions answer ``answer`` (None: Cancel); returns what was asked."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        for button in box.buttons():
            cancel = box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole
            if (answer is None and cancel) or button.text().replace("&", "") == answer:
                button.click()
                break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked


def _refusals(monkeypatch) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def opened(window, tmp_path: Path) -> Path:
    path = tmp_path / "story.article"
    _save(path, "Ours", "Our first paragraph.")
    assert window.open_path(path)
    assert window.document.disk_stamp.digest  # hashed in a thread: done before anything else
    window.document.set_body("Our first paragraph, edited.")
    return path


def _changed_by_another_program(path: Path) -> None:
    _save(path, "Theirs", "Their version of the story.")


@pytest.mark.gui
def test_second_window_is_refused_and_offered_read_only(qtbot, window, opened, monkeypatch):
    from editor.ui.controllers.file_actions import OPEN_READ_ONLY
    from editor.ui.main_window import MainWindow

    second = MainWindow()
    qtbot.addWidget(second)
    asked = _answer(monkeypatch, None)
    assert not second.open_path(opened)  # Cancel
    assert "story.article is open in Dateline" in asked[0]
    assert second.document.path is None

    asked = _answer(monkeypatch, OPEN_READ_ONLY)
    assert second.open_path(opened)
    assert second.document.read_only
    assert "(read-only)" in second.windowTitle()
    assert not second.save_action.isEnabled()
    saved_as: list[Path] = []
    monkeypatch.setattr(second.files, "save_as", lambda: saved_as.append(True) or True)
    assert second.save()  # Save goes to Save As
    assert saved_as
    shown = _refusals(monkeypatch)
    assert not second.files.save_to(opened)
    assert "read-only" in shown[0]

    # Save As under another name works, and the copy is then open for writing.
    copy = opened.with_name("copy.article")
    assert second.files.save_to(copy)
    assert not second.document.read_only and second.save_action.isEnabled()
    assert lock_path(copy).exists()

    # The first window's lock goes when it closes; the article can then be opened for writing.
    window.document.set_body("Our first paragraph.")
    window.document.close_file()
    assert not lock_path(opened).exists()
    second.document.new()
    assert not lock_path(copy).exists()
    assert second.open_path(opened) and not second.document.read_only
    second.document.new()
    second.close()


@pytest.mark.gui
def test_window_takes_over_a_stale_lock(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "story.article"
    _save(path, "Ours")
    _write_lock(path, pid=_dead_pid(), process_started=None)
    asked = _answer(monkeypatch, None)
    assert window.open_path(path)
    assert not asked and not window.document.read_only
    assert parse_holder(lock_path(path).read_bytes()).pid == os.getpid()


@pytest.mark.gui
def test_opening_another_article_and_closing_release_the_lock(window, opened, tmp_path: Path):
    other = tmp_path / "other.article"
    _save(other, "Other")
    window.document.set_body("Our first paragraph.")
    window.document.save()
    assert lock_path(opened).exists()
    assert window.open_path(other)
    assert not lock_path(opened).exists() and lock_path(other).exists()
    assert window.close()
    assert not lock_path(other).exists()


@pytest.mark.gui
def test_touched_file_saves_without_asking(window, opened, monkeypatch) -> None:
    later = time.time() + 60
    os.utime(opened, (later, later))
    asked = _answer(monkeypatch, None)
    assert window.save()
    assert not asked
    assert load_package(opened).article.body == "Our first paragraph, edited."


@pytest.mark.gui
def test_changed_on_disk_cancel_saves_nothing(window, opened, monkeypatch) -> None:
    _changed_by_another_program(opened)
    asked = _answer(monkeypatch, None)
    assert not window.save()
    assert "story.article was changed by another program" in asked[0]
    assert load_package(opened).article.headline == "Theirs"
    assert window.document.dirty


@pytest.mark.gui
def test_changed_on_disk_reload_shows_theirs(window, opened, monkeypatch) -> None:
    from editor.ui.controllers.disk_changes import RELOAD

    _changed_by_another_program(opened)
    _answer(monkeypatch, RELOAD)
    assert not window.save()
    assert window.document.article.headline == "Theirs"
    assert window.body.toPlainText() == "Their version of the story."
    assert not window.document.dirty
    assert lock_path(opened).exists()  # still ours
    assert not window.document.changed_on_disk()


@pytest.mark.gui
def test_changed_on_disk_keep_both_saves_ours_beside(window, opened, monkeypatch) -> None:
    from editor.ui.controllers.disk_changes import KEEP_BOTH

    _changed_by_another_program(opened)
    asked = _answer(monkeypatch, KEEP_BOTH)
    assert window.save()
    assert "story (2).article" in asked[0]
    ours = opened.with_name("story (2).article")
    assert load_package(ours).article.body == "Our first paragraph, edited."
    assert load_package(opened).article.headline == "Theirs"
    assert window.document.path == ours
    assert lock_path(ours).exists() and not lock_path(opened).exists()


@pytest.mark.gui
def test_changed_on_disk_overwrite_keeps_theirs_as_backup(window, opened, monkeypatch) -> None:
    from editor.ui.controllers.disk_changes import OVERWRITE

    _changed_by_another_program(opened)
    _answer(monkeypatch, OVERWRITE)
    assert window.save()
    assert load_package(opened).article.body == "Our first paragraph, edited."
    assert load_package(backup_path(opened)).article.headline == "Theirs"
    asked = _answer(monkeypatch, None)
    window.document.set_body("Edited again.")
    assert window.save()  # the disk now holds what we saved: no question
    assert not asked


@pytest.mark.gui
def test_focus_asks_once_per_change(window, opened, monkeypatch) -> None:
    from editor.ui.controllers.disk_changes import RELOAD

    window.check_disk_on_focus()  # nothing changed: nothing asked
    asked = _answer(monkeypatch, None)
    assert not asked
    _changed_by_another_program(opened)
    window.check_disk_on_focus()
    assert len(asked) == 1 and "It was not saved yet" not in asked[0]
    window.check_disk_on_focus()  # dismissed: not asked again about the same change
    assert len(asked) == 1
    time.sleep(0.01)
    _save(opened, "Theirs again", "Another version.")
    asked = _answer(monkeypatch, RELOAD)
    window.check_disk_on_focus()
    assert len(asked) == 1
    assert window.document.article.headline == "Theirs again"


def test_a_file_changed_while_hashed_counts_as_changed(tmp_path: Path) -> None:
    from editor.model.file_lock import DiskStamp

    path = tmp_path / "story.article"
    _save(path, "Ours")
    info = path.stat()
    unknown = DiskStamp(info.st_size, info.st_mtime_ns, None)  # the hash was dropped
    assert not changed_on_disk(path, unknown)  # same size and time: unchanged
    later = time.time() + 30
    os.utime(path, (later, later))
    assert changed_on_disk(path, unknown)  # a touch cannot be told from a change: ask
    assert stamp_file(path, wait=True).digest == stamp_file(path).digest


def test_liveness_never_signals_the_holder(tmp_path: Path, monkeypatch) -> None:
    """On Windows ``os.kill(pid, 0)`` terminates the process it asks about: liveness and start
    times come from psutil (which signals only where that is harmless), never from a call of
    the lock's own."""
    real_kill = os.kill

    def kill(pid: int, signal: int) -> None:
        if sys._getframe(1).f_globals.get("__name__") == "editor.model.file_lock":
            raise AssertionError("editor.model.file_lock called os.kill")
        real_kill(pid, signal)

    monkeypatch.setattr(os, "kill", kill)
    assert pid_running(os.getpid())
    assert not pid_running(_dead_pid())
    assert process_start_time(_dead_pid()) is None
    started = process_start_time(os.getpid())
    assert started is not None and started <= time.time()
    path = tmp_path / "story.article"
    _write_lock(path)
    with pytest.raises(ArticleLocked):
        ArticleLock.acquire(path)


def test_start_ticks_fall_back_to_the_creation_time(tmp_path: Path, monkeypatch) -> None:
    """Without /proc (Windows, macOS) a process's start still tells a reused id."""
    import editor.model.file_lock as file_lock

    monkeypatch.setattr(file_lock, "_PROC", tmp_path / "no-proc")
    ticks = file_lock.process_start_ticks(os.getpid())
    assert ticks == f"{file_lock.process_start_time(os.getpid()):.3f}"
    assert file_lock.process_start_ticks(_dead_pid()) is None
