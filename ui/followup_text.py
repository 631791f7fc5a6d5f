"""The follow-ups pane's texts made when asked for: a follow-up's tooltip."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from models.rows import FollowUpRow
from ui import formatting
from ui.display import visible


def tooltip(section: str, row: FollowUpRow, now: datetime) -> str:
    """Formatted when asked for (a hover): the relative times change with now."""
    due_at = row.effective_due
    lines = [
        visible(row.title),
        QCoreApplication.translate("FollowUpsPane", "Client: {0}").format(
            visible(row.account_name)
        ),
    ]
    if section == "overdue":
        lines.append(
            QCoreApplication.translate("FollowUpsPane", "Overdue since {0}").format(
                formatting.relative(due_at, now)
            )
        )
        lines.append(
            QCoreApplication.translate("FollowUpsPane", "Due: {0}").format(
                formatting.date_time(due_at)
            )
        )
    else:
        when = f"{formatting.date_time(due_at)} ({formatting.relative(due_at, now)})"
        lines.append(QCoreApplication.translate("FollowUpsPane", "Due: {0}").format(when))
    if row.priority == 2:
        lines.append(
            QCoreApplication.translate("FollowUpsPane", "High priority (bold, with a bell)")
        )
    return "\n".join(lines)
