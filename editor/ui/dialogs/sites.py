"""File > WordPress Sites: the sites a reporter publishes to (see editor/sites.py).

The Application Password typed here goes straight to the system keyring; the dialog never
shows a stored one again, and nothing of it is written to settings or the article.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.publish.rest import RestClient
from editor.sites import Site, SiteError, SiteStore, checked_site, unencrypted_warning
from editor.ui.widgets.plain_text import plain_label
from editor.ui.worker import run_in_background

logger = logging.getLogger(__name__)


class SitesDialog(QDialog):
    tested = Signal(bool)  # a connection test ended: it worked, or not (the text says why)

    def __init__(self, store: SiteStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sites_dialog")
        self.setWindowTitle(QCoreApplication.translate("SitesDialog", "WordPress Sites"))
        self.store = store or SiteStore()

        self.list = QListWidget()
        self.list.setObjectName("sites_list")
        self.list.setAccessibleName(QCoreApplication.translate("SitesDialog", "WordPress sites"))
        self.list.setMinimumWidth(280)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.name = QLineEdit()
        self.name.setPlaceholderText(QCoreApplication.translate("SitesDialog", "paper"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://news.example.org")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            QCoreApplication.translate(
                "SitesDialog", "Application Password (WordPress: Users > Profile)"
            )
        )
        self.status = plain_label()
        self.status.setObjectName("sites_status")
        self.status.setWordWrap(True)

        self.save_button = QPushButton(QCoreApplication.translate("SitesDialog", "Add or Replace"))
        self.save_button.clicked.connect(self.save_site)
        self.remove_button = QPushButton(QCoreApplication.translate("SitesDialog", "Remove"))
        self.remove_button.clicked.connect(self.remove_site)
        self.test_button = QPushButton(QCoreApplication.translate("SitesDialog", "Test Connection"))
        self.test_button.clicked.connect(self.test_site)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SitesDialog", "Name:"), self.name)
        form.addRow(QCoreApplication.translate("SitesDialog", "Address:"), self.url)
        form.addRow(QCoreApplication.translate("SitesDialog", "User:"), self.user)
        form.addRow(QCoreApplication.translate("SitesDialog", "Password:"), self.password)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 2)
        top.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(close)
        self.resize(820, 340)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        try:
            sites = self.store.sites()
        except SiteError as error:
            self._say(str(error))
            return
        for site in sites:
            item = QListWidgetItem(
                QCoreApplication.translate("SitesDialog", "{name}\n{user} at {address}").format(
                    name=site.name, user=site.user, address=site.url
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, site)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(sites))

    def _show(self, item: QListWidgetItem | None) -> None:
        site: Site | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if site is None:
            return
        self.name.setText(site.name)
        self.url.setText(site.url)
        self.user.setText(site.user)
        self.password.clear()  # a kept password is never shown again

    def save_site(self) -> bool:
        try:
            site = checked_site(self.name.text(), self.url.text(), self.user.text())
            in_keyring = self.store.add(site, self.password.text())
        except SiteError as error:
            self._say(str(error))
            return False
        self.password.clear()
        self.refresh()
        where = (
            QCoreApplication.translate("SitesDialog", "The password is in the keyring.")
            if in_keyring
            else QCoreApplication.translate(
                "SitesDialog", "No keyring here: the password set in the environment will be used."
            )
        )
        warning = unencrypted_warning(site)
        self._say(
            QCoreApplication.translate(
                "SitesDialog", "Kept {name}: {user} at {address}. {where}"
            ).format(name=site.name, user=site.user, address=site.url, where=where)
            + (
                QCoreApplication.translate("SitesDialog", " Warning: {warning}.").format(
                    warning=warning
                )
                if warning
                else ""
            )
        )
        return True

    def remove_site(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            self._say(QCoreApplication.translate("SitesDialog", "Choose a site to remove."))
            return False
        try:
            site = self.store.remove(item.data(Qt.ItemDataRole.UserRole).name)
        except SiteError as error:
            self._say(str(error))
            return False
        self.refresh()
        self._say(
            QCoreApplication.translate("SitesDialog", "Removed {name} and its password.").format(
                name=site.name
            )
        )
        return True

    def test_site(self) -> None:
        """Ask the chosen site who we are, in the background (a slow site must not freeze)."""
        item = self.list.currentItem()
        if item is None:
            self._say(QCoreApplication.translate("SitesDialog", "Choose a site to test."))
            return
        site = item.data(Qt.ItemDataRole.UserRole)
        try:
            rest_site = self.store.credentials(site)
        except SiteError as error:
            self._say(str(error))
            return
        self.test_button.setEnabled(False)
        self._say(
            QCoreApplication.translate("SitesDialog", "Connecting to {address}…").format(
                address=site.url
            )
        )

        def done(me: object) -> None:
            self.test_button.setEnabled(True)
            name = me.get("name", site.user) if isinstance(me, dict) else site.user
            self._say(
                QCoreApplication.translate(
                    "SitesDialog", "Connected to {address} as {name}."
                ).format(address=site.url, name=name)
            )
            self.tested.emit(True)

        def failed(message: str) -> None:
            self.test_button.setEnabled(True)
            self._say(message)
            self.tested.emit(False)

        run_in_background(
            lambda: RestClient(rest_site, timeout=15).get("users/me", context="edit"),
            done,
            failed,
            context=self,
            logger=logger,
            what="Checking the site's connection",
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)
