"""SQLAlchemy 2.x declarative entities: the tables of a Relasi database.

Every table has a text UUID key, ``created_at``/``updated_at`` in UTC and a
``deleted_at`` for soft delete (Trash, and later sync between laptops).
Times are stored as naive UTC and come back timezone-aware (UTC).
Money is integer minor units plus an ISO 4217 currency code.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

# The base and the tables kept in modules of their own, re-exported: the entities are
# imported from here (and importing this module knows every table and kind).
from models.competitor_entities import Competitor as Competitor
from models.competitor_entities import Trend as Trend
from models.competitor_entities import deal_competitors as deal_competitors
from models.competitor_entities import interaction_competitors as interaction_competitors
from models.competitor_entities import interaction_trends as interaction_trends
from models.document_entities import Document as Document
from models.document_entities import document_chunks as document_chunks
from models.entity_base import Base as Base
from models.entity_base import Timestamped as Timestamped
from models.entity_base import UTCDateTime as UTCDateTime
from models.entity_base import new_id as new_id
from models.gift_entities import Gift, GiftRate, GiftRecipient, GiftRule


class Tier(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class AccountStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    DORMANT = "dormant"
    LOST = "lost"


class InteractionKind(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    EMAIL = "email"
    NOTE = "note"
    DEMO = "demo"
    PROPOSAL = "proposal"
    CONTRACT = "contract"
    GIFT = "gift"
    OTHER = "other"


class DealStage(StrEnum):
    LEAD = "lead"
    QUALIFIED = "qualified"
    DEMO = "demo"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


CLOSED_STAGES = frozenset({DealStage.WON, DealStage.LOST})
#: Statuses for which "going cold" is meaningful (a dormant or lost client is cold on purpose).
WARM_STATUSES = (AccountStatus.ACTIVE.value, AccountStatus.PROSPECT.value)

#: Default stay-in-touch cadence in days, by tier.
DEFAULT_CADENCE = {Tier.A: 14, Tier.B: 30, Tier.C: 90}


account_tags = Table(
    "account_tags",
    Base.metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_account_tags_tag_id", "tag_id"),
)

#: The team server's users (role names) a client is shared with besides its owner
#: (migration 0015; row-level security on the server reads it, models/server/schema.py).
account_shares = Table(
    "account_shares",
    Base.metadata,
    Column("account_id", ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True),
    Column("user_name", String(63), primary_key=True),
    Index("ix_account_shares_user_name", "user_name", "account_id"),
)

interaction_contacts = Table(
    "interaction_contacts",
    Base.metadata,
    Column("interaction_id", ForeignKey("interactions.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_interaction_contacts_contact_id", "contact_id"),
)


class Tag(Timestamped, Base):
    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)


class Account(Timestamped, Base):
    """A client company."""

    __tablename__ = "accounts"

    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), nullable=False)
    industry: Mapped[str] = mapped_column(String(120), default="")
    tier: Mapped[str] = mapped_column(String(1), default=Tier.B.value)
    status: Mapped[str] = mapped_column(String(16), default=AccountStatus.ACTIVE.value)
    website: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cadence_days: Mapped[int] = mapped_column(Integer, default=30)
    # Kept current by triggers on interactions / follow_ups (see the first migration),
    # so the client list never aggregates a million rows per keystroke.
    last_contact_at: Mapped[datetime | None] = mapped_column(default=None)
    next_followup_at: Mapped[datetime | None] = mapped_column(default=None)
    # The team server's role name of the owner (migration 0015); None on a laptop that
    # never synced means "mine".
    owner: Mapped[str | None] = mapped_column(String(63), default=None)

    tags: Mapped[list[Tag]] = relationship(secondary=account_tags, lazy="selectin")

    __table_args__ = (
        # One index per sort order of the client list (migration 0003).
        Index("ix_accounts_name", "name", "id"),
        Index("ix_accounts_owner", "owner"),
        Index("ix_accounts_tier", "tier", "name", "id"),
        Index("ix_accounts_status", "status", "name", "id"),
        Index("ix_accounts_last_contact", text("coalesce(last_contact_at, '')"), "name", "id"),
        Index(
            "ix_accounts_next_followup",
            text("coalesce(next_followup_at, '9999-12-31')"),
            "name",
            "id",
        ),
    )


class Contact(Timestamped, Base):
    """A person at an account; may move between accounts."""

    __tablename__ = "contacts"

    account_id: Mapped[str | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), default=None
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    title: Mapped[str] = mapped_column(String(200), default="")
    emails: Mapped[list[str]] = mapped_column(default=list)
    phones: Mapped[list[str]] = mapped_column(default=list)
    linkedin_url: Mapped[str] = mapped_column(String(300), default="")
    birthday: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_contacts_account_id", "account_id"),)


class Interaction(Timestamped, Base):
    """A timeline entry: a meeting, call, e-mail, note, demo, proposal, contract, gift."""

    __tablename__ = "interactions"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(16), default=InteractionKind.NOTE.value)
    occurred_at: Mapped[datetime] = mapped_column(nullable=False)
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    body_format: Mapped[str] = mapped_column(String(10), default="markdown")
    location: Mapped[str] = mapped_column(String(300), default="")
    duration_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    outcome: Mapped[str] = mapped_column(String(300), default="")
    gift_value_minor: Mapped[int | None] = mapped_column(Integer, default=None)
    gift_currency: Mapped[str | None] = mapped_column(String(3), default=None)
    # An amount mentioned in the note (e.g. "budget ~ Rp 500 jt"), offered as a deal amount.
    amount_minor: Mapped[int | None] = mapped_column(Integer, default=None)
    amount_currency: Mapped[str | None] = mapped_column(String(3), default=None)

    contacts: Mapped[list[Contact]] = relationship(secondary=interaction_contacts)

    __table_args__ = (
        Index("ix_interactions_account_occurred", "account_id", "occurred_at", "id"),
        # Account health: the last 90 days of every client at once (migration 0011).
        Index("ix_interactions_occurred", "occurred_at", "account_id", "id", "deleted_at"),
    )


class FollowUp(Timestamped, Base):
    """Something promised to a client, with a due date (or date-time)."""

    __tablename__ = "follow_ups"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
    )
    interaction_id: Mapped[str | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL"), default=None
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    # An all-day follow-up stores the start of its day in local time (as UTC).
    due_at: Mapped[datetime] = mapped_column(nullable=False)
    all_day: Mapped[bool] = mapped_column(Boolean, default=True)
    priority: Mapped[int] = mapped_column(Integer, default=1)
    done_at: Mapped[datetime | None] = mapped_column(default=None)
    snoozed_until: Mapped[datetime | None] = mapped_column(default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        Index("ix_follow_ups_account_id", "account_id"),
        # Migration 0009: open, live ones by effective due time (the follow-up buckets),
        # done ones by when (the "done in the last week" bucket).
        Index(
            "ix_follow_ups_open_effective_due",
            text("coalesce(snoozed_until, due_at)"),
            text("priority DESC"),
            "title",
            sqlite_where=text("done_at IS NULL AND deleted_at IS NULL"),
        ),
        Index("ix_follow_ups_done", "done_at", sqlite_where=text("done_at IS NOT NULL")),
        # Account health: open follow-ups by client, every column read (migration 0011).
        Index(
            "ix_follow_ups_open_account",
            "account_id",
            "due_at",
            "snoozed_until",
            "all_day",
            sqlite_where=text("done_at IS NULL AND deleted_at IS NULL"),
        ),
    )


class Deal(Timestamped, Base):
    """An opportunity moving through the pipeline."""

    __tablename__ = "deals"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    stage: Mapped[str] = mapped_column(String(16), default=DealStage.LEAD.value)
    amount_minor: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="IDR")
    probability: Mapped[int] = mapped_column(Integer, default=10)
    expected_close: Mapped[date | None] = mapped_column(Date, default=None)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)
    lost_reason: Mapped[str] = mapped_column(String(300), default="")
    # The competitor a lost deal went to (migration 0011).
    lost_to: Mapped[str] = mapped_column(String(200), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        Index("ix_deals_account_id", "account_id"),
        Index("ix_deals_account_stage", "account_id", "stage", "deleted_at"),  # health
        # The pipeline board's column order (migration 0011; the same text as its query).
        Index("ix_deals_stage", "stage", text("coalesce(expected_close, '9999-12-31')"), "id"),
    )


class DealStageChange(Timestamped, Base):
    """One move of a deal between stages: what conversion and velocity are computed from."""

    __tablename__ = "deal_stage_changes"

    deal_id: Mapped[str] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"), nullable=False)
    from_stage: Mapped[str | None] = mapped_column(String(16), default=None)
    to_stage: Mapped[str] = mapped_column(String(16), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(nullable=False)

    __table_args__ = (
        Index("ix_deal_stage_changes_deal", "deal_id", "changed_at"),
        # the KPI dashboard's covering indexes (migration 0010)
        Index("ix_deal_stage_changes_close", "to_stage", "changed_at", "deal_id", "deleted_at"),
        Index("ix_deal_stage_changes_cover", "deal_id", "changed_at", "to_stage", "deleted_at"),
    )


class Quota(Timestamped, Base):
    """A sales target for a period."""

    __tablename__ = "quotas"

    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    period_end: Mapped[date] = mapped_column(Date, nullable=False)
    amount_minor: Mapped[int] = mapped_column(Integer, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), default="IDR")


class CommissionPlan(Timestamped, Base):
    """How the account executive is paid: a monthly base, a commission rate on won
    amounts (basis points) and accelerators above quota: ``tiers`` is a list of
    ``[attainment_percent, rate_bp]``, each rate applying to the won amount above that
    share of the quota. The newest live row is the plan."""

    __tablename__ = "commission_plans"

    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    base_minor: Mapped[int] = mapped_column(Integer, default=0)
    rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    tiers: Mapped[list[list[int]]] = mapped_column(JSON, default=list)


class ActivityTarget(Timestamped, Base):
    """How many interactions of one kind (meeting, call, email) a week is the target."""

    __tablename__ = "activity_targets"

    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    per_week: Mapped[int] = mapped_column(Integer, default=0)


class Draft(Timestamped, Base):
    """Text being typed in quick capture, saved as it is typed (encrypted like the rest)."""

    __tablename__ = "drafts"

    account_id: Mapped[str | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), default=None
    )
    text: Mapped[str] = mapped_column(Text, default="")


class Template(Timestamped, Base):
    """A meeting template that pre-fills quick capture."""

    __tablename__ = "templates"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    body: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ImportBatch(Timestamped, Base):
    """One import run, with its counts; undoing it reverts every item."""

    __tablename__ = "import_batches"

    source_name: Mapped[str] = mapped_column(String(300), nullable=False)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    skipped_count: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[str]] = mapped_column(default=list)
    undone_at: Mapped[datetime | None] = mapped_column(default=None)


class ImportBatchItem(Timestamped, Base):
    """A row an import created or changed (with the values it had before)."""

    __tablename__ = "import_batch_items"

    batch_id: Mapped[str] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    ref_id: Mapped[str] = mapped_column(String(36), nullable=False)
    action: Mapped[str] = mapped_column(String(8), nullable=False)  # "create" | "update"
    old_values: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_import_batch_items_batch", "batch_id"),)


#: Entity classes by the kind name used in change notifications and the CLI.
KINDS: dict[str, type[Timestamped]] = {
    "account": Account,
    "contact": Contact,
    "interaction": Interaction,
    "followup": FollowUp,
    "deal": Deal,
    "competitor": Competitor,
    "trend": Trend,
    "tag": Tag,
    "quota": Quota,
    "commission_plan": CommissionPlan,
    "activity_target": ActivityTarget,
    "draft": Draft,
    "template": Template,
    "import_batch": ImportBatch,
    "document": Document,
    "gift": Gift,
    "gift_recipient": GiftRecipient,
    "gift_rule": GiftRule,
    "gift_rate": GiftRate,
}
