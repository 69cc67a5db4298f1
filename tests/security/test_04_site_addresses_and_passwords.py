"""Issue 14, class 4: "`sites add` refuses addresses with a user:password inside, warns for
plain `http://` (except 127.0.0.1/localhost), and `DATELINE_SITE_PASSWORD` applies to one site at
a time in scripts as documented"."""

from __future__ import annotations

import io

import pytest

from editor.cli import main
from editor.sites import Site, SiteError, checked_site, unencrypted_warning

PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"


@pytest.mark.parametrize(
    "url", ["https://ana:secret@a.example.org", "https://ana@a.example.org", "http://:pw@a.b"]
)
def test_an_address_with_a_user_or_password_inside_is_refused(url: str) -> None:
    with pytest.raises(SiteError, match="without a user or password"):
        checked_site("paper", url, "ana")


def test_command_line_refuses_an_address_with_a_password_inside(
    tmp_path, memory_keyring, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = ["sites", "add", "paper", "https://ana:secret@a.example.org", "ana", "--password-stdin"]
    assert main(args) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert "without a user or password" in line and "secret" not in line
    assert not (tmp_path / "config" / "dateline" / "sites.json").exists()


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        ("http://news.example.org", True),
        ("http://10.0.0.7:8080", True),
        ("https://news.example.org", False),
        ("http://localhost:8080", False),
        ("http://127.0.0.1:8080", False),
        ("http://[::1]:8080", False),
    ],
)
def test_plain_http_to_another_machine_is_warned_about(url: str, warned: bool) -> None:
    warning = unencrypted_warning(checked_site("paper", url, "ana"))
    assert (warning is not None) is warned
    if warned:
        assert "unencrypted" in warning


def test_the_global_environment_password_goes_to_one_site_only(
    store, memory_keyring, monkeypatch
) -> None:
    # A script's DATELINE_SITE_PASSWORD must not silently reach every site there is.
    paper = Site("paper", "https://news.example.org", "reporter")
    store.add(paper, "kept-for-paper")
    monkeypatch.setenv("DATELINE_SITE_PASSWORD", "from-env")
    assert store.password(paper) == "from-env"  # the one site there is
    blog = Site("blog", "https://blog.example.org", "ana")
    store.add(blog, "kept-for-blog")
    with pytest.raises(SiteError, match="there are 2 sites: say which site it is for"):
        store.password(paper)
    monkeypatch.setenv("DATELINE_SITE", "Blog")
    assert store.password(blog) == "from-env"
    assert store.password(paper) == "kept-for-paper"  # not meant for it: the keyring's
    monkeypatch.setenv("DATELINE_SITE_PAPER_PASSWORD", "paper-env")
    assert store.password(paper) == "paper-env"  # a site's own variable always applies


def test_command_line_warns_about_plain_http(
    tmp_path, memory_keyring, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = ["sites", "add", "paper", "http://news.example.org", "reporter", "--password-stdin"]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "added paper" in captured.out
    [line] = captured.err.splitlines()
    assert line.startswith("warning: http://news.example.org is not https")
