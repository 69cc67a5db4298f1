"""A whole story on the clipboard as a new story: File > New Story from Clipboard.

A reporter copies a story from a wire page, a mail or a document: a headline, a dateline line,
paragraphs. Plain text goes through the wire-text rules as ``import_text`` reads a file. HTML
(what Word, Google Docs and browsers put beside the text, with its links, emphasis, lists and
pictures) goes through the paste path, then the same rules over its first and last blocks: the
converter's first heading, or a short first paragraph, is the headline; the dateline and byline
lines under it become fields (a bold dateline too, as agencies set it); the sign-off and the
agency's end mark come off the end. The blocks are Markdown, so a list or a table stays whole.
"""

from __future__ import annotations

import datetime as dt
import re

from editor.ingest import import_text
from editor.ingest.datelines import _YearHints, parse_byline, parse_dateline
from editor.ingest.paste import paste_html
from editor.ingest.pasted_text import markdown_plain_text
from editor.ingest.photos import _is_image_line
from editor.ingest.result import ImportResult
from editor.ingest.text import IngestError
from editor.ingest.wire_text import _take_end_mark, _take_header, _take_headline, _take_sign_off

# A dateline or byline set in bold at a paragraph's start: "**Tapachula, Mexico, Dec 3 (EFE).-**".
_BOLD_LEAD_RE = re.compile(r"\*\*((?:\\.|[^*\\\n])+)\*\*[ \t]*")
# The header lines sit right under the headline: only this many blocks are looked at.
_HEADER_BLOCKS = 3


def story_from_clipboard(
    *, html: str = "", text: str = "", today: dt.date | None = None
) -> ImportResult:
    """The story the clipboard's ``html`` (preferred) or ``text`` holds.

    IngestError when neither holds any text.
    """
    if html.strip():
        pasted = paste_html(html)
        article = pasted.result.article
        if article.body.strip() or article.headline:
            _take_wire_fields(pasted.result, today or dt.date.today())
            return pasted.result
    if text.strip():
        return import_text(text, today=today)
    raise IngestError("The clipboard holds no story: copy a headline, dateline and text first")


def _take_wire_fields(result: ImportResult, today: dt.date) -> None:
    article = result.article
    blocks = [block for block in article.body.split("\n\n") if block.strip()]
    leading = 0
    while leading < len(blocks) and _is_image_line(blocks[leading]):
        leading += 1
    images, blocks = blocks[:leading], blocks[leading:]
    if not article.headline and blocks and "\n" not in blocks[0]:
        headline, rest = _take_headline([markdown_plain_text(blocks[0])])
        if headline and not rest:
            article.headline = headline
            blocks = blocks[1:]
    hints = _YearHints(latest_upload=None, reference=None, today=today)
    head = [_without_bold_lead(block) for block in blocks[:_HEADER_BLOCKS]]
    blocks = _take_header(head, article, hints) + blocks[_HEADER_BLOCKS:]
    blocks = _take_end_mark(_take_sign_off(blocks, article), article)
    article.body = "\n\n".join(images + blocks)
    if article.dateline.style == "efe-es":
        article.language = "es"


def _without_bold_lead(block: str) -> str:
    """``block`` with the bold taken off its start when the bold part is a dateline or byline
    (the wire-text rules read the line as text)."""
    match = _BOLD_LEAD_RE.match(block)
    if match is None:
        return block
    lead = markdown_plain_text(match[0]).strip()
    if parse_dateline(lead, default_year=2000) is None and parse_byline(lead) is None:
        return block
    rest = block[match.end() :]
    return f"{lead} {rest}" if rest else lead
