"""The Checks tab: what an editor would flag before the story moves, kept up to date as the
reporter types.

The checks run in the worker on a snapshot of the article, 500 ms after the last edit; a result
that arrives after the story changed again is dropped (its offsets no longer fit) and the next
run follows. On the GUI thread an edit costs one timer restart. Findings are listed by
severity; clicking one goes to it (the body span, the field, the photo's caption, credit or alt
text) and "Fix" applies its fix through the widget that shows the text, so it is one undo step
there, and the document hears of it as of any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.checks.findings import Finding, Severity
from editor.checks.house_style import check_house_style
from editor.checks.registry import CheckContext, CheckSettings, run_checks
from editor.checks.spelling_check import spelling_check
from editor.model.article import Article, snapshot_article
from editor.ui.spelling_ui import SpellingService, spelling_service
from editor.ui.tools.debounce import DebouncedJob

CHECK_DELAY_MS = 500  # after the last edit
TAB_TITLE = "Checks"
COLOURS = {
    Severity.ERROR: "#c62828",
    Severity.WARNING: "#e08a00",
    Severity.NOTE: "#1f6fb2",
}
GROUP_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.NOTE: "Notes"}
FIELD_LABELS = {
    "headline": "Headline",
    "dek": "Dek",
    "byline": "Byline",
    "dateline": "Dateline",
    "slug": "Slug",
    "url_slug": "URL slug",
    "section": "Section",
    "tags": "Tags",
    "language": "Language",
    "sign_off": "Sign-off",
    "end_mark": "End mark",
    "editors_note": "Editor's note",
    "body": "Body",
    "article": "Story",
}
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
ROLE_FINDING = Qt.ItemDataRole.UserRole + 1
MAX_LISTED = 300  # rows; a story with more findings lists the first (worst) ones


def severity_icon(severity: Severity, size: int = 16) -> QIcon:
    """A coloured disc with a mark: ! for errors, ▲-ish ! for warnings, i for notes."""
    ratio = 2.0
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS[severity]))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    mark = "i" if severity is Severity.NOTE else "!"
    painter.drawText(0, 0, size, size, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return QIcon(pixmap)


def location_text(finding: Finding) -> str:
    """Where a finding is, for the list: "Body, line 14", "Photo p2 · alt text", "Headline"."""
    if finding.field.startswith("photo:"):
        part = {"alt": "alt text"}.get(finding.photo_field or "", finding.photo_field or "")
        photo = finding.field.removeprefix("photo:")
        return f"Photo {photo}" + (f" · {part}" if part else "")
    if finding.field == "body":
        return f"Body, line {finding.line}" if finding.line else "Body"
    if finding.field.startswith("dateline."):
        return "Dateline · " + finding.field.removeprefix("dateline.")
    return FIELD_LABELS.get(finding.field, finding.field.replace("_", " ").capitalize())


def finding_tooltip(finding: Finding) -> str:
    lines = [finding.message, f"{location_text(finding)} · {finding.code}"]
    if finding.fix is not None:
        lines.append(f"Fix: {finding.fix.label}")
    return "\n".join(lines)


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


# --- the panel ---------------------------------------------------------------------------------


class ChecksPanel(QWidget):
    """The list of findings with the chosen one explained under it, and its fix."""

    activated = Signal(object)  # Finding: go to it
    fixRequested = Signal(object)  # Finding: apply its fix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checks_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.summary = QLabel("Checking…")
        self.summary.setObjectName("checks_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #444; padding: 2px 0 4px 0;")
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("checks_list")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(1)
        self.list.setIconSize(self.list.iconSize().expandedTo(self.list.iconSize()))
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.list.itemClicked.connect(self._item_clicked)
        self.list.itemActivated.connect(self._item_clicked)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.list, 1)

        self.detail = QLabel()
        self.detail.setObjectName("checks_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setStyleSheet(
            "background: #f6f6f4; border: 1px solid #ddd; border-radius: 4px; padding: 6px;"
        )
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.go_button = QPushButton("Go to")
        self.go_button.setObjectName("checks_go")
        self.go_button.clicked.connect(lambda: self._emit_current(self.activated))
        self.fix_button = QPushButton("Fix")
        self.fix_button.setObjectName("checks_fix")
        self.fix_button.setToolTip("Apply the suggested fix (Ctrl+Z undoes it)")
        self.fix_button.clicked.connect(lambda: self._emit_current(self.fixRequested))
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.fix_button, 1)
        layout.addLayout(buttons)
        self._icons = {severity: severity_icon(severity) for severity in Severity}
        self.findings: list[Finding] = []
        self._show_current()

    def show_findings(self, findings: list[Finding]) -> None:
        """List ``findings`` (errors first), keeping the chosen one chosen if it is still there."""
        if findings == self.findings and self.list.count():
            return  # nothing new: keep the list (and its scroll position) as it is
        current = self.current_finding()
        self.findings = list(findings)
        listed = findings[:MAX_LISTED]
        self.list.setUpdatesEnabled(False)
        try:
            self.list.clear()
            chosen: QListWidgetItem | None = None
            for severity in Severity:
                group = [f for f in listed if f.severity is severity]
                if not group:
                    continue
                total = sum(1 for f in findings if f.severity is severity)
                header = QListWidgetItem(f"{GROUP_TITLES[severity]} ({total})")
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                header.setForeground(QColor(COLOURS[severity]))
                self.list.addItem(header)
                for finding in group:
                    item = self._item(finding)
                    self.list.addItem(item)
                    if finding == current:
                        chosen = item
            if len(findings) > len(listed):
                more = QListWidgetItem(
                    f"… and {len(findings) - len(listed):,} more, listed as the ones above "
                    "are dealt with."
                )
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                more.setForeground(QColor("#666"))
                self.list.addItem(more)
            if chosen is not None:
                self.list.setCurrentItem(chosen)
        finally:
            self.list.setUpdatesEnabled(True)
        self.summary.setText(summary_text(findings))
        self._show_current()

    def set_checking(self, checking: bool) -> None:
        text = summary_text(self.findings)
        self.summary.setText(f"{text} · checking…" if checking and self.findings else text)

    def _item(self, finding: Finding) -> QListWidgetItem:
        where = location_text(finding)
        if finding.fix is not None:
            where += f"  ·  Fix: {finding.fix.label}"
        item = QListWidgetItem(self._icons[finding.severity], f"{finding.message}\n{where}")
        item.setData(ROLE_FINDING, finding)
        item.setToolTip(finding_tooltip(finding))
        return item

    def current_finding(self) -> Finding | None:
        item = self.list.currentItem()
        finding = item.data(ROLE_FINDING) if item is not None else None
        return finding if isinstance(finding, Finding) else None

    def item_for(self, finding: Finding) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ROLE_FINDING) == finding:
                return item
        return None

    def _show_current(self) -> None:
        finding = self.current_finding()
        self.go_button.setEnabled(finding is not None)
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        self.fix_button.setText(f"Fix: {finding.fix.label}" if finding and finding.fix else "Fix")
        if finding is None:
            self.detail.setText(
                "Choose a finding to see where it is."
                if self.findings
                else "Nothing to flag: the checks found no problems."
            )
        else:
            self.detail.setText(finding_tooltip(finding))

    def _item_clicked(self, item: QListWidgetItem) -> None:
        finding = item.data(ROLE_FINDING)
        if isinstance(finding, Finding):
            self.activated.emit(finding)

    def _emit_current(self, signal: Signal) -> None:
        finding = self.current_finding()
        if finding is not None:
            signal.emit(finding)

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        finding = item.data(ROLE_FINDING) if item is not None else None
        if not isinstance(finding, Finding):
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction("Go to", lambda: self.activated.emit(finding))
        if finding.fix is not None:
            menu.addAction(f"Fix: {finding.fix.label}", lambda: self.fixRequested.emit(finding))
        menu.popup(self.list.viewport().mapToGlobal(pos))


def summary_text(findings: list[Finding]) -> str:
    if not findings:
        return "No problems found."
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    parts = []
    for severity, (one, many) in (
        (Severity.ERROR, ("error", "errors")),
        (Severity.WARNING, ("warning", "warnings")),
        (Severity.NOTE, ("note", "notes")),
    ):
        if counts[severity]:
            parts.append(f"{counts[severity]} {one if counts[severity] == 1 else many}")
    return ", ".join(parts)


# --- running the checks ------------------------------------------------------------------------


@dataclass
class ChecksResult:
    revision: int
    article: Article  # the snapshot the findings refer to
    findings: list[Finding]


def checks_work(article: Article, media: Any, service: SpellingService) -> list[Finding]:
    """Run in the worker: every check, with spelling (the window's personal dictionary) and
    house style (the defaults and the user's file), on a snapshot."""
    context = CheckContext(settings=CheckSettings(), media=media)
    for word in service.ignored_words():
        speller = service.speller(article.language or "en")
        if speller is not None:
            speller.ignore(word)
    extra = (spelling_check(service.personal), check_house_style)
    return run_checks(article, context, extra=extra)


class ChecksController(QObject):
    """Runs the checks after edits and connects the panel to the window."""

    checked = Signal()  # fresh findings are shown (for tests and tools)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("checks_controller")
        self.window = window
        self.service = spelling_service(window)
        self.panel = ChecksPanel()
        self.tab_index = window.side_tabs.addTab(self.panel, TAB_TITLE)
        self.panel.activated.connect(self.go_to)
        self.panel.fixRequested.connect(self.apply_fix)
        self.revision = 0
        self.shown_revision = -1
        self._snapshot: Article | None = None
        self._job = DebouncedJob(self, CHECK_DELAY_MS, self._prepare, self._done, self._failed)
        document = window.document
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

    def _replaced(self) -> None:
        self.revision += 1
        self._job.schedule(0)

    def run_now(self) -> None:
        self._job.schedule(0)

    @property
    def idle(self) -> bool:
        """No check running or waiting to run."""
        return self._job.idle

    def _prepare(self) -> Callable[[], ChecksResult]:
        document = self.window.document
        snapshot = snapshot_article(document.article)
        media, revision, service = document.media, self.revision, self.service
        self.panel.set_checking(True)
        return lambda: ChecksResult(revision, snapshot, checks_work(snapshot, media, service))

    def _done(self, result: ChecksResult) -> None:
        if result.revision != self.revision:  # the story changed meanwhile: run again
            self._job.schedule_unless_waiting()
            return
        self._snapshot = result.article
        self.shown_revision = result.revision
        findings = [f for f in result.findings if not self._accepted_spelling(f)]
        self.panel.show_findings(findings)
        self._show_count(findings)
        self.checked.emit()

    def _failed(self, message: str) -> None:
        self.panel.summary.setText(f"The checks failed: {message}")

    def _accepted_spelling(self, finding: Finding) -> bool:
        if finding.code != "spelling" or self._snapshot is None:
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
        tabs = self.window.side_tabs
        tabs.setTabText(self.tab_index, f"{TAB_TITLE} ({len(findings)})")
        worst = min((f.severity for f in findings), key=lambda s: s.rank, default=None)
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
        body = self.window.body
        if finding.start is not None and finding.end is not None and self._current(finding):
            _select(body, finding)
            body.centerCursor()
            body.setFocus()
        elif finding.line:
            body.go_to_line(finding.line - 1)

    def _field_widget(self, name: str) -> QWidget | None:
        fields = self.window.fields
        widget = getattr(fields, FIELD_WIDGETS.get(name, name), None)
        return widget if isinstance(widget, QWidget) else None

    def _go_to_field(self, finding: Finding) -> None:
        widget = self._field_widget(finding.field)
        if widget is None:
            return
        self.window.side_tabs.setCurrentWidget(self.window.fields)
        self.window.fields.ensureWidgetVisible(widget)
        widget.setFocus()
        _select(widget, finding if self._current(finding) else None)

    def _go_to_photo(self, finding: Finding) -> None:
        photos = self.window.photos
        self.window.side_tabs.setCurrentWidget(photos)
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
        return finding_text(self._snapshot, finding) == finding_text(
            self.window.document.article, finding
        )

    # --- fixing --------------------------------------------------------------------------------

    def apply_fix(self, finding: Finding) -> bool:
        """Apply ``finding``'s fix through the widget showing its text (one undo step there);
        refused, with the checks run again, when that text changed since the check."""
        fix = finding.fix
        if fix is None:
            return False
        if not self._current(finding):
            self.window.statusBar().showMessage("The story changed: checking it again…", 4000)
            self.run_now()
            return False
        article = self.window.document.article
        text = finding_text(article, finding)
        if text is None:
            return False
        new_text = text[: fix.start] + fix.replacement + text[fix.end :]
        if finding.field == "body":
            self.window.document.set_body(new_text)
            self.window.body.apply_text(new_text)
        elif finding.field.startswith("photo:"):
            self._go_to_photo(finding)
            widget = getattr(self.window.photos, finding.photo_field or "", None)
            if not _replace_in(widget, text, fix.start, fix.end, fix.replacement):
                self.window.document.set_photo_field(
                    finding.field.removeprefix("photo:"), finding.photo_field, new_text
                )
        else:
            widget = self._field_widget(finding.field)
            if not _replace_in(widget, text, fix.start, fix.end, fix.replacement):
                self.window.document.set_field(finding.field, new_text)
        self.window.statusBar().showMessage(f"Fixed: {fix.label}", 4000)
        self.run_now()
        return True


def _select(widget: QWidget, finding: Finding | None) -> None:
    start = finding.start if finding else None
    end = finding.end if finding else None
    if isinstance(widget, QLineEdit):
        if start is not None and end is not None:
            widget.setSelection(start, end - start)
        else:
            widget.selectAll()
    elif isinstance(widget, QPlainTextEdit) and start is not None and end is not None:
        cursor = QTextCursor(widget.document())
        length = len(widget.toPlainText())
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.lineEdit().selectAll()


def _replace_in(widget: Any, text: str, start: int, end: int, replacement: str) -> bool:
    """Replace a span of ``text`` in the text widget showing it, as the reporter would (one
    undo step there; the widget's edit signal reaches the document). False when ``widget`` is
    not a text widget or does not show ``text``: the caller sets the value in the document."""
    if isinstance(widget, QLineEdit) and widget.text() == text:
        widget.setSelection(start, end - start)
        widget.insert(replacement)
        return True
    if isinstance(widget, QPlainTextEdit) and widget.toPlainText() == text:
        cursor = QTextCursor(widget.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        return True
    return False


def install_checks_panel(window: Any) -> ChecksController:
    """Add the Checks tab to ``window`` and keep it up to date."""
    return ChecksController(window)
