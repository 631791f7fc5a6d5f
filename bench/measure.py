"""Timing helpers of the benchmark: runs alternating with their floor, medians and p95,
peak memory of a child process, and the result rows the runner prints.

A scenario's figure and its floor are measured in turn (figure, floor, figure, floor,
...) in the same run, so load on the machine falls on both alike; the ratio is of the
medians. Nothing here is asserted in tests.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Row:
    """One line of the result table. Times in ms unless ``unit`` says otherwise."""

    scenario: str
    samples: list[float]
    floor: list[float] = field(default_factory=list)
    unit: str = "ms"
    budget: str = ""
    #: Whether the figures meet the budget (None: no budget, or not measurable).
    ok: bool | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        f = self.floor_median
        return self.median / f if f else None

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(median=self.median, p95=self.p95, floor_median=self.floor_median,
                   ratio=self.ratio, runs=len(self.samples))  # fmt: skip
        return out


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``samples``."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[rank]


def alternate(
    work: Callable[[int], float | None], floor: Callable[[int], float | None], runs: int
) -> tuple[list[float], list[float]]:
    """Run ``work(i)`` and ``floor(i)`` in turn ``runs`` times; each returns its own
    measured ms (or None to have the call itself timed)."""
    a: list[float] = []
    b: list[float] = []
    for i in range(runs):
        for fn, out in ((work, a), (floor, b)):
            started = time.perf_counter()
            value = fn(i)
            out.append(value if value is not None else (time.perf_counter() - started) * 1000)
    return a, b


@dataclass
class ChildRun:
    """A finished child process: wall time, peak resident memory, output."""

    seconds: float
    peak_mb: float
    stdout: str
    stderr: str
    code: int


def run_child(
    cmd: Sequence[str], env: dict[str, str], *, stdin: str = "", timeout: float = 1800
) -> ChildRun:
    """Run ``cmd``; its wall time and peak RSS. Raises RuntimeError when it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    proc.stdin.write(stdin)
    proc.stdin.close()
    peak = _Peak(proc.pid)
    out, err = _drain(proc, timeout)
    peak_mb = peak.stop()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    _, status, _usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(str(c) for c in cmd[:5])}… exited {proc.returncode}: {err.strip()[-800:]}"
        )
    return ChildRun(seconds, peak_mb, out, err, proc.returncode)


class _Peak:
    """The child's peak RSS: its ``VmHWM`` (a high-water mark, so no peak between two
    reads is missed) read every 20 ms until it exits. (Its ``ru_maxrss`` would not do:
    Linux carries the parent's peak over a fork and exec into the child's.)"""

    def __init__(self, pid: int) -> None:
        import threading

        self.path = f"/proc/{pid}/status"
        self.peak_kib = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            with open(self.path, encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        self.peak_kib = max(self.peak_kib, int(line.split()[1]))
        except (OSError, ValueError):
            pass

    def _watch(self) -> None:
        while not self.done.wait(0.02):
            self._read()

    def stop(self) -> float:
        """Stop watching (call before reaping); the peak in MB."""
        self._read()
        self.done.set()
        self.thread.join()
        return self.peak_kib / 1024 if self.peak_kib else float("nan")


def _drain(proc: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """Read the child's output to its end without reaping it (so wait4 still can)."""
    import threading

    chunks: dict[str, list[str]] = {"out": [], "err": []}

    def pump(stream: Any, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    threads = [
        threading.Thread(target=pump, args=(proc.stdout, chunks["out"]), daemon=True),
        threading.Thread(target=pump, args=(proc.stderr, chunks["err"]), daemon=True),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
        if t.is_alive():
            proc.kill()
            raise TimeoutError(f"child {proc.args!r} ran over {timeout} s")
    return "".join(chunks["out"]), "".join(chunks["err"])


def table(rows: Sequence[Row]) -> str:
    """The rows as a fixed-width text table."""
    head = f"{'scenario':<46}{'median':>10}{'p95':>10}{'floor':>10}{'ratio':>8}  {'budget':<27}ok"
    lines = [head, "-" * len(head)]
    for r in rows:
        floor = f"{r.floor_median:.1f}" if r.floor_median is not None else "-"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        mark = {True: "✓", False: "✗", None: "·"}[r.ok]
        lines.append(
            f"{r.scenario:<46}{r.median:>10.1f}{r.p95:>10.1f}{floor:>10}{ratio:>8}  "
            f"{r.budget:<27}{mark}"
        )
        if r.note:
            lines.append(f"    {r.note}")
    return "\n".join(lines)
