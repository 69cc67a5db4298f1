#!/usr/bin/env python3
"""Bring resources/translations/dateline_*.ts up to date with the code, plural forms kept.

pyside6-lupdate reads ``QCoreApplication.translate("Context", "%n word(s)", None, n)`` but, for
Python, marks a message as a plural only when its count is a number written in the call: with a
variable it writes a single translation and, on the next run, folds a catalogue's singular and
plural forms into one. This runs lupdate as the project always does and then gives every message
whose source holds ``%n`` (or ``%Ln``) its plural forms back (the ones the catalogue had, or
empty ones still to translate). The English catalogue (dateline_en.ts) keeps only those plural
messages.

Run from the repository's top folder: ``python scripts/update_translations.py`` (with the
environment's pyside6-lupdate beside the interpreter or on PATH).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
PLURAL_FORMS = 2  # Spanish (and English): singular, plural
# The code's own language: its catalogue holds only the plural forms of the messages with a
# count (Qt shows "%n photo(s)" as written without one).
SOURCE_LANGUAGE = "en"

MessageKey = tuple[str, str, str]  # context, source, disambiguation


def tool(name: str) -> str:
    """The PySide6 tool ``name`` of this interpreter's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "editor/*.py"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return listed.stdout.split()


def run_lupdate(ts: Path, language: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-ts",
            str(ts.relative_to(ROOT)),
            "-source-language",
            "en",
            "-target-language",
            language,
            "-no-obsolete",
            "-locations",
            "none",
        ],
        cwd=ROOT,
        check=True,
    )


def messages(root: ET.Element) -> list[tuple[MessageKey, ET.Element]]:
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found.append((key, message))
    return found


def plural_forms(ts: Path) -> dict[MessageKey, tuple[list[str], bool]]:
    """The plural messages' forms in ``ts`` and whether each is finished."""
    if not ts.exists():
        return {}
    kept = {}
    for key, message in messages(ET.parse(ts).getroot()):
        translation = message.find("translation")
        if message.get("numerus") == "yes" and translation is not None:
            forms = [form.text or "" for form in translation.iter("numerusform")]
            kept[key] = (forms, translation.get("type") != "unfinished")
    return kept


def has_count(source: str) -> bool:
    """Whether a message has Qt's count: ``%n``, or ``%Ln`` (the count in the locale's digits)."""
    return re.search(r"%L?n", source) is not None


def restore_plurals(root: ET.Element, before: dict[MessageKey, tuple[list[str], bool]]) -> None:
    for key, message in messages(root):
        if not has_count(key[1]) or message.get("numerus") == "yes":
            continue
        message.set("numerus", "yes")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        forms, finished = before.get(key, ([], False))
        forms = (forms + [""] * PLURAL_FORMS)[:PLURAL_FORMS]
        translation.text = None
        for child in list(translation):
            translation.remove(child)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
        if finished and all(forms):
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")


def _escaped(text: str) -> str:
    # As lupdate writes them, so a run of lupdate after this one changes nothing.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace('"', "&quot;")
    )


def _attributes(element: ET.Element) -> str:
    return "".join(f' {name}="{_escaped(value)}"' for name, value in element.attrib.items())


def write_ts(root: ET.Element, ts: Path) -> None:
    """``root`` written in lupdate's own layout."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{_attributes(root)}>"]
    for context in root.iter("context"):
        lines.append("<context>")
        lines.append(f"    <name>{_escaped(context.findtext('name') or '')}</name>")
        for message in context.iter("message"):
            lines.append(f"    <message{_attributes(message)}>")
            for child in message:
                if child.tag == "translation" and len(child):
                    lines.append(f"        <translation{_attributes(child)}>")
                    for form in child:
                        lines.append(
                            f"            <numerusform>{_escaped(form.text or '')}</numerusform>"
                        )
                    lines.append("        </translation>")
                else:
                    text = _escaped(child.text or "")
                    lines.append(f"        <{child.tag}{_attributes(child)}>{text}</{child.tag}>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    ts.write_text("\n".join(lines) + "\n", encoding="utf-8")


def plurals_only(root: ET.Element) -> None:
    """Only the messages with a count: all the source language's catalogue needs."""
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            if not has_count(message.findtext("source") or ""):
                context.remove(message)
        if context.find("message") is None:
            root.remove(context)


def update(ts: Path) -> None:
    language = ts.stem.split("_", 1)[1]
    before = plural_forms(ts)
    run_lupdate(ts, language)
    root = ET.parse(ts).getroot()
    restore_plurals(root, before)
    if language == SOURCE_LANGUAGE:
        plurals_only(root)
    write_ts(root, ts)


def main() -> int:
    for ts in sorted(TRANSLATIONS.glob("dateline_*.ts")):
        update(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
