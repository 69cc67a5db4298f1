"""`dateline check`: the findings as text or JSON, and the exit codes scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from editor.model.article import Article, Dateline, ImageRef
from editor.model.media_store import MediaStore
from editor.model.package import save_package

JSON_KEYS = {"severity", "code", "field", "line", "message"}


@pytest.fixture
def efe_article(tmp_path: Path, data_dir: Path) -> Path:
    out = tmp_path / "caravan.article"
    assert main(["import", str(data_dir / "caravan-efe.md"), "-o", str(out)]) == 0
    return out


def check_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list]:
    capsys.readouterr()
    code = main(["check", str(path), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_efe_sample_reports_empty_alt_texts_and_missing_images(
    efe_article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = check_json(efe_article, capsys)
    assert code == 1  # missing photo files are errors
    assert findings and all(set(item) >= JSON_KEYS for item in findings)
    by_code: dict[str, set[str]] = {}
    for item in findings:
        by_code.setdefault(item["code"], set()).add(item["field"])
    photos = {f"photo:p{n}" for n in range(1, 6)}
    assert by_code["photo-no-alt"] == photos
    assert by_code["photo-missing-file"] == photos
    assert all(item["severity"] in {"error", "warning", "note"} for item in findings)
    assert findings[0]["severity"] == "error"
    spelling = [item for item in findings if item["code"] == "spelling"]
    assert any("travlling" in item["message"] and item["field"] == "body" for item in spelling)
    assert all(isinstance(item["line"], int) for item in spelling if item["field"] == "body")


def test_text_output_is_one_line_per_finding(
    efe_article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["check", str(efe_article)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("error photo-no-alt photo:p2 ") for line in lines)
    assert any(line.startswith("error photo-missing-file photo:p1 ") for line in lines)
    assert all(line.split(" ", 1)[0] in {"error", "warning", "note"} for line in lines)


def test_body_findings_carry_their_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: Caravan stops\nlanguage: en\n---\n\nFirst line.\n\nThe the caravan left.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    main(["check", str(story)])
    lines = capsys.readouterr().out.splitlines()
    doubled = next(line for line in lines if " doubled-word " in line)
    assert doubled.startswith("warning doubled-word body:3 ")


def test_markdown_is_imported_in_memory(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, findings = check_json(data_dir / "caravan-efe.md", capsys)
    assert code == 1
    assert {"photo-no-alt", "photo-missing-file"} <= {item["code"] for item in findings}
    assert not list(tmp_path.iterdir())


def test_a_story_without_errors_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    media = MediaStore()
    photo = ImageRef(
        id="p1",
        original_name="a.jpg",
        media_path=media.add_bytes(b"photo bytes", "jpg"),
        width=2000,
        height=1000,
        caption="Migrants rest in Huixtla.",
        credit="EFE",
        alt="People sit on a pavement.",
        featured=True,
    )
    article = Article(
        headline="Caravan stops",
        byline=["Ana Pérez"],
        dateline=Dateline(place="Tapachula"),
        body="The caravan  stopped.\n",  # a double space: only a note
        photos=[photo],
    )
    path = tmp_path / "clean.article"
    save_package(path, article, media)
    code, findings = check_json(path, capsys)
    assert code == 0
    assert {"slug-missing", "double-space"} <= {item["code"] for item in findings}
    assert all(item["severity"] != "error" for item in findings)
    double = next(item for item in findings if item["code"] == "double-space")
    assert double["fix"] == {"label": "Use one space", "start": 11, "end": 13, "replacement": " "}
    code, findings = check_json(path, capsys, "--target-words", "300-400")
    assert code == 0 and "word-count-off-target" in {item["code"] for item in findings}


def test_unreadable_file_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.article"
    broken.write_bytes(b"not a zip")
    capsys.readouterr()
    assert main(["check", str(broken)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert captured.err.startswith("dateline: ")
    assert main(["check", str(tmp_path / "absent.article")]) == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as missing:
        main(["check"])
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as bad_range:
        main(["check", str(tmp_path / "x.article"), "--target-words", "many"])
    assert bad_range.value.code == 2


def test_check_runs_as_a_command(efe_article: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "editor", "check", str(efe_article), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert {"photo-no-alt", "photo-missing-file"} <= {f["code"] for f in json.loads(result.stdout)}


def test_an_unreadable_personal_dictionary_is_one_warning_line(
    efe_article: Path, tmp_path: Path
) -> None:
    # The command line's contract: one line on stderr, no traceback. The traceback is there for
    # whoever asks with DATELINE_LOG=debug.
    data = tmp_path / "data"
    (data / "dateline" / "dictionary.txt").mkdir(parents=True)  # cannot be read as a file
    command = [sys.executable, "-m", "editor", "check", str(efe_article), "--json"]
    environment = {**os.environ, "XDG_DATA_HOME": str(data)}
    environment.pop("DATELINE_LOG", None)
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=environment)
    assert result.returncode == 1  # the sample's errors, as without the dictionary
    assert json.loads(result.stdout)
    [line] = result.stderr.splitlines()
    assert line.startswith("dateline: WARNING: editor.spelling.personal: personal dictionary ")
    assert "not read: " in line and "Traceback" not in result.stderr
    debug = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=60,
        env={**environment, "DATELINE_LOG": "debug"},
    )
    assert "Traceback" in debug.stderr and "IsADirectoryError" in debug.stderr
