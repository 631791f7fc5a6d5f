"""User settings in one typed place, stored with QSettings as plain types only.

No client data is kept here (not even the last client's name): only ids,
geometry and choices.
"""

from __future__ import annotations

from babel.numbers import list_currencies
from PySide6.QtCore import QByteArray, QSettings

DEFAULT_CURRENCY = "IDR"


def iso_currency(code: str) -> str | None:
    """``code`` as an ISO 4217 currency code ('idr ' -> 'IDR'), or None if it is not one."""
    code = code.strip().upper()
    return code if len(code) == 3 and code in list_currencies() else None


class Settings:
    """Typed accessors over QSettings; a QSettings object may be given (tests)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings()

    def _str(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return str(value) if value is not None else default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.q.value(key, default)
        if isinstance(value, str):
            return value.lower() in {"1", "true", "yes"}
        return bool(value)

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self.q.value(key, default)))
        except (TypeError, ValueError):
            return default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- language -----------------------------------------------------------------------
    @property
    def language(self) -> str:
        """'en', 'id', or '' to follow the system."""
        return self._str("ui/language")

    @language.setter
    def language(self, value: str) -> None:
        self.q.setValue("ui/language", value)

    @property
    def appearance(self) -> str:
        """'light', 'dark', or '' to follow the system (ui.theme)."""
        return self._str("ui/appearance")

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.q.setValue("ui/appearance", value)

    @property
    def default_currency(self) -> str:
        """ISO 4217 code for new deals and quick-capture amounts that name no currency
        (an invalid stored value reads as IDR)."""
        return iso_currency(self._str("money/default_currency")) or DEFAULT_CURRENCY

    @default_currency.setter
    def default_currency(self, value: str) -> None:
        code = iso_currency(value)
        if code is None:
            raise ValueError(f"not an ISO 4217 currency code: {value!r}")
        self.q.setValue("money/default_currency", code)

    @property
    def capture_default_days(self) -> int:
        """Working days ahead for a quick-capture follow-up that names no date (0-30)."""
        return min(30, max(0, self._int("capture/default_working_days", 2)))

    @capture_default_days.setter
    def capture_default_days(self, value: int) -> None:
        self.q.setValue("capture/default_working_days", min(30, max(0, int(value))))

    # -- window layout (MainWindow.apply_window_layout / save_window_layout) -------------
    @property
    def window_geometry(self) -> QByteArray | None:
        """Size and position (QWidget.saveGeometry)."""
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    @property
    def window_toolbars(self) -> QByteArray | None:
        """Where the toolbar sits (QMainWindow.saveState)."""
        return self._bytes("window/state")

    @window_toolbars.setter
    def window_toolbars(self, value: QByteArray) -> None:
        self.q.setValue("window/state", value)

    @property
    def window_splitter(self) -> QByteArray | None:
        """The widths of the three panes."""
        return self._bytes("window/splitter")

    @window_splitter.setter
    def window_splitter(self, value: QByteArray) -> None:
        self.q.setValue("window/splitter", value)

    # -- client list ----------------------------------------------------------------------
    @property
    def sort_column(self) -> str:
        return self._str("clients/sort", "name")

    @sort_column.setter
    def sort_column(self, value: str) -> None:
        self.q.setValue("clients/sort", value)

    @property
    def sort_descending(self) -> bool:
        return self._bool("clients/descending", False)

    @sort_descending.setter
    def sort_descending(self, value: bool) -> None:
        self.q.setValue("clients/descending", value)

    @property
    def last_client_id(self) -> str:
        return self._str("clients/last_id")

    @last_client_id.setter
    def last_client_id(self, value: str) -> None:
        self.q.setValue("clients/last_id", value)

    # -- follow-ups -----------------------------------------------------------------------
    @property
    def followups_all_clients(self) -> bool:
        return self._bool("followups/all_clients", True)

    @followups_all_clients.setter
    def followups_all_clients(self, value: bool) -> None:
        self.q.setValue("followups/all_clients", value)

    @property
    def reminders(self) -> bool:
        return self._bool("followups/reminders", True)

    @reminders.setter
    def reminders(self, value: bool) -> None:
        self.q.setValue("followups/reminders", value)

    # -- security -------------------------------------------------------------------------
    @property
    def lock_minutes(self) -> int:
        """Minutes without input before the window locks (0: never)."""
        return self._int("security/lock_minutes", 15)

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        self.q.setValue("security/lock_minutes", value)

    @property
    def recovery_offered(self) -> bool:
        return self._bool("security/recovery_offered", False)

    @recovery_offered.setter
    def recovery_offered(self, value: bool) -> None:
        self.q.setValue("security/recovery_offered", value)

    # -- proposals (the user's own name and company: not client data) -------------------
    @property
    def proposal_signer(self) -> tuple[str, str]:
        """(your name, your company) for a proposal's signature block."""
        return self._str("proposals/signer_name"), self._str("proposals/signer_company")

    @proposal_signer.setter
    def proposal_signer(self, value: tuple[str, str]) -> None:
        self.q.setValue("proposals/signer_name", value[0].strip())
        self.q.setValue("proposals/signer_company", value[1].strip())

    @property
    def proposal_template(self) -> str:
        """The template last used: 'en', 'id' or a file's path ('' for the language's)."""
        return self._str("proposals/template")

    @proposal_template.setter
    def proposal_template(self, value: str) -> None:
        self.q.setValue("proposals/template", value)

    # -- team sync (server, user and TLS live in the database: models.sync.configure) ----
    @property
    def sync_interval_minutes(self) -> int:
        """Minutes between background syncs (1-240, default 5)."""
        return min(240, max(1, self._int("sync/interval_minutes", 5)))

    @sync_interval_minutes.setter
    def sync_interval_minutes(self, value: int) -> None:
        self.q.setValue("sync/interval_minutes", min(240, max(1, int(value))))

    @property
    def sync_require_tls(self) -> bool:
        """The "Require TLS" choice as last saved here (models.sync keeps the one that
        counts; its status does not report it)."""
        return self._bool("sync/require_tls", False)

    @sync_require_tls.setter
    def sync_require_tls(self, value: bool) -> None:
        self.q.setValue("sync/require_tls", bool(value))

    def sync(self) -> None:
        self.q.sync()
