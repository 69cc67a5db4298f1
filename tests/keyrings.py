"""A keyring kept in memory, for tests that store site passwords: never the desktop's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from editor.sites import SiteStore


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, standing in for the desktop's Secret Service."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """The process's keyring replaced by one in memory, and no password from the environment."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("DATELINE_SITE_PASSWORD", raising=False)
    monkeypatch.delenv("DATELINE_SITE", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def store(tmp_path: Path) -> SiteStore:
    """A sites file of the test's own."""
    return SiteStore(tmp_path / "config" / "sites.json")
