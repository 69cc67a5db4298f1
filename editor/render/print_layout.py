"""The print layout (resources/styles/print.css), for the PDF proof and the preview's Print mode.

The proof and the Print preview must lay a story out the same way, so the layout is written
once: the PDF prints print.css as it is, and the preview page carries the same rules scoped
under ``html[data-mode="print"]``, so that they apply only while the Print mode is chosen.
Scoping is done here rather than by hand so that no rule is ever written twice. ``@page`` rules
(the proof's page furniture) mean nothing on a screen and are left out of the preview.
"""

from __future__ import annotations

import re

from editor import RESOURCES

PRINT_CSS = RESOURCES / "styles" / "print.css"
PRINT_MODE = 'html[data-mode="print"]'

_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
# "html" (or ":root") at the start of a selector, as a whole word: the page's root element.
_ROOT_RE = re.compile(r"^(?:html|:root)(?![\w-])")


def read_print_css() -> str:
    """The print layout as the PDF prints it."""
    return PRINT_CSS.read_text(encoding="utf-8")


def scoped_selector(selector: str) -> str:
    """``selector`` applying only in the Print mode: the root element gets the mode's
    attribute, anything else is looked for below it."""
    selector = " ".join(selector.split())
    if _ROOT_RE.match(selector):
        return _ROOT_RE.sub(PRINT_MODE, selector, count=1)
    return f"{PRINT_MODE} {selector}"


def print_mode_css(css: str) -> str:
    """``css`` (a flat stylesheet of rules and ``@page`` blocks) with every rule scoped to the
    preview's Print mode and the ``@page`` blocks left out.

    Raises ``ValueError`` on another at-rule or unbalanced braces: the layout must stay simple
    enough to be scoped, and a mistake in it should fail loudly, not half apply.
    """
    css = _COMMENT_RE.sub("", css)
    rules: list[str] = []
    position = 0
    while True:
        opening = css.find("{", position)
        if opening < 0:
            if css[position:].strip():
                raise ValueError(f"print layout: text after the last rule: {css[position:]!r}")
            break
        prelude = css[position:opening].strip()
        closing = _matching_brace(css, opening)
        position = closing + 1
        if prelude.startswith("@"):
            if prelude.split()[0] != "@page":
                raise ValueError(f"print layout: cannot scope {prelude.split()[0]}")
            continue
        block = css[opening + 1 : closing].strip()
        if "{" in block:
            raise ValueError(f"print layout: nested block in {prelude!r}")
        selectors = ",\n".join(scoped_selector(part) for part in prelude.split(","))
        rules.append(f"{selectors} {{\n  {block}\n}}")
    return "\n\n".join(rules) + "\n"


def _matching_brace(css: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(css)):
        if css[index] == "{":
            depth += 1
        elif css[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("print layout: a block is not closed")
