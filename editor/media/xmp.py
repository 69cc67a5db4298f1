"""Reading the XMP packet of a photo: caption, creator, rights, credit, alt text, and where,
when and of whom it was taken (city, country, keywords, date, source, instructions, persons).

XMP is XML from an unknown source, so it is parsed with defusedxml and no document type is
allowed at all: entity tricks (billion laughs, external entities) are refused before they
expand or fetch anything, and the photo is then read as if it had no XMP.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import defusedxml
import defusedxml.ElementTree

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CONTAINERS = {f"{{{RDF}}}{kind}" for kind in ("Alt", "Seq", "Bag")}

# A real packet is a few kilobytes (JPEG caps it at 64 KB); parsing more is wasted time.
MAX_PACKET_BYTES = 2_000_000


@dataclass(frozen=True)
class XmpFields:
    description: str = ""
    creators: tuple[str, ...] = ()
    rights: str = ""
    credit: str = ""
    alt_text: str = ""
    city: str = ""
    country: str = ""
    subjects: tuple[str, ...] = ()  # dc:subject, the keywords
    date_created: str = ""  # photoshop:DateCreated as written (ISO 8601, possibly partial)
    source: str = ""
    instructions: str = ""
    persons: tuple[str, ...] = ()  # Iptc4xmpExt:PersonInImage


def xmp_packet(info: dict) -> bytes | str | None:
    """The XMP packet Pillow found: ``xmp`` (JPEG, WebP, TIFF) or the PNG text chunk."""
    packet = info.get("xmp") or info.get("XML:com.adobe.xmp")
    return packet if isinstance(packet, bytes | str) else None


def read_xmp_fields(packet: bytes | str | None) -> XmpFields:
    root = _parse(packet)
    if root is None:
        return XmpFields()
    return XmpFields(
        description=_language_alternative(_values(root, DC, "description")),
        creators=tuple(text for _, text in _values(root, DC, "creator") if text),
        rights=_language_alternative(_values(root, DC, "rights")),
        credit=_first(root, PHOTOSHOP, "Credit"),
        alt_text=_language_alternative(_values(root, IPTC_CORE, "AltTextAccessibility")),
        city=_first(root, PHOTOSHOP, "City"),
        country=_first(root, PHOTOSHOP, "Country"),
        subjects=_all(root, DC, "subject"),
        date_created=_first(root, PHOTOSHOP, "DateCreated"),
        source=_first(root, PHOTOSHOP, "Source"),
        instructions=_first(root, PHOTOSHOP, "Instructions"),
        persons=_all(root, IPTC_EXT, "PersonInImage"),
    )


def _first(root: Element, namespace: str, name: str) -> str:
    return next((text for _, text in _values(root, namespace, name) if text.strip()), "")


def _all(root: Element, namespace: str, name: str) -> tuple[str, ...]:
    return tuple(text for _, text in _values(root, namespace, name) if text.strip())


def _parse(packet: bytes | str | None) -> Element | None:
    if not packet or len(packet) > MAX_PACKET_BYTES:
        return None
    if isinstance(packet, bytes):
        packet = packet.rstrip(b"\x00 \t\r\n")
    try:
        return defusedxml.ElementTree.fromstring(packet, forbid_dtd=True)
    except (ET.ParseError, defusedxml.DefusedXmlException, ValueError):
        return None


def _values(root: Element, namespace: str, name: str) -> list[tuple[str | None, str]]:
    """(language, text) pairs of one property in every rdf:Description, in either XMP form.

    A property may be an attribute (``photoshop:Credit="EFE"``) or an element holding text or an
    rdf:Alt / rdf:Seq / rdf:Bag of ``rdf:li`` items.
    """
    tag = f"{{{namespace}}}{name}"
    values: list[tuple[str | None, str]] = []
    for description in root.iter(f"{{{RDF}}}Description"):
        if tag in description.attrib:
            values.append((None, description.attrib[tag]))
        for element in description.findall(tag):
            container = next((child for child in element if child.tag in _CONTAINERS), None)
            if container is None:
                values.append((element.get(_XML_LANG), "".join(element.itertext())))
                continue
            for item in container.findall(f"{{{RDF}}}li"):
                values.append((item.get(_XML_LANG), "".join(item.itertext())))
    return values


def _language_alternative(values: list[tuple[str | None, str]]) -> str:
    """The x-default text of a language alternative, else its first non-empty text."""
    for language, text in values:
        if language == "x-default" and text.strip():
            return text
    return next((text for _, text in values if text.strip()), "")
