"""The Checks tab's list: the findings grouped by severity, the chosen one explained under it,
and its "Go to" and "Fix" buttons.

The list only shows findings and says which one the reporter chose; running the checks, going
to a finding and applying its fix belong to ``editor.ui.controllers.checks``.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.checks.findings import Finding, Severity
from editor.ui.message_text import shown
from editor.ui.theme_table import is_dark, named_colour
from editor.ui.widgets.palette_style import follow_palette, set_palette_style
from editor.ui.widgets.plain_text import plain_label, plain_tooltip

# Theme table colours (editor/ui/theme_table.py): a light and a dark value each.
COLOURS = {
    Severity.ERROR: "error_text",
    Severity.WARNING: "warning_text",
    Severity.NOTE: "note_text",
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
    painter.setBrush(named_colour(COLOURS[severity]))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.setPen(named_colour("icon_mark"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    mark = "i" if severity is Severity.NOTE else "!"
    painter.drawText(0, 0, size, size, Qt.AlignmentFlag.AlignCenter, mark)
    painter.end()
    return QIcon(pixmap)


def group_title(severity: Severity) -> str:
    """The heading of a severity's group in the list."""
    titles = {
        Severity.ERROR: QCoreApplication.translate("ChecksPanel", "Errors"),
        Severity.WARNING: QCoreApplication.translate("ChecksPanel", "Warnings"),
        Severity.NOTE: QCoreApplication.translate("ChecksPanel", "Notes"),
    }
    return titles[severity]


def field_label(field: str) -> str:
    """A field's name as the fields pane labels it (without its mnemonic)."""
    labels = {
        "headline": QCoreApplication.translate("ChecksPanel", "Headline"),
        "dek": QCoreApplication.translate("ChecksPanel", "Dek"),
        "byline": QCoreApplication.translate("ChecksPanel", "Byline"),
        "dateline": QCoreApplication.translate("ChecksPanel", "Dateline"),
        "slug": QCoreApplication.translate("ChecksPanel", "Slug"),
        "url_slug": QCoreApplication.translate("ChecksPanel", "URL slug"),
        "section": QCoreApplication.translate("ChecksPanel", "Section"),
        "tags": QCoreApplication.translate("ChecksPanel", "Tags"),
        "language": QCoreApplication.translate("ChecksPanel", "Language"),
        "sign_off": QCoreApplication.translate("ChecksPanel", "Sign-off"),
        "end_mark": QCoreApplication.translate("ChecksPanel", "End mark"),
        "editors_note": QCoreApplication.translate("ChecksPanel", "Editor's note"),
        "body": QCoreApplication.translate("ChecksPanel", "Body"),
        "article": QCoreApplication.translate("ChecksPanel", "Story"),
    }
    return labels.get(field, field.replace("_", " ").capitalize())


def _photo_part(name: str) -> str:
    parts = {
        "alt": QCoreApplication.translate("ChecksPanel", "alt text"),
        "caption": QCoreApplication.translate("ChecksPanel", "caption"),
        "credit": QCoreApplication.translate("ChecksPanel", "credit"),
        "copyright": QCoreApplication.translate("ChecksPanel", "copyright"),
    }
    return parts.get(name, name)


def _dateline_part(name: str) -> str:
    parts = {
        "place": QCoreApplication.translate("ChecksPanel", "place"),
        "country": QCoreApplication.translate("ChecksPanel", "country"),
        "date": QCoreApplication.translate("ChecksPanel", "date"),
        "source": QCoreApplication.translate("ChecksPanel", "source"),
        "style": QCoreApplication.translate("ChecksPanel", "style"),
        "override": QCoreApplication.translate("ChecksPanel", "override"),
    }
    return parts.get(name, name)


def location_text(finding: Finding) -> str:
    """Where a finding is, for the list: "Body, line 14", "Photo p2 · alt text", "Headline"."""
    if finding.field.startswith("photo:"):
        part = _photo_part(finding.photo_field or "")
        photo = QCoreApplication.translate("ChecksPanel", "Photo {photo}").format(
            photo=finding.field.removeprefix("photo:")
        )
        return f"{photo} · {part}" if part else photo
    if finding.field == "body":
        if finding.line:
            return QCoreApplication.translate("ChecksPanel", "Body, line {line}").format(
                line=finding.line
            )
        return field_label("body")
    if finding.field.startswith("dateline."):
        part = _dateline_part(finding.field.removeprefix("dateline."))
        return f"{field_label('dateline')} · {part}"
    return field_label(finding.field)


def message_text(finding: Finding) -> str:
    """The finding's message as the list shows it: in the window's language (the checks write
    English templates, editor.model.messages)."""
    return shown(finding.message)


def fix_label(finding: Finding) -> str:
    """The label of the finding's fix as the list shows it ("" without a fix)."""
    return shown(finding.fix.label) if finding.fix is not None else ""


def fix_text(finding: Finding) -> str:
    """The text that offers a finding's fix: "Fix: <its label>"."""
    label = fix_label(finding)
    return QCoreApplication.translate("ChecksPanel", "Fix: {label}").format(label=label)


