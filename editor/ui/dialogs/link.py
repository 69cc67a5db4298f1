"""Format > Link…: the address and the text of a link, as word processors ask for them.

Reporters do not type ``[text](address)``: they give an address and the words to click. Only
addresses a reader may safely follow are taken (http, https, mailto; a bare ``www.`` name is
made https), so a ``javascript:`` address pasted from somewhere never reaches a page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.text.markdown_links import web_address

# What ``exec``/``finished`` report when the reporter asks for the link to go.
REMOVE_LINK = 2


class LinkDialog(QDialog):
    """Address and Text; OK only for an address a reader may follow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_dialog")
        self.setWindowTitle(QCoreApplication.translate("LinkDialog", "Link"))
        self.setAccessibleName(QCoreApplication.translate("LinkDialog", "Link"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "LinkDialog", "The address a link goes to and the words that show it"
            )
        )
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("link_address")
        self.address_edit.setPlaceholderText(
            QCoreApplication.translate("LinkDialog", "e.g. https://www.efe.com/story")
        )
        self.address_edit.setAccessibleName(QCoreApplication.translate("LinkDialog", "Address"))
        self.address_edit.setAccessibleDescription(
            QCoreApplication.translate(
                "LinkDialog", "An http, https or mailto address; a www. name becomes https"
            )
        )
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("link_text")
        self.text_edit.setAccessibleName(QCoreApplication.translate("LinkDialog", "Text"))
        self.text_edit.setAccessibleDescription(
            QCoreApplication.translate("LinkDialog", "The words a reader clicks")
        )
        self.note = QLabel("")
        self.note.setObjectName("link_note")
        self.note.setWordWrap(True)

        form = QFormLayout()
        address_label = QLabel(QCoreApplication.translate("LinkDialog", "&Address:"))
        address_label.setBuddy(self.address_edit)
        text_label = QLabel(QCoreApplication.translate("LinkDialog", "&Text:"))
        text_label.setBuddy(self.text_edit)
        form.addRow(address_label, self.address_edit)
        form.addRow(text_label, self.text_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("link_buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("link_ok")
        self.ok_button.setAccessibleName(QCoreApplication.translate("LinkDialog", "OK"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("link_cancel")
        cancel.setAccessibleName(QCoreApplication.translate("LinkDialog", "Cancel"))
        self.remove_button = QPushButton(QCoreApplication.translate("LinkDialog", "&Remove Link"))
        self.remove_button.setObjectName("link_remove")
        self.remove_button.setAccessibleName(self.remove_button.text().replace("&", ""))
        self.remove_button.setAccessibleDescription(
            QCoreApplication.translate("LinkDialog", "Keep the words, without the link")
        )
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(lambda: self.done(REMOVE_LINK))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.address_edit.textChanged.connect(self._check_address)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._check_address()

    def prefill(self, text: str, address: str, *, editing: bool) -> None:
        """Show ``text`` and ``address``; ``editing`` when the cursor is in a link already."""
        self.setWindowTitle(
            QCoreApplication.translate("LinkDialog", "Edit Link")
            if editing
            else QCoreApplication.translate("LinkDialog", "Link")
        )
        self.address_edit.setText(address)
        self.text_edit.setText(text)
        self.remove_button.setVisible(editing)
        self._check_address()
        # The empty field is the one to type in.
        first = self.address_edit if not address or text else self.text_edit
        first.setFocus()
        first.selectAll()

    def address(self) -> str:
        """The address as it goes into the link ("" when it is not one a reader may follow)."""
        return web_address(self.address_edit.text()) or ""

    def link_text(self) -> str:
        return " ".join(self.text_edit.text().split())

    def _check_address(self) -> None:
        typed = self.address_edit.text().strip()
        valid = web_address(typed) is not None
        self.ok_button.setEnabled(valid)
        if valid or not typed:
            self.note.setText("")
        else:
            self.note.setText(
                QCoreApplication.translate(
                    "LinkDialog", "Links go to http, https or mailto addresses only."
                )
            )
