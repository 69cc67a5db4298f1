"""What this computer published: one small file per story in the data folder, kept apart from
the story's own file.

A publish that succeeds is recorded here before the story is saved, so a save that fails
afterwards (a full disk, a read-only folder) does not lose what the site now holds: the next
publish finds the post here and updates it instead of making a second copy. The record is only
a candidate, as the story's own memory is: the post is verified on the site before it is updated
(``editor.publish.verify``). Files are ``$XDG_DATA_HOME/dateline/published/<story id>.json``,
the owner's only, each holding the publish state per site. No Qt.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any

from editor.files import write_atomically
from editor.paths import data_dir

logger = logging.getLogger(__name__)

LEDGER_FOLDER = "published"
MAX_RECORD_BYTES = 1024 * 1024  # a record is a few kilobytes; a larger file is not ours


def ledger_path(story_id: str) -> Path | None:
    """The record of the story ``story_id`` (a UUID; None for anything else: no path from it)."""
    try:
        name = str(uuid.UUID(story_id))
    except (ValueError, TypeError, AttributeError):
        return None
    return data_dir() / LEDGER_FOLDER / f"{name}.json"


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_RECORD_BYTES + 1)
        if len(data) > MAX_RECORD_BYTES:
            return {}
        records = json.loads(data.decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError) as error:
        logger.info("the publish record %s cannot be read (%s): taken as empty", path, error)
        return {}
    return records if isinstance(records, dict) else {}


def recorded(story_id: str, key: str) -> dict[str, Any]:
    """The state recorded for the story on the site ``key`` names (empty when none)."""
    path = ledger_path(story_id)
    if path is None:
        return {}
    try:
        state = json.loads(_read(path).get(key) or "{}")
    except (TypeError, ValueError, RecursionError):
        return {}
    return state if isinstance(state, dict) else {}


def record(story_id: str, key: str, state: str) -> None:
    """Keep ``state`` (JSON text) as the story's state on the site ``key`` names. Raises
    OSError when it cannot be written."""
    path = ledger_path(story_id)
    if path is None:
        return
    records = _read(path)
    records[key] = state
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomically(path, (text + "\n").encode("utf-8"), mode=0o600)
