"""Export formats: one small class per format behind one registry.

Every exporter renders through ``editor.render`` (the pipeline the preview uses) and differs only
in template and asset handling. The window and the CLI find formats here by name; what the
formats share (errors, options, the Exporter protocol) is in ``editor.export.base``.
"""

from __future__ import annotations

from editor.export.base import Exporter, UnknownFormatError


def _builtin_exporters() -> list[Exporter]:
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
