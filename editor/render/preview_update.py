"""What the live preview needs after an edit: the changed parts, computed off the GUI thread.

The window hands over a snapshot of the article and the parts an edit touched; this renders
only those (the body block by block, through the incremental renderer) and returns an update
small enough to patch into the page. One instance serves one preview, one request at a time.
"""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass

from editor.model.article import Article
from editor.render.incremental import BlockPatch, IncrementalRenderer
from editor.render.markdown import BodyRenderer
from editor.render.page import html_language, render_footer, render_header
from editor.render.photo_refs import PhotoLookup, PhotoUrl
from editor.render.social_card import social_card_html
from editor.render.wire import wire_paragraphs, wire_text_of
from editor.text.direction import Direction, article_direction

PARTS = frozenset({"header", "body", "footer"})
# Web, Phone and Print restyle the article; Social card and Wire show something else instead.
MODES = ("web", "phone", "print", "social", "wire")


@dataclass(frozen=True)
class PreviewRequest:
    article: Article  # nothing else changes it while it is rendered (a snapshot for a worker)
    parts: frozenset[str]
    photo_url: PhotoUrl
    new_article: bool = False  # another story: forget the blocks of the last one
    mode: str = "web"


@dataclass(frozen=True)
class PreviewUpdate:
    header: str | None = None
    footer: str | None = None
    body: BlockPatch | None = None
    body_html: str | None = None  # the whole body, when the patch says to replace it all
    lang: str = "en"
    mode: str = "web"
    dir: Direction = "ltr"
    mode_html: str = ""  # the social card or the wire copy, in those modes

    def script_parts(self) -> dict[str, object]:
        """The argument of the page's ``datelineUpdate``."""
        parts: dict[str, object] = {"lang": self.lang, "dir": self.dir, "mode": self.mode}
        if self.mode_html:
            parts["mode_html"] = self.mode_html
        if self.header is not None:
            parts["header"] = self.header
        if self.footer is not None:
            parts["footer"] = self.footer
        if self.body is not None:
            patch = self.body
            blocks: dict[str, object] = (
                {"full": True, "html": self.body_html}
                if patch.full
                else {
                    "full": False,
                    "changed": patch.changed,
                    "removed": patch.removed,
                    "lines": patch.lines,
                }
            )
            if not patch.full and patch.reordered:
                blocks["order"] = patch.order
            parts["blocks"] = blocks
        return parts


class PreviewRenderer:
    def __init__(self) -> None:
        # Made at the first render, not here: building Markdown's pipeline (its extensions
        # looked up and imported) takes about 0.2 s, which a window opening should not wait
        # for; a story's first render runs in the worker anyway.
        self._made: tuple[BodyRenderer, IncrementalRenderer] | None = None
        self._making = threading.Lock()
        self._sent: dict[str, str] = {}  # the header and footer the page shows
        self._wire_known: dict[str, list[str]] = {}  # a block's HTML -> its wire paragraphs

    def _made_now(self) -> tuple[BodyRenderer, IncrementalRenderer]:
        with self._making:
            if self._made is None:
                renderer = BodyRenderer()
                self._made = renderer, IncrementalRenderer(renderer)
            return self._made

    def warm_up(self) -> None:
        """Build the Markdown pipeline now (in the worker, while the window is made and the page
        loads) rather than at the first render."""
        self._made_now()

    @property
    def _renderer(self) -> BodyRenderer:
        return self._made_now()[0]

    @property
    def _blocks(self) -> IncrementalRenderer:
        return self._made_now()[1]

    def prepare(self, request: PreviewRequest) -> int | None:
        """How many characters of body source ``request`` puts through Markdown (0 for none), or
        None for a render that may take long: a new article, the whole body, and the Social card
        and Wire modes (each keystroke rebuilds their whole view). See
        ``IncrementalRenderer.prepare``."""
        if request.new_article or request.mode not in ("web", "phone", "print"):
            return None
        if "body" not in request.parts:
            return 0
        return self._blocks.prepare(request.article.body)

    def render(self, request: PreviewRequest) -> PreviewUpdate:
        article = request.article
        if request.new_article:
            self._blocks.reset()
            self._sent.clear()
        photos = PhotoLookup.for_page(article, request.photo_url)
        header = footer = body = body_html = None
        if "body" in request.parts:
            body = self._blocks.render(article.body, photos, end_mark=article.end_mark)
            body_html = self._blocks.html() if body.full else None
        if "header" in request.parts:
            header = self._unless_sent("header", render_header(article, self._renderer, photos))
        if "footer" in request.parts:
            footer = self._unless_sent("footer", render_footer(article))
        mode_html = self._mode_html(request)
        language = html_language(article.language)
        return PreviewUpdate(
            header,
            footer,
            body,
            body_html,
            language,
            request.mode,
            article_direction(article),
            mode_html,
        )

    def _wire_paragraphs(self) -> list[str]:
        """The body's wire paragraphs, from the blocks the preview keeps current: only the
        blocks an edit changed are read again, not the whole story rendered again."""
        known, paragraphs = self._wire_known, []
        self._wire_known = {}
        for block_html in self._blocks.block_htmls():
            found = known.get(block_html)
            if found is None:
                found = wire_paragraphs(block_html)
            self._wire_known[block_html] = found
            paragraphs.extend(found)
        return paragraphs

    def _unless_sent(self, part: str, html_text: str) -> str | None:
        """None when the page shows ``html_text`` already: replacing a region with the same HTML
        still costs the page a new layout (the lead photo's header may be asked for on every
        keystroke)."""
        if self._sent.get(part) == html_text:
            return None
        self._sent[part] = html_text
        return html_text

    def _mode_html(self, request: PreviewRequest) -> str:
        if request.mode == "social":
            return social_card_html(request.article, request.photo_url)
        if request.mode == "wire":
            text = wire_text_of(request.article, self._wire_paragraphs())
            return f'<pre class="wire-copy">{html.escape(text)}</pre>'
        return ""
