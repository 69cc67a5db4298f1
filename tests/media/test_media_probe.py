"""prepare_photo: every hostile file handled as samples/README.md asks, upright and sRGB."""

from __future__ import annotations

import io
import pickle
import struct
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageOps, ImageStat

from editor.media.decode import decode_first_frame, open_photo
from editor.media.errors import MediaError
from editor.media.probe import DISPLAY_SIDE, THUMBNAIL_SIDE, PreparedPhoto, prepare_photo
from editor.media.scaling import draft_scale

from locations import DATA

HOSTILE = DATA / "hostile-images"

RED = (220, 30, 30)
BLUE = (30, 30, 220)
GREY = (128, 128, 128)

# What must be done to the upright picture so that a viewer applying EXIF orientation N shows
# it upright again (EXIF 2.32, tag 0x0112); 6 is a phone held upright, 8 the other way.
STORED_FOR_ORIENTATION = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def hostile(name: str) -> bytes:
    return (HOSTILE / name).read_bytes()


def decoded(jpeg: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(jpeg), formats=["JPEG"])
    image.load()
    return image


def encoded(image: Image.Image, format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()


def mean_difference(first: Image.Image, second: Image.Image) -> float:
    difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    return sum(ImageStat.Stat(difference).mean) / 3


def noisy_picture(size: tuple[int, int]) -> Image.Image:
    """Photographic enough that JPEG has real scans to cut through."""
    noise = Image.effect_noise(size, 50).convert("RGB")
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    return Image.blend(gradient, noise, 0.5)


def upright_test_card() -> Image.Image:
    """60x40: red block top-left, blue block bottom-right, so any turn or flip shows."""
    card = Image.new("RGB", (60, 40), GREY)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, 17, 11), fill=RED)
    draw.rectangle((44, 30, 59, 39), fill=BLUE)
    return card


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


# --- the shared hostile set -------------------------------------------------------------------


def test_plain_jpeg() -> None:
    photo = prepare_photo(hostile("hopper.jpg"), "hopper.jpg")
    assert (photo.format, photo.extension, photo.mime) == ("JPEG", "jpg", "image/jpeg")
    assert (photo.width, photo.height, photo.frame_count) == (128, 128, 1)
    assert photo.notes == ()
    # Never enlarged: a 128-pixel photo stays 128 pixels in both derived images.
    assert decoded(photo.thumbnail).size == (128, 128)
    assert decoded(photo.display).size == (128, 128)


def test_orientation_6_is_shown_upright() -> None:
    plain = decoded(prepare_photo(hostile("hopper.jpg"), "hopper.jpg").display)
    turned = prepare_photo(hostile("hopper_orientation_6.jpg"), "hopper_orientation_6.jpg")
    stored = Image.open(HOSTILE / "hopper_orientation_6.jpg")
    assert (turned.width, turned.height) == (stored.height, stored.width)
    upright = decoded(turned.display)
    # The same picture as the unrotated control (JPEG noise apart), unlike the stored pixels.
    assert mean_difference(upright, plain) < 12
    assert mean_difference(stored, plain) > 40


def test_orientation_8_turns_a_2x1_rectangle_into_1x2() -> None:
    photo = prepare_photo(hostile("orientation_rectangle.jpg"), "orientation_rectangle.jpg")
    assert (photo.width, photo.height) == (1, 2)
    assert decoded(photo.display).size == (1, 2)
    assert decoded(photo.thumbnail).size == (1, 2)


def test_cmyk_jpeg_is_not_inverted() -> None:
    """Pillow's own test of this file: red in the top-left corner, black in the bottom-right.

    It is red lettering on black, so an inverted decode would be cyan on white: a bright
    average and a cyan corner. Both checks are far from any threshold either way.
    """
    photo = prepare_photo(hostile("pil_sample_cmyk.jpg"), "pil_sample_cmyk.jpg")
    display = decoded(photo.display)
    assert display.mode == "RGB"
    red, green, blue = display.getpixel((2, 2))
    assert red > 200 and green < 80 and blue < 80
    assert max(display.getpixel((97, 97))) < 60
    assert sum(ImageStat.Stat(display).mean) / 3 < 60
    assert any("CMYK" in note for note in photo.notes)


