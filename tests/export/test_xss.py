"""Hostile content: classic cross-site-scripting payloads (tests/data/xss-payloads.txt) put into
every field of a story and its body never run in the preview and never appear active in any
export.

What "active" means per format:

* HTML (html, web, WordPress post.html, the HTML inside WXR and ninjs): parsed as a browser
  would (html5lib), no script element but our own JSON-LD data, no event-handler attribute, no
  javascript:/vbscript:/data:text URL in any attribute that loads or navigates, no frame,
  object, embed, base, form or http-equiv meta, no style that runs code.
* XML (NITF, NewsML, WXR, the XMP inside exported photos): parsed with lxml, the payload is only
  ever text: no element or processing instruction it names, no entity it declares.
* DOCX: links only to http, https and mailto; no field codes, embedded objects or macros.
* PDF: no JavaScript, launch or form actions; links only to http, https and mailto.
* Markdown (a Hugo page bundle): the front matter loads as YAML and gives back each payload as a
  plain string. The body carries only what the sanitiser keeps (editor/export/safe_markdown.py):
  raw HTML is written as text and script addresses point nowhere, so it stays inert even on a
  site that sets markup.goldmark.renderer.unsafe = true (tests/security/test_15_*). Shortcodes
  run under every setting, so no ``{{< >}}`` or ``{{% %}}`` the reporter typed may reach the
  bundle as a shortcode: Hugo must show it as text.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import html5lib
import pytest
import yaml
from lxml import etree

from editor.export import get_exporter, list_formats
from editor.export.base import ExportOptions
from editor.model.article import Article, Dateline
from editor.model.media_store import MediaStore
from editor.render.sanitise import sanitise

from factories import image_bytes, stored_photo
from locations import DATA

PAYLOAD_FILE = DATA / "xss-payloads.txt"


def load_payloads() -> list[str]:
    lines = PAYLOAD_FILE.read_text(encoding="utf-8").splitlines()
    return [
        line.replace("\\n", "\n") for line in lines if line.strip() and not line.startswith("#")
    ]


PAYLOADS = load_payloads()


def batches(items: list[str], size: int) -> list[list[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


# --- the hostile story -------------------------------------------------------------------------


def body_with(payloads: list[str], end: str = "") -> str:
    """Each payload where body text can stand: a paragraph of its own, inline, as a link's
    text, in a quote, a list and a table; then a placed photo."""
    blocks = []
    for payload in payloads:
        blocks += [
            payload,
            f"The minister said {payload} on Tuesday.",
            f"[{payload}](https://example.org/)",
            f"> {payload}",
            f"- {payload}",
            f"| Said |\n|---|\n| {payload} |",
        ]
    blocks += ["![](photo:inline)", f"Last paragraph {end}".strip()]
    return "\n\n".join(blocks)


def hostile_story(
    payloads: list[str], *, override: bool, end: str = ""
) -> tuple[Article, MediaStore]:
    """A story with the payloads in every field, the body and both photos' records. The
    dateline's place and country show only without an override, so the override is a switch."""
    text = " ".join(payloads)
    media = MediaStore()
    photos = []
    for photo_id, image_format, featured in (("lead", "JPEG", True), ("inline", "PNG", False)):
        photos.append(
            stored_photo(
                media,
                photo_id,
                image_bytes(image_format),
                f"{photo_id}.{image_format.lower()}",
                original_name=text,
                caption=text,
                credit=text,
                copyright=text,
                alt=text,
                featured=featured,
            )
        )
    article = Article(
        headline=text,
        dek=text,
        byline=[text, "Ana López"],
        dateline=Dateline(place=text, country=text, source=text, override=text if override else ""),
        slug=text,
        url_slug=text,
        section=text,
        tags=[text, "migration"],
        sign_off=text,
        end_mark=text,
        editors_note=text,
        body=body_with(payloads, end),
        photos=photos,
        metadata={"source_url": text, "note": text},
    )
    if end:  # a marker the preview shows in every mode, whatever the payload swallows
        article.headline = f"{end} {text}"
    return article, media


