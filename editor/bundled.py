"""Real file paths for bundled resources, for the libraries that take nothing else.

Pillow, Qt and the window's Open want a path, not a ``Traversable``. An installed wheel keeps its
resources as plain files, so the path is the file itself; from a zipped install
``importlib.resources`` extracts a copy instead, which must outlive every caller: copies are kept
until the process exits.
"""

from __future__ import annotations

import atexit
import functools
from contextlib import ExitStack
from importlib.resources import as_file
from pathlib import Path

from editor import RESOURCES

_extracted = ExitStack()
atexit.register(_extracted.close)


@functools.cache
def resource_file(*parts: str) -> Path:
    """The path of the bundled file ``parts`` (e.g. ``"samples", "deep-field.article"``)."""
    resource = RESOURCES
    for part in parts:
        resource = resource / part
    return _extracted.enter_context(as_file(resource))
