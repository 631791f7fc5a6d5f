"""Hostile CSV files (issue 11): an unbalanced quote never merges rows silently, and
the delimiter is read by parsing with quotes, not by counting characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.store import Store
from models.transfer import sniff
from models.transfer.exporter import csv_bytes
from models.transfer.importer import apply_import, plan_import
from tests.models.transfer.test_import import contacts_by_name
from tests.test_cli import run

HEADER = "First Name,Last Name,Email,Account Name\r\n"


@pytest.mark.parametrize(
    ("body", "bad_line", "kept"),
    [
        # a quote opened and never closed: the rest of the file would be one cell
        (
            'Budi,Santoso,budi@maju.example,"PT Maju\r\n'
            "Sari,Dewi,sari@maju.example,PT Maju\r\n"
            "Tono,Hadi,tono@maju.example,PT Maju\r\n",
            2,
            [],
        ),
        # a quote opened in one row and closed by the quoting of a later row
        (
            "Andi,Wijaya,andi@x.example,PT X\r\n"
            '"Rina,Putri,rina@x.example,PT X\r\n'
            "Joko,Susilo,joko@x.example,PT X\r\n"
            'Lina,Marlina,lina@x.example,"PT X"\r\n'
            "Eko,Prasetyo,eko@x.example,PT X\r\n",
            3,
            ["Andi Wijaya", "Eko Prasetyo"],
        ),
        # the last cell's quote opened, closed two rows later inside a quoted cell
        (
            'Budi,Santoso,budi@maju.example,"PT Maju\r\n'
            "Sari,Dewi,sari@maju.example,PT Maju\r\n"
            'Tono,Hadi,tono@maju.example,"PT Maju"\r\n'
            "Wati,Sari,wati@maju.example,PT Maju\r\n",
            2,
            ["Wati Sari"],
        ),
    ],
)
def test_an_unbalanced_quote_is_an_error_not_a_merge(
    store: Store, tmp_path: Path, body: str, bad_line: int, kept: list[str]
) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    plan = plan_import(store, path)
    errors = [str(e) for e in plan.errors]
    assert len(errors) == 1 and errors[0].startswith(f"row {bad_line}: an unbalanced quote")
    result = apply_import(store, plan)
    names = contacts_by_name(store)
    assert sorted(names) == sorted(kept)
    assert not any("\n" in n for n in names)
    assert result.errors == errors


def test_the_command_line_reports_the_unbalanced_quote(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        HEADER
        + 'Budi,Santoso,budi@maju.example,"PT Maju\r\nSari,Dewi,sari@maju.example,PT Maju\r\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(db_path), "import", str(path))
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["created"] == 0
    assert summary["errors"] == [
        'row 2: an unbalanced quote (") runs lines 2-3 together into one row; the lines '
        "after it look like rows of their own, so none of them was imported: fix the "
        "quote and import again"
    ]


def test_multi_line_notes_in_quotes_are_not_mistaken_for_a_bad_quote(tmp_path: Path) -> None:
    notes = "Met at the expo, Jakarta, booth 4\nAsked for a demo, pricing, and a trial"
    path = tmp_path / "notes.csv"
    path.write_bytes(
        csv_bytes(["Name", "Notes", "Other"], [["Budi", notes, "x"], ["Sari", "", ""]])
    )
    table = sniff.read_csv(path)
    assert table.broken == []
    assert [r[1] for _, r in table.rows] == [notes, ""]


@pytest.mark.parametrize(
    "cells",
    [
        [['"|', "", ""]],  # found by hypothesis: Sniffer chose "|" and the file was refused
        [["a;b;c;d", "", ""]],
        [["x\ty", "1|2", "p;q"], ["", "", "z"]],
    ],
)
def test_delimiters_inside_quotes_do_not_fool_the_sniffer(
    tmp_path: Path, cells: list[list[str]]
) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(csv_bytes(["Name", "Notes", "Other"], cells))
    table = sniff.read_csv(path)
    assert table.delimiter == ","
    assert [r for _, r in table.rows] == cells