# --- what "active" means -----------------------------------------------------------------------

_URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "cite", "ping",
    "xlink:href", "codebase", "dynsrc", "lowsrc", "srcset", "manifest", "icon", "longdesc",
}  # fmt: skip
_FORBIDDEN_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "button",
    "input", "textarea", "select", "foreignobject", "noscript", "template", "portal", "math",
    "svg", "animate", "set", "handler", "listener", "xml", "import",
}  # fmt: skip
_BAD_SCHEME_RE = re.compile(
    r"^(?:javascript|vbscript|livescript|data:(?!image/(?:jpeg|png|webp|gif)[;,]))", re.I
)
_BAD_STYLE_RE = re.compile(
    r"expression\s*\(|javascript:|behavior\s*:|-moz-binding|url\s*\(|@import", re.I
)


def _compact(url: str) -> str:
    """A URL as a browser reads its scheme: spaces and control characters anywhere removed."""
    return re.sub(r"[\x00-\x20\x7f]+", "", url)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def html_problems(text: str, *, where: str, own_head: bool = False) -> list[str]:
    """What in ``text`` (a page or a fragment) a browser would run, load or navigate to."""
    problems = []
    document = html5lib.parse(text, treebuilder="etree")
    parents = {child: parent for parent in document.iter() for child in parent}
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = _local(element.tag)
        in_head = own_head and _local(parents.get(element, element).tag) == "head"
        if tag == "script":
            if not (in_head and element.get("type") == "application/ld+json"):
                problems.append(f"{where}: a script element")
            else:
                try:
                    json.loads(element.text or "")
                except ValueError:
                    problems.append(f"{where}: JSON-LD that is not JSON")
        elif tag in _FORBIDDEN_ELEMENTS:
            problems.append(f"{where}: a <{tag}> element")
        elif tag == "style" and not (in_head and not _BAD_STYLE_RE.search(element.text or "")):
            problems.append(f"{where}: a style element")
        elif tag == "link" and not (
            in_head
            and element.get("rel") == "stylesheet"
            and re.fullmatch(r"[\w.-]+\.css", element.get("href", ""))
        ):
            problems.append(f"{where}: a link element")
        elif tag == "meta" and element.get("http-equiv") is not None:
            problems.append(f"{where}: a meta http-equiv")
        for name, value in element.attrib.items():
            attribute = (
                _local(name)
                if not name.startswith("{http://www.w3.org/1999/xlink}")
                else "xlink:href"
            )
            if attribute.startswith("on"):
                problems.append(f"{where}: an event handler {attribute} on <{tag}>")
            elif attribute in _URL_ATTRIBUTES and _BAD_SCHEME_RE.match(_compact(value)):
                problems.append(f"{where}: {attribute}={value[:60]!r} on <{tag}>")
            elif attribute == "style" and _BAD_STYLE_RE.search(value):
                problems.append(f"{where}: style={value[:60]!r} on <{tag}>")
            elif attribute == "srcdoc":
                problems.append(f"{where}: srcdoc on <{tag}>")
    return problems


_BROWSER_NAMESPACES = {
    None,
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
}
_HEAD_ELEMENTS = {"script", "style", "link", "meta"}


