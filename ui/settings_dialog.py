"""Settings: interface language, light or dark appearance, the default currency,
reminders, the due of undated quick-capture follow-ups, the idle lock,
and how the database key is kept (system keyring or a passphrase; switching
re-encrypts the database); and, on its own page, Team sync (ui/settings_sync.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.vault import rekey, unlock
from ui import theme
from ui.i18n import LANGUAGES, resolve_language
from ui.i18n import apply_language as apply_language  # re-exported: callers name it here
from ui.settings import Settings, iso_currency
from ui.settings_sync import SyncSettingsPage
from ui.sync_backend import default_api

# Offered in the default-currency box (any other ISO 4217 code can be typed).
COMMON_CURRENCIES = ("IDR", "USD", "SGD", "EUR", "AUD", "MYR", "JPY", "GBP", "CNY")


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.language = QComboBox(self)
        self.language.setObjectName("settingsLanguage")
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self.appearance = QComboBox(self)
        self.appearance.setObjectName("settingsAppearance")
        self.appearance.addItem(self.tr("Follow the system"), theme.SYSTEM)
        self.appearance.addItem(self.tr("Light"), theme.LIGHT)
        self.appearance.addItem(self.tr("Dark"), theme.DARK)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.appearance.setAccessibleName(self.tr("Appearance"))
        self.currency = QComboBox(self)
        self.currency.setObjectName("settingsCurrency")
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.currency.setCurrentText(settings.default_currency)
        self.currency.setAccessibleName(self.tr("Default currency"))
        self.currency.setToolTip(
            self.tr("For new deals, and for amounts in a quick capture that name no currency")
        )
        line = self.currency.lineEdit()
        if line is not None:
            line.setMaxLength(3)
        self.currency_error = QLabel(self)
        self.currency_error.setObjectName("settingsCurrencyError")
        self.currency_error.setVisible(False)
        self.reminders = QCheckBox(self.tr("Remind me when a follow-up falls due"), self)
        self.reminders.setChecked(settings.reminders)
        self.default_days = QSpinBox(self)
        self.default_days.setObjectName("settingsDefaultDueDays")
        self.default_days.setRange(0, 30)
        self.default_days.setSpecialValueText(self.tr("Today"))
        self.default_days.setSuffix(self.tr(" working days"))
        self.default_days.setValue(settings.capture_default_days)
        self.default_days.setAccessibleName(self.tr("Due of a follow-up with no date"))
        self.default_days.setToolTip(
            self.tr(
                "When a next step in a quick note names no date, it is due this many "
                "working days later (and marked for you to check)"
            )
        )
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setObjectName("settingsLockMinutes")
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(settings.lock_minutes)
        self.lock_minutes.setAccessibleName(self.tr("Lock after minutes idle"))
        self.security = QLabel(self)
        self.security.setWordWrap(True)
        self.passphrase_button = QPushButton(self)
        self.passphrase_button.setObjectName("settingsPassphrase")
        self.keyring_button = QPushButton(self.tr("Keep the key in the system keyring"), self)
        self.keyring_button.setObjectName("settingsKeyring")
        self.passphrase_button.clicked.connect(self._use_passphrase)
        self.keyring_button.clicked.connect(self._use_keyring)
        self._show_mode()
        self.sales_button = QPushButton(self.tr("Sales &targets and commission…"), self)
        self.sales_button.setObjectName("settingsSalesTargets")
        open_targets = getattr(self.parent(), "open_sales_targets", None)
        self.sales_button.setEnabled(open_targets is not None)
        if open_targets is not None:
            self.sales_button.clicked.connect(open_targets)
        self.gift_button = QPushButton(self.tr("&Gift rules and rates…"), self)
        self.gift_button.setObjectName("settingsGiftRules")
        open_gift_rules = getattr(self.parent(), "open_gift_rules", None)
        self.gift_button.setEnabled(open_gift_rules is not None)
        if open_gift_rules is not None:
            self.gift_button.clicked.connect(open_gift_rules)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Appearance"), self.appearance)
        form.addRow(self.tr("Default &currency"), self.currency)
        form.addRow("", self.currency_error)
        form.addRow("", self.reminders)
        form.addRow(self.tr("Undated follow-ups &due in"), self.default_days)
        form.addRow(self.tr("Loc&k when idle for"), self.lock_minutes)
        form.addRow(self.tr("Database key"), self.security)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.passphrase_button)
        buttons_row.addWidget(self.keyring_button)
        form.addRow("", buttons_row)
        form.addRow(self.tr("Sales"), self.sales_button)
        form.addRow(self.tr("Gifts"), self.gift_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        general.setLayout(form)
        sync_actions = getattr(self.parent(), "sync_actions", None)
        self.sync_page = SyncSettingsPage(
            settings,
            getattr(self.parent(), "store", None),
            sync_actions.api if sync_actions is not None else default_api(),
            sync_actions,
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(self.sync_page, self.tr("Team s&ync"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _store_path(self) -> Path | None:
        store = getattr(self.parent(), "store", None)
        return Path(store.path) if store is not None else None

    def _show_mode(self) -> None:
        path = self._store_path()
        mode = unlock.read_state(path).mode if path is not None else unlock.MODE_KEYRING
        if mode == unlock.MODE_PASSPHRASE:
            self.security.setText(self.tr("Protected by a passphrase, asked at every start."))
            self.passphrase_button.setText(self.tr("Change the passphrase…"))
        else:
            self.security.setText(self.tr("A random key kept in the system keyring."))
            self.passphrase_button.setText(self.tr("Use a passphrase instead…"))
        self.keyring_button.setVisible(mode == unlock.MODE_PASSPHRASE)
        self.passphrase_button.setEnabled(path is not None)

    def _ask(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Passphrase"), label, QLineEdit.EchoMode.Password
        )
        return text if ok else None

    def _use_passphrase(self) -> None:
        path = self._store_path()
        reopen = getattr(self.parent(), "reopen_after", None)
        if path is None or reopen is None:
            return
        current = None
        if unlock.read_state(path).mode == unlock.MODE_PASSPHRASE:
            current = self._ask(self.tr("Current passphrase:"))
            if current is None:
                return
        new = self._ask(self.tr("New passphrase:"))
        if not new:
            return
        if self._ask(self.tr("The new passphrase again:")) != new:
            QMessageBox.warning(self, self.tr("Passphrase"), self.tr("The two entries differ."))
            return
        QMessageBox.information(
            self,
            self.tr("Passphrase"),
            self.tr("Relasi closes the window, re-encrypts the database and opens it again."),
        )
        if current is None:
            reopen(lambda: rekey.switch_to_passphrase(path, new))
        else:
            reopen(lambda: rekey.change_passphrase(path, current, new))
        self.reject()

    def _use_keyring(self) -> None:
        path = self._store_path()
        reopen = getattr(self.parent(), "reopen_after", None)
        if path is None or reopen is None:
            return
        reopen(lambda: rekey.switch_to_keyring(path))
        self.reject()

    def accept(self) -> None:
        currency = iso_currency(self.currency.currentText())
        if currency is None:
            self.currency_error.setText(
                self.tr("“{0}” is not a currency code (ISO 4217, e.g. IDR, USD).").format(
                    self.currency.currentText().strip()
                )
            )
            self.currency_error.setVisible(True)
            self.tabs.setCurrentIndex(0)
            self.currency.setFocus()
            return
        if not self.sync_page.save():
            self.tabs.setCurrentWidget(self.sync_page)
            return
        self.settings.default_currency = currency
        choice = str(self.language.currentData() or "")
        self.settings.language = choice
        appearance = str(self.appearance.currentData() or "")
        self.settings.appearance = appearance
        self.settings.reminders = self.reminders.isChecked()
        self.settings.capture_default_days = self.default_days.value()
        self.settings.lock_minutes = self.lock_minutes.value()
        window = self.parent()
        idle = getattr(window, "idle", None)
        if idle is not None:
            idle.set_minutes(self.lock_minutes.value() or 10**6)
        apply_language(resolve_language(choice))
        theme.apply_theme(appearance)
        super().accept()
