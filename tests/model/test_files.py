"""Atomic writes (editor/files.py): the old file or the new, never half, never too open."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from editor.files import replace_atomically, write_atomically


def test_a_private_file_is_never_readable_by_others_while_it_is_written(tmp_path: Path) -> None:
    # The personal dictionary may hold sources' names: 0o600 from the first byte, not only
    # once complete, whatever the umask lets through.
    target = tmp_path / "dictionary.txt"
    modes: list[int] = []

    def write(out) -> None:
        modes.append(stat.S_IMODE(os.fstat(out.fileno()).st_mode))
        out.write(b"Sheinbaum\n")

    previous = os.umask(0o022)
    try:
        replace_atomically(target, write, mode=0o600)
    finally:
        os.umask(previous)
    assert modes == [0o600]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"Sheinbaum\n"


def test_without_a_mode_the_umask_decides(tmp_path: Path) -> None:
    target = tmp_path / "export.html"
    previous = os.umask(0o027)
    try:
        write_atomically(target, b"<p>")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "story.article"
    target.write_bytes(b"old")

    def fail(out) -> None:
        out.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        replace_atomically(target, fail)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["story.article"]
