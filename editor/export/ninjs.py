"""The ``ninjs`` format: the story as IPTC ninjs (News in JSON), its photos in a folder beside it.

Which ninjs: ``ninjs`` writes version 2.2, ``ninjs3`` version 3.1, from one mapping. 2.2 is the
default because it is what wire clients and newsroom systems ingest today: its lower-case
property names (``versioncreated``, ``pubstatus``, ``contenttype``) are the ones the 1.x feeds
used, so 2.x ingest code reads it, while 3.x renamed every property to camelCase and is read
only by clients written for it. 3.1 is offered for those (it is the current standard); the two
differ only in property names and in requiring whole numbers where 2.2 takes any number.

What goes where:

* ``uri``: a name-based UUID (``urn:uuid:``, RFC 9562 version 5) of the article's creation time
  and its desk slugline (its headline if it has none), so every export of one story, and every
  version of it, has the same ``uri``; ``version`` is the last-modified time (YYYYMMDDhhmmss,
  UTC), which grows with each edit. No clock is read and nothing is random.
* ``headlines``, ``descriptions`` (the dek, role ``summary``), ``by`` (the byline's names),
  ``slugline``, ``located`` and ``places`` (the dateline's place and country), ``subjects``
  (the tags). The editor's note is for our own desk and is never written: ninjs' ``ednote``
  would hand it to every receiving newsroom.
* ``bodies``: the body as HTML (role ``html``) and as plain text (role ``text``). The HTML is
  the render the preview shows, sanitised, with each photo a ``<figure>`` whose ``<img src>`` is
  the relative address of a rendition in the photo folder; placeholders of photos not in the
  package are dropped (they are notes to the author, not copy), and so is the lead photo,
  wherever the body places it: it is the first association. The text is the wire copy
  (dateline, body, end mark, desk codes) without the headline and byline, which have their own
  properties: a client printing headline and body would otherwise print the headline twice.
* ``associations``: one ``picture`` per published photo, the featured (lead) photo first, each
  named by its photo id (the ``data-photo-id`` of its figure in the HTML body). The caption is the
  ``caption`` description and the credit the ``creditline`` description (as AP's feeds do) and
  ``by``; the copyright is ``copyrightnotice``. Neither 2.2 nor 3.1 has an alt-text property, so
  the alt text is the description with role ``alttext``. The photo's details go where ninjs
  has a place for them: ``contentcreated`` (when taken, only as a full time with its zone),
  ``located`` and ``places``, ``people``, ``subjects`` (its keywords), ``infosources`` (its
  source) and ``ednote`` (its special instructions, meant for the receiving desk).

Photos: JPEG renditions (cropped, sRGB, captioned and credited, no location or camera data) of
1,024 and 2,048 pixels wide, or one at the photo's own width when it is narrower, written to the
folder ``<name>-photos`` beside ``<name>.json`` as ``<photo id>-<width>.jpg``. Rendition hrefs
and the HTML body's ``src`` are relative to the JSON file, so the pair can be moved, zipped or
dropped into a hot folder together. (ninjs' ``href`` is meant as an absolute URL; a file export
knows of no server, and a receiving system rewrites them when it stores the photos.) Sizes in
bytes are left out: they would change with the JPEG library, not with the story. The photo
folder is put in place, whole, just before the JSON, so the JSON never names a file that is not
there yet. It is written like any folder export (editor.export.bundle): a folder that an earlier
export made and nobody added to is replaced, anything else there is refused, never deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from editor.export.base import ExportError, ExportOptions
from editor.export.body_tree import rendered_body
from editor.export.bundle import (
    check_bundle_target,
    check_document_beside_photos,
    photo_folder_name,
    write_bundle,
    write_document_beside_photos,
)
from editor.export.photo_copies import jpeg_renditions, make_photo_copies, published_photos
from editor.export.photo_details import located, taken_date_time, trimmed
from editor.export.text import plain_text
from editor.media.renditions import Rendition
from editor.model.article import Article, ImageRef, count_words, story_uuid
from editor.model.media_store import MediaStore
from editor.render.markdown import BodyRenderer, shared_renderer
from editor.render.page import html_language, story_byline
from editor.render.wire import wire_text

# The bundle layout (``layout="bundle"``): the document and its photos in one folder or zip.
STORY_FILE = "story.json"
PHOTO_FOLDER = "photos"
PHOTO_WIDTHS = (1024, 2048)
# The namespace of our item UUIDs: fixed, so a story's uri never changes between exports.
ITEM_NAMESPACE = uuid.UUID("badc87d2-e601-48a0-8ea2-2da39c4fde84")
_SAFE_ID_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Characters HTML forbids in a document (controls other than whitespace, noncharacters): a
# field pasted with an escape code in it must not make the body unparseable for a strict client.
_NOT_IN_HTML_RE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(
        f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000)
    )
    + "]"
)

# ninjs 3.x spells the 2.x properties we write in camelCase; nothing else changed for us.
_CAMEL_CASE = {
    "firstcreated": "firstCreated",
    "versioncreated": "versionCreated",
    "pubstatus": "pubStatus",
    "representationtype": "representationType",
    "contenttype": "contentType",
    "copyrightnotice": "copyrightNotice",
    "wordcount": "wordCount",
    "charcount": "charCount",
    "contentcreated": "contentCreated",
    "ednote": "edNote",
    "infosources": "infoSources",
}


@dataclass(frozen=True)
class NinjsPackage:
    """The ninjs document and the photo files it refers to (file name -> bytes)."""

    document: dict[str, Any]
    photos: dict[str, bytes]

    def json_text(self) -> str:
        """The document as written: UTF-8 text, two-space indents, a newline at the end."""
        return json.dumps(self.document, ensure_ascii=False, indent=2) + "\n"


def item_uri(article: Article) -> str:
    """The story's persistent identifier: its own id, the same for every export and version."""
    return f"urn:uuid:{story_uuid(article)}"


