"""The ``pdf`` export: a print proof made by Qt WebEngine, checked with poppler's tools
(pdftotext, pdfinfo, pdfimages): text, page numbers on every page, paper, photos, no network,
and the threads it may be called from."""

from __future__ import annotations

import datetime as dt
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.export.base import ExportCancelled, ExportOptions
from editor.export.paper import paper_for_language
from editor.export.pdf import PdfExporter, css_string, page_furniture_css, with_fixed_dates
from editor.model.article import Article, Dateline
from editor.model.media_store import MediaStore

import factories
from export_samples import EDITORS_NOTE, efe_with_photos
from locations import REPO

HEADLINE = "México pushes back Migrant Caravan!"
DATELINE = "Tapachula, Mexico, Dec 3 (EFE).-"


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    output = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, check=True, text=True
    ).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in output.splitlines())
    }


def pdfimages(path: Path) -> list[list[str]]:
    output = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
    ).stdout
    return [line.split() for line in output.splitlines()[2:]]  # after the two header lines


def simple_article(**overrides: object) -> Article:
    values: dict[str, object] = {
        "headline": "Quake shakes the coast",
        "dateline": Dateline(place="Lima", country="Peru", date=dt.date(2024, 12, 3), source="EFE"),
        "body": "A short story.\n\n## Aftershocks\n\nMore text.",
        "slug": "PERU-QUAKE",
    }
    return factories.article(**{**values, **overrides})


@pytest.fixture(scope="module")
def efe_pdf(qapp, tmp_path_factory) -> Path:
    article, media = efe_with_photos()
    article.editors_note = EDITORS_NOTE
    out = tmp_path_factory.mktemp("pdf") / "efe.pdf"
    PdfExporter().export(article, media, out)
    return out


# --- the EFE story with photos -------------------------------------------------------------------


def test_proof_has_headline_dateline_byline_and_sign_off(efe_pdf: Path) -> None:
    text = pdftotext(efe_pdf)
    assert HEADLINE in text
    assert f"{DATELINE} By Juan Manuel Blanco" in text
    assert "Mexico wants migrants in the south" in text
    assert "jmb/dgp/mcd" in text
    assert "EDITORS-NOTE" not in text


def test_every_page_is_numbered_and_carries_the_slug(efe_pdf: Path) -> None:
    pages = int(pdfinfo(efe_pdf)["Pages"])
    assert pages > 1
    for page in range(1, pages + 1):
        text = pdftotext(efe_pdf, page)
        assert f"Page {page} of {pages}" in text, page
        assert "MEXICO-MIGRANTS/CARAVAN" in text
        assert "2024-12-03 16:40 UTC" in text  # which version of the story this proof shows


def test_paper_follows_the_language(efe_pdf: Path, qapp) -> None:
    assert pdfinfo(efe_pdf)["Page size"].endswith("(letter)")  # "en" is read as en_US
    spanish = PdfExporter().render(simple_article(language="es"), MediaStore())
    path = efe_pdf.parent / "es.pdf"
    path.write_bytes(spanish)
    assert pdfinfo(path)["Page size"].endswith("(A4)")
    assert "Página 1 de 1" in pdftotext(path)


def test_every_photo_is_printed(efe_pdf: Path) -> None:
    images = pdfimages(efe_pdf)
    # The lead photo and the four in the body; the lead one cropped to 80% of 640 pixels.
    assert len(images) == 5
    assert [row[2] for row in images] == ["image"] * 5
    assert (images[0][3], images[0][4]) == ("512", "342")


def test_dates_are_the_article_s_and_bytes_repeat(efe_pdf: Path, qapp) -> None:
    info = pdfinfo(efe_pdf)
    assert info["CreationDate"].startswith("Tue Dec  3 16:40:00 2024")
    assert info["ModDate"] == info["CreationDate"]
    article, media = efe_with_photos()
    article.editors_note = EDITORS_NOTE
    assert PdfExporter().render(article, media) == efe_pdf.read_bytes()


# --- safety --------------------------------------------------------------------------------------


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_printing_fetches_nothing_from_the_network(qapp, tmp_path: Path) -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        body = (
            f'Tracked.\n\n<img src="{base}/pixel.png">\n\n'
            f'Inline <img src="{base}/inline.png"> and <a href="{base}/link">a link</a>.'
        )
        pdf = PdfExporter().render(simple_article(body=body), MediaStore())
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF")
    assert _CountingHandler.requests == []


def test_hostile_fields_print_as_text(qapp, tmp_path: Path) -> None:
    hostile = '"; } body { display: none } @page { @bottom-center { content: "pwned" } } </style>'
    article = simple_article(
        headline=f"<script>alert(1)</script> {hostile}",
        slug=hostile + "\\\n\x00",
        body=(
            "Story text.\n\n<script>document.body.remove()</script>\n\n"
            "<style>*{display:none}</style>"
        ),
    )
    out = tmp_path / "hostile.pdf"
    PdfExporter().export(article, MediaStore(), out)
    text = pdftotext(out)
    assert "Story text." in text  # neither the slug nor the body hid the page
    lines = text.splitlines()
    assert "Page 1 of 1" in lines and "pwned" not in lines  # the furniture rule stayed ours
    assert "<script>alert(1)</script>" in text  # the headline, printed as text


def test_css_string_keeps_any_field_inside_the_string() -> None:
    assert css_string('a"b') == '"a\\000022b"'
    assert css_string("x\\\n</style>") == '"x\\00005c\\00003c\\00002fstyle\\00003e"'


