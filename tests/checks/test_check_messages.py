"""The checks' messages and fix labels are English text a script reads (``dateline check`` and
its JSON) and templates the window translates: the text must stay exactly what it was, and
every template must reach the translations file with a finished Spanish translation that has
the same placeholders."""

from __future__ import annotations

import ast
import json
import pickle
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor.checks.context import CheckContext, CheckSettings
from editor.checks.findings import Finding
from editor.checks.house_style import (
    HouseStyle,
    LanguageStyle,
    StyleRule,
    house_style_findings,
    load_house_style,
)
from editor.checks.registry import _failed, run_checks
from editor.model.article import Article, Crop, Dateline, ImageRef
from editor.model.messages import Message, translated
from editor.model.preferences import Preferences

from locations import REPO as ROOT

GOLDEN = ROOT / "tests" / "golden" / "check_messages.json"
TS_FILE = ROOT / "resources" / "translations" / "dateline_es.ts"
EDITOR = ROOT / "editor"
# This checkout's rules (the installed package may be another checkout's).
DEFAULT_RULES = ROOT / "resources" / "house-style" / "default.toml"


def _photo(photo_id: str, **fields: object) -> ImageRef:
    return ImageRef(id=photo_id, **fields)  # type: ignore[arg-type]


def corpus() -> list[tuple[str, Article, CheckContext]]:
    """Stories that between them set off every message of the built-in checks."""
    prose = "El gobierno dijo que la caravana de los migrantes sigue en la frontera con el país. "
    long_alt = "A long description of the photo " * 9
    return [
        ("empty", Article(), CheckContext()),
        (
            "fields",
            Article(
                headline="Mexico pushes back the migrant caravan at the southern border " * 2,
                dek="Hundreds walk north. " * 10,
                byline=["Ana"],
                dateline=Dateline(place="Tapachula"),
                slug="MEXICO",
                language="en",
                body=prose * 12,
            ),
            CheckContext(CheckSettings(target_words=(1200, 1500))),
        ),
        (
            "long-story",
            Article(headline="Short", body="one two three " * 10),
            CheckContext(CheckSettings(target_words=(5, 10))),
        ),
        (
            "photos",
            Article(
                headline="Photos",
                body="![x](photo:p9) ![y](https://example.org/a.jpg) ![z]() "
                '![r][ref]\n\n[ref]: b.png\n\n<img src="c.png"> <img alt="none">',
                photos=[
                    _photo("p1", original_name="camera/caravan.jpg", has_gps=True),
                    _photo("p4", original_name="plain.jpg", alt="a", credit="b", caption="c"),
                    _photo(
                        "p2",
                        media_path="media/x.jpg",
                        alt="Migrants walk.",
                        caption="Migrants walk",
                    ),
                    _photo(
                        "p3",
                        media_path="media/y.jpg",
                        alt=long_alt,
                        credit="EFE",
                        caption="TK the the  caption",
                        featured=True,
                        width=800,
                        height=600,
                        crop=Crop(0.0, 0.0, 0.5, 1.0),
                    ),
                ],
            ),
            CheckContext(),
        ),
        (
            "featured-uncropped",
            Article(
                headline="Narrow",
                photos=[
                    _photo(
                        "p1",
                        media_path="media/a.jpg",
                        alt="a",
                        credit="b",
                        caption="c",
                        featured=True,
                        width=640,
                        height=480,
                    )
                ],
            ),
            CheckContext(),
        ),
        (
            "body",
            Article(
                headline="The the TK  headline",
                dek="TK dek",
                language="en",
                body=(
                    "TK in the body. NOTE: call back <!-- a comment --> and [[a note]] here.\n\n"
                    'He said “yes and ‘no. A closing ” alone. And "straight.\n\n'
                    "Brackets ( open and [ here ) and ] alone.\n\n"
                    "The the the story  goes on. [](https://example.org) and [empty]()"
                    " and []().\n\n"
                    "An (open one.\n\nA closing ” alone. One ) too.\n\nNo file."
                ),
            ),
            CheckContext(),
        ),
        (
            "spanish",
            Article(
                language="es",
                headline="Titular",
                body="Qué pasa? ¿Nada. ¡Basta. Ya!\n\nDijo «basta. Y se fue.\n\nY » sola.",
            ),
            CheckContext(),
        ),
        (
            "german",
            Article(language="de", headline="Titel", body="Er sagte „ja und dann ging er."),
            CheckContext(),
        ),
        (
            "mismatch",
            Article(language="en", headline="Mismatch", body=prose * 12),
            CheckContext(),
        ),
    ]


