"""The wire copy: the story as plain text, the way a desk receives it.

Headline, byline, the dateline running into the first paragraph, the body as plain paragraphs
(subheads on their own lines, quotes without markup, links as their text, photos left out),
the agency's end mark after the last paragraph, and the sign-off desk codes on the last line.
Made from the same rendered (and sanitised) body as every other format.

A right-to-left story's lines each begin with a RIGHT-TO-LEFT MARK (U+200F). Plain text has
no markup to carry a direction, and a reader (a desk terminal, a mail client, a wire system)
sets each line's direction by its first strong character: a line opening with a Latin name,
a number or the agency's Latin dateline would otherwise be laid out left to right, with the
dateline at the left end and the full stops on the wrong side. The mark is the form wire and
mail systems have long passed through (it is a character of Unicode 1.1, with no embedding
to close), unlike the isolates (RLI...PDI, Unicode 6.3), which older systems show as boxes or
drop unbalanced; the embeddings (RLE...PDF) must be closed on every line and are deprecated
for new text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from editor.model.article import Article
from editor.model.dateline import dateline_text
from editor.render.markdown import BodyRenderer, PhotoLookup
from editor.render.page import story_byline
from editor.text.direction import article_direction, text_direction

RLM = "\u200f"  # RIGHT-TO-LEFT MARK: a strong right-to-left character, invisible

_BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd"}
_SKIPPED = {"figure", "sup"}  # photos and footnote markers have no place in wire text
_OWN_SPANS = {"photo-placeholder", "end-mark"}  # spans of ours, not of the story's text


class _PlainText(HTMLParser):
    """Paragraph texts of a rendered body, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0
        self._in_placeholder = False  # a missing photo's placeholder holds text only, no spans

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "span" and _OWN_SPANS & set((dict(attrs).get("class") or "").split()):
            # "Photo not in the story package" is for the author; the end mark is added after
            # the last paragraph by wire_text (a preview's body holds it already).
            self._in_placeholder = True
            self._skipping += 1
        elif tag in _BLOCKS:
            # A list item's first paragraph keeps its bullet (loose lists wrap items in <p>).
            bullet = "".join(self._current).strip() == "-"
            self._end_paragraph()
            if tag == "li" or bullet:
                self._current.append("- ")
        elif tag == "br":
            self._current.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_placeholder:
            self._in_placeholder = False
            self._skipping = max(0, self._skipping - 1)
        elif tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)

    def _end_paragraph(self) -> None:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self._current)).strip()
        text = re.sub(r" ?\n ?", "\n", text)
        if text and text != "-":
            self.paragraphs.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._end_paragraph()


def wire_paragraphs(body_html: str) -> list[str]:
    """The plain-text paragraphs of a rendered body (or of any run of its top-level blocks: a
    body's paragraphs are those of its blocks, one after the other)."""
    parser = _PlainText()
    parser.feed(body_html)
    parser.close()
    return parser.paragraphs


def wire_text(article: Article, renderer: BodyRenderer) -> str:
    """The story as UTF-8 plain text, ending with a newline."""
    photos = PhotoLookup.of(article.photos, lambda image: "", omit_missing=True)
    body = renderer.render(article.body, photos)
    return wire_text_of(article, wire_paragraphs(body.html))


def wire_text_of(article: Article, body_paragraphs: list[str]) -> str:
    """The wire copy of ``article`` with the body's paragraphs already made plain."""
    rtl = article_direction(article) == "rtl"
    # In a right-to-left story, the headline, byline and desk codes read right to left, and so
    # does each body paragraph but a left-to-right one (a Latin quote), as the page shows it.
    paragraphs = [
        _right_to_left(text) if rtl and text_direction(text) != "ltr" else text
        for text in body_paragraphs
    ]
    dateline = dateline_text(article.dateline)
    if paragraphs and dateline:
        paragraphs[0] = _joined(dateline, paragraphs[0])
    elif dateline:
        paragraphs.append(_right_to_left(dateline) if rtl else dateline)
    if article.end_mark.strip() and paragraphs:
        paragraphs[-1] = f"{paragraphs[-1]} {article.end_mark.strip()}"
    lines = [article.headline.strip()]
    byline = story_byline(article)
    if byline:
        lines.append(byline)
    heading = "\n".join(line for line in lines if line)
    text = (_right_to_left(heading) if rtl else heading) + "\n\n" + "\n\n".join(paragraphs)
    if article.sign_off.strip():
        sign_off = article.sign_off.strip()
        text += "\n\n" + (_right_to_left(sign_off) if rtl else sign_off)
    return text.strip() + "\n"


def _right_to_left(text: str) -> str:
    """Each line of ``text`` opening with a RIGHT-TO-LEFT MARK."""
    return "\n".join(RLM + line if line else line for line in text.split("\n"))


def _joined(dateline: str, paragraph: str) -> str:
    """The dateline running into the first paragraph, after the paragraph's mark if it has one
    (the line's direction is the paragraph's: a right-to-left one shows the dateline at the
    right end)."""
    if paragraph.startswith(RLM):
        return f"{RLM}{dateline} {paragraph.removeprefix(RLM)}"
    return f"{dateline} {paragraph}"
