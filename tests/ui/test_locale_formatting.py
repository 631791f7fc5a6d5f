"""Dates and money in the user's locale (English in Indonesia is en_ID: 30/11/2026 and
Rp250.000.000, not the United States' 11/30/26 and IDR250,000,000.00), one date style
per context, and the default currency setting (new deals, quick-capture amounts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.capture.amounts import find_amounts
from tests.ui.forms.helpers import shown, type_into
from ui import formatting
from ui.forms.deal import DealDialog
from ui.i18n import Translators, babel_locale
from ui.main_window import MainWindow
from ui.settings import Settings, iso_currency
from ui.settings_dialog import SettingsDialog

DAY = date(2026, 11, 30)
MOMENT = datetime(2026, 11, 30, 8, 5, tzinfo=UTC)  # shown in local time


@pytest.fixture(autouse=True)
def restore_formatting() -> Iterator[None]:
    yield
    formatting.set_language("en", "US")


@pytest.mark.parametrize(
    ("language", "territory", "expected"),
    [
        ("en", "ID", "en_ID"),
        ("en", "US", "en_US"),
        ("id", "ID", "id_ID"),
        ("en", "GB", "en_GB"),
        ("id", "US", "id_ID"),  # CLDR has no id_US: the language's own country
        ("en", "", "en_US"),  # a "C" system locale names no country
    ],
)
def test_the_locale_is_the_language_in_the_users_country(
    language: str, territory: str, expected: str
) -> None:
    assert babel_locale(language, territory) == expected


@pytest.mark.parametrize(
    ("language", "territory", "header", "due", "column", "money"),
    [
        ("en", "ID", "Mon, 30 Nov 2026", "Mon, 30 Nov", "30/11/2026", "Rp250.000.000"),
        ("en", "US", "Mon, Nov 30, 2026", "Mon, Nov 30", "11/30/26", "IDR250,000,000"),
        ("id", "ID", "Sen, 30 Nov 2026", "Sen, 30 Nov", "30/11/26", "Rp250.000.000"),
    ],
)
def test_dates_and_money_follow_the_locale(
    language: str, territory: str, header: str, due: str, column: str, money: str
) -> None:
    formatting.set_language(language, territory)
    assert formatting.day(DAY) == header  # headers: medium, with the weekday
    assert formatting.short_day(DAY) == due  # a follow-up's due day in a list
    assert formatting.date_time(MOMENT).startswith(column)  # list columns: short numeric
    assert formatting.money(250_000_000, "IDR") == money  # IDR has no decimals
    assert not money.endswith(("00.00", "00,00"))


def test_other_currencies_keep_their_own_decimals() -> None:
    formatting.set_language("en", "ID")
    assert formatting.money(123_450, "USD") == "US$1.234,50"
    assert formatting.money(5_000, "JPY") == "JP¥5.000"
    formatting.set_language("en", "US")
    assert formatting.money(123_450, "USD") == "$1,234.50"


def test_qt_date_editors_use_the_same_locale(qapp: object) -> None:
    translators = Translators(qapp)  # type: ignore[arg-type]
    try:
        translators.install("en")
        assert QLocale().name() == babel_locale("en")
        translators.install("id")
        assert QLocale().name() == "id_ID"
        assert QLocale("en_ID").toString(DAY, QLocale.FormatType.ShortFormat) == "30/11/2026"
    finally:
        translators.install("en")


def test_default_currency_is_a_validated_iso_code(settings: Settings) -> None:
    assert settings.default_currency == "IDR"
    settings.default_currency = " usd"
    assert settings.default_currency == "USD"
    for bad in ("", "XYZ", "US", "rupiah", "12€"):
        with pytest.raises(ValueError):
            settings.default_currency = bad
    assert settings.default_currency == "USD"
    settings.q.setValue("money/default_currency", "nonsense")  # edited by hand
    assert settings.default_currency == "IDR"
    assert iso_currency("sgd") == "SGD" and iso_currency("ZZZ") is None


def test_the_settings_dialog_sets_the_default_currency(
    window: MainWindow, qtbot: QtBot, settings: Settings
) -> None:
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.currency.currentText() == "IDR"
    dialog.currency.setCurrentText("XYZ")
    dialog.accept()  # refused: stays open, says why, nothing saved
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.currency_error.isHidden() and "XYZ" in dialog.currency_error.text()
    assert settings.default_currency == "IDR"
    dialog.currency.setCurrentText("sgd")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.default_currency == "SGD"


def test_a_new_deal_starts_in_the_default_currency(
    window: MainWindow, qtbot: QtBot, settings: Settings, sample: dict[str, str]
) -> None:
    settings.default_currency = "USD"
    window.select_client(sample["acme"])
    window.actions_["actionNewDeal"].trigger()
    dialogs = [d for d in window.findChildren(DealDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].editors["currency"].read() == "USD"
    dialogs[0].reject()


def test_the_amount_field_has_the_currencys_decimals(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, DealDialog(window.store, window.stack, account_id=sample["acme"]))
    amount = dialog.editors["amount_minor"]
    assert dialog.editors["currency"].read() == "IDR"
    dialog.write({"amount_minor": 250_000_000})
    assert amount.decimals() == 0 and ".00" not in amount.text()  # type: ignore[union-attr]
    type_into(qtbot, dialog.editors["currency"], "usd")
    assert amount.decimals() == 2  # type: ignore[union-attr]
    dialog.reject()


def test_quick_capture_amounts_without_a_currency_use_the_default() -> None:
    assert [(a.minor_units, a.currency) for a in find_amounts("budget 500 jt")] == [
        (500_000_000, "IDR")
    ]
    assert [(a.minor_units, a.currency) for a in find_amounts("budget 5 jt", "USD")] == [
        (500_000_000, "USD")
    ]
    # a currency named in the text wins over the default
    assert [a.currency for a in find_amounts("Rp 5 jt", "USD")] == ["IDR"]
