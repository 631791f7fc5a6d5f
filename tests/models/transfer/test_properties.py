"""Property tests: any text survives a CSV or a vCard round trip."""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models.transfer import sniff
from models.transfer.exporter import csv_bytes, neutralise
from models.transfer.records import unescape_cell
from models.transfer.vcard import VCardContact, contacts_to_vcard, parse_vcards

# Any printable text: letters of every script, emoji, RTL, punctuation; newlines in notes.
LINE = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff"),
    max_size=40,
)
TEXT = st.lists(LINE, max_size=3).map("\n".join)
TRICKY = ['a, "b"; c', "=1+1", "-5", "'x", "مرحبا بالعالم", "🙂👍🏽", "line\nbreak", "\\n", "a\\,b"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cells=st.lists(st.lists(TEXT, min_size=3, max_size=3), min_size=1, max_size=4))
@example(cells=[TRICKY[:3], TRICKY[3:6], TRICKY[6:9]])
@example(cells=[['"|', "", ""]])
@example(cells=[["", ";\n0;", "\n0;"]])  # a header wider than the rows a ";" parse makes
def test_csv_round_trips_any_text(tmp_path: Path, cells: list[list[str]]) -> None:
    header = ["Name", "Notes", "Other"]
    path = tmp_path / "round.csv"
    path.write_bytes(csv_bytes(header, cells))
    table = sniff.read_csv(path, known_header=lambda h: list(h) == header)
    got = [[unescape_cell(c) for c in row] for _, row in table.rows]
    # exports drop bidirectional controls and stray zero-width characters (neutralise);
    # rows that are entirely empty are not records
    clean = [[neutralise(c) for c in row] for row in cells]
    want = [row for row in clean if any(c.strip() for c in row)]
    assert table.header == tuple(header) and table.encoding == "utf-8-sig"
    assert got == want


NAME = LINE.filter(lambda s: s.strip() != "")


@settings(max_examples=60, deadline=None)
@given(name=NAME, notes=TEXT, title=LINE, org=LINE)
@example(name='Zoë, "Q"; x', notes="a;b,c\\d\nnew 🙂 مرحبا", title="CEO, CFO", org="Acme; Inc, X")
def test_vcard_round_trips_any_text(name: str, notes: str, title: str, org: str) -> None:
    card = VCardContact(name=name, title=title, account_name=org, notes=notes)
    ((_, cells),), problems = parse_vcards(contacts_to_vcard([card]))
    assert problems == []

    def value(field: str) -> str:
        return " ".join(t for _, t in cells.get(field, []))

    assert value("name") == name.strip()
    assert value("title") == title.strip()
    assert value("account_name") == org.strip()
    assert value("notes") == notes.strip()


def test_alphabet_includes_the_hard_cases() -> None:
    assert set(",;\"'") <= set(string.punctuation)
