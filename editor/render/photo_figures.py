"""The body's photos as HTML elements: a placed photo's figure (image, caption, credit), a photo
inside running text, and the placeholder the preview shows for a photo without its file. Our
figures carry ``PHOTO_MARKER`` addresses, which ``sanitise.finish_sanitised`` replaces with the
caller's photo URLs. Used by ``markdown.py``'s photo placement and by ``render_photo``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import util

from editor.model.article import ImageRef
from editor.render.photo_refs import MISSING_PHOTO_TEXT, PHOTO_MARKER


def atomic_text(value: str) -> util.AtomicString:
    # Atomic: captions and names are plain text; Markdown must not parse them as inline syntax.
    return util.AtomicString(value)


def _caption(image: ImageRef | None) -> etree.Element | None:
    if image is None or not (image.caption.strip() or image.credit.strip()):
        return None
    figcaption = etree.Element("figcaption")
    last = None
    for css_class, value in (("caption", image.caption.strip()), ("credit", image.credit.strip())):
        if not value:
            continue
        if last is not None:
            last.tail = " "
        last = etree.SubElement(figcaption, "span", {"class": css_class})
        last.text = atomic_text(value)
    return figcaption


def _photo_img(image: ImageRef) -> etree.Element:
    img = etree.Element("img", {"src": PHOTO_MARKER + image.id, "alt": image.alt.strip()})
    size = image.cropped_size()  # the image as published: after its crop
    if size is not None:
        img.set("width", str(size[0]))
        img.set("height", str(size[1]))
    img.set("loading", "lazy")
    return img


def _missing_name(image: ImageRef | None, source: str) -> str:
    if image is not None and image.original_name.strip():
        return image.original_name.strip()
    return source or "(no address given)"


def photo_figure(photo_id: str | None, image: ImageRef | None, source: str) -> etree.Element:
    """A block figure for a placed image.

    ``photo_id`` is the id of a ``photo:`` reference (None for any other address), ``image`` its
    record when the article has one, ``source`` the address as the body wrote it. ``image`` is
    shown only if its file is present; otherwise the figure is a placeholder naming the photo.
    """
    figure = etree.Element("figure", {"class": "photo"})
    if photo_id is not None:
        figure.set("data-photo-id", photo_id)
    if image is not None and not image.missing:
        figure.append(_photo_img(image))
    else:
        figure.set("class", "photo photo-missing")
        placeholder = etree.SubElement(figure, "div", {"class": "photo-placeholder"})
        placeholder.text = atomic_text(MISSING_PHOTO_TEXT + _missing_name(image, source))
    caption = _caption(image)
    if caption is not None:
        figure.append(caption)
    return figure


def inline_photo(photo_id: str | None, image: ImageRef | None, source: str) -> etree.Element:
    """An image inside running text: the photo itself, or an inline placeholder."""
    if image is not None and not image.missing:
        return _photo_img(image)
    span = etree.Element("span", {"class": "photo-placeholder"})
    if photo_id is not None:
        span.set("data-photo-id", photo_id)
    span.text = atomic_text(MISSING_PHOTO_TEXT + _missing_name(image, source))
    return span
