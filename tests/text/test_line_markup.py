"""The body highlighting's reading of one line (editor.text.line_markup), without Qt."""

from __future__ import annotations

from editor.text.line_markup import (
    NORMAL,
    Role,
    fence_state,
    is_fence_state,
    line_markup,
)


def roles_of(text: str, state: int = NORMAL) -> dict[str, Role]:
    """Each marked piece of ``text`` and its roles (pieces marked twice: their roles joined)."""
    found: dict[str, Role] = {}
    for start, end, role in line_markup(text, state).spans:
        piece = text[start:end]
        found[piece] = found.get(piece, Role(0)) | role
    return found


def test_subheads_have_their_level_and_dimmed_hashes() -> None:
    for hashes in ("#", "##", "###", "####"):
        markup = line_markup(f"{hashes} A subhead")
        assert markup.heading == len(hashes)
        assert markup.spans == [(0, len(hashes) + 1, Role.MARKER)]
    closed = line_markup("## Closed ##")
    assert closed.heading == 2
    assert roles_of("## Closed ##")[" ##"] == Role.MARKER
    assert line_markup("#hashtag").heading == 0
    assert line_markup("    # indented code, not a subhead").heading == 0


def test_emphasis_and_strong_with_dimmed_markers() -> None:
    found = roles_of("Some *em* and **strong** and __also__ _this_ snake_case_name")
    assert found["em"] == Role.EMPHASIS
    assert found["strong"] == Role.STRONG
    assert found["also"] == Role.STRONG
    assert found["this"] == Role.EMPHASIS
    assert found["*"] == Role.MARKER and found["**"] == Role.MARKER
    assert "case" not in found and "_name" not in found  # an underscore inside a word
    both = roles_of("***both***")
    assert both["both"] == Role.STRONG
    assert both["**both**"] == Role.EMPHASIS  # inside the emphasis: bold and italic
    assert roles_of("2 * 3 * 4") == {}  # stars with spaces both sides are arithmetic


def test_links_autolinks_and_reference_links() -> None:
    found = roles_of("See [the INM](https://www.gob.mx/inm) and [EFE][efe] or <https://efe.com>.")
    assert found["the INM"] == Role.LINK
    assert found["](https://www.gob.mx/inm)"] == Role.ADDRESS | Role.MARKER
    assert found["EFE"] == Role.LINK
    assert found["][efe]"] == Role.ADDRESS | Role.MARKER
    assert found["https://efe.com"] == Role.LINK
    assert found["<"] == Role.MARKER and found[">"] == Role.MARKER
    assert roles_of("[efe]: https://efe.com") == {"[efe]: https://efe.com": Role.MARKER}


def test_quotes_lists_and_rules() -> None:
    found = roles_of("> “A quote,” she said.")
    assert found["> "] == Role.MARKER
    assert found["“A quote,” she said."] == Role.QUOTE
    assert roles_of("> > nested")["> > "] == Role.MARKER
    assert roles_of("- a point")["-"] == Role.MARKER
    assert roles_of("12. a step")["12."] == Role.MARKER
    assert roles_of("* * *") == {"* * *": Role.MARKER}
    assert roles_of("-not a list") == {}


def test_code_spans_are_code_and_hide_what_is_inside() -> None:
    found = roles_of("Type `**not bold**` here")
    assert found["`**not bold**`"] == Role.CODE
    assert found["`"] == Role.MARKER
    assert "not bold" not in found


def test_fenced_code_carries_its_state_to_the_closing_fence() -> None:
    opening = line_markup("```python")
    assert is_fence_state(opening.state)
    inside = line_markup("x = **1**  # [not](a link)", opening.state)
    assert inside.spans == [(0, 26, Role.CODE)]
    assert inside.state == opening.state
    assert is_fence_state(line_markup("~~~", opening.state).state)  # another kind of fence
    assert is_fence_state(line_markup("``", opening.state).state)  # too short
    assert line_markup("````", opening.state).state == NORMAL
    tilde = fence_state("~~~~")
    assert line_markup("~~~", tilde).state == tilde
    assert line_markup("~~~~~", tilde).state == NORMAL
    assert line_markup("``` a ` b").state == NORMAL  # a backtick fence's info has no backtick


def test_photo_placements_name_their_photo() -> None:
    markup = line_markup("![](photo:p2)")
    assert markup.photo_id == "p2"
    assert markup.spans == [(0, 13, Role.PLACEMENT | Role.MARKER)]
    assert line_markup('![A caption](PHOTO:lead "title")').photo_id == "lead"
    assert line_markup("![](https://example.org/a.jpg)").photo_id is None
    assert line_markup("`![](photo:p2)`").photo_id is None  # code places nothing


def test_tk_and_editors_notes_are_marked() -> None:
    found = roles_of("The toll is TK, says [[check with the INM]] and TKTK.")
    assert found["TK"] == Role.NOTE
    assert found["TKTK"] == Role.NOTE
    assert found["[[check with the INM]]"] == Role.NOTE
    assert roles_of("TKO and ATK are words") == {}


def test_escaped_markers_are_text() -> None:
    found = roles_of(r"\*not em\*")
    assert "not em" not in found
    assert found["\\"] == Role.MARKER
