"""Exact money for the gift log: decimal strings in, integer minor units out; never a
float.

Conversion to a cap's currency divides by the user's rate (units of the gift's
currency per one unit of the cap's currency) with exact ``Decimal`` arithmetic and
rounds the result *up* to the cap currency's minor unit, so a converted gift is never
understated (IDR 1,625,001 at 16,250 per USD is USD 100.01, not 100.00).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Context, Decimal, InvalidOperation

from models.errors import ValidationError
from models.metrics.money import digits

#: Largest gift value accepted, in minor units (a typo guard, not a policy).
MAX_MINOR = 10**15
_EXACT = Context(prec=60)


def parse_decimal(field: str, text: str) -> Decimal:
    """A plain decimal number ("100", "100.01"); no exponent, NaN, infinity or sign."""
    raw = str(text).strip().replace("_", "")
    if not raw or any(ch not in "0123456789." for ch in raw) or raw.count(".") > 1:
        raise ValidationError(
            field, f"{field} must be a plain number like 100 or 99.99, not {text!r}"
        )
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(field, f"{field} must be a number, not {text!r}") from None
    return value


def to_minor(field: str, text: str, currency: str) -> int:
    """``text`` in major units of ``currency`` as exact minor units; more decimals than
    the currency has (USD 10.005) is refused, not rounded."""
    value = parse_decimal(field, text)
    places = digits(currency)
    scaled = value.scaleb(places, _EXACT)
    if scaled != scaled.to_integral_value():
        raise ValidationError(
            field, f"{currency} has {places} decimal places; {text.strip()!r} has more"
        )
    minor = int(scaled)
    if minor <= 0:
        raise ValidationError(field, f"{field} must be more than zero")
    if minor > MAX_MINOR:
        raise ValidationError(field, f"{field} is too large")
    return minor


def parse_rate(text: str) -> Decimal:
    """A rate: units of a currency per one unit of another; positive, at most 40 chars."""
    value = parse_decimal("rate", text)
    if value <= 0:
        raise ValidationError("rate", "a rate must be more than zero")
    if len(str(text).strip()) > 40:
        raise ValidationError("rate", "a rate is at most 40 characters")
    return value


def split(value_minor: int, recipients: int) -> list[int]:
    """Equal shares that add up exactly: the remainder goes one minor unit each to the
    first recipients (USD 100.00 to three: 33.34, 33.33, 33.33)."""
    if recipients <= 0:
        return []
    base, extra = divmod(value_minor, recipients)
    return [base + (1 if i < extra else 0) for i in range(recipients)]


def convert(minor: int, currency: str, per_unit: Decimal | None, to_currency: str) -> int:
    """``minor`` of ``currency`` in minor units of ``to_currency``, rounded up;
    ``per_unit``: units of ``currency`` per one ``to_currency`` (None: same currency)."""
    if currency == to_currency:
        return minor
    if per_unit is None:
        raise ValueError("a rate is needed")
    amount = _EXACT.divide(Decimal(minor).scaleb(-digits(currency), _EXACT), per_unit)
    scaled = amount.scaleb(digits(to_currency), _EXACT)
    return int(scaled.to_integral_value(rounding=ROUND_CEILING))
