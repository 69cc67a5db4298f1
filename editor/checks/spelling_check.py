"""Spelling as a check: each misspelled word of the headline, dek, body and photo captions and
alt texts is a finding; a typo is a ``spelling`` warning with the first suggestion as its
one-click fix.

Names are the usual finds (places, people), and a dictionary's nearest word is no fix for one
(Sheinbaum is not "Shekinah"). A capitalised word the dictionary lacks in the middle of a
sentence, or at a sentence's start when the story uses it as a name elsewhere or it leads a
name of two words (Fabiola Flores), is a ``spelling-name`` note with no fix: the reporter adds
it to the personal dictionary if it is spelled right (``editor.spelling.names`` has the rules).
The names the article states itself in its byline, dateline, photo captions and credits
(``Tapachula``, ``Juan Manuel Blanco``) are accepted in its text. Suggestions are slow (tens of
milliseconds a word), so only the first ``suggestion_limit`` distinct misspelled words get a
fix; the context menu offers suggestions for any word.

What desks do catch among names is one spelled two ways in one story: ``name_spelling_findings``
reports Sheinbaum and Sheinbam, Cárdenas and Cardenas, once for each pair.

=========================  ========  ===============================================================
code                       severity  when
=========================  ========  ===============================================================
spelling                   warning   a word the dictionary, the personal dictionary and the
                                     session's ignore list do not know
spelling-name              note      such a word, capitalised where a name goes: a name to add
                                     to the dictionary, or a name misspelt
name-spelled-two-ways      warning   two capitalised words a letter or two apart (not both in
                                     the dictionary): one name spelled two ways
spelling-no-dictionary     note      no dictionary installed for the article's language
=========================  ========  ===============================================================
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from editor.checks.body import where_text
from editor.checks.findings import Finding, Fix, Severity
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, Message, say
from editor.spelling import (
    PersonalDictionary,
    Speller,
    default_personal_path,
    speller_for,
)
from editor.spelling.body import body_misspellings
from editor.spelling.names import (
    alike_pairs,
    capitalised_words,
    followed_by_name,
    is_capitalised,
    name_form,
    read_as_names,
    starts_sentence,
    story_names,
    title_case,
)
from editor.text.body_scan import scan_body
from editor.typing_pause import stand_aside

SUGGESTION_LIMIT = 40
# Findings made between two chances to stand aside for a keystroke (a few milliseconds).
_FINDINGS_BETWEEN_PAUSES = 100


@dataclass(frozen=True)
class _Text:
    """One text the check reads: where findings in it point, and the copy of it whose
    characters say where sentences start (the body's prose, with code and links blanked)."""

    field: str
    photo_field: str | None
    text: str
    prose: str
    markdown: bool = False

    def line_of(self, start: int) -> int | None:
        return scan_body(self.text).line_of(start) if self.markdown else None


def _texts(article: Article) -> Iterator[_Text]:
    """The texts spell-checked, in reading order: headline, dek, body, photo captions and alts."""
    for field in ("headline", "dek"):
        text = getattr(article, field)
        yield _Text(field, None, text, text)
    yield _Text("body", None, article.body, scan_body(article.body).spelling_prose, True)
    for photo in article.photos:
        for photo_field in ("caption", "alt"):
            text = getattr(photo, photo_field)
            yield _Text(f"photo:{photo.id}", photo_field, text, text)


@dataclass(frozen=True)
class _Misspelling:
    where: _Text
    start: int
    end: int
    word: str
    # Capitalised where only a name would be: in the middle of a sentence.
    mid_sentence: bool
    # Capitalised and followed by another capitalised word (Fabiola Flores).
    leads_name: bool


def _misspellings(text: _Text, speller: Speller) -> Iterator[_Misspelling]:
    """``markdown`` marks the body: its misspellings come from the pass the window's underlines
    share (``body_misspellings``)."""
    if text.markdown:
        found = body_misspellings(text.text, speller)
    else:
        found = tuple(speller.misspellings(text.text))
    titled = not text.markdown and title_case(text.text)
    for start, end, word in found:
        capitalised = is_capitalised(word) and not titled
        yield _Misspelling(
            text,
            start,
            end,
            word,
            capitalised and not starts_sentence(text.prose, start),
            capitalised and followed_by_name(text.prose, end),
        )


class _Reporter:
    """Turns misspellings into findings, computing each word's suggestions once (or, when not
    ``suggest_now``, taking only those worked out before and noting the others in
    ``unsuggested``)."""

    def __init__(self, speller: Speller, suggestion_limit: int, suggest_now: bool) -> None:
        self.speller = speller
        self.limit = suggestion_limit
        self.suggest_now = suggest_now
        self.suggested: dict[str, str | None] = {}
        self.unsuggested: list[str] = []

    def first_suggestion(self, word: str) -> str | None:
        if word not in self.suggested:
            if len(self.suggested) >= self.limit:
                return None
            found = (
                self.speller.suggest(word, limit=1)
                if self.suggest_now
                else self.speller.known_suggestions(word, limit=1)
            )
            if found is None:
                self.unsuggested.append(word)
            self.suggested[word] = found[0] if found else None
        return self.suggested[word]

    def typo(self, found: _Misspelling) -> Finding:
        start, end, word = found.start, found.end, found.word
        suggestion = self.first_suggestion(word)
        fix = None
        if suggestion:
            fix = Fix(
                say(QT_TRANSLATE_NOOP("Checks", "Change to “{word}”"), word=suggestion),
                start,
                end,
                suggestion,
            )
        return Finding(
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
            found.where.field,
            line=found.where.line_of(start),
            start=start,
            end=end,
            photo_field=found.where.photo_field,
            fix=fix,
        )


def _name(found: _Misspelling) -> Finding:
    return Finding(
        Severity.NOTE,
        "spelling-name",
        say(
            QT_TRANSLATE_NOOP(
                "Checks", "“{word}”: a name? Add it to your dictionary if it is spelled right."
            ),
            word=found.word,
        ),
        found.where.field,
        line=found.where.line_of(found.start),
        start=found.start,
        end=found.end,
        photo_field=found.where.photo_field,
    )


def spelling_findings(
    article: Article,
    speller: Speller,
    *,
    suggestion_limit: int = SUGGESTION_LIMIT,
    unsuggested: list[str] | None = None,
) -> list[Finding]:
    """The ``spelling`` and ``spelling-name`` findings of the headline, dek, body (Markdown) and
    photo captions and alt texts. Body findings carry the 1-based line and offsets into the
    whole body.

    A typo's fix is the speller's first suggestion, which takes Hunspell 15–60 ms a word. Given
    a list as ``unsuggested``, only suggestions worked out before are used, and the words whose
    suggestions are still to be worked out are added to it (the window works them out when the
    reporter stops typing, then checks again)."""
    accepted = story_names(article)
    found = [
        item
        for text in _texts(article)
        for item in _misspellings(text, speller)
        if item.word not in accepted and name_form(item.word) not in accepted
    ]
    names = read_as_names([(item.word, item.mid_sentence, item.leads_name) for item in found])
    reporter = _Reporter(speller, suggestion_limit, suggest_now=unsuggested is None)
    findings = []
    for index, (item, name) in enumerate(zip(found, names, strict=True)):
        if not index % _FINDINGS_BETWEEN_PAUSES:
            stand_aside()  # thousands of them in a long read: let a keystroke show meanwhile
        findings.append(_name(item) if name else reporter.typo(item))
    if unsuggested is not None:
        unsuggested.extend(reporter.unsuggested)
    return findings


# --- one name spelled two ways -------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    field: str
    photo_field: str | None
    start: int
    end: int
    line: int | None

    def where(self) -> Message:
        if self.field == "body":
            return say(QT_TRANSLATE_NOOP("Checks", "line {line} of the body"), line=self.line)
        if self.field == "byline":
            return QT_TRANSLATE_NOOP("Checks", "the byline")
        if self.field.startswith("dateline."):
            return QT_TRANSLATE_NOOP("Checks", "the dateline")
        return where_text(self.field, self.photo_field)


@dataclass
class _Spelling:
    """One spelling of a name: where it is first, and how many times the story uses it."""

    first: _Place
    count: int = 1


def _name_texts(article: Article) -> Iterator[_Text]:
    """Every text a name may be written in, in reading order (the byline as the window's
    findings read it: its names joined by commas)."""
    yield _Text("byline", None, ", ".join(article.byline), ", ".join(article.byline))
    for field in ("place", "country"):
        text = getattr(article.dateline, field)
        yield _Text(f"dateline.{field}", None, text, text)
    yield from _texts(article)
    for photo in article.photos:
        yield _Text(f"photo:{photo.id}", "credit", photo.credit, photo.credit)


def name_spelling_findings(article: Article, speller: Speller) -> list[Finding]:
    """A ``name-spelled-two-ways`` warning for each pair of capitalised words of the story that
    read as one name spelled two ways (``editor.spelling.names.spelled_alike``) and that the
    dictionaries do not both know. It points at the spelling used less (or later) and names
    where the other one is; a spelling in the byline, dateline or credits is never the odd
    one."""
    places: dict[str, _Spelling] = {}
    for text in _name_texts(article):
        for start, end, word in capitalised_words(text.prose):
            form = name_form(word)
            found = places.get(form)
            if found is None:
                line = text.line_of(start)
                places[form] = _Spelling(_Place(text.field, text.photo_field, start, end, line))
            else:
                found.count += 1
    stated = story_names(article) - {""}
    findings: list[Finding] = []
    for first, second in alike_pairs(places):
        if speller.check_word(first) and speller.check_word(second):
            continue  # two words of the language (Venezuela, Venezuelan)
        odd, usual = _odd_one(first, second, places, stated)
        place = places[odd].first
        findings.append(
            Finding(
                Severity.WARNING,
                "name-spelled-two-ways",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "“{word}” here and “{other}” in {place}: one name spelled two ways? "
                        "Use one spelling throughout.",
                    ),
                    word=odd,
                    other=usual,
                    place=places[usual].first.where(),
                ),
                place.field,
                line=place.line,
                start=place.start,
                end=place.start + len(odd),
                photo_field=place.photo_field,
            )
        )
    return findings


