"""Quick capture's storage: drafts, templates, and saving a parsed note in one transaction."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from models import services
from models.capture import drafts as cs
from models.capture.parse import parse_capture
from models.entities import Deal, Draft, Interaction
from models.errors import NotFoundError, ValidationError
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.store import Changes, Store, open_store
from models.vault.integrity import full_check
from tests.models.helpers import account, contact

DESIGN_NOTE = """Acme Corp — met Budi and Sari, demo went well, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] call Sari next Tuesday about pricing
TODO: invite to webinar in 2 weeks"""


def _now(store: Store) -> datetime:
    return store.clock.now().astimezone()


def _edits(result: object) -> list[cs.FollowUpEdit]:
    from models.capture.parse import CaptureResult

    assert isinstance(result, CaptureResult)
    return [cs.FollowUpEdit(f.title, f.due, f.all_day) for f in result.followups]


def _local_midnight(store: Store, days: int) -> datetime:
    today = _now(store).date() + timedelta(days=days)
    return datetime.combine(today, time(), tzinfo=_now(store).tzinfo).astimezone(UTC)


# -- drafts -------------------------------------------------------------------------------


def test_no_draft_at_first(store: Store) -> None:
    assert cs.load_draft(store) is None


def test_draft_is_upserted_as_one_row(store: Store) -> None:
    acme = account(store, "Acme Corp")
    first = cs.save_draft(store, "Acme — met", acme)
    second = cs.save_draft(store, "Acme — met Budi", acme)
    assert first == second
    draft = cs.load_draft(store)
    assert draft is not None
    assert (draft.id, draft.text, draft.account_id) == (first, "Acme — met Budi", acme)
    assert draft.updated_at == store.clock.now()
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Draft)) == 1


def test_blank_draft_is_not_offered(store: Store) -> None:
    cs.save_draft(store, "  \n ", None)
    assert cs.load_draft(store) is None


def test_draft_for_a_deleted_client_keeps_the_text(store: Store) -> None:
    gone = account(store, "Gone Ltd")
    with store.write() as uow:
        services.soft_delete(uow, "account", gone)
    cs.save_draft(store, "still typing", gone)
    cs.save_draft(store, "still typing", "no-such-id")
    draft = cs.load_draft(store)
    assert draft is not None and draft.account_id is None and draft.text == "still typing"


def test_discard_draft(store: Store) -> None:
    cs.save_draft(store, "something", None)
    cs.discard_draft(store)
    assert cs.load_draft(store) is None
    cs.discard_draft(store)  # nothing there: still fine
    assert cs.save_draft(store, "again", None)
    assert cs.load_draft(store) is not None


def test_oversized_draft_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError):
        cs.save_draft(store, "x" * (cs.DRAFT_MAX + 1), None)
    assert cs.load_draft(store) is None


def test_draft_writes_only_report_drafts(store: Store) -> None:
    heard: list[Changes] = []
    store.subscribe(heard.append)
    acme = account(store, "Acme Corp")
    heard.clear()
    cs.save_draft(store, "typing", acme)
    cs.save_draft(store, "typing more", acme)
    cs.discard_draft(store)
    assert heard and all(set(c.ids) == {"draft"} for c in heard)


# -- templates ----------------------------------------------------------------------------


def test_default_templates_are_seeded_once(store: Store) -> None:
    assert cs.ensure_default_templates(store) == 3
    assert cs.ensure_default_templates(store) == 0
    templates = cs.list_templates(store)
    assert [t.name for t in templates] == [
        "Discovery call",
        "Quarterly account review",
        "Kunjungan klien",
    ]
    assert [t.position for t in templates] == [0, 1, 2]
    assert "## Tindak lanjut\n- [ ] " in templates[2].body
    assert all(t.body.endswith("- [ ] ") for t in templates)


def test_templates_parse_as_headings_not_follow_ups(store: Store) -> None:
    cs.ensure_default_templates(store)
    templates = cs.list_templates(store)
    assert len(templates) == 3  # the loop below checks something
    for template in templates:
        result = parse_capture(template.body, now=_now(store))
        assert result.followups == ()


def test_deleted_defaults_do_not_come_back(store: Store) -> None:
    cs.ensure_default_templates(store)
    for template in cs.list_templates(store):
        cs.delete_template(store, template.id)
    assert cs.list_templates(store) == []
    assert cs.ensure_default_templates(store) == 0
    assert cs.list_templates(store) == []


def test_save_template_adds_last_and_edits(store: Store) -> None:
    cs.ensure_default_templates(store)
    new_id = cs.save_template(store, "  Demo debrief ", "## What they liked\n")
    templates = cs.list_templates(store)
    assert templates[-1].id == new_id
    assert (templates[-1].name, templates[-1].position) == ("Demo debrief", 3)
    assert cs.save_template(store, "Demo recap", "## Liked\n", new_id) == new_id
    edited = cs.list_templates(store)[-1]
    assert (edited.name, edited.body) == ("Demo recap", "## Liked\n")


def test_first_template_in_an_empty_table_is_at_position_zero(store: Store) -> None:
    cs.save_template(store, "Mine", "")
    assert [t.position for t in cs.list_templates(store)] == [0]


def test_bad_templates_are_refused(store: Store) -> None:
    with pytest.raises(ValidationError):
        cs.save_template(store, "   ", "body")
    with pytest.raises(ValidationError):
        cs.save_template(store, "Huge", "x" * (cs.TEMPLATE_BODY_MAX + 1))
    with pytest.raises(NotFoundError):
        cs.save_template(store, "Ghost", "", "no-such-id")
    kept = cs.save_template(store, "Kept", "")
    cs.delete_template(store, kept)
    with pytest.raises(NotFoundError):
        cs.save_template(store, "Kept", "", kept)
    with pytest.raises(NotFoundError):
        cs.delete_template(store, kept)


# -- saving a note ------------------------------------------------------------------------


def _acme_with_people(store: Store) -> tuple[str, str, str]:
    acme = account(store, "Acme Corp")
    budi = contact(store, acme, "Budi Santoso")
    sari = contact(store, acme, "Sari Wijaya")
    contact(store, account(store, "Other Co"), "Budi Santoso")  # same name, other client
    return acme, budi, sari


def test_save_the_design_example(store: Store) -> None:
    acme, budi, sari = _acme_with_people(store)
    result = parse_capture(
        DESIGN_NOTE, now=_now(store), contact_names=("Budi Santoso", "Sari Wijaya")
    )
    with store.write() as uow:
        created = cs.save_capture(
            uow, account_id=acme, result=result, followups=_edits(result), kind=result.kind
        )
    assert [k for k, _ in created] == ["interaction", "followup", "followup", "followup"]
    entries, _ = timeline_queries.timeline_page(store, acme)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.id == created[0][1]
    assert entry.kind == "meeting"
    assert entry.subject == DESIGN_NOTE.splitlines()[0]
    assert entry.body == DESIGN_NOTE  # the note as written, next-step lines kept
    assert set(entry.contact_ids) == {budi, sari}
    assert entry.occurred_at == store.clock.now()
    with store.read() as s:
        saved = s.get(Interaction, entry.id)
        assert saved is not None
        assert (saved.amount_minor, saved.amount_currency) == (500_000_000, "IDR")
        assert s.scalar(select(func.count()).select_from(Deal)) == 0
    buckets = followup_queries.followups(store, account_id=acme)
    upcoming = {f.title: f for f in buckets.upcoming}
    assert set(upcoming) == {"kirim proposal", "call Sari about pricing", "invite to webinar"}
    assert upcoming["kirim proposal"].due_at == _local_midnight(store, 1)
    assert upcoming["call Sari about pricing"].due_at == _local_midnight(store, 7)
    assert upcoming["invite to webinar"].due_at == _local_midnight(store, 14)
    assert all(f.interaction_id == entry.id and f.all_day for f in upcoming.values())


def test_edited_follow_ups_and_kind_are_what_is_saved(store: Store) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture("Quick chat\n- [ ] send deck", now=_now(store))
    at = datetime(2026, 12, 3, 15, 0, tzinfo=_now(store).tzinfo)
    edits = [cs.FollowUpEdit("send the deck", at, all_day=False)]
    with store.write() as uow:
        created = cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=edits,
            kind="call",
            occurred_at=store.clock.now() - timedelta(hours=1),
        )
    (row,) = followup_queries.followups(store, account_id=acme).upcoming
    assert (row.title, row.due_at, row.all_day) == ("send the deck", at.astimezone(UTC), False)
    entry = timeline_queries.interaction(store, created[0][1])
    assert entry is not None and entry.kind == "call"
    assert entry.occurred_at == store.clock.now() - timedelta(hours=1)


def test_all_day_due_is_stored_as_start_of_day(store: Store) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture("note", now=_now(store))
    afternoon = _now(store).replace(hour=17, minute=45) + timedelta(days=2)
    with store.write() as uow:
        cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=[cs.FollowUpEdit("ring", afternoon, all_day=True)],
            kind="note",
        )
    (row,) = followup_queries.followups(store, account_id=acme).upcoming
    assert row.due_at == _local_midnight(store, 2)


def test_deal_is_created_with_the_first_amount(store: Store) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture("Pricing talk, budget $50k, maybe Rp 100 jt later", now=_now(store))
    with store.write() as uow:
        created = cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=[],
            kind="meeting",
            create_deal_amount=True,
            deal_title="Acme expansion",
        )
    assert [k for k, _ in created] == ["interaction", "deal"]
    deal = client_queries.deal(store, created[1][1])
    assert deal is not None
    assert (deal.title, deal.amount_minor, deal.currency, deal.account_id) == (
        "Acme expansion",
        5_000_000,
        "USD",
        acme,
    )


@pytest.mark.parametrize(
    ("note", "title"),
    [("Budget Rp 500 jt confirmed", "Deal"), ("Paket Gold Rp 500 jt confirmed", "Paket Gold")],
)
def test_deal_title_from_the_amount_never_the_first_words(
    store: Store, note: str, title: str
) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture(note, now=_now(store))
    with store.write() as uow:
        created = cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=[],
            kind="meeting",
            create_deal_amount=True,
        )
    deal = client_queries.deal(store, created[-1][1])
    assert deal is not None and deal.title == title


def test_no_deal_without_an_amount(store: Store) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture("No money talk", now=_now(store))
    with store.write() as uow:
        created = cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=[],
            kind="meeting",
            create_deal_amount=True,
        )
    assert [k for k, _ in created] == ["interaction"]


def test_new_client_is_created_first(store: Store) -> None:
    result = parse_capture(
        "Nusantara Foods — intro call\n- call back besok",
        now=_now(store),
        first_line_names_client=True,
    )
    with store.write() as uow:
        created = cs.save_capture(
            uow,
            account_id=None,
            new_account_name="Nusantara Foods",
            result=result,
            followups=_edits(result),
            kind=result.kind,
        )
    assert [k for k, _ in created] == ["account", "interaction", "followup"]
    assert (created[0][1], "Nusantara Foods") in client_queries.client_names(store)
    entry = timeline_queries.interaction(store, created[1][1])
    assert entry is not None and entry.account_id == created[0][1] and entry.kind == "call"


def test_only_follow_ups_make_no_entry(store: Store) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture("- [ ] send invoice", now=_now(store))
    with store.write() as uow:
        created = cs.save_capture(
            uow, account_id=acme, result=result, followups=_edits(result), kind="note"
        )
    assert [k for k, _ in created] == ["followup"]
    assert timeline_queries.timeline_page(store, acme)[0] == []
    (row,) = followup_queries.followups(store, account_id=acme).upcoming
    assert row.interaction_id is None and row.title == "send invoice"


@pytest.mark.parametrize(
    ("account_id", "new_name", "text", "error"),
    [
        (None, None, "hello", ValidationError),
        ("ACME", "Also New", "hello", ValidationError),
        ("ACME", None, "   \n", ValidationError),
        ("missing", None, "hello", NotFoundError),
    ],
)
def test_refused_saves_create_nothing(
    store: Store,
    account_id: str | None,
    new_name: str | None,
    text: str,
    error: type[Exception],
) -> None:
    acme = account(store, "Acme Corp")
    real_id = {"ACME": acme}.get(account_id or "", account_id)
    result = parse_capture(text, now=_now(store))
    with pytest.raises(error), store.write() as uow:
        cs.save_capture(
            uow,
            account_id=real_id,
            new_account_name=new_name,
            result=result,
            followups=[],
            kind="note",
        )
    assert timeline_queries.timeline_page(store, acme)[0] == []
    assert len(client_queries.client_names(store)) == 1


def test_naive_due_is_refused_and_nothing_is_kept(store: Store) -> None:
    acme = account(store, "Acme Corp")
    result = parse_capture("note", now=_now(store))
    with pytest.raises(ValidationError), store.write() as uow:
        cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=[cs.FollowUpEdit("x", datetime(2026, 12, 1), all_day=True)],
            kind="note",
        )
    assert timeline_queries.timeline_page(store, acme)[0] == []


def test_save_and_clear_draft_in_one_transaction_then_undo_all(store: Store) -> None:
    acme, _, _ = _acme_with_people(store)
    cs.save_draft(store, DESIGN_NOTE, acme)
    result = parse_capture(DESIGN_NOTE, now=_now(store))
    with store.write() as uow:
        created = cs.save_capture(
            uow,
            account_id=acme,
            result=result,
            followups=_edits(result),
            kind="meeting",
            create_deal_amount=True,
        )
        cs.clear_drafts(uow)
    assert cs.load_draft(store) is None
    with store.write() as uow:  # what the undo command does
        for kind, id_ in reversed(created):
            services.soft_delete(uow, kind, id_)
    assert timeline_queries.timeline_page(store, acme)[0] == []
    assert followup_queries.followups(store, account_id=acme).upcoming == ()
    detail = client_queries.account_detail(store, acme)
    assert detail is not None and detail.open_deals == ()


# -- a draft survives a killed process ----------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent.parent
DRAFT_WRITER = """
import sys
from pathlib import Path
from models.capture.drafts import save_draft
from models.store import open_store

