"""Writing tools the window installs: counts in the status bar, smart punctuation as you type,
and find and replace. Each is one ``install_...(window)`` call."""

from editor.ui.tools.counts import CountsWidget, install_counts
from editor.ui.tools.find_replace import FindReplaceDialog, install_find_replace
from editor.ui.tools.typography import SmartPunctuation, install_typography

__all__ = [
    "CountsWidget",
    "FindReplaceDialog",
    "SmartPunctuation",
    "install_counts",
    "install_find_replace",
    "install_typography",
]
