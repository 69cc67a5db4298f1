"""The pre-publish checks: for every check, a story that triggers it and a close one that does not.

Each case starts from a clean story (which has no finding at all) and changes one thing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from editor.checks.findings import Finding, Severity
from editor.checks.registry import CHECKS, CheckContext, CheckSettings, run_checks
from editor.checks.text_measure import find_font_file, text_width
from editor.model.article import Article, Crop, Dateline, ImageRef
from editor.model.media_store import MediaStore
from editor.text.body_scan import scan_body

CLEAN_BODY = (
    "A caravan of over 1,500 migrants set out from Mexico’s southern border on Tuesday, "
    "said the National Migration Institute (INM).\n\n"
    "![](photo:p1)\n\n"
    "“We all come in peace,” said Fabiola Flores, from El Salvador, who told "
    "[EFE](https://efe.com) that she was travelling with her two sons.\n"
)

SPANISH = (
    "Una caravana de más de 1.500 migrantes que partió el martes de la frontera sur de México "
    "fue frenada por las autoridades mexicanas, que le impidieron salir del estado de Chiapas, "
    "en medio de la presión del presidente electo de Estados Unidos para que México controle "
    "el flujo de migrantes. El contingente salió del municipio de Huixtla a paso lento, algunos "
    "en bicicleta, flanqueados por la Guardia Nacional y la policía municipal. Los migrantes, en "
    "su mayoría venezolanos, dijeron a EFE que desde su llegada a Huixtla las autoridades los "
    "han seguido durante todo el camino y que no tienen trabajo."
)


def clean_story() -> tuple[Article, CheckContext]:
    media = MediaStore()
    path = media.add_bytes(b"not decoded: the record holds the size", "jpg")
    photo = ImageRef(
        id="p1",
        original_name="caravan.jpg",
        media_path=path,
        format="jpeg",
        width=2400,
        height=1600,
        caption="Migrants walk north from Huixtla, Mexico, on Dec. 3, 2024.",
        credit="EFE/Juan Manuel Blanco",
        alt="A line of people with backpacks walks along a highway.",
        featured=True,
    )
    article = Article(
        headline="Mexico stops migrant caravan in Chiapas",
        dek="Authorities keep 1,500 migrants from leaving the southern state.",
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(place="Tapachula", country="Mexico", date=dt.date(2024, 12, 3)),
        slug="MEXICO-MIGRANTS/CARAVAN",
        body=CLEAN_BODY,
        photos=[photo],
    )
    return article, CheckContext(media=media)


Change = Callable[[Article, CheckContext], CheckContext | None]


def codes_after(change: Change) -> list[Finding]:
    article, context = clean_story()
    context = change(article, context) or context
    return run_checks(article, context)


def test_a_clean_story_has_no_findings() -> None:
    article, context = clean_story()
    # Only the built-in checks: spelling and house style have tests of their own.
    assert [f for f in run_checks(article, context) if f.code in built_in_codes()] == []
    assert built_in_codes() >= {"headline-missing", "double-space", "check-failed"}


def _set(**values) -> Change:
    def change(article: Article, context: CheckContext) -> None:
        for name, value in values.items():
            setattr(article, name, value)

    return change


def _photo(**values) -> Change:
    def change(article: Article, context: CheckContext) -> None:
        for name, value in values.items():
            setattr(article.photos[0], name, value)

    return change


def _body(text: str, language: str = "en") -> Change:
    def change(article: Article, context: CheckContext) -> None:
        article.body = text
        article.language = language

    return change


def _settings(**values) -> Callable[[Change], Change]:
    def wrap(inner: Change) -> Change:
        def change(article: Article, context: CheckContext) -> CheckContext:
            inner(article, context)
            return replace(context, settings=replace(context.settings, **values))

        return change

    return wrap


def _no_file(article: Article, context: CheckContext) -> CheckContext:
    return CheckContext(media=MediaStore())  # the record names a file the store lacks


WORDS_400 = " ".join(["word"] * 400)
WORDS_100 = " ".join(["word"] * 100)

# (code, a change that triggers it, a close change that does not)
CASES: list[tuple[str, Change, Change]] = [
    ("headline-missing", _set(headline="  "), _set(headline="X")),
    ("byline-missing", _set(byline=[" "]), _set(byline=["Ana Pérez"])),
    ("dateline-missing", _set(dateline=Dateline()), _set(dateline=Dateline(place="Tapachula"))),
    ("slug-missing", _set(slug=""), _set(slug="MEXICO")),
    ("headline-too-long", _set(headline="i" * 71), _set(headline="i" * 70)),
    ("headline-too-wide", _set(headline="W" * 40), _set(headline="i" * 60)),
    ("dek-too-long", _set(dek="d" * 161), _set(dek="d" * 160)),
    (
        "word-count-off-target",
        _settings(target_words=(350, 450))(_body(WORDS_100)),
        _settings(target_words=(350, 450))(_body(WORDS_400)),
    ),
    ("language-mismatch", _body(SPANISH, "en"), _body(SPANISH, "es-MX")),
    ("language-mismatch", _body(SPANISH, "pt"), _body(SPANISH[:200], "pt")),  # too short to say
    ("photo-missing-file", _photo(media_path=""), _photo(caption="Other")),
    ("photo-missing-file", _no_file, _photo(caption="Other")),
    ("photo-no-alt", _photo(alt=" "), _photo(alt="Two men")),
    ("photo-no-credit", _photo(credit=""), _photo(credit="EFE")),
    ("photo-no-caption", _photo(caption=""), _photo(caption="Migrants.")),
    (
        "photo-alt-is-caption",
        _photo(alt="Migrants walk north from Huixtla, Mexico, on Dec. 3, 2024"),
        _photo(alt="Migrants walk north"),
    ),
    ("photo-alt-too-long", _photo(alt="a" * 251), _photo(alt="a" * 250)),
    ("photo-gps", _photo(has_gps=True), _photo(has_gps=False)),
    ("no-featured-photo", _photo(featured=False), _photo(featured=True)),
    ("featured-too-narrow", _photo(width=1000), _photo(width=1200)),
    ("featured-too-narrow", _photo(crop=Crop(0, 0, 0.4, 1)), _photo(crop=Crop(0, 0, 0.5, 1))),
    ("photo-ref-unknown", _body("Text.\n\n![](photo:p9)\n"), _body("Text.\n\n![](photo:p1)\n")),
    (
        "image-not-in-package",
        _body("![Map](https://x.org/map.png)"),
        _body("[Map](https://x.org/map.png)"),
    ),
    (
        "image-not-in-package",
        _body('A <img src="/up/a.jpg"> b'),
        _body("A `<img src='/up/a.jpg'>` b"),
    ),
    (
        "image-not-in-package",
        _body("![Map][m]\n\n[m]: /map.png"),
        _body("[Map][m]\n\n[m]: /map.png"),
    ),
    ("tk-marker", _body("The mayor said TK people came."), _body("A TKO in the third round.")),
    ("tk-marker", _set(headline="Mayor TK resigns"), _body("Code: `TK` stays.\n\n    TK\n")),
    ("tk-marker", _photo(caption="Migrants in TK."), _photo(caption="Migrants in Tapachula.")),
    (
        "editors-note",
        _body("Police said [[check the number]] 20 people."),
        _body("See [the list](x) [sic]."),
    ),
    (
        "editors-note",
        _body("Police said <!-- ask INM --> 20."),
        _body("Code `<!-- x -->` is fine."),
    ),
    (
        "editors-note",
        _body("NOTE: confirm with police.\n\nText."),
        _body("Note: the police said so."),
    ),
    ("editors-note", _body("EDITOR’S NOTE: hold until 6pm."), _body("The editor’s note said so.")),
    (
        "unbalanced-quotes",
        _body("He said “we are tired. And left."),
        _body("He said “we are tired.”"),
    ),
    (
        "unbalanced-quotes",
        _body("He said we are tired.” And left."),
        _body("Mexico’s migrants’ rights."),
    ),
    (
        "unbalanced-quotes",
        _body('He said "we are tired. And left.'),
        _body('He said "we are tired."'),
    ),
    (
        "unbalanced-quotes",
        _body("Dijo «basta. Y se fue.", "es"),
        _body("Dijo «basta». Y se fue.", "es"),
    ),
    ("unbalanced-quotes", _body("He said ‘no. Then”"), _body('A 12" pipe and **bold** and *it*.')),
    ("unbalanced-quotes", _body("Er sagte „Hallo.", "de"), _body("Er sagte „Hallo“.", "de")),
    (
        "unbalanced-quotes",
        _body("“First part of a long quote.\n\nAnd more."),
        _body("“First part of a long quote.\n\n“And the rest,” he said."),
    ),
    (
        "unbalanced-quotes",
        _body("Dijo: «Primero.\n\nY luego.", "es"),
        _body("Dijo: «Primero.\n\n»Y luego», añadió.", "es"),
    ),
    (
        "unbalanced-brackets",
        _body("The institute (INM said so."),
        _body("The institute (INM) said so."),
    ),
    (
        "unbalanced-brackets",
        _body("The institute INM) said so."),
        _body("See [Foo](https://w.org/Foo_(bar))."),
    ),
    ("unbalanced-brackets", _body("A [sic said."), _body("Options: a) walk, b) ride. Fine :)")),
    ("unbalanced-brackets", _body("(a [b) c]"), _body("`f(x` and https://x.org/a_(b) ok")),
    (
        "unbalanced-brackets",
        _body("微软（Microsoft Corp 等。"),
        _body("微软（Microsoft Corp) 等。"),
    ),
    ("unbalanced-punctuation", _body("¿Qué pasa. Nada.", "es"), _body("¿Qué pasa? Nada.", "es")),
    ("unbalanced-punctuation", _body("Qué pasa? Nada.", "es"), _body("What now? Nothing.", "en")),
    ("unbalanced-punctuation", _body("¡Basta. Ya.", "es"), _body("¡Basta! Ya.", "es")),
    ("spanish-quotes", _body('Dijo: "No iremos".', "es"), _body("Dijo: «No iremos».", "es")),
    ("spanish-quotes", _set(headline='El "no"', language="es"), _body('Said "no".', "en")),
    ("doubled-word", _body("He saw the the caravan."), _body("He saw the then caravan.")),
    ("doubled-word", _body("He saw the\nthe caravan."), _body("He saw the\n\nthe caravan.")),
    ("doubled-word", _body("The the caravan."), _body("He had had enough in Bora Bora.")),
    ("doubled-word", _set(headline="Caravan stops stops"), _body("Call `f` f and `the` the.")),
    ("double-space", _body("The caravan  left."), _body("The caravan left.  \nNext line.")),
    ("double-space", _set(dek="Two  spaces"), _body("`a  b` and\n\n1.  item\n\n##  Head\n")),
    ("link-no-text", _body("See [](https://efe.com)."), _body("See [EFE](https://efe.com).")),
    ("link-empty-url", _body("See [EFE]()."), _body("See [EFE](https://efe.com).")),
    ("link-empty-url", _body("See [EFE](<>)."), _body("See ![](photo:p1) and [x](y).")),
]


@pytest.mark.parametrize(
    ("code", "bad", "good"),
    CASES,
    ids=[f"{code}-{index}" for index, (code, _, _) in enumerate(CASES)],
)
def test_check_triggers_and_stays_quiet(code: str, bad: Change, good: Change) -> None:
    assert code in {f.code for f in codes_after(bad)}
    assert code not in {f.code for f in codes_after(good)}


def built_in_codes() -> set[str]:
    """The codes registry.py's table documents."""
    from editor.checks import registry

    row = re.compile(r"([a-z][a-z-]+) +(?:error|warning|note) ")
    return {
        match.group(1)
        for line in (registry.__doc__ or "").splitlines()
        if (match := row.match(line))
    }