def test_iptc_block_prefills_place_and_keywords() -> None:
    metadata = prepare_photo(hostile("iptc.jpg"), "iptc.jpg").metadata
    assert metadata.city == "Budapest"
    assert metadata.country == "Hungary"
    assert metadata.keywords == ("HvK", "2006", "summer", "July", "holiday", "Hungary", "Budapest")


def test_truncated_progressive_jpeg_is_refused() -> None:
    with pytest.raises(MediaError) as error:
        prepare_photo(hostile("truncated_jpeg.jpg"), "truncated_jpeg.jpg")
    assert str(error.value) == "truncated_jpeg.jpg is damaged: the picture data stops part way"


def test_decompression_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(MediaError) as error:
        prepare_photo(hostile("decompression_bomb.gif"), "decompression_bomb.gif")
    # Hang guard against decoding it: refusing takes under 1 ms here (11 ms on a first call).
    assert time.perf_counter() - started < 5
    assert str(error.value) == (
        "decompression_bomb.gif was refused: it claims 4,364,696,535 pixels,"
        " too many to be a real photo"
    )


def test_empty_file_is_refused() -> None:
    with pytest.raises(MediaError) as error:
        prepare_photo(hostile("zero_bytes.jpg"), "zero_bytes.jpg")
    assert str(error.value) == "zero_bytes.jpg is not a photo: the file is empty"


def test_broken_png_is_refused() -> None:
    with pytest.raises(MediaError) as error:
        prepare_photo(hostile("broken.png"), "broken.png")
    assert str(error.value).startswith("broken.png is damaged: ")


def test_transparent_png_is_flattened_on_white() -> None:
    source = Image.open(HOSTILE / "transparent.png")
    assert source.getpixel((0, 0))[3] == 0  # the corner really is transparent
    photo = prepare_photo(hostile("transparent.png"), "transparent.png")
    thumbnail = decoded(photo.thumbnail)
    assert thumbnail.mode == "RGB"
    assert min(thumbnail.getpixel((0, 0))) > 245
    assert "transparent areas are shown on white" in photo.notes


def test_animated_gif_uses_the_first_frame_and_says_so() -> None:
    photo = prepare_photo(hostile("iss634.gif"), "iss634.gif")
    assert photo.frame_count == 42
    assert any("42 frames" in note and "first frame" in note for note in photo.notes)
    first = Image.open(HOSTILE / "iss634.gif").convert("RGB")
    assert mean_difference(decoded(photo.display), first) < 8


def test_png_bytes_named_jpg_are_read_as_png() -> None:
    photo = prepare_photo(hostile("hopper_png_bytes_named.jpg"), "hopper_png_bytes_named.jpg")
    assert (photo.format, photo.extension, photo.mime) == ("PNG", "png", "image/png")


HANDLED = {
    "hopper.jpg": test_plain_jpeg,
    "hopper_orientation_6.jpg": test_orientation_6_is_shown_upright,
    "orientation_rectangle.jpg": test_orientation_8_turns_a_2x1_rectangle_into_1x2,
    "pil_sample_cmyk.jpg": test_cmyk_jpeg_is_not_inverted,
    "iptc.jpg": test_iptc_block_prefills_place_and_keywords,
    "truncated_jpeg.jpg": test_truncated_progressive_jpeg_is_refused,
    "decompression_bomb.gif": test_decompression_bomb_is_refused_at_once,
    "zero_bytes.jpg": test_empty_file_is_refused,
    "broken.png": test_broken_png_is_refused,
    "transparent.png": test_transparent_png_is_flattened_on_white,
    "iss634.gif": test_animated_gif_uses_the_first_frame_and_says_so,
    "hopper_png_bytes_named.jpg": test_png_bytes_named_jpg_are_read_as_png,
}


def test_every_hostile_file_has_a_test() -> None:
    assert sorted(path.name for path in HOSTILE.iterdir()) == sorted(HANDLED)


