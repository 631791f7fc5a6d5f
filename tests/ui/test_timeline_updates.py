"""The timeline updates from the changed entries alone (no page read again), pages in one
statement, and what else a selection or a save changes waits for its paint."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from models import services
from models.clock import FixedClock
from models.queries import timeline as timeline_queries
from models.rows import InteractionRow
from models.store import Changes, Store
from ui import timeline
from ui.main_window import MainWindow
from ui.timeline_model import DayHeader, TimelineModel
from ui.timeline_paint import AfterPaint


@pytest.fixture
def statements(store: Store) -> Iterator[list[str]]:
    """Every SQL statement the store's engine runs, as it runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(store.engine, "before_cursor_execute", record)


def selects(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def heard(store: Store) -> list[Changes]:
    out: list[Changes] = []
    store.subscribe(out.append)
    return out


def entries(model: TimelineModel) -> list[InteractionRow]:
    items = [model.item(i) for i in range(model.rowCount())]
    return [i for i in items if isinstance(i, InteractionRow)]


def test_a_page_is_one_statement_with_each_entrys_people_by_name(
    store: Store, clock: FixedClock, statements: list[str]
) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Acme")
        zed = services.create_contact(uow, "Zed", account_id=account)
        ana = services.create_contact(uow, "Ana", account_id=account)
        both = services.add_interaction(uow, account, body="both", contact_ids=[zed, ana])
        services.add_interaction(
            uow, account, body="nobody", occurred_at=clock.now() - timedelta(hours=1)
        )
    statements.clear()
    rows, cursor = timeline_queries.timeline_page(store, account)
    assert len(selects(statements)) == 1
    assert cursor is None
    assert [r.body for r in rows] == ["both", "nobody"]
    assert rows[0].contact_names == ("Ana", "Zed") and rows[0].contact_ids == (ana, zed)
    assert rows[1].contact_ids == () and rows[1].contact_names == ()
    found = timeline_queries.interaction(store, both)
    assert found is not None and found.contact_names == ("Ana", "Zed")
    assert timeline_queries.interaction(store, "no-such-id") is None


def test_a_new_entry_is_inserted_without_reading_the_page_again(
    store: Store, clock: FixedClock, statements: list[str]
) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Acme")
        services.add_interaction(
            uow, account, body="old", occurred_at=clock.now() - timedelta(days=3)
        )
    model = TimelineModel(store)
    model.set_account(account)
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(True))
    changes = heard(store)
    with store.write() as uow:
        new = services.add_interaction(uow, account, body="new")
    statements.clear()
    assert model.apply_changes(changes[-1]) is True
    assert resets == [] and inserted == [(0, 1)]  # today's header and the entry, on top
    assert len(selects(statements)) == 1  # the new entry alone, not the page
    assert "LIMIT" not in selects(statements)[0].upper()
    assert isinstance(model.item(0), DayHeader) and [e.body for e in entries(model)] == [
        "new",
        "old",
    ]
    assert entries(model)[0].id == new


def test_entries_removed_changed_and_put_back_update_the_list_in_place(
    store: Store, clock: FixedClock
) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Acme")
        keep = services.add_interaction(uow, account, body="keep")
        gone = services.add_interaction(
            uow, account, body="gone", occurred_at=clock.now() - timedelta(days=2)
        )
    model = TimelineModel(store)
    model.set_account(account)
    signals: list[str] = []
    model.rowsRemoved.connect(lambda *_a: signals.append("removed"))
    model.rowsInserted.connect(lambda *_a: signals.append("inserted"))
    model.dataChanged.connect(lambda *_a: signals.append("changed"))
    model.modelReset.connect(lambda: signals.append("reset"))
    changes = heard(store)
    with store.write() as uow:
        services.soft_delete(uow, "interaction", gone)
    assert model.apply_changes(changes[-1])
    assert signals == ["removed"] and model.rowCount() == 2  # its day's header went too
    with store.write() as uow:
        services.put_back(uow, "interaction", gone)
    assert model.apply_changes(changes[-1])
    assert signals[-1] == "inserted" and [e.id for e in entries(model)] == [keep, gone]
    with store.write() as uow:
        services.update_interaction(uow, keep, body="kept")
    assert model.apply_changes(changes[-1])
    assert signals[-1] == "changed" and entries(model)[0].body == "kept"
    with store.write() as uow:  # moved before the other: the list is redone
        services.update_interaction(uow, keep, occurred_at=clock.now() - timedelta(days=5))
    assert model.apply_changes(changes[-1])
    assert [e.id for e in entries(model)] == [gone, keep]
    with store.write() as uow:  # another client's entry: nothing here changes
        other = services.create_account(uow, "Other")
        services.add_interaction(uow, other, body="elsewhere")
    count = len(signals)
    assert model.apply_changes(changes[-1]) is False and len(signals) == count


