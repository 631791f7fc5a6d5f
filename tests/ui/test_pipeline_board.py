"""The pipeline board: drag and drop through the models, Ctrl+arrows, the lost dialog,
filters, totals per currency, the rotting mark, undo; and the deals list's sorting."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries import deals as deal_queries
from models.store import Store
from ui.commands import UndoStack
from ui.pipeline.board import PipelineBoard
from ui.pipeline.column_model import MIME
from ui.pipeline.deals_list import COLUMNS, DealsList
from ui.pipeline.lost_dialog import LostDialog
from ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def deals(store: Store, clock: FixedClock) -> dict[str, str]:
    """Two clients; deals in several stages, currencies and close months."""
    ids: dict[str, str] = {}
    with store.write() as uow:
        ids["acme"] = services.create_account(uow, "Acme Corp", tier="A", tags=["jakarta"])
        ids["kopi"] = services.create_account(uow, "PT Kopi", tier="C")
        ids["crm"] = services.create_deal(
            uow, ids["acme"], "CRM rollout", stage="proposal", amount_minor=100_000_000,
            currency="IDR", probability=50, expected_close=date(2026, 12, 10),
        )  # fmt: skip
        ids["sso"] = services.create_deal(
            uow, ids["acme"], "SSO add-on", stage="proposal", amount_minor=20_000,
            currency="USD", probability=25, expected_close=date(2027, 1, 15),
        )  # fmt: skip
        ids["beans"] = services.create_deal(
            uow, ids["kopi"], "Beans supply", stage="lead", amount_minor=30_000_000,
            currency="IDR", probability=10, expected_close=date(2026, 12, 20),
        )  # fmt: skip
    return ids


@pytest.fixture
def board(qtbot: QtBot, store: Store, settings: Settings, deals: dict[str, str]) -> PipelineBoard:
    b = PipelineBoard(store, UndoStack(), settings)
    qtbot.addWidget(b)
    b.resize(1600, 700)
    b.show()
    qtbot.waitExposed(b)
    return b


def ids_in(board: PipelineBoard, stage: str) -> list[str]:
    return [c.id for c in board.columns[stage].model.cards()]


def drop(board: PipelineBoard, deal_id: str, source: str, target: str) -> bool:
    """What a drag from ``source`` onto ``target`` does: the source's mimeData, dropped
    on the target's model."""
    src = board.columns[source].model
    mime = src.mimeData([src.index(src.row_of(deal_id), 0)])
    dst = board.columns[target].model
    assert dst.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    return dst.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def test_cards_sit_in_their_stage_columns_with_totals_per_currency(
    board: PipelineBoard, deals: dict[str, str]
) -> None:
    assert ids_in(board, "proposal") == [deals["crm"], deals["sso"]]  # soonest close first
    assert ids_in(board, "lead") == [deals["beans"]]
    totals = board.columns["proposal"].totals.text()
    # IDR 100,000,000 at 50% -> 50,000,000 weighted; USD 200.00 at 25% -> 50.00.
    assert "Rp100.000.000" in totals.replace("\xa0", "") or "100,000,000" in totals
    assert "50,000,000" in totals or "50.000.000" in totals
    assert "$200.00" in totals and "$50.00" in totals
    assert board.columns["proposal"].title.text().endswith("(2)")


def test_dragging_a_card_moves_the_deal_records_history_and_undoes(
    board: PipelineBoard, store: Store, deals: dict[str, str], qtbot: QtBot
) -> None:
    assert drop(board, deals["beans"], "lead", "demo")
    assert ids_in(board, "demo") == [deals["beans"]]
    assert ids_in(board, "lead") == []
    with store.read() as s:
        from models.entities import DealStageChange

        moves = [
            (c.from_stage, c.to_stage)
            for c in s.query(DealStageChange).filter_by(deal_id=deals["beans"])
        ]
    assert (None, "lead") in moves and ("lead", "demo") in moves
    board.stack.undo()
    board.reload()
    assert ids_in(board, "lead") == [deals["beans"]]
    board.stack.redo()
    board.reload()
    assert ids_in(board, "demo") == [deals["beans"]]


def test_a_drop_on_its_own_column_is_refused(board: PipelineBoard, deals: dict[str, str]) -> None:
    src = board.columns["lead"].model
    mime = src.mimeData([src.index(0, 0)])
    assert mime.hasFormat(MIME)
    assert not src.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert not src.removeRows(0, 1)  # the source never drops the card itself


