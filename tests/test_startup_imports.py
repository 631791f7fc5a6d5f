"""What starting costs: the parser (built at every start of the window) imports no
subcommand's heavy parts, and the keyring backend is chosen without importing every
installed backend, honouring an explicitly configured one. Each check runs in a fresh
interpreter, where nothing is imported or chosen yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from models.vault import keys
from tests.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parent.parent

HEAVY = [
    "sqlalchemy",
    "keyring",
    "phonenumbers",
    "charset_normalizer",
    "email_validator",
    "importlib.metadata",
    "models.store",
    "models.transfer.importer",
    "models.vault.backup",
]


def fresh(code: str, env: dict[str, str] | None = None) -> object:
    """Run ``code`` in a new interpreter in the project folder; its last line, as JSON."""
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env or dict(os.environ),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def test_building_the_parser_imports_nothing_heavy() -> None:
    loaded = fresh(
        "import json, sys, main\n"
        "parser = main.build_parser()\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    assert loaded == []


def test_help_still_lists_every_subcommand() -> None:
    out = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    for name in ("stats", "backup", "check", "restore", "import", "export", "unlock"):
        assert f"    {name} " in out
    for name in ("export-recovery", "passphrase", "encrypt", "capture"):
        assert name in out


def backends_after_choosing(env: dict[str, str]) -> tuple[str, list[str]]:
    result = fresh(
        "import json, sys, keyring\n"
        "from models.vault import keys\n"
        "keys.choose_backend()\n"
        "b = keyring.get_keyring()\n"
        "print(json.dumps([f'{type(b).__module__}.{type(b).__name__}',"
        " sorted(m for m in sys.modules if m.startswith('keyring.backends.'))]))",
        env,
    )
    assert isinstance(result, list)
    return str(result[0]), list(result[1])


def test_an_explicitly_configured_backend_is_honoured(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.keyrings.MemoryKeyring"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    chosen, loaded = backends_after_choosing(env)
    assert chosen == "tests.keyrings.MemoryKeyring"
    assert "keyring.backends.macOS" not in loaded and "keyring.backends.kwallet" not in loaded


def test_the_keyringrc_file_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "python_keyring").mkdir()
    (tmp_path / "python_keyring" / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=keyring.backends.null.Keyring\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    chosen, _ = backends_after_choosing(env)
    assert chosen == "keyring.backends.null.Keyring"


@pytest.mark.secret_service
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux backend")
def test_linux_gets_the_secret_service_alone(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    env = {k: v for k, v in secret_service_env.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # no keyringrc.cfg
    chosen, loaded = backends_after_choosing(env)
    assert chosen == "keyring.backends.SecretService.Keyring"
    assert loaded == ["keyring.backends.SecretService", "keyring.backends.fail"]


def test_without_a_usable_secret_service_keyring_detects_as_before(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-bus'}"
    chosen, _ = backends_after_choosing(env)
    expected = fresh(
        "import json, keyring\n"
        "b = keyring.get_keyring()\n"
        "print(json.dumps(f'{type(b).__module__}.{type(b).__name__}'))",
        env,
    )
    assert chosen == expected


def test_a_backend_already_set_is_kept(memory_keyring: MemoryKeyring) -> None:
    keys.choose_backend()
    assert keyring.get_keyring() is memory_keyring


#: What the window's frame must paint without: the data layer and its libraries.
DATA_LAYER = [
    "sqlalchemy",
    "sqlcipher3",
    "keyring",
    "phonenumbers",
    "charset_normalizer",
    "rapidfuzz",
    "models.store",
    "models.entities",
    "models.vault.keys",
    "ui.commands",
    "ui.client_list",
]


def test_the_main_window_module_imports_no_data_layer() -> None:
    loaded = fresh(
        "import json, sys\n"
        "import ui.app, ui.main_window\n"
        f"print(json.dumps([m for m in {DATA_LAYER!r} if m in sys.modules]))"
    )
    assert loaded == []


def test_the_window_frame_paints_before_the_data_layer_is_imported(tmp_path: Path) -> None:
    """The frame built, shown and painted (what ``main.py`` shows first) in a fresh
    interpreter: nothing of the data layer is imported by then."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    loaded = fresh(
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.app import make_application\n"
        "from ui.main_window import MainWindow\n"
        "from ui.window_shell import FirstPaintWatcher\n"
        "app = make_application()\n"
        "window = MainWindow(None)\n"
        "painted = []\n"
        "FirstPaintWatcher(window, lambda: (painted.append(1), app.quit()))\n"
        "window.show()\n"
        "app.exec()\n"
        f"print(json.dumps([painted, [m for m in {DATA_LAYER!r} if m in sys.modules]]))",
        env,
    )
    assert loaded == [[1], []]
