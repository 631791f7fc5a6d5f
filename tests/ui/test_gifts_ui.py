"""The gift log in the window: Log gift… shows each recipient's total as it is typed
and the over-cap warning before saving (not for a gift within the cap); the Gift log
view's totals by recipient and year, its year filter and CSV export read back; the
rules and rates page; undo of each."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from models import services
from models.queries import gifts as gq
from models.services import gifts as gs
from models.store import Store
from ui.gifts.dialog import GiftDialog
from ui.gifts.log_window import GiftLogWindow
from ui.gifts.rules import GiftRulesDialog
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def open_gift_dialog(window: MainWindow, client: str) -> GiftDialog:
    window.select_client(client)
    action = window.gift_actions.log_gift
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+G"
    action.trigger()
    (dialog,) = [d for d in window.findChildren(GiftDialog) if d.isVisible()]
    dialog.currency.setCurrentText("USD")  # the settings' default currency is IDR
    return dialog


def test_the_warning_shows_before_saving_an_over_cap_gift_only(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    dialog = open_gift_dialog(window, sample["kopi"])
    dialog.set_recipients([sample["budi"]])
    dialog.day.setDate(QDate(2026, 2, 10))
    qtbot.keyClicks(dialog.value, "100.00")
    assert not dialog.warning.isVisible() and not dialog.over_cap
    assert "Budi Santoso" in dialog.totals.text() and "100.00" in dialog.totals.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (row,) = gq.log(window.store)
    assert (row.line.total_minor, row.line.over_cap) == (10000, False)
    # a cent more the same year: the warning, with the total, the cap and the rule
    dialog = open_gift_dialog(window, sample["kopi"])
    dialog.set_recipients([sample["budi"]])
    dialog.day.setDate(QDate(2026, 12, 31))
    qtbot.keyClicks(dialog.value, "0.01")
    assert dialog.warning.isVisible() and dialog.over_cap
    assert "100.01" in dialog.warning.text() and "100.00" in dialog.warning.text()
    assert dialog.save_button.text() == "Save over cap"
    # the next year starts from zero: no warning
    dialog.day.setDate(QDate(2027, 1, 1))
    assert not dialog.warning.isVisible()
    dialog.day.setDate(QDate(2026, 12, 31))
    assert dialog.warning.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # a log: it saves
    rows = gq.log(window.store)
    assert [r.line.over_cap for r in rows] == [False, True]
    window.stack.undo()
    assert [r.line.over_cap for r in gq.log(window.store)] == [False]
    window.stack.redo()
    assert len(gq.log(window.store)) == 2


def test_a_currency_without_rate_asks_for_one_and_saves_nothing(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    dialog = open_gift_dialog(window, sample["kopi"])
    dialog.set_recipients([sample["budi"]])
    dialog.currency.setCurrentText("IDR")
    qtbot.keyClicks(dialog.value, "1625000")
    assert "no exchange rate from IDR to USD" in dialog.totals.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "no exchange rate" in dialog.error.text()
    assert dialog.value.text() == "1625000"  # nothing typed is lost
    assert gq.log(window.store) == []
    with window.store.write() as uow:
        gs.set_gift_rate(uow, "IDR", "USD", "16250", date(2026, 1, 1))
    dialog.update_preview()
    assert "100.00" in dialog.totals.text() and not dialog.warning.isVisible()


DESCRIPTIONS = {"business": "Kopi", "promotional": '=HYPERLINK("x")'}


def _gifts(store: Store, sample: dict[str, str]) -> str:
    with store.write() as uow:
        sari = services.create_contact(uow, "Sari Dewi", account_id=sample["kopi"])
        for who, value, day, kind in [
            ([sample["budi"]], 6000, date(2025, 3, 1), "business"),
            ([sample["budi"]], 5000, date(2025, 6, 1), "business"),
            ([sample["budi"], sari], 8000, date(2026, 1, 5), "business"),
            ([sari], 9000, date(2026, 2, 1), "promotional"),
        ]:
            gs.record_gift(uow, sample["kopi"], contact_ids=who, value_minor=value,
                           currency="USD", given_on=day, kind=kind,
                           description=DESCRIPTIONS[kind])  # fmt: skip
    return sari


def test_the_gift_log_totals_filter_and_csv(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], tmp_path: Path
) -> None:
    _gifts(window.store, sample)
    window.gift_actions.show_log.trigger()
    (log,) = [w for w in window.findChildren(GiftLogWindow) if w.isVisible()]
    assert log.objectName() == "giftLog"
    model = log.totals_model
    got = [
        tuple(model.data(model.index(r, c)) for c in (0, 2, 3, 6)) for r in range(model.rowCount())
    ]
    assert got == [
        ("Budi Santoso", "2026", "1", "Within cap"),
        ("Budi Santoso", "2025", "2", "Over cap"),
        ("Sari Dewi", "2026", "2", "Within cap"),
    ]
    totals = [model.data(model.index(r, 4)) for r in range(model.rowCount())]
    assert ["40.00" in totals[0], "110.00" in totals[1], "40.00" in totals[2]] == [True] * 3
    assert log.lines_model.rowCount() == 5
    log.set_year(2025)
    assert model.rowCount() == 1 and log.lines_model.rowCount() == 2
    log.set_year(None)
    out = log.export(tmp_path / "gifts.csv")
    assert out is not None
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5
    over = [r for r in rows if r["Over cap"] == "yes"]
    assert [(r["Recipient"], r["Date"], r["Year total"], r["Cap"]) for r in over] == [
        ("Budi Santoso", "2025-06-01", "110.00", "100.00")
    ]
    promo = next(r for r in rows if r["Kind"] == "promotional")
    assert promo["Counted"] == "no" and promo["Description"].startswith("'=")
    assert sum(int(r["Share"].replace(".", "")) for r in rows if r["Date"] == "2026-01-05") == 8000
    # a change elsewhere (the entry moved to Trash) updates the open log
    with window.store.write() as uow:
        services.soft_delete(uow, "interaction", rows[0]["Entry ID"])
    qtbot.waitUntil(lambda: log.lines_model.rowCount() < 5)


def test_rules_and_rates_page_from_settings_with_undo(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_["actionSettings"].trigger()
    settings = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
    button = settings.findChild(QPushButton, "settingsGiftRules")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settings.reject()
    (page,) = [d for d in window.findChildren(GiftRulesDialog) if d.isVisible()]
    assert page.rules_model.rowCount() == 1
    page.rule_from.setDate(QDate(2026, 3, 1))
    page.rule_cap.setText("3OO")
    page.add_rule()
    assert "plain number" in page.error.text() and page.rules_model.rowCount() == 1
    page.rule_cap.setText("300")
    page.add_rule()
    assert [r.cap_minor for r in gq.rules(window.store)] == [10000, 30000]
    assert page.rules_model.rowCount() == 2
    page.rate_currency.setCurrentText("IDR")
    page.rate_value.setText("16250")
    page.add_rate()
    assert [str(r.per_unit) for r in gq.rates(window.store)] == ["16250"]
    window.stack.undo()
    assert gq.rates(window.store) == [] and page.rates_model.rowCount() == 0
    page.rules_view.selectRow(1)
    page._remove(page.rules_view, "gift_rule")
    assert [r.cap_minor for r in gq.rules(window.store)] == [10000]
    window.stack.undo()
    assert [r.cap_minor for r in gq.rules(window.store)] == [10000, 30000]


def test_a_logged_gifts_value_is_kept_by_the_log_not_the_entry_dialog(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    from ui.dialogs import InteractionDialog

    with window.store.write() as uow:
        gift = gs.record_gift(uow, sample["kopi"], contact_ids=[sample["budi"]],
                              value_minor=5000, currency="USD",
                              given_on=date(2026, 2, 1))  # fmt: skip
        plain = services.add_interaction(uow, sample["kopi"], kind="gift", subject="Old",
                                         gift_value_minor=100, gift_currency="USD")  # fmt: skip
    (row,) = gq.log(window.store)
    assert row.gift_id == gift
    logged = InteractionDialog(window.store, window.stack, interaction_id=row.interaction_id)
    qtbot.addWidget(logged)
    assert not logged.gift_value.isEnabled() and "gift log" in logged.gift_value.toolTip()
    other = InteractionDialog(window.store, window.stack, interaction_id=plain)
    qtbot.addWidget(other)
    assert other.gift_value.isEnabled()
