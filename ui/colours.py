"""Semantic colours, each with a light and a dark variant, picked by the palette.

Everything in ui/ that paints a colour of its own (delegates, brushes, icons)
asks here instead of writing a hex value: ``colours.error()`` is a red that
reads on a light window, or a lighter red on a dark one. Which variant is used
follows the palette's window colour (its lightness), so a dark desktop theme,
Settings ▸ Appearance and a palette a test sets all get the right one.

Labels that only need a text colour use the style sheet instead
(``label.setProperty("role", "error")``; see resources/style.qss), which
takes its values from :func:`style_values`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True, slots=True)
class Shade:
    """One colour in its two variants (hex): for light windows and for dark ones."""

    light: str
    dark: str


ERROR = Shade("#cf222e", "#ff7b72")
WARNING = Shade("#9a6700", "#d29922")
INFO = Shade("#0969da", "#58a6ff")
SUCCESS = Shade("#1a7f37", "#3fb950")
MUTED = Shade("#6e7781", "#8b949e")

#: Accents of interaction kinds: the timeline's stripe and the kind icons.
KINDS: dict[str, Shade] = {
    "meeting": Shade("#2f81f7", "#79c0ff"),
    "call": SUCCESS,
    "email": Shade("#8250df", "#bc8cff"),
    "note": MUTED,
    "demo": Shade("#bf8700", "#e3b341"),
    "proposal": ERROR,
    "contract": INFO,
    "gift": Shade("#d4377a", "#f778ba"),
    "other": MUTED,
}

#: What the import proposes for a row (the preview's status column), by the action
#: names of models.transfer.plan.ACTIONS (spelled out: the window need not load the
#: importer to paint; a test keeps the two in step).
IMPORT_ACTIONS: dict[str, Shade] = {
    "new": SUCCESS,
    "update": INFO,
    "duplicate": WARNING,
    "skip": MUTED,
    "error": ERROR,
}


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window colour is dark (a dark theme), for ``palette`` or the app's."""
    return _palette(palette).color(QPalette.ColorRole.Window).lightness() < 128


def pick(shade: Shade, palette: QPalette | None = None) -> QColor:
    """The variant of ``shade`` that reads on ``palette`` (the application's by default)."""
    return QColor(shade.dark if is_dark(palette) else shade.light)


def error(palette: QPalette | None = None) -> QColor:
    return pick(ERROR, palette)


def warning(palette: QPalette | None = None) -> QColor:
    return pick(WARNING, palette)


def info(palette: QPalette | None = None) -> QColor:
    return pick(INFO, palette)


def success(palette: QPalette | None = None) -> QColor:
    return pick(SUCCESS, palette)


def muted(palette: QPalette | None = None) -> QColor:
    return pick(MUTED, palette)


def selected_tint(palette: QPalette | None = None) -> QColor:
    """A light wash of the info colour behind the selected client's rows in a list of
    every client's (the follow-ups pane): visible, and the text on it still reads."""
    colour = info(palette)
    colour.setAlphaF(0.22 if is_dark(palette) else 0.13)
    return colour


def kind(name: str, palette: QPalette | None = None) -> QColor:
    """The accent of an interaction kind (muted for one it does not know)."""
    return pick(KINDS.get(name, MUTED), palette)


def import_action(action: str, palette: QPalette | None = None) -> QColor:
    """The colour of an import row's action; the plain text colour for an unknown one."""
    shade = IMPORT_ACTIONS.get(action)
    if shade is None:
        return _palette(palette).color(QPalette.ColorRole.Text)
    return pick(shade, palette)


def _rgba(colour: QColor, alpha: float) -> str:
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha})"


def style_values(palette: QPalette | None = None) -> dict[str, str]:
    """The ``$names`` resources/style.qss uses, for ``palette`` (the app's by default)."""
    values = {
        "error": error(palette).name(),
        "warning": warning(palette).name(),
        "info": info(palette).name(),
        "success": success(palette).name(),
        "muted": muted(palette).name(),
    }
    tint = warning(palette)
    values["warning_tint"] = _rgba(tint, 0.18 if is_dark(palette) else 0.14)
    values["warning_edge"] = _rgba(tint, 0.55 if is_dark(palette) else 0.45)
    return values
