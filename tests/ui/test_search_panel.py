"""The search over everything in the window: Ctrl+Shift+F, type, arrows, Enter opens the
hit in place (the entry selected on its client's timeline; a deal, follow-up or contact
opened); hits grouped by kind and highlighted by a delegate; the palette (Ctrl+K) finds
contacts and deals and lists no poor match."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.rows import InteractionRow, SearchHit
from models.store import Store
from ui.main_window import MainWindow
from ui.search_delegate import HIT_ROLE, SearchHitDelegate, one_line
from ui.search_panel import SearchPanel, SearchResultsModel
from ui.timeline_model import PAGE


def open_panel(window: MainWindow, qtbot: QtBot) -> SearchPanel:
    window.activateWindow()  # back from a dialog: the window's shortcuts need it active
    qtbot.waitUntil(window.isActiveWindow)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_F, mods)
    panel = window.search_actions.panel
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    # The field has the panel's focus (keys go to it once the window is active).
    assert panel.objectName() == "searchPanel" and panel.focusWidget() is panel.input
    return panel


def type_and_wait(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    panel.input.clear()
    qtbot.keyClicks(panel.input, text)
    qtbot.waitUntil(lambda: not panel.timer.isActive())  # the search ran as typing paused


def shown(panel: SearchPanel) -> list[tuple[str, str]]:
    """(kind or "heading", text) of every row, in order."""
    model = panel.model
    out = []
    for row in range(model.rowCount()):
        hit = model.index(row).data(HIT_ROLE)
        out.append((hit.kind if hit else "heading", model.index(row).data()))
    return out


def test_ctrl_shift_f_to_an_old_entry_selected_on_its_timeline(
    window: MainWindow, qtbot: QtBot, store: Store, clock: FixedClock, sample: dict[str, str]
) -> None:
    now = clock.now()
    kopi = sample["kopi"]
    with store.write() as uow:  # more entries than a page: the one sought is not loaded
        for i in range(PAGE + 20):
            services.add_interaction(
                uow, kopi, body=f"routine visit {i}", occurred_at=now - timedelta(hours=i + 1)
            )
        target = services.add_interaction(
            uow, kopi, subject="Gudang baru", body="Mereka buka gudang di Cikarang",
            occurred_at=now - timedelta(days=300),
        )  # fmt: skip
    window.clients.show_client(sample["acme"])
    panel = open_panel(window, qtbot)
    type_and_wait(qtbot, panel, "cikarang")
    assert shown(panel) == [("heading", "Notes"), ("interaction", "Gudang baru")]
    assert panel.status.text() == "Results: 1"
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    assert not panel.isVisible()
    assert window.current_client == kopi
    assert window.timeline.current_entry() == target
    view = window.timeline.view
    assert window.focusWidget() is view  # the keyboard is on the timeline, at the entry
    item = window.timeline.model.item(view.currentIndex().row())
    assert isinstance(item, InteractionRow) and item.subject == "Gudang baru"
    assert view.visualRect(view.currentIndex()).intersects(view.viewport().rect())


def test_results_grouped_by_kind_arrows_skip_headings_and_esc_closes(
    window: MainWindow, qtbot: QtBot, store: Store, sample: dict[str, str]
) -> None:
    with store.write() as uow:
        services.create_deal(uow, sample["kopi"], "Kopi supply Budi")
    panel = open_panel(window, qtbot)
    type_and_wait(qtbot, panel, "budi")
    assert shown(panel) == [
        ("heading", "Contacts"),
        ("contact", "Budi Santoso"),
        ("heading", "Deals"),
        ("deal", "Kopi supply Budi"),
        ("heading", "Follow-ups"),
        ("followup", "Call Budi back"),
    ]
    assert panel.current_hit() is not None and panel.current_hit().kind == "contact"  # type: ignore[union-attr]
    qtbot.keyClick(panel.input, Qt.Key.Key_Down)
    assert panel.current_hit().kind == "deal"  # type: ignore[union-attr]
    qtbot.keyClick(panel.input, Qt.Key.Key_Down)
    qtbot.keyClick(panel.input, Qt.Key.Key_Down)  # the last hit: stays
    assert panel.current_hit().kind == "followup"  # type: ignore[union-attr]
    qtbot.keyClick(panel.input, Qt.Key.Key_Up)
    qtbot.keyClick(panel.input, Qt.Key.Key_Up)
    qtbot.keyClick(panel.input, Qt.Key.Key_Up)  # the first hit: stays
    assert panel.current_hit().kind == "contact"  # type: ignore[union-attr]
    qtbot.keyClick(panel.input, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_enter_on_a_deal_or_follow_up_opens_it_on_its_client(
    window: MainWindow, qtbot: QtBot, store: Store, sample: dict[str, str]
) -> None:
    with store.write() as uow:
        deal = services.create_deal(uow, sample["globex"], "Armada telematika")
    panel = open_panel(window, qtbot)
    type_and_wait(qtbot, panel, "telematika")
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    assert window.current_client == sample["globex"]
    dialog = window.findChild(QDialog, "dealDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.deal_id == deal  # type: ignore[union-attr]
    dialog.reject()  # type: ignore[union-attr]
    panel = open_panel(window, qtbot)
    assert panel.input.text() == "telematika" and panel.input.selectedText() == "telematika"
    type_and_wait(qtbot, panel, "quarterly")
    # Enter right after typing searches what is typed, then opens the first hit.
    panel.input.clear()
    qtbot.keyClicks(panel.input, "quarterly")
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    assert window.current_client == sample["globex"]
    followup = window.findChild(QDialog, "followUpDialog")
    qtbot.waitUntil(lambda: followup is not None and followup.isVisible())
    followup.reject()  # type: ignore[union-attr]


def test_double_click_opens_a_contact(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    panel = open_panel(window, qtbot)
    type_and_wait(qtbot, panel, "budi@kopi.example")
    assert shown(panel) == [("heading", "Contacts"), ("contact", "Budi Santoso")]
    rect = panel.view.visualRect(panel.model.index(1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.isVisible()  # a click selects; a double-click opens
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_client == sample["kopi"]
    dialog = window.findChild(QDialog, "contactDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    dialog.reject()  # type: ignore[union-attr]


def test_nothing_found_and_an_entry_in_trash(
    window: MainWindow, qtbot: QtBot, store: Store, sample: dict[str, str]
) -> None:
    panel = open_panel(window, qtbot)
    type_and_wait(qtbot, panel, "pricing")
    assert shown(panel) == [("heading", "Notes"), ("interaction", "Pricing call")]
    with store.write() as uow:
        services.soft_delete(uow, "interaction", sample["call"])
    type_and_wait(qtbot, panel, "pricing")
    assert shown(panel) == [] and panel.status.text() == "Nothing found for “pricing”."
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)  # nothing to open: stays
    assert panel.isVisible()
    type_and_wait(qtbot, panel, '"NEAR( title:*')  # hostile text: no error, no hit
    assert shown(panel) == []
    panel.input.clear()
    qtbot.waitUntil(lambda: not panel.timer.isActive())
    assert panel.status.text() == ""


def test_the_delegate_paints_highlights_not_brackets(qtbot: QtBot) -> None:
    hit = SearchHit(
        kind="interaction",
        id="x",
        account_id="a",
        title="Kick-off",
        snippet="met [sic] Budi\nabout pricing",
        client="Acme",
        spans=((10, 4), (25, 7)),
    )
    model = SearchResultsModel()
    model.set_hits([hit])
    assert model.rowCount() == 2 and model.index(0).data(HIT_ROLE) is None
    assert "met [sic]" in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable == Qt.ItemFlag.NoItemFlags
    delegate = SearchHitDelegate()
    image = QImage(400, 120, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.font = QApplication.font()
    option.fontMetrics = QFontMetrics(option.font)
    option.palette = QApplication.palette()
    for row in range(2):
        option.rect = image.rect().adjusted(0, row * 50, 0, 0)
        assert delegate.sizeHint(option, model.index(row)).height() > 0
        delegate.paint(painter, option, model.index(row))
    painter.end()
    # The highlight is painted: some pixel has the highlight's tint (not only text colours).
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 400, 2) for y in range(50, 120, 2)}
    assert len(colours) > 3
    assert one_line("a\nb\tc") == "a b c"


def test_palette_finds_a_contact_and_a_deal_and_no_poor_match(
    window: MainWindow, qtbot: QtBot, store: Store, sample: dict[str, str]
) -> None:
    with store.write() as uow:
        deal = services.create_deal(uow, sample["globex"], "Proposal armada 2027")
    palette = window.app_actions.show_palette()
    qtbot.keyClicks(palette.input, "budi")
    entries = [
        palette.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(palette.list.count())
    ]
    assert [(e.kind, e.label) for e in entries] == [
        ("contact", "Budi Santoso  ·  PT Kopi Nusantara"),
        ("search", "Search everything for “budi”"),
    ]
    palette.input.clear()
    qtbot.keyClicks(palette.input, "proposal")
    entries = [
        palette.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(palette.list.count())
    ]
    # No client is named anything like "proposal": none listed; the deal is.
    assert [e.kind for e in entries] == ["deal", "search"]
    assert entries[0].label == "Proposal armada 2027  ·  Globex Inc"
    qtbot.keyClick(palette.input, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.current_client == sample["globex"]
    dialog = window.findChild(QDialog, "dealDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.deal_id == deal  # type: ignore[union-attr]
    dialog.reject()  # type: ignore[union-attr]
