"""Documents (migration 0012): files kept with a client, a deal or a timeline entry,
their bytes in chunks inside the same encrypted database."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from models.entity_base import Base, Timestamped


class Document(Timestamped, Base):
    """A file kept with a client (and maybe one of its deals or timeline entries).

    Its bytes live in ``document_chunks``, inside the same encrypted database: list
    queries read this table only and never touch a byte of the file.
    """

    __tablename__ = "documents"

    account_id: Mapped[str] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False
    )
    deal_id: Mapped[str | None] = mapped_column(
        ForeignKey("deals.id", ondelete="SET NULL"), default=None
    )
    interaction_id: Mapped[str | None] = mapped_column(
        ForeignKey("interactions.id", ondelete="SET NULL"), default=None
    )
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    mime: Mapped[str] = mapped_column(String(127), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        Index("ix_documents_account", "account_id", "created_at"),
        Index("ix_documents_deal", "deal_id"),
        Index("ix_documents_interaction", "interaction_id"),
    )


#: A document's bytes, in chunks of at most models.services.documents.CHUNK_BYTES, so
#: reading and writing one holds a chunk in memory at a time. Deleting a document for
#: good deletes its chunks (the foreign key cascades).
document_chunks = Table(
    "document_chunks",
    Base.metadata,
    Column(
        "document_id",
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("seq", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
