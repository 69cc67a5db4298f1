"""A small HTTP server on 127.0.0.1 that answers as a misbehaving site would, for the publishing
client's tests: each test says what every request gets, and sees what was asked.

An answer's body may be bytes or an iterable of chunks, sent one by one with ``pause`` seconds
between them: a site that drips a byte every few seconds, or a 2 GB answer that is made as it is
sent (a generator) and never held. ``FakeWordPress`` answers the few routes publishing uses
(posts, media, tags, categories) with ids, as a site would, and can be given posts and media
items that are not the story's.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""

    @property
    def route(self) -> str:
        """The path after ``/wp-json/wp/v2/``, without the query."""
        path = urllib.parse.urlsplit(self.path).path
        return path.split("/wp-json/wp/v2/", 1)[-1].strip("/")

    @property
    def query(self) -> dict[str, str]:
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    pause: float = 0.0  # seconds between the body's chunks
    length: int | None = None  # the Content-Length to announce, when it is not the body's own
    raw: bool = False  # the body is the whole answer, status line and headers included


@dataclass
class FakeSite:
    url: str
    seen: list[Seen]


@contextmanager
def fake_site(answer: Callable[[Seen], Answer]) -> Iterator[FakeSite]:
    """Serve ``answer(request)`` to every request until the block ends."""
    seen: list[Seen] = []

    class Handler(BaseHTTPRequestHandler):
        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            request = Seen(self.command, self.path, dict(self.headers.items()), body)
            seen.append(request)
            reply = answer(request)
            if reply.raw:
                self._send(reply.body if not isinstance(reply.body, bytes) else [reply.body], reply)
                self.close_connection = True
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if isinstance(reply.body, bytes):
                size = len(reply.body) if reply.length is None else reply.length
                chunks: Iterable[bytes] = [reply.body]
            else:
                size, chunks = reply.length, reply.body
            if size is not None:
                self.send_header("Content-Length", str(size))
            self.end_headers()
            self._send(chunks, reply)

        def _send(self, chunks: Iterable[bytes], reply: Answer) -> None:
            try:
                for number, chunk in enumerate(chunks):
                    if number and reply.pause:
                        time.sleep(reply.pause)
                    self.wfile.write(chunk)
                    self.wfile.flush()
            except OSError:
                pass  # the client hung up: what a client that gives up does

        do_GET = do_POST = do_DELETE = _any

        def log_message(self, *_args: object) -> None:  # quiet tests
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True  # a drip still going never holds the test's end
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield FakeSite(f"http://127.0.0.1:{server.server_address[1]}", seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def json_answer(value: Any, status: int = 200) -> Answer:
    body = json.dumps(value).encode()
    return Answer(status, {"Content-Type": "application/json"}, body)


def not_found(code: str = "rest_post_invalid_id") -> Answer:
    return json_answer({"code": code, "message": "Invalid post ID.", "data": {"status": 404}}, 404)


class FakeWordPress:
    """The routes publishing uses, kept in memory: posts, media (uploads), tags, categories.

    ``url`` is set once the server runs (``serve``). Items given with ``add_post`` or
    ``add_media`` stand for what others made on the site.
    """

    def __init__(self) -> None:
        self.url = ""
        self.posts: dict[int, dict[str, Any]] = {}
        self.media: dict[int, dict[str, Any]] = {}
        self.terms: dict[str, dict[int, dict[str, Any]]] = {"tags": {}, "categories": {}}
        self._ids = itertools.count(100)
        self._lock = threading.Lock()
        self.changed: list[tuple[str, str]] = []  # (method, route) of every write

    @contextmanager
    def serve(self) -> Iterator[FakeSite]:
        with fake_site(self.answer) as site:
            self.url = site.url
            yield site

    # --- what others made ----------------------------------------------------------------------

    def add_post(self, title: str, content: str = "<p>Someone else's story.</p>") -> int:
        post_id = next(self._ids)
        self.posts[post_id] = self._post(post_id, {"title": title, "content": content})
        return post_id

    def add_media(self, source_url: str = "") -> int:
        media_id = next(self._ids)
        url = source_url or f"{self.url}/wp-content/uploads/other-{media_id}.jpg"
        self.media[media_id] = {"id": media_id, "source_url": url, "alt_text": "", "post": None}
        return media_id

    # --- the routes ----------------------------------------------------------------------------

    def answer(self, request: Seen) -> Answer:
        with self._lock:
            if request.method != "GET":
                self.changed.append((request.method, request.route))
            return self._route(request)

    def _route(self, request: Seen) -> Answer:
        route = request.route
        if route == "users/me":
            return json_answer({"id": 1, "name": "Reporter", "roles": ["author"]})
        kind, _, rest = route.partition("/")
        if kind in self.terms:
            return self._terms(kind, request)
        if kind == "media":
            return self._media(rest, request)
        if kind == "posts":
            return self._posts(rest, request)
        return not_found("rest_no_route")

    def _terms(self, kind: str, request: Seen) -> Answer:
        terms = self.terms[kind]
        if request.method == "GET":
            slug = request.query.get("slug")
            return json_answer([t for t in terms.values() if slug is None or t["slug"] == slug])
        payload = request.json()
        term_id = next(self._ids)
        terms[term_id] = {"id": term_id, "name": payload["name"], "slug": payload["slug"]}
        return json_answer(terms[term_id], 201)

    def _media(self, rest: str, request: Seen) -> Answer:
        if not rest:
            if request.method != "POST":
                return json_answer(list(self.media.values()))
            media_id = next(self._ids)
            name = re.search(r'filename="([^"]+)"', request.headers["Content-Disposition"])
            url = f"{self.url}/wp-content/uploads/{name[1] if name else media_id}"
            self.media[media_id] = {"id": media_id, "source_url": url, "alt_text": "", "post": None}
            return json_answer(self.media[media_id], 201)
        media_id = int(rest) if rest.isdigit() else -1
        if media_id not in self.media:
            return not_found()
        if request.method == "DELETE":
            return json_answer({"deleted": True, "previous": self.media.pop(media_id)})
        if request.method == "POST":
            self.media[media_id].update(request.json())
        return json_answer(self.media[media_id])

    def _posts(self, rest: str, request: Seen) -> Answer:
        if not rest:
            if request.method == "POST":
                post_id = next(self._ids)
                self.posts[post_id] = self._post(post_id, request.json())
                return json_answer(self.posts[post_id], 201)
            slug = request.query.get("slug")
            found = [p for p in self.posts.values() if slug is None or p["slug"] == slug]
            return json_answer(found)
        post_id = int(rest) if rest.isdigit() else -1
        if post_id not in self.posts:
            return not_found()
        if request.method == "DELETE":
            return json_answer({"deleted": True, "previous": self.posts.pop(post_id)})
        if request.method == "POST":
            self.posts[post_id] = self._post(post_id, request.json(), self.posts[post_id])
        return json_answer(self.posts[post_id])

    def _post(
        self, post_id: int, payload: dict[str, Any], before: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """A post as WordPress answers with ``context=edit``: raw and rendered texts."""
        post = dict(before or {})
        raw = {
            name: payload.get(name, (post.get(name) or {}).get("raw", ""))
            for name in ("title", "content", "excerpt")
        }
        post.update(
            {
                "id": post_id,
                "type": "post",
                "link": f"{self.url}/?p={post_id}",
                "guid": {"raw": f"{self.url}/?p={post_id}"},
                "slug": payload.get("slug", post.get("slug", f"post-{post_id}")),
                "status": payload.get("status", post.get("status", "draft")),
                "featured_media": payload.get("featured_media", post.get("featured_media", 0)),
                "tags": payload.get("tags", post.get("tags", [])),
                "categories": payload.get("categories", post.get("categories", [1])),
            }
        )
        for name, text in raw.items():
            post[name] = {"raw": text, "rendered": re.sub(r"<!--.*?-->", "", text, flags=re.S)}
        return post
