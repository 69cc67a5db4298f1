"""What a check reports: a finding, where it is, and the fix when there is one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class Severity(Enum):
    """How bad: an error stops the story (``dateline check`` exits 1), a warning needs a look,
    a note is advice."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """Sort key: errors first."""
        return {"error": 0, "warning": 1, "note": 2}[self.value]


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` of the finding's field (the body: the whole body text, not
    the line) with ``replacement``; ``label`` is the button's text, e.g. 'Use “travelling”'."""

    label: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One thing an editor would flag.

    ``field`` names where it is: an article field (``headline``, ``dek``, ``byline``,
    ``dateline``, ``slug``, ``body``...) or a photo as ``photo:<id>`` (with ``photo_field``
    naming ``caption``, ``credit``, ``alt``...). For the body, ``line`` is the 1-based source
    line and ``start``/``end`` are character offsets in the whole body text; for a text field,
    offsets in that field. A finding about the story as a whole has ``field`` ``"article"``.
    """

    severity: Severity
    code: str  # stable, e.g. "headline-too-long", "photo-no-alt", "spelling", "doubled-word"
    message: str  # one sentence a reporter understands, saying why it matters
    field: str
    line: int | None = None
    start: int | None = None
    end: int | None = None
    photo_field: str | None = None
    fix: Fix | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``dateline check --json`` object: severity, code, field, line, message (a public
        contract: keys are added, never renamed or dropped)."""
        data: dict[str, Any] = {
            "severity": self.severity.value,
            "code": self.code,
            "field": self.field,
            "line": self.line,
            "message": self.message,
        }
        if self.photo_field is not None:
            data["photo_field"] = self.photo_field
        if self.start is not None and self.end is not None:
            data["start"], data["end"] = self.start, self.end
        if self.fix is not None:
            data["fix"] = {
                "label": self.fix.label,
                "start": self.fix.start,
                "end": self.fix.end,
                "replacement": self.fix.replacement,
            }
        return data


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then by where they are (fields before the body, body by line)."""
    return sorted(
        findings,
        key=lambda f: (f.severity.rank, f.field != "article", f.field, f.line or 0, f.start or 0),
    )
