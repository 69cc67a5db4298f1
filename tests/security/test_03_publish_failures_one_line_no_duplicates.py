"""Issue 14, class 3: "Failures after the post exists are one line, and retries never
duplicate." Answers that are not the JSON expected, too large, too slow or cancelled are one
line each; a story published but not saved is remembered, and published again updates its post.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from editor.cli import main
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.model.package import PackageError, load_package, save_package
from editor.publish.rest import PublishCancelled, PublishError, RestClient, Site
from editor.publish.wordpress import publish
from editor.sites import SiteStore, checked_site

from fake_site import Answer, FakeWordPress, fake_site, json_answer
from keyrings import MemoryKeyring

# A hang guard, not a measure: these requests end in well under a second.
HANG_GUARD_S = 20.0


def story() -> Article:
    return Article(headline="Caravan reaches the border", body="Migrants walked on.")


def _publish_against(answer: Answer, timeout: float = 10.0) -> PublishError:
    with fake_site(lambda _request: answer) as site, pytest.raises(PublishError) as raised:
        publish(story(), MediaStore(), Site(site.url, "reporter", "pw"), timeout=timeout)
    return raised.value


@pytest.mark.parametrize(
    "body",
    [
        b"[1, 2, 3]",
        b"null",
        b'"7"',
        b'{"id": "7", "link": "x"}',
        b'{"id": true}',
        b'{"id": -3}',
        b'{"id": 1e400}',
        b"[" * 100_000 + b"]" * 100_000,  # deeper than the JSON parser's recursion
        b'{"id": ' + b"9" * 5000 + b"}",  # more digits than Python turns into an int
        b"\xff\xfe not text",
    ],
)
def test_answers_that_are_not_the_json_expected_are_one_line(body: bytes) -> None:
    error = _publish_against(Answer(200, {"Content-Type": "application/json"}, body))
    assert type(error) is PublishError
    assert "\n" not in str(error) and len(str(error)) < 300
    assert not error.temporary


def _endless(chunk: bytes) -> Iterator[bytes]:
    while True:
        yield chunk


@pytest.mark.parametrize("announced", [True, False])
def test_a_huge_answer_is_refused_not_read(announced: bool) -> None:
    two_gb = 2 * 1024**3
    answer = Answer(200, body=_endless(b" " * 65536), length=two_gb if announced else None)
    start = time.monotonic()
    site_answers = fake_site(lambda _request: answer)
    with site_answers as site, pytest.raises(PublishError, match="larger than 16 MB") as raised:
        RestClient(Site(site.url, "reporter", "pw"), timeout=30).get("posts")
    assert time.monotonic() - start < HANG_GUARD_S
    assert "\n" not in str(raised.value)


def test_a_site_that_drips_its_status_line_is_cut_at_the_deadline() -> None:
    head = b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{}"
    drip = Answer(0, body=iter(head[i : i + 1] for i in range(len(head))), pause=0.5, raw=True)
    start = time.monotonic()
    site_answers = fake_site(lambda _request: drip)
    with site_answers as site, pytest.raises(PublishError, match="did not answer within 1 sec"):
        RestClient(Site(site.url, "reporter", "pw"), timeout=1.0).get("users/me")
    assert time.monotonic() - start < HANG_GUARD_S


def test_a_site_that_drips_bytes_is_cut_at_the_deadline() -> None:
    # One byte every half second: a socket timeout of 1 s never fires, the deadline does.
    drip = Answer(200, body=iter([b"{"] + [b" "] * 200 + [b"}"]), pause=0.5, length=202)
    start = time.monotonic()
    with fake_site(lambda _request: drip) as site, pytest.raises(PublishError) as raised:
        RestClient(Site(site.url, "reporter", "pw"), timeout=1.0).get("users/me")
    assert time.monotonic() - start < HANG_GUARD_S
    assert str(raised.value) == f"{site.url} did not answer within 1 seconds; try again later"
    assert raised.value.temporary


def test_cancel_ends_a_request_under_way() -> None:
    # The site sends one byte, then waits 30 s: Cancel must not wait with it.
    stalled = Answer(200, body=iter([b"{", b"}"]), pause=30, length=2)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    start = time.monotonic()
    with fake_site(lambda _request: stalled) as site, pytest.raises(PublishCancelled):
        publish(story(), MediaStore(), Site(site.url, "reporter", "pw"), cancelled=cancel.is_set)
    assert time.monotonic() - start < 10.0


# --- a save that fails after the publish ------------------------------------------------------


@pytest.fixture
def paper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeWordPress]:
    """A fake WordPress added as the site "paper", its password in a keyring in memory."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    wordpress = FakeWordPress()
    try:
        with wordpress.serve():
            SiteStore().add(checked_site("paper", wordpress.url, "reporter"), "pw")
            yield wordpress
    finally:
        keyring.set_keyring(previous)


