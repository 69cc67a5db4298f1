"""read_metadata: IPTC-IIM first, then XMP and EXIF; hostile text cleaned, XML attacks refused."""

from __future__ import annotations

import io
import time

import pyexiv2
import pytest
from PIL import Image, PngImagePlugin, TiffImagePlugin, TiffTags

from editor.media.iptc_iim import parse_iim
from editor.media.metadata import PhotoMetadata, read_metadata
from editor.media.text import MAX_FIELD_CHARS, MAX_KEYWORDS, clean_text

ARTIST = 0x013B
COPYRIGHT = 0x8298
IMAGE_DESCRIPTION = 0x010E
EXIF_IFD = 0x8769
GPS_IFD = 0x8825
DATE_TIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011


def jpeg(exif: Image.Exif | None = None, **options: object) -> bytes:
    buffer = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    Image.new("RGB", (16, 12), "teal").save(buffer, "JPEG", **options)
    return buffer.getvalue()


def metadata_of(data: bytes) -> PhotoMetadata:
    return read_metadata(Image.open(io.BytesIO(data)))


def iim_dataset(record: int, number: int, value: bytes) -> bytes:
    return bytes((0x1C, record, number)) + len(value).to_bytes(2, "big") + value


def jpeg_with_iim(block: bytes, plain: bytes | None = None) -> bytes:
    """A JPEG whose Photoshop APP13 segment holds ``block`` as its IPTC resource (0x0404)."""
    padding = b"\x00" if len(block) % 2 else b""
    resource = b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00"
    resource += len(block).to_bytes(4, "big") + block + padding
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload
    plain = plain or jpeg()
    return plain[:2] + segment + plain[2:]


def with_pyexiv2(data: bytes, *, iptc: dict | None = None, xmp: dict | None = None) -> bytes:
    image = pyexiv2.ImageData(data)
    try:
        if iptc:
            image.modify_iptc(iptc)
        if xmp:
            image.modify_xmp(xmp)
        return image.get_bytes()
    finally:
        image.close()


def located_exif() -> Image.Exif:
    exif = Image.Exif()
    # Cameras write UTF-8 into these ASCII fields; Pillow would write "?" for a str.
    exif[ARTIST] = "Ana Cárdenas".encode()
    exif[COPYRIGHT] = "© 2024 Agencia EFE".encode()
    exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = "2024:12:03 09:41:07"
    exif.get_ifd(EXIF_IFD)[OFFSET_TIME_ORIGINAL] = "-06:00"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (14.0, 54.0, 18.0)  # Tapachula, Mexico
    gps[3] = "W"
    gps[4] = (92.0, 15.0, 36.0)
    return exif


# --- EXIF --------------------------------------------------------------------------------------


def test_exif_artist_copyright_time_and_gps() -> None:
    metadata = metadata_of(jpeg(located_exif()))
    assert metadata.byline == "Ana Cárdenas"
    assert metadata.copyright == "© 2024 Agencia EFE"
    assert metadata.date_created == "2024-12-03T09:41:07-06:00"
    assert metadata.gps is not None
    latitude, longitude = metadata.gps
    assert latitude == pytest.approx(14.905, abs=1e-6)
    assert longitude == pytest.approx(-92.26, abs=1e-6)


def test_exif_gps_south_and_east() -> None:
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (33.0, 52.0, 4.0), 3: "E", 4: (151.0, 12.0, 36.0)})
    latitude, longitude = metadata_of(jpeg(exif)).gps or (0.0, 0.0)
    assert latitude == pytest.approx(-33.867778, abs=1e-6)
    assert longitude == pytest.approx(151.21, abs=1e-6)


@pytest.mark.parametrize(
    "latitude",
    [
        (TiffImagePlugin.IFDRational(14, 0), 0.0, 0.0),  # zero denominator
        (91.0, 0.0, 0.0),  # off the globe
        (14.0, 54.0, 18.0, 1.0),  # four parts
    ],
)
def test_unusable_gps_is_left_out(latitude: object) -> None:
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: latitude, 3: "W", 4: (92.0, 15.0, 36.0)})
    assert metadata_of(jpeg(exif)).gps is None


