"""The gift compliance log's tables: a gift (anchored on its timeline entry), what
each recipient received of it, the dated cap rules and the user's exchange rates.

Kept beside ``models.entities`` (same declarative base) so that the log's tables sit
in one place; models.entities imports them and names their kinds in ``KINDS`` (the
services, Trash and undo find rows by kind name).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.entity_base import Base, Timestamped

#: Gift kinds. Only business gifts count toward the cap: promotional items (logo
#: items, de minimis) and personal gifts for a life event (FINRA Notice 06-69) are
#: logged but excluded.
GIFT_KINDS = ("business", "personal", "promotional")
COUNTED_KINDS = frozenset({"business"})


class Gift(Timestamped, Base):
    """One gift: its full value and currency, the day given, its kind; the timeline
    entry it shows as (``interaction_id``) carries the recipients as contacts too."""

    __tablename__ = "gifts"

    interaction_id: Mapped[str] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), nullable=False
    )
    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
    )
    given_on: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), default="business")
    description: Mapped[str] = mapped_column(Text, default="")
    value_minor: Mapped[int] = mapped_column(Integer, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)

    __table_args__ = (
        Index("ix_gifts_interaction", "interaction_id"),
        Index("ix_gifts_given_on", "given_on"),
    )


class GiftRecipient(Timestamped, Base):
    """What one recipient received of a gift: an equal share of its value (FINRA
    counts per person); ``contact_id`` None when the recipient is not known (a gift
    entry from before the log that named nobody)."""

    __tablename__ = "gift_recipients"

    gift_id: Mapped[str] = mapped_column(ForeignKey("gifts.id", ondelete="CASCADE"), nullable=False)
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None
    )
    share_minor: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        Index("ix_gift_recipients_gift", "gift_id"),
        Index("ix_gift_recipients_contact", "contact_id", "gift_id"),
    )


class GiftRule(Timestamped, Base):
    """A cap per recipient per calendar year, in force from ``effective_from`` until
    the next rule's date."""

    __tablename__ = "gift_rules"

    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    cap_minor: Mapped[int] = mapped_column(Integer, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)


class GiftRate(Timestamped, Base):
    """How many units of ``currency`` one unit of ``to_currency`` buys (a decimal
    string: ``16250`` IDR per USD), from ``effective_from`` on."""

    __tablename__ = "gift_rates"

    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    to_currency: Mapped[str] = mapped_column(String(3), nullable=False)
    per_unit: Mapped[str] = mapped_column(String(40), nullable=False)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
