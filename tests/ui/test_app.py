"""Starting the GUI (ui.app.run_gui) in this process, on real databases in tmp_path:
the window after the first paint, a passphrase asked, a keyring problem, a damaged
database restored or salvaged, a plain database encrypted, another instance raised,
and the window reopened after work that needs the store closed. Every dialog is a
real one, answered by a scripted user (tests.ui.user)."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import text

import main
from models.queries import health_kept
from models.queries.clients import client_names
from models.store import open_store
from models.vault import keys, unlock
from models.vault.backup import backup_database, list_backups, lock_path
from tests.keyrings import MemoryKeyring, RaisingKeyring
from tests.models.helpers import account
from tests.models.test_backup import damage
from tests.ui.test_single_instance import first_line, stop
from tests.ui.test_single_instance import start as start_helper
from tests.ui.user import Script, click
from ui.app import run_gui
from ui.main_window import MainWindow
from ui.settings_dialog import apply_language
from ui.unlock import KeyringProblemDialog, PassphraseDialog


@pytest.fixture
def gui(qapp: QApplication, tmp_path: Path) -> Iterator[QApplication]:
    """run_gui may rename the application, style it and write settings: all undone after."""
    config = tmp_path / "config"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    names = (
        qapp.applicationName(),
        qapp.organizationName(),
        qapp.applicationDisplayName(),
        qapp.desktopFileName(),
    )
    style, icon = qapp.styleSheet(), qapp.windowIcon()
    yield qapp
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setApplicationDisplayName(names[2])
    qapp.setDesktopFileName(names[3])
    qapp.setStyleSheet(style)
    qapp.setWindowIcon(icon)
    apply_language("en")
    leftover = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert leftover == []


def start(db: Path, *flags: str, script: Script | None = None) -> int:
    """``relasi --db DB FLAGS`` in this process; ``script`` answers what it shows."""
    args = main.build_parser().parse_args(["--db", str(db), "--lang", "en", *flags])
    with script or Script() as user:
        code = run_gui(args, lambda: 42.0)
    assert not user.gave_up, f"stuck waiting for {[s.what for s in user.steps]}"
    assert user.unexpected == [], f"dialogs nobody expected: {user.unexpected}"
    assert user.done, f"never shown: {[s.what for s in user.steps]}"
    return code


def names_in(window: QWidget) -> list[str]:
    assert isinstance(window, MainWindow)
    model = window.clients.model
    return [model.row(model.index(i, 0)).name for i in range(model.rowCount())]


def close_window(seen: list[list[str]] | None = None) -> Callable[[QWidget], None]:
    """A window step: note the clients it lists, then close it (File ▸ Quit)."""

    def act(window: QWidget) -> None:
        if seen is not None:
            seen.append(names_in(window))
        assert isinstance(window, MainWindow)
        window.actions_["actionQuit"].trigger()

    return act


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("relasi: error: "), err
    return lines[0]


# -- --quit-after-paint: no dialog ever, problems as one line on stderr ---------------------


def test_quit_after_paint_prints_and_leaves_no_trace(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(db_path)
    account(store, "Acme Corp")
    store.close()
    assert start(db_path, "--quit-after-paint") == 0
    out, err = capsys.readouterr()
    lines = [line.split() for line in out.splitlines()]
    # The frame's paint, the filled paint, their CPU times, then the rest built (ready).
    assert [name for name, _ in lines] == [
        "painted-ms",
        "filled-ms",
        "painted-cpu-ms",
        "filled-cpu-ms",
        "ready-ms",
        "ready-cpu-ms",
    ]
    assert lines[0][1] == lines[1][1] == lines[4][1] == "42" and err == ""
    assert 0 < float(lines[2][1]) <= float(lines[3][1]) <= float(lines[5][1])
    assert list_backups(db_path, unlock.load_key(db_path)) == []  # no backup: a probe
    assert not lock_path(db_path).exists()  # the single-instance lock is released
    assert gui.applicationName() == "Relasi" and gui.organizationName() == "Relasi"
    reopened = open_store(db_path)  # closed cleanly: opens again
    assert [n for _, n in client_names(reopened)] == ["Acme Corp"]
    reopened.close()


def test_the_check_after_paint_catches_up_the_kept_health_scores(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(db_path)
    for name in ("Acme Corp", "PT Maju", "CV Sinar"):
        account(store, name)
    with store.write() as uow:  # as a write (or the clock) leaves them: stale
        uow.session.execute(text("UPDATE client_health SET due = ''"))
    store.close()
    assert start(db_path, "--quit-after-paint") == 0
    capsys.readouterr()
    reopened = open_store(db_path)
    with reopened.read() as s:
        assert health_kept.stale_count(s, reopened.clock.now()) == 0
        assert s.execute(text("SELECT count(*) FROM client_health")).scalar() == 3
    reopened.close()


def test_a_failed_health_catch_up_is_no_failed_check(
    gui: QApplication,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = open_store(db_path)
    account(store, "Acme Corp")
    store.close()

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(health_kept, "catch_up", broken)
    assert start(db_path, "--quit-after-paint") == 0
    assert capsys.readouterr().err == ""


def test_quit_after_paint_with_a_passphrase_database_never_asks(
    gui: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "rahasia")
    open_store(db).close()
    unlock.forget()
    assert start(db, "--quit-after-paint") == 2
    out, err = capsys.readouterr()
    assert out == "" and "passphrase" in one_error_line(err)


@pytest.mark.parametrize("problem", ["key missing", "keyring broken"])
def test_quit_after_paint_with_a_keyring_problem_never_asks(
    gui: QApplication,
    db_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    problem: str,
) -> None:
    if problem == "key missing":
        memory_keyring.secrets.clear()
    else:
        keyring.set_keyring(RaisingKeyring())
    before = db_path.read_bytes()
    assert start(db_path, "--quit-after-paint") == 2
    out, err = capsys.readouterr()
    line = one_error_line(err)
    assert out == "" and ("keyring" in line or "key" in line)
    assert db_path.read_bytes() == before


def damaged_with_backup(db: Path, *, backup: bool = True) -> Path | None:
    """30 clients, a verified backup of them (if asked), then pages of the file wrecked."""
    store = open_store(db)
    for i in range(30):
        account(store, f"Client {i:02} " + "n" * 150, notes="n" * 1500)
    store.close()
    made = backup_database(db, unlock.load_key(db)).path if backup else None
    damage(db, pages=(10, 11))
    return made


def test_quit_after_paint_with_a_damaged_database_never_asks(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged_with_backup(db_path)
    before = db_path.read_bytes()
    assert start(db_path, "--quit-after-paint") == 2
    _, err = capsys.readouterr()
    assert "is damaged" in one_error_line(err)
    assert db_path.read_bytes() == before


def plain_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('clear text')")
    conn.commit()
    conn.close()


def test_quit_after_paint_with_a_plain_database_never_asks(
    gui: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plain.db"
    plain_database(db)
    before = db.read_bytes()
    assert start(db, "--quit-after-paint") == 2
    _, err = capsys.readouterr()
    assert "is an unencrypted SQLite database" in one_error_line(err)
    assert db.read_bytes() == before


# -- interactive start ----------------------------------------------------------------------


def test_window_opens_and_closing_it_backs_up(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(db_path)
    account(store, "Acme Corp")
    store.close()
    listed: list[list[str]] = []
    assert start(db_path, script=Script().window(close_window(listed))) == 0
    assert listed == [["Acme Corp"]]
    backups = list_backups(db_path, unlock.load_key(db_path))
    assert len(backups) == 1 and backups[0].counts is not None
    assert backups[0].counts["accounts"] == 1  # the backup at close
    assert capsys.readouterr() == ("", "")
    assert not lock_path(db_path).exists()


def passphrase_database(db: Path, passphrase: str) -> None:
    unlock.create_with_passphrase(db, passphrase)
    store = open_store(db)
    account(store, "Behind A Passphrase")
    store.close()
    unlock.forget()


def type_passphrase(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, PassphraseDialog)
        dialog.field.setText(text)
        dialog.unlock_button.click()

    return act


def test_passphrase_is_asked_and_unlocks(gui: QApplication, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    passphrase_database(db, "buka ✓")
    listed: list[list[str]] = []
    script = (
        Script().dialog(type_passphrase("buka ✓"), PassphraseDialog).window(close_window(listed))
    )
    assert start(db, script=script) == 0
    assert listed == [["Behind A Passphrase"]]
    assert "This database is protected by a passphrase" in script.seen[0]
    assert str(db) in script.seen[0]


def test_quitting_the_passphrase_dialog_opens_nothing(gui: QApplication, tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    passphrase_database(db, "buka")
    before = db.read_bytes()
    script = Script().dialog(click("Quit"), PassphraseDialog)
    assert start(db, script=script) == 2
    assert db.read_bytes() == before and not lock_path(db).exists()


def test_keyring_problem_try_again_once_the_key_is_back(
    gui: QApplication, db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    key = unlock.load_key(db_path)
    memory_keyring.secrets.clear()

    def unlock_keyring_then_retry(dialog: QWidget) -> None:
        keys.store_key(db_path, key)  # the user unlocked the keyring meanwhile
        click("Try again")(dialog)

    listed: list[list[str]] = []
    script = (
        Script()
        .dialog(unlock_keyring_then_retry, KeyringProblemDialog)
        .window(close_window(listed))
    )
    assert start(db_path, script=script) == 0
    assert listed == [[]]
    assert "Relasi cannot get the database key" in script.seen[0]
    assert "Your data is safe and still encrypted" in script.seen[0]


def test_keyring_problem_quit(
    gui: QApplication, db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.secrets.clear()
    script = Script().dialog(click("Quit"), KeyringProblemDialog)
    assert start(db_path, script=script) == 2


def test_damaged_database_restored_from_the_newest_good_backup(
    gui: QApplication, db_path: Path
) -> None:
    damaged_with_backup(db_path)
    listed: list[list[str]] = []
    script = (
        Script()
        .dialog(click("Restore newest good backup"), QMessageBox)
        .window(close_window(listed))
    )
    assert start(db_path, script=script) == 0
    assert "The database is damaged and was not opened" in script.seen[0]
    assert len(listed) == 1 and len(listed[0]) == 30 and listed[0][0].startswith("Client 00")


def test_damaged_database_without_a_backup_cannot_be_restored(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged_with_backup(db_path, backup=False)
    before = db_path.read_bytes()
    script = (
        Script()
        .dialog(click("Restore newest good backup"), QMessageBox)
        .dialog(click("OK"), QMessageBox)
    )
    assert start(db_path, script=script) == 2
    assert "There is no readable backup." in script.seen[1]
    assert "There is no readable backup." in one_error_line(capsys.readouterr().err)
    assert db_path.read_bytes() == before


def test_damaged_database_salvaged_into_a_new_one(
    gui: QApplication, db_path: Path, tmp_path: Path
) -> None:
    damaged_with_backup(db_path, backup=False)
    before = db_path.read_bytes()
    opened: list[Path] = []

    def note_the_database(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        opened.append(window.store.path)
        close_window(listed)(window)

    listed: list[list[str]] = []
    script = (
        Script()
        .dialog(click("Salvage into a new database"), QMessageBox)
        .dialog(click("OK"), QMessageBox)
        .window(note_the_database)
    )
    assert start(db_path, script=script) == 0
    (salvaged,) = list(tmp_path.glob("relasi-salvaged-*.db"))
    assert opened == [salvaged]
    assert f"into {salvaged}. The damaged file was left as it is." in script.seen[1]
    assert "Recovered " in script.seen[1]
    assert 0 < len(listed[0]) <= 30
    assert db_path.read_bytes() == before  # the damaged file is left alone


def test_damaged_database_quit(gui: QApplication, db_path: Path) -> None:
    damaged_with_backup(db_path)
    before = db_path.read_bytes()
    script = Script().dialog(click("Quit"), QMessageBox)
    assert start(db_path, script=script) == 2
    assert db_path.read_bytes() == before


def relasi_plain_copy(source: Path, target: Path) -> None:
    """A Relasi database written without encryption (what older versions left)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(source), isolation_level=None)
    conn.execute(unlock.key_pragma(keys.keyring_key(source)))
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()


