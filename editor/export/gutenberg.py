"""The body as WordPress block markup (the block editor's "Gutenberg" serialisation).

Each top-level element of the rendered body (``editor.export.body_tree``) becomes the block the
block editor itself would save for it, wrapped in its ``<!-- wp:NAME {attributes} -->`` ...
``<!-- /wp:NAME -->`` delimiters, so the post opens in the editor as ordinary blocks, not as one
"classic" lump:

* ``p`` -> ``wp:paragraph``; ``h2``..``h6`` -> ``wp:heading`` (``{"level":N}`` unless h2);
* ``blockquote`` -> ``wp:quote`` holding paragraph blocks;
* ``ul``/``ol`` -> ``wp:list`` of ``wp:list-item`` (nested lists inside their item);
* a photo figure -> ``wp:image`` pointing at the photo's media item (``{"id":N,...}``);
* ``hr`` -> ``wp:separator``, ``pre`` -> ``wp:code``;
* anything else the body may hold (tables, definition lists, footnotes) -> ``wp:html``, which
  keeps its markup as it is.

A photo whose file is not in the story package, or an image typed as raw HTML, has nothing to
show and is left out (the preview's placeholder is a note to the reporter, not copy).

All text is re-escaped here: ``<``, ``>`` and ``&`` in text and attributes, so nothing typed in a
story can open a tag or a block comment (``<!-- wp:...``) in the post.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from editor.export.body_tree import VOID_ELEMENTS, append_text, text_of

# Characters neither HTML text nor the XML around the post (WXR) may hold: control codes, lone
# surrogates, U+FFFE/U+FFFF. Removed, so post.html and the WXR's copy are the same text.
_NOT_TEXT_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


@dataclass(frozen=True)
class BlockPhoto:
    """What an image block needs of a photo: its media item's id, address and words."""

    attachment_id: int
    url: str
    alt: str
    caption: str


# The photo for a figure's ``data-photo-id``, or None if it is not published.
PhotoFinder = Callable[[str], "BlockPhoto | None"]


# --- escaping and serialising ------------------------------------------------------------------


def escape_text(text: str) -> str:
    text = _NOT_TEXT_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    return escape_text(value).replace('"', "&quot;")


def start_tag(tag: str, attributes: dict[str, str] | None = None, *, void: bool = False) -> str:
    written = "".join(
        f' {name}="{escape_attribute(value)}"' for name, value in (attributes or {}).items()
    )
    return f"<{tag}{written}{'/' if void else ''}>"


def outer_html(element: ET.Element) -> str:
    """``element`` as HTML (its tail excluded); a photo placeholder is left out."""
    tag = str(element.tag)
    if "photo-placeholder" in (element.get("class") or "").split():
        return ""
    if tag in VOID_ELEMENTS:
        return start_tag(tag, dict(element.attrib))
    return f"{start_tag(tag, dict(element.attrib))}{inner_html(element)}</{tag}>"


def inner_html(element: ET.Element) -> str:
    """What is inside ``element``, as HTML."""
    parts = [escape_text(element.text or "")]
    for child in element:
        parts.append(outer_html(child))
        parts.append(escape_text(child.tail or ""))
    return "".join(parts)


def block(name: str, inner: str, attributes: dict[str, object] | None = None) -> str:
    """One block with its delimiters; ``inner`` is its saved HTML (and any inner blocks)."""
    # Compact JSON like the editor writes; "--" would end the comment, so it is escaped as the
    # editor does.
    written = ""
    if attributes:
        written = " " + json.dumps(attributes, separators=(",", ":"), ensure_ascii=False).replace(
            "--", "\\u002d\\u002d"
        )
    return f"<!-- wp:{name}{written} -->\n{inner}\n<!-- /wp:{name} -->"


# --- elements to blocks ------------------------------------------------------------------------


def paragraph_block(element: ET.Element) -> str:
    return block("paragraph", f"<p>{inner_html(element).strip()}</p>")


def heading_block(element: ET.Element) -> str:
    level = HEADINGS[str(element.tag)]
    attributes: dict[str, object] | None = None if level == 2 else {"level": level}
    tag = f"h{level}"
    return block(
        "heading",
        f'<{tag} class="wp-block-heading">{inner_html(element).strip()}</{tag}>',
        attributes,
    )


