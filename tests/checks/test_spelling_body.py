"""The body's spelling pass is done once per revision and shared by the spelling check and the
window's underlines; a word added or ignored makes the next pass a new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.checks.spelling_check import spelling_check
from editor.model.article import Article
from editor.spelling import PersonalDictionary, Speller, body_misspellings, speller_for
from editor.spelling.body import forget_body_misspellings

BODY = "The caravn left Huixtla.\n\n```\nnotaword insidecode\n```\n\nIt walkd north."


@pytest.fixture
def personal(tmp_path: Path) -> PersonalDictionary:
    return PersonalDictionary(tmp_path / "dictionary.txt")


@pytest.fixture
def english(personal: PersonalDictionary) -> Speller:
    forget_body_misspellings()
    speller = speller_for("en", personal)
    assert speller is not None
    return speller


def words_of(found: tuple[tuple[int, int, str], ...]) -> list[str]:
    return [word for _start, _end, word in found]


def test_the_pass_is_the_spellers_own(english: Speller) -> None:
    assert body_misspellings(BODY, english) == tuple(english.misspellings(BODY, markdown=True))
    assert {"caravn", "walkd"} <= set(words_of(body_misspellings(BODY, english)))


def test_a_revision_is_checked_once_and_an_edit_looks_up_only_its_paragraph(
    english: Speller, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[str] = []
    checked = Speller.misspellings_in_prose

    def counted(self: Speller, prose: str) -> list:
        looked_up.append(prose)
        return checked(self, prose)

    monkeypatch.setattr(Speller, "misspellings_in_prose", counted)
    article = Article(headline="Caravan", body=BODY, language="en")
    findings = spelling_check(english.personal)(article)
    # The check's pass looked up each paragraph of the body (and the headline).
    assert {"The caravn left Huixtla.", "It walkd north."} <= {text.strip() for text in looked_up}
    paragraphs = len(looked_up)
    # The underlines' pass of the same revision comes from the cache.
    assert {f.start for f in findings if f.field == "body"} == {
        start for start, _end, _word in body_misspellings(BODY, english)
    }
    assert len(looked_up) == paragraphs
    edited = BODY.replace("It walkd north.", "It walkd nortth.")
    found = body_misspellings(edited, english)
    assert len(looked_up) == paragraphs + 1  # only the paragraph edited
    assert looked_up[-1].strip() == "It walkd nortth."
    assert words_of(found) == ["caravn", "Huixtla", "walkd", "nortth"]
    monkeypatch.setattr(Speller, "misspellings_in_prose", checked)
    assert found == tuple(english.misspellings(edited, markdown=True))


def test_a_word_ignored_or_added_makes_a_new_pass(english: Speller) -> None:
    first = body_misspellings(BODY, english)
    assert "caravn" in words_of(first)
    english.ignore("caravn")
    assert "caravn" not in words_of(body_misspellings(BODY, english))
    assert english.personal is not None
    english.personal.add("walkd")
    assert words_of(body_misspellings(BODY, english)) == ["Huixtla"]


def test_ignoring_a_word_twice_keeps_the_pass(english: Speller) -> None:
    english.ignore("caravn")
    kept = body_misspellings(BODY, english)
    english.ignore("caravn")  # the window repeats its ignored words before every pass
    assert body_misspellings(BODY, english) is kept


def test_two_callers_at_once_check_the_body_once(
    english: Speller, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks worker and the underlines worker may ask for one revision at the same time
    (their pauses overlap on a long body): the second waits for the first's result."""
    import threading

    started, release = threading.Event(), threading.Event()
    calls: list[str] = []
    original = Speller.misspellings_in_prose

    def slow(self: Speller, prose: str) -> list:
        calls.append(prose)
        started.set()
        release.wait(10)
        return original(self, prose)

    monkeypatch.setattr(Speller, "misspellings_in_prose", slow)
    results: list[tuple] = []
    first = threading.Thread(target=lambda: results.append(body_misspellings(BODY, english)))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: results.append(body_misspellings(BODY, english)))
    second.start()
    second.join(0.2)  # it waits for the first caller instead of checking the body itself
    assert second.is_alive()
    release.set()
    first.join(10)
    second.join(10)
    assert len(calls) == BODY.count("\n\n") + 1  # each paragraph once, by the first caller
    assert len(results) == 2 and results[0] == results[1]