def xml_problems(data: bytes, *, where: str, vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """Payload text in an XML file must be text: no element, instruction or entity of its own."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [f"{where}: not well-formed XML ({error})"]
    problems = []
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None:
        problems.append(f"{where}: an internal DTD")
    for node in root.iter():
        if isinstance(node, etree._ProcessingInstruction):
            problems.append(f"{where}: a processing instruction {node.target}")
            continue
        if isinstance(node, etree._Entity):
            problems.append(f"{where}: an entity reference {node.name}")
            continue
        if not isinstance(node.tag, str):
            continue
        tag = _local(node.tag)
        # Vocabularies have their own <link> (NewsML) or <style> (Word): only markup a browser
        # would read as HTML, SVG or MathML counts.
        namespace = etree.QName(node).namespace
        if (
            namespace in _BROWSER_NAMESPACES
            and tag in _FORBIDDEN_ELEMENTS | _HEAD_ELEMENTS
            and tag not in vocabulary
        ):
            problems.append(f"{where}: a <{tag}> element")
        for name, value in node.attrib.items():
            attribute = _local(name)
            if attribute.startswith("on"):
                problems.append(f"{where}: an event handler {attribute} on <{tag}>")
            elif attribute in _URL_ATTRIBUTES and _BAD_SCHEME_RE.match(_compact(value)):
                problems.append(f"{where}: {attribute}={value[:60]!r} on <{tag}>")
    return problems


_OPEN_BLOCK_RE = re.compile(r"<!-- wp:([a-z][a-z0-9/-]*)( \{.*?\})? (/)?-->")
_CLOSE_BLOCK_RE = re.compile(r"<!-- /wp:([a-z][a-z0-9/-]*) -->")
_ANY_BLOCK_RE = re.compile(r"<!--\s*/?\s*wp:")
# The blocks the exporter writes (editor.export.gutenberg).
# wp:html holds the body's raw HTML after the sanitiser; its content is checked as HTML.
_KNOWN_BLOCKS = {
    "html", "paragraph", "heading", "image", "quote", "list", "list-item", "separator", "code",
    "table", "footnotes",
}  # fmt: skip


def block_problems(post: str, *, where: str) -> list[str]:
    """Gutenberg block comments: only ours, balanced, with JSON attributes."""
    problems = []
    opened = _OPEN_BLOCK_RE.findall(post)
    closed = _CLOSE_BLOCK_RE.findall(post)
    if len(_ANY_BLOCK_RE.findall(post)) != len(opened) + len(closed):
        problems.append(f"{where}: a block comment the exporter did not write")
    for name, attributes, _self_closing in opened:
        if name not in _KNOWN_BLOCKS:
            problems.append(f"{where}: a wp:{name} block")
        if attributes:
            try:
                json.loads(attributes)
            except ValueError:
                problems.append(f"{where}: block attributes that are not JSON")
    if sorted(closed) != sorted(name for name, _a, self_closing in opened if not self_closing):
        problems.append(f"{where}: unbalanced block comments")
    return problems


def docx_problems(data: bytes, *, where: str) -> list[str]:
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for name in names:
            lowered = name.lower()
            if "vbaproject" in lowered or "activex" in lowered or "embeddings/" in lowered:
                problems.append(f"{where}: {name}")
            if not name.endswith((".xml", ".rels")):
                continue
            xml = archive.read(name)
            problems += [
                f"{where}/{name}: {problem}"
                for problem in xml_problems(xml, where="")
                if "<meta>" not in problem
            ]
            text = xml.decode("utf-8", "replace")
            for tag in (
                "w:instrText",
                "w:fldSimple",
                "w:altChunk",
                "o:OLEObject",
                "w:attachedTemplate",
            ):
                if f"<{tag}" in text:
                    problems.append(f"{where}/{name}: {tag}")
            if name.endswith(".rels"):
                root = etree.fromstring(xml)
                for relation in root:
                    target = relation.get("Target", "")
                    if relation.get("TargetMode") == "External" and not re.match(
                        r"(?:https?://|mailto:)", target
                    ):
                        problems.append(f"{where}/{name}: an external target {target[:60]!r}")
    return problems


def pdf_problems(path: Path, *, where: str) -> list[str]:
    data = path.read_bytes()
    problems = [
        f"{where}: {key.decode()}"
        for key in (
            b"/JavaScript",
            b"/JS",
            b"/Launch",
            b"/SubmitForm",
            b"/ImportData",
            b"/AcroForm",
            b"/EmbeddedFile",
            b"/RichMedia",
        )
        if re.search(re.escape(key) + rb"[\s/(<\[]", data)
    ]
    for uri in re.findall(rb"/URI\s*\(((?:\\.|[^\\)])*)\)", data):
        if not re.match(rb"(?:https?://|mailto:)", uri):
            problems.append(f"{where}: a link to {uri[:60]!r}")
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, timeout=60)
    if result.returncode != 0:
        problems.append(f"{where}: pdftotext cannot read it")
    return problems


def _xmp_packets(data: bytes) -> list[bytes]:
    return re.findall(rb"<x:xmpmeta.*?</x:xmpmeta>", data, re.S)


def _front_matter(index: str) -> tuple[dict[str, Any], str]:
    assert index.startswith("---\n")
    end = index.index("\n---\n", 4)
    return yaml.safe_load(index[4:end]), index[end + 5 :]


_SHORTCODE_RE = re.compile(r"\{\{[<%](?!/\*)")
# The one shortcode the export writes: a photo's figure, its file named by the photo's id and
# every punctuation character of its values escaped, so nothing in them is markup.
_OUR_FIGURE_RE = re.compile(
    r'\{\{< figure src="[A-Za-z0-9_-]+\.(?:jpg|png|gif|webp)"'
    r"(?: alt=`[^\x00-\x1f`<]*`)?"
    r"(?: caption=`(?:[^\x00-\x1f`\\!\"#&'()*+\-.:<>@\[\]_{|}~]|\\[!-/:-@\[-`{-~]|&#96;)*`)?"
    r" >\}\}"
)


def markdown_problems(index: str, payload_text: str, *, where: str) -> list[str]:
    problems = []
    try:
        fields, body = _front_matter(index)
    except yaml.YAMLError as error:
        return [f"{where}: the front matter is not YAML ({error})"]
    strings = [value for value in _walk(fields) if isinstance(value, str)]
    if not any(value == payload_text.strip() for value in strings):
        problems.append(f"{where}: the headline does not come back as a plain string")
    if not all(isinstance(key, str) for key in _walk_keys(fields)):
        problems.append(f"{where}: a front-matter key that is not text")
    if _SHORTCODE_RE.search(_OUR_FIGURE_RE.sub("", body)):
        problems.append(f"{where}: a Hugo shortcode in the body")
    return problems


def _walk(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [item for child in value.values() for item in _walk(child)]
    if isinstance(value, list):
        return [item for child in value for item in _walk(child)]
    return [value]


def _walk_keys(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value.keys(), *(key for child in value.values() for key in _walk_keys(child))]
    if isinstance(value, list):
        return [key for child in value for key in _walk_keys(child)]
    return []


def _html_in_json(value: Any, where: str) -> list[str]:
    """ninjs carries HTML in body_html (2.x) and in bodies with an HTML content type (3.x)."""
    problems = []
    if isinstance(value, dict):
        content_type = str(value.get("contenttype") or value.get("contentType") or "")
        for key, child in value.items():
            if isinstance(child, str) and (
                key.endswith("html") or (key == "value" and "html" in content_type)
            ):
                problems += html_problems(child, where=f"{where}:{key}")
            else:
                problems += _html_in_json(child, where)
    elif isinstance(value, list):
        for child in value:
            problems += _html_in_json(child, where)
    return problems


def wxr_problems(data: bytes, *, where: str) -> list[str]:
    problems = xml_problems(data, where=where, vocabulary=frozenset({"link"}))  # RSS's own <link>
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        # WordPress shows a post's title, content and excerpt as HTML.
        if _local(node.tag) in {"encoded", "title", "description"} and node.text:
            problems += html_problems(node.text, where=f"{where}:{_local(node.tag)}")
            if _local(node.tag) == "encoded":
                problems += block_problems(node.text, where=f"{where}:encoded")
    return problems


def export_problems(name: str, out: Path, payload_text: str) -> list[str]:
    """Every file an export wrote, checked by its kind."""
    files = (
        [out] if out.is_file() else sorted(path for path in out.parent.rglob("*") if path.is_file())
    )
    problems = []
    for path in files:
        where = f"{name}:{path.name}"
        data = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix == ".html":
            text = data.decode("utf-8")
            problems += html_problems(text, where=where, own_head=path.name != "post.html")
            if path.name == "post.html":
                problems += block_problems(text, where=where)
        elif path.name == "wordpress.xml":
            problems += wxr_problems(data, where=where)
        elif suffix == ".xml":
            problems += xml_problems(data, where=where)
        elif suffix == ".json":
            problems += _html_in_json(json.loads(data), where)
        elif suffix == ".docx":
            problems += docx_problems(data, where=where)
        elif suffix == ".pdf":
            problems += pdf_problems(path, where=where)
        elif suffix == ".md":
            problems += markdown_problems(data.decode("utf-8"), payload_text, where=where)
        elif suffix in {".jpg", ".jpeg", ".png", ".webp"}:
            for packet in _xmp_packets(data):
                problems += xml_problems(packet, where=f"{where} XMP")
        elif suffix in {".txt", ".css", ""}:
            data.decode("utf-8")  # plain text: nothing in it runs
        else:
            problems.append(f"{where}: a file of a kind this test does not check")
    return problems


def export_everything(
    article: Article, media: MediaStore, folder: Path, formats: list[str]
) -> dict[str, Path]:
    outputs = {}
    for name in formats:
        exporter = get_exporter(name)
        place = folder / name
        place.mkdir(parents=True)
        out = place / f"story{exporter.extension}"
        exporter.export(article, media, out, ExportOptions(parallel=False))
        outputs[name] = out
    return outputs


ALL_FORMATS = [name for name, _ in list_formats()]
FAST_FORMATS = [name for name in ALL_FORMATS if name != "pdf"]


# --- the checks can fail -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<p>plain <em>text</em> &lt;script&gt;</p>", None),
        ('<img src="data:image/jpeg;base64,AAAA" alt="x">', None),
        ("<script>alert(1)</script>", "a script element"),
        ("<img src=x onerror=alert(1)>", "event handler onerror"),
        ('<a href=" java\tscript:alert(1)">x</a>', "href="),
        ('<a href="data:text/html,x">x</a>', "href="),
        ("<svg><a xlink:href='javascript:alert(1)'>x</a></svg>", "<svg>"),
        ("<iframe srcdoc='x'></iframe>", "<iframe>"),
        ('<meta http-equiv="refresh" content="0">', "http-equiv"),
        ('<div style="width:expression(alert(1))">x</div>', "style="),
        ("<base href='https://example.org/'>", "<base>"),
        ("<form action='https://example.org/'></form>", "<form>"),
    ],
)
def test_the_html_check_finds_active_content(markup: str, expected: str | None) -> None:
    problems = html_problems(markup, where="t")
    if expected is None:
        assert problems == []
    else:
        assert any(expected in problem for problem in problems), problems


def test_the_html_check_allows_our_own_head_only_in_a_page() -> None:
    page = (
        '<!DOCTYPE html><html><head><script type="application/ld+json">{"a": 1}</script>'
        '<link rel="stylesheet" href="style.css"><style>p { color: red }</style></head>'
        "<body><p>x</p></body></html>"
    )
    assert html_problems(page, where="t", own_head=True) == []
    assert len(html_problems(page, where="t", own_head=False)) == 3


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (b"<nitf><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></nitf>", None),
        (b"<nitf><p><script>alert(1)</script></p></nitf>", "<script>"),
        (b'<nitf><a href="javascript:alert(1)">x</a></nitf>', "href="),
        (b'<!DOCTYPE x [<!ENTITY e "boom">]><nitf>&e;</nitf>', "internal DTD"),
        (b"<nitf><?evil x?></nitf>", "processing instruction"),
    ],
)
def test_the_xml_check_finds_markup_that_is_not_text(xml: bytes, expected: str | None) -> None:
    problems = xml_problems(xml, where="t")
    if expected is None:
        assert problems == []
    else:
        assert any(expected in problem for problem in problems), problems


def test_the_block_check_finds_injected_blocks() -> None:
    good = '<!-- wp:paragraph -->\n<p>x</p>\n<!-- /wp:paragraph -->\n<!-- wp:image {"id":1} /-->'
    assert block_problems(good, where="t") == []
    assert block_problems('<!-- wp:embed {"url":"https://example.org/x"} /-->', where="t")
    assert block_problems('<!-- wp:paragraph {"a": -->x<!-- /wp:paragraph -->', where="t")
    assert block_problems("<!-- wp:paragraph -->x", where="t")


def test_the_markdown_check_finds_shortcodes_and_broken_front_matter() -> None:
    index = '---\ntitle: "<b>x</b>"\n---\n\nText {{</* x */>}} here.\n'
    assert markdown_problems(index, "<b>x</b>", where="t") == []
    assert markdown_problems(index.replace("{{</* x */>}}", "{{< x >}}"), "<b>x</b>", where="t")
    figure = '{{< figure src="p1.jpg" alt=`a ‹b>` caption=`\\{\\{\\< x \\>\\}\\}` >}}'
    assert markdown_problems(index.replace("{{</* x */>}}", figure), "<b>x</b>", where="t") == []
    for unescaped in ("caption=`{{< x >}}`", 'src="../x.jpg"', 'alt="a"', "alt=`<b>`"):
        hostile = figure.replace("alt=`a ‹b>`", unescaped)
        assert markdown_problems(index.replace("{{</* x */>}}", hostile), "<b>x</b>", where="t")
    assert markdown_problems('---\ntitle: !!python/object:os.system "x"\n---\n', "x", where="t")


def test_every_payload_is_refused_by_the_sanitiser_alone() -> None:
    """The body's first wall on its own: each payload, as raw HTML, comes out inert."""
    for payload in PAYLOADS:
        assert html_problems(sanitise(payload), where=repr(payload)) == []


# --- exports ------------------------------------------------------------------------------------


EXPORT_BATCH = 4


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(len(batches(PAYLOADS, EXPORT_BATCH))))
def test_payloads_in_every_field_are_inert_in_every_export(batch: int, tmp_path: Path) -> None:
    payloads = batches(PAYLOADS, EXPORT_BATCH)[batch]
    article, media = hostile_story(payloads, override=batch % 2 == 1)
    outputs = export_everything(article, media, tmp_path, FAST_FORMATS)
    problems = []
    for name, out in outputs.items():
        problems += export_problems(name, out, article.headline)
    assert problems == [], "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("override", [False, True])
