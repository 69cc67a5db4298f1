"""Right-to-left paragraphs and runs in a Word document.

Word does not guess a paragraph's direction from its text: a paragraph reads right to left
only when its properties say ``w:bidi``, and a run's digits and punctuation take the right
side of Arabic words only when the run says ``w:rtl``. This pass sets both on a finished
document, each paragraph by its own text (as the window and the page lay it out, the first
strong character), a paragraph with none by the story's direction; a run is marked when its
text is right to left, or has no direction of its own inside a right-to-left paragraph (Latin
runs are left alone: Word would set their neutral characters right to left).
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from editor.text.direction import Direction, text_direction

# The elements that follow w:bidi in a paragraph's properties, and w:rtl in a run's (the
# schema's CT_PPrBase and CT_RPr sequences): each goes in before the first of them present.
_AFTER_BIDI = frozenset(
    qn(f"w:{name}")
    for name in (
        "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
        "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
        "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    )
)  # fmt: skip
_AFTER_RTL = frozenset(
    qn(f"w:{name}")
    for name in ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")
)


def set_directions(document: Document, story: Direction) -> None:
    """Mark every right-to-left paragraph (``w:bidi``) and run (``w:rtl``) of ``document``."""
    for paragraph in document.element.body.iter(qn("w:p")):
        runs = list(paragraph.iter(qn("w:r")))
        texts = ["".join(text.text or "" for text in run.iter(qn("w:t"))) for run in runs]
        direction = text_direction("".join(texts)) or story
        if direction == "rtl":
            _mark(_properties(paragraph, "w:pPr"), "w:bidi", _AFTER_BIDI)
        for run, text in zip(runs, texts, strict=True):
            run_direction = text_direction(text) or direction
            if text and run_direction == "rtl":
                _mark(_properties(run, "w:rPr"), "w:rtl", _AFTER_RTL)


def _properties(element: _Element, tag: str) -> _Element:
    """The element's properties (``w:pPr``, ``w:rPr``), its first child, made if missing."""
    found = element.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        element.insert(0, found)
    return found


def _mark(properties: _Element, tag: str, successors: frozenset[str]) -> None:
    if properties.find(qn(tag)) is not None:
        return
    flag = OxmlElement(tag)
    for index, child in enumerate(properties):
        if child.tag in successors:
            properties.insert(index, flag)
            return
    properties.append(flag)
