"""The KPI dashboard in the window: the hand-worked history of tests/kpi_fixture.py on
screen, updated when a deal is won elsewhere in the window (and undone), "-" for an
empty period, and the deals or clients behind a figure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.store import Store
from tests.kpi_fixture import build
from ui.commands import DealStageCommand
from ui.dashboard.drill import DrillDialog
from ui.dashboard.window import DashboardWindow
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.theme import DARK, LIGHT, apply_theme


@pytest.fixture
def history(store: Store, clock: FixedClock) -> dict[str, str]:
    return build(store, clock)


@pytest.fixture
def main(
    qtbot: QtBot, store: Store, settings: Settings, history: dict[str, str]
) -> Iterator[MainWindow]:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def open_dashboard(main: MainWindow) -> DashboardWindow:
    """View ▸ Dashboard, as the menu opens it."""
    view = main.menuBar().findChild(QMenu, "menu_view")
    assert view is not None
    action = next(a for a in view.actions() if a.objectName() == "actionDashboard")
    action.trigger()
    board = main.findChild(DashboardWindow, "dashboard")
    assert board is not None and board.isVisible()
    return board


def figure(board: DashboardWindow, name: str) -> str:
    return board.tiles[name].value.text()


def test_the_dashboard_shows_this_months_figures(main: MainWindow) -> None:
    board = open_dashboard(main)  # the clock says 24 November 2026: this month is November
    assert board.period().start == date(2026, 11, 1)
    assert figure(board, "won") == "4" and figure(board, "lost") == "1"
    assert figure(board, "win_rate") == "80%" and figure(board, "attainment") == "60%"
    assert figure(board, "lead_to_won") == "40%" and figure(board, "cycle").startswith("35.0")
    assert "·" in figure(board, "won_amount")  # IDR and USD, side by side, never added
    assert figure(board, "meeting") == "0.7" and figure(board, "cold_C") == "1"
    assert "300,000" in board.earnings_text.text().replace(".", ",")
    assert "×" in board.definitions.text()  # the velocity's definition is shown
    funnel = board.funnel.chart_.series()[0].barSets()[0]
    assert [funnel.at(i) for i in range(funnel.count())] == [2, 2, 2, 3, 4, 5]


def test_a_deal_won_elsewhere_updates_the_dashboard(
    main: MainWindow, qtbot: QtBot, history: dict[str, str]
) -> None:
    board = open_dashboard(main)
    assert main.run(DealStageCommand(main.store, "Won", history["D7"], "won"))
    qtbot.waitUntil(lambda: figure(board, "won") == "5")
    assert figure(board, "win_rate") == "83%"  # 5 / 6
    main.stack.undo()
    qtbot.waitUntil(lambda: figure(board, "won") == "4")


def test_an_empty_period_shows_a_dash(main: MainWindow) -> None:
    board = open_dashboard(main)
    board.period_bar.set_range(date(2025, 1, 1), date(2025, 1, 31))
    assert figure(board, "won") == "0"
    for name in ("win_rate", "attainment", "cycle", "deal_size", "velocity", "lead_to_won"):
        assert figure(board, name) == "-", name
    board.period_bar.choose("year")
    assert board.period().start == date(2026, 1, 1) and figure(board, "won") == "4"


def test_figures_click_through_to_deals_and_clients(
    main: MainWindow, qtbot: QtBot, history: dict[str, str]
) -> None:
    board = open_dashboard(main)
    qtbot.mouseClick(board.tiles["won"], Qt.MouseButton.LeftButton)
    dialogs = [d for d in board.findChildren(DrillDialog) if d.isVisible()]
    assert len(dialogs) == 1
    deals = dialogs[0]
    titles = [deals.model.index(r, 1).data() for r in range(deals.model.rowCount())]
    assert titles == ["D4", "D2", "D8", "D1"]
    deals.view.selectRow(2)  # D8, of PT Kopi Nusantara: the main window opens that client
    assert main.current_client == history["kopi"]
    deals.close()
    board.tiles["cold_C"].setFocus()
    qtbot.keyClick(board.tiles["cold_C"], Qt.Key.Key_Space)
    cold = next(d for d in board.findChildren(DrillDialog) if d.isVisible())
    assert cold.model.rowCount() == 1 and cold.model.index(0, 0).data() == "Globex Inc"
    cold.view.selectRow(0)
    assert main.current_client == history["globex"]
    trend = board.show_drill("won", board.trend.periods[-2], "trend")  # October's bar
    assert trend.model.rowCount() == 0 and trend.empty.isVisible()


def test_charts_follow_light_and_dark(main: MainWindow, qtbot: QtBot) -> None:
    board = open_dashboard(main)
    try:
        for look in (DARK, LIGHT):
            apply_theme(look)
            qtbot.waitUntil(
                lambda: (
                    board.trend.chart_.backgroundBrush().color()
                    == board.trend.palette().color(QPalette.ColorRole.Base)
                )
            )
            text = board.trend.palette().color(QPalette.ColorRole.WindowText)
            assert board.trend.chart_.titleBrush().color() == text
            assert all(a.labelsColor() == text for a in board.activity.chart_.axes())
    finally:
        apply_theme(LIGHT)


def test_the_action_opens_one_dashboard(main: MainWindow) -> None:
    first = open_dashboard(main)
    first.close()
    assert open_dashboard(main) is first
    assert main.actions_.window.findChild(DashboardWindow) is first


def test_sales_targets_from_the_dashboard_and_the_language(main: MainWindow, qtbot: QtBot) -> None:
    from ui.settings_dialog import apply_language
    from ui.settings_sales import SalesSettingsDialog

    board = open_dashboard(main)
    qtbot.mouseClick(board.targets_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in board.findChildren(SalesSettingsDialog) if d.isVisible())
    dialog.targets["meeting"].setValue(3)
    assert dialog.save_targets()
    qtbot.waitUntil(lambda: "3" in board.tiles["meeting"].detail.text())
    dialog.close()
    try:
        apply_language("id")
        qtbot.waitUntil(lambda: board.windowTitle() == "Dasbor — Relasi")
        assert board.tiles["win_rate"].caption.text() == "Tingkat kemenangan"
    finally:
        apply_language("en")


def test_a_custom_range_never_ends_before_it_starts(main: MainWindow) -> None:
    from PySide6.QtCore import QDate

    bar = open_dashboard(main).period_bar
    bar.set_range(date(2026, 11, 1), date(2026, 11, 30))
    bar.end.setDate(QDate(2026, 10, 1))  # before the start: the start follows
    assert bar.period().start == bar.period().end == date(2026, 10, 1)
    bar.start.setDate(QDate(2026, 12, 5))  # after the end: the end follows
    assert bar.period().start == bar.period().end == date(2026, 12, 5)
