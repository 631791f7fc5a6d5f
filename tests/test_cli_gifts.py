"""``python main.py gift``, ``gift-rule`` and ``gift-rate``: a gift recorded with the
recipient's year total vs the cap printed as JSON; rules and rates added; bad input
one line on stderr and status 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import main
from models import services
from models.queries import gifts as gq
from models.store import open_store


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, Any, str]:
    code = main.main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


@pytest.fixture
def bank(db_path: Path) -> dict[str, str]:
    store = open_store(db_path)
    with store.write() as uow:
        ids = {n: services.create_account(uow, n) for n in ("PT Bank Maju", "PT Bank Mandiri")}
        ids["budi"] = services.create_contact(uow, "Budi Santoso", account_id=ids["PT Bank Maju"])
        ids["budiman"] = services.create_contact(uow, "Budiman", account_id=ids["PT Bank Maju"])
        ids["sari"] = services.create_contact(uow, "Sari Dewi", account_id=ids["PT Bank Maju"])
    store.close()
    return ids


def _gift(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> tuple[int, Any, str]:
    return run(capsys, db, "gift", "PT Bank Maju", *extra)


def test_gift_prints_the_year_total_against_the_cap(
    capsys: pytest.CaptureFixture[str], db_path: Path, bank: dict[str, str]
) -> None:
    base = ("--to", "Budi Santoso", "--currency", "USD", "--date")
    code, out, err = _gift(capsys, db_path, *base, "2026-02-01", "--value", "99.99")
    assert (code, err) == (0, "")
    assert {k: out[k] for k in ("recipient_total", "cap", "currency", "over_cap")} == {
        "recipient_total": "99.99", "cap": "100.00", "currency": "USD", "over_cap": False,
    }  # fmt: skip
    code, out, _ = _gift(capsys, db_path, *base, "2026-02-02", "--value", "0.01")
    assert (out["recipient_total"], out["over_cap"]) == ("100.00", False)
    code, out, _ = _gift(capsys, db_path, *base, "2026-02-03", "--value", "0.01")
    assert (out["recipient_total"], out["over_cap"]) == ("100.01", True)  # recorded anyway
    # the amendment from the date the user enters: USD 300
    code, rule, err = run(capsys, db_path, "gift-rule", "--from", "2026-03-01", "--cap", "300",
                          "--currency", "usd")  # fmt: skip
    assert (code, err) == (0, "")
    assert {k: rule[k] for k in ("from", "cap", "currency")} == {
        "from": "2026-03-01", "cap": "300.00", "currency": "USD",
    }  # fmt: skip
    code, out, _ = _gift(capsys, db_path, *base, "2026-03-01", "--value", "199.99")
    assert (out["recipient_total"], out["cap"], out["over_cap"]) == ("300.00", "300.00", False)
    code, out, _ = _gift(
        capsys, db_path, *base, "2027-01-01", "--value", "5", "--kind", "promotional"
    )
    assert (out["recipient_total"], out["over_cap"]) == ("0.00", False)  # a new year, excluded
    store = open_store(db_path)
    assert len(gq.log(store)) == 5
    store.close()


def test_several_recipients_and_a_rate(
    capsys: pytest.CaptureFixture[str], db_path: Path, bank: dict[str, str]
) -> None:
    args = ("--to", "Pak Budi, Sari", "--value", "3250000", "--currency", "IDR",
            "--date", "2026-05-01")  # fmt: skip
    code, out, err = _gift(capsys, db_path, *args)
    assert code == 2 and out is None
    assert (
        err.startswith("relasi: error: no exchange rate from IDR to USD") and err.count("\n") == 1
    )
    code, rate, err = run(capsys, db_path, "gift-rate", "--currency", "IDR", "--rate", "16250")
    assert (code, rate["to"], rate["per_unit"], rate["from"]) == (0, "USD", "16250", "1900-01-01")
    code, out, err = _gift(capsys, db_path, *args)
    assert code == 0, err
    assert [(r["name"], r["recipient_total"]) for r in out["recipients"]] == [
        ("Budi Santoso", "100.00"),
        ("Sari Dewi", "100.00"),
    ]
    assert (out["recipient_total"], out["over_cap"]) == ("100.00", False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("PT Bank Maju", "--to", "Bud"), "could be several contacts (Budi Santoso, Budiman)"),
        (("PT Bank Maju", "--to", "Tono"), "has no contact named 'Tono'"),
        (("PT Bank", "--to", "Budi Santoso"), "could be several clients"),
        (("PT Bank Maju", "--to", "Budiman", "--value", "1e2"), "plain number"),
        (("PT Bank Maju", "--to", "Budiman", "--value", "10.001"), "decimal places"),
        (("PT Bank Maju", "--to", "Budiman", "--date", "31/12/2026"), "--date must be a date"),
        (("PT Bank Maju", "--to", "Budiman", "--kind", "bribe"), "--kind must be one of"),
        (("PT Bank Maju", "--to", "Budiman", "--currency", "ZZZ"), "not a known currency"),
    ],
)
def test_bad_gifts_are_one_line_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    bank: dict[str, str],
    args: tuple[str, ...],
    message: str,
) -> None:
    given = dict(zip(args[1::2], args[2::2], strict=False))
    defaults = {"--value": "10", "--currency": "USD", "--date": "2026-01-01"}
    extra = [x for k, v in defaults.items() if k not in given for x in (k, v)]
    code, out, err = run(capsys, db_path, "gift", *args, *extra)
    assert code == 2 and out is None and err.count("\n") == 1
    assert message in err
    store = open_store(db_path)
    assert gq.log(store) == []
    store.close()


def test_bad_rules_and_rates(
    capsys: pytest.CaptureFixture[str], db_path: Path, bank: dict[str, str]
) -> None:
    for args, message in [
        (("gift-rule", "--from", "2026-13-01", "--cap", "300", "--currency", "USD"), "--from"),
        (("gift-rule", "--from", "2026-03-01", "--cap", "-1", "--currency", "USD"), "plain"),
        (("gift-rate", "--currency", "IDR", "--rate", "0"), "more than zero"),
        (("gift-rate", "--currency", "USD", "--rate", "1"), "two different"),
    ]:
        code, _out, err = run(capsys, db_path, *args)
        assert code == 2 and message in err, err
