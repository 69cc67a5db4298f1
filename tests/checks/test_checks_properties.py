"""Properties of the checks on arbitrary stories: no check ever fails, and every finding (and
its fix) lies inside the text it names."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from editor.checks.findings import Finding
from editor.checks.registry import CheckContext, CheckSettings, run_checks
from editor.model.article import Article, Crop, Dateline, ImageRef
from editor.model.media_store import MediaStore
from editor.text.body_scan import scan_body

# Pieces that stress the Markdown reading: quotes of every kind, brackets, code, links, notes.
PIECES = [
    "the", "The", "TK", "a", " ", "  ", "\n", "\n\n", "\t", "    ", "“", "”", "‘", "’", '"', "'",
    "«", "»", "„", "¿", "?", "¡", "!", "(", ")", "[", "]", "[[", "]]", "`", "```", "~~~", "<!--",
    "-->", "<b>", "</b>", "<img src='x'>", "*", "**", "_", "#", "> ", "1) ", "- ", "|", ":)",
    "https://x.org/a_(b)", "www.efe.com", "a@b.co", "![](photo:p1)", "![](photo:zz)", "![x](y)",
    "[t](u)", "[](u)", "[t]()", "[t][r]", "[r]: https://r.org", "*[INM]: x", "[^1]", "NOTE:",
    "EDITOR'S NOTE", "el", "de", "que", "la", "中文", "\\", "é", "\u00a0", "\r",
]  # fmt: skip

bodies = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
)
short_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.text(max_size=40)
)


@st.composite
def articles(draw: st.DrawFn) -> tuple[Article, CheckContext]:
    media = MediaStore()
    photos = []
    for index in range(draw(st.integers(0, 3))):
        present = draw(st.booleans())
        photos.append(
            ImageRef(
                id=f"p{index + 1}",
                original_name=draw(st.sampled_from(["", "a.jpg", "/up/b c.png"])),
                media_path=media.add_bytes(bytes([index]), "jpg") if present else "",
                width=draw(st.one_of(st.none(), st.integers(1, 5000))),
                height=draw(st.one_of(st.none(), st.integers(1, 5000))),
                caption=draw(short_text),
                credit=draw(short_text),
                alt=draw(st.one_of(short_text, st.text(min_size=240, max_size=300))),
                featured=draw(st.booleans()),
                crop=draw(st.one_of(st.none(), st.just(Crop(0.1, 0.1, 0.5, 0.9)))),
                has_gps=draw(st.booleans()),
            )
        )
    article = Article(
        headline=draw(st.one_of(short_text, st.text(min_size=60, max_size=120))),
        dek=draw(short_text),
        byline=draw(st.lists(short_text, max_size=2)),
        dateline=draw(st.sampled_from([Dateline(), Dateline(place="Tapachula")])),
        slug=draw(short_text),
        language=draw(st.sampled_from(["en", "es", "es-MX", "de", "zh", "xx", ""])),
        body=draw(bodies),
        photos=photos,
    )
    target = draw(st.one_of(st.none(), st.tuples(st.integers(0, 50), st.integers(0, 50))))
    return article, CheckContext(CheckSettings(target_words=target), media)


def field_text(article: Article, finding: Finding) -> str | None:
    """The text a finding's offsets point into (None: it has no offsets to check)."""
    if finding.field == "body":
        return article.body
    if finding.field.startswith("photo:"):
        image = article.photo(finding.field.removeprefix("photo:"))
        assert image is not None, finding
        return None if finding.photo_field is None else getattr(image, finding.photo_field)
    if finding.field in ("headline", "dek", "slug"):
        return getattr(article, finding.field)
    return None


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_checks_never_fail_and_findings_lie_inside_their_field(
    story: tuple[Article, CheckContext],
) -> None:
    article, context = story
    findings = run_checks(article, context)
    assert "check-failed" not in {f.code for f in findings}, findings
    for finding in findings:
        assert finding.code and finding.message and finding.field
        text = field_text(article, finding)
        if finding.start is not None or finding.end is not None:
            assert text is not None, finding
            assert finding.start is not None and finding.end is not None
            assert 0 <= finding.start <= finding.end <= len(text), finding
        if finding.field == "body" and finding.start is not None:
            assert finding.line == article.body.count("\n", 0, finding.start) + 1, finding
        if finding.fix is not None:
            assert text is not None, finding
            assert 0 <= finding.fix.start <= finding.fix.end <= len(text), finding


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(bodies)
def test_the_prose_copy_keeps_length_and_lines(body: str) -> None:
    scan = scan_body(body)
    assert len(scan.prose) == len(body)
    assert [i for i, c in enumerate(scan.prose) if c == "\n"] == [
        i for i, c in enumerate(body) if c == "\n"
    ]
    for start, end in scan.masked_spans:
        assert 0 <= start < end <= len(body)
        assert set(scan.prose[start:end]) <= {" ", "\n"}
