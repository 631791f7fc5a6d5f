"""The hybrid logical clock that orders every change the team makes.

A stamp is the wall-clock millisecond, a counter for stamps within (or behind) the same
millisecond, and the device id that broke the tie. Its string form
``"<ms:15>.<counter:06>.<device>"`` sorts as the stamps do, so SQL compares them with
plain ``<``: the later stamp wins everywhere the same way, and two devices never tie.

The clock never goes backwards, even when the machine's clock does, and it moves past
every stamp it receives (:meth:`Hlc.merge`), so a change made after seeing another one
always sorts after it.
"""

from __future__ import annotations

from dataclasses import dataclass

MS_DIGITS = 15
COUNTER_DIGITS = 6
MAX_COUNTER = 10**COUNTER_DIGITS - 1


@dataclass(frozen=True, order=True)
class Stamp:
    """One clock reading: compare stamps directly or by their :meth:`text`."""

    ms: int
    counter: int
    device: str

    def text(self) -> str:
        return f"{self.ms:0{MS_DIGITS}d}.{self.counter:0{COUNTER_DIGITS}d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        ms, counter, device = text.split(".", 2)
        if len(ms) != MS_DIGITS or len(counter) != COUNTER_DIGITS or not device:
            raise ValueError(f"not a clock stamp: {text!r}")
        return cls(int(ms), int(counter), device)


class Hlc:
    """A device's clock: :meth:`tick` for a local change, :meth:`merge` on receiving one."""

    def __init__(self, device: str, last: Stamp | None = None) -> None:
        if not device or "." in device:
            raise ValueError("a device id is a non-empty string without dots")
        self.device = device
        self.last = last or Stamp(0, 0, device)

    def _after(self, ms: int, counter: int) -> Stamp:
        if counter > MAX_COUNTER:  # a thousand thousand stamps in one millisecond
            ms, counter = ms + 1, 0
        self.last = Stamp(ms, counter, self.device)
        return self.last

    def tick(self, wall_ms: int) -> Stamp:
        """A stamp for a change made now (``wall_ms``: the machine's clock)."""
        if wall_ms > self.last.ms:
            return self._after(wall_ms, 0)
        return self._after(self.last.ms, self.last.counter + 1)

    def merge(self, remote: Stamp, wall_ms: int) -> Stamp:
        """Move past a stamp received from another device; returns the new reading."""
        ms = max(wall_ms, self.last.ms, remote.ms)
        if ms == self.last.ms == remote.ms:
            counter = max(self.last.counter, remote.counter) + 1
        elif ms == self.last.ms:
            counter = self.last.counter + 1
        elif ms == remote.ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return self._after(ms, counter)