def test_an_entry_older_than_the_pages_read_comes_with_paging_once(
    store: Store, clock: FixedClock
) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Busy")
        for i in range(timeline.PAGE + 5):
            services.add_interaction(
                uow, account, body=f"note {i}", occurred_at=clock.now() - timedelta(hours=i)
            )
    model = TimelineModel(store)
    model.set_account(account)
    changes = heard(store)
    with store.write() as uow:
        services.add_interaction(
            uow, account, body="very old", occurred_at=clock.now() - timedelta(days=30)
        )
    assert model.apply_changes(changes[-1]) is False
    assert model.entry_count() == timeline.PAGE
    while model.canFetchMore():
        model.fetchMore()
    bodies = [e.body for e in entries(model)]
    assert bodies.count("very old") == 1 and bodies[-1] == "very old"
    assert len(bodies) == timeline.PAGE + 6


def test_selecting_paints_the_timeline_before_the_follow_up_pane_follows(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, _watched: QObject, e: QEvent) -> bool:
            if e.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = Paints()
    window.timeline.view.viewport().installEventFilter(paints)
    qtbot.waitUntil(lambda: window.timeline.after_paint.pending == 0)
    target = sample["kopi"] if window.current_client != sample["kopi"] else sample["acme"]
    original = window.followups.set_account
    calls: list[tuple[str, int]] = []

    def set_account(account_id: str) -> None:
        calls.append((account_id, paints.count))
        original(account_id)

    monkeypatch.setattr(window.followups, "set_account", set_account)
    before = paints.count
    assert window.clients.show_client(target)
    assert window.timeline.account_id == target and window.timeline.model.entry_count() == 1
    assert window.followups.account_id != target  # not yet: after the timeline's paint
    qtbot.waitUntil(lambda: window.followups.account_id == target)
    assert len(calls) == 1 and calls[0][0] == target and calls[0][1] > before


def test_a_saved_note_shows_first_then_the_header_and_other_panes(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], statements: list[str]
) -> None:
    assert window.clients.show_client(sample["globex"])
    qtbot.waitUntil(lambda: window.timeline.after_paint.pending == 0)
    assert "last contact never" in window.timeline.header.facts.text()
    model = window.timeline.model
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    statements.clear()
    window.timeline.composer.setPlainText("called about the review")
    window.timeline.save_button.click()
    qtbot.waitUntil(lambda: model.entry_count() == 1)
    assert resets == []  # inserted, not the page read again
    page_reads = [s for s in selects(statements) if "ORDER BY interactions.occurred_at" in s]
    assert page_reads == []
    qtbot.waitUntil(lambda: "last contact just now" in window.timeline.header.facts.text())
    qtbot.waitUntil(lambda: window.timeline.after_paint.pending == 0)
    window.stack.undo()
    qtbot.waitUntil(lambda: model.entry_count() == 0)


def test_after_paint_runs_in_order_and_without_a_paint_when_hidden(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    after = AfterPaint(widget)
    ran: list[int] = []
    after.call(lambda: ran.append(1))  # hidden: no paint is coming
    after.call(lambda: ran.append(2))
    assert ran == [] and after.pending == 2
    qtbot.waitUntil(lambda: ran == [1, 2])
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: after.pending == 0)
    after.call(lambda: ran.append(3))
    widget.update()
    qtbot.waitUntil(lambda: ran == [1, 2, 3])
    after.call(lambda: ran.append(4))  # nothing repaints: it runs at the latest later
    after.call(lambda: ran.append(5), expect_paint=False)
    qtbot.waitUntil(lambda: ran == [1, 2, 3, 4, 5])
    after.call(lambda: ran.append(6))
    after.flush()
    assert ran[-1] == 6 and after.pending == 0


def test_a_new_clients_page_is_measured_a_screenful_first_then_whole(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    from PySide6.QtWidgets import QListView

    with window.store.write() as uow:
        busy = services.create_account(uow, "Busy")
        for i in range(timeline.PAGE):
            services.add_interaction(
                uow, busy, body=f"note {i}", occurred_at=clock.now() - timedelta(hours=i)
            )
    qtbot.waitUntil(lambda: window.clients.model.row_of(busy) >= 0)
    view = window.timeline.view
    assert window.clients.show_client(busy)
    assert view.layoutMode() == QListView.LayoutMode.Batched
    qtbot.waitUntil(lambda: view.layoutMode() == QListView.LayoutMode.SinglePass)
    # Scrolling to the last entry right after a selection measures the page first.
    assert window.clients.show_client(sample["acme"])
    assert window.clients.show_client(busy)
    last = window.timeline.model.index(window.timeline.model.rowCount() - 1)
    view.scrollTo(last)
    assert view.layoutMode() == QListView.LayoutMode.SinglePass
    assert view.visualRect(last).intersects(view.viewport().rect())


def test_the_last_entry_deleted_shows_the_empty_timeline_and_closing_runs_what_waits(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    from ui.commands import DeleteCommand

    assert window.clients.show_client(sample["acme"])
    qtbot.waitUntil(lambda: window.timeline.after_paint.pending == 0)
    assert window.timeline.view.isVisible() and not window.timeline.empty.isVisible()
    window.run(DeleteCommand(window.store, "Delete", [("interaction", sample["old_note"])]))
    qtbot.waitUntil(lambda: window.timeline.model.entry_count() == 0)
    assert window.timeline.empty.isVisible() and not window.timeline.view.isVisible()
    ran: list[int] = []
    window.timeline.after_paint.call(lambda: ran.append(1))
    window.close()
    assert ran == [1]
