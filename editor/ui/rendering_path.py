"""How Qt draws the window on this machine: its default (OpenGL) or its software backend.

The preview is Qt WebEngine, drawn through Qt Quick's scene graph. On a machine whose OpenGL is
itself drawn in software (Mesa's llvmpipe: virtual machines, remote desktops, many newsroom
thin clients), that path is much slower than Qt's own software backend: on a 2-core virtual
machine under Xvfb a keystroke reached the preview's pixels in 57-79 ms with the default and
20-24 ms with ``QT_QUICK_BACKEND=software`` (a bare QWebEngineView patched by runJavaScript).
So the window asks once which OpenGL renderer the machine has (a small child process, 0.3 s,
remembered in the cache folder per display and Qt version) and picks the software backend for a
software renderer. A backend the user set in the environment is always kept; a real GPU keeps
Qt's default. The choice is logged and shown in Help > About.

Only the window chooses: printing and the tests run on Qt's offscreen platform, which draws
nothing on a screen.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass

from editor.model.messages import QT_TRANSLATE_NOOP, Message, say
from editor.paths import cache_dir

logger = logging.getLogger(__name__)

# Renderer strings of OpenGL drawn by the processor (lower case, as substrings).
SOFTWARE_RENDERERS = (
    "llvmpipe",
    "softpipe",
    "swrast",
    "software rasterizer",
    "swiftshader",
    "microsoft basic render",
)
# The user's own choice of Qt Quick's backend, never overridden.
USER_VARIABLES = ("QT_QUICK_BACKEND", "QT_QUICKBACKEND")
NO_SCREEN_PLATFORMS = ("offscreen", "minimal")
PROBE_TIMEOUT_S = 10
CACHE_NAME = "rendering.json"

# Run in a child process, so that the window's own application is made after the choice.
_PROBE = """
import sys
from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext
app = QGuiApplication(sys.argv[:1])
context = QOpenGLContext()
surface = QOffscreenSurface()
surface.create()
if context.create() and context.makeCurrent(surface):
    print(context.functions().glGetString(0x1F01) or "")  # GL_RENDERER
"""


@dataclass(frozen=True)
class RenderingChoice:
    backend: str  # the QT_QUICK_BACKEND value chosen, or "" for Qt's default
    # One line for the log and the About box (which shows it in the window's language: the
    # choice is made before the translations are loaded).
    why: Message


_chosen: RenderingChoice | None = None


def choose_rendering(environ: Mapping[str, str], renderer: str | None) -> RenderingChoice:
    """The backend for a machine whose OpenGL renderer is ``renderer`` (None: unknown)."""
    for name in USER_VARIABLES:
        if environ.get(name):
            why = say(
                QT_TRANSLATE_NOOP("Rendering", "{variable}={value} (set by the user)"),
                variable=name,
                value=environ[name],
            )
            return RenderingChoice(environ[name], why)
    if renderer is None or not renderer.strip():
        why = QT_TRANSLATE_NOOP(
            "Rendering", "Qt's default (the OpenGL renderer could not be asked)"
        )
        return RenderingChoice("", why)
    if any(name in renderer.lower() for name in SOFTWARE_RENDERERS):
        why = say(
            QT_TRANSLATE_NOOP(
                "Rendering", "Qt's software backend ({renderer} draws OpenGL in software)"
            ),
            renderer=renderer.strip(),
        )
        return RenderingChoice("software", why)
    why = say(
        QT_TRANSLATE_NOOP("Rendering", "Qt's default, OpenGL on {renderer}"),
        renderer=renderer.strip(),
    )
    return RenderingChoice("", why)


def apply_rendering_choice(
    environ: MutableMapping[str, str] | None = None,
    probe: Callable[[], str | None] | None = None,
) -> RenderingChoice:
    """Choose before the QApplication exists (the backend is read once, at its start), set
    ``QT_QUICK_BACKEND`` for the software backend, log it, and keep it for ``rendering_choice``."""
    global _chosen
    environ = os.environ if environ is None else environ
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform in NO_SCREEN_PLATFORMS:
        why = say(
            QT_TRANSLATE_NOOP(
                "Rendering", "Qt's default (the {platform} platform draws no screen)"
            ),
            platform=platform,
        )
        choice = RenderingChoice("", why)
    else:
        asked = any(environ.get(name) for name in USER_VARIABLES)
        renderer = None if asked else (probe or cached_renderer)()
        choice = choose_rendering(environ, renderer)
        if choice.backend and not asked:
            environ["QT_QUICK_BACKEND"] = choice.backend
    logger.info("Rendering: %s", choice.why)
    _chosen = choice
    return choice


def rendering_choice() -> RenderingChoice | None:
    """What ``apply_rendering_choice`` chose in this process (None if it was not asked)."""
    return _chosen


def cached_renderer() -> str | None:
    """The OpenGL renderer, from the cache when this display and Qt version were asked before."""
    key = _machine_key()
    path = cache_dir() / CACHE_NAME
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and cached.get("key") == key:
            renderer = cached.get("renderer")
            return renderer if isinstance(renderer, str) else None
    except (OSError, ValueError):
        pass
    renderer = probe_renderer()
    if renderer is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"key": key, "renderer": renderer}), encoding="utf-8")
        except OSError:
            logger.debug("the rendering choice could not be cached", exc_info=True)
    return renderer


def probe_renderer() -> str | None:
    """The OpenGL renderer string a child process reads (None if it cannot tell)."""
    try:
        answer = subprocess.run(
            [sys.executable, "-c", _PROBE],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        logger.debug("the OpenGL probe did not run", exc_info=True)
        return None
    lines = answer.stdout.strip().splitlines()
    return lines[-1].strip() if answer.returncode == 0 and lines else None


def _machine_key() -> str:
    from PySide6 import __version__ as qt_version

    where = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "console"
    return f"{os.environ.get('QT_QPA_PLATFORM', '')}|{where}|{qt_version}"
