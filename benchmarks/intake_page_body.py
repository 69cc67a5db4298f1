"""How well each way of finding a saved page's story body does, on the saved-page fixtures.

For each page: recall (the share of the story's paragraphs kept), the noise kept (navigation,
share buttons, related links, comments, footer lines found in the output), whether headings,
lists, links and figures with captions survive, and the time per page (median of 20 runs).
Candidates: readability-lxml, trafilatura (HTML output, images on) and the simple heuristic over
``<article>`` / ``[itemprop=articleBody]`` that editor/ingest/page_body.py uses.

    python benchmarks/intake_page_body.py

readability-lxml and trafilatura are not Dateline's dependencies: install them into the
environment to compare (``.venv/bin/pip install readability-lxml trafilatura``); a library that
is missing is said and skipped.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

PAGES = Path(__file__).resolve().parent.parent / "tests/data/intake/pages"
STORY = {
    "wordpress-news": [
        "Hundreds of migrants who left",
        "The caravan, mostly of",
        "A long wait in Tapachula",
        "Many of those who walked",
        "transit permits valid",
        "an end to raids on hotels",
        "We cannot live here",
        "The National Migration Institute said",
        "Rights groups counted",
        "Migrants walk along the coastal highway",
        "National Guard officers block",
    ],
    "spanish-news": [
        "Los hoteles de Cancún y la Riviera",
        "Turistas en una playa de la zona",
        "La cifra supera en tres puntos",
        "Más vuelos internacionales",
        "El aeropuerto internacional",
        "Estados Unidos",
        "Colombia.",
        "Los empresarios pidieron",
    ],
    "og-only": [
        "Councillors voted eleven",
        "The bridge will run",
        "How the footbridge will look",
        "What happens next",
        "Residents have six weeks",
        "Opponents said the money",
    ],
}
NOISE = [
    "Skip to content", "Business", "Share this", "Facebook", "WhatsApp", "Related",
    "New migrant caravan leaves", "thoughts on", "nobody does anything", "Leave a Reply",
    "Recent Posts", "All rights reserved", "Suscríbete", "Te puede interesar", "Tren Maya",
    "Aviso de privacidad", "We use cookies", "Most read", "School closes", "newsletter",
    "Terms", "Advertisement", "PUBLICIDAD", "Imprimir",
]  # fmt: skip


def readability_body(html: str) -> str:
    from readability import Document

    return str(Document(html).summary(html_partial=True))


def trafilatura_body(html: str) -> str:
    import trafilatura

    found = trafilatura.extract(
        html, output_format="html", include_images=True, include_links=True, favor_recall=True
    )
    return found or ""


def heuristic_body(html: str) -> str:
    from editor.ingest.page_body import find_body

    return find_body(LexborHTMLParser(html)).html


def _score(name: str, body: str) -> str:
    text = LexborHTMLParser(body).text(separator=" ") if body else ""
    text = " ".join(text.split())
    kept = sum(1 for line in STORY[name] if line in text)
    noise = [line for line in NOISE if line in text]
    tree = LexborHTMLParser(body) if body else None
    shape = {
        "h": bool(tree and tree.css_first("h2, h3")),
        "list": bool(tree and tree.css_first("li")),
        "link": bool(tree and tree.css_first("a[href]")),
        "figure": bool(tree and tree.css_first("img")),
        "caption": bool(tree and tree.css_first("figcaption")),
    }
    kept_shape = " ".join(key for key, found in shape.items() if found) or "-"
    return f"recall {kept}/{len(STORY[name])}  noise {len(noise)} {noise}  keeps: {kept_shape}"


def main() -> None:
    candidates: dict[str, Callable[[str], str]] = {
        "readability-lxml": readability_body,
        "trafilatura": trafilatura_body,
        "heuristic": heuristic_body,
    }
    for name in STORY:
        html = (PAGES / f"{name}.html").read_text(encoding="utf-8")
        print(name)
        for label, find in candidates.items():
            try:
                find(html)  # warm up imports
            except ImportError as missing:
                print(f"  {label:17} not installed ({missing.name})")
                continue
            times = []
            for _ in range(20):
                start = time.perf_counter()
                body = find(html)
                times.append((time.perf_counter() - start) * 1000)
            print(f"  {label:17} {statistics.median(times):6.1f} ms  {_score(name, body)}")


if __name__ == "__main__":
    main()