def test_payloads_in_every_field_are_inert_in_the_pdf(qapp, override: bool, tmp_path: Path) -> None:
    # Printing costs most of a second, so the PDF gets the payloads in two stories.
    half = len(PAYLOADS) // 2
    payloads = PAYLOADS[half:] if override else PAYLOADS[:half]
    article, media = hostile_story(payloads, override=override)
    # A field holds at most 10,000 characters: the body carries every payload, the fields a share.
    article.headline = article.dek = " ".join(payloads)[:9_000]
    outputs = export_everything(article, media, tmp_path, ["pdf"])
    assert export_problems("pdf", outputs["pdf"], article.headline) == []


def test_every_file_of_every_format_is_checked(tmp_path: Path) -> None:
    """The checks above know each kind of file every format writes (pdf has its own test), so
    the slow batches leave no output unread."""
    article, media = hostile_story(["Plain words"], override=False)
    outputs = export_everything(article, media, tmp_path, FAST_FORMATS)
    assert set(outputs) | {"pdf"} == set(ALL_FORMATS)
    for name, out in outputs.items():
        assert export_problems(name, out, article.headline) == [], name


# --- what the tests found -----------------------------------------------------------------------

SHORTCODES = ["{{< gist someone 0123456789abcdef >}}", '{{% param "secret" %}}']


