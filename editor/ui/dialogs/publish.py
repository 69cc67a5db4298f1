"""File > Publish to WordPress: send the story to a site as a draft or a post.

Publishing runs in the background on a snapshot of the story, so the reporter types on; a bar
counts the photos sent and Cancel ends the request under way and takes back what this run
uploaded. Only a publish that succeeded changes the story: it remembers the post, so the next
publish updates it.

Before publishing, the dialog says what it will do, as the site confirms it (asked in the
background whenever the site changes): "Updates post 7 “<its title on the site>” on <site>", or
"Creates a new post on <site>" when what the story remembers is not a post of this story there
(a story from someone else may name any post).
"""

from __future__ import annotations

import copy
import html
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from editor.export.missing_photos import describe, photos_without_file
from editor.model.article import ImageRef
from editor.publish.queue import PublishQueue, QueueError
from editor.publish.rest import PublishCancelled, PublishError
from editor.publish.verify import VerifiedPost
from editor.publish.wordpress import PublishResult, planned_post, publish
from editor.sites import SiteError, SiteStore
from editor.ui.dialogs.missing_photos import leave_out_missing_photos
from editor.ui.document import ArticleDocument
from editor.ui.widgets.background_dialog import BackgroundWorkDialog
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)

PLAN_TIMEOUT_S = 15.0  # asking which post a publish would update: a question, not an upload
_TITLE_SHOWN = 120  # characters of a post's title the plan shows


