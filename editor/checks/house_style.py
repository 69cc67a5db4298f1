"""House style: the desk's preferred spellings and forbidden phrases, as checks with a fix.

The rules live in TOML: the default set in ``resources/house-style/default.toml`` (its comments
document the format) and the user's own file merged over it (a rule of the same phrase replaces
the default one; ``off = true`` switches a default rule off). A broken user file is refused as
a whole with one message, and the defaults apply.

Matching is by whole words, in the prose only (never inside a web address, code or Markdown
syntax such as a link target), in the headline, dek, body and photo captions and alt texts. A
rule written in lower case also matches its capitalised, title-case and all-capitals forms, and
its fix keeps that case; a rule with capitals matches as written or in all capitals.

=========================  ========  ===============================================================
code                       severity  when
=========================  ========  ===============================================================
house-style                warning   a phrase the house style replaces or forbids (a rule may make
                                     it a note or an error)
house-style-file           note      the user's house-style file is broken and was not used
=========================  ========  ===============================================================
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.bundled import resource_file
from editor.checks.findings import Finding, Fix, Severity
from editor.model.article import Article
from editor.model.messages import QT_TRANSLATE_NOOP, say
from editor.paths import config_dir
from editor.spelling.dictionaries import split_tag
from editor.spelling.text import prose_mask
from editor.text.body_scan import scan_body
from editor.text.paragraph_memo import ParagraphMemos, split_paragraphs

DEFAULT_FILE = resource_file("house-style", "default.toml")

_RULE_KEYS = {"phrase", "use", "why", "case", "variety", "severity", "off"}
_LANGUAGE_KEYS = {"variety", "regions", "rule"}
_SEVERITIES = {"warning": Severity.WARNING, "note": Severity.NOTE, "error": Severity.ERROR}
_MAX_PHRASE = 200


class HouseStyleError(ValueError):
    """A house-style file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class StyleRule:
    language: str  # the primary language tag: "en", "es"
    phrase: str
    use: str | None = None
    why: str = ""
    case: str = "auto"  # "auto" or "exact"
    variety: str | None = None
    severity: Severity = Severity.WARNING
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    forms: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words = self.phrase.split()
        body = r"\s+".join(re.escape(word) for word in words)
        lead = r"(?<!\w)" if re.match(r"\w", self.phrase) else ""
        trail = r"(?!\w)" if re.search(r"\w$", self.phrase) else ""
        auto = self.case == "auto"
        pattern = re.compile(lead + body + trail, re.IGNORECASE if auto else 0)
        object.__setattr__(self, "pattern", pattern)
        written = " ".join(words)
        forms = {written}
        if auto:
            forms.add(written.upper())
            if written[:1].islower():
                forms.add(written[:1].upper() + written[1:])
                forms.add(" ".join(word[:1].upper() + word[1:] for word in words))
        object.__setattr__(self, "forms", frozenset(forms))

    @property
    def key(self) -> str:
        return " ".join(self.phrase.split()).casefold()

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``text`` where the rule applies (the case checked as described above)."""
        return [
            match.span()
            for match in self.pattern.finditer(text)
            if " ".join(match.group().split()) in self.forms
        ]

    def replacement_for(self, matched: str) -> str | None:
        """``use`` in the case of the matched text."""
        if self.use is None:
            return None
        matched = " ".join(matched.split())
        written = " ".join(self.phrase.split())
        if matched == written or self.case == "exact":
            return self.use
        if matched.isupper() and sum(ch.isalpha() for ch in matched) > 1:
            return self.use.upper()
        if " " in written and matched == " ".join(w[:1].upper() + w[1:] for w in written.split()):
            return " ".join(word[:1].upper() + word[1:] for word in self.use.split(" "))
        if matched[:1].isupper():
            return self.use[:1].upper() + self.use[1:]
        return self.use


@dataclass(frozen=True)
class LanguageStyle:
    variety: str | None = None  # for copy tagged with the bare language
    regions: dict[str, str] = field(default_factory=dict)  # "GB" -> "british"
    rules: tuple[StyleRule, ...] = ()


@dataclass(frozen=True)
class HouseStyle:
    languages: dict[str, LanguageStyle] = field(default_factory=dict)
    # Why the user's file was refused (the defaults apply), or None.
    problem: str | None = None

    def variety_for(self, language_tag: str) -> str | None:
        language, region = split_tag(language_tag)
        style = self.languages.get(language)
        if style is None:
            return None
        return style.regions.get(region) or style.variety

    def rules_for(self, language_tag: str) -> list[StyleRule]:
        """The rules that apply to copy in ``language_tag`` ("en", "en-GB", "es-MX"...)."""
        language, _ = split_tag(language_tag)
        style = self.languages.get(language)
        if style is None:
            return []
        variety = self.variety_for(language_tag)
        return [rule for rule in style.rules if rule.variety is None or rule.variety == variety]


# --- reading the files -------------------------------------------------------------------------


def default_house_style_path() -> Path:
    """``$XDG_CONFIG_HOME/dateline/house-style.toml`` or ``~/.config/dateline/...``."""
    return config_dir() / "house-style.toml"


def _text(value: Any, where: str, key: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise HouseStyleError(f"{where}: '{key}' must be text")
    if len(value) > _MAX_PHRASE * 5:
        raise HouseStyleError(f"{where}: '{key}' is too long")
    return value.strip()


def _parse(data: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    """The sections of one file, checked: {language: {"variety", "regions", "rules"}}, where
    "rules" is a list of (key, StyleRule | None for off)."""
    parsed: dict[str, dict[str, Any]] = {}
    for language, section in data.items():
        if not re.fullmatch(r"[a-z]{2,3}", language) or not isinstance(section, dict):
            raise HouseStyleError(
                f"{name}: '{language}' is not a language section such as [en] or [es]"
            )
        unknown = set(section) - _LANGUAGE_KEYS
        if unknown:
            raise HouseStyleError(
                f"{name}: [{language}] has unknown key '{sorted(unknown)[0]}' "
                "(known: variety, regions, rule)"
            )
        variety = _text(section.get("variety"), f"{name} [{language}]", "variety", optional=True)
        regions = section.get("regions", {})
        if not isinstance(regions, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in regions.items()
        ):
            raise HouseStyleError(f"{name}: [{language}.regions] must map regions to varieties")
        rules_data = section.get("rule", [])
        if not isinstance(rules_data, list):
            raise HouseStyleError(f"{name}: rules are written [[{language}.rule]]")
        rules: list[tuple[str, StyleRule | None]] = []
        for number, item in enumerate(rules_data, 1):
            rules.append(_parse_rule(item, language, f"{name}: {language} rule {number}"))
        parsed[language] = {
            "variety": variety,
            "regions": {k.upper(): v for k, v in regions.items()},
            "rules": rules,
        }
    return parsed


def _parse_rule(item: Any, language: str, where: str) -> tuple[str, StyleRule | None]:
    if not isinstance(item, dict):
        raise HouseStyleError(f"{where} must be a table")
    unknown = set(item) - _RULE_KEYS
    if unknown:
        raise HouseStyleError(
            f"{where} has unknown key '{sorted(unknown)[0]}' "
            "(known: phrase, use, why, case, variety, severity, off)"
        )
    phrase = _text(item.get("phrase"), where, "phrase")
    assert phrase is not None
    if len(phrase) > _MAX_PHRASE:
        raise HouseStyleError(f"{where}: 'phrase' is longer than {_MAX_PHRASE} characters")
    where = f"{where} (“{phrase}”)"
    off = item.get("off", False)
    if not isinstance(off, bool):
        raise HouseStyleError(f"{where}: 'off' must be true or false")
    key = " ".join(phrase.split()).casefold()
    if off:
        return key, None
    case = item.get("case", "auto")
    if case not in ("auto", "exact"):
        raise HouseStyleError(f'{where}: \'case\' must be "auto" or "exact"')
    severity = item.get("severity", "warning")
    if severity not in _SEVERITIES:
        raise HouseStyleError(f'{where}: \'severity\' must be "warning", "note" or "error"')
    use = item.get("use")
    if use is not None and not isinstance(use, str):
        raise HouseStyleError(f"{where}: 'use' must be text")
    why = item.get("why", "")
    if not isinstance(why, str):
        raise HouseStyleError(f"{where}: 'why' must be text")
    rule = StyleRule(
        language=language,
        phrase=phrase,
        use=use.strip() or None if isinstance(use, str) else None,
        why=why.strip(),
        case=case,
        variety=_text(item.get("variety"), where, "variety", optional=True),
        severity=_SEVERITIES[severity],
    )
    return key, rule


def _read(path: Path) -> dict[str, dict[str, Any]]:
    name = str(path)
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise HouseStyleError(f"{name}: not valid TOML ({error})") from None
    except UnicodeDecodeError:
        raise HouseStyleError(f"{name}: not UTF-8 text") from None
    except OSError as error:
        raise HouseStyleError(f"{name}: cannot be read ({error.strerror or error})") from None
    return _parse(data, name)


def _merge(layers: list[dict[str, dict[str, Any]]]) -> dict[str, LanguageStyle]:
    merged: dict[str, dict[str, Any]] = {}
    for layer in layers:
        for language, section in layer.items():
            target = merged.setdefault(language, {"variety": None, "regions": {}, "rules": {}})
            if section["variety"] is not None:
                target["variety"] = section["variety"]
            target["regions"].update(section["regions"])
            for key, rule in section["rules"]:
                target["rules"].pop(key, None)  # a replacement goes where the user put it
                if rule is not None:
                    target["rules"][key] = rule
    return {
        language: LanguageStyle(
            variety=section["variety"],
            regions=dict(section["regions"]),
            rules=tuple(section["rules"].values()),
        )
        for language, section in merged.items()
    }


def load_house_style(user_file: Path | None, *, default_file: Path = DEFAULT_FILE) -> HouseStyle:
    """The default rules with ``user_file`` merged over them. A missing user file is no
    problem; a broken one is refused whole: the defaults apply and ``problem`` says why."""
    defaults = _read(default_file)
    if user_file is None or not Path(user_file).exists():
        return HouseStyle(_merge([defaults]))
    try:
        user = _read(Path(user_file))
    except HouseStyleError as error:
        return HouseStyle(
            _merge([defaults]),
            problem=say(
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "Your house-style file was not used: {error}. The default rules apply.",
                ),
                error=str(error),
            ),
        )
    return HouseStyle(_merge([defaults, user]))


_cached: tuple[tuple[Any, ...], HouseStyle] | None = None


def current_house_style(user_file: Path | None = None) -> HouseStyle:
    """``load_house_style`` of the user's file (default path when None), read again only when
    the file changes."""
    path = user_file or default_house_style_path()
    try:
        stat = path.stat()
        stamp: tuple[Any, ...] = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (str(path), None, None)
    global _cached
    if _cached is None or _cached[0] != stamp:
        _cached = (stamp, load_house_style(path))
    return _cached[1]


# --- the check ---------------------------------------------------------------------------------


def _finding(
    rule: StyleRule,
    text: str,
    span: tuple[int, int],
    field_name: str,
    *,
    line: int | None = None,
    photo_field: str | None = None,
) -> Finding:
    start, end = span
    matched = text[start:end]
    replacement = rule.replacement_for(matched)
    shown = " ".join(matched.split())
    # The rule's "why" is the desk's own sentence, in the copy's language: never translated.
    if replacement is not None and rule.why:
        message = say(
            QT_TRANSLATE_NOOP("Checks", "House style is “{use}”, not “{phrase}”: {why}"),
            use=replacement,
            phrase=shown,
            why=rule.why,
        )
    elif replacement is not None:
        message = say(
            QT_TRANSLATE_NOOP("Checks", "House style is “{use}”, not “{phrase}”."),
            use=replacement,
            phrase=shown,
        )
    elif rule.why:
        message = say(
            QT_TRANSLATE_NOOP("Checks", "House style avoids “{phrase}”: {why}"),
            phrase=shown,
            why=rule.why,
        )
    else:
        message = say(QT_TRANSLATE_NOOP("Checks", "House style avoids “{phrase}”."), phrase=shown)
    fix = (
        Fix(
            say(QT_TRANSLATE_NOOP("Checks", "Use “{use}”"), use=replacement),
            start,
            end,
            replacement,
        )
        if replacement
        else None
    )
    return Finding(
        rule.severity,
        "house-style",
        message,
        field_name,
        line=line,
        start=start,
        end=end,
        photo_field=photo_field,
        fix=fix,
    )


def _spans(rules: list[StyleRule], prose: str) -> list[tuple[tuple[int, int], StyleRule]]:
    """Every rule's matches, the longest winning where two overlap ("EE.UU." over "EE.UU",
    "inmigrantes ilegales" over "ilegales")."""
    found = [(span, rule) for rule in rules for span in rule.matches(prose)]
    found.sort(key=lambda item: (item[0][0], -(item[0][1] - item[0][0])))
    kept: list[tuple[tuple[int, int], StyleRule]] = []
    reach = -1
    for span, rule in found:
        if span[0] >= reach:
            kept.append((span, rule))
            reach = span[1]
    return kept


def _body_spans(rules: list[StyleRule], prose: str) -> list[tuple[tuple[int, int], StyleRule]]:
    """``_spans`` of a body, paragraph by paragraph (a phrase split by a blank line is two
    paragraphs' words, not the phrase), each paragraph's remembered: after an edit only the
    paragraphs it changed are searched again (44 ms at 20,000 words, searched whole)."""
    spans_in = _paragraph_spans.for_key(tuple(rules))
    found = []
    for offset, paragraph in split_paragraphs(prose):
        found += [
            ((offset + start, offset + end), rule) for (start, end), rule in spans_in(paragraph)
        ]
    return found


# A house style file edited, another language's rules: a few sets of rules kept.
_paragraph_spans: ParagraphMemos[tuple[StyleRule, ...], list[tuple[tuple[int, int], StyleRule]]] = (
    ParagraphMemos(lambda rules, paragraph: _spans(list(rules), paragraph), kept=4)
)


def house_style_findings(article: Article, style: HouseStyle) -> list[Finding]:
    """The ``house-style`` findings of the headline, dek, body and photo captions and alt
    texts, for the rules of ``article.language``."""
    rules = style.rules_for(article.language or "en")
    if not rules:
        return []
    found: list[Finding] = []
    for name in ("headline", "dek"):
        text = getattr(article, name)
        for span, rule in _spans(rules, prose_mask(text)):
            found.append(_finding(rule, text, span, name))
    body = article.body
    scan = scan_body(body)
    for span, rule in _body_spans(rules, prose_mask(body, markdown=True)):
        found.append(_finding(rule, body, span, "body", line=scan.line_of(span[0])))
    for photo in article.photos:
        for photo_field in ("caption", "alt"):
            text = getattr(photo, photo_field)
            for span, rule in _spans(rules, prose_mask(text)):
                found.append(
                    _finding(rule, text, span, f"photo:{photo.id}", photo_field=photo_field)
                )
    return found


def check_house_style(article: Article, context: Any = None) -> list[Finding]:
    """The house-style check in the registry's shape: ``context.house_style`` when the context
    has one, else the defaults merged with the user's file (re-read when it changes). A
    broken user file is reported as a ``house-style-file`` note."""
    style = getattr(context, "house_style", None) or current_house_style()
    return _findings_and_problem(article, style)


def _findings_and_problem(article: Article, style: HouseStyle) -> list[Finding]:
    found = house_style_findings(article, style)
    if style.problem:
        found.append(Finding(Severity.NOTE, "house-style-file", style.problem, "article"))
    return found


def house_style_check(user_file: Path) -> Callable[[Article, Any], list[Finding]]:
    """The house-style check with ``user_file`` (chosen in Preferences) over the defaults, in
    place of the file in the config folder."""

    def check(article: Article, context: Any = None) -> list[Finding]:
        return _findings_and_problem(article, current_house_style(user_file))

    return check
