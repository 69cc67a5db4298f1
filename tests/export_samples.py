"""The stories every export is tested on: the EFE wire sample with real photos attached, and the
front-matter samples (Wikinews, Global Voices), with fixed dates so outputs are reproducible."""

from __future__ import annotations

import base64
import uuid
from itertools import cycle
from pathlib import Path

from editor.ingest import import_file
from editor.media.attach import store_photo
from editor.media.probe import prepare_photo
from editor.model.article import Article, Crop
from editor.model.media_store import MediaStore

from factories import CREATED, MODIFIED, caravan

# The export tests take the desk's note from here, with the samples it is checked against.
from factories import EDITORS_NOTE as EDITORS_NOTE

DATA = Path(__file__).parent / "data"
PHOTO_FILES = (
    DATA / "images" / "rocket.jpg",
    DATA / "hostile-images" / "hopper.jpg",
    DATA / "hostile-images" / "hopper_orientation_6.jpg",
    DATA / "hostile-images" / "transparent.png",
)
FRONT_MATTER_SAMPLES = (
    "en_wikinews_crane.md",
    "en_wikinews_nasa.md",
    "en_globalvoices_1.md",
    "zh_wikinews_tiktok.md",
)
# A real 1x1 PNG, for stories whose photos must decode but should cost no time.
PNG_BYTES = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=="
)


def _fix_dates(article: Article, name: str) -> None:
    """Fixed dates and story id, so that exports can be compared with golden files."""
    article.created, article.modified = CREATED, MODIFIED
    article.story_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:dateline:test-sample:{name}"))


def efe_with_photos() -> tuple[Article, MediaStore]:
    """The EFE caravan story with a real photo in each of its five places, each captioned and
    credited (one with alt text missing, as reporters leave it), the lead photo cropped."""
    result = caravan()
    article, media = result.article, result.media
    _fix_dates(article, "caravan-efe.md")
    article.slug = "MEXICO-MIGRANTS/CARAVAN"
    article.url_slug = "mexico-pushes-back-migrant-caravan"
    article.tags = ["migration", "Mexico", "Chiapas"]
    article.section = "World"
    article.dek = "Authorities keep a caravan of 1,500 migrants from leaving Chiapas."
    article.byline = ["Juan Manuel Blanco"]
    for number, (image, path) in enumerate(zip(article.photos, cycle(PHOTO_FILES)), start=1):
        data = path.read_bytes()
        prepared = prepare_photo(data, path.name)
        image.media_path = store_photo(media, data, prepared)
        image.format, image.width, image.height = prepared.format, prepared.width, prepared.height
        image.caption = f"Migrants walk north from Huixtla, photo {number} of the caravan."
        image.credit = "EFE/Juan Manuel Blanco"
        image.copyright = "© EFE 2024"
        image.alt = "" if number == 3 else f"Migrants on a highway in Chiapas, view {number}"
    article.photos[0].crop = Crop(0.1, 0.0, 0.9, 0.8)
    return article, media


def front_matter_sample(name: str) -> tuple[Article, MediaStore]:
    result = import_file(DATA / name)
    _fix_dates(result.article, name)
    return result.article, result.media
