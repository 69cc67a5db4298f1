"""Spelling in the article's language: Hunspell dictionaries through Enchant, no Qt.

``speller_for(article.language, personal)`` gives a thread-safe ``Speller`` whose
``misspellings(body, markdown=True)`` lists the misspelled words with their offsets, skipping
web and e-mail addresses, Markdown syntax and code; ``suggest`` proposes corrections (slow: run
it off the GUI thread). ``PersonalDictionary`` keeps the words a reporter adds; ``ignore``
accepts a word for the session. ``body_misspellings(body, speller)`` is the body's pass, done
once per revision for the spelling check and the window's underlines alike.
"""

from editor.spelling.body import body_misspellings
from editor.spelling.dictionaries import available_languages, dictionary_for
from editor.spelling.personal import (
    PersonalDictionary,
    default_data_dir,
    default_personal_path,
)
from editor.spelling.speller import Speller, speller_for
from editor.spelling.text import prose_mask, words

__all__ = [
    "PersonalDictionary",
    "Speller",
    "available_languages",
    "body_misspellings",
    "default_data_dir",
    "default_personal_path",
    "dictionary_for",
    "prose_mask",
    "speller_for",
    "words",
]
