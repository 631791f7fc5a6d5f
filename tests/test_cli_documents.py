"""``attach``, ``documents`` and ``document``: files kept with a client or a deal from
the command line, listed one JSON object per line, written back byte for byte; bad
input is one line on stderr and status 2."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

import main
from models import services
from models.services import documents as docs
from models.store import open_store

PAYLOAD = os.urandom(3 * 1024 * 1024 + 17)


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main.main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def error(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    code, out, err = run(capsys, db, *argv)
    assert code == 2 and out == "", (out, err)
    assert err.startswith("relasi: error: ") and err.count("\n") == 1, err
    return err


@pytest.fixture
def clients(db_path: Path) -> dict[str, str]:
    store = open_store(db_path)
    with store.write() as uow:
        ids = {n: services.create_account(uow, n) for n in ("Acme Holdings", "Acme Labs", "Maju")}
        ids["fleet"] = services.create_deal(uow, ids["Maju"], "Fleet renewal 2027")
        ids["pilot"] = services.create_deal(uow, ids["Maju"], "Pilot")
        services.create_deal(uow, ids["Maju"], "Pilot extension")
    store.close()
    return ids


def test_attach_list_and_write_back(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, clients: dict[str, str]
) -> None:
    source = tmp_path / "Kontrak Maju — 2027.pdf"
    source.write_bytes(PAYLOAD)
    code, out, _ = run(capsys, db_path, "attach", "Maju", str(source), "--deal", "fleet renewal")
    assert code == 0
    attached = json.loads(out)
    assert attached == {"document": attached["document"], "bytes": len(PAYLOAD)}
    code, out, _ = run(capsys, db_path, "attach", clients["Maju"], str(source))
    second = json.loads(out)["document"]

    code, out, _ = run(capsys, db_path, "documents", "maju")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {d["id"] for d in lines} == {attached["document"], second}
    by_id = {d["id"]: d for d in lines}
    assert by_id[attached["document"]]["deal"] == "Fleet renewal 2027"
    assert by_id[second]["deal"] is None
    for line in lines:
        assert set(line) == {"id", "name", "bytes", "deal", "added"}
        assert line["name"] == source.name and line["bytes"] == len(PAYLOAD)
        assert line["added"].endswith("+00:00")

    target = tmp_path / "out" / "copy.pdf"
    target.parent.mkdir()
    code, out, _ = run(capsys, db_path, "document", attached["document"], "--to", str(target))
    assert code == 0 and target.read_bytes() == PAYLOAD
    assert json.loads(out)["bytes"] == len(PAYLOAD)
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0  # private, like every file
    # An existing file is kept unless --force
    target.write_bytes(b"mine")
    assert "already exists" in error(
        capsys, db_path, "document", attached["document"], "--to", str(target)
    )
    assert target.read_bytes() == b"mine"
    code, _, _ = run(
        capsys, db_path, "document", attached["document"], "--to", str(target), "--force"
    )
    assert code == 0 and target.read_bytes() == PAYLOAD
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.pdf"]


def test_documents_of_a_client_without_any_prints_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, clients: dict[str, str]
) -> None:
    assert run(capsys, db_path, "documents", "Acme Labs") == (0, "", "")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["attach", "Acme", "{file}"], "could be several clients (Acme Holdings, Acme Labs)"),
        (["attach", "Nobody", "{file}"], "no client is named 'Nobody'"),
        (["documents", "Acme"], "could be several clients"),
        (["attach", "Maju", "{file}", "--deal", "Pilot "], None),
        (["attach", "Maju", "{file}", "--deal", "pil"], "could be several deals"),
        (["attach", "Maju", "{file}", "--deal", "Nope"], "has no deal 'Nope' (its deals: "),
        (["attach", "Maju", "{missing}"], "no longer there"),
        (["attach", "Maju", "{folder}"], "is a folder"),
        (["document", "no-such-id", "--to", "{out}"], "no document with id no-such-id"),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    db_path: Path,
    tmp_path: Path,
    clients: dict[str, str],
    argv: list[str],
    expected: str | None,
) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"hello")
    names: dict[str, Any] = {
        "file": file,
        "missing": tmp_path / "gone.txt",
        "folder": tmp_path,
        "out": tmp_path / "out.bin",
    }
    filled = [a.format(**names) for a in argv]
    if expected is None:  # "Pilot" is one deal's exact title, though another starts with it
        code, out, _ = run(capsys, db_path, *filled)
        assert code == 0 and json.loads(out)["bytes"] == 5
        return
    assert expected in error(capsys, db_path, *filled)
    assert not (tmp_path / "out.bin").exists()


def test_a_file_over_the_limit_is_refused_with_its_size(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, clients: dict[str, str]
) -> None:
    huge = tmp_path / "huge.mov"
    with huge.open("wb") as f:
        f.truncate(docs.MAX_DOCUMENT_BYTES + 5 * 1024 * 1024)
    message = error(capsys, db_path, "attach", "Maju", str(huge))
    assert "'huge.mov' is 105.0 MB; a document can be at most 100.0 MB" in message
    assert run(capsys, db_path, "documents", "Maju") == (0, "", "")


def test_in_a_real_process(tmp_path: Path) -> None:
    """Real processes, the key from a passphrase on descriptor 3."""
    from tests.test_cli_vault import NULL_KEYRING, cli, one_error_line

    db = tmp_path / "d.db"
    made = cli("--db", str(db), "passphrase", "on", env=NULL_KEYRING, stdin="kata sandi 1\n")
    assert made.returncode == 0, made.stderr

    def run_cli(*args: str, stdin: str = "") -> Any:
        read, write = os.pipe()
        os.write(write, b"kata sandi 1\n")
        os.close(write)
        try:
            return cli(
                "--db", str(db), "--passphrase-fd", str(read), *args,
                env=NULL_KEYRING, stdin=stdin, pass_fds=(read,),
            )  # fmt: skip
        finally:
            os.close(read)

    assert run_cli("note", stdin="Visit to PT Maju Jaya").returncode == 0
    source = tmp_path / "po.bin"
    source.write_bytes(PAYLOAD[:70_000])
    done = run_cli("attach", "PT Maju Jaya", str(source))
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)["document"]
    listed = [json.loads(line) for line in run_cli("documents", "Maju Jaya").stdout.splitlines()]
    assert [(d["id"], d["bytes"]) for d in listed] == [(doc, 70_000)]
    out = tmp_path / "back.bin"
    assert run_cli("document", doc, "--to", str(out)).returncode == 0
    assert out.read_bytes() == PAYLOAD[:70_000]
    one_error_line(run_cli("document", doc, "--to", str(out)))
