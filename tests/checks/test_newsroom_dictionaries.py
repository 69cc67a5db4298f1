"""The spelling dictionaries scripts/system-deps.sh installs are found for their languages, and
a story in a language without one (Chinese: Hunspell has none) gets a note, not an error."""

from __future__ import annotations

import subprocess

import pytest

from editor.checks.findings import Severity
from editor.checks.spelling_check import check_spelling
from editor.model.article import Article
from editor.spelling import available_languages, dictionary_for

from locations import REPO

# The Hunspell package of each language tag, as system-deps.sh names them.
PACKAGES = {
    "fr": "hunspell-fr",
    "de": "hunspell-de-de",
    "pt-BR": "hunspell-pt-br",
    "pt-PT": "hunspell-pt-pt",
    "it": "hunspell-it",
    "ar": "hunspell-ar",
}
SENTENCES = {
    "fr": "Le port de Shenzhen a battu un record.",
    "de": "Der Hafen hat einen Rekord erreicht.",
    "pt-BR": "O porto bateu um recorde.",
    "pt-PT": "O porto bateu um recorde.",
    "it": "Il porto ha battuto un record.",
    "ar": "سجل الميناء رقما قياسيا.",
}


def test_system_deps_installs_the_newsroom_dictionaries() -> None:
    listed = subprocess.run(
        ["bash", str(REPO / "scripts" / "system-deps.sh"), "--list", "run"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert set(PACKAGES.values()) <= set(listed)
    assert {"fonts-noto-cjk", "fonts-noto-core"} <= set(listed)


@pytest.mark.parametrize("tag", sorted(PACKAGES))
def test_each_installed_dictionary_checks_its_language(tag: str) -> None:
    available_languages.cache_clear()
    language = tag.split("-")[0]
    if not any(name.split("_")[0] == language for name in available_languages()):
        pytest.skip(f"{PACKAGES[tag]} is not installed")
    dictionary = dictionary_for(tag)
    assert dictionary is not None
    if "-" in tag:  # the region's own dictionary, not the language's default
        assert dictionary == tag.replace("-", "_")
    found = check_spelling(Article(language=tag, body=SENTENCES[tag]), None)
    assert "spelling-no-dictionary" not in {finding.code for finding in found}


def test_a_language_without_a_dictionary_is_a_note() -> None:
    found = check_spelling(Article(language="zh-Hans", body="深圳港口货运量创新高"), None)
    assert [(finding.severity, finding.code) for finding in found] == [
        (Severity.NOTE, "spelling-no-dictionary")
    ]
