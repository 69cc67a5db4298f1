"""The ``wordpress`` format: the story as a WordPress draft post, in a folder or a zip.

* ``wordpress.xml``: a WXR 1.2 file for Tools > Import > WordPress: the post (title, block
  content, the dek as its excerpt, the first byline name as author, the section as category,
  the tags), and each published photo as a media item attached to it, the lead photo as the
  post's featured image.
* ``post.html``: the same block markup alone, to paste into the block editor's code view.
* ``photos/SLUG-ID.jpg``: one large rendition of each photo (2,048 pixels wide at most, cropped,
  captioned and credited, no location or camera data); WordPress makes its own sizes from it.

The post is a **draft**: a story goes live when the desk has read it on the site and presses
Publish, never as a side effect of an import (which would also put it in feeds and newsletters
at once).

The importer downloads each media item from its ``wp:attachment_url``; it cannot read files
next to the WXR. So the photos must be at a web address it can fetch: give the address of the
``photos`` folder's parent as ``media_base_url`` (e.g. after copying the export to the
newsroom's file server) and every attachment URL and image block points there. Without one,
the URLs are the bundle's relative file names: the post imports with its text, terms and
captions, the importer reports each photo as failed to download, and the desk uploads the files
from ``photos/`` by hand. Image blocks carry the media item ids this file gives (the importer
keeps an id when the site has not used it, else their images need choosing again); the ids are
derived from the article so exporting again gives the same file.

The dateline runs into the first paragraph and the desk codes close the post, as the agency
prints them on its own site. What the post's fields hold is ``editor.export.wordpress_post``,
shared with the REST publisher.
"""

from __future__ import annotations

import hashlib
import urllib.parse
import uuid
from dataclasses import dataclass

from editor.export.base import ExportError, ExportOptions
from editor.export.bundle import BundleExporter, safe_file_stem
from editor.export.gutenberg import BlockPhoto
from editor.export.photo_copies import make_photo_copies, published_photos, widest_jpeg
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
from editor.export.wxr import Author, Channel, Item, Term, wxr_document
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef, story_uuid
from editor.model.media_store import MediaStore
from editor.render.page import html_language

POST_NAME = "post.html"
WXR_NAME = "wordpress.xml"
PHOTO_FOLDER = "photos"
# WordPress's own "large" limit for uploads is 2,560 pixels; 2,048 is our largest rendition.
UPLOAD_WIDTH = 2048
POST_STATUS = "draft"
USER_LOGIN_MAX = 60  # WordPress's limit on a user name
# Ids live in a range far above a typical site's, so the importer can usually keep them.
_ID_BASE = 10_000_000
_IDS_PER_ARTICLE = 1_000


def author_login(name: str) -> str:
    """A WordPress user name for a byline name (what the importer offers to create or map)."""
    return term_slug(name)[:USER_LOGIN_MAX].strip("-") or "reporter"


@dataclass(frozen=True)
class PostIds:
    """Deterministic ids: the post, then one per photo in order."""

    post: int
    guid: str

    @classmethod
    def of(cls, article: Article) -> PostIds:
        key = f"urn:uuid:{story_uuid(article)}"  # the story's own id: stable across edits
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        slot = int.from_bytes(digest[:8], "big") % 90_000
        return cls(
            _ID_BASE + slot * _IDS_PER_ARTICLE, f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"
        )

    def attachment(self, number: int) -> int:
        return self.post + number


@dataclass(frozen=True)
class UploadedPhoto:
    image: ImageRef
    attachment_id: int
    file_name: str  # inside the bundle
    url: str  # the attachment URL
    rendition: Rendition

    @property
    def caption(self) -> str:
        return photo_caption(self.image)

    def block_photo(self) -> BlockPhoto:
        return BlockPhoto(self.attachment_id, self.url, self.image.alt.strip(), self.caption)


