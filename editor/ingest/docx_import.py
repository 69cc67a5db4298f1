"""A Word file to an Article: the DOCX reader's fields and photos, its body through the one
HTML converter.

``docx_story.read_docx`` checks the file and reads it into fields, a body as HTML and checked
photos; ``html_markdown.convert_html`` turns that body into Markdown exactly as it turns a paste
from Word, so a story reads the same whichever way it arrived.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from editor.ingest.datelines import _keep_original_dateline
from editor.ingest.docx_package import MAX_DOCX_BYTES
from editor.ingest.docx_story import IMAGE_SCHEME, read_docx, store_docx_photos
from editor.ingest.html_markdown import convert_html
from editor.ingest.paste import dropped_summary
from editor.ingest.result import ImportResult, check_saveable
from editor.ingest.text import IngestError
from editor.model.article import Article, Dateline
from editor.model.media_store import MediaStore

# The converter writes each picture as ![alt](docx-image:N) on a line of its own.
_PICTURE_RE = re.compile(r"!\[(?:\\.|[^\]\\\n])*\]\((?P<src>" + re.escape(IMAGE_SCHEME) + r"\d+)\)")


def import_docx(path: Path | str, *, today: dt.date | None = None) -> ImportResult:
    """Import the Word file at ``path``; IngestError (one line) when it cannot be read."""
    path = Path(path)
    try:
        if not path.is_file():
            reason = "it does not exist" if not path.exists() else "it is not a regular file"
            raise IngestError(f"Cannot read {path.name}: {reason}")
        if path.stat().st_size > MAX_DOCX_BYTES:
            raise IngestError(
                f"Cannot import {path.name}: it is larger than {MAX_DOCX_BYTES // 2**20} MB"
            )
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"Cannot read {path.name}: {error.strerror or error}") from None
    return import_docx_bytes(data, path.name, today=today)


def import_docx_bytes(data: bytes, name: str, *, today: dt.date | None = None) -> ImportResult:
    """Import a Word file's bytes (``name`` for messages)."""
    story = read_docx(data, name, today=today)
    conversion = convert_html(story.body_html)
    media = MediaStore()
    warnings = list(story.warnings)
    records = store_docx_photos(story, media, warnings)

    def placement(match: re.Match[str]) -> str:
        record = records.get(match["src"])
        return f"![](photo:{record.id})" if record is not None else ""

    body = _PICTURE_RE.sub(placement, conversion.markdown)
    article = Article(
        headline=story.headline or conversion.title or "",
        dek=story.dek,
        byline=list(story.byline),
        dateline=story.dateline or Dateline(),
        editors_note=story.editors_note,
        body=re.sub(r"\n{3,}", "\n\n", body).strip("\n"),
    )
    article.photos = list(records.values())
    if article.dateline.style == "efe-es":
        article.language = "es"
    _keep_original_dateline(article, story.original_dateline)
    check_saveable(article)
    notes = list(story.notes)
    dropped = dropped_summary(conversion, formatting=False)
    if dropped:
        notes.append(f"{name}: dropped {dropped}")
    return ImportResult(article=article, media=media, warnings=warnings, notes=notes)
