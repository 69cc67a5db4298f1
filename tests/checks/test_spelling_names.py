"""Names are not typos: a capitalised word the dictionary lacks where a name goes is a note with
no one-click fix, the story's own names are accepted, and one name spelled two ways is a
warning of its own (issue 21, item 3)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.checks.findings import Finding, Severity
from editor.checks.spelling_check import (
    check_spelling,
    name_spelling_findings,
    spelling_check,
    spelling_findings,
)
from editor.model.article import Article, Dateline, ImageRef
from editor.model.package import load_package
from editor.spelling import Speller
from editor.spelling.names import (
    alike_pairs,
    edit_distance,
    spelled_alike,
    starts_sentence,
    story_names,
)

from locations import REPO

SAMPLE = REPO / "resources" / "samples" / "caravan-efe.article"


def _flagged(article: Article, finding: Finding) -> str:
    if finding.field == "body":
        text = article.body
    elif finding.field.startswith("photo:"):
        photo = article.photo(finding.field.removeprefix("photo:"))
        assert photo is not None and finding.photo_field is not None
        text = getattr(photo, finding.photo_field)
    else:
        text = getattr(article, finding.field)
    assert finding.start is not None and finding.end is not None
    return text[finding.start : finding.end]


def _kinds(article: Article, speller: Speller) -> list[tuple[str, str]]:
    return [(f.code, _flagged(article, f)) for f in spelling_findings(article, speller)]


# --- the sample story -----------------------------------------------------------------------------


def test_the_samples_names_are_notes_without_fixes_and_its_typos_warnings(personal) -> None:
    article = load_package(SAMPLE).article
    found = spelling_check(personal)(article, None)
    counts = Counter((f.code, f.severity) for f in found)
    assert counts == {
        ("spelling", Severity.WARNING): 2,
        ("spelling-name", Severity.NOTE): 9,
        ("name-spelled-two-ways", Severity.WARNING): 1,
    }
    typos = {_flagged(article, f): f.fix for f in found if f.code == "spelling"}
    assert set(typos) == {"travlling", "México"}  # México opens the headline
    assert all(fix is not None for fix in typos.values())
    names = [f for f in found if f.code == "spelling-name"]
    assert {_flagged(article, f) for f in names} == {
        "Huixtla",
        "Sheinbaum",
        "Cárdenas",
        "José",
        "Fabiola",
        "Comaltitlán",
    }
    for finding in names:
        assert finding.fix is None  # never "Shekinah" for Sheinbaum
        assert finding.message == f"“{_flagged(article, finding)}”: a name? Add it to your " + (
            "dictionary if it is spelled right."
        )
    (twice,) = [f for f in found if f.code == "name-spelled-two-ways"]
    assert (twice.field, _flagged(article, twice)) == ("headline", "México")
    assert twice.message == (
        "“México” here and “Mexico” in the dateline: one name spelled two ways? "
        "Use one spelling throughout."
    )


# --- where a name goes ----------------------------------------------------------------------------


def test_a_capitalised_unknown_word_mid_sentence_is_a_name(english) -> None:
    article = Article(body="The foreigners call on President Claudia Sheinbaum for help.")
    (finding,) = spelling_findings(article, english)
    assert (finding.severity, finding.code, finding.fix) == (Severity.NOTE, "spelling-name", None)


def test_lower_case_words_stay_typos_with_fixes(english) -> None:
    article = Article(body="The foreigners were travlling with Sheinbaum.")
    found = {word: code for code, word in _kinds(article, english)}
    assert found == {"travlling": "spelling", "Sheinbaum": "spelling-name"}
    typo = next(f for f in spelling_findings(article, english) if f.code == "spelling")
    assert typo.severity is Severity.WARNING and typo.fix is not None


@pytest.mark.parametrize(
    "body",
    [
        "Sheinbaum said no.",
        "They left. Sheinbaum said no.",
        "They left! Sheinbaum said no.",
        "## Sheinbaum on the border",
        "- Sheinbaum said no\n- They left",
        "1. Sheinbaum said no",
        "> Sheinbaum said no.",
        "He said: “Sheinbaum is wrong.”",
        "They left.\n\n**Sheinbaum** said no.",
        "They left.\nSheinbaum said no.",
        "| Who | What |\n|---|---|\n| Sheinbaum | no |",
    ],
)
def test_at_the_start_of_a_sentence_a_capitalised_word_may_be_a_typo(english, body) -> None:
    assert _kinds(Article(body=body), english) == [("spelling", "Sheinbaum")]


def test_a_word_used_as_a_name_elsewhere_is_a_name_at_a_sentence_start_too(english) -> None:
    article = Article(body="Sheinbaum said no.\n\nThe foreigners call on Claudia Sheinbaum.")
    assert _kinds(article, english) == [
        ("spelling-name", "Sheinbaum"),
        ("spelling-name", "Sheinbaum"),
    ]


def test_a_sentence_that_opens_with_a_two_word_name(english) -> None:
    article = Article(body="Fabiola Flores, from El Salvador, spoke.")
    assert _kinds(article, english) == [("spelling-name", "Fabiola")]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Gral. Sheinbaum met Mr. Huixtla and J. Comaltitlan. Then Cardenas left."
    for name in ("Sheinbaum", "Huixtla", "Comaltitlan", "Cardenas"):
        assert not starts_sentence(text, text.index(name)), name
    assert starts_sentence(text, text.index("Then"))
    assert starts_sentence(text, 0)


def test_a_title_case_headline_says_nothing_of_names(english) -> None:
    article = Article(headline="Migrnts Reach The Border Near Huixtla")
    found = spelling_findings(article, english)
    assert [(f.code, f.fix is not None) for f in found] == [
        ("spelling", True),
        ("spelling", True),
    ]


# --- the story's own names ---------------------------------------------------------------------


def test_names_in_the_byline_dateline_captions_and_credits_are_accepted(english) -> None:
    article = Article(
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(place="Tapachula", country="Mexico"),
        body=(
            "Blanco saw Fabiola Flores in Tapachula and Huixtla, where Sheinbaum sent the "
            "Guard, by Comaltitlán."
        ),
        photos=[
            ImageRef(id="p1", caption="Migrants walk through Huixtla on Tuesday.", credit=""),
            ImageRef(id="p2", caption="Fabiola rests.", credit="Jacobo Comaltitlán/EFE"),
        ],
    )
    assert {"Blanco", "Tapachula", "Huixtla", "Comaltitlán"} <= story_names(article)
    # "Fabiola" opens its caption: a sentence's first word is no name the story states.
    assert "Fabiola" not in story_names(article)
    assert _kinds(article, english) == [
        ("spelling-name", "Fabiola"),
        ("spelling-name", "Sheinbaum"),
        ("spelling-name", "Fabiola"),  # a name in the body: a name where its caption opens too
    ]
    words = [word for _code, word in _kinds(article, english)]
    assert "Huixtla" not in words and "Comaltitlán" not in words and "Blanco" not in words


# --- one name spelled two ways ------------------------------------------------------------------


def test_one_name_spelled_two_ways_is_a_warning_at_the_odd_spelling(english) -> None:
    article = Article(
        body=(
            "President Claudia Sheinbaum spoke.\n\nThe caravans answered Sheinbaum.\n\n"
            "Later, Sheinbam said no."
        )
    )
    (finding,) = name_spelling_findings(article, english)
    assert (finding.severity, finding.code, finding.field, finding.line) == (
        Severity.WARNING,
        "name-spelled-two-ways",
        "body",
        5,
    )
    assert _flagged(article, finding) == "Sheinbam"
    assert finding.message == (
        "“Sheinbam” here and “Sheinbaum” in line 1 of the body: one name spelled two ways? "
        "Use one spelling throughout."
    )
    assert finding.fix is None


def test_a_name_the_reporter_added_still_has_its_misspelling_caught(personal, english) -> None:
    personal.add("Sheinbaum")
    article = Article(body="Sheinbaum spoke. Later Sheinbuam said no, and Sheinbaum left.")
    (finding,) = name_spelling_findings(article, english)
    assert _flagged(article, finding) == "Sheinbuam"  # letters swapped: one edit


def test_the_byline_spelling_is_the_right_one(english) -> None:
    article = Article(
        byline=["Juan Manuel Blancos"],
        body="By Blanco. Blanco and Blanco.\n\nReported by Juan Manuel Blancos.",
    )
    # Blanco is the plural rule's exception (Blanco, Blancos): no finding.
    assert name_spelling_findings(article, english) == []
    article = Article(byline=["Genaro Cárdenas"], body="Cardenas walks. Cardenas rests.")
    (finding,) = name_spelling_findings(article, english)
    assert (finding.field, _flagged(article, finding)) == ("body", "Cardenas")
    assert "“Cárdenas” in the byline" in finding.message


def test_names_spelled_two_ways_in_a_spanish_story(personal) -> None:
    article = Article(
        language="es",
        body=(
            "La presidenta Claudia Sheinbaum habló el martes.\n\n"
            "Después, la presidenta Sheinbam dijo que no."
        ),
        photos=[ImageRef(id="p1", caption="La presidenta Claudia Sheinbaum en Palacio.")],
    )
    found = check_spelling(article, type("Context", (), {"personal_dictionary": personal})())
    codes = Counter(f.code for f in found)
    assert codes == {"spelling-name": 1, "name-spelled-two-ways": 1}  # Sheinbaum: a caption name
    (twice,) = [f for f in found if f.code == "name-spelled-two-ways"]
    assert _flagged(article, twice) == "Sheinbam"
    assert "“Sheinbaum” in line 1 of the body" in twice.message


def test_words_of_the_language_a_letter_apart_are_not_one_name(english) -> None:
    article = Article(body="Venezuela and the Venezuelan. Juan and Joan. Mario and Maria.")
    assert name_spelling_findings(article, english) == []


# --- the distance rule ----------------------------------------------------------------------------


def test_the_distance_rule_on_examples() -> None:
    assert spelled_alike("Sheinbaum", "Sheinbam")  # a letter left out
    assert spelled_alike("Sheinbaum", "Sheinbuam")  # two letters swapped
    assert spelled_alike("Sheinbaum", "Shienbaun")  # two edits: a long name
    assert not spelled_alike("Huixtla", "Hiuxtal")  # two edits: too short a name
    assert spelled_alike("José", "Jose") and spelled_alike("Cárdenas", "Cardenas")
    assert not spelled_alike("Juan", "Joan")  # short names a letter apart
    assert not spelled_alike("Obama", "Obamas")  # a plural
    assert not spelled_alike("Sheinbaum", "SHEINBAUM")  # the same name in capitals
    assert spelled_alike("Sheinbaum’s", "Sheinbam")  # a possessive is its name
    assert edit_distance("kitten", "sitting", 5) == 3
    assert edit_distance("abcdef", "badcfe", 9) == 3


_LETTERS = "abcdehilmnorstuáé"
_names = st.text(_LETTERS, min_size=1, max_size=11).map(str.capitalize)


@settings(max_examples=200, deadline=None)
@given(_names, _names)
def test_the_rule_is_symmetric(first, second) -> None:
    assert spelled_alike(first, second) == spelled_alike(second, first)


@settings(max_examples=200, deadline=None)
@given(st.text(_LETTERS, min_size=5, max_size=12), st.data())
def test_one_letter_changed_in_a_name_of_five_or_more_is_alike(word, data) -> None:
    name = word.capitalize()
    index = data.draw(st.integers(1, len(name) - 1))
    letter = data.draw(st.sampled_from([ch for ch in _LETTERS if ch != name[index]]))
    changed = name[:index] + letter + name[index + 1 :]
    assert spelled_alike(name, changed)
    assert not spelled_alike(name, name)


@settings(max_examples=200, deadline=None)
@given(st.lists(_names, min_size=2, max_size=12, unique=True))
def test_the_index_finds_exactly_the_pairs_a_comparison_of_all_finds(names) -> None:
    expected = {frozenset(pair) for pair in combinations(names, 2) if spelled_alike(*pair)}
    assert {frozenset(pair) for pair in alike_pairs(names)} == expected


@settings(max_examples=200, deadline=None)
@given(st.text(_LETTERS, min_size=1, max_size=10), st.text(_LETTERS, min_size=1, max_size=10))
def test_the_bounded_distance_agrees_with_the_full_one(first, second) -> None:
    full = edit_distance(first, second, 30)
    for limit in range(4):
        assert edit_distance(first, second, limit) == min(full, limit + 1)


def test_spanish_names_are_notes_and_a_misspelt_river_is_caught(personal) -> None:
    article = Article(
        language="es",
        headline="Lluvias en Valencia",
        body=(
            "La Aemet avisó de lluvias en la cuenca del Turia. Aemet dijo que el Turia subirá."
            "\n\nEl río Turai crece."
        ),
    )
    found = spelling_check(personal)(article, None)
    assert [(f.code, _flagged(article, f), f.fix) for f in found] == [
        ("spelling-name", "Aemet", None),  # never "Hemet"
        ("spelling-name", "Aemet", None),  # a name elsewhere: a name at a sentence's start too
        ("spelling-name", "Turai", None),
        ("name-spelled-two-ways", "Turai", None),
    ]
    assert "“Turia” in line 1 of the body" in found[-1].message
