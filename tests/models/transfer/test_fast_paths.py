"""The import's fast paths give exactly what the slow, general code gives."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from models import validation as v
from models.errors import ValidationError


def _library(value: str) -> str | None:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _ours(value: str) -> str | None:
    try:
        return v.email(value)
    except ValidationError:
        return None


EMAILS = [
    "N1@Baru.Example",
    "Budi.Santoso.1@klien.example",
    " budi@maju.co.id ",
    "a..b@x.com",
    "a@x.c0m",
    "a@x.123",
    "a@localhost",
    "a@x.test",
    "a@sub.x.TEST",
    "a@x.local",
    "a@x.arpa",
    "a@x.onion",
    "a@x.invalid",
    "a@-x.com",
    "a@x-.com",
    "a@xn--abc.com",
    "a@ab--c.com",
    ".a@x.com",
    "a.@x.com",
    "a+b_c-d@x.co",
    "-a@x.com",
    "a@x_y.com",
    "a@x.example",
    "a@" + "x" * 64 + ".com",
    "a" * 65 + "@x.com",
    "a@" + ".".join(["x" * 60] * 5) + ".com",
    "a@x.c",
    "a@x.co.",
    '"q"@x.com',
    "budi@münchen.de",
    "Bücher@x.com",
]


@pytest.mark.parametrize("value", EMAILS)
def test_plain_email_fast_path_agrees(value: str) -> None:
    assert _ours(value) == _library(value)


_ALPHABET = "abXY09._+-@ \"xnT'!"


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=12),
    st.sampled_from(["", "@x.com", "@A-b.c0.ID", "@ex.test", "@a.arpa", "@q--w.org", "@x.x"]),
)
def test_email_fast_path_agrees_on_generated_addresses(head: str, tail: str) -> None:
    value = head + tail
    assert _ours(value) == _library(value)


def test_email_errors_still_come_from_email_validator() -> None:
    with pytest.raises(ValidationError, match="two periods in a row"):
        v.email("a..b@x.com")


def test_gc_is_paused_during_an_import_step_and_restored_after() -> None:
    import gc

    from models.transfer.source_types import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
