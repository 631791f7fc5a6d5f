"""Account health as the window shows it: the score's colour, its level in words, and
its reasons translated (models/queries/health.py marks them in context ``Health``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from models.queries.health import GOOD, WATCH, Health, Reason
from ui import colours


def health_colour(score: int) -> QColor:
    if score >= GOOD:
        return colours.success()
    return colours.warning() if score >= WATCH else colours.error()


def level_label(score: int) -> str:
    if score >= GOOD:
        return QCoreApplication.translate("Health", "healthy")
    if score >= WATCH:
        return QCoreApplication.translate("Health", "needs attention")
    return QCoreApplication.translate("Health", "at risk")


def reason_text(reason: Reason) -> str:
    """'No contact for 45 days, past the 30-day cadence (−25)'."""
    text = QCoreApplication.translate("Health", reason.text).format(*reason.args)
    return f"{text} (−{reason.points})" if reason.points else text


def health_summary(h: Health) -> str:
    """'Health 60/100 · needs attention'."""
    return QCoreApplication.translate("Health", "Health {0}/100 · {1}").format(
        h.score, level_label(h.score)
    )


def health_tooltip(h: Health) -> str:
    return "\n".join([health_summary(h), *("• " + reason_text(r) for r in h.reasons)])
