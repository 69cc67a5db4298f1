"""Where a saved news page's story is: the element that holds it, without the page around it.

A news page is mostly not the story: the site's header and menus, share buttons, the related
stories, the comments, the sidebar, adverts and the footer. The story's element is found the
way news themes mark it, then what sits inside it but is no part of the story is taken out:

1. ``[itemprop=articleBody]`` (schema.org microdata: the body alone);
2. the ``<article>`` holding the most paragraph text (a comment is an ``<article>`` too);
3. ``<main>`` / ``[role=main]``;
4. the element whose own paragraphs hold the most text (a page with no markup for it).

Why this and not a readability library, measured on the pages saved by the browser engine
(benchmarks/intake_page_body.py, tests/data/intake/pages): readability-lxml keeps every
paragraph and caption of the three fixtures and no furniture, as this does, but takes 2-7 ms a
page against 0.2-0.7 ms, 2.8-3.4 s against 0.2 s on a 7.5 MB page, and parses with libxml2, which
silently loses a story nested more than 256 elements deep (0 of 8 paragraphs kept at 300
levels; this keeps 8). trafilatura loses the figures' captions, a paragraph of each page and
the headings' levels, and keeps a "PUBLICIDAD" advert. Both would add lxml-only dependencies
for what a walk over the lexbor tree the converter already uses does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements inside the story's element that are never the story.
_NEVER_STORY = "script, style, noscript, template, nav, aside, form, button, iframe, header, footer"
# Class or id words that mark the page's furniture (WordPress themes, Jetpack, Spanish sites).
_FURNITURE_WORDS = frozenset({
    "share", "sharing", "sharedaddy", "social", "compartir", "related", "relatedposts",
    "relacionadas", "comment", "comments", "respond", "ad", "ads", "advert", "advertisement",
    "publicidad", "banner", "newsletter", "subscribe", "suscripcion", "cookie", "promo",
    "sidebar", "widget", "tags", "etiquetas", "breadcrumb", "breadcrumbs", "menu", "skip",
    "byline", "firma", "meta", "author", "sumario", "dateline",
})  # fmt: skip
_WORD_SPLIT_RE = re.compile(r"[\s_-]+")
# Below this much paragraph text an <article> or <main> is a teaser, not the story.
_MIN_STORY_CHARS = 200


@dataclass
class FoundBody:
    """The story's HTML and how it was found ("articleBody", "article", "main", "paragraphs",
    or "page" when nothing better was)."""

    html: str
    method: str
    text_chars: int = 0  # the story's visible text, in characters


def find_body(tree: LexborHTMLParser) -> FoundBody:
    """The story's element, its furniture removed (``tree`` is changed)."""
    node, method = _story_element(tree)
    if node is None:
        return FoundBody("", "page")
    _remove_furniture(node)
    return FoundBody(node.html or "", method, len(node.text(deep=True)))


def _story_element(tree: LexborHTMLParser) -> tuple[LexborNode | None, str]:
    marked = tree.css_first('[itemprop="articleBody"]')
    if marked is not None and _paragraph_chars(marked) >= _MIN_STORY_CHARS:
        return marked, "articleBody"
    articles = [node for node in tree.css("article") if not _is_furniture(node)]
    best = max(articles, key=_paragraph_chars, default=None)
    if best is not None and _paragraph_chars(best) >= _MIN_STORY_CHARS:
        return best, "article"
    main = tree.css_first('main, [role="main"]')
    if main is not None and _paragraph_chars(main) >= _MIN_STORY_CHARS:
        return main, "main"
    parent = _densest_parent(tree)
    if parent is not None:
        return parent, "paragraphs"
    return tree.body, "page"


def _paragraph_chars(node: LexborNode) -> int:
    return sum(len(paragraph.text(deep=True).strip()) for paragraph in node.css("p"))


def _densest_parent(tree: LexborHTMLParser) -> LexborNode | None:
    """The element whose own paragraphs hold the most text."""
    totals: dict[int, int] = {}
    parents: dict[int, LexborNode] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None or _is_furniture(parent):
            continue
        totals[parent.mem_id] = totals.get(parent.mem_id, 0) + len(paragraph.text().strip())
        parents[parent.mem_id] = parent
    if not totals:
        return None
    return parents[max(totals, key=lambda key: totals[key])]


def _is_furniture(node: LexborNode) -> bool:
    attributes = node.attributes
    words = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return not _FURNITURE_WORDS.isdisjoint(_WORD_SPLIT_RE.split(words))


def _remove_furniture(story: LexborNode) -> None:
    """Take out what is no part of the story; the story element itself always stays."""
    for doomed in (
        story.css(_NEVER_STORY),
        [node for node in story.css("[class], [id]") if _is_furniture(node)],
    ):
        # Last first: an element goes before the element holding it, so that no removed
        # element is ever looked at again. Each pass queries the tree as it is.
        for node in reversed(doomed):
            if node.mem_id != story.mem_id:
                node.decompose()
