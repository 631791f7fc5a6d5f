"""Dates, relative times and money shown to the user, formatted with Babel for the
interface language in the user's country (i18n.babel_locale: en_ID, en_US, id_ID).
Times arrive in UTC and are shown in local time.

One date style per context, always in the locale's order:

* headers (a timeline day): medium with the weekday, :func:`day` ("Mon, 30 Nov 2026");
* a list's due date: compact with the weekday, :func:`short_day` ("Mon, 30 Nov");
* list columns and tooltips with a time: short numeric, :func:`date_time`
  ("30/11/2026, 15.05" in en_ID, "11/30/26, 3:05 PM" in en_US).

Money has the currency's own number of decimals (none for IDR: "Rp250.000.000")."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from babel import Locale
from babel.dates import format_datetime, format_skeleton, format_time, format_timedelta
from babel.numbers import format_currency, get_currency_precision
from PySide6.QtCore import QCoreApplication

from models.clock import to_local
from ui.i18n import applied_language, babel_locale

_language = "en"
_locale_name = "en_US"
#: Parsed once: Babel parses a locale name again on every call given a string (a list
#: of a few hundred dates spent a third of its formatting there).
_locale_parsed = Locale.parse(_locale_name)


def set_language(language: str, territory: str | None = None) -> None:
    """Format for ``language`` in ``territory`` (by default the system's country)."""
    global _language, _locale_name, _locale_parsed
    _language = language
    _locale_name = babel_locale(language, territory)
    _locale_parsed = Locale.parse(_locale_name)


if applied_language() is not None:  # chosen before this module was first imported
    set_language(str(applied_language()))


def _locale() -> Locale:
    return _locale_parsed


def locale_name() -> str:
    """The Babel locale dates and money are formatted in ('en_ID')."""
    return _locale_name


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
    """A day as the user reads it: 'Tue, 24 Nov 2026' (en_ID), 'Tue, Nov 24, 2026'
    (en_US), 'Sel, 24 Nov 2026' (id_ID)."""
    if isinstance(value, datetime):
        value = local(value).date()
    return format_skeleton("yMMMEd", value, locale=_locale())


def short_day(value: date | datetime) -> str:
    """A compact day for lists: 'Tue, 17 Nov' (en_ID), 'Tue, Nov 17' (en_US), 'Sel, 17 Nov'."""
    if isinstance(value, datetime):
        value = local(value).date()
    return format_skeleton("MMMEd", value, locale=_locale())


def time_of_day(value: datetime) -> str:
    return format_time(local(value), format="short", locale=_locale())


def date_time(value: datetime) -> str:
    """A moment in a list column: '30/11/2026, 15.05' (en_ID), '11/30/26, 3:05 PM' (en_US)."""
    return format_datetime(local(value), format="short", locale=_locale())


def money(minor: int, currency: str) -> str:
    """Integer minor units of ``currency`` as the locale writes them, with the currency's
    own decimals: 'Rp500.000.000' (IDR has none), 'US$1.234,50' (id_ID), '$1,234.50'."""
    precision = get_currency_precision(currency)
    amount = minor / (10**precision)
    return format_currency(
        amount, currency, locale=_locale(), format_type="standard", currency_digits=True
    )
