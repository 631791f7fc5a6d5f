"""An Android vCard 2.1 export as the phone writes it: every card comes in or is reported.

The file is built here byte for byte as Android's contacts app writes it: CRLF lines,
``CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE`` on N/FN/ORG/NOTE with soft line breaks
(``=`` at the end of a line), a 2.1 base64 PHOTO folded on lines that start with a
space and ended by a blank line, ``X-ANDROID-CUSTOM`` lines, a card with only a phone
number, and a card whose END:VCARD went missing (a truncated copy).
"""

from __future__ import annotations

import base64
from pathlib import Path

from sqlalchemy import select

from models.entities import Account, Contact
from models.store import Store
from models.transfer.importer import apply_import, plan_import

_PHOTO = base64.b64encode(bytes(range(256)) * 8).decode("ascii")
_PHOTO_LINES = [_PHOTO[i : i + 76] for i in range(0, len(_PHOTO), 76)]


def _card(*lines: str, end: bool = True) -> list[str]:
    return ["BEGIN:VCARD", "VERSION:2.1", *lines, *(["END:VCARD"] if end else [])]


def android_file(path: Path) -> Path:
    cards = [
        *_card(
            "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=53=61=6E=74=6F=73=6F;=44=65=77=69;;;",
            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=44=65=77=69=20=53=61=6E=74=6F=",
            "=73=6F",
            "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A0li R=C3=A9sort;Front Office",
            "TEL;CELL:0812-3456-7890",
            "EMAIL;HOME:dewi@bali-resort.co.id",
            "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Kantor di Jl. Sudirman, Denpasar.=0D=",
            "=0ATemu di B=C3=A0li R=C3=A9sort.",
            "PHOTO;ENCODING=BASE64;JPEG:" + _PHOTO_LINES[0],
            *(" " + line for line in _PHOTO_LINES[1:]),
            "",
        ),
        *_card(
            "N:Hartono;Budi;;;",
            "FN:Budi Hartono",
            "TEL;CELL:+62 811 222 333",
            "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Budi;1;;;;;;;;;;;;;",
            "X-ANDROID-CUSTOM;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:vnd.android.cursor.item/"
            "relation;=49=62=75;2;;;;;;;;;;;;;",
        ),
        # A truncated copy: this card's END:VCARD is missing.
        *_card(
            "N;CHARSET=UTF-8:Lestari;Sari;;;",
            "FN:Sari Lestari",
            "TEL;CELL:0813-1111-2222",
            end=False,
        ),
        *_card(
            "N;CHARSET=UTF-8:Wijaya;Rina;;;",
            "FN;CHARSET=UTF-8:Rina Wijaya",
            "PHOTO;ENCODING=BASE64;TYPE=JPEG:",
            *(" " + line for line in _PHOTO_LINES),
            "",
            "ORG;CHARSET=UTF-8:Bàli Résort",
            "EMAIL;WORK:rina@bali-resort.co.id",
        ),
        *_card("N:;;;;", "FN:", "TEL;CELL:0813-9999-0000"),  # a number with no name
    ]
    target = path / "Contacts.vcf"
    target.write_bytes(("\r\n".join(cards) + "\r\n").encode("utf-8"))
    return target


def test_every_android_card_is_imported_or_reported(store: Store, tmp_path: Path) -> None:
    path = android_file(tmp_path)
    total = path.read_text(encoding="utf-8").count("BEGIN:VCARD")
    result = apply_import(store, plan_import(store, path))
    counted = result.created + result.updated + result.skipped + result.unchanged
    assert counted + len(result.errors) == total == 5
    assert result.created == 4
    assert len(result.errors) == 1 and result.errors[0].startswith("card at line ")
    with store.read() as s:
        people = {c.name: c for c in s.scalars(select(Contact))}
        accounts = {a.id: a.name for a in s.scalars(select(Account))}
    dewi = people["Dewi Santoso"]
    assert accounts[dewi.account_id or ""] == "Bàli Résort"
    assert dewi.notes == "Kantor di Jl. Sudirman, Denpasar.\nTemu di Bàli Résort."
    assert dewi.phones == ["+6281234567890"]
    assert people["Budi Hartono"].phones == ["+62811222333"]
    assert people["Sari Lestari"].phones == ["+6281311112222"]
    assert accounts[people["Rina Wijaya"].account_id or ""] == "Bàli Résort"