def _odd_one(
    first: str, second: str, places: dict[str, _Spelling], stated: frozenset[str]
) -> tuple[str, str]:
    """(the odd spelling, the usual one) of a pair, ``first`` being met first in the story."""
    if (first in stated) != (second in stated):
        return (second, first) if first in stated else (first, second)
    if places[first].count < places[second].count:
        return first, second
    return second, first


@functools.cache
def _default_personal() -> PersonalDictionary:
    return PersonalDictionary(default_personal_path())


def check_spelling(article: Article, context: Any = None) -> list[Finding]:
    """The spelling check in the registry's shape: the speller of ``article.language``, with
    ``context.personal_dictionary`` when the context has one, else the user's default file;
    its findings are the spelling findings and the names spelled two ways."""
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
    return spelling_findings(article, speller) + name_spelling_findings(article, speller)


def spelling_check(
    personal: PersonalDictionary | None, unsuggested: list[str] | None = None
) -> Any:
    """A check function bound to one personal dictionary (the window's), for
    ``run_checks(..., extra=[spelling_check(personal)])``; with ``unsuggested``, as
    ``spelling_findings`` says."""

    def check_spelling_with(article: Article, context: Any = None) -> list[Finding]:
        speller = speller_for(article.language or "en", personal)
        if speller is None:
            return check_spelling(article, context)
        findings = spelling_findings(article, speller, unsuggested=unsuggested)
        return findings + name_spelling_findings(article, speller)

    check_spelling_with.__name__ = "check_spelling"
    return check_spelling_with
