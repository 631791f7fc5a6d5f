"""Dates, relative times and money shown to the user, formatted with Babel for the
interface language. Times arrive in UTC and are shown in local time."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from babel.dates import format_date, format_datetime, format_time, format_timedelta
from babel.numbers import format_currency, get_currency_precision
from PySide6.QtCore import QCoreApplication

from models.clock import to_local
from ui.i18n import babel_locale

_language = "en"


def set_language(language: str) -> None:
    global _language
    _language = language


def _locale() -> str:
    return babel_locale(_language)


def local(value: datetime) -> datetime:
    return to_local(value)


def relative(value: datetime | None, now: datetime, *, empty: str = "—") -> str:
    """'3 days ago' / '3 hari yang lalu', 'in 2 hours' / 'dalam 2 jam'."""
    if value is None:
        return empty
    delta = value - now
    if abs(delta) < timedelta(minutes=1):
        return QCoreApplication.translate("formatting", "just now")
    return format_timedelta(delta, locale=_locale(), add_direction=True, threshold=1.0)


def day(value: date | datetime) -> str:
    """A day as the user reads it: 'Tue, Nov 24, 2026' / 'Sel, 24 Nov 2026'."""
    if isinstance(value, datetime):
        value = local(value).date()
    return format_date(
        value, format="EEE, d MMM y" if _language == "id" else "EEE, MMM d, y", locale=_locale()
    )


def short_day(value: date | datetime) -> str:
    """A compact day for lists: 'Tue, Nov 17' / 'Sel, 17 Nov'."""
    if isinstance(value, datetime):
        value = local(value).date()
    return format_date(
        value, format="EEE, d MMM" if _language == "id" else "EEE, MMM d", locale=_locale()
    )


def time_of_day(value: datetime) -> str:
    return format_time(local(value), format="short", locale=_locale())


def date_time(value: datetime) -> str:
    return format_datetime(local(value), format="medium", locale=_locale())


def money(minor: int, currency: str) -> str:
    """Integer minor units of ``currency`` as the locale writes them: 'Rp 500.000.000'."""
    precision = get_currency_precision(currency)
    amount = minor / (10**precision)
    return format_currency(
        amount, currency, locale=_locale(), format_type="standard", currency_digits=True
    )
