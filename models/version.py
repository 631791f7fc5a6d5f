"""Relasi's version, read from the installed package's metadata (pyproject.toml is its source)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    """The installed version, or ``0+unknown`` when running from a tree that was never installed."""
    try:
        return version("relasi")
    except PackageNotFoundError:
        return "0+unknown"
