"""Attachments of a filed e-mail kept as documents of its entry, one click, decoded one
at a time; and the private folder opened documents go through."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from models import operations
from models.errors import ImportRefusedError
from models.queries import documents as q
from models.services import documents as docs
from models.store import Store
from models.transfer.mail_attachments import (
    keep_mail_attachments,
    mail_attachments,
    mail_subject,
)
from models.vault.viewing import ViewingFolder, sweep
from tests.models.helpers import account, note

ROOT = Path(__file__).resolve().parent.parent.parent
BINARY = bytes(range(256)) * 40


def _eml(tmp_path: Path) -> Path:
    msg = EmailMessage()
    msg["From"] = "budi@majujaya.co.id"
    msg["To"] = "rina@example.com"
    msg["Subject"] = "Penawaran revisi"
    msg["Date"] = "Tue, 24 Nov 2026 09:12:30 +0700"
    msg.set_content("Terlampir.")
    msg.add_attachment(BINARY, maintype="application", subtype="pdf", filename="Harga – rev2.pdf")
    msg.add_attachment(b"a,b\n1,2\n", maintype="text", subtype="csv", filename="../../rows.csv")
    path = tmp_path / "penawaran.eml"
    path.write_bytes(bytes(msg))
    return path


def test_attachments_are_kept_with_the_entry_and_undone_together(
    store: Store, tmp_path: Path
) -> None:
    client = account(store)
    entry = note(store, client, "Penawaran revisi", kind="email")
    path = _eml(tmp_path)
    assert mail_subject(path) == "Penawaran revisi"
    op = operations.run(store, lambda uow: keep_mail_attachments(uow, path, entry))
    rows = sorted(q.documents_of(store, interaction_id=entry), key=lambda r: r.name)
    assert [(r.name, r.mime, r.account_id) for r in rows] == [
        ("Harga – rev2.pdf", "application/pdf", client),
        ("rows.csv", "text/csv", client),
    ]
    assert q.read_document(store, rows[0].id) == BINARY
    assert op.result.too_large == []
    op.undo(store)
    assert q.documents_of(store, account_id=client) == []
    op.redo(store)
    assert len(q.documents_of(store, interaction_id=entry)) == 2


def test_an_attachment_over_the_limit_is_skipped_and_named(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = account(store)
    entry = note(store, client, "Penawaran revisi", kind="email")
    monkeypatch.setattr(docs, "MAX_DOCUMENT_BYTES", 1000)
    with store.write() as uow:
        kept = keep_mail_attachments(uow, _eml(tmp_path), entry)
    assert kept.too_large == [("Harga – rev2.pdf", len(BINARY))] and len(kept.kept) == 1


def test_a_real_filed_message_and_files_that_are_not_messages(tmp_path: Path) -> None:
    sample = ROOT / "tests" / "data" / "import" / "quote_reply.eml"
    found = list(mail_attachments(sample))
    assert [name for name, _mime, _data in found] == ["Penawaran Harga – rev2.pdf", "rincian.xlsx"]
    assert found[0][2].startswith(b"%PDF-1.4")
    plain = tmp_path / "notes.eml"
    plain.write_text("just some text\n")
    with pytest.raises(ImportRefusedError, match="not an e-mail message"):
        list(mail_attachments(plain))
    fake = tmp_path / "fake.msg"
    fake.write_bytes(b"not an outlook file")
    with pytest.raises(ImportRefusedError, match="not an Outlook message"):
        list(mail_attachments(fake))
    with pytest.raises(ImportRefusedError, match="does not exist"):
        mail_subject(tmp_path / "gone.eml")


def test_the_viewing_folder_is_private_and_removed(store: Store, tmp_path: Path) -> None:
    client = account(store)
    doc = docs_attach(store, client, b"MARKER-IN-A-FILE", "a/b\\c.pdf")
    root = tmp_path / "runtime"
    folder = ViewingFolder(root)
    assert folder.path is None  # nothing made before a document is opened
    first = folder.write(store, doc)
    second = folder.write(store, doc)  # the same name twice: each has its own place
    assert first != second and first.name == second.name == "c.pdf"
    assert first.read_bytes() == b"MARKER-IN-A-FILE"
    assert folder.path is not None and first.is_relative_to(folder.path)
    for p in (root, folder.path, first.parent):
        assert stat.S_IMODE(p.stat().st_mode) == 0o700, p
    assert stat.S_IMODE(first.stat().st_mode) == 0o400
    assert sweep(root) == []  # held by this (running) process: not swept
    opened = folder.path
    folder.close()
    assert not opened.exists() and folder.path is None


def test_a_folder_left_by_a_killed_process_is_swept_at_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "runtime"
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from models.vault.viewing import ViewingFolder\n"
        "f = ViewingFolder(Path(sys.argv[1]))\n"
        "p = f._folder()\n"
        "(p / 'x.pdf').write_bytes(b'left')\n"
        "print(p, flush=True)\n"
        "os._exit(0)  # no close: as if killed\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)], cwd=ROOT, capture_output=True, text=True
    )
    left = Path(done.stdout.strip())
    assert left.is_dir() and (left / "x.pdf").exists()
    other = root / "not-ours"
    other.mkdir()
    assert sweep(root) == [left]
    assert not left.exists() and other.exists()
    assert sweep(tmp_path / "nothing-here") == []


def docs_attach(store: Store, client: str, data: bytes, name: str) -> str:
    with store.write() as uow:
        return docs.attach(uow, name=name, data=data, account_id=client)


def test_exports_are_private_whatever_the_umask(store: Store, tmp_path: Path) -> None:
    client = account(store)
    doc = docs_attach(store, client, b"x", "x.txt")
    out = tmp_path / "o"
    out.mkdir()
    q.export_document(store, doc, out / "x.txt")
    assert stat.S_IMODE(os.stat(out / "x.txt").st_mode) == 0o600
