"""Printing's own errors, so that printing never raises an error of the layers above it.

``editor.export.pdf`` turns them into ExportError and ExportCancelled.
"""


class PrintError(Exception):
    """A page could not be printed; the message is one line a reporter can act on."""


class PrintCancelled(PrintError):
    """The caller cancelled the printing; nothing was made."""
