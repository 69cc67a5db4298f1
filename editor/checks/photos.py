"""Checks on the photos: their records (caption, credit, alt text, GPS), their files, the
featured photo, and the images the body refers to. Severities: registry.py."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from editor.checks.findings import Finding, Severity
from editor.model.article import Article, ImageRef
from editor.model.messages import QT_TRANSLATE_NOOP, Message, say
from editor.model.photos import PHOTO_SCHEME
from editor.text.body_scan import scan_body

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from editor.checks.context import CheckContext

_IMG_TAG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC_RE = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _field(image: ImageRef) -> str:
    return f"photo:{image.id}"


def _name(image: ImageRef) -> Message:
    """``Photo p1 (caravan.jpg)``: the id the window shows and the file's own name."""
    file_name = image.original_name.replace("\\", "/").rsplit("/", 1)[-1]
    if file_name:
        return say(
            QT_TRANSLATE_NOOP("Checks", "Photo {id} ({file_name})"),
            id=image.id,
            file_name=file_name,
        )
    return say(QT_TRANSLATE_NOOP("Checks", "Photo {id}"), id=image.id)


def _file_missing(image: ImageRef, context: CheckContext) -> bool:
    if image.missing:
        return True
    return context.media is not None and image.media_path not in context.media


def check_photo_files(article: Article, context: CheckContext) -> Iterator[Finding]:
    for image in article.photos:
        if _file_missing(image, context):
            yield Finding(
                Severity.ERROR,
                "photo-missing-file",
                _missing_file_message(image),
                _field(image),
            )


def _missing_file_message(image: ImageRef) -> Message:
    if "/" in image.original_name:
        return say(
            QT_TRANSLATE_NOOP(
                "Checks",
                "{photo} has no file in the story package (it came from {original}): it would "
                "publish as a placeholder. Add the photo file or remove the photo.",
            ),
            photo=_name(image),
            original=image.original_name,
        )
    return say(
        QT_TRANSLATE_NOOP(
            "Checks",
            "{photo} has no file in the story package: it would publish as a placeholder. "
            "Add the photo file or remove the photo.",
        ),
        photo=_name(image),
    )


def check_photo_fields(article: Article, context: CheckContext) -> Iterator[Finding]:
    limit = context.settings.alt_max_chars
    for image in article.photos:
        field = _field(image)
        name = _name(image)
        if not image.alt.strip():
            yield Finding(
                Severity.ERROR,
                "photo-no-alt",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "{photo} has no alt text: blind readers and search engines get nothing. "
                        "Describe what the photo shows.",
                    ),
                    photo=name,
                ),
                field,
                photo_field="alt",
            )
        if not image.credit.strip():
            yield Finding(
                Severity.ERROR,
                "photo-no-credit",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "{photo} has no credit: every published photo must name its "
                        "photographer or agency.",
                    ),
                    photo=name,
                ),
                field,
                photo_field="credit",
            )
        if not image.caption.strip():
            yield Finding(
                Severity.WARNING,
                "photo-no-caption",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks", "{photo} has no caption: say who, what, where and when."
                    ),
                    photo=name,
                ),
                field,
                photo_field="caption",
            )
        if image.alt.strip() and _same_text(image.alt, image.caption):
            yield Finding(
                Severity.WARNING,
                "photo-alt-is-caption",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "{photo}'s alt text repeats its caption, so screen readers read it "
                        "twice: describe what the photo shows instead.",
                    ),
                    photo=name,
                ),
                field,
                start=0,
                end=len(image.alt),
                photo_field="alt",
            )
        if len(image.alt) > limit:
            yield Finding(
                Severity.WARNING,
                "photo-alt-too-long",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "{photo}'s alt text has {count} characters; screen readers cut it at "
                        "about {limit}. Keep the description short; the caption can say more.",
                    ),
                    photo=name,
                    count=len(image.alt),
                    limit=limit,
                ),
                field,
                start=limit,
                end=len(image.alt),
                photo_field="alt",
            )
        if image.has_gps:
            yield Finding(
                Severity.WARNING,
                "photo-gps",
                say(
                    QT_TRANSLATE_NOOP(
                        "Checks",
                        "{photo} carries GPS coordinates that could reveal where it was taken (a "
                        "source's home, say). Exports strip them, but the stored original keeps "
                        "them.",
                    ),
                    photo=name,
                ),
                field,
            )


def _same_text(first: str, second: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.split()).casefold().rstrip(".")

    return norm(first) == norm(second)


