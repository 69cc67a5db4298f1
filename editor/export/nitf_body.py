"""The rendered body (see body_tree) as NITF 3.6 ``body.content`` blocks.

The body arrives as the preview's sanitised HTML; each element maps to its NITF counterpart:
subheads to ``hl2``, quotes to ``bq``/``block``, links to ``a``, emphasis to ``em``, lists,
tables and rules to theirs, and our photo figures to ``media``. Whatever has no NITF element
(``code``, ``u``, ``abbr``...) keeps its text and loses its markup; preview-only pieces (the
placeholder of a photo whose file is absent) are left out. Nothing is copied by name, so no
element or attribute the schema does not know can reach the output, and the nesting rules of
NITF hold even for the oddly nested HTML an author can type (a ``div`` inside a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree import ElementTree as ET

from editor.export.body_tree import append_text

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"

# A photo figure's media element, made by the caller from the photo's record (never from the
# figure's own text, which raw HTML in the body could imitate); None if it is not published.
MediaFor = Callable[[str, str], "ET.Element | None"]  # (photo id, img src) -> media

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = {"ul": "ul", "ol": "ol"}
_BLOCKS = frozenset(
    {"p", "blockquote", "ul", "ol", "dl", "pre", "hr", "table", "figure", "div", *_HEADINGS}
)
_EMPHASIS = {"em": "", "i": "", "strong": "strong", "b": "strong", "mark": "mark"}
_ALIGN_RE = re.compile(r"text-align:\s*(left|center|right|justify)")


def nitf(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    # Tags are written bare; the document's root declares NITF_NS as the default namespace
    # (ElementTree's default_namespace option refuses attributes without a namespace).
    element = ET.Element(tag, attrib or {})
    element.text = text
    return element


def _is_placeholder(element: ET.Element) -> bool:
    return "photo-placeholder" in (element.get("class") or "").split()


class _Inline:
    """Appends text and inline elements to one NITF element with mixed content."""

    def __init__(self, target: ET.Element) -> None:
        self.target = target

    def text(self, text: str | None) -> None:
        append_text(self.target, text)

    def element(self, element: ET.Element) -> None:
        self.target.append(element)

    def is_blank(self) -> bool:
        return not len(self.target) and not (self.target.text or "").strip()


def add_inline(source: ET.Element, out: _Inline) -> None:
    """The children and text of an HTML element as NITF enriched text (tails included)."""
    out.text(source.text)
    for child in source:
        _add_inline_element(child, out)
        out.text(child.tail)


def _add_inline_element(child: ET.Element, out: _Inline) -> None:
    tag = child.tag
    if _is_placeholder(child) or tag in ("img", "hr"):
        return
    if tag == "br":
        out.element(nitf("br"))
        return
    made: ET.Element | None = None
    if tag == "a" and child.get("href"):
        made = nitf("a", {"href": child.get("href", "")})
        if child.get("title"):
            made.set("title", child.get("title", ""))
    elif tag in _EMPHASIS:
        made = nitf("em", {"class": _EMPHASIS[tag]} if _EMPHASIS[tag] else {})
    elif tag == "q":
        made = nitf("q")
    if made is None:  # no NITF markup for it: keep the words
        add_inline(child, out)
        return
    add_inline(child, _Inline(made))
    out.element(made)


class _Blocks:
    """Appends NITF block content to a container, gathering loose inline content into ``p``."""

    def __init__(self, target: ET.Element, media_for: MediaFor) -> None:
        self.target = target
        self.media_for = media_for
        self._loose: _Inline | None = None

    def _paragraph(self) -> _Inline:
        if self._loose is None:
            self._loose = _Inline(nitf("p"))
        return self._loose

    def flush(self) -> None:
        if self._loose is not None and not self._loose.is_blank():
            self.target.append(self._loose.target)
        self._loose = None

    def append(self, block: ET.Element) -> None:
        self.flush()
        self.target.append(block)

    def text(self, text: str | None) -> None:
        if text and (text.strip() or self._loose is not None):
            self._paragraph().text(text)

    def add_children(self, source: ET.Element) -> None:
        """The children of an HTML element as blocks (its text too), then flush."""
        self.text(source.text)
        for child in source:
            self.add(child)
            self.text(child.tail)
        self.flush()

    def add(self, child: ET.Element) -> None:
        tag = child.tag
        if _is_placeholder(child):
            return
        if tag not in _BLOCKS:
            _add_inline_element(child, self._paragraph())
            return
        if tag == "p":
            self.append(_with_inline(nitf("p"), child))
        elif tag in _HEADINGS:
            self.append(_with_inline(nitf("hl2"), child))
        elif tag == "blockquote":
            self.append(self._quote(child))
        elif tag in _LISTS:
            self._list(child)
        elif tag == "dl":
            self._definitions(child)
        elif tag == "pre":
            self.append(nitf("pre", text="".join(child.itertext())))
        elif tag == "hr":
            self.append(nitf("hr"))
        elif tag == "table":
            self._table(child)
        elif tag == "figure":
            self._figure(child)
        else:  # div: a wrapper with no meaning of its own
            self.flush()
            self.add_children(child)

    def _quote(self, source: ET.Element) -> ET.Element:
        quote = nitf("bq")
        block = nitf("block")
        _Blocks(block, self.media_for).add_children(source)
        if len(block):
            quote.append(block)
        return quote

    def _list(self, source: ET.Element) -> None:
        made = nitf(_LISTS[source.tag])
        for child in source:
            if child.tag == "li":
                made.append(self._item(nitf("li"), child))
            elif child.tag in _BLOCKS or "".join(child.itertext()).strip():
                made.append(self._item(nitf("li"), _wrapped(child)))
        if len(made):  # NITF lists need an item
            self.append(made)

    def _definitions(self, source: ET.Element) -> None:
        made = nitf("dl")
        for child in source:
            if child.tag == "dt":
                made.append(_with_inline(nitf("dt"), child))
            elif child.tag == "dd" or "".join(child.itertext()).strip():
                made.append(self._item(nitf("dd"), child if child.tag == "dd" else _wrapped(child)))
        if len(made):
            self.append(made)

    def _item(self, made: ET.Element, source: ET.Element) -> ET.Element:
        """A list item or definition: inline content as is, or blocks if it holds any."""
        if any(child.tag in _BLOCKS for child in source):
            _Blocks(made, self.media_for).add_children(source)
        else:
            add_inline(source, _Inline(made))
        return made

    def _figure(self, source: ET.Element) -> None:
        photo_id = source.get("data-photo-id") or ""
        img = source.find("img")
        if photo_id and img is not None:
            media = self.media_for(photo_id, img.get("src") or "")
            if media is not None:
                self.append(media)
                return
        if photo_id and "photo" in (source.get("class") or "").split():
            return  # our figure of a photo that is not published (its file is absent)
        self.flush()
        self.add_children(source)  # any other figure: keep what it says

    def _table(self, source: ET.Element) -> None:
        head_rows = [row for part in source.findall("thead") for row in part.findall("tr")]
        body_rows = [
            row
            for part in (source, *source.findall("tbody"), *source.findall("tfoot"))
            for row in part.findall("tr")
        ]
        table = nitf("table")
        for tag, rows in (("thead", head_rows), ("tbody", body_rows)):
            made_rows = [made for made in map(self._row, rows) if made is not None]
            if made_rows:
                part = nitf(tag)
                part.extend(made_rows)
                table.append(part)
        if len(table):
            self.append(table)
        else:  # cells typed outside any row: keep the words
            self.flush()
            self.add_children(source)

    def _row(self, source: ET.Element) -> ET.Element | None:
        row = nitf("tr")
        for cell in source:
            if cell.tag not in ("th", "td"):
                continue
            made = self._item(nitf(cell.tag), cell)
            for name in ("colspan", "rowspan"):
                if (cell.get(name) or "").isdigit():
                    made.set(name, cell.get(name, ""))
            align = _ALIGN_RE.search(cell.get("style") or "")
            if align:
                made.set("align", align[1])
            row.append(made)
        return row if len(row) else None


def _with_inline(made: ET.Element, source: ET.Element) -> ET.Element:
    add_inline(source, _Inline(made))
    return made


def _wrapped(child: ET.Element) -> ET.Element:
    """A stray element inside a list, as the body of an item of its own."""
    holder = ET.Element("div")
    holder.append(child)  # shared, not moved: the source tree is left as it is
    return holder


def body_blocks(body: ET.Element, media_for: MediaFor) -> list[ET.Element]:
    """NITF block elements for the rendered ``<body>`` tree, in order."""
    holder = nitf("body.content")
    _Blocks(holder, media_for).add_children(body)
    return list(holder)
