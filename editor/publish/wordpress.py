"""Publish a story to a WordPress site over its REST API, and send corrections to the same post.

Order of work, so that a failure leaves as little as possible behind:

1. each published photo's web copy (the ``wordpress`` exporter's 2,048-pixel JPEG rendition,
   captioned and credited in IPTC, no location or camera data) is uploaded as a media item, its
   raw bytes named by ``Content-Disposition``; a second request sets its alt text, caption (with
   the credit) and description, which WordPress does not take with the upload;
2. the tags and the section's category are found by slug, or created;
3. the post is created (or updated) last, with the exporter's block markup pointing at the media
   items' real ids and addresses, the lead photo as featured image, the dek as excerpt, the URL
   slug and the status (a draft unless asked).

If a step fails or is cancelled, the media items uploaded by this run are deleted again (best
effort; the message says when that failed too), and the article is not touched: ``publish``
only returns what the article should remember (``PublishResult.apply_to``), under the metadata
key ``wordpress:<site address>``: the post id and link, each photo's media id and address, and
hashes of what was sent. Publishing again updates the same post, re-uploads only photos whose
picture changed (file or crop), and updates in place the media items whose words changed.

What the article remembers is verified on the site first (``editor.publish.verify``): a post
that is not the story's, or a media item the site does not confirm, is left alone, and a new
post (or upload) is made instead, said in ``PublishResult.notes``. A publish that succeeds is
also recorded on this computer (``editor.publish.ledger``), so a story whose save failed
afterwards still updates its post next time. Every answer is checked for the shape WordPress
gives it; anything else is a one-line PublishError. Nothing here loads Qt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from editor.export.base import ExportError
from editor.export.gutenberg import BlockPhoto
from editor.export.missing_photos import MissingPhotosError, checked_for_export
from editor.export.photo_copies import (
    PARALLEL_MIN_BYTES,
    published_photos,
    rendition_jobs,
    widest_jpeg,
)
from editor.export.wordpress import UPLOAD_WIDTH, upload_file_stem
from editor.export.wordpress_post import (
    featured_photo,
    photo_caption,
    photo_description,
    plain,
    post_blocks,
    post_category,
    post_excerpt,
    post_slug,
    post_tags,
    post_title,
    term_slug,
)
from editor.media.errors import MediaError
from editor.media.rendition_store import RenditionStore, stored_renditions
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef, story_uuid
from editor.model.media_store import MediaStore
from editor.publish import ledger
from editor.publish.rest import PublishCancelled, PublishError, RestClient, Site, positive_id
from editor.publish.verify import (
    STATE_PREFIX,
    VerifiedPost,
    on_site_host,
    raw_text,
    remembered,
    state_key,
    story_marker,
    verify_media,
    verify_post,
)

__all__ = [
    "STATE_PREFIX",
    "PublishResult",
    "planned_post",
    "publish",
    "remembered",
    "state_key",
]

logger = logging.getLogger(__name__)

STATE_VERSION = 1
STATUSES = ("draft", "publish", "pending", "private")

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class PublishResult:
    """What a publish did, and what the article should remember of it (``apply_to``)."""

    post_id: int
    link: str
    media_ids: dict[str, int]  # photo id -> media item id
    state_key: str = ""
    state: str = ""  # JSON, the value for ``article.metadata[state_key]``
    created: bool = False  # a new post (else the remembered one was updated)
    uploaded: tuple[str, ...] = ()  # photo ids uploaded by this run
    retexted: tuple[str, ...] = ()  # photo ids whose media item's words were updated
    post_sent: bool = True  # False when the post was already as it is

    @property
    def up_to_date(self) -> bool:
        """Nothing was sent: the post and its photos on the site were already the story's."""
        return not (self.created or self.post_sent or self.uploaded or self.retexted)

    # What the reporter should know: a remembered post or media item the site did not confirm
    # (and what was made instead), a record that could not be kept. One line each.
    notes: tuple[str, ...] = ()
    recorded: bool = True  # False when this computer could not keep a record of the post

    def apply_to(self, article: Article) -> None:
        """Remember the post in the article (call only after a publish succeeded)."""
        article.metadata[self.state_key] = self.state


