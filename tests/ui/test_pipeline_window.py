"""The pipeline and account health in the main window: View ▸ Pipeline shares the undo
stack and follows changes; the client list's health column sorts; the header card
shows the health line with its reasons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models import services
from models.queries import clients as client_queries
from models.queries.health import account_health
from ui.client_list import COLUMNS
from ui.main_window import MainWindow


def test_view_pipeline_opens_the_board_and_undo_in_the_main_window_reverts_a_move(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    with window.store.write() as uow:
        deal = services.create_deal(
            uow, sample["acme"], "Board deal", stage="lead", expected_close=date(2026, 12, 1)
        )
    action = window.actions_["actionPipeline"]
    assert action in window.actions_.menus["view"].actions()
    action.trigger()
    pipeline = window.pipeline_actions.window
    assert pipeline is not None and pipeline.isVisible()
    board = pipeline.board
    assert board.objectName() == "pipelineBoard"
    assert [c.id for c in board.columns["lead"].model.cards()] == [deal]
    board.select(deal)
    qtbot.keyClick(
        board.columns["lead"].view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
    )
    assert client_queries.deal(window.store, deal).stage == "qualified"  # type: ignore[union-attr]
    assert window.stack.canUndo() and "Board deal" in window.stack.undoText()
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: [c.id for c in board.columns["lead"].model.cards()] == [deal])
    assert client_queries.deal(window.store, deal).stage == "lead"  # type: ignore[union-attr]
    # A change made elsewhere (a new deal) shows up on the open board and in the list.
    with window.store.write() as uow:
        other = services.create_deal(uow, sample["kopi"], "Elsewhere", stage="demo")
    qtbot.waitUntil(lambda: [c.id for c in board.columns["demo"].model.cards()] == [other])
    pipeline.tabs.setCurrentIndex(1)
    assert pipeline.deals.model_.total == 2


def test_double_click_on_the_board_opens_the_deal_dialog(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    with window.store.write() as uow:
        deal = services.create_deal(uow, sample["acme"], "Open me", stage="proposal")
    pipeline = window.pipeline_actions.show_board()
    with qtbot.waitSignal(pipeline.open_deal):
        pipeline.board.open_deal.emit(deal)
    dialog = pipeline.findChild(object, "dealDialog")
    assert dialog is not None
    assert dialog.title_edit.text() == "Open me"  # type: ignore[attr-defined]
    dialog.reject()  # type: ignore[attr-defined]


def test_client_list_health_column_sorts_and_explains(
    window: MainWindow, sample: dict[str, str]
) -> None:
    pane = window.clients
    column = COLUMNS.index("health")
    pane.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    model = pane.model
    scores = [int(model.data(model.index(r, column))) for r in range(model.rowCount())]
    assert scores == sorted(scores) and len(scores) == 3
    expected = {
        h.account_id: h.score
        for h in (account_health(window.store, i) for i in (sample["acme"], sample["kopi"]))
        if h is not None
    }
    shown = {model.row(model.index(r, 0)).id: s for r, s in enumerate(scores)}
    assert {k: shown[k] for k in expected} == expected
    tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Health ") and "•" in tip
    assert str(model.headerData(column, Qt.Orientation.Horizontal)) == "Health"
    window.save_settings()
    assert window.settings.sort_column == "health"


def test_header_card_shows_the_health_line_with_reasons(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    window.jump_to(sample["acme"])
    qtbot.waitUntil(lambda: window.timeline.account_id == sample["acme"])
    line = window.timeline.header.health
    assert line.isVisible()  # its place kept while it is read, after the timeline paints
    qtbot.waitUntil(lambda: line.text().startswith("Health"))
    h = account_health(window.store, sample["acme"])
    assert h is not None
    assert line.text().startswith(f"Health {h.score}/100")
    assert "Overdue follow-ups: 1" in line.text()  # the overdue proposal takes points off
    assert line.toolTip().count("•") == 4
    # Completing the overdue follow-up raises the score on the line.
    with window.store.write() as uow:
        services.complete_followup(uow, sample["overdue"])
    qtbot.waitUntil(lambda: "Overdue follow-ups" not in line.text())
