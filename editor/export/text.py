"""The ``text`` format: the wire copy as a plain UTF-8 text file.

The copy is ``editor.render.wire.wire_text`` (headline, byline, the dateline running into the
first paragraph, the body from the same sanitised render as every other format, the end mark and
the desk codes on the last line), made safe for the places plain text goes: desk terminals,
mail and wire systems. Line endings are LF only, and control characters are removed, so a
carriage return pasted from Windows cannot break a line in two and an escape sequence typed into
a field cannot repaint a reader's terminal.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.export.base import ExportOptions, write_export_file
from editor.model.article import Article
from editor.model.media_store import MediaStore
from editor.render.markdown import shared_renderer
from editor.render.wire import wire_text

# Every line break Unicode knows (CR LF, CR, NEL, vertical tab, form feed, line and paragraph
# separators) becomes LF: readers split lines on different subsets of these.
_LINE_BREAKS_RE = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 and C1 controls other than tab and LF, and DEL: never story text.
_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def plain_text(text: str) -> str:
    """``text`` with LF line endings only, no control characters and one final newline."""
    text = _CONTROLS_RE.sub("", _LINE_BREAKS_RE.sub("\n", text))
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


class TextExporter:
    name = "text"
    description = "Wire copy: plain UTF-8 text with headline, dateline, body and desk codes"
    extension = ".txt"

    def render(self, article: Article) -> str:
        """The wire copy as text, without writing it."""
        return plain_text(wire_text(article, shared_renderer()))

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None:
        # Photos are left out of wire copy, so ``media`` is not read.
        (options or ExportOptions()).check_cancelled()
        write_export_file(out_path, self.render(article).encode("utf-8"))
