"""The client list pane in the window: the filter menu (tier, status, tag, going cold,
clear), what an empty list says, the going-cold and overdue marks, sorting kept
from settings even when they are damaged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models import services
from models.queries import clients as client_queries
from models.store import Store
from tests.ui.user import Script
from ui.client_list import PAGE, ClientListModel, ClientListPane
from ui.client_list_model import COUNT_DELAY_MS
from ui.main_window import MainWindow
from ui.settings import Settings


def names(pane: ClientListPane) -> list[str]:
    model = pane.model
    return [model.row(model.index(i, 0)).name for i in range(model.rowCount())]


def choose_filter(qtbot: QtBot, pane: ClientListPane, *path: str) -> list[str]:
    """Open the filter button's menu and choose ``path``; the menu's entries."""
    script = Script().menu(*path)
    with script:
        qtbot.mouseClick(pane.filter_button, Qt.MouseButton.LeftButton)
    assert script.done and script.unexpected == []
    return script.seen[0].split("\n")


def test_filter_menu_narrows_the_list_and_clears(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.clients
    entries = choose_filter(qtbot, pane, "Tier A")
    assert entries == [
        "Tier",
        "Tier A",
        "Tier B",
        "Tier C",
        "Status",
        "Prospect",
        "Active",
        "Dormant",
        "Lost",
        "Tag",
        "Any tag",
        "jakarta",
        "Going cold only",
        "Clear filters",
    ]
    assert names(pane) == ["Acme Corp"]
    assert pane.count_label.text() == "1 client"
    choose_filter(qtbot, pane, "Tier C")  # a second tier widens again
    assert names(pane) == ["Acme Corp", "Globex Inc"]
    choose_filter(qtbot, pane, "Tier A")  # chosen again: off
    assert names(pane) == ["Globex Inc"]
    qtbot.keyClicks(pane.search, "glob")
    choose_filter(qtbot, pane, "Clear filters")
    assert names(pane) == ["Acme Corp", "Globex Inc", "PT Kopi Nusantara"]
    assert pane.search.text() == ""


def test_menu_shows_what_is_chosen(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.clients
    choose_filter(qtbot, pane, "Tier B")
    choose_filter(qtbot, pane, "jakarta")
    assert names(pane) == []  # tier B and the tag: no client is both
    pane.filter_menu.popup(pane.filter_button.mapToGlobal(pane.filter_button.rect().center()))
    try:
        checked = {a.text() for a in pane.filter_menu.actions() if a.isChecked()}
    finally:
        pane.filter_menu.close()
    assert checked == {"Tier B", "jakarta"}


def test_status_tag_and_going_cold_filters(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    pane = window.clients
    with window.store.write() as uow:
        services.update_account(uow, sample["globex"], status="dormant")
    model = pane.model
    qtbot.waitUntil(lambda: model.index(model.row_of(sample["globex"]), 2).data() == "Dormant")
    choose_filter(qtbot, pane, "Dormant")
    assert names(pane) == ["Globex Inc"]
    choose_filter(qtbot, pane, "Clear filters")
    choose_filter(qtbot, pane, "jakarta")
    assert names(pane) == ["Acme Corp"]
    choose_filter(qtbot, pane, "Any tag")
    assert len(names(pane)) == 3
    choose_filter(qtbot, pane, "Going cold only")
    assert names(pane) == ["Acme Corp"]  # 40 days without contact, tier A (14)
    choose_filter(qtbot, pane, "Going cold only")
    assert len(names(pane)) == 3


def test_an_empty_result_says_why(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.clients
    qtbot.keyClicks(pane.search, "nobody by this name")
    assert names(pane) == []
    assert not pane.view.isVisible() and pane.empty_label.isVisible()
    assert pane.empty_label.text() == "No client matches this filter."
    assert pane.count_label.text() == "0 clients"
    pane.search.clear()
    assert pane.view.isVisible() and not pane.empty_label.isVisible()


def test_a_new_database_says_how_to_start(qtbot: QtBot, store: Store, settings: Settings) -> None:
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    pane = window.clients
    assert pane.empty_label.isVisible() and not pane.view.isVisible()
    assert pane.empty_label.text() == (
        "No clients yet — import a CSV or add one with File ▸ New client…"
    )
    with store.write() as uow:
        services.create_account(uow, "First Client")
    qtbot.waitUntil(lambda: names(pane) == ["First Client"])
    assert pane.view.isVisible() and pane.count_label.text() == "1 client"
    window.close()


def test_going_cold_and_overdue_are_marked(window: MainWindow, sample: dict[str, str]) -> None:
    model = window.clients.model
    acme = model.index(model.row_of(sample["acme"]), 0)
    kopi = model.index(model.row_of(sample["kopi"]), 0)
    assert model.data(acme, Qt.ItemDataRole.ToolTipRole) == (
        "Acme Corp\nGoing cold: no contact for more than 14 days"  # the whole name first
    )
    assert model.data(acme, Qt.ItemDataRole.AccessibleTextRole) == "Acme Corp, going cold"
    assert not model.data(acme, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(acme, ClientListModel.ColdRole) is True
    assert model.data(acme, ClientListModel.IdRole) == sample["acme"]
    assert model.data(kopi, Qt.ItemDataRole.ToolTipRole) == "PT Kopi Nusantara"
    assert model.data(kopi, Qt.ItemDataRole.AccessibleTextRole) == "PT Kopi Nusantara"
    assert model.data(kopi, Qt.ItemDataRole.DecorationRole) is None
    assert model.data(kopi, ClientListModel.ColdRole) is False
    # The overdue next follow-up is red; one still to come is not.
    acme_next = model.index(acme.row(), 4)
    kopi_next = model.index(kopi.row(), 4)
    assert model.data(acme_next, Qt.ItemDataRole.ForegroundRole).color().name() == "#cf222e"
    assert model.data(kopi_next, Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(99, 0)) is None  # past the end: nothing


def test_damaged_sort_setting_falls_back_to_the_name(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str]
) -> None:
    settings.sort_column = "no_such_column"
    settings.sort_descending = True
    settings.sync()
    window = MainWindow(store, Settings(QSettings(settings.q.fileName(), settings.q.format())))
    qtbot.addWidget(window)
    window.show()
    pane = window.clients
    assert (pane.model.filter.sort, pane.model.filter.descending) == ("name", True)
    assert names(pane) == ["PT Kopi Nusantara", "Globex Inc", "Acme Corp"]
    header = pane.view.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    window.close()


def test_show_client_of_an_unknown_id_keeps_the_selection(
    window: MainWindow, sample: dict[str, str]
) -> None:
    pane = window.clients
    assert pane.show_client(sample["kopi"])
    assert pane.show_client("no-such-id") is False
    assert pane.show_client("") is False
    assert pane.current_id() == sample["kopi"]


LONG_NAMES = (
    "PT Harapan Sejahtera Abadi Logistik",
    "PT Harapan Sejahtera Abadi Makmur",
)


@pytest.mark.parametrize("language", ["en", "id"])
def test_long_names_have_the_space_and_the_selection_stays_in_view(
    window: MainWindow, qtbot: QtBot, language: str
) -> None:
    from ui.settings_dialog import apply_language

    with window.store.write() as uow:
        ids = [services.create_account(uow, name) for name in LONG_NAMES]
        for i in range(60):
            services.create_account(uow, f"Client {i:02}")
    pane = window.clients
    qtbot.waitUntil(lambda: pane.model.row_of(ids[1]) >= 0)
    try:
        if language == "id":
            apply_language("id")
            qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&Berkas")
        window.resize(1366, 768)
        qtbot.wait(20)
        view = pane.view
        metrics = view.fontMetrics()
        row = pane.model.row_of(ids[1])
        name_width = metrics.horizontalAdvance(LONG_NAMES[1])
        # The name column has room for the whole name (icon and margins too), the other
        # columns narrower than they would like when that is what it takes.
        assert view.columnWidth(0) >= name_width + 16, (
            [view.columnWidth(c) for c in range(5)],
            view.viewport().width(),
        )
        assert sum(view.columnWidth(c) for c in range(5)) <= view.viewport().width() + 1
        for column in range(1, 5):
            assert view.columnWidth(column) >= 28
        # Elided headers still say what they are.
        tip = pane.model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip == pane.model.headerData(4, Qt.Orientation.Horizontal)
        # The selected client, far down the list, is in view after a resize and a refresh.
        far = pane.model.row_of(ids[0])
        assert pane.show_client(ids[0])
        view.scrollToTop()
        window.resize(1360, 760)
        qtbot.wait(20)
        rect = view.visualRect(pane.model.index(far, 0))
        assert view.viewport().rect().contains(rect), (rect, view.viewport().rect())
        view.scrollToTop()
        pane.refresh()
        rect = view.visualRect(pane.model.index(pane.model.row_of(ids[0]), 0))
        assert view.viewport().rect().contains(rect)
        assert row >= 0
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: window.actions_.menus["file"].title() == "&File")


def test_the_count_is_the_total_and_does_not_change_while_scrolling(
    window: MainWindow, qtbot: QtBot
) -> None:
    """More clients than a page: the label says how many there are, before and after the
    list loads its next pages (it once said "100+" and then "253")."""
    with window.store.write() as uow:
        for i in range(250):
            services.create_account(uow, f"Klien {i:03d}")
    pane = window.clients
    pane.refresh()
    assert pane.model.rowCount() < 253 and pane.model.canFetchMore()
    qtbot.waitUntil(lambda: pane.count_label.text() == "253 clients")  # counted after the page
    while pane.model.canFetchMore():
        pane.model.fetchMore()
    assert pane.model.rowCount() == 253 and pane.count_label.text() == "253 clients"
    qtbot.keyClicks(pane.search, "Klien 00")
    qtbot.waitUntil(lambda: pane.count_label.text() == "10 clients")


def test_each_client_is_found_where_it_is_listed_through_pages_reloads_and_edits(
    window: MainWindow, qtbot: QtBot
) -> None:
    """row_of and a change's refresh look clients up by kept positions (one dict, kept
    as pages are appended and made again on a reload), never by walking the rows."""
    with window.store.write() as uow:
        ids = [services.create_account(uow, f"Klien {i:03d}") for i in range(250)]
    model = window.clients.model

    def every_row_found() -> bool:
        return all(
            model.row_of(model.row(model.index(i, 0)).id) == i for i in range(model.rowCount())
        )

    window.clients.refresh()
    assert model.canFetchMore() and every_row_found()
    assert model.row_of(ids[-1]) == -1  # not read yet
    while model.canFetchMore():
        model.fetchMore()
        assert every_row_found()
    last = model.row_of(ids[-1])
    assert model.row(model.index(last, 0)).name == "Klien 249"
    with window.store.write() as uow:  # renamed in place (the list keeps its order) ...
        services.update_account(uow, ids[-1], name="Aaa Klien")
    qtbot.waitUntil(lambda: model.row(model.index(last, 0)).name == "Aaa Klien")
    assert model.row_of(ids[-1]) == last
    window.clients.refresh()  # ... and sorted first when the list is read again
    assert model.row_of(ids[-1]) == 0 and every_row_found()
    assert model.row(model.index(model.row_of(ids[0]), 0)).name == "Klien 000"


def test_a_broad_filter_is_counted_up_to_the_cap(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting every match of a broad filter at 100,000 clients cost a frame per
    keystroke: past COUNT_CAP the label says "N+"; a narrow filter is counted exactly.
    The count follows the list (it costs more than the page), once for quick keystrokes."""
    monkeypatch.setattr(client_queries, "COUNT_CAP", 200)
    with window.store.write() as uow:
        for i in range(250):
            services.create_account(uow, f"Klien {i:03d}")
    pane = window.clients
    pane.refresh()
    qtbot.waitUntil(lambda: pane.count_label.text() == "200+ clients")
    counted: list[int | None] = []
    pane.model.total_changed.connect(lambda: counted.append(pane.model.total))
    qtbot.keyClicks(pane.search, "Klien 1")  # seven keystrokes, each reloading the list
    qtbot.waitUntil(lambda: pane.count_label.text() == "100 clients")
    assert counted[-1] == 100 and len(counted) < 7
    assert client_queries.client_count(window.store) == 253
    assert client_queries.client_count(window.store, cap=10) == 11


