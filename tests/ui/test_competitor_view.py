"""View ▸ Competitors: the list with won and lost counts, what was heard about the
selected competitor across clients (newest first, with client and date), its deals;
adding, editing and moving one to Trash with undo; the lost dialog picking a competitor
from the list; an entry's competitors set by hand in the entry dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries import competitors as q
from models.queries import deals as deal_queries
from models.store import Store
from ui.competitors import models as view_models
from ui.competitors.editor import CompetitorDialog
from ui.competitors.view import CompetitorView
from ui.forms.entry import InteractionDialog
from ui.main_window import MainWindow
from ui.pipeline.lost_dialog import LostDialog


def seed(store: Store, clock: FixedClock, sample: dict[str, str]) -> dict[str, str]:
    now = clock.now()
    ids: dict[str, str] = {}
    with store.write() as uow:
        ids["globex"] = services.create_competitor(uow, "Globex", website="globex.example")
        ids["hooli"] = services.create_competitor(uow, "Hooli")
        ids["old"] = services.add_interaction(
            uow, sample["kopi"], body="Globex offered 10% off", occurred_at=now - timedelta(days=9)
        )
        ids["new"] = services.add_interaction(
            uow, sample["acme"], subject="Lunch", body="globex is hiring our champion",
            occurred_at=now - timedelta(days=1),
        )  # fmt: skip
        ids["won"] = services.create_deal(
            uow, sample["acme"], "Renewal", amount_minor=250_000, currency="USD"
        )
        services.set_deal_competitors(uow, ids["won"], ["Globex"])
        services.move_deal_stage(uow, ids["won"], "won")
        ids["lost"] = services.create_deal(uow, sample["kopi"], "Pilot", amount_minor=90_000)
        services.move_deal_stage(uow, ids["lost"], "lost", lost_reason="price", lost_to="globex")
    return ids


def test_the_view_lists_competitors_and_what_was_heard(
    window: MainWindow, qtbot: QtBot, store: Store, clock: FixedClock, sample: dict[str, str]
) -> None:
    ids = seed(store, clock, sample)
    action = window.actions_["actionCompetitors"]
    assert action in window.actions_.menus["view"].actions()
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    action.trigger()
    view = window.competitor_actions.view
    assert isinstance(view, CompetitorView) and view.isVisible()
    assert view.objectName() == "competitorView"
    model = view.list_model
    shown = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
    assert shown == [("Globex", "1", "1"), ("Hooli", "0", "0")]
    assert view.select(ids["globex"])
    heard = view.heard_model
    assert [r.interaction_id for r in heard.rows] == [ids["new"], ids["old"]]
    assert heard.index(0, 1).data() == "Acme Corp"
    assert heard.index(1, 1).data() == "PT Kopi Nusantara"
    assert "Lunch" in heard.index(0, 3).data()
    assert view.title.text() == "Globex" and "globex.example" in view.about.text()
    record = view.findChild(QLabel, "competitorRecord").text()
    assert "1" in record and "2,500.00" in record  # won 1 (US$2,500.00), lost 1
    outcomes = {view.deals_model.index(r, 0).data(): view.deals_model.index(r, 2).data()
                for r in range(view.deals_model.rowCount())}  # fmt: skip
    assert outcomes == {"Renewal": "Won", "Pilot": "Lost to it"}
    # a new entry elsewhere shows up at the top of the open view
    with store.write() as uow:
        newest = services.add_interaction(uow, sample["globex"], body="GLOBEX again")
    qtbot.waitUntil(lambda: heard.rows[0].interaction_id == newest)
    # Enter on an entry shows it in its client's timeline
    view.heard.setCurrentIndex(heard.index(1, 0))
    qtbot.keyClick(view.heard, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_client == sample["acme"])
    assert window.timeline.current_entry() == ids["new"]
    # Hooli: nothing heard yet
    assert view.select(ids["hooli"])
    assert heard.rowCount() == 0 and view.deals_model.rowCount() == 0


def test_add_edit_and_trash_with_undo(
    window: MainWindow, qtbot: QtBot, store: Store, clock: FixedClock, sample: dict[str, str]
) -> None:
    seed(store, clock, sample)
    view = window.competitor_actions.show_view()
    dialog = view.add()
    assert isinstance(dialog, CompetitorDialog)
    qtbot.keyClicks(dialog.name, "  hooli ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.findChild(QLabel, "error_name")
    assert dialog.isVisible() and error.isVisible() and "already" in error.text()
    assert dialog.name.text() == "  hooli "  # nothing typed is lost
    dialog.name.setText("Initech")
    dialog.website.setText("initech example")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.findChild(QLabel, "error_website").isVisible()
    dialog.website.setText("initech.example")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: view.title.text() == "Initech")
    assert "Initech" in window.stack.undoText()
    edit = view.edit()
    assert edit is not None and edit.name.text() == "Initech"
    edit.notes.setPlainText("Cheap; weak support")
    edit.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "weak support" in view.about.text())
    # Delete moves it to Trash; Ctrl+Z (the shared stack) puts it back
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Initech" not in [r.name for r in view.list_model.rows])
    window.stack.undo()
    qtbot.waitUntil(lambda: "Initech" in [r.name for r in view.list_model.rows])
    row = q.competitors(store)
    assert [r.notes for r in row if r.name == "Initech"] == ["Cheap; weak support"]


def test_the_lost_dialog_picks_from_the_list(qtbot: QtBot) -> None:
    dialog = LostDialog("Pilot", None, ["Globex", "Hooli"])
    qtbot.addWidget(dialog)
    completer = dialog.competitor.completer()
    assert completer is not None
    completer.setCompletionPrefix("glo")
    assert completer.currentCompletion() == "Globex"
    qtbot.keyClicks(dialog.competitor, "GLOBEX")
    assert "Globex" in dialog.hint.text() and "new" not in dialog.hint.text()
    dialog.competitor.setText("Initech")
    assert "new competitor" in dialog.hint.text().lower()
    dialog.competitor.clear()
    assert dialog.hint.text() == ""


def test_losing_on_the_board_links_the_competitor_on_the_list(
    window: MainWindow, qtbot: QtBot, store: Store, clock: FixedClock, sample: dict[str, str]
) -> None:
    ids = seed(store, clock, sample)
    with store.write() as uow:
        deal = services.create_deal(uow, sample["globex"], "Big", stage="negotiation")
    board = window.pipeline_actions.show_board().board
    board.ask_lost = lambda _card: ("features", "  hooli ")
    assert board.move_deal(deal, "lost")
    card = deal_queries.deal_cards(store, [deal])[deal]
    assert card.lost_to == "Hooli"  # the list's spelling, not a second Hooli
    rows = {r.name: (r.won, r.lost) for r in q.competitors(store)}
    assert rows == {"Globex": (1, 1), "Hooli": (0, 1)}
    view = window.competitor_actions.show_view()
    assert view.select(ids["hooli"])
    assert [view.deals_model.index(r, 0).data() for r in range(view.deals_model.rowCount())] == [
        "Big"
    ]


def test_the_entry_dialog_shows_and_sets_competitors_and_trends(
    window: MainWindow, qtbot: QtBot, store: Store, clock: FixedClock, sample: dict[str, str]
) -> None:
    ids = seed(store, clock, sample)
    dialog = InteractionDialog(store, window.stack, interaction_id=ids["old"], parent=window)
    qtbot.addWidget(dialog)
    assert dialog.competitors.text() == "Globex" and dialog.trends.text() == ""
    dialog.competitors.setText("Globex, Hooli")
    dialog.trends.setText("discounting")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert q.entry_tags(store, ids["old"]) == q.EntryTags(("Globex", "Hooli"), ("discounting",))
    window.stack.undo()
    assert q.entry_tags(store, ids["old"]) == q.EntryTags(("Globex",), ())
    # a new entry left alone is tagged from its text
    new = InteractionDialog(store, window.stack, account_id=sample["acme"], parent=window)
    qtbot.addWidget(new)
    new.body.setPlainText("Hooli demo next week #AI")
    new.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    [entry] = [r for r in q.heard_about(store, ids["hooli"])]
    assert q.entry_tags(store, entry.interaction_id) == q.EntryTags(("Hooli",), ("AI",))


def test_heard_pages_arrive_as_the_list_scrolls(
    qtmodeltester: ModelTester,
    store: Store,
    clock: FixedClock,
    sample: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(view_models, "PAGE", 3)
    with store.write() as uow:
        acme = services.create_competitor(uow, "Acme")
        made = [
            services.add_interaction(
                uow, sample["kopi"], body=f"Acme {i}", occurred_at=clock.now() - timedelta(hours=i)
            )
            for i in range(7)
        ]
    model = view_models.HeardModel(store)
    model.show(acme)
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert not model.canFetchMore()
    assert [r.interaction_id for r in model.rows] == made  # newest first, none twice
    qtmodeltester.check(model)


def test_hostile_names_show_as_text_and_long_ones_are_refused(
    qtbot: QtBot, store: Store, window: MainWindow
) -> None:
    from ui.display import visible

    name = "<b>Evil</b> \u202eCorp"
    with store.write() as uow:
        services.create_competitor(uow, name)
    view = window.competitor_actions.show_view()
    assert view.list_model.index(0, 0).data() == visible(name) != name
    assert view.title.textFormat() == Qt.TextFormat.PlainText
    assert view.title.text() == visible(name)
    dialog = view.add()
    dialog.name.setMaxLength(1000)  # pasted around the field's own limit
    dialog.name.setText("x" * 201)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.findChild(QLabel, "error_name")
    assert error.isVisible() and "200" in error.text()
    dialog.name.setText("   ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "needs a name" in error.text()
    assert [r.name for r in q.competitors(store)] == [name]