def quote_block(element: ET.Element, photos: PhotoFinder) -> str:
    inner = [block_for(child, photos) for child in element]
    if (element.text or "").strip():  # text straight inside the quote: make it a paragraph
        loose = ET.Element("p")
        loose.text = element.text
        inner.insert(0, paragraph_block(loose))
    body = "\n\n".join(b for b in inner if b)
    return block("quote", f'<blockquote class="wp-block-quote">\n{body}\n</blockquote>')


def list_block(element: ET.Element, photos: PhotoFinder) -> str:
    tag = str(element.tag)
    attributes: dict[str, object] = {}
    html_attributes = {"class": "wp-block-list"}
    if tag == "ol":
        attributes["ordered"] = True
        start = element.get("start", "")
        if start.isdigit() and start != "1":
            attributes["start"] = int(start)
            html_attributes["start"] = start
    items = [list_item_block(child, photos) for child in element if child.tag == "li"]
    inner = "\n\n".join(items)
    return block("list", f"{start_tag(tag, html_attributes)}\n{inner}\n</{tag}>", attributes)


def list_item_block(item: ET.Element, photos: PhotoFinder) -> str:
    # The item's own words, then any list nested in it as an inner list block.
    words = ET.Element("li")
    words.text = item.text
    nested = []
    for child in item:
        if child.tag in ("ul", "ol"):
            nested.append(list_block(child, photos))
            append_text(words, child.tail)
        elif child.tag == "p":  # a "loose" list wraps its items' words in paragraphs
            if len(words) or (words.text or "").strip():
                words.append(ET.Element("br"))
            append_text(words, child.text)
            words.extend(list(child))
            append_text(words, child.tail)
        else:
            words.append(child)
    inner = f"<li>{inner_html(words).strip()}"
    if nested:
        inner += "\n" + "\n\n".join(nested) + "\n"
    return block("list-item", f"{inner}</li>")


def image_block(figure: ET.Element, photos: PhotoFinder) -> str:
    photo = photos(figure.get("data-photo-id", "")) if figure.find("img") is not None else None
    if photo is None:
        return ""
    img = start_tag(
        "img",
        {"src": photo.url, "alt": photo.alt, "class": f"wp-image-{photo.attachment_id}"},
        void=True,
    )
    caption = ""
    if photo.caption:
        caption = (
            f'<figcaption class="wp-element-caption">{escape_text(photo.caption)}</figcaption>'
        )
    attributes = {"id": photo.attachment_id, "sizeSlug": "large", "linkDestination": "none"}
    return block(
        "image", f'<figure class="wp-block-image size-large">{img}{caption}</figure>', attributes
    )


def code_block(element: ET.Element) -> str:
    code = element.find("code")
    text = text_of(code if code is not None else element)
    return block("code", f'<pre class="wp-block-code"><code>{escape_text(text)}</code></pre>')


def block_for(element: ET.Element, photos: PhotoFinder) -> str:
    """The block for one top-level element of the body ("" for none)."""
    tag = str(element.tag)
    classes = (element.get("class") or "").split()
    if tag == "p":
        return paragraph_block(element) if inner_html(element).strip() else ""
    if tag in HEADINGS:
        return heading_block(element)
    if tag == "blockquote":
        return quote_block(element, photos)
    if tag in ("ul", "ol"):
        return list_block(element, photos)
    if tag == "figure" and "photo" in classes:
        return image_block(element, photos)
    if tag == "hr":
        return block("separator", '<hr class="wp-block-separator has-alpha-channel-opacity"/>')
    if tag == "pre":
        return code_block(element)
    return block("html", outer_html(element))


def body_blocks(body: ET.Element, photos: PhotoFinder) -> list[str]:
    """The body's blocks, in order."""
    blocks = [block_for(child, photos) for child in body]
    return [b for b in blocks if b]


def post_content(blocks: list[str]) -> str:
    """Blocks joined the way the editor saves a post: a blank line between blocks."""
    return "\n\n".join(blocks) + "\n" if blocks else ""
