"""Which tables team sync carries, and the triggers that record their changes.

Every table of the models' metadata is synced unless it is local by nature
(:data:`LOCAL_ONLY`): drafts (a note being typed), import batches (this laptop's undo of
an import), the search indexes (rebuilt from the rows by their own triggers), the sync
tables themselves, and the shares (the server's to decide). Columns the database derives from other rows
(:data:`DERIVED`) are not sent either: each laptop derives them again.

A change is recorded by triggers in the same transaction as the write that makes it,
whatever path that write took (a service, the bulk importer, undo and redo, Trash):
an insert as one change of field ``*`` holding the whole row, an update as one change
per column that changed, a removed link (``account_tags``, ``interaction_contacts``)
as field ``*`` with value ``null``. The triggers are silent (``sync_state.quiet``) until
team sync is first set up (a laptop used alone keeps no log; setting it up records the
whole database once, :func:`models.sync.outbox.start_recording`) and while pulled
changes are applied. The clock stamps them just before the commit
(:mod:`models.sync.outbox`). This module is the one live definition; migration 0016
holds a frozen copy and a test checks that the database's triggers equal it.
"""

from __future__ import annotations

# ruff: noqa: E501  (trigger text is compared with the database's, line for line)
from dataclasses import dataclass

from sqlalchemy import LargeBinary, Table

import models.gift_entities  # noqa: F401  (registers the gift log's tables: synced too)
from models.entities import Base

#: Tables that stay on the laptop.
LOCAL_ONLY = frozenset(
    {
        "drafts",
        "import_batches",
        "import_batch_items",
        "index_deferral",
        "search_docs",
        "client_docs",
        "sync_changes",
        "sync_field_clocks",
        "sync_conflicts",
        "sync_state",
        "account_shares",
    }
)
#: Columns kept by triggers from other rows (the client list's last contact and next
#: follow-up): every laptop computes them itself. And what the server decides alone: a
#: client's owner (and, in ``account_shares``, whom it is shared with).
DERIVED = frozenset(
    {("accounts", "last_contact_at"), ("accounts", "next_followup_at"), ("accounts", "owner")}
)
#: The client a row belongs to (what the server's row-level security filters on), as an
#: SQL expression of the trigger's row ``{r}``; tables not listed are personal (NULL).
ACCOUNT_OF = {
    "accounts": "{r}.id",
    "contacts": "{r}.account_id",
    "interactions": "{r}.account_id",
    "follow_ups": "{r}.account_id",
    "deals": "{r}.account_id",
    "account_tags": "{r}.account_id",
    "deal_stage_changes": "(SELECT account_id FROM deals WHERE id = {r}.deal_id)",
    "interaction_contacts": "(SELECT account_id FROM interactions WHERE id = {r}.interaction_id)",
    "documents": "{r}.account_id",
    "document_chunks": "(SELECT account_id FROM documents WHERE id = {r}.document_id)",
    "gifts": "{r}.account_id",
    "gift_recipients": "(SELECT account_id FROM gifts WHERE id = {r}.gift_id)",
    "deal_competitors": "(SELECT account_id FROM deals WHERE id = {r}.deal_id)",
    "interaction_competitors": "(SELECT account_id FROM interactions WHERE id = {r}.interaction_id)",
    "interaction_trends": "(SELECT account_id FROM interactions WHERE id = {r}.interaction_id)",
}
#: Rows only ever added, never edited (a stage move); their inserts are never merged.
INSERT_ONLY = frozenset({"deal_stage_changes"})
QUIET = "(SELECT quiet FROM sync_state WHERE id = 1) = 0"
#: Binary columns travel as hexadecimal text (JSON holds no bytes; SQLite's hex() is
#: built in): (table, column) pairs, turned back into bytes by :func:`from_wire`.
BLOBS = frozenset(
    (t.name, c.name)
    for t in Base.metadata.sorted_tables
    for c in t.columns
    if isinstance(c.type, LargeBinary)
)


def from_wire(tbl: str, column: str, value: object) -> object:
    """A value as it travelled back into its stored form (hex text into bytes)."""
    if (tbl, column) in BLOBS and isinstance(value, str):
        return bytes.fromhex(value)
    return value


