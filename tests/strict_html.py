"""Parsing exported HTML as a browser would, failing on any HTML parse error (html5lib)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import html5lib


def _strict_parser() -> html5lib.HTMLParser:
    return html5lib.HTMLParser(
        strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )


def parse_page(page: str) -> etree.Element:
    """A whole page as its ``<html>`` element; raises on any parse error."""
    return _strict_parser().parse(page)


def parse_fragment(markup: str) -> etree.Element:
    """A body fragment as the children of one element; raises on any parse error."""
    return _strict_parser().parseFragment(markup)