def test_plain_database_encrypted_when_the_user_agrees(
    gui: QApplication, db_path: Path, tmp_path: Path
) -> None:
    store = open_store(db_path)
    account(store, "PLAIN-MARKER-CLIENT")
    store.close()
    plain = tmp_path / "legacy" / "relasi.db"
    plain.parent.mkdir()
    relasi_plain_copy(db_path, plain)
    assert b"PLAIN-MARKER-CLIENT" in plain.read_bytes()
    listed: list[list[str]] = []
    script = Script().dialog(click("Yes"), QMessageBox).window(close_window(listed))
    assert start(plain, script=script) == 0
    assert "is not encrypted: anyone who gets this file can read it" in script.seen[0]
    assert listed == [["PLAIN-MARKER-CLIENT"]]
    assert b"PLAIN-MARKER-CLIENT" not in plain.read_bytes()
    assert unlock.read_state(plain).mode == unlock.MODE_KEYRING


def test_plain_database_left_alone_when_the_user_cancels(
    gui: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "plain.db"
    plain_database(db)
    before = db.read_bytes()
    script = Script().dialog(click("Cancel"), QMessageBox).dialog(click("OK"), QMessageBox)
    assert start(db, script=script) == 2
    assert "Relasi cannot open the database" in script.seen[1]
    assert "unencrypted SQLite database" in script.seen[1]
    assert "unencrypted SQLite database" in one_error_line(capsys.readouterr().err)
    assert db.read_bytes() == before


def test_a_folder_is_refused_with_a_message(
    gui: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "not-a-file.db"
    folder.mkdir()
    script = Script().dialog(click("OK"), QMessageBox)
    assert start(folder, script=script) == 2
    assert "is a folder, not a database file" in script.seen[0]
    assert "is a folder" in one_error_line(capsys.readouterr().err)


# -- one instance per database ----------------------------------------------------------------


def test_a_second_start_raises_the_running_instance(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = start_helper(db_path)  # another process has the window on this database
    try:
        assert first_line(first) == "primary"
        # No window here (nothing painted), no dialog: the first one is asked instead.
        assert start(db_path, "--quit-after-paint") == 0
        out, _ = first.communicate(timeout=30)
    finally:
        stop(first)
    assert out.strip() == "activated"
    assert capsys.readouterr() == ("", "")


def test_a_running_instance_that_does_not_answer_is_reported(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held = QLockFile(str(lock_path(db_path)))  # a live holder with no window to raise
    assert held.tryLock(0)
    try:
        assert start(db_path, "--quit-after-paint") == 2
    finally:
        held.unlock()
    line = one_error_line(capsys.readouterr().err)
    assert "already running on this database but does not answer" in line


def test_the_open_window_answers_a_second_start(gui: QApplication, db_path: Path) -> None:
    second: list[subprocess.Popen[str]] = []
    raised: list[bool] = []

    def start_second(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        window.showMinimized()
        second.append(start_helper(db_path))

    def check_and_close(window: QWidget) -> None:
        raised.append(not window.isMinimized())
        close_window()(window)

    script = (
        Script()
        .window(start_second)
        .window(
            check_and_close, when=lambda: bool(second) and second[0].poll() is not None, again=True
        )
    )
    try:
        assert start(db_path, script=script) == 0
        out, err = second[0].communicate(timeout=30)
    finally:
        for proc in second:
            stop(proc)
    assert (second[0].returncode, out.strip()) == (0, "notified"), err
    assert raised == [True]  # the window came back up


# -- work that needs the store closed: the window closes, it runs, the window reopens ---------


def test_restore_from_the_window_reopens_on_the_restored_data(
    gui: QApplication, db_path: Path
) -> None:
    store = open_store(db_path)
    account(store, "Kept")
    store.close()
    backup_database(db_path, unlock.load_key(db_path))
    store = open_store(db_path)
    account(store, "Added After The Backup")
    store.close()
    listed: list[list[str]] = []

    def restore(window: QWidget) -> None:
        listed.append(names_in(window))
        assert isinstance(window, MainWindow)
        window.actions_["actionRestoreBackup"].trigger()  # File ▸ Restore from backup…

    script = (
        Script()
        .window(restore)
        .dialog(click("Restore…"))
        .dialog(click("Yes"), QMessageBox)
        .window(close_window(listed))
    )
    assert start(db_path, script=script) == 0
    assert listed == [["Added After The Backup", "Kept"], ["Kept"]]
    assert "Restore from backup" in script.seen[0]
    assert "Replace the database with the backup of" in script.seen[1]


def test_work_that_fails_is_reported_and_the_window_reopens(
    gui: QApplication, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.vault.restore import restore_backup

    missing = tmp_path / "missing-backup.db"

    def restore_a_missing_backup(window: QWidget) -> None:
        assert isinstance(window, MainWindow)
        path, key = window.store.path, window.store.key
        window.reopen_after(lambda: restore_backup(path, missing, key))

    script = (
        Script()
        .window(restore_a_missing_backup)
        .dialog(click("OK"), QMessageBox)
        .window(close_window())
    )
    assert start(db_path, script=script) == 0
    assert "missing-backup.db" in script.seen[0]
    assert "missing-backup.db" in one_error_line(capsys.readouterr().err)


def test_a_failed_backup_at_close_is_a_warning(
    gui: QApplication, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (db_path.parent / "backups").write_text("a file where the backup folder goes")
    assert start(db_path, script=Script().window(close_window())) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("relasi: warning: backup at close failed: ")
    assert err.count("\n") == 1
    reopened = open_store(db_path)  # the store was closed all the same
    reopened.close()