@pytest.mark.parametrize("name", sorted(HANDLED))
def test_hostile_file_is_imported_or_refused_in_one_line(name: str) -> None:
    try:
        photo = prepare_photo(hostile(name), name)
    except MediaError as error:
        message = str(error)
        assert message.startswith(name + " ") and "\n" not in message
    else:
        assert decoded(photo.thumbnail).mode == "RGB"
        assert max(decoded(photo.display).size) <= DISPLAY_SIDE


# --- orientation ------------------------------------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_shown_upright(orientation: int) -> None:
    upright = upright_test_card()
    method = STORED_FOR_ORIENTATION[orientation]
    stored = upright if method is None else upright.transpose(method)
    exif = Image.Exif()
    exif[0x0112] = orientation
    data = encoded(stored, "JPEG", quality=95, subsampling=0, exif=exif)
    # The test's own table agrees with Pillow's reading of the tag.
    assert mean_difference(ImageOps.exif_transpose(Image.open(io.BytesIO(data))), upright) < 4

    photo = prepare_photo(data, f"orientation_{orientation}.jpg")
    assert (photo.width, photo.height) == (60, 40)
    for jpeg in (photo.display, photo.thumbnail):
        shown = decoded(jpeg)
        assert shown.size == (60, 40)
        assert near(shown.getpixel((4, 4)), RED)
        assert near(shown.getpixel((55, 35)), BLUE)
        assert near(shown.getpixel((55, 4)), GREY)
        assert near(shown.getpixel((4, 35)), GREY)


# --- formats, modes, sizes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
        b'\xef\xbb\xbf  <?xml version="1.0"?><!DOCTYPE svg><svg onload="x()"/>',
    ],
)
def test_svg_is_refused_whatever_its_name(text: bytes) -> None:
    with pytest.raises(MediaError) as error:
        prepare_photo(text, "drawing.svg")
    assert str(error.value) == (
        "drawing.svg is not supported: SVG drawings can carry scripts; export it as PNG"
    )
    with pytest.raises(MediaError, match="SVG drawings"):
        prepare_photo(text, "innocent.jpg")


def test_text_file_is_not_a_photo() -> None:
    with pytest.raises(MediaError) as error:
        prepare_photo(b"Dear desk, the photos follow.", "notes.jpg")
    assert str(error.value) == (
        "notes.jpg is not a photo: it is not a JPEG, PNG, GIF, WebP or TIFF picture"
    )


def test_phone_heic_is_refused_with_advice() -> None:
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    with pytest.raises(MediaError, match=r"^IMG_0001\.HEIC is not supported: HEIC .* JPEG$"):
        prepare_photo(heic, "IMG_0001.HEIC")


def test_decoders_outside_the_five_are_never_used() -> None:
    bitmap = encoded(Image.new("RGB", (8, 8), "red"), "BMP")
    with pytest.raises(MediaError, match="not supported"):
        prepare_photo(bitmap, "scan.bmp")
    icon = encoded(Image.new("RGB", (16, 16), "red"), "ICO")
    with pytest.raises(MediaError, match="is not a photo"):
        prepare_photo(icon, "favicon.jpg")


def test_message_names_only_the_file_on_one_line() -> None:
    with pytest.raises(MediaError) as error:
        prepare_photo(b"", "/home/reporter/Desktop/evil\nname\x00.jpg")
    assert str(error.value) == "evil name .jpg is not a photo: the file is empty"


def test_sixteen_bit_png_keeps_its_tones() -> None:
    ramp = Image.new("I;16", (256, 16))
    ramp.putdata([x * 257 for _ in range(16) for x in range(256)])
    photo = prepare_photo(encoded(ramp, "PNG"), "ramp16.png")
    thumbnail = decoded(photo.thumbnail).convert("L")
    # Mid-grey stays mid-grey (a clipping conversion would make nearly all of it white).
    assert 110 < thumbnail.getpixel((128, 8)) < 146
    assert thumbnail.getpixel((2, 8)) < 20
    assert thumbnail.getpixel((253, 8)) > 235


