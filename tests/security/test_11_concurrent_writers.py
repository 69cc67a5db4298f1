"""Class 11 of issue 14: "Concurrent writers lose nothing."

Two ``media add`` runs on one file both exited 0 and one run's photos were lost. Every command
that rewrites an article takes the article's lock (the one the window takes), waits a short
bounded time for it, and checks that the file did not change under it before replacing it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.cli import article_writing, main
from editor.model.article import Article
from editor.model.file_lock import ArticleLock, lock_path
from editor.model.media_store import MediaStore
from editor.model.package import load_package, save_package

from factories import image_bytes

ROUNDS = 3


def _start_media_add(article: Path, photo: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "editor", "media", "add", str(article), str(photo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_two_media_add_at_once_lose_no_photo(tmp_path: Path, round_number: int) -> None:
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan", body="Text."), MediaStore())
    photos = []
    for index, colour in enumerate([(200, 30, 30), (30, 30, 200)]):
        photo = tmp_path / f"photo-{index}.jpg"
        photo.write_bytes(image_bytes("JPEG", colour, (640 + round_number, 480)))
        photos.append(photo)
    runs = [_start_media_add(article, photo) for photo in photos]
    results = [(run, *run.communicate(timeout=120)) for run in runs]
    stored = {photo.original_name for photo in load_package(article).article.photos}
    for (run, _out, err), photo in zip(results, photos, strict=True):
        if run.returncode == 0:
            assert photo.name in stored, f"{photo.name} was reported added and is lost"
        else:
            assert run.returncode == 1
            assert len(err.strip().splitlines()) == 1, err
            assert photo.name not in stored
    assert not lock_path(article).exists()


def test_a_command_waits_a_bounded_time_then_fails_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The window holds the lock while the article is open."""
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan"), MediaStore())
    before = article.read_bytes()
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(image_bytes("JPEG"))
    monkeypatch.setattr(article_writing, "LOCK_WAIT_SECONDS", 0.5)
    window = ArticleLock.acquire(article)
    try:
        started = time.monotonic()
        code = main(["media", "add", str(article), str(photo)])
        waited = time.monotonic() - started
    finally:
        window.release()
    assert code == 1
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1
    assert "story.article is open in Dateline on this machine" in message
    assert 0.5 <= waited < 30  # a hang guard: it waited for the lock, not for ever
    assert article.read_bytes() == before


def test_a_change_under_a_command_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another program (a synced folder, an older Dateline) rewrites the file without the lock
    while the command works: the command fails, and the other program's version stays."""
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan"), MediaStore())
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(image_bytes("JPEG"))
    from editor.media import attach

    real_attach = attach.attach_photo

    def attach_while_another_writes(*args, **kwargs):  # type: ignore[no-untyped-def]
        save_package(article, Article(headline="Changed elsewhere"), MediaStore())
        return real_attach(*args, **kwargs)

    monkeypatch.setattr(attach, "attach_photo", attach_while_another_writes)
    assert main(["media", "add", str(article), str(photo)]) == 1
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1 and "changed" in message
    assert load_package(article).article.headline == "Changed elsewhere"


def test_import_force_waits_for_the_lock_of_the_file_it_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Open in the window"), MediaStore())
    source = tmp_path / "wire.md"
    source.write_text("# Imported\n\nText.\n", encoding="utf-8")
    monkeypatch.setattr(article_writing, "LOCK_WAIT_SECONDS", 0.2)
    window = ArticleLock.acquire(article)
    try:
        code = main(["import", str(source), "-o", str(article), "--force"])
    finally:
        window.release()
    assert code == 1
    assert "is open in Dateline on this machine" in capsys.readouterr().err
    assert load_package(article).article.headline == "Open in the window"
    assert main(["import", str(source), "-o", str(article), "--force"]) == 0
    assert load_package(article).article.headline == "Imported"


def test_publish_waits_for_the_lock_and_contacts_no_site_while_another_writer_holds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Publish saves the article afterwards (what it remembers of its post), so it is a writer
    too: it holds the same lock for the whole publish, and sends nothing while it cannot."""
    import keyring

    from editor.sites import SiteStore, checked_site

    from fake_site import fake_site, json_answer
    from keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    monkeypatch.setattr(article_writing, "LOCK_WAIT_SECONDS", 0.5)
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan", body="Text."), MediaStore())
    before = article.read_bytes()
    holder = ArticleLock.acquire(article, command="media add")
    try:
        with fake_site(lambda _request: json_answer({})) as site:
            SiteStore().add(checked_site("paper", site.url, "reporter"), "pw")
            code = main(["publish", str(article), "--site", "paper"])
            asked = list(site.seen)
    finally:
        holder.release()
        keyring.set_keyring(previous)
    assert code == 1
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1, message
    assert "story.article is open in Dateline on this machine" in message
    assert asked == []
    assert article.read_bytes() == before


def test_publish_never_overwrites_a_change_made_while_it_was_sending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A program that writes without the lock (a synced folder) changes the story while the
    post is being sent: publish keeps that version and says so in one line."""
    import keyring

    import editor.publish.wordpress as wordpress_publishing
    from editor.sites import SiteStore, checked_site

    from fake_site import FakeWordPress
    from keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan", body="Text."), MediaStore())
    real_publish = wordpress_publishing.publish

    def publish_while_synced(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_publish(*args, **kwargs)
        save_package(article, Article(headline="Synced from the desk", body="New."), MediaStore())
        return result

    monkeypatch.setattr(wordpress_publishing, "publish", publish_while_synced)
    site = FakeWordPress()
    try:
        with site.serve():
            SiteStore().add(checked_site("paper", site.url, "reporter"), "pw")
            code = main(["publish", str(article), "--site", "paper"])
    finally:
        keyring.set_keyring(previous)
    assert code == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("dateline")]
    assert len(lines) == 1 and "changed" in lines[0], lines
    assert load_package(article).article.headline == "Synced from the desk"
    assert len(site.posts) == 1