@given(st.text())
def test_css_string_never_ends_early(value: str) -> None:
    literal = css_string(value)
    inner = literal[1:-1]
    assert literal[0] == literal[-1] == '"'
    assert not re.search(r'["\'\n\r\f<>;{}]', inner)
    assert not re.search(r"\\(?![0-9a-f]{6})", inner)  # every backslash starts an escape


def test_furniture_is_localised() -> None:
    css = page_furniture_css(simple_article(language="de"))
    assert 'counter(page) " von " counter(pages)'.replace(" ", "") in css.replace(" ", "")


# --- threads, cancelling, the command line -------------------------------------------------------


def test_export_from_a_worker_thread_prints_on_the_gui_thread(qapp, qtbot, tmp_path: Path) -> None:
    """As the window exports: in its thread pool, with the GUI thread's event loop running."""
    from editor.ui.worker import run_in_background

    out = tmp_path / "worker.pdf"
    outcome: list[object] = []

    def work() -> threading.Thread:
        PdfExporter().export(simple_article(), MediaStore(), out)
        return threading.current_thread()

    run_in_background(work, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=60_000)
    assert isinstance(outcome[0], threading.Thread), outcome[0]  # not an error message
    assert outcome[0] is not threading.main_thread()
    assert "Page 1 of 1" in pdftotext(out)


def test_cancelled_export_writes_nothing(qapp, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    calls = iter([False] * 3 + [True] * 1000)  # cancelled once the printing has been handed on
    options = ExportOptions(cancelled=lambda: next(calls))
    with pytest.raises(ExportCancelled):
        PdfExporter().export(simple_article(), MediaStore(), out, options)
    assert not out.exists()


def test_printing_that_takes_too_long_is_a_print_error(qapp) -> None:
    # Printing raises its own errors (editor.export.pdf words them as export errors).
    from editor.printing.errors import PrintError
    from editor.printing.web_pdf import PrintLayout, print_to_pdf

    layout = PrintLayout("A4", 210, 297, 20, 18, 20, 18)
    with pytest.raises(PrintError, match="not ready after 0 seconds"):
        print_to_pdf("<p>hello</p>", layout, timeout=0)


def test_pdf_module_loads_no_qt() -> None:
    code = (
        "import sys, editor.export.pdf, editor.export.paper\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


@pytest.mark.slow
def test_command_line_export_without_a_display(tmp_path: Path) -> None:
    """A fresh process with no QApplication and no display makes its own, offscreen."""
    out = tmp_path / "cli.pdf"
    code = (
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from pathlib import Path\n"
        "from export_samples import efe_with_photos\n"
        "from editor.export.pdf import PdfExporter\n"
        "article, media = efe_with_photos()\n"
        "PdfExporter().export(article, media, Path(sys.argv[1]))\n"
    )
    env = {
        k: v
        for k, v in __import__("os").environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert HEADLINE in pdftotext(out)
    assert len(pdfimages(out)) == 5


def test_paper_for_language() -> None:
    assert paper_for_language("en").name == "Letter"
    assert paper_for_language("en-GB").name == "A4"
    assert paper_for_language("es").name == "A4"
    assert paper_for_language("es-MX").name == "Letter"
    assert paper_for_language("zh").name == "A4"
    assert paper_for_language("<script>").name == "Letter"  # falls back as the page does: en


def test_fixed_dates_keep_the_length() -> None:
    pdf = (
        b"%PDF-1.4\n<</CreationDate (D:20261125160548+00'00')\n/ModDate (D:20261125160548+00'00')>>"
    )
    fixed = with_fixed_dates(
        pdf, dt.datetime(2024, 12, 3, 17, 40, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    )
    assert fixed == pdf.replace(b"20261125160548", b"20241203164000")


def test_the_command_line_prints_nothing_of_the_browser_engine(tmp_path: Path) -> None:
    """Qt and Chromium talk about the machine (no OpenGL, no D-Bus, the sandbox) when they
    start; a script that reads ``dateline export``'s stderr must see only Dateline's lines."""
    out = tmp_path / "proof.pdf"
    sample = REPO / "resources" / "samples" / "deep-field.article"
    result = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(sample), "-f", "pdf", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout == ""
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_proof_carries_the_storys_title_author_subject_keywords_and_language(
    qapp, tmp_path: Path
) -> None:
    """What a desk's PDF list shows, read back by a strict parser (pypdf) and by poppler."""
    from pypdf import PdfReader

    article, media = efe_with_photos()
    article.headline = 'México pushes back ") >> endobj Migrant Caravan'  # PDF syntax is text
    article.byline = ["Juan Manuel Blanco", "Ana López"]
    article.dek = "Thousands walk north from Huixtla"
    article.tags = ["migration", "Mexico"]
    article.language = "es-MX"
    out = tmp_path / "proof.pdf"
    PdfExporter().export(article, media, out)
    reader = PdfReader(out, strict=True)
    info = reader.metadata
    assert info is not None
    assert info.title == article.headline
    assert info.author == "Juan Manuel Blanco, Ana López"
    assert info.subject == article.dek
    assert info["/Keywords"] == "migration, Mexico"
    assert info["/Creator"] == "Chromium"
    assert reader.trailer["/Root"]["/Lang"] == "es-MX"
    assert len(reader.pages) >= 1
    assert pdfinfo(out)["Title"] == article.headline
    # The same article gives the same bytes.
    again = tmp_path / "again.pdf"
    PdfExporter().export(article, media, again)
    assert again.read_bytes() == out.read_bytes()
