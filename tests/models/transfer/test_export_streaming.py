"""Exports stream: rows are read in batches (exporter.BATCH) and written as they come.
The streamed file is byte for byte what building it whole gave, for every kind and
for vCard, and a failure part-way leaves neither the file nor a temporary one."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import services
from models.store import Store
from models.transfer import exporter
from models.transfer.exporter import (
    EXPORT_KINDS,
    HEADERS,
    csv_bytes,
    export_csv,
    export_vcards,
    rows_for,
    vcard_contacts,
)
from models.transfer.output import private_file
from models.transfer.vcard import contacts_to_vcard
from tests.models.helpers import account, contact, followup, note


def seed_many(store: Store) -> None:
    for i in range(7):
        a = account(store, f"Client {i}", website=f"https://c{i}.example")
        for j in range(3):
            contact(store, a, f"Person {i}-{j}", emails=[f"p{i}{j}@c{i}.example"])
        note(store, a, f"=note {i}")
        followup(store, a, f"call {i}", store.clock.now())
        with store.write() as uow:
            services.create_deal(uow, a, f"Deal {i}")


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_a_streamed_csv_is_what_building_it_whole_gave(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    seed_many(store)
    monkeypatch.setattr(exporter, "BATCH", 2)  # many batches, one a partial one
    with store.read() as session:
        whole = csv_bytes(HEADERS[kind], rows_for(session, kind))
    path = tmp_path / f"{kind}.csv"
    count = export_csv(store, kind, path)
    assert path.read_bytes() == whole
    assert count == len(whole.decode("utf-8-sig").splitlines()) - 1 > 0


def test_a_streamed_vcard_is_what_building_it_whole_gave(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_many(store)
    monkeypatch.setattr(exporter, "BATCH", 4)
    with store.read() as session:
        whole = contacts_to_vcard(vcard_contacts(session)).encode("utf-8")
    path = tmp_path / "all.vcf"
    assert export_vcards(store, path) == 21
    assert path.read_bytes() == whole


def test_a_failure_part_way_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), private_file(target) as out:
        out.write(b"half a file")
        raise RuntimeError("the disk went away")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_kind_is_refused_before_anything_is_written(
    store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Exception, match="cannot export"):
        export_csv(store, "secrets", out / "x.csv")
    assert list(out.iterdir()) == []