def _house_style_corpus() -> list[Finding]:
    style = load_house_style(None, default_file=DEFAULT_RULES)
    found = house_style_findings(
        Article(language="es", headline="En base a", body="A nivel de EE.UU y los ilegales."),
        style,
    )
    found += house_style_findings(
        Article(language="en", body="illegal immigrants in México"), style
    )
    plain = HouseStyle(
        {
            "en": LanguageStyle(
                rules=(StyleRule("en", "foo", use="bar"), StyleRule("en", "baz")),
            )
        }
    )
    found += house_style_findings(Article(language="en", body="foo and baz"), plain)
    broken = HouseStyle(style.languages, problem="Your house-style file was not used: x.")
    return found + [f for f in broken_findings(broken)]


def broken_findings(style: HouseStyle) -> list[Finding]:
    from editor.checks.house_style import _findings_and_problem

    return _findings_and_problem(Article(language="en"), style)


def all_findings() -> dict[str, list[dict[str, object]]]:
    found = {
        name: [f.to_json() for f in run_checks(article, context)]
        for name, article, context in corpus()
    }
    found["house-style"] = [f.to_json() for f in _house_style_corpus()]

    def check_broken_thing(article: Article, context: object) -> list[Finding]:
        raise ValueError("no  luck")

    found["failed"] = [_failed(check_broken_thing, ValueError("no  luck")).to_json()]
    return found


def test_messages_and_fix_labels_are_the_english_they_always_were() -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert all_findings() == expected


def test_preference_problems_are_the_english_they_always_were() -> None:
    prefs = Preferences(
        reporter_name="x" * 201,
        initials="a/b",
        dateline_style="nope",
        language="español",
        autosave_seconds=1,
        house_style_file="/nonexistent/file.toml",
        export_folder="/nonexistent/folder",
    )
    assert prefs.problems() == {
        "reporter_name": "At most 200 characters",
        "initials": "Letters or digits only, at most 8 (e.g. jmb)",
        "dateline_style": "Not one of the house styles",
        "language": "A language tag such as en, es, ar, zh or pt-BR",
        "autosave_seconds": "From 2 to 300 seconds",
        "house_style_file": "No such file",
        "export_folder": "No such folder",
    }


def test_spelling_messages_are_the_english_they_always_were() -> None:
    from editor.checks.spelling_check import check_spelling, spelling_findings
    from editor.spelling import speller_for

    language = "xx-no-such-language"
    (missing,) = check_spelling(Article(language=language))
    assert missing.message == (
        f"No spelling dictionary is installed for the language “{language}”, "
        "so the spelling was not checked."
    )
    speller = speller_for("en", None)
    if speller is None:
        pytest.skip("no English dictionary installed")
    (finding,) = spelling_findings(Article(language="en", body="The caravn moved."), speller)
    word = "caravn"
    assert finding.message == (
        f"“{word}” is not in the {speller.language} dictionary: a typo, or a name "
        "to add to your dictionary."
    )
    assert finding.fix is not None
    assert finding.fix.label == f"Change to “{finding.fix.replacement}”"
    assert isinstance(finding.message, Message) and finding.message.values["word"] == word


