"""The whole article as HTML: header (headline, dek, dateline, byline, lead photo), body, footer.

``render_parts`` gives the three parts (the live preview renders the same parts, block by block,
in ``editor.render.preview_update``); ``render_page`` wraps them, without the editor's
placeholders for photos that have no file, in a standalone HTML5 document with the metadata
sites and social cards read (Open Graph, schema.org NewsArticle). Every field is escaped here;
the body arrives sanitised from ``BodyRenderer``. The editor's note is for the desk only and is
never read here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from editor import RESOURCES
from editor.model.article import Article
from editor.model.dateline import dateline_text
from editor.render.markdown import BodyRenderer
from editor.render.photo_refs import PhotoLookup, PhotoUrl, photo_src
from editor.text.direction import article_direction

ARTICLE_CSS = RESOURCES / "styles" / "article.css"

_LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# Open Graph wants language_TERRITORY; for a bare language, the territory most copy is read in.
_DEFAULT_TERRITORY = {
    "ca": "ES", "de": "DE", "en": "US", "es": "ES", "fr": "FR", "it": "IT",
    "ja": "JP", "ko": "KR", "nl": "NL", "pl": "PL", "pt": "BR", "ru": "RU", "zh": "CN",
}  # fmt: skip


@dataclass(frozen=True)
class ArticleParts:
    """The three regions of a rendered article, each a ready HTML fragment."""

    header: str
    body: str
    footer: str

    def changed_since(self, previous: ArticleParts | None) -> dict[str, str]:
        """The parts that differ from ``previous`` (all of them if there is none)."""
        mine = {"header": self.header, "body": self.body, "footer": self.footer}
        if previous is None:
            return mine
        theirs = {"header": previous.header, "body": previous.body, "footer": previous.footer}
        return {key: value for key, value in mine.items() if theirs[key] != value}


def _escape(value: str) -> str:
    return html.escape(value.strip(), quote=True)


def html_language(language: str) -> str:
    """A BCP 47 tag for ``<html lang>``: the article's language if plausible, else English."""
    tag = language.strip().replace("_", "-")
    return tag if len(tag) <= 35 and _LANGUAGE_TAG_RE.fullmatch(tag) else "en"


def og_locale(language_tag: str) -> str | None:
    """Open Graph's ``es_ES`` form of a BCP 47 tag, when one can be told."""
    primary, *subtags = language_tag.split("-")
    # A region is two letters or three digits; four letters would be a script (zh-Hant).
    region = next((s for s in subtags if re.fullmatch(r"[A-Za-z]{2}|\d{3}", s)), None)
    region = region or _DEFAULT_TERRITORY.get(primary.lower())
    return f"{primary.lower()}_{region.upper()}" if region else None


def is_spanish(article: Article) -> bool:
    """Spanish copy (any region): bylines read "Por", datelines and quotes differ."""
    return article.language.strip().lower().startswith("es")


def is_arabic(article: Article) -> bool:
    """Arabic copy: bylines read "بقلم", names joined by Arabic commas and "و"."""
    return article.language.strip().lower().replace("_", "-").split("-")[0] == "ar"


def byline_text(names: list[str], *, spanish: bool = False, arabic: bool = False) -> str:
    """``By A``, ``By A and B``, ``By A, B and C`` (``Por A y B`` in Spanish, ``بقلم أ وب`` in
    Arabic); empty if no names."""
    return _byline(names, spanish, arabic, lambda name: name)


def byline_html(names: list[str], *, spanish: bool = False, arabic: bool = False) -> str:
    """``byline_text`` as escaped HTML with each name in ``<bdi>``: a name in another script
    (an Arabic name in an English byline, a Latin one in an Arabic story) cannot pull the
    commas and the "and" around it into its own direction."""
    return _byline(names, spanish, arabic, lambda name: f"<bdi>{_escape(name)}</bdi>")


def story_byline(article: Article) -> str:
    """The article's byline in its language's words."""
    return byline_text(article.byline, spanish=is_spanish(article), arabic=is_arabic(article))


