"""The rendered body tree written as Word paragraphs, with Word's own styles.

Input is the element tree of ``editor.export.body_tree`` (the sanitised HTML the preview shows),
so Word gets the same structure: subheads become Heading 2/3 paragraphs, quotes the built-in
Quote style, links real hyperlinks (``w:hyperlink`` with an external relationship, in the
Hyperlink character style), lists Word's list styles with their own numbering, photos inline
pictures followed by a Caption paragraph holding caption and credit. Text is written as text,
never as markup, and characters XML cannot hold are dropped, so no field can break the file.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from xml.etree import ElementTree as ET

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_UNDERLINE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from editor.export.body_tree import text_of
from editor.export.xml_writing import xml_safe

_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
LINK_SCHEMES = ("http://", "https://", "mailto:")
MONOSPACE = "Courier New"
HYPERLINK_STYLE = "Hyperlink"
MAX_COLUMNS = 63  # the most columns a Word table can have

BLOCK_TAGS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "hr",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "div",
        "dl", "dt", "dd",
    }
)  # fmt: skip
# Tags whose text is never story text (the sanitiser removes them; kept out here too).
_SKIPPED_TAGS = frozenset({"script", "style", "template", "title"})


def xml_text(value: str) -> str:
    """``value`` without the characters a Word file cannot hold: XML 1.0's (python-docx
    refuses them; a hostile field may carry any)."""
    return xml_safe(value)


@dataclass(frozen=True)
class PhotoPicture:
    """A photo as Word places it: the JPEG rendition and its alt text."""

    data: bytes
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class PageBox:
    """The text area pictures are fitted into, in EMU."""

    width: int
    max_picture_height: int


@dataclass(frozen=True)
class _Format:
    """Character formatting inherited down the inline elements."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    subscript: bool = False
    superscript: bool = False
    monospace: bool = False
    highlight: bool = False
    all_caps: bool = False


_INLINE_FORMATS: dict[str, dict[str, bool]] = {
    "strong": {"bold": True},
    "b": {"bold": True},
    "em": {"italic": True},
    "i": {"italic": True},
    "cite": {"italic": True},
    "u": {"underline": True},
    "ins": {"underline": True},
    "s": {"strike": True},
    "del": {"strike": True},
    "sub": {"subscript": True},
    "sup": {"superscript": True},
    "code": {"monospace": True},
    "mark": {"highlight": True},
}


@dataclass
class _ListItem:
    """One list item: its first paragraph carries the bullet or number, later ones align."""

    level: int  # 1 for a top-level list
    ordered: bool
    num_id: int | None  # the restarted numbering of an ordered list
    started: bool = False


@dataclass(frozen=True)
class _Context:
    quoted: bool = False
    list_level: int = 0
    item: _ListItem | None = None
    style: str | None = None  # the paragraph style of loose text here (headings, captions)
    format: _Format = field(default_factory=_Format)
    preformatted: bool = False


class _Sink:
    """Where paragraphs go: the document body or a table cell."""

    def __init__(self, container: Document | _Cell) -> None:
        self.container = container
        # A new cell already holds one empty paragraph: the first one written reuses it.
        self._spare: Paragraph | None = (
            container.paragraphs[0] if isinstance(container, _Cell) else None
        )

    def add_paragraph(self, style: str | None) -> Paragraph:
        if self._spare is not None:
            paragraph, self._spare = self._spare, None
            if style:
                paragraph.style = style
            return paragraph
        return self.container.add_paragraph(style=style)


