"""The WordPress sites a reporter publishes to: name, address and user, with the password kept
in the system keyring, never in settings, the sites file or the article.

The sites file is ``$XDG_CONFIG_HOME/dateline/sites.json`` (``~/.config/dateline/sites.json``).
For scripts and machines without a keyring, the password may come from the environment:
``DATELINE_SITE_<NAME>_PASSWORD`` for one site (the name upper-cased, other characters as
``_``), or ``DATELINE_SITE_PASSWORD`` for the one site there is, or for the site
``DATELINE_SITE`` names. With several sites and no ``DATELINE_SITE``, the global variable is
refused rather than sent to whichever site a command names: a password for the paper's site
must not reach a colleague's blog. No Qt here: the command line uses it too.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.errors

from editor.files import write_atomically
from editor.paths import config_dir

if TYPE_CHECKING:
    from editor.publish.rest import Site as RestSite

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "Dateline WordPress"
_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")


class SiteError(Exception):
    """A site cannot be added, found or used; the message is one line a reporter can act on."""


@dataclass(frozen=True)
class Site:
    name: str  # what the reporter calls it, e.g. "paper"
    url: str  # the site's address, e.g. https://example.org
    user: str  # the WordPress user the Application Password belongs to

    @property
    def keyring_user(self) -> str:
        """The keyring entry's user: the site's name, user and address, so that two sites
        never share one (even two names for one account)."""
        return f"{self.name.lower()}: {self.user}@{self.url}"


def default_sites_path() -> Path:
    return config_dir() / "sites.json"


def checked_site(name: str, url: str, user: str) -> Site:
    """The site with its address tidied; SiteError if a part cannot be right."""
    name, url, user = name.strip(), url.strip().rstrip("/"), user.strip()
    if not _NAME_RE.fullmatch(name):
        raise SiteError(f"{name!r} is not a site name: letters, digits, space, . _ - (64 at most)")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SiteError(f"{url!r} is not a site address: it must start with https:// or http://")
    if "@" in parts.netloc:
        # A user or password written into the address would be kept in the sites file in clear.
        raise SiteError(
            "give the site's address without a user or password in it: the user is asked "
            "separately and the password goes to the keyring"
        )
    if parts.query or parts.fragment:
        raise SiteError(f"{url!r}: give the site's address without ? or #")
    if not user:
        raise SiteError("a WordPress user name is needed")
    return Site(name, url, user)


_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def unencrypted_warning(site: Site) -> str | None:
    """A warning for an address that sends the password in clear (plain http to another
    machine); None for https and for this machine itself."""
    parts = urllib.parse.urlsplit(site.url)
    if parts.scheme == "http" and (parts.hostname or "") not in _LOCAL_HOSTS:
        return (
            f"{site.url} is not https: the password and the story travel unencrypted; "
            "use the site's https:// address if it has one"
        )
    return None


def _environment_password(name: str, site_names: list[str]) -> str | None:
    """The password the environment gives site ``name`` (``site_names``: every site there is);
    SiteError when only the global variable is set and it could be meant for another site."""
    own = "DATELINE_SITE_" + re.sub(r"[^A-Z0-9]", "_", name.upper()) + "_PASSWORD"
    if os.environ.get(own):
        return os.environ[own]
    shared = os.environ.get("DATELINE_SITE_PASSWORD")
    if not shared:
        return None
    meant_for = os.environ.get("DATELINE_SITE", "").strip()
    if meant_for:
        return shared if meant_for.lower() == name.lower() else None
    others = {n.lower() for n in site_names} - {name.lower()}
    if others:
        raise SiteError(
            f"DATELINE_SITE_PASSWORD is set and there are {len(others) + 1} sites: say which "
            f"site it is for with DATELINE_SITE={name}, or set {own} instead"
        )
    return shared


class SiteStore:
    """The sites file and the keyring, together."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_sites_path()

    def sites(self) -> list[Site]:
        """The sites, by name; an unreadable file is a SiteError naming it."""
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return sorted(
                (Site(str(s["name"]), str(s["url"]), str(s["user"])) for s in data["sites"]),
                key=lambda site: site.name.lower(),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.debug("cannot read the sites file %s", self.path, exc_info=True)
            raise SiteError(f"cannot read the sites file {self.path}: {error}") from None

    def get(self, name: str) -> Site:
        for site in self.sites():
            if site.name.lower() == name.strip().lower():
                return site
        known = ", ".join(site.name for site in self.sites()) or "none yet"
        raise SiteError(
            f"no site called {name!r} (sites: {known}); add it with 'dateline sites add'"
        )

    def add(self, site: Site, password: str) -> bool:
        """Add or replace ``site``; its password goes to the keyring (SiteError if there is
        none and no environment variable can stand in). True if the keyring holds it, False
        if the environment's password will be used instead."""
        if not password.strip():
            raise SiteError("an Application Password is needed (WordPress: Users > Profile)")
        existing = self.sites()
        in_keyring = True
        try:
            keyring.set_password(KEYRING_SERVICE, site.keyring_user, password.strip())
        except keyring.errors.KeyringError as error:
            logger.info("no keyring for the password of %s", site.name, exc_info=True)
            names = [s.name for s in existing] + [site.name]
            if _environment_password(site.name, names) is None:
                raise SiteError(
                    f"no system keyring to keep the password ({error}); set "
                    "DATELINE_SITE_PASSWORD in the environment instead"
                ) from None
            in_keyring = False
        others = [s for s in existing if s.name.lower() != site.name.lower()]
        self._write([*others, site])
        return in_keyring

    def remove(self, name: str) -> Site:
        site = self.get(name)
        self._write([s for s in self.sites() if s != site])
        # Nothing kept there (or no keyring): the site is gone all the same.
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(KEYRING_SERVICE, site.keyring_user)
        return site

    def password(self, site: Site) -> str:
        """The site's password: the environment's if set, else the keyring's."""
        from_environment = _environment_password(site.name, [s.name for s in self.sites()])
        if from_environment:
            return from_environment
        try:
            stored = keyring.get_password(KEYRING_SERVICE, site.keyring_user)
        except keyring.errors.KeyringError as error:
            raise SiteError(f"cannot read the password of {site.name!r}: {error}") from None
        if not stored:
            raise SiteError(
                f"no password kept for {site.name!r}: add the site again, or set "
                "DATELINE_SITE_PASSWORD"
            )
        return stored

    def credentials(self, site: Site) -> RestSite:
        """The site with its password, as the publishing client takes it (SiteError if the
        password cannot be had)."""
        # Imported here: listing or adding sites needs none of the publishing code.
        from editor.publish.rest import Site as RestSite

        return RestSite(site.url, site.user, self.password(site))

    def _write(self, sites: list[Site]) -> None:
        data = {"sites": [asdict(site) for site in sorted(sites, key=lambda s: s.name.lower())]}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            write_atomically(self.path, text.encode("utf-8"), mode=0o644)
        except OSError as error:
            logger.debug("cannot write the sites file %s", self.path, exc_info=True)
            raise SiteError(
                f"cannot write the sites file {self.path}: {error.strerror or error}"
            ) from None