def test_every_code_of_the_registry_table_has_a_case() -> None:
    table_codes = built_in_codes()
    # font-missing depends on the machine's fonts: tests/checks/test_cjk_checks.py tests it
    # with fontconfig's answers faked, and with the real ones.
    tested = {code for code, _, _ in CASES} | {"check-failed", "font-missing"}
    assert table_codes <= tested
    assert "headline-missing" in table_codes


def test_real_copy_gives_no_body_findings(data_dir) -> None:
    """The EFE wire story and a Wikinews story: quotes, apostrophes, parentheses, links."""
    from editor.ingest import import_file

    for name in ("caravan-efe.md", "en_wikinews_crane.md"):
        article = import_file(data_dir / name).article
        codes = built_in_codes()  # spelling and house style are tested on their own
        body = [f for f in run_checks(article) if f.field == "body" and f.code in codes]
        assert body == [], (name, body)


# --- places, severities and fixes ----------------------------------------------------------------


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, findings
    return matching[0]


def apply_fix(text: str, finding: Finding) -> str:
    assert finding.fix is not None
    return text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end :]


def test_doubled_word_across_lines_is_placed_and_fixed() -> None:
    body = "First paragraph.\n\nHe saw the\nThe caravan."
    finding = only(codes_after(_body(body)), "doubled-word")
    assert (finding.severity, finding.field, finding.line) == (Severity.WARNING, "body", 3)
    assert body[finding.start : finding.end] == "the\nThe"
    assert apply_fix(body, finding) == "First paragraph.\n\nHe saw the caravan."


