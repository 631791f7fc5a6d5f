"""The values of a proposal's fields for one deal, in the template's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_date

from models.proposals.words import in_figures, in_words
from models.queries.proposals import ProposalFacts

#: An offer with no validity date given is valid this many days from today.
DEFAULT_VALID_DAYS = 30

#: What a letter calls a contact it has no name for.
_NO_CONTACT = {"en": "Sir or Madam", "id": "Bapak/Ibu"}


@dataclass(frozen=True, slots=True)
class Signer:
    """The user as the proposal's signature block names them (from Settings)."""

    name: str = ""
    company: str = ""


def long_date(value: date, lang: str) -> str:
    """'30 November 2026' (both languages write the day first)."""
    return str(format_date(value, format="d MMMM y", locale="id" if lang == "id" else "en"))


def valid_until(today: date, given: date | None) -> date:
    return given if given is not None else today + timedelta(days=DEFAULT_VALID_DAYS)


def field_values(
    facts: ProposalFacts,
    lang: str,
    *,
    today: date,
    valid: date | None = None,
    signer: Signer | None = None,
) -> dict[str, str]:
    """Every declared field's text (models.proposals.fields.FIELDS) for ``facts``."""
    lang = "id" if lang == "id" else "en"
    signer = signer or Signer()
    close = facts.expected_close
    return {
        "client_name": facts.client_name,
        "client_address": facts.client_address,
        "contact_name": facts.contact_name or _NO_CONTACT[lang],
        "contact_title": facts.contact_title,
        "deal_title": facts.deal_title,
        "amount": in_figures(facts.amount_minor, facts.currency, lang),
        "amount_words": in_words(facts.amount_minor, facts.currency, lang),
        "currency": facts.currency,
        "today": long_date(today, lang),
        "valid_until": long_date(valid_until(today, valid), lang),
        "expected_close": long_date(close, lang) if close is not None else "",
        "user_name": signer.name.strip(),
        "user_company": signer.company.strip(),
    }
