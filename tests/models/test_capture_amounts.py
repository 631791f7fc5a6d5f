"""Money amounts in capture text, as integer minor units and ISO 4217 codes.

Minor units by hand: IDR has 0 decimals (Babel), USD/EUR/SGD 2, JPY 0;
"M" next to Rp/IDR is miliar (10^9).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.capture.amounts import find_amounts, read_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rp 500 jt", [(500_000_000, "IDR")]),
        ("Rp500juta", [(500_000_000, "IDR")]),
        ("IDR 1,2 M", [(1_200_000_000, "IDR")]),
        ("Rp 1,5 miliar", [(1_500_000_000, "IDR")]),
        ("Rp 750rb", [(750_000, "IDR")]),
        ("Rp 750 ribu", [(750_000, "IDR")]),
        ("$50k", [(5_000_000, "USD")]),
        ("USD 50,000", [(5_000_000, "USD")]),
        ("50.000 USD", [(5_000_000, "USD")]),
        ("€10k", [(1_000_000, "EUR")]),
        ("SGD 2.5k", [(250_000, "SGD")]),
        ("budget ~ Rp 500 jt", [(500_000_000, "IDR")]),
        ("Rp 1.000.000", [(1_000_000, "IDR")]),
        ("USD 1,000,000.50", [(100_000_050, "USD")]),
        ("EUR 1.234,56", [(123_456, "EUR")]),
        ("Rp 1.500 jt", [(1_500_000_000, "IDR")]),  # id_ID: "." groups thousands
        ("$1.500k", [(150_000, "USD")]),  # en_US: "." is the decimal mark
        ("US$ 3.5M", [(350_000_000, "USD")]),  # M is million outside IDR
        ("S$ 1.2m", [(120_000_000, "SGD")]),
        ("budget 500jt", [(500_000_000, "IDR")]),
        ("nilai proyek 2 miliar", [(2_000_000_000, "IDR")]),
        ("Rp 500-700 jt", [(500_000_000, "IDR"), (700_000_000, "IDR")]),
        ("¥1000", [(1000, "JPY")]),
        ("50 dollars", [(5000, "USD")]),
        ("deal $50k, later Rp 2 M", [(5_000_000, "USD"), (2_000_000_000, "IDR")]),
    ],
)
def test_amounts(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(a.minor_units, a.currency) for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "met Budi at 3pm",
        "kirim 5 Desember",
        "Q4 2026 plan",
        "invite 100 ALL staff",
        "call in 2 weeks",
        "deal 2 M",  # "M" alone says neither currency nor scale
        "",
    ],
)
def test_no_amount(text: str) -> None:
    assert find_amounts(text) == ()


def test_amount_keeps_where_it_was_said() -> None:
    text = "budget ~ Rp 500 jt, ok"
    (amount,) = find_amounts(text)
    assert text[amount.start : amount.end] == amount.text == "Rp 500 jt"


@pytest.mark.parametrize(
    ("digits", "currency", "multiplier", "expected"),
    [
        ("1.000.000,50", "IDR", False, Decimal("1000000.50")),
        ("1,000,000.50", "USD", False, Decimal("1000000.50")),
        ("1,5", "IDR", True, Decimal("1.5")),
        ("1,500", "IDR", False, Decimal("1500")),
        ("1,500", "USD", True, Decimal("1500")),  # en_US: "," groups
        ("1.500", "USD", True, Decimal("1.5")),
        ("1,2,3", "USD", False, Decimal("123")),
        ("1.2.3,4,5", "USD", False, None),
    ],
)
def test_read_number(
    digits: str, currency: str, multiplier: bool, expected: Decimal | None
) -> None:
    assert read_number(digits, currency, has_multiplier=multiplier) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,- RpUSD$€kjtMmiliar~")), max_size=40))
def test_find_amounts_never_raises(text: str) -> None:
    for amount in find_amounts(text):
        assert amount.minor_units >= 0
        assert len(amount.currency) == 3
