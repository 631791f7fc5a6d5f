"""Competitors across deals and entries: the list, entries tagged from their text (whole
words only) or by hand, trends, deals won and lost against a competitor, renaming, Trash,
undo, and the heard-about pages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from models import operations, services
from models.clock import FixedClock
from models.errors import ValidationError
from models.queries import competitors as q
from models.queries import deals as deal_queries
from models.services.competitors import hashtags_in, names_in
from models.store import Store
from tests.models.helpers import account, note


def competitor(store: Store, name: str, **values: str) -> str:
    with store.write() as uow:
        return services.create_competitor(uow, name, **values)


def names(store: Store, entry: str) -> tuple[str, ...]:
    return q.entry_tags(store, entry).competitors


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("met Acme today", {"acme"}),
        ("ACME's offer is cheaper", {"acme"}),
        ("Acmes everywhere", set()),
        ("NotAcme and Acme2 do not count", set()),
        ("Acme-Corp called", {"acme"}),
        ("Solusi  Lokal and\nacme both pitched", {"acme", "solusi lokal"}),
        ("Solusi Lokalan is another firm", set()),
        ("", set()),
    ],
)
def test_names_in_matches_whole_words_only(text: str, found: set[str]) -> None:
    assert names_in(text, ["Acme", "Solusi Lokal", "C++ Shop"]) == found


def test_a_name_with_regex_characters_is_matched_literally() -> None:
    assert names_in("we lost to C++ Shop again", ["C++ Shop", "a.b"]) == {"c++ shop"}
    assert names_in("axb is not it", ["a.b"]) == set()


def test_hashtags_become_trends_once_each() -> None:
    assert hashtags_in("#AI budgets, #e-invoicing and #ai again; not a#b or ##x") == [
        "AI",
        "e-invoicing",
    ]


def test_names_are_unique_in_any_case(store: Store) -> None:
    competitor(store, "Globex")
    with pytest.raises(ValidationError, match="already on the list"):
        competitor(store, "  GLOBEX ")
    with pytest.raises(ValidationError):
        competitor(store, "   ")
    with pytest.raises(ValidationError):
        competitor(store, "Website", website="not a site")
    assert [c.name for c in q.competitors(store)] == ["Globex"]


def test_an_entry_is_tagged_with_every_competitor_it_names(store: Store) -> None:
    client = account(store)
    competitor(store, "Acme")
    competitor(store, "Globex Corp")
    both = note(store, client, "Acme and globex  corp both pitched; Acmes is not one")
    none = note(store, client, "nothing about Acmes here")
    subject_only = note(store, client, "", subject="Acme visit")
    assert names(store, both) == ("Acme", "Globex Corp")
    assert names(store, none) == ()
    assert names(store, subject_only) == ("Acme",)


def test_editing_the_text_follows_it_but_keeps_hand_tags(store: Store) -> None:
    client = account(store)
    acme, globex = competitor(store, "Acme"), competitor(store, "Globex")
    entry = note(store, client, "Acme pitched")
    with store.write() as uow:
        services.set_entry_tags(uow, entry, competitors=["Globex", "Initech"], trends=["AI"])
    assert names(store, entry) == ("Globex", "Initech")  # the hand list replaces
    assert "Initech" in [c.name for c in q.competitors(store)]  # a new name joins the list
    with store.write() as uow:
        services.update_interaction(uow, entry, body="Acme pitched again")
    assert names(store, entry) == ("Acme", "Globex", "Initech")
    with store.write() as uow:
        services.update_interaction(uow, entry, body="quiet month")
    assert names(store, entry) == ("Globex", "Initech")  # found ones follow the text
    assert q.entry_tags(store, entry).trends == ("AI",)
    assert {acme, globex} <= {c.id for c in q.competitors(store)}


def test_hand_tags_undo_and_redo(store: Store) -> None:
    client = account(store)
    competitor(store, "Acme")
    entry = note(store, client, "Acme pitched #pricing")
    assert q.entry_tags(store, entry) == q.EntryTags(("Acme",), ("pricing",))
    op = operations.run(
        store, lambda uow: services.set_entry_tags(uow, entry, competitors=[], trends=["AI"])
    )
    assert q.entry_tags(store, entry) == q.EntryTags((), ("AI",))
    op.undo(store)
    assert q.entry_tags(store, entry) == q.EntryTags(("Acme",), ("pricing",))
    op.redo(store)
    assert q.entry_tags(store, entry) == q.EntryTags((), ("AI",))


def test_entries_given_tags_when_added(store: Store) -> None:
    client = account(store)
    with store.write() as uow:
        entry = services.add_interaction(
            uow, client, body="no names here", competitors=["Hooli"], trends=["#Cloud"]
        )
    assert q.entry_tags(store, entry) == q.EntryTags(("Hooli",), ("Cloud",))
    assert [t.name for t in q.trends(store)] == ["Cloud"]


def test_heard_about_pages_newest_first_across_clients(store: Store, clock: FixedClock) -> None:
    a, b = account(store, "PT Satu"), account(store, "PT Dua")
    acme = competitor(store, "Acme")
    made = []
    for i in range(7):
        at = clock.now() - timedelta(days=10 - i)
        made.append(note(store, a if i % 2 else b, f"Acme offer {i}", at=at))
    note(store, a, "Globex only")
    first = q.heard_about(store, acme, limit=3)
    last = first[-1]
    rest = q.heard_about(store, acme, limit=10, before=(last.occurred_at, last.interaction_id))
    got = [r.interaction_id for r in first + rest]
    assert got == list(reversed(made))
    assert {r.account_name for r in first} == {"PT Satu", "PT Dua"}
    assert first[0].excerpt == "Acme offer 6"
    # an entry moved in time moves in the list (the link's time follows by trigger)
    with store.write() as uow:
        services.update_interaction(uow, made[0], occurred_at=clock.now())
    assert q.heard_about(store, acme, limit=1)[0].interaction_id == made[0]
    # entries in Trash, and entries of a client in Trash, are not listed
    with store.write() as uow:
        services.soft_delete(uow, "interaction", made[0])
        services.soft_delete(uow, "account", b)
    left = q.heard_about(store, acme, limit=50)
    assert [r.interaction_id for r in left] == [m for m in reversed(made[1:]) if m in made[1::2]]


def test_deals_won_and_lost_against_a_competitor(store: Store) -> None:
    client = account(store)
    globex = competitor(store, "Globex")
    with store.write() as uow:
        lost = services.create_deal(uow, client, "Lost one", amount_minor=500, currency="USD")
        won = services.create_deal(uow, client, "Won one", amount_minor=700, currency="USD")
        won_idr = services.create_deal(uow, client, "Won IDR", amount_minor=9, currency="IDR")
        open_ = services.create_deal(uow, client, "Open")
        other = services.create_deal(uow, client, "Not against it", stage="won")
        for deal in (won, won_idr, open_):
            services.set_deal_competitors(uow, deal, ["globex"])
        services.move_deal_stage(uow, won, "won")
        services.move_deal_stage(uow, won_idr, "won")
        services.move_deal_stage(uow, lost, "lost", lost_reason="price", lost_to="GLOBEX")
    row = q.competitor(store, globex)
    assert row is not None and (row.won, row.lost) == (2, 1)
    rec = q.record(store, globex)
    assert (rec.won, rec.lost) == (2, 1)
    assert rec.won_amounts == (q.Money("IDR", 9), q.Money("USD", 700))
    assert rec.lost_amounts == (q.Money("USD", 500),)
    against = {d.title: d for d in q.deals_against(store, globex)}
    assert set(against) == {"Lost one", "Won one", "Won IDR", "Open"}
    assert against["Lost one"].lost_to_it and not against["Won one"].lost_to_it
    assert other not in {d.id for d in against.values()}
    # the deal takes the list's spelling; the competitor is one of the deal's
    card = deal_queries.deal_cards(store, [lost]).get(lost)
    assert card is not None and card.lost_to == "Globex"
    assert q.deal_competitors_of(store, lost) == ["Globex"]
    # a deal in Trash no longer counts
    with store.write() as uow:
        services.soft_delete(uow, "deal", won)
    assert (q.record(store, globex).won, q.competitors(store)[0].won) == (1, 1)


def test_lost_to_a_new_name_adds_it_and_undo_takes_the_mark_back(store: Store) -> None:
    client = account(store)
    with store.write() as uow:
        deal = services.create_deal(uow, client, "Big one", stage="negotiation")
    op = operations.run(
        store, lambda uow: services.move_deal_stage(uow, deal, "lost", lost_to="Initech")
    )
    [initech] = q.competitors(store)
    assert (initech.name, initech.lost) == ("Initech", 1)
    op.undo(store)
    assert q.competitors(store)[0].lost == 0  # the competitor stays on the list
    op.redo(store)
    assert q.competitors(store)[0].lost == 1


def test_a_renamed_competitor_keeps_its_history(store: Store) -> None:
    client = account(store)
    acme = competitor(store, "Acme")
    old = note(store, client, "Acme is cheaper")
    with store.write() as uow:
        deal = services.create_deal(uow, client, "Deal")
        services.move_deal_stage(uow, deal, "lost", lost_to="acme")
    op = operations.run(store, lambda uow: services.update_competitor(uow, acme, name="Acme Group"))
    assert [r.interaction_id for r in q.heard_about(store, acme)] == [old]  # the link stays
    card = deal_queries.deal_cards(store, [deal]).get(deal)
    assert card is not None and card.lost_to == "Acme Group"  # deals lost to it follow
    # the new name is what new entries are matched on: whole words of "Acme Group"
    new = note(store, client, "Acme Group called")
    plain = note(store, client, "Acme called")
    assert names(store, new) == ("Acme Group",) and names(store, plain) == ()
    op.undo(store)
    card = deal_queries.deal_cards(store, [deal]).get(deal)
    assert card is not None and card.lost_to == "Acme"
    with pytest.raises(ValidationError), store.write() as uow:
        services.create_competitor(uow, "Other")
        services.update_competitor(uow, acme, name="OTHER")


def test_a_competitor_in_trash_is_not_found_and_comes_back_with_its_history(
    store: Store,
) -> None:
    client = account(store)
    acme = competitor(store, "Acme")
    before = note(store, client, "Acme pitched")
    with store.write() as uow:
        services.soft_delete(uow, "competitor", acme)
    assert q.competitors(store) == []
    assert names(store, note(store, client, "Acme again")) == ()
    with pytest.raises(ValidationError, match="in Trash"):
        competitor(store, "acme")
    with store.write() as uow:
        services.put_back(uow, "competitor", acme)
    assert [r.interaction_id for r in q.heard_about(store, acme)] == [before]
    # naming it when losing a deal also puts it back
    with store.write() as uow:
        services.soft_delete(uow, "competitor", acme)
        deal = services.create_deal(uow, client, "D")
        services.move_deal_stage(uow, deal, "lost", lost_to="ACME")
    assert [c.id for c in q.competitors(store)] == [acme]


def test_update_competitor_fields_and_undo(store: Store) -> None:
    acme = competitor(store, "Acme")
    op = operations.run(
        store,
        lambda uow: services.update_competitor(
            uow, acme, website="acme.example", notes="cheap, slow support"
        ),
    )
    row = q.competitor(store, acme)
    assert row is not None and (row.website, row.notes) == ("acme.example", "cheap, slow support")
    op.undo(store)
    row = q.competitor(store, acme)
    assert row is not None and (row.website, row.notes) == ("", "")
    with pytest.raises(ValidationError), store.write() as uow:
        services.update_competitor(uow, acme, colour="red")


def test_trends_rename_and_list(store: Store) -> None:
    client = account(store)
    entry = note(store, client, "everyone asks about #einvoice")
    [trend] = q.trends(store)
    op = operations.run(store, lambda uow: services.rename_trend(uow, trend.id, "#e-Invoicing"))
    assert q.entry_tags(store, entry).trends == ("e-Invoicing",)
    assert [r.interaction_id for r in q.heard_of_trend(store, trend.id)] == [entry]
    op.undo(store)
    assert [t.name for t in q.trends(store)] == ["einvoice"]
    with store.write() as uow:
        services.create_trend(uow, "AI")
    with pytest.raises(ValidationError), store.write() as uow:
        services.create_trend(uow, "ai")
    assert q.competitor_names(store) == []


def test_heard_pages_walk_the_link_index_without_sorting(store: Store, clock: FixedClock) -> None:
    from tests.models.test_scan_indexes import plans

    client = account(store)
    acme = competitor(store, "Acme")
    for i in range(5):
        note(store, client, f"Acme {i}", at=clock.now() - timedelta(days=i))
    first = q.heard_about(store, acme, limit=2)
    last = first[-1]
    for run in (
        lambda: q.heard_about(store, acme, limit=2),
        lambda: q.heard_about(store, acme, limit=2, before=(last.occurred_at, last.interaction_id)),
    ):
        [(_sql, plan)] = plans(store, run)
        assert "ix_interaction_competitors_heard" in plan and "TEMP B-TREE" not in plan, plan
    # a later page seeks to its place in the index, not walks the pages before it
    assert "(occurred_at,interaction_id)<(?,?)" in plan, plan
    [(_sql, plan)] = plans(store, lambda: q.record(store, acme))
    assert "ix_deal_competitors_competitor" in plan, plan
