"""make_renditions / make_all_renditions: sizes, crop, privacy, embedded fields, workers."""

from __future__ import annotations

import dataclasses
import io
import pickle

import pyexiv2
import pytest
from PIL import Image, ImageDraw, IptcImagePlugin

from editor.media.embed import NewsroomFields
from editor.media.errors import MediaError
from editor.media.metadata import read_metadata
from editor.media.renditions import (
    RENDITION_WIDTHS,
    Rendition,
    RenditionJob,
    make_all_renditions,
    make_renditions,
    output_widths,
)
from editor.model.article import Crop

from locations import DATA

HOSTILE = DATA / "hostile-images"
ROCKET = DATA / "images" / "rocket.jpg"

RED = (220, 30, 30)
GREY = (128, 128, 128)

CAPTION = "Migrantes caminan hacia Tapachula, México, con Ana Cárdenas"
CREDIT = "EFE/Juan Cárdenas"
COPYRIGHT = "© 2024 Agencia EFE"
ALT = "Una multitud camina por una carretera"
BYLINE = "Juan Manuel Cárdenas"

SERIAL = "SN-4471-PRIVATE"
OWNER = "Owner Private-Name"
MAKER_NOTE = b"MAKERNOTE-PRIVATE-BLOB"


def encoded(image: Image.Image, format: str = "JPEG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def card(size: tuple[int, int]) -> Image.Image:
    """Grey with a red top-left quarter, so crops and turns can be seen."""
    picture = Image.new("RGB", size, GREY)
    ImageDraw.Draw(picture).rectangle((0, 0, size[0] // 4, size[1] // 4), fill=RED)
    return picture


def job(data: bytes, **changes: object) -> RenditionJob:
    words: dict[str, object] = {
        "caption": CAPTION,
        "credit": CREDIT,
        "copyright": COPYRIGHT,
        "alt": ALT,
        "byline": BYLINE,
    }
    settings: dict[str, object] = {
        "photo_id": "p1",
        "data": data,
        "name": "photo.jpg",
        "crop": None,
    }
    for name, value in changes.items():
        is_word = name in {field.name for field in dataclasses.fields(NewsroomFields)}
        (words if is_word else settings)[name] = value
    return RenditionJob(**settings, fields=NewsroomFields(**words))  # type: ignore[arg-type]


def opened(rendition: Rendition) -> Image.Image:
    image = Image.open(io.BytesIO(rendition.data), formats=[rendition.format])
    image.load()
    return image


def read_with_pyexiv2(data: bytes) -> tuple[dict, dict, dict]:
    image = pyexiv2.ImageData(data)
    try:
        return image.read_exif(), image.read_iptc(), image.read_xmp()
    finally:
        image.close()


def private_camera_jpeg(size: tuple[int, int] = (900, 600)) -> bytes:
    """A phone photo's worst case: GPS, serial number, owner name, maker notes, a comment."""
    exif = Image.Exif()
    exif[0x013B] = OWNER  # Artist
    exif[0x0112] = 1
    camera = exif.get_ifd(0x8769)
    camera[0xA431] = SERIAL  # BodySerialNumber
    camera[0xA430] = OWNER  # CameraOwnerName
    camera[0x927C] = MAKER_NOTE  # MakerNote
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (14.0, 54.0, 18.0), 3: "W", 4: (92.0, 15.0, 36.0)})
    return encoded(card(size), exif=exif, comment=f"taken by {OWNER}".encode())


# --- sizes and crops ---------------------------------------------------------------------------


def test_widths_never_exceed_the_cropped_photo() -> None:
    assert output_widths(RENDITION_WIDTHS, 3000) == [768, 1024, 1536, 2048]
    assert output_widths(RENDITION_WIDTHS, 2048) == [768, 1024, 1536, 2048]
    # 1,000 px: only the 768 rung; no 1,000 px copy off the ladder, nothing enlarged.
    assert output_widths(RENDITION_WIDTHS, 1000) == [768]
    assert output_widths(RENDITION_WIDTHS, 500) == [500]
    assert output_widths((), 500) == []


def test_one_jpeg_and_one_webp_per_width() -> None:
    renditions = make_renditions(job(encoded(card((1100, 700)))))
    assert [(r.width, r.height, r.format, r.mime, r.extension) for r in renditions] == [
        (768, 489, "JPEG", "image/jpeg", "jpg"),
        (768, 489, "WEBP", "image/webp", "webp"),
        (1024, 652, "JPEG", "image/jpeg", "jpg"),
        (1024, 652, "WEBP", "image/webp", "webp"),
    ]
    for rendition in renditions:
        assert opened(rendition).size == (rendition.width, rendition.height)


def test_small_photo_gets_one_rendition_at_its_own_width() -> None:
    renditions = make_renditions(job((HOSTILE / "hopper.jpg").read_bytes()))
    assert [(r.width, r.height) for r in renditions] == [(128, 128), (128, 128)]


def test_crop_is_applied_to_the_upright_photo() -> None:
    crop = Crop(left=0.0, top=0.0, right=0.5, bottom=0.25)
    renditions = make_renditions(job(encoded(card((3200, 2400))), crop=crop))
    widths = sorted({r.width for r in renditions})
    assert widths == [768, 1024, 1536]  # the crop is 1,600 px wide
    for rendition in renditions:
        assert rendition.height / rendition.width == pytest.approx(600 / 1600, abs=0.002)
    # The crop's top half is the red block (800 x 600 of its 1,600 x 600).
    picture = opened(renditions[0]).convert("RGB")
    assert picture.getpixel((100, 100))[0] > 180 and picture.getpixel((100, 100))[1] < 80
    assert picture.getpixel((700, 100))[0] < 160


def test_turned_photo_is_upright_before_the_crop() -> None:
    upright = card((1200, 800))
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encoded(upright.transpose(Image.Transpose.ROTATE_90), exif=exif)
    renditions = make_renditions(job(data, crop=Crop(0.0, 0.0, 1.0, 0.5)))
    assert (renditions[0].width, renditions[0].height) == (768, 256)
    picture = opened(renditions[0]).convert("RGB")
    assert picture.getpixel((20, 20))[0] > 180  # red block top-left
    assert picture.getpixel((740, 20))[0] < 160


def test_empty_crop_is_refused() -> None:
    with pytest.raises(MediaError, match=r"photo\.jpg cannot be cropped"):
        make_renditions(job(encoded(card((900, 600))), crop=Crop(0.5, 0.0, 0.5, 1.0)))


def test_big_jpeg_is_decoded_small_and_still_sharp_enough() -> None:
    """5,000 px wide: the 2,048 rendition comes from a half-scale (2,500 px) decode."""
    renditions = make_renditions(job(encoded(card((5000, 3000)), quality=80)))
    assert max(r.width for r in renditions) == 2048
    assert opened(renditions[-1]).size == (2048, 1229)


# --- what the renditions carry -----------------------------------------------------------------


def test_no_exif_from_the_original_reaches_any_rendition() -> None:
    source = private_camera_jpeg()
    assert read_metadata(Image.open(io.BytesIO(source))).gps is not None
    renditions = make_renditions(job(source))
    assert {r.format for r in renditions} == {"JPEG", "WEBP"}
    for rendition in renditions:
        assert not opened(rendition).getexif()
        exif, _, _ = read_with_pyexiv2(rendition.data)
        assert exif == {}
        assert not any(key.startswith(("Exif.GPSInfo", "Exif.Photo")) for key in exif)
        for secret in (SERIAL.encode(), OWNER.encode(), MAKER_NOTE):
            assert secret not in rendition.data


def test_jpeg_carries_caption_credit_and_copyright_in_iptc_and_xmp() -> None:
    jpeg = next(r for r in make_renditions(job(private_camera_jpeg())) if r.format == "JPEG")
    _, iptc, xmp = read_with_pyexiv2(jpeg.data)
    assert iptc["Iptc.Envelope.CharacterSet"] == "\x1b%G"
    assert iptc["Iptc.Application2.Caption"] == CAPTION
    assert iptc["Iptc.Application2.Byline"] == [BYLINE]
    assert iptc["Iptc.Application2.Credit"] == CREDIT
    assert iptc["Iptc.Application2.Copyright"] == COPYRIGHT
    assert xmp["Xmp.dc.description"] == {'lang="x-default"': CAPTION}
    assert xmp["Xmp.photoshop.Credit"] == CREDIT
    assert xmp["Xmp.dc.rights"] == {'lang="x-default"': COPYRIGHT}
    assert xmp["Xmp.dc.creator"] == [BYLINE]
    assert xmp["Xmp.iptc.AltTextAccessibility"] == {'lang="x-default"': ALT}

    # What WordPress and other IIM readers see: Pillow's own IPTC reader, raw UTF-8 bytes.
    pillow_iptc = IptcImagePlugin.getiptcinfo(opened(jpeg)) or {}
    assert pillow_iptc[(2, 120)].decode() == CAPTION
    assert pillow_iptc[(2, 110)].decode() == CREDIT
    assert pillow_iptc[(2, 116)].decode() == COPYRIGHT


def test_webp_carries_the_fields_in_xmp() -> None:
    webp = next(r for r in make_renditions(job(private_camera_jpeg())) if r.format == "WEBP")
    _, iptc, xmp = read_with_pyexiv2(webp.data)
    assert iptc == {}  # WebP has no place for IPTC-IIM
    assert xmp["Xmp.dc.description"] == {'lang="x-default"': CAPTION}
    assert xmp["Xmp.photoshop.Credit"] == CREDIT
    assert xmp["Xmp.iptc.AltTextAccessibility"] == {'lang="x-default"': ALT}


@pytest.mark.parametrize("format", ["JPEG", "WEBP"])
def test_dateline_reads_its_own_renditions_back(format: str) -> None:
    rendition = next(r for r in make_renditions(job(private_camera_jpeg())) if r.format == format)
    metadata = read_metadata(Image.open(io.BytesIO(rendition.data)))
    assert metadata.caption == CAPTION
    assert metadata.credit == CREDIT
    assert metadata.copyright == COPYRIGHT
    assert metadata.alt == ALT
    assert metadata.byline == BYLINE
    assert metadata.gps is None


def test_hostile_field_text_is_cleaned_before_it_is_written() -> None:
    renditions = make_renditions(
        job(encoded(card((800, 600))), caption="Line one\x00\nline two", credit="type=Seq EFE")
    )
    _, iptc, xmp = read_with_pyexiv2(renditions[0].data)
    assert iptc["Iptc.Application2.Caption"] == "Line one\nline two"
    # Exiv2 would take a leading "type=" for a type declaration: left to IPTC instead.
    assert iptc["Iptc.Application2.Credit"] == "type=Seq EFE"
    assert "Xmp.photoshop.Credit" not in xmp


def test_empty_fields_write_nothing() -> None:
    bare = job(encoded(card((800, 600))), caption="", credit="", copyright="", alt="", byline="")
    _, iptc, xmp = read_with_pyexiv2(make_renditions(bare)[0].data)
    assert iptc == {} and xmp == {}


def test_cmyk_photo_is_not_inverted() -> None:
    renditions = make_renditions(job((HOSTILE / "pil_sample_cmyk.jpg").read_bytes()))
    picture = opened(renditions[0]).convert("RGB")
    red, green, blue = picture.getpixel((2, 2))
    assert red > 200 and green < 80 and blue < 80
    assert max(picture.getpixel((97, 97))) < 60


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("truncated_jpeg.jpg", "stops part way"),
        ("decompression_bomb.gif", "too many to be a real photo"),
        ("zero_bytes.jpg", "the file is empty"),
        ("broken.png", "is damaged"),
    ],
)
def test_unusable_files_are_refused_as_on_import(name: str, reason: str) -> None:
    with pytest.raises(MediaError, match=reason):
        make_renditions(job((HOSTILE / name).read_bytes(), name=name))


