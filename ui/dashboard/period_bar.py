"""The dashboard's period chooser: this month, quarter, year, or a custom range of
days (both included)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from models.metrics.period import PRESETS, Period, preset

CUSTOM = "custom"


class PeriodBar(QWidget):
    """Emits ``changed(Period)`` when the choice or the custom dates change."""

    changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.choice = QComboBox(self)
        self.choice.setObjectName("dashboardPeriod")
        self.start = QDateEdit(self)
        self.start.setObjectName("dashboardFrom")
        self.end = QDateEdit(self)
        self.end.setObjectName("dashboardTo")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.label = QLabel(self)
        self.label.setBuddy(self.choice)
        self.to_label = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.choice)
        layout.addWidget(self.start)
        layout.addWidget(self.to_label)
        layout.addWidget(self.end)
        layout.addStretch(1)
        self.retranslate()
        self._set_dates(preset("month", today))
        self.choice.currentIndexChanged.connect(self._chose)
        self.start.dateChanged.connect(self._dates_changed)
        self.end.dateChanged.connect(self._dates_changed)

    def retranslate(self) -> None:
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        names = {
            "month": self.tr("This month"),
            "quarter": self.tr("This quarter"),
            "year": self.tr("This year"),
            CUSTOM: self.tr("Custom range"),
        }
        for key in (*PRESETS, CUSTOM):
            self.choice.addItem(names[key], key)
        self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        self.choice.blockSignals(False)
        self.label.setText(self.tr("&Period:"))
        self.to_label.setText(self.tr("to"))
        self.choice.setAccessibleName(self.tr("Period"))
        self.start.setAccessibleName(self.tr("First day"))
        self.end.setAccessibleName(self.tr("Last day"))
        self._enable()

    def _enable(self) -> None:
        custom = self.choice.currentData() == CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)

    def _set_dates(self, period: Period) -> None:
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _chose(self) -> None:
        key = str(self.choice.currentData())
        self._enable()
        if key != CUSTOM:
            self._set_dates(preset(key, self.today))
        self.changed.emit(self.period())

    def _dates_changed(self) -> None:
        if self.end.date() < self.start.date():  # never an empty range: move the other end
            sender = self.sender()
            other = self.end if sender is self.start else self.start
            other.blockSignals(True)
            other.setDate(self.start.date() if sender is self.start else self.end.date())
            other.blockSignals(False)
        self.changed.emit(self.period())

    def choose(self, key: str) -> None:
        self.choice.setCurrentIndex(self.choice.findData(key))

    def set_range(self, start: date, end: date) -> None:
        self.choose(CUSTOM)
        self._set_dates(Period(start, end))
        self.changed.emit(self.period())

    def period(self) -> Period:
        s, e = self.start.date(), self.end.date()
        return Period(date(s.year(), s.month(), s.day()), date(e.year(), e.month(), e.day()))
