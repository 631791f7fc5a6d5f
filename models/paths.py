"""Where Relasi keeps its files: the per-user data folder, or what the user says."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Relasi"
DB_ENV = "RELASI_DB"


def data_dir() -> Path:
    from platformdirs import user_data_dir  # not needed when --db names the file

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "relasi.db"


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db`` wins, then ``RELASI_DB``, then the per-user default (whose folder is made)."""
    if cli_value:
        return Path(cli_value).expanduser()
    if env := os.environ.get(DB_ENV):
        return Path(env).expanduser()
    path = default_db_path()
    make_private_dir(path.parent)
    return path


def lock_path(db_path: Path) -> Path:
    """The single-instance lock file of a database (ui.single_instance holds it; a
    restore honours it): here, with no heavy import, for the window's first paint."""
    db = Path(os.path.abspath(db_path))
    return db.with_name(f".{db.name}.lock")


def make_private_dir(path: Path) -> None:
    """Create a folder (and parents) readable by the user alone."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))
