"""House styles of datelines: EFE's Arabic service."""

from __future__ import annotations

import datetime as dt

import pytest

from editor.model.article import Dateline
from editor.model.dateline import STYLES, dateline_text
from editor.text.direction import text_direction


def _arabic(**fields: object) -> str:
    return dateline_text(Dateline(style="efe-ar", **fields))  # type: ignore[arg-type]


def test_efe_arabic_reads_place_comma_day_month_agency() -> None:
    line = _arabic(place="القاهرة", date=dt.date(2024, 12, 3), source="EFE")
    assert line == "القاهرة، 3 ديسمبر (إفي).-"


@pytest.mark.parametrize(
    ("month", "name"),
    [(1, "يناير"), (2, "فبراير"), (5, "مايو"), (8, "أغسطس"), (10, "أكتوبر"), (12, "ديسمبر")],
)
def test_months_have_their_arabic_names(month: int, name: str) -> None:
    assert _arabic(place="مدريد", date=dt.date(2025, month, 17)) == f"مدريد، 17 {name}.-"


def test_the_country_follows_the_place_and_unknown_sources_stay_as_typed() -> None:
    line = _arabic(place="غزة", country="فلسطين", date=dt.date(2024, 1, 9), source="وفا")
    assert line == "غزة (فلسطين)، 9 يناير (وفا).-"


def test_parts_may_be_missing() -> None:
    assert _arabic(date=dt.date(2024, 12, 3), source="EFE") == "3 ديسمبر (إفي).-"
    assert _arabic(place="الرباط") == "الرباط.-"


def test_the_line_reads_right_to_left_and_the_style_is_listed() -> None:
    assert text_direction(_arabic(place="القاهرة", date=dt.date(2024, 12, 3))) == "rtl"
    assert "efe-ar" in STYLES
    description, _ = STYLES["efe-ar"]
    assert "القاهرة، 3 ديسمبر (إفي).-" in description