def _item(client: RestClient, answer: object, what: str) -> dict[str, Any]:
    """``answer`` if it is a WordPress item (an object with an id), else a one-line error."""
    if isinstance(answer, dict) and positive_id(answer.get("id")) is not None:
        return answer
    raise PublishError(
        f"{client.site.base_url} did not answer as WordPress does ({what} without an id): "
        "is this the site's address?"
    )


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def picture_key(image: ImageRef) -> str:
    """What the uploaded picture depends on: the original file (its path is its hash), the crop
    and the size; not the words, which are updated in place."""
    crop = None
    if image.crop is not None:
        crop = [image.crop.left, image.crop.top, image.crop.right, image.crop.bottom]
    return _digest(["JPEG", UPLOAD_WIDTH, image.media_path, crop])


def media_texts(article: Article, image: ImageRef) -> dict[str, str]:
    return {
        "title": upload_file_stem(article, image),
        "alt_text": image.alt.strip(),
        "caption": plain(photo_caption(image)),
        "description": plain(photo_description(image)),
    }


class _Run:
    """One publish: the client, what was uploaded so far (to undo on failure)."""

    def __init__(self, client: RestClient, progress: Progress | None, cancelled: Cancelled | None):
        self.client = client
        self.progress = progress
        self.cancelled = cancelled
        self.new_media: list[int] = []

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise PublishCancelled("publishing cancelled")

    def upload(self, article: Article, image: ImageRef, rendition: Rendition) -> dict[str, Any]:
        name = f"{upload_file_stem(article, image)}.{rendition.extension}"
        item = self.client.upload("media", rendition.data, name, rendition.mime)
        if not isinstance(item, dict) or positive_id(item.get("id")) is None:
            raise PublishError(f"photo {image.id}: the site did not say which media item it made")
        self.new_media.append(item["id"])
        return item

    def undo(self) -> str:
        """Delete the media items this run uploaded; a note if some could not be."""
        self.client.cancelled = None  # a cancelled publish still takes its uploads back
        left = []
        for media_id in self.new_media:
            try:
                self.client.delete(f"media/{media_id}", force="true")
            except PublishError as error:
                logger.warning("media item %s could not be taken back: %s", media_id, error)
                left.append(str(media_id))
        return f" (media items {', '.join(left)} were left on the site)" if left else ""


def _renditions(images: list[ImageRef], media: MediaStore, run: _Run) -> dict[str, Rendition]:
    """The largest JPEG web copy of each of ``images`` (the exporter's), by photo id."""
    if not images:
        return {}
    try:
        jobs = rendition_jobs(images, media, (UPLOAD_WIDTH,))
        copies = stored_renditions(
            jobs,
            RenditionStore.for_user(),
            parallel_min_bytes=PARALLEL_MIN_BYTES,
            cancelled=run.cancelled,
        )
    except (ExportError, MediaError) as error:
        raise PublishError(str(error)) from error
    run.check()
    best = {}
    for image in images:
        widest = widest_jpeg(copies, image.id)
        if widest is None:
            raise PublishError(f"photo {image.id}: no web copy could be made of it")
        best[image.id] = widest
    return best


def _term_ids(client: RestClient, route: str, names: list[str]) -> list[int]:
    """Ids of the terms (``tags`` or ``categories``) named, each created when missing. The names
    come trimmed and non-empty (``post_tags``, ``post_category``)."""
    ids: list[int] = []
    for name in names:
        slug = term_slug(name)
        if not slug:  # a section of punctuation alone: nothing WordPress could key it by
            continue
        found = client.get(route, slug=slug, context="edit")
        if isinstance(found, list) and found:
            term_id = _item(client, found[0], "a term")["id"]
        else:
            try:
                made = client.post(route, {"name": plain(name), "slug": slug})
                term_id = _item(client, made, "a term")["id"]
            except PublishError as error:
                if error.code != "term_exists":
                    raise
                # Made meanwhile, or the same name under another slug: take the site's term.
                found = client.get(route, search=name, context="edit")
                if not isinstance(found, list) or not found:
                    raise
                term_id = _item(client, found[0], "a term")["id"]
        if term_id not in ids:
            ids.append(term_id)
    return ids