def test_doubled_word_over_markup_has_no_fix() -> None:
    finding = only(codes_after(_body("He saw the **the** caravan.")), "doubled-word")
    assert finding.fix is None


def test_double_space_fix_leaves_one_space() -> None:
    body = "The caravan   left."
    finding = only(codes_after(_body(body)), "double-space")
    assert finding.severity is Severity.NOTE
    assert apply_fix(body, finding) == "The caravan left."


def test_editors_note_fix_removes_the_note() -> None:
    body = "Police said [[check]] 20 people."
    finding = only(codes_after(_body(body)), "editors-note")
    assert finding.severity is Severity.ERROR
    assert apply_fix(body, finding) == "Police said 20 people."


def test_link_fixes() -> None:
    empty = "See [EFE]() now."
    assert apply_fix(empty, only(codes_after(_body(empty)), "link-empty-url")) == "See EFE now."
    blank = "See [](https://efe.com) now."
    fixed = apply_fix(blank, only(codes_after(_body(blank)), "link-no-text"))
    assert fixed == "See [https://efe.com](https://efe.com) now."


def test_bracket_findings_name_the_one_left_open() -> None:
    body = "(a [b) c"
    findings = [f for f in codes_after(_body(body)) if f.code == "unbalanced-brackets"]
    assert [body[f.start : f.end] for f in findings] == ["["]
    assert "never closed with ]" in findings[0].message


