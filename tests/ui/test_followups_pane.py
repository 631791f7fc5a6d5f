"""The follow-ups pane in the window: snooze from the button and the context menu,
edit by double-click, long sections cut with a count, high priority marked, the
selection kept across updates."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from models import services
from models.clock import FixedClock
from models.queries import followups as followup_queries
from models.store import Changes, Store
from tests.ui.user import Script, click
from ui.followup_delegate import ClientRole
from ui.followup_model import AccountRole, SectionRole
from ui.followups import SECTION_ROWS, FollowUpsPane, snooze_choices
from ui.main_window import MainWindow


def snoozed_until(window: MainWindow, followup_id: str) -> datetime | None:
    row = followup_queries.followup(window.store, followup_id)
    assert row is not None
    return row.snoozed_until


def point_of(pane: FollowUpsPane, followup_id: str) -> QPoint:
    index = pane.index_for(followup_id)
    assert index is not None
    return pane.view.visualRect(index).center()


def right_click(pane: FollowUpsPane, where: QPoint) -> None:
    """What a right click (or the menu key) on the list sends."""
    viewport = pane.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where))
    QApplication.sendEvent(viewport, event)


def test_snooze_choices_are_local_working_hours() -> None:
    now = datetime(2026, 11, 24, 2, 30, tzinfo=UTC)  # a Tuesday
    choices = snooze_choices(now)
    assert choices["later"] - now == timedelta(hours=3)
    local = now.astimezone()
    tomorrow = choices["tomorrow"].astimezone(local.tzinfo)
    assert tomorrow.date() == local.date() + timedelta(days=1) and tomorrow.time() == time(9)
    monday = choices["next_week"].astimezone(local.tzinfo)
    assert monday.weekday() == 0 and monday.time() == time(9)
    assert 1 <= (monday.date() - local.date()).days <= 7


def test_snooze_button_snoozes_the_selected_follow_up(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    pane = window.followups
    pane.show_followup(sample["soon"])
    assert pane.current_id() == sample["soon"]
    script = Script().menu("Tomorrow morning")
    with script:
        qtbot.mouseClick(pane.snooze_button, Qt.MouseButton.LeftButton)
    assert script.done and script.unexpected == []
    assert script.seen == [
        "Later today (3 hours)\nTomorrow morning\nNext week (Monday)\nPick a date…"
    ]
    expected = snooze_choices(clock.now())["tomorrow"]
    assert snoozed_until(window, sample["soon"]) == expected
    qtbot.waitUntil(lambda: sample["soon"] in pane.section_ids("upcoming"))
    assert pane.current_id() == sample["soon"]  # still selected where it moved
    assert window.stack.undoText() == "Snooze “Call Budi back”"


def test_snooze_entries_are_disabled_without_a_selection(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.followups
    pane.view.setCurrentIndex(pane.model.index(0, 0))  # a section title, not a follow-up
    assert pane.current_id() == ""
    pane.snooze_menu.popup(pane.snooze_button.mapToGlobal(QPoint(0, 0)))
    try:
        entries = [a for a in pane.snooze_menu.actions() if a.text()]
        assert len(entries) == 4 and not any(a.isEnabled() for a in entries)
    finally:
        pane.snooze_menu.close()


def test_context_menu_snoozes_to_a_picked_date(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    pane = window.followups
    pick = snooze_choices(clock.now())["tomorrow"] + timedelta(days=10)

    def pick_the_date(dialog: object) -> None:
        assert isinstance(dialog, QDialog)
        edit = dialog.findChild(QDateTimeEdit)
        assert edit is not None
        tomorrow = snooze_choices(clock.now())["tomorrow"]
        assert edit.dateTime().toSecsSinceEpoch() == int(tomorrow.timestamp())  # 09:00
        edit.setDateTime(edit.dateTime().addDays(10))
        click("OK")(dialog)

    script = Script().menu("Snooze", "Pick a date…").dialog(pick_the_date)
    where = point_of(pane, sample["overdue"])
    with script:
        right_click(pane, where)
    assert script.done and script.unexpected == []
    assert script.seen[0] == "Edit…\nSnooze\nNew follow-up…"
    assert "Snooze until" in script.seen[1]
    assert snoozed_until(window, sample["overdue"]) == pick
    qtbot.waitUntil(lambda: pane.section_titles("overdue") == [])


def test_picking_no_date_snoozes_nothing(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    pane = window.followups
    steps = window.stack.count()
    script = Script().menu("Snooze", "Pick a date…").dialog(click("Cancel"))
    with script:
        right_click(pane, point_of(pane, sample["overdue"]))
    assert script.done and script.unexpected == []
    assert snoozed_until(window, sample["overdue"]) is None
    assert window.stack.count() == steps


def visible_followup_dialog(window: MainWindow) -> QDialog:
    shown = [d for d in window.findChildren(QDialog, "followUpDialog") if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_context_menu_edit_and_new(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    pane = window.followups
    with Script().menu("Edit…") as script:
        right_click(pane, point_of(pane, sample["later"]))
    assert script.done and script.unexpected == []
    qtbot.waitUntil(lambda: bool(window.findChildren(QDialog, "followUpDialog")))
    dialog = visible_followup_dialog(window)
    assert dialog.windowTitle() == "Edit follow-up"
    title = dialog.findChild(QLineEdit)
    assert title is not None and title.text() == "Quarterly review"
    dialog.reject()

    window.clients.show_client(sample["globex"])
    # On empty space: only "New follow-up…", for the selected client.
    below = QPoint(5, pane.view.viewport().height() - 5)
    assert not pane.view.indexAt(below).isValid()
    with Script().menu("New follow-up…") as script:
        right_click(pane, below)
    assert script.done and script.unexpected == [] and script.seen == ["New follow-up…"]
    qtbot.waitUntil(lambda: visible_followup_dialog(window).windowTitle() == "New follow-up")
    visible_followup_dialog(window).reject()


def test_double_click_edits_the_follow_up(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    pane = window.followups
    where = point_of(pane, sample["soon"])
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = visible_followup_dialog(window)
    title = dialog.findChild(QLineEdit)
    assert title is not None and title.text() == "Call Budi back"
    dialog.reject()


def test_a_long_section_reads_its_first_page_then_the_next_when_scrolled(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    with window.store.write() as uow:
        for i in range(SECTION_ROWS + 4):
            services.create_followup(
                uow, sample["globex"], f"Task {i:03}", clock.now() + timedelta(days=2, minutes=i)
            )
    pane = window.followups
    qtbot.waitUntil(lambda: len(pane.section_ids("upcoming")) == SECTION_ROWS)
    section = pane.model.section_index("upcoming")
    # Counted once the rows are shown: "100+" until then.
    assert section.data() in (f"Upcoming  ({SECTION_ROWS}+)", f"Upcoming  ({SECTION_ROWS + 5})")
    qtbot.waitUntil(lambda: section.data() == f"Upcoming  ({SECTION_ROWS + 5})")  # 104 + 1
    assert pane.model.rowCount(section) == SECTION_ROWS
    assert pane.model.more_to_read(section)
    # Dates are formatted as rows are drawn: the rows out of view are not.
    qtbot.wait(50)
    assert 0 < pane.model.formatted < SECTION_ROWS
    # Scrolling to the section's last row reads the next page.
    fetched = pane.model.rows_fetched
    last = pane.model.index(SECTION_ROWS - 1, 0, section)
    pane.view.scrollTo(last)
    qtbot.waitUntil(lambda: len(pane.section_ids("upcoming")) == SECTION_ROWS + 5)
    assert pane.model.rows_fetched - fetched == 5
    assert not pane.model.more_to_read(section)
    assert len(set(pane.section_ids("upcoming"))) == SECTION_ROWS + 5  # none twice
    assert "Task 103" in pane.section_titles("upcoming")
    # One client's follow-ups: the first page of that client's.
    window.clients.show_client(sample["globex"])
    qtbot.waitUntil(lambda: pane.account_id == sample["globex"])
    pane.scope.setChecked(False)
    assert len(pane.section_ids("upcoming")) >= SECTION_ROWS
    assert pane.section_titles("upcoming")[0] == "Task 000"
    accounts = {i.data(AccountRole) for i in pane._section_rows("upcoming")}
    assert accounts == {sample["globex"]}


def test_high_priority_is_marked(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    with window.store.write() as uow:
        urgent = services.create_followup(
            uow, sample["acme"], "Urgent renewal", clock.now() + timedelta(days=1), priority=2
        )
    pane = window.followups
    qtbot.waitUntil(lambda: pane.index_for(urgent) is not None)
    item = pane.index_for(urgent)
    normal = pane.index_for(sample["later"])
    assert item is not None and normal is not None
    assert item.data(Qt.ItemDataRole.FontRole).bold()
    assert not item.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert normal.data(Qt.ItemDataRole.FontRole) is None
    assert normal.data(Qt.ItemDataRole.DecorationRole) is None


def test_selection_is_kept_when_other_follow_ups_change(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    pane = window.followups
    pane.show_followup(sample["later"])
    with window.store.write() as uow:
        new = services.create_followup(
            uow, sample["kopi"], "Another one", clock.now() + timedelta(days=1)
        )
    qtbot.waitUntil(lambda: new in pane.section_ids("upcoming"))
    assert pane.current_id() == sample["later"]
    assert pane.section_titles("no such section") == []


LONG_TITLE = "Send the signed renewal contract and the revised price list"
LONG_CLIENT = "PT Harapan Sejahtera Abadi Logistik"


def test_rows_show_the_client_elided_with_the_whole_in_the_tooltip(
    window: MainWindow, qtbot: QtBot, clock: FixedClock
) -> None:
    with window.store.write() as uow:
        acc = services.create_account(uow, LONG_CLIENT)
        fid = services.create_followup(
            uow, acc, LONG_TITLE, clock.now() + timedelta(days=2), all_day=False, priority=2
        )
    window.resize(1366, 768)
    pane = window.followups
    qtbot.waitUntil(lambda: pane.index_for(fid) is not None)
    item = pane.index_for(fid)
    assert item is not None
    title = item
    due = title.siblingAtColumn(1)
    assert title.data() == LONG_TITLE and title.data(ClientRole) == LONG_CLIENT
    # The title (and the client under it) has most of the pane; both elide at the right.
    view = pane.view
    assert view.columnWidth(0) > 0.55 * view.viewport().width()
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    section_height = view.visualRect(title.parent()).height()
    assert view.visualRect(title).height() >= section_height + 8  # two lines
    tip = str(title.data(Qt.ItemDataRole.ToolTipRole))
    assert LONG_TITLE in tip and f"Client: {LONG_CLIENT}" in tip and "Due: " in tip
    assert "High priority (bold, with a bell)" in tip
    assert due.data(Qt.ItemDataRole.ToolTipRole) == tip
    # The client's name is drawn under the title: the row's second line has ink.
    image = view.viewport().grab().toImage()
    rect = view.visualRect(title)
    y_client = rect.bottom() - 5
    background = image.pixelColor(rect.right() - 2, y_client)
    line = [
        image.pixelColor(x, y)
        for x in range(rect.left() + 40, rect.left() + 200)
        for y in range(rect.center().y() + 2, rect.bottom() - 1)
    ]
    assert any(c != background for c in line)
    # One client shown: its name is not repeated on every row.
    pane.set_all_clients(False)
    window.clients.show_client(acc)
    qtbot.waitUntil(lambda: pane.index_for(fid) is not None)
    item = pane.index_for(fid)
    assert item is not None and item.data(ClientRole) is None


def test_legend_explains_bold_the_bell_and_the_tint(window: MainWindow) -> None:
    legend = window.followups.legend
    assert legend.isVisible()
    assert "Bold with a bell: high priority" in legend.text()
    assert "selected client" in legend.text()


def test_selected_clients_items_are_listed_first_and_tinted(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    with window.store.write() as uow:
        for day in range(1, 4):  # other clients' items due before the selected one's
            services.create_followup(
                uow,
                sample["acme"],
                f"Acme {day}",
                clock.now() + timedelta(days=day),
                all_day=False,
            )
    pane = window.followups
    qtbot.waitUntil(lambda: len(pane.section_ids("upcoming")) == 4)
    assert pane.section_titles("upcoming")[0] == "Acme 1"
    window.clients.show_client(sample["globex"])
    qtbot.waitUntil(lambda: pane.section_titles("upcoming")[0] == "Quarterly review")
    assert pane.all_clients  # every client's still listed, after the selected one's
    assert pane.section_titles("upcoming")[1:] == ["Acme 1", "Acme 2", "Acme 3"]
    mine = pane.index_for(sample["later"])
    other = pane.index_for(pane.section_ids("upcoming")[1])
    assert mine is not None and other is not None
    assert mine.data(Qt.ItemDataRole.BackgroundRole).style() != Qt.BrushStyle.NoBrush
    assert other.data(Qt.ItemDataRole.BackgroundRole) is None
    # Drawn as such on the real window: the tinted row's pixels differ from the others'.
    view = pane.view
    image = view.viewport().grab().toImage()
    mine_rect = view.visualRect(mine)
    other_rect = view.visualRect(other)
    x = mine_rect.right() - 4
    assert image.pixelColor(x, mine_rect.center().y()) != image.pixelColor(
        x, other_rect.center().y()
    )


Read = tuple[str, "str | None"]


def recording(monkeypatch: pytest.MonkeyPatch) -> list[Read]:
    """Every bucket page and count the pane reads: (bucket, client or None for all)."""
    reads: list[Read] = []
    page, count = followup_queries.bucket_page, followup_queries.bucket_count

    def page_(store: Store, bucket: str, **kw: Any) -> Any:
        reads.append((bucket, kw.get("account_id")))
        return page(store, bucket, **kw)

    def count_(store: Store, bucket: str, **kw: Any) -> int:
        reads.append((bucket, kw.get("account_id")))
        return count(store, bucket, **kw)

    monkeypatch.setattr(followup_queries, "bucket_page", page_)
    monkeypatch.setattr(followup_queries, "bucket_count", count_)
    return reads


def test_selecting_a_client_reads_that_clients_rows_alone(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.followups
    assert pane.all_clients
    reads = recording(monkeypatch)
    window.clients.show_client(sample["globex"])
    qtbot.waitUntil(lambda: pane.account_id == sample["globex"])
    assert reads and {client for _bucket, client in reads} == {sample["globex"]}
    assert pane.section_titles("upcoming")[0] == "Quarterly review"
    assert set(pane.section_titles("overdue")) == {"Send proposal"}  # others still listed
    # One client's mode: selecting reads that client's sections, never every client's.
    pane.set_all_clients(False)
    reads.clear()
    window.clients.show_client(sample["kopi"])
    qtbot.waitUntil(lambda: pane.account_id == sample["kopi"])
    assert reads and {client for _bucket, client in reads} == {sample["kopi"]}
    assert pane.section_titles("today") == ["Call Budi back"]
    assert pane.section_titles("overdue") == []


class Moves:
    """Rows the follow-up model removed and inserted, by section key, and the SQL
    statements the pane ran while applying a change (a SQLAlchemy event listener on
    the store's engine)."""

    def __init__(self, pane: FollowUpsPane, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pane = pane
        self.applying = False
        apply = pane.apply_changes

        def applying(changes: Changes) -> None:
            self.applying = True
            try:
                apply(changes)
            finally:
                self.applying = False

        monkeypatch.setattr(pane, "apply_changes", applying)
        self.removed: list[tuple[str, int, int]] = []
        self.inserted: list[tuple[str, int, int]] = []
        self.statements: list[str] = []
        self.resets = 0
        model = pane.model
        model.rowsRemoved.connect(lambda p, a, b: self.removed.append((self._key(p), a, b)))
        model.rowsInserted.connect(lambda p, a, b: self.inserted.append((self._key(p), a, b)))
        model.modelReset.connect(self._reset)
        event.listen(pane.store.engine, "before_cursor_execute", self._statement)

    def _key(self, parent: QModelIndex) -> str:
        return str(parent.data(SectionRole))

    def _reset(self) -> None:
        self.resets += 1

    def _statement(self, _conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        if self.applying and sql.lstrip().upper().startswith("SELECT"):
            self.statements.append(" ".join(sql.split()))

    def clear(self) -> None:
        self.removed.clear()
        self.inserted.clear()
        self.statements.clear()

    def close(self) -> None:
        event.remove(self.pane.store.engine, "before_cursor_execute", self._statement)


def test_completing_moves_exactly_one_row_and_reads_no_section(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.followups
    reads = recording(monkeypatch)
    moves = Moves(pane, monkeypatch)
    pane.show_followup(sample["later"])
    assert pane.model.section_index("overdue").data() == "Overdue  (1)"
    assert pane.model.section_index("done").data() == "Done (last 7 days)  (0)"
    window.followup_actions.complete(sample["overdue"], True)
    qtbot.waitUntil(lambda: pane.section_titles("done") == ["Send proposal"])
    assert reads == []  # no section read again, nothing counted
    # One query: the changed row and its bucket (its client's name comes with it).
    assert len(moves.statements) == 1 and "FROM follow_ups" in moves.statements[0]
    assert moves.removed == [("overdue", 0, 0)] and moves.inserted == [("done", 0, 0)]
    assert moves.resets == 0
    assert pane.section_titles("overdue") == []
    assert pane.model.section_index("overdue").data() == "Overdue  (0)"
    assert pane.model.section_index("done").data() == "Done (last 7 days)  (1)"
    assert pane.current_id() == sample["later"]  # the selection stays
    # Undo puts it back where it was, again a row out and a row in.
    moves.clear()
    window.stack.undo()
    qtbot.waitUntil(lambda: pane.section_titles("overdue") == ["Send proposal"])
    assert reads == []
    assert moves.removed == [("done", 0, 0)] and moves.inserted == [("overdue", 0, 0)]
    assert pane.section_titles("done") == []
    assert pane.model.section_index("overdue").data() == "Overdue  (1)"
    moves.close()


def test_a_note_on_a_listed_client_reads_nothing_a_rename_rereads_its_sections(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.followups
    window.clients.show_client(sample["globex"])
    qtbot.waitUntil(lambda: pane.account_id == sample["globex"])
    qtbot.waitUntil(lambda: pane.section_titles("upcoming")[:1] == ["Quarterly review"])
    reads = recording(monkeypatch)
    window.record_actions.save_note("note", "called about the review")
    qtbot.waitUntil(lambda: window.timeline.model.entry_count() == 1)
    qtbot.wait(20)
    assert reads == []  # its last contact changed, not what the pane shows
    with window.store.write() as uow:
        services.update_account(uow, sample["globex"], name="Globex Holdings")
    qtbot.waitUntil(lambda: reads != [])
    assert {bucket for bucket, _client in reads} == {"upcoming"}
    index = pane.index_for(sample["later"])
    assert index is not None and index.data(ClientRole) == "Globex Holdings"


def test_completing_in_a_long_section_keeps_its_pages_and_count_right(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    with window.store.write() as uow:
        tasks = [
            services.create_followup(
                uow, sample["globex"], f"Task {i:03}", clock.now() + timedelta(days=2, minutes=i)
            )
            for i in range(SECTION_ROWS + 4)
        ]
    pane = window.followups
    section = pane.model.section_index("upcoming")
    qtbot.waitUntil(lambda: section.data() == f"Upcoming  ({SECTION_ROWS + 5})")
    reads = recording(monkeypatch)
    # A row read: out of Upcoming, into Done, both counts by one, nothing read again.
    window.followup_actions.complete(tasks[0], True)
    qtbot.waitUntil(lambda: pane.section_titles("done") == ["Task 000"])
    assert section.data() == f"Upcoming  ({SECTION_ROWS + 4})"
    assert reads == []
    assert pane.section_titles("upcoming")[0] == "Task 001"
    # A row past those read: it left Upcoming unseen, which is counted again (once).
    clock.advance(timedelta(seconds=1))  # done later than the first (no tie in Done)
    window.followup_actions.complete(tasks[-1], True)
    qtbot.waitUntil(lambda: pane.section_titles("done")[:1] == [f"Task {SECTION_ROWS + 3:03}"])
    assert reads == [] and section.data() == f"Upcoming  ({SECTION_ROWS + 4})"  # until then
    qtbot.waitUntil(lambda: section.data() == f"Upcoming  ({SECTION_ROWS + 3})")
    assert reads == [("upcoming", None)]
    assert pane.model.section_index("done").data() == "Done (last 7 days)  (2)"
    # The next page starts where the rows held end: every row once, none missed.
    reads.clear()
    pane.view.scrollTo(pane.model.index(pane.model.rowCount(section) - 1, 0, section))
    qtbot.waitUntil(lambda: not pane.model.more_to_read(section))
    expected = followup_queries.bucket_page(window.store, "upcoming", limit=1000)
    assert pane.section_ids("upcoming") == [r.id for r in expected]
    assert len(expected) == SECTION_ROWS + 3


def test_a_row_tied_with_another_reads_its_section_again(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    due = clock.now() + timedelta(days=3)
    with window.store.write() as uow:
        twins = [services.create_followup(uow, sample["acme"], "Twin", due) for _ in range(2)]
    pane = window.followups
    qtbot.waitUntil(lambda: pane.section_titles("upcoming").count("Twin") == 2)
    order = pane.section_ids("upcoming")
    window.followup_actions.complete(twins[1], True)
    qtbot.waitUntil(lambda: pane.section_titles("done") == ["Twin"])
    reads = recording(monkeypatch)
    window.stack.undo()  # back among the rows, tied with its twin: SQLite knows the order
    qtbot.waitUntil(lambda: pane.section_titles("upcoming").count("Twin") == 2)
    assert ("upcoming", None) in reads
    assert pane.section_ids("upcoming") == order


def test_selected_clients_rows_move_among_those_listed_first(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str], clock: FixedClock
) -> None:
    with window.store.write() as uow:
        first = services.create_followup(
            uow, sample["globex"], "Early call", clock.now() + timedelta(days=4), all_day=False
        )
        services.create_followup(
            uow, sample["acme"], "Acme thing", clock.now() + timedelta(days=1), all_day=False
        )
    pane = window.followups
    window.clients.show_client(sample["globex"])
    qtbot.waitUntil(lambda: pane.account_id == sample["globex"])
    qtbot.waitUntil(
        lambda: pane.section_titles("upcoming") == ["Early call", "Quarterly review", "Acme thing"]
    )
    window.followup_actions.complete(first, True)
    qtbot.waitUntil(lambda: pane.section_titles("upcoming") == ["Quarterly review", "Acme thing"])
    window.stack.undo()
    qtbot.waitUntil(
        lambda: pane.section_titles("upcoming") == ["Early call", "Quarterly review", "Acme thing"]
    )
    # Snoozed past the other client's: still listed first, being the selected client's.
    window.followup_actions.snooze(first, clock.now() + timedelta(days=9))
    qtbot.waitUntil(
        lambda: pane.section_titles("upcoming") == ["Quarterly review", "Early call", "Acme thing"]
    )


def test_rows_are_two_lines_with_every_clients_and_one_with_a_clients(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    """Row heights are kept by what they depend on: the client's line comes and goes
    with the mode."""
    pane = window.followups
    window.clients.show_client(sample["kopi"])
    qtbot.waitUntil(lambda: pane.account_id == sample["kopi"])

    def height() -> int:
        index = pane.index_for(sample["soon"])
        assert index is not None
        return pane.view.visualRect(index).height()

    qtbot.waitUntil(lambda: height() > 0)
    both = height()
    pane.set_all_clients(False)
    qtbot.waitUntil(lambda: 0 < height() < both)
    pane.set_all_clients(True)
    qtbot.waitUntil(lambda: height() == both)