def finding_tooltip(finding: Finding) -> str:
    lines = [message_text(finding), f"{location_text(finding)} · {finding.code}"]
    if finding.fix is not None:
        lines.append(fix_text(finding))
    return "\n".join(lines)


class ChecksPanel(QWidget):
    """The list of findings with the chosen one explained under it, and its fix."""

    activated = Signal(object)  # Finding: go to it
    fixRequested = Signal(object)  # Finding: apply its fix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checks_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.summary = plain_label(QCoreApplication.translate("ChecksPanel", "Checking…"))
        self.summary.setObjectName("checks_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("padding: 2px 0 4px 0;")
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("checks_list")
        self.list.setAccessibleName(QCoreApplication.translate("ChecksPanel", "Checks findings"))
        self.list.setAccessibleDescription(
            QCoreApplication.translate(
                "ChecksPanel",
                "What an editor would flag; arrows choose a finding, Enter goes to it",
            )
        )
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
        self.detail.setAccessibleName(QCoreApplication.translate("ChecksPanel", "Chosen finding"))
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        # Text and background from the palette, so the details read in dark as in light.
        set_palette_style(
            self.detail,
            lambda: (
                "QLabel { background: palette(alternate-base); color: palette(text);"
                " border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }"
            ),
        )
        layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        self.go_button = QPushButton(QCoreApplication.translate("ChecksPanel", "&Go to"))
        self.go_button.setAccessibleName(
            QCoreApplication.translate("ChecksPanel", "Go to the finding")
        )
        self.go_button.setObjectName("checks_go")
        self.go_button.clicked.connect(lambda: self._emit_current(self.activated))
        self.fix_button = QPushButton(QCoreApplication.translate("ChecksPanel", "F&ix"))
        self.fix_button.setObjectName("checks_fix")
        self.fix_button.setToolTip(
            QCoreApplication.translate("ChecksPanel", "Apply the suggested fix (Ctrl+Z undoes it)")
        )
        self.fix_button.clicked.connect(lambda: self._emit_current(self.fixRequested))
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.fix_button, 1)
        layout.addLayout(buttons)
        self._icons = {severity: severity_icon(severity) for severity in Severity}
        self._icons_dark = is_dark()
        self.findings: list[Finding] = []
        # How many findings of each severity are listed, and the listed ones' rows in order.
        self._counts: tuple[int, ...] | None = None
        self._items: list[QListWidgetItem] = []
        self._show_current()
        follow_palette(self, self._palette_changed)

    def _palette_changed(self) -> None:
        """Light to dark or back: the icons and the group headings take the new colours."""
        if is_dark() == self._icons_dark:
            return
        self._icons_dark = is_dark()
        self._icons = {severity: severity_icon(severity) for severity in Severity}
        findings, self.findings = self.findings, []
        self._counts = None  # every row again, with the new icons
        self.show_findings(findings)

    def show_findings(self, findings: list[Finding]) -> None:
        """List ``findings`` (errors first), keeping the chosen one chosen if it is still there.

        Nothing new (an edit undone before the checks ran finds the same) keeps the list and
        its scroll position as they are, and ends the "checking…" state."""
        listed = findings[:MAX_LISTED]
        counts = _severity_counts(findings)
        if self._counts == counts and len(self._items) == len(listed) and self.list.count():
            # As many findings of each severity as before (typing moved them, or changed the
            # word being typed): each row stays and only the changed ones are written again.
            # Rebuilding hundreds of rows would hold the window up to 40 ms, and a keystroke
            # typed meanwhile would wait for it.
            self._update_rows(_in_rows(self.findings[:MAX_LISTED]), _in_rows(listed))
            self.findings = list(findings)
            self.summary.setText(summary_text(findings))
            self._show_current()
            return
        self._counts = counts
        current = self.current_finding()
        self.findings = list(findings)
        self._items = []
        self.list.setUpdatesEnabled(False)
        try:
            self.list.clear()
            chosen: QListWidgetItem | None = None
            for severity in Severity:
                group = [f for f in listed if f.severity is severity]
                if not group:
                    continue
                total = sum(1 for f in findings if f.severity is severity)
                header = QListWidgetItem(f"{group_title(severity)} ({total})")
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                header.setForeground(named_colour(COLOURS[severity]))
                self.list.addItem(header)
                for finding in group:
                    item = self._item(finding)
                    self.list.addItem(item)
                    self._items.append(item)
                    if finding == current:
                        chosen = item
            if len(findings) > len(listed):
                more = QListWidgetItem(
                    QCoreApplication.translate(
                        "ChecksPanel",
                        "… and {count} more, listed as the ones above are dealt with.",
                    ).format(count=f"{len(findings) - len(listed):,}")
                )
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                more.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                self.list.addItem(more)
            if chosen is not None:
                self.list.setCurrentItem(chosen)
        finally:
            self.list.setUpdatesEnabled(True)
        self.summary.setText(summary_text(findings))
        self._show_current()

    def set_checking(self, checking: bool) -> None:
        text = summary_text(self.findings)
        if checking and self.findings:
            text = QCoreApplication.translate("ChecksPanel", "{summary} · checking…").format(
                summary=text
            )
        self.summary.setText(text)

    def _item(self, finding: Finding) -> QListWidgetItem:
        item = QListWidgetItem()
        self._fill(item, finding)
        return item

    def _fill(self, item: QListWidgetItem, finding: Finding) -> None:
        where = location_text(finding)
        if finding.fix is not None:
            where += f"  ·  {fix_text(finding)}"
        item.setIcon(self._icons[finding.severity])
        item.setText(f"{message_text(finding)}\n{where}")
        item.setData(ROLE_FINDING, finding)
        item.setToolTip(plain_tooltip(finding_tooltip(finding)))

    def _update_rows(self, shown: list[Finding], findings: list[Finding]) -> None:
        """Point each row at its new finding; write again the rows that now read differently."""
        for item, old, new in zip(self._items, shown, findings, strict=True):
            if old == new:
                continue
            if _row_key(old) == _row_key(new):
                item.setData(ROLE_FINDING, new)  # moved within its line: reads the same
            else:
                self._fill(item, new)

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
        # "F&ix" answers Alt+I (Alt+F is the File menu); an ampersand in the fix's own label
        # is text, not a mnemonic.
        label = fix_label(finding).replace("&", "&&") if finding else ""
        self.fix_button.setText(
            QCoreApplication.translate("ChecksPanel", "F&ix: {label}").format(label=label)
            if label
            else QCoreApplication.translate("ChecksPanel", "F&ix")
        )
        if finding is None:
            self.detail.setText(
                QCoreApplication.translate("ChecksPanel", "Choose a finding to see where it is.")
                if self.findings
                else QCoreApplication.translate(
                    "ChecksPanel", "Nothing to flag: the checks found no problems."
                )
            )
        else:
            self.detail.setText(finding_tooltip(finding))

    def _item_clicked(self, item: QListWidgetItem) -> None:
        finding = item.data(ROLE_FINDING)
        if isinstance(finding, Finding):
            self.activated.emit(finding)

    def _emit_current(self, signal: SignalInstance) -> None:
        finding = self.current_finding()
        if finding is not None:
            signal.emit(finding)

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        finding = item.data(ROLE_FINDING) if item is not None else None
        if item is None or not isinstance(finding, Finding):
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(
            QCoreApplication.translate("ChecksPanel", "Go to"), lambda: self.activated.emit(finding)
        )
        if finding.fix is not None:
            menu.addAction(fix_text(finding), lambda: self.fixRequested.emit(finding))
        menu.popup(self.list.viewport().mapToGlobal(pos))


