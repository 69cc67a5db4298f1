"""Issue 14, class 1: "No credentials on redirects." The publishing client never follows a
redirect (it would carry the reporter's Application Password to whatever host or scheme the
answer names), and takes "too many requests" and "unavailable" as temporary, keeping the site's
Retry-After."""

from __future__ import annotations

import datetime as dt
import email.utils

import pytest

from editor.publish.queue import PublishQueue
from editor.publish.rest import PublishError, RestClient, Site

from fake_site import Answer, fake_site


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_no_credentials_follow_a_redirect(status: int, method: str) -> None:
    with fake_site(lambda _request: Answer(200, body=b'{"id": 1}')) as elsewhere:
        moved = f"{elsewhere.url}/wp-json/wp/v2/users/me?context=edit"
        with fake_site(lambda _request: Answer(status, {"Location": moved})) as site:
            client = RestClient(Site(site.url, "reporter", "abcd efgh ijkl"), timeout=10)
            with pytest.raises(PublishError) as raised:
                if method == "GET":
                    client.get("users/me", context="edit")
                else:
                    client.post("posts", {"title": "Caravan"})
        assert elsewhere.seen == []  # the other host heard nothing, and no password
    assert [request.method for request in site.seen] == [method]
    error = raised.value
    assert str(error) == (
        f"the site answered from {elsewhere.url} ({status}): "
        "update its address with `dateline sites add`"
    )
    assert error.status == status and not error.temporary


def test_a_redirect_to_plain_http_is_refused_and_its_credentials_not_repeated() -> None:
    moved = "http://someone:secret@news.example.org/blog/wp-json/wp/v2/posts"
    with fake_site(lambda _request: Answer(301, {"Location": moved})) as site:
        client = RestClient(Site(site.url, "reporter", "abcd"), timeout=10)
        with pytest.raises(PublishError, match="update its address") as raised:
            client.get("posts")
    assert "http://news.example.org/blog (301)" in str(raised.value)
    assert "secret" not in str(raised.value)


@pytest.mark.parametrize("status", [429, 503])
def test_too_many_requests_and_unavailable_are_temporary_with_their_wait(status: int) -> None:
    answer = Answer(status, {"Retry-After": "120"})
    with fake_site(lambda _request: answer) as site, pytest.raises(PublishError) as raised:
        RestClient(Site(site.url, "reporter", "abcd"), timeout=10).get("posts")
    error = raised.value
    assert error.temporary and error.status == status and error.retry_after == 120
    assert "(it asks to wait 120 seconds)" in str(error)


def test_retry_after_may_be_a_date() -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    header = email.utils.format_datetime(later, usegmt=True)
    answer = Answer(503, {"Retry-After": header})
    with fake_site(lambda _request: answer) as site, pytest.raises(PublishError) as raised:
        RestClient(Site(site.url, "reporter", "abcd"), timeout=10).get("posts")
    assert raised.value.retry_after is not None and 580 <= raised.value.retry_after <= 600


def test_the_queue_waits_as_long_as_the_site_asked(tmp_path) -> None:
    queue = PublishQueue(tmp_path / "queue.json")
    queue.add(tmp_path / "story.article", "paper", "draft", "503", retry_after=300)
    tried: list[str] = []
    [outcome] = queue.retry(lambda entry: tried.append(entry.site) or "https://x/1")
    assert tried == [] and not outcome.published
    assert outcome.message.startswith("waits until ") and "as the site asked" in outcome.message

    # A retry the site throttles again takes the new wait; one with none is tried at once.
    queue.add(tmp_path / "other.article", "paper", "draft", "offline")

    def throttled(_entry) -> str:
        raise PublishError("busy", status=429, temporary=True, retry_after=60)

    outcomes = queue.retry(throttled)
    assert [o.published for o in outcomes] == [False, False]
    other = next(e for e in queue.entries() if e.article.endswith("other.article"))
    assert other.not_before and other.attempts == 1 and not other.needs_attention


def test_postponed_entries_are_not_due(tmp_path) -> None:
    queue = PublishQueue(tmp_path / "queue.json")
    story = tmp_path / "story.article"
    queue.add(story, "paper", "draft", "offline")
    assert [e.site for e in queue.due_for(story)] == ["paper"]
    queue.postpone(story, "paper", 90)
    assert queue.due_for(story) == [] and len(queue.entries_for(story)) == 1
    queue.postpone(story, "paper", None)  # a later answer with no wait: due again
    assert [e.site for e in queue.due_for(story)] == ["paper"]


@pytest.mark.gui
def test_the_window_does_not_retry_a_story_the_site_asked_to_wait_for(window, tmp_path) -> None:
    from editor.model.article import Article
    from editor.model.media_store import MediaStore
    from editor.model.package import save_package

    story = tmp_path / "story.article"
    save_package(story, Article(headline="Caravan", body="Words."), MediaStore())
    assert window.open_path(story)
    PublishQueue().add(story, "paper", "draft", "429", retry_after=600)
    assert window.retry_queued_publish() is False
    assert window._publish_dialog is None  # nothing built, nothing sent
    PublishQueue().path.unlink()  # the queue lives in the session's data folder: leave it empty
    window.document.new()
