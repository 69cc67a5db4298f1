"""Plain wire text: headline, header lines, subheads, end mark and sign-off.

This is the copy scraped from a wire service's WordPress site: one paragraph per line, the
headline first, a dateline and byline under it, bare short lines as subheads, the agency mark at
the end of the last paragraph and desk codes on the last line.
"""

from __future__ import annotations

import re

from editor.ingest.context import _Context
from editor.ingest.datelines import (
    _keep_original_dateline,
    _latest_upload,
    _with_inferred_year,
    _YearHints,
    parse_byline,
    parse_dateline,
)
from editor.ingest.photos import _IMAGE_RE, _image_parts, _is_image_line, _Photos
from editor.ingest.text import _plain
from editor.model.article import Article, ImageRef

# A first line longer than this is the lead paragraph of a story without a headline.
MAX_HEADLINE_CHARS = 200
SUBHEAD_MAX_CHARS = 80
SUBHEAD_MAX_WORDS = 12


def _import_plain(text: str, context: _Context) -> Article:
    article = Article()
    hints = _YearHints(latest_upload=_latest_upload(text), reference=None, today=context.today)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    leading_images, lines = _split_leading_images(lines)
    article.headline, lines = _take_headline(lines)
    lines = _take_header(lines, article, hints)
    lines = _take_sign_off(lines, article)
    lines = _take_end_mark(lines, article)
    lines = _mark_subheads(lines)
    body = _place_leading_images(leading_images, article.headline, context.photos)
    body += [context.photos.place_all(line, reuse=False)[0] for line in lines]
    article.body = "\n\n".join(body)
    if article.dateline.style == "efe-es":
        article.language = "es"
    return article


def _split_leading_images(lines: list[str]) -> tuple[list[str], list[str]]:
    count = 0
    while count < len(lines) and _is_image_line(lines[count]):
        count += 1
    return lines[:count], lines[count:]


def _take_headline(lines: list[str]) -> tuple[str, list[str]]:
    """The first line, unless it is already the dateline, a byline or a whole paragraph."""
    if not lines:
        return "", lines
    first = lines[0]
    heading = re.fullmatch(r"#{1,6}\s+(.+?)(?:\s+#+)?", first)
    candidate = heading.group(1) if heading else first
    if (
        len(candidate) > MAX_HEADLINE_CHARS
        or parse_dateline(first, default_year=2000) is not None
        or parse_byline(first) is not None
    ):
        return "", lines
    return candidate, lines[1:]


def _take_header(lines: list[str], article: Article, hints: _YearHints) -> list[str]:
    """Take the byline and dateline lines under the headline; photos between them stay put.

    A dateline that opens the lead paragraph (``MADRID, Dec 3 (Reuters) - The ...``) leaves the
    rest of the paragraph in the body.
    """
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _is_image_line(line):
            kept.append(line)
            continue
        names = parse_byline(line) if not article.byline else None
        if names:
            article.byline = names
            continue
        found = None
        if article.dateline.is_empty():
            found = parse_dateline(line, default_year=hints.today.year)
        if found is None:
            return kept + lines[index:]
        article.dateline = _with_inferred_year(found[0], hints)
        _keep_original_dateline(article, _dateline_part(line, found[1]))
        rest = found[1]
        names = parse_byline(rest) if rest and not article.byline else None
        if names:
            article.byline = names
        elif rest:
            return [*kept, rest, *lines[index + 1 :]]
    return kept


def _dateline_part(line: str, rest: str) -> str:
    line = line.strip()
    return line.removesuffix(rest).strip() if rest else line


_SIGN_OFF_RE = re.compile(r"[a-z]{2,4}(?:/[a-z]{2,4})+")


def _take_sign_off(lines: list[str], article: Article) -> list[str]:
    if lines and _SIGN_OFF_RE.fullmatch(lines[-1]):
        article.sign_off = lines[-1]
        return lines[:-1]
    return lines


def _take_end_mark(lines: list[str], article: Article) -> list[str]:
    """Take the agency mark (the dateline's source) off the end of the last paragraph."""
    mark = article.dateline.source
    if not mark:
        return lines
    for index in reversed(range(len(lines))):
        line = lines[index]
        if _is_image_line(line):
            continue
        if line != mark and not line.endswith(" " + mark):
            return lines
        article.end_mark = mark
        rest = line.removesuffix(mark).rstrip()
        return lines[:index] + ([rest] if rest else []) + lines[index + 1 :]
    return lines


def _mark_subheads(lines: list[str]) -> list[str]:
    """Turn bare short lines that sit between paragraphs into ``## `` subheads."""
    text_positions = [index for index, line in enumerate(lines) if not _is_image_line(line)]
    marked = list(lines)
    for order in range(1, len(text_positions) - 1):
        line = lines[text_positions[order]]
        following = lines[text_positions[order + 1]]
        # A subhead introduces a paragraph; a run of short lines is something else (a list).
        if _looks_like_subhead(line) and not _looks_like_subhead(following):
            marked[text_positions[order]] = f"## {line}"
    return marked


_SENTENCE_END = ".!?:;…,。！？：；，"
_CLOSING_QUOTES = "”\"’'»」』)"


def _looks_like_subhead(line: str) -> bool:
    if len(line) > SUBHEAD_MAX_CHARS or len(line.split()) > SUBHEAD_MAX_WORDS:
        return False
    if line[-1] in _SENTENCE_END or line[-1] in _CLOSING_QUOTES:
        return False
    first = line[0]
    return first.isalpha() and not first.islower()


def _place_leading_images(images: list[str], headline: str, photos: _Photos) -> list[str]:
    """Body lines for the photos above the headline; the lead photo is featured, not placed.

    A scraped WordPress page shows its featured photo above the headline with the headline as alt
    text: that alt describes nothing, so the record gets none.
    """
    body: list[str] = []
    lead_found = False
    for line in images:
        match = _IMAGE_RE.search(line)
        assert match is not None  # leading lines are image lines
        alt, src, title = _image_parts(match)
        if not lead_found and _repeats_headline(alt, headline):
            lead_found = True
            photos.add(ImageRef(id="", original_name=src, caption=title, featured=True), src)
        else:
            body.append(photos.place_all(line, reuse=False)[0])
    return body


def _repeats_headline(alt: str, headline: str) -> bool:
    alt, headline = _plain(alt).casefold(), _plain(headline).casefold()
    return bool(alt and headline) and not alt.replace(headline, "").strip()
