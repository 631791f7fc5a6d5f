"""Rows written straight into a server database, as a user (for the RLS tests)."""

from __future__ import annotations

import sqlalchemy as sa

_NOW = "'2026-11-24 02:30:00'"


def insert(conn: sa.Connection, table: str, **values: object) -> None:
    names = ", ".join(values)
    params = ", ".join(f":{k}" for k in values)
    conn.execute(
        sa.text(
            f"INSERT INTO {table} ({names}, created_at, updated_at)"
            f" VALUES ({params}, {_NOW}, {_NOW})"
        ),
        values,
    )


def client(conn: sa.Connection, client_id: str, name: str, owner: str | None = None) -> None:
    """A client with one of each kind of row under it (ids prefixed with the client id)."""
    account = dict(
        id=client_id,
        name=name,
        industry="",
        tier="A",
        status="active",
        website="",
        phone="",
        address="",
        notes="",
        cadence_days=30,
    )
    if owner is not None:
        account["owner"] = owner
    insert(conn, "accounts", **account)
    insert(
        conn,
        "contacts",
        id=f"{client_id}-c",
        account_id=client_id,
        name=f"{name} contact",
        title="",
        emails="[]",
        phones="[]",
        notes="",
    )
    insert(
        conn,
        "interactions",
        id=f"{client_id}-i",
        account_id=client_id,
        kind="note",
        occurred_at="2026-11-20 03:00:00",
        subject=f"{name} note",
        body="",
        body_format="markdown",
        location="",
        outcome="",
    )
    conn.execute(
        sa.text("INSERT INTO interaction_contacts VALUES (:i, :c)"),
        {"i": f"{client_id}-i", "c": f"{client_id}-c"},
    )
    insert(
        conn,
        "follow_ups",
        id=f"{client_id}-f",
        account_id=client_id,
        title="call back",
        due_at="2026-11-30 00:00:00",
        all_day=True,
        priority=1,
        notes="",
    )
    insert(
        conn,
        "deals",
        id=f"{client_id}-d",
        account_id=client_id,
        title=f"{name} deal",
        stage="lead",
        amount_minor=100,
        currency="IDR",
        probability=10,
        lost_reason="",
        notes="",
    )
    insert(
        conn,
        "deal_stage_changes",
        id=f"{client_id}-s",
        deal_id=f"{client_id}-d",
        from_stage=None,
        to_stage="lead",
        changed_at="2026-11-20 03:00:00",
    )
    insert(conn, "tags", id=f"{client_id}-t", name=f"tag of {client_id}")
    conn.execute(
        sa.text("INSERT INTO account_tags VALUES (:a, :t)"), {"a": client_id, "t": f"{client_id}-t"}
    )