def check_featured_photo(article: Article, context: CheckContext) -> Iterator[Finding]:
    featured = article.featured_photo()
    if featured is None:
        if article.photos:
            yield Finding(
                Severity.WARNING,
                "no-featured-photo",
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "No photo is featured: the site and social cards need a lead photo. Mark "
                    "one as featured.",
                ),
                "article",
            )
        else:
            yield Finding(
                Severity.NOTE,
                "no-featured-photo",
                QT_TRANSLATE_NOOP(
                    "Checks",
                    "The story has no photos: the site and social cards will show no lead photo.",
                ),
                "article",
            )
        return
    if _file_missing(featured, context):
        return  # photo-missing-file says it
    width = _width(featured, context)
    minimum = context.settings.featured_min_width
    if width is not None and width < minimum:
        if featured.crop:
            template = QT_TRANSLATE_NOOP(
                "Checks",
                "The featured photo is {width:,} px wide as cropped; the site and social cards "
                "need at least {minimum:,} px or it looks blurry.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Checks",
                "The featured photo is {width:,} px wide; the site and social cards need at "
                "least {minimum:,} px or it looks blurry.",
            )
        yield Finding(
            Severity.WARNING,
            "featured-too-narrow",
            say(template, width=width, minimum=minimum),
            _field(featured),
        )


def _width(image: ImageRef, context: CheckContext) -> int | None:
    """The photo's width as it will be published (cropped), from its record or its file."""
    size = image.cropped_size()
    if size is not None:
        return size[0]
    if context.media is None or image.media_path not in context.media:
        return None
    try:
        from PIL import Image

        with Image.open(io.BytesIO(context.media.read(image.media_path))) as opened:
            width = opened.width
    except Exception:  # an unreadable file is photo-missing-file's business
        logger.info("photo %s: width not read", image.id, exc_info=True)
        return None
    if image.crop is not None:
        width = max(1, round(width * (image.crop.right - image.crop.left)))
    return width


def check_image_references(article: Article, context: CheckContext) -> Iterator[Finding]:
    scan = scan_body(article.body)
    ids = {image.id for image in article.photos}
    for link in scan.links:
        if not link.image:
            continue
        target = _target_address(link.target)
        line = scan.line_of(link.start)
        if target.startswith(PHOTO_SCHEME):
            photo_id = target[len(PHOTO_SCHEME) :]
            if photo_id not in ids:
                yield Finding(
                    Severity.ERROR,
                    "photo-ref-unknown",
                    say(
                        QT_TRANSLATE_NOOP(
                            "Checks",
                            "The body places photo “{id}”, but the story has no such photo: it "
                            "would publish as a placeholder.",
                        ),
                        id=photo_id,
                    ),
                    "body",
                    line=line,
                    start=link.start,
                    end=link.end,
                )
            continue
        yield Finding(
            Severity.ERROR,
            "image-not-in-package",
            _not_in_package(target, reference=link.target is None),
            "body",
            line=line,
            start=link.start,
            end=link.end,
        )
    for match in _IMG_TAG_RE.finditer(scan.code_free):
        source = _SRC_RE.search(match.group())
        address = next((g for g in source.groups() if g is not None), "") if source else ""
        yield Finding(
            Severity.ERROR,
            "image-not-in-package",
            _not_in_package(address),
            "body",
            line=scan.line_of(match.start()),
            start=match.start(),
            end=match.end(),
        )


def _not_in_package(address: str, *, reference: bool = False) -> Message:
    """The image-not-in-package message for an image at ``address`` (or by a reference link)."""
    if reference:
        return QT_TRANSLATE_NOOP(
            "Checks",
            "The body shows an image by a reference link that is not in the story package: it "
            "would publish as a placeholder. Add the photo to the story instead.",
        )
    if not address:
        return QT_TRANSLATE_NOOP(
            "Checks",
            "The body shows an image with no address that is not in the story package: it "
            "would publish as a placeholder. Add the photo to the story instead.",
        )
    return say(
        QT_TRANSLATE_NOOP(
            "Checks",
            "The body shows an image “{address}” that is not in the story package: it would "
            "publish as a placeholder. Add the photo to the story instead.",
        ),
        address=address,
    )


def _target_address(target: str | None) -> str:
    """The address of a link target ``url "title"`` (or of a reference link: empty)."""
    if target is None:
        return ""
    target = target.strip()
    if target.startswith("<"):
        close = target.find(">")
        return target[1:close] if close > 0 else target[1:]
    return target.split()[0] if target.split() else ""
