"""How the dashboard writes its figures: a figure that cannot be computed (nothing
closed, no quota) reads "-", amounts per currency are never added together."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from babel.dates import format_skeleton
from PySide6.QtCore import QCoreApplication

from models.metrics.money import major_units
from ui import formatting

NONE = "-"


def percent(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.0f}%"


def days(value: float | None) -> str:
    if value is None:
        return NONE
    return QCoreApplication.translate("dashboard", "{0} days").format(f"{value:.1f}")


def money(amounts: Mapping[str, int | float]) -> str:
    """``{currency: minor}`` as "Rp6.000.000 · US$5,000.00"; "-" when empty."""
    if not amounts:
        return NONE
    parts = []
    for cur in sorted(amounts):
        try:
            parts.append(formatting.money(round(amounts[cur]), cur))
        except Exception:  # a currency Babel does not know: the export's units
            parts.append(f"{major_units(round(amounts[cur]), cur)} {cur}")
    return " · ".join(parts)


def ratio_by_currency(values: Mapping[str, float]) -> str:
    if not values:
        return NONE
    if len(values) == 1:
        return percent(next(iter(values.values())))
    return " · ".join(f"{cur} {percent(values[cur])}" for cur in sorted(values))


def count(value: int) -> str:
    return str(value)


def month(day: date) -> str:
    """A month for a chart's axis: 'Nov 26' (en), 'Nov 26' / 'Des 26' (id)."""
    return str(format_skeleton("MMMyy", day, locale=formatting.locale_name()))
