"""The first thing a newcomer sees in an empty window: what Dateline does, and a way in.

A reporter who starts Dateline with no story gets a blank body and a blank preview, which
explain nothing. The welcome panel lies over the body and the preview until the reporter types,
opens, imports or starts something (or closes it), says in two lines what the program is for,
and offers New Story, Open, Import and the bundled sample stories. It never comes back for that
window once gone; "Show this at start" (the ``welcome/show`` setting) turns it off for good.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.bundled import resource_file
from editor.ui.document import ArticleDocument


class ArticleWindow(Protocol):
    """What the welcome needs of the main window (which imports this module)."""

    @property
    def settings(self) -> QSettings: ...
    @property
    def document(self) -> ArticleDocument: ...
    @property
    def splitter(self) -> QSplitter: ...
    @property
    def body(self) -> QWidget: ...

    def new_article(self) -> None: ...
    def open_dialog(self) -> None: ...
    def import_dialog(self) -> None: ...
    def show_status(self, message: str, timeout_ms: int = 0) -> None: ...


SHOW_SETTING = "welcome/show"


@dataclass(frozen=True)
class SampleStory:
    title: str
    description: str
    path: Path


SAMPLES = (
    SampleStory(
        "A space feature with photos",
        "Three public-domain photos with captions, credits, alt text and a lead photo",
        resource_file("samples", "deep-field.article"),
    ),
    SampleStory(
        "An EFE wire story",
        "A real wire story as scraped from the web, with the flaws an editor would catch",
        resource_file("samples", "caravan-efe.article"),
    ),
)


def sample_texts(sample: SampleStory) -> tuple[str, str]:
    """The sample's title and description as the reporter reads them (translated)."""
    texts = {
        "deep-field.article": (
            QCoreApplication.translate("WelcomePanel", "A space feature with photos"),
            QCoreApplication.translate(
                "WelcomePanel",
                "Three public-domain photos with captions, credits, alt text and a lead photo",
            ),
        ),
        "caravan-efe.article": (
            QCoreApplication.translate("WelcomePanel", "An EFE wire story"),
            QCoreApplication.translate(
                "WelcomePanel",
                "A real wire story as scraped from the web, with the flaws an editor would catch",
            ),
        ),
    }
    return texts.get(sample.path.name, (sample.title, sample.description))


def shows_at_start(settings: QSettings) -> bool:
    value = settings.value(SHOW_SETTING, True)
    return value not in (False, "false", "0", 0)


