"""How tests build stories, in one place: an article from its fields, the EFE caravan story's
fields and its parsed wire sample, and small real photos stored the way the window stores them.

Each call returns fresh objects (lists, mappings, media stores), so a test may change what it
gets without reaching into another test's story.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from PIL import Image

from editor.ingest import ImportResult, import_file
from editor.media.attach import store_photo
from editor.media.probe import prepare_photo
from editor.model.article import Article, Dateline, ImageRef
from editor.model.media_store import MediaStore

from locations import DATA

CARAVAN_FILE = DATA / "caravan-efe.md"
# Fixed dates, so that what a test writes does not depend on when it runs.
CREATED = dt.datetime(2024, 12, 3, 14, 5, tzinfo=dt.UTC)
MODIFIED = dt.datetime(2024, 12, 3, 16, 40, tzinfo=dt.UTC)
# The desk's note: no export may carry it, so tests look for it in their output.
EDITORS_NOTE = "EDITORS-NOTE: hold until the minister confirms"


def caravan_fields() -> dict[str, Any]:
    """The caravan story's headline, credits, dateline, labels and notes: every text field set."""
    return {
        "headline": "Mexico pushes back migrant caravan",
        "dek": "Hundreds of migrants walk north from Tapachula",
        "byline": ["Ana López", "Jo Smith"],
        "dateline": Dateline(place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3)),
        "slug": "MEXICO-MIGRANTS/CARAVAN",
        "url_slug": "mexico-pushes-back-migrant-caravan",
        "section": "World",
        "tags": ["migration", "Mexico"],
        "sign_off": "jmb/dgp",
        "end_mark": "EFE",
        "editors_note": "Check the figures with the INM.",
        "created": dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        "metadata": {"source_url": "https://example.org/caravan"},
    }


def efe_wire_fields() -> dict[str, Any]:
    """The EFE wire story's header as the export tests set it by hand (headline, dek, byline,
    dateline, slug, section, tags, desk codes, the desk's note, dates), without body or photos."""
    return {
        "headline": "México pushes back Migrant Caravan!",
        "dek": "Authorities keep the caravan in Chiapas",
        "byline": ["Juan Manuel Blanco"],
        "dateline": Dateline(
            place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3), source="EFE"
        ),
        "slug": "MEXICO-MIGRANTS/CARAVAN",
        "section": "World",
        "tags": ["migration", "Mexico"],
        "sign_off": "jmb/dgp/mcd",
        "end_mark": "EFE",
        "editors_note": EDITORS_NOTE,
        "created": dt.datetime(2024, 12, 3, 9, 30, tzinfo=dt.UTC),
        "modified": dt.datetime(2024, 12, 3, 10, 45, tzinfo=dt.UTC),
    }


def article(**fields: Any) -> Article:
    """An article with exactly these fields set (the rest empty), created and modified at fixed
    moments unless ``fields`` says otherwise."""
    return Article(**{"created": CREATED, "modified": MODIFIED, **fields})


def caravan_article(**fields: Any) -> Article:
    """The caravan story with every text field set; ``fields`` replace or add to them."""
    return article(**{**caravan_fields(), **fields})


def caravan() -> ImportResult:
    """The EFE wire story (tests/data/caravan-efe.md) as the importer reads it."""
    return import_file(CARAVAN_FILE)


def image_bytes(
    image_format: str = "PNG",
    colour: tuple[int, int, int] = (180, 60, 30),
    size: tuple[int, int] = (48, 32),
) -> bytes:
    """A small real image in ``image_format`` (a Pillow format name): it decodes, costs no time."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format)
    return buffer.getvalue()


def stored_photo(
    media: MediaStore, photo_id: str, data: bytes, name: str, **fields: Any
) -> ImageRef:
    """The record of a photo whose file, thumbnail and display copy are in ``media``, with its
    format and size as read from ``data``; ``fields`` set caption, credit, crop and the rest
    (and may give the record another original name than the one ``data`` is read under)."""
    prepared = prepare_photo(data, name)
    found = {
        "original_name": name,
        "media_path": store_photo(media, data, prepared),
        "format": prepared.format,
        "width": prepared.width,
        "height": prepared.height,
    }
    return ImageRef(id=photo_id, **{**found, **fields})
