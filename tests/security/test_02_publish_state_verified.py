"""Issue 14, class 2: "Remembered publish state is verified, never trusted." What a package
remembers of its post (``metadata["wordpress:<site>"]``) is anyone's to write: a post is
updated only when the site shows it is this story's, a media item only when the site confirms it
belongs to that post and serves it from its own host; otherwise a new post is made, and said.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from editor.cli import main
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.model.package import save_package
from editor.publish.rest import PublishError, Site
from editor.publish.wordpress import media_texts, picture_key, publish, state_key
from editor.sites import SiteStore, checked_site

from factories import image_bytes, stored_photo
from fake_site import FakeWordPress
from keyrings import MemoryKeyring


def photo_story() -> tuple[Article, MediaStore]:
    media = MediaStore()
    image = stored_photo(
        media,
        "p1",
        image_bytes("JPEG", size=(64, 48)),
        "caravan.jpg",
        caption="Migrants rest in Huixtla.",
        credit="EFE",
        alt="Migrants resting in the shade",
        featured=True,
    )
    body = "Migrants walked on.\n\n![Migrants resting](photo:p1)\n\nThey reached the border."
    return Article(headline="Caravan reaches the border", body=body, photos=[image]), media


@pytest.fixture
def wordpress() -> Iterator[FakeWordPress]:
    site = FakeWordPress()
    with site.serve():
        yield site


def site_of(wordpress: FakeWordPress) -> Site:
    return Site(wordpress.url, "reporter", "pw")


def remember(article: Article, site: Site, state: object) -> None:
    article.metadata[state_key(site)] = json.dumps(state)


def writes_to(wordpress: FakeWordPress, route: str) -> list[tuple[str, str]]:
    return [change for change in wordpress.changed if change[1] == route]


def test_a_remembered_post_that_is_not_the_storys_is_left_alone(wordpress) -> None:
    theirs = wordpress.add_post("Budget vote tonight")
    article, media = photo_story()
    site = site_of(wordpress)
    remember(article, site, {"version": 1, "post_id": theirs, "link": "", "media": {}})
    result = publish(article, media, site)
    assert writes_to(wordpress, f"posts/{theirs}") == []  # never overwritten
    assert wordpress.posts[theirs]["title"]["raw"] == "Budget vote tonight"
    assert result.created and result.post_id != theirs
    assert any(f"post {theirs}" in note and "new post" in note for note in result.notes)


def test_media_the_site_does_not_confirm_is_never_rewritten_nor_embedded(wordpress) -> None:
    article, media = photo_story()
    site = site_of(wordpress)
    image = article.photos[0]
    theirs = wordpress.add_media()  # another story's photo on the same site
    elsewhere = "https://images.attacker.example/tracker.jpg"
    for texts in ("stale", _texts_digest(article)):  # rewritten, or embedded as it is
        remember(
            article,
            site,
            {
                "version": 1,
                "media": {"p1": {"id": theirs, "url": elsewhere, "picture": picture_key(image),
                                 "texts": texts}},
            },
        )  # fmt: skip
        result = publish(article, media, site)
        assert writes_to(wordpress, f"media/{theirs}") == []
        assert result.media_ids["p1"] != theirs
        content = wordpress.posts[result.post_id]["content"]["raw"]
        assert "attacker.example" not in content
        assert wordpress.media[result.media_ids["p1"]]["source_url"].startswith(wordpress.url)


def _texts_digest(article: Article) -> str:
    from editor.publish.wordpress import _digest

    return _digest(media_texts(article, article.photos[0]))


def test_the_storys_own_post_is_updated_and_a_post_taken_over_is_not(wordpress) -> None:
    article, media = photo_story()
    site = site_of(wordpress)
    first = publish(article, media, site)
    first.apply_to(article)
    article.body += "\n\nA correction."
    second = publish(article, media, site)
    assert (second.post_id, second.created, second.uploaded) == (first.post_id, False, ())
    assert second.notes == ()
    assert "A correction." in wordpress.posts[first.post_id]["content"]["raw"]

    # The post is no longer the story's (its content replaced on the site): left alone.
    wordpress.posts[first.post_id]["content"]["raw"] = "<p>Another story.</p>"
    second.apply_to(article)
    article.body += " Another one."
    third = publish(article, media, site)
    assert third.created and third.post_id != first.post_id
    assert wordpress.posts[first.post_id]["content"]["raw"] == "<p>Another story.</p>"
    assert third.uploaded == ("p1",)  # its photo's item belonged to that post: a new one


def test_a_post_on_another_host_is_never_taken_as_the_storys(wordpress) -> None:
    article, media = photo_story()
    site = site_of(wordpress)
    first = publish(article, media, site)
    first.apply_to(article)
    wordpress.posts[first.post_id]["link"] = "https://attacker.example/?p=1"
    article.body += " Corrected."
    second = publish(article, media, site)
    assert second.created and "attacker.example" not in second.link


def test_the_command_line_says_when_it_makes_a_new_post(
    wordpress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    try:
        SiteStore().add(checked_site("paper", wordpress.url, "reporter"), "pw")
        theirs = wordpress.add_post("Budget vote tonight")
        article, media = photo_story()
        remember(article, site_of(wordpress), {"post_id": theirs})
        path = tmp_path / "caravan.article"
        save_package(path, article, media)
        assert main(["publish", str(path), "--site", "paper"]) == 0
    finally:
        keyring.set_keyring(previous)
    captured = capsys.readouterr()
    assert captured.out.startswith("created post ")
    notes = [line for line in captured.err.splitlines() if line.startswith("note: ")]
    assert any(f"post {theirs}" in note for note in notes)
    assert writes_to(wordpress, f"posts/{theirs}") == []


# --- the fuzz: any remembered state, never a write to what is not the story's -----------------

_ANY_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["https://attacker.example/x.jpg", "javascript:alert(1)", "7", "-1"]),
)
_ANY_VALUE = st.recursive(
    _ANY_SCALAR,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _states(foreign: list[int]) -> st.SearchStrategy[object]:
    ids = st.one_of(st.sampled_from(foreign), _ANY_SCALAR)
    entry = st.fixed_dictionaries(
        {},
        optional={
            "id": ids,
            "url": st.one_of(_ANY_SCALAR, st.just("https://attacker.example/x.jpg")),
            "picture": _ANY_SCALAR,
            "texts": _ANY_SCALAR,
        },
    )
    state = st.fixed_dictionaries(
        {},
        optional={
            "version": _ANY_SCALAR,
            "post_id": ids,
            "link": _ANY_SCALAR,
            "content_hash": _ANY_SCALAR,
            "media": st.one_of(
                _ANY_VALUE, st.dictionaries(st.sampled_from(["p1", "p2", ""]), entry, max_size=2)
            ),
        },
    )
    return st.one_of(state, _ANY_VALUE)


FOREIGN = [7, 8]  # a post and a media item others made (ids fixed below)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(state=_states(FOREIGN), raw=st.one_of(st.none(), st.text(max_size=30)))
def test_any_remembered_state_never_touches_what_it_cannot_verify(state, raw) -> None:
    wordpress = FakeWordPress()
    with wordpress.serve():
        wordpress.posts[7] = wordpress._post(7, {"title": "Budget vote", "content": "<p>x</p>"})
        wordpress.media[8] = {"id": 8, "source_url": f"{wordpress.url}/o.jpg", "post": None}
        article, media = photo_story()
        site = site_of(wordpress)
        if raw is None:
            remember(article, site, state)
        else:
            article.metadata[state_key(site)] = raw
        try:
            result = publish(article, media, site)
        except PublishError:
            result = None
        for method, route in wordpress.changed:
            assert route not in ("posts/7", "media/8"), (method, route)
        if result is not None:
            assert result.post_id not in FOREIGN and 8 not in result.media_ids.values()
            content = wordpress.posts[result.post_id]["content"]["raw"]
            assert "attacker.example" not in content and "javascript:" not in content


# --- the window says what it will do -----------------------------------------------------------


@pytest.mark.gui
def test_the_window_says_which_post_it_updates_as_the_site_confirms(
    qtbot, window, wordpress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    try:
        SiteStore().add(checked_site("paper", wordpress.url, "reporter"), "pw")
        theirs = wordpress.add_post("Budget vote tonight")
        article, media = photo_story()
        remember(article, site_of(wordpress), {"post_id": theirs})
        window.document.replace(article, media, None)
        dialog = window.show_publish()
        new_post = f"Creates a new post on {wordpress.url}"
        qtbot.waitUntil(lambda: dialog.plan.text() == new_post, timeout=20_000)

        with qtbot.waitSignal(dialog.published, timeout=30_000) as outcome:
            dialog.publish_button.click()
        result = outcome.args[0]
        assert result.created and f"post {theirs}" in dialog.message.text()
        assert writes_to(wordpress, f"posts/{theirs}") == []
        # The story now remembers its own post: the dialog names it, with its title there.
        wordpress.posts[result.post_id]["title"]["raw"] = "Caravan <b>reaches</b> the border"
        dialog.check_plan()
        updates = (
            f"Updates post {result.post_id} “Caravan <b>reaches</b> the border” on {wordpress.url}"
        )
        qtbot.waitUntil(lambda: dialog.plan.text() == updates, timeout=20_000)
        assert dialog.plan.textFormat() == Qt.TextFormat.PlainText  # a title is never markup
        dialog.close()
        window.document.new()
    finally:
        keyring.set_keyring(previous)
