"""Dateline as a freedesktop application: the shipped files pass the standard validators, and
``install-desktop`` makes a ``.article`` our type, opened by our launcher, until
``uninstall-desktop`` takes everything back."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree

from editor import RESOURCES
from editor.desktop import (
    APP_ID,
    ARTICLE_MIME_TYPE,
    DESKTOP_FILE,
    ICON_FILE,
    METAINFO_FILE,
    MIME_PACKAGE_FILE,
)
from editor.desktop.integration import (
    DesktopReport,
    XdgHomes,
    desktop_entry,
    installed_files,
    update_caches,
)

DESKTOP = RESOURCES / "desktop"
SAMPLE = RESOURCES / "samples" / "deep-field.article"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
INSTALLED_BY_MAKE_TEST = "make test installs it (scripts/system-deps.sh)"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is missing; {INSTALLED_BY_MAKE_TEST}")
    return path


def desktop_keys(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


# --- the files as shipped ----------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate(tmp_path: Path) -> None:
    validate = tool("desktop-file-validate")
    # As shipped, and as installed with a launcher in a folder whose name needs quoting.
    installed = tmp_path / DESKTOP_FILE
    installed.write_text(desktop_entry('/home/Ana María/my "apps"/bin/dateline'), "utf-8")
    for path in (DESKTOP / DESKTOP_FILE, installed):
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_passes_appstreamcli_validate() -> None:
    appstreamcli = tool("appstreamcli")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(DESKTOP / METAINFO_FILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # No error and no warning. (Notes are left out: AppStream 0.16 notes the <developer> tag
    # that 1.0 notes the absence of.)
    assert "Validation was successful" in result.stdout
    assert not any(line[:2] in {"E:", "W:"} for line in result.stdout.splitlines())


def test_every_file_names_the_one_application_id_and_type() -> None:
    keys = desktop_keys((DESKTOP / DESKTOP_FILE).read_text("utf-8"))
    assert keys["Icon"] == APP_ID
    assert keys["MimeType"] == f"{ARTICLE_MIME_TYPE};"
    assert keys["StartupWMClass"] == "Dateline"  # Qt's X11 class: the application name
    assert keys["Exec"] == "dateline-window %f"  # the gui-script: no terminal on Windows either
    metainfo = ElementTree.fromstring((DESKTOP / METAINFO_FILE).read_bytes())
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.findtext("launchable") == DESKTOP_FILE
    assert metainfo.findtext("provides/mediatype") == ARTICLE_MIME_TYPE
    assert metainfo.findtext("project_license") == "GPL-3.0-or-later"
    assert [r.get("version") for r in metainfo.iter("release")] == ["0.1.0"]
    mime = ElementTree.fromstring((DESKTOP / MIME_PACKAGE_FILE).read_bytes())
    (mime_type,) = mime.iter(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == ARTICLE_MIME_TYPE
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"
    assert mime_type.find(f"{MIME_NS}glob").get("pattern") == "*.article"
    assert (DESKTOP / ICON_FILE).read_bytes().startswith(b"<?xml")


def test_the_mime_magic_matches_how_packages_are_written(tmp_path: Path) -> None:
    """The magic reads ``article.json`` as the first zip entry, right after its 30-byte local
    header: true of the bundled samples and of a package saved now."""
    from editor.model.package import load_package, save_package

    saved = tmp_path / "saved.article"
    loaded = load_package(SAMPLE)
    save_package(saved, loaded.article, loaded.media)
    for path in (SAMPLE, saved):
        head = Path(path).read_bytes()[:64]
        assert head[:4] == b"PK\x03\x04"
        assert head[30:42] == b"article.json"
        with zipfile.ZipFile(path) as archive:
            assert archive.infolist()[0].filename == "article.json"
            assert archive.infolist()[0].extra == b""  # nothing between header and name


# --- installing for a user ---------------------------------------------------------------------


@pytest.fixture
def homes(tmp_path: Path) -> XdgHomes:
    return XdgHomes(data=tmp_path / "data", config=tmp_path / "config")


def run_dateline(homes: XdgHomes, *args: str) -> subprocess.CompletedProcess[str]:
    environ = dict(os.environ, XDG_DATA_HOME=str(homes.data), XDG_CONFIG_HOME=str(homes.config))
    return subprocess.run(
        [sys.executable, "-m", "editor", *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


def gio_output(homes: XdgHomes, *args: str) -> str:
    environ = dict(
        os.environ,
        XDG_DATA_HOME=str(homes.data),
        XDG_CONFIG_HOME=str(homes.config),
        # Only our folders and the system's: a desktop's own defaults never decide the test.
        XDG_DATA_DIRS="/usr/local/share:/usr/share",
        XDG_CONFIG_DIRS="/etc/xdg",
        XDG_CURRENT_DESKTOP="",
    )
    result = subprocess.run(
        [tool("gio"), *args], capture_output=True, text=True, env=environ, check=True
    )
    return result.stdout


def content_type(homes: XdgHomes, path: Path) -> str:
    output = gio_output(homes, "info", "-a", "standard::content-type", str(path))
    return output.split("standard::content-type:")[1].strip()


def test_install_makes_article_files_ours_and_uninstall_takes_it_all_back(
    homes: XdgHomes, tmp_path: Path
) -> None:
    tool("update-mime-database")
    named = tmp_path / "story.article"
    unnamed = tmp_path / "story-without-extension"  # known by the magic alone
    shutil.copyfile(SAMPLE, named)
    shutil.copyfile(SAMPLE, unnamed)
    plain_zip = tmp_path / "photos"
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("readme.txt", "not a story")

    # Another editor that claims .article files too: ours must be the default by choice.
    rival = homes.data / "applications" / "aaa.rival.Editor.desktop"
    rival.parent.mkdir(parents=True)
    rival.write_text(
        "[Desktop Entry]\nType=Application\nName=Rival\nExec=true %f\n"
        f"MimeType={ARTICLE_MIME_TYPE};\n",
        "utf-8",
    )

    installed = run_dateline(homes, "install-desktop")
    assert installed.returncode == 0, installed.stderr
    for path in installed_files(homes):
        assert path.is_file() and f"installed {path}" in installed.stdout
    assert content_type(homes, named) == ARTICLE_MIME_TYPE
    assert content_type(homes, unnamed) == ARTICLE_MIME_TYPE
    assert content_type(homes, plain_zip) == "application/zip"
    defaults = gio_output(homes, "mime", ARTICLE_MIME_TYPE)
    assert f"Default application for “{ARTICLE_MIME_TYPE}”: {DESKTOP_FILE}" in defaults
    launcher = desktop_keys((homes.data / "applications" / DESKTOP_FILE).read_text("utf-8"))
    assert Path(launcher["Exec"].removesuffix(" %f")).parent == Path(sys.executable).parent

    removed = run_dateline(homes, "uninstall-desktop")
    assert removed.returncode == 0, removed.stderr
    assert not any(path.exists() for path in installed_files(homes))
    assert not (homes.data / "icons" / "hicolor" / "16x16").exists()  # emptied folders go
    assert not homes.mimeapps.exists()  # it held only our default
    assert content_type(homes, named) != ARTICLE_MIME_TYPE
    assert content_type(homes, unnamed) == "application/zip"
    # What stays is only the caches the tools keep for whatever is left (nothing of ours).
    left = {p.relative_to(homes.data).as_posix() for p in homes.data.rglob("*") if p.is_file()}
    assert not {name for name in left if APP_ID in name or "dateline.xml" in name}, left
    assert {name.split("/")[0] for name in left} <= {"mime", "applications", "icons"}
    assert rival.is_file()


def test_uninstall_keeps_other_applications_choices(homes: XdgHomes) -> None:
    homes.config.mkdir(parents=True)
    homes.mimeapps.write_text(
        "# mine\n[Default Applications]\ntext/plain=gedit.desktop;\n\n"
        "[Added Associations]\nimage/png=gimp.desktop;\n",
        "utf-8",
    )
    before = homes.mimeapps.read_text("utf-8")
    from editor.desktop.mimeapps import (
        default_application,
        remove_default_application,
        set_default_application,
    )

    set_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, DESKTOP_FILE)
    assert default_application(homes.mimeapps, ARTICLE_MIME_TYPE) == DESKTOP_FILE
    assert default_application(homes.mimeapps, "text/plain") == "gedit.desktop"
    set_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, DESKTOP_FILE)  # twice: one line
    assert homes.mimeapps.read_text("utf-8").count(ARTICLE_MIME_TYPE) == 1
    assert remove_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, DESKTOP_FILE)
    assert homes.mimeapps.read_text("utf-8") == before
    # A default the user gave to another application is theirs: uninstall leaves it.
    set_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, "other.desktop")
    assert not remove_default_application(homes.mimeapps, ARTICLE_MIME_TYPE, DESKTOP_FILE)
    assert default_application(homes.mimeapps, ARTICLE_MIME_TYPE) == "other.desktop"


def test_uninstall_without_install_removes_nothing(homes: XdgHomes) -> None:
    result = run_dateline(homes, "uninstall-desktop")
    assert result.returncode == 0
    assert "nothing to remove" in result.stdout
    assert not homes.data.exists() and not homes.config.exists()


def test_missing_cache_tools_are_named_not_fatal(
    homes: XdgHomes, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("mime/packages", "applications", "icons/hicolor"):
        (homes.data / folder).mkdir(parents=True)
    monkeypatch.setenv("PATH", str(homes.data))  # a system without any of them
    report = update_caches(homes, DesktopReport(), run=lambda command: pytest.fail("ran"))
    assert report.tools_missing == [
        "update-mime-database",
        "update-desktop-database",
        "gtk-update-icon-cache",
    ]
    assert report.tools_run == []


def test_a_failing_cache_tool_is_one_oserror(homes: XdgHomes) -> None:
    tool("update-mime-database")
    (homes.data / "mime" / "packages").mkdir(parents=True)

    def fails(command: list[str]) -> None:
        raise subprocess.CalledProcessError(1, command, b"", b"noise\nDisk full\n")

    with pytest.raises(OSError, match="update-mime-database failed: Disk full"):
        update_caches(homes, DesktopReport(), run=fails)


def test_the_icons_are_rendered_at_each_size_from_the_svg() -> None:
    from PySide6.QtGui import QImage

    from editor.desktop.icons import render_png

    for size in (16, 256):
        image = QImage.fromData(render_png(size), "PNG")
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0  # transparent around the page
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    with pytest.raises(ValueError, match="not a valid SVG"):
        render_png(16, b"<svg")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_install_is_refused_where_desktops_read_no_freedesktop_files(
    homes: XdgHomes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    platform: str,
) -> None:
    from editor.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(homes.data))
    monkeypatch.setattr(sys, "platform", platform)
    assert main(["install-desktop"]) == 1
    assert "install-desktop is for Linux and BSD desktops" in capsys.readouterr().err
    assert not homes.data.exists()
