"""editor.media runs in worker threads and processes: it must never load Qt."""

import pkgutil
import subprocess
import sys

import editor.media


def test_every_media_module_imports_without_qt() -> None:
    modules = [f"editor.media.{info.name}" for info in pkgutil.iter_modules(editor.media.__path__)]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "editor.media.renditions" in modules and "editor.media.probe" in modules
    assert result.stdout.strip() == ""