def test_camera_boilerplate_description_is_not_a_caption() -> None:
    exif = Image.Exif()
    exif[IMAGE_DESCRIPTION] = "OLYMPUS DIGITAL CAMERA         "
    assert metadata_of(jpeg(exif)).caption == ""
    exif[IMAGE_DESCRIPTION] = "Migrants rest in Tapachula"
    assert metadata_of(jpeg(exif)).caption == "Migrants rest in Tapachula"


def test_exif_copyright_keeps_both_of_its_parts() -> None:
    exif = Image.Exif()
    exif[COPYRIGHT] = "Photographer Co\x00Editor Co"
    assert metadata_of(jpeg(exif)).copyright == "Photographer Co / Editor Co"


# --- XMP ---------------------------------------------------------------------------------------


def test_xmp_alt_text_description_and_credit() -> None:
    data = with_pyexiv2(
        jpeg(),
        xmp={
            "Xmp.dc.description": {
                'lang="es"': "Migrantes en Tapachula",
                'lang="x-default"': "Migrants in Tapachula",
            },
            "Xmp.photoshop.Credit": "EFE/Juan Manuel Blanco",
            "Xmp.iptc.AltTextAccessibility": {'lang="x-default"': "A crowd walks on a road"},
            "Xmp.dc.creator": ["Juan Manuel Blanco", "Ana Cárdenas"],
            "Xmp.dc.rights": {'lang="x-default"': "© EFE"},
        },
    )
    metadata = metadata_of(data)
    assert metadata.caption == "Migrants in Tapachula"
    assert metadata.credit == "EFE/Juan Manuel Blanco"
    assert metadata.alt == "A crowd walks on a road"
    assert metadata.byline == "Juan Manuel Blanco, Ana Cárdenas"
    assert metadata.copyright == "© EFE"


def test_xmp_in_a_png_text_chunk() -> None:
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        ' photoshop:Credit="NASA"/></rdf:RDF></x:xmpmeta>'
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", packet)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG", pnginfo=info)
    assert metadata_of(buffer.getvalue()).credit == "NASA"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">&lol9;</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<photoshop:Credit>&secret;</photoshop:Credit>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


@pytest.mark.parametrize("packet", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "external"])
def test_xml_entity_attacks_are_not_expanded(packet: bytes) -> None:
    data = with_pyexiv2(jpeg_with_iim(iim_dataset(2, 90, b"Budapest")))
    data = data[:2] + _app1_xmp(packet) + data[2:]
    started = time.perf_counter()
    metadata = metadata_of(data)
    # Hang guard against expanding the entities: reading takes under 1 ms here.
    assert time.perf_counter() - started < 5
    assert metadata.caption == "" and metadata.credit == ""
    assert metadata.city == "Budapest"  # the rest of the file is still read


def _app1_xmp(packet: bytes) -> bytes:
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + packet
    return b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload


def test_malformed_xmp_is_ignored() -> None:
    data = jpeg()
    data = data[:2] + _app1_xmp(b"<x:xmpmeta><unclosed>") + data[2:]
    assert metadata_of(data) == PhotoMetadata()


# --- IPTC-IIM ----------------------------------------------------------------------------------


def test_iptc_wins_over_xmp_and_exif() -> None:
    exif = Image.Exif()
    exif[IMAGE_DESCRIPTION] = "EXIF description"
    exif[ARTIST] = "EXIF Artist"
    exif[COPYRIGHT] = "EXIF Copyright"
    data = with_pyexiv2(
        jpeg(exif),
        iptc={
            "Iptc.Envelope.CharacterSet": "\x1b%G",
            "Iptc.Application2.Caption": "Caravana en Tapachula, México",
            "Iptc.Application2.Byline": ["Juan Manuel Blanco"],
            "Iptc.Application2.Credit": "EFE",
            "Iptc.Application2.Source": "EFE Mexico",
            "Iptc.Application2.Copyright": "© EFE 2024",
            "Iptc.Application2.DateCreated": "2024-12-03",
        },
        xmp={
            "Xmp.dc.description": {'lang="x-default"': "XMP description"},
            "Xmp.photoshop.Credit": "XMP credit",
        },
    )
    metadata = metadata_of(data)
    assert metadata.caption == "Caravana en Tapachula, México"
    assert metadata.byline == "Juan Manuel Blanco"
    assert metadata.credit == "EFE"
    assert metadata.source == "EFE Mexico"
    assert metadata.copyright == "© EFE 2024"
    assert metadata.date_created == "2024-12-03"


