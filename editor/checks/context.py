"""What a check is given and what it is: the settings, the context, the ``Check`` type.

Its own module so that the check modules and the registry that lists them both import it,
and the registry alone imports the check modules (no cycle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from editor.checks.findings import Finding
from editor.model.article import Article
from editor.model.media_store import MediaStore


@dataclass(frozen=True)
class CheckSettings:
    # The site's limit, in Latin character widths: a Chinese, Japanese or Korean character
    # counts two (editor/text/widths.py), so 70 holds about 35 of them.
    headline_max_chars: int = 70
    headline_max_px: int = 600  # width in the search-result font
    dek_max_chars: int = 160  # in Latin character widths too
    alt_max_chars: int = 250
    featured_min_width: int = 1200
    target_words: tuple[int, int] | None = None  # the story's target range, e.g. (350, 450)


@dataclass(frozen=True)
class CheckContext:
    settings: CheckSettings = CheckSettings()
    media: MediaStore | None = None  # to look at photo files (missing files, widths)


Check = Callable[[Article, CheckContext], Iterable[Finding]]