def test_quote_finding_points_at_the_mark() -> None:
    body = "Intro.\n\nHe said “we are tired."
    finding = only(codes_after(_body(body)), "unbalanced-quotes")
    assert body[finding.start : finding.end] == "“"
    assert finding.line == 3


def test_photo_findings_name_the_photo_and_field() -> None:
    finding = only(codes_after(_photo(alt="")), "photo-no-alt")
    assert (finding.field, finding.photo_field, finding.severity) == (
        "photo:p1",
        "alt",
        Severity.ERROR,
    )
    assert "caravan.jpg" in finding.message
    too_long = only(codes_after(_photo(alt="a" * 260)), "photo-alt-too-long")
    assert (too_long.start, too_long.end) == (250, 260)
    assert only(codes_after(_photo(has_gps=True)), "photo-gps").severity is Severity.WARNING


def test_no_photos_at_all_is_only_a_note() -> None:
    finding = only(codes_after(_set(photos=[], body="Text.")), "no-featured-photo")
    assert finding.severity is Severity.NOTE
    assert only(codes_after(_photo(featured=False)), "no-featured-photo").severity is (
        Severity.WARNING
    )


def test_featured_width_read_from_the_file_when_the_record_lacks_it() -> None:
    import io

    from PIL import Image

    def change(article: Article, context: CheckContext) -> CheckContext:
        out = io.BytesIO()
        Image.new("RGB", (800, 600)).save(out, "PNG")
        media = MediaStore()
        article.photos[0].media_path = media.add_bytes(out.getvalue(), "png")
        article.photos[0].width = article.photos[0].height = None
        return CheckContext(media=media)

    finding = only(codes_after(change), "featured-too-narrow")
    assert "800 px" in finding.message


