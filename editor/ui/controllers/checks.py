"""The Checks tab's controller: what an editor would flag before the story moves, kept up to
date as the reporter types (the list itself is ``editor.ui.panes.checks_list``).

The checks run in the worker on a snapshot of the article, 500 ms after the last edit; a result
that arrives after the story changed again is dropped (its offsets no longer fit) and the next
run follows. On the GUI thread an edit costs one timer restart. Findings are listed by
severity; clicking one goes to it (the body span, the field, the photo's caption, credit or alt
text) and "Fix" applies its fix through the widget that shows the text, so it is one undo step
there, and the document hears of it as of any edit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTabWidget, QWidget

from editor.checks.findings import Finding
from editor.checks.house_style import check_house_style, house_style_check
from editor.checks.registry import CheckContext, CheckSettings, run_checks
from editor.checks.spelling_check import spelling_check
from editor.model.article import Article, snapshot_article
from editor.model.media_store import MediaStore
from editor.typing_pause import stand_aside
from editor.ui.controllers import ShowStatus
from editor.ui.controllers.debounce import DebouncedJob
from editor.ui.controllers.spelling_service import SpellingService
from editor.ui.document import ArticleDocument
from editor.ui.message_text import shown
from editor.ui.panes.body import BodyPane
from editor.ui.panes.checks_list import (
    ChecksPanel,
    severity_icon,
    summary_text,
    worst_severity,
)
from editor.ui.panes.fields import FieldsPane
from editor.ui.panes.photos import PhotosPane
from editor.ui.widgets.text_spans import replace_span, select_span, widget_text

logger = logging.getLogger(__name__)

CHECK_DELAY_MS = 500  # after the last edit
# A typo's fix (Hunspell's first suggestion, 15–60 ms of work a word) is worked out when the
# reporter has stopped typing this long; its finding shows at once, its fix then.
SUGGEST_DELAY_MS = 1500
TAB_TITLE = "Checks"


def tab_title() -> str:
    """The Checks tab's title as the reporter reads it."""
    return QCoreApplication.translate("ChecksController", "Checks")


# Where a field finding takes the reporter: the FieldsPane attribute showing it.
FIELD_WIDGETS = {
    "dateline": "place",
    "dateline.place": "place",
    "dateline.country": "country",
    "dateline.date": "date",
    "dateline.source": "source",
    "dateline.style": "style_box",
    "dateline.override": "override",
}


def finding_text(article: Article, finding: Finding) -> str | None:
    """The text a finding's offsets refer to, in ``article`` (None if not a text field)."""
    if finding.field == "body":
        return article.body
    if finding.field.startswith("photo:"):
        image = article.photo(finding.field.removeprefix("photo:"))
        if image is None or finding.photo_field is None:
            return None
        value = getattr(image, finding.photo_field, None)
        return value if isinstance(value, str) else None
    if finding.field.startswith("dateline."):
        value = getattr(article.dateline, finding.field.removeprefix("dateline."), None)
        return value if isinstance(value, str) else None
    value = getattr(article, finding.field, None)
    if isinstance(value, list):
        return ", ".join(value)
    return value if isinstance(value, str) else None


def flagged_word(article: Article, finding: Finding) -> str | None:
    """The word a spelling finding is about."""
    text = finding_text(article, finding)
    if text is None or finding.start is None or finding.end is None:
        return None
    return text[finding.start : finding.end]


# --- running the checks ------------------------------------------------------------------------


@dataclass
class ChecksResult:
    revision: int
    article: Article  # the snapshot the findings refer to
    findings: list[Finding]
    unsuggested: tuple[str, ...] = ()  # typos whose fix is still to be worked out


def checks_work(
    article: Article,
    media: MediaStore | None,
    service: SpellingService,
    house_style_file: Path | None = None,
    unsuggested: list[str] | None = None,
) -> list[Finding]:
    """Run in the worker: every check, with spelling (the window's personal dictionary) and
    house style (the defaults and the user's file: ``house_style_file``, or the one in the
    config folder when None), on a snapshot. With ``unsuggested``, typos get only the fixes
    worked out before (see ``spelling_findings``)."""
    context = CheckContext(settings=CheckSettings(), media=media)
    for word in service.ignored_words():
        speller = service.speller(article.language or "en")
        if speller is not None:
            speller.ignore(word)
    house_style = (
        check_house_style if house_style_file is None else house_style_check(house_style_file)
    )
    extra = (spelling_check(service.personal, unsuggested), house_style)
    return run_checks(article, context, extra=extra)


def suggestions_work(service: SpellingService, language: str, words: tuple[str, ...]) -> bool:
    """Run in the worker: work out each word's suggestions (the speller remembers them for the
    next checks); False without a dictionary for ``language``."""
    speller = service.speller(language)
    if speller is None:
        return False
    for word in words:
        stand_aside()  # a keystroke being shown goes first (editor/typing_pause.py)
        speller.suggest(word, limit=1)
    return True