def test_an_empty_list_names_the_real_menu(window: MainWindow, qtbot: QtBot) -> None:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == "File":
            items = [a.text().replace("&", "") for a in action.menu().actions()]
            assert "New client…" in items
    with window.store.write() as uow:
        for row in [*window.clients.model._rows]:
            services.soft_delete(uow, "account", row.id)
    window.clients.refresh()
    qtbot.waitUntil(lambda: window.clients.empty_label.isVisible())
    assert "File ▸ New client…" in window.clients.empty_label.text()


def test_the_count_waits_until_typing_pauses_and_the_page_is_shown(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A keystroke shows its page at once and keeps the last count; the count is read
    once, after the last of several quick keystrokes."""
    with window.store.write() as uow:
        for i in range(150):
            services.create_account(uow, f"Klien {i:03d}")
    pane = window.clients
    pane.refresh()
    qtbot.waitUntil(lambda: pane.count_label.text() == "153 clients")
    counted: list[int | None] = []
    pane.model.total_changed.connect(lambda: counted.append(pane.model.total))
    for text in ("K", "Kl", "Kli", "Klie", "Klien"):
        pane.search.setText(text)
        QApplication.processEvents()  # the page is painted; the count is not read yet
        assert pane.model.rowCount() == PAGE and pane.model.total is None
        assert pane.count_label.text() == "153 clients"  # the last count, until then
    assert counted == []
    qtbot.waitUntil(lambda: pane.count_label.text() == "150 clients")
    qtbot.wait(COUNT_DELAY_MS + 50)
    assert counted == [150]  # once, for the last keystroke
