"""English plurals for counted texts that go through Qt's plural forms.

A count's text is translated with ``%n`` (or ``%Ln``) and a count, so each language gets its
own numerus forms from its ``.qm``. The English source reads "%Ln word(s)", and with no
translation loaded (the English window) Qt returns it as it stands: this turns "(s)" and
"(es)" into the English singular or plural, so the English window reads "1 word" and
"8 words" as it always did, even where the English catalogue (dateline_en.qm, which holds
those forms) was not built. A translation never contains these parentheses.
"""

from __future__ import annotations

import re

_OPTIONAL_ENDING = re.compile(r"\((e?s)\)")


def english_plural(text: str, count: int) -> str:
    """``text`` with each "(s)" or "(es)" dropped for one and kept, unbracketed, otherwise."""
    return _OPTIONAL_ENDING.sub("" if count == 1 else r"\1", text)
