"""Features the main window wires together: each gets the document, the panes it works on and
the services it uses, typed, rather than the whole window."""

from collections.abc import Callable

# Shows a message in the window's status bar for a number of milliseconds.
ShowStatus = Callable[[str, int], None]