def test_ctrl_arrows_move_the_selected_card_and_arrows_move_the_selection(
    board: PipelineBoard, deals: dict[str, str], qtbot: QtBot
) -> None:
    board.select(deals["beans"])
    view = board.columns["lead"].view
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert ids_in(board, "qualified") == [deals["beans"]]
    assert board.current() == ("qualified", deals["beans"])  # the card stays selected
    qtbot.keyClick(board.columns["qualified"].view, Qt.Key.Key_Right)  # selection only
    assert board.current()[0] == "demo" or board.columns["demo"].view.hasFocus()
    assert ids_in(board, "qualified") == [deals["beans"]]
    board.select(deals["beans"])
    qtbot.keyClick(
        board.columns["qualified"].view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier
    )
    assert ids_in(board, "lead") == [deals["beans"]]
    board.select(deals["crm"])
    qtbot.keyClick(board.columns["proposal"].view, Qt.Key.Key_Down)
    assert board.current() == ("proposal", deals["sso"])
    qtbot.keyClick(board.columns["proposal"].view, Qt.Key.Key_Left)
    assert board.columns["demo"].view.hasFocus()


def test_moving_to_lost_asks_why_and_to_whom_and_cancel_keeps_the_deal(
    board: PipelineBoard, store: Store, deals: dict[str, str], qtbot: QtBot
) -> None:
    board.ask_lost = lambda card: None  # the user cancels
    drop(board, deals["crm"], "proposal", "lost")
    assert deals["crm"] in ids_in(board, "proposal")
    asked: list[str] = []

    def answer(card: deal_queries.DealCard) -> tuple[str, str]:
        asked.append(card.title)
        return "price", "Rival <b>CRM</b>"

    board.ask_lost = answer
    drop(board, deals["crm"], "proposal", "lost")
    assert asked == ["CRM rollout"]
    assert ids_in(board, "lost") == [deals["crm"]]
    card = deal_queries.deal_cards(store, [deals["crm"]])[deals["crm"]]
    assert (card.lost_reason, card.lost_to) == ("price", "Rival <b>CRM</b>")
    board.stack.undo()
    card = deal_queries.deal_cards(store, [deals["crm"]])[deals["crm"]]
    assert (card.stage, card.lost_reason, card.lost_to) == ("proposal", "", "")


def test_the_lost_dialog_is_asked_for_real(
    board: PipelineBoard, store: Store, deals: dict[str, str], qtbot: QtBot
) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LostDialog)
        dialog.findChild(QLineEdit, "lostReason").setText("timing")
        dialog.findChild(QLineEdit, "lostTo").setText("Globex")
        dialog.accept()

    QTimer.singleShot(0, fill)
    board.select(deals["crm"])
    for _ in range(3):  # proposal -> negotiation -> won -> lost
        board.move_selected(1)
    card = deal_queries.deal_cards(store, [deals["crm"]])[deals["crm"]]
    assert (card.stage, card.lost_reason, card.lost_to) == ("lost", "timing", "Globex")

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LostDialog)
        dialog.reject()

    board.select(deals["beans"])
    QTimer.singleShot(0, cancel)
    assert not board.move_deal(deals["beans"], "lost")
    assert ids_in(board, "lead") == [deals["beans"]]


def test_filters_by_month_tier_and_tag(board: PipelineBoard, deals: dict[str, str]) -> None:
    months = [board.month.itemData(i) for i in range(board.month.count())]
    assert months == [None, date(2026, 12, 1), date(2027, 1, 1)]
    board.month.setCurrentIndex(1)
    assert ids_in(board, "proposal") == [deals["crm"]] and ids_in(board, "lead") == [deals["beans"]]
    board.month.setCurrentIndex(0)
    board.tier.setCurrentIndex(board.tier.findData("C"))
    assert ids_in(board, "proposal") == [] and ids_in(board, "lead") == [deals["beans"]]
    board.tier.setCurrentIndex(0)
    board.tag.setCurrentIndex(board.tag.findData("jakarta"))
    assert ids_in(board, "proposal") == [deals["crm"], deals["sso"]] and ids_in(board, "lead") == []
    assert board.columns["lead"].title.text().endswith("(0)")


def test_rotting_mark_after_the_stage_limit(
    board: PipelineBoard, clock: FixedClock, settings: Settings, deals: dict[str, str]
) -> None:
    model = board.columns["proposal"].model
    assert not model.rotting(model.card(0))
    clock.advance(timedelta(days=15))  # proposal allows 14 days
    board.reload()
    assert model.rotting(model.card(0))
    assert "rotting" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    lead = board.columns["lead"].model
    assert not lead.rotting(lead.card(0))  # lead allows 30
    from ui.pipeline.rot_settings import set_rot_days

    set_rot_days(settings, {"proposal": 0, "lead": 7})  # 0: never rots
    board.reload()
    assert not model.rotting(model.card(0)) and lead.rotting(lead.card(0))
    board.grab()  # the delegate paints the mark without error


def test_won_and_lost_columns_show_a_recent_window(
    board: PipelineBoard, store: Store, clock: FixedClock, deals: dict[str, str]
) -> None:
    with store.write() as uow:
        services.move_deal_stage(uow, deals["sso"], "won")
    board.reload()
    assert ids_in(board, "won") == [deals["sso"]]
    clock.advance(timedelta(days=91))
    board.reload()
    assert ids_in(board, "won") == []


def test_double_click_opens_the_deal(
    board: PipelineBoard, deals: dict[str, str], qtbot: QtBot
) -> None:
    view = board.columns["lead"].view
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(board.open_deal) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [deals["beans"]]


