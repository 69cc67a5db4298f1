"""A standalone HTML page printed to PDF by Qt WebEngine (Chromium's own print path).

WebEngine lives on the GUI thread, so ``print_to_pdf`` works from any thread:

* on the GUI thread (the window, tests) it runs a local event loop until the PDF is ready;
* on another thread (the window's export worker) it hands the job to the GUI thread through a
  queued signal and waits; the GUI thread's event loop must be running, and is never blocked;
* with no application at all (``dateline export --format pdf`` on the command line) it creates
  one on the offscreen platform, so no window or display is needed; this must be the main
  thread, as Qt requires.

The page is loaded from a private temporary file (``setHtml`` refuses pages over 2 MB, and
photos are embedded), in an off-the-record profile with JavaScript off, where every request but
the page itself and its ``data:`` photos is blocked: printing never touches the network.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMarginsF,
    QMessageLogContext,
    QObject,
    QSizeF,
    QThread,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from editor.printing.errors import PrintCancelled, PrintError
from editor.qt_runtime import application, use_offscreen_platform

logger = logging.getLogger(__name__)

# A long story with many photos prints in a few seconds; this only stops a wedged renderer.
DEFAULT_TIMEOUT_SECONDS = 90.0
_POLL_MS = 100

_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# The application this module made for a command-line export, kept for the process's life.
_own_application: list[QGuiApplication] = []


@dataclass(frozen=True)
class PrintLayout:
    """Paper and margins in millimetres; the margins hold the page furniture (numbers)."""

    paper: str  # "A4" or "Letter"
    width_mm: float
    height_mm: float
    top_mm: float
    right_mm: float
    bottom_mm: float
    left_mm: float

    def page_layout(self) -> QPageLayout:
        size_id = _PAGE_SIZES.get(self.paper)
        if size_id is not None:
            size = QPageSize(size_id)
        else:
            size = QPageSize(QSizeF(self.width_mm, self.height_mm), QPageSize.Unit.Millimeter)
        margins = QMarginsF(self.left_mm, self.top_mm, self.right_mm, self.bottom_mm)
        return QPageLayout(
            size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
        )


def print_to_pdf(
    html: str,
    layout: PrintLayout,
    *,
    cancelled: Callable[[], bool] | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> bytes:
    """The PDF of ``html``; PrintError if it cannot be made, PrintCancelled if cancelled.

    ``cancelled`` is only ever called on the calling thread.
    """
    app = QCoreApplication.instance()
    if app is None:
        app = _headless_application()
    elif not isinstance(app, QGuiApplication):
        raise PrintError("PDF export needs the graphical application (Qt WebEngine)")
    deadline = time.monotonic() + timeout
    outcome = _Outcome()
    if QThread.currentThread() is app.thread():
        return _run_here(html, layout, outcome, cancelled, deadline, timeout)
    return _run_on_gui_thread(html, layout, outcome, app.thread(), cancelled, deadline, timeout)


class _Outcome:
    """What a print job hands back; plain Python, so the waiting thread never touches Qt."""

    def __init__(self) -> None:
        self.finished = threading.Event()
        self.result: bytes | None = None
        self.error: PrintError | None = None
        # Set by a waiting thread that gave up ("cancel" or "timeout"); the job polls it.
        self.abandoned: str | None = None

    def value(self) -> bytes:
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


def _run_here(
    html: str,
    layout: PrintLayout,
    outcome: _Outcome,
    cancelled: Callable[[], bool] | None,
    deadline: float,
    timeout: float,
) -> bytes:
    def should_stop() -> str | None:
        if cancelled is not None and cancelled():
            return "cancel"
        return "timeout" if time.monotonic() > deadline else None

    job = _PrintJob(html, layout, outcome, should_stop, timeout)
    loop = QEventLoop()
    job.on_done = loop.quit
    job.start()
    if not outcome.finished.is_set():
        loop.exec()
    _delete_deferred()
    return outcome.value()


# Jobs handed to the GUI thread, kept alive until it starts them (the application owns them then).
_jobs_in_flight: set[_PrintJob] = set()


def _run_on_gui_thread(
    html: str,
    layout: PrintLayout,
    outcome: _Outcome,
    gui_thread: QThread,
    cancelled: Callable[[], bool] | None,
    deadline: float,
    timeout: float,
) -> bytes:
    def should_stop() -> str | None:
        return outcome.abandoned or ("timeout" if time.monotonic() > deadline else None)

    if cancelled is not None and cancelled():
        raise PrintCancelled("printing cancelled")
    job = _PrintJob(html, layout, outcome, should_stop, timeout)
    job.moveToThread(gui_thread)
    _jobs_in_flight.add(job)
    job.start_requested.connect(job.start)
    job.start_requested.emit()  # queued: runs on the GUI thread once its event loop gets to it
    del job  # from here on, only the GUI thread touches it
    while not outcome.finished.wait(_POLL_MS / 1000):
        if cancelled is not None and cancelled():
            outcome.abandoned = "cancel"
            raise PrintCancelled("printing cancelled")
        if time.monotonic() > deadline:
            outcome.abandoned = "timeout"
            raise PrintError(f"the PDF was not ready after {timeout:.0f} seconds")
    return outcome.value()


def _headless_application() -> QGuiApplication:
    if threading.current_thread() is not threading.main_thread():
        raise PrintError("PDF export without the window must run on the main thread")
    use_offscreen_platform()
    _quiet_engine()
    # A QGuiApplication is all WebEngine printing needs; the window's widgets stay unloaded.
    app = application(["dateline"], widgets=False)
    assert isinstance(app, QGuiApplication)  # none existed, so this call made one
    _own_application.append(app)
    return app


def _quiet_engine() -> None:
    """Keep what Qt and Chromium say about the machine (no OpenGL, no Vulkan, no D-Bus, the
    sandbox) out of the command line's stderr, which newsroom scripts read: Qt's messages go
    to our log (debug), Chromium logs only fatal errors."""
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --log-level=3".strip()

    def to_log(_mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        logger.debug("Qt: %s", message)

    qInstallMessageHandler(to_log)


class _BlockAllButPage(QWebEngineUrlRequestInterceptor):
    """Lets through the page's own file and its ``data:`` photos; blocks everything else."""

    def __init__(self, page_url: QUrl, parent: QObject) -> None:
        super().__init__(parent)
        self._page_url = page_url

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() != "data" and url != self._page_url:
            info.block(True)


