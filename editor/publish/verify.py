"""Is the post a story remembers still the story's? Asked of the site before anything is updated.

What a story remembers of its post (``metadata["wordpress:<site>"]``: the post id, its media
items) comes from a file anyone can write, so it is a candidate, never a fact. Each post
Dateline makes starts with a marker naming the story's id, an empty block of Dateline's own:
``<!-- wp:dateline/story {"story":"<uuid>"} /-->``. WordPress keeps it in the post's raw content
(only those who may edit the post can read it: ``context=edit``) and renders it as nothing, so
readers never see it; the block editor keeps a block it does not know as it is. Post meta would
be the natural place, but the REST API drops meta keys no plugin registered, and the GUID cannot
be written. A post is the story's when the site answers it with the same id, as a post, its
link on the site's own host, and the marker of this story in its content.

A media item is the story's when the verified post uses it (its block markup or its featured
image names the id) and the site confirms it, serving it from its own host; its address is
then taken from the site's answer, never from the file. Anything else is left alone: a new post
is made and the photos uploaded afresh, and the reporter is told. No Qt.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from editor.model.article import Article, story_uuid
from editor.publish.rest import PublishError, RestClient, Site, positive_id

STATE_PREFIX = "wordpress:"
MARKER_BLOCK = "dateline/story"
# The site says "no such item" (404), "gone" (410), or "not yours to edit" (401/403 with
# context=edit): the remembered item is not one to update. Any other failure (a timeout, a
# site down) stops the publish, so that a site briefly out of reach never costs a duplicate.
_NOT_THE_STORYS = (401, 403, 404, 410)
_MEDIA_ID_RE = re.compile(r'"id":(\d{1,19})\b|\bwp-image-(\d{1,19})\b')


def state_key(site: Site) -> str:
    return STATE_PREFIX + site.base_url


def remembered(article: Article, site: Site) -> dict[str, Any]:
    """What the article remembers of its post on ``site`` (empty if nothing, or unreadable)."""
    try:
        state = json.loads(article.metadata.get(state_key(site), "") or "{}")
    except (ValueError, RecursionError):
        return {}
    return state if isinstance(state, dict) else {}


def story_marker(article: Article) -> str:
    """The block that names the story in its post (see the module's doc)."""
    return f'<!-- wp:{MARKER_BLOCK} {{"story":"{story_uuid(article)}"}} /-->'


def on_site_host(url: object, site: Site) -> bool:
    """``url`` is an http(s) address on the site's own host and port."""
    if not isinstance(url, str):
        return False
    try:
        parts, own = urllib.parse.urlsplit(url), urllib.parse.urlsplit(site.base_url)
        port, own_port = parts.port, own.port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    defaults = {"http": 80, "https": 443}
    return parts.hostname == own.hostname and (port or defaults[parts.scheme]) == (
        own_port or defaults.get(own.scheme)
    )


def raw_text(item: dict[str, Any], name: str) -> str:
    """A post's raw field (``title``, ``content``...) as WordPress answers with context=edit."""
    value = item.get(name)
    if isinstance(value, dict):
        value = value.get("raw")
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class VerifiedPost:
    """A post the site confirmed as the story's."""

    post_id: int
    link: str
    title: str  # its current title on the site, raw
    media_ids: frozenset[int]  # the media items it uses (images and featured image)


def verify_post(
    client: RestClient, article: Article, post_id: object
) -> tuple[VerifiedPost | None, str]:
    """The post ``post_id`` if the site shows it is ``article``'s, else None and why not.
    Raises PublishError when the site cannot be asked (out of reach, a wrong password)."""
    wanted = positive_id(post_id)
    if wanted is None:
        return None, "not a post id"
    try:
        post = client.get(f"posts/{wanted}", context="edit")
    except PublishError as error:
        if error.status in (404, 410) and not error.temporary:
            return None, "it was deleted on the site"
        if error.status in _NOT_THE_STORYS and not error.temporary:
            return None, "the site has no such post the user may edit"
        raise
    if not isinstance(post, dict) or post.get("id") != wanted:
        return None, "the site answered another item"
    if post.get("type", "post") != "post":
        return None, "it is not a post"
    if post.get("status") == "trash":
        return None, "it is in the site's trash"
    link = post.get("link")
    if not on_site_host(link, client.site):
        return None, "its address is not on the site"
    content = raw_text(post, "content")
    if story_marker(article) not in content:
        return None, "it is not this story's"
    used = {int(a or b) for a, b in _MEDIA_ID_RE.findall(content)}
    featured = positive_id(post.get("featured_media"))
    if featured is not None:
        used.add(featured)
    assert isinstance(link, str)
    return VerifiedPost(wanted, link, raw_text(post, "title"), frozenset(used)), ""


def verify_media(client: RestClient, post: VerifiedPost, media_id: object) -> dict[str, Any] | None:
    """The media item ``media_id`` as the site answers it, if ``post`` uses it and the site
    serves it from its own host; else None. Raises PublishError as ``verify_post``."""
    wanted = positive_id(media_id)
    if wanted is None or wanted not in post.media_ids:
        return None
    try:
        item = client.get(f"media/{wanted}", context="edit")
    except PublishError as error:
        if error.status in _NOT_THE_STORYS and not error.temporary:
            return None
        raise
    if not isinstance(item, dict) or item.get("id") != wanted:
        return None
    return item if on_site_host(item.get("source_url"), client.site) else None
