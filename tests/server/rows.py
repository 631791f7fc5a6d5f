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
    # Issue 15's tables: a document and its bytes, a gift and its recipient, and a
    # competitor and a trend (the team's) named by the client's deal and entry.
    insert(
        conn,
        "documents",
        id=f"{client_id}-doc",
        account_id=client_id,
        name="plan.txt",
        mime="text/plain",
        size=4,
        sha256="0" * 64,
    )
    conn.execute(
        sa.text("INSERT INTO document_chunks VALUES (:d, 0, :b)"),
        {"d": f"{client_id}-doc", "b": b"plan"},
    )
    insert(
        conn,
        "gifts",
        id=f"{client_id}-g",
        interaction_id=f"{client_id}-i",
        account_id=client_id,
        given_on="2026-11-20",
        kind="business",
        description="",
        value_minor=5000,
        currency="USD",
    )
    insert(
        conn,
        "gift_recipients",
        id=f"{client_id}-gr",
        gift_id=f"{client_id}-g",
        contact_id=f"{client_id}-c",
        share_minor=5000,
    )
    insert(conn, "competitors", id=f"{client_id}-x", name=f"Rival {client_id}",
           name_key=f"rival {client_id}".lower(), website="", notes="")  # fmt: skip
    insert(conn, "trends", id=f"{client_id}-y", name=f"trend{client_id}",
           name_key=f"trend{client_id}".lower())  # fmt: skip
    conn.execute(
        sa.text("INSERT INTO deal_competitors VALUES (:d, :x, true)"),
        {"d": f"{client_id}-d", "x": f"{client_id}-x"},
    )
    for table, column, other in (
        ("interaction_competitors", "competitor_id", "x"),
        ("interaction_trends", "trend_id", "y"),
    ):
        conn.execute(
            sa.text(
                f"INSERT INTO {table} (interaction_id, {column}, occurred_at, by_hand) "
                "VALUES (:i, :o, '2026-11-20 03:00:00', false)"
            ),
            {"i": f"{client_id}-i", "o": f"{client_id}-{other}"},
        )