def test_truncated_jpeg_is_refused_at_the_smallest_decode_scale() -> None:
    noise = Image.effect_noise((3400, 1200), 50).convert("RGB")
    data = encoded(noise, quality=85, progressive=True)
    for cut in (len(data) // 3, len(data) - 2):
        with pytest.raises(MediaError, match="stops part way"):
            make_renditions(job(data[:cut], widths=(400,)))  # decoded at 1/8


def test_same_job_gives_the_same_bytes() -> None:
    first = make_renditions(job(ROCKET.read_bytes()))
    second = make_renditions(job(ROCKET.read_bytes()))
    assert [r.data for r in first] == [r.data for r in second]


def test_jobs_and_renditions_pickle() -> None:
    rocket_job = job(ROCKET.read_bytes(), crop=Crop(0.1, 0.1, 0.9, 0.9))
    assert pickle.loads(pickle.dumps(rocket_job)) == rocket_job
    rendition = make_renditions(rocket_job)[0]
    assert pickle.loads(pickle.dumps(rendition)) == rendition


def test_rendition_jpegs_are_progressive() -> None:
    jpeg = next(r for r in make_renditions(job(ROCKET.read_bytes())) if r.format == "JPEG")
    assert opened(jpeg).info.get("progressive")


# --- many photos -------------------------------------------------------------------------------


def batch(count: int) -> list[RenditionJob]:
    sizes = [(900 + 37 * n, 600 + 11 * n) for n in range(count)]
    return [
        job(encoded(card(size)), photo_id=f"p{n}", widths=(256, 512))
        for n, size in enumerate(sizes)
    ]


def test_serial_run_reports_progress_and_keys_by_photo_id() -> None:
    jobs = batch(3)
    seen: list[tuple[int, int]] = []
    results = make_all_renditions(jobs, parallel=False, progress=lambda *step: seen.append(step))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert sorted(results) == ["p0", "p1", "p2"]
    assert [r.width for r in results["p0"]] == [256, 256, 512, 512]


def test_serial_run_stops_when_cancelled() -> None:
    jobs = batch(4)
    done: list[int] = []
    results = make_all_renditions(
        jobs,
        parallel=False,
        progress=lambda finished, _total: done.append(finished),
        cancelled=lambda: len(done) >= 1,
    )
    assert list(results) == ["p0"]


def test_bad_photo_stops_the_run_with_its_message() -> None:
    jobs = [*batch(1), job(b"", photo_id="bad", name="empty.jpg")]
    with pytest.raises(MediaError, match=r"empty\.jpg is not a photo"):
        make_all_renditions(jobs, parallel=False)


@pytest.mark.slow
def test_worker_processes_give_the_same_bytes_as_one_by_one() -> None:
    jobs = batch(4)
    seen: list[tuple[int, int]] = []
    in_processes = make_all_renditions(
        jobs, max_workers=2, progress=lambda *step: seen.append(step)
    )
    one_by_one = make_all_renditions(jobs, parallel=False)
    assert sorted(in_processes) == sorted(one_by_one)
    for photo_id, renditions in one_by_one.items():
        assert [r.data for r in in_processes[photo_id]] == [r.data for r in renditions]
    assert [done for done, _ in seen] == [1, 2, 3, 4]


def test_worker_processes_stop_early_when_cancelled() -> None:
    jobs = batch(12)
    finished: list[int] = []
    results = make_all_renditions(
        jobs,
        max_workers=2,
        progress=lambda done, _total: finished.append(done),
        cancelled=lambda: bool(finished),
    )
    assert 1 <= len(results) < len(jobs)


def test_worker_processes_raise_a_bad_photo_s_error() -> None:
    jobs = [*batch(2), job(b"", photo_id="bad", name="empty.jpg")]
    with pytest.raises(MediaError, match=r"empty\.jpg is not a photo: the file is empty"):
        make_all_renditions(jobs, max_workers=2)


class _CrashOnArrival:
    """Unpickles in the worker as a hard exit: a stand-in for a decoder that crashes."""

    def __reduce__(self) -> tuple[object, tuple[int]]:
        import os

        return (os._exit, (3,))


def test_crashed_worker_is_reported_as_a_media_error() -> None:
    crashing = job(
        encoded(card((900, 600))), photo_id="x", name="crash.jpg", crop=_CrashOnArrival()
    )
    with pytest.raises(MediaError, match=r"crash\.jpg.*: the published copies could not be made"):
        make_all_renditions([crashing, *batch(1)], max_workers=2)


DETAILS: dict[str, object] = {
    "city": "Tapachula",
    "country": "México",
    "keywords": ("migrantes", "caravana"),
    "date_taken": "2024-12-03T09:41:07-06:00",
    "source": "EFE",
    "instructions": "Embargoed until 12:00 GMT",
    "persons": ("Ana Pérez",),
}


def test_jpeg_carries_the_desk_details_in_iptc_and_xmp() -> None:
    renditions = make_renditions(job(private_camera_jpeg(), **DETAILS))
    jpeg = next(r for r in renditions if r.format == "JPEG")
    _, iptc, xmp = read_with_pyexiv2(jpeg.data)
    assert iptc["Iptc.Application2.City"] == "Tapachula"
    assert iptc["Iptc.Application2.CountryName"] == "México"
    assert iptc["Iptc.Application2.Keywords"] == ["migrantes", "caravana"]
    assert iptc["Iptc.Application2.DateCreated"] == "2024-12-03"
    assert iptc["Iptc.Application2.TimeCreated"] == "09:41:07-06:00"
    assert iptc["Iptc.Application2.Source"] == "EFE"
    assert iptc["Iptc.Application2.SpecialInstructions"] == "Embargoed until 12:00 GMT"
    assert xmp["Xmp.photoshop.City"] == "Tapachula"
    assert xmp["Xmp.photoshop.Country"] == "México"
    assert xmp["Xmp.dc.subject"] == ["migrantes", "caravana"]
    assert xmp["Xmp.photoshop.DateCreated"] == "2024-12-03T09:41:07-06:00"
    assert xmp["Xmp.photoshop.Source"] == "EFE"
    assert xmp["Xmp.photoshop.Instructions"] == "Embargoed until 12:00 GMT"
    assert xmp["Xmp.iptcExt.PersonInImage"] == ["Ana Pérez"]
    assert not any("GPS" in key for key in (*iptc, *xmp))


@pytest.mark.parametrize("format", ["JPEG", "WEBP"])
def test_dateline_reads_the_desk_details_back(format: str) -> None:
    renditions = make_renditions(job(private_camera_jpeg(), **DETAILS))
    rendition = next(r for r in renditions if r.format == format)
    metadata = read_metadata(Image.open(io.BytesIO(rendition.data)))
    assert (metadata.city, metadata.country) == ("Tapachula", "México")
    assert metadata.keywords == ("migrantes", "caravana")
    assert metadata.date_created == "2024-12-03T09:41:07-06:00"
    assert (metadata.source, metadata.instructions) == ("EFE", "Embargoed until 12:00 GMT")
    assert metadata.persons == ("Ana Pérez",)
    assert metadata.gps is None


def test_a_date_that_is_not_iso_8601_or_has_no_zone_is_written_only_where_it_is_true() -> None:
    typed = make_renditions(job(encoded(card((800, 600))), date_taken="last Tuesday"))
    _, iptc, xmp = read_with_pyexiv2(typed[0].data)
    assert "Iptc.Application2.DateCreated" not in iptc
    assert "Xmp.photoshop.DateCreated" not in xmp
    local = make_renditions(job(encoded(card((800, 600))), date_taken="2024-12-03T09:41"))
    _, iptc, xmp = read_with_pyexiv2(local[0].data)
    assert iptc["Iptc.Application2.DateCreated"] == "2024-12-03"
    assert "Iptc.Application2.TimeCreated" not in iptc  # Exiv2 would call it UTC
    assert xmp["Xmp.photoshop.DateCreated"] == "2024-12-03T09:41"
