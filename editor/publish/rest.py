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
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

DEFAULT_TIMEOUT = 30.0  # seconds; a 2,048-pixel upload on a slow site takes a few
API_PATH = "/wp-json/wp/v2/"
USER_AGENT = "Dateline"


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


class RestClient:
    """Requests to one site's ``wp/v2`` routes; each returns the decoded JSON answer."""

    def __init__(self, site: Site, timeout: float = DEFAULT_TIMEOUT) -> None:
        scheme = urllib.parse.urlsplit(site.base_url).scheme
        if scheme not in ("http", "https"):
            raise PublishError("the site's address must start with http:// or https://")
        self.site = site
        self.timeout = timeout
        token = base64.b64encode(f"{site.user}:{site.password}".encode()).decode("ascii")
        self._authorization = f"Basic {token}"
        # No proxies from the environment needed; redirects are refused (see the module's doc).
        self._opener = urllib.request.build_opener(_NoRedirects)

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
        return self.request("POST", route, body=data, headers=headers)

    # --- the one place requests are made -------------------------------------------------------

    def request(
        self,
        method: str,
        route: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        query: dict[str, Any] | None = None,
    ) -> Any:
        request = urllib.request.Request(
            self.url(route, query), data=body, method=method, headers=dict(headers or {})
        )
        request.add_header("Authorization", self._authorization)
        request.add_header("Accept", "application/json")
        request.add_header("User-Agent", USER_AGENT)
        where = self.site.base_url
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise self._http_error(error) from None
        except urllib.error.URLError as error:
            raise self._connection_error(error.reason) from None
        except (TimeoutError, http.client.HTTPException, ConnectionError) as error:
            raise self._connection_error(error) from None
        try:
            return json.loads(raw.decode("utf-8-sig")) if raw.strip() else None
        except (UnicodeDecodeError, ValueError):
            raise PublishError(
                f"{where} did not answer as WordPress does (not JSON): is this the site's address?"
            ) from None

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
            raw = error.read()
        except (OSError, http.client.HTTPException):
            raw = b""
        code, said = "", ""
        try:
            answer = json.loads(raw.decode("utf-8-sig"))
            if isinstance(answer, dict):
                code = str(answer.get("code") or "")
                said = _one_line(str(answer.get("message") or ""))
        except (UnicodeDecodeError, ValueError):
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
