"""Whether a clause asks for an action (a next step) or only reports, in English and Indonesian.

``read_action`` looks at how a clause starts, after fillers ("and then",
"lalu", "nanti"), labels ("Next step:", "Jangan lupa"), leading time words
("Besok", "Friday,"), the writer as subject ("I", "we", "saya", "kita") and
modals ("will", "need to", "akan", "perlu", "harus"):

* an action verb there makes it an action ("Kirim proposal besok",
  "we'll send the deck", "Tolong cek stok", "Let's schedule a demo");
* a "weak" verb or event word (meet, ketemu, demo, meeting, rapat, lunch)
  counts only when the clause names a day ("Demo Kamis depan jam 10"), since
  "Ketemu Pak Budi di kantor" reports a meeting that happened;
* someone else asking ("Pak Budi minta dikirimi brosur", "they asked us to
  send the deck") is an action on the verb they asked for;
* an Indonesian passive with a modal or a day ("Proposal harus dikirim
  Jumat") is an action, titled in the active voice ("Kirim proposal");
* a negation before the verb ("no need to call", "tidak perlu kirim",
  "jangan kirim") or a past marker ("sudah kirim", "already sent") makes it none,
  as does anything else: reports ("they want a demo", "budget approved",
  "belum ada keputusan") start with no action verb.

Past-time words later in the clause ("kemarin", "yesterday", "tadi") are
reported in ``Action.past_words`` so the caller can drop an action that names
no day ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.capture.date_rules import WD

__all__ = ["Action", "read_action", "starts_clause"]


def _alt(words: str) -> str:
    """A regex alternation of the "|"-separated phrases, longest first, spaces flexible."""
    items = sorted({w.strip() for w in words.split("|") if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in items)


_STRONG = (
    "send|send over|resend|re-send|email|e-mail|mail|call|call back|phone|ring|text|"
    "whatsapp|wa|ping|"
    "follow up|follow-up|followup|f/u|fu|chase|schedule|reschedule|set up|setup|arrange|book|"
    "organize|organise|plan|prepare|prep|draft|write|share|forward|invite|review|check|"
    "check in|check on|ask|remind|confirm|update|revise|submit|deliver|present|quote|"
    "reach out|get back|touch base|circle back|finalize|finalise|sign|close|negotiate|"
    "propose|contact|order|bring|pick up|collect|invoice|bill|sync|loop in|introduce|"
    "print|create|make|get|find|look into|escalate|push|nudge|cc|clarify|research|compare|"
    "calculate|register|renew|pay|test|install|configure|train|onboard|visit|attend|join|"
    "kirim ulang|"
    "kirim|kirimkan|kirimin|kirimi|krm|emailkan|telepon|telpon|telp|tlp|nelpon|hubungi|"
    "kontak|jadwalkan|jadwalin|atur|aturkan|siapkan|siapin|persiapkan|tindak lanjuti|"
    "tindaklanjuti|tindak lanjut|minta|mintakan|mintain|tanya|tanyakan|tanyain|ingatkan|"
    "ingetin|ingatin|temui|kunjungi|datangi|buat|buatkan|bikin|bikinin|revisi|cek|"
    "konfirmasi|konfirmasikan|kabari|kabarin|kasih tahu|kasih tau|kasih|beri|berikan|tagih|"
    "undang|presentasikan|bawa|bawakan|urus|uruskan|proses|susun|ajukan|perbarui|"
    "negosiasi|negosiasikan|nego|tawarkan|ajak|chat|japri|pastikan|selesaikan|lengkapi|"
    "bagikan|teruskan|cari|carikan|hitung|bandingkan|daftarkan|bayar|perpanjang|pasang|"
    "tinjau|cetak|tanda tangani|ttd|serahkan|antar|antarkan|jemput|ambil|dekati|pesan|"
    "kumpulkan|kumpulin|gather|compile|catat|rekap|rangkum|summarize|"
    "follow"
)
_WEAK = (
    "meet|meet up|meeting|ketemu|ketemuan|bertemu|temu|demo|demonstrate|presentasi|rapat|"
    "lunch|dinner|makan siang|makan malam|ngopi|coffee|kunjungan|site visit|training|"
    "workshop|kickoff|kick-off|kick off|closing|pertemuan|janjian|appointment|go|pergi|"
    "datang|visit ke|call with|call dengan|telepon dengan|meeting with|meeting dengan|"
    "rapat dengan|demo to|demo ke|demo untuk|demo for|presentasi ke|presentasi untuk|"
    "survey|survei|trial|poc|pilot|call w/|meeting w/|lunch w/|dinner w/|call sama|"
    "meeting sama|rapat sama|discuss|diskusi|diskusikan|bahas|ngobrol|jelaskan"
)
_FILLER = (
    "and|and then|then|also|so|plus|but|next|afterwards|after that|ok|okay|oke|btw|"
    "dan|lalu|terus|trus|trs|kemudian|habis itu|abis itu|setelah itu|sesudah itu|nanti|"
    "nnt|ntar|jadi|jd|tapi|tp|namun|juga|sekalian|langsung|segera|asap|secepatnya|"
    "yang penting|pokoknya"
)
_POLITE = (
    "please|pls|plz|kindly|tolong|tlg|mohon|don't forget to|dont forget to|do not forget to|"
    "remember to|jangan lupa|jgn lupa|jangan sampai lupa|let's|lets|let us|ayo|yuk|mari|"
    "reminder to|reminder|todo|to do|to-do|action|action item|action items|ai|"
    "next step is to|next steps are to|next step|next steps|langkah selanjutnya|"
    "langkah berikutnya|rencananya|rencana|pr"
)
_SELF = (
    "i|i'll|i'm|im|i will|we|we'll|we're|saya|sy|aku|gue|gua|gw|kami|kita|our team|"
    "tim kami|tim kita|me"
)
_MODAL = (
    "will|shall|need to|needs to|have to|has to|must|should|gotta|got to|going to|gonna|"
    "plan to|planning to|want to|wanna|try to|would like to|intend to|to|can|akan|mau|perlu|"
    "harus|hrs|wajib|mesti|musti|coba|sebaiknya|bakal|bakalan|ingin|pengen|berencana|"
    "rencana|bisa|perlu untuk|harus segera"
)
_PAST = (
    "sudah|udah|sdh|dah|telah|tlh|barusan|baru saja|already|just|had|did|was|were|have|has|pernah"
)
_NEG = re.compile(
    r"(?<!\w)(?:no|not|don't|dont|do\s+not|doesn't|won't|will\s+not|never|nothing|none|"
    r"tidak|tdk|gak|ga|gk|nggak|ngga|enggak|engga|tak|jangan|jgn|belum|blm|bukan|usah"
    r")(?!\w)",
    re.IGNORECASE,
)
_NOT_NEG = re.compile(
    r"(?:don't|dont|do\s+not)\s+forget|(?:jangan|jgn)\s+(?:sampai\s+)?lupa", re.IGNORECASE
)
_WHEN = (
    r"(?:(?:on|by|pada|hari|tomorrow|besok)\s+)?(?:besok(?:\s+(?:pagi|siang|sore|malam))?|bsk|lusa"
    r"|tomorrow(?:\s+(?:morning|afternoon))?|tmrw|today|tonight|hari\s+ini|nanti\s+(?:pagi"
    r"|siang|sore|malam)|this\s+(?:morning|afternoon|evening|week)|(?:next\s+)?(?:" + WD + r")"
    r"(?:\s+(?:depan|ini|pagi|siang|sore|malam))?|next\s+week|minggu\s+depan|pekan\s+depan"
    r"|bulan\s+depan|next\s+month|minggu\s+ini|first\s+thing(?:\s+tomorrow)?"
    r"|(?:jam|pukul|pkl|at)\s*\d{1,2}(?:[.:]\d{2})?(?:\s*(?:pagi|siang|sore|malam|am|pm))?)"
)
_THIRD = (
    r"(?:(?i:they|he|she|the\s+client|client|the\s+customer|customer|mereka|beliau|dia|klien"
    r"|(?:pak|bu|bpk|ibu|mr\.?|ms\.?|mrs\.?|mbak|mas)\s+\w+)|[A-Z]\w+)"
)
_ASKS = (
    r"(?:(?P<request>(?i:minta|meminta|mintanya|mohon|asked|asks|requested|request))|(?i:want|wants"
    r"|wanted|mau|ingin|pengen)(?=\s+(?i:us|kami|kita)\s))"
)
_ASK_LINK = r"(?i:(?:us|me|kami|kita|saya|agar|supaya|untuk|utk|to|for|biar|kalau)\s+)"
_PASSIVE = {
    "dikirim": "kirim", "dikirimkan": "kirim", "dikirimi": "kirim", "dikirimin": "kirim",
    "ditelepon": "telepon", "ditelpon": "telepon", "dihubungi": "hubungi",
    "dijadwalkan": "jadwalkan", "dijadwalin": "jadwalkan", "disiapkan": "siapkan",
    "disiapin": "siapkan", "direvisi": "revisi", "diupdate": "update", "dicek": "cek",
    "dikonfirmasi": "konfirmasi", "ditagih": "tagih", "dibuat": "buat", "dibuatkan": "buat",
    "dibahas": "bahas", "diajukan": "ajukan", "diproses": "proses", "direview": "review",
    "ditandatangani": "tanda tangani", "dibayar": "bayar", "difollow up": "follow up",
    "di-follow up": "follow up", "ditindaklanjuti": "tindak lanjuti", "diingatkan": "ingatkan",
    "diundang": "undang", "dikabari": "kabari", "ditanyakan": "tanyakan", "diantar": "antar",
    "diperpanjang": "perpanjang", "dinego": "nego", "dinegosiasikan": "negosiasikan",
    "dipresentasikan": "presentasikan", "dicetak": "cetak", "diprint": "print",
    "dilengkapi": "lengkapi", "diselesaikan": "selesaikan", "dipastikan": "pastikan",
    "dikasih": "kasih", "diberikan": "berikan", "disubmit": "submit", "diemail": "email",
    "di-email": "email", "dishare": "share", "diteruskan": "teruskan", "diurus": "urus",
    "diperbarui": "perbarui", "dikirim ulang": "kirim ulang", "didemokan": "demo",
}  # fmt: skip
_B, _E = r"(?<!\w)", r"(?![\w'’/-])"
_LEAD = re.compile(
    r"\s*(?:" + _WHEN + _E + r"|(?:" + _alt(_FILLER + "|" + _POLITE) + r")" + _E + r"\s*:?"
    r"|[:\-–—•*>]+)\s*,?\s*",
    re.IGNORECASE,
)
_SELF_RE = re.compile(r"(?:" + _alt(_SELF) + r")" + _E + r"\s*", re.IGNORECASE)
_MODAL_RE = re.compile(r"(?:" + _alt(_MODAL) + r")" + _E + r"\s*", re.IGNORECASE)
_NEG_AT = re.compile(_NEG.pattern + r"\s*(?:need\s+to|perlu|usah|akan|harus)?\s*", re.I)
_PAST_RE = re.compile(r"(?:" + _alt(_PAST) + r")" + _E + r"\s*", re.IGNORECASE)
_STRONG_RE = re.compile(r"(?:" + _alt(_STRONG) + r")" + _E, re.IGNORECASE)
_WEAK_RE = re.compile(r"(?:" + _alt(_WEAK) + r")" + _E, re.IGNORECASE)
_PASSIVE_WORDS = _alt("|".join(_PASSIVE))
_PASSIVE_RE = re.compile(_B + r"(?P<pv>" + _PASSIVE_WORDS + r")" + _E, re.IGNORECASE)
_NOT_AFTER_VERB = re.compile(
    r"\s*(?::|(?:went|was|is|were|has|had|looked|seems|berjalan|lancar|selesai|done|ok|from|dari"
    r"|oke|bagus|sukses|positif|kemarin|yesterday|tadi|sudah|udah)(?!\w))",
    re.IGNORECASE,
)
_THIRD_ASK = re.compile(
    r"\s*" + _THIRD + r"(?:\s+\w+){0,2}?\s+" + _ASKS + r"\s+" + _ASK_LINK + r"*",
)
_FOLLOW_UP_RE = re.compile(
    _alt("follow up|follow-up|followup|fu|f/u|tindak lanjut|tindak lanjuti|tindaklanjuti"),
    re.IGNORECASE,
)
_NOUN_TITLE = re.compile(
    r"(?:call|phone|visit|review|update|email|e-mail|check-?in|demo|meeting|follow[- ]?up|"
    r"telepon|telpon|kunjungan|rapat)\s+(?:notes?|recap|summary|report|log|debrief|minutes|memo|"
    r"catatan|laporan|notulen|rekap)(?!\w)",
    re.IGNORECASE,
)
_BY_OTHERS = re.compile(r"\s+(?:oleh|by|sama)\s+(?!(?:kami|kita|saya|us|me)(?!\w))", re.I)
_PAST_WORDS = re.compile(
    r"(?<!\w)(?:kemarin|kmrn|kemaren|tadi|yesterday|earlier\s+today|last\s+week|minggu\s+lalu"
    r"|pekan\s+lalu|(?:sudah|udah|sdh|telah|already)\s+(?:di\w+|sent|done|signed))(?!\w)",
    re.IGNORECASE,
)
_START = re.compile(
    r"(?:(?:" + _alt(_FILLER) + r")" + _E + r"\s*)*(?:" + _alt(_STRONG) + "|" + _alt(_WEAK)
    + "|" + _alt(_POLITE) + "|" + _alt(_SELF) + "|" + _alt(_MODAL) + "|" + _alt(_PAST)
    + r"|they|mereka|beliau|he|she|no\s+need|tidak|tdk|gak|ga|nggak|jangan|belum|klien|client"
    + r")" + _E,
    re.IGNORECASE,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Action:
    """An action read from a clause.

    ``start`` is where its title begins in the clause (the verb); ``weak``
    means it counts only with a day named; ``active`` is the active verb to
    title a passive clause with, the passive words being ``passive`` (start,
    end) and the object ``clause[:object_end]`` from ``object_start``.
    """

    start: int
    weak: bool = False
    active: str | None = None
    passive: tuple[int, int] | None = None
    object_start: int = 0
    past_words: bool = False
    verb: str = ""


def starts_clause(text: str) -> bool:
    """Whether ``text`` begins a clause of its own (a verb, modal, subject, negation...)."""
    return _START.match(text) is not None or _THIRD_ASK.match(text) is not None


def _skip(pattern: re.Pattern[str], clause: str, pos: int) -> int:
    while (m := pattern.match(clause, pos)) is not None and m.end() > pos:
        pos = m.end()
    return pos


def read_action(clause: str) -> Action | None:
    """The action ``clause`` asks for, or None when it reports (see the module docstring)."""
    past_words = _PAST_WORDS.search(clause) is not None
    pos = _skip(_LEAD, clause, 0)
    pos = _skip(_SELF_RE, clause, pos)
    pos = _skip(_LEAD, clause, pos)
    while True:
        moved = _skip(_NEG_AT, clause, pos)
        moved = _skip(_MODAL_RE, clause, moved)
        moved = _skip(_LEAD, clause, moved)
        if moved == pos:
            break
        pos = moved
    prefix = _NOT_NEG.sub(" ", clause[:pos])
    if _NEG.search(prefix) or _PAST_RE.match(clause, pos):
        return None
    if _NOUN_TITLE.match(clause, pos):
        return None  # "Call notes", "Visit report": a heading
    strong, weak_m = _STRONG_RE.match(clause, pos), _WEAK_RE.match(clause, pos)
    if weak_m is not None and (strong is None or weak_m.end() > strong.end()):
        strong = None  # "call with" is an event, "call" a step
    for m, weak in ((strong, False), (weak_m, True)):
        if m is not None and not _NOT_AFTER_VERB.match(clause, m.end()):
            alone = not clause[m.end() :].strip(" .!?;,")
            if alone and not _FOLLOW_UP_RE.fullmatch(m.group(0)):
                weak = True  # "Visit", "Call" alone read as a heading unless a day is named
            return Action(start=pos, weak=weak, past_words=past_words, verb=m.group(0).lower())
    asked = _THIRD_ASK.match(clause)
    if asked is not None and not _NEG.search(clause[: asked.end()]):
        verb_pos = asked.end()
        verb = _STRONG_RE.match(clause, verb_pos)
        if verb is not None:
            return Action(start=verb_pos, past_words=past_words, verb=verb.group(0).lower())
        if asked["request"] and _WEAK_RE.match(clause, verb_pos):
            return Action(start=verb_pos, past_words=past_words)  # "minta demo ulang"
        if asked["request"]:
            found = _passive(clause, verb_pos, past_words)
            if found is not None:  # "minta penawaran diperbarui"
                return Action(
                    start=found.start,
                    active=found.active,
                    passive=found.passive,
                    object_start=found.object_start,
                    past_words=past_words,
                )
        passive = _PASSIVE_RE.match(clause, verb_pos)
        if passive is not None and not _BY_OTHERS.match(clause, passive.end()):
            return Action(
                start=verb_pos,
                active=_PASSIVE[re.sub(r"\s+", " ", passive["pv"].lower())],
                passive=(passive.start(), passive.end()),
                object_start=passive.end(),
                past_words=past_words,
            )
    return _passive(clause, pos, past_words)


def _passive(clause: str, pos: int, past_words: bool) -> Action | None:
    """ "Proposal (harus) dikirim Jumat": an object of at most four words, then a passive verb.

    Not when someone else is named as doing it ("dikirim oleh legal mereka").
    """
    m = _PASSIVE_RE.search(clause, pos)
    if m is None or _BY_OTHERS.match(clause, m.end()):
        return None
    between = clause[pos : m.start()]
    words = between.split()
    modal = False
    while words and _MODAL_RE.fullmatch(words[-1] + " "):
        words.pop()
        modal = True
    if not 1 <= len(words) <= 4 or _NEG.search(between) or _PAST_RE.search(between):
        return None
    if _THIRD_ASK.match(clause[pos:]) is not None:
        return None
    return Action(
        start=pos,
        weak=not modal,
        active=_PASSIVE[re.sub(r"\s+", " ", m["pv"].lower())],
        passive=(m.start(), m.end()),
        object_start=pos,
        past_words=past_words,
    )
