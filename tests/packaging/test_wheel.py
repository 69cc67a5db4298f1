"""Dateline as a reporter installs it: sdist, wheel, a fresh environment, the commands, the window.

The checkout is copied, built into an sdist, and the wheel is built from that sdist (as pipx and
`python -m build` do), all offline with this environment's setuptools. The wheel goes into a new
virtual environment outside the checkout; its dependencies are borrowed from this environment
through a .pth file (nothing to download), with this environment's own Dateline left out. Then,
from a temporary folder, the installed `dateline` imports the sample story, exports it in every
format, checks it and prints its info, and the window opens offscreen on it.

The figures (wheel size and file count, time from `pip install` to the window) are printed for
the release notes.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import editor

from locations import DATA

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
SHOW_WINDOW = Path(__file__).with_name("show_window.py")
SAMPLE_FOLDER = DATA / "deep-field"
SAMPLE_MARKDOWN = "deep-field.md"
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".run",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    ".hypothesis",
)
# What this environment's own Dateline installed: the fresh environment must not see it.
OWN_INSTALL_PREFIXES = ("editor", "dateline", "__editable__", "__editable___dateline")


def _run(
    command: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    *,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if check:
        assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _resource_files() -> list[Path]:
    """The files of resources/ as committed (a .qm is compiled by the build, not shipped)."""
    return sorted(
        path.relative_to(ROOT / "resources")
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".qm")
    )


def _setuptools_reads_our_metadata() -> None:
    version = importlib.metadata.version("setuptools")
    if int(version.split(".")[0]) < 77:
        pytest.fail(
            f"setuptools {version} cannot read the SPDX licence: install the test extras "
            "(pip install -e '.[test]'), which ask for setuptools>=77"
        )


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    _setuptools_reads_our_metadata()
    base = tmp_path_factory.mktemp("build")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES, symlinks=True)
    sdists = base / "sdist"
    code = "import sys; from setuptools import build_meta as b; print(b.build_sdist(sys.argv[1]))"
    name = _run([sys.executable, "-c", code, str(sdists)], cwd=source).stdout.split()[-1]
    sdist = sdists / name
    wheels = base / "wheels"
    _run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"),
            *("--no-index", "--wheel-dir", str(wheels), str(sdist)),
        ],
        cwd=base,
    )
    (wheel,) = wheels.glob("dateline-*.whl")
    return Built(sdist, wheel)


@dataclass(frozen=True)
class Installed:
    python: Path
    bin: Path
    site_packages: Path
    work: Path
    env: dict[str, str]
    install_seconds: float


def _borrow_dependencies(deps: Path) -> None:
    """Link every package this environment has, except its own Dateline, into ``deps``."""
    deps.mkdir()
    for entry in sys.path:
        folder = Path(entry)
        if folder.name not in ("site-packages", "dist-packages") or not folder.is_dir():
            continue
        for item in folder.iterdir():
            target = deps / item.name
            if item.name.startswith(OWN_INSTALL_PREFIXES) or item.suffix == ".pth":
                continue
            if not target.exists():
                target.symlink_to(item)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("installed")
    environment = base / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=True).create(environment)
    python = environment / "bin" / "python"
    site_packages = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    _borrow_dependencies(base / "deps")
    (site_packages / "borrowed_dependencies.pth").write_text(f"{base / 'deps'}\n")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env["PYTHONNOUSERSITE"] = "1"
    env["PATH"] = f"{environment / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = base / "work"
    shutil.copytree(SAMPLE_FOLDER, work)

    install_started = time.monotonic()
    _run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"),
            *("--no-index", "--no-compile", str(built.wheel)),
        ],
        cwd=work,
        env=env,
    )
    install_seconds = time.monotonic() - install_started
    yield Installed(python, environment / "bin", site_packages, work, env, install_seconds)


def _dateline(
    installed: Installed, *args: str, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """The installed ``dateline`` run from the work folder, outside the checkout."""
    command = [str(installed.bin / "dateline"), *args]
    return _run(command, cwd=installed.work, env=installed.env, check=check)


def test_sdist_carries_the_resources(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = set(archive.getnames())
    top = built.sdist.name.removesuffix(".tar.gz")
    missing = [
        str(path) for path in _resource_files() if f"{top}/resources/{path.as_posix()}" not in names
    ]
    assert missing == []
    assert f"{top}/pyproject.toml" in names
    assert not any(name.endswith(".pyc") for name in names)


def test_wheel_holds_the_package_and_every_resource(
    built: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        names = archive.namelist()
        for path in _resource_files():
            name = f"editor/resources/{path.as_posix()}"
            assert name in names, f"{name} is not in the wheel"
            assert archive.read(name) == (ROOT / "resources" / path).read_bytes()
        sources = sorted(
            path.relative_to(ROOT).as_posix()
            for path in (ROOT / "editor").rglob("*.py")
            if "__pycache__" not in path.parts
        )
        assert [name for name in sources if name not in names] == []
        info = f"dateline-{editor.__version__}.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
        licence = archive.read(f"{info}/licenses/LICENSE").decode()
    assert not [name for name in names if name.startswith(("tests/", "resources/"))]
    with tarfile.open(built.sdist) as sdist:
        assert not [name for name in sdist.getnames() if name.endswith(".qm")], "built, not shipped"
    assert not [name for name in names if name.endswith((".pyc", ".pyo")) or "__pycache__" in name]
    assert "[console_scripts]\ndateline = editor.cli:main" in entry_points
    assert "[gui_scripts]\ndateline-window = editor.cli:window_main" in entry_points
    assert f"\nVersion: {editor.__version__}\n" in metadata
    assert "\nLicense-Expression: GPL-3.0-or-later\n" in metadata
    assert "\nLicense-File: LICENSE\n" in metadata
    assert licence.split()[:5] == ["GNU", "GENERAL", "PUBLIC", "LICENSE", "Version"]
    assert licence.split()[5] == "3,"
    size = built.wheel.stat().st_size
    resources = sum(1 for name in names if name.startswith("editor/resources/"))
    _report(
        capsys,
        f"wheel {built.wheel.name}: {size / 1024:.0f} KiB, {len(names)} files "
        f"({len(sources)} Python modules, {resources} in editor/resources)",
    )


def test_the_wheel_carries_the_compiled_spanish_window(built: Built, tmp_path: Path) -> None:
    """The build compiles each .ts into the .qm the window loads (setup.py)."""
    from PySide6.QtCore import QTranslator

    with zipfile.ZipFile(built.wheel) as archive:
        catalogue = archive.read("editor/resources/translations/dateline_es.qm")
    (tmp_path / "dateline_es.qm").write_bytes(catalogue)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "dateline_es.qm"))
    assert translator.translate("Menus", "&File") == "&Archivo"


def test_installed_outside_the_checkout(installed: Installed) -> None:
    where = _run(
        [str(installed.python), "-c", "import editor; print(editor.__file__, editor.RESOURCES)"],
        cwd=installed.work,
        env=installed.env,
    ).stdout.split()
    assert Path(where[0]).is_relative_to(installed.site_packages)
    assert Path(where[1]) == installed.site_packages / "editor" / "resources"
    version = _dateline(installed, "--version")
    assert version.stdout == f"dateline {editor.__version__}\n"
    assert (installed.bin / "dateline-window").is_file()


def test_commands_work_from_the_installed_wheel(
    installed: Installed, capsys: pytest.CaptureFixture[str]
) -> None:
    story = "story.article"
    _dateline(installed, "import", SAMPLE_MARKDOWN, "-o", story)
    listing = _dateline(installed, "export", "--list-formats").stdout
    formats = [line.split()[0] for line in listing.splitlines()]
    assert len(formats) >= 11
    exported = []
    (installed.work / "exports").mkdir()
    for name in formats:
        output = installed.work / "exports" / name
        _dateline(installed, "export", story, "--format", name, "-o", str(output))
        written = [output] if output.is_file() else [p for p in output.rglob("*") if p.is_file()]
        assert written, f"export --format {name} wrote nothing"
        exported.append(f"{name} {sum(p.stat().st_size for p in written)} B")
    _report(capsys, "exported from the installed wheel: " + ", ".join(exported))

    # The house style and the stylesheets come from the installed package: the findings are
    # the same as from the checkout.
    installed_check = _dateline(installed, "check", story, "--json", check=False)
    assert installed_check.returncode in (0, 1), installed_check.stderr
    checkout_check = _run(
        [sys.executable, "-m", "editor", "check", str(installed.work / story), "--json"],
        check=False,
    )
    assert json.loads(installed_check.stdout) == json.loads(checkout_check.stdout)
    html = (installed.work / "exports" / "html").read_text(encoding="utf-8")
    assert ".dateline-article" in html  # the article stylesheet is inside the page

    info = json.loads(_dateline(installed, "info", story, "--json").stdout)
    assert info["headline"]
    assert len(info["photos"]) == 3


def test_the_window_opens_from_the_installed_wheel(
    installed: Installed, capsys: pytest.CaptureFixture[str]
) -> None:
    story = "window.article"
    _dateline(installed, "import", SAMPLE_MARKDOWN, "-o", story)
    headline = json.loads(_dateline(installed, "info", story, "--json").stdout)["headline"]
    started = time.time()
    shown = json.loads(
        _run(
            [str(installed.python), str(SHOW_WINDOW), story, headline],
            cwd=installed.work,
            env=installed.env,
        ).stdout.splitlines()[-1]
    )
    assert shown["headline"] == headline
    _report(
        capsys,
        f"`pip install` of the wheel {installed.install_seconds:.1f} s (dependencies present), "
        f"then the window showing the story {shown['shown_at'] - started:.1f} s after Python "
        f"started: {installed.install_seconds + shown['shown_at'] - started:.1f} s in all",
    )


def _report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    """Print past pytest's capture, so CI's output shows the figure."""
    with capsys.disabled():
        print(f"\n[packaging] {line}")