def publish(
    article: Article,
    media: MediaStore,
    site: Site,
    status: str = "draft",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    timeout: float | None = None,
    without_missing_photos: bool = False,
) -> PublishResult:
    """Send ``article`` to ``site`` as a post with its photos; PublishError (one line) if not.

    A story whose photos have no file is refused, unless ``without_missing_photos``: then it is
    sent without them (``editor.export.missing_photos``), its lead photo included.

    ``progress(done, total)`` counts the photos sent; ``cancelled()`` is polled between
    requests and during each (a True ends the request under way). The article is not changed:
    apply the result to it (``apply_to``); the publish is recorded on this computer.
    """
    if status not in STATUSES:
        raise PublishError(f"unknown post status {status!r}; use one of {', '.join(STATUSES)}")
    if not article.headline.strip():
        raise PublishError("the story has no headline")
    try:
        sent = checked_for_export(
            article, without_missing_photos=without_missing_photos, verb="publish"
        )
    except MissingPhotosError as error:
        raise PublishError(str(error)) from None
    client = RestClient(site, cancelled=cancelled)
    if timeout is not None:
        client.timeout = timeout
    run = _Run(client, progress, cancelled)
    run.check()
    try:
        result = _publish(sent, media, site, status, run)
    except PublishCancelled:
        run.undo()
        raise
    except PublishError as error:
        note = run.undo()
        if not note:
            raise
        raise PublishError(
            str(error) + note, error.status, error.code, temporary=error.temporary
        ) from error
    return _recorded(article, result)


def _recorded(article: Article, result: PublishResult) -> PublishResult:
    """``result``, recorded on this computer first: if saving the story fails afterwards, the
    next publish still finds its post (see ``editor.publish.ledger``)."""
    try:
        ledger.record(str(story_uuid(article)), result.state_key, result.state)
    except OSError as error:
        logger.debug("the publish record could not be written", exc_info=True)
        note = (
            f"post {result.post_id} could not be recorded on this computer "
            f"({error.strerror or error}): save the story to keep it"
        )
        return dataclasses.replace(result, notes=(*result.notes, note), recorded=False)
    return result


def _create_post(client: RestClient, post: dict[str, Any]) -> dict[str, Any]:
    """Create the post. If the answer is lost (a timeout, a dropped connection), the site may
    have made the post all the same: look for the one just sent (same slug, title and content)
    before anyone tries again, so a retry never leaves a second copy of the story."""
    try:
        return _item(client, client.post("posts", post), "a post")
    except PublishError as error:
        if not error.temporary:
            raise
        try:
            found = _the_post_just_sent(client, post)
        except PublishError:
            logger.debug("looking for the post just sent failed", exc_info=True)
            raise error from None  # still out of reach: say what went wrong first
        if found is None:
            raise
        return found


def _the_post_just_sent(client: RestClient, post: dict[str, Any]) -> dict[str, Any] | None:
    query: dict[str, Any] = {
        "context": "edit",
        "status": "draft,pending,private,publish,future",
        "per_page": 20,
        "orderby": "date",
        "order": "desc",
    }
    if post.get("slug"):
        query["slug"] = post["slug"]
    else:
        query["search"] = post["title"]
    found = client.get("posts", **query)
    for candidate in found if isinstance(found, list) else []:
        if not isinstance(candidate, dict) or positive_id(candidate.get("id")) is None:
            continue
        title, content = raw_text(candidate, "title"), raw_text(candidate, "content")
        if title == post["title"] and content == post["content"]:
            return candidate
    return None


