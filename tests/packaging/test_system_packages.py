"""The system packages ``scripts/system-deps.sh`` names exist on this machine's release.

A name pinned to one release (``php8.2-cli``) breaks ``make test`` on the next one, so every
package the script would install, for ``make run`` and for ``make test``, is looked up in the
apt cache here. An entry ``a|b`` (a package a newer release renamed) counts when either exists.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess

import pytest

from locations import REPO

SCRIPT = REPO / "scripts" / "system-deps.sh"


def listed(purpose: str) -> list[str]:
    result = subprocess.run(
        ["bash", str(SCRIPT), "--list", purpose], capture_output=True, text=True, check=True
    )
    return result.stdout.split()


@functools.cache
def known_to_apt() -> frozenset[str]:
    """The names ``apt-cache show`` finds a record for (what ``apt-cache show NAME`` exits 0
    on), asked once for all: each call loads the whole cache, about half a second."""
    names = sorted({name for entry in RUN + TEST for name in entry.split("|")})
    result = subprocess.run(["apt-cache", "show", *names], capture_output=True, text=True)
    return frozenset(re.findall(r"^Package: (\S+)$", result.stdout, flags=re.MULTILINE))


RUN = listed("run")
TEST = listed("test")


@pytest.mark.skipif(shutil.which("apt-cache") is None, reason="no apt-cache: not Debian/Ubuntu")
@pytest.mark.parametrize("entry", sorted(set(RUN + TEST)))
def test_each_named_package_is_in_the_apt_cache(entry: str) -> None:
    choices = entry.split("|")
    assert any(name in known_to_apt() for name in choices), (
        f"apt-cache knows none of {choices} (after 'apt-get update')"
    )


def test_names_are_not_pinned_to_one_php_release() -> None:
    pinned = [entry for entry in RUN + TEST if re.search(r"php\d", entry)]
    assert pinned == []


def test_running_needs_none_of_the_test_tools() -> None:
    assert set(RUN) < set(TEST)
    assert not {"wordpress", "mariadb-server", "hugo", "default-jre-headless", "xvfb"} & set(RUN)


def test_an_unknown_purpose_is_refused() -> None:
    result = subprocess.run(["bash", str(SCRIPT), "--list", "deploy"], capture_output=True)
    assert result.returncode == 2
