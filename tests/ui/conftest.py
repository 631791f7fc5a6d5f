"""Fixtures for GUI tests: a main window on a real encrypted database with a few
clients, and settings kept in a temporary file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries.followups import all_day_value
from models.store import Store
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def sample(store: Store, clock: FixedClock) -> dict[str, str]:
    """Three clients, contacts, entries and follow-ups at known times."""
    now = clock.now()
    ids: dict[str, str] = {}
    with store.write() as uow:
        ids["acme"] = services.create_account(uow, "Acme Corp", tier="A", tags=["jakarta"])
        ids["kopi"] = services.create_account(uow, "PT Kopi Nusantara", tier="B")
        ids["globex"] = services.create_account(uow, "Globex Inc", tier="C")
        ids["budi"] = services.create_contact(
            uow, "Budi Santoso", account_id=ids["kopi"], emails=["budi@kopi.example"]
        )
        ids["old_note"] = services.add_interaction(
            uow,
            ids["acme"],
            kind="meeting",
            subject="Kick-off",
            body="**Budget** agreed",
            occurred_at=now - timedelta(days=40),
        )
        ids["call"] = services.add_interaction(
            uow,
            ids["kopi"],
            kind="call",
            subject="Pricing call",
            body="Discussed pricing",
            occurred_at=now - timedelta(days=2),
        )
        ids["overdue"] = services.create_followup(
            uow, ids["acme"], "Send proposal", all_day_value((now - timedelta(days=2)).date())
        )
        ids["soon"] = services.create_followup(
            uow, ids["kopi"], "Call Budi back", now + timedelta(minutes=30), all_day=False
        )
        ids["later"] = services.create_followup(
            uow, ids["globex"], "Quarterly review", now + timedelta(days=5), all_day=False
        )
    return ids


@pytest.fixture
def window(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str]
) -> Iterator[MainWindow]:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