def _row_key(finding: Finding) -> tuple[object, ...]:
    """What a finding's row shows (its text, icon and tooltip), without where in the line."""
    fix_label = finding.fix.label if finding.fix is not None else None
    return (
        finding.severity,
        finding.code,
        finding.message,
        finding.field,
        finding.line,
        finding.photo_field,
        fix_label,
    )


def _in_rows(listed: list[Finding]) -> list[Finding]:
    """``listed`` in the order of the rows: grouped by severity, errors first."""
    return [f for severity in Severity for f in listed if f.severity is severity]


def _severity_counts(findings: list[Finding]) -> tuple[int, ...]:
    """How many findings of each severity, in ``Severity``'s order (errors first).

    Counted in C (``list.count`` finds each member by identity): thousands of spelling
    findings are counted after every pause, and hashing an enum member is a Python call."""
    severities = list(map(attrgetter("severity"), findings))
    return tuple(severities.count(severity) for severity in Severity)


def worst_severity(findings: list[Finding]) -> Severity | None:
    """The worst severity among ``findings`` (None when there are none)."""
    counts = _severity_counts(findings)
    return next((severity for severity, n in zip(Severity, counts, strict=True) if n), None)


def summary_text(findings: list[Finding]) -> str:
    if not findings:
        return QCoreApplication.translate("ChecksPanel", "No problems found.")
    counts = dict(zip(Severity, _severity_counts(findings), strict=True))
    parts = []
    # One text for one and one for many, the count filled in after translating: lupdate marks
    # no entry as a plural (%n) one when the count is a variable, and Qt then finds the
    # translation of such an entry only for a count of one.
    errors, warnings, notes = (
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.NOTE],
    )
    if errors:
        parts.append(
            QCoreApplication.translate("ChecksPanel", "{count} error").format(count=errors)
            if errors == 1
            else QCoreApplication.translate("ChecksPanel", "{count} errors").format(count=errors)
        )
    if warnings:
        parts.append(
            QCoreApplication.translate("ChecksPanel", "{count} warning").format(count=warnings)
            if warnings == 1
            else QCoreApplication.translate("ChecksPanel", "{count} warnings").format(
                count=warnings
            )
        )
    if notes:
        parts.append(
            QCoreApplication.translate("ChecksPanel", "{count} note").format(count=notes)
            if notes == 1
            else QCoreApplication.translate("ChecksPanel", "{count} notes").format(count=notes)
        )
    return ", ".join(parts)