def test_a_message_keeps_its_template_through_a_copy_to_another_process() -> None:
    (finding,) = [f for f in run_checks(Article(body="x")) if f.code == "headline-missing"]
    for message in (finding.message, Preferences(initials="a/b").problems()["initials"]):
        copied = pickle.loads(pickle.dumps(message))
        assert isinstance(copied, Message)
        assert (copied, copied.context, copied.template, copied.values) == (
            message,
            message.context,
            message.template,
            message.values,
        )


def test_a_translation_fills_in_nested_messages_and_falls_back_on_a_broken_one() -> None:
    photo = ImageRef(id="p1", original_name="a.jpg", media_path="media/a.jpg", alt="x")
    (finding,) = [f for f in run_checks(Article(photos=[photo])) if f.code == "photo-no-credit"]
    spanish = {
        "Photo {id} ({file_name})": "Foto {id} ({file_name})",
        "{photo} has no credit: every published photo must name its photographer or agency.": (
            "{photo} no tiene crédito."
        ),
    }
    assert translated(finding.message, lambda _, text: spanish.get(text, text)) == (
        "Foto p1 (a.jpg) no tiene crédito."
    )
    assert translated(finding.message, lambda _, text: "{nope}") == str(finding.message)
    assert translated("plain text", lambda _, text: "other") == "plain text"


def test_every_finding_and_fix_label_carries_its_template(tmp_path: Path) -> None:
    found = [f for _, article, context in corpus() for f in run_checks(article, context)]
    found += [f for f in _house_style_corpus() if f.code != "house-style-file"]
    broken = tmp_path / "house-style.toml"
    broken.write_text("[en\n", encoding="utf-8")
    found += broken_findings(load_house_style(broken))
    assert found[-1].code == "house-style-file"
    for finding in found:
        assert isinstance(finding.message, Message), finding
        if finding.fix is not None:
            assert isinstance(finding.fix.label, Message), finding.fix
    for problem in Preferences(initials="a/b", autosave_seconds=1).problems().values():
        assert isinstance(problem, Message)


def _marked_templates() -> set[tuple[str, str]]:
    """(context, source) of every ``QT_TRANSLATE_NOOP`` call in editor/; both must be literals,
    as lupdate reads them from the source."""
    marked: set[tuple[str, str]] = set()
    for path in sorted(EDITOR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
            ):
                continue
            args = node.args
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert len(args) == 2 and not node.keywords, where
            assert all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args), (
                f"{where}: QT_TRANSLATE_NOOP takes two string literals"
            )
            marked.add((args[0].value, args[1].value))  # type: ignore[attr-defined]
    return marked


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_template_has_a_finished_spanish_translation_with_its_placeholders() -> None:
    translations: dict[tuple[str, str], tuple[str, str | None]] = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            translations[(name, message.findtext("source", ""))] = (
                translation.text or "",
                translation.get("type"),
            )
    marked = _marked_templates()
    assert len(marked) > 70
    for context, source in sorted(marked):
        assert (context, source) in translations, f"not in the .ts (run lupdate): {source}"
        text, kind = translations[(context, source)]
        assert text and kind is None, f"unfinished: {source}"
        assert _placeholders(text) == _placeholders(source), f"placeholders differ: {source}"


def test_straight_quotes_in_spanish_copy_become_angle_quotes() -> None:
    article = Article(
        language="es",
        headline='El "no" del ministro',
        body='Dijo: "No iremos", y pidió un tubo de 12" más.\n\nY "sin cerrar.',
    )
    found = [f for f in run_checks(article) if f.code == "spanish-quotes"]
    assert sorted((f.field, f.fix.replacement if f.fix else None) for f in found) == [
        ("body", "«No iremos»"),
        ("headline", "«no»"),
    ]
    for finding in found:
        assert finding.severity.value == "note"
        assert isinstance(finding.message, Message) and isinstance(finding.fix.label, Message)
    # English copy keeps its straight quotes for check_quotes alone.
    english = Article(language="en", headline="T", body='He said "no".')
    assert not [f for f in run_checks(english) if f.code == "spanish-quotes"]
