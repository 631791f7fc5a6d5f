"""Where the benchmark's child processes run: a private home, a private D-Bus session
with gnome-keyring holding the benchmark databases' keys (so ``python main.py --db X``
opens them as it opens a user's), and a cache of generated databases.

Every XDG folder points into the private home, whatever the caller's environment holds
(the old ``bench/startup.py`` failed when ``XDG_DATA_HOME`` was already set: its
gnome-keyring then looked for keyrings in the user's folder). The user's keyring,
settings and data are never touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Read by the child that stores a key: the path as argument, the key on stdin.
_STORE_KEY = (
    "import sys; from pathlib import Path; from models.vault import keys; "
    "keys.store_key(Path(sys.argv[1]), bytes.fromhex(sys.stdin.read().strip()))"
)


class PrivateSession:
    """A private home with its own D-Bus session and unlocked gnome-keyring."""

    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="relasi-bench-"))
        self.env = _private_env(self.home)
        self._bus_pid: int | None = None

    def start(self) -> PrivateSession:
        missing = [t for t in ("dbus-daemon", "gnome-keyring-daemon") if not shutil.which(t)]
        if missing:
            raise RuntimeError(f"the benchmark needs {', '.join(missing)} (see README)")
        bus = subprocess.run(
            ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        address, pid = bus.stdout.split()[:2]
        self._bus_pid = int(pid)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input="relasi-bench",
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        return self

    def store_key(self, db: Path, key: bytes) -> None:
        """Put ``db``'s key into the private keyring (as ``open_store`` would have)."""
        subprocess.run(
            [sys.executable, "-c", _STORE_KEY, str(Path(db).absolute())],
            input=key.hex(),
            capture_output=True,
            text=True,
            env=self.env,
            cwd=ROOT,
            check=True,
        )

    def stop(self) -> None:
        # gnome-keyring-daemon leaves with its bus.
        if self._bus_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._bus_pid, signal.SIGTERM)
            self._bus_pid = None
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> PrivateSession:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _private_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "DBUS_"))}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    env.pop("RELASI_DB", None)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_RUNTIME_DIR=str(home / "run"),
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONPATH=str(ROOT),
    )
    for name in ("data", "config", "cache", "state"):
        (home / name).mkdir()
    (home / "run").mkdir(mode=0o700)
    return env


# -- cached databases -------------------------------------------------------------------------


def cache_dir() -> Path:
    """``RELASI_BENCH_CACHE``, or ``~/.cache/relasi-bench``."""
    configured = os.environ.get("RELASI_BENCH_CACHE")
    base = Path(configured) if configured else Path.home() / ".cache" / "relasi-bench"
    base.mkdir(parents=True, exist_ok=True)
    return base


def generator_version() -> str:
    """A hash of the generator's source: a changed generator makes new databases."""
    digest = hashlib.sha256()
    for name in ("generate.py", "vocab.py"):
        digest.update((ROOT / "bench" / name).read_bytes())
    return digest.hexdigest()[:10]


def cached_database(scale: str, seed: int, *, log: bool = True) -> tuple[Path, float | None]:
    """The generated database for ``scale`` and ``seed`` at today's date and the
    current schema head, made now if the cache does not hold it. Returns the path and
    the seconds generation took (None when it came from the cache)."""
    from bench.generate import SCALES, generate, today
    from models.migrations import HEAD

    day = today()
    name = f"{scale}-seed{seed}-schema{HEAD}-{day.date().isoformat()}-{generator_version()}.db"
    folder = cache_dir()
    path = folder / name
    if path.exists():
        return path, None
    for old in folder.glob(f"{scale}-seed{seed}-*"):  # older days, schemas, generators
        old.unlink()
    partial = folder / f"{name}.partial"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    if log:
        print(f"generating the {scale} database (seed {seed}) into {folder} …", file=sys.stderr)
    summary = generate(partial, SCALES[scale], seed=seed, day=day)
    if log:
        print(json.dumps(summary), file=sys.stderr)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    return path, float(summary["total_seconds"])


def copy_database(source: Path, target: Path) -> Path:
    """A copy of a closed database file (its WAL was checkpointed at close)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target
