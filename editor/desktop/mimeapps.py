"""The user's choice of default application per file type, in ``mimeapps.list``.

The file is shared with every other application and with the desktop's own settings, so it
is edited line by line: only the one ``type=desktop-file`` line of ``[Default Applications]``
is added, replaced or removed, and every other line, comment and group stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from editor.files import write_atomically

DEFAULTS_GROUP = "[Default Applications]"


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _group_bounds(lines: list[str], group: str) -> tuple[int, int] | None:
    """The index of ``group``'s header and of the line after its last entry."""
    for start, line in enumerate(lines):
        if line.strip() == group:
            end = start + 1
            while end < len(lines) and not lines[end].lstrip().startswith("["):
                end += 1
            return start, end
    return None


def _key(line: str) -> str:
    return line.split("=", 1)[0].strip() if "=" in line else ""


def default_application(path: Path, mime_type: str) -> str | None:
    """The desktop file ``path`` names as ``mime_type``'s default (the first, if a list)."""
    lines = _lines(path)
    bounds = _group_bounds(lines, DEFAULTS_GROUP)
    if bounds is None:
        return None
    for line in lines[bounds[0] + 1 : bounds[1]]:
        if _key(line) == mime_type:
            return line.split("=", 1)[1].strip().split(";")[0] or None
    return None


def set_default_application(path: Path, mime_type: str, desktop_file: str) -> None:
    """Make ``desktop_file`` the default application of ``mime_type`` in ``path``."""
    lines = _lines(path)
    entry = f"{mime_type}={desktop_file};"
    bounds = _group_bounds(lines, DEFAULTS_GROUP)
    if bounds is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines += [DEFAULTS_GROUP, entry]
    else:
        start, end = bounds
        kept = [line for line in lines[start + 1 : end] if _key(line) != mime_type]
        while kept and not kept[-1].strip():
            kept.pop()
        blank = [""] if end < len(lines) else []
        lines = [*lines[: start + 1], *kept, entry, *blank, *lines[end:]]
    _write(path, lines)


def remove_default_application(path: Path, mime_type: str, desktop_file: str) -> bool:
    """Drop ``mime_type``'s default from ``path`` if it is ``desktop_file`` (another choice the
    user made is theirs); whether a line was removed."""
    if default_application(path, mime_type) != desktop_file:
        return False
    lines = _lines(path)
    bounds = _group_bounds(lines, DEFAULTS_GROUP)
    assert bounds is not None  # default_application found the entry in it
    start, end = bounds
    kept = [line for line in lines[start + 1 : end] if _key(line) != mime_type]
    if any(line.strip() for line in kept):
        lines = [*lines[: start + 1], *kept, *lines[end:]]
    else:  # the group held only our line: it goes too
        lines = [*lines[:start], *lines[end:]]
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        _write(path, lines)
    else:
        path.unlink()
    return True


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))
