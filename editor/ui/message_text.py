"""The window's side of ``editor.model.messages``: a check's finding, a fix's label or a
preference's problem shown in the reporter's language.

The checks and the model write English (``dateline check`` prints it and scripts read it); a
message that carries its template is translated here through Qt's translators, with its values
put back in. Plain text (a message from elsewhere) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.model.messages import translated


def _translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def shown(text: str) -> str:
    """``text`` as the window shows it: translated when it is a message with a template."""
    return translated(text, _translate)
