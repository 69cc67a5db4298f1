"""What Word, Google Docs and LibreOffice put in the HTML they copy, told apart from content.

Word's clipboard HTML is not the HTML a browser writes: its lists are paragraphs styled
``mso-list:l0 level1 lfo1`` whose bullet or number sits in a conditional comment
(``<!--[if !supportLists]-->1.<!--[endif]-->``) or a ``mso-list:Ignore`` span; its footnotes and
comments are anchors with private names. Google Docs wraps the whole paste in a ``<b>`` that is
not bold and says bold and italic in CSS only. These rules are kept here, apart from the walk, so
that each source's quirks can be read (and fixed) in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

_STYLE_DECLARATION_RE = re.compile(r"([A-Za-z-]+)\s*:\s*([^;]*)")
_WORD_LIST_RE = re.compile(r"mso-list\s*:\s*l(\d+)\s+level(\d+)\s+lfo(\d+)", re.IGNORECASE)
_ORDERED_MARKER_RE = re.compile(r"\(?(?:\d{1,4}|[A-Za-z]{1,6})[.)]")

# Footnote anchors: Word (#_ftn1 / #_ftnref1, endnotes #_edn1), Google Docs (#ftnt1 /
# #ftnt_ref1), LibreOffice (#sdfootnote1sym / #sdfootnote1anc, endnotes sdendnote), and
# mammoth's DOCX HTML (#footnote-1 / #footnote-ref-1, endnotes #endnote-1), and Python-Markdown's
# footnotes (#fn:1 / #fnref:1: this editor's own pages, and the DOCX reader's body).
_FOOTNOTE_REFERENCE_RE = re.compile(
    r"#(?:_(?P<word>ftn|edn)(?P<wn>\d{1,4})|ftnt(?P<gn>\d{1,4})"
    r"|sd(?P<lo>foot|end)note(?P<ln>\d{1,4})sym|(?P<mammoth>foot|end)note-(?P<mn>\d{1,4})"
    r"|fn:(?P<pn>[A-Za-z0-9_-]{1,40}))$"
)
_FOOTNOTE_BACKLINK_RE = re.compile(
    r"#(?:_(?P<word>ftn|edn)ref(?P<wn>\d{1,4})|ftnt_ref(?P<gn>\d{1,4})"
    r"|sd(?P<lo>foot|end)note(?P<ln>\d{1,4})anc|(?P<mammoth>foot|end)note-ref-(?P<mn>\d{1,4})"
    r"|fnref:(?P<pn>[A-Za-z0-9_-]{1,40}))$"
)

# Conditional comments whose content only older readers should show (list markers, the rule
# above footnotes, comment marks, a spare line break). ``[if !vml]`` holds a picture's <img>: kept.
_DOWNLEVEL_ONLY_RE = re.compile(r"\[if !support", re.IGNORECASE)
_ENDIF_RE = re.compile(r"\[endif\]", re.IGNORECASE)

# Addresses that only redirect to another one; the parameter holds the real address.
_REDIRECTS: dict[str, tuple[str, ...]] = {
    "www.google.com/url": ("q", "url"),
    "google.com/url": ("q", "url"),
    "l.facebook.com/l.php": ("u",),
    "lm.facebook.com/l.php": ("u",),
    "t.umblr.com/redirect": ("z",),
    "out.reddit.com": ("url",),
}


def parse_style(style: str | None) -> dict[str, str]:
    """Inline CSS as lower-case property -> value."""
    if not style:
        return {}
    return {name.lower(): value.strip() for name, value in _STYLE_DECLARATION_RE.findall(style)}


def style_of(node: LexborNode) -> dict[str, str]:
    """The element's inline CSS as lower-case property -> value."""
    return parse_style(node.attributes.get("style"))


def css_bold(value: str) -> bool | None:
    """What ``font-weight: value`` says about bold; None when it says nothing usable."""
    value = value.strip().lower()
    if value in ("bold", "bolder"):
        return True
    if value in ("normal", "lighter"):
        return False
    if value.isdigit():
        return int(value) >= 600
    return None


def css_italic(value: str) -> bool | None:
    value = value.strip().lower()
    if value.startswith(("italic", "oblique")):
        return True
    if value == "normal":
        return False
    return None


