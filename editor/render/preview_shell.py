"""The live preview's page: loaded once, then updated in place from Python.

Reloading a QWebEngineView on every keystroke is slow and loses the scroll position, so the
preview loads this shell once and swaps the rendered parts in through ``runJavaScript``. The
content has passed the sanitiser already; the page's Content-Security-Policy is the second wall:
only the shell's own script (carrying a fresh nonce) may run, never a script or event handler that
slipped into the content, and nothing is fetched from the network.
"""

from __future__ import annotations

import json
import secrets

from editor import RESOURCES
from editor.render import print_layout

PREVIEW_TEMPLATE = RESOURCES / "templates" / "preview.html"
PREVIEW_MODES_CSS = RESOURCES / "styles" / "preview-modes.css"

# The keys ``datelineUpdate`` understands: the three regions, the body as a patch of blocks
# (``blocks``: order, changed, removed, full, html), the page language (for hyphenation and
# quotation marks), the story's direction ("ltr" or "rtl"), and the preview mode with the
# content of the Social card and Wire modes.
UPDATE_KEYS = frozenset({"header", "body", "footer", "blocks", "lang", "dir", "mode", "mode_html"})


# Where preview images may come from: local files, inline data, Qt resources, and the scheme the
# preview pane serves the package's photos under (editor/ui/media_scheme.py; this layer cannot
# import it, since it must not load Qt).
IMAGE_SOURCES = ("file:", "data:", "blob:", "qrc:", "dateline-media:")


def content_security_policy(nonce: str) -> str:
    """Nothing from the network, no plugins, no frames; scripts only with ``nonce``."""
    return "; ".join(
        (
            "default-src 'none'",
            f"img-src {' '.join(IMAGE_SOURCES)}",
            "style-src 'unsafe-inline'",
            f"script-src 'nonce-{nonce}'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


def preview_shell_html(css: str) -> str:
    """The preview page with empty regions, the stylesheet and the update function."""
    nonce = secrets.token_urlsafe(18)
    template = PREVIEW_TEMPLATE.read_text(encoding="utf-8")
    # The Print mode's layout is the PDF proof's (print.css, scoped to the mode); the modes'
    # own sheet comes after it, so the dark preview still recolours the printed page.
    print_css = print_layout.print_mode_css(print_layout.read_print_css())
    css = "\n".join((css, print_css, PREVIEW_MODES_CSS.read_text(encoding="utf-8")))
    # The stylesheet goes in last, so nothing in it is taken for a placeholder.
    return (
        template.replace("{{csp}}", content_security_policy(nonce))
        .replace("{{nonce}}", nonce)
        .replace("{{css}}", css.replace("</", "<\\/"))
    )


def update_script(parts: dict[str, object]) -> str:
    """The JavaScript call that puts ``parts`` ({header?, body?, blocks?, footer?, lang?, dir?})
    in.

    The argument is JSON, with ``<`` written as ``\\u003c`` so no ``</script>`` or ``<!--`` ever
    appears in the source, and the two line separators JavaScript once refused in strings escaped.
    """
    unknown = set(parts) - UPDATE_KEYS
    if unknown:
        raise ValueError(f"unknown preview part(s): {', '.join(sorted(unknown))}")
    argument = (
        json.dumps(parts, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f"window.datelineUpdate({argument});"
