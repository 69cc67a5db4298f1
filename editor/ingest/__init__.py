"""Import a story from plain text or Markdown into an Article and its photos.

Two shapes of copy reach a reporter's desk:

* plain text as scraped from a wire service's WordPress site: one paragraph per line, the headline
  first, a dateline such as ``Tapachula, Mexico, Dec 3 (EFE).- By Juan Manuel Blanco``, bare short
  lines as subheads, the agency mark at the end of the last paragraph and desk codes such as
  ``jmb/dgp/mcd`` on the last line;
* Markdown with YAML front matter (Wikinews, Global Voices, and this editor's own exports).

Word files (``docx_import``) and pages saved from a browser (``saved_page``) have modules of
their own; ``import_file`` picks one by the file's suffix.

Import never loses text: whatever no rule recognises stays in the body, and front-matter keys no
field holds are kept in ``article.metadata``. Every image becomes a photo record; the body only
places it (``![](photo:p1)``). Local photo files are copied into the MediaStore; web addresses are
never fetched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editor.ingest.context import _Context
from editor.ingest.datelines import parse_byline, parse_dateline
from editor.ingest.front_matter import _import_front_matter, _split_front_matter
from editor.ingest.photos import _Photos
from editor.ingest.result import ImportResult, check_saveable
from editor.ingest.text import IngestError, _decode, _normalise_text, _read_text_bytes
from editor.ingest.wire_text import _import_plain
from editor.model.media_store import MediaStore

__all__ = [
    "ImportResult",
    "IngestError",
    "import_file",
    "import_text",
    "parse_byline",
    "parse_dateline",
]


# --- entry points -------------------------------------------------------------------------------


def import_file(path: Path | str, *, allow_outside: bool = False) -> ImportResult:
    """Import a ``.md`` or ``.txt`` story, a Word ``.docx`` or a page saved from a browser
    (``.html``/``.htm``); photos are looked up next to a text file, and only those inside its
    folder are taken unless ``allow_outside`` (a Word file carries its own; a saved page's are
    taken from its ``NAME_files`` folder only)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from editor.ingest.docx_import import import_docx

        return import_docx(path)
    if suffix in (".html", ".htm"):
        from editor.ingest.saved_page import import_saved_page

        return import_saved_page(path)
    text = _decode(_read_text_bytes(path), path.name)
    return import_text(text, base_dir=path.parent, allow_outside=allow_outside)


def import_text(
    text: str,
    *,
    base_dir: Path | None = None,
    today: dt.date | None = None,
    allow_outside: bool = False,
) -> ImportResult:
    """Import a story from text; ``base_dir`` resolves relative photo paths.

    Photo files outside ``base_dir`` (all of them, without one) are left out, and listed in
    ``ImportResult.outside``, unless ``allow_outside``. ``today`` is only used to guess the
    year of a dateline when nothing in the text tells it.
    """
    text = _normalise_text(text)
    media = MediaStore()
    warnings: list[str] = []
    photos = _Photos(base_dir, media, warnings, allow_outside=allow_outside)
    context = _Context(photos=photos, warnings=warnings, today=today or dt.date.today())
    split = _split_front_matter(text)
    if split is None:
        article = _import_plain(text, context)
    else:
        article = _import_front_matter(split[0], split[1], text, context)
    article.photos = photos.records
    check_saveable(article)
    return ImportResult(
        article=article,
        media=media,
        warnings=warnings,
        notes=photos.notes,
        outside=photos.outside,
    )
