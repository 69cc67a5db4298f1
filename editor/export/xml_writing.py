"""Writing XML documents with ``xml.etree``: characters XML 1.0 cannot hold, tidy indentation that
never touches story text, and a serialisation that is the same bytes every time."""

from __future__ import annotations

import re
from collections.abc import Collection
from xml.etree import ElementTree as ET

# XML 1.0 has no way to write these, not even as character references: a document holding one
# is not well-formed. Control characters come in with pasted text; lone surrogates and U+FFFE/F
# from broken encodings.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (they carry no meaning in a story)."""
    return _NOT_XML_RE.sub("", text)


def clean_tree(root: ET.Element) -> None:
    """Make every text, tail and attribute value in the tree writable as XML 1.0.

    Done once over the finished tree, so no field can be forgotten.
    """
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
        if element.tail:
            element.tail = xml_safe(element.tail)
        for name, value in element.attrib.items():
            element.set(name, xml_safe(value))


def indent_containers(root: ET.Element, containers: Collection[str], level: int = 0) -> None:
    """Indent the children of elements that hold only elements (``containers``, by tag).

    ``ET.indent`` would also put line breaks into mixed content (a paragraph with a link), which
    changes the story's text; here text-bearing elements are left exactly as they are.
    """
    if root.tag not in containers or not len(root):
        return
    inner = "\n" + "  " * (level + 1)
    root.text = inner
    for child in root:
        indent_containers(child, containers, level + 1)
        child.tail = inner
    root[-1].tail = "\n" + "  " * level


def to_bytes(root: ET.Element) -> bytes:
    """The document as UTF-8 with an XML declaration and a final newline."""
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