class WelcomePanel(QFrame):
    """The panel itself: text, the ways in, and "Show this at start". It only emits; the
    window's actions do the work."""

    newRequested = Signal()
    openRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal(object)  # SampleStory
    closeRequested = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_panel")
        self.setAccessibleName(QCoreApplication.translate("WelcomePanel", "Welcome to Dateline"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Painted from the palette, so a dark desktop gets a dark panel.
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(12)
        layout.addStretch(1)
        title = QLabel(QCoreApplication.translate("WelcomePanel", "Welcome to Dateline"))
        title.setObjectName("welcome_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setForegroundRole(QPalette.ColorRole.Text)
        layout.addWidget(title)
        intro = QLabel(
            QCoreApplication.translate(
                "WelcomePanel",
                "Write a news story with its headline, dateline, byline and photos, and see it as "
                "readers will: on the web, a phone, in print, as a social card or wire copy.\n"
                "No Markdown needed: the Format menu makes bold, links and subheads; then export "
                "or publish the finished piece.",
            )
        )
        intro.setObjectName("welcome_intro")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setForegroundRole(QPalette.ColorRole.Text)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.new_button = self._button(
            row,
            QCoreApplication.translate("WelcomePanel", "New Story"),
            QCoreApplication.translate("WelcomePanel", "Start an empty story"),
            "welcome_new",
        )
        self.new_button.clicked.connect(self.newRequested)
        self.open_button = self._button(
            row,
            QCoreApplication.translate("WelcomePanel", "Open…"),
            QCoreApplication.translate("WelcomePanel", "Open a Dateline article (.article)"),
            "welcome_open",
        )
        self.open_button.clicked.connect(self.openRequested)
        self.import_button = self._button(
            row,
            QCoreApplication.translate("WelcomePanel", "Import…"),
            QCoreApplication.translate(
                "WelcomePanel", "Import a story from Markdown, text, Word or a web page"
            ),
            "welcome_import",
        )
        self.import_button.clicked.connect(self.importRequested)
        row.addStretch(1)
        layout.addLayout(row)

        samples_label = QLabel(
            QCoreApplication.translate(
                "WelcomePanel", "Or open a sample story to see how a finished piece looks:"
            )
        )
        samples_label.setForegroundRole(QPalette.ColorRole.Text)
        layout.addWidget(samples_label)
        samples_row = QHBoxLayout()
        self.sample_buttons: list[QPushButton] = []
        for number, sample in enumerate(SAMPLES, start=1):
            sample_title, description = sample_texts(sample)
            button = self._button(
                samples_row,
                QCoreApplication.translate("WelcomePanel", "Sample: {title}").format(
                    title=sample_title
                ),
                description,
                f"welcome_sample_{number}",
            )
            button.clicked.connect(lambda _=False, s=sample: self.sampleRequested.emit(s))
            self.sample_buttons.append(button)
        samples_row.addStretch(1)
        layout.addLayout(samples_row)

        bottom = QHBoxLayout()
        self.show_at_start = QCheckBox(
            QCoreApplication.translate("WelcomePanel", "Show this at start")
        )
        self.show_at_start.setObjectName("welcome_show_at_start")
        self.show_at_start.setAccessibleName(
            QCoreApplication.translate("WelcomePanel", "Show the welcome at start")
        )
        self.show_at_start.setChecked(shows_at_start(settings))
        self.show_at_start.toggled.connect(lambda on: settings.setValue(SHOW_SETTING, on))
        bottom.addWidget(self.show_at_start)
        bottom.addStretch(1)
        self.close_button = self._button(
            bottom,
            QCoreApplication.translate("WelcomePanel", "Close"),
            QCoreApplication.translate(
                "WelcomePanel", "Close the welcome and write in the empty story"
            ),
            "welcome_close",
        )
        self.close_button.clicked.connect(self.closeRequested)
        layout.addLayout(bottom)
        layout.addStretch(2)

    @staticmethod
    def _button(row: QHBoxLayout, text: str, description: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        row.addWidget(button)
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class Welcome(QObject):
    """Keeps the panel over the body and preview columns while the window holds an untouched
    empty story, and takes it away for good at the first sign of work."""

    def __init__(self, window: ArticleWindow) -> None:
        # The window as a widget: the panel's parent, and what its place is measured in.
        self._host = window.body.window()
        super().__init__(self._host)
        self._window = window
        self.panel = WelcomePanel(window.settings, self._host)
        self.panel.newRequested.connect(window.new_article)
        self.panel.openRequested.connect(window.open_dialog)
        self.panel.importRequested.connect(window.import_dialog)
        self.panel.sampleRequested.connect(self.open_sample)
        self.panel.closeRequested.connect(self.dismiss)
        self.dismissed = False
        document = window.document
        document.replaced.connect(self.dismiss)
        document.dirtyChanged.connect(self._dirty_changed)
        window.splitter.splitterMoved.connect(lambda *_: self._place())
        window.splitter.installEventFilter(self)
        self.panel.hide()

    def show_if_empty(self) -> None:
        """At start: show the panel when the window holds an untouched new story."""
        document = self._window.document
        if (
            self.dismissed
            or not shows_at_start(self._window.settings)
            or document.path is not None
            or document.dirty
            or document.article.body.strip()
        ):
            return
        self._place()
        self.panel.show()
        self.panel.raise_()
        self._read_before_the_body()

    def _read_before_the_body(self) -> None:
        """Tab reaches the panel where it lies, between the fields and the body."""
        window = self._window
        previous = window.body.previousInFocusChain()
        if previous is None:
            return
        for widget in self.panel.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                QWidget.setTabOrder(previous, widget)
                previous = widget

    def _dirty_changed(self, dirty: bool) -> None:
        if dirty:  # the reporter has started writing
            self.dismiss()

    def dismiss(self) -> None:
        if self.dismissed:
            return
        self.dismissed = True
        focus = self._host.focusWidget()
        had_focus = focus is not None and self.panel.isAncestorOf(focus)
        self.panel.hide()
        self.panel.deleteLater()
        if had_focus:
            self._window.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_sample(self, sample: SampleStory) -> bool:
        """Open a bundled sample as a new unsaved copy: saving never changes the bundled file.
        (The panel is only there while the story is untouched: nothing to save first.)"""
        from editor.model.package import PackageError, load_package

        window = self._window
        try:
            loaded = load_package(sample.path)
        except PackageError as error:
            window.show_status(
                QCoreApplication.translate("Welcome", "Cannot open the sample: {error}").format(
                    error=error
                ),
                8000,
            )
            return False
        window.document.replace(loaded.article, loaded.media, None)
        window.show_status(
            QCoreApplication.translate(
                "Welcome", "Opened the sample story “{title}”; Save As keeps a copy"
            ).format(title=sample_texts(sample)[0]),
            8000,
        )
        return True

    def _place(self) -> None:
        """Over the body and preview columns (everything right of the side tabs)."""
        if self.dismissed:
            return
        host, splitter = self._host, self._window.splitter
        first = splitter.widget(1)
        if first is None:
            return
        top_left = first.mapTo(host, first.rect().topLeft())
        bottom_right = splitter.mapTo(host, splitter.rect().bottomRight())
        self.panel.setGeometry(QRect(top_left, bottom_right))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window.splitter and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.Move,
            QEvent.Type.LayoutRequest,
        ):
            self._place()
        return False


def install_welcome(window: ArticleWindow) -> Welcome:
    """The welcome panel over an empty window (see the module's docstring)."""
    welcome = Welcome(window)
    welcome.show_if_empty()
    return welcome
