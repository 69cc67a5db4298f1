"""The one build step pyproject.toml cannot state: the window's translations compiled.

The catalogues are committed as Qt Linguist sources (resources/translations/*.ts) and compiled
into .qm files, which are never committed, by pyside6-lrelease while the package is built: into
the wheel's ``editor/resources/translations/``, or, for an editable install, beside the sources
(where ``editor.RESOURCES`` finds them). Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
CATALOGUES = HERE / "resources" / "translations"


def lrelease() -> str:
    """PySide6's lrelease (PySide6-Essentials ships it inside the PySide6 package)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin is not None:
        beside = Path(spec.origin).parent / "lrelease"
        for candidate in (beside, beside.with_suffix(".exe")):
            if candidate.exists():
                return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise RuntimeError("the translations need pyside6-lrelease: install PySide6 first")
    return found


def compile_catalogues(target: Path) -> list[Path]:
    """Every ``resources/translations/*.ts`` compiled into ``target``; the .qm files made."""
    made = []
    target.mkdir(parents=True, exist_ok=True)
    for ts in sorted(CATALOGUES.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


class BuildWithTranslations(build_py):
    """build_py, then the catalogues compiled where the installed package will read them."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            compile_catalogues(CATALOGUES)
        else:
            compile_catalogues(Path(self.build_lib) / "editor" / "resources" / "translations")


setup(cmdclass={"build_py": BuildWithTranslations})
