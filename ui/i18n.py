"""Interface language: picks English or Bahasa Indonesia and installs Qt's translators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}


def system_language() -> str:
    """'id' when the system locale is Indonesian, else 'en'."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def resolve_language(choice: str | None) -> str:
    """A supported language code from a setting or flag ('' or 'system' follow the system)."""
    if choice in LANGUAGES:
        return str(choice)
    return system_language()


class Translators:
    """Owns the installed translators so the language can be switched at run time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Switch to ``language``; returns False if its translation could not be loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Indonesian if language == "id" else QLocale.Language.English,
                QLocale.Country.Indonesia if language == "id" else QLocale.Country.UnitedStates,
            )
        )
        if language == "en":
            return True
        ok = True
        ours = QTranslator(self._app)
        if ours.load(str(TRANSLATIONS / f"relasi_{language}.qm")):
            self._app.installTranslator(ours)
            self._installed.append(ours)
        else:
            ok = False
        qt_base = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_base)
            self._installed.append(qt_base)
        return ok


def babel_locale(language: str) -> str:
    """The Babel locale used to format dates and money for a language."""
    return "id_ID" if language == "id" else "en_US"
