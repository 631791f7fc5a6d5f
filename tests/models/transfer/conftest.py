"""Shared bits for the import/export tests: where the sample files are."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


@pytest.fixture
def data() -> Path:
    return DATA
