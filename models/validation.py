"""Checks and normalisation of user input: names, e-mails, phones, enums, money.

Each function returns the clean value or raises ValidationError naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import email_validator
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


# The plainest e-mail addresses (ASCII dot-atom local part of letters, digits and "_+-";
# a domain of two or more LDH labels, no "--", ending in an alphabetic TLD): for these
# email-validator's answer is known without running it (the local part as given, the
# domain in lower case), so a bulk import does not spend ~25 us on each. Anything else,
# and every error, goes through email-validator. tests/models/transfer/test_fast_paths.py
# checks that both agree.
_PLAIN_EMAIL = re.compile(
    r"([A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


def _plain_email(value: str) -> str | None:
    """email-validator's normalised form of a plain address, or None to ask it."""
    found = _PLAIN_EMAIL.fullmatch(value)
    if found is None or len(value) > 254:
        return None
    local, domain = found.group(1), found.group(2).lower()
    if len(local) > 64 or len(domain) > 253 or "--" in domain:
        return None
    if any(len(label) > 63 for label in domain.split(".")):
        return None
    if f".{domain}".endswith(_special_suffixes(tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES))):
        return None
    return f"{local}@{domain}"


@lru_cache(maxsize=4)
def _special_suffixes(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f".{name}" for name in names)


def email(value: str) -> str:
    clean = value.strip()
    if (plain := _plain_email(clean)) is not None:
        return plain
    try:
        return validate_email(clean, check_deliverability=False).normalized
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
    return _phone(value, region)


@lru_cache(maxsize=65_536)
def _phone(value: str, region: str) -> str:
    # Cached per distinct value: an import meets the same office number on many rows.
    # Errors are not cached (lru_cache keeps only returned values).
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
