"""Checks and normalisation of user input: names, e-mails, phones, enums, money.

Each function returns the clean value or raises ValidationError naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers
from babel.numbers import list_currencies
from email_validator import EmailNotValidError, validate_email

from models.entities import AccountStatus, DealStage, InteractionKind, Tier
from models.errors import ValidationError

DEFAULT_REGION = "ID"


def required_text(field: str, value: str, *, max_len: int = 200) -> str:
    clean = " ".join(value.split())
    if not clean:
        raise ValidationError(field, f"{field} is required")
    if len(clean) > max_len:
        raise ValidationError(field, f"{field} is longer than {max_len} characters")
    return clean


def optional_text(field: str, value: str, *, max_len: int = 300) -> str:
    clean = value.strip()
    if len(clean) > max_len:
        raise ValidationError(field, f"{field} is longer than {max_len} characters")
    return clean


def email(value: str) -> str:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError(
            "emails", f"{value.strip()!r} is not an e-mail address: {exc}"
        ) from None


def emails(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value.strip():
            clean = email(value)
            if clean.lower() not in {e.lower() for e in out}:
                out.append(clean)
    return out


def phone(value: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form of a phone number; numbers without a country code use ``region``."""
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise ValidationError("phones", f"{value.strip()!r} is not a phone number") from None
    if not phonenumbers.is_possible_number(parsed):
        raise ValidationError("phones", f"{value.strip()!r} is not a possible phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phones(values: Iterable[str], region: str = DEFAULT_REGION) -> list[str]:
    out: list[str] = []
    for value in values:
        if value.strip():
            clean = phone(value, region)
            if clean not in out:
                out.append(clean)
    return out


Choices = type[Tier] | type[AccountStatus] | type[InteractionKind] | type[DealStage]


def choice(field: str, value: str, allowed: Choices) -> str:
    values = [m.value for m in allowed]
    if value not in values:
        raise ValidationError(field, f"{field} must be one of {', '.join(values)}, not {value!r}")
    return value


def currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValidationError("currency", f"{value!r} is not an ISO 4217 currency code")
    if code not in list_currencies():
        raise ValidationError("currency", f"{value!r} is not a known currency")
    return code


def int_range(field: str, value: int, low: int, high: int) -> int:
    if not low <= value <= high:
        raise ValidationError(field, f"{field} must be between {low} and {high}")
    return value


def website(value: str) -> str:
    clean = value.strip()
    if clean and (" " in clean or "." not in clean):
        raise ValidationError("website", f"{clean!r} is not a web address")
    return clean
