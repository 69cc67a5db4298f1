"""The rendered body as an element tree, for formats that are not HTML.

NITF, NewsML-G2, Gutenberg blocks and Word all start from the HTML the preview shows (one render
path: the same subheads, quotes, links and figures) and map its elements to their own. The HTML
is our sanitiser's output, so it holds only allow-listed elements; this module turns it into
``xml.etree`` elements with the standard library's parser, so no export needs an HTML library.

Figures come out as ``<figure class="photo" data-photo-id="ID">`` with an ``<img>`` (whose
``src`` is whatever ``photo_url`` gave) and an optional ``<figcaption>`` holding
``<span class="caption">`` and ``<span class="credit">``; a photo whose file is absent is a
``<figure class="photo photo-missing">`` with a placeholder and no ``<img>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

from editor.model.article import Article
from editor.render.markdown import BodyRenderer
from editor.render.photo_refs import PhotoLookup, PhotoUrl

# Elements that never have content or an end tag in HTML.
VOID_ELEMENTS = frozenset({"area", "br", "col", "hr", "img", "source", "wbr"})


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("body")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = ET.SubElement(self._stack[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in VOID_ELEMENTS:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ET.SubElement(self._stack[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element; a stray end tag (none open) is ignored.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        append_text(self._stack[-1], data)


def append_text(element: ET.Element, text: str | None) -> None:
    """Add ``text`` at the end of ``element``'s content: after its last child, or to its text."""
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def parse_fragment(html: str) -> ET.Element:
    """An HTML fragment as the children of a ``<body>`` element (comments are dropped)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@dataclass(frozen=True)
class BodyTree:
    """The rendered body as a ``<body>`` element tree, with the ids of the photos it places
    (as the renderer reports them: a placement inside code places nothing)."""

    root: ET.Element
    placed_photo_ids: frozenset[str]


def rendered_body(article: Article, renderer: BodyRenderer, photo_url: PhotoUrl) -> BodyTree:
    """The article's body, rendered as the preview shows it, as a ``<body>`` element tree, and
    the ids of the photos it places (a placement inside code places nothing). The lead photo's
    placements are left out: every format shows it on top (``PhotoLookup.for_page``)."""
    photos = PhotoLookup.for_page(article, photo_url, omit_missing=True)
    rendered = renderer.render(article.body, photos, end_mark=article.end_mark)
    return BodyTree(parse_fragment(rendered.html), rendered.placed_photo_ids)


def text_of(element: ET.Element) -> str:
    """All text inside ``element``, as a reader sees it (tags dropped, tail excluded)."""
    return "".join(element.itertext())