def test_column_model_passes_the_model_tester(board: PipelineBoard, qtmodeltester: object) -> None:
    qtmodeltester.check(board.columns["proposal"].model)  # type: ignore[attr-defined]


def test_deals_list_sorts_by_each_column(qtbot: QtBot, store: Store, deals: dict[str, str]) -> None:
    view = DealsList(store)
    qtbot.addWidget(view)
    model = view.model_

    def titles() -> list[str]:
        return [model.card(i).title for i in range(model.rowCount())]

    view.sortByColumn(COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    assert titles() == ["CRM rollout", "Beans supply", "SSO add-on"]
    view.sortByColumn(COLUMNS.index("client"), Qt.SortOrder.AscendingOrder)
    assert titles()[-1] == "Beans supply"
    view.sortByColumn(COLUMNS.index("stage"), Qt.SortOrder.AscendingOrder)
    assert titles()[0] == "Beans supply"
    view.sortByColumn(COLUMNS.index("close"), Qt.SortOrder.AscendingOrder)
    assert titles() == ["CRM rollout", "Beans supply", "SSO add-on"]
    assert model.total == 3
    with qtbot.waitSignal(view.open_deal) as blocker:
        view.doubleClicked.emit(model.index(0, 0))
    assert blocker.args == [deals["crm"]]


def test_deals_list_pages_by_keyset(qtbot: QtBot, store: Store) -> None:
    with store.write() as uow:
        a = services.create_account(uow, "Many Deals")
        for i in range(250):
            services.create_deal(uow, a, f"Deal {i:03d}", amount_minor=i * 10, currency="IDR")
    view = DealsList(store)
    qtbot.addWidget(view)
    model = view.model_
    view.sortByColumn(COLUMNS.index("amount"), Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 100 and model.total == 250
    while model.canFetchMore():
        model.fetchMore()
    amounts = [model.card(i).amount_minor for i in range(model.rowCount())]
    assert amounts == sorted(amounts) and len(set(c for c in amounts)) == 250
    page, _ = deal_queries.deal_list_page(store, deal_queries.DealListFilter(sort="title"))
    assert [c.title for c in page] == sorted(c.title for c in page)


def test_dropping_through_a_real_view_event(
    board: PipelineBoard, deals: dict[str, str], qtbot: QtBot
) -> None:
    """A drop event delivered to the target view (what Qt does at the end of a drag)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    src = board.columns["lead"].model
    mime = src.mimeData([src.index(0, 0)])
    view = board.columns["negotiation"].view
    at, move = QPoint(20, 20), Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, move, mime, buttons, keys)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(at, move, mime, buttons, keys))
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(at), move, mime, buttons, keys))
    assert ids_in(board, "negotiation") == [deals["beans"]]


def test_rotting_limits_dialog_saves_the_limits(
    board: PipelineBoard, settings: Settings, clock: FixedClock, deals: dict[str, str]
) -> None:
    from PySide6.QtWidgets import QSpinBox

    from ui.pipeline.rot_settings import RotDialog, rot_days

    def set_lead_to_one_day() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RotDialog)
        box = dialog.findChild(QSpinBox, "rot_lead")
        assert box is not None and box.value() == 30
        box.setValue(1)
        dialog.accept()

    QTimer.singleShot(0, set_lead_to_one_day)
    board.edit_rot_limits()
    assert rot_days(settings)["lead"] == 1
    clock.advance(timedelta(days=2))
    board.reload()
    lead = board.columns["lead"].model
    assert lead.rotting(lead.card(0))

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RotDialog)
        dialog.findChild(QSpinBox, "rot_lead").setValue(99)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    board.edit_rot_limits()
    assert rot_days(settings)["lead"] == 1
    settings.q.setValue("pipeline/rot_days/demo", "not a number")
    assert rot_days(settings)["demo"] == 14  # a bad stored value reads as the default


def test_a_long_column_loads_page_by_page_and_finds_a_deep_card(
    qtbot: QtBot, store: Store, settings: Settings
) -> None:
    with store.write() as uow:
        a = services.create_account(uow, "Busy")
        ids = [
            services.create_deal(
                uow,
                a,
                f"Deal {i:03d}",
                stage="qualified",
                expected_close=date(2027, 1, 1) + timedelta(days=i),
            )
            for i in range(230)
        ]
    board = PipelineBoard(store, UndoStack(), settings)
    qtbot.addWidget(board)
    model = board.columns["qualified"].model
    assert model.rowCount() == 100 and model.canFetchMore()
    assert board.columns["qualified"].title.text().endswith("(230)")
    assert board.select(ids[-1])  # fetches pages until the card is there
    assert model.rowCount() == 230 and not model.canFetchMore()
    assert board.current() == ("qualified", ids[-1])
    board.reload()  # keeps the loaded rows and the selection
    assert model.rowCount() == 230 and board.current() == ("qualified", ids[-1])
