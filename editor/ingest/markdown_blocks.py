"""Markdown for the blocks the HTML walk builds from their rendered content
(editor/ingest/html_walk.py): list items and Word's flat list paragraphs as nested lists, and
tables as pipe tables (their rows and cells read from the parsed tree)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode


def prefixed(text: str, prefix: str, empty_prefix: str) -> str:
    return "\n".join(f"{prefix}{line}" if line else empty_prefix for line in text.split("\n"))


def list_item(blocks: list[str], marker: str) -> str:
    first, *rest = blocks
    lines = [f"{marker} {indented(first, 4).lstrip(' ')}"]
    for block in rest:
        nested = block.startswith(("- ", "1.")) or re.match(r"\d+\. ", block) is not None
        separator = "" if nested else "\n"  # a paragraph after the first makes a loose item
        lines.append(f"{separator}{indented(block, 4)}")
    return "\n".join(lines)


def indented(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(f"{pad}{line}" if line else "" for line in text.split("\n"))


def list_start(node: LexborNode) -> int:
    start = (node.attributes.get("start") or "1").strip()
    return int(start) if start.isdigit() and len(start) < 7 else 1


def nested_list(entries: list[tuple[int, bool, list[str]]]) -> str:
    """Word's flat list paragraphs, each with its level, as one nested Markdown list."""
    lines: list[str] = []
    numbers: dict[int, int] = {}
    for level, ordered, blocks in entries:
        for deeper in [known for known in numbers if known > level]:
            del numbers[deeper]
        numbers[level] = numbers.get(level, 0) + 1
        marker = f"{numbers[level]}." if ordered else "-"
        item = list_item(blocks, marker)
        lines.append(indented(item, 4 * (level - 1)))
    return "\n".join(lines)


def table_rows(table: LexborNode) -> list[LexborNode]:
    rows = []
    child = table.child
    while child is not None:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(table_rows(child))
        child = child.next
    return rows


def row_cells(row: LexborNode) -> list[LexborNode]:
    cells = []
    child = row.child
    while child is not None:
        if child.tag in ("td", "th"):
            cells.append(child)
        child = child.next
    return cells


def table_line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
