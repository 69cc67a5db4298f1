"""Hostile .docx files: one clear IngestError or a clean result, never a hang, a crash or a file
written anywhere. Each file is built here from a sound python-docx document."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image

from editor.ingest.docx_package import MAX_XML_DEPTH, MAX_XML_ELEMENTS
from editor.ingest.docx_story import read_docx
from editor.ingest.text import IngestError

DOCUMENT = "word/document.xml"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def jpeg(size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 80, 40)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture(scope="module")
def sound_docx() -> bytes:
    document = Document()
    document.add_heading("A sound story", level=0)
    document.add_paragraph("The lead paragraph.")
    document.add_picture(io.BytesIO(jpeg()), width=Cm(4))
    document.add_paragraph("A caption under the photo.", style="Caption")
    document.add_paragraph("The last paragraph.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rebuilt(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> bytes:
    """The same package with parts replaced, added (names written as given) or dropped."""
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(zipfile.ZipInfo(name), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def body_xml(inner: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f"<w:document {W}><w:body>{inner}</w:body></w:document>"
    ).encode()


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def read(data: bytes):  # type: ignore[no-untyped-def]
    return read_docx(data, "story.docx")


def test_the_sound_document_reads(sound_docx: bytes) -> None:
    story = read(sound_docx)
    assert story.headline == "A sound story"
    assert [image.caption for image in story.images] == ["A caption under the photo."]


def test_not_a_zip_and_old_doc_are_refused() -> None:
    with pytest.raises(IngestError, match="not a Word document"):
        read(b"just some text")
    with pytest.raises(IngestError, match=r"old Word \.doc"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))


def test_a_zip_without_a_document_is_refused(sound_docx: bytes) -> None:
    with pytest.raises(IngestError, match=r"no word/document\.xml"):
        read(rebuilt(sound_docx, drop=(DOCUMENT,)))


def test_zip_bomb_part_is_refused_before_it_is_unpacked(sound_docx: bytes) -> None:
    bomb = rebuilt(sound_docx, add={"word/media/filler.bin": bytes(20 * 1024 * 1024)})
    assert len(bomb) < 200_000
    with pytest.raises(IngestError, match="zip bomb"):
        read(bomb)


def test_oversized_document_part_is_refused(sound_docx: bytes) -> None:
    huge = body_xml(paragraph("word " * 7_000_000))
    with pytest.raises(IngestError, match=r"word/document\.xml' unpacks to more than 32 MB"):
        read(rebuilt(sound_docx, replace={DOCUMENT: huge}))


@pytest.mark.parametrize(
    "entry", ["../../evil.xml", "/tmp/evil.xml", "word/../../evil.xml", "..\\evil.xml", "C:evil"]
)
def test_zip_slip_names_are_refused_and_nothing_is_written(
    sound_docx: bytes, entry: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    hostile = rebuilt(sound_docx, add={entry: b"<x/>"})
    with pytest.raises(IngestError, match="points outside it"):
        read(hostile)
    assert os.listdir(tmp_path) == []


def test_external_entity_is_refused(sound_docx: bytes) -> None:
    xxe = body_xml(
        paragraph("&xxe;"),
        prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>',
    )
    with pytest.raises(IngestError, match="declares a DTD or entities"):
        read(rebuilt(sound_docx, replace={DOCUMENT: xxe}))


@pytest.mark.parametrize("part", [DOCUMENT, "[Content_Types].xml"])
def test_an_unknown_declared_encoding_is_one_line(sound_docx: bytes, part: str) -> None:
    """Found by the fuzz test: the XML parser raised LookupError("unknown encoding")."""
    damaged = b'<?xml version="1.0" encoding="TF-8"?><w:document/>'
    with pytest.raises(IngestError, match="is damaged"):
        read(rebuilt(sound_docx, replace={part: damaged}))


def test_entity_expansion_in_any_part_is_refused(sound_docx: bytes) -> None:
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "lol"}">' for n in range(10))
    styles = (
        f'<?xml version="1.0"?><!DOCTYPE w:styles [{laughs}]>'
        f"<w:styles {W}><w:style><w:name w:val='&l9;'/></w:style></w:styles>"
    ).encode()
    with pytest.raises(IngestError, match=r"word/styles\.xml' declares a DTD"):
        read(rebuilt(sound_docx, replace={"word/styles.xml": styles}))


def test_a_bare_dtd_is_refused(sound_docx: bytes) -> None:
    with_dtd = body_xml(paragraph("text"), prolog="<!DOCTYPE w:document>")
    with pytest.raises(IngestError, match="declares a DTD"):
        read(rebuilt(sound_docx, replace={DOCUMENT: with_dtd}))


def nested_tables(depth: int) -> str:
    opening = "<w:tbl><w:tr><w:tc>" * depth
    closing = "<w:p/></w:tc></w:tr></w:tbl>" * depth
    return opening + paragraph("deep") + closing


def test_ten_thousand_deep_table_is_refused_quickly(sound_docx: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(IngestError, match="nests elements too deep"):
        read(rebuilt(sound_docx, replace={DOCUMENT: body_xml(nested_tables(10_000))}))
    assert time.perf_counter() - started < 10


def test_nesting_just_under_the_limit_reads_cleanly(sound_docx: bytes) -> None:
    # document, body, then three levels a table, then the paragraph, run and text.
    depth = (MAX_XML_DEPTH - 5) // 3
    story = read(rebuilt(sound_docx, replace={DOCUMENT: body_xml(nested_tables(depth))}))
    assert "deep" in story.body_html
    assert story.body_html.count("<table>") == depth


def test_a_broken_photo_is_a_warning_and_its_caption_stays(sound_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sound_docx)) as archive:
        photo = next(name for name in archive.namelist() if name.startswith("word/media/"))
        cut = archive.read(photo)[:300]
    story = read(rebuilt(sound_docx, replace={photo: cut}))
    assert story.images == []
    assert len(story.warnings) == 1 and story.warnings[0].startswith("Photo left out:")
    assert "docx-image" not in story.body_html
    assert "<p>A caption under the photo.</p>" in story.body_html


def test_a_decompression_bomb_photo_is_a_warning(sound_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sound_docx)) as archive:
        photo = next(name for name in archive.namelist() if name.startswith("word/media/"))
    # A PNG header that claims 100,000 x 100,000 pixels, with almost nothing behind it.
    png = io.BytesIO()
    Image.new("1", (1, 1)).save(png, "PNG")
    header = bytearray(png.getvalue())
    header[16:24] = (100_000).to_bytes(4, "big") * 2
    story = read(rebuilt(sound_docx, replace={photo: bytes(header)}))
    assert story.images == []
    assert story.warnings and "Photo left out" in story.warnings[0]


def test_unsafe_links_keep_their_text_only(sound_docx: bytes) -> None:
    rels_name = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(io.BytesIO(sound_docx)) as archive:
        rels = archive.read(rels_name).decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdJs" TargetMode="External" Target="javascript:alert(1)" Type="'
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
        "</Relationships>",
    )
    link = (
        '<w:p><w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships" r:id="rIdJs"><w:r><w:t>click here</w:t></w:r></w:hyperlink></w:p>'
    )
    document = body_xml(paragraph("Headline") + paragraph("A lead of some length.") + link)
    story = read(rebuilt(sound_docx, replace={DOCUMENT: document, rels_name: rels.encode()}))
    assert "click here" in story.body_html
    assert "javascript" not in story.body_html and "<a" not in story.body_html
    assert "1 link that did not point to a web or mail address kept only their text" in (
        story.notes
    )


def test_a_linked_picture_outside_the_document_is_never_opened(
    sound_docx: bytes, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(jpeg())
    rels_name = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(io.BytesIO(sound_docx)) as archive:
        rels = archive.read(rels_name).decode()
        document = archive.read(DOCUMENT).decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdOut" TargetMode="External" Target="{secret.as_uri()}" Type="'
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
        "</Relationships>",
    )
    # The document's one picture now points at a file on the disk instead of its own part.
    document = document.replace('r:embed="', 'r:link="rIdOut" r:unused="', 1)
    story = read(rebuilt(sound_docx, replace={DOCUMENT: document.encode(), rels_name: rels}))
    assert story.images == []
    assert any("outside the document was not opened" in warning for warning in story.warnings)


def test_a_broken_inline_photo_leaves_the_words_around_it() -> None:
    document = Document()
    document.add_heading("A story", level=0)
    line = document.add_paragraph("Before the picture ")
    line.add_run().add_picture(io.BytesIO(jpeg()), width=Cm(1))
    line.add_run(" and after it.")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        photo = next(name for name in archive.namelist() if name.startswith("word/media/"))
    story = read(rebuilt(out.getvalue(), replace={photo: b"\xff\xd8\xff broken"}))
    assert story.images == [] and len(story.warnings) == 1
    assert story.body_html == "<p>Before the picture  and after it.</p>\n"


def test_xml_hidden_in_a_picture_part_is_checked_too(sound_docx: bytes) -> None:
    # The document's styles relationship may name any part: here a ".png" holding a DTD.
    rels_name = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(io.BytesIO(sound_docx)) as archive:
        rels = archive.read(rels_name).decode()
    assert 'Target="styles.xml"' in rels
    rels = rels.replace('Target="styles.xml"', 'Target="media/styles.png"')
    styles = (
        '<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        f"<w:styles {W}><w:style><w:name w:val='&x;'/></w:style></w:styles>"
    ).encode()
    hostile = rebuilt(
        sound_docx, replace={rels_name: rels.encode()}, add={"word/media/styles.png": styles}
    )
    with pytest.raises(IngestError, match=r"word/media/styles\.png' declares a DTD"):
        read(hostile)


def test_a_document_too_big_for_the_reader_is_refused_quickly(sound_docx: bytes) -> None:
    # 440,000 elements in 4 MB: the reader would take about a minute over it.
    many = body_xml(paragraph("x") * 110_000)
    assert MAX_XML_ELEMENTS < 440_000
    started = time.perf_counter()
    with pytest.raises(IngestError, match="too long or too complex for a story"):
        read(rebuilt(sound_docx, replace={DOCUMENT: many}))
    assert time.perf_counter() - started < 10
