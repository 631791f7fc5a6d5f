"""Documents: kept in chunks inside the encrypted database, listed without their bytes,
read back byte for byte (also through a backup and a restore), limited in size,
undone to Trash, exported atomically."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from models import operations, services
from models.clock import FixedClock
from models.errors import NotFoundError, StoreError, ValidationError
from models.queries import documents as q
from models.services import documents as docs
from models.store import Store, open_store
from models.vault import unlock
from models.vault.backup import backup_store
from models.vault.restore import restore_backup
from tests.models.helpers import account, note

#: Bytes no text encoding would make by chance, and more than two chunks of them.
PAYLOAD = bytes(range(256)) * (docs.CHUNK_BYTES // 256) * 2 + b"tail\x00\xff"


def _attach(store: Store, data: docs.DocumentSource, **kw: object) -> str:
    with store.write() as uow:
        return docs.attach(uow, data=data, **kw)  # type: ignore[arg-type]


def _chunk_count(store: Store, document_id: str) -> int:
    with store.read() as s:
        return int(
            s.execute(
                text("SELECT count(*) FROM document_chunks WHERE document_id = :d"),
                {"d": document_id},
            ).scalar_one()
        )


def test_bytes_come_back_byte_for_byte_in_chunks(store: Store) -> None:
    client = account(store, "Maju Jaya")
    doc = _attach(store, PAYLOAD, name="contract.pdf", account_id=client)
    assert q.read_document(store, doc) == PAYLOAD
    assert _chunk_count(store, doc) == 3  # 2 MiB + a few bytes
    row = q.document(store, doc)
    assert (row.name, row.size, row.mime) == ("contract.pdf", len(PAYLOAD), "application/pdf")
    assert row.account_id == client and row.deal_id is None


def test_a_path_and_an_open_file_are_read_too(store: Store, tmp_path: Path) -> None:
    client = account(store)
    source = tmp_path / "po.xlsx"
    source.write_bytes(PAYLOAD[:5000])
    from_path = _attach(store, source, name=source.name, account_id=client)
    with source.open("rb") as stream:
        from_stream = _attach(store, stream, name="copy.bin", account_id=client)
    from_str = _attach(store, str(source), name=source.name, account_id=client)
    assert q.read_document(store, from_str) == PAYLOAD[:5000]
    assert q.read_document(store, from_path) == PAYLOAD[:5000]
    assert q.read_document(store, from_stream) == PAYLOAD[:5000]
    assert q.document(store, from_stream).mime == "application/octet-stream"


def test_an_empty_file_is_a_document(store: Store, tmp_path: Path) -> None:
    client = account(store)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    doc = _attach(store, empty, name="empty.txt", account_id=client)
    assert q.read_document(store, doc) == b""
    assert q.document(store, doc).size == 0 and _chunk_count(store, doc) == 0
    out = tmp_path / "out.txt"
    assert q.export_document(store, doc, out) == 0 and out.read_bytes() == b""


def test_lists_by_client_deal_and_entry_newest_first(store: Store, clock: FixedClock) -> None:
    client = account(store, "Maju Jaya")
    other = account(store, "Other")
    entry = note(store, client, "met them")
    with store.write() as uow:
        deal = services.create_deal(uow, client, "Fleet renewal")
    on_client = _attach(store, b"a", name="a.txt", account_id=client)
    clock.advance(timedelta(minutes=1))
    on_deal = _attach(store, b"b", name="b.txt", account_id=client, deal_id=deal)
    clock.advance(timedelta(minutes=1))
    on_entry = _attach(store, b"c", name="c.txt", account_id=client, interaction_id=entry)
    _attach(store, b"d", name="d.txt", account_id=other)
    assert [r.id for r in q.documents_of(store, account_id=client)] == [
        on_entry,
        on_deal,
        on_client,
    ]
    deal_rows = q.documents_of(store, deal_id=deal)
    assert [(r.id, r.deal_title) for r in deal_rows] == [(on_deal, "Fleet renewal")]
    assert [r.id for r in q.documents_of(store, interaction_id=entry)] == [on_entry]
    with pytest.raises(ValueError):
        q.documents_of(store)


def test_a_deal_or_entry_of_another_client_is_refused(store: Store) -> None:
    client, other = account(store, "Mine"), account(store, "Theirs")
    with store.write() as uow:
        deal = services.create_deal(uow, other, "Not mine")
    entry = note(store, other, "theirs")
    with pytest.raises(ValidationError, match="not one of this client's"):
        _attach(store, b"x", name="x", account_id=client, deal_id=deal)
    with pytest.raises(ValidationError, match="not one of this client's"):
        _attach(store, b"x", name="x", account_id=client, interaction_id=entry)
    with pytest.raises(NotFoundError):
        _attach(store, b"x", name="x", account_id="no-such-client")
    assert q.documents_of(store, account_id=client) == []


def test_a_file_over_the_limit_is_refused_before_reading(store: Store, tmp_path: Path) -> None:
    client = account(store)
    huge = tmp_path / "huge.iso"
    with huge.open("wb") as f:  # sparse: the limit is checked before a byte is read
        f.truncate(docs.MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(docs.DocumentTooLargeError) as raised:
        _attach(store, huge, name=huge.name, account_id=client)
    assert raised.value.size == docs.MAX_DOCUMENT_BYTES + 1
    assert "'huge.iso' is 100.0 MB; a document can be at most 100.0 MB" in raised.value.message
    assert q.documents_of(store, account_id=client) == []


def test_a_stream_that_grows_past_the_limit_leaves_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = account(store)
    monkeypatch.setattr(docs, "MAX_DOCUMENT_BYTES", docs.CHUNK_BYTES + 10)
    with pytest.raises(docs.DocumentTooLargeError) as raised:
        _attach(store, io.BytesIO(PAYLOAD), name="big.bin", account_id=client)
    assert raised.value.size > docs.CHUNK_BYTES + 10
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM document_chunks")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM documents")).scalar_one() == 0
    # exactly at the limit is kept
    at_limit = _attach(store, PAYLOAD[: docs.CHUNK_BYTES + 10], name="ok.bin", account_id=client)
    assert q.document(store, at_limit).size == docs.CHUNK_BYTES + 10


def test_a_file_gone_since_it_was_chosen_says_so(store: Store, tmp_path: Path) -> None:
    client = account(store)
    gone = tmp_path / "gone.pdf"
    with pytest.raises(docs.DocumentUnreadableError, match="no longer there"):
        _attach(store, gone, name=gone.name, account_id=client)
    with pytest.raises(docs.DocumentUnreadableError, match="folder"):
        _attach(store, tmp_path, name="folder", account_id=client)
    assert q.documents_of(store, account_id=client) == []


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\budi\\Kontrak.docx", "Kontrak.docx"),
        ("Penawaran — PT Maju 会議 📄.pdf", "Penawaran — PT Maju 会議 📄.pdf"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),
        ("line\nbreak\t.txt", "linebreak.txt"),
        ("", "document"),
        ("..", "document"),
        ("dir/", "document"),
        ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
        ("y" * 300, "y" * 255),
    ],
)
def test_odd_names_are_kept_as_a_plain_file_name(given: str, kept: str) -> None:
    assert docs.clean_name(given) == kept


def test_undo_moves_to_trash_and_purge_deletes_the_bytes(store: Store, clock: FixedClock) -> None:
    client = account(store)
    op = operations.run(
        store, lambda uow: docs.attach(uow, name="a.pdf", data=PAYLOAD, account_id=client)
    )
    doc = op.result
    assert op.changes.of("document") == {doc} and op.changes.of("account") == {client}
    op.undo(store)
    assert q.documents_of(store, account_id=client) == []
    with pytest.raises(NotFoundError):
        q.read_document(store, doc)
    op.redo(store)
    assert q.read_document(store, doc) == PAYLOAD
    with store.write() as uow:
        services.soft_delete(uow, "document", doc)
    from models.queries.stats import trash

    assert [(r.kind, r.label) for r in trash(store)] == [("document", "a.pdf")]
    with store.write() as uow:
        services.put_back(uow, "document", doc)
    assert q.read_document(store, doc) == PAYLOAD
    with store.write() as uow:
        services.soft_delete(uow, "document", doc)
        assert services.purge_trash(uow, None) == 1
    assert _chunk_count(store, doc) == 0


def test_export_is_atomic_and_refuses_to_overwrite(store: Store, tmp_path: Path) -> None:
    client = account(store)
    doc = _attach(store, PAYLOAD, name="a.bin", account_id=client)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "out.bin"
    assert q.export_document(store, doc, target) == len(PAYLOAD)
    assert target.read_bytes() == PAYLOAD
    target.write_bytes(b"mine")
    with pytest.raises(ValidationError, match="already exists"):
        q.export_document(store, doc, target)
    assert target.read_bytes() == b"mine"
    q.export_document(store, doc, target, overwrite=True)
    assert target.read_bytes() == PAYLOAD
    with pytest.raises(ValidationError, match="is a folder"):
        q.export_document(store, doc, tmp_path)
    with pytest.raises(ValidationError, match="does not exist"):
        q.export_document(store, doc, tmp_path / "nope" / "x.bin")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]  # no partial file


def test_damaged_bytes_are_refused_and_leave_no_file(store: Store, tmp_path: Path) -> None:
    client = account(store)
    doc = _attach(store, PAYLOAD, name="a.bin", account_id=client)
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE document_chunks SET data = :x WHERE document_id = :d AND seq = 1"),
            {"x": b"tampered", "d": doc},
        )
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(StoreError, match="do not match"):
        q.export_document(store, doc, folder / "a.bin")
    assert list(folder.iterdir()) == []


def test_round_trip_through_backup_restore_and_export(
    db_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    store = open_store(db_path, clock=clock)
    client = account(store)
    doc = _attach(store, PAYLOAD, name="kontrak.pdf", account_id=client)
    backup = backup_store(store)
    assert backup.counts["document_chunks"] == 3 and backup.counts["documents"] == 1
    with store.write() as uow:
        services.soft_delete(uow, "document", doc)
        services.purge_trash(uow, None)
    store.close()
    clock.advance(timedelta(minutes=5))
    restore_backup(db_path, backup.path, unlock.load_key(db_path), clock=clock)
    store = open_store(db_path, clock=clock)
    out = tmp_path / "exported" / "kontrak.pdf"
    out.parent.mkdir()
    assert q.export_document(store, doc, out) == len(PAYLOAD)
    store.close()
    assert out.read_bytes() == PAYLOAD
    assert os.stat(out).st_size == len(PAYLOAD)


def test_memory_holds_a_few_chunks_not_the_file(store: Store, tmp_path: Path) -> None:
    """Attaching and exporting a 12 MiB file allocates a few chunks' worth, not 12 MiB."""
    import tracemalloc

    client = account(store)
    source = tmp_path / "big.bin"
    with source.open("wb") as f:
        for i in range(12):
            f.write(bytes([i]) * docs.CHUNK_BYTES)
    tracemalloc.start()
    try:
        doc = _attach(store, source, name="big.bin", account_id=client)
        _size, attach_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        out = tmp_path / "out"
        out.mkdir()
        q.export_document(store, doc, out / "big.bin")
        _size, export_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (out / "big.bin").read_bytes() == source.read_bytes()
    assert attach_peak < 4 * docs.CHUNK_BYTES, attach_peak
    assert export_peak < 4 * docs.CHUNK_BYTES, export_peak
