"""WordPress sites: kept in the sites file, passwords in the keyring (never in the file), and
`dateline sites add|list|remove` as a command-line contract."""

from __future__ import annotations

import io
import json

import keyring
import pytest
from keyring.errors import NoKeyringError

from editor.cli import main
from editor.sites import (
    KEYRING_SERVICE,
    Site,
    SiteError,
    checked_site,
)

from keyrings import MemoryKeyring

PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"


class NoKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("no recommended backend was available")

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("no recommended backend was available")


def test_password_goes_to_the_keyring_never_to_the_file(store, memory_keyring) -> None:
    site = checked_site("paper", "https://news.example.org/", "reporter")
    store.add(site, PASSWORD)
    assert site.url == "https://news.example.org"  # tidied
    assert store.sites() == [site]
    assert PASSWORD not in store.path.read_text(encoding="utf-8")
    assert memory_keyring.entries == {
        (KEYRING_SERVICE, "paper: reporter@https://news.example.org"): PASSWORD
    }
    assert store.password(store.get("PAPER")) == PASSWORD  # names are found in any case


def test_adding_again_replaces_and_removing_forgets_the_password(store, memory_keyring) -> None:
    store.add(Site("paper", "https://a.example.org", "ana"), "one")
    store.add(Site("Paper", "https://a.example.org", "ana"), "two")
    store.add(Site("blog", "https://b.example.org", "bo"), "three")
    assert [site.name for site in store.sites()] == ["blog", "Paper"]
    assert store.password(store.get("paper")) == "two"
    store.remove("paper")
    assert [site.name for site in store.sites()] == ["blog"]
    assert (KEYRING_SERVICE, "paper: ana@https://a.example.org") not in memory_keyring.entries
    with pytest.raises(SiteError, match="no site called 'paper' \\(sites: blog\\)"):
        store.get("paper")


def test_environment_stands_in_for_a_missing_keyring(store, monkeypatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        site = Site("Wire desk", "https://wire.example.org", "desk")
        with pytest.raises(SiteError, match=r"no system keyring.*DATELINE_SITE_PASSWORD"):
            store.add(site, PASSWORD)
        assert store.sites() == []  # nothing half-added
        monkeypatch.setenv("DATELINE_SITE_WIRE_DESK_PASSWORD", "from-env")
        assert store.add(site, PASSWORD) is False  # kept only in the environment
        assert store.password(site) == "from-env"
        monkeypatch.delenv("DATELINE_SITE_WIRE_DESK_PASSWORD")
        with pytest.raises(SiteError, match="cannot read the password of 'Wire desk'"):
            store.password(site)
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize(
    ("name", "url", "user", "problem"),
    [
        ("", "https://a.example.org", "ana", "not a site name"),
        ("paper", "ftp://a.example.org", "ana", "must start with https://"),
        ("paper", "https://a.example.org/?p=1", "ana", "without \\? or #"),
        ("paper", "https://a.example.org", " ", "user name is needed"),
    ],
)
def test_bad_sites_are_refused_in_one_line(name, url, user, problem) -> None:
    with pytest.raises(SiteError, match=problem):
        checked_site(name, url, user)


def test_a_damaged_sites_file_is_one_clear_error(store) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SiteError, match="cannot read the sites file"):
        store.sites()


def test_command_line_adds_lists_and_removes(
    tmp_path, memory_keyring, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = ["sites", "add", "paper", "https://news.example.org", "reporter", "--password-stdin"]
    assert main(args) == 0
    assert "added paper" in capsys.readouterr().out
    assert main(["sites", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"name": "paper", "url": "https://news.example.org", "user": "reporter"}]
    assert PASSWORD not in (tmp_path / "config" / "dateline" / "sites.json").read_text()
    assert main(["sites", "remove", "paper"]) == 0
    assert main(["sites", "remove", "paper"]) == 1
    assert "no site called 'paper'" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["sites", "add", "paper", "gopher://x", "reporter", "--password-stdin"]) == 1


def test_sites_dialog_keeps_a_site_and_never_shows_its_password(
    qtbot, window, store, memory_keyring
) -> None:
    from editor.ui.dialogs.sites import SitesDialog

    dialog = SitesDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("paper")
    dialog.url.setText("news.example.org")
    dialog.user.setText("reporter")
    dialog.password.setText(PASSWORD)
    assert not dialog.save_site()  # no scheme: refused, said in the dialog
    assert "must start with https://" in dialog.status.text()
    dialog.url.setText("https://news.example.org")
    assert dialog.save_site()
    assert dialog.list.count() == 1 and dialog.password.text() == ""
    assert store.password(store.get("paper")) == PASSWORD
    dialog.list.setCurrentRow(0)
    assert dialog.url.text() == "https://news.example.org" and dialog.password.text() == ""
    assert "The password is in the keyring." in dialog.status.text()
    assert dialog.remove_site()
    assert dialog.list.count() == 0 and store.sites() == []