class ChecksController(QObject):
    """Runs the checks after edits, shows their findings in the Checks tab, goes to a finding
    (in the body, the fields or the photos) and applies its fix."""

    checked = Signal()  # fresh findings are shown (for tests and tools)

    def __init__(
        self,
        document: ArticleDocument,
        panel: ChecksPanel,
        side_tabs: QTabWidget,
        fields: FieldsPane,
        photos: PhotosPane,
        body: BodyPane,
        service: SpellingService,
        show_status: ShowStatus,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checks_controller")
        self.document = document
        self.panel = panel
        self.side_tabs = side_tabs
        self.fields = fields
        self.photos = photos
        self.body = body
        self.service = service
        # The reporter's own house-style file (Preferences); None: the one in the config folder.
        self.house_style_file: Path | None = None
        self._show_status = show_status
        self.tab_index = side_tabs.indexOf(panel)
        self.panel.activated.connect(self.go_to)
        self.panel.fixRequested.connect(self.apply_fix)
        self.revision = 0
        self.shown_revision = -1
        self._snapshot: Article | None = None
        self._job = DebouncedJob(
            self,
            CHECK_DELAY_MS,
            self._prepare,
            self._done,
            self._failed,
            logger=logger,
            what="The checks",
            first_frame_of=body,
        )
        self._suggesting = DebouncedJob(
            self,
            SUGGEST_DELAY_MS,
            self._prepare_suggestions,
            self._suggested,
            lambda _message: None,  # logged by the worker; the typos keep no fix
            logger=logger,
            what="Spelling suggestions",
        )
        self._unsuggested: tuple[str, ...] = ()  # the last checks' typos without a fix yet
        self._asked: tuple[str, ...] = ()  # the words the suggestions were last worked out for
        for signal in (
            document.fieldChanged,
            document.bodyChanged,
            document.photosChanged,
            document.photoChanged,
        ):
            signal.connect(self._edited)
        document.replaced.connect(self._replaced)
        self.service.accepted.connect(self._word_accepted)
        self.service.personalChanged.connect(self._replaced)
        self._show_count([])
        self._job.schedule(0)

    # --- scheduling ----------------------------------------------------------------------------

    def _edited(self, *_args: Any) -> None:
        self.revision += 1
        self._job.schedule()
        self._suggesting.postpone()  # still typing: the suggestions wait for a longer pause

    def _replaced(self) -> None:
        self.revision += 1
        self._job.schedule(0)

    def run_now(self) -> None:
        self._job.schedule(0)

    @property
    def idle(self) -> bool:
        """No check (nor typo's fix) being worked out or waiting to be."""
        return self._job.idle and self._suggesting.idle

    def _prepare(self) -> Callable[[], ChecksResult]:
        document = self.document
        snapshot = snapshot_article(document.article)
        media, revision, service = document.media, self.revision, self.service
        house_style_file = self.house_style_file
        self.panel.set_checking(True)

        def work() -> ChecksResult:
            unsuggested: list[str] = []
            findings = checks_work(snapshot, media, service, house_style_file, unsuggested)
            return ChecksResult(revision, snapshot, findings, tuple(unsuggested))

        return work

    def _done(self, result: ChecksResult) -> None:
        if result.revision != self.revision:  # the story changed meanwhile: run again
            self._job.schedule_unless_waiting()
            return
        self._snapshot = result.article
        self.shown_revision = result.revision
        findings = list(result.findings)
        if self.service.skip:  # words accepted this session, maybe since this run began
            findings = [f for f in findings if not self._accepted_spelling(f)]
        self.panel.show_findings(findings)
        self._show_count(findings)
        self._unsuggested = result.unsuggested
        # Once per set of words: a fix that cannot be worked out does not start it again.
        if result.unsuggested and result.unsuggested != self._asked:
            self._suggesting.schedule()
        self.checked.emit()

    def _prepare_suggestions(self) -> Callable[[], bool]:
        service, words = self.service, self._unsuggested
        language = self.document.article.language or "en"
        self._asked = words
        return lambda: suggestions_work(service, language, words)

    def _suggested(self, worked_out: bool) -> None:
        if worked_out:
            self._job.schedule(0)  # the checks again, now with the typos' fixes

    def _failed(self, message: str) -> None:
        self.panel.summary.setText(
            QCoreApplication.translate("ChecksController", "The checks failed: {message}").format(
                message=message
            )
        )

    def _accepted_spelling(self, finding: Finding) -> bool:
        if finding.code not in ("spelling", "spelling-name") or self._snapshot is None:
            return False
        word = flagged_word(self._snapshot, finding)
        return word is not None and self.service.accepts(word)

    def _word_accepted(self, _word: str) -> None:
        findings = [f for f in self.panel.findings if not self._accepted_spelling(f)]
        if len(findings) != len(self.panel.findings):
            self.panel.show_findings(findings)
            self._show_count(findings)
        self.revision += 1
        self._job.schedule()

    def _show_count(self, findings: list[Finding]) -> None:
        tabs = self.side_tabs
        tabs.setTabText(
            self.tab_index,
            QCoreApplication.translate("ChecksController", "Checks ({count})").format(
                count=len(findings)
            ),
        )
        worst = worst_severity(findings)
        tabs.setTabIcon(self.tab_index, severity_icon(worst) if worst else QIcon())
        tabs.setTabToolTip(self.tab_index, summary_text(findings))

    @property
    def findings(self) -> list[Finding]:
        return self.panel.findings

    @property
    def up_to_date(self) -> bool:
        return self.shown_revision == self.revision and not self._job.busy

    # --- going to a finding --------------------------------------------------------------------

    def go_to(self, finding: Finding) -> None:
        if finding.field == "body" or (finding.field == "article" and finding.line):
            self._go_to_body(finding)
        elif finding.field.startswith("photo:"):
            self._go_to_photo(finding)
        elif finding.field != "article":
            self._go_to_field(finding)

    def _go_to_body(self, finding: Finding) -> None:
        body = self.body
        if finding.start is not None and finding.end is not None and self._current(finding):
            _select(body, finding)
            body.centerCursor()
            body.setFocus()
        elif finding.line:
            body.go_to_line(finding.line - 1)

    def _field_widget(self, name: str) -> QWidget | None:
        fields = self.fields
        widget = getattr(fields, FIELD_WIDGETS.get(name, name), None)
        return widget if isinstance(widget, QWidget) else None

    def _go_to_field(self, finding: Finding) -> None:
        widget = self._field_widget(finding.field)
        if widget is None:
            return
        self.side_tabs.setCurrentWidget(self.fields)
        self.fields.ensureWidgetVisible(widget)
        widget.setFocus()
        _select(widget, finding if self._current(finding) else None)

    def _go_to_photo(self, finding: Finding) -> None:
        photos = self.photos
        self.side_tabs.setCurrentWidget(photos)
        photos.select(finding.field.removeprefix("photo:"))
        widget = getattr(photos, finding.photo_field or "", None)
        if isinstance(widget, QWidget):
            widget.setFocus()
            _select(widget, finding if self._current(finding) else None)

    def _current(self, finding: Finding) -> bool:
        """True when the text the finding points into is as the check saw it."""
        if self._snapshot is None:
            return False
        if self.shown_revision == self.revision:
            return True
        return finding_text(self._snapshot, finding) == finding_text(self.document.article, finding)

    # --- fixing --------------------------------------------------------------------------------

    def apply_fix(self, finding: Finding) -> bool:
        """Apply ``finding``'s fix through the widget showing its text (one undo step there);
        refused, with the checks run again, when that text changed since the check."""
        fix = finding.fix
        if fix is None:
            return False
        if not self._current(finding):
            self._show_status(
                QCoreApplication.translate(
                    "ChecksController", "The story changed: checking it again…"
                ),
                4000,
            )
            self.run_now()
            return False
        article = self.document.article
        text = finding_text(article, finding)
        if text is None:
            return False
        new_text = text[: fix.start] + fix.replacement + text[fix.end :]
        if finding.field == "body":
            self.document.set_body(new_text)
            self.body.apply_text(new_text)
        elif finding.field.startswith("photo:"):
            self._go_to_photo(finding)
            widget = getattr(self.photos, finding.photo_field or "", None)
            if not _replace_in(widget, text, fix.start, fix.end, fix.replacement):
                self.document.set_photo_field(
                    finding.field.removeprefix("photo:"), finding.photo_field or "", new_text
                )
        else:
            widget = self._field_widget(finding.field)
            if not _replace_in(widget, text, fix.start, fix.end, fix.replacement):
                self.document.set_field(finding.field, new_text)
        self._show_status(
            QCoreApplication.translate("ChecksController", "Fixed: {fix}").format(
                fix=shown(fix.label)
            ),
            4000,
        )
        self.run_now()
        return True


def _select(widget: QWidget, finding: Finding | None) -> None:
    """Select the finding's span in ``widget``, or the whole field when it has none."""
    start, end = (finding.start, finding.end) if finding is not None else (None, None)
    if isinstance(widget, QLineEdit | QPlainTextEdit) and start is not None and end is not None:
        select_span(widget, start, end)
    elif isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QComboBox) and (line := widget.lineEdit()) is not None:
        line.selectAll()


def _replace_in(widget: QWidget | None, text: str, start: int, end: int, replacement: str) -> bool:
    """Replace a span of ``text`` in the text widget showing it, as the reporter would (one
    undo step there; the widget's edit signal reaches the document). False when ``widget`` is
    not a text widget or does not show ``text``: the caller sets the value in the document."""
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget_text(widget) == text:
        replace_span(widget, start, end, replacement)
        return True
    return False