def _candidate_states(article: Article, site: Site) -> list[dict[str, Any]]:
    """What might name the story's post: its own memory first, then this computer's record."""
    story = remembered(article, site)
    record = ledger.recorded(str(story_uuid(article)), state_key(site))
    return [state for state in (story, record) if state]


def _shown(post_id: object) -> str:
    return f"post {post_id}" if positive_id(post_id) is not None else "the post it remembers"


def verified_state(
    client: RestClient, article: Article
) -> tuple[VerifiedPost | None, dict[str, Any], list[tuple[str, str]]]:
    """The story's post as the site confirms it, the state that named it, and the posts named
    that were refused (how each was named, why)."""
    refused: list[tuple[str, str]] = []
    asked: list[object] = []
    for state in _candidate_states(article, client.site):
        if "post_id" not in state or state["post_id"] in asked:
            continue
        asked.append(state["post_id"])
        post, why = verify_post(client, article, state["post_id"])
        if post is not None:
            return post, state, refused
        if (_shown(state["post_id"]), why) not in refused:
            refused.append((_shown(state["post_id"]), why))
    return None, {}, refused


def planned_post(
    article: Article,
    site: Site,
    cancelled: Cancelled | None = None,
    *,
    timeout: float | None = None,
) -> VerifiedPost | None:
    """The post a publish of ``article`` to ``site`` would update (None: it makes a new one).
    Asks the site (PublishError when it cannot be asked); changes nothing."""
    client = RestClient(site, cancelled=cancelled)
    if timeout is not None:
        client.timeout = timeout
    return verified_state(client, article)[0]


def _verified_media(
    client: RestClient,
    article: Article,
    post: VerifiedPost | None,
    state: dict[str, Any],
    notes: list[str],
) -> dict[str, dict[str, Any]]:
    """The remembered media items of the story's photos that the site confirms (see
    ``verify_media``), their addresses as the site gives them."""
    entries = state.get("media")
    if not isinstance(entries, dict):
        return {}
    known: dict[str, dict[str, Any]] = {}
    for image in article.photos:
        entry = entries.get(image.id)
        if not isinstance(entry, dict) or "id" not in entry:
            continue
        item = verify_media(client, post, entry["id"]) if post is not None else None
        if item is None:
            if post is not None:
                notes.append(
                    f"photo {image.id}: the media item it remembers is not one the site "
                    "confirms for this story; the photo is uploaded afresh"
                )
            continue
        known[image.id] = {
            "id": item["id"],
            "url": item["source_url"],
            "picture": entry.get("picture"),
            "texts": entry.get("texts"),
        }
    return known


def _web_address(item: dict[str, Any]) -> str:
    """A media item's address as the site just gave it: http(s) only, never a script."""
    url = item.get("source_url")
    if isinstance(url, str) and urllib.parse.urlsplit(url.strip()).scheme in ("http", "https"):
        return url.strip()
    return ""