class PublishDialog(BackgroundWorkDialog):
    published = Signal(object)  # the PublishResult of a publish that succeeded
    outOfReach = Signal(str)  # the site could not be reached (publish when online is offered)

    def __init__(
        self,
        document: ArticleDocument,
        store: SiteStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publish_dialog")
        self.setWindowTitle(QCoreApplication.translate("PublishDialog", "Publish to WordPress"))
        self.setModal(False)
        self._document = document
        self.store = store or SiteStore()
        # Asked when the story has photos without their file (replaced in tests).
        self.confirm_leaving_out: Callable[[list[ImageRef]], bool] = lambda photos: (
            leave_out_missing_photos(self, photos, publishing=True)
        )
        self._asked: tuple[str, str] = ("", "draft")  # site and status of the last publish
        self._retry_after: float | None = None  # the wait the site asked for, last time

        self.site = QComboBox()
        self.site.setObjectName("publish_site")
        self.status_choice = QComboBox()
        self.status_choice.addItem(
            QCoreApplication.translate("PublishDialog", "Draft (the desk publishes it)"), "draft"
        )
        self.status_choice.addItem(
            QCoreApplication.translate("PublishDialog", "Published (live on the site)"), "publish"
        )
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        # What publishing will do, as the site confirms it. Plain text: it shows a post's
        # title as the site gives it.
        self.plan = QLabel()
        self.plan.setObjectName("publish_plan")
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.PlainText)
        self._plan_job = 0
        self._plan_cancel = threading.Event()
        self.message = QLabel()
        self.message.setObjectName("publish_message")
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(
            QCoreApplication.translate("PublishDialog", "Publish"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.queue_button = self.buttons.addButton(
            QCoreApplication.translate("PublishDialog", "Publish When Online"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.queue_button.setVisible(False)
        self.queue_button.clicked.connect(self.queue_for_later)
        self.publish_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("PublishDialog", "Site:"), self.site)
        form.addRow(QCoreApplication.translate("PublishDialog", "As:"), self.status_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plan)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.refresh_sites()
        self.site.currentIndexChanged.connect(self.check_plan)
        self.check_plan()

    def select(self, site_name: str, status: str) -> None:
        self.site.setCurrentIndex(max(0, self.site.findData(site_name)))
        self.status_choice.setCurrentIndex(max(0, self.status_choice.findData(status)))

    def refresh_sites(self) -> None:
        self.site.clear()
        try:
            sites = self.store.sites()
        except SiteError as error:
            self._say(html.escape(str(error)))
            sites = []
        for site in sites:
            self.site.addItem(f"{site.name} — {site.url}", site.name)
        self.publish_button.setEnabled(bool(sites))
        if not sites:
            self._say(
                QCoreApplication.translate(
                    "PublishDialog", "No site yet: add one in File > WordPress Sites."
                )
            )

    def check_plan(self) -> None:
        """Ask the site, in the background, which post publishing would update; the answer
        shows in ``plan``. A check still under way for another site is dropped."""
        self._plan_job += 1
        self._plan_cancel.set()  # the previous check's request ends
        job, cancel = self._plan_job, threading.Event()
        self._plan_cancel = cancel
        name = self.site.currentData()
        if name is None:
            self.plan.clear()
            return
        try:
            site = self.store.get(name)
            rest_site = self.store.credentials(site)
        except SiteError as error:
            self.plan.setText(str(error))
            return
        article = copy.deepcopy(self._document.article)
        self.plan.setText(
            QCoreApplication.translate(
                "PublishDialog", "Checking what {site} holds of this story…"
            ).format(site=site.url)
        )

        def work() -> VerifiedPost | None:
            return planned_post(article, rest_site, cancel.is_set, timeout=PLAN_TIMEOUT_S)

        run_in_background(
            work,
            lambda post: self._show_plan(job, site.url, post),
            lambda message: self._plan_failed(job, site.url, message),
            context=self,
            logger=logger,
            what="Asking the site which post this story is",
        )

    def _show_plan(self, job: int, where: str, post: VerifiedPost | None) -> None:
        if job != self._plan_job:
            return  # asked of another site, or before the story changed
        if post is None:
            self.plan.setText(
                QCoreApplication.translate("PublishDialog", "Creates a new post on {site}").format(
                    site=where
                )
            )
            return
        title = " ".join(post.title.split()) or QCoreApplication.translate(
            "PublishDialog", "(no title)"
        )
        if len(title) > _TITLE_SHOWN:
            title = title[: _TITLE_SHOWN - 1] + "…"
        self.plan.setText(
            QCoreApplication.translate(
                "PublishDialog", "Updates post {post} “{title}” on {site}"
            ).format(post=post.post_id, title=title, site=where)
        )

    def _plan_failed(self, job: int, where: str, message: str) -> None:
        if job == self._plan_job:
            self.plan.setText(
                QCoreApplication.translate(
                    "PublishDialog", "Could not ask {site} which post this story is: {message}"
                ).format(site=where, message=message)
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._plan_cancel.set()  # no question left running for a dialog no one sees
        super().closeEvent(event)

    def start(self) -> None:
        if self._running or self.site.currentData() is None:
            return
        try:
            site = self.store.get(self.site.currentData())
            rest_site = self.store.credentials(site)
        except SiteError as error:
            self._say(html.escape(str(error)))
            return
        status = self.status_choice.currentData()
        missing = photos_without_file(self._document.article)
        if missing and not self.confirm_leaving_out(missing):
            self._say(html.escape(describe(missing)))
            return
        article = copy.deepcopy(self._document.article)  # typing goes on meanwhile
        media = self._document.media
        self._cancel.clear()
        self._set_running(True)
        self.progress.setRange(0, 0)
        self._say(
            QCoreApplication.translate("PublishDialog", "Publishing to {site}…").format(
                site=html.escape(site.url)
            )
        )
        self._asked = (site.name, status)
        self.queue_button.setVisible(False)

        def work() -> PublishResult | PublishError:
            try:
                progress, cancelled = self._relay.progress.emit, self._cancel.is_set
                return publish(
                    article,
                    media,
                    rest_site,
                    status,
                    progress,
                    cancelled,
                    without_missing_photos=True,  # asked above
                )
            except PublishError as error:
                if error.temporary and not isinstance(error, PublishCancelled):
                    return error  # the site is out of reach: offer to publish when online
                raise

        run_in_background(
            work, self._finished, self._failed, context=self, logger=logger, what="Publishing"
        )

    def cancel(self) -> None:
        if self._running:
            self._cancel.set()
            self._say(
                QCoreApplication.translate(
                    "PublishDialog", "Cancelling: taking back what this publish uploaded…"
                )
            )

    def _show_progress(self, done: int, total: int) -> None:
        if self._running and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self._say(
                QCoreApplication.translate(
                    "PublishDialog", "Photos sent: {done} of {total}"
                ).format(done=done, total=total)
            )

    def _finished(self, result: PublishResult | PublishError) -> None:
        if isinstance(result, PublishError):
            self._out_of_reach(result)
            return
        self._set_running(False)
        self._unqueue()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        # Only now does the story change: it remembers its post for the next publish.
        result.apply_to(self._document.article)
        self._document.mark_changed()
        link = html.escape(result.link, quote=True)
        if result.created:
            said = QCoreApplication.translate(
                "PublishDialog", 'Created post {post}: <a href="{link}">{link}</a>'
            )
        elif result.up_to_date:
            said = QCoreApplication.translate(
                "PublishDialog",
                'Post {post} is up to date; nothing was sent: <a href="{link}">{link}</a>',
            )
        else:
            said = QCoreApplication.translate(
                "PublishDialog", 'Updated post {post}: <a href="{link}">{link}</a>'
            )
        said = said.format(post=result.post_id, link=link)
        # What the site did not confirm of what the story remembered, and what was made instead.
        notes = "".join(f"<br>{html.escape(note)}" for note in result.notes)
        self._say(said + notes)
        self.published.emit(result)
        self.check_plan()  # the story now remembers this post: the next publish updates it

    def _out_of_reach(self, error: PublishError) -> None:
        message = str(error)
        self._retry_after = error.retry_after
        if self._document.path is not None and error.retry_after:
            # A queued story the site throttles again: its next try waits as it asked.
            try:
                PublishQueue().postpone(self._document.path, self._asked[0], error.retry_after)
            except QueueError as queue_error:
                logger.warning("could not postpone %s: %s", self._document.path, queue_error)
        self._set_running(False)
        self.progress.setVisible(False)
        self.queue_button.setVisible(True)
        self._say(
            QCoreApplication.translate(
                "PublishDialog", "{message}<br>Publish When Online tries again every minute."
            ).format(message=html.escape(message))
        )
        self.outOfReach.emit(message)

    def queue_for_later(self) -> bool:
        """Queue this publish: the window (or ``dateline publish --retry-queued``) sends it
        once the site answers. The queue works from the saved file, so it must be saved."""
        path = self._document.path
        if path is None or self._document.dirty:
            self._say(
                QCoreApplication.translate(
                    "PublishDialog",
                    "Save the story first (Ctrl+S): publishing later sends the saved file.",
                )
            )
            return False
        site_name, status = self._asked
        try:
            PublishQueue().add(path, site_name, status, self.message.text(), self._retry_after)
        except QueueError as error:
            logger.warning("could not queue %s: %s", path, error)
            self._say(
                QCoreApplication.translate("PublishDialog", "Not queued: {error}").format(
                    error=html.escape(str(error))
                )
            )
            return False
        self.queue_button.setVisible(False)
        self._say(
            QCoreApplication.translate(
                "PublishDialog", "Queued for {site}: it goes out when the site answers."
            ).format(site=html.escape(site_name))
        )
        return True

    def retry_queued(self) -> bool:
        """Publish this story again if it is queued and nothing runs (the window's timer)."""
        path = self._document.path
        if self._running or path is None:
            return False
        mine = PublishQueue().due_for(path)
        if not mine:
            return False
        self.refresh_sites()
        self.select(mine[0].site, mine[0].status)
        self.start()
        return self._running

    def _unqueue(self) -> None:
        path = self._document.path
        if path is None:
            return
        queue = PublishQueue()
        try:
            for entry in queue.entries_for(path):
                if entry.site == self._asked[0]:
                    queue.remove(entry)
        except QueueError as error:
            # The story went out; only its queue entry stays behind, and the next retry finds
            # the post it made instead of making a second one.
            logger.warning("published %s but could not take it off the queue: %s", path, error)

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.progress.setVisible(False)
        if self._cancel.is_set():
            self._say(
                QCoreApplication.translate(
                    "PublishDialog", "Publishing cancelled; what it had uploaded was taken back."
                )
            )
        else:
            self._say(html.escape(message))

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.publish_button.setEnabled(not running)
        self.site.setEnabled(not running)
        self.status_choice.setEnabled(not running)
        self.close_button.setText(
            QCoreApplication.translate("PublishDialog", "Cancel Publishing")
            if running
            else QCoreApplication.translate("PublishDialog", "Close")
        )
        if running:
            self.progress.setVisible(True)

    def _say(self, rich_text: str) -> None:
        self.message.setText(rich_text)
