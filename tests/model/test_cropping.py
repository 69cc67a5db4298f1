"""Crop geometry: presets keep their ratio, crops stay inside the photo, the focal point leads."""

from __future__ import annotations

import math

import hypothesis.strategies as st
import pytest
from hypothesis import given

from editor.model.article import Crop
from editor.model.cropping import aspect_of, is_whole, largest_crop, moved, resized

sizes = st.integers(10, 8000)
fractions = st.floats(0.0, 1.0)
aspects = st.sampled_from([16 / 9, 3 / 2, 4 / 3, 1.0, 9 / 16])


def inside(crop: Crop) -> bool:
    return 0 <= crop.left < crop.right <= 1 and 0 <= crop.top < crop.bottom <= 1


@given(sizes, sizes, aspects, st.none() | st.tuples(fractions, fractions))
def test_largest_crop_has_the_ratio_and_fits(width, height, aspect, focal) -> None:
    crop = largest_crop(width, height, aspect, focal)
    assert inside(crop)
    assert math.isclose(aspect_of(crop, width, height), aspect, rel_tol=1e-6)
    # Largest: it touches both sides or both the top and the bottom.
    assert math.isclose(crop.right - crop.left, 1.0) or math.isclose(crop.bottom - crop.top, 1.0)


def test_largest_crop_follows_the_focal_point() -> None:
    # A 3:2 landscape cut to a square, subject on the right.
    crop = largest_crop(3000, 2000, 1.0, focal=(0.9, 0.5))
    assert crop.right == pytest.approx(1.0)
    assert crop.left == pytest.approx(1 / 3)
    centred = largest_crop(3000, 2000, 1.0)
    assert (centred.left + centred.right) / 2 == pytest.approx(0.5)


@given(fractions, fractions)
def test_moving_keeps_size_and_stays_inside(dx, dy) -> None:
    crop = Crop(0.2, 0.2, 0.6, 0.5)
    result = moved(crop, dx - 0.5, dy - 0.5)
    assert inside(result)
    assert result.right - result.left == pytest.approx(0.4)
    assert result.bottom - result.top == pytest.approx(0.3)


@given(st.sampled_from(["tl", "tr", "bl", "br"]), fractions, fractions, st.none() | aspects)
def test_resizing_keeps_the_ratio_and_the_opposite_corner(corner, x, y, aspect) -> None:
    width, height = 4000, 3000
    crop = Crop(0.25, 0.25, 0.75, 0.75)
    result = resized(crop, corner, x, y, width, height, aspect)
    assert inside(result)
    if aspect is not None:
        assert math.isclose(aspect_of(result, width, height), aspect, rel_tol=1e-6)
    anchor = {
        "tl": (result.right, result.bottom),
        "tr": (result.left, result.bottom),
        "bl": (result.right, result.top),
        "br": (result.left, result.top),
    }[corner]
    expected = {"tl": (0.75, 0.75), "tr": (0.25, 0.75), "bl": (0.75, 0.25), "br": (0.25, 0.25)}
    assert anchor == pytest.approx(expected[corner])


def test_whole_photo_is_no_crop() -> None:
    assert is_whole(None)
    assert is_whole(Crop())
    assert not is_whole(Crop(0.1, 0.0, 1.0, 1.0))
