"""A logging filter that keeps client data out of log files.

Above DEBUG, every record's message (with its arguments merged in) and its
formatted traceback have e-mail addresses, phone numbers and quoted text
(note text, names in a repr) replaced by placeholders. DEBUG records pass
unchanged: debug logging is something a user turns on for a bug report
(``--verbose``) and reads before sending.
"""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with phone separators, at least 7 digits in all; dates, times and
# ISO timestamps are left alone.
_PHONE_CANDIDATE = re.compile(r"(?<![\w.:-])\+?\(?\d[\d\s().\-/]{5,}\d(?![\w:])")
_DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}|^\d{1,2}[:.]\d{2}")
QUOTED = re.compile(r"\"[^\"\n]*\"|(?<!\w)'[^'\n]*'(?!\w)|“[^”\n]*”|‘[^’\n]*’|«[^»\n]*»")


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    if sum(c.isdigit() for c in text) < 7 or _DATE_LIKE.match(text.lstrip("+(")):
        return text
    return "<phone>"


def scrub(text: str) -> str:
    """``text`` with e-mails, phone numbers and quoted text replaced."""
    text = QUOTED.sub('"<text>"', text)
    text = EMAIL.sub("<email>", text)
    return _PHONE_CANDIDATE.sub(_phone, text)


class ScrubFilter(logging.Filter):
    """Scrubs records above DEBUG in place; never drops one."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno <= logging.DEBUG or getattr(record, "relasi_scrubbed", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep only the template
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        record.relasi_scrubbed = True
        return True


def scrubbed_handler(handler: logging.Handler | None = None) -> logging.Handler:
    """``handler`` (a stderr StreamHandler by default) with the ScrubFilter on it."""
    handler = handler or logging.StreamHandler()
    handler.addFilter(ScrubFilter())
    return handler


def install(logger: logging.Logger | None = None) -> ScrubFilter:
    """Add the filter to every handler of ``logger`` (the root logger by default).

    Handler filters see records from every logger that propagates to them.
    """
    logger = logger or logging.getLogger()
    flt = ScrubFilter()
    for handler in logger.handlers:
        if not any(isinstance(f, ScrubFilter) for f in handler.filters):
            handler.addFilter(flt)
    return flt
