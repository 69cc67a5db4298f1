"""The catalogues for tests: their messages read from the committed .ts files, and compiled by
lrelease into a folder to put the window into Spanish, or into English with its plural forms."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from locations import REPO

# This checkout's catalogue (editor.RESOURCES may be another checkout's, through an editable
# install).
CATALOGUE = REPO / "resources" / "translations" / "dateline_es.ts"
# English's catalogue holds only the plural forms of the messages with a count.
ENGLISH_CATALOGUE = REPO / "resources" / "translations" / "dateline_en.ts"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    finished: bool
    forms: tuple[str, ...]


def catalogue(ts: Path) -> list[Message]:
    """Every message of the .ts file ``ts``."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    finished=translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                    forms=forms,
                )
            )
    return found


def tool(name: str) -> str:
    """PySide6's ``name`` tool of the environment running the tests."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def compile_catalogue(folder: Path) -> Path:
    """Every catalogue of this checkout compiled into ``folder`` (dateline_es.qm,
    dateline_en.qm); ``folder`` is returned."""
    if shutil.which(tool("pyside6-lrelease")) is None:
        raise RuntimeError("pyside6-lrelease is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    for ts in (CATALOGUE, ENGLISH_CATALOGUE):
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(folder / ts.with_suffix(".qm").name)],
            check=True,
            capture_output=True,
        )
    return folder
