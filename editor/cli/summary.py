"""The article summary ``dateline info`` prints, and ``dateline media add --json`` reuses for
the photos it added. Its keys are a public contract: extend, never rename or drop."""

from __future__ import annotations

from typing import Any

from editor.cli.common import one_line
from editor.model.article import Article, article_to_dict, count_words
from editor.model.counts import UNIT_CHARACTERS, count_text
from editor.model.dateline import dateline_text

# The keys of `info --json`, in order.
INFO_KEYS = (
    "headline", "dek", "byline", "dateline", "slug", "url_slug", "section", "tags", "language",
    "sign_off", "end_mark", "word_count", "created", "modified", "photos", "story_id",
    "count_unit", "characters",
)  # fmt: skip
INFO_DATELINE_KEYS = ("place", "country", "date", "source", "text", "style")
INFO_PHOTO_KEYS = (
    "id", "original_name", "format", "width", "height", "caption", "credit", "copyright",
    "alt", "featured", "crop", "focal", "has_gps", "missing", "city", "country", "keywords",
    "date_taken", "source", "instructions", "persons",
)  # fmt: skip


def article_summary(article: Article) -> dict[str, Any]:
    """The `info --json` object: the stored fields plus what is derived from them."""
    stored = article_to_dict(article)
    counts = count_text(article.body, article.language)
    derived = {
        # In ``count_unit``: words, or characters for Chinese and Japanese (each Han character
        # or kana one, each word of another script one), as the status bar counts.
        "word_count": count_words(article.body),
        "count_unit": counts.unit,
        "characters": counts.characters,  # what a reader sees, spaces included
        "dateline": {**stored["dateline"], "text": dateline_text(article.dateline)},
        "photos": [
            {**photo, "missing": image.missing}
            for photo, image in zip(stored["photos"], article.photos, strict=True)
        ],
    }
    summary: dict[str, Any] = {key: derived.get(key, stored.get(key)) for key in INFO_KEYS}
    summary["dateline"] = {key: summary["dateline"][key] for key in INFO_DATELINE_KEYS}
    summary["photos"] = [
        {key: photo[key] for key in INFO_PHOTO_KEYS} for photo in summary["photos"]
    ]
    return summary


def summary_text(summary: dict[str, Any]) -> str:
    """The summary as the lines ``dateline info`` prints without ``--json``: one line per field,
    whatever line breaks or control characters a field holds."""
    field = {key: one_line(str(summary[key])) for key in ("headline", "dek", "slug", "section")}
    photo_lines = []
    for photo in summary["photos"]:
        state = "MISSING" if photo["missing"] else f"{photo['width']}x{photo['height']}"
        photo_lines.append(
            f"  {one_line(photo['id'])}: {one_line(photo['original_name'])} ({state}) "
            f"{one_line(photo['caption'])}"
        )
    lines = [
        f"Headline:  {field['headline']}",
        f"Dek:       {field['dek']}",
        f"Byline:    {one_line(', '.join(summary['byline']))}",
        f"Dateline:  {one_line(summary['dateline']['text'])}",
        f"Slug:      {field['slug']}",
        f"Section:   {field['section']}",
        f"Tags:      {one_line(', '.join(summary['tags']))}",
        f"Language:  {one_line(summary['language'])}",
        f"Sign-off:  {one_line(summary['sign_off'])}",
        f"Words:     {summary['word_count']}",
        *(
            [f"Length:    {summary['word_count']} characters (Chinese and Japanese count)"]
            if summary.get("count_unit") == UNIT_CHARACTERS
            else []
        ),
        f"Photos:    {len(summary['photos'])}",
        *photo_lines,
    ]
    return "\n".join(lines)
