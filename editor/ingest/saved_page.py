"""A page saved from a browser ("Web page, complete": ``NAME.html`` beside ``NAME_files/``) as a
story: its fields from the page's JSON-LD and meta tags, its body from the story's element
through the one HTML converter, its figures as photos.

Pictures are taken only from the page's own ``NAME_files`` folder, where the browser saved
them: an address that leads anywhere else (``..``, an absolute path, a link in the folder that
points out) is left out and said so, and web addresses become photo records that name them,
never downloaded, exactly as for a paste (``paste.place_html_images``).

Dates: the page's publication time is kept as written in ``article.metadata["published"]``,
and its year dates a wire dateline opening the story ("Tapachula, Mexico, Dec 3 (EFE).-"),
which becomes the structured dateline. Without one the dateline stays empty: a date alone
prints as "Dec 3.-", and where the story is datelined is the desk's call. ``article.created``
stays the time of the import: it is when this story began in the editor (revisions, recovery
and the desk's lists order by it), while the page's time belongs to someone else's copy.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from editor.ingest.datelines import _keep_original_dateline, parse_byline, parse_dateline
from editor.ingest.html_markdown import convert_html
from editor.ingest.page_body import find_body
from editor.ingest.page_meta import PageMeta, read_page_meta
from editor.ingest.paste import _decode_html, _local_file, dropped_summary, place_html_images
from editor.ingest.photos import _is_image_line, _Photos
from editor.ingest.result import ImportResult, check_saveable
from editor.ingest.text import IngestError
from editor.model.article import MAX_BODY_CHARS, Article, Dateline
from editor.model.media_store import MediaStore

# Saved news pages weigh 0.1-3 MB (scripts' state, inline SVG; the browser saves pictures beside
# them); a larger file is no story page. The converter takes about 1 s per MB of story, so this
# bounds an import at seconds, and a 10,000-word story's page imports in about 50 ms
# (benchmarks/intake_page.py).
MAX_PAGE_BYTES = 10 * 1024 * 1024
_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:|//")


def import_saved_page(path: Path | str, *, today: dt.date | None = None) -> ImportResult:
    """Import the saved page at ``path``; IngestError (one line) when it cannot be read."""
    path = Path(path)
    html = _decode_html(_read_page_bytes(path), path.name)
    return saved_page_story(html, path, today=today)


def saved_page_story(html: str, path: Path, *, today: dt.date | None = None) -> ImportResult:
    """The story of the page ``html`` saved at ``path`` (its ``_files`` folder beside it)."""
    tree = LexborHTMLParser(re.sub("[\x00\ud800-\udfff]", "", html))
    meta = read_page_meta(tree)
    found = find_body(tree)
    if found.text_chars > MAX_BODY_CHARS:
        # Its Markdown would be longer still: refuse before the converter spends seconds on it.
        raise IngestError(
            f"Cannot import {path.name}: its story is longer than {MAX_BODY_CHARS:,} characters"
        )
    conversion = convert_html(found.html)
    media = MediaStore()
    warnings: list[str] = []
    files = path.parent.absolute() / f"{path.stem}_files"
    photos = _Photos(files, media, warnings)
    body, _ = place_html_images(
        conversion,
        photos,
        warnings,
        local_file=lambda src: _saved_file(src, path.parent.absolute()),
    )
    article = Article(
        headline=meta.headline or conversion.title or "",
        dek=meta.dek,
        byline=list(meta.byline),
        section=meta.section,
        tags=list(meta.tags),
        body=body,
    )
    if meta.language:
        article.language = meta.language
    _take_dateline(article, meta, today or dt.date.today())
    if meta.published is not None:
        article.metadata["published"] = meta.published.isoformat()
    if meta.url:
        article.metadata["source_url"] = meta.url
    article.photos = photos.records
    check_saveable(article)
    notes = [f"{path.name}: the story found in the page's {_PLACES[found.method]}", *photos.notes]
    dropped = dropped_summary(conversion)
    if dropped:
        notes.append(f"{path.name}: dropped {dropped}")
    if not body.strip():
        warnings.append(f"{path.name}: no story text found in the page")
    # Only the _files folder is ever read: no switch takes pictures from elsewhere.
    return ImportResult(article=article, media=media, warnings=warnings, notes=notes)


_PLACES = {
    "articleBody": "articleBody element",
    "article": "<article> element",
    "main": "<main> element",
    "paragraphs": "longest run of paragraphs",
    "page": "whole page",
}


def _saved_file(src: str, page_dir: Path) -> str:
    """The file a picture's address names, relative ones against the page's folder; web
    addresses unchanged (the photos' folder rule then judges the file)."""
    local = _local_file(src)
    if not local or _SCHEME_RE.match(local) or Path(local).is_absolute():
        return local
    return str(page_dir / local)


def _take_dateline(article: Article, meta: PageMeta, today: dt.date) -> None:
    """A wire dateline opening the first paragraph becomes the structured dateline (and a
    "By ..." after it the byline, when the page named none)."""
    blocks = article.body.split("\n\n")
    # The lead photo often stands above the first paragraph.
    index = next((n for n, block in enumerate(blocks) if not _is_image_line(block)), None)
    if index is None:
        return
    first = blocks[index]
    year = meta.published.year if meta.published is not None else today.year
    found = parse_dateline(first, default_year=year)
    if found is None:
        return
    dateline, rest = found
    names = parse_byline(rest) if rest else None
    if names:
        if not article.byline:
            article.byline = names
        rest = ""
    article.dateline = dateline or Dateline()
    blocks[index : index + 1] = [rest] if rest else []
    article.body = "\n\n".join(blocks)
    if article.dateline.style == "efe-es" and not meta.language:
        article.language = "es"
    _keep_original_dateline(article, first[: len(first) - len(rest)].strip())


def _read_page_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            reason = "it does not exist" if not path.exists() else "it is not a regular file"
            raise IngestError(f"Cannot read {path.name}: {reason}")
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            limit = MAX_PAGE_BYTES // 2**20
            raise IngestError(f"Cannot import {path.name}: it is larger than {limit} MB")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"Cannot read {path.name}: {error.strerror or error}") from None