def _timestamp(moment: dt.datetime) -> str:
    """UTC, to the second, as RFC 3339 wants it. A time without a zone is taken as UTC (as the
    package reader does), never as this computer's zone: output must not depend on the machine."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    return utc.isoformat() + "Z"


def _version(article: Article) -> str:
    # The last-modified time as digits (20241203164000): it grows with every saved edit.
    return re.sub(r"\D", "", _timestamp(article.modified))


def _file_stem(image: ImageRef) -> str:
    # Ids are checked when a package is read; one that is not a safe file name gets a hash.
    if _SAFE_ID_RE.fullmatch(image.id):
        return image.id
    return "photo-" + hashlib.sha256(image.id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _PublishedPhoto:
    image: ImageRef
    files: list[tuple[str, Rendition]]  # (file name, rendition), narrowest first


def _published(
    article: Article, media: MediaStore, options: ExportOptions
) -> list[_PublishedPhoto]:
    """Each published photo with its JPEG renditions, the featured photo first."""
    copies = make_photo_copies(article, media, PHOTO_WIDTHS, options)
    photos = sorted(published_photos(article), key=lambda image: not image.featured)
    published = []
    for image in photos:
        jpegs = jpeg_renditions(copies, image.id)
        stem = _file_stem(image)
        published.append(_PublishedPhoto(image, [(f"{stem}-{r.width}.jpg", r) for r in jpegs]))
    return published


def _drop(parent: ET.Element, child: ET.Element) -> None:
    """Remove ``child`` from ``parent`` and keep the text that followed it."""
    if child.tail:
        index = list(parent).index(child)
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _drop_placeholders(root: ET.Element) -> None:
    """Remove the placeholders the preview shows for photos not in the story package."""
    for parent in list(root.iter()):
        for child in list(parent):
            classes = (child.get("class") or "").split()
            if "photo-missing" in classes or "photo-placeholder" in classes:
                _drop(parent, child)


def _inner_html(root: ET.Element) -> str:
    """The children of ``root`` as HTML (each with the text that follows it)."""
    leading = (root.text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    children = "".join(ET.tostring(child, encoding="unicode", method="html") for child in root)
    return (leading + children).strip()


def _body_html(
    article: Article, renderer: BodyRenderer, photos: list[_PublishedPhoto], folder: str
) -> str:
    sources = {photo.image.id: f"{folder}/{photo.files[0][0]}" for photo in photos}

    def photo_url(image: ImageRef) -> str:
        try:
            return sources[image.id]
        except KeyError:
            raise ExportError(f"photo {image.id}: no web copy could be made of it") from None

    root = rendered_body(article, renderer, photo_url).root
    _drop_placeholders(root)
    return _NOT_IN_HTML_RE.sub("", _inner_html(root))


def _body_text(article: Article, renderer: BodyRenderer) -> str:
    # Headline and byline have their own properties; the rest is the wire copy as sent.
    return plain_text(wire_text(replace(article, headline="", byline=[]), renderer))


def _association(photo: _PublishedPhoto, article_uri: str, folder: str) -> dict[str, Any]:
    image = photo.image
    photo_uri = uuid.uuid5(ITEM_NAMESPACE, "\n".join((article_uri, "photo", image.id)))
    item: dict[str, Any] = {
        "name": image.id,
        "uri": f"urn:uuid:{photo_uri}",
        "type": "picture",
    }
    descriptions = [
        {"role": role, "contenttype": "text/plain", "value": value.strip()}
        for role, value in (
            ("caption", image.caption),
            ("alttext", image.alt),
            ("creditline", image.credit),
        )
        if value.strip()
    ]
    if descriptions:
        item["descriptions"] = descriptions
    if image.credit.strip():
        item["by"] = image.credit.strip()
    if image.copyright.strip():
        item["copyrightnotice"] = image.copyright.strip()
    item.update(_photo_details(image))
    item["renditions"] = [
        {
            "name": f"jpeg-{rendition.width}",
            "href": f"{folder}/{file_name}",
            "contenttype": rendition.mime,
            "width": rendition.width,
            "height": rendition.height,
        }
        for file_name, rendition in photo.files
    ]
    return item


def _photo_details(image: ImageRef) -> dict[str, Any]:
    """Where, when and of whom the photo was taken, in the properties ninjs has for them. The
    special instructions are for the receiving desk, which is what ``ednote`` is for."""
    details: dict[str, Any] = {}
    taken = taken_date_time(image)
    if taken:
        details["contentcreated"] = taken
    place = located(image)
    if place:
        details["located"] = place
        details["places"] = [{"name": place, "rel": "located"}]
    if trimmed(image.persons):
        details["people"] = [{"name": name} for name in trimmed(image.persons)]
    if trimmed(image.keywords):
        details["subjects"] = [{"name": keyword} for keyword in trimmed(image.keywords)]
    if image.source.strip():
        details["infosources"] = [{"name": image.source.strip()}]
    if image.instructions.strip():
        details["ednote"] = image.instructions.strip()
    return details


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value.strip():
            seen.setdefault(value.strip())
    return list(seen)


def _camel_case(value: Any) -> Any:
    if isinstance(value, dict):
        return {_CAMEL_CASE.get(key, key): _camel_case(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_camel_case(item) for item in value]
    return value


class NinjsExporter:
    name = "ninjs"
    description = "IPTC ninjs 2.2 (News in JSON) for wire clients, photos in a folder beside it"
    extension = ".json"
    document_with_photos = True  # ``dateline export -o`` chooses the layout (ExportOptions)
    standard_version = "2.2"

    def package(
        self,
        article: Article,
        media: MediaStore,
        photo_folder: str = "photos",
        options: ExportOptions | None = None,
    ) -> NinjsPackage:
        """The document and its photo files, without writing anything.

        ``photo_folder`` is the folder's name as the document refers to it (relative to the
        JSON file).
        """
        options = options or ExportOptions()
        folder = quote(photo_folder)
        photos = _published(article, media, options)
        uri = item_uri(article)
        document: dict[str, Any] = {
            "uri": uri,
            "standard": {
                "name": "ninjs",
                "version": self.standard_version,
                "schema": f"http://www.iptc.org/std/ninjs/ninjs-schema_{self.standard_version}.json#",
            },
            "type": "text",
            "representationtype": "full",
            "profile": "text-photo" if photos else "text-only",
            "version": _version(article),
            "firstcreated": _timestamp(article.created),
            "versioncreated": _timestamp(article.modified),
            "pubstatus": "usable",
            "language": html_language(article.language),
        }
        if article.slug.strip():
            document["slugline"] = article.slug.strip()
        if article.headline.strip():
            document["headlines"] = [{"role": "main", "value": article.headline.strip()}]
        byline = story_byline(article)
        if byline:
            document["by"] = byline.split(" ", 1)[1]  # without the leading "By"/"Por"
        dateline = article.dateline
        located = ", ".join(p.strip() for p in (dateline.place, dateline.country) if p.strip())
        if located:
            document["located"] = located
            document["places"] = [{"name": located, "rel": "located"}]
        if article.dek.strip():
            document["descriptions"] = [
                {"role": "summary", "contenttype": "text/plain", "value": article.dek.strip()}
            ]
        tags = _unique(article.tags)
        if tags:
            document["subjects"] = [{"name": tag} for tag in tags]
        body_text = _body_text(article, shared_renderer())
        document["bodies"] = [
            {
                "role": "html",
                "contenttype": "text/html",
                "value": _body_html(article, shared_renderer(), photos, folder),
            },
            {
                "role": "text",
                "contenttype": "text/plain",
                "wordcount": count_words(body_text),
                "charcount": len(body_text),
                "value": body_text,
            },
        ]
        if photos:
            document["associations"] = [_association(p, uri, folder) for p in photos]
        files = {name: rendition.data for photo in photos for name, rendition in photo.files}
        return NinjsPackage(self._finish(document), files)

    def _finish(self, document: dict[str, Any]) -> dict[str, Any]:
        return document

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        options = options or ExportOptions()
        if options.layout == "bundle":
            # A folder (or zip) holding story.json and photos/, as the XML formats write one.
            check_bundle_target(out_path)  # before the work, which can take long
            package = self.package(article, media, PHOTO_FOLDER, options)
            files = {f"{PHOTO_FOLDER}/{name}": data for name, data in package.photos.items()}
            files[STORY_FILE] = package.json_text().encode("utf-8")
            write_bundle(out_path, files, modified=article.modified)
            return
        # Both destinations are checked before the work (see bundle.write_document_beside_photos).
        has_photos = any(not image.missing for image in article.photos)
        check_document_beside_photos(out_path, has_photos=has_photos)
        package = self.package(article, media, photo_folder_name(out_path), options)
        write_document_beside_photos(
            out_path, package.json_text().encode("utf-8"), package.photos, options
        )


class Ninjs3Exporter(NinjsExporter):
    name = "ninjs3"
    description = "IPTC ninjs 3.1 (News in JSON, camelCase), photos in a folder beside it"
    standard_version = "3.1"

    def _finish(self, document: dict[str, Any]) -> dict[str, Any]:
        return _camel_case(document)
