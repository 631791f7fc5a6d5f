"""The account review and the meeting brief as HTML for QTextDocument.

Every stored text goes through :func:`esc` (hidden characters made visible, then HTML
escaped): a client named ``<b>Acme</b>`` prints as those characters, never as markup.
Notes are printed as plain text, not rendered Markdown, for the same reason. Every
word of the layout is translated (context ``Report``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from models.queries.review import AccountReview
from models.rows import DealRow, InteractionRow
from ui import formatting
from ui.display import visible
from ui.health_text import health_summary, reason_text
from ui.labels import kind_label, stage_label, status_label

STYLE = """
body { font-size: 9.5pt; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 12pt; margin-bottom: 3pt; color: #1f4e79; }
p.facts { color: #444444; margin-top: 0; }
p.muted, td.muted { color: #666666; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: #e8eef5; text-align: left; }
td.amount { text-align: right; }
span.overdue { color: #b3261e; font-weight: bold; }
"""


def esc(text: str | None) -> str:
    return html.escape(visible(text or ""))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _table(headers: list[str], rows: list[list[str]], *, amount_column: int = -1) -> str:
    """A grid of already-escaped cells."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="amount">{c}</td>' if i == amount_column else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="3">'
        f"<tr>{head}</tr>{body}</table>"
    )


def _h2(title: str) -> str:
    return f"<h2>{esc(title)}</h2>"


def _none(text: str) -> str:
    return f'<p class="muted">{html.escape(text)}</p>'


def _header(r: AccountReview, title: str) -> str:
    d = r.detail
    facts = [
        QCoreApplication.translate("Report", "Tier {0}").format(d.tier),
        status_label(d.status),
        QCoreApplication.translate("Report", "contact every {0} days").format(d.cadence_days),
    ]
    if d.industry:
        facts.insert(0, d.industry)
    lines = [" · ".join(esc(f) for f in facts)]
    if d.website or d.phone:
        lines.append(" · ".join(esc(x) for x in (d.website, d.phone) if x))
    if d.address:
        lines.append(esc(d.address))
    if d.tags:
        lines.append(esc("#" + " #".join(d.tags)))
    generated = QCoreApplication.translate("Report", "{0}, prepared {1}").format(
        title, formatting.day(r.generated_at)
    )
    return (
        f"<h1>{esc(d.name)}</h1>"
        f'<p class="facts">{"<br>".join(lines)}</p>'
        f'<p class="muted">{esc(generated)}</p>'
    )


def _health(r: AccountReview) -> str:
    h = r.health
    items = "".join(f"<li>{esc(reason_text(x))}</li>" for x in h.reasons)
    return (
        _h2(QCoreApplication.translate("Report", "Account health"))
        + f"<p><b>{esc(health_summary(h))}</b></p><ul>{items}</ul>"
    )


def _contacts(r: AccountReview, limit: int | None = None) -> str:
    out = _h2(QCoreApplication.translate("Report", "Contacts"))
    if not r.contacts:
        return out + _none(QCoreApplication.translate("Report", "No contacts yet."))
    never = QCoreApplication.translate("Report", "never")
    rows = []
    for reach in r.contacts[:limit]:
        c = reach.contact
        detail = ", ".join(x for x in (c.emails[:1] + c.phones[:1]))
        rows.append(
            [
                f"<b>{esc(c.name)}</b>",
                esc(c.title),
                esc(detail),
                esc(formatting.day(reach.last_reached) if reach.last_reached else never),
            ]
        )
    out += _table(
        [
            esc(QCoreApplication.translate("Report", "Name")),
            esc(QCoreApplication.translate("Report", "Title")),
            esc(QCoreApplication.translate("Report", "E-mail / phone")),
            esc(QCoreApplication.translate("Report", "Last reached")),
        ],
        rows,
    )
    if limit is not None and len(r.contacts) > limit:
        more = QCoreApplication.translate("Report", "and {0} more").format(len(r.contacts) - limit)
        out += _none(more)
    return out


def _deals(title: str, deals: tuple[DealRow, ...], empty: str, limit: int | None = None) -> str:
    out = f"<h2>{esc(title)}</h2>"
    if not deals:
        return out + _none(empty)
    rows = []
    for d in deals[:limit]:
        when = d.closed_at if d.stage == "won" else d.expected_close
        rows.append(
            [
                esc(d.title),
                esc(stage_label(d.stage)),
                esc(formatting.money(d.amount_minor, d.currency)),
                esc(f"{d.probability}%"),
                esc(formatting.day(when) if when else "—"),
            ]
        )
    return out + _table(
        [
            esc(QCoreApplication.translate("Report", "Deal")),
            esc(QCoreApplication.translate("Report", "Stage")),
            esc(QCoreApplication.translate("Report", "Amount")),
            esc(QCoreApplication.translate("Report", "Probability")),
            esc(QCoreApplication.translate("Report", "Close")),
        ],
        rows,
        amount_column=2,
    )


def _followups(r: AccountReview, limit: int | None = None) -> str:
    out = _h2(QCoreApplication.translate("Report", "Open follow-ups"))
    if not r.followups:
        return out + _none(QCoreApplication.translate("Report", "No open follow-ups."))
    overdue = esc(QCoreApplication.translate("Report", "overdue"))
    items = []
    for f in r.followups[:limit]:
        mark = f' <span class="overdue">({overdue})</span>' if f.id in r.overdue_ids else ""
        items.append(f"<li>{esc(formatting.day(f.effective_due))}: {esc(f.title)}{mark}</li>")
    return out + f"<ul>{''.join(items)}</ul>"


def _entry(e: InteractionRow, clip: int) -> str:
    people = ", ".join(e.contact_names)
    head = f"<b>{esc(formatting.day(e.occurred_at))}</b> · {esc(kind_label(e.kind))}"
    if e.subject:
        head += f" · {esc(e.subject)}"
    if people:
        head += f' <span class="muted">({esc(people)})</span>'
    body = esc(_clip(e.body, clip)) if e.body.strip() else ""
    return f"<p>{head}" + (f"<br>{body}" if body else "") + "</p>"


def _timeline(r: AccountReview, *, limit: int | None = None, clip: int = 600) -> str:
    title = QCoreApplication.translate("Report", "Last 90 days")
    out = f"<h2>{esc(title)}</h2>"
    if not r.timeline:
        return out + _none(QCoreApplication.translate("Report", "Nothing in the last 90 days."))
    return out + "".join(_entry(e, clip) for e in r.timeline[:limit])


def _gifts(r: AccountReview) -> str:
    out = _h2(QCoreApplication.translate("Report", "Gifts this year"))
    if not r.gifts:
        return out + _none(QCoreApplication.translate("Report", "No gifts this year."))
    rows = []
    for g in r.gifts:
        value = (
            formatting.money(g.gift_value_minor, g.gift_currency)
            if g.gift_value_minor is not None and g.gift_currency
            else "—"
        )
        rows.append(
            [
                esc(formatting.day(g.occurred_at)),
                esc(g.subject or _clip(g.body, 80)),
                esc(", ".join(g.contact_names)),
                esc(value),
            ]
        )
    return out + _table(
        [
            esc(QCoreApplication.translate("Report", "Date")),
            esc(QCoreApplication.translate("Report", "Gift")),
            esc(QCoreApplication.translate("Report", "To")),
            esc(QCoreApplication.translate("Report", "Value")),
        ],
        rows,
        amount_column=3,
    )


def review_html(r: AccountReview) -> str:
    """The account review: everything, over as many pages as it takes."""
    title = QCoreApplication.translate("Report", "Account review")
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        + _header(r, title)
        + _health(r)
        + _contacts(r)
        + _deals(
            QCoreApplication.translate("Report", "Open deals"),
            r.open_deals,
            QCoreApplication.translate("Report", "No open deals."),
        )
        + _deals(
            QCoreApplication.translate("Report", "Won deals"),
            r.won_deals,
            QCoreApplication.translate("Report", "No won deals yet."),
        )
        + _followups(r)
        + _gifts(r)
        + _timeline(r)
        + "</body></html>"
    )


def brief_html(r: AccountReview) -> str:
    """The meeting brief: one page to read before a visit (the first few of each)."""
    title = QCoreApplication.translate("Report", "Meeting brief")
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        + _header(r, title)
        + _health(r)
        + _contacts(r, limit=5)
        + _followups(r, limit=4)
        + _deals(
            QCoreApplication.translate("Report", "Open deals"),
            r.open_deals,
            QCoreApplication.translate("Report", "No open deals."),
            limit=3,
        )
        + _timeline(r, limit=3, clip=160)
        + "</body></html>"
    )
