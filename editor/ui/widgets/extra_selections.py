"""Extra selections on a text editor, kept in named layers.

``QPlainTextEdit.setExtraSelections`` replaces the whole list: two features that each set their
own (focus mode dimming the story, a search showing its matches, a current-line band) would
wipe each other out. Each feature sets its own layer here instead, and the editor gets every
layer's selections, in the order the layers were first set (later ones paint over earlier ones).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

ExtraSelection = QTextEdit.ExtraSelection

_OBJECT_NAME = "extra_selection_layers"


class ExtraSelectionLayers(QObject):
    """The named layers of one editor's extra selections; get it with ``layers_of(editor)``."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.setObjectName(_OBJECT_NAME)
        self._editor = editor
        self._layers: dict[str, list[ExtraSelection]] = {}

    def set_layer(self, name: str, selections: list[ExtraSelection]) -> None:
        """Replace layer ``name``'s selections (an empty list clears it) and show them all."""
        if not selections and name not in self._layers:
            return
        self._layers[name] = list(selections)
        combined: list[ExtraSelection] = []
        for layer in self._layers.values():
            combined.extend(layer)
        self._editor.setExtraSelections(combined)

    def layer(self, name: str) -> list[ExtraSelection]:
        return list(self._layers.get(name, ()))


def layers_of(editor: QPlainTextEdit) -> ExtraSelectionLayers:
    """The editor's layers, made on first use (one per editor, whoever asks first)."""
    found = editor.findChild(ExtraSelectionLayers, _OBJECT_NAME)
    if isinstance(found, ExtraSelectionLayers):
        return found
    return ExtraSelectionLayers(editor)
