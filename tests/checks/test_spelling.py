"""Spelling: dictionaries, the speller's rules, the personal dictionary and the spelling check."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.checks.findings import Severity
from editor.checks.registry import CheckContext, run_checks
from editor.checks.spelling_check import check_spelling, spelling_check, spelling_findings
from editor.model.article import Article, Dateline, ImageRef
from editor.spelling import (
    PersonalDictionary,
    Speller,
    available_languages,
    default_personal_path,
    dictionary_for,
    prose_mask,
    speller_for,
)

from factories import caravan


def flagged(speller: Speller, text: str, *, markdown: bool = False) -> list[str]:
    return [word for _, _, word in speller.misspellings(text, markdown=markdown)]


# --- dictionaries --------------------------------------------------------------------------------


def test_installed_dictionaries_are_listed() -> None:
    languages = available_languages()
    assert "en_US" in languages
    assert "es_ES" in languages and "es_MX" in languages
    assert languages == sorted(languages)


def test_language_tags_pick_the_nearest_installed_dictionary() -> None:
    assert dictionary_for("en") == "en_US"
    assert dictionary_for("en-US") == "en_US"
    assert dictionary_for("EN_us") == "en_US"
    assert dictionary_for("es") == "es_ES"
    assert dictionary_for("es-MX") == "es_MX"
    assert dictionary_for("es_AR") == "es_AR"
    assert dictionary_for("es-419") == "es_MX"
    expected_british = "en_GB" if "en_GB" in available_languages() else "en_US"
    assert dictionary_for("en-GB") == expected_british


def test_no_dictionary_for_an_uninstalled_language_or_a_non_tag() -> None:
    assert dictionary_for("") is None
    assert dictionary_for("xx") is None
    assert dictionary_for("not a tag") is None
    assert speller_for("xx-YY") is None


def test_one_speller_per_dictionary_and_personal_dictionary(personal) -> None:
    assert speller_for("en", personal) is speller_for("en-US", personal)
    assert speller_for("en", personal) is not speller_for("es", personal)
    other = PersonalDictionary(personal.path.with_name("other.txt"))
    assert speller_for("en", personal) is not speller_for("en", other)


# --- English -------------------------------------------------------------------------------------


def test_english_misspelling_is_flagged_with_suggestions(english) -> None:
    text = "Bryan Joan, who is travlling from Venezuela, said he felt sad."
    assert english.misspellings(text) == [(19, 28, "travlling")]
    suggestions = english.suggest("travlling")
    assert {"traveling", "travelling"} & set(suggestions[:3])
    assert len(english.suggest("travlling", limit=1)) == 1


def test_correct_english_is_not_flagged(english) -> None:
    text = (
        "A caravan of over 1,500 migrants set out from Mexico’s southern border on Tuesday; "
        "they don’t want trouble, and they're not giving up. President-elect Trump said it's "
        "“the invasion”."
    )
    assert flagged(english, text) == []


def test_english_checks_each_part_of_a_hyphenated_word(english) -> None:
    assert flagged(english, "a self-reliannt and well-known president-elect") == ["reliannt"]


def test_apostrophes_straight_and_curly(english) -> None:
    assert flagged(english, "Mexico’s Mexico's don’t can't Venezuelans’ ‘CBP One’") == []
    assert flagged(english, "Mexcio’s") == ["Mexcio’s"]
    assert english.suggest("Mexcio’s")[0] == "Mexico’s"  # the curly apostrophe stays curly


def test_acronyms_numbers_and_single_letters_are_not_checked(english) -> None:
    text = "INM EFE CBP INM’s ONU 5pm G20 COVID-19 2023 3D x b (a) mp3"
    assert flagged(english, text) == []
    # A longer word in capitals is checked (a headline in capitals is still English).
    assert flagged(english, "BREAKING TRAVLLING NEWS") == ["TRAVLLING"]


def test_other_scripts_are_not_checked_against_a_latin_dictionary(english) -> None:
    assert flagged(english, "The word Москва and 北京 and Ελλάδα") == []


def test_combining_accents_and_soft_hyphens_stay_inside_a_word(spanish) -> None:
    decomposed = "migracio\u0301n"  # ó as o + combining acute, as some sources send it
    assert flagged(spanish, f"La {decomposed} y la mi\u00adgración") == []
    assert flagged(spanish, "la migrasio\u0301n") == ["migrasio\u0301n"]


# --- Spanish -------------------------------------------------------------------------------------


def test_spanish_misspellings_are_flagged_with_suggestions(spanish) -> None:
    text = "¿Dónde está la migrasión? ¡Qué vergüensa!"
    assert flagged(spanish, text) == ["migrasión", "vergüensa"]
    assert spanish.suggest("migrasión")[0] == "migración"
    assert "vergüenza" in spanish.suggest("vergüensa")


def test_correct_spanish_with_accents_and_inverted_marks(spanish) -> None:
    text = (
        "¿Dónde están? ¡Ya llegó la caravana! El año pasado, la migración bilingüe y la "
        "cigüeña; EE. UU. y la ONU, según el INM."
    )
    assert flagged(spanish, text) == []


def test_place_names_are_flagged_until_added_to_the_personal_dictionary(english, personal):
    text = "The contingent left Huixtla for Tapachula."
    assert flagged(english, text) == ["Huixtla", "Tapachula"]
    personal.add("Huixtla")
    personal.add("Tapachula")
    assert flagged(english, text) == []
    assert english.check_word("HUIXTLA")  # a name's capitals are accepted
    assert not english.check_word("huixtla")  # its lower case is not


# --- personal dictionary and ignore -------------------------------------------------------------


def test_personal_dictionary_persists_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "data" / "dictionary.txt"
    first = PersonalDictionary(path)
    assert first.words == frozenset()
    first.add("Sheinbaum")
    first.add("Comaltitlán")
    assert path.read_text(encoding="utf-8") == "Comaltitlán\nSheinbaum\n"
    second = PersonalDictionary(path)
    assert second.words == {"Sheinbaum", "Comaltitlán"}
    assert "Sheinbaum" in second and "Sheinbaum’s" in second
    assert "Comaltitla\u0301n" in second  # decomposed accents match too
    speller = speller_for("en", second)
    assert flagged(speller, "Sheinbaum went to Comaltitlán.") == []
    # Nothing but the word list is left in the folder (the write is atomic).
    assert [p.name for p in path.parent.iterdir()] == ["dictionary.txt"]


def test_personal_dictionary_merges_words_added_by_another_window(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    one, two = PersonalDictionary(path), PersonalDictionary(path)
    one.add("Huixtla")
    two.add("Tapachula")
    assert PersonalDictionary(path).words == {"Huixtla", "Tapachula"}


def test_personal_dictionary_case_rules(personal) -> None:
    personal.add("tuit")
    assert "tuit" in personal and "Tuit" in personal and "TUIT" in personal
    personal.add("Tapachula")
    assert "TAPACHULA" in personal
    assert "tapachula" not in personal
    assert "TaPachula" not in personal


def test_personal_dictionary_refuses_what_is_not_one_word(personal) -> None:
    for bad in ("", "   ", "two words", "line\nbreak", "#comment"):
        with pytest.raises(ValueError):
            personal.add(bad)
    assert not personal.path.exists()


def test_personal_dictionary_reads_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    path.write_bytes(b"\xef\xbb\xbfHuixtla\r\n\xff\xfe\n\n  Tapachula  \n# a comment\n")
    assert PersonalDictionary(path).words == {"Huixtla", "Tapachula"}


def test_default_personal_path_follows_xdg_data_home(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_personal_path() == tmp_path / "dateline" / "dictionary.txt"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_personal_path() == Path.home() / ".local/share/dateline/dictionary.txt"


def test_ignore_lasts_for_the_session_only(personal) -> None:
    speller = speller_for("en", personal)
    speller.ignore("Sheinbaum")
    assert flagged(speller, "Sheinbaum and Sheinbaum’s plan") == []
    assert not personal.path.exists()  # not written anywhere
    assert not Speller("en_US", personal).check_word("Sheinbaum")  # a new session flags it


# --- what is not prose ---------------------------------------------------------------------------

NOT_PROSE = [
    "Read https://www.exmple.com/migrnts?q=caravn now",
    "Read http://exmple.org/pth and www.efeagncia.com/nws too",
    "Mail jdoe.reportr@efeagncia.com now",
    "See efeagncia.com/nws and gob.mx/inmgr",
    "Follow @EFEnoticas and #Caravanna",
    'See [the report](https://exmple.com/migrnts "Titl of pge") now',
    "Photo ![](photo:p1) and ![](photo:zzqx)",
    "Inline `cde smple` and ``dbl `tck` cde`` here",
    "```pythn\ndef fnc(): pss\n```",
    "Text\n\n    indnted cde blck\n\nText",
    '<span class="xyzzy" data-ref="qwrt">here</span> <!-- commnt hre -->',
    '[ref]: http://exmple.com/xx "Tttle"',
    "A note[^ntee1] here.\n\n[^ntee1]: The note.",
    "A heading {#anchr .clss}",
    "Entities &nbsp; &eacute; &#8212; here",
    "**Bold** _and_ __strong__ ## heading",
    "Auto <https://exmple.com/migrnts> link",
]


@pytest.mark.parametrize("text", NOT_PROSE)
def test_addresses_code_and_markdown_syntax_are_not_checked(english, text: str) -> None:
    assert flagged(english, text, markdown=True) == []


def test_the_words_around_markdown_are_still_checked(english) -> None:
    text = "See [the reprt](https://exmple.com/) and **bld** `cde` ![alt txt](photo:p1) end"
    assert flagged(english, text, markdown=True) == ["reprt", "bld", "txt"]
    # Outside Markdown mode, code and link targets are words like any other; addresses are not.
    assert flagged(english, "`cde` https://exmple.com/a", markdown=False) == ["cde"]


def test_unclosed_fence_and_list_continuations_are_prose(english) -> None:
    assert flagged(english, "```\nunclosd fence", markdown=True) == ["unclosd"]
    text = "- a list item\n\n    its continuaton paragraph"
    assert flagged(english, text, markdown=True) == ["continuaton"]


def test_prose_mask_keeps_offsets_and_lines() -> None:
    text = "Line one [link](http://x.com/a)\n```\ncode\n```\nend"
    mask = prose_mask(text, markdown=True)
    assert len(mask) == len(text)
    assert mask.count("\n") == text.count("\n")
    assert mask.startswith("Line one [link") and mask.endswith("end")


# --- offsets and robustness ----------------------------------------------------------------------


def test_offsets_slice_the_misspelled_words(english) -> None:
    text = "Tge ¿qué? “Mexcio’s” migrnts —\tarrivd\n\n**travlling** at 5:00 am"
    found = english.misspellings(text, markdown=True)
    assert [w for _, _, w in found] == ["Tge", "qué", "Mexcio’s", "migrnts", "arrivd", "travlling"]
    for start, end, word in found:
        assert text[start:end] == word


_ALPHABET = st.sampled_from(
    [*"abcxyzAEIMNSTáéñüÁÑ’'-_*#`~[]()!<>/:.@&;{}^ \n\t¿¡“”0123456789", "http://", "www."]
)


@settings(max_examples=150, deadline=None)
@given(
    text=st.one_of(st.lists(_ALPHABET, max_size=80).map("".join), st.text(max_size=80)),
    markdown=st.booleans(),
)
def test_misspellings_never_raise_and_slice_words(text: str, markdown: bool) -> None:
    speller = speller_for("en")
    assert speller is not None
    found = speller.misspellings(text, markdown=markdown)
    previous_end = 0
    for start, end, word in found:
        assert text[start:end] == word
        assert start >= previous_end and end > start
        assert word[0].isalnum() or word[0] in "\u00ad" or "\u0300" <= word[0] <= "\u036f"
        assert not any(ch.isspace() for ch in word)
        previous_end = end


def test_speller_is_thread_safe(english) -> None:
    text = " ".join(["travlling migrnts arrivd caravan Mexico’s"] * 200)
    expected = english.misspellings(text)
    results: list[object] = []

    def work(i: int) -> None:
        try:
            for _ in range(5):
                english.suggest(f"travlling{'x' * i}")
                results.append(english.misspellings(text) == expected)
        except Exception as error:  # pragma: no cover - the failure is reported below
            results.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 20


def _twenty_thousand_words() -> str:
    dic = Path("/usr/share/hunspell/en_US.dic").read_text(encoding="utf-8", errors="replace")
    stems = [line.split("/")[0] for line in dic.splitlines()[1:] if line[:1].islower()]
    rng = random.Random(6)
    vocabulary = rng.sample(stems, 6000)
    words = []
    for _ in range(20_000):
        word = rng.choice(vocabulary)
        if rng.random() < 0.02 and len(word) > 3:  # a typo
            cut = rng.randrange(len(word))
            word = word[:cut] + word[cut + 1 :]
        words.append(word)
    return "\n\n".join(" ".join(words[i : i + 80]) + "." for i in range(0, 20_000, 80))


def test_a_twenty_thousand_word_body_is_checked_the_same_from_the_cache(english) -> None:
    body = _twenty_thousand_words()
    first = english.misspellings(body, markdown=True)  # fills the per-word cache
    assert first and all(body[start:end] == word for start, end, word in first)
    started = time.perf_counter()
    assert english.misspellings(body, markdown=True) == first
    # Hang guard only: about 30 ms here (80 ms at worst, 2 cores); benchmarks/checks.py times it.
    assert time.perf_counter() - started < 2


# --- the spelling check --------------------------------------------------------------------------


def test_spelling_findings_cover_every_field_with_offsets_and_fixes(english) -> None:
    article = Article(
        headline="Migrnts reach the border",
        dek="A caravn moves north",
        body="First line.\n\nThe migrants were travlling north.",
        photos=[ImageRef(id="p1", caption="Migrants on the raod", alt="A cyclist waering a cap")],
    )
    found = spelling_findings(article, english)
    where = [(f.field, f.photo_field, f.line, f.start, f.end) for f in found]
    assert where == [
        ("headline", None, None, 0, 7),
        ("dek", None, None, 2, 8),
        ("body", None, 3, 31, 40),
        ("photo:p1", "caption", None, 16, 20),
        ("photo:p1", "alt", None, 10, 17),
    ]
    body = next(f for f in found if f.field == "body")
    assert body.severity is Severity.WARNING and body.code == "spelling"
    assert "travlling" in body.message
    assert article.body[body.start : body.end] == "travlling"
    assert body.fix is not None
    assert body.fix.replacement in {"traveling", "travelling"}
    assert body.fix.label == f"Change to “{body.fix.replacement}”"
    assert (body.fix.start, body.fix.end) == (body.start, body.end)


def test_correct_article_has_no_spelling_findings(english) -> None:
    article = Article(
        headline="Migrants reach the border",
        body="The migrants were traveling north on Tuesday.",
        photos=[ImageRef(id="p1", caption="Migrants on the road", alt="A cyclist in a cap")],
    )
    assert spelling_findings(article, english) == []


def test_names_from_the_byline_and_dateline_are_accepted(english) -> None:
    article = Article(
        byline=["Juan Manuel Blanco"],
        dateline=Dateline(place="Tapachula", country="Mexico"),
        body="Blanco reports from Tapachula and Huixtla.",
    )
    assert [f.message.split("”")[0][1:] for f in spelling_findings(article, english)] == ["Huixtla"]


def test_suggestions_are_limited_but_every_word_is_reported(english) -> None:
    article = Article(body="travlling migrnts arrivd carravan")
    found = spelling_findings(article, english, suggestion_limit=2)
    assert len(found) == 4
    assert [f.fix is not None for f in found] == [True, True, False, False]


def test_check_spelling_uses_the_article_language_and_context(tmp_path) -> None:
    personal = PersonalDictionary(tmp_path / "words.txt")
    personal.add("Huixtla")

    class Context:
        personal_dictionary = personal

    spanish = Article(language="es-MX", body="La migrasión sale de Huixtla.")
    found = check_spelling(spanish, Context())
    assert [spanish.body[f.start : f.end] for f in found] == ["migrasión"]
    assert found[0].fix.replacement == "migración"
    assert "es_MX" in found[0].message
    bound = spelling_check(personal)
    assert [f.start for f in bound(spanish, None)] == [found[0].start]


def test_check_spelling_without_a_dictionary_is_a_note() -> None:
    found = check_spelling(Article(language="xx", body="whatever"), None)
    assert [(f.severity, f.code, f.field) for f in found] == [
        (Severity.NOTE, "spelling-no-dictionary", "article")
    ]


def test_check_spelling_runs_in_the_registry() -> None:
    article = Article(headline="Migrants", body="They were travlling.")
    found = run_checks(article, CheckContext(), extra=[check_spelling])
    assert [f.code for f in found if f.field == "body"] == ["spelling"]
    assert not [f for f in found if f.code == "check-failed"]


def test_efe_sample_spelling() -> None:
    article = caravan().article
    found = check_spelling(article, None)
    words = {
        (f.field, (article.headline if f.field == "headline" else article.body)[f.start : f.end])
        for f in found
    }
    assert ("body", "travlling") in words
    travlling = next(f for f in found if f.fix and f.fix.replacement == "traveling")
    assert travlling.line is not None
    assert article.body.splitlines()[travlling.line - 1].count("travlling") == 1
    # Names the en_US dictionary lacks; the dateline's Tapachula is accepted in the text.
    names = {"Huixtla", "Sheinbaum", "Cárdenas", "José", "Fabiola", "Comaltitlán"}
    assert words <= {("headline", "México"), ("body", "travlling")} | {
        ("body", name) for name in names
    }


def test_typos_may_take_only_suggestions_worked_out_before(personal) -> None:
    speller = speller_for("en", personal)
    assert speller is not None
    # Typos no other test uses: the engine remembers suggestions for the whole process.
    article = Article(language="en", headline="Caravan nortward", body="They walkedd on.")
    unsuggested: list[str] = []
    first = spelling_findings(article, speller, unsuggested=unsuggested)
    assert [f.fix for f in first if f.code == "spelling"] == [None, None]
    assert unsuggested == ["nortward", "walkedd"]
    assert speller.known_suggestions("walkedd") is None
    for word in unsuggested:
        speller.suggest(word, limit=1)
    unsuggested.clear()
    again = spelling_findings(article, speller, unsuggested=unsuggested)
    assert [f.fix.replacement for f in again if f.fix] == ["northward", "walked"]
    assert unsuggested == []
    # Without the list (``dateline check``), suggestions are worked out at once.
    assert spelling_findings(article, speller) == again