def _publish(
    article: Article, media: MediaStore, site: Site, status: str, run: _Run
) -> PublishResult:
    client = run.client
    notes: list[str] = []
    verified, state, refused = verified_state(client, article)
    known = _verified_media(client, article, verified, state, notes)
    images = published_photos(article)
    stale = [
        image for image in images if known.get(image.id, {}).get("picture") != picture_key(image)
    ]
    renditions = _renditions(stale, media, run)

    photos: dict[str, BlockPhoto] = {}
    entries: dict[str, dict[str, Any]] = {}
    uploaded, retexted = [], []
    total = len(images)
    if run.progress is not None:
        run.progress(0, total)
    for done, image in enumerate(images, start=1):
        run.check()
        texts = media_texts(article, image)
        entry = known.get(image.id)
        item: dict[str, Any] | None = None
        if image.id in renditions or entry is None:
            item = run.upload(article, image, renditions[image.id])
            uploaded.append(image.id)
        if item is not None or entry is None or entry.get("texts") != _digest(texts):
            if item is not None:
                media_id = item["id"]
            else:
                assert entry is not None  # nothing was uploaded, so the photo was known
                media_id = entry["id"]
            try:
                item = _item(client, client.post(f"media/{media_id}", texts), "a media item")
            except PublishError as error:
                if item is not None or error.status != 404:
                    raise
                # The remembered media item was deleted on the site: upload the photo afresh.
                rendition = _renditions([image], media, run)[image.id]
                item = run.upload(article, image, rendition)
                uploaded.append(image.id)
                item = _item(client, client.post(f"media/{item['id']}", texts), "a media item")
            if image.id not in uploaded:
                retexted.append(image.id)
            entry = {
                "id": item["id"],
                "url": _web_address(item),
                "picture": picture_key(image),
                "texts": _digest(texts),
            }
        entries[image.id] = entry
        photos[image.id] = BlockPhoto(
            entry["id"], entry["url"], image.alt.strip(), photo_caption(image)
        )
        if run.progress is not None:
            run.progress(done, total)

    run.check()
    category = post_category(article)
    post: dict[str, Any] = {
        "title": post_title(article),
        # The marker first: what shows the post is this story's when it is next updated.
        "content": story_marker(article) + "\n\n" + post_blocks(article, photos),
        "excerpt": post_excerpt(article),
        "status": status,
        "tags": _term_ids(client, "tags", post_tags(article)),
        "categories": _term_ids(client, "categories", [category] if category else []),
    }
    if article.url_slug.strip():
        post["slug"] = post_slug(article)
    featured = featured_photo(images)
    post["featured_media"] = entries[featured.id]["id"] if featured else 0
    if not post["categories"]:
        del post["categories"]  # the site's default category
    content_hash = _digest(post)

    run.check()
    post_id = verified.post_id if verified is not None else None
    link = verified.link if verified is not None else ""
    created = False
    sent = True
    if post_id is not None and state.get("content_hash") == content_hash and not uploaded:
        sent = False  # the post on the site is already this one
    elif post_id is not None:
        try:
            answer: dict[str, Any] | None = _item(
                client, client.post(f"posts/{post_id}", post), "a post"
            )
        except PublishError as error:
            if error.status != 404:
                raise
            answer = None  # deleted on the site since: make it again
        if answer is None:
            answer = _create_post(client, post)
            created = True
            notes.append(
                f"post {post_id} was deleted on {site.base_url}: the story is post "
                f"{answer['id']} now"
            )
        post_id = answer["id"]
        if on_site_host(answer.get("link"), site):
            link = answer["link"]
    else:
        answer = _create_post(client, post)
        post_id, created = answer["id"], True
        link = answer["link"] if on_site_host(answer.get("link"), site) else ""
    assert post_id is not None
    if verified is not None and not created:
        named = positive_id(remembered(article, site).get("post_id"))
        if named != verified.post_id:  # found in this computer's record, not the story's file
            notes.append(
                f"post {post_id} on {site.base_url} was updated: this computer published the "
                "story there, though its file does not remember it"
            )
    for shown, why in refused:
        instead = "a new post is made" if created else f"post {post_id} is updated instead"
        notes.append(f"{shown} on {site.base_url} is left alone ({why}): {instead}")

    # Photos the story still holds keep their media items, in case they are placed again.
    holding = {image.id for image in article.photos}
    kept = {pid: entry for pid, entry in known.items() if pid in holding and pid not in entries}
    remembered_state = {
        "version": STATE_VERSION,
        "site": site.base_url,
        "post_id": post_id,
        "link": link,
        "status": status,
        "content_hash": content_hash,
        "media": {**kept, **entries},
    }
    return PublishResult(
        post_id=post_id,
        link=link,
        media_ids={pid: entry["id"] for pid, entry in entries.items()},
        state_key=state_key(site),
        state=json.dumps(remembered_state, ensure_ascii=False, sort_keys=True),
        created=created,
        uploaded=tuple(uploaded),
        retexted=tuple(retexted),
        post_sent=sent,
        notes=tuple(notes),
    )
