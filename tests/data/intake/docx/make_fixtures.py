"""Remake the DOCX fixtures: two written by python-docx, one by LibreOffice from a flat ODF file.

Run from the repository root with the project's Python (LibreOffice's ``soffice`` on the PATH):

    python tests/data/intake/docx/make_fixtures.py

python-docx cannot write tracked changes, footnotes or hyperlinks: those are written here as
WordprocessingML by hand, the way Word stores them. The LibreOffice story is written as a flat
ODF text (``libreoffice-story.fodt``, kept) and converted with
``soffice --headless --convert-to docx``; LibreOffice writes its footnotes, comments, tracked
changes and image descriptions into the DOCX itself.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
W_NS = nsdecls("w")


def small_photo(colour: tuple[int, int, int], label: str) -> bytes:
    """A JPEG of a few KB: a gradient with a label, so that each photo differs."""
    image = Image.new("RGB", (240, 160), colour)
    draw = ImageDraw.Draw(image)
    for x in range(0, 240, 8):
        draw.line([(x, 0), (x, 160)], fill=(x, 255 - x, 128))
    draw.rectangle([20, 60, 220, 100], fill=(255, 255, 255))
    draw.text((30, 72), label, fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60)
    return out.getvalue()


# --- python-docx -------------------------------------------------------------------------------


def add_link(paragraph, text: str, url: str) -> None:  # type: ignore[no-untyped-def]
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}"><w:r><w:rPr>'
            f'<w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{text}</w:t>'
            "</w:r></w:hyperlink>"
        )
    )


def add_tracked(paragraph, inserted: str, deleted: str) -> None:  # type: ignore[no-untyped-def]
    """A tracked insertion and a tracked deletion, as Word records them."""
    stamp = 'w:author="Desk Editor" w:date="2026-12-03T10:00:00Z"'
    paragraph._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="901" {stamp}><w:r>'
            f'<w:t xml:space="preserve">{inserted}</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="902" {stamp}><w:r>'
            f'<w:delText xml:space="preserve">{deleted}</w:delText></w:r></w:del>'
        )
    )


def stamp(document) -> None:  # type: ignore[no-untyped-def]
    """Fixed dates: the template's own (2013) would be taken for the story's year."""
    document.core_properties.author = "Dateline fixtures"
    document.core_properties.created = dt.datetime(2026, 12, 3, 9, 0)
    document.core_properties.modified = dt.datetime(2026, 12, 3, 11, 0)


def add_photo(document, data: bytes, alt: str) -> None:  # type: ignore[no-untyped-def]
    document.add_picture(io.BytesIO(data), width=Cm(6))
    inline = document.paragraphs[-1]._p.xpath(".//wp:docPr")[0]
    inline.set("descr", alt)


def make_python_docx_story(path: Path) -> None:
    document = Document()
    document.add_heading("Migrant caravan sets out from southern Mexico", level=0)
    document.add_paragraph(
        "Thousands walk north from Tapachula ahead of the holidays", style="Subtitle"
    )
    document.add_paragraph("By Ana Pérez and John Smith")
    lead = document.add_paragraph(
        "TAPACHULA, Mexico, Dec 3 (EFE).- A caravan of about 1,500 migrants left this city on "
    )
    lead.add_run("Wednesday").bold = True
    lead.add_run(" morning, the largest this year, ")
    lead.add_run("according to organisers").italic = True
    lead.add_run(".")
    commented = document.add_paragraph("Officials said the group was ")
    run = commented.add_run("mostly Venezuelan")
    commented.add_run(" and Honduran, and that ")
    add_tracked(commented, "fifty families ", "dozens of families ")
    commented.add_run("travelled with small children.")
    document.add_comment(run, text="Check the nationalities with UNHCR.", author="Maria Ortiz")
    document.add_comment(
        commented.runs[-1], text="Numbers from the state police.", author="Luis Gómez"
    )
    document.add_heading("A long road north", level=2)
    linked = document.add_paragraph("The ")
    add_link(linked, "UN refugee agency", "https://www.acnur.org/")
    linked.add_run(" counted record asylum claims in Tapachula this year.")
    document.add_paragraph("What the migrants carry:")
    document.add_paragraph("Water and food for three days", style="List Bullet")
    document.add_paragraph("Documents:", style="List Bullet")
    # python-docx's template gives "List Bullet 2" a list of its own, one level deep: readers
    # show these items in the same flat list (true nesting is in the LibreOffice story).
    document.add_paragraph("Passports", style="List Bullet 2")
    document.add_paragraph("Asylum appointments", style="List Bullet 2")
    document.add_paragraph("Phones and chargers", style="List Bullet")
    document.add_heading("The route", level=3)
    document.add_paragraph("Tapachula to Huixtla", style="List Number")
    document.add_paragraph("Huixtla to Escuintla", style="List Number")
    add_photo(document, small_photo((200, 120, 60), "caravan"), "Migrants walk along a highway")
    document.add_paragraph(
        "Migrants walk along the coastal highway near Huixtla. EFE/Juan Manuel Blanco",
        style="Caption",
    )
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    cells = [("Year", "Asylum claims"), ("2024", "78,000"), ("2025", "96,000")]
    for row, (left, right) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    add_photo(document, small_photo((60, 120, 200), "shelter"), "A shelter in Huixtla at night")
    document.add_paragraph("Photo: Juan Manuel Blanco / EFE")
    last = document.add_paragraph("The caravan expects to reach Huixtla by nightfall.")
    last.add_run().add_break(WD_BREAK.LINE)
    last.add_run("Organisers asked for water donations.")
    stamp(document)
    document.save(path)


def make_python_docx_plain(path: Path) -> None:
    """No Title style: the headline is the first line, the dek a bold paragraph (Spanish)."""
    document = Document()
    document.add_paragraph("La caravana migrante sale de Tapachula")
    dek = document.add_paragraph()
    dek.add_run("Unas 1.500 personas caminan hacia el norte antes de las fiestas").bold = True
    document.add_paragraph("Por María López")
    document.add_paragraph(
        "Tapachula (México), 3 dic (EFE).- Una caravana de unos 1.500 migrantes salió este "
        "miércoles de esta ciudad."
    )
    document.add_paragraph("Los organizadores pidieron agua y comida.")
    document.add_heading("Un camino largo", level=2)
    document.add_paragraph("El grupo espera llegar a Huixtla por la noche.")
    add_photo(document, small_photo((90, 160, 90), "albergue"), "Un albergue en Huixtla")
    document.add_paragraph("Foto: EFE/Juan Manuel Blanco")
    stamp(document)
    document.save(path)


# --- LibreOffice ---------------------------------------------------------------------------------

FODT_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"
   style:class="chapter"><style:text-properties fo:font-size="28pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading"
   style:class="chapter"><style:text-properties fo:font-size="18pt"/></style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
   style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"/>
  <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph"
   style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"/>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"
   style:class="extra"><style:text-properties fo:font-style="italic"/></style:style>
  <style:style style:name="Footnote" style:family="paragraph"
   style:parent-style-name="Standard" style:class="extra"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="T2" style:family="text">
   <style:text-properties fo:font-style="italic"/></style:style>
  <text:list-style style:name="LB">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
   <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
  </text:list-style>
  <text:list-style style:name="LN">
   <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  </text:list-style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:tracked-changes text:track-changes="true">
   <text:changed-region xml:id="ct1" text:id="ct1"><text:insertion><office:change-info>
    <dc:creator>Desk Editor</dc:creator><dc:date>2026-12-03T10:00:00</dc:date>
   </office:change-info></text:insertion></text:changed-region>
   <text:changed-region xml:id="ct2" text:id="ct2"><text:deletion><office:change-info>
    <dc:creator>Desk Editor</dc:creator><dc:date>2026-12-03T10:01:00</dc:date>
   </office:change-info><text:p>about two thousand </text:p></text:deletion>
   </text:changed-region>
  </text:tracked-changes>
  <text:p text:style-name="Title">Caravan reaches Huixtla after a night on the road</text:p>
  <text:p text:style-name="Subtitle">Families rest in a shelter before walking on</text:p>
  <text:p text:style-name="Standard">By Juan Manuel Blanco</text:p>
  <text:p text:style-name="Standard">HUIXTLA, Mexico, Dec 4 (EFE).- The caravan of <text:change
   text:change-id="ct2"/><text:change-start text:change-id="ct1"/>some 1,500 <text:change-end
   text:change-id="ct1"/>migrants reached this town on <text:span text:style-name="T1"
   >Thursday</text:span>, <text:span text:style-name="T2">tired but determined</text:span
   >.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation
   ><text:note-body><text:p text:style-name="Footnote">Figure from the organisers; the police
   counted fewer.</text:p></text:note-body></text:note></text:p>
  <text:p text:style-name="Standard">A doctor from <text:a xlink:type="simple"
   xlink:href="https://www.msf.org/">Doctors Without Borders</text:a> treated
   blisters<office:annotation><dc:creator>Maria Ortiz</dc:creator><dc:date
   >2026-12-04T08:00:00</dc:date><text:p>Ask MSF for the number of patients.</text:p
   ></office:annotation> and dehydration.<text:note text:id="ftn2" text:note-class="footnote"
   ><text:note-citation>2</text:note-citation><text:note-body><text:p text:style-name="Footnote"
   >The charity's own figure.</text:p></text:note-body></text:note></text:p>
  <text:h text:style-name="Heading_20_2" text:outline-level="2">What comes next</text:h>
  <text:list text:style-name="LB">
   <text:list-item><text:p>Rest for a day</text:p></text:list-item>
   <text:list-item><text:p>Walk to Escuintla</text:p>
    <text:list><text:list-item><text:p>About 30 km</text:p></text:list-item></text:list>
   </text:list-item>
  </text:list>
  <text:h text:style-name="Heading_20_3" text:outline-level="3">Numbers</text:h>
  <text:list text:style-name="LN">
   <text:list-item><text:p>1,500 walkers</text:p></text:list-item>
   <text:list-item><text:p>300 children</text:p></text:list-item>
  </text:list>
  <table:table table:name="Figures">
   <table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell office:value-type="string"><text:p>Town</text:p
    ></table:table-cell><table:table-cell office:value-type="string"><text:p>Km</text:p
    ></table:table-cell></table:table-row>
   <table:table-row><table:table-cell office:value-type="string"><text:p>Huixtla</text:p
    ></table:table-cell><table:table-cell office:value-type="string"><text:p>40</text:p
    ></table:table-cell></table:table-row>
  </table:table>
  <text:p text:style-name="Standard"><draw:frame draw:name="Photo1" text:anchor-type="as-char"
   svg:width="6cm" svg:height="4cm"><draw:image><office:binary-data>{photo1}</office:binary-data
   ></draw:image><svg:title>Shelter</svg:title>
   <svg:desc>Families sleep on mats in a shelter</svg:desc></draw:frame></text:p>
  <text:p text:style-name="Caption"
   >Families sleep in the Huixtla shelter. EFE/Juan Manuel Blanco</text:p>
  <text:p text:style-name="Standard"><draw:frame draw:name="Photo2" text:anchor-type="as-char"
   svg:width="6cm" svg:height="4cm"><draw:image><office:binary-data>{photo2}</office:binary-data
   ></draw:image><svg:desc>A volunteer hands out water</svg:desc></draw:frame></text:p>
  <text:p text:style-name="Standard">Foto: EFE/Juan Manuel Blanco</text:p>
  <text:p text:style-name="Standard">The group plans to leave at dawn.<text:note text:id="edn1"
   text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p
   >Reporting by the EFE bureau in Tapachula.</text:p></text:note-body></text:note></text:p>
 </office:text></office:body>
</office:document>
"""


def make_libreoffice_story(path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed: apt-get install libreoffice-writer")
    fodt = path.with_suffix(".fodt")
    fodt.write_text(
        FODT_TEMPLATE.format(
            photo1=base64.b64encode(small_photo((150, 90, 40), "shelter")).decode(),
            photo2=base64.b64encode(small_photo((40, 90, 150), "water")).decode(),
        ),
        encoding="utf-8",
    )
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                out,
                str(fodt),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.copyfile(Path(out) / fodt.with_suffix(".docx").name, path)


def main() -> None:
    make_python_docx_story(HERE / "python-docx-story.docx")
    make_python_docx_plain(HERE / "python-docx-plain.docx")
    make_libreoffice_story(HERE / "libreoffice-story.docx")
    print("wrote", *sorted(path.name for path in HERE.glob("*.docx")))


if __name__ == "__main__":
    main()
