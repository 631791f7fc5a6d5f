"""Interface language: picks English or Bahasa Indonesia and installs Qt's translators."""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
#: The language apply_language() last set (None: never called in this process).
_applied: str | None = None


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
        # The language's conventions where the user lives: English in Indonesia is en_ID
        # (30/11/2026 in the date editors), not the United States' 11/30/26.
        QLocale.setDefault(QLocale(babel_locale(language)))
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


def user_territory() -> str:
    """The system locale's two-letter country ('ID' for en_ID), '' when it names none."""
    territory = QLocale.system().name().partition("_")[2]
    return territory if len(territory) == 2 and territory.isalpha() else ""


def babel_locale(language: str, territory: str | None = None) -> str:
    """The locale dates and money are formatted in: the interface language in the user's
    country (``territory``, by default the system's) when CLDR knows that pair (en_ID,
    en_GB, id_ID), else the language's own (id_ID, en_US)."""
    territory = user_territory() if territory is None else territory
    if territory:
        candidate = f"{language}_{territory.upper()}"
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            pass
        else:
            return candidate
    return "id_ID" if language == "id" else "en_US"


def applied_language() -> str | None:
    """The language :func:`apply_language` last switched to (None if it never ran)."""
    return _applied


def apply_language(language: str) -> None:
    """Switch the running application's language (widgets retranslate on LanguageChange).

    Dates and money (ui.formatting, which imports Babel's date tables) follow at once if
    that module is loaded, else it reads :func:`applied_language` when first imported:
    the window's first paint does not wait for it."""
    global _applied
    app = QCoreApplication.instance()
    translators = getattr(app, "relasi_translators", None)
    if translators is None and app is not None:
        translators = Translators(app)
        app.relasi_translators = translators  # type: ignore[attr-defined]
    if translators is not None:
        translators.install(language)
    _applied = language
    formatting = sys.modules.get("ui.formatting")
    if formatting is not None:
        formatting.set_language(language)