store = open_store(Path(sys.argv[1]), create=False)
print("ready", flush=True)
i = 0
while True:
    i += 1
    save_draft(store, f"draft {i}\\nTODO: call back besok", None)
    print(f"saved {i}", flush=True)
"""


@pytest.mark.secret_service
def test_draft_survives_kill_9(
    tmp_path: Path,
    secret_service: keyring.backend.KeyringBackend,
    secret_service_env: dict[str, str],
) -> None:
    path = tmp_path / "drafts.db"
    open_store(path).close()  # the key goes into the real Secret Service
    env = {**secret_service_env, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", DRAFT_WRITER, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    reported = 0
    for line in proc.stdout:
        if line.startswith("saved "):
            reported = int(line.split()[1])
            if reported >= 25:
                break
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err
    for line in rest.splitlines():
        if line.startswith("saved "):
            reported = int(line.split()[1])
    assert reported >= 25, err
    store = open_store(path, create=False)
    try:
        assert full_check(store).ok
        draft = cs.load_draft(store)
        assert draft is not None
        first, rest_of_text = draft.text.split("\n", 1)
        assert rest_of_text == "TODO: call back besok"
        # Every reported save is on disk; at most the one in flight beyond it.
        assert reported <= int(first.removeprefix("draft ")) <= reported + 1
    finally:
        store.close()
