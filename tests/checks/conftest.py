"""Spellers the spelling tests share: English and Spanish, with a personal dictionary of the
test's own (a test module may define its own ``english`` to add what it needs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.spelling import PersonalDictionary, Speller, speller_for


@pytest.fixture
def personal(tmp_path: Path) -> PersonalDictionary:
    return PersonalDictionary(tmp_path / "dictionary.txt")


@pytest.fixture
def english(personal: PersonalDictionary) -> Speller:
    speller = speller_for("en", personal)
    assert speller is not None
    return speller


@pytest.fixture
def spanish(personal: PersonalDictionary) -> Speller:
    speller = speller_for("es", personal)
    assert speller is not None
    return speller
