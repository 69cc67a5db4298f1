"""What every export format shares: the errors, the options, the Exporter protocol, and the
one way an export's file is written.

Format modules import from here, never from the package ``editor.export`` (the registry, which
imports every format); so do the window, the command line and publishing when they only need
the errors or the options.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from editor.files import replace_atomically
from editor.model.article import Article
from editor.model.media_store import MediaStore

logger = logging.getLogger(__name__)

# An export is for sharing: readable by others, whatever the temporary file's private mode.
EXPORT_FILE_MODE = 0o644
# A story's own files: no export ever takes such a name.
ARTICLE_SUFFIX = ".article"


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
    # For the formats that are one document and its photo files (nitf, newsml, ninjs): "file"
    # writes OUT as the document with its photos in the folder ``<OUT's stem>-photos`` beside it;
    # "bundle" writes OUT as a folder (or, for OUT.zip, a zip) holding the document and
    # ``photos/``; "" is the format's own default (nitf and newsml a bundle, ninjs a file).
    layout: str = ""

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


def check_export_target(out_path: Path) -> None:
    """Refuse, before any work, a destination no export may write: a story's own ``.article``
    name (an export must never replace a story) or a symbolic link (whatever it points at is
    not the export's to replace). ExportError, one line."""
    if out_path.suffix.lower() == ARTICLE_SUFFIX:
        raise ExportError(
            f"{out_path} is the name of a Dateline article: an export never writes over a "
            "story; choose another name"
        )
    if out_path.is_symlink():
        raise ExportError(
            f"{out_path} is a link: an export never writes through one; "
            "choose a name that is not taken"
        )


def write_export_file(
    out_path: Path, data: bytes, before_replace: Callable[[Path], None] | None = None
) -> None:
    """Write ``data`` to ``out_path`` so that readers see the old file or the new, never half;
    ExportError (one line) if it cannot be written. ``before_replace`` runs once the new file
    is complete and before it takes the name (to put its companions in place first); if it
    raises, ``out_path`` is untouched."""
    check_export_target(out_path)
    if out_path.is_dir():
        raise ExportError(f"{out_path} is a folder; choose a file name")
    try:
        replace_atomically(
            out_path, lambda out: out.write(data), before_replace, mode=EXPORT_FILE_MODE
        )
    except OSError as error:
        logger.debug("cannot write %s", out_path, exc_info=True)
        raise ExportError(f"cannot write {out_path}: {error.strerror or error}") from error