class BodyWriter:
    """Writes body trees into one document; ``picture_for(src)`` finds the photo an ``<img>``
    shows (None for any address that is not one of the article's published photos)."""

    def __init__(
        self,
        document: Document,
        picture_for: Callable[[str], PhotoPicture | None],
        page: PageBox,
    ) -> None:
        self.document = document
        self._picture_for = picture_for
        self._page = page
        self._list_level_styles: dict[bool, str] = {True: "List Number", False: "List Bullet"}
        ensure_hyperlink_style(document)

    # --- blocks --------------------------------------------------------------------------------

    def write(self, root: ET.Element) -> None:
        """Every child of ``root`` (a ``<body>`` element), in order."""
        self._container(root, _Context(), _Sink(self.document))

    def _container(self, element: ET.Element, context: _Context, sink: _Sink) -> None:
        """Children of a block container; loose inline content between blocks becomes
        paragraphs of the container's own style."""
        pending: list[ET.Element | str] = []
        if element.text:
            pending.append(element.text)
        for child in element:
            if child.tag in _SKIPPED_TAGS:
                pass
            elif child.tag in BLOCK_TAGS:
                self._loose(pending, context, sink)
                pending = []
                self._block(child, context, sink)
            else:
                pending.append(child)
            if child.tail:
                pending.append(child.tail)
        self._loose(pending, context, sink)

    def _loose(self, pending: list[ET.Element | str], context: _Context, sink: _Sink) -> None:
        # Whitespace between blocks (the source's line breaks) is no paragraph.
        if not any(isinstance(node, ET.Element) or node.strip() for node in pending):
            return
        paragraph = self._paragraph(context, sink)
        for node in pending:
            if isinstance(node, str):
                self._text(paragraph, node, context)
            else:
                self._inline(paragraph, node, context)
        _trim_trailing_space(paragraph)

    def _block(self, element: ET.Element, context: _Context, sink: _Sink) -> None:
        tag = element.tag
        classes = (element.get("class") or "").split()
        if tag == "p":
            self._container(element, context, sink)
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            # A heading in a list or quote is still a heading.
            self._container(element, replace(context, style=f"Heading {tag[1]}", item=None), sink)
        elif tag == "blockquote":
            self._container(element, replace(context, quoted=True), sink)
        elif tag in {"ul", "ol"}:
            self._list(element, context, sink)
        elif tag == "li":  # an item outside any list (raw HTML): a plain paragraph
            self._container(element, context, sink)
        elif tag == "pre":
            code = replace(context.format, monospace=True)
            preformatted = replace(context, preformatted=True, format=code)
            self._container(_without_final_newline(element), preformatted, sink)
        elif tag == "hr":
            paragraph = self._paragraph(replace(context, item=None), sink)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run("* * *")
        elif tag == "table":
            self._table(element, context, sink)
        elif tag in {"thead", "tbody", "tfoot", "tr", "th", "td"}:  # stray table parts
            self._container(element, context, sink)
        elif tag == "figure" and "photo" in classes:
            self._figure(element, context, sink)
        elif tag == "figcaption":
            self._caption(element, context, sink)
        elif tag == "dt":
            self._container(element, replace(context, format=_bold(context.format)), sink)
        elif tag == "dd":
            paragraph_count = len(sink.container.paragraphs)
            self._container(element, context, sink)
            for paragraph in sink.container.paragraphs[paragraph_count:]:
                paragraph.paragraph_format.left_indent = Pt(24)
        else:  # div, dl, a figure that is not a photo: their content, in order
            self._container(element, context, sink)

    def _paragraph(self, context: _Context, sink: _Sink) -> Paragraph:
        item = context.item
        if item is not None and context.style is None:
            level = min(item.level, 3)
            suffix = "" if level == 1 else f" {level}"
            if item.started:
                return sink.add_paragraph(f"List Continue{suffix}")
            item.started = True
            paragraph = sink.add_paragraph(f"{self._list_level_styles[item.ordered]}{suffix}")
            if item.num_id is not None:
                _set_numbering(paragraph, item.num_id)
            return paragraph
        if context.style is not None:
            return sink.add_paragraph(context.style)
        return sink.add_paragraph("Quote" if context.quoted else None)

    def _list(self, element: ET.Element, context: _Context, sink: _Sink) -> None:
        ordered = element.tag == "ol"
        level = context.list_level + 1
        num_id = None
        if ordered:
            start = _int_attribute(element.get("start"), default=1)
            num_id = restart_numbering(self.document, _style_name("List Number", level), start)
        for child in element:
            if child.tag != "li":
                self._block(child, context, sink)
                continue
            item = _ListItem(level, ordered, num_id)
            item_context = replace(context, list_level=level, item=item, style=None)
            self._container(child, item_context, sink)

    def _table(self, element: ET.Element, context: _Context, sink: _Sink) -> None:
        rows = list(_rows(element))
        widths = [sum(_span(cell) for cell in _cells(row)) for row in rows]
        columns = min(max(widths, default=0), MAX_COLUMNS)
        if not columns:
            return
        table = sink.container.add_table(rows=0, cols=columns)
        table.style = self.document.styles["Table Grid"]
        cell_context = replace(context, item=None, list_level=0, quoted=False)
        for row in rows:
            cells = table.add_row().cells
            column = 0
            for cell_element in _cells(row):
                span = min(_span(cell_element), columns - column)
                cell = cells[column]
                if span > 1:
                    cell = cell.merge(cells[column + span - 1])
                header = cell_element.tag == "th"
                style = replace(cell_context, format=_bold(context.format)) if header else None
                self._container(cell_element, style or cell_context, _Sink(cell))
                column += span
                if column >= columns:
                    break

    def _figure(self, element: ET.Element, context: _Context, sink: _Sink) -> None:
        figure_context = replace(context, item=None, style=None, quoted=False)
        img = next(element.iter("img"), None)
        picture = self._picture_for(img.get("src", "")) if img is not None else None
        if picture is not None:
            paragraph = sink.add_paragraph(None)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = True  # the photo stays by its caption
            self._picture(paragraph.add_run(), picture, self._page.width)
        for child in element:
            if child.tag == "figcaption":
                self._caption(child, figure_context, sink)
            elif child.tag == "div":  # the placeholder of a photo not in the package
                paragraph = sink.add_paragraph(None)
                run = paragraph.add_run(xml_text(_collapse(text_of(child)).strip()))
                run.italic = True

    def _caption(self, element: ET.Element, context: _Context, sink: _Sink) -> None:
        paragraph = sink.add_paragraph("Caption")
        caption_context = replace(context, item=None, style="Caption")
        self._inline_children(paragraph, element, caption_context)
        _trim_trailing_space(paragraph)

    # --- inline content ------------------------------------------------------------------------

    def _inline(self, paragraph: Paragraph, element: ET.Element, context: _Context) -> None:
        tag = element.tag
        classes = (element.get("class") or "").split()
        if tag in _SKIPPED_TAGS:
            return
        if tag == "br":
            self._run(paragraph, "", context).add_break()
            return
        if tag == "img":
            picture = self._picture_for(element.get("src", ""))
            if picture is not None:  # an image in running text keeps its own size, at most
                natural = picture.width * 9525  # one CSS pixel is 9,525 EMU
                self._picture(self._run(paragraph, "", context), picture, natural)
            return
        if tag == "a":
            self._link(paragraph, element, context)
            return
        formatting = context.format
        if tag in _INLINE_FORMATS:
            formatting = replace(formatting, **_INLINE_FORMATS[tag])
        if "end-mark" in classes:
            formatting = _bold(formatting)
        if "credit" in classes:
            formatting = replace(formatting, all_caps=True, bold=False)
        child_context = replace(context, format=formatting)
        if tag == "q":
            self._text(paragraph, "“", child_context)
        self._inline_children(paragraph, element, child_context)
        if tag == "q":
            self._text(paragraph, "”", child_context)

    def _inline_children(self, paragraph: Paragraph, element: ET.Element, context: _Context):
        if element.text:
            self._text(paragraph, element.text, context)
        for child in element:
            if child.tag in BLOCK_TAGS:  # a block inside inline content: its text, inline
                self._inline_children(paragraph, child, context)
            else:
                self._inline(paragraph, child, context)
            if child.tail:
                self._text(paragraph, child.tail, context)

    def _link(self, paragraph: Paragraph, element: ET.Element, context: _Context) -> None:
        href = (element.get("href") or "").strip()
        if "footnote-backref" in (element.get("class") or "").split():
            return  # the "back to the text" arrow of a footnote means nothing on paper
        if not href.lower().startswith(LINK_SCHEMES):
            # In-page anchors (footnote references) and anything else: the text alone.
            self._inline_children(paragraph, element, context)
            return
        relationship_id = paragraph.part.relate_to(
            xml_text(href), RELATIONSHIP_TYPE.HYPERLINK, is_external=True
        )
        hyperlink = OxmlElement("w:hyperlink", {qn("r:id"): relationship_id})
        hyperlink.set(qn("w:history"), "1")
        paragraph._p.append(hyperlink)
        count = len(paragraph._p.r_lst)
        self._inline_children(paragraph, element, context)
        # The runs just written went to the paragraph's end: move them inside the link.
        for run_element in paragraph._p.r_lst[count:]:
            hyperlink.append(run_element)
            Run(run_element, paragraph).style = HYPERLINK_STYLE
        if not len(hyperlink):
            paragraph._p.remove(hyperlink)

    def _text(self, paragraph: Paragraph, text: str, context: _Context) -> None:
        text = xml_text(text)
        if context.preformatted:
            lines = text.split("\n")
            for number, line in enumerate(lines):
                run = self._run(paragraph, line, context)
                if number < len(lines) - 1:
                    run.add_break()
            return
        text = _collapse(text)
        if not paragraph.runs and not paragraph._p.xpath("./w:hyperlink"):
            text = text.lstrip()  # a paragraph does not start with the source's line break
        if text:
            self._run(paragraph, text, context)

    def _run(self, paragraph: Paragraph, text: str, context: _Context) -> Run:
        run = paragraph.add_run(text)
        formatting = context.format
        if formatting.bold:
            run.bold = True
        if formatting.italic:
            run.italic = True
        if formatting.underline:
            run.underline = WD_UNDERLINE.SINGLE
        if formatting.strike:
            run.font.strike = True
        if formatting.subscript:
            run.font.subscript = True
        if formatting.superscript:
            run.font.superscript = True
        if formatting.monospace:
            run.font.name = MONOSPACE
        if formatting.highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if formatting.all_caps:
            run.font.all_caps = True
        return run

    def _picture(self, run: Run, picture: PhotoPicture, max_width: int) -> None:
        width = min(self._page.width, max_width)
        height = round(width * picture.height / max(picture.width, 1))
        if height > self._page.max_picture_height:  # an upright photo: fit its height instead
            height = self._page.max_picture_height
            width = round(height * picture.width / max(picture.height, 1))
        shape = run.add_picture(io.BytesIO(picture.data), width=Emu(width), height=Emu(height))
        if picture.alt:
            # Word's "alt text" is the drawing's description.
            shape._inline.docPr.set("descr", xml_text(picture.alt))


