"""Checks and normalisation of user input: names, e-mails, phones, enums, money.

Each function returns the clean value or raises ValidationError naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel.numbers import list_currencies

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
    # email-validator and phonenumbers are imported on first use: the window starts
    # without them (about a tenth of opening the data layer).
    import email_validator

    if f".{domain}".endswith(_special_suffixes(tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES))):
        return None
    return f"{local}@{domain}"


@lru_cache(maxsize=4)
def _special_suffixes(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f".{name}" for name in names)


def email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

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
    """E.164 form of a phone number, or the number as written (trimmed) when it is not one.

    A number with its country code (``+49 30 ...``) is written in E.164
    when it is a possible number. One without is read as a number of ``region`` only when
    it is a valid number there (``0812-3456-7890`` -> ``+6281234567890``); anything else
    (``123456789``, a number of another country written without its code) is kept as
    written rather than given a wrong +62, and :func:`phone_note` says why. What cannot
    be a phone number at all (no digits, too few or too many of them: ``12``) is refused.
    """
    return _phone(value.strip(), region)[0]


def phone_note(value: str, region: str = DEFAULT_REGION) -> str | None:
    """Why :func:`phone` keeps ``value`` as written (None: it is in E.164)."""
    return _phone(value.strip(), region)[1]


@lru_cache(maxsize=65_536)
def _phone(value: str, region: str) -> tuple[str, str | None]:
    # Cached per distinct value: an import meets the same office number on many rows.
    # Errors are not cached (lru_cache keeps only returned values).
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        raise ValidationError("phones", f"{value!r} is not a phone number") from None
    source = parsed.country_code_source
    with_code = source in (
        phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_PLUS_SIGN,
        phonenumbers.CountryCodeSource.FROM_NUMBER_WITH_IDD,
    )
    if not phonenumbers.is_possible_number(parsed):  # too short or too long for any
        raise ValidationError("phones", f"{value!r} is not a possible phone number")
    if with_code or phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), None
    why = f"{value!r} has no country code and is not a valid {region} number; kept as written"
    return value, why


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
