"""A small client of the WordPress REST API (``/wp-json/wp/v2/``) over the standard library.

Requests carry HTTP Basic authentication with an Application Password (Users > Profile >
Application Passwords), a timeout, and JSON both ways (media uploads send the file's raw bytes
with a ``Content-Disposition`` naming it). Every failure is a PublishError whose message is one
line a reporter can act on: wrong user or password (401), missing rights (403), no REST API at
that address (404), a timeout, a refused or dropped connection, an answer that is not JSON.

Redirects are never followed. Following one would send the Authorization header (the
reporter's Application Password) to whatever host or scheme the answer names, https to http
included, and would turn a POST into a GET; a site that moved is told to the reporter instead,
who updates its address. A site that says "too many requests" (429) or "unavailable" (503) is
temporarily out of reach, and its ``Retry-After`` is kept on the error for the publish queue.

An answer is held to what WordPress sends: at most ``MAX_ANSWER_BYTES`` of JSON that Python's
parser can read (no nesting deeper than its recursion limit), else one line. Every request has
an overall deadline, not only a socket timeout (which starts again with every byte, so a site
that drips one byte every few seconds would hold the reporter for ever): a watcher thread shuts
the connection down when the deadline passes or the reporter cancels, which ends a read blocked
anywhere in the standard library at once.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import email.utils
import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEFAULT_TIMEOUT = 30.0  # seconds; a 2,048-pixel upload on a slow site takes a few
API_PATH = "/wp-json/wp/v2/"
USER_AGENT = "Dateline"
# WordPress answers with a few kilobytes (a post, a media item) up to a few megabytes (a page of
# 100 posts with their content); 16 MB is far above any of them and still a size every machine
# holds in memory. A larger answer is not WordPress's: it is refused, not read.
MAX_ANSWER_BYTES = 16 * 1024 * 1024
MAX_ERROR_BYTES = 64 * 1024  # an error's body is only read for WordPress's code and message
# An upload may take longer than a question: its deadline grows by one second for each
# MIN_UPLOAD_RATE bytes sent (32 KB/s, a poor mobile link), on top of the timeout.
MIN_UPLOAD_RATE = 32 * 1024
_POLL_S = 0.05  # how often a watcher asks whether the reporter cancelled


class PublishError(Exception):
    """Publishing failed; the message is one line a reporter can act on.

    ``status`` is the HTTP status if the site answered, ``code`` WordPress's error code
    (e.g. ``rest_post_invalid_id``) if it said one.
    """

    def __init__(
        self,
        message: str,
        status: int | None = None,
        code: str = "",
        *,
        temporary: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        # The site could not be reached or was briefly down: trying later may well work
        # (publish when online). Wrong passwords, missing rights and bad answers are not.
        self.temporary = temporary
        # Seconds the site asked us to wait before trying again (its Retry-After), if it said.
        self.retry_after = retry_after


class PublishCancelled(PublishError):
    """The reporter cancelled publishing."""


@dataclass(frozen=True)
class Site:
    """A WordPress site and the account that publishes to it."""

    url: str  # the site's address, e.g. https://news.example.org
    user: str
    password: str  # an Application Password, not the account's login password

    @property
    def base_url(self) -> str:
        return self.url.strip().rstrip("/")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: the 30x reaches ``RestClient`` as an HTTPError."""

    def redirect_request(self, *_args: Any, **_kwargs: Any) -> None:
        return None


class _Watch:
    """Ends one request when its deadline passes or the reporter cancels, by shutting its
    socket down from a thread of its own: a read blocked in http.client or ssl returns then."""

    def __init__(self, seconds: float, cancelled: Callable[[], bool] | None) -> None:
        self._deadline = time.monotonic() + seconds
        self._cancelled = cancelled
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self.reason = ""  # "deadline" or "cancelled" once the watch ended the request
        self._thread = threading.Thread(target=self._run, name="publish-deadline", daemon=True)

    def __enter__(self) -> _Watch:
        _watching.current = self
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        _watching.current = None
        self._done.set()
        self._thread.join()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            ended = bool(self.reason)
        if ended:
            _shut(sock)

    def _run(self) -> None:
        while True:
            left = self._deadline - time.monotonic()
            if left <= 0:
                self._end("deadline")
                return
            wait = min(left, _POLL_S) if self._cancelled is not None else left
            if self._done.wait(wait):
                return
            if self._cancelled is not None and self._cancelled():
                self._end("cancelled")
                return

    def _end(self, reason: str) -> None:
        with self._lock:
            self.reason = reason
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing left to end
        sock.shutdown(socket.SHUT_RDWR)


