"""TOML front matter (``+++``, Hugo's other format) imports as YAML front matter does,
and hostile TOML gives one clear message or a clean story."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from editor.ingest import IngestError, import_text

HUGO_TOML = """+++
title = "Floods close the coastal road"
description = "The N-332 shut for the third time this autumn"
date = 2026-10-09T08:30:00+02:00
lastmod = 2026-10-09T10:00:00Z
draft = true
tags = ["floods", "traffic"]
categories = ["Spain"]
authors = ["Lucía Pérez", "Juan Manuel Blanco"]
slug = "floods-coastal-road"
reading_time = 07:32:00

[params]
priority = 2
+++
Heavy rain closed the N-332 on Thursday.
"""

HUGO_YAML = """---
title: Floods close the coastal road
description: The N-332 shut for the third time this autumn
date: 2026-10-09T08:30:00+02:00
lastmod: 2026-10-09T10:00:00Z
draft: true
tags: [floods, traffic]
categories: [Spain]
authors: [Lucía Pérez, Juan Manuel Blanco]
slug: floods-coastal-road
reading_time: "07:32:00"
params:
  priority: 2
---
Heavy rain closed the N-332 on Thursday.
"""


def test_hugo_toml_front_matter_fills_the_fields() -> None:
    article = import_text(HUGO_TOML).article
    assert article.headline == "Floods close the coastal road"
    assert article.dek == "The N-332 shut for the third time this autumn"
    assert article.tags == ["floods", "traffic"]
    assert article.section == "Spain"
    assert article.byline == ["Lucía Pérez", "Juan Manuel Blanco"]
    assert article.created == dt.datetime(2026, 10, 9, 6, 30, tzinfo=dt.UTC)
    assert article.modified == dt.datetime(2026, 10, 9, 10, 0, tzinfo=dt.UTC)
    assert article.body == "Heavy rain closed the N-332 on Thursday."
    assert article.metadata["draft"] == "true"
    assert article.metadata["reading_time"] == "07:32:00"
    assert json.loads(article.metadata["params"]) == {"priority": 2}


def test_toml_and_yaml_front_matter_import_alike() -> None:
    from_toml = import_text(HUGO_TOML, today=dt.date(2026, 10, 9)).article
    from_yaml = import_text(HUGO_YAML, today=dt.date(2026, 10, 9)).article
    for name in ("headline", "dek", "tags", "section", "byline", "slug", "url_slug", "body"):
        assert getattr(from_toml, name) == getattr(from_yaml, name), name
    assert from_toml.created == from_yaml.created
    assert from_toml.metadata == from_yaml.metadata


def test_invalid_toml_names_the_line_in_the_file() -> None:
    with pytest.raises(IngestError, match=r"not valid TOML.*line 3"):
        import_text('+++\ntitle = "ok"\ntags = [unquoted]\n+++\nBody\n')


def test_unclosed_toml_front_matter_is_refused() -> None:
    with pytest.raises(IngestError, match=r"opened by '\+\+\+' on line 1 has no closing"):
        import_text('+++\ntitle = "x"\nBody\n')


def test_plus_signs_later_in_the_text_are_not_front_matter() -> None:
    article = import_text("A headline\n\n+++\n\nMore text\n").article
    assert "+++" in article.body or "+++" in article.headline


def test_values_of_the_wrong_type_are_kept_as_metadata_with_a_warning() -> None:
    result = import_text(
        '+++\ntitle = ["a", "list"]\ntags = 5\ndate = "not a date"\nimages = "x.jpg"\n'
        "dateline = { place = 7 }\n+++\nBody\n"
    )
    article = result.article
    assert article.headline == ""
    assert json.loads(article.metadata["title"]) == ["a", "list"]
    assert article.tags == []
    assert article.metadata["tags"] == "5"
    assert any("'title'" in warning for warning in result.warnings)
    assert any("'images'" in warning for warning in result.warnings)


def test_deeply_nested_toml_is_refused_or_kept_small_never_a_crash() -> None:
    deep_array = "+++\nx = " + "[" * 5_000 + "1" + "]" * 5_000 + "\n+++\nBody\n"
    with pytest.raises(IngestError, match="nested too deeply"):
        import_text(deep_array)
    deep_tables = "+++\n[" + ".".join(["a"] * 3_000) + "]\nb = 1\n+++\nBody\n"
    result = import_text(deep_tables)
    assert result.article.body == "Body"
    assert any("too large to keep" in warning for warning in result.warnings)
    deep_inline = "+++\nx = " + "{a = " * 3_000 + "1" + "}" * 3_000 + "\n+++\nBody\n"
    with pytest.raises(IngestError, match="nested too deeply"):
        import_text(deep_inline)


def test_huge_toml_front_matter_gives_one_clear_message_quickly() -> None:
    keys = "\n".join(f'key{number} = "value {number}"' for number in range(100_000))
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"cannot be stored.*metadata"):
        import_text(f'+++\ntitle = "Big"\n{keys}\n+++\nBody\n')
    assert time.perf_counter() - started < 20
    some = "\n".join(f'key{number} = "value {number}"' for number in range(500))
    result = import_text(f'+++\ntitle = "Big"\n{some}\n+++\nBody\n')
    assert result.article.headline == "Big"
    assert result.article.metadata["key499"] == "value 499"
