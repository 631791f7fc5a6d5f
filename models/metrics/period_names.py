"""The named periods the dashboard and the command line offer, apart from
models.metrics.period so that building the command line's parser (at every start of
the window too) imports no date arithmetic."""

from __future__ import annotations

PRESETS = ("month", "quarter", "year")