def test_the_markdown_export_writes_typed_shortcodes_escaped(tmp_path: Path) -> None:
    article, media = hostile_story(SHORTCODES, override=False)
    bundle = tmp_path / "bundle"
    get_exporter("markdown").export(article, media, bundle, ExportOptions(parallel=False))
    index = (bundle / "index.md").read_text(encoding="utf-8")
    assert markdown_problems(index, article.headline, where="markdown") == []


@pytest.mark.slow
def test_hugo_shows_typed_shortcodes_as_text(tmp_path: Path) -> None:
    from test_export_markdown import HUGO, hugo_build

    assert HUGO is not None, "hugo is needed to build the Markdown export"
    article, media = hostile_story(SHORTCODES, override=False)
    article.url_slug = "shortcodes"
    article.body = f"Typed {SHORTCODES[0]} and {SHORTCODES[1]}.\n\n```\n{SHORTCODES[0]}\n```\n"
    bundle = tmp_path / "bundle"
    get_exporter("markdown").export(article, media, bundle, ExportOptions(parallel=False))
    public = hugo_build(tmp_path, bundle)
    page = next(public.rglob("index.html")).read_text(encoding="utf-8")
    assert "gist.github.com" not in page and "<script" not in page
    assert "{{&lt; gist someone 0123456789abcdef &gt;}}" in page
    assert html_problems(page, where="hugo") == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_preview_renderer_takes_every_payload_and_keeps_it_inert(payload: str) -> None:
    """The preview renders the body in blocks; an unclosed <script> swallowed the separator
    between blocks and the end mark's pass failed with an IndexError, so the preview showed
    an error and kept the previous story's header."""
    from editor.render.incremental import IncrementalRenderer
    from editor.render.photo_refs import PhotoLookup

    article, _media = hostile_story([payload], override=False)
    renderer = IncrementalRenderer()
    photos = PhotoLookup.of(article.photos, lambda image: f"dateline-media:{image.id}")
    renderer.render(article.body, photos, end_mark=article.end_mark)
    assert html_problems(renderer.html(), where=repr(payload)) == []