class _PrintJob(QObject):
    """One page printed once. Every method runs on the GUI thread."""

    start_requested = Signal()

    def __init__(
        self,
        html: str,
        layout: PrintLayout,
        outcome: _Outcome,
        should_stop: Callable[[], str | None],
        timeout: float,
    ) -> None:
        super().__init__()
        self._html = html
        self._layout = layout
        self._outcome = outcome
        self._should_stop = should_stop
        self._timeout = timeout
        self._folder: Path | None = None
        self._profile: QWebEngineProfile | None = None
        self._page: QWebEnginePage | None = None
        self._watch: QTimer | None = None
        # Called (on the GUI thread) once the job is over. A plain call, not a signal: a job
        # handed over by another thread has no one to signal, and emitting while that thread
        # calls into Qt can deadlock on the interpreter lock.
        self.on_done: Callable[[], None] | None = None

    # --- on the GUI thread ---------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        # Owned by the application from now on, so only deleteLater (on this thread) ends it,
        # never a Python reference dropped on another thread or inside one of its own slots.
        self.setParent(QCoreApplication.instance())
        _jobs_in_flight.discard(self)
        # Cancelling and the deadline are checked here, between WebEngine's steps.
        self._watch = QTimer(self)
        self._watch.timeout.connect(self._check)
        self._watch.start(_POLL_MS)
        self._check()  # nothing starts for an export already cancelled
        if self._outcome.finished.is_set():
            return
        try:
            self._folder = Path(tempfile.mkdtemp(prefix="dateline-print-"))
            page_file = self._folder / "page.html"
            page_file.write_text(self._html, encoding="utf-8")
        except OSError as error:
            logger.debug("cannot write the page to print", exc_info=True)
            self._fail("error", f"cannot prepare the page for printing: {error}")
            return
        page_url = QUrl.fromLocalFile(str(page_file))
        self._profile = QWebEngineProfile(self)  # no storage name: off the record
        self._profile.setUrlRequestInterceptor(_BlockAllButPage(page_url, self))
        self._page = QWebEnginePage(self._profile, self)
        settings = self._page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PrintElementBackgrounds, True)
        self._page.loadFinished.connect(self._loaded)
        self._page.load(page_url)

    @Slot()
    def _check(self) -> None:
        reason = self._should_stop()
        if reason == "cancel":
            self._fail("cancel")
        elif reason is not None:
            self._fail("timeout", f"the PDF was not ready after {self._timeout:.0f} seconds")

    @Slot(bool)
    def _loaded(self, ok: bool) -> None:
        if self._outcome.finished.is_set() or self._page is None:
            return
        if not ok:
            self._fail("error", "the page could not be laid out for printing")
            return
        self._page.printToPdf(self._printed, self._layout.page_layout())

    def _printed(self, data) -> None:  # data: QByteArray
        if self._outcome.finished.is_set():
            return
        pdf = bytes(data)
        if not pdf.startswith(b"%PDF"):
            self._fail("error", "Qt WebEngine could not print the page to PDF")
            return
        self._outcome.result = pdf
        self._finish()

    def _fail(self, reason: str, message: str = "") -> None:
        if self._outcome.finished.is_set():
            return
        if reason == "cancel":
            self._outcome.error = PrintCancelled("printing cancelled")
        else:
            self._outcome.error = PrintError(message or "the PDF could not be made")
        self._finish()

    def _finish(self) -> None:
        if self._watch is not None:
            self._watch.stop()
        # The page goes before its profile (WebEngine warns, and may crash at exit, otherwise):
        # deferred deletions run in order, and the profile goes with this job, after the page.
        if self._page is not None:
            self._page.loadFinished.disconnect(self._loaded)
            self._page.deleteLater()
        self._page = self._profile = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._outcome.finished.set()
        if self.on_done is not None:
            self.on_done()
        self.deleteLater()


def _delete_deferred() -> None:
    """Run pending ``deleteLater`` calls now (twice: a page's deletion queues its profile's)."""
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
