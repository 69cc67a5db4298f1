"""The ``nitf`` format: the story as NITF 3.6, the IPTC's XML for news text, with its photos.

The document validates against the IPTC's NITF 3.6 schema (namespace
``http://iptc.org/std/NITF/2006-10-18/``):

* ``head``: ``title``; ``docdata`` with ``doc-id`` (the story's id, see story_guid), the desk
  slugline as ``du-key``, ``date.issue``/``date.release`` (this version's time: the story has no
  embargo, so it may be released when issued) and the tags as ``key-list``; the section in
  ``pubdata``.
* ``body.head``: headline ``hl1`` and dek ``hl2``, ``byline`` with each name a ``person``, and
  ``dateline`` with ``location`` and ``story.date`` tagged in the printed line.
* ``body.content``: the body as the preview renders it (see nitf_body), the lead photo first
  when the body does not place it, each photo a ``media`` element (its place, date, keywords,
  source, instructions and persons shown as ``media-metadata``).
* ``body.end``: the desk's sign-off codes as ``tagline``.

The editor's note is for the desk and is never read here. The export is a story folder (see
story_folder): ``story.xml`` and the photo renditions it names. Same article, same bytes.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from editor.export.nitf_body import NITF_NS, body_blocks, nitf
from editor.export.nitf_dateline import date_norm, dateline_element
from editor.export.photo_details import trimmed
from editor.export.story_folder import PublishedPhotos, StoryFolderExporter
from editor.export.xml_writing import clean_tree
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef, story_uuid
from editor.render.page import byline_text, html_language, is_arabic, is_spanish

# Elements that hold only elements: indented for people who read the file; everything else
# (paragraphs, headlines, captions) is written exactly as the story has it.
NITF_CONTAINERS = frozenset(
    {
        "nitf", "head", "docdata", "key-list", "body", "body.head", "hedline", "body.content",
        "body.end", "media", "bq", "block", "ul", "ol", "dl", "table", "thead", "tbody", "tr",
    }
)  # fmt: skip


def story_guid(article: Article) -> str:
    """The story's id for every version of it: ``urn:newsml:dateline:<created date>:<uuid>``.

    From the story's own id (kept in its file), so editing the headline or the slug sends an
    update of the same story, never a second one.
    """
    return f"urn:newsml:dateline:{article.created:%Y%m%d}:{story_uuid(article)}"


def media_element(image: ImageRef, file_name: str, rendition: Rendition) -> ET.Element:
    """A photo as NITF ``media``: the rendition's file, alt text, caption and credit, and its
    details as ``media-metadata`` (NITF's place for what ``media-reference`` cannot hold)."""
    reference = {
        "source": file_name,
        "mime-type": rendition.mime,
        "width": str(rendition.width),
        "height": str(rendition.height),
    }
    if image.alt.strip():
        reference["alternate-text"] = image.alt.strip()
    if image.copyright.strip():
        reference["copyright"] = image.copyright.strip()
    media = nitf("media", {"media-type": "image"})
    for name, value in photo_metadata(image):
        media.append(nitf("media-metadata", {"name": name, "value": value}))
    media.append(nitf("media-reference", reference))
    if image.caption.strip():
        media.append(nitf("media-caption", text=image.caption.strip()))
    if image.credit.strip():
        media.append(nitf("media-producer", text=image.credit.strip()))
    return media


def photo_metadata(image: ImageRef) -> list[tuple[str, str]]:
    """(name, value) of each detail the photo has; repeatable ones (keyword, person) once per
    value. The names are the IPTC photo metadata's, spelled as NITF spells attributes."""
    pairs = [
        ("city", image.city.strip()),
        ("country", image.country.strip()),
        ("date-created", image.date_taken.strip()),
        ("source", image.source.strip()),
        ("special-instructions", image.instructions.strip()),
        *(("keyword", keyword) for keyword in trimmed(image.keywords)),
        *(("person-shown", person) for person in trimmed(image.persons)),
    ]
    return [(name, value) for name, value in pairs if value]


class _PhotoMedia:
    """``media`` for each published photo, made from its record and its rendition."""

    def __init__(self, article: Article, photos: PublishedPhotos) -> None:
        self._article = article
        self._photos = photos

    def __call__(self, photo_id: str, src: str) -> ET.Element | None:
        image = self._article.photo(photo_id)
        found = self._photos.get(image) if image is not None else None
        # The src check keeps a figure typed as raw HTML in the body from posing as a photo.
        if image is None or found is None or found[0] != src:
            return None
        file_name, rendition = found
        return media_element(image, file_name, rendition)

    def lead(self) -> ET.Element | None:
        """The featured photo, first as the page shows it (the body leaves it out)."""
        image = self._article.featured_photo()
        if image is None:
            return None
        found = self._photos.get(image)
        return None if found is None else self(image.id, found[0])


def _byline(article: Article) -> ET.Element | None:
    """``By A and B`` as printed, each name tagged as a ``person``."""
    names = [name.strip() for name in article.byline if name.strip()]
    line = byline_text(names, spanish=is_spanish(article), arabic=is_arabic(article))
    if not line:
        return None
    byline = nitf("byline")
    position = 0
    for name in names:
        at = line.find(name, position)
        if at < 0:
            continue
        if len(byline):
            byline[-1].tail = line[position:at] or None
        else:
            byline.text = line[position:at] or None
        byline.append(nitf("person", text=name))
        position = at + len(name)
    if len(byline):
        byline[-1].tail = line[position:] or None
    else:
        byline.text = line
    return byline


def _head(article: Article) -> ET.Element:
    head = nitf("head")
    head.append(nitf("title", text=article.headline.strip()))
    docdata = ET.SubElement(head, "docdata")
    docdata.append(nitf("doc-id", {"id-string": story_guid(article)}))
    if article.slug.strip():
        docdata.append(nitf("du-key", {"key": article.slug.strip()}))
    issued = date_norm(article.modified)
    docdata.append(nitf("date.issue", {"norm": issued}))
    docdata.append(nitf("date.release", {"norm": issued}))
    tags = [tag.strip() for tag in article.tags if tag.strip()]
    if tags:
        keys = ET.SubElement(docdata, "key-list")
        keys.extend(nitf("keyword", {"key": tag}) for tag in tags)
    if article.section.strip():
        head.append(nitf("pubdata", {"position.section": article.section.strip()}))
    return head


def _body_head(article: Article) -> ET.Element:
    body_head = nitf("body.head")
    hedline = ET.SubElement(body_head, "hedline")
    hedline.append(nitf("hl1", text=article.headline.strip()))
    if article.dek.strip():
        hedline.append(nitf("hl2", text=article.dek.strip()))
    byline = _byline(article)
    if byline is not None:
        body_head.append(byline)
    dateline = dateline_element(article.dateline)
    if dateline is not None:
        body_head.append(dateline)
    return body_head


def nitf_document(
    article: Article, body: ET.Element, photos: PublishedPhotos, *, with_head: bool = True
) -> ET.Element:
    """The ``<nitf>`` element for the article whose rendered body tree is ``body``.

    ``with_head=False`` leaves out ``head``, for NewsML-G2, whose own metadata says the same.
    """
    language = html_language(article.language)
    root = nitf(
        "nitf",
        {
            "xmlns": NITF_NS,
            "version": "-//IPTC//DTD NITF 3.6//EN",
            "change.date": "September 11, 2009",
            "change.time": "12:26",
            "baselang": language,
            "{http://www.w3.org/XML/1998/namespace}lang": language,
        },
    )
    if with_head:
        root.append(_head(article))
    nitf_body = ET.SubElement(root, "body")
    nitf_body.append(_body_head(article))
    content = ET.SubElement(nitf_body, "body.content")
    media = _PhotoMedia(article, photos)
    lead = media.lead()
    if lead is not None:
        content.append(lead)
    content.extend(body_blocks(body, media))
    if article.sign_off.strip():
        end = ET.SubElement(nitf_body, "body.end")
        end.append(nitf("tagline", text=article.sign_off.strip()))
    clean_tree(root)
    return root


class NitfExporter(StoryFolderExporter):
    name = "nitf"
    description = "NITF 3.6 news text: a folder with story.xml and its photos"
    containers = NITF_CONTAINERS

    def document(self, article: Article, body: ET.Element, photos: PublishedPhotos) -> ET.Element:
        return nitf_document(article, body, photos)
