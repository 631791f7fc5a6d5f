"""The hybrid logical clock: monotonic when the wall clock goes back, past every stamp it
receives, and a total order whose text sorts the same way."""

from __future__ import annotations

import random

import pytest

from models.sync.hlc import Hlc, Stamp


def test_ticks_follow_the_wall_clock() -> None:
    hlc = Hlc("a")
    assert hlc.tick(1000) == Stamp(1000, 0, "a")
    assert hlc.tick(1005) == Stamp(1005, 0, "a")


def test_monotonic_when_the_clock_goes_backwards() -> None:
    hlc = Hlc("a")
    first = hlc.tick(5000)
    later = [hlc.tick(wall) for wall in (4000, 3000, 5000, 4999)]
    stamps = [first, *later]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert all(s.ms == 5000 for s in stamps)
    assert [s.counter for s in stamps] == [0, 1, 2, 3, 4]


def test_merge_moves_past_a_remote_stamp_from_the_future() -> None:
    hlc = Hlc("a")
    hlc.tick(1000)
    remote = Stamp(9000, 7, "b")
    merged = hlc.merge(remote, 1001)
    assert merged > remote and merged.device == "a"
    assert merged == Stamp(9000, 8, "a")
    assert hlc.tick(1002) > merged  # a change made after seeing it sorts after it


def test_merge_with_an_older_remote_keeps_local_time() -> None:
    hlc = Hlc("a")
    hlc.tick(5000)
    assert hlc.merge(Stamp(10, 3, "b"), 4000) == Stamp(5000, 1, "a")
    assert hlc.merge(Stamp(10, 3, "b"), 6000) == Stamp(6000, 0, "a")


def test_same_time_breaks_ties_by_device_and_text_sorts_like_stamps() -> None:
    rng = random.Random(7)
    stamps = [
        Stamp(rng.randrange(10**12), rng.randrange(50), rng.choice(["a1", "b2", "c3"]))
        for _ in range(500)
    ]
    assert sorted(stamps) == sorted(stamps, key=lambda s: s.text())
    assert sorted(s.text() for s in stamps) == [s.text() for s in sorted(stamps)]
    assert Stamp(1, 1, "a") < Stamp(1, 1, "b")
    assert Stamp.parse(Stamp(12, 3, "dev").text()) == Stamp(12, 3, "dev")


def test_counter_overflow_moves_to_the_next_millisecond() -> None:
    hlc = Hlc("a", Stamp(100, 999_999, "a"))
    assert hlc.tick(100) == Stamp(101, 0, "a")


@pytest.mark.parametrize("bad", ["", "12.000001.x", "000000000000012.1.x", "nope"])
def test_parse_refuses_garbage(bad: str) -> None:
    with pytest.raises(ValueError):
        Stamp.parse(bad)


def test_device_ids_cannot_hold_the_separator() -> None:
    with pytest.raises(ValueError):
        Hlc("a.b")
