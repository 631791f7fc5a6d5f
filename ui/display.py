"""Names as the window shows them: invisible formatting characters made visible.

A name can carry characters that draw nothing but change what is drawn: bidirectional
controls (U+202E RIGHT-TO-LEFT OVERRIDE turns "Acme\\u202egnp.exe" into "Acmeexe.png"
on screen), marks and isolates, and zero-width characters that make two names that
look the same differ. The window shows each of them as a visible marker such as
``⟨U+202E⟩``, so what is displayed is what is stored, in its order. The stored value is
never changed (searching and matching use it as it is); only the text drawn is.
"""

from __future__ import annotations

import re

#: Bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates
#: (U+2066-U+2069), marks (U+200E, U+200F, U+061C ARABIC LETTER MARK).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Zero-width and invisible characters: space, non-joiner, joiner, word joiner,
#: invisible operators (U+2061-U+2064), byte order mark / zero-width no-break space.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"

_HIDDEN = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]")


def has_hidden(text: str) -> bool:
    """Whether ``text`` holds a character that ``visible`` would mark."""
    return _HIDDEN.search(text) is not None


def visible(text: str) -> str:
    """``text`` with every bidirectional control and zero-width character replaced by
    a marker naming it (``⟨U+202E⟩``); anything else is left as it is."""
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)
