"""An article mapped to a WordPress post's fields: one mapping for the WXR export
(``editor.export.wordpress``) and the REST publisher (``editor.publish.wordpress``).

Title, excerpt, slug, the section's category, the tags, the block content, the featured image
(the lead photo) and each photo's media texts are decided here once, so a story imported from
the WXR file and the same story published over REST read the same on the site. Each caller then
writes the fields in its own form (WXR items and terms, or REST objects and term ids).
"""

from __future__ import annotations

import html
import unicodedata
import urllib.parse
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from editor.export.body_tree import rendered_body
from editor.export.gutenberg import BlockPhoto, body_blocks, post_content
from editor.model.article import Article, ImageRef
from editor.model.dateline import dateline_text
from editor.render.markdown import shared_renderer


def plain(value: str) -> str:
    """A plain-text field for WordPress, which prints titles, excerpts and captions as HTML:
    escaped, so no typed text becomes markup."""
    return html.escape(value.strip(), quote=False)


def term_slug(name: str) -> str:
    """A slug as WordPress makes one: accents dropped, lower case, words joined by hyphens;
    other scripts kept, percent-encoded (WordPress stores them so)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = "".join(c if c.isalnum() else " " for c in folded.lower()).split()
    if words:
        return "-".join(words)
    kept = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())
    return urllib.parse.quote(kept, safe="-").lower()


def post_title(article: Article) -> str:
    return plain(article.headline)


def post_excerpt(article: Article) -> str:
    """The dek, which WordPress shows under the title in lists and shares."""
    return plain(article.dek)


def post_slug(article: Article) -> str:
    """The URL slug ("" when the article has none: WordPress then makes one from the title)."""
    return term_slug(article.url_slug)


def post_category(article: Article) -> str:
    """The section, the post's one category ("" for the site's default category)."""
    return article.section.strip()


def post_tags(article: Article) -> list[str]:
    """The tags, trimmed, without empty ones or two with the same slug (WordPress's key)."""
    tags: list[str] = []
    seen: set[str] = set()
    for tag in (t.strip() for t in article.tags):
        slug = term_slug(tag)
        if tag and slug and slug not in seen:
            seen.add(slug)
            tags.append(tag)
    return tags


def featured_photo(photos: Sequence[ImageRef]) -> ImageRef | None:
    """The post's featured image among the published ``photos``: the lead photo, if any."""
    return next((image for image in photos if image.featured), None)


def photo_caption(image: ImageRef) -> str:
    """A photo's caption as WordPress shows it: the caption, then the credit."""
    return " — ".join(v for v in (image.caption.strip(), image.credit.strip()) if v)


def photo_description(image: ImageRef) -> str:
    """A media item's description: the credit and the copyright notice, a line each."""
    return "\n".join(v for v in (image.credit.strip(), image.copyright.strip()) if v)


def post_blocks(article: Article, photos: dict[str, BlockPhoto]) -> str:
    """The post content as block markup, each published photo's image block pointing at the
    media item given by its photo id (the export's own ids, or those a site gave on upload).
    The dateline runs into the first paragraph and the desk codes close the post."""
    body = rendered_body(article, shared_renderer(), lambda image: photos[image.id].url).root
    _run_dateline_in(body, dateline_text(article.dateline))
    if article.sign_off.strip():
        ET.SubElement(body, "p").text = article.sign_off.strip()
    return post_content(body_blocks(body, photos.get))


def _run_dateline_in(body: ET.Element, dateline: str) -> None:
    """Start the first paragraph with the dateline, as agency copy does."""
    if not dateline:
        return
    first = next((child for child in body if child.tag == "p"), None)
    if first is None:
        paragraph = ET.Element("p")
        paragraph.text = dateline
        body.insert(0, paragraph)
    else:
        first.text = f"{dateline} {first.text or ''}"
