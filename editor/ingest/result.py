"""What every import gives (the article, its photos, lines for the reporter), and the last
check before it is handed over: kept apart so that each importer can use them without
importing the package's entry points."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.ingest.text import IngestError
from editor.model.article import Article, ArticleDataError, article_from_dict, article_to_dict
from editor.model.media_store import MediaStore


@dataclass
class ImportResult:
    article: Article
    media: MediaStore
    warnings: list[str]  # one line each, for the reporter
    notes: list[str] = field(default_factory=list)  # one line per photo file taken
    # Photo sources left out because they lie outside the story's folder (see allow_outside).
    outside: list[str] = field(default_factory=list)


def check_saveable(article: Article) -> None:
    """Refuse now, with the model's message, what would make the saved package unreadable."""
    try:
        article_from_dict(article_to_dict(article), article.body)
    except ArticleDataError as error:
        raise IngestError(f"The imported story cannot be stored: {error}") from None
