"""Web addresses, e-mail addresses and ``~~struck~~`` text, shown as Hugo and GitHub show them.

A reporter pastes "more at www.efe.com" or "press@efe.com" and expects a link, as Word, mail
and Hugo (Goldmark's linkify and strikethrough extensions, on by default) give one; plain
Python-Markdown shows the text. These inline patterns make the preview, and so every export,
show what the published page shows.

Addresses follow GitHub's rules, which Goldmark implements: ``http://``, ``https://`` or
``www.`` then a domain with a dot in it; trailing punctuation (``.,:;!?*_~'"``) is not part of
the address, nor a closing parenthesis that no opening one in the address matches. Text inside
a link, code or raw HTML is never linked again.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor

from editor.render.photo_figures import atomic_text

_DOMAIN = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9_-]+)+"
_WEB_ADDRESS = rf"(?:https?://|www\.)(?:{_DOMAIN})(?::\d{{1,5}})?(?:[/?#][^\s<]*)?"
_MAIL_ADDRESS = r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# Not preceded by a letter, digit or address character: "xhttp://" and "a.b@c" are not starts.
_LINK_RE = rf"(?<![\w/.@+-])(?:(?P<web>{_WEB_ADDRESS})|(?P<mail>{_MAIL_ADDRESS}))"
_TRAILING = ".,:;!?*_~'\""
STRIKE_RE = r"(~~)(?!~)(.+?)(?<!~)~~(?!~)"
_STASHED_RE = re.compile(re.escape(util.HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
_RAW_LINK_TAG_RE = re.compile(r"<(/?)a(?=[\s>/])", re.IGNORECASE)


def _trimmed(address: str) -> str:
    """The address without the punctuation that ends the sentence around it."""
    while address and (
        address[-1] in _TRAILING or (address[-1] == ")" and address.count(")") > address.count("("))
    ):
        address = address[:-1]
    return address


class _BareLink(InlineProcessor):
    # Python-Markdown applies no pattern inside these: a link's text stays as it is.
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        if self._inside_raw_link(data[: m.start(0)]):
            return None, None, None
        found = m["web"] or m["mail"]
        address = _trimmed(found) if m["web"] else found.rstrip(".-_")
        if m["web"]:
            href = address if "://" in address else f"https://{address}"  # as Hugo links it
        else:
            href = f"mailto:{address}"
        link = etree.Element("a", {"href": href})
        link.text = atomic_text(address)
        return link, m.start(0), m.start(0) + len(address)

    def _inside_raw_link(self, before: str) -> bool:
        """Whether raw HTML before the address opened an ``<a>`` it has not closed yet.

        The inline pass holds each raw tag it met as a placeholder for a node that is itself
        the raw HTML stash's placeholder for the tag."""
        inline = self.md.treeprocessors["inline"]
        nodes = vars(inline).get("stashed_nodes", {})
        blocks = self.md.htmlStash.rawHtmlBlocks
        inside = False
        for found in util.INLINE_PLACEHOLDER_RE.finditer(before):
            node = nodes.get(found.group(1))
            stashed = _STASHED_RE.fullmatch(node) if isinstance(node, str) else None
            index = int(stashed.group(1)) if stashed is not None else len(blocks)
            raw = blocks[index] if index < len(blocks) else ""
            tag = _RAW_LINK_TAG_RE.match(raw) if isinstance(raw, str) else None
            if tag is not None:
                inside = not tag.group(1)
        return inside


def register_web_text(md: markdown.Markdown) -> None:
    """Add the patterns: after raw HTML (90) is set aside, so no address inside a tag is
    touched, and before entities (80) and emphasis (60) could split an address."""
    md.inlinePatterns.register(_BareLink(_LINK_RE, md), "bare_links", 85)
    md.inlinePatterns.register(SimpleTagInlineProcessor(STRIKE_RE, "del"), "strikethrough", 65)
