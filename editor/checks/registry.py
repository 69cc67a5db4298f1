"""The pre-publish checks and how they run.

A check is a plain function ``check(article, context) -> Iterable[Finding]``; ``CHECKS`` lists
the built-in ones in order and ``run_checks`` runs them (and any ``extra`` ones, such as
spelling and house style) and returns the findings sorted, errors first. A check that raises
becomes one ``check-failed`` note: a bug in one check never hides the others' findings, and
never crashes the window or ``dateline check``.

Every finding has a stable code. Severities: an **error** stops the story (``dateline check``
exits 1): what would publish broken or wrong. A **warning** needs a look. A **note** is advice.

=========================  ========  ===============================================================
code                       severity  when
=========================  ========  ===============================================================
headline-missing           error     no headline
byline-missing             warning   no byline (wire stories may run unsigned)
dateline-missing           warning   no dateline
slug-missing               warning   no desk slugline
headline-too-long          error     longer than the site's limit (CJK characters count two)
headline-too-wide          warning   wider than 600 px in the search-result font (cut with "...")
dek-too-long               warning   the dek is over its limit in characters
word-count-off-target      warning   the body's word count is outside the story's target range
language-mismatch          warning   the body reads as another language than the article's
photo-missing-file         error     a photo record whose file is not in the package
photo-no-alt               error     a photo without alt text (blind readers get nothing)
photo-no-credit            error     a photo without credit (a rights problem)
photo-no-caption           warning   a photo without caption
photo-alt-is-caption       warning   alt text identical to the caption (says nothing new)
photo-alt-too-long         warning   alt text over 250 characters (screen readers cut it)
photo-gps                  warning   a photo carrying GPS coordinates (exports strip them)
no-featured-photo          warning   photos but none featured (a note when there are no photos)
featured-too-narrow        warning   the featured photo is narrower than 1,200 px (blurry cards)
photo-ref-unknown          error     ``![](photo:X)`` with no photo record X
image-not-in-package       error     an image by web address or path (shows as a placeholder)
tk-marker                  error     a leftover ``TK`` (to come) in the body or a text field
editors-note               error     ``[[...]]``, ``<!-- -->``, ``NOTE:``, ``EDITOR'S NOTE`` ...
unbalanced-quotes          warning   a quote mark without its partner in a paragraph (a
                                     quotation carried on into a paragraph that opens
                                     with the same mark is no finding)
unbalanced-brackets        warning   a parenthesis or bracket without its partner
unbalanced-punctuation     warning   Spanish ``¿``/``¡`` without ``?``/``!`` (or the reverse)
spanish-quotes             note      straight quotes ``"..."`` in Spanish copy (fix: ``«...»``)
doubled-word               warning   "the the" (fix: remove the second)
double-space               note      two spaces between words (fix: one space)
link-no-text               warning   ``[](url)``: a link a reader cannot see
link-empty-url             warning   ``[text]()``: a link that goes nowhere
font-missing               warning   no installed font has the story's script (the PDF shows boxes)
check-failed               note      a check raised; the others still ran
=========================  ========  ===============================================================
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from editor.checks import body, fields, font_coverage, photos, quotes
from editor.checks.context import Check, CheckContext, CheckSettings
from editor.checks.findings import Finding, Severity, sorted_findings
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, say
from editor.typing_pause import stand_aside

logger = logging.getLogger(__name__)

__all__ = ["CHECKS", "Check", "CheckContext", "CheckSettings", "run_checks"]

CHECKS: list[Check] = [
    fields.check_required_fields,
    fields.check_headline,
    fields.check_dek,
    fields.check_word_count,
    fields.check_language,
    photos.check_photo_files,
    photos.check_photo_fields,
    photos.check_featured_photo,
    photos.check_image_references,
    body.check_tk_markers,
    body.check_editors_notes,
    quotes.check_quotes,
    quotes.check_spanish_quotes,
    body.check_brackets,
    body.check_doubled_words,
    body.check_double_spaces,
    body.check_links,
    font_coverage.check_font_coverage,
]


def run_checks(
    article: Article, context: CheckContext | None = None, extra: Sequence[Check] = ()
) -> list[Finding]:
    """Every check's findings on ``article``, sorted (errors first, then by place)."""
    context = context or CheckContext()
    findings: list[Finding] = []
    for check in (*CHECKS, *extra):
        stand_aside()  # the window is showing a keystroke: let it (editor/typing_pause.py)
        try:
            found = list(check(article, context))
            for finding in found:
                if not isinstance(finding, Finding):
                    raise TypeError(f"it reported {type(finding).__name__}, not a finding")
        except Exception as error:  # one broken check must not hide the others
            logger.error("check %s failed: %s", _name(check), error, exc_info=error)
            found = [_failed(check, error)]
        findings.extend(found)
    return sorted_findings(findings)


def _name(check: Check) -> str:
    return getattr(check, "__name__", type(check).__name__)


def _failed(check: Check, error: Exception) -> Finding:
    name = _name(check).removeprefix("check_")
    detail = " ".join(str(error).split()) or type(error).__name__
    return Finding(
        Severity.NOTE,
        "check-failed",
        say(
            QT_TRANSLATE_NOOP(
                "Checks", "The {check} check could not run ({detail}); the other checks ran."
            ),
            check=name.replace("_", " "),
            detail=detail,
        ),
        "article",
    )
