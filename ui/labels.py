"""Translated names for the stored enum values (kinds, statuses, stages, priorities).

Every string is a literal QCoreApplication.translate() call so lupdate extracts it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_label(kind: str) -> str:
    return {
        "meeting": QCoreApplication.translate("labels", "Meeting"),
        "call": QCoreApplication.translate("labels", "Call"),
        "email": QCoreApplication.translate("labels", "E-mail"),
        "note": QCoreApplication.translate("labels", "Note"),
        "demo": QCoreApplication.translate("labels", "Demo"),
        "proposal": QCoreApplication.translate("labels", "Proposal"),
        "contract": QCoreApplication.translate("labels", "Contract"),
        "gift": QCoreApplication.translate("labels", "Gift"),
        "other": QCoreApplication.translate("labels", "Other"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "prospect": QCoreApplication.translate("labels", "Prospect"),
        "active": QCoreApplication.translate("labels", "Active"),
        "dormant": QCoreApplication.translate("labels", "Dormant"),
        "lost": QCoreApplication.translate("labels", "Lost"),
    }.get(status, status)


def stage_label(stage: str) -> str:
    return {
        "lead": QCoreApplication.translate("labels", "Lead"),
        "qualified": QCoreApplication.translate("labels", "Qualified"),
        "demo": QCoreApplication.translate("labels", "Demo"),
        "proposal": QCoreApplication.translate("labels", "Proposal"),
        "negotiation": QCoreApplication.translate("labels", "Negotiation"),
        "won": QCoreApplication.translate("labels", "Won"),
        "lost": QCoreApplication.translate("labels", "Lost deal"),
    }.get(stage, stage)


def priority_label(priority: int) -> str:
    return {
        0: QCoreApplication.translate("labels", "Low"),
        1: QCoreApplication.translate("labels", "Normal"),
        2: QCoreApplication.translate("labels", "High"),
    }.get(priority, str(priority))
