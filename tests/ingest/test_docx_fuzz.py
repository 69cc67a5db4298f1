"""Damaged .docx files (bytes cut or changed anywhere, in the zip or inside its XML): every
one is read cleanly or refused with IngestError, never another exception."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ingest.docx_story import read_docx
from editor.ingest.text import IngestError

FIXTURE = (
    Path(__file__).parents[1] / "data" / "intake" / "docx" / "libreoffice-story.docx"
).read_bytes()
with zipfile.ZipFile(io.BytesIO(FIXTURE)) as _archive:
    PARTS = {info.filename: _archive.read(info) for info in _archive.infolist()}
XML_PARTS = sorted(name for name in PARTS if name.endswith((".xml", ".rels")))


def read_or_refuse(data: bytes) -> None:
    try:
        read_docx(data, "fuzzed.docx")
    except IngestError as error:
        assert "\n" not in str(error)


def with_part(name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in PARTS.items():
            archive.writestr(part, content if part == name else data)
    return out.getvalue()


fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.integers(0, len(FIXTURE) - 1), st.binary(min_size=1, max_size=8))
def test_bytes_changed_in_the_file(position: int, junk: bytes) -> None:
    read_or_refuse(FIXTURE[:position] + junk + FIXTURE[position + len(junk) :])


@fuzz
@given(st.integers(0, len(FIXTURE)))
def test_file_cut_short(length: int) -> None:
    read_or_refuse(FIXTURE[:length])


@fuzz
@given(st.sampled_from(XML_PARTS), st.data())
def test_xml_changed_inside_a_sound_zip(name: str, data: st.DataObject) -> None:
    original = PARTS[name]
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    junk = data.draw(
        st.one_of(
            st.binary(max_size=12),
            st.sampled_from([b"<", b">", b"&", b"<w:p>", b"</w:r>", b'"', b"<w:tbl>", b"\x00"]),
        )
    )
    read_or_refuse(with_part(name, original[:start] + junk + original[end:]))
