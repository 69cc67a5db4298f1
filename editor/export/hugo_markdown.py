"""The body as Markdown that Hugo (Goldmark, CommonMark) renders as the preview shows it.

The preview renders with Python-Markdown and its ``extra`` extensions, and already reads lists,
bare addresses and struck text as CommonMark does (editor/render/list_indent.py, web_text.py).
What is left is what Goldmark lacks or reads otherwise; the Markdown bundle writes it so:

* a body ``# heading`` is a subhead in the preview (the headline is the page's only h1): it is
  written ``## heading``, and a ``===`` underline as ``---``;
* abbreviation definitions (``*[EFE]: Agencia EFE``) only add a tooltip in the preview; Goldmark
  prints them as text, so they are left out;
* attribute lists (``{: .lead}``, ``## Title {#top}``) add nothing the preview keeps (the
  sanitiser drops ids and classes); Goldmark prints most of them, so they are left out;
* bare ``<em>``, ``<strong>``, ``<b>``, ``<i>``, ``<del>`` and ``<s>`` around plain words (the
  only raw HTML the sanitiser lets through, editor/export/safe_markdown.py) become ``*``,
  ``**`` and ``~~``: Hugo drops raw HTML unless a site allows it;
* a list item opening with ``[ ]`` or ``[x]`` is a checkbox in Goldmark and text in the
  preview: its ``[`` is escaped;
* lines of Chinese or Japanese are joined where the preview joins them (editor/render/
  cjk_lines.py): a browser shows a line break as a space, which those languages do not put
  between words;
* an image with a web address is not one of the story's photos: the preview shows a
  placeholder for it and every export leaves it out, so the bundle does too;
* a photo standing on its own line is a figure in the preview: it is written as Hugo's
  ``figure`` shortcode, with the caption and credit under it (``figure_shortcode``).

Only text outside code is changed. What still differs is listed in tests/export/
test_hugo_parity.py, with the reason.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection

from editor.export.safe_markdown import apply_edits
from editor.model.article import CJK_BREAK_RE, ImageRef
from editor.model.photos import PHOTO_SCHEME
from editor.text.body_scan import scan_body
from editor.text.body_syntax import find_links

_H1_RE = re.compile(r"^( {0,3})#(?=[ \t]|$)", re.MULTILINE)
_SETEXT_H1_RE = re.compile(r"(?<=\S)([ \t]*\n {0,3})=+[ \t]*$", re.MULTILINE)
_ABBREVIATION_RE = re.compile(r"^ {0,3}\*\[[^\]\n]+\][ \t]*:.*(?:\n|$)", re.MULTILINE)
# Python-Markdown's attribute list (markdown.extensions.attr_list.BASE_RE).
_ATTRIBUTES = r"\{:?[ ]*[^}\n ][^}\n]*[ ]*\}"
_BLOCK_ATTRIBUTES_RE = re.compile(rf"(?<=\S)\n[ ]*{_ATTRIBUTES}[ ]*$", re.MULTILINE)
# At the end of a heading, after a space (Python-Markdown reads them there; elsewhere on a line
# it keeps them as text, as Goldmark does).
_LINE_END_ATTRIBUTES_RE = re.compile(
    rf"^(?P<head> {{0,3}}#{{1,6}} .*?)[ ]+{_ATTRIBUTES}[ ]*$", re.MULTILINE
)
_INLINE_ATTRIBUTES_RE = re.compile(r"(?<=[)*_`])\{:?[ ]*[#.][^}\n]*\}")
_TAG_PAIR_RE = re.compile(
    r"<(?P<tag>em|i|strong|b|del|s)>(?P<text>[^<>\n]+?)</(?P=tag)>", re.IGNORECASE
)
_DELIMITERS = {"em": "*", "i": "*", "strong": "**", "b": "**", "del": "~~", "s": "~~"}
_TASK_ITEM_RE = re.compile(r"^([ >]*(?:[-*+]|\d+\.)[ ]+)\[(?=[ xX]\])", re.MULTILINE)


def commonmark_ready(body: str, files: Collection[str] = ()) -> str:
    """``body`` (already sanitised) with what Goldmark reads otherwise rewritten (see above);
    ``files`` are the bundle's photo files, which images may show."""
    edits: list[tuple[int, int, str]] = []
    text = scan_body(body).code_free
    for match in _H1_RE.finditer(text):
        edits.append((match.end(1), match.end(), "##"))
    for match in _SETEXT_H1_RE.finditer(text):
        edits.append((match.end(1), match.end(), "-" * (match.end() - match.end(1))))
    for match in _ABBREVIATION_RE.finditer(text):
        edits.append((match.start(), match.end(), ""))
    for match in _BLOCK_ATTRIBUTES_RE.finditer(text):
        edits.append((match.start(), match.end(), ""))
    for match in _LINE_END_ATTRIBUTES_RE.finditer(text):
        edits.append((match.end("head"), match.end(), ""))
    for match in _INLINE_ATTRIBUTES_RE.finditer(text):
        edits.append((match.start(), match.end(), ""))
    for match in _TAG_PAIR_RE.finditer(text):
        inner = match["text"]
        if inner.strip() == inner and not set(inner) & set("*~"):
            mark = _DELIMITERS[match["tag"].lower()]
            edits.append((match.start(), match.end(), f"{mark}{inner}{mark}"))
    for match in _TASK_ITEM_RE.finditer(text):
        edits.append((match.end(1), match.end(1), "\\"))
    for match in CJK_BREAK_RE.finditer(text):
        if "  " not in match.group().split("\n")[0]:  # two spaces before it: a line break
            edits.append((match.start(), match.end(), ""))
    for link in find_links(text):
        if link.image and link.target is not None and not _is_ours(link.target, files):
            edits.append((link.start, link.end, ""))
    return apply_edits(body, edits)


