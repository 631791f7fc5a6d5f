"""Account review and meeting brief PDFs: their text read back with pypdf, a hostile
client name printed as text, the brief on one page, the `report` command, and
File ▸ Export account review…"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

import main
from models import services
from models.clock import FixedClock
from models.errors import NotFoundError, ValidationError
from models.queries.review import account_review, find_client
from models.store import Store
from ui.main_window import MainWindow
from ui.reports.export import export_report
from ui.reports.pdf import ReportError

HOSTILE = "<b>Bold</b> & <script>alert(1)</script> Corp"


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def client(store: Store, clock: FixedClock) -> dict[str, str]:
    now = clock.now()
    ids: dict[str, str] = {}
    with store.write() as uow:
        ids["acme"] = a = services.create_account(
            uow, "Acme Nusantara", tier="A", industry="Logistics", tags=["jakarta"]
        )
        ids["sari"] = sari = services.create_contact(
            uow, "Sari Wijaya", account_id=a, title="CFO", emails=["sari@acme.example"]
        )
        ids["budi"] = services.create_contact(uow, "Budi Hartono", account_id=a)
        services.add_interaction(
            uow, a, kind="meeting", subject="Quarterly review",
            body="Discussed the renewal.", occurred_at=now - timedelta(days=10),
            contact_ids=[sari],
        )  # fmt: skip
        services.add_interaction(
            uow, a, kind="call", subject="Ancient call", occurred_at=now - timedelta(days=200)
        )
        services.add_interaction(
            uow, a, kind="gift", subject="Batik scarf", occurred_at=now - timedelta(days=20),
            gift_value_minor=75_00, gift_currency="USD", contact_ids=[sari],
        )  # fmt: skip
        services.create_followup(uow, a, "Send the renewal quote", now - timedelta(days=2))
        services.create_followup(uow, a, "Book the site visit", now + timedelta(days=5))
        services.create_deal(
            uow, a, "Fleet renewal", stage="proposal", amount_minor=250_000_000,
            currency="IDR", probability=60, expected_close=date(2026, 12, 20),
        )  # fmt: skip
        services.create_deal(uow, a, "Pilot 2025", stage="won", amount_minor=50_000_000)
    return ids


def test_the_review_holds_client_contacts_followups_deals_gifts_and_health(
    qapp: object, store: Store, client: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "review.pdf"
    pages = export_report(store, client["acme"], out)
    reader = PdfReader(str(out))
    assert pages == len(reader.pages) >= 1
    text = squash(pdf_text(out))
    for expected in (
        "Acme Nusantara",
        "Sari Wijaya",
        "CFO",
        "Budi Hartono",
        "Send the renewal quote",
        "overdue",
        "Book the site visit",
        "Fleet renewal",
        "Pilot 2025",
        "Batik scarf",
        "Quarterly review",
        "Account health",
        "Health",
        f"Page 1 of {pages}",
    ):
        assert expected in text, expected
    assert "Ancient call" not in text  # older than 90 days
    assert reader.metadata is not None and "Acme Nusantara" in str(reader.metadata.title)
    box = reader.pages[0].mediabox  # A4: 595 x 842 points
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_a_hostile_name_prints_as_text(
    qapp: object, store: Store, client: dict[str, str], tmp_path: Path
) -> None:
    with store.write() as uow:
        services.update_account(uow, client["acme"], name=HOSTILE)
        services.create_contact(uow, "<i>Eve</i>\u202egnp.exe", account_id=client["acme"])
    out = tmp_path / "hostile.pdf"
    export_report(store, client["acme"], out)
    text = squash(pdf_text(out))
    assert "<b>Bold</b> & <script>alert(1)</script> Corp" in text
    assert "<i>Eve</i>⟨U+202E⟩gnp.exe" in text


def test_the_brief_is_one_page_even_for_a_big_account(
    qapp: object, store: Store, clock: FixedClock, client: dict[str, str], tmp_path: Path
) -> None:
    now = clock.now()
    with store.write() as uow:
        for i in range(40):
            services.create_contact(uow, f"Person {i:02d}", account_id=client["acme"])
            services.add_interaction(
                uow, client["acme"], kind="note", subject=f"Note {i}",
                body="long text " * 200, occurred_at=now - timedelta(days=i % 80),
            )  # fmt: skip
            services.create_followup(uow, client["acme"], f"Task {i}", now + timedelta(days=i))
    out = tmp_path / "brief.pdf"
    assert export_report(store, client["acme"], out, brief=True) == 1
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = squash(pdf_text(out))
    assert "Meeting brief" in text and "Acme Nusantara" in text and "Send the renewal quote" in text
    review = tmp_path / "review.pdf"
    assert export_report(store, client["acme"], review) > 1  # the review runs on


def test_writing_to_a_folder_or_a_missing_folder_is_refused(
    qapp: object, store: Store, client: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ReportError, match="is a folder"):
        export_report(store, client["acme"], out)
    with pytest.raises(ReportError, match="does not exist"):
        export_report(store, client["acme"], out / "nope" / "r.pdf")
    with pytest.raises(NotFoundError):
        export_report(store, "no-such-client", out / "r.pdf")
    assert list(out.iterdir()) == []  # nothing half-written left behind


def test_find_client_by_id_or_name(store: Store, client: dict[str, str]) -> None:
    assert find_client(store, client["acme"]) == client["acme"]
    assert find_client(store, "  acme   NUSANTARA ") == client["acme"]
    with pytest.raises(NotFoundError):
        find_client(store, "Globex")
    with pytest.raises(ValidationError):
        find_client(store, "   ")
    with store.write() as uow:
        services.create_account(uow, "Acme Nusantara")
    with pytest.raises(ValidationError, match="2 clients"):
        find_client(store, "Acme Nusantara")


def test_review_data_orders_contacts_by_last_reached(store: Store, client: dict[str, str]) -> None:
    review = account_review(store, client["acme"])
    assert review is not None
    assert [r.contact.name for r in review.contacts] == ["Sari Wijaya", "Budi Hartono"]
    assert review.contacts[1].last_reached is None
    assert [g.subject for g in review.gifts] == ["Batik scarf"]
    assert len(review.overdue_ids) == 1
    assert account_review(store, "nope") is None


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main.main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_report_command_writes_the_pdf_and_prints_json(
    qapp: object,
    db_path: Path,
    store: Store,
    client: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    out = tmp_path / "cli.pdf"
    code, stdout, err = run_main(
        capsys, "--db", str(db_path), "report", "Acme Nusantara", "--pdf", str(out)
    )
    assert (code, err) == (0, "")
    result = json.loads(stdout)
    assert result["pdf"] == str(out) and result["client"] == client["acme"]
    assert result["pages"] == len(PdfReader(str(out)).pages)
    assert "Send the renewal quote" in squash(pdf_text(out))
    code, stdout, _ = run_main(
        capsys, "--db", str(db_path), "report", client["acme"], "--brief", "--pdf", str(out)
    )
    assert code == 0 and json.loads(stdout)["pages"] == 1
    code, stdout, err = run_main(
        capsys, "--db", str(db_path), "report", "Nobody Here", "--pdf", str(out)
    )
    assert code == 2 and stdout == "" and err.count("\n") == 1
    assert err.startswith("relasi: error: no client named 'Nobody Here'")
    code, _, err = run_main(capsys, "--db", str(db_path), "report", "Acme Nusantara")
    assert code == 2 and "--pdf" in err  # argparse: the output file is required


def test_file_menu_exports_the_selected_clients_review(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "menu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    action = window.actions_["actionExportReview"]
    assert action in window.actions_.menus["file"].actions()
    window.jump_to(window.clients.model.row(window.clients.model.index(0, 0)).id)
    action.trigger()
    qtbot.waitUntil(out.exists)
    name = window.timeline.detail.name if window.timeline.detail else ""
    assert name and name in squash(pdf_text(out))
    brief = tmp_path / "brief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(brief), "PDF"))
    window.actions_["actionExportBrief"].trigger()
    qtbot.waitUntil(brief.exists)
    assert len(PdfReader(str(brief)).pages) == 1
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.actions_["actionExportReview"].trigger()  # cancelled: nothing happens


def test_the_review_is_translated(
    qapp: object, store: Store, client: dict[str, str], tmp_path: Path
) -> None:
    from ui.settings_dialog import apply_language

    out = tmp_path / "id.pdf"
    try:
        apply_language("id")
        export_report(store, client["acme"], out)
    finally:
        apply_language("en")
    text = squash(pdf_text(out))
    for expected in ("Tinjauan akun", "Kesehatan akun", "Tindak lanjut terbuka", "Halaman 1 dari"):
        assert expected in text, expected
    assert "Account review" not in text, text