# --- Word details --------------------------------------------------------------------------------


def ensure_hyperlink_style(document: Document) -> None:
    """The built-in Hyperlink character style (python-docx's template lacks it)."""
    styles = document.styles
    if any(style.name == HYPERLINK_STYLE for style in styles):
        return
    style = styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.base_style = styles["Default Paragraph Font"]
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    style.font.underline = WD_UNDERLINE.SINGLE
    style.priority = 99
    style.unhide_when_used = True


def restart_numbering(document: Document, list_style: str, start: int) -> int | None:
    """A new numbering instance of ``list_style``'s list, counting from ``start``, so each
    ordered list counts from its own first number instead of carrying on from the last list."""
    style_element = document.styles[list_style].element
    style_num = style_element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    numbering = document.part.numbering_part.element
    if not style_num:
        return None
    abstract = numbering.xpath(f'./w:num[@w:numId="{style_num[0]}"]/w:abstractNumId/@w:val')
    if not abstract:
        return None
    num_id = max((int(value) for value in numbering.xpath("./w:num/@w:numId")), default=0) + 1
    num = OxmlElement("w:num", {qn("w:numId"): str(num_id)})
    num.append(OxmlElement("w:abstractNumId", {qn("w:val"): abstract[0]}))
    override = OxmlElement("w:lvlOverride", {qn("w:ilvl"): "0"})
    override.append(OxmlElement("w:startOverride", {qn("w:val"): str(start)}))
    num.append(override)
    numbering.append(num)  # w:num elements come after every w:abstractNum, as the schema asks
    return num_id