@dataclass(frozen=True)
class Synced:
    """One synced table: its key columns (one ``id``, or a link's two) and its fields."""

    name: str
    keys: tuple[str, ...]
    fields: tuple[str, ...]

    @property
    def is_link(self) -> bool:
        return len(self.keys) > 1

    def row_id(self, r: str) -> str:
        """The SQL of the row id: ``id``, or a link's two ids joined by ``|``."""
        return " || '|' || ".join(f"{r}.{k}" for k in self.keys)

    def account(self, r: str) -> str:
        return ACCOUNT_OF.get(self.name, "NULL").format(r=r)

    def _record(self, field: str, value: str, r: str) -> str:
        return (
            "INSERT INTO sync_changes(change_id, tbl, row_id, field, value, account_id) "
            f"VALUES (lower(hex(randomblob(16))), '{self.name}', {self.row_id(r)}, "
            f"'{field}', {value}, {self.account(r)});"
        )

    def column(self, r: str, c: str) -> str:
        """The SQL of a column's value as it travels (a BLOB as hex text)."""
        return f"hex({r}.{c})" if (self.name, c) in BLOBS else f"{r}.{c}"

    def whole_row(self, r: str) -> str:
        pairs = ", ".join(f"'{c}', {self.column(r, c)}" for c in (*self.keys, *self.fields))
        return f"json_object({pairs})"

    def _link_update(self) -> str:
        """A link's update (its extra columns: a deal lost to this competitor, a chunk's
        bytes): recorded as its whole row again; a moved key as the old link removed."""
        moved = " OR ".join(f"OLD.{k} IS NOT NEW.{k}" for k in self.keys)
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in (*self.keys, *self.fields))
        head = "INSERT INTO sync_changes(change_id, tbl, row_id, field, value, account_id) SELECT lower(hex(randomblob(16))), "
        return (
            f"CREATE TRIGGER sync_{self.name}_au AFTER UPDATE ON {self.name} WHEN {QUIET} BEGIN\n"
            f"    {head}'{self.name}', {self.row_id('OLD')}, '*', NULL, {self.account('OLD')} WHERE {moved};\n"
            f"    {head}'{self.name}', {self.row_id('NEW')}, '*', {self.whole_row('NEW')}, {self.account('NEW')} WHERE {changed};\n"
            "END"
        )

    def triggers(self) -> list[str]:
        """The CREATE TRIGGER statements that record this table's changes."""
        out = [
            f"CREATE TRIGGER sync_{self.name}_ai AFTER INSERT ON {self.name} WHEN {QUIET} BEGIN\n"
            f"    {self._record('*', self.whole_row('NEW'), 'NEW')}\nEND"
        ]
        if self.is_link:
            out.append(
                f"CREATE TRIGGER sync_{self.name}_ad AFTER DELETE ON {self.name} WHEN {QUIET} BEGIN\n"
                f"    {self._record('*', 'NULL', 'OLD')}\nEND"
            )
            if self.fields:
                out.append(self._link_update())
            return out
        body = "\n".join(
            f"    INSERT INTO sync_changes(change_id, tbl, row_id, field, value, account_id) "
            f"SELECT lower(hex(randomblob(16))), '{self.name}', NEW.id, '{c}', json_quote({self.column('NEW', c)}), "
            f"{self.account('NEW')} WHERE OLD.{c} IS NOT NEW.{c};"
            for c in self.fields
        )
        out.append(
            f"CREATE TRIGGER sync_{self.name}_au AFTER UPDATE ON {self.name} WHEN {QUIET} BEGIN\n"
            f"{body}\nEND"
        )
        return out


def _synced(table: Table) -> Synced:
    keys = tuple(c.name for c in table.primary_key.columns)
    fields = tuple(
        c.name for c in table.columns if c.name not in keys and (table.name, c.name) not in DERIVED
    )
    return Synced(table.name, keys, fields)


#: Every synced table, parents before children (the metadata's dependency order).
SYNCED: dict[str, Synced] = {
    t.name: _synced(t) for t in Base.metadata.sorted_tables if t.name not in LOCAL_ONLY
}


#: Rows every database has from its migrations under the same id (the default gift cap
#: rule, migration 0013), left out of the first recording while never edited: the server
#: has them too, and their creation times (each laptop's own) would only make conflicts.
SEED_SKIP = {
    "gift_rules": "r.id = '00000000-0000-4000-8000-000000003220' AND r.updated_at = r.created_at"
}


def seed_statements() -> list[str]:
    """INSERTs that record every existing row as a new one (sync's first set-up)."""
    return [
        "INSERT INTO sync_changes(change_id, tbl, row_id, field, value, account_id) "
        f"SELECT lower(hex(randomblob(16))), '{t.name}', {t.row_id('r')}, '*', "
        f"{t.whole_row('r')}, {t.account('r')} FROM {t.name} AS r"
        + (f" WHERE NOT ({SEED_SKIP[t.name]})" if t.name in SEED_SKIP else "")
        for t in SYNCED.values()
    ]


def trigger_names() -> list[str]:
    return [
        f"sync_{t.name}_{suffix}"
        for t in SYNCED.values()
        for suffix in (
            ("ai", "au") if not t.is_link else ("ai", "ad", "au") if t.fields else ("ai", "ad")
        )
    ]


def all_triggers() -> list[str]:
    return [sql for t in SYNCED.values() for sql in t.triggers()]
