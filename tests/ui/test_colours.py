"""Colours follow the palette: ui.colours picks light or dark variants, the style
sheet's role selectors colour labels, and Settings ▸ Appearance switches the theme."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from models.transfer.plan import ACTIONS
from ui import colours, theme
from ui.icons import ICON_PROPERTY, icon
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def app_theme(qapp: QApplication) -> Iterator[QApplication]:
    """Whatever a test does to the palette, style and style sheet is undone after it."""
    palette, sheet, style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    yield qapp
    theme.apply_theme(theme.SYSTEM)
    qapp.setStyle(style or "fusion")
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def _text_colour(label: QLabel) -> str:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_dark_palette_is_dark_and_light_is_light(qapp: QApplication) -> None:
    assert colours.is_dark(theme.dark_palette())
    assert not colours.is_dark(theme.light_palette())


@pytest.mark.parametrize(
    "pick", [colours.error, colours.warning, colours.info, colours.success, colours.muted]
)
def test_semantic_colours_pick_the_variant_for_the_palette(
    qapp: QApplication, pick: Callable[[QPalette | None], QColor]
) -> None:
    light, dark = pick(theme.light_palette()), pick(theme.dark_palette())
    assert light != dark
    # each variant reads on its own background: a dark one is lighter than a light one
    assert dark.lightness() > light.lightness()


def test_kind_and_import_colours_follow_the_palette(qapp: QApplication) -> None:
    light, dark = theme.light_palette(), theme.dark_palette()
    for kind in colours.KINDS:
        assert colours.kind(kind, light).name() == colours.KINDS[kind].light
        assert colours.kind(kind, dark).name() == colours.KINDS[kind].dark
    assert colours.kind("unheard-of", dark) == colours.muted(dark)
    assert set(colours.IMPORT_ACTIONS) == set(ACTIONS)  # spelled out in ui.colours
    assert colours.import_action("new", dark) == colours.success(dark)
    assert colours.import_action("?", light) == light.color(QPalette.ColorRole.Text)


def test_colours_follow_the_application_palette(app_theme: QApplication) -> None:
    app_theme.setPalette(theme.dark_palette())
    assert colours.is_dark()
    assert colours.error().name() == colours.ERROR.dark
    app_theme.setPalette(theme.light_palette())
    assert colours.error().name() == colours.ERROR.light


def test_style_sheet_fills_in_every_name(qapp: QApplication) -> None:
    light = theme.style_sheet(theme.light_palette())
    dark = theme.style_sheet(theme.dark_palette())
    assert "$" not in light and "$" not in dark
    for role in ("error", "warning"):
        assert f'QLabel[role="{role}"]' in light
    assert colours.ERROR.light in light and colours.ERROR.dark in dark
    # dark only: check boxes with an edge that shows on a dark list, and their tick
    assert "::indicator" not in light and "QAbstractItemView::indicator" in dark
    tick = dark.split('url("', 1)[1].split('")', 1)[0]
    assert Path(tick).is_file()


def test_error_label_takes_its_colour_from_the_style_sheet(
    app_theme: QApplication, qtbot: QtBot
) -> None:
    theme.apply_theme(theme.LIGHT)
    parent = QWidget()
    qtbot.addWidget(parent)
    error = QLabel("wrong", parent)
    error.setProperty("role", "error")
    warning = QLabel("check", parent)
    warning.setProperty("role", "warning")
    plain = QLabel("plain", parent)
    assert _text_colour(error) == colours.ERROR.light
    assert _text_colour(warning) == colours.WARNING.light
    assert _text_colour(plain) == theme.light_palette().color(QPalette.ColorRole.WindowText).name()

    theme.apply_theme(theme.DARK)
    dark_error = QLabel("wrong", parent)
    dark_error.setProperty("role", "error")
    assert _text_colour(dark_error) == colours.ERROR.dark
    assert _text_colour(error) == colours.ERROR.dark  # the label already shown follows


def test_appearance_setting_switches_the_palette(
    app_theme: QApplication, qtbot: QtBot, settings: Settings
) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.appearance
    combo.setCurrentIndex(combo.findData(theme.DARK))
    dialog.accept()
    assert settings.appearance == "dark"
    assert colours.is_dark(app_theme.palette())
    assert app_theme.style().name() in ("", "fusion")  # Fusion under the style sheet

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.appearance.currentData() == theme.DARK
    dialog.appearance.setCurrentIndex(dialog.appearance.findData(theme.SYSTEM))
    dialog.accept()
    assert settings.appearance == ""
    assert not colours.is_dark(app_theme.palette())  # offscreen's platform palette is light


def test_icons_are_drawn_in_the_current_text_colour(app_theme: QApplication) -> None:
    app_theme.setPalette(theme.light_palette())
    light = icon("add").pixmap(16, 16).toImage()
    app_theme.setPalette(theme.dark_palette())
    dark = icon("add").pixmap(16, 16).toImage()
    assert light != dark


def test_window_redraws_its_icons_when_the_palette_turns_dark(
    app_theme: QApplication, window: QWidget, qtbot: QtBot
) -> None:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    action = window.actions_["actionNewClient"]
    assert action.property(ICON_PROPERTY) == "client"
    before = action.icon().pixmap(16, 16).toImage()
    theme.apply_theme(theme.DARK)
    qtbot.waitUntil(lambda: action.icon().pixmap(16, 16).toImage() != before)
    overdue = window.followups.model.index(0, 0, QModelIndex())
    assert overdue.data() and overdue.data().startswith("Overdue")
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == colours.error()


def test_following_a_dark_system_sets_a_dark_palette_where_the_platform_does_not(
    app_theme: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offscreen platform, like a bare X11 session, hands out a light palette even
    when the desktop asks for dark: Relasi then sets its own, and drops it again."""
    monkeypatch.setattr(theme, "system_wants_dark", lambda _app: True)
    theme.apply_theme(theme.SYSTEM)
    assert colours.is_dark(app_theme.palette())
    assert "QAbstractItemView::indicator" in app_theme.styleSheet()
    monkeypatch.setattr(theme, "system_wants_dark", lambda _app: False)
    theme.theme(app_theme).apply()  # what QStyleHints.colorSchemeChanged does
    assert not colours.is_dark(app_theme.palette())
    assert colours.ERROR.light in app_theme.styleSheet()


def test_set_role_colours_a_label_already_shown(app_theme: QApplication, qtbot: QtBot) -> None:
    theme.apply_theme(theme.DARK)
    label = QLabel("check date")
    qtbot.addWidget(label)
    label.show()  # polished before it gets its role
    plain = _text_colour(label)
    theme.set_role(label, "warning")
    assert label.property("role") == "warning"
    assert _text_colour(label) == colours.WARNING.dark != plain


def test_capture_preview_check_date_warning_has_the_warning_colour(
    app_theme: QApplication, qtbot: QtBot
) -> None:
    from datetime import UTC, datetime

    from ui.capture_preview import CapturePreview, PreviewFollowUp

    theme.apply_theme(theme.LIGHT)
    preview = CapturePreview()
    qtbot.addWidget(preview)
    preview.show()
    due = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    preview.followups.show_items(
        [PreviewFollowUp("call Budi", "- call Budi 31/02", due, True, True, ())]
    )
    warning = preview.followups.warnings[0]
    assert warning.isVisibleTo(preview)
    assert _text_colour(warning) == colours.WARNING.light
