"""The header card's query (models.queries.header) reads what account_detail reads."""

from __future__ import annotations

from datetime import timedelta

from models import services
from models.clock import FixedClock
from models.queries import clients as client_queries
from models.queries.header import account_header
from models.store import Store


def test_the_header_reads_the_same_card_as_account_detail(store: Store, clock: FixedClock) -> None:
    with store.write() as uow:
        warm = services.create_account(
            uow, "Acme", tier="A", tags=["jakarta", "bank"], industry="Banking"
        )
        services.create_contact(uow, "Zed", account_id=warm, emails=["z@acme.example"])
        services.create_contact(uow, "Ana", account_id=warm, phones=["+62 21 555 0101"])
        gone = services.create_contact(uow, "Gone", account_id=warm)
        services.soft_delete(uow, "contact", gone)
        services.create_deal(uow, warm, "Renewal", stage="proposal", amount_minor=5_000_000)
        services.create_deal(uow, warm, "Won already", stage="won")
        quiet = services.create_account(uow, "Quiet", tier="C", status="dormant")
        services.add_interaction(
            uow, warm, body="long ago", occurred_at=clock.now() - timedelta(days=40)
        )
    clock.advance(timedelta(days=20))  # Acme (tier A, every 14 days) goes cold
    for account_id in (warm, quiet):
        assert account_header(store, account_id) == client_queries.account_detail(store, account_id)
    card = account_header(store, warm)
    assert card is not None and card.going_cold and card.tags == ("bank", "jakarta")
    assert [c.name for c in card.contacts] == ["Ana", "Zed"]
    assert [d.title for d in card.open_deals] == ["Renewal"]
    quiet_card = account_header(store, quiet)
    assert quiet_card is not None and not quiet_card.going_cold
    assert account_header(store, "no-such-client") is None
    with store.write() as uow:
        services.add_interaction(uow, warm, body="today")
    fresh = account_header(store, warm)
    assert fresh is not None and not fresh.going_cold