def test_a_save_that_fails_after_publishing_is_one_line_and_the_next_publish_updates(
    paper: FakeWordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    path = tmp_path / "caravan.article"
    save_package(path, story(), MediaStore())
    before = path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise PackageError("caravan.article could not be saved: No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr("editor.model.package.save_package", disk_full)
        code = main(["publish", str(path), "--site", "paper"])
    captured = capsys.readouterr()
    [post_id] = paper.posts
    assert code == 1
    [line] = [line for line in captured.err.splitlines() if line.startswith("dateline: ")]
    assert "Traceback" not in captured.err and "note: " not in captured.err
    assert f"post {post_id}" in line and "No space left on device" in line
    assert path.read_bytes() == before  # the story as it was: it never learnt of its post

    assert main(["publish", str(path), "--site", "paper", "--json"]) == 0
    captured = capsys.readouterr()
    again = json.loads(captured.out)
    assert again["post_id"] == post_id and not again["created"] and again["saved"]
    assert f"note: post {post_id} on {paper.url} was updated: this computer" in captured.err
    assert list(paper.posts) == [post_id]  # no second copy of the story
    remembered = load_package(path).article.metadata
    assert json.loads(remembered[f"wordpress:{paper.url}"])["post_id"] == post_id


def test_junk_from_the_site_is_one_line_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    path = tmp_path / "caravan.article"
    save_package(path, story(), MediaStore())
    try:
        with fake_site(lambda _request: json_answer([1, 2, 3])) as site:
            SiteStore().add(checked_site("junk", site.url, "reporter"), "pw")
            assert main(["publish", str(path), "--site", "junk"]) == 1
    finally:
        keyring.set_keyring(previous)
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if not line.startswith("photos sent")]
    assert len(lines) == 1 and "Traceback" not in captured.err
    assert lines[0].startswith("dateline: ") and "did not answer as WordPress does" in lines[0]


@pytest.mark.gui
def test_cancel_in_the_window_ends_a_request_under_way(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)

    def stalls(request) -> Answer:
        # One byte, then 30 s of nothing, for the publish; the dialog's own question too.
        return Answer(200, body=iter([b"{", b"}"]), pause=30, length=2)

    try:
        with fake_site(stalls) as site:
            SiteStore().add(checked_site("slow", site.url, "reporter"), "pw")
            window.document.replace(story(), MediaStore(), None)
            dialog = window.show_publish()
            dialog.publish_button.click()
            qtbot.waitUntil(lambda: any(r.method == "POST" for r in site.seen), timeout=10_000)
            start = time.monotonic()
            dialog.close_button.click()  # "Cancel Publishing"
            qtbot.waitUntil(lambda: not dialog.running, timeout=int(HANG_GUARD_S * 1000))
            assert time.monotonic() - start < HANG_GUARD_S
            assert "cancelled" in dialog.message.text().lower()
            dialog.close()
            window.document.new()
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("me", [[1, 2, 3], None, {"roles": [1, None], "name": 7}, {"roles": "x"}])
def test_sites_test_takes_any_answer_without_a_traceback(
    me, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    try:
        with fake_site(lambda _request: json_answer(me)) as site:
            SiteStore().add(checked_site("odd", site.url, "reporter"), "pw")
            assert main(["sites", "test", "odd"]) == 0
    finally:
        keyring.set_keyring(previous)
    assert capsys.readouterr().out.startswith("connected to ")


def test_a_queued_publish_whose_save_fails_is_retried_without_a_second_post(
    paper: FakeWordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from editor.publish.queue import PublishQueue

    path = tmp_path / "caravan.article"
    save_package(path, story(), MediaStore())
    queue = PublishQueue(tmp_path / "queue.json")
    monkeypatch.setattr("editor.publish.queue.default_queue_path", lambda: queue.path)
    queue.add(path, "paper", "draft", "offline")

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise PackageError("caravan.article could not be saved: Read-only file system")

    with monkeypatch.context() as patched:
        patched.setattr("editor.model.package.save_package", read_only)
        assert main(["publish", "--retry-queued"]) == 1
    [entry] = queue.entries()
    [post_id] = paper.posts
    assert f"published post {post_id}" in entry.last_error and entry.needs_attention
    assert main(["publish", "--retry-queued"]) == 0
    assert queue.entries() == [] and list(paper.posts) == [post_id]
    assert "Traceback" not in capsys.readouterr().err
