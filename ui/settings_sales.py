"""Settings ▸ Sales targets (objectName ``salesSettings``): quotas per month or quarter,
the commission plan (base, rate, accelerators above quota) and the weekly activity
targets. Every change goes through the undo stack (Edit ▸ Undo takes it back); a
refused value is named under the form and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import services
from models.errors import RelasiError
from models.metrics.money import digits, major_units
from models.metrics.period import month_of, quarter_of
from models.metrics.targets import QuotaRow, activity_targets, plan, quotas
from models.store import Changes, Store, UnitOfWork
from ui import formatting
from ui.commands import DeleteCommand, StoreCommand, UndoStack, perform
from ui.hub import ChangeHub
from ui.labels import kind_label
from ui.row_table import RowTableModel
from ui.settings_dialog import COMMON_CURRENCIES

WATCHED = ("quota", "commission_plan", "activity_target")


def to_minor(text: str, currency: str) -> int | None:
    """An amount typed in major units ("1500000", "1,500,000", "2500.50") in minor units;
    None when it is not one (negative, too many decimals, not a number)."""
    clean = text.strip().replace(" ", "").replace("_", "").replace(",", "")
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    scaled = value * (10 ** digits(currency))
    if not value.is_finite() or value < 0 or scaled != scaled.to_integral_value():
        return None
    return int(scaled) if scaled <= 10**17 else None


def parse_tiers(text: str) -> list[list[int]] | None:
    """Accelerators typed as "100:5, 125:8" (above 100% of quota 5%, above 125% 8%)."""
    out: list[list[int]] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        pct, sep, rate = part.partition(":")
        try:
            out.append(
                [int(pct.strip().rstrip("%")), round(Decimal(rate.strip().rstrip("%")) * 100)]
            )
        except (InvalidOperation, ValueError):
            return None
        if not sep:
            return None
    return out


def tiers_text(tiers: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(f"{pct}:{Decimal(rate) / 100:g}" for pct, rate in tiers)


class QuotaModel(RowTableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("From"), self.tr("To"), self.tr("Quota"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        assert isinstance(row, QuotaRow)
        return (
            row.period_start.isoformat(),
            row.period_end.isoformat(),
            formatting.money(row.amount_minor, row.currency),
        )[column]


class SalesSettingsDialog(QDialog):
    def __init__(
        self, store: Store, stack: UndoStack, hub: ChangeHub | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("salesSettings")
        self.setWindowTitle(self.tr("Sales targets"))
        self.store = store
        self.stack = stack
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # -- quotas
        self.quota_model = QuotaModel(self)
        self.quota_view = QTableView(self)
        self.quota_view.setObjectName("salesQuotas")
        self.quota_view.setModel(self.quota_model)
        self.quota_view.setAccessibleName(self.tr("Quotas"))
        self.quota_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quota_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.quota_view.verticalHeader().hide()
        self.quota_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.quota_span = QComboBox(self)
        self.quota_span.setObjectName("salesQuotaSpan")
        self.quota_span.addItem(self.tr("Month"), "month")
        self.quota_span.addItem(self.tr("Quarter"), "quarter")
        self.quota_span.setAccessibleName(self.tr("Quota period"))
        self.quota_day = QDateEdit(self)
        self.quota_day.setObjectName("salesQuotaDay")
        self.quota_day.setDisplayFormat("MMMM yyyy")
        self.quota_day.setCalendarPopup(True)
        today = store.clock.now().date()
        self.quota_day.setDate(QDate(today.year, today.month, 1))
        self.quota_day.setAccessibleName(self.tr("Quota month"))
        self.quota_amount = QLineEdit(self)
        self.quota_amount.setObjectName("salesQuotaAmount")
        self.quota_amount.setPlaceholderText(self.tr("e.g. 1500000000"))
        self.quota_amount.setAccessibleName(self.tr("Quota amount"))
        self.quota_currency = self._currency_box("salesQuotaCurrency")
        self.set_quota_button = QPushButton(self.tr("&Set quota"), self)
        self.set_quota_button.setObjectName("salesSetQuota")
        self.set_quota_button.clicked.connect(self.set_quota)
        self.remove_quota_button = QPushButton(self.tr("&Remove quota"), self)
        self.remove_quota_button.setObjectName("salesRemoveQuota")
        self.remove_quota_button.clicked.connect(self.remove_quota)
        quota_row = QHBoxLayout()
        for w in (self.quota_span, self.quota_day, self.quota_amount, self.quota_currency):
            quota_row.addWidget(w)
        quota_row.addWidget(self.set_quota_button)
        quotas_box = QGroupBox(self.tr("Quotas"), self)
        qlayout = QVBoxLayout(quotas_box)
        qlayout.addWidget(self.quota_view)
        qlayout.addLayout(quota_row)
        qlayout.addWidget(self.remove_quota_button, 0, Qt.AlignmentFlag.AlignRight)
        # -- commission plan
        self.plan_currency = self._currency_box("salesPlanCurrency")
        self.plan_base = QLineEdit(self)
        self.plan_base.setObjectName("salesPlanBase")
        self.plan_rate = QDoubleSpinBox(self)
        self.plan_rate.setObjectName("salesPlanRate")
        self.plan_rate.setRange(0, 100)
        self.plan_rate.setDecimals(2)
        self.plan_rate.setSuffix(" %")
        self.plan_tiers = QLineEdit(self)
        self.plan_tiers.setObjectName("salesPlanTiers")
        self.plan_tiers.setPlaceholderText(self.tr("e.g. 100:5, 125:8"))
        self.plan_tiers.setToolTip(
            self.tr(
                "Accelerators: above 100% of quota the rate is 5%, above 125% it is 8% "
                "(each on the part of the won amount above that share)"
            )
        )
        self.save_plan_button = QPushButton(self.tr("Save &plan"), self)
        self.save_plan_button.setObjectName("salesSavePlan")
        self.save_plan_button.clicked.connect(self.save_plan)
        plan_box = QGroupBox(self.tr("Commission plan"), self)
        form = QFormLayout(plan_box)
        form.addRow(self.tr("C&urrency"), self.plan_currency)
        form.addRow(self.tr("&Base a month"), self.plan_base)
        form.addRow(self.tr("&Rate on won amounts"), self.plan_rate)
        form.addRow(self.tr("&Accelerators (quota %: rate %)"), self.plan_tiers)
        form.addRow("", self.save_plan_button)
        # -- activity targets
        self.targets: dict[str, QSpinBox] = {}
        targets_box = QGroupBox(self.tr("Activity targets a week"), self)
        tform = QFormLayout(targets_box)
        for kind in ("meeting", "call", "email"):
            spin = QSpinBox(self)
            spin.setObjectName(f"salesTarget_{kind}")
            spin.setRange(0, 1000)
            spin.setSpecialValueText(self.tr("none"))
            spin.setAccessibleName(kind_label(kind))
            self.targets[kind] = spin
            tform.addRow(kind_label(kind), spin)
        self.save_targets_button = QPushButton(self.tr("Save &targets"), self)
        self.save_targets_button.setObjectName("salesSaveTargets")
        self.save_targets_button.clicked.connect(self.save_targets)
        tform.addRow("", self.save_targets_button)
        self.error = QLabel(self)
        self.error.setObjectName("salesError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        side = QHBoxLayout()
        side.addWidget(plan_box, 3)
        side.addWidget(targets_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(quotas_box, 1)
        layout.addLayout(side)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(820, 620)
        self.load()
        if hub is not None:
            hub.changed.connect(self._changed)

    def _currency_box(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setEditable(True)
        box.addItems(COMMON_CURRENCIES)
        box.setAccessibleName(self.tr("Currency"))
        line = box.lineEdit()
        if line is not None:
            line.setMaxLength(3)
        return box

    # -- reading ----------------------------------------------------------------------------
    def load(self) -> None:
        """Quotas, plan and targets as stored (what is typed in the forms stays)."""
        with self.store.read() as s:
            rows, current, targets = quotas(s), plan(s), activity_targets(s)
        self.quota_model.set_rows(rows)
        if current is not None and not self.plan_base.isModified():
            self.plan_currency.setCurrentText(current.currency)
            self.plan_base.setText(major_units(current.base_minor, current.currency))
            self.plan_rate.setValue(current.rate_bp / 100)
            self.plan_tiers.setText(tiers_text(current.tiers))
        for kind, spin in self.targets.items():
            spin.setValue(targets.get(kind, 0))

    def _changed(self, changes: Changes) -> None:
        if any(changes.of(kind) for kind in WATCHED):
            self.load()

    # -- writing ----------------------------------------------------------------------------
    def _run(self, text: str, work: Any) -> bool:
        try:
            perform(self.stack, StoreCommand(self.store, text, work))
        except RelasiError as exc:
            return self._refuse(exc.message)
        self.error.setVisible(False)
        self.load()
        return True

    def _refuse(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setVisible(True)
        return False

    def quota_period(self) -> tuple[date, date]:
        d = self.quota_day.date()
        day = date(d.year(), d.month(), d.day())
        span = month_of(day) if self.quota_span.currentData() == "month" else quarter_of(day)
        return span.start, span.end

    def set_quota(self) -> bool:
        currency = self.quota_currency.currentText().strip().upper()
        try:
            amount = to_minor(self.quota_amount.text(), currency)
        except Exception:  # a code Babel does not know
            return self._refuse(self.tr("“{0}” is not a currency code.").format(currency))
        if amount is None:
            self.quota_amount.setFocus()
            return self._refuse(self.tr("Type the quota as a number, e.g. 1500000000."))
        start, end = self.quota_period()

        def work(uow: UnitOfWork) -> str:
            return services.set_quota(uow, start, end, amount, currency)

        return self._run(self.tr("Set quota"), work)

    def remove_quota(self) -> bool:
        index = self.quota_view.currentIndex()
        if not index.isValid():
            return self._refuse(self.tr("Select the quota to remove."))
        row = self.quota_model.rows[index.row()]
        try:
            perform(
                self.stack, DeleteCommand(self.store, self.tr("Remove quota"), [("quota", row.id)])
            )
        except RelasiError as exc:
            return self._refuse(exc.message)
        self.load()
        return True

    def save_plan(self) -> bool:
        currency = self.plan_currency.currentText().strip().upper()
        try:
            base = to_minor(self.plan_base.text() or "0", currency)
        except Exception:
            return self._refuse(self.tr("“{0}” is not a currency code.").format(currency))
        if base is None:
            self.plan_base.setFocus()
            return self._refuse(self.tr("Type the base as a number, e.g. 15000000."))
        tiers = parse_tiers(self.plan_tiers.text())
        if tiers is None:
            self.plan_tiers.setFocus()
            return self._refuse(
                self.tr("Type accelerators as quota percent and rate, e.g. 100:5, 125:8.")
            )
        rate = round(self.plan_rate.value() * 100)

        def work(uow: UnitOfWork) -> str:
            return services.set_commission_plan(
                uow, currency=currency, base_minor=base, rate_bp=rate, tiers=tiers
            )

        if self._run(self.tr("Change commission plan"), work):
            self.plan_base.setModified(False)
            return True
        return False

    def save_targets(self) -> bool:
        values = {kind: spin.value() for kind, spin in self.targets.items()}

        def work(uow: UnitOfWork) -> None:
            for kind, per_week in values.items():
                services.set_activity_target(uow, kind, per_week)

        return self._run(self.tr("Change activity targets"), work)
