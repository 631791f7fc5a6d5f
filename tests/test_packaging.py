"""pyproject's pins say what the code needs, and only where it needs it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

from models.store import MIN_SQLITE

ROOT = Path(__file__).resolve().parent.parent

#: sqlcipher3 releases and the SQLite they bundle (read from each release's wheel).
BUNDLED_SQLITE = {"0.6.2": (3, 51, 1), "0.6.3": (3, 51, 1), "0.6.4": (3, 53, 4)}


def requirements() -> dict[str, list[Requirement]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out: dict[str, list[Requirement]] = {}
    for line in data["project"]["dependencies"]:
        req = Requirement(line)
        out.setdefault(req.name.lower(), []).append(req)
    return out


def test_sqlcipher3_lower_bound_bundles_the_sqlite_the_store_requires() -> None:
    (req,) = requirements()["sqlcipher3"]
    allowed = [v for v in BUNDLED_SQLITE if req.specifier.contains(v)]
    assert allowed, "no known sqlcipher3 release is allowed"
    assert all(BUNDLED_SQLITE[v] >= MIN_SQLITE for v in allowed), allowed


def test_pyside6_ceiling_applies_only_on_python_311() -> None:
    """6.12.0's refcount bug (tests/ui/test_pyside_refcount.py) is a Python 3.11 one."""
    reqs = requirements()["pyside6-essentials"]

    def allowed(python: str, version: str) -> bool:
        env = {"python_version": python, "python_full_version": python + ".0"}
        active = [r for r in reqs if r.marker is None or r.marker.evaluate(env)]
        return bool(active) and all(r.specifier.contains(version) for r in active)

    assert allowed("3.11", "6.11.0") and not allowed("3.11", "6.12.0")
    assert allowed("3.12", "6.12.0") and allowed("3.13", "6.12.0")
    assert not allowed("3.12", "6.7.0")
