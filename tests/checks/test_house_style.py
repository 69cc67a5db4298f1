"""House style: the default rules, the user's file merged over them, and the check's fixes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from editor.checks.findings import Severity
from editor.checks.house_style import (
    DEFAULT_FILE,
    HouseStyleError,
    StyleRule,
    _spans,
    check_house_style,
    current_house_style,
    default_house_style_path,
    house_style_findings,
    load_house_style,
)
from editor.checks.registry import CheckContext, run_checks
from editor.model.article import Article, ImageRef
from editor.spelling.text import prose_mask

from factories import caravan
from locations import REPO

# This checkout's rules (the installed package may be another checkout's).
DEFAULT_RULES = REPO / "resources" / "house-style" / "default.toml"


@pytest.fixture(scope="module")
def defaults():
    return load_house_style(None, default_file=DEFAULT_RULES)


def flags(article: Article, style) -> list[tuple[str, str, str | None]]:
    """(field, matched text, replacement) of each finding."""
    result = []
    for finding in house_style_findings(article, style):
        text = _field_text(article, finding.field, finding.photo_field)
        replacement = finding.fix.replacement if finding.fix else None
        result.append((finding.field, text[finding.start : finding.end], replacement))
    return result


def _field_text(article: Article, field: str, photo_field: str | None) -> str:
    if field.startswith("photo:"):
        return getattr(article.photo(field.removeprefix("photo:")), photo_field)
    return getattr(article, field)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "house-style.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the default rules ---------------------------------------------------------------------------


def test_the_default_file_is_valid_and_has_english_and_spanish(defaults) -> None:
    assert DEFAULT_FILE.is_file()
    assert defaults.problem is None
    assert {"en", "es"} <= set(defaults.languages)
    assert defaults.languages["en"].variety == "american"
    for style in defaults.languages.values():
        for rule in style.rules:
            assert rule.why, f"rule {rule.phrase!r} explains nothing"


def test_english_default_rules(defaults) -> None:
    article = Article(
        language="en",
        headline="México pushes back caravan",
        body="Illegal immigrants were travelling 5 per cent slower.",
    )
    assert flags(article, defaults) == [
        ("headline", "México", "Mexico"),
        ("body", "Illegal immigrants", "Undocumented migrants"),
        ("body", "travelling", "traveling"),
        ("body", "per cent", "percent"),
    ]


def test_a_phrase_matches_across_a_line_break_but_not_a_blank_line(defaults) -> None:
    article = Article(language="en", body="They called them illegal\nimmigrants.")
    assert flags(article, defaults) == [("body", "illegal\nimmigrants", "undocumented migrants")]
    article = Article(language="en", body="It was illegal.\n\nImmigrants came anyway.")
    assert flags(article, defaults) == []


def test_an_edit_finds_what_a_fresh_search_finds(defaults) -> None:
    paragraphs = [f"Paragraph {n} says illegal immigrants travelling." for n in range(30)]
    body = "\n\n".join(paragraphs)
    before = flags(Article(language="en", body=body), defaults)
    assert len(before) == 60
    # One paragraph changes; the others' findings are remembered, at their new places.
    edited = body.replace("Paragraph 3 says", "Paragraph three now says", 1)
    found = house_style_findings(Article(language="en", body=edited), defaults)
    searched_whole = _spans(defaults.rules_for("en"), prose_mask(edited, markdown=True))
    assert [(f.start, f.end) for f in found] == [span for span, _rule in searched_whole]


def test_british_copy_gets_the_british_list(defaults) -> None:
    article = Article(language="en-GB", body="They were traveling 5 percent slower. Travelling")
    assert flags(article, defaults) == [
        ("body", "traveling", "travelling"),
        ("body", "percent", "per cent"),
    ]
    assert defaults.variety_for("en-GB") == "british"
    assert defaults.variety_for("en-US") == "american"
    assert defaults.variety_for("en") == "american"


def test_spanish_default_rules(defaults) -> None:
    article = Article(
        language="es-MX",
        body="En EE.UU. y en EEUU, los inmigrantes ilegales. En base a eso, Mexico respondió.",
    )
    assert flags(article, defaults) == [
        ("body", "EE.UU.", "EE. UU."),
        ("body", "EEUU", "EE. UU."),
        ("body", "inmigrantes ilegales", "migrantes en situación irregular"),
        ("body", "En base a", "Con base en"),
        ("body", "Mexico", "México"),
    ]


def test_correct_copy_has_no_findings(defaults) -> None:
    english = Article(language="en", body="Undocumented migrants were traveling from Mexico.")
    spanish = Article(language="es", body="En EE. UU. y en México, los migrantes en situación.")
    assert flags(english, defaults) == []
    assert flags(spanish, defaults) == []
    # Rules are per language: Spanish copy keeps its accent, English rules don't apply to it.
    assert flags(Article(language="es", body="México"), defaults) == []
    assert flags(Article(language="fr", body="México, traveling"), defaults) == []


def test_a_forbidden_phrase_without_replacement_explains_and_offers_no_fix(defaults) -> None:
    found = house_style_findings(Article(language="en", body="an anchor baby"), defaults)
    assert len(found) == 1
    assert found[0].fix is None
    assert found[0].code == "house-style" and found[0].severity is Severity.WARNING
    assert "anchor baby" in found[0].message and "slur" in found[0].message


def test_the_longest_rule_wins_where_two_overlap(defaults) -> None:
    found = house_style_findings(Article(language="es", body="los migrantes ilegales"), defaults)
    assert [(f.start, f.end) for f in found] == [(4, 22)]
    found = house_style_findings(Article(language="es", body="unos ilegales"), defaults)
    assert [(f.severity, f.fix) for f in found] == [(Severity.NOTE, None)]


# --- matching ------------------------------------------------------------------------------------


def test_fixes_keep_the_case_of_the_text(defaults) -> None:
    body = (
        "illegal immigrants. Illegal immigrants. Illegal Immigrants. ILLEGAL IMMIGRANTS. TRAVELLING"
    )
    replacements = [r for _, _, r in flags(Article(language="en", body=body), defaults)]
    assert replacements == [
        "undocumented migrants",
        "Undocumented migrants",
        "Undocumented Migrants",
        "UNDOCUMENTED MIGRANTS",
        "TRAVELING",
    ]


def test_case_aware_matching_does_not_flag_other_cases_of_a_name() -> None:
    rule = StyleRule(language="en", phrase="US", use="U.S.", why="Agency style.")
    assert rule.matches("the US and us") == [(4, 6)]
    exact = StyleRule(language="en", phrase="percent", use="per cent", case="exact")
    assert exact.matches("percent Percent PERCENT") == [(0, 7)]
    mixed = StyleRule(language="en", phrase="illegal immigrants", use="x")
    assert mixed.matches("iLLegal immigrants") == []


def test_whole_words_only_and_never_in_addresses_code_or_link_targets(defaults) -> None:
    body = (
        "untravelling travellingly https://example.com/travelling www.travelling.com/a "
        "travelling@example.com `travelling` [the trip](https://x.org/travelling) "
        "![](photo:travelling)\n\n```\ntravelling\n```\n\n[ref]: https://travelling.example\n\n"
        '<span class="travelling">trip</span>'
    )
    assert flags(Article(language="en", body=body), defaults) == []
    # The visible text of a link is prose, and a hyphenated compound contains the word.
    body = "[travelling](https://x.org/) and travelling-light"
    assert flags(Article(language="en", body=body), defaults) == [
        ("body", "travelling", "traveling"),
        ("body", "travelling", "traveling"),
    ]


def test_a_phrase_matches_across_a_line_break(defaults) -> None:
    body = "First.\n\nThey called them illegal\nimmigrants."
    found = house_style_findings(Article(language="en", body=body), defaults)
    assert [(f.line, body[f.start : f.end]) for f in found] == [(3, "illegal\nimmigrants")]
    assert found[0].fix.replacement == "undocumented migrants"


def test_findings_carry_field_line_offsets_and_a_fix_label(defaults) -> None:
    article = Article(
        language="en",
        headline="Travelling north",
        dek="A caravan travelling north",
        body="Line one.\n\nLine three, travelling.",
        photos=[ImageRef(id="p1", caption="Migrants travelling", alt="People travelling")],
    )
    found = house_style_findings(article, defaults)
    assert [(f.field, f.photo_field, f.line, f.start, f.end) for f in found] == [
        ("headline", None, None, 0, 10),
        ("dek", None, None, 10, 20),
        ("body", None, 3, 23, 33),
        ("photo:p1", "caption", None, 9, 19),
        ("photo:p1", "alt", None, 7, 17),
    ]
    assert found[0].fix.label == "Use “Traveling”"
    assert (found[2].fix.start, found[2].fix.end) == (23, 33)
    assert found[2].message == (
        "House style is “traveling”, not “travelling”: American spelling: one l."
    )


# --- the user's file -----------------------------------------------------------------------------


def test_a_user_rule_replaces_the_default_rule_of_the_same_phrase(tmp_path) -> None:
    user = write(
        tmp_path,
        '[[en.rule]]\nphrase = "illegal immigrants"\nuse = "migrants without papers"\n'
        'why = "Our desk\'s choice."\n\n'
        '[[en.rule]]\nphrase = "caravan"\nuse = "convoy"\nwhy = "Local usage."\n',
    )
    style = load_house_style(user)
    assert style.problem is None
    body = "Illegal immigrants joined the caravan."
    assert flags(Article(language="en", body=body), style) == [
        ("body", "Illegal immigrants", "Migrants without papers"),
        ("body", "caravan", "convoy"),
    ]
    phrases = [rule.phrase for rule in style.rules_for("en")]
    assert phrases.count("illegal immigrants") == 1


def test_the_user_can_switch_a_default_rule_off_and_change_the_variety(tmp_path) -> None:
    user = write(
        tmp_path,
        '[en]\nvariety = "british"\n\n[[en.rule]]\nphrase = "México"\noff = true\n\n'
        '[[es.rule]]\nphrase = "en base a"\noff = true\n',
    )
    style = load_house_style(user)
    article = Article(language="en", headline="México", body="They were traveling.")
    assert flags(article, style) == [("body", "traveling", "travelling")]
    assert flags(Article(language="es", body="En base a eso"), style) == []
    # The defaults themselves are untouched.
    assert flags(article, load_house_style(None)) == [("headline", "México", "Mexico")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[[en.rule]\nphrase = 'x'", "not valid TOML"),
        ("[[en.rule]]\nuse = 'y'\nwhy = 'z'", "'phrase' must be text"),
        ("[[en.rule]]\nphrase = 'x'\nuse = 3", "'use' must be text"),
        ("[[en.rule]]\nphrase = 'x'\nreplace = 'y'", "unknown key 'replace'"),
        ("[[en.rule]]\nphrase = 'x'\ncase = 'loud'", "'case' must be"),
        ("[[en.rule]]\nphrase = 'x'\nseverity = 'fatal'", "'severity' must be"),
        ("[[en.rule]]\nphrase = 'x'\noff = 'yes'", "'off' must be true or false"),
        ("[english]\nvariety = 'british'", "not a language section"),
        ("title = 'mine'", "not a language section"),
        ("[en]\nrule = 'x'", "rules are written [[en.rule]]"),
        ("[en]\ncolour = 'x'", "unknown key 'colour'"),
    ],
)
def test_a_broken_user_file_is_refused_with_one_message(tmp_path, content, expected) -> None:
    user = write(tmp_path, content)
    style = load_house_style(user)
    assert style.problem is not None
    assert expected in style.problem
    assert str(user) in style.problem
    assert style.problem.startswith("Your house-style file was not used")
    # The defaults still apply.
    assert flags(Article(language="en", headline="México"), style) == [
        ("headline", "México", "Mexico")
    ]


def test_a_file_that_is_not_utf8_is_refused(tmp_path) -> None:
    user = tmp_path / "house-style.toml"
    user.write_bytes(b'[[en.rule]]\nphrase = "\xff"\n')
    assert "not UTF-8 text" in load_house_style(user).problem


def test_a_missing_user_file_is_no_problem(tmp_path) -> None:
    style = load_house_style(tmp_path / "nothing.toml")
    assert style.problem is None
    assert style.rules_for("en") == load_house_style(None).rules_for("en")


def test_a_broken_default_file_is_an_error(tmp_path) -> None:
    broken = write(tmp_path, "[[en.rule]]\nphrase = 1\n")
    with pytest.raises(HouseStyleError):
        load_house_style(None, default_file=broken)


# --- the check -----------------------------------------------------------------------------------


def test_default_path_follows_xdg_config_home(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_house_style_path() == tmp_path / "dateline" / "house-style.toml"


def test_check_house_style_reads_the_user_file_again_when_it_changes(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    article = Article(language="en", body="The caravan was travelling.")
    assert [f.code for f in check_house_style(article, None)] == ["house-style"]
    path = default_house_style_path()
    path.parent.mkdir(parents=True)
    path.write_text('[[en.rule]]\nphrase = "caravan"\nuse = "convoy"\nwhy = "Ours."\n')
    found = check_house_style(article, None)
    assert [article.body[f.start : f.end] for f in found] == ["caravan", "travelling"]
    time.sleep(0.01)
    path.write_text("[[en.rule]\n")  # broken: the defaults apply and a note says why
    found = check_house_style(article, None)
    assert [f.code for f in found] == ["house-style", "house-style-file"]
    assert found[1].severity is Severity.NOTE and found[1].field == "article"
    assert current_house_style(path).problem == found[1].message


def test_check_house_style_takes_the_style_from_the_context(tmp_path) -> None:
    class Context:
        house_style = load_house_style(write(tmp_path, '[en]\nvariety = "british"\n'))

    article = Article(language="en", body="They were traveling.")
    assert [f.fix.replacement for f in check_house_style(article, Context())] == ["travelling"]


def test_check_house_style_runs_in_the_registry() -> None:
    article = Article(headline="México", body="They were travelling.")
    found = run_checks(article, CheckContext(), extra=[check_house_style])
    assert sorted(f.field for f in found if f.code == "house-style") == ["body", "headline"]
    assert not [f for f in found if f.code == "check-failed"]


def test_efe_sample_house_style(defaults) -> None:
    article = caravan().article
    assert flags(article, defaults) == [("headline", "México", "Mexico")]


def test_twenty_thousand_words_are_all_checked(defaults) -> None:
    article = caravan().article
    article.body = "\n\n".join([article.body + " They were travelling."] * 40)
    started = time.perf_counter()
    found = house_style_findings(article, defaults)
    # Hang guard only: about 0.12 s here (0.2 s at worst, 2 cores); benchmarks/checks.py times it.
    assert time.perf_counter() - started < 5
    assert len(found) == 41


# --- EFE's Spanish conventions (Fundéu's recommendations) ------------------------------------


def test_a_spanish_story_gets_fundeu_recommendations_with_their_fixes(defaults) -> None:
    article = Article(
        language="es",
        headline="A día de hoy, la caravana sigue en Tapachula",
        body=(
            "El 3 de Diciembre, el ministro que detenta el cargo habló de cara a las elecciones "
            "y decidió en base a los datos.\n\nAl día de hoy no hay cifras."
        ),
    )
    assert flags(article, defaults) == [
        ("headline", "A día de hoy", "Hoy"),
        ("body", "Diciembre", "diciembre"),
        ("body", "detenta", None),
        ("body", "de cara a", None),
        ("body", "en base a", "con base en"),
        ("body", "Al día de hoy", None),
    ]
    found = {f.message.template: f for f in house_style_findings(article, defaults)}
    notes = [f for f in found.values() if f.severity is Severity.NOTE]
    assert notes, "the rules without one right replacement are notes"
    detentar = next(f for f in house_style_findings(article, defaults) if "detenta" in f.message)
    assert "ilegítimamente" in detentar.message and detentar.severity is Severity.NOTE


def test_month_names_are_flagged_only_with_a_capital_and_never_in_english(defaults) -> None:
    assert flags(Article(language="es", body="Llegó el 3 de diciembre."), defaults) == []
    assert flags(Article(language="es", body="Llegó el 3 de Diciembre."), defaults) == [
        ("body", "Diciembre", "diciembre")
    ]
    # Names that are also months' names are left alone; English copy capitalises its months.
    assert flags(Article(language="es", body="Habló Abril Mayo."), defaults) == []
    assert flags(Article(language="en", body="He arrived on 3 December."), defaults) == []


def test_a_legitimate_use_of_a_nivel_de_is_explained_not_forbidden(defaults) -> None:
    (finding,) = house_style_findings(
        Article(language="es", body="Se tratará a nivel de ministros."), defaults
    )
    assert "rangos" in finding.message and finding.fix is not None