# --- the preview, in the real window ------------------------------------------------------------

SENTINEL = "top.dlXss=1"
ARM = (
    "(window.dlXss = 0, window.dlArmed = 'armed',"
    " window.alert = window.confirm = window.prompt = function () { window.dlXss = 1; }, true)"
)


def _preview_payload(payload: str) -> str:
    # Each payload calls alert(1); the page's alert is a sentinel too, but a frame has its own.
    return payload.replace("alert(1)", SENTINEL)


def _show_in_preview(qtbot: Any, window: Any, payloads: list[str], number: int) -> None:
    from gui_helpers import wait_for_dom

    end = f"END-{number}"
    article, media = hostile_story(payloads, override=number % 2 == 1, end=end)
    window.document.replace(article, media, None)
    qtbot.waitUntil(lambda: window.preview.ready, timeout=20_000)
    wait_for_dom(
        qtbot,
        window.preview,
        f"document.body.textContent.includes({json.dumps(end)})",
        True,
        timeout=20_000,
    )


@pytest.mark.gui
@pytest.mark.parametrize("mode", ["web", "social", "wire"])
def test_payloads_never_run_in_the_preview(qtbot: Any, window: Any, mode: str) -> None:
    from gui_helpers import read_dom, wait_for_dom

    labels = [window.preview_modes.tabData(i) for i in range(window.preview_modes.count())]
    window.preview_modes.setCurrentIndex(labels.index(mode))
    wait_for_dom(qtbot, window.preview, "document.documentElement.dataset.mode", mode)
    assert read_dom(qtbot, window.preview, ARM) is True
    payloads = [_preview_payload(payload) for payload in PAYLOADS]
    # One payload per story in the web view (each in its own context); batches in the others.
    size = 1 if mode == "web" else 8
    for number, batch in enumerate(batches(payloads, size)):
        _show_in_preview(qtbot, window, batch, number)
    qtbot.wait(500)  # an image error or a focus handler fires after the update
    state = read_dom(qtbot, window.preview, "[window.dlArmed, window.dlXss, location.href]")
    assert state[0] == "armed", f"the preview navigated away: {state[2]}"
    assert state[1] == 0, "a payload ran in the preview"


@pytest.mark.gui
def test_the_preview_sentinel_catches_a_script_that_runs(qtbot: Any, window: Any) -> None:
    from gui_helpers import read_dom

    assert read_dom(qtbot, window.preview, ARM) is True
    read_dom(qtbot, window.preview, f"({SENTINEL}, true)")  # as a payload that ran would
    assert read_dom(qtbot, window.preview, "window.dlXss") == 1
    read_dom(qtbot, window.preview, "(alert('x'), true)")
    assert read_dom(qtbot, window.preview, "window.dlXss") == 1
