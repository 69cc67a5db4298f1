"""Golden files: exact expected output of the text formats, kept in tests/golden/.

A test compares its output with the file; after an intended change, regenerate with
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/...`` and review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, data: bytes | str) -> None:
    """``data`` must equal tests/golden/``name`` byte for byte."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path.name}; run once with UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    assert data == expected, f"output differs from golden file {path.name}"