def test_palette_png_keeps_its_colours() -> None:
    picture = upright_test_card().convert("P", palette=Image.Palette.ADAPTIVE, colors=8)
    photo = prepare_photo(encoded(picture, "PNG"), "palette.png")
    thumbnail = decoded(photo.thumbnail)
    assert near(thumbnail.getpixel((4, 4)), RED)
    assert near(thumbnail.getpixel((55, 35)), BLUE)


def test_palette_png_with_a_transparent_colour_is_flattened_on_white() -> None:
    picture = Image.new("P", (40, 40), 0)
    picture.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
    ImageDraw.Draw(picture).rectangle((20, 0, 39, 39), fill=1)
    photo = prepare_photo(encoded(picture, "PNG", transparency=0), "logo.png")
    thumbnail = decoded(photo.thumbnail)
    assert min(thumbnail.getpixel((5, 20))) > 245
    assert near(thumbnail.getpixel((30, 20)), (200, 30, 30))


def test_grey_with_alpha_is_flattened_on_white() -> None:
    picture = Image.new("LA", (40, 40), (0, 0))
    ImageDraw.Draw(picture).rectangle((20, 0, 39, 39), fill=(60, 255))
    photo = prepare_photo(encoded(picture, "PNG"), "mask.png")
    thumbnail = decoded(photo.thumbnail)
    assert min(thumbnail.getpixel((5, 20))) > 245
    assert near(thumbnail.getpixel((30, 20)), (60, 60, 60), 10)
    assert "transparent areas are shown on white" in photo.notes


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_transparent_colour_key_is_flattened_on_white(mode: str) -> None:
    """PNG's tRNS chunk marks one colour transparent without any alpha channel."""
    picture = Image.new("RGB", (40, 40), (0, 0, 0))
    ImageDraw.Draw(picture).rectangle((20, 0, 39, 39), fill=(90, 90, 90))
    picture = picture.convert(mode)
    key = (0, 0, 0) if mode == "RGB" else 0
    photo = prepare_photo(encoded(picture, "PNG", transparency=key), "keyed.png")
    thumbnail = decoded(photo.thumbnail)
    assert min(thumbnail.getpixel((5, 20))) > 245
    assert near(thumbnail.getpixel((30, 20)), (90, 90, 90), 10)


def test_multi_picture_jpeg_counts_as_one_jpeg() -> None:
    """Phones save depth maps or stereo pairs as MPO: a JPEG with extra pictures after it."""
    card = upright_test_card()
    data = encoded(card, "MPO", save_all=True, append_images=[card.rotate(180)])
    photo = prepare_photo(data, "portrait-mode.jpg")
    assert (photo.format, photo.extension, photo.frame_count, photo.notes) == ("JPEG", "jpg", 1, ())
    assert near(decoded(photo.display).getpixel((4, 4)), RED)


def test_opaque_alpha_gets_no_transparency_note() -> None:
    photo = prepare_photo(encoded(Image.new("RGBA", (8, 8), (1, 2, 3, 255)), "PNG"), "a.png")
    assert photo.notes == ()


@pytest.mark.parametrize(
    ("format", "expected"),
    [
        ("WEBP", "animated WebP with 3 frames: the first frame is used"),
        ("PNG", "animated PNG with 3 frames: the first frame is used"),
        ("TIFF", "TIFF with 3 pages: the first page is used"),
    ],
)
def test_other_multi_frame_files_use_the_first_frame(format: str, expected: str) -> None:
    frames = [Image.new("RGB", (32, 24), colour) for colour in (RED, BLUE, GREY)]
    data = encoded(frames[0], format, save_all=True, append_images=frames[1:])
    photo = prepare_photo(data, f"moving.{format.lower()}")
    assert photo.frame_count == 3
    assert expected in photo.notes
    assert near(decoded(photo.display).getpixel((16, 12)), RED)


def test_tiff_and_webp_stills_are_read() -> None:
    card = upright_test_card()
    tiff = prepare_photo(encoded(card, "TIFF", compression="tiff_lzw"), "card.tiff")
    webp = prepare_photo(encoded(card, "WEBP", lossless=True), "card.webp")
    assert (tiff.format, tiff.extension, tiff.mime) == ("TIFF", "tif", "image/tiff")
    assert (webp.format, webp.extension, webp.mime) == ("WEBP", "webp", "image/webp")
    for photo in (tiff, webp):
        assert near(decoded(photo.display).getpixel((4, 4)), RED)


