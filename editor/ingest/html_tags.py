"""How the HTML walk (editor/ingest/html_walk.py) reads each element of pasted or imported HTML:
dropped with its content (and why, for the count of what was left out), a box between words, a
heading, or a block that ends the paragraph being gathered."""

from __future__ import annotations

# Removed with everything inside: never story text, or not text a reader sees.
DROPPED_WITH_CONTENT = {
    "script": "scripts",
    "noscript": "scripts",
    "style": "styles",
    "template": "scripts",
    "iframe": "iframes",
    "frame": "iframes",
    "frameset": "iframes",
    "object": "embeds",
    "embed": "embeds",
    "applet": "embeds",
    "audio": "embeds",
    "video": "embeds",
    "canvas": "embeds",
    "svg": "SVG",
    "form": "forms",
    "input": "forms",
    "button": "forms",
    "select": "forms",
    "textarea": "forms",
    "head": "page head",
    "title": "page head",
    "meta": "page head",
    "link": "page head",
    "base": "page head",
    "xml": "office markup",
    "map": "image maps",
    "dialog": "forms",
}

# Dropped elements a browser shows as a box between the words around them.
TAKE_SPACE = {
    "iframe", "frame", "object", "embed", "applet", "audio", "video", "canvas", "svg", "input",
    "button", "select", "textarea", "map", "dialog",
}  # fmt: skip

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# Elements that end a paragraph; the others are inline (their text joins the paragraph).
BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "address",
    "center", "figure", "figcaption", "dl", "dt", "dd", "details", "summary", "fieldset",
    "ul", "ol", "li", "blockquote", "table", "pre", "hr", "body", "html", "hgroup", "caption",
    "thead", "tbody", "tfoot", "tr", "td", "th", "menu", "dir", "listing", "plaintext", "xmp",
    *HEADINGS,
}  # fmt: skip
