"""Migration 0013: gift entries already on timelines become gifts of the log."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from models import services
from models.queries import gifts as gq
from models.store import open_store


def test_old_gift_entries_become_gifts(tmp_path: Path) -> None:
    from alembic import command

    from models.migrations.runner import alembic_config, upgrade

    store = open_store(tmp_path / "old.db")
    with store.write() as uow:
        acc = services.create_account(uow, "PT Lama")
        budi = services.create_contact(uow, "Budi", account_id=acc)
        sari = services.create_contact(uow, "Sari", account_id=acc)
        when = datetime(2025, 4, 2, 3, 0, tzinfo=UTC)
        services.add_interaction(uow, acc, kind="gift", subject="Parsel", occurred_at=when,
                                 contact_ids=[budi, sari], gift_value_minor=10001,
                                 gift_currency="USD")  # fmt: skip
        services.add_interaction(uow, acc, kind="gift", subject="Kue", occurred_at=when,
                                 gift_value_minor=500, gift_currency="USD")  # fmt: skip
        services.add_interaction(uow, acc, kind="gift", subject="No value", occurred_at=when)
        services.add_interaction(uow, acc, kind="note", subject="Not a gift", occurred_at=when)
    cfg = alembic_config()
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
        conn.commit()
    upgrade(store.engine)
    rows = gq.log(store)
    store.close()
    got = {(r.recipient, r.description, r.line.share.kind, r.recipients) for r in rows}
    assert got == {
        ("Budi", "Parsel", "business", 2),
        ("Sari", "Parsel", "business", 2),
        (None, "Kue", "business", 1),
    }
    shares = sorted(r.line.share.share_minor for r in rows if r.description == "Parsel")
    assert shares == [5000, 5001]  # split equally, the odd cent to one of them
    assert {r.line.share.given_on for r in rows} == {date(2025, 4, 2)}
    unknown = next(r for r in rows if r.recipient is None)
    assert unknown.line.total_minor is None and not unknown.line.over_cap