def test_broken_colour_profile_falls_back_to_plain_conversion() -> None:
    data = encoded(upright_test_card(), "JPEG", quality=95, icc_profile=b"not a profile" * 10)
    photo = prepare_photo(data, "odd-profile.jpg")
    assert any("colour profile" in note for note in photo.notes)
    assert near(decoded(photo.display).getpixel((4, 4)), RED)


def test_srgb_profile_is_accepted_without_a_note() -> None:
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encoded(upright_test_card(), "JPEG", quality=95, icc_profile=srgb)
    photo = prepare_photo(data, "srgb.jpg")
    assert photo.notes == ()
    assert near(decoded(photo.display).getpixel((4, 4)), RED)


SYSTEM_PROFILES = Path("/usr/share/color/icc/ghostscript")


@pytest.mark.skipif(not SYSTEM_PROFILES.is_dir(), reason="no system ICC profiles to test with")
@pytest.mark.parametrize(
    ("mode", "colour", "profile", "format"),
    [
        ("RGB", (100, 150, 100), "a98.icc", "PNG"),  # Adobe RGB (1998), wider than sRGB
        ("CMYK", (0, 230, 230, 0), "default_cmyk.icc", "JPEG"),  # US press (SWOP) inks
    ],
)
def test_embedded_profile_is_converted_to_srgb(
    mode: str, colour: tuple[int, ...], profile: str, format: str
) -> None:
    from PIL import ImageCms

    icc = (SYSTEM_PROFILES / profile).read_bytes()
    picture = Image.new(mode, (32, 32), colour)
    photo = prepare_photo(encoded(picture, format, icc_profile=icc, quality=95), "tagged")
    shown = decoded(photo.display).getpixel((16, 16))
    expected = ImageCms.profileToProfile(
        picture,
        ImageCms.ImageCmsProfile(io.BytesIO(icc)),
        ImageCms.createProfile("sRGB"),
        outputMode="RGB",
    ).getpixel((16, 16))
    naive = picture.convert("RGB").getpixel((16, 16))
    assert near(shown, expected, 6)
    assert not near(naive, expected, 12)  # the profile really changed the colour


def test_derived_images_carry_no_metadata_from_the_original() -> None:
    exif = Image.Exif()
    exif[0x013B] = "Private Person"
    exif.get_ifd(0x8825).update({1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)})
    data = encoded(upright_test_card(), "JPEG", exif=exif, comment=b"owner: Private Person")
    photo = prepare_photo(data, "located.jpg")
    assert photo.has_gps
    for jpeg in (photo.thumbnail, photo.display):
        assert not decoded(jpeg).getexif()
        assert b"Private Person" not in jpeg