def test_iptc_declared_utf8_is_decoded_as_utf8() -> None:
    block = iim_dataset(1, 90, b"\x1b%G") + iim_dataset(2, 120, "Cárdenas ñ 中文".encode())
    assert metadata_of(jpeg_with_iim(block)).caption == "Cárdenas ñ 中文"


def test_iptc_without_a_character_set_is_utf8_when_valid_else_windows_1252() -> None:
    utf8 = iim_dataset(2, 80, "Cárdenas".encode())
    assert metadata_of(jpeg_with_iim(utf8)).byline == "Cárdenas"
    legacy = iim_dataset(2, 80, "Cárdenas".encode("cp1252")) + iim_dataset(
        2, 110, "“EFE”".encode("cp1252")
    )
    metadata = metadata_of(jpeg_with_iim(legacy))
    assert metadata.byline == "Cárdenas"
    assert metadata.credit == "“EFE”"


def test_iptc_declared_utf8_with_bad_bytes_does_not_fail() -> None:
    block = iim_dataset(1, 90, b"\x1b%G") + iim_dataset(2, 120, b"Bad \xff\xfe bytes")
    assert metadata_of(jpeg_with_iim(block)).caption == "Bad \ufffd\ufffd bytes"


def test_control_characters_are_stripped_and_caption_lines_kept() -> None:
    block = (
        iim_dataset(2, 120, b"First line\x00\r\nSecond\x07 line\x1b")
        + iim_dataset(2, 110, b"E\x00F\nE")
        + iim_dataset(2, 25, b"\x00\x00")
        + iim_dataset(2, 25, b"mig\x01rants")
    )
    metadata = metadata_of(jpeg_with_iim(block))
    assert metadata.caption == "First line\nSecond line"
    assert metadata.credit == "EF E"
    assert metadata.keywords == ("migrants",)


def test_fields_and_keywords_are_capped() -> None:
    block = iim_dataset(2, 120, b"x" * 6000) + b"".join(
        iim_dataset(2, 25, f"keyword {n}".encode()) for n in range(MAX_KEYWORDS + 50)
    )
    metadata = metadata_of(jpeg_with_iim(block))
    assert len(metadata.caption) == MAX_FIELD_CHARS
    assert len(metadata.keywords) == MAX_KEYWORDS


def test_iim_parser_keeps_what_precedes_damage() -> None:
    block = iim_dataset(2, 90, b"Tapachula") + b"\x1c\x02\x65\x00\x40Mex"  # claims 64, has 3
    assert parse_iim(block) == {(2, 90): [b"Tapachula"]}
    assert parse_iim(b"\x00\x00garbage") == {}


def test_iim_parser_reads_extended_lengths() -> None:
    value = b"y" * 40_000
    block = b"\x1c\x02\x78\x80\x04" + len(value).to_bytes(4, "big") + value
    assert parse_iim(block) == {(2, 120): [value]}
    # An extended length whose size field is absurd is treated as damage, not trusted.
    assert parse_iim(b"\x1c\x02\x78\xff\xff" + b"z" * 10) == {}


def test_iptc_in_a_tiff() -> None:
    block = iim_dataset(2, 90, b"Budapest") + iim_dataset(2, 101, b"Hungary")
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[33723] = block
    info.tagtype[33723] = TiffTags.UNDEFINED
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "TIFF", tiffinfo=info)
    metadata = metadata_of(buffer.getvalue())
    assert (metadata.city, metadata.country) == ("Budapest", "Hungary")


def test_iptc_date_must_be_a_real_date() -> None:
    exif = Image.Exif()
    exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = "2024:12:03 09:41:07"
    with_bad_date = jpeg_with_iim(iim_dataset(2, 55, b"20241399"), jpeg(exif))
    assert metadata_of(with_bad_date).date_created == "2024-12-03T09:41:07"


def test_no_metadata_gives_empty_fields() -> None:
    assert metadata_of(jpeg()) == PhotoMetadata()


