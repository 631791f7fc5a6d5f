"""Light or dark: the application palette and the style sheet that goes with it.

Settings ▸ Appearance offers "follow the system", "light" and "dark". Following
the system keeps the platform's palette; when the platform says its colour scheme
is dark (QStyleHints.colorScheme) but hands out a light palette (a bare X11 session,
Fusion without a platform theme), Relasi sets a dark Fusion palette itself. A
choice of light or dark is asked of the platform first (QStyleHints.setColorScheme,
which Windows and macOS honour) and made with Fusion where the platform does not.

resources/style.qss is a template: ``$error``, ``$warning``... are filled in from
:mod:`ui.colours` for the palette in use, so its role selectors
(``QLabel[role="error"]``) read well on light and dark windows alike.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from ui import colours

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
STYLE = RESOURCES / "style.qss"
#: Added under a dark palette (check boxes that Fusion draws too dark to see).
STYLE_DARK = RESOURCES / "style-dark.qss"

#: Stored values of Settings.appearance: follow the system, or a fixed choice.
SYSTEM, LIGHT, DARK = "", "light", "dark"

_DARK_ROLES: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e3e5e8",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#303237",
    QPalette.ColorRole.ToolTipBase: "#3a3d42",
    QPalette.ColorRole.ToolTipText: "#e3e5e8",
    QPalette.ColorRole.PlaceholderText: "#a0a4ab",
    QPalette.ColorRole.Text: "#e3e5e8",
    QPalette.ColorRole.Button: "#36393f",
    QPalette.ColorRole.ButtonText: "#e3e5e8",
    QPalette.ColorRole.BrightText: "#ff7b72",
    QPalette.ColorRole.Light: "#50545b",
    QPalette.ColorRole.Midlight: "#43464c",
    QPalette.ColorRole.Mid: "#4a4d54",
    QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#0d0d0f",
    QPalette.ColorRole.Highlight: "#2f6fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#58a6ff",
    QPalette.ColorRole.LinkVisited: "#bc8cff",
    QPalette.ColorRole.Accent: "#2f6fd6",
}
_DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.WindowText: "#7c8088",
    QPalette.ColorRole.Text: "#7c8088",
    QPalette.ColorRole.ButtonText: "#7c8088",
    QPalette.ColorRole.PlaceholderText: "#6b6f76",
    QPalette.ColorRole.Highlight: "#44474d",
    QPalette.ColorRole.HighlightedText: "#a0a4ab",
}


def dark_palette() -> QPalette:
    """A dark palette for Fusion (what a dark desktop theme gives other Qt programs)."""
    palette = QPalette()
    for role, value in _DARK_ROLES.items():
        palette.setColor(role, QColor(value))
    for role, value in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    return palette


def light_palette() -> QPalette:
    """Fusion's own light palette."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def system_wants_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def set_role(widget: QWidget, role: str) -> None:
    """Colour ``widget`` by the style sheet's ``[role="..."]`` rule ("error", "warning",
    "info", "success", "muted"); re-polished, so a widget already shown follows too."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def style_sheet(palette: QPalette | None = None) -> str:
    """resources/style.qss (and style-dark.qss for a dark ``palette``) with their
    ``$names`` filled in for ``palette``."""
    files = [STYLE, STYLE_DARK] if colours.is_dark(palette) else [STYLE]
    values = colours.style_values(palette)
    values["icons"] = (RESOURCES / "icons").as_posix()
    return "".join(
        Template(path.read_text(encoding="utf-8")).substitute(values)
        for path in files
        if path.exists()
    )


class Theme(QObject):
    """Keeps the application's palette and style sheet to the chosen appearance, also
    when the desktop switches between light and dark while Relasi runs."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.appearance = SYSTEM
        # (under a style sheet, style() is Qt's style-sheet proxy, whose name is "")
        self._platform_style = app.style().name().casefold()
        self._overridden = False  # the palette is ours, not the platform's
        # A desktop switching between light and dark updates the platform palette,
        # then announces the new colour scheme.
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())

    def set_appearance(self, appearance: str) -> None:
        self.appearance = appearance if appearance in (LIGHT, DARK) else SYSTEM
        hints = self.app.styleHints()
        if self.appearance == SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(
                Qt.ColorScheme.Dark if self.appearance == DARK else Qt.ColorScheme.Light
            )
        self.apply()

    def wants_dark(self) -> bool:
        if self.appearance == SYSTEM:
            return system_wants_dark(self.app)
        return self.appearance == DARK

    def apply(self) -> None:
        """Set the palette (where the platform's does not match) and the style sheet."""
        dark = self.wants_dark()
        if self._overridden:  # back to the platform's palette, then see if it fits
            if self._platform_style not in ("", "fusion"):
                self.app.setStyle(self._platform_style)
            self.app.setPalette(QPalette())
            self._overridden = False
        if colours.is_dark(self.app.palette()) != dark:
            # setStyle resets the palette, so the style goes first
            self.app.setStyle("Fusion")
            self.app.setPalette(dark_palette() if dark else light_palette())
            self._overridden = True
        sheet = style_sheet(self.app.palette())
        if self.app.styleSheet() != sheet:
            self.app.setStyleSheet(sheet)


def theme(app: QApplication) -> Theme:
    """The application's Theme, made on first use."""
    found = app.findChild(Theme)
    return found if isinstance(found, Theme) else Theme(app)


def apply_theme(appearance: str = SYSTEM) -> None:
    """Use ``appearance`` (Settings.appearance) for the running application."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme(app).set_appearance(appearance)
