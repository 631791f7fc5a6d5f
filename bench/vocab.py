"""Words and sentences the benchmark data is made of: Indonesian and English company and
person names, and notes of real length in both languages (what an account executive
writes after a visit), so that full-text search meets a realistic vocabulary.

``COMMON_WORD`` appears in a large share of the notes, ``RARE_WORD`` in about one in
ten thousand: the two ends of the search benchmark.
"""

from __future__ import annotations

import random

COMMON_WORD = "proposal"
RARE_WORD = "zamrud"

ID_PREFIXES = ["PT", "PT", "PT", "CV", "Koperasi", "PT Bank", "Yayasan"]
ID_WORDS = [
    "Maju",
    "Jaya",
    "Sentosa",
    "Abadi",
    "Makmur",
    "Sejahtera",
    "Nusantara",
    "Mandiri",
    "Sinar",
    "Cahaya",
    "Karya",
    "Bumi",
    "Mitra",
    "Prima",
    "Sukses",
    "Gemilang",
    "Lestari",
    "Persada",
    "Indah",
    "Bersama",
    "Andalan",
    "Surya",
    "Garuda",
    "Samudra",
    "Harapan",
    "Citra",
    "Mulia",
    "Agung",
    "Sakti",
    "Kencana",
    "Perkasa",
    "Utama",
    "Sumber",
    "Rejeki",
    "Mas",
    "Baru",
    "Tunggal",
]
ID_SUFFIXES = ["Tbk", "", "", "", "Indonesia", "Group", "Logistik", "Teknologi", "Pangan"]
EN_WORDS = [
    "Acme",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Hooli",
    "Vandelay",
    "Soylent",
    "Tyrell",
    "Cyberdyne",
    "Oscorp",
    "Silverline",
    "Redwood",
    "Evergreen",
    "Summit",
    "Keystone",
    "Atlas",
    "Harbor",
    "Pioneer",
    "Meridian",
    "Horizon",
    "Crescent",
    "Granite",
    "Beacon",
    "Vertex",
    "Falcon",
    "Orchid",
    "Sterling",
    "Lumen",
]
EN_SUFFIXES = ["Corp", "Inc", "Ltd", "Holdings", "Systems", "Labs", "Partners", "Trading"]
INDUSTRIES = [
    "Banking",
    "Insurance",
    "Retail",
    "Logistics",
    "Manufacturing",
    "Telecommunications",
    "Healthcare",
    "Mining",
    "Agriculture",
    "Hospitality",
    "Education",
    "Energy",
    "FMCG",
    "Property",
    "Media",
]
CITIES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Denpasar",
          "Yogyakarta", "Balikpapan", "Singapore", "Kuala Lumpur"]  # fmt: skip
FIRST = [
    "Budi",
    "Sari",
    "Andi",
    "Dewi",
    "Agus",
    "Rina",
    "Joko",
    "Siti",
    "Hendra",
    "Ayu",
    "Bambang",
    "Putri",
    "Rizky",
    "Intan",
    "Wahyu",
    "Lestari",
    "Fajar",
    "Nurul",
    "Dimas",
    "Maya",
    "Made",
    "Wayan",
    "Ketut",
    "Nyoman",
    "Eko",
    "Yusuf",
    "Ratna",
    "Teguh",
    "Indah",
    "James",
    "Emily",
    "Michael",
    "Sarah",
    "David",
    "Olivia",
    "Daniel",
    "Grace",
    "Kevin",
    "Linda",
    "Tom",
    "Anna",
    "Peter",
    "Lisa",
]
LAST = [
    "Santoso",
    "Wijaya",
    "Pratama",
    "Putri",
    "Hidayat",
    "Saputra",
    "Kusuma",
    "Halim",
    "Gunawan",
    "Susanto",
    "Nugroho",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Tanjung",
    "Lubis",
    "Setiawan",
    "Wibowo",
    "Sutanto",
    "Tan",
    "Lim",
    "Smith",
    "Johnson",
    "Brown",
    "Lee",
    "Chen",
    "Wong",
    "Taylor",
    "Walker",
]
TITLES = ["Procurement Manager", "CFO", "IT Director", "Head of Operations", "Kepala Divisi",
          "Direktur Utama", "Finance Manager", "Purchasing Staff", "CTO", "General Manager",
          "Marketing Lead", "Legal Counsel", "Manajer Pengadaan"]  # fmt: skip
TAGS = ["strategic", "renewal-2027", "government", "key-account", "at-risk", "partner",
        "pilot", "upsell", "referral", "priority"]  # fmt: skip

