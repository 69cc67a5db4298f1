"""Which files the window opens as a story: its own ``.article`` files, and what it imports
(Markdown, text, Word, saved web pages). One list for File > Open, File > Import and files
dropped on the window, so that each accepts the same files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData

ARTICLE_SUFFIX = ".article"
IMPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".html", ".htm")
IMPORT_PATTERNS = "(*.md *.markdown *.txt *.docx *.html *.htm)"
# The English filter, for code that has no translator to ask (the window uses import_filter()).
IMPORT_FILTER = f"Stories to import: Markdown, text, Word, saved web pages {IMPORT_PATTERNS}"


def import_filter() -> str:
    """File > Open's and File > Import's filter for imported stories, described in the window's
    language (the patterns stay as they are: Qt reads them)."""
    description = QCoreApplication.translate(
        "StoryFiles", "Stories to import: Markdown, text, Word, saved web pages"
    )
    return f"{description} {IMPORT_PATTERNS}"


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
