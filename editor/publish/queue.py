"""Publish when online: stories whose publish failed because the site could not be reached.

The queue is a small JSON file in the user's data folder
(``$XDG_DATA_HOME/dateline/publish-queue.json``). Each entry names a saved ``.article``, the
site and the status asked for. ``retry`` publishes each again; an entry leaves the queue when
its publish succeeds, and stays (with the reason) while the site is still out of reach or when
something needs the reporter (a wrong password, a story that can no longer be opened). No Qt:
``dateline publish --retry-queued`` and the window share it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from editor.files import write_atomically
from editor.paths import data_dir
from editor.publish.rest import PublishError

QUEUE_FILE = "publish-queue.json"
# A site's Retry-After is honoured up to this long: a day's pause is a site that is down.
MAX_WAIT_S = 6 * 3600

logger = logging.getLogger(__name__)


class QueueError(Exception):
    """The queue file cannot be written; the message is one line a reporter can act on."""


def default_queue_path() -> Path:
    return data_dir() / QUEUE_FILE


def _not_before(retry_after: float | None) -> str:
    """The ISO time ``retry_after`` seconds from now, or "" when the site asked for no pause."""
    if not retry_after or retry_after <= 0:
        return ""
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=min(retry_after, MAX_WAIT_S))
    return later.replace(microsecond=0).isoformat()


def _parsed_time(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None  # a hand-edited queue: try the entry rather than hold it forever
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when


def _article_key(article: Path | str) -> str:
    """How an entry names its story: the absolute path, as text."""
    return str(Path(article).absolute())


@dataclass(frozen=True)
class QueuedPublish:
    article: str  # the .article file's absolute path
    site: str  # the site's name (editor/sites.py)
    status: str  # "draft" or "publish"
    queued_at: str  # ISO time, UTC
    attempts: int = 0
    last_error: str = ""
    needs_attention: bool = False  # the last try failed for a reason waiting will not cure
    not_before: str = ""  # ISO time, UTC: the site asked not to be tried before then (Retry-After)

    def waits_until(self) -> dt.datetime | None:
        """When the site allows the next try, if that is still to come."""
        when = _parsed_time(self.not_before)
        return when if when is not None and when > dt.datetime.now(dt.UTC) else None


@dataclass(frozen=True)
class RetryOutcome:
    entry: QueuedPublish
    published: bool
    message: str  # the post's link, or why not


class PublishQueue:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_queue_path()

    def entries(self) -> list[QueuedPublish]:
        """The queue; a damaged file reads as empty rather than stopping anyone's work."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [QueuedPublish(**item) for item in data["queue"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as error:
            # Info, not a warning: a damaged queue reads as empty by design (DATELINE_LOG=info).
            logger.info(
                "the publish queue %s cannot be read (%s): taken as empty", self.path, error
            )
            return []

    def entries_for(self, article: Path | str) -> list[QueuedPublish]:
        """The entries of the story at ``article``, whichever way its path is written."""
        key = _article_key(article)
        return [entry for entry in self.entries() if entry.article == key]

    def due_for(self, article: Path | str) -> list[QueuedPublish]:
        """The entries of the story at ``article`` that may be tried now (see ``not_before``)."""
        return [entry for entry in self.entries_for(article) if entry.waits_until() is None]

    def postpone(self, article: Path | str, site: str, retry_after: float | None) -> None:
        """The site asked for a pause: no try of this story for ``site`` before it is over."""
        key = _article_key(article)
        for entry in self.entries():
            if (entry.article, entry.site) == (key, site):
                self.update(replace(entry, not_before=_not_before(retry_after)))

    def add(
        self,
        article: Path | str,
        site: str,
        status: str,
        reason: str = "",
        retry_after: float | None = None,
    ) -> QueuedPublish:
        """Queue ``article`` for ``site`` (replacing an earlier entry for the same pair); not
        to be tried before ``retry_after`` seconds from now when the site asked so."""
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        entry = QueuedPublish(
            _article_key(article), site, status, now, 0, reason, not_before=_not_before(retry_after)
        )
        self._write([*self._others(entry), entry])
        return entry

    def remove(self, entry: QueuedPublish) -> None:
        self._write(self._others(entry))

    def update(self, entry: QueuedPublish) -> None:
        self._write([*self._others(entry), entry])

    def retry(self, publish_one: Callable[[QueuedPublish], str]) -> list[RetryOutcome]:
        """Try every entry: ``publish_one`` publishes it (and saves the story) and returns the
        post's link, or raises PublishError (or OSError/ValueError for a story that cannot be
        read). Published entries leave the queue."""
        outcomes = []
        for entry in self.entries():
            waits_until = entry.waits_until()
            if waits_until is not None:
                # The site asked for a pause (429 or 503 with Retry-After): respect it.
                message = f"waits until {waits_until:%H:%M} UTC, as the site asked"
                outcomes.append(RetryOutcome(entry, False, message))
                continue
            try:
                link = publish_one(entry)
            except (PublishError, OSError, ValueError) as error:
                # Only a site out of reach is cured by waiting; a story that cannot be read is not.
                temporary = isinstance(error, PublishError) and error.temporary
                retry_after = error.retry_after if isinstance(error, PublishError) else None
                tried = replace(
                    entry,
                    attempts=entry.attempts + 1,
                    last_error=str(error),
                    needs_attention=not temporary,
                    not_before=_not_before(retry_after),
                )
                self.update(tried)
                outcomes.append(RetryOutcome(tried, False, str(error)))
            else:
                self.remove(entry)
                outcomes.append(RetryOutcome(entry, True, link))
        return outcomes

    def _others(self, entry: QueuedPublish) -> list[QueuedPublish]:
        return [e for e in self.entries() if (e.article, e.site) != (entry.article, entry.site)]

    def _write(self, entries: list[QueuedPublish]) -> None:
        """Replace the queue file with ``entries``; QueueError if it cannot be written."""
        text = json.dumps({"queue": [asdict(e) for e in entries]}, ensure_ascii=False, indent=2)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, (text + "\n").encode("utf-8"), mode=0o644)
        except OSError as error:
            logger.debug("cannot write the publish queue %s", self.path, exc_info=True)
            raise QueueError(
                f"cannot write the publish queue {self.path}: {error.strerror or error}"
            ) from None
