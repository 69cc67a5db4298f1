"""Shaping the DOCX reader's HTML into the markup the HTML converter takes from every source.

The reader (mammoth) writes semantic HTML with its own habits; this module turns them into the
shapes the converter reads the same way from a paste or a web page:

* a paragraph that holds only a photo, and the caption paragraph under it (Caption style or a
  "Photo: ... / Foto: ..." line), become ``<figure><img><figcaption>``;
* footnotes take the markup Python-Markdown's footnotes extension writes (``sup#fnref:N`` in
  the text, ``div.footnote`` with ``li#fn:N`` at the end), so the converter needs one rule for
  footnotes whether they come from a DOCX or from this editor's own preview;
* links keep only web and mail addresses (a document can carry ``javascript:`` or ``file:``
  links); the others become their text;
* later Heading 1 paragraphs become ``h2``: only the headline is a first-level heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

# mammoth's footnote and endnote anchors: <a href="#footnote-2" id="footnote-ref-2">[1]</a>
_NOTE_REF_RE = re.compile(r"#(?P<kind>footnote|endnote)-(?P<id>-?\d+)")
_NOTE_ITEM_RE = re.compile(r"(?P<kind>footnote|endnote)-(?P<id>-?\d+)")
_PHOTO_LINE_RE = re.compile(r"(?i)(?:photo|foto|photograph|fotografía|image|imagen)\s*:\s*\S")
_SAFE_LINK_RE = re.compile(r"(?i)(?:https?:|mailto:)")
CAPTION_CLASS = "caption"
_BACK_ARROW = "↑"


@dataclass
class ShapeCounts:
    """What shaping changed, for the reporter's notes."""

    unsafe_links: int = 0
    demoted_headings: int = 0


def _text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def is_photo_paragraph(element: lxml_html.HtmlElement) -> bool:
    """A paragraph with photos and nothing else (no words)."""
    return element.tag == "p" and bool(element.findall(".//img")) and not _text(element)


def is_caption(element: lxml_html.HtmlElement) -> bool:
    if element.tag != "p" or not _text(element):
        return False
    return CAPTION_CLASS in element.classes or bool(_PHOTO_LINE_RE.match(_text(element)))


def make_figures(root: lxml_html.HtmlElement) -> None:
    """Each photo paragraph becomes one figure per photo; a caption under it joins the last."""
    for paragraph in list(root.iter("p")):
        if paragraph.getparent() is None or not is_photo_paragraph(paragraph):
            continue
        images = paragraph.findall(".//img")
        following = paragraph.getnext()
        figures = []
        for image in images:
            figure = lxml_html.Element("figure")
            figure.append(lxml_html.Element("img", dict(image.attrib)))
            figures.append(figure)
        if following is not None and is_caption(following):
            caption = lxml_html.Element("figcaption")
            caption.text = following.text
            for child in following:
                caption.append(child)
            figures[-1].append(caption)
            following.getparent().remove(following)
        parent = paragraph.getparent()
        position = parent.index(paragraph)
        parent.remove(paragraph)
        for offset, figure in enumerate(figures):
            parent.insert(position + offset, figure)


def reshape_notes(root: lxml_html.HtmlElement) -> None:
    """Footnotes and endnotes as Python-Markdown's footnotes extension writes them."""
    numbers: dict[tuple[str, str], int] = {}
    for anchor in root.iter("a"):
        match = _NOTE_REF_RE.fullmatch(anchor.get("href") or "")
        if match is None or not (anchor.get("id") or "").startswith(match["kind"] + "-ref"):
            continue
        number = numbers.setdefault((match["kind"], match["id"]), len(numbers) + 1)
        anchor.attrib.clear()
        anchor.set("class", "footnote-ref")
        anchor.set("href", f"#fn:{number}")
        anchor.text = str(number)
        sup = anchor.getparent()
        if sup is not None and sup.tag == "sup":
            sup.set("id", f"fnref:{number}")
    items: list[tuple[int, lxml_html.HtmlElement]] = []
    for note_list in [element for element in root if element.tag == "ol"]:
        for item in list(note_list):
            match = _NOTE_ITEM_RE.fullmatch(item.get("id") or "")
            if match is None:
                break
            found = numbers.get((match["kind"], match["id"]))
            if found is not None:
                _drop_back_links(item)
                _strip_leading_space(item)
                item.attrib.clear()
                item.set("id", f"fn:{found}")
                _add_back_link(item, found)
                items.append((found, item))
            note_list.remove(item)
        if len(note_list) == 0:
            root.remove(note_list)
    if items:
        block = lxml_html.Element("div", {"class": "footnote"})
        ordered = lxml_html.Element("ol")
        for _number, item in sorted(items, key=lambda pair: pair[0]):
            item.tail = "\n"
            ordered.append(item)
        block.append(ordered)
        root.append(block)


def _strip_leading_space(item: lxml_html.HtmlElement) -> None:
    """LibreOffice puts a tab between an endnote's mark and its text: the mark is gone."""
    node = item
    while not (node.text or "").strip() and len(node):
        node.text = None
        node = node[0]
    node.text = (node.text or "").lstrip() or None


def _add_back_link(item: lxml_html.HtmlElement, number: int) -> None:
    """The link back to the text that ends each of Python-Markdown's footnotes: it is what
    tells the HTML converter that the item is footnote ``number``'s text."""
    paragraphs = [child for child in item if child.tag == "p"]
    holder = paragraphs[-1] if paragraphs else item
    back = lxml_html.Element("a", {"class": "footnote-backref", "href": f"#fnref:{number}"})
    back.text = "\u21a9"
    if len(holder):
        holder[-1].tail = (holder[-1].tail or "") + " "
    else:
        holder.text = (holder.text or "") + " "
    holder.append(back)


def _drop_back_links(item: lxml_html.HtmlElement) -> None:
    for anchor in list(item.iter("a")):
        if (anchor.get("href") or "").startswith("#") and _text(anchor) == _BACK_ARROW:
            parent = anchor.getparent()
            previous = anchor.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "").rstrip() + (anchor.tail or "")
            else:
                parent.text = (parent.text or "").rstrip() + (anchor.tail or "")
            parent.remove(anchor)


def clean_links(root: lxml_html.HtmlElement, counts: ShapeCounts) -> None:
    """Keep web, mail and in-page (footnote) links; unwrap the rest, keeping their text."""
    for anchor in list(root.iter("a")):
        href = (anchor.get("href") or "").strip()
        if _SAFE_LINK_RE.match(href) or href.startswith("#fn"):
            continue
        if href:
            counts.unsafe_links += 1
        anchor.drop_tag()  # a bookmark (an id, no address) or an unsafe link: keep the text


def demote_headings(root: lxml_html.HtmlElement, counts: ShapeCounts) -> None:
    for heading in root.iter("h1"):
        heading.tag = "h2"
        counts.demoted_headings += 1


def drop_classes(root: lxml_html.HtmlElement) -> None:
    """The reader's style classes told the fields apart; the body keeps only footnote ones."""
    for element in root.iter():
        if "class" in element.attrib and element.get("class") not in (
            "footnote",
            "footnote-ref",
            "footnote-backref",
        ):
            del element.attrib["class"]
