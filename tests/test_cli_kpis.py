"""`kpis --from --to`: the hand-worked history of tests/kpi_fixture.py as JSON, and
bad dates refused in one line with status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.clock import FixedClock
from models.store import Store
from tests.kpi_fixture import build
from tests.test_cli import run


@pytest.fixture
def filled(store: Store, clock: FixedClock, db_path: Path) -> Path:
    build(store, clock)
    store.close()
    return db_path


def test_kpis_of_november(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "--db", str(filled), "kpis", "--from", "2026-11-01", "--to", "2026-11-30"
    )
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    k = json.loads(out)
    assert (k["won"], k["lost"], k["win_rate"]) == (4, 1, 0.8)
    assert k["won_amount"] == {"IDR": "6000000", "USD": "5000.00"}
    assert k["open_pipeline"] == {"IDR": "5000000", "USD": "10000.00"}
    assert k["weighted_pipeline"] == {"IDR": "1700000", "USD": "5000.00"}
    assert k["average_cycle_days"] == 35.0
    assert k["velocity_per_day"] == {"IDR": "91429", "USD": "114.29"}
    assert k["quota_attainment"] == 0.6
    assert k["lead_to_won"] == 0.4 and k["forecast"]["IDR"] == "7600000"
    assert k["earnings"]["commission"] == "300000"


def test_kpis_of_an_empty_period(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", str(filled), "kpis", "--from", "2025-03-01", "--to", "2025-03-01"
    )
    k = json.loads(out)
    assert code == 0 and (k["won"], k["win_rate"], k["quota_attainment"]) == (0, None, None)
    assert k["average_cycle_days"] is None and k["velocity_per_day"] == {}


def test_kpis_of_a_named_period(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(filled), "kpis", "--period", "year")
    assert code == 0 and json.loads(out)["from"].endswith("-01-01")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--from", "2026-13-01", "--to", "2026-12-31"], "--from"),
        (["--from", "yesterday", "--to", "2026-12-31"], "not a date"),
        (["--from", "2026-12-31", "--to", "2026-12-01"], "before"),
        (["--from", "2026-12-01"], "--to"),
        (["--period", "month", "--from", "2026-12-01"], "not both"),
        (["--from", "2026-12-01\n", "--to", "2026-12-02\x00"], "not a date"),
    ],
)
def test_bad_dates_exit_2_in_one_line(
    filled: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    before = filled.read_bytes()
    code, out, err = run(capsys, "--db", str(filled), "kpis", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and words in err
    assert filled.read_bytes() == before
