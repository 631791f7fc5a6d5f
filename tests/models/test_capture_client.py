"""Matching the capture's first line to a client: typos, legal forms, Indonesian names."""

from __future__ import annotations

import pytest

from models.capture.client import (
    ClientMatch,
    client_part,
    is_confident,
    match_client,
    normalize_company,
    split_client_line,
)

ACCOUNTS = [
    ("a1", "Acme Corporation"),
    ("a2", "PT Bank Mandiri (Persero) Tbk"),
    ("a3", "PT Bank Central Asia Tbk"),
    ("a4", "CV Sinar Jaya"),
    ("a5", "PT Sinar Mas"),
    ("a6", "PT Gudang Garam Tbk"),
    ("a7", "Telkom Indonesia"),
    ("a8", "Globex Inc."),
    ("a9", "PT Indofood Sukses Makmur Tbk"),
]


@pytest.mark.parametrize(
    ("first_line", "account_id"),
    [
        ("Acme Corp — met Budi and Sari", "a1"),
        ("acme: quarterly review", "a1"),
        ("Bank Mandiri – lunch with the CFO", "a2"),
        ("PT Bank Mandri - kunjungan", "a2"),  # typo, and "PT" on one side only
        ("Gudang Garm — kirim penawaran", "a6"),  # typo
        ("Globex — demo", "a8"),  # "Inc." missing
        ("Telkom: follow-up call", "a7"),
        ("BCA — rapat anggaran", "a3"),  # acronym
        ("PT Indofood — sampling", "a9"),
    ],
)
def test_best_match(first_line: str, account_id: str) -> None:
    matches = match_client(first_line, ACCOUNTS)
    assert matches
    assert matches[0].account_id == account_id
    assert all(0 <= m.score <= 100 for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


@pytest.mark.parametrize(
    ("first_line", "confident"),
    [
        ("Acme Corp — met Budi", True),
        ("Bank Mandiri – lunch", True),
        ("Globex — demo", True),
        ("Sinar — kunjungan", False),  # Sinar Jaya or Sinar Mas: ask
        ("Acmee — typo", False),  # a typo in a short name is not enough
        ("Zeta Holdings — new prospect", False),
    ],
)
def test_confidence(first_line: str, confident: bool) -> None:
    assert is_confident(match_client(first_line, ACCOUNTS)) is confident


def test_two_accounts_with_the_same_name_are_never_confident() -> None:
    matches = match_client("Acme — visit", [("x", "Acme Corp"), ("y", "Acme Inc")])
    assert [m.score for m in matches] == [100.0, 100.0]
    assert not is_confident(matches)


def test_limit_and_cutoff() -> None:
    matches = match_client("Sinar — visit", ACCOUNTS, limit=1)
    assert len(matches) == 1
    assert match_client("Zzzz — visit", ACCOUNTS) == []
    assert match_client("", ACCOUNTS) == []
    assert match_client("Acme", []) == []


def test_is_confident_edges() -> None:
    assert not is_confident([])
    assert is_confident([ClientMatch("a", "Acme", 95.0)])
    assert not is_confident([ClientMatch("a", "Acme", 89.0)])
    assert not is_confident([ClientMatch("a", "Acme", 95.0), ClientMatch("b", "Acne", 90.0)])


@pytest.mark.parametrize(
    ("line", "client", "rest"),
    [
        ("Acme Corp — met Budi", "Acme Corp", "met Budi"),
        ("Acme Corp – met Budi", "Acme Corp", "met Budi"),
        ("Acme Corp - met Budi", "Acme Corp", "met Budi"),
        ("Acme Corp: met Budi", "Acme Corp", "met Budi"),
        ("Coca-Cola Amatil - demo", "Coca-Cola Amatil", "demo"),
        ("Acme at 10:30", "Acme at 10:30", ""),
        ("- Acme — met", "Acme", "met"),
        ("PT Maju Jaya", "PT Maju Jaya", ""),
    ],
)
def test_split_client_line(line: str, client: str, rest: str) -> None:
    assert split_client_line(line) == (client, rest)
    assert client_part(line) == client


@pytest.mark.parametrize(
    ("name", "normalized"),
    [
        ("PT Bank Mandiri (Persero) Tbk.", "bank mandiri"),
        ("Acme Corp.", "acme"),
        ("Globex, Inc.", "globex"),
        ("CV. Sinar Jaya", "sinar jaya"),
        ("Co", "co"),  # never normalise a name away
        ("Trading Co Makmur", "trading co makmur"),  # legal words only at the edges
    ],
)
def test_normalize_company(name: str, normalized: str) -> None:
    assert normalize_company(name) == normalized
