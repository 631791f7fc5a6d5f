"""An amount in figures and in words, in English or Indonesian.

Amounts are integer minor units plus an ISO 4217 code (DESIGN, Money); the number of
minor digits comes from Babel, like the rest of Relasi (IDR has none there). Figures
read "Rp 150.000.000" (Rupiah in an Indonesian text), "USD 12,500.00" (the ISO code
otherwise: what a contract writes); words come from num2words: "seratus lima puluh
juta rupiah", "twelve thousand five hundred US dollars".
"""

from __future__ import annotations

from babel.numbers import format_decimal, get_currency_name, get_currency_precision

from models.errors import RelasiError

LANGUAGES = ("en", "id")

#: Currency names in words where Babel's differ from how a proposal writes them.
_NAMES_ID = {"IDR": "rupiah", "USD": "dolar Amerika Serikat"}
_NAMES_EN = {"IDR": "Indonesian rupiah"}
_MINOR = {"en": ("cent", "cents"), "id": ("sen", "sen")}
_AND = {"en": " and ", "id": " "}


class AmountError(RelasiError):
    """An amount that cannot be written in words (too large for num2words)."""

    code = "amount-words"


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def _split(amount_minor: int, currency: str) -> tuple[int, int, int]:
    """(whole units, minor units, minor digits) of ``abs(amount_minor)``."""
    places = int(get_currency_precision(currency))
    whole, minor = divmod(abs(amount_minor), 10**places) if places else (abs(amount_minor), 0)
    return whole, minor, places


def in_figures(amount_minor: int, currency: str, lang: str) -> str:
    """'Rp 150.000.000' (IDR, Indonesian), 'IDR 150,000,000', 'USD 12,500.00'."""
    lang = _lang(lang)
    currency = currency.upper()
    whole, minor, places = _split(amount_minor, currency)
    number = format_decimal(whole, locale=lang, group_separator=True)
    if places:
        point = "," if lang == "id" else "."
        number = f"{number}{point}{minor:0{places}d}"
    sign = "-" if amount_minor < 0 else ""
    symbol = "Rp" if currency == "IDR" and lang == "id" else currency
    return f"{symbol} {sign}{number}"


def currency_name(currency: str, lang: str, count: int) -> str:
    """The currency as words say it: 'US dollars', 'rupiah', 'dolar Amerika Serikat'."""
    lang = _lang(lang)
    currency = currency.upper()
    if lang == "id":
        name = _NAMES_ID.get(currency) or str(get_currency_name(currency, locale="id"))
        return name[:1].lower() + name[1:]  # "Yen Jepang" -> "yen Jepang" inside a sentence
    return _NAMES_EN.get(currency) or str(get_currency_name(currency, count=count, locale="en"))


def _cardinal(number: int, lang: str) -> str:
    from num2words import num2words  # imported on first use (DESIGN: heavy libraries)

    try:
        text = str(num2words(number, lang=lang))
    except OverflowError:
        raise AmountError(f"{number} is too large to write in words") from None
    return " ".join(text.replace(",", " ").split())  # "twelve thousand, five" -> no comma


def in_words(amount_minor: int, currency: str, lang: str) -> str:
    """'seratus lima puluh juta rupiah'; 'twelve thousand five hundred US dollars and
    fifty cents'. Raises AmountError for a number num2words cannot say."""
    lang = _lang(lang)
    whole, minor, _places = _split(amount_minor, currency)
    text = f"{_cardinal(whole, lang)} {currency_name(currency, lang, whole)}"
    if minor:
        one, many = _MINOR[lang]
        text += f"{_AND[lang]}{_cardinal(minor, lang)} {one if minor == 1 else many}"
    if amount_minor < 0:
        text = f"minus {text}"  # the same word in both languages
    return text