def _set_numbering(paragraph: Paragraph, num_id: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = properties.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _style_name(base: str, level: int) -> str:
    level = min(level, 3)
    return base if level == 1 else f"{base} {level}"


def _bold(formatting: _Format) -> _Format:
    return replace(formatting, bold=True)


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text)


def _trim_trailing_space(paragraph: Paragraph) -> None:
    runs = paragraph._p.xpath("./w:r | ./w:hyperlink/w:r")
    if runs:
        run = Run(runs[-1], paragraph)
        # Python-Markdown puts a no-break space before a footnote's (dropped) back-link.
        if run.text.endswith((" ", "\u00a0")):
            run.text = run.text.rstrip(" \u00a0")


def _without_final_newline(pre: ET.Element) -> ET.Element:
    """A copy of a ``<pre>`` without the line break that ends every code block's text."""
    pre = copy.deepcopy(pre)
    last: ET.Element | None = None
    for element in pre.iter():
        last = element
    if last is not None and last is not pre and last.tail:
        last.tail = last.tail.removesuffix("\n")
    elif last is not None and last.text:
        last.text = last.text.removesuffix("\n")
    return pre


def _int_attribute(value: str | None, *, default: int) -> int:
    try:
        number = int(value or "")
    except ValueError:
        return default
    return number if 0 <= number <= 32767 else default  # Word's limit for a list's start


def _rows(table: ET.Element) -> Iterator[ET.Element]:
    """The table's own rows (not those of a table inside one of its cells)."""
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in {"thead", "tbody", "tfoot"}:
            yield from (row for row in child if row.tag == "tr")


def _cells(row: ET.Element) -> Iterator[ET.Element]:
    return (cell for cell in row if cell.tag in {"th", "td"})


def _span(cell: ET.Element) -> int:
    return min(_int_attribute(cell.get("colspan"), default=1) or 1, MAX_COLUMNS)
