"""The spelling dictionaries Enchant has installed, and the one that fits a language tag."""

from __future__ import annotations

import functools
import re

try:  # pyenchant raises ImportError when the Enchant C library is missing.
    import enchant
except ImportError:  # pragma: no cover - exercised only on a machine without Enchant
    enchant = None

# Which dictionary a bare language (or an uninstalled region) falls back to, best first.
_PREFERRED = {
    "en": ("en_US", "en_GB"),
    "es": ("es_ES", "es_MX"),
    "pt": ("pt_BR", "pt_PT"),
    "fr": ("fr_FR",),
    "de": ("de_DE",),
    "it": ("it_IT",),
}
# Regions nearer to another region's spelling than to the language's default.
_REGION_FALLBACK = {
    ("en", region): ("en_GB",) for region in ("AU", "NZ", "IE", "IN", "ZA", "GB", "UK")
} | {("es", "419"): ("es_MX", "es_US")}

_TAG_RE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@functools.cache
def available_languages() -> list[str]:
    """The installed dictionaries' tags, e.g. ``["en_US", "es_ES", "es_MX"]``, sorted; empty
    when Enchant itself is missing. Cached: call ``available_languages.cache_clear()`` after
    installing a dictionary."""
    if enchant is None:
        return []
    try:
        return sorted(set(enchant.Broker().list_languages()))
    except enchant.errors.Error:  # pragma: no cover - a broken Enchant set-up
        return []


# Cached: the window's language menu asks for every language against every installed
# dictionary (thousands of calls for the same few hundred tags).
@functools.cache
def split_tag(language_tag: str) -> tuple[str, str]:
    """``"es-MX"`` -> ``("es", "MX")``, ``"en"`` -> ``("en", "")``, ``"zh-Hant-TW"`` ->
    ``("zh", "TW")``; ``("", "")`` for what is not a language tag."""
    tag = (language_tag or "").strip()
    if not _TAG_RE.fullmatch(tag):
        return "", ""
    parts = re.split(r"[-_]", tag)
    region = next(
        (p for p in parts[1:] if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())),
        "",
    )
    return parts[0].lower(), region.upper()


def dictionary_for(language_tag: str) -> str | None:
    """The installed dictionary for a language tag: ``"en"`` -> ``"en_US"``, ``"es"`` ->
    ``"es_ES"``, ``"es-MX"`` -> ``"es_MX"``, ``"en-GB"`` -> ``"en_GB"`` if installed, else
    ``"en_US"``; None when no dictionary of the language is installed."""
    language, region = split_tag(language_tag)
    if not language:
        return None
    installed = available_languages()
    same_language = [tag for tag in installed if split_tag(tag)[0] == language]
    if not same_language:
        return None
    candidates = [f"{language}_{region}"] if region else []
    candidates += _REGION_FALLBACK.get((language, region), ())
    candidates += [language, *_PREFERRED.get(language, ())]
    for candidate in candidates:
        if candidate in installed:
            return candidate
    return same_language[0]
