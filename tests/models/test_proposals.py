"""Proposals without Qt: amounts in figures and words, filling a template with a deal's
facts, and templates that are wrong or hostile (refused with where, never run)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models import services
from models.clock import FixedClock
from models.errors import NotFoundError, ValidationError
from models.proposals import compose
from models.proposals.fields import FIELD_NAMES, TemplateError, check, escape_markdown, fill
from models.proposals.templates import available, language_of, read, resolve
from models.proposals.values import DEFAULT_VALID_DAYS, Signer, field_values
from models.proposals.words import AmountError, in_figures, in_words
from models.queries.proposals import ProposalFacts, find_deal, proposal_facts
from models.store import Store

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("minor", "currency", "lang", "figures", "words"),
    [
        (150_000_000, "IDR", "id", "Rp 150.000.000", "seratus lima puluh juta rupiah"),
        (
            150_000_000,
            "IDR",
            "en",
            "IDR 150,000,000",
            "one hundred and fifty million Indonesian rupiah",
        ),
        (1_250_000, "USD", "en", "USD 12,500.00", "twelve thousand five hundred US dollars"),
        (
            1_250_000,
            "USD",
            "id",
            "USD 12.500,00",
            "dua belas ribu lima ratus dolar Amerika Serikat",
        ),
        (
            1_250_050,
            "USD",
            "en",
            "USD 12,500.50",
            "twelve thousand five hundred US dollars and fifty cents",
        ),
        (101, "USD", "en", "USD 1.01", "one US dollar and one cent"),
        (101, "USD", "id", "USD 1,01", "satu dolar Amerika Serikat satu sen"),
        (0, "IDR", "id", "Rp 0", "nol rupiah"),
        (0, "USD", "en", "USD 0.00", "zero US dollars"),
        (120_000, "JPY", "id", "JPY 120.000", "seratus dua puluh ribu yen Jepang"),
        (
            10**17,
            "IDR",
            "id",
            "Rp 100.000.000.000.000.000",
            "seratus kuadriliun rupiah",
        ),
        (-500, "USD", "en", "USD -5.00", "minus five US dollars"),
    ],
)
def test_amounts_in_figures_and_words(
    minor: int, currency: str, lang: str, figures: str, words: str
) -> None:
    assert in_figures(minor, currency, lang) == figures
    assert in_words(minor, currency, lang) == words


def test_idr_has_no_minor_units_so_its_amount_is_whole_rupiah() -> None:
    # Stored as minor units with Babel's digits: IDR has none, so 1 is one rupiah.
    assert in_figures(1, "IDR", "id") == "Rp 1"
    assert in_words(1, "IDR", "id") == "satu rupiah"
    assert "sen" not in in_words(150_000_001, "IDR", "id")


def test_an_amount_too_large_for_words_is_refused_clearly() -> None:
    with pytest.raises(AmountError, match="too large to write in words"):
        in_words(10**40, "IDR", "id")


def _facts(**changes: object) -> ProposalFacts:
    base: dict[str, object] = {
        "deal_id": "d",
        "account_id": "a",
        "client_name": "PT Maju Jaya",
        "client_address": "Jl. Sudirman 1\nJakarta",
        "contact_name": "Budi Santoso",
        "contact_title": "CFO",
        "deal_title": "ERP rollout",
        "amount_minor": 150_000_000,
        "currency": "IDR",
        "expected_close": date(2027, 1, 15),
    }
    base.update(changes)
    return ProposalFacts(**base)  # type: ignore[arg-type]


def test_every_declared_field_has_a_value_in_both_languages() -> None:
    for lang in ("en", "id"):
        values = field_values(_facts(), lang, today=TODAY, signer=Signer("Rina", "PT Solusi"))
        assert set(values) == FIELD_NAMES
    en = field_values(_facts(), "en", today=TODAY, valid=date(2026, 12, 15))
    assert en["today"] == "30 November 2026"
    assert en["valid_until"] == "15 December 2026"
    assert en["client_address"] == "Jl. Sudirman 1\nJakarta"
    id_ = field_values(_facts(), "id", today=TODAY, valid=date(2026, 12, 15))
    assert id_["valid_until"] == "15 Desember 2026"
    assert id_["expected_close"] == "15 Januari 2027"


def test_missing_validity_is_thirty_days_and_missing_dates_are_empty() -> None:
    values = field_values(_facts(expected_close=None), "en", today=TODAY)
    assert DEFAULT_VALID_DAYS == 30
    assert values["valid_until"] == "30 December 2026"
    assert values["expected_close"] == ""


def test_missing_contact_reads_as_a_polite_form_of_address() -> None:
    facts = _facts(contact_name="", contact_title="")
    en = fill("Dear ${contact_name},", field_values(facts, "en", today=TODAY))
    id_ = fill("Yth. ${contact_name},", field_values(facts, "id", today=TODAY))
    assert en == "Dear Sir or Madam,"
    assert id_ == "Yth. Bapak/Ibu,"


def test_names_with_apostrophes_and_markdown_read_as_written() -> None:
    values = field_values(
        _facts(client_name="O'Brien & *Sons* [Asia] <b>", contact_name="D'Arcy_Lee"),
        "en",
        today=TODAY,
    )
    text = fill("${client_name} / ${contact_name} / ${client_address}", values)
    assert text == r"O'Brien & \*Sons\* \[Asia\] \<b\> / D'Arcy\_Lee / Jl. Sudirman 1, Jakarta"
    assert escape_markdown("a\\b") == "a\\\\b"


def test_dollar_signs_that_are_not_fields_are_text() -> None:
    values = field_values(_facts(), "en", today=TODAY)
    text = fill("US$ 500, $5, $$5, $${client_name} {{ client_name }}", values)
    assert text == "US$ 500, $5, $$5, ${client_name} {{ client_name }}"


@pytest.mark.parametrize(
    ("template", "reason", "line", "column"),
    [
        ("Hello ${nope}", "unknown-field", 1, 7),
        ("ok\n  ${client_name", "bad-placeholder", 2, 3),
        ("${__import__('os').system('touch pwned')}", "bad-placeholder", 1, 1),
        ("${client_name.__class__.__mro__}", "bad-placeholder", 1, 1),
        ("${client_name!r}", "bad-placeholder", 1, 1),
        ("${}", "bad-placeholder", 1, 1),
        ("${__class__}", "unknown-field", 1, 1),
        ("a\nb\n\tc ${ client_name }", "bad-placeholder", 3, 4),
    ],
)
def test_hostile_templates_are_refused_with_where(
    template: str,
    reason: str,
    line: int,
    column: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    values = field_values(_facts(), "en", today=TODAY)
    with pytest.raises(TemplateError) as caught:
        fill(template, values)
    error = caught.value
    assert (error.reason, error.line, error.column) == (reason, line, column)
    assert f"line {line}, column {column}" in error.message
    assert list(tmp_path.iterdir()) == []  # nothing ran


def test_an_unknown_field_names_itself_and_the_known_ones() -> None:
    with pytest.raises(TemplateError) as caught:
        check("${client_nmae}")
    assert caught.value.field == "client_nmae"
    assert "client_name" in caught.value.message


def test_jinja_and_format_syntax_are_plain_text() -> None:
    text = "{% for x in range(10**9) %}{{ x }}{% endfor %} {0.__class__} %(a)s"
    assert fill(text, {}) == text


def test_a_huge_template_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as caught:
        check("x" * 200_001)
    assert caught.value.reason == "too-large"
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 900_000)
    with pytest.raises(TemplateError) as caught:
        read(resolve(str(big)))
    assert caught.value.reason == "too-large"


@pytest.mark.parametrize(
    "content", [b"\xff\xfe\x00h\x00i", b"%PDF-1.4\n\x00\x01", b"caf\xe9 latin-1"]
)
def test_a_file_that_is_not_utf8_text_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.md"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match="not") as caught:
        read(resolve(str(path)))
    assert caught.value.reason == "not-text"


def test_a_missing_template_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot read the template") as caught:
        read(resolve(str(tmp_path / "gone.md")))
    assert caught.value.reason == "not-text"


def test_shipped_and_user_templates(tmp_path: Path) -> None:
    (tmp_path / "penawaran-id.md").write_text("Yth. ${contact_name}", encoding="utf-8")
    (tmp_path / "mine.markdown").write_text("Dear ${contact_name}", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    refs = available(tmp_path)
    assert [(r.key, r.lang, r.shipped) for r in refs[:2]] == [
        ("en", "en", True),
        ("id", "id", True),
    ]
    assert [(r.path.name, r.lang) for r in refs[2:]] == [
        ("mine.markdown", "en"),
        ("penawaran-id.md", "id"),
    ]
    assert available(tmp_path / "none")[2:] == []
    assert language_of(Path("ID.md")) == "id"
    assert language_of(Path("idea.md")) == "en"
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes("\ufeffa\r\nb".encode())
    assert read(resolve(str(crlf))) == "a\nb"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_shipped_templates_use_only_known_fields_and_have_the_parts(lang: str) -> None:
    text = read(resolve(lang))
    check(text)
    for field in (
        "client_name",
        "contact_name",
        "amount",
        "amount_words",
        "valid_until",
        "today",
        "user_name",
        "user_company",
        "deal_title",
    ):
        assert "${" + field + "}" in text, field
    parts = {
        "en": ("Scope of work", "Investment", "Validity", "Accepted for"),
        "id": ("Ruang lingkup", "Investasi", "Masa berlaku", "Disetujui untuk"),
    }[lang]
    for part in parts:
        assert part in text


def _deal(store: Store, *, contacts: int = 1, on_deal: bool = True) -> dict[str, str]:
    ids: dict[str, str] = {}
    with store.write() as uow:
        ids["acme"] = services.create_account(uow, "PT O'Neil Nusantara", address="Jl. Thamrin 2")
        for n in range(contacts):
            ids[f"c{n}"] = services.create_contact(
                uow, f"Sari D'Souza {n}", account_id=ids["acme"], title="Head of IT"
            )
        ids["deal"] = services.create_deal(
            uow,
            ids["acme"],
            "Data platform",
            amount_minor=150_000_000,
            currency="IDR",
            contact_id=ids["c0"] if contacts and on_deal else None,
        )
    return ids


def test_compose_fills_the_indonesian_template_from_the_store(store: Store) -> None:
    ids = _deal(store)
    text = compose(
        store,
        ids["deal"],
        resolve("id"),
        today=TODAY,
        signer=Signer("Rina Wijaya", "PT Solusi Data"),
    )
    assert "PT O'Neil Nusantara" in text
    assert "Sari D'Souza 0" in text
    assert "Rp 150.000.000" in text
    assert "seratus lima puluh juta rupiah" in text
    assert "30 Desember 2026" in text  # valid for 30 days
    assert "Rina Wijaya" in text and "PT Solusi Data" in text
    assert "${" not in text


def test_the_contact_is_the_deals_else_the_only_one_else_none(store: Store) -> None:
    facts = proposal_facts(store, _deal(store)["deal"])
    assert (facts.contact_name, facts.contact_title) == ("Sari D'Souza 0", "Head of IT")
    only = proposal_facts(store, _deal(store, on_deal=False)["deal"])
    assert only.contact_name == "Sari D'Souza 0"
    two = proposal_facts(store, _deal(store, contacts=2, on_deal=False)["deal"])
    assert two.contact_name == ""
    nobody = proposal_facts(store, _deal(store, contacts=0)["deal"])
    assert nobody.contact_name == ""


def test_a_deal_in_trash_has_no_proposal(store: Store, clock: FixedClock) -> None:
    ids = _deal(store)
    with store.write() as uow:
        services.soft_delete(uow, "deal", ids["deal"])
    with pytest.raises(NotFoundError):
        proposal_facts(store, ids["deal"])


def test_find_deal_by_id_title_or_the_one_title_containing_it(store: Store) -> None:
    ids = _deal(store)
    with store.write() as uow:
        other = services.create_account(uow, "Globex")
        g1 = services.create_deal(uow, other, "Data platform phase 2")
        services.create_deal(uow, other, "100% off_site")
    assert find_deal(store, ids["deal"]) == ids["deal"]
    assert find_deal(store, "  data   PLATFORM ") == ids["deal"]  # exact beats containing
    assert find_deal(store, "phase 2") == g1
    assert find_deal(store, "Data platform", ids["acme"]) == ids["deal"]
    assert find_deal(store, "platform", other) == g1
    with pytest.raises(ValidationError, match="2 deals match 'platform'"):
        find_deal(store, "platform")
    assert find_deal(store, "% off_") == find_deal(store, "100% OFF_SITE")
    with pytest.raises(NotFoundError, match="no deal named 'ff%si'"):
        find_deal(store, "ff%si")  # LIKE's wildcards are plain characters here
    with pytest.raises(NotFoundError):
        find_deal(store, "o_f")
    with pytest.raises(ValidationError, match="name a deal"):
        find_deal(store, "  ")
