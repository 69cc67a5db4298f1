"""A saved news page's fields: what its schema.org JSON-LD, Open Graph and meta tags say.

News sites describe each story three ways for search engines and social networks, and saved
pages keep all three: schema.org ``NewsArticle`` JSON-LD (often inside a ``@graph`` with the
page, the site and the breadcrumbs), Open Graph / ``article:*`` properties, and plain
``<meta name=...>`` tags, then ``<title>`` and the page's ``<h1>``. JSON-LD is the most precise
(several authors, the section, keywords, the publication time with its offset), so it is read
first and the others fill what it leaves empty.

JSON-LD is someone else's text: a block too large, nested too deep, or holding the wrong types
is skipped, never a crash. Each field is cut to what a field can hold.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

# A NewsArticle's JSON-LD is a few kilobytes; a block larger than this is no description.
MAX_JSON_LD_CHARS = 1_000_000
# How deep the search for a NewsArticle goes into a block (@graph arrays, mainEntity...).
_MAX_SEARCH_DEPTH = 6
_MAX_FIELD_CHARS = 1_000
_MAX_TAGS = 50
_ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
})  # fmt: skip
_LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}")


@dataclass
class PageMeta:
    """What the page says about its story; empty strings and lists where it says nothing."""

    headline: str = ""
    dek: str = ""
    byline: list[str] = field(default_factory=list)
    published: dt.datetime | None = None  # with the offset the page gave
    language: str = ""  # the primary subtag, lower case ("en", "es")
    section: str = ""
    tags: list[str] = field(default_factory=list)
    url: str = ""  # the story's own address (canonical, og:url or the JSON-LD's)
    image: str = ""  # the address of the story's lead picture


def read_page_meta(tree: LexborHTMLParser) -> PageMeta:
    """The story's fields from the page's head: JSON-LD first, then Open Graph and meta tags,
    then ``<title>`` and the first ``<h1>``."""
    meta = PageMeta()
    article = _json_ld_article(tree)
    if article is not None:
        _fill_from_json_ld(meta, article)
    _fill_from_meta_tags(meta, tree)
    if not meta.headline:
        heading = tree.css_first("h1")
        title = tree.css_first("title")
        meta.headline = _clean(heading.text() if heading is not None else "") or _clean(
            title.text() if title is not None else ""
        )
    if not meta.language:
        root = tree.css_first("html")
        meta.language = _language(root.attributes.get("lang") if root is not None else None)
    return meta


# --- JSON-LD ----------------------------------------------------------------------------------


def _json_ld_article(tree: LexborHTMLParser) -> dict[str, Any] | None:
    """The first NewsArticle (or kin) among the page's JSON-LD blocks, else None."""
    for script in tree.css('script[type="application/ld+json"]'):
        text = script.text(deep=True)
        if not text or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # broken, or nested deeper than json can go
            continue
        found = _find_article(data, 0)
        if found is not None:
            return found
    return None


def _find_article(data: Any, depth: int) -> dict[str, Any] | None:
    if depth > _MAX_SEARCH_DEPTH:
        return None
    if isinstance(data, list):
        for item in data[:200]:
            found = _find_article(item, depth + 1)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    types = data.get("@type")
    names = types if isinstance(types, list) else [types]
    if any(isinstance(name, str) and name.lower() in _ARTICLE_TYPES for name in names):
        return data
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        found = _find_article(data.get(key), depth + 1)
        if found is not None:
            return found
    return None


def _fill_from_json_ld(meta: PageMeta, article: dict[str, Any]) -> None:
    meta.headline = _text(article.get("headline")) or _text(article.get("name"))
    meta.dek = _text(article.get("description"))
    meta.byline = _names(article.get("author"))
    meta.published = _timestamp(_text(article.get("datePublished")))
    meta.language = _language(_text(article.get("inLanguage")))
    sections = _text_list(article.get("articleSection"))
    meta.section = sections[0] if sections else ""
    meta.tags = _text_list(article.get("keywords"), split=True)
    meta.url = _text(article.get("url")) or _text(article.get("@id")).split("#")[0]
    meta.image = _image_address(article.get("image"))


def _text(value: Any) -> str:
    """A JSON-LD value as one line of text: strings and numbers only."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return _clean(str(value))


def _text_list(value: Any, *, split: bool = False) -> list[str]:
    """Strings from a string or a list of them; ``split`` a comma-separated string."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items[:_MAX_TAGS]:
        text = _text(item)
        parts = text.split(",") if split else [text]
        found.extend(part.strip() for part in parts if part.strip())
    return list(dict.fromkeys(found))[:_MAX_TAGS]


def _names(value: Any) -> list[str]:
    """Authors as a Person object, a list of them, a string or a list of strings."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:_MAX_TAGS]:
        name = item.get("name") if isinstance(item, dict) else item
        name = _clean(name) if isinstance(name, str) else ""  # a number is no name
        if name:
            names.append(name)
    return list(dict.fromkeys(names))


def _image_address(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("url")) or _text(value.get("contentUrl"))
    return _text(value)


# --- meta tags --------------------------------------------------------------------------------


def _fill_from_meta_tags(meta: PageMeta, tree: LexborHTMLParser) -> None:
    tags: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name") or "").lower()
        content = _clean(node.attributes.get("content") or "")
        if key and content:
            tags.setdefault(key.strip(), []).append(content)

    def first(*keys: str) -> str:
        for key in keys:
            if tags.get(key):
                return tags[key][0]
        return ""

    meta.headline = meta.headline or first("og:title", "twitter:title", "title")
    meta.dek = meta.dek or first("og:description", "description", "twitter:description")
    if not meta.byline:
        author = first("author", "article:author", "byl", "parsely-author")
        meta.byline = [author.removeprefix("By ").removeprefix("by ")] if author else []
        meta.byline = [name for name in meta.byline if not name.startswith(("http:", "https:"))]
    meta.published = meta.published or _timestamp(
        first("article:published_time", "date", "pubdate", "dc.date")
    )
    meta.section = meta.section or first("article:section")
    meta.tags = meta.tags or list(dict.fromkeys(tags.get("article:tag", [])))[:_MAX_TAGS]
    if not meta.tags and first("keywords", "news_keywords"):
        meta.tags = _text_list(first("news_keywords", "keywords"), split=True)
    meta.language = meta.language or _language(first("og:locale", "language"))
    canonical = tree.css_first('link[rel="canonical"]')
    meta.url = (
        meta.url
        or first("og:url")
        or _clean(canonical.attributes.get("href") or "" if canonical is not None else "")
    )
    meta.image = meta.image or first("og:image", "twitter:image")


# --- values -----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One line, no control characters, at most a field's length."""
    text = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", text)
    return " ".join(text.split())[:_MAX_FIELD_CHARS]


def _language(value: str | None) -> str:
    """``en-US``, ``es_MX`` or ``es`` as its primary subtag, else ""."""
    primary = re.split(r"[-_]", (value or "").strip(), maxsplit=1)[0]
    return primary.lower() if _LANGUAGE_RE.fullmatch(primary) else ""


def _timestamp(value: str) -> dt.datetime | None:
    """An ISO 8601 time (``2025-12-03T12:40:00-06:00``, ``...Z``, a bare date), else None."""
    if not value or len(value) > 64:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
