"""The body and fields as exports that carry Markdown or plain fields give them out: only what
the sanitiser lets through reaches a reader.

The preview and the HTML exports pass the rendered body through the sanitiser. Exports that
carry the Markdown itself (the Hugo page bundle's ``index.md``, the web bundle's
``article.json``) are rendered later by someone else: Hugo with ``markup.goldmark.renderer.unsafe
= true`` passes raw HTML and ``javascript:`` links through, and a site's script may put
``article.json`` into a page as HTML. A story received from outside must not run there, so:

* raw HTML outside code (anything a renderer might take for a tag: ``<script``, ``<div ...``,
  ``<svg/onload=...>``, ``<!``, ``<?``) is written as text ("<" as ``&lt;``), except a tag the
  sanitiser keeps and that carries no attribute (``<sup>``, ``</em>``, ``<br>``): no attribute,
  no handler, no address. A "<" that opens no tag ("x<y", "<5%") stays as typed;
* HTML comments outside code are left out, as the sanitiser leaves them out (they are the
  desk's notes); an unclosed one is written as text;
* a link, image or reference definition whose address has a scheme other than http, https,
  mailto (or our photo:) points at ``#`` instead;
* an autolink (``<scheme:...>``) with such a scheme is written as text.

Code spans and blocks are kept exactly: what is in them is shown as code, never run. The
fields (headline, captions...) stay the text they are: templates escape them as they print
them (Hugo's do by default), and the importer must give the story back as it was.
"""

from __future__ import annotations

import html
import re

from editor.render.sanitise import ALLOWED_TAGS
from editor.text.body_scan import scan_body
from editor.text.body_syntax import find_links

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "photo"})
# Tags kept as HTML when bare: the sanitiser keeps them, and without attributes they can only
# format text. Not a and img: without an address they have nothing to show.
_BARE_TAGS_KEPT = frozenset(ALLOWED_TAGS - {"a", "img"})

_HTML_START_RE = re.compile(r"<(?=[A-Za-z/!?])")
_BARE_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\s*/?>")
_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}):[^\s<>]*>")
# Whatever a renderer might take for a tag: a tag name ending in a space, "/", ">" or the line
# (looser than CommonMark, as Python-Markdown and browsers are), a processing instruction or a
# declaration. "x<y" and "<5%" are not tags and stay as typed.
_TAG_START_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|<[?!]", re.MULTILINE)
_DEFINITION_RE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*):")
_UNSEEN_RE = re.compile(r"[\x00-\x20\x7f]+")
_BACKSLASH_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def is_safe_address(target: str) -> bool:
    """Whether a link's address (as written in Markdown, title and all) has a safe scheme or
    none (a relative address). Read as a browser does: entities decoded, escapes undone,
    spaces and control characters anywhere ignored."""
    address = target.strip()
    if address.startswith("<"):
        address = address[1:].split(">", 1)[0]
    else:
        address = address.split(None, 1)[0] if address.split() else ""
    address = _BACKSLASH_ESCAPE_RE.sub(r"\1", html.unescape(address))
    compact = _UNSEEN_RE.sub("", address).lower()
    scheme = _SCHEME_RE.match(compact)
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


def safe_markdown(body: str) -> str:
    """``body`` with what the sanitiser would drop made inert (see the module's docstring)."""
    return _inert_html(_safe_addresses(body))


def _safe_addresses(body: str) -> str:
    scan = scan_body(body)
    edits = [
        (link.target_start, link.target_end, "#")
        for link in find_links(scan.code_free)
        if link.target is not None and not is_safe_address(link.target)
    ]
    for match in _DEFINITION_RE.finditer(scan.code_free):
        if not is_safe_address(match.group(2)):
            edits.append((match.start(2), match.end(2), "#"))
    return apply_edits(body, edits)


def _inert_html(body: str) -> str:
    scan = scan_body(body)
    comments = scan.comment_spans
    # A closed comment goes whole, as the sanitiser drops it; an unclosed one is text, and the
    # tags after its "<!--" are looked at as anywhere else.
    closed = {(start, end) for start, end in comments if body.endswith("-->", start, end)}
    edits = [(start, end, "") for start, end in closed]
    # Code shows what it holds as typed.
    code = set(scan.code_spans) - set(comments)
    kept_apart = sorted(code | closed)
    index = 0
    for found in _HTML_START_RE.finditer(body):
        start = found.start()
        while index < len(kept_apart) and kept_apart[index][1] <= start:
            index += 1
        if index < len(kept_apart) and kept_apart[index][0] <= start:
            continue
        if _is_raw_html(body, start):
            edits.append((start, start + 1, "&lt;"))
    return apply_edits(body, edits)


def _is_raw_html(body: str, start: int) -> bool:
    """Whether the "<" at ``start`` opens HTML the sanitiser would not keep as it is."""
    tag = _BARE_TAG_RE.match(body, start)
    if tag is not None and tag.group(1).lower() in _BARE_TAGS_KEPT:
        return False
    autolink = _AUTOLINK_RE.match(body, start)
    if autolink is not None:
        return autolink.group(1).lower() not in SAFE_SCHEMES - {"photo"}
    return _TAG_START_RE.match(body, start) is not None


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, replacement) made; overlapping edits after the first
    are skipped."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            continue
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
