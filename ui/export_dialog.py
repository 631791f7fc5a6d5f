"""File ▸ Export…: what (clients, contacts, entries, follow-ups, deals), for whom (all
clients or the selected one) and in which format (CSV; vCard for contacts; iCalendar
for follow-ups, one file or one per client), then where.

An exported file is not encrypted: the first plain export of a session asks first
("Export anyway"/Cancel). The flag is a dynamic property on the object that carries the
session (the main window), so each window, and each test, starts afresh. The files
themselves are written by :mod:`models.transfer.exporter` (UTF-8 with BOM, escaped
against formula injection, mode 0600, atomically).

For the selected client, the ids come from :mod:`models.queries.clients`: all its contacts and
entries, but only its open deals and its open (and recently done) follow-ups, which is
what those queries return; the dialog says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.store import Store
from models.transfer.exporter import (
    export_csv,
    export_followups_ics,
    export_followups_ics_per_account,
    export_vcards,
)

CSV, VCARD, ICS, ICS_PER_CLIENT = "csv", "vcf", "ics", "ics-per-client"
WARNED = "relasiExportWarned"


def warn_plain_export(parent: QWidget, session: QObject) -> bool:
    """Once per session: the file leaves the encrypted vault. True to go on."""
    if session.property(WARNED):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ExportDialog", "Export leaves the vault"),
        QCoreApplication.translate(
            "ExportDialog",
            "The exported file is not encrypted: anyone who gets it can read it. Keep it "
            "somewhere safe and delete it when you are done.",
        ),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("exportWarning")
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("ExportDialog", "Export anyway")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if QMessageBox.StandardButton(answer) != QMessageBox.StandardButton.Ok:
        return False
    session.setProperty(WARNED, True)
    return True


class ExportDialog(QDialog):
    """Choose what to export; ``export()`` asks where and writes the file(s)."""

    def __init__(
        self,
        store: Store,
        account_id: str = "",
        parent: QWidget | None = None,
        *,
        session: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.store = store
        self.account_id = account_id
        self.session: QObject = session or parent or self
        self.written: list[Path] = []
        self.count = 0
        detail = client_queries.account_detail(store, account_id) if account_id else None
        self.account_name = detail.name if detail else ""

        self.kind = QComboBox(self)
        self.kind.setObjectName("exportKind")
        for value in ("accounts", "contacts", "interactions", "followups", "deals"):
            self.kind.addItem("", value)
        self.all_clients = QRadioButton(self)
        self.all_clients.setObjectName("exportAll")
        self.selected = QRadioButton(self)
        self.selected.setObjectName("exportSelected")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.all_clients)
        self.scope.addButton(self.selected)
        self.all_clients.setChecked(True)
        self.selected.setEnabled(bool(self.account_name))
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("exportNote")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportRun")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.kind_label = QLabel(self)
        self.scope_label = QLabel(self)
        self.format_label = QLabel(self)
        self.kind_label.setBuddy(self.kind)
        self.format_label.setBuddy(self.format)
        scope_box = QVBoxLayout()
        scope_box.addWidget(self.all_clients)
        scope_box.addWidget(self.selected)
        self.form.addRow(self.kind_label, self.kind)
        self.form.addRow(self.scope_label, scope_box)
        self.form.addRow(self.format_label, self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._update())
        self.scope.buttonToggled.connect(lambda *_: self._update())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        for i, text in enumerate(
            (
                self.tr("Clients"),
                self.tr("Contacts"),
                self.tr("Timeline entries"),
                self.tr("Follow-ups"),
                self.tr("Deals"),
            )
        ):
            self.kind.setItemText(i, text)
        self.kind_label.setText(self.tr("&What:"))
        self.scope_label.setText(self.tr("For:"))
        self.format_label.setText(self.tr("&Format:"))
        self.all_clients.setText(self.tr("&All clients"))
        self.selected.setText(
            self.tr("Only “{0}”").format(self.account_name)
            if self.account_name
            else self.tr("The selected client (none selected)")
        )
        self.export_button.setText(self.tr("&Export…"))
        self._update()

    # -- choices --------------------------------------------------------------------------
    def what(self) -> str:
        return str(self.kind.currentData())

    def fmt(self) -> str:
        return str(self.format.currentData() or CSV)

    def only_selected(self) -> bool:
        return self.selected.isChecked() and bool(self.account_id)

    def set_choice(self, what: str, fmt: str = CSV, *, selected: bool = False) -> None:
        """Pick the options (for the keyboard-less: tests and scripts)."""
        self.kind.setCurrentIndex(self.kind.findData(what))
        (self.selected if selected else self.all_clients).setChecked(True)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))

    def _update(self) -> None:
        current = self.fmt()
        what = self.what()
        options = [(CSV, self.tr("CSV (spreadsheets, other CRMs)"))]
        if what == "contacts":
            options.append((VCARD, self.tr("vCard (.vcf, address books and phones)")))
        if what == "followups":
            options.append((ICS, self.tr("iCalendar (.ics), one file")))
            if not self.only_selected():
                options.append((ICS_PER_CLIENT, self.tr("iCalendar (.ics), one file per client")))
        self.format.blockSignals(True)
        self.format.clear()
        for value, label in options:
            self.format.addItem(label, value)
        self.format.setCurrentIndex(max(0, self.format.findData(current)))
        self.format.blockSignals(False)
        notes = []
        if self.only_selected() and what == "deals":
            notes.append(self.tr("Only the client's open deals are exported."))
        if self.only_selected() and what == "followups":
            notes.append(
                self.tr(
                    "Only the client's open follow-ups (and those done this week) are exported."
                )
            )
        if self.fmt() in (ICS, ICS_PER_CLIENT):
            notes.append(self.tr("Open follow-ups become to-dos with their due dates and alarms."))
        notes.append(self.tr("Exported files are not encrypted."))
        self.note.setText(" ".join(notes))

    def _ids(self) -> list[str] | None:
        """The ids of the rows to export, or None for all."""
        if not self.only_selected():
            return None
        account = self.account_id
        what = self.what()
        if what == "accounts":
            return [account]
        detail = client_queries.account_detail(self.store, account)
        if what == "contacts":
            return [c.id for c in detail.contacts] if detail else []
        if what == "deals":
            return [d.id for d in detail.open_deals] if detail else []
        if what == "followups":
            buckets = followup_queries.followups(self.store, account_id=account)
            return [
                f.id for f in (*buckets.overdue, *buckets.today, *buckets.upcoming, *buckets.done)
            ]
        ids: list[str] = []
        rows, cursor = timeline_queries.timeline_page(self.store, account, limit=500)
        ids += [r.id for r in rows]
        while cursor is not None:
            rows, cursor = timeline_queries.timeline_page(
                self.store, account, before=cursor, limit=500
            )
            ids += [r.id for r in rows]
        return ids

    # -- exporting -----------------------------------------------------------------------
    def _target(self) -> Path | None:
        fmt, what = self.fmt(), self.what()
        if fmt == ICS_PER_CLIENT:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a folder for the .ics files")
            )
            return Path(folder) if folder else None
        suffix = {CSV: ".csv", VCARD: ".vcf", ICS: ".ics"}[fmt]
        filters = {
            CSV: self.tr("CSV files (*.csv)"),
            VCARD: self.tr("vCard files (*.vcf)"),
            ICS: self.tr("iCalendar files (*.ics)"),
        }[fmt]
        stem = what if not self.only_selected() else f"{self.account_name} {what}"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), stem + suffix, filters)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.casefold() == suffix else path.with_name(path.name + suffix)

    def export(self) -> bool:
        """Warn (once), ask where, write; True when something was written."""
        if not warn_plain_export(self, self.session):
            return False
        target = self._target()
        if target is None:
            return False
        try:
            self.written, self.count = self._write(target)
        except (RelasiError, OSError) as exc:
            message = exc.message if isinstance(exc, RelasiError) else str(exc)
            QMessageBox.warning(self, self.tr("Cannot export"), message)
            return False
        window = self.parent()
        text = self.tr("Exported {0} rows to {1}.").format(
            self.count, ", ".join(p.name for p in self.written[:3]) or target.name
        )
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)
        self.accept()
        return True

    def _write(self, target: Path) -> tuple[list[Path], int]:
        ids: Iterable[str] | None = self._ids()
        fmt, what = self.fmt(), self.what()
        if fmt == CSV:
            return [target], export_csv(self.store, what, target, ids)
        if fmt == VCARD:
            return [target], export_vcards(self.store, target, ids)
        if fmt == ICS:
            account_ids = [self.account_id] if self.only_selected() else None
            return [target], export_followups_ics(self.store, target, account_ids=account_ids)
        files = export_followups_ics_per_account(self.store, target)
        return files, len(files)
