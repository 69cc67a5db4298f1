"""WordPress eXtended RSS (WXR) 1.2: the file Tools > Import > WordPress reads.

WXR is RSS 2.0 with WordPress's namespaces (``wp:``, ``content:``, ``excerpt:``, ``dc:``,
``wfw:``): channel-level author, category and tag definitions, then one ``<item>`` per post or
media item. This module only writes the document from plain data; what goes in it is decided by
``editor.export.wordpress``. Text goes in CDATA sections as WordPress's own exporter writes it
(``]]>`` inside is split across two sections) with characters XML forbids removed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from editor.export.xml_writing import xml_safe

WXR_VERSION = "1.2"
NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}


@dataclass(frozen=True)
class Author:
    author_id: int
    login: str
    display_name: str


@dataclass(frozen=True)
class Term:
    """A category (``taxonomy`` "category") or a tag ("post_tag")."""

    term_id: int
    taxonomy: str
    slug: str
    name: str


@dataclass(frozen=True)
class Item:
    """A post or a media item (``post_type`` "attachment") with what the importer reads of it."""

    post_id: int
    post_type: str
    title: str
    slug: str
    status: str
    date: dt.datetime  # an aware time: written as its own wall time and as UTC
    guid: str
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    parent: int = 0
    link: str = ""
    attachment_url: str = ""
    terms: tuple[Term, ...] = ()
    postmeta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Channel:
    title: str
    language: str
    date: dt.datetime
    base_url: str = ""  # the site the file came from; the importer prefixes it to "/..." URLs
    description: str = ""
    authors: tuple[Author, ...] = ()
    terms: tuple[Term, ...] = ()
    items: tuple[Item, ...] = ()


def cdata(value: str) -> str:
    """``value`` as CDATA; a ``]]>`` inside ends one section and starts another."""
    return "<![CDATA[" + xml_safe(value).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def mysql_time(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _element(name: str, value: str | int, *, raw: bool = False) -> str:
    text = str(value) if raw or isinstance(value, int) else escape(xml_safe(value))
    return f"<{name}>{text}</{name}>"


def _author(author: Author) -> list[str]:
    return [
        "\t<wp:author>",
        f"\t\t{_element('wp:author_id', author.author_id)}",
        f"\t\t<wp:author_login>{cdata(author.login)}</wp:author_login>",
        "\t\t<wp:author_email></wp:author_email>",
        f"\t\t<wp:author_display_name>{cdata(author.display_name)}</wp:author_display_name>",
        "\t\t<wp:author_first_name></wp:author_first_name>",
        "\t\t<wp:author_last_name></wp:author_last_name>",
        "\t</wp:author>",
    ]


def _term_definition(term: Term) -> list[str]:
    if term.taxonomy == "category":
        return [
            "\t<wp:category>",
            f"\t\t{_element('wp:term_id', term.term_id)}",
            f"\t\t<wp:category_nicename>{cdata(term.slug)}</wp:category_nicename>",
            "\t\t<wp:category_parent></wp:category_parent>",
            f"\t\t<wp:cat_name>{cdata(term.name)}</wp:cat_name>",
            "\t</wp:category>",
        ]
    if term.taxonomy == "post_tag":
        return [
            "\t<wp:tag>",
            f"\t\t{_element('wp:term_id', term.term_id)}",
            f"\t\t<wp:tag_slug>{cdata(term.slug)}</wp:tag_slug>",
            f"\t\t<wp:tag_name>{cdata(term.name)}</wp:tag_name>",
            "\t</wp:tag>",
        ]
    raise ValueError(f"unknown taxonomy {term.taxonomy!r}")


def _item(item: Item) -> list[str]:
    date_gmt = utc(item.date)
    lines = [
        "\t<item>",
        f"\t\t<title>{cdata(item.title)}</title>",
        f"\t\t{_element('link', item.link)}",
        f"\t\t{_element('pubDate', email.utils.format_datetime(date_gmt))}",
    ]
    if item.creator:
        lines.append(f"\t\t<dc:creator>{cdata(item.creator)}</dc:creator>")
    lines += [
        f'\t\t<guid isPermaLink="false">{escape(xml_safe(item.guid))}</guid>',
        "\t\t<description></description>",
        f"\t\t<content:encoded>{cdata(item.content)}</content:encoded>",
        f"\t\t<excerpt:encoded>{cdata(item.excerpt)}</excerpt:encoded>",
        f"\t\t{_element('wp:post_id', item.post_id)}",
        f"\t\t<wp:post_date>{cdata(mysql_time(item.date))}</wp:post_date>",
        f"\t\t<wp:post_date_gmt>{cdata(mysql_time(date_gmt))}</wp:post_date_gmt>",
        f"\t\t<wp:post_name>{cdata(item.slug)}</wp:post_name>",
        f"\t\t<wp:status>{cdata(item.status)}</wp:status>",
        f"\t\t{_element('wp:post_parent', item.parent)}",
        f"\t\t{_element('wp:menu_order', 0)}",
        f"\t\t<wp:post_type>{cdata(item.post_type)}</wp:post_type>",
        "\t\t<wp:post_password></wp:post_password>",
        f"\t\t{_element('wp:is_sticky', 0)}",
    ]
    if item.attachment_url:
        lines.append(f"\t\t<wp:attachment_url>{cdata(item.attachment_url)}</wp:attachment_url>")
    for term in item.terms:
        domain, nicename = quoteattr(term.taxonomy), quoteattr(xml_safe(term.slug))
        lines.append(
            f"\t\t<category domain={domain} nicename={nicename}>{cdata(term.name)}</category>"
        )
    for key, value in item.postmeta:
        lines += [
            "\t\t<wp:postmeta>",
            f"\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>",
            f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>",
            "\t\t</wp:postmeta>",
        ]
    lines.append("\t</item>")
    return lines


def wxr_document(channel: Channel) -> str:
    """The whole WXR file as text (UTF-8 when encoded), ending with a newline."""
    namespaces = "".join(f'\n\txmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    lines = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        f'<rss version="2.0"{namespaces}\n>',
        "<channel>",
        f"\t{_element('title', channel.title)}",
        f"\t{_element('link', channel.base_url)}",
        f"\t{_element('description', channel.description)}",
        f"\t{_element('pubDate', email.utils.format_datetime(utc(channel.date)))}",
        f"\t{_element('language', channel.language)}",
        f"\t{_element('wp:wxr_version', WXR_VERSION)}",
        f"\t{_element('wp:base_site_url', channel.base_url)}",
        f"\t{_element('wp:base_blog_url', channel.base_url)}",
    ]
    for author in channel.authors:
        lines += _author(author)
    for term in channel.terms:
        lines += _term_definition(term)
    for item in channel.items:
        lines += _item(item)
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)
