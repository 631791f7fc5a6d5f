"""Amounts in the units the deals export uses: a decimal string in the currency's
major unit with its usual number of digits ("1500000.00" IDR, "1200" JPY), so that
the command line's figures and an exported CSV of the same deals add up alike."""

from __future__ import annotations

from collections.abc import Mapping

from babel.numbers import get_currency_precision


def digits(currency: str) -> int:
    return int(get_currency_precision(currency))


def major_units(amount_minor: int, currency: str) -> str:
    """``amount_minor`` as the export writes it."""
    places = digits(currency)
    if places == 0:
        return str(amount_minor)
    sign = "-" if amount_minor < 0 else ""
    whole, frac = divmod(abs(amount_minor), 10**places)
    return f"{sign}{whole}.{frac:0{places}d}"


def as_float(amount_minor: float, currency: str) -> float:
    """For charts: the amount in major units as a float (never for sums shown as text)."""
    return float(amount_minor) / float(10 ** digits(currency))


def per_currency(amounts: Mapping[str, int]) -> dict[str, str]:
    """A ``{currency: minor}`` mapping in export units, currencies in order."""
    return {cur: major_units(amounts[cur], cur) for cur in sorted(amounts)}
