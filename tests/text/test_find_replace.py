"""Find and replace over an article, without widgets: plain text, regular expressions, case,
whole words, bad patterns, and every text field."""

from __future__ import annotations

import pytest

from editor.model.article import Article, ImageRef
from editor.text.find_replace import (
    FindOptions,
    PatternError,
    Place,
    apply,
    find_all,
    pattern_error,
    replace_all,
    replace_in_text,
    replacement_for,
)

import factories


def _article() -> Article:
    return factories.article(
        headline="Caravan leaves Huixtla",
        dek="The caravan heads north",
        byline=["Juan Manuel Blanco", "Ana López"],
        slug="MEXICO-MIGRANTS/CARAVAN",
        sign_off="jmb/dgp",
        editors_note="Check the caravan figure",
        body="A caravan of 1,500 migrants.\n\nThe CARAVAN left. Caravans grow.\n",
        photos=[ImageRef(id="p1", caption="The caravan at dawn", credit="EFE", alt="Caravan")],
    )


def test_plain_text_is_case_insensitive_by_default() -> None:
    matches = find_all(_article(), "caravan", FindOptions())
    places = [(m.field, m.photo_field) for m in matches]
    assert places == [
        ("headline", None),
        ("dek", None),
        ("body", None),
        ("body", None),
        ("body", None),
        ("photo:p1", "caption"),
        ("photo:p1", "alt"),
        ("slug", None),
        ("editors_note", None),
    ]
    body = _article().body
    assert [body[m.start : m.end] for m in matches if m.field == "body"] == [
        "caravan",
        "CARAVAN",
        "Caravan",
    ]


def test_match_case() -> None:
    matches = find_all(_article(), "Caravan", FindOptions(case_sensitive=True))
    assert [(m.field, m.text) for m in matches] == [
        ("headline", "Caravan"),
        ("body", "Caravan"),
        ("photo:p1", "Caravan"),
    ]


def test_whole_words() -> None:
    options = FindOptions(whole_word=True)
    body_matches = [m.text for m in find_all(_article(), "caravan", options) if m.field == "body"]
    assert body_matches == ["caravan", "CARAVAN"]  # not "Caravans"
    # Whole words work for patterns that start or end with punctuation too.
    text = "The U.S. and the U.S.A."
    assert replace_in_text(text, "U.S.", "US", options) == ("The US and the U.S.A.", 1)


def test_plain_text_is_not_a_pattern() -> None:
    assert replace_in_text("Cost: $5 (approx.)", "$5 (approx.)", "5 dollars", FindOptions()) == (
        "Cost: 5 dollars",
        1,
    )
    # Backslashes in a plain replacement are kept as typed.
    assert replace_in_text("a/b", "/", r"\1", FindOptions()) == (r"a\1b", 1)


def test_regular_expression_groups_in_the_replacement() -> None:
    options = FindOptions(regex=True)
    assert replace_in_text("on 3 Dec 2024", r"(\d+) (\w+) (\d{4})", r"\2 \1, \3", options) == (
        "on Dec 3, 2024",
        1,
    )
    assert replace_in_text(
        "1,500 migrants", r"(?P<n>[\d,]+) migrants", r"\g<n> people", options
    ) == ("1,500 people", 1)
    # ^ and $ are line anchors.
    assert replace_in_text("a\nb", "^", "> ", options) == ("> a\n> b", 2)


@pytest.mark.parametrize(
    ("pattern", "replacement", "message"),
    [
        ("(unclosed", "", "Not a valid regular expression"),
        ("[a-", "", "Not a valid regular expression"),
        ("*", "", "Not a valid regular expression"),
        ("(a)", r"\2", "Cannot use the replacement"),
        ("(?P<x>a)", r"\g<y>", "Cannot use the replacement"),
        ("a", "\\", "Cannot use the replacement"),
    ],
)
def test_a_bad_pattern_is_an_error_with_a_message(
    pattern: str, replacement: str, message: str
) -> None:
    article = _article()
    before = (article.headline, article.body)
    with pytest.raises(PatternError, match=message):
        replace_all(article, pattern, replacement, FindOptions(regex=True))
    assert (article.headline, article.body) == before


def test_pattern_error_is_a_message_not_an_exception() -> None:
    assert pattern_error("(", FindOptions(regex=True)) is not None
    assert pattern_error("(", FindOptions(regex=False)) is None  # plain text: just a bracket
    assert pattern_error(r"\d+", FindOptions(regex=True)) is None
    with pytest.raises(PatternError):
        find_all(_article(), "(", FindOptions(regex=True))


def test_the_error_names_the_place_in_what_was_typed() -> None:
    message = pattern_error("(caravan", FindOptions(regex=True, whole_word=True))
    assert message is not None and message.endswith("at position 1")


def test_an_empty_pattern_finds_nothing() -> None:
    assert find_all(_article(), "", FindOptions()) == []
    assert replace_all(_article(), "", "x", FindOptions()).changes == []


def test_replace_all_reports_per_field_and_changes_nothing_until_applied() -> None:
    article = _article()
    result = replace_all(article, "caravan", "convoy", FindOptions(whole_word=True))
    assert article.headline == "Caravan leaves Huixtla"  # not yet
    counts = {(c.place.field, c.place.photo_field): c.count for c in result.changes}
    assert counts == {
        ("headline", None): 1,
        ("dek", None): 1,
        ("body", None): 2,
        ("photo:p1", "caption"): 1,
        ("photo:p1", "alt"): 1,
        ("slug", None): 1,
        ("editors_note", None): 1,
    }
    assert result.total == 8
    assert result.summary().startswith("Replaced 2 in body, 1 in headline")
    apply(article, result)
    assert article.headline == "convoy leaves Huixtla"
    assert article.body == "A convoy of 1,500 migrants.\n\nThe convoy left. Caravans grow.\n"
    assert article.photos[0].caption == "The convoy at dawn"
    assert article.photos[0].alt == "convoy"
    assert article.slug == "MEXICO-MIGRANTS/convoy"
    assert article.dek == "The convoy heads north"


def test_replacing_with_the_same_text_is_no_change() -> None:
    result = replace_all(_article(), "EFE", "EFE", FindOptions(case_sensitive=True))
    assert result.changes == []
    assert result.summary() == "Nothing to replace"


def test_byline_is_searched_as_shown_and_split_back() -> None:
    article = _article()
    matches = find_all(article, "Ana", FindOptions(whole_word=True))
    assert [(m.field, m.start) for m in matches] == [("byline", len("Juan Manuel Blanco, "))]
    apply(article, replace_all(article, "Ana López", "Ana López, Luis Pérez", FindOptions()))
    assert article.byline == ["Juan Manuel Blanco", "Ana López", "Luis Pérez"]


def test_replacement_for_a_selected_match() -> None:
    options = FindOptions(regex=True)
    text = "on 3 Dec"
    assert replacement_for(text, 3, 8, r"(\d) (\w+)", r"\2 \1", options) == "Dec 3"
    assert replacement_for(text, 0, 2, r"(\d) (\w+)", r"\2 \1", options) is None
    assert Place("photo:p1", "alt").label() == "photo p1 alt text"