class WordPressExporter(BundleExporter):
    name = "wordpress"
    description = "WordPress: a draft post as blocks, WXR import file and photos (or .zip)"

    def __init__(self, media_base_url: str = "") -> None:
        self.media_base_url = _checked_base_url(media_base_url)

    # --- photos ------------------------------------------------------------------------------

    def _uploads(
        self, article: Article, media: MediaStore, ids: PostIds, options: ExportOptions
    ) -> list[UploadedPhoto]:
        copies = make_photo_copies(article, media, (UPLOAD_WIDTH,), options)
        uploads = []
        for number, image in enumerate(published_photos(article), start=1):
            best = widest_jpeg(copies, image.id)
            if best is None:
                raise ExportError(f"photo {image.id}: no web copy could be made of it")
            file_name = f"{PHOTO_FOLDER}/{upload_file_stem(article, image)}.{best.extension}"
            url = self.media_base_url + file_name
            uploads.append(UploadedPhoto(image, ids.attachment(number), file_name, url, best))
        return uploads

    # --- the post ----------------------------------------------------------------------------

    def blocks(self, article: Article, uploads: list[UploadedPhoto]) -> str:
        """The post content as block markup, each photo's image block pointing at its upload."""
        return post_blocks(article, {u.image.id: u.block_photo() for u in uploads})

    def files(
        self, article: Article, media: MediaStore, options: ExportOptions | None = None
    ) -> dict[str, bytes]:
        """Every file of the bundle by its relative path, without writing any."""
        options = options or ExportOptions()
        base = _checked_base_url(options.media_base_url)
        if base and base != self.media_base_url:  # asked for this export only
            with_base = WordPressExporter(base)
            return with_base.files(article, media, options)
        ids = PostIds.of(article)
        uploads = self._uploads(article, media, ids, options)
        content = self.blocks(article, uploads)
        channel = self.channel(article, ids, content, uploads)
        files = {
            POST_NAME: content.encode("utf-8"),
            WXR_NAME: wxr_document(channel).encode("utf-8"),
        }
        files.update((upload.file_name, upload.rendition.data) for upload in uploads)
        return files

    def channel(
        self, article: Article, ids: PostIds, content: str, uploads: list[UploadedPhoto]
    ) -> Channel:
        names = [name.strip() for name in article.byline if name.strip()]
        authors = tuple(
            Author(number, author_login(name), plain(name))
            for number, name in enumerate(names[:1], start=1)
        )
        terms: list[Term] = []
        section = post_category(article)
        if section:
            terms.append(Term(1, "category", term_slug(section), plain(section)))
        for tag in post_tags(article):
            terms.append(Term(len(terms) + 1, "post_tag", term_slug(tag), plain(tag)))
        creator = authors[0].login if authors else ""
        lead = featured_photo([upload.image for upload in uploads])
        featured = next((u for u in uploads if u.image is lead), None)
        post = Item(
            post_id=ids.post,
            post_type="post",
            title=post_title(article),
            slug=post_slug(article),
            status=POST_STATUS,
            date=article.created,
            guid=ids.guid,
            content=content,
            excerpt=post_excerpt(article),
            creator=creator,
            terms=tuple(terms),
            postmeta=(("_thumbnail_id", str(featured.attachment_id)),) if featured else (),
        )
        attachments = tuple(_attachment(upload, ids, article, creator) for upload in uploads)
        return Channel(
            title=plain(article.headline),
            language=html_language(article.language),
            date=article.modified,
            base_url=self.media_base_url,
            authors=authors,
            terms=tuple(terms),
            items=(post, *attachments),
        )


def upload_file_stem(article: Article, image: ImageRef) -> str:
    """The file name (without extension) a photo's web copy is given: slug and photo id."""
    stem = f"{article.url_slug.strip()}-{image.id}" if article.url_slug.strip() else image.id
    return safe_file_stem(stem)


def _checked_base_url(address: str) -> str:
    """``address`` ending in one ``/``; ExportError unless it is an http(s) address."""
    base = address.strip()
    if base and urllib.parse.urlsplit(base).scheme not in ("http", "https"):
        raise ExportError("the address for photos must start with http:// or https://")
    return base.rstrip("/") + "/" if base else ""


def _attachment(upload: UploadedPhoto, ids: PostIds, article: Article, creator: str) -> Item:
    stem = upload.file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    image = upload.image
    return Item(
        post_id=upload.attachment_id,
        post_type="attachment",
        title=stem,
        slug=stem,
        status="inherit",
        date=article.created,
        guid=upload.url,
        content=plain(photo_description(image)),
        excerpt=plain(upload.caption),
        creator=creator,
        parent=ids.post,
        attachment_url=upload.url,
        postmeta=(("_wp_attachment_image_alt", plain(image.alt)),),
    )