@dataclass(frozen=True)
class WordListLevel:
    """Where a Word list paragraph sits: which list (``lfo``) and how deep (1 = top)."""

    list_id: int
    level: int


def word_list_level(node: LexborNode) -> WordListLevel | None:
    """The list position of a Word ``mso-list`` paragraph, or None for any other element."""
    if node.tag != "p":
        return None
    match = _WORD_LIST_RE.search(node.attributes.get("style") or "")
    if match is None:
        return None
    return WordListLevel(int(match[3]), max(1, min(int(match[2]), 9)))


def is_list_marker_span(style: dict[str, str]) -> bool:
    """Word's ``<span style='mso-list:Ignore'>`` holding a list item's bullet or number."""
    return "ignore" in style.get("mso-list", "").lower()


def word_list_marker(paragraph: LexborNode) -> str:
    """The bullet or number Word wrote before a list paragraph's text ("1.", "·", "o")."""
    skipping = False
    pieces: list[str] = []
    node = paragraph.child
    while node is not None:
        if node.tag == "-comment":
            comment = node.comment_content or ""
            if _DOWNLEVEL_ONLY_RE.search(comment):
                skipping = True
            elif _ENDIF_RE.search(comment) and skipping:
                break
        elif skipping:
            pieces.append(node.text(deep=True))
        node = node.next
    if not pieces:
        for span in paragraph.css("span"):
            if is_list_marker_span(style_of(span)):
                pieces.append(span.text(deep=True))
                break
    return " ".join("".join(pieces).split())


def is_ordered_marker(marker: str) -> bool:
    return _ORDERED_MARKER_RE.match(marker) is not None


def starts_downlevel_only(comment: str) -> bool:
    return _DOWNLEVEL_ONLY_RE.search(comment) is not None


def ends_conditional(comment: str) -> bool:
    return _ENDIF_RE.search(comment) is not None


def _footnote_label(match: re.Match[str]) -> str:
    if match["wn"]:
        return match["wn"] if match["word"] == "ftn" else f"e{match['wn']}"
    if match["gn"]:
        return match["gn"]
    if match["pn"]:
        return match["pn"]
    if match["mn"]:
        return match["mn"] if match["mammoth"] == "foot" else f"e{match['mn']}"
    return match["ln"] if match["lo"] == "foot" else f"e{match['ln']}"


def footnote_reference(href: str) -> str | None:
    """The footnote label an anchor in the text points to (``#_ftn1`` -> ``1``), or None."""
    match = _FOOTNOTE_REFERENCE_RE.search(href)
    return _footnote_label(match) if match else None


def footnote_backlink(href: str) -> str | None:
    """The label of the footnote whose text starts with this anchor back to the text."""
    match = _FOOTNOTE_BACKLINK_RE.search(href)
    return _footnote_label(match) if match else None


def is_office_comment(attributes: dict[str, str | None], style: dict[str, str]) -> bool:
    """Word's comment marks and the list of comments (reviewers' notes, not story text)."""
    classes = (attributes.get("class") or "").lower()
    if "msocomanchor" in classes or "msocomoff" in classes or "msocommentreference" in classes:
        return True
    if (attributes.get("href") or "").startswith("#_msocom_"):
        return True
    return style.get("mso-element", "").lower() in ("comment-list", "comment")


def unwrap_redirect(url: str) -> str:
    """The address a tracking redirect (``google.com/url?q=...``) leads to; others unchanged."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    where = f"{parts.hostname or ''}{parts.path}".rstrip("/")
    names = _REDIRECTS.get(where)
    if names is None:
        return url
    query = parse_qs(parts.query)
    for name in names:
        target = query.get(name, [""])[0]
        if re.match(r"https?://", target):
            return target
    return url


def source_of(html: str) -> str:
    """Which program wrote the HTML: "word", "google-docs", "libreoffice" or "web"."""
    head = html[:20_000]
    if "docs-internal-guid" in head:
        return "google-docs"
    if re.search(r"urn:schemas-microsoft-com:office|ProgId content=Word|class=\"?Mso", head):
        return "word"
    if re.search(r"LibreOffice|OpenOffice", head):
        return "libreoffice"
    return "web"
