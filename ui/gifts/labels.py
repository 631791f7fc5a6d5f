"""Translated names of gift kinds, and how a rule or a year's total reads."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.gifts.ledger import Rule
from ui import formatting


def kind_labels() -> dict[str, str]:
    return {
        "business": QCoreApplication.translate("Gifts", "Business (counts toward the cap)"),
        "personal": QCoreApplication.translate("Gifts", "Personal, for a life event (excluded)"),
        "promotional": QCoreApplication.translate(
            "Gifts", "Promotional item or de minimis (excluded)"
        ),
    }


def short_kind(kind: str) -> str:
    return {
        "business": QCoreApplication.translate("Gifts", "Business"),
        "personal": QCoreApplication.translate("Gifts", "Personal"),
        "promotional": QCoreApplication.translate("Gifts", "Promotional"),
    }.get(kind, kind)


def rule_text(rule: Rule) -> str:
    if rule.effective_from.year <= 1900:
        return QCoreApplication.translate("Gifts", "{0} per person per year").format(
            formatting.money(rule.cap_minor, rule.currency)
        )
    return QCoreApplication.translate("Gifts", "{0} per person per year from {1}").format(
        formatting.money(rule.cap_minor, rule.currency), formatting.day(rule.effective_from)
    )


def unknown_recipient() -> str:
    return QCoreApplication.translate("Gifts", "(recipient unknown)")
