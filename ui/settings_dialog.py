"""Settings: interface language and follow-up reminders."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import formatting
from ui.i18n import LANGUAGES, Translators, resolve_language
from ui.settings import Settings


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
        self.reminders = QCheckBox(self.tr("Remind me when a follow-up falls due"), self)
        self.reminders.setChecked(settings.reminders)
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setObjectName("settingsLockMinutes")
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(settings.lock_minutes)
        self.lock_minutes.setAccessibleName(self.tr("Lock after minutes idle"))
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.reminders)
        form.addRow(self.tr("Loc&k when idle for"), self.lock_minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        choice = str(self.language.currentData() or "")
        self.settings.language = choice
        self.settings.reminders = self.reminders.isChecked()
        self.settings.lock_minutes = self.lock_minutes.value()
        window = self.parent()
        idle = getattr(window, "idle", None)
        if idle is not None:
            idle.set_minutes(self.lock_minutes.value() or 10**6)
        apply_language(resolve_language(choice))
        super().accept()


def apply_language(language: str) -> None:
    """Switch the running application's language (widgets retranslate on LanguageChange)."""
    app = QApplication.instance()
    translators = getattr(app, "relasi_translators", None)
    if translators is None and app is not None:
        translators = Translators(app)
        app.relasi_translators = translators  # type: ignore[attr-defined]
    if translators is not None:
        translators.install(language)
    formatting.set_language(language)
