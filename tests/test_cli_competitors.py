"""`competitors`: one JSON line per competitor with its won and lost deals, through the
real command line; an empty list prints nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import services
from models.store import Store
from tests.test_cli import run


def test_competitors_prints_one_line_each(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "competitors")
    assert (code, out, err) == (0, "", "")
    with store.write() as uow:
        client = services.create_account(uow, "PT Satu")
        services.create_competitor(uow, "Zeta Soft")
        won = services.create_deal(uow, client, "W", amount_minor=123_456, currency="USD")
        services.set_deal_competitors(uow, won, ["globex"])
        services.move_deal_stage(uow, won, "won")
        for n in range(2):
            lost = services.create_deal(uow, client, f"L{n}", amount_minor=5_000_000)
            services.move_deal_stage(uow, lost, "lost", lost_to="Globex")
    store.close()
    code, out, err = run(capsys, "--db", str(db_path), "competitors")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(c["name"], c["won"], c["lost"]) for c in lines] == [
        ("globex", 1, 2),
        ("Zeta Soft", 0, 0),
    ]
    assert lines[0]["won_amount"] == {"USD": "1234.56"}
    assert lines[0]["lost_amount"] == {"IDR": "10000000"}
    assert lines[1]["won_amount"] == {} and lines[1]["id"]


def test_a_note_from_the_command_line_is_tagged(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from models.queries import competitors as q
    from models.store import open_store
    from tests.test_cli_note import note

    store = open_store(db_path)
    with store.write() as uow:
        services.create_account(uow, "PT Maju Jaya")
        globex = services.create_competitor(uow, "Globex")
    store.close()
    code, _out, err = note(
        capsys, monkeypatch, db_path, "PT Maju Jaya — Globex offered a discount #pricing\n"
    )
    assert (code, err) == (0, ""), err
    store = open_store(db_path)
    try:
        [heard] = q.heard_about(store, globex)
        assert q.entry_tags(store, heard.interaction_id) == q.EntryTags(("Globex",), ("pricing",))
    finally:
        store.close()
