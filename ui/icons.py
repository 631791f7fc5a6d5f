"""SVG icons from resources/icons, drawn in the palette's text colour so they suit
light and dark themes alike; accents come from ui.colours."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

from ui import colours

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


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


def icon(name: str, colour: str | None = None) -> QIcon:
    """An icon by file name (without .svg), in ``colour`` or the palette's text colour
    (the one in use now: after a switch between light and dark, ask again)."""
    if colour is None:
        palette = QGuiApplication.palette()
        colour = palette.color(QPalette.ColorRole.WindowText).name()
    return _icon(name, colour)


@cache
def _icon(name: str, colour: str) -> QIcon:
    result = QIcon()
    for size in (16, 24, 32):  # Qt derives the greyed-out disabled look itself
        result.addPixmap(_render(name, colour, size), QIcon.Mode.Normal)
    return result


#: The dynamic property that remembers which icon set_icon() gave an action or button.
ICON_PROPERTY = "relasiIcon"


def set_icon(target: QAction | QAbstractButton, name: str) -> None:
    """Give ``target`` an icon in the text colour, redrawn by :func:`refresh_icons`."""
    target.setProperty(ICON_PROPERTY, name)
    target.setIcon(icon(name))


def refresh_icons(root: QObject) -> None:
    """Redraw the icons set_icon() gave under ``root`` (the palette turned light or dark)."""
    targets: list[QAction | QAbstractButton] = [
        *root.findChildren(QAction),
        *root.findChildren(QAbstractButton),
    ]
    for target in targets:
        name = target.property(ICON_PROPERTY)
        if isinstance(name, str) and name:
            target.setIcon(icon(name))


def kind_icon(kind: str) -> QIcon:
    """An interaction kind's icon in its accent colour (light or dark to suit the palette)."""
    name = kind if (ICONS / f"{kind}.svg").exists() else "other"
    return icon(name, colours.kind(kind).name())


def app_icon() -> QIcon:
    result = QIcon()
    path = str(ICONS / "relasi.svg")
    for size in (16, 32, 64, 128, 256):
        result.addFile(path, QSize(size, size))
    return result
