"""The translation check (python -m ui.i18n_check), run against a copy of the project
in tmp_path: complete translations pass; a new untranslated string, a translation
marked unfinished and a stale .qm are each reported and fail the check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ui import i18n_check


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ui/, the field declarations, the health reasons and the translations copied; the
    check pointed at the copy."""
    root = tmp_path / "project"
    shutil.copytree(
        i18n_check.ROOT / "ui", root / "ui", ignore=shutil.ignore_patterns("__pycache__")
    )
    (root / "models" / "queries").mkdir(parents=True)
    shutil.copyfile(i18n_check.ROOT / "models" / "fields.py", root / "models" / "fields.py")
    health = Path("models", "queries", "health.py")  # the health reasons' texts
    shutil.copyfile(i18n_check.ROOT / health, root / health)
    translations = root / "resources" / "translations"
    translations.mkdir(parents=True)
    shutil.copyfile(i18n_check.TS, translations / i18n_check.TS.name)
    shutil.copyfile(i18n_check.QM, translations / i18n_check.QM.name)
    monkeypatch.setattr(i18n_check, "ROOT", root)
    monkeypatch.setattr(i18n_check, "TS", translations / i18n_check.TS.name)
    monkeypatch.setattr(i18n_check, "QM", translations / i18n_check.QM.name)
    return root


def test_complete_translations_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n_check.main() == 0
    assert capsys.readouterr().out == (
        "translations complete: resources/translations/relasi_id.ts\n"
    )


def test_a_new_untranslated_string_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "ui" / "brand_new.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "class BrandNew(QWidget):\n"
        "    def label(self) -> str:\n"
        '        return self.tr("A string nobody translated yet")\n',
        encoding="utf-8",
    )
    assert i18n_check.main() == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "1 strings without an Indonesian translation:",
        "  BrandNew: 'A string nobody translated yet'",
    ]
    # The committed .ts is untouched: the check works on a copy.
    assert "A string nobody translated yet" not in i18n_check.TS.read_text(encoding="utf-8")


def test_a_translation_marked_unfinished_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ts = i18n_check.TS
    text = ts.read_text(encoding="utf-8")
    finished = "<translation>Sunting klien</translation>"
    assert text.count(finished) == 1
    ts.write_text(
        text.replace(finished, '<translation type="unfinished">Sunting klien</translation>'),
        encoding="utf-8",
    )
    assert i18n_check.main() == 1
    # Reported; the .qm is not stale for that (lrelease keeps unfinished translations).
    assert capsys.readouterr().out.splitlines() == [
        "1 strings without an Indonesian translation:",
        "  AccountDialog: 'Edit client'",
    ]


@pytest.mark.parametrize("qm_state", ["changed", "missing"])
def test_a_stale_or_missing_qm_is_reported(
    project: Path, capsys: pytest.CaptureFixture[str], qm_state: str
) -> None:
    if qm_state == "missing":
        i18n_check.QM.unlink()
    else:
        i18n_check.QM.write_bytes(i18n_check.QM.read_bytes()[:-1] + b"\x00")
    assert i18n_check.main() == 1
    assert capsys.readouterr().out.splitlines() == [
        "resources/translations/relasi_id.qm is not lrelease's output of relasi_id.ts; "
        "run pyside6-lrelease resources/translations/relasi_id.ts"
    ]


def test_unfinished_lists_every_kind_of_missing_translation(tmp_path: Path) -> None:
    ts = tmp_path / "small.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Pane</name>
    <message><source>Done</source><translation>Selesai</translation></message>
    <message><source>Draft</source><translation type="unfinished">Draf</translation></message>
    <message><source>Gone</source><translation type="vanished">Hilang</translation></message>
    <message><source>Old</source><translation type="obsolete">Lama</translation></message>
    <message><source>Blank</source><translation>   </translation></message>
    <message><source>None at all</source></message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation><numerusform>%n klien</numerusform></translation>
    </message>
</context>
<context>
    <name>Other</name>
    <message><source>Fine</source><translation>Baik</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    assert i18n_check.unfinished(ts) == [
        "Pane: 'Draft'",
        "Pane: 'Gone'",
        "Pane: 'Old'",
        "Pane: 'Blank'",
        "Pane: 'None at all'",
    ]


def test_release_compiles_what_qt_loads(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "out.qm"
    i18n_check.release(i18n_check.TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("AccountDialog", "Edit client") == "Sunting klien"