def test_pixel_limit_warning_zone_is_refused_too() -> None:
    """10,000 x 10,000 is over Pillow's limit, where Pillow only warns: refused here as well."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 10_000, 10_000, 8, 0, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
    assert Image.MAX_IMAGE_PIXELS < 100_000_000 < 2 * Image.MAX_IMAGE_PIXELS
    started = time.perf_counter()
    with pytest.raises(MediaError) as error, pytest.warns(Image.DecompressionBombWarning):
        prepare_photo(png, "huge.png")
    # Hang guard against decoding it: refusing takes under 1 ms here.
    assert time.perf_counter() - started < 5
    assert str(error.value) == (
        "huge.png was refused: it claims 100,000,000 pixels, too many to be a real photo"
    )


# --- truncation and reduced-scale decoding ---------------------------------------------------


def test_draft_scale_keeps_enough_pixels() -> None:
    assert draft_scale(6000, DISPLAY_SIDE) == 2  # 3000 px decoded, then resized to 1600
    assert draft_scale(12800, DISPLAY_SIDE) == 8
    assert draft_scale(3199, DISPLAY_SIDE) == 1
    assert draft_scale(800, 800) == 1
    assert draft_scale(6000, 768) == 4  # 1500 px still covers a 768 rendition


@pytest.mark.parametrize("scale", [1, 2, 4, 8])
def test_truncated_jpeg_is_refused_at_every_decode_scale(scale: int) -> None:
    photo = open_photo(hostile("truncated_jpeg.jpg"), "truncated_jpeg.jpg")
    with pytest.raises(MediaError, match="stops part way"):
        decode_first_frame(photo, scale)


@pytest.mark.slow
@pytest.mark.parametrize("progressive", [True, False], ids=["progressive", "baseline"])
def test_jpeg_cut_anywhere_is_refused_even_when_decoded_small(progressive: bool) -> None:
    """libjpeg decodes at 1/2 here (3,400 px wide), and still has to read every scan."""
    data = encoded(noisy_picture((3400, 1200)), "JPEG", quality=85, progressive=progressive)
    cuts = [len(data) * step // 10 for step in range(1, 10)] + [len(data) - 2, len(data) - 1]
    for cut in cuts:
        with pytest.raises(MediaError, match="stops part way"):
            prepare_photo(data[:cut], "cut.jpg")
    assert max(decoded(prepare_photo(data, "whole.jpg").display).size) == DISPLAY_SIDE


@pytest.mark.parametrize("progressive", [True, False], ids=["progressive", "baseline"])
def test_without_a_display_copy_a_photo_is_checked_as_fully(progressive: bool) -> None:
    """Import decodes at thumbnail size only (1/8 here): every scan is still read, so a cut
    file is refused, and the thumbnail and notes are those of the full preparation."""
    data = encoded(noisy_picture((3400, 1200)), "JPEG", quality=85, progressive=progressive)
    for cut in (len(data) // 3, len(data) - 2):
        with pytest.raises(MediaError, match="stops part way"):
            prepare_photo(data[:cut], "cut.jpg", display_copy=False)
    quick = prepare_photo(data, "whole.jpg", display_copy=False)
    full = prepare_photo(data, "whole.jpg")
    assert quick.display == b""
    assert decoded(quick.thumbnail).size == decoded(full.thumbnail).size == (THUMBNAIL_SIDE, 113)
    assert (quick.width, quick.height, quick.notes) == (full.width, full.height, full.notes)


def test_without_a_display_copy_colour_notes_are_kept() -> None:
    picture = Image.new("CMYK", (900, 600), (0, 230, 230, 0))
    data = encoded(picture, "JPEG", quality=90)
    assert prepare_photo(data, "press.jpg", display_copy=False).notes == (
        prepare_photo(data, "press.jpg").notes
    )
    assert prepare_photo(data, "press.jpg", display_copy=False).notes


def test_big_photo_gives_small_derived_images() -> None:
    picture = Image.new("RGB", (6000, 4000), GREY)
    ImageDraw.Draw(picture).rectangle((0, 0, 1500, 1000), fill=RED)
    photo = prepare_photo(encoded(picture, "JPEG", quality=80), "big.jpg")
    assert (photo.width, photo.height) == (6000, 4000)
    display, thumbnail = decoded(photo.display), decoded(photo.thumbnail)
    assert display.size == (DISPLAY_SIDE, 1067)
    assert thumbnail.size == (THUMBNAIL_SIDE, 213)
    assert near(display.getpixel((100, 100)), RED)


# --- running in workers -----------------------------------------------------------------------


def test_results_and_errors_pickle_for_worker_processes() -> None:
    photo = prepare_photo(hostile("iptc.jpg"), "iptc.jpg")
    assert isinstance(photo, PreparedPhoto)
    assert pickle.loads(pickle.dumps(photo)) == photo
    error = MediaError("zero_bytes.jpg is not a photo: the file is empty")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_threads_get_the_same_results_as_one_by_one() -> None:
    names = sorted(HANDLED) * 3

    def outcome(name: str) -> PreparedPhoto | str:
        try:
            return prepare_photo(hostile(name), name)
        except MediaError as error:
            return str(error)

    one_by_one = [outcome(name) for name in names]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(outcome, names)) == one_by_one
