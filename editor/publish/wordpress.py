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
Nothing here loads Qt.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from editor.export.base import ExportError
from editor.export.gutenberg import BlockPhoto
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
from editor.media.renditions import Rendition, make_all_renditions
from editor.model.article import Article, ImageRef
from editor.model.media_store import MediaStore
from editor.publish.rest import PublishCancelled, PublishError, RestClient, Site

logger = logging.getLogger(__name__)

STATE_PREFIX = "wordpress:"
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

    def apply_to(self, article: Article) -> None:
        """Remember the post in the article (call only after a publish succeeded)."""
        article.metadata[self.state_key] = self.state


def state_key(site: Site) -> str:
    return STATE_PREFIX + site.base_url


def remembered(article: Article, site: Site) -> dict[str, Any]:
    """What the article remembers of its post on ``site`` (empty if nothing, or unreadable)."""
    try:
        state = json.loads(article.metadata.get(state_key(site), "") or "{}")
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


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
        if not isinstance(item, dict) or not isinstance(item.get("id"), int):
            raise PublishError(f"photo {image.id}: the site did not say which media item it made")
        self.new_media.append(item["id"])
        return item

    def undo(self) -> str:
        """Delete the media items this run uploaded; a note if some could not be."""
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
        copies = make_all_renditions(
            jobs,
            parallel=sum(len(job.data) for job in jobs) >= PARALLEL_MIN_BYTES,
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
            term_id = found[0]["id"]
        else:
            try:
                term_id = client.post(route, {"name": plain(name), "slug": slug})["id"]
            except PublishError as error:
                if error.code != "term_exists":
                    raise
                # Made meanwhile, or the same name under another slug: take the site's term.
                found = client.get(route, search=name, context="edit")
                if not found:
                    raise
                term_id = found[0]["id"]
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
) -> PublishResult:
    """Send ``article`` to ``site`` as a post with its photos; PublishError (one line) if not.

    ``progress(done, total)`` counts the photos sent; ``cancelled()`` is polled between
    requests. The article is not changed: apply the result to it (``apply_to``).
    """
    if status not in STATUSES:
        raise PublishError(f"unknown post status {status!r}; use one of {', '.join(STATUSES)}")
    if not article.headline.strip():
        raise PublishError("the story has no headline")
    client = RestClient(site) if timeout is None else RestClient(site, timeout)
    run = _Run(client, progress, cancelled)
    run.check()
    try:
        return _publish(article, media, site, status, run)
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


def _create_post(client: RestClient, post: dict[str, Any]) -> dict[str, Any]:
    """Create the post. If the answer is lost (a timeout, a dropped connection), the site may
    have made the post all the same: look for the one just sent (same slug, title and content)
    before anyone tries again, so a retry never leaves a second copy of the story."""
    try:
        return client.post("posts", post)
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
    for candidate in client.get("posts", **query) or []:
        title = (candidate.get("title") or {}).get("raw")
        content = (candidate.get("content") or {}).get("raw")
        if title == post["title"] and content == post["content"]:
            return candidate
    return None


def _publish(
    article: Article, media: MediaStore, site: Site, status: str, run: _Run
) -> PublishResult:
    client = run.client
    state = remembered(article, site)
    known: dict[str, dict[str, Any]] = {
        photo_id: entry
        for photo_id, entry in (state.get("media") or {}).items()
        if isinstance(entry, dict) and isinstance(entry.get("id"), int)
    }
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
                item = client.post(f"media/{media_id}", texts)
            except PublishError as error:
                if item is not None or error.status != 404:
                    raise
                # The remembered media item was deleted on the site: upload the photo afresh.
                rendition = _renditions([image], media, run)[image.id]
                item = run.upload(article, image, rendition)
                uploaded.append(image.id)
                item = client.post(f"media/{item['id']}", texts)
            if image.id not in uploaded:
                retexted.append(image.id)
            entry = {
                "id": item["id"],
                "url": item.get("source_url") or "",
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
        "content": post_blocks(article, photos),
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
    post_id = state.get("post_id") if isinstance(state.get("post_id"), int) else None
    link = str(state.get("link") or "")
    created = False
    sent = True
    if post_id is not None and state.get("content_hash") == content_hash and not uploaded:
        sent = False  # the post on the site is already this one
    elif post_id is not None:
        try:
            answer = client.post(f"posts/{post_id}", post)
        except PublishError as error:
            if error.status != 404:
                raise
            answer = None  # deleted on the site since: make it again
        if answer is None:
            answer = _create_post(client, post)
            created = True
        post_id, link = answer["id"], answer.get("link") or link
    else:
        answer = _create_post(client, post)
        post_id, link, created = answer["id"], answer.get("link") or "", True

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
    )
