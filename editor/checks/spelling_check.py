"""Spelling as a check: each misspelled word of the headline, dek, body and photo captions and
alt texts is a ``spelling`` warning, with the first suggestion as its one-click fix.

Names are the usual finds (places, people): a reporter adds them to the personal dictionary.
The names the article already states in its byline and dateline (``Tapachula``, ``Juan Manuel
Blanco``) are accepted in its text. Suggestions are slow (tens of milliseconds a word), so only
the first ``suggestion_limit`` distinct misspelled words get a fix; the context menu offers
suggestions for any word.

=========================  ========  ===============================================================
code                       severity  when
=========================  ========  ===============================================================
spelling                   warning   a word the dictionary, the personal dictionary and the
                                     session's ignore list do not know
spelling-no-dictionary     note      no dictionary installed for the article's language
=========================  ========  ===============================================================
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from editor.checks.findings import Finding, Fix, Severity
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, say
from editor.spelling import (
    PersonalDictionary,
    Speller,
    default_personal_path,
    speller_for,
    words,
)
from editor.spelling.body import body_misspellings
from editor.text.body_scan import scan_body

SUGGESTION_LIMIT = 40

# Where a text field's findings point: (field, photo_field) for each text the check reads.
_FIELDS = (("headline", None), ("dek", None))


def _article_names(article: Article) -> frozenset[str]:
    """Words the article itself states as names: its byline and dateline place and country."""
    texts = [*article.byline, article.dateline.place, article.dateline.country]
    return frozenset(word for text in texts for _, _, word in words(text))


class _Reporter:
    """Turns misspellings into findings, computing each word's suggestions once."""

    def __init__(self, speller: Speller, names: frozenset[str], suggestion_limit: int) -> None:
        self.speller = speller
        self.names = names
        self.limit = suggestion_limit
        self.suggested: dict[str, str | None] = {}

    def first_suggestion(self, word: str) -> str | None:
        if word not in self.suggested:
            if len(self.suggested) >= self.limit:
                return None
            found = self.speller.suggest(word, limit=1)
            self.suggested[word] = found[0] if found else None
        return self.suggested[word]

    def findings(
        self,
        text: str,
        field: str,
        *,
        markdown: bool = False,
        photo_field: str | None = None,
    ) -> Iterable[Finding]:
        """``markdown`` marks the body: its findings carry their line. The body's misspellings
        come from the pass the window's underlines share (``body_misspellings``)."""
        if markdown:
            found = body_misspellings(text, self.speller)
        else:
            found = tuple(self.speller.misspellings(text))
        scan = scan_body(text) if markdown else None
        for start, end, word in found:
            if word in self.names:
                continue
            suggestion = self.first_suggestion(word)
            fix = None
            if suggestion:
                fix = Fix(
                    say(QT_TRANSLATE_NOOP("Checks", "Change to “{word}”"), word=suggestion),
                    start,
                    end,
                    suggestion,
                )
            line = scan.line_of(start) if scan is not None else None
            yield Finding(
                Severity.WARNING,
                "spelling",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "“{word}” is not in the {language} dictionary: a typo, or a name to add "
                        "to your dictionary.",
                    ),
                    word=word,
                    language=self.speller.language,
                ),
                field,
                line=line,
                start=start,
                end=end,
                photo_field=photo_field,
                fix=fix,
            )


def spelling_findings(
    article: Article, speller: Speller, *, suggestion_limit: int = SUGGESTION_LIMIT
) -> list[Finding]:
    """The ``spelling`` findings of the headline, dek, body (Markdown) and photo captions and
    alt texts. Body findings carry the 1-based line and offsets into the whole body."""
    reporter = _Reporter(speller, _article_names(article), suggestion_limit)
    found: list[Finding] = []
    for field, photo_field in _FIELDS:
        found.extend(reporter.findings(getattr(article, field), field, photo_field=photo_field))
    found.extend(reporter.findings(article.body, "body", markdown=True))
    for photo in article.photos:
        for photo_field in ("caption", "alt"):
            found.extend(
                reporter.findings(
                    getattr(photo, photo_field), f"photo:{photo.id}", photo_field=photo_field
                )
            )
    return found


@functools.cache
def _default_personal() -> PersonalDictionary:
    return PersonalDictionary(default_personal_path())


def check_spelling(article: Article, context: Any = None) -> list[Finding]:
    """The spelling check in the registry's shape: the speller of ``article.language``, with
    ``context.personal_dictionary`` when the context has one, else the user's default file."""
    personal = getattr(context, "personal_dictionary", None) or _default_personal()
    speller = speller_for(article.language or "en", personal)
    if speller is None:
        return [
            Finding(
                Severity.NOTE,
                "spelling-no-dictionary",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "No spelling dictionary is installed for the language “{language}”, so "
                        "the spelling was not checked.",
                    ),
                    language=article.language,
                ),
                "article",
            )
        ]
    return spelling_findings(article, speller)


def spelling_check(personal: PersonalDictionary | None) -> Any:
    """A check function bound to one personal dictionary (the window's), for
    ``run_checks(..., extra=[spelling_check(personal)])``."""

    def check_spelling_with(article: Article, context: Any = None) -> list[Finding]:
        speller = speller_for(article.language or "en", personal)
        if speller is None:
            return check_spelling(article, context)
        return spelling_findings(article, speller)

    check_spelling_with.__name__ = "check_spelling"
    return check_spelling_with
