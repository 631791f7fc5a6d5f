"""Market intelligence tables (migration 0014): competitors, market trends, and the
links saying which deals were fought (or lost) against a competitor and which timeline
entries mention a competitor or a trend."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.entity_base import Base, Timestamped, UTCDateTime


class Competitor(Timestamped, Base):
    """A company the account executive competes with for deals (migration 0014)."""

    __tablename__ = "competitors"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # The name case-folded, blanks collapsed: unique, so "Globex" and "GLOBEX" are one.
    name_key: Mapped[str] = mapped_column(String(200), nullable=False)
    website: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ux_competitors_name_key", "name_key", unique=True),)


class Trend(Timestamped, Base):
    """A free label for what the market talks about, tagged on timeline entries."""

    __tablename__ = "trends"

    name: Mapped[str] = mapped_column(String(80), nullable=False)
    name_key: Mapped[str] = mapped_column(String(80), nullable=False)

    __table_args__ = (Index("ux_trends_name_key", "name_key", unique=True),)


deal_competitors = Table(
    "deal_competitors",
    Base.metadata,
    Column("deal_id", ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("competitor_id", ForeignKey("competitors.id", ondelete="CASCADE"), primary_key=True),
    # The competitor a lost deal went to (deals.lost_to keeps its name for the board).
    Column("lost_to", Boolean, nullable=False, default=False),
    Index("ix_deal_competitors_competitor", "competitor_id", "deal_id", "lost_to"),
)

# What a timeline entry mentions (migration 0014). Each link carries the entry's time
# (a trigger keeps it current) so one competitor's or trend's entries come newest first
# from an index, never by sorting every entry.
interaction_competitors = Table(
    "interaction_competitors",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True),
    Column("competitor_id", ForeignKey("competitors.id", ondelete="CASCADE"), primary_key=True),
    Column("occurred_at", UTCDateTime, nullable=False),
    # Set by hand (kept when the text changes) rather than found in the text.
    Column("by_hand", Boolean, nullable=False, default=False),
    Index("ix_interaction_competitors_heard", "competitor_id", "occurred_at", "interaction_id"),
)

interaction_trends = Table(
    "interaction_trends",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True),
    Column("trend_id", ForeignKey("trends.id", ondelete="CASCADE"), primary_key=True),
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("by_hand", Boolean, nullable=False, default=False),
    Index("ix_interaction_trends_heard", "trend_id", "occurred_at", "interaction_id"),
)
