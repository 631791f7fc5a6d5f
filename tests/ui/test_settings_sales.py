"""Settings ▸ Sales targets: quotas per month or quarter, the commission plan and the
activity targets, each change undone with Edit ▸ Undo; bad input named, never lost."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from models.metrics.targets import activity_targets, plan, quotas
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog
from ui.settings_sales import SalesSettingsDialog, parse_tiers, to_minor


def open_sales(window: MainWindow, qtbot: QtBot) -> SalesSettingsDialog:
    """Edit ▸ Settings… ▸ Sales targets and commission…"""
    window.actions_["actionSettings"].trigger()
    settings = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
    button = settings.findChild(QPushButton, "settingsSalesTargets")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settings.reject()
    shown = [d for d in window.findChildren(SalesSettingsDialog) if d.isVisible()]
    assert len(shown) == 1 and shown[0].objectName() == "salesSettings"
    return shown[0]


def stored_quotas(window: MainWindow) -> list[tuple[date, date, int, str]]:
    with window.store.read() as s:
        return [(q.period_start, q.period_end, q.amount_minor, q.currency) for q in quotas(s)]


def test_quotas_set_removed_and_undone(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_sales(window, qtbot)
    dialog.quota_day.setDate(QDate(2026, 11, 14))
    dialog.quota_amount.setText("1,500,000,000")
    dialog.quota_currency.setCurrentText("idr")
    qtbot.mouseClick(dialog.set_quota_button, Qt.MouseButton.LeftButton)
    november = (date(2026, 11, 1), date(2026, 11, 30), 1_500_000_000, "IDR")
    assert stored_quotas(window) == [november]
    assert dialog.quota_model.rowCount() == 1
    dialog.quota_span.setCurrentIndex(dialog.quota_span.findData("quarter"))
    dialog.quota_day.setDate(QDate(2027, 2, 1))
    dialog.quota_amount.setText("4500000000")
    assert dialog.set_quota()
    quarter = (date(2027, 1, 1), date(2027, 3, 31), 4_500_000_000, "IDR")
    assert stored_quotas(window) == [november, quarter]
    # a quarter over November overlaps: refused, named, and what was typed stays
    dialog.quota_day.setDate(QDate(2026, 10, 5))
    assert not dialog.set_quota()
    assert dialog.error.isVisible() and "overlaps" in dialog.error.text()
    assert dialog.quota_amount.text() == "4500000000"
    dialog.quota_view.selectRow(1)
    assert dialog.remove_quota()
    assert stored_quotas(window) == [november]
    window.stack.undo()  # the removal
    qtbot.waitUntil(lambda: dialog.quota_model.rowCount() == 2)
    window.stack.undo()  # the quarter
    window.stack.undo()  # November
    qtbot.waitUntil(lambda: dialog.quota_model.rowCount() == 0)
    assert stored_quotas(window) == []


def test_bad_amounts_are_named(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_sales(window, qtbot)
    for text in ("abc", "-5", "1.500.000", "1e30", "12.345"):
        dialog.quota_amount.setText(text)
        assert not dialog.set_quota(), text
        assert dialog.error.isVisible() and dialog.quota_amount.text() == text
    assert stored_quotas(window) == []
    assert not dialog.remove_quota()  # nothing selected
    assert to_minor("2500.50", "USD") == 250_050 and to_minor("1 500 000", "IDR") == 1_500_000
    assert to_minor("0.5", "IDR") is None and to_minor("NaN", "USD") is None


def test_commission_plan_and_targets_with_undo(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_sales(window, qtbot)
    dialog.plan_currency.setCurrentText("IDR")
    dialog.plan_base.setText("15000000")
    dialog.plan_rate.setValue(3)
    dialog.plan_tiers.setText("125:8, 100:5")
    assert dialog.save_plan()
    with window.store.read() as s:
        saved = plan(s)
    assert saved is not None
    assert (saved.base_minor, saved.rate_bp, saved.tiers) == (
        15_000_000,
        300,
        ((100, 500), (125, 800)),
    )
    dialog.plan_tiers.setText("100 percent")
    assert not dialog.save_plan() and dialog.plan_tiers.text() == "100 percent"
    dialog.plan_tiers.setText("100:5")
    dialog.plan_base.setText("20000000")
    assert dialog.save_plan()
    window.stack.undo()
    qtbot.waitUntil(lambda: dialog.plan_base.text() == "15000000")
    assert dialog.plan_tiers.text() == "100:5, 125:8"
    dialog.targets["meeting"].setValue(5)
    dialog.targets["call"].setValue(12)
    assert dialog.save_targets()
    with window.store.read() as s:
        assert activity_targets(s) == {"meeting": 5, "call": 12}
    window.stack.undo()
    qtbot.waitUntil(lambda: dialog.targets["call"].value() == 0)


@pytest.mark.parametrize(
    ("text", "tiers"),
    [("", []), ("100:5", [[100, 500]]), ("100%: 5.5%, 150:10", [[100, 550], [150, 1000]]),
     ("100", None), ("a:b", None)],
)  # fmt: skip
def test_accelerators_as_typed(text: str, tiers: list[list[int]] | None) -> None:
    assert parse_tiers(text) == tiers
