"""How the story looks when its link is shared: the Open Graph card.

Title and description are what the page's ``og:title`` and ``og:description`` say (headline and
dek); the picture is the lead photo cut to the 1.91:1 shape the networks use, around its focal
point. The limits shown are where the big networks cut the text off.
"""

from __future__ import annotations

import html
from dataclasses import replace

from editor.model.article import Article, ImageRef
from editor.model.cropping import largest_crop
from editor.render.photo_refs import PhotoUrl, photo_src

CARD_ASPECT = 1.91
TITLE_LIMIT = 60
DESCRIPTION_LIMIT = 160


def card_photo(image: ImageRef) -> ImageRef:
    """The lead photo as the card shows it: 1.91:1 around the focal point."""
    if not (image.width and image.height):
        return image
    return replace(image, crop=largest_crop(image.width, image.height, CARD_ASPECT, image.focal))


def _counted(label: str, text: str, limit: int) -> str:
    over = len(text) > limit
    css = "card-count over" if over else "card-count"
    note = f"{len(text)} / {limit} characters" + (": cut off when shared" if over else "")
    return f'<p class="{css}">{html.escape(label)}: {html.escape(note)}</p>'


def _file_name(image: ImageRef) -> str:
    """The photo as the reporter knows it: the name of the file it came from, else its id."""
    name = image.original_name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name or image.id


def social_card_html(article: Article, photo_url: PhotoUrl) -> str:
    title = article.headline.strip() or "Untitled"
    description = article.dek.strip()
    lead = article.featured_photo()
    if lead is not None and not lead.missing:
        url = photo_src(photo_url(card_photo(lead)))
        picture = f'<img class="card-image" src="{html.escape(url)}" alt="">'
    elif lead is not None:
        note = f"The lead photo's file is missing: {_file_name(lead)}. Add it again in Photos"
        picture = f'<div class="card-image card-no-image">{html.escape(note)}</div>'
    else:
        picture = '<div class="card-image card-no-image">No lead photo: choose one in Photos</div>'
    shown_title = title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"
    shown_description = (
        description
        if len(description) <= DESCRIPTION_LIMIT
        else description[: DESCRIPTION_LIMIT - 1] + "…"
    )
    return (
        '<div class="social-card">'
        f"{picture}"
        '<div class="card-text">'
        f'<p class="card-title">{html.escape(shown_title)}</p>'
        f'<p class="card-description">{html.escape(shown_description or "(no dek)")}</p>'
        "</div></div>"
        f"{_counted('Title', title, TITLE_LIMIT)}"
        f"{_counted('Description', description, DESCRIPTION_LIMIT)}"
    )
