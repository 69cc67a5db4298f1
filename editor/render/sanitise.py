"""The sanitiser every rendered body goes through, and the pass that gives our own photos their
addresses afterwards (see editor.render.markdown)."""

from __future__ import annotations

import html
import re

import nh3

from editor.render.photo_refs import (
    MISSING_PHOTO_TEXT,
    PHOTO_MARKER,
    PHOTO_MARKER_SCHEME,
    PhotoLookup,
    PhotoSource,
    photo_src,
)

# --- sanitising --------------------------------------------------------------------------------

ALLOWED_TAGS = frozenset(
    {
        "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "a", "em", "strong",
        "b", "i", "u", "s", "sub", "sup", "code", "pre", "br", "hr", "table", "thead", "tbody",
        "tr", "th", "td", "figure", "figcaption", "img", "span", "div", "abbr", "dl", "dt", "dd",
        "small", "mark", "q", "cite", "del", "ins",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "id", "class"},  # id/class: footnote references and back-links
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    # Python-Markdown aligns table columns with style="text-align: ..." (the align attribute is
    # obsolete in HTML5); only that one property survives, see filter_style_properties.
    "th": {"colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "figure": {"class", "data-photo-id"},
    "div": {"class", "data-photo-id"},
    "span": {"class", "data-photo-id"},
    "sup": {"id", "class"},
    "li": {"id", "class"},
    "ol": {"start"},  # sane_lists keeps a list's first number
    "code": {"class"},  # fenced code's language-xxx
}

# Tags removed together with everything inside them (their text is never story text).
_DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "noscript", "template",
    "textarea", "select", "title", "xmp", "noembed", "noframes",
}  # fmt: skip

_SANITISER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    tag_attribute_values={"img": {"loading": {"lazy", "eager"}}},
    url_schemes={"http", "https", "mailto", PHOTO_MARKER_SCHEME},
    link_rel="noopener noreferrer",
    filter_style_properties={"text-align"},
    strip_comments=True,
)


# Lone surrogates are not text (a hostile article.json can spell them as JSON escapes) and no
# encoding can write them: the sanitiser would fail on them.
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def sanitise(fragment: str) -> str:
    """Keep only the tags, attributes and URL schemes a news story needs."""
    return _SANITISER.clean(_LONE_SURROGATE_RE.sub("", fragment))


# The sanitiser's serializer quotes every attribute value with " and escapes " inside it, and
# writes "<" in text as "&lt;": a tag can be found with a regular expression.
_LINK_OR_IMAGE_RE = re.compile(r'<(a|img)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE_RE = re.compile(r'([^\s=]+)(?:="([^"]*)")?')
_LINK_REL = ' rel="noopener noreferrer"'


def _start_tag(tag: str, attributes: list[tuple[str, str]]) -> str:
    written = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in attributes)
    return f"<{tag}{written}>"


def finish_sanitised(fragment: str, photos: PhotoLookup) -> str:
    """Resolve our photos' URLs and tidy what the sanitiser leaves behind.

    * Our photo markers get the caller's URL.
    * Any other image becomes a placeholder. Such images can only come from raw HTML the author
      typed (Markdown images were all turned into figures or placeholders already); the app
      works offline and never shows a broken image.
    * A link whose address was refused keeps its text but loses the ``rel`` the sanitiser added
      (HTML allows ``rel`` only on a link with an address).
    """

    def finish(match: re.Match[str]) -> str:
        tag = match[1]
        attributes = [
            (name, html.unescape(value or "")) for name, value in _ATTRIBUTE_RE.findall(match[2])
        ]
        values = dict(attributes)
        if tag == "a":
            return match[0] if "href" in values else match[0].replace(_LINK_REL, "", 1)
        source = values.get("src", "")
        if source.startswith(PHOTO_MARKER):
            photo_id = source = source[len(PHOTO_MARKER) :]  # the marker's secret stays inside
            image = photos.present(photo_id)
            if image is not None:
                found = photos.photo_url(image)
                url = photo_src(found)
                tag_attributes = [(n, url if n == "src" else v) for n, v in attributes]
                if isinstance(found, PhotoSource) and found.srcset:
                    tag_attributes += [("srcset", found.srcset), ("sizes", found.sizes)]
                return _start_tag("img", tag_attributes)
        if photos.omit_missing:
            return ""  # an export: left out, never the editor's placeholder (PhotoLookup)
        name = html.escape(source or values.get("alt", "") or "(no address given)")
        return f'<span class="photo-placeholder">{MISSING_PHOTO_TEXT}{name}</span>'

    return _LINK_OR_IMAGE_RE.sub(finish, fragment)
