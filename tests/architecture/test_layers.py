"""The model, render, export and media layers never load Qt widgets (DESIGN.md)."""

import subprocess
import sys


def test_core_layers_import_no_qt_widgets() -> None:
    code = (
        "import sys\n"
        "import editor.model.article, editor.model.dateline, editor.model.package\n"
        "import editor.ingest, editor.model.media_store\n"
        "import editor.render.markdown, editor.render.page, editor.render.preview_shell\n"
        "import editor.render.incremental, editor.render.preview_update, editor.render.wire\n"
        "import editor.render.social_card, editor.export.photo_copies, editor.media.renditions\n"
        "import editor.export, editor.export.html, editor.media\n"
        "import editor.export.docx, editor.export.pdf, editor.export.web\n"
        "import editor.export.markdown, editor.export.nitf, editor.export.newsml\n"
        "import editor.export.ninjs, editor.export.text, editor.export.wordpress\n"
        "import editor.spelling, editor.spelling.text, editor.spelling.speller\n"
        "import editor.spelling.personal, editor.spelling.dictionaries\n"
        "import editor.checks.findings, editor.checks.spelling_check, editor.checks.house_style\n"
        "import editor.checks.registry, editor.checks.body, editor.text.body_scan\n"
        "import editor.checks.fields, editor.checks.photos, editor.checks.language\n"
        "import editor.checks.text_measure, editor.model.counts, editor.text.typography\n"
        "import editor.text.find_replace, editor.model.revisions, editor.model.file_lock\n"
        "import editor.model.recovery, editor.sites, editor.paths\n"
        "import editor.publish, editor.publish.rest, editor.publish.wordpress\n"
        "import editor.publish.queue\n"
        "import editor.cli, editor.cli.common, editor.cli.publishing, editor.cli.summary\n"
        "import editor.files, editor.qt_runtime, editor.printing.errors, editor.export.base\n"
        "import editor.checks.context, editor.media.attach, editor.export.wordpress_post\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.strip()
    assert "PySide6.QtWidgets" not in loaded
    assert loaded == "", f"Qt modules loaded by the core layers: {loaded}"
