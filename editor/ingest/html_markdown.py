"""The one HTML -> Markdown converter: pasted HTML, DOCX bodies and saved web pages all use it.

Copy reaches the editor as HTML from Word, Google Docs, LibreOffice and web pages. The story's
structure (headings, paragraphs, bold and italic, links, lists, quotes, tables, footnotes and
images) becomes Markdown the body renderer reads; everything else (styles, classes, fonts,
colours, Office's conditional comments and private markup, scripts, frames, forms, tracking
pixels) is dropped and counted, so the window can say what it left out.

Why a walk of our own over lexbor (selectolax) rather than markdownify or html2text, measured on
Word's clipboard HTML (see benchmarks/intake_convert.py): both libraries print Word's list
bullets and conditional comments as text ("if !supportLists1."), miss CSS-only bold and italic,
keep ``javascript:`` links, turn ``1.`` at a line's start into a list, and take 0.5-1 s for 10,000
words (markdownify also dies of RecursionError on deep nesting). lexbor parses as browsers do
(Google Docs' ``<b>`` around block elements stays around them; lxml's libxml2 closes it, and
silently drops everything after 256 levels of nesting) in about 15 ms for those 10,000 words.

The converter never raises: every input string gives a conversion. Text is escaped so that it
never becomes markup (``*``, ``_``, ``#`` or ``1.`` at a line's start, ``<``...), and no raw HTML
is ever written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from editor.ingest.html_walk import HtmlWalker
from editor.ingest.office_html import source_of

# Above this many characters of HTML a conversion takes longer than the window may block for:
# about 30 ms at 100,000 characters of Word's clipboard HTML (some 1,800 words), growing in
# step with the size (benchmarks/intake_convert.py). The window converts larger pastes in a
# worker.
OFF_THREAD_CHARS = 100_000

# A paste this large is no story (a whole mailbox, a page full of inline images). Cutting it
# would paste half a story without telling anyone: it gives an empty conversion instead, with
# ``dropped["too large"]`` for the caller to say so.
MAX_HTML_CHARS = 50_000_000

_CF_HTML_HEADER_RE = re.compile(r"\AVersion:\d[^\n]*\n(?:[A-Za-z]+:[^\n]*\n)*")


@dataclass
class HtmlImage:
    """An image of the HTML, in order: its address as written (``data:`` URIs included), its
    alt text and the caption found under it (a ``figcaption`` or a caption paragraph)."""

    src: str
    alt: str = ""
    caption: str = ""


@dataclass
class HtmlConversion:
    markdown: str
    title: str | None = None
    images: list[HtmlImage] = field(default_factory=list)
    # paragraphs, headings, links, lists, tables, images, footnotes (always all seven keys)
    counts: dict[str, int] = field(default_factory=dict)
    # what was removed, by kind ("styles", "classes", "scripts", "office markup"...): only kinds
    # found are present
    dropped: dict[str, int] = field(default_factory=dict)
    # which program wrote the HTML: "word", "google-docs", "libreoffice" or "web"
    source: str = "web"


COUNT_KEYS = ("paragraphs", "headings", "links", "lists", "tables", "images", "footnotes")


def convert_html(html: str, *, base_url: str | None = None) -> HtmlConversion:
    """Markdown for ``html``; relative addresses resolve against ``base_url`` when given
    (without one, relative links keep only their text). Never raises."""
    counts = dict.fromkeys(COUNT_KEYS, 0)
    if not isinstance(html, str):
        return HtmlConversion("", counts=counts, dropped={"not text": 1})
    if len(html) > MAX_HTML_CHARS:
        return HtmlConversion("", counts=counts, dropped={"too large": 1})
    html = _without_clipboard_header(html)
    # NUL and lone surrogates are no text; lexbor would stop at a NUL.
    html = re.sub("[\x00\ud800-\udfff]", "", html)
    source = source_of(html)
    try:
        root = LexborHTMLParser(html).root
        walked = HtmlWalker(base_url).walk(root) if root is not None else None
    except (RecursionError, MemoryError, ValueError, UnicodeError):
        return HtmlConversion("", counts=counts, dropped={"unreadable": 1}, source=source)
    if walked is None:
        return HtmlConversion("", counts=counts, source=source)
    blocks = list(walked.blocks)
    if walked.footnotes:
        blocks.append("\n".join(f"[^{label}]: {text}" for label, text in walked.footnotes.items()))
    counts.update({key: walked.counts[key] for key in COUNT_KEYS})
    images = [HtmlImage(image.src, image.alt, image.caption) for image in walked.images]
    return HtmlConversion(
        markdown="\n\n".join(blocks),
        title=walked.title,
        images=images,
        counts=counts,
        dropped=dict(sorted(walked.dropped.items())),
        source=source,
    )


def _without_clipboard_header(html: str) -> str:
    """Windows' clipboard format starts with ``Version:0.9`` and offsets: not part of the page."""
    match = _CF_HTML_HEADER_RE.match(html)
    return html[match.end() :] if match else html