def test_clean_text_keeps_words_and_drops_controls() -> None:
    assert clean_text("  Ana\tCárdenas\x00 ") == "Ana Cárdenas"
    assert clean_text("a\n\n\n\nb", multiline=True) == "a\n\nb"
    assert clean_text("a\nb") == "a b"
    assert clean_text("\x85\x9bC1 controls") == "C1 controls"


# --- The desk's details: place, keywords, date, source, instructions, persons ------------------

DESK_IPTC = {
    "Iptc.Envelope.CharacterSet": "\x1b%G",
    "Iptc.Application2.City": "Tapachula",
    "Iptc.Application2.CountryName": "México",
    "Iptc.Application2.Keywords": ["migrantes", "caravana"],
    "Iptc.Application2.DateCreated": "2024-12-03",
    "Iptc.Application2.TimeCreated": "09:41:07-06:00",
    "Iptc.Application2.Source": "EFE Mexico",
    "Iptc.Application2.SpecialInstructions": "Embargoed until 12:00 GMT",
}


def test_iptc_gives_the_desk_details() -> None:
    metadata = metadata_of(with_pyexiv2(jpeg(), iptc=DESK_IPTC))
    assert (metadata.city, metadata.country) == ("Tapachula", "México")
    assert metadata.keywords == ("migrantes", "caravana")
    assert metadata.date_created == "2024-12-03T09:41:07-06:00"  # 2:55 with 2:60's time
    assert metadata.source == "EFE Mexico"
    assert metadata.instructions == "Embargoed until 12:00 GMT"
    assert metadata.persons == ()


def test_xmp_gives_the_desk_details_and_wins_over_iptc() -> None:
    xmp = {
        "Xmp.photoshop.City": "Ciudad Hidalgo",
        "Xmp.photoshop.Country": "Mexico",
        "Xmp.dc.subject": ["migrants", "border"],
        "Xmp.photoshop.DateCreated": "2024-12-04T07:15:00-06:00",
        "Xmp.photoshop.Source": "EFE",
        "Xmp.photoshop.Instructions": "No archive",
        "Xmp.iptcExt.PersonInImage": ["Ana Pérez", "Luis Gómez"],
    }
    metadata = metadata_of(with_pyexiv2(jpeg(), iptc=DESK_IPTC, xmp=xmp))
    assert (metadata.city, metadata.country) == ("Ciudad Hidalgo", "Mexico")
    assert metadata.keywords == ("migrants", "border")
    assert metadata.date_created == "2024-12-04T07:15:00-06:00"
    assert metadata.source == "EFE"
    assert metadata.instructions == "No archive"
    assert metadata.persons == ("Ana Pérez", "Luis Gómez")


def test_iptc_fills_what_xmp_leaves_empty() -> None:
    xmp = {"Xmp.photoshop.City": "Ciudad Hidalgo", "Xmp.photoshop.DateCreated": "not a date"}
    metadata = metadata_of(with_pyexiv2(jpeg(), iptc=DESK_IPTC, xmp=xmp))
    assert metadata.city == "Ciudad Hidalgo"
    assert metadata.country == "México"
    assert metadata.date_created == "2024-12-03T09:41:07-06:00"  # the bad XMP date is ignored


def test_hostile_desk_details_are_cleaned_and_capped() -> None:
    xmp = {
        "Xmp.photoshop.Instructions": "Hold\x07 " + "z" * 6000,
        "Xmp.iptcExt.PersonInImage": [f"Person {n}" for n in range(MAX_KEYWORDS + 20)],
        "Xmp.dc.subject": ["", "war\x00", "war"],
    }
    metadata = metadata_of(with_pyexiv2(jpeg(), xmp=xmp))
    assert metadata.instructions.startswith("Hold") and "\x07" not in metadata.instructions
    assert len(metadata.instructions) == MAX_FIELD_CHARS
    assert len(metadata.persons) == MAX_KEYWORDS
    assert metadata.keywords == ("war",)


def test_xmp_location_coordinates_are_never_read() -> None:
    xmp = {
        "Xmp.exif.GPSLatitude": "14,54.3N",
        "Xmp.exif.GPSLongitude": "92,15.6W",
        "Xmp.photoshop.City": "Tapachula",
    }
    metadata = metadata_of(with_pyexiv2(jpeg(), xmp=xmp))
    assert metadata.city == "Tapachula"
    assert metadata.gps is None
    assert "54" not in repr(metadata)
