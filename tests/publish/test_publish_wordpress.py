"""Publishing to a real WordPress 6.1 (Debian's packages, MariaDB, PHP on 127.0.0.1): the post,
its photos, terms and featured image read back through the REST API; corrections update the
same post and only the changed media item; failures leave the article and the site as they were.

The site is started once for the session by the WordPress recipe's ``start.sh`` (in
``tests/wordpress/``, or at ``$DATELINE_WORDPRESS_RECIPE``) on a free
port, in a temporary folder, and stopped by its ``stop.sh``. As root, missing packages are
installed by the recipe; otherwise the tests are skipped, naming them. A few cases the real site
cannot show on demand (timeouts, dropped connections, a site without the REST API) use a tiny
local HTTP server.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.model.article import Article, Crop, story_uuid
from editor.model.media_store import MediaStore
from editor.publish.rest import PublishCancelled, PublishError, RestClient, Site
from editor.publish.verify import story_marker
from editor.publish.wordpress import planned_post, publish, remembered

from export_samples import efe_with_photos
from locations import TESTS

RECIPE = Path(os.environ.get("DATELINE_WORDPRESS_RECIPE", TESTS / "wordpress"))
PACKAGES = "wordpress mariadb-server php php-cli php-fpm php-mysql php-gd nginx"


def real_site(test):
    """Marks a test that needs the real site (started on first use: up to minutes)."""
    return pytest.mark.slow(pytest.mark.timeout(900)(test))


# --- the site ----------------------------------------------------------------------------------


def _packages_present() -> bool:
    if not Path("/usr/share/wordpress/wp-settings.php").exists() or not shutil.which("mariadbd"):
        return False
    if not shutil.which("php"):
        return False
    check = 'exit(extension_loaded("gd") && extension_loaded("mysqli") ? 0 : 1);'
    return subprocess.run(["php", "-r", check], capture_output=True).returncode == 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if not (RECIPE / "start.sh").exists():
        pytest.skip(f"the WordPress recipe is not at {RECIPE} (set DATELINE_WORDPRESS_RECIPE)")
    can_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")
    if not _packages_present() and not can_install:
        pytest.skip(
            "WordPress's packages are missing and only root can install them: "
            f"apt-get install -y --no-install-recommends {PACKAGES}"
        )
    env = dict(
        os.environ,
        WP_PROBE_DIR=str(tmp_path_factory.mktemp("wordpress")),
        WP_PORT=str(_free_port()),
        WP_INSTALL_PACKAGES="1",
    )
    started = subprocess.run(
        ["bash", str(RECIPE / "start.sh")], env=env, capture_output=True, text=True, timeout=800
    )
    try:
        if started.returncode != 0:
            if not _packages_present():
                pytest.skip(f"WordPress's packages could not be installed: {started.stderr[-300:]}")
            pytest.fail(f"WordPress did not start:\n{started.stderr[-2000:]}")
        values = dict(re.findall(r"^(WP_[A-Z_]+)=(.*)$", started.stdout, re.M))
        yield Site(values["WP_URL"], values["WP_USER"], values["WP_APP_PASSWORD"])
    finally:
        subprocess.run(["bash", str(RECIPE / "stop.sh")], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def rest(wordpress: Site) -> RestClient:
    return RestClient(wordpress)


def _all(rest: RestClient, route: str) -> list[dict]:
    return (
        rest.get(route, per_page=100, context="edit", status="any")
        if route == "posts"
        else (rest.get(route, per_page=100, context="edit"))
    )


# --- stories -----------------------------------------------------------------------------------


def two_photo_story() -> tuple[Article, MediaStore]:
    """The EFE sample with two photos placed (p2, p5), p5 leading the story; the others out.
    A story of its own each time: this computer remembers what it published of a story."""
    article, media = efe_with_photos()
    article.story_id = str(uuid.uuid4())
    article.body = re.sub(r"!\[[^\]]*\]\(photo:p[134]\)\s*", "", article.body)
    for image in article.photos:
        image.featured = image.id == "p5"
    return article, media


def photo(article: Article, photo_id: str):
    return next(image for image in article.photos if image.id == photo_id)


# --- the real site -----------------------------------------------------------------------------


@real_site
def test_publish_efe_story_with_two_photos_reads_back(wordpress: Site, rest: RestClient) -> None:
    article, media = two_photo_story()
    before = json.dumps(article.metadata)
    seen: list[tuple[int, int]] = []
    result = publish(
        article, media, wordpress, progress=lambda done, total: seen.append((done, total))
    )
    assert json.dumps(article.metadata) == before  # only the caller applies the result
    assert seen[-1] == (2, 2)
    assert set(result.media_ids) == {"p2", "p5"}
    assert result.created and result.link.startswith(wordpress.base_url)

    post = rest.get(f"posts/{result.post_id}", context="edit")
    assert post["title"]["raw"] == article.headline
    assert post["excerpt"]["raw"] == article.dek
    assert post["slug"] == "mexico-pushes-back-migrant-caravan"
    assert post["status"] == "draft"
    assert post["featured_media"] == result.media_ids["p5"]
    tags = {rest.get(f"tags/{t}")["name"] for t in post["tags"]}
    assert tags == {"migration", "Mexico", "Chiapas"}
    assert [rest.get(f"categories/{c}")["name"] for c in post["categories"]] == ["World"]

    content = post["content"]["raw"]
    # The marker that shows the post is this story's, then the story.
    assert content.startswith(
        story_marker(article)
        + "\n\n<!-- wp:paragraph -->\n<p>Tapachula, Mexico, Dec 3 (EFE).- A caravan of over"
    )
    # p5 leads: it is the featured image, not a second time in the text where the body places it.
    assert content.count("<!-- wp:image") == 1
    for photo_id in ("p2", "p5"):
        image = photo(article, photo_id)
        item = rest.get(f"media/{result.media_ids[photo_id]}", context="edit")
        media_id = item["id"]
        in_content = f'<!-- wp:image {{"id":{media_id},' in content
        assert in_content is (photo_id == "p2")
        assert (f'class="wp-image-{media_id}"' in content) is in_content
        assert (f'src="{item["source_url"]}"' in content) is in_content
        figcaption = f'<figcaption class="wp-element-caption">{image.caption} — {image.credit}'
        assert (figcaption in content) is in_content
        assert item["alt_text"] == image.alt
        assert item["caption"]["raw"] == f"{image.caption} — {image.credit}"
        assert item["description"]["raw"] == f"{image.credit}\n{image.copyright}"
        assert item["mime_type"] == "image/jpeg"
        # WordPress read the photo's own IPTC-IIM caption and credit from the uploaded file.
        meta = item["media_details"]["image_meta"]
        assert meta["caption"] == image.caption
        assert meta["credit"] == image.credit

    rendered = rest.get(f"posts/{result.post_id}", context="view")["content"]["rendered"]
    assert "Migrants walk north from Huixtla, photo 2 of the caravan. — EFE/Juan Manuel Blanco" in (
        rendered
    )
    assert str(story_uuid(article)) not in rendered  # readers never see the marker


@real_site
def test_a_remembered_post_that_is_not_the_storys_is_left_alone_on_the_real_site(
    wordpress: Site, rest: RestClient
) -> None:
    theirs = rest.post("posts", {"title": "Budget vote tonight", "content": "<p>Theirs.</p>"})
    article, media = two_photo_story()
    article.url_slug = "caravan-verified"
    state = {"post_id": theirs["id"], "media": {"p2": {"id": theirs["id"], "url": "x"}}}
    article.metadata[f"wordpress:{wordpress.base_url}"] = json.dumps(state)
    assert planned_post(article, wordpress) is None
    result = publish(article, media, wordpress)
    assert result.created and result.post_id != theirs["id"]
    assert any(f"post {theirs['id']}" in note for note in result.notes)
    after = rest.get(f"posts/{theirs['id']}", context="edit")
    assert after["content"]["raw"] == "<p>Theirs.</p>" and after["modified"] == theirs["modified"]

    result.apply_to(article)
    planned = planned_post(article, wordpress)  # the story's own post, as the site has it
    assert planned is not None and planned.post_id == result.post_id
    assert planned.title == article.headline
    assert set(result.media_ids.values()) <= planned.media_ids
    for post_id in (theirs["id"], result.post_id):
        rest.delete(f"posts/{post_id}", force="true")
    for media_id in result.media_ids.values():
        rest.delete(f"media/{media_id}", force="true")


@real_site
def test_publishing_again_updates_the_same_post_and_only_the_changed_photo(
    wordpress: Site, rest: RestClient
) -> None:
    article, media = two_photo_story()
    article.url_slug = "caravan-correction"
    first = publish(article, media, wordpress)
    first.apply_to(article)
    assert remembered(article, wordpress)["post_id"] == first.post_id
    posts = {p["id"] for p in _all(rest, "posts")}
    items = {m["id"]: m for m in _all(rest, "media")}
    time.sleep(1.1)  # WordPress keeps modification times to the second

    article.body = article.body.replace("at a slow pace", "at a very slow pace")
    photo(article, "p2").caption = "Migrants rest in the shade outside Huixtla."
    second = publish(article, media, wordpress)

    assert second.post_id == first.post_id and not second.created
    assert second.media_ids == first.media_ids
    assert second.uploaded == () and second.retexted == ("p2",)
    assert {p["id"] for p in _all(rest, "posts")} == posts  # no duplicate post
    after = {m["id"]: m for m in _all(rest, "media")}
    assert after.keys() == items.keys()  # no duplicate media
    changed = [i for i in after if after[i]["modified_gmt"] != items[i]["modified_gmt"]]
    assert changed == [first.media_ids["p2"]]
    p2 = after[first.media_ids["p2"]]
    assert (
        p2["caption"]["raw"]
        == "Migrants rest in the shade outside Huixtla. — EFE/Juan Manuel Blanco"
    )
    content = rest.get(f"posts/{first.post_id}", context="edit")["content"]["raw"]
    assert "at a very slow pace" in content
    assert "Migrants rest in the shade outside Huixtla. — EFE/Juan Manuel Blanco" in content

    second.apply_to(article)
    third = publish(article, media, wordpress)  # nothing changed: nothing sent
    assert (third.uploaded, third.retexted, third.post_sent) == ((), (), False)
    assert third.post_id == first.post_id and third.up_to_date
    assert not first.up_to_date and not second.up_to_date

    # A new picture (cropped): that photo alone is uploaded afresh.
    photo(article, "p5").crop = Crop(0.0, 0.1, 1.0, 0.9)
    third.apply_to(article)
    fourth = publish(article, media, wordpress, status="publish")
    assert fourth.uploaded == ("p5",) and fourth.post_id == first.post_id
    post = rest.get(f"posts/{first.post_id}", context="edit")
    assert post["status"] == "publish"
    assert post["featured_media"] == fourth.media_ids["p5"] != first.media_ids["p5"]
    assert fourth.link == post["link"]

    # Put in the site's trash since: a new post is made, and said so.
    rest.delete(f"posts/{first.post_id}")
    fourth.apply_to(article)
    fifth = publish(article, media, wordpress)
    assert fifth.created and fifth.post_id != first.post_id
    assert fifth.notes == (
        f"post {first.post_id} on {wordpress.base_url} is left alone (it is in the site's"
        " trash): a new post is made",
    )
    # Deleted for good since: the same.
    rest.delete(f"posts/{fifth.post_id}", force="true")
    fifth.apply_to(article)
    sixth = publish(article, media, wordpress)
    assert sixth.created and sixth.post_id not in (first.post_id, fifth.post_id)
    assert sixth.notes == (
        f"post {fifth.post_id} on {wordpress.base_url} is left alone (it was deleted on the"
        " site): a new post is made",
    )


@real_site
def test_wrong_password_is_one_clear_message_and_changes_nothing(
    wordpress: Site, rest: RestClient
) -> None:
    article, media = two_photo_story()
    before = dict(article.metadata)
    items = len(_all(rest, "media"))
    wrong = Site(wordpress.url, wordpress.user, "abcd efgh ijkl mnop qrst uvwx")
    with pytest.raises(PublishError) as caught:
        publish(article, media, wrong)
    assert caught.value.status == 401
    assert str(caught.value) == (
        f"{wordpress.base_url} refused the user name or Application Password (401): "
        "check both in the site's settings"
    )
    assert article.metadata == before
    assert len(_all(rest, "media")) == items


@real_site
def test_cancelled_publish_takes_its_uploads_back(wordpress: Site, rest: RestClient) -> None:
    article, media = two_photo_story()
    items = len(_all(rest, "media"))
    posts = len(_all(rest, "posts"))
    progress: list[int] = []
    with pytest.raises(PublishCancelled):
        publish(
            article,
            media,
            wordpress,
            progress=lambda done, total: progress.append(done),
            cancelled=lambda: bool(progress) and progress[-1] >= 1,
        )
    assert (len(_all(rest, "media")), len(_all(rest, "posts"))) == (items, posts)
    assert article.metadata == {}


@real_site
def test_time_to_publish_a_story_with_five_photos(wordpress: Site, rest: RestClient) -> None:
    article, media = efe_with_photos()  # five photos: the lead and four in the body
    article.url_slug = "caravan-five-photos"
    start = time.perf_counter()
    result = publish(article, media, wordpress)
    seconds = time.perf_counter() - start
    assert len(result.media_ids) == 5
    print(f"\npublish: a story with 5 photos to the local WordPress in {seconds:.2f} s")


# --- what the real site cannot show on demand --------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    mode = "404"

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        mode = self.server.mode  # type: ignore[attr-defined]
        if mode == "404":
            self.send_error(404)
        elif mode == "403":
            body = json.dumps(
                {
                    "code": "rest_cannot_create",
                    "message": "Sorry, you are not allowed to create posts as this user.",
                }
            ).encode()
            self.send_response(403)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif mode == "slow":
            time.sleep(2)
        elif mode == "drop":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"id": ')
        elif mode == "html":
            body = b"<html><body>Not WordPress</body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_site() -> Iterator[tuple[Site, http.server.ThreadingHTTPServer]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", "admin", "x"), server
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("404", "no WordPress REST API at {url} (404): is this the site's address?"),
        (
            "403",
            "the WordPress user 'admin' lacks the rights for this (403): Sorry, you are not "
            "allowed to create posts as this user.",
        ),
        ("slow", "{url} did not answer within 0.5 seconds; try again later"),
        ("drop", "the connection to {url} was dropped half-way; try again"),
        ("html", "{url} did not answer as WordPress does (not JSON): is this the site's address?"),
    ],
)
def test_failures_are_one_line_messages(fake_site, mode: str, message: str) -> None:
    site, server = fake_site
    server.mode = mode
    article, media = two_photo_story()
    article.body = re.sub(r"!\[[^\]]*\]\(photo:p\d\)\s*", "", article.body)
    for image in article.photos:
        image.featured = False
    with pytest.raises(PublishError) as caught:
        publish(article, media, site, timeout=0.5)
    assert str(caught.value) == message.format(url=site.base_url)
    assert article.metadata == {}


def test_a_story_with_photos_without_a_file_is_refused_before_asking_the_site(fake_site) -> None:
    site, server = fake_site
    server.mode = "404"  # any request would end in "no WordPress REST API"
    article, media = two_photo_story()
    lead = next(image for image in article.photos if image.featured)
    lead.media_path = ""  # the lead photo's file is gone
    with pytest.raises(PublishError) as refused:
        publish(article, media, site, timeout=0.5)
    assert str(refused.value) == (
        f"1 photo has no file: {lead.id} {lead.original_name}; add the files or publish with"
        " --without-missing-photos"
    )
    # Told to go on without it, the story goes to the site (which here is no WordPress).
    with pytest.raises(PublishError, match="no WordPress REST API"):
        publish(article, media, site, timeout=0.5, without_missing_photos=True)
    assert article.metadata == {} and lead in article.photos


def test_a_refused_connection_is_one_line(tmp_path: Path) -> None:
    site = Site(f"http://127.0.0.1:{_free_port()}", "admin", "x")
    with pytest.raises(PublishError, match=r"the connection was refused$"):
        RestClient(site, timeout=2).get("users/me")


# --- the command line -----------------------------------------------------------------------


@pytest.mark.slow
def test_command_line_adds_tests_and_publishes_to_the_site(
    wordpress: Site, rest: RestClient, tmp_path: Path, monkeypatch, capsys
) -> None:
    import io
    import json

    import keyring

    from editor.cli import main
    from editor.model.package import load_package, save_package

    from keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # never the desktop's own keyring
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    try:
        for name, password in (("local", wordpress.password), ("wrong", "nope nope nope")):
            monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
            add = ["sites", "add", name, wordpress.url, wordpress.user, "--password-stdin"]
            assert main(add) == 0
        capsys.readouterr()
        assert main(["sites", "test", "local"]) == 0
        assert f"connected to {wordpress.base_url}" in capsys.readouterr().out
        assert main(["sites", "test", "wrong"]) == 1
        assert "password" in capsys.readouterr().err.lower()

        article, media = two_photo_story()
        path = tmp_path / "caravan.article"
        save_package(path, article, media)
        assert main(["publish", str(path), "--site", "local", "--json"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert first["created"] and first["status"] == "draft"
        assert rest.get(f"posts/{first['post_id']}", context="edit")["status"] == "draft"
        remembered = load_package(path).article.metadata  # the article knows its post now
        assert any(key.startswith("wordpress:") for key in remembered)
        assert main(["publish", str(path), "--site", "local", "--json"]) == 0
        again = json.loads(capsys.readouterr().out)
        assert again["post_id"] == first["post_id"] and not again["created"]
        before = path.read_bytes()
        assert main(["publish", str(path), "--site", "wrong"]) == 1
        assert path.read_bytes() == before  # a failed publish changes nothing
        rest.delete(f"posts/{first['post_id']}", force="true")
        for media_id in first["media_ids"].values():
            rest.delete(f"media/{media_id}", force="true")
    finally:
        keyring.set_keyring(previous)


# --- the window -----------------------------------------------------------------------------


@pytest.fixture
def site_in_keyring(wordpress: Site, tmp_path: Path, monkeypatch):
    """The real site added as "local" (and a "wrong" one), in a keyring kept in memory."""
    import keyring

    from editor.sites import SiteStore, checked_site

    from keyrings import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    store = SiteStore()
    store.add(checked_site("local", wordpress.url, wordpress.user), wordpress.password)
    store.add(checked_site("wrong", wordpress.url, wordpress.user), "nope nope nope")
    yield store
    keyring.set_keyring(previous)


@pytest.mark.slow
def test_sites_dialog_tests_the_connection(qtbot, window, site_in_keyring) -> None:
    from editor.ui.dialogs.sites import SitesDialog

    dialog = SitesDialog(site_in_keyring, window)
    qtbot.addWidget(dialog)
    for row, worked in ((0, True), (1, False)):
        dialog.list.setCurrentRow(row)
        with qtbot.waitSignal(dialog.tested, timeout=20_000) as outcome:
            dialog.test_button.click()
        assert outcome.args == [worked]
    assert "password" in dialog.status.text().lower()


@pytest.mark.slow
def test_publishing_from_the_window_while_typing(
    qtbot, window, site_in_keyring, rest: RestClient, tmp_path: Path
) -> None:
    article, media = two_photo_story()
    window.document.replace(article, media, None)
    dialog = window.show_publish()
    assert [dialog.site.itemData(i) for i in range(dialog.site.count())] == ["local", "wrong"]
    dialog.site.setCurrentIndex(1)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert "password" in dialog.message.text().lower()
    assert not any(key.startswith("wordpress:") for key in window.document.article.metadata)

    dialog.site.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.published, timeout=60_000) as outcome:
        dialog.publish_button.click()
        qtbot.keyClicks(window.body, " Typing goes on.")  # publishing never blocks this
    result = outcome.args[0]
    assert f'<a href="{result.link}">' in dialog.message.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert window.document.dirty  # the story now remembers its post: to be saved
    assert any(key.startswith("wordpress:") for key in window.document.article.metadata)
    post = rest.get(f"posts/{result.post_id}", context="edit")
    assert post["status"] == "draft" and "Typing goes on." not in post["content"]["raw"]
    dialog.grab().save(str(tmp_path / "publish-dialog.png"))
    dialog.close()
    rest.delete(f"posts/{result.post_id}", force="true")
    for media_id in result.media_ids.values():
        rest.delete(f"media/{media_id}", force="true")


@pytest.mark.slow
def test_publish_when_online_queues_and_retry_sends_it(
    wordpress: Site, rest: RestClient, site_in_keyring, tmp_path: Path, capsys
) -> None:
    import json

    from editor.cli import main
    from editor.model.package import load_package, save_package
    from editor.publish.queue import PublishQueue
    from editor.sites import checked_site

    # A site that cannot be reached: a port nothing listens on.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    offline = f"http://127.0.0.1:{closed_port}"
    site_in_keyring.add(checked_site("away", offline, wordpress.user), wordpress.password)
    article, media = two_photo_story()
    path = tmp_path / "caravan.article"
    save_package(path, article, media)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["publish", str(path), "--site", "away"]) == 1  # not asked to queue: an error
    assert main(["publish", str(path), "--site", "away", "--when-online", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["queued"] is True
    assert path.read_bytes() == before
    [entry] = PublishQueue().entries()
    assert entry.site == "away" and "refused" in entry.last_error

    assert main(["publish", "--retry-queued"]) == 1  # still offline: stays queued
    assert PublishQueue().entries()[0].attempts == 1
    # Back online: the site's address now answers.
    site_in_keyring.add(checked_site("away", wordpress.url, wordpress.user), wordpress.password)
    capsys.readouterr()
    assert main(["publish", "--retry-queued", "--json"]) == 0
    [outcome] = json.loads(capsys.readouterr().out)
    assert outcome["published"] and PublishQueue().entries() == []
    remembered = [
        json.loads(value)
        for key, value in load_package(path).article.metadata.items()
        if key.startswith("wordpress:")
    ]
    post_id = remembered[0]["post_id"]
    assert rest.get(f"posts/{post_id}", context="edit")["status"] == "draft"
    rest.delete(f"posts/{post_id}", force="true")
    for photo in remembered[0].get("photos", {}).values():
        rest.delete(f"media/{photo['media_id']}", force="true")


@pytest.mark.slow
def test_window_queues_an_unreachable_publish_and_sends_it_when_online(
    qtbot, window, wordpress: Site, rest: RestClient, site_in_keyring, tmp_path: Path
) -> None:
    from editor.model.package import save_package
    from editor.publish.queue import PublishQueue
    from editor.sites import checked_site

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    away = checked_site("away", f"http://127.0.0.1:{closed_port}", wordpress.user)
    site_in_keyring.add(away, wordpress.password)
    path = tmp_path / "caravan.article"
    save_package(path, *two_photo_story())
    assert window.open_path(path)
    assert not window.retry_queued_publish()  # nothing queued: nothing happens
    dialog = window.show_publish()
    dialog.select("away", "draft")
    with qtbot.waitSignal(dialog.outOfReach, timeout=30_000):
        dialog.publish_button.click()
    assert dialog.queue_button.isVisible() and "refused" in dialog.message.text()
    dialog.queue_button.click()
    [entry] = PublishQueue().entries()
    assert entry.article == str(path.absolute()) and entry.site == "away"

    # The site answers again: the window's minute timer sends the story.
    site_in_keyring.add(checked_site("away", wordpress.url, wordpress.user), wordpress.password)
    with qtbot.waitSignal(dialog.published, timeout=60_000) as outcome:
        assert window.retry_queued_publish()
    assert PublishQueue().entries() == []
    result = outcome.args[0]
    assert "Published:" in window.statusBar().currentMessage()
    rest.delete(f"posts/{result.post_id}", force="true")
    for media_id in result.media_ids.values():
        rest.delete(f"media/{media_id}", force="true")
    window.document.new()


@pytest.mark.slow
def test_an_answer_lost_after_the_post_was_made_leaves_no_second_copy(
    wordpress: Site, rest: RestClient, monkeypatch
) -> None:
    article, media = two_photo_story()
    article.url_slug = "caravan-lost-answer"
    original = RestClient.post
    lost = []

    def post_then_lose_the_answer(self, route, payload, **query):
        answer = original(self, route, payload, **query)
        if route == "posts" and not lost:
            lost.append(answer["id"])  # the site made the post; its answer never arrives
            raise PublishError("the connection was dropped half-way; try again", temporary=True)
        return answer

    monkeypatch.setattr(RestClient, "post", post_then_lose_the_answer)
    result = publish(article, media, wordpress, "draft")
    monkeypatch.setattr(RestClient, "post", original)
    assert lost and result.post_id == lost[0]  # the post found, not made twice
    same_slug = rest.get("posts", slug=article.url_slug, status="draft", context="edit")
    assert [post["id"] for post in same_slug] == [result.post_id]
    rest.delete(f"posts/{result.post_id}", force="true")
    for media_id in result.media_ids.values():
        rest.delete(f"media/{media_id}", force="true")
