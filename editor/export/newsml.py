"""The ``newsml`` format: the story as an IPTC NewsML-G2 2.35 text ``newsItem``, with its photos.

One ``newsItem`` (``ninat:text``) in a story folder (see story_folder): ``story.xml`` and the
photo renditions. It validates against the IPTC's NewsML-G2 2.35 schema:

* ``itemMeta``: class, provider (the dateline's agency or the publisher), ``versionCreated``
  (last change), ``firstCreated``, ``pubStatus`` usable, and one ``link`` per published photo.
  The editor's note is for the desk only: the item has no ``edNote`` (a photo link's ``edNote``
  is the photo's special instructions, which the file itself carried to the desk).
* ``contentMeta``: created/modified times, ``located`` (place within country), ``creator`` per
  byline name, ``language``, ``keyword`` per tag, ``slugline``, ``headline``, ``dateline``,
  ``by``, ``creditline`` and the dek as ``description`` role ``drol:summary``.
* ``contentSet``: the NITF body (see nitf) in ``inlineXML`` as ``application/nitf+xml``.

Photos travel as links rather than as a package of picture items. A text item with links is
what wire clients ingest most widely (a ``packageItem`` needs the client to assemble a story
from several items, and the pictures would need items of their own in separate files), and the
caption and credit travel twice: in each link (``description`` role ``drol:caption`` and
``creditline``) and in the NITF ``media`` element where the photo sits in the text. The photo's
details (when and where it was taken, who is shown, keywords, source, instructions) are hints
on its link: the properties a picture item of its own would carry.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree as ET

from editor.export.nitf import NITF_CONTAINERS, nitf_document, story_guid
from editor.export.photo_details import taken_date, taken_date_time, trimmed
from editor.export.story_folder import PublishedPhotos, StoryFolderExporter
from editor.export.xml_writing import clean_tree, xml_safe
from editor.model.article import Article, ImageRef
from editor.model.dateline import dateline_text
from editor.render.page import byline_text, html_language
from editor.text.direction import article_direction

NAR_NS = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The IPTC catalogue that defines the schemes used here (ninat, stat, drol, irel, cpnat); the
# version the IPTC's own 2.35 examples cite.
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"
_LINE_BREAKS_RE = re.compile(r"[\t\n\r]+")
NEWSML_CONTAINERS = frozenset(
    {
        "newsItem", "itemMeta", "contentMeta", "contentSet", "inlineXML", "link", "located",
        "broader", "creator", "provider", "subject", "infoSource",
    }
) | NITF_CONTAINERS  # fmt: skip


def _element(
    parent: ET.Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib or {})
    # Most G2 metadata is a g2normalizedString (no tab or line break): a field typed on two
    # lines is written on one.
    element.text = None if text is None else _LINE_BREAKS_RE.sub(" ", xml_safe(text))
    return element


def _named(
    parent: ET.Element, tag: str, name: str, attrib: dict[str, str] | None = None
) -> ET.Element:
    element = _element(parent, tag, attrib)
    _element(element, "name", text=name)
    return element


def _time(when: dt.datetime) -> str:
    return when.isoformat()


def _provider(article: Article) -> str:
    return (
        article.dateline.source.strip()
        or article.metadata.get("publisher", "").strip()
        or article.end_mark.strip()
    )


def _item_meta(item: ET.Element, article: Article, photos: PublishedPhotos) -> None:
    meta = _element(item, "itemMeta")
    _element(meta, "itemClass", {"qcode": "ninat:text"})
    provider = _provider(article)
    if provider:
        _named(meta, "provider", provider)
    else:  # required, and nothing says who provides the story
        _element(meta, "provider")
    _element(meta, "versionCreated", text=_time(article.modified))
    _element(meta, "firstCreated", text=_time(article.created))
    _element(meta, "pubStatus", {"qcode": "stat:usable"})
    for image in article.photos:
        found = photos.get(image)
        if found is None:
            continue
        file_name, rendition = found
        link = _element(
            meta,
            "link",
            {
                "rel": "irel:associatedWith",
                "href": file_name,
                "contenttype": rendition.mime,
            },
        )
        if image.caption.strip():
            _element(link, "description", {"role": "drol:caption"}, image.caption.strip())
        if image.credit.strip():
            _element(link, "creditline", text=image.credit.strip())
        _photo_details(link, image)


def _photo_details(link: ET.Element, image: ImageRef) -> None:
    """The photo's details as hints on its link: the properties the picture item would have
    (``contentCreated``, ``located``, a ``subject`` per person shown, ``keyword``, the source
    as ``infoSource``, the special instructions as ``edNote``, which is for the receiving desk).
    """
    taken = taken_date_time(image) or taken_date(image)
    if taken:
        _element(link, "contentCreated", text=taken)
    _located(link, image.city.strip(), image.country.strip())
    for person in trimmed(image.persons):
        _named(link, "subject", person, {"type": "cpnat:person"})
    for keyword in trimmed(image.keywords):
        _element(link, "keyword", text=keyword)
    if image.source.strip():
        _named(link, "infoSource", image.source.strip())
    if image.instructions.strip():
        _element(link, "edNote", text=image.instructions.strip())


def _located(parent: ET.Element, place: str, country: str) -> None:
    """``located``: the place within its country, or whichever of the two is known."""
    if place:
        located = _named(parent, "located", place, {"type": "cpnat:geoArea"})
        if country:
            _named(located, "broader", country, {"type": "cpnat:geoArea"})
    elif country:
        _named(parent, "located", country, {"type": "cpnat:geoArea"})


def _content_meta(item: ET.Element, article: Article, language: str) -> None:
    meta = _element(item, "contentMeta")
    _element(meta, "contentCreated", text=_time(article.created))
    _element(meta, "contentModified", text=_time(article.modified))
    _located(meta, article.dateline.place.strip(), article.dateline.country.strip())
    names = [name.strip() for name in article.byline if name.strip()]
    for name in names:
        _named(meta, "creator", name)
    _element(meta, "language", {"tag": language})
    for tag in article.tags:
        if tag.strip():
            _element(meta, "keyword", text=tag.strip())
    if article.slug.strip():
        _element(meta, "slugline", text=article.slug.strip())
    _element(meta, "headline", text=article.headline.strip())
    dateline = dateline_text(article.dateline)
    if dateline:
        _element(meta, "dateline", text=dateline)
    byline = byline_text(
        names,
        spanish=language.lower().startswith("es"),
        arabic=language.lower().split("-")[0] == "ar",
    )
    if byline:
        _element(meta, "by", text=byline)
    credit = article.dateline.source.strip() or article.metadata.get("publisher", "").strip()
    if credit:
        _element(meta, "creditline", text=credit)
    if article.dek.strip():
        _element(meta, "description", {"role": "drol:summary"}, article.dek.strip())


def newsml_item(article: Article, body: ET.Element, photos: PublishedPhotos) -> ET.Element:
    """The ``<newsItem>`` for the article whose rendered body tree is ``body``."""
    language = html_language(article.language)
    # Tags are bare and the namespaces are declared as attributes: the NITF inside declares its
    # own default namespace, as the IPTC's examples write it.
    item = ET.Element(
        "newsItem",
        {
            "xmlns": NAR_NS,
            "guid": story_guid(article),
            "version": "1",
            "standard": "NewsML-G2",
            "standardversion": "2.35",
            "conformance": "power",
            XML_LANG: language,
        },
    )
    # The schema's i18nAttributes: the direction of every text property the item holds (NITF,
    # inside, has no such attribute; its xml:lang says the language).
    if article_direction(article) == "rtl":
        item.set("dir", "rtl")
    _element(item, "catalogRef", {"href": IPTC_CATALOG})
    _item_meta(item, article, photos)
    _content_meta(item, article, language)
    content_set = _element(item, "contentSet")
    inline = _element(content_set, "inlineXML", {"contenttype": "application/nitf+xml"})
    inline.append(nitf_document(article, body, photos, with_head=False))
    clean_tree(item)
    return item


class NewsmlExporter(StoryFolderExporter):
    name = "newsml"
    description = "NewsML-G2 news item (NITF text inside): a folder with story.xml and its photos"
    containers = NEWSML_CONTAINERS

    def document(self, article: Article, body: ET.Element, photos: PublishedPhotos) -> ET.Element:
        return newsml_item(article, body, photos)
