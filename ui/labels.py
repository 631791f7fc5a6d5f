"""Translated names for the stored enum values (kinds, statuses, stages, priorities)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def kind_label(kind: str) -> str:
    return {
        "meeting": _t("Meeting"),
        "call": _t("Call"),
        "email": _t("E-mail"),
        "note": _t("Note"),
        "demo": _t("Demo"),
        "proposal": _t("Proposal"),
        "contract": _t("Contract"),
        "gift": _t("Gift"),
        "other": _t("Other"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return {
        "prospect": _t("Prospect"),
        "active": _t("Active"),
        "dormant": _t("Dormant"),
        "lost": _t("Lost"),
    }.get(status, status)


def stage_label(stage: str) -> str:
    return {
        "lead": _t("Lead"),
        "qualified": _t("Qualified"),
        "demo": _t("Demo"),
        "proposal": _t("Proposal"),
        "negotiation": _t("Negotiation"),
        "won": _t("Won"),
        "lost": _t("Lost deal"),
    }.get(stage, stage)


def priority_label(priority: int) -> str:
    return {0: _t("Low"), 1: _t("Normal"), 2: _t("High")}.get(priority, str(priority))
