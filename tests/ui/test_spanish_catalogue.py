"""The Spanish catalogue (resources/translations/dateline_es.ts): complete, faithful to its
sources' placeholders and mnemonics, and up to date with the code, so that a string added to the
window without a translation fails here rather than reaching a reporter in English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from locations import REPO
from spanish import CATALOGUE, ENGLISH_CATALOGUE, Message, catalogue, tool

MESSAGES = catalogue(CATALOGUE)
ENGLISH = catalogue(ENGLISH_CATALOGUE)
# A placeholder's name ({words}, {words:,}: Spanish writes 1200, not 1,200) and Qt's count.
PLACEHOLDER = re.compile(r"\{[a-z_]*(?=[:}])|%L?n")


def _ids(message: Message) -> str:
    return f"{message.context}: {message.source[:50]}"


def test_the_catalogue_is_committed_and_speaks_spanish() -> None:
    text = CATALOGUE.read_text(encoding="utf-8")
    assert 'language="es"' in text and 'sourcelanguage="en"' in text
    assert len(MESSAGES) > 150


@pytest.mark.parametrize("message", MESSAGES + ENGLISH, ids=_ids)
def test_every_entry_is_translated(message: Message) -> None:
    assert message.finished, "still marked unfinished"
    assert all(form.strip() for form in message.forms), "an empty translation"
    if re.search(r"%L?n", message.source):  # a count: %n, or %Ln in the locale's digits
        assert message.numerus, "a count without plural forms (run scripts/update_translations.py)"
        assert len(message.forms) == 2, "Spanish needs the singular and the plural"
    else:
        assert len(message.forms) == 1


@pytest.mark.parametrize("message", MESSAGES + ENGLISH, ids=_ids)
def test_translations_keep_the_placeholders_and_the_mnemonic(message: Message) -> None:
    wanted = sorted(PLACEHOLDER.findall(message.source))
    for form in message.forms:
        assert sorted(PLACEHOLDER.findall(form)) == wanted, form
        has_mnemonic = "&" in message.source.replace("&&", "")
        assert ("&" in form.replace("&&", "")) == has_mnemonic, form


@pytest.mark.slow
def test_the_catalogue_holds_every_string_of_the_code_and_no_other(tmp_path) -> None:
    """What lupdate finds in the code now, compared with what the committed catalogue holds."""
    if shutil.which(tool("pyside6-lupdate")) is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "dateline_es.ts"
    shutil.copy(CATALOGUE, fresh)
    sources = sorted(str(path.relative_to(REPO)) for path in (REPO / "editor").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(fresh),
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            "es",
            "-locations",
            "none",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    committed = {(m.context, m.source, m.comment) for m in MESSAGES}
    found = {(m.context, m.source, m.comment) for m in catalogue(fresh)}
    assert sorted(found - committed) == [], "in the code, not in the catalogue"
    assert sorted(committed - found) == [], "in the catalogue, gone from the code"
    counted = {key for key in found if re.search(r"%L?n", key[1])}
    assert {(m.context, m.source, m.comment) for m in ENGLISH} == counted, (
        "dateline_en.ts holds the plural forms of every message with a count, and only those"
    )


def test_the_update_script_restores_plural_forms_lupdate_folds(tmp_path) -> None:
    """scripts/update_translations.py gives a %n message its two forms back."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(REPO / "scripts"))
    ts = tmp_path / "dateline_es.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="es" sourcelanguage="en">\n<context>\n    <name>T</name>\n'
        '    <message numerus="yes">\n        <source>%n photo(s)</source>\n'
        "        <translation>\n            <numerusform>%n foto</numerusform>\n"
        "            <numerusform>%n fotos</numerusform>\n        </translation>\n"
        "    </message>\n</context>\n</TS>\n",
        encoding="utf-8",
    )
    before = update_translations.plural_forms(ts)
    # What lupdate leaves of it: one translation, no plural.
    ts.write_text(
        ts.read_text(encoding="utf-8")
        .replace(' numerus="yes"', "")
        .replace(
            "<translation>\n            <numerusform>%n foto</numerusform>\n"
            "            <numerusform>%n fotos</numerusform>\n        </translation>",
            '<translation type="unfinished">%n foto</translation>',
        ),
        encoding="utf-8",
    )
    import xml.etree.ElementTree as ET

    root = ET.parse(ts).getroot()
    update_translations.restore_plurals(root, before)
    update_translations.write_ts(root, ts)
    (message,) = catalogue(ts)
    assert message.numerus and message.finished
    assert message.forms == ("%n foto", "%n fotos")
