"""Publish when online: the queue keeps what could not reach its site, and lets go of what
was published."""

from __future__ import annotations

from pathlib import Path

from editor.publish.queue import PublishQueue
from editor.publish.rest import PublishError


def test_entries_are_kept_per_story_and_site(tmp_path: Path) -> None:
    queue = PublishQueue(tmp_path / "queue.json")
    assert queue.entries() == []
    queue.add(tmp_path / "a.article", "paper", "draft", "cannot reach the site")
    queue.add(tmp_path / "a.article", "paper", "publish")  # replaces: the latest wish counts
    queue.add(tmp_path / "a.article", "blog", "draft")
    entries = queue.entries()
    assert [(Path(e.article).name, e.site, e.status) for e in entries] == [
        ("a.article", "paper", "publish"),
        ("a.article", "blog", "draft"),
    ]
    assert all(Path(e.article).is_absolute() for e in entries)


def test_retry_lets_go_of_published_and_keeps_the_rest_with_the_reason(tmp_path: Path) -> None:
    queue = PublishQueue(tmp_path / "queue.json")
    for name in ("online", "offline", "refused", "broken"):
        queue.add(tmp_path / f"{name}.article", "paper", "draft")

    def publish_one(entry) -> str:
        name = Path(entry.article).stem
        if name == "offline":
            raise PublishError("cannot reach the site: no such host", temporary=True)
        if name == "refused":
            raise PublishError("the site refused the password (401)", status=401)
        if name == "broken":
            raise ValueError("not a story package")
        return "https://news.example.org/?p=7"

    outcomes = {Path(o.entry.article).stem: o for o in queue.retry(publish_one)}
    assert outcomes["online"].published and outcomes["online"].message.endswith("?p=7")
    left = {Path(e.article).stem: e for e in queue.entries()}
    assert set(left) == {"offline", "refused", "broken"}
    assert left["offline"].attempts == 1 and not left["offline"].needs_attention
    assert left["refused"].needs_attention and "401" in left["refused"].last_error
    assert left["broken"].needs_attention
    queue.retry(lambda entry: "https://news.example.org/?p=8")
    assert queue.entries() == []


def test_a_damaged_queue_file_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "queue.json"
    path.write_text("{broken", encoding="utf-8")
    queue = PublishQueue(path)
    assert queue.entries() == []
    queue.add(tmp_path / "a.article", "paper", "draft")
    assert len(queue.entries()) == 1
