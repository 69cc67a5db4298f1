"""How the window is drawn: Qt's software backend where OpenGL is itself drawn in software, the
user's own choice kept, Qt's default on a real GPU (editor/ui/rendering_path.py)."""

from __future__ import annotations

import json

import pytest

from editor.paths import cache_dir
from editor.ui import rendering_path
from editor.ui.rendering_path import apply_rendering_choice, cached_renderer, choose_rendering


@pytest.mark.parametrize(
    "renderer",
    [
        "llvmpipe (LLVM 15.0.6, 256 bits)",
        "softpipe",
        "Software Rasterizer",
        "Google SwiftShader",
        "Microsoft Basic Render Driver",
    ],
)
def test_a_software_opengl_gets_the_software_backend(renderer: str) -> None:
    choice = choose_rendering({}, renderer)
    assert choice.backend == "software"
    assert renderer in choice.why and "software" in choice.why


@pytest.mark.parametrize(
    "renderer", ["Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "NVIDIA GeForce RTX 3060/PCIe/SSE2"]
)
def test_a_real_gpu_keeps_qts_default(renderer: str) -> None:
    choice = choose_rendering({}, renderer)
    assert choice.backend == "" and renderer in choice.why


def test_an_unknown_renderer_keeps_qts_default() -> None:
    assert choose_rendering({}, None).backend == ""
    assert choose_rendering({}, "  ").backend == ""


def test_the_users_own_backend_is_kept_and_never_probed() -> None:
    environ = {"QT_QPA_PLATFORM": "xcb", "QT_QUICK_BACKEND": "rhi"}

    def probe() -> str:
        raise AssertionError("the machine was probed although the user chose")

    choice = apply_rendering_choice(environ, probe)
    assert choice.backend == "rhi" and "set by the user" in choice.why
    assert environ["QT_QUICK_BACKEND"] == "rhi"


def test_the_software_choice_is_set_before_the_application_starts() -> None:
    environ = {"QT_QPA_PLATFORM": "xcb"}
    choice = apply_rendering_choice(environ, lambda: "llvmpipe (LLVM 15.0.6, 256 bits)")
    assert environ["QT_QUICK_BACKEND"] == "software" == choice.backend
    assert rendering_path.rendering_choice() == choice
    gpu = {"QT_QPA_PLATFORM": "wayland"}
    assert apply_rendering_choice(gpu, lambda: "AMD Radeon RX 6600").backend == ""
    assert "QT_QUICK_BACKEND" not in gpu


def test_a_screenless_platform_is_not_probed() -> None:
    environ = {"QT_QPA_PLATFORM": "offscreen"}

    def probe() -> str:
        raise AssertionError("probed")

    assert apply_rendering_choice(environ, probe).backend == ""
    assert "QT_QUICK_BACKEND" not in environ


def test_the_renderer_is_asked_once_per_display(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []

    def probe() -> str:
        asked.append(1)
        return "llvmpipe (LLVM 15.0.6, 256 bits)"

    monkeypatch.setattr(rendering_path, "probe_renderer", probe)
    monkeypatch.setenv("DISPLAY", ":42")
    assert cached_renderer() == cached_renderer() == "llvmpipe (LLVM 15.0.6, 256 bits)"
    assert len(asked) == 1
    monkeypatch.setenv("DISPLAY", ":43")  # another display may have another GPU
    cached_renderer()
    assert len(asked) == 2
    stored = json.loads((cache_dir() / rendering_path.CACHE_NAME).read_text(encoding="utf-8"))
    assert stored["renderer"].startswith("llvmpipe") and ":43" in stored["key"]


def test_the_probe_reads_a_real_renderer_or_says_it_cannot() -> None:
    """The child process runs on this machine's platform: a string, or None without OpenGL."""
    answer = rendering_path.probe_renderer()
    assert answer is None or (isinstance(answer, str) and answer.strip())
