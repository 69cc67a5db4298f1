"""The IPTC XML schemas the wire exports are checked against, loaded offline from the
repository's copies (tests/data/schemas/)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "data" / "schemas"


def load_schema(path: Path) -> etree.XMLSchema:
    """The schema from the repository's copy; every import must be a local file."""
    document = etree.parse(str(path), etree.XMLParser(no_network=True))
    for ref in document.iter("{http://www.w3.org/2001/XMLSchema}import"):
        assert "://" not in (ref.get("schemaLocation") or ""), "schema import would go online"
    return etree.XMLSchema(document)


def text(element: etree._Element | None) -> str:
    """All the text inside ``element`` (which must exist)."""
    assert element is not None
    return "".join(element.itertext())
