"""SVG icons from resources/icons, drawn in the palette's text colour so they suit
light and dark themes alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

#: Accent colours for interaction kinds (readable on light and dark backgrounds).
KIND_COLOURS = {
    "meeting": "#2f81f7",
    "call": "#1a7f37",
    "email": "#8250df",
    "note": "#6e7781",
    "demo": "#bf8700",
    "proposal": "#cf222e",
    "contract": "#0969da",
    "gift": "#d4377a",
    "other": "#6e7781",
}


def _render(name: str, colour: str, size: int) -> QPixmap:
    svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    ratio = 2.0
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def icon(name: str, colour: str | None = None) -> QIcon:
    """An icon by file name (without .svg), in ``colour`` or the palette's text colour."""
    if colour is None:
        palette = QGuiApplication.palette()
        colour = palette.color(QPalette.ColorRole.WindowText).name()
    result = QIcon()
    for size in (16, 24, 32):  # Qt derives the greyed-out disabled look itself
        result.addPixmap(_render(name, colour, size), QIcon.Mode.Normal)
    return result


def kind_icon(kind: str) -> QIcon:
    return icon(kind if (ICONS / f"{kind}.svg").exists() else "other", KIND_COLOURS.get(kind))


def app_icon() -> QIcon:
    result = QIcon()
    path = str(ICONS / "relasi.svg")
    for size in (16, 32, 64, 128, 256):
        result.addFile(path, QSize(size, size))
    return result