def test_headline_width_uses_font_metrics_not_characters() -> None:
    # The same number of characters, very different widths.
    assert text_width("W" * 30).width > 2 * text_width("i" * 30).width
    finding = only(codes_after(_set(headline="W" * 40)), "headline-too-wide")
    assert finding.severity is Severity.WARNING
    assert 0 < finding.start < 40 and finding.end == 40
    fits, overflows = "W" * finding.start, "W" * (finding.start + 1)
    assert text_width(fits).width <= 600 < text_width(overflows).width


def test_headline_is_measured_in_liberation_sans_when_installed() -> None:
    path, _ = find_font_file()
    if path is None or "Liberation" not in path.name:
        pytest.skip("Liberation Sans is not installed (the check falls back to DejaVu Sans)")
    # Arial's advance widths at 20 px: "W" is 18.88 px, "i" 4.44 px.
    assert text_width("W").width == pytest.approx(18.88, abs=0.05)
    assert text_width("i").width == pytest.approx(4.44, abs=0.05)
    finding = only(codes_after(_set(headline="W" * 40)), "headline-too-wide")
    assert "Liberation Sans" in finding.message


def test_headline_too_long_is_an_error_placed_on_the_excess() -> None:
    finding = only(codes_after(_set(headline="i" * 75)), "headline-too-long")
    assert (finding.severity, finding.start, finding.end) == (Severity.ERROR, 70, 75)


def test_settings_change_the_limits() -> None:
    article, context = clean_story()
    article.dek = "d" * 50
    strict = CheckContext(settings=CheckSettings(dek_max_chars=40), media=context.media)
    assert "dek-too-long" in {f.code for f in run_checks(article, strict)}


# --- the runner ----------------------------------------------------------------------------------


def test_a_failing_check_becomes_one_note_and_the_others_still_run() -> None:
    def check_broken(article: Article, context: CheckContext):
        yield Finding(Severity.ERROR, "half-done", "never reported", "article")
        raise RuntimeError("boom")

    def check_wrong_type(article: Article, context: CheckContext):
        return ["not a finding"]

    article, context = clean_story()
    article.headline = ""
    findings = run_checks(article, context, extra=[check_broken, check_wrong_type])
    failed = [f for f in findings if f.code == "check-failed"]
    assert len(failed) == 2
    assert all(f.severity is Severity.NOTE and f.field == "article" for f in failed)
    assert "broken" in failed[0].message and "boom" in failed[0].message
    assert "half-done" not in {f.code for f in findings}
    assert "headline-missing" in {f.code for f in findings}


def test_findings_come_sorted_errors_first() -> None:
    article, context = clean_story()
    article.slug = ""
    article.headline = ""
    article.body = "The the caravan  left."
    ranks = [f.severity.rank for f in run_checks(article, context)]
    assert ranks == sorted(ranks) and ranks[0] == 0


def test_checks_list_holds_plain_functions() -> None:
    assert len(CHECKS) >= 16 and all(callable(check) for check in CHECKS)


# --- the body as the checks read it --------------------------------------------------------------


def test_prose_copy_keeps_offsets_and_blanks_syntax() -> None:
    body = (
        'See [Foo](https://w.org/Foo_(bar) "t (x)") and `code "(` and <b class="x">b</b>.\n\n'
        "```\nunbalanced (\n```\n\n[ref]: https://x.org\n\n*[INM]: Instituto\n\nfoo@bar.com"
    )
    scan = scan_body(body)
    assert len(scan.prose) == len(body)
    assert scan.prose.count("\n") == body.count("\n")
    for char in '("<>`@':
        assert char not in scan.prose, char
    assert "Foo" in scan.prose and "See" in scan.prose
    assert scan.line_of(0) == 1 and scan.line_of(body.index("unbalanced")) == 4


def test_headline_width_falls_back_to_dejavu_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.checks import text_measure

    dejavu = [entry for entry in text_measure._CANDIDATES if entry[0] == "DejaVuSans.ttf"]
    monkeypatch.setattr(text_measure, "_CANDIDATES", tuple(dejavu))
    text_measure._font.cache_clear()
    try:
        path, _ = find_font_file()
        if path is None:
            pytest.skip("DejaVu Sans is not installed either")
        finding = only(codes_after(_set(headline="W" * 40)), "headline-too-wide")
        assert "DejaVu Sans" in finding.message
    finally:
        text_measure._font.cache_clear()