def _byline(names: list[str], spanish: bool, arabic: bool, shown: Callable[[str], str]) -> str:
    names = [name.strip() for name in names if name.strip()]
    if not names:
        return ""
    if arabic:
        return f"بقلم {_arabic_names(names, shown)}"
    if len(names) == 1:
        joined = shown(names[0])
    else:
        # Spanish writes "e" for "and" before an /i/ sound: "Juan e Isabel".
        last = names[-1]
        conjunction = "and"
        if spanish:
            conjunction = "e" if re.match(r"h?i(?![aeiouáéíóú])", last, re.IGNORECASE) else "y"
        joined = f"{', '.join(shown(name) for name in names[:-1])} {conjunction} {shown(last)}"
    return f"{'Por' if spanish else 'By'} {joined}"


def _arabic_names(names: list[str], shown: Callable[[str], str]) -> str:
    """``أ، ب وج``: Arabic commas, and "و" written onto the last name when it is in Arabic
    letters (a Latin name keeps a space after it)."""
    if len(names) == 1:
        return shown(names[0])
    last = names[-1]
    joiner = "و" if "\u0600" <= last[0] <= "\u06ff" else "و "
    return f"{'، '.join(shown(name) for name in names[:-1])} {joiner}{shown(last)}"


def render_header(article: Article, renderer: BodyRenderer, photos: PhotoLookup) -> str:
    """The header, the lead photo last: it leads wherever the body places it, and the body
    leaves it out (``PhotoLookup.for_page``)."""
    lines = ['<header class="article-header">']
    if article.headline.strip():
        lines.append(f'<h1 class="headline">{_escape(article.headline)}</h1>')
    if article.dek.strip():
        lines.append(f'<p class="dek">{_escape(article.dek)}</p>')
    credits = []
    dateline = dateline_text(article.dateline)
    if dateline:
        # Isolated, so a dateline in one script and a byline in another keep their order.
        credits.append(f'<span class="dateline"><bdi>{_escape(dateline)}</bdi></span>')
    byline = byline_html(article.byline, spanish=is_spanish(article), arabic=is_arabic(article))
    if byline:
        credits.append(f'<span class="byline">{byline}</span>')
    if credits:
        lines.append(f'<p class="dateline-byline">{" ".join(credits)}</p>')
    featured = article.featured_photo()
    if featured is not None:
        lead = renderer.render_photo(featured, photos, css_class="photo-lead")
        if lead:
            lines.append(lead)
    lines.append("</header>")
    return "\n".join(lines)


def render_footer(article: Article) -> str:
    if not article.sign_off.strip():
        return ""
    return (
        '<footer class="article-footer">'
        f'<p class="sign-off">{_escape(article.sign_off)}</p>'
        "</footer>"
    )


def render_parts(
    article: Article, renderer: BodyRenderer, photo_url: PhotoUrl, *, omit_missing: bool = False
) -> ArticleParts:
    """Header, body and footer of the article as HTML fragments; ``omit_missing``: photos
    without a file are left out instead of shown as placeholders (an export: PhotoLookup)."""
    photos = PhotoLookup.for_page(article, photo_url, omit_missing=omit_missing)
    body = renderer.render(article.body, photos, end_mark=article.end_mark)
    return ArticleParts(
        header=render_header(article, renderer, photos),
        body=body.html,
        footer=render_footer(article),
    )


# --- the standalone page -----------------------------------------------------------------------


def _published(article: Article) -> str:
    date = article.dateline.date
    return date.isoformat() if date else article.created.isoformat()


def _share_image_url(article: Article, photo_url: PhotoUrl) -> str | None:
    """The featured photo's URL for link previews, if it is an address a crawler can fetch.

    Open Graph and schema.org want absolute web addresses: a ``data:`` URI (the self-contained
    export) would store the photo's bytes twice more in the page, and a relative one (a web
    bundle) means nothing to a crawler reading the tags.
    """
    featured = article.featured_photo()
    if featured is None or featured.missing:
        return None
    url = photo_src(photo_url(featured))
    return url if url.lower().startswith(("https://", "http://")) else None


