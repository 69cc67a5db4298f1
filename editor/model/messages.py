"""Messages that stay English where a script reads them and can be translated where a person
does.

A check's finding and a preference's problem are written once, in English: ``dateline check``
prints them and puts them in its JSON, a public contract. The window shows the same message in
the reporter's language. No Qt here (the checks and the model never import it), so a message
carries what the window needs to translate it: ``Message`` is the English text itself (a
``str``, equal to it, so JSON, logs and comparisons see nothing new) plus its context, its
English template and the named values that fill it.

Templates are marked with ``QT_TRANSLATE_NOOP(context, source)``, the name Qt's ``lupdate``
looks for in the source to extract the literal into the translations file; both arguments must
be string literals. A template with values is filled with ``str.format`` (literal braces are
then written ``{{`` and ``}}``); one without values is the message as written. A value may
itself be a ``Message`` (a photo's name, "the headline"): it is translated too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

CHECKS = "Checks"


class Message(str):
    """English text that remembers how it was made: ``context``, ``template`` and ``values``
    (``template.format(**values)`` is the text)."""

    context: str
    template: str
    values: Mapping[str, Any]

    def __new__(
        cls, context: str, template: str, values: Mapping[str, Any] | None = None
    ) -> Message:
        filled = dict(values or {})
        self = super().__new__(cls, template.format(**filled) if filled else template)
        self.context = context
        self.template = template
        self.values = filled
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # A finding may cross into another process; keep what it needs to be translated there.
        return (Message, (self.context, self.template, dict(self.values)))


# A message is made again and again with the same values (each of a long read's 300 doubled
# "the", each place of one misspelled name): a check pass at 20,000 words made 3,000, a fifth of
# its time. A Message is never changed once made, so equal ones are one object, remembered.
_REMEMBERED = 4096


@functools.lru_cache(maxsize=_REMEMBERED)
def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` for translation in ``context``: the message of a template without values,
    or the template handed to ``say``."""
    return Message(context, source)


def say(template: str, **values: Any) -> Message:
    """``template`` (from ``QT_TRANSLATE_NOOP``) filled with ``values``: its English text, which
    also carries the template and the values for the window to translate."""
    context = template.context if isinstance(template, Message) else CHECKS
    source = template.template if isinstance(template, Message) else str(template)
    # Only plain text and numbers are keys that say all: a Message value equals its English
    # text, but translates differently from plain text that reads the same.
    if all(type(value) in (str, int) for value in values.values()):
        return _remembered(context, source, tuple(values.items()))
    return Message(context, source, values)


@functools.lru_cache(maxsize=_REMEMBERED)
def _remembered(context: str, source: str, values: tuple[tuple[str, Any], ...]) -> Message:
    return Message(context, source, dict(values))


def translated(text: str, translate: Callable[[str, str], str]) -> str:
    """``text`` in the reader's language: a ``Message`` through ``translate(context, source)``
    (Qt's ``QCoreApplication.translate`` in the window), its message values too; plain text as
    it is. A translation whose placeholders do not fit falls back to the English text."""
    if not isinstance(text, Message):
        return text
    values = {
        name: translated(value, translate) if isinstance(value, Message) else value
        for name, value in text.values.items()
    }
    translation = translate(text.context, text.template)
    if not values:
        return translation
    try:
        return translation.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return str(text)
