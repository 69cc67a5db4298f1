"""Publish when online: the queue keeps what could not reach its site, and lets go of what
was published."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.model.package import save_package
from editor.publish.queue import PublishQueue, QueueError
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


def test_a_queue_file_that_cannot_be_written_is_a_queue_error(tmp_path: Path) -> None:
    path = tmp_path / "queue.json"
    path.mkdir()  # a folder where the file should be
    queue = PublishQueue(path)
    with pytest.raises(QueueError, match=r"^cannot write the publish queue .*queue\.json: "):
        queue.add(tmp_path / "a.article", "paper", "draft")
    assert path.is_dir() and list(tmp_path.iterdir()) == [path]  # no temporary file left


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_command_line_queueing_into_an_unwritable_queue_is_one_line(tmp_path: Path) -> None:
    # An unreachable site with --when-online queues the story; the queue file is a folder.
    config, data = tmp_path / "config", tmp_path / "data"
    (config / "dateline").mkdir(parents=True)
    (data / "dateline" / "publish-queue.json").mkdir(parents=True)
    site = {"name": "away", "url": f"http://127.0.0.1:{_closed_port()}", "user": "reporter"}
    (config / "dateline" / "sites.json").write_text(json.dumps({"sites": [site]}), "utf-8")
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan", body="Words."), MediaStore())
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(data),
        "DATELINE_SITE_PASSWORD": "x",
    }
    command = [sys.executable, "-m", "editor", "publish", str(article), "--site", "away"]
    result = subprocess.run(
        [*command, "--when-online"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    # Progress lines ("photos sent: ...") aside, the failure is one line.
    lines = [line for line in result.stderr.splitlines() if not line.startswith("photos sent:")]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dateline: cannot write the publish queue ")
    assert result.stdout == ""


def test_importing_the_queue_loads_no_export_libraries() -> None:
    # The queue is small; the window's timer and the command line load it often.
    code = (
        "import sys, editor.publish.queue\n"
        "heavy = ('docx', 'markdown', 'PIL', 'editor.export', 'PySide6')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
        "    or m.startswith(heavy))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


@pytest.mark.gui
def test_the_window_says_when_the_queue_cannot_be_written(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    # The site is out of reach, the reporter asks to publish when online, and the queue file
    # is a folder: the dialog says so instead of failing with a traceback.
    config, data = tmp_path / "config", tmp_path / "data"
    (config / "dateline").mkdir(parents=True)
    (data / "dateline" / "publish-queue.json").mkdir(parents=True)
    site = {"name": "away", "url": f"http://127.0.0.1:{_closed_port()}", "user": "reporter"}
    (config / "dateline" / "sites.json").write_text(json.dumps({"sites": [site]}), "utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("DATELINE_SITE_PASSWORD", "x")
    article = tmp_path / "story.article"
    save_package(article, Article(headline="Caravan", body="Words."), MediaStore())
    assert window.open_path(article)
    dialog = window.show_publish()
    dialog.select("away", "draft")
    with qtbot.waitSignal(dialog.outOfReach, timeout=60_000):
        dialog.publish_button.click()
    assert dialog.queue_button.isVisible()
    assert dialog.queue_for_later() is False
    assert "Not queued: cannot write the publish queue" in dialog.message.text()
    assert dialog.queue_button.isVisible()  # the reporter may try again
    window.document.new()
