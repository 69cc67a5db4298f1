"""Asking fontconfig (``fc-list``, ``fc-match``, ``fc-query``) about the fonts installed here.

The checks measure the headline in a real font and say when no font covers the story's
script; fontconfig is how Linux answers both, with no font path written into the code. Where
it is missing (Windows, macOS) or fails, the answer is None and the checks do without.
"""

from __future__ import annotations

import logging
import shutil
import subprocess

logger = logging.getLogger(__name__)

TIMEOUT_S = 10  # a first call may build fontconfig's cache


def ask_fontconfig(tool: str, *arguments: str) -> str | None:
    """What ``tool`` (``fc-list``, ``fc-match``, ``fc-query``) prints for ``arguments``; None
    when it is not installed or fails."""
    found = shutil.which(tool)
    if found is None:
        return None
    try:
        return subprocess.run(
            [found, *arguments], capture_output=True, text=True, timeout=TIMEOUT_S, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError) as error:
        logger.debug("%s %s failed: %s", tool, " ".join(arguments), error)
        return None
