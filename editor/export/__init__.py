"""Export formats: one small class per format behind one registry.

Every exporter renders through ``editor.render`` (the pipeline the preview uses) and differs only
in template and asset handling. The window and the CLI find formats here by name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from editor.model.article import Article
from editor.model.media_store import MediaStore


class ExportError(Exception):
    """An export could not be written; the message is one line a reporter can act on."""


class UnknownFormatError(KeyError):
    """No exporter has the asked-for name; the message lists the known ones."""

    def __str__(self) -> str:
        # KeyError would show its message in quotes.
        return str(self.args[0]) if self.args else ""


class ExportCancelled(ExportError):
    """The reporter cancelled the export; nothing was written."""


@dataclass(frozen=True)
class ExportOptions:
    """How an export runs: progress and cancelling (the window), parallel photo work.

    ``progress(done, total)`` counts photos made; ``cancelled()`` is polled between photos and
    an exporter raises ExportCancelled when it says so. Both are called on the exporting thread.
    Formats ignore the options that mean nothing to them.
    """

    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    parallel: bool = True
    # Where the site will serve the exported photos from (WordPress attachments), if known.
    media_base_url: str = ""

    def check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("export cancelled")


class Exporter(Protocol):
    name: str  # the format's name on the command line, e.g. "html"
    description: str  # one line for menus and ``--help``
    extension: str  # the output's suffix with its dot, e.g. ".html"; "" for a folder

    def export(
        self,
        article: Article,
        media: MediaStore,
        out_path: Path,
        options: ExportOptions | None = None,
    ) -> None: ...


def write_atomically(out_path: Path, data: bytes) -> None:
    """Write ``data`` to ``out_path`` so that readers see the old file or the new, never half.

    The temporary file lives in the same folder, since ``os.replace`` is atomic only within one
    file system.
    """
    temp_path: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            dir=out_path.parent, prefix=f".{out_path.name}.", suffix=".tmp", delete=False
        ) as handle:
            temp_path = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_path, 0o644)  # a temporary file is private; an export is for sharing
        os.replace(temp_path, out_path)
    except OSError as error:
        if temp_path is not None:
            temp_path.unlink(missing_ok=True)
        raise ExportError(f"cannot write {out_path}: {error.strerror or error}") from error


def _builtin_exporters() -> list[Exporter]:
    # Imported here: the format modules import ExportError and write_atomically from this one.
    from editor.export.docx import DocxExporter
    from editor.export.html import HtmlExporter
    from editor.export.markdown import MarkdownExporter
    from editor.export.newsml import NewsmlExporter
    from editor.export.ninjs import Ninjs3Exporter, NinjsExporter
    from editor.export.nitf import NitfExporter
    from editor.export.pdf import PdfExporter
    from editor.export.text import TextExporter
    from editor.export.web import WebExporter
    from editor.export.wordpress import WordPressExporter

    return [
        DocxExporter(),
        HtmlExporter(),
        MarkdownExporter(),
        NitfExporter(),
        PdfExporter(),
        NewsmlExporter(),
        NinjsExporter(),
        Ninjs3Exporter(),
        TextExporter(),
        WebExporter(),
        WordPressExporter(),
    ]


EXPORTERS: dict[str, Exporter] = {exporter.name: exporter for exporter in _builtin_exporters()}


def get_exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name.strip().lower()]
    except KeyError:
        known = ", ".join(sorted(EXPORTERS))
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}") from None


def list_formats() -> list[tuple[str, str]]:
    """(name, description) of every format, by name."""
    return [(name, EXPORTERS[name].description) for name in sorted(EXPORTERS)]
