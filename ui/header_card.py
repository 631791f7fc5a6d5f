"""The header card of the selected client: tier, status, cadence, its health (score and
reasons), contacts, open deals."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.queries.health import Health
from models.rows import AccountDetail
from ui import formatting
from ui.display import visible
from ui.health_text import health_colour, health_summary, health_tooltip, reason_text
from ui.labels import stage_label, status_label


class HeaderCard(QFrame):
    """The selected client at a glance: tier, status, cadence, contacts, open deals."""

    open_link = Signal(str, str)  # kind ("contact" | "deal"), id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("clientTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.health = QLabel(self)
        self.health.setObjectName("clientHealth")
        self.health.setTextFormat(Qt.TextFormat.PlainText)
        self.health.setWordWrap(True)
        self.health.hide()
        self.people = QLabel(self)
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.people.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.deals = QLabel(self)
        self.deals.setWordWrap(True)
        self.deals.setTextFormat(Qt.TextFormat.RichText)
        # contact:ID and deal:ID links open the edit dialogs; mailto: opens the mail app.
        self.people.setOpenExternalLinks(False)
        self.people.linkActivated.connect(self._link)
        self.deals.linkActivated.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.health)
        columns = QHBoxLayout()
        columns.addWidget(self.people, 3)
        columns.addWidget(self.deals, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(columns)

    def _link(self, href: str) -> None:
        kind, _, ref = href.partition(":")
        if kind in ("contact", "deal"):
            self.open_link.emit(kind, ref)
        else:
            QDesktopServices.openUrl(QUrl(href))

    def show_health(self, h: Health | None) -> None:
        """One line: the score, its level and the reasons that took points off (all the
        reasons in the tooltip)."""
        if h is None:
            self.health.hide()
            return
        lost = [reason_text(r) for r in h.reasons if r.points]
        line = health_summary(h)
        if lost:
            line += " — " + "; ".join(lost)
        self.health.setText(line)
        self.health.setToolTip(health_tooltip(h))
        self.health.setAccessibleName(health_tooltip(h))
        colour = health_colour(h.score).name()
        self.health.setStyleSheet(f"color: {colour};")
        self.health.show()

    def show_health_pending(self) -> None:
        """The health line's place kept (one blank line) while it is being read."""
        self.health.setText("\u00a0")
        self.health.setToolTip("")
        self.health.setAccessibleName("")
        self.health.show()

    def show_account(
        self, detail: AccountDetail | None, now: Any, *, has_clients: bool = True
    ) -> None:
        if detail is None and not has_clients:
            self.title.setText(self.tr("No clients yet"))
            self.facts.setText(
                self.tr(
                    "Add your first client with File ▸ New client…, or bring a list in "
                    "with File ▸ Import…."
                )
            )
            self.people.clear()
            self.deals.clear()
            return
        if detail is None:
            self.title.setText(self.tr("No client selected"))
            self.facts.setText(
                self.tr("Pick a client on the left, or press Ctrl+K to jump to one.")
            )
            self.people.clear()
            self.deals.clear()
            return
        self.title.setText(visible(detail.name))
        facts = [
            self.tr("Tier {0}").format(detail.tier),
            status_label(detail.status),
            self.tr("every {0} days").format(detail.cadence_days),
            self.tr("last contact {0}").format(
                formatting.relative(detail.last_contact_at, now, empty=self.tr("never"))
            ),
        ]
        if detail.industry:
            facts = [visible(detail.industry), *facts]
        if detail.going_cold:
            facts.append("❄ " + self.tr("going cold"))
        if detail.tags:
            facts.append("#" + " #".join(visible(t) for t in detail.tags))
        self.facts.setText("  ·  ".join(facts))
        if detail.contacts:
            rows = []
            for c in detail.contacts[:5]:
                email = c.emails[0] if c.emails else ""
                mail = (
                    f'<a href="mailto:{html.escape(email)}">{html.escape(email)}</a>'
                    if email
                    else ""
                )
                phone = html.escape(c.phones[0] if c.phones else "")
                name = html.escape(visible(c.name))
                rows.append(
                    f'<tr><td><a href="contact:{c.id}"><b>{name}</b></a><br>'
                    f"<small>{html.escape(visible(c.title))}</small></td>"
                    f"<td>{mail}<br><small>{phone}</small></td></tr>"
                )
            more = ""
            if len(detail.contacts) > 5:
                more = html.escape(self.tr("and {0} more").format(len(detail.contacts) - 5))
            self.people.setText(
                f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>{more}'
            )
        else:
            self.people.setText(self.tr("No contacts yet."))
        if detail.open_deals:
            self.deals.setText(
                "<b>"
                + html.escape(self.tr("Open deals"))
                + "</b><br>"
                + "<br>".join(
                    f'<a href="deal:{d.id}">{html.escape(visible(d.title))}</a>'
                    f" · {html.escape(stage_label(d.stage))}"
                    f"<br><small>{html.escape(formatting.money(d.amount_minor, d.currency))}"
                    f" · {d.probability}%</small>"
                    for d in detail.open_deals[:4]
                )
            )
        else:
            self.deals.setText(self.tr("No open deals."))