def json_for_script(data: object) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _structured_data(article: Article, language: str, image_url: str | None) -> str:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline.strip(),
    }
    if article.dek.strip():
        data["description"] = article.dek.strip()
    authors = [name.strip() for name in article.byline if name.strip()]
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    data["datePublished"] = _published(article)
    data["dateModified"] = article.modified.isoformat()
    data["inLanguage"] = language
    dateline = dateline_text(article.dateline)
    if dateline:
        data["dateline"] = dateline
    if article.section.strip():
        data["articleSection"] = article.section.strip()
    tags = [tag.strip() for tag in article.tags if tag.strip()]
    if tags:
        data["keywords"] = tags
    if image_url:
        data["image"] = [image_url]
    return json_for_script(data)


def _meta(attribute: str, key: str, value: str) -> str:
    return f'<meta {attribute}="{key}" content="{_escape(value)}">'


def _head(
    article: Article, language: str, photo_url: PhotoUrl, css: str, stylesheet_href: str | None
) -> list[str]:
    title = article.headline.strip() or ("Sin título" if is_spanish(article) else "Untitled")
    image_url = _share_image_url(article, photo_url)
    lines = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(title)}</title>",
    ]
    if article.dek.strip():
        lines.append(_meta("name", "description", article.dek))
    lines += [_meta("property", "og:type", "article"), _meta("property", "og:title", title)]
    if article.dek.strip():
        lines.append(_meta("property", "og:description", article.dek))
    if image_url:
        lines.append(_meta("property", "og:image", image_url))
        featured = article.featured_photo()
        if featured is not None and featured.alt.strip():
            lines.append(_meta("property", "og:image:alt", featured.alt))
    locale = og_locale(language)
    if locale:
        lines.append(_meta("property", "og:locale", locale))
    lines.append(_meta("property", "article:published_time", _published(article)))
    lines.append(_meta("property", "article:modified_time", article.modified.isoformat()))
    if article.section.strip():
        lines.append(_meta("property", "article:section", article.section))
    lines += [_meta("property", "article:tag", tag) for tag in article.tags if tag.strip()]
    lines.append('<script type="application/ld+json">')
    lines.append(_structured_data(article, language, image_url))
    lines.append("</script>")
    if stylesheet_href is not None:
        lines.append(f'<link rel="stylesheet" href="{_escape(stylesheet_href)}">')
    if css:
        # The stylesheet is ours, but a stray "</style" would still end the element early.
        safe_css = css.replace("</", "<\\/")
        lines.append(f"<style>\n{safe_css}\n</style>")
    return lines


def render_page(
    article: Article,
    renderer: BodyRenderer,
    photo_url: PhotoUrl,
    *,
    css: str = "",
    stylesheet_href: str | None = None,
) -> str:
    """The article as a complete HTML5 document: ``css`` inline, or linked as
    ``stylesheet_href`` (a web bundle's own file)."""
    language = html_language(article.language)
    parts = render_parts(article, renderer, photo_url, omit_missing=True)
    rtl = ' dir="rtl"' if article_direction(article) == "rtl" else ""
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{_escape(language)}"{rtl} prefix="og: https://ogp.me/ns# '
        'article: https://ogp.me/ns/article#">',
        "<head>",
        *_head(article, language, photo_url, css, stylesheet_href),
        "</head>",
        "<body>",
        "<main>",
        '<article class="dateline-article">',
        parts.header,
        '<div class="article-body">',
        parts.body,
        "</div>",
    ]
    if parts.footer:
        lines.append(parts.footer)
    lines += ["</article>", "</main>", "</body>", "</html>", ""]
    return "\n".join(lines)


def read_article_css() -> str:
    """The article stylesheet shared by the preview and the HTML export."""
    return ARTICLE_CSS.read_text(encoding="utf-8")