# Sentences with slots: {p} a person, {c} a city, {n} a number, {d} a day, {m} a month.
EN_SENTENCES = [
    "Met {p} at their office in {c} to review the current contract and next year's budget.",
    "{p} confirmed the pilot went well and the operations team wants to extend it to {n} sites.",
    "Sent the revised proposal with a {n}% discount on the annual licence.",
    "Procurement asked for three reference customers in the same industry before signing.",
    "Demo of the reporting module went smoothly; the CFO asked about SSO and audit logs.",
    "They are comparing us with two competitors; price is the main concern, not features.",
    "{p} will be on leave until {d}, so the decision moves to next month.",
    "Legal reviewed the data processing agreement and sent back {n} comments.",
    "Call with {p} about the renewal: they want a multi-year deal with fixed pricing.",
    "The integration with their ERP is the blocker; our engineer will join the next meeting.",
    "Quarterly business review: usage grew {n}% since {m}, support tickets are down.",
    "Lunch with {p} and the finance team, good relationship, they mentioned a new tender.",
    "Invoice for {m} is still unpaid; finance asked us to resend it with the PO number.",
    "Security questionnaire returned; they need the penetration test report by {d}.",
    "The new IT director {p} wants a roadmap session before committing to phase two.",
    "Budget for next year is approved but smaller; we should propose a phased rollout.",
    "Workshop with {n} users to collect requirements for the mobile app.",
    "They asked for training for the branch staff in {c} and a proposal for on-site support.",
    "Follow up on the proposal sent last week; no answer yet from procurement.",
    "Contract signed for {n} seats, kickoff planned for {d}.",
]
ID_SENTENCES = [
    "Bertemu {p} di kantor mereka di {c} untuk membahas kontrak dan anggaran tahun depan.",
    "{p} bilang pilot berjalan lancar dan tim operasional ingin memperluas ke {n} cabang.",
    "Kirim proposal revisi dengan diskon {n}% untuk lisensi tahunan.",
    "Bagian pengadaan minta tiga referensi pelanggan di industri yang sama sebelum tanda tangan.",
    "Demo modul laporan berjalan baik; CFO bertanya soal SSO dan jejak audit.",
    "Mereka membandingkan kita dengan dua pesaing; harga jadi pertimbangan utama.",
    "{p} cuti sampai {d}, jadi keputusan mundur ke bulan depan.",
    "Tim legal sudah membaca perjanjian pemrosesan data dan mengirim {n} catatan.",
    "Telepon dengan {p} soal perpanjangan: mereka ingin kontrak beberapa tahun dengan harga tetap.",
    "Integrasi dengan ERP mereka masih jadi kendala; engineer kita ikut rapat berikutnya.",
    "Tinjauan bisnis kuartalan: pemakaian naik {n}% sejak {m}, tiket dukungan turun.",
    "Makan siang dengan {p} dan tim keuangan, hubungan baik, mereka menyebut tender baru.",
    "Tagihan bulan {m} belum dibayar; bagian keuangan minta dikirim ulang dengan nomor PO.",
    "Kuesioner keamanan sudah dikembalikan; mereka butuh laporan uji penetrasi sebelum {d}.",
    "Direktur IT baru, {p}, ingin sesi roadmap sebelum lanjut ke tahap dua.",
    "Anggaran tahun depan disetujui tapi lebih kecil; sebaiknya usulkan implementasi bertahap.",
    "Lokakarya dengan {n} pengguna untuk mengumpulkan kebutuhan aplikasi mobile.",
    "Mereka minta pelatihan untuk staf cabang di {c} dan penawaran dukungan di lokasi.",
    "Tindak lanjut proposal minggu lalu; belum ada jawaban dari bagian pengadaan.",
    "Kontrak ditandatangani untuk {n} pengguna, kickoff dijadwalkan {d}.",
]
EN_SUBJECTS = ["Quarterly review", "Renewal call", "Pricing discussion", "Demo follow-up",
               "Kickoff meeting", "Site visit", "Contract review", "Security review",
               "Budget planning", "Proposal walkthrough", "Support escalation",
               "Lunch"]  # fmt: skip
ID_SUBJECTS = ["Rapat kuartalan", "Telepon perpanjangan", "Diskusi harga", "Tindak lanjut demo",
               "Rapat kickoff", "Kunjungan lokasi", "Tinjauan kontrak", "Tinjauan keamanan",
               "Perencanaan anggaran", "Presentasi proposal", "Eskalasi dukungan"]  # fmt: skip
EN_FOLLOWUPS = ["Send revised proposal", "Call about pricing", "Invite to webinar",
                "Share reference customers", "Send security documents", "Book demo for IT team",
                "Chase unpaid invoice", "Prepare QBR deck"]  # fmt: skip
ID_FOLLOWUPS = ["Kirim proposal revisi", "Telepon soal harga", "Undang ke webinar",
                "Kirim referensi pelanggan", "Kirim dokumen keamanan", "Jadwalkan demo tim IT",
                "Tagih invoice", "Siapkan materi QBR"]  # fmt: skip
OUTCOMES = ["", "", "", "positive", "needs follow-up", "no decision", "won", "positif",
            "perlu tindak lanjut"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "October", "November", "Desember"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Friday", "Senin", "Selasa", "Kamis", "Jumat", "next week",
        "minggu depan", "the 15th", "akhir bulan"]  # fmt: skip


def company(rng: random.Random, i: int) -> str:
    """A company name, Indonesian two times in three; ``i`` keeps names mostly unique."""
    if rng.random() < 0.67:
        name = f"{rng.choice(ID_PREFIXES)} {rng.choice(ID_WORDS)} {rng.choice(ID_WORDS)}"
        suffix = rng.choice(ID_SUFFIXES)
    else:
        name = f"{rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)}"
        suffix = rng.choice(EN_SUFFIXES)
    return f"{name} {suffix} {i:05d}".replace("  ", " ")


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def note(rng: random.Random, indonesian: bool, sentences: int) -> str:
    """A note of ``sentences`` sentences in one language, slots filled."""
    pool = ID_SENTENCES if indonesian else EN_SENTENCES
    out = []
    for _ in range(sentences):
        out.append(
            rng.choice(pool).format(
                p=rng.choice(FIRST),
                c=rng.choice(CITIES),
                n=rng.randint(2, 60),
                d=rng.choice(DAYS),
                m=rng.choice(MONTHS),
            )
        )
    if rng.random() < 0.0001:
        out.append(f"Hadiah batu {RARE_WORD} dari klien dicatat di log hadiah.")
    return " ".join(out)
