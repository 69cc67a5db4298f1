"""The application icon: one SVG in the resources, drawn by Qt at whatever size is asked.

The hicolor PNGs a desktop wants are rendered from the same SVG when the icons are installed
(they are generated files, never kept in the repository), and the window's icon is the SVG
itself, so the title bar, the About box and the launcher show one drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor import RESOURCES
from editor.desktop import ICON_FILE, ICON_SIZES

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def icon_svg() -> bytes:
    """The application icon's SVG, as shipped in the resources."""
    return (RESOURCES / "desktop" / ICON_FILE).read_bytes()


def render_png(size: int, svg: bytes | None = None) -> bytes:
    """The icon (or ``svg``) as a square PNG of ``size`` pixels with a transparent background.

    Needs no QGuiApplication: QSvgRenderer paints on a QImage without a display.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(icon_svg() if svg is None else svg))
    if not renderer.isValid():
        raise ValueError("the application icon is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs ask bytes, Qt a str
    buffer.close()
    return bytes(data.data())


def application_icon() -> QIcon:
    """The window's icon, drawn from the shipped SVG at each hicolor size (needs the
    QGuiApplication: pixmaps live on the display)."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QIcon, QPixmap

    svg = icon_svg()
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(render_png(size, svg)), "PNG")
        icon.addPixmap(pixmap)
    return icon