def _is_ours(target: str, files: Collection[str]) -> bool:
    """Whether an image's target (address and title) is a photo placement or a bundle file."""
    address = target.strip().split(None, 1)[0] if target.strip() else ""
    return address.lower().startswith(PHOTO_SCHEME) or address.strip("<>") in files


# --- photos as Hugo's figure shortcode ------------------------------------------------------------

# Every ASCII punctuation character that may start or end Markdown, an HTML tag, an entity, a
# link (linkify reads "www." and "@") or a shortcode, escaped with a backslash, which CommonMark
# allows before any of them, and quotes, which Hugo's typographer would curl. The rest
# (, ; ? / % $ ^ =) stays as typed.
_ESCAPED = frozenset(string.punctuation) - frozenset(",;?/%$^=")


def shortcode_text(text: str) -> str:
    """``text`` as a shortcode value Hugo prints as it is (the figure's alt text, which its
    template escapes as an attribute): on one line, in Hugo's raw-string quotes; a backtick
    (which cannot stand in them) written as an apostrophe, and a "<" as "‹": Hugo would show
    a character reference as typed, and any other Markdown reader, seeing the shortcode as
    text, would take "<" for the start of HTML."""
    return "`" + " ".join(text.split()).replace("`", "'").replace("<", "‹") + "`"


def shortcode_markdown(text: str) -> str:
    """``text`` as a value of a shortcode that Hugo renders as Markdown (the figure's caption):
    on one line, in Hugo's raw-string quotes (backticks: nothing in
    them is a shortcode escape), every ASCII punctuation character escaped with a backslash, so
    that it shows as typed and no ``<``, ``{{<`` or ``*`` in it is markup; a backtick, which
    cannot stand in a raw string, written as its character reference."""
    escaped = []
    for char in " ".join(text.split()):
        if char == "`":
            escaped.append("&#96;")
        elif char in _ESCAPED:
            escaped.append("\\" + char)
        else:
            escaped.append(char)
    return "`" + "".join(escaped) + "`"


def figure_shortcode(image: ImageRef, file_name: str) -> str:
    """The photo as Hugo's built-in ``figure``: the image, its alt text, and a caption line
    with the credit after it, as the preview's figure shows them."""
    # The file's name is used as written (not rendered): a photo id is letters, digits, - and _.
    parts = [f'src="{file_name}"']
    if image.alt.strip():
        parts.append(f"alt={shortcode_text(image.alt)}")
    caption = " ".join(part.strip() for part in (image.caption, image.credit) if part.strip())
    if caption:
        parts.append(f"caption={shortcode_markdown(caption)}")
    return "{{< figure " + " ".join(parts) + " >}}"