# The watch of the request this thread is making: its connections register their socket.
_watching = threading.local()


def _watched(sock: socket.socket | None) -> None:
    watch = getattr(_watching, "current", None)
    if watch is not None and sock is not None:
        watch.watch(sock)


class _WatchedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watched(self.sock)


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watched(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        # The handler's own TLS settings (the default context: certificates checked).
        options = {"context": getattr(self, "_context", None)}
        check_hostname = getattr(self, "_check_hostname", None)
        if check_hostname is not None:
            options["check_hostname"] = check_hostname
        return self.do_open(_WatchedHTTPSConnection, req, **options)


def _read_capped(response: Any, limit: int) -> bytes | None:
    """The body of ``response``, or None when it is longer than ``limit`` bytes (its
    Content-Length says so, or it goes on past it): never more than ``limit`` is held."""
    length = (response.headers.get("Content-Length") or "").strip()
    if length.isdigit() and int(length) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(min(65536, limit + 1 - size))
        if not chunk:
            missing = getattr(response, "length", None)  # what Content-Length still promised
            if missing:
                # read(n) takes a connection closed early as the end: it was dropped half-way.
                raise http.client.IncompleteRead(b"".join(chunks), missing)
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _site_address(url: str) -> str:
    """The site's own address in ``url``: what precedes its REST API path, without a query."""
    parts = urllib.parse.urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path.split(API_PATH.rstrip("/"), 1)[0].rstrip("/")
    host = parts.netloc.rpartition("@")[2]  # never repeat a user or password the answer names
    return f"{parts.scheme}://{host}{path}"


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def positive_id(value: object) -> int | None:
    """``value`` if it is an id as WordPress makes them (an int above 0, not a bool), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63:
        return value
    return None


class RestClient:
    """Requests to one site's ``wp/v2`` routes; each returns the decoded JSON answer.

    ``timeout`` bounds each request as a whole; ``cancelled()``, when given, is asked every
    few hundredths of a second during a request, and a True ends it (PublishCancelled).
    """

    def __init__(
        self,
        site: Site,
        timeout: float = DEFAULT_TIMEOUT,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        scheme = urllib.parse.urlsplit(site.base_url).scheme
        if scheme not in ("http", "https"):
            raise PublishError("the site's address must start with http:// or https://")
        self.site = site
        self.timeout = timeout
        self.cancelled = cancelled
        token = base64.b64encode(f"{site.user}:{site.password}".encode()).decode("ascii")
        self._authorization = f"Basic {token}"
        # Redirects are refused (see the module's doc); the connections are watched.
        self._opener = urllib.request.build_opener(_NoRedirects, _HTTPHandler, _HTTPSHandler)

    def url(self, route: str, query: dict[str, Any] | None = None) -> str:
        address = self.site.base_url + API_PATH + route.lstrip("/")
        if query:
            address += "?" + urllib.parse.urlencode(query, doseq=True)
        return address

    # --- verbs ---------------------------------------------------------------------------------

    def get(self, route: str, **query: Any) -> Any:
        return self.request("GET", route, query=query)

    def post(self, route: str, payload: dict[str, Any], **query: Any) -> Any:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        return self.request("POST", route, body=body, headers=headers, query=query)

    def delete(self, route: str, **query: Any) -> Any:
        return self.request("DELETE", route, query=query)

    def upload(self, route: str, data: bytes, file_name: str, mime: str) -> Any:
        """Send a file as the raw body, named by ``Content-Disposition`` (WordPress's way)."""
        quoted = urllib.parse.quote(file_name)
        headers = {
            "Content-Type": mime,
            "Content-Disposition": (
                f"attachment; filename=\"{file_name}\"; filename*=UTF-8''{quoted}"
            ),
        }
        # An upload's deadline grows with its size (see MIN_UPLOAD_RATE).
        deadline = self.timeout + len(data) / MIN_UPLOAD_RATE
        return self.request("POST", route, body=data, headers=headers, deadline=deadline)

    # --- the one place requests are made -------------------------------------------------------

    def request(
        self,
        method: str,
        route: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        query: dict[str, Any] | None = None,
        deadline: float | None = None,
    ) -> Any:
        """Make one request and return its JSON answer; ``deadline`` (seconds, the timeout
        when None) bounds it from the first byte sent to the last received."""
        request = urllib.request.Request(
            self.url(route, query), data=body, method=method, headers=dict(headers or {})
        )
        request.add_header("Authorization", self._authorization)
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", USER_AGENT)
        where = self.site.base_url
        seconds = self.timeout if deadline is None else deadline
        failure: PublishError | None = None
        raw: bytes | None = None
        with _Watch(seconds, self.cancelled) as watch:
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    raw = _read_capped(response, MAX_ANSWER_BYTES)
            except urllib.error.HTTPError as error:
                failure = self._http_error(error)
            except urllib.error.URLError as error:
                failure = self._connection_error(error.reason)
            except (OSError, http.client.HTTPException, ValueError) as error:
                # OSError: timeouts and dropped connections; ValueError: a read on a connection
                # the watch closed.
                failure = self._connection_error(error)
        if watch.reason:
            raise self._ended(watch.reason, seconds)  # whatever the cut connection raised
        if failure is not None:
            raise failure
        if raw is None:
            raise PublishError(
                f"{where} sent an answer larger than {MAX_ANSWER_BYTES // 2**20} MB, which "
                "WordPress never does: is this the site's address?"
            )
        try:
            return json.loads(raw.decode("utf-8-sig")) if raw.strip() else None
        except (UnicodeDecodeError, ValueError, RecursionError):
            # RecursionError: JSON nested deeper than the parser goes, which WordPress never is.
            raise PublishError(
                f"{where} did not answer as WordPress does (not JSON): is this the site's address?"
            ) from None

    def _ended(self, reason: str, seconds: float) -> PublishError:
        if reason == "cancelled":
            return PublishCancelled("publishing cancelled")
        return PublishError(
            f"{self.site.base_url} did not answer within {seconds:g} seconds; try again later",
            temporary=True,
        )

    def _connection_error(self, reason: object) -> PublishError:
        return PublishError(self._connection_problem(reason), temporary=True)

    def _connection_problem(self, reason: object) -> str:
        where = self.site.base_url
        if isinstance(reason, TimeoutError):
            return f"{where} did not answer within {self.timeout:g} seconds; try again later"
        if isinstance(reason, ConnectionRefusedError):
            return f"cannot reach {where}: the connection was refused"
        if isinstance(reason, socket.gaierror):
            return f"cannot reach {where}: no such host (are you online?)"
        if isinstance(
            reason,
            ConnectionResetError
            | ConnectionAbortedError
            | BrokenPipeError
            | http.client.RemoteDisconnected
            | http.client.IncompleteRead,
        ):
            return f"the connection to {where} was dropped half-way; try again"
        return f"cannot reach {where}: {_one_line(str(reason))}"

    def _http_error(self, error: urllib.error.HTTPError) -> PublishError:
        status = error.code
        try:
            raw = error.read(MAX_ERROR_BYTES)
        except (OSError, http.client.HTTPException, ValueError):
            raw = b""
        code, said = "", ""
        try:
            answer = json.loads(raw.decode("utf-8-sig"))
            if isinstance(answer, dict):
                code = _one_line(str(answer.get("code") or ""))
                said = _one_line(str(answer.get("message") or ""))
        except (UnicodeDecodeError, ValueError, RecursionError):
            pass
        where = self.site.base_url
        if 300 <= status < 400:
            location = error.headers.get("Location", "") if error.headers else ""
            moved = urllib.parse.urljoin(error.geturl() or where, location) if location else ""
            return PublishError(
                f"the site answered from {_site_address(moved) or 'another address'}"
                f" ({status}): update its address with `dateline sites add`",
                status=status,
            )
        if status == 401:
            message = (
                f"{where} refused the user name or Application Password (401): "
                "check both in the site's settings"
            )
        elif status == 403:
            message = f"the WordPress user {self.site.user!r} lacks the rights for this (403)"
            if said:
                message += f": {said}"
        elif status == 404 and (not code or code == "rest_no_route"):
            message = f"no WordPress REST API at {where} (404): is this the site's address?"
        elif status == 429:
            message = f"{where} has had too many requests (429); try again later"
        else:
            message = f"{where} answered {status}" + (f": {said}" if said else "")
        # Too many requests, a gateway or a site briefly down (429, 502-504): worth trying
        # again later, no sooner than the site asked.
        temporary = status in (429, 502, 503, 504)
        retry_after = _retry_after(error.headers.get("Retry-After")) if error.headers else None
        if temporary and retry_after:
            message += f" (it asks to wait {retry_after:,.0f} seconds)"
        return PublishError(
            message,
            status=status,
            code=code,
            temporary=temporary,
            retry_after=retry_after if temporary else None,
        )
