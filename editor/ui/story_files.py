"""Which files the window opens as a story: its own ``.article`` files, and what it imports
(Markdown, text, Word, saved web pages). One list for File > Open, File > Import and files
dropped on the window, so that each accepts the same files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

ARTICLE_SUFFIX = ".article"
IMPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".html", ".htm")
IMPORT_FILTER = (
    "Stories to import: Markdown, text, Word, saved web pages "
    "(*.md *.markdown *.txt *.docx *.html *.htm)"
)


def is_imported(path: Path) -> bool:
    return path.suffix.lower() in IMPORTED_SUFFIXES


def dropped_story(source: QMimeData) -> Path | None:
    """The one story file a drop carries (an .article, Markdown, text, Word or saved web page),
    else None: several files, or any other kind, are not a story to open."""
    urls = source.urls() if source.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in (ARTICLE_SUFFIX, *IMPORTED_SUFFIXES) else None
