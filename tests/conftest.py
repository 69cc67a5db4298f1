"""Test set-up: headless Qt, and every settings/cache/data folder in a temporary directory.

The environment is set at import time, before pytest-qt creates the QApplication, so no test
ever reads or writes the user's home.
"""

from __future__ import annotations

import gc
import inspect
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from locations import DATA

_SANDBOX = Path(tempfile.mkdtemp(prefix="dateline-tests-"))
for _name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
os.environ["XDG_RUNTIME_DIR"] = str(_SANDBOX / "runtime")
(_SANDBOX / "runtime").mkdir(mode=0o700)
os.environ["HOME"] = str(_SANDBOX / "home")
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
# The window speaks the system's language (editor/ui/translation.py): tests read English texts
# whatever the machine's locale; a test that wants Spanish installs it and takes it off again.
os.environ["LANGUAGE"] = "en"

# A test that uses one of these fixtures, or names the window, needs a QApplication: it is a
# gui test whether or not its file says so, and `make test-fast` leaves it out.
GUI_FIXTURES = frozenset({"qtbot", "qapp", "window"})
WINDOW_NAMES = ("MainWindow", "editor.ui.main_window", "create_application")


# Fixtures shared by the publishing tests: a keyring in memory, a sites file of their own.
pytest_plugins = ["keyrings"]


def _needs_the_gui(item: pytest.Item) -> bool:
    if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module = getattr(item, "module", None)
    if module is not None and hasattr(module, "MainWindow"):
        return True
    function = getattr(item, "function", None)
    try:
        source = inspect.getsource(function) if function is not None else ""
    except (OSError, TypeError):
        return False
    return any(name in source for name in WINDOW_NAMES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("gui") is None and _needs_the_gui(item):
            item.add_marker(pytest.mark.gui)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Once the window's application exists, Python collects garbage on the main thread only
    (editor/ui/garbage.py), from a timer that runs only while a test turns the event loop. A
    test without Qt has no worker of the window's to collect in, and may make cyclic garbage by
    the gigabyte (a property test's exceptions, each holding its frames): it runs with Python's
    automatic collection."""
    automatic = not gc.isenabled() and item.get_closest_marker("gui") is None
    if automatic:
        gc.enable()
    try:
        yield
    finally:
        if automatic:
            gc.disable()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """And between tests, on the main thread, what is due (for the window tests that do not
    turn the event loop long enough for the timer)."""
    if not gc.isenabled():
        from editor.ui.garbage import collect_what_is_due

        collect_what_is_due()


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def qapp():
    """The QApplication as Dateline creates it (the preview's URL scheme must come first)."""
    from editor.app import create_application, dispose_widgets
    from editor.model.preferences import SETTINGS_KEYS
    from editor.ui.settings_store import window_settings

    window_settings().remove(SETTINGS_KEYS["ui_language"])  # the system's language: English
    app = create_application(["dateline-tests"])
    # English with its plural forms, from this checkout's catalogue (the installed resources
    # may be another checkout's, or not compiled yet).
    from editor.ui.translation import install_translators

    from spanish import compile_catalogue

    install_translators("en", folder=compile_catalogue(_SANDBOX / "translations"))
    yield app
    dispose_widgets()


@pytest.fixture(autouse=True)
def _widget_application_for_gui_tests(request: pytest.FixtureRequest) -> None:
    """A gui test always runs with Dateline's QApplication. Printing to PDF headless makes a
    QGuiApplication when none exists, and Qt allows one application per process: without
    this, a PDF export tested before the first window would leave no room for the window."""
    if request.node.get_closest_marker("gui") is not None:
        request.getfixturevalue("qapp")


@pytest.fixture
def window(qtbot):
    """The main window, shown offscreen with its preview loaded; closed without prompts.

    Each test's window starts from empty settings: a window keeps its splitter, preview mode
    and zoom when it closes, and one test's narrow body must not be the next test's."""
    from editor.app import dispose_widgets
    from editor.ui.main_window import MainWindow
    from editor.ui.settings_store import window_settings

    settings = window_settings()
    settings.clear()
    settings.sync()
    win = MainWindow()
    win.show()
    qtbot.waitUntil(lambda: win.preview.ready, timeout=20_000)
    yield win
    # Closed here rather than by qtbot, which closes before fixtures end: with nothing dirty,
    # closing does not ask to save.
    win.document.new()
    win.close()
    dispose_widgets()


# CI runs the property tests on a fixed seed so a submission's result does not depend on luck;
# local runs keep exploring new examples (and remember the failing ones).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
