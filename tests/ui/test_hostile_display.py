"""Names holding bidirectional controls or zero-width characters are shown with those
characters made visible (ui.display), in every place the window shows a name: a client
called "Acme\\u202egnp.exe" must not read as "Acmeexe.png"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.store import Store
from ui.display import has_hidden, visible
from ui.followup_delegate import ClientRole
from ui.main_window import MainWindow

SPOOF = "Acme\u202egnp.exe"  # shown as "Acmeexe.png" by a bidi-aware renderer
SHOWN = "Acme⟨U+202E⟩gnp.exe"
HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
HIDDEN += "\u200b\u200c\u200d\ufeff\u2060"


def test_visible_marks_every_hidden_character_and_nothing_else() -> None:
    assert visible(SPOOF) == SHOWN
    for ch in HIDDEN:
        assert visible(f"a{ch}b") == f"a⟨U+{ord(ch):04X}⟩b" and has_hidden(ch)
    for plain in ("PT Kopi Nusantara", "Zürich 会議 🚀", "שלום", "مرحبا", "Budi\u00a0Santoso"):
        assert visible(plain) == plain and not has_hidden(plain)


@pytest.fixture
def spoofed(store: Store, clock: FixedClock) -> dict[str, str]:
    with store.write() as uow:
        acc = services.create_account(uow, SPOOF, tier="A")
        services.create_contact(uow, "Sari\u200b\u2066Wijaya", account_id=acc)
        services.create_followup(
            uow, acc, "Pay\u202eexe.doc", clock.now() + timedelta(days=3), all_day=False
        )
        other = services.create_account(uow, "<b>Bold</b> Co", tier="B")
    return {"acc": acc, "other": other}


def test_a_spoofed_name_is_shown_with_its_marker(
    spoofed: dict[str, str], window: MainWindow, qtbot: QtBot
) -> None:
    model = window.clients.model
    shown = [
        model.data(model.index(i, 0), Qt.ItemDataRole.DisplayRole) for i in range(model.rowCount())
    ]
    assert SHOWN in shown and not any("\u202e" in s for s in shown)
    assert window.clients.show_client(spoofed["acc"])
    header = window.timeline.header
    assert header.title.text() == SHOWN
    people = header.people.text()
    assert "Sari⟨U+200B⟩⟨U+2066⟩Wijaya" in people and "\u2066" not in people
    pane = window.followups
    items = []
    for i in range(pane.model.rowCount()):
        section = pane.model.index(i, 0)
        children = [pane.model.index(j, 0, section) for j in range(pane.model.rowCount(section))]
        items += [(c.data(), c.data(ClientRole)) for c in children]
    assert ("Pay⟨U+202E⟩exe.doc", SHOWN) in items, items
    palette = window.app_actions.show_palette()
    qtbot.keyClicks(palette.input, "acme")  # matched on the stored name
    texts = [palette.list.item(i).text() for i in range(palette.list.count())]
    assert SHOWN in texts
    palette.close()
    # A name is never read as markup in the header.
    assert window.clients.show_client(spoofed["other"])
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    assert header.title.text() == "<b>Bold</b> Co"
