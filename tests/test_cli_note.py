"""``python main.py note``: a quick note on standard input, filed under the client it
names (or --client, or a new client named from the company mention), printed as one
JSON object; with --dry-run nothing is written; bad input is one line and status 2."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

import main
from models import services
from models.store import open_store
from tests.test_cli_vault import NULL_KEYRING, cli, one_error_line

PROSE = (
    "Ketemu Pak Budi di kantor PT Maju Jaya. Mereka tertarik paket enterprise Rp 500 jt.\n"
    "- [ ] call Budi next Tuesday at 3pm\n"
    "- kirim brosur\n"
)
NOW = "2026-11-30T09:00"  # a Monday


def note(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db: Path,
    text: str | bytes,
    *args: str,
) -> tuple[int, Any, str]:
    data = text.encode() if isinstance(text, str) else text
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main.main(["--db", str(db), "note", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


@pytest.fixture
def maju(db_path: Path) -> dict[str, str]:
    store = open_store(db_path)
    with store.write() as uow:
        ids = {n: services.create_account(uow, n) for n in ("PT Maju Jaya", "PT Maju Indah")}
        ids["budi"] = services.create_contact(uow, "Budi Santoso", account_id=ids["PT Maju Jaya"])
        services.create_contact(uow, "Budiman", account_id=ids["PT Maju Jaya"])
    store.close()
    return ids


def counts(db: Path) -> dict[str, int]:
    from models.queries.stats import live_counts

    store = open_store(db)
    try:
        return dict(live_counts(store))
    finally:
        store.close()


def test_dry_run_reads_and_writes_nothing(
    db_path: Path, maju: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(db_path)
    code, out, err = note(capsys, monkeypatch, db_path, PROSE, "--now", NOW, "--dry-run")
    assert (code, err) == (0, "")
    assert out["client"] == {"id": maju["PT Maju Jaya"], "name": "PT Maju Jaya", "how": "named"}
    assert out["contacts"] == [{"id": maju["budi"], "name": "Budi Santoso"}]  # not Budiman
    assert out["kind"] == "meeting" and out["subject"].startswith("Ketemu Pak Budi")
    assert out["amounts"] == [{"value": "500000000", "currency": "IDR"}]
    first, second = out["followups"]
    assert first["title"] == "call Budi" and first["sure"] and not first["all_day"]
    assert first["due"].startswith("2026-12-08T15:00:00")  # local time with its offset
    assert first["due"][19:] in ("Z", "+00:00") or first["due"][19] in "+-"
    assert second == {"title": "kirim brosur", "due": "2026-12-02", "all_day": True, "sure": False}
    assert out["written"] is False
    assert counts(db_path) == before


def test_save_writes_the_entry_and_followups(
    db_path: Path, maju: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = note(
        capsys, monkeypatch, db_path, PROSE, "--now", NOW, "--client", "PT Maju Indah"
    )
    assert code == 0 and out["written"] is True
    assert out["client"]["how"] == "named"  # the note's company beats --client
    from sqlalchemy import select

    from models.entities import FollowUp, Interaction

    store = open_store(db_path)
    try:
        with store.read() as s:
            entry = s.scalars(select(Interaction)).one()
            assert entry.account_id == maju["PT Maju Jaya"]
            assert entry.body == PROSE.rstrip("\n")  # as written
            assert [c.name for c in entry.contacts] == ["Budi Santoso"]
            titles = sorted(f.title for f in s.scalars(select(FollowUp)))
        assert titles == ["call Budi", "kirim brosur"]
    finally:
        store.close()


def test_given_new_and_refused_clients(
    db_path: Path, maju: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = note(
        capsys, monkeypatch, db_path, "Called them about renewal", "--client", "maju indah"
    )
    assert code == 0 and out["client"]["how"] == "given"
    assert out["client"]["id"] == maju["PT Maju Indah"]
    code, out, _ = note(
        capsys, monkeypatch, db_path, "Meeting at CV Sinar Baru today.", "--dry-run"
    )
    assert code == 0 and out["client"] == {"id": None, "name": "CV Sinar Baru", "how": "new"}
    code, out, _ = note(capsys, monkeypatch, db_path, "Meeting at CV Sinar Baru today.")
    assert out["client"]["how"] == "new" and out["client"]["id"]
    code, out, err = note(capsys, monkeypatch, db_path, "Ketemu mereka, belum ada keputusan.")
    assert code == 2 and out is None and err.count("\n") == 1 and "--client" in err


@pytest.mark.parametrize(
    ("text", "args", "words"),
    [
        ("", (), "empty"),
        ("   \n\t\n", (), "empty"),
        (b"PT Maju Jaya \xff\xfe", (), "UTF-8"),
        ("PT Maju Jaya", ("--now", "next tuesday"), "--now"),
        ("Met them", ("--client", "Nobody Ltd"), "no client"),
        ("Met them", ("--client", "Maju"), "several"),
        ("PT Maju Jaya \x00 x", (), "NUL"),
        ("x" * 200_001 + " PT Maju Jaya", (), "limited"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    db_path: Path,
    maju: dict[str, str],
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    text: str | bytes,
    args: tuple[str, ...],
    words: str,
) -> None:
    before = counts(db_path)
    code, out, err = note(capsys, monkeypatch, db_path, text, *args)
    assert (code, out) == (2, None)
    assert err.startswith("relasi: error: ") and err.count("\n") == 1 and words in err
    assert counts(db_path) == before


@pytest.mark.parametrize(
    "hostile",
    [
        'PT Maju Jaya\'); DROP TABLE accounts;-- "NEAR(" * OR',
        "\u202ePT Maju Jaya\u202c \u200f rapat \u200e",
        "PT Maju Jaya\x07\x1b[31m red \x1b[0m\x0b\x0c",
        "PT Maju Jaya\n" + "- kirim proposal besok\n" * 2000,
    ],
)
def test_hostile_notes_are_saved_as_written(
    db_path: Path, maju: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch, hostile: str
) -> None:
    code, out, err = note(capsys, monkeypatch, db_path, hostile, "--now", NOW)
    assert code == 0, err
    assert out["written"] and out["client"]["id"] == maju["PT Maju Jaya"]
    assert counts(db_path)["accounts"] == 2


def test_note_in_a_real_process(tmp_path: Path) -> None:
    """A real process, the key from a passphrase on descriptor 3, the note on stdin."""
    db = tmp_path / "n.db"
    made = cli("--db", str(db), "passphrase", "on", env=NULL_KEYRING, stdin="kata sandi 1\n")
    assert made.returncode == 0, made.stderr

    def run_note(text: str, *args: str) -> Any:
        read, write = os.pipe()
        os.write(write, b"kata sandi 1\n")
        os.close(write)
        try:
            return cli(
                "--db", str(db), "--passphrase-fd", str(read), "note", *args,
                env=NULL_KEYRING, stdin=text, pass_fds=(read,),
            )  # fmt: skip
        finally:
            os.close(read)

    done = run_note(PROSE, "--now", NOW)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["client"]["how"] == "new" and out["client"]["name"] == "PT Maju Jaya"
    assert out["written"] and len(out["followups"]) == 2
    again = json.loads(run_note("Follow-up visit to PT Maju Jaya", "--dry-run").stdout)
    assert again["client"] == {**out["client"], "how": "named"}
    one_error_line(run_note(""))


# The issue's note, as an account executive writes it: next steps inside sentences.
ISSUE_NOTE = (
    "Ketemu Pak Budi di kantor PT Maju Jaya. Mereka tertarik paket enterprise Rp 500 jt. "
    "Kirim proposal besok, follow up Selasa depan jam 3 sore."
)


def test_next_steps_inside_sentences_become_dated_followups(
    db_path: Path, maju: dict[str, str], capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = note(capsys, monkeypatch, db_path, ISSUE_NOTE, "--now", NOW)
    assert (code, err) == (0, "")
    assert out["client"]["how"] == "named" and out["client"]["id"] == maju["PT Maju Jaya"]
    assert out["contacts"] == [{"id": maju["budi"], "name": "Budi Santoso"}]
    assert out["subject"] == "Ketemu Pak Budi di kantor PT Maju Jaya"  # the first sentence
    send, follow = out["followups"]
    # "besok" on Monday 30 November is Tuesday 1 December, all day
    assert send == {"title": "Kirim proposal", "due": "2026-12-01", "all_day": True, "sure": True}
    # "Selasa depan jam 3 sore": next week's Tuesday at 15:00, titled with who and where
    assert follow["title"] == "Follow up with Budi (PT Maju Jaya)"
    assert follow["due"].startswith("2026-12-08T15:00:00") and not follow["all_day"]
    assert out["written"] is True
    # nothing said in a sentence that only reports became a follow-up
    assert counts(db_path)["followups"] == 2


def test_a_short_name_several_clients_share_is_refused_not_guessed(
    db_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path)
    with store.write() as uow:
        for name in ("Acme Holdings", "Acme Labs", "Acme Systems"):
            services.create_account(uow, name)
    store.close()
    before = counts(db_path)
    code, out, err = note(capsys, monkeypatch, db_path, "Quick call w/ Acme. Send the deck.")
    assert code == 2 and out is None
    assert "several clients" in err and "Acme Labs" in err and len(err.splitlines()) == 1
    assert counts(db_path) == before
    # the client given settles it
    code, out, err = note(
        capsys, monkeypatch, db_path, "Quick call w/ Acme.", "--client", "Acme Labs", "--dry-run"
    )
    assert (code, err) == (0, "") and out["client"]["name"] == "Acme Labs"
    assert out["client"]["how"] == "given"
