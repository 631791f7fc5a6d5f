<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit client</source>
        <translation>Sunting klien</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Klien baru</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>e.g. jakarta, renewal</source>
        <translation>mis. jakarta, perpanjangan</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>Ta&amp;g</translation>
    </message>
    <message>
        <source>New client “{0}”</source>
        <translation>Klien baru “{0}”</translation>
    </message>
    <message>
        <source>Edit client “{0}”</source>
        <translation>Sunting klien “{0}”</translation>
    </message>
</context>
<context>
    <name>AppActions</name>
    <message>
        <source>About Relasi</source>
        <translation>Tentang Relasi</translation>
    </message>
    <message>
        <source>Relasi {0}
An offline client-relationship organizer.</source>
        <translation>Relasi {0}
Pengelola hubungan klien secara offline.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Checking the database…</source>
        <translation>Memeriksa basis data…</translation>
    </message>
    <message>
        <source>The database is healthy.</source>
        <translation>Basis data dalam kondisi baik.</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>Periksa basis data</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Tidak ditemukan masalah.</translation>
    </message>
    <message>
        <source>The check found problems:

{0}

Restore from a backup?</source>
        <translation>Pemeriksaan menemukan masalah:

{0}

Pulihkan dari cadangan?</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Taken</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entri</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>tidak terbaca</translation>
    </message>
</context>
<context>
    <name>BackupRestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Restoring replaces the database with the chosen backup. The current database is backed up first, so this can be undone by restoring that.</source>
        <translation>Pemulihan mengganti basis data dengan cadangan yang dipilih. Basis data saat ini dicadangkan terlebih dahulu, sehingga tindakan ini dapat diurungkan dengan memulihkan cadangan tersebut.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Pulihkan…</translation>
    </message>
    <message>
        <source>No backups yet. Use File ▸ Back up now to make one.</source>
        <translation>Belum ada cadangan. Gunakan Berkas ▸ Cadangkan sekarang untuk membuatnya.</translation>
    </message>
    <message>
        <source>Replace the database with the backup of {0}? Relasi will restart.</source>
        <translation>Ganti basis data dengan cadangan dari {0}? Relasi akan dimulai ulang.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Open client</source>
        <extracomment>"Open client" was pressed: the account id of the reminder shown. "Done" was pressed: the follow-up id. A snooze entry was picked: the follow-up id, and when (None: ask for a time).</extracomment>
        <translation>Buka klien</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Mark this follow-up done (Edit ▸ Undo takes it back)</source>
        <translation>Tandai tindak lanjut ini selesai (Sunting ▸ Urungkan membatalkannya)</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Tunda</translation>
    </message>
    <message>
        <source>Remind me again later</source>
        <translation>Ingatkan saya lagi nanti</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Abaikan</translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <source>When</source>
        <extracomment>Files that are not importable are attached to the selected client as documents.</extracomment>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Galat</translation>
    </message>
</context>
<context>
    <name>CapturePeople</name>
    <message>
        <source>Add “{0}” as a new contact</source>
        <extracomment>The user picked a namesake or ticked "add".</extracomment>
        <translation>Tambahkan “{0}” sebagai kontak baru</translation>
    </message>
    <message>
        <source>Which “{0}”?</source>
        <translation>“{0}” yang mana?</translation>
    </message>
    <message>
        <source>Which one? ({0} contacts)</source>
        <translation>Yang mana? ({0} kontak)</translation>
    </message>
    <message>
        <source>{0} (new)</source>
        <translation>{0} (baru)</translation>
    </message>
</context>
<context>
    <name>CapturePreview</name>
    <message>
        <source>No date was given: this is the default (Settings: working days ahead).</source>
        <translation>Tidak ada tanggal: ini tanggal bawaan (Pengaturan: hari kerja ke depan).</translation>
    </message>
    <message>
        <source>The date was guessed from loose wording.</source>
        <translation>Tanggal ditebak dari kata-kata yang kurang pasti.</translation>
    </message>
    <message>
        <source>A numeric date that could be day/month or month/day.</source>
        <translation>Tanggal berupa angka yang bisa berarti hari/bulan atau bulan/hari.</translation>
    </message>
    <message>
        <source>A word that can mean several dates.</source>
        <translation>Kata yang bisa berarti beberapa tanggal.</translation>
    </message>
    <message>
        <source>The hour could be morning or afternoon.</source>
        <translation>Jamnya bisa pagi atau sore.</translation>
    </message>
    <message>
        <source>This date is in the past.</source>
        <translation>Tanggal ini sudah lewat.</translation>
    </message>
    <message>
        <source>The line names more than one date; the first was taken.</source>
        <translation>Baris ini menyebut lebih dari satu tanggal; yang pertama dipakai.</translation>
    </message>
    <message>
        <source>Only a time was given; the day was assumed.</source>
        <translation>Hanya jam yang disebutkan; harinya diperkirakan.</translation>
    </message>
    <message>
        <source>That weekday is today: today or a week from today?</source>
        <translation>Hari itu adalah hari ini: hari ini atau seminggu lagi?</translation>
    </message>
    <message>
        <source>The time was given in another time zone.</source>
        <translation>Jamnya disebut dalam zona waktu lain.</translation>
    </message>
    <message>
        <source>The day was taken from the next step in the same sentence.</source>
        <translation>Harinya diambil dari langkah berikutnya dalam kalimat yang sama.</translation>
    </message>
    <message>
        <source>No follow-ups. Start a line with - [ ] or TODO: to add one.</source>
        <extracomment>Which follow-up of the note this is (several can come from one line). (follow-up key, due, all_day) after the user changed a date.</extracomment>
        <translation>Tidak ada tindak lanjut. Awali baris dengan - [ ] atau TODO: untuk menambahkannya.</translation>
    </message>
    <message>
        <source>Due date of “{0}”</source>
        <translation>Tanggal jatuh tempo “{0}”</translation>
    </message>
    <message>
        <source>check date</source>
        <translation>periksa tanggal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Oke</translation>
    </message>
    <message>
        <source>This date is right: keep it</source>
        <translation>Tanggal ini benar: simpan</translation>
    </message>
    <message>
        <source>Confirm the date of “{0}”</source>
        <translation>Pastikan tanggal “{0}”</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>The user picked a kind.</extracomment>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Also create a deal</source>
        <translation>Buat juga peluang</translation>
    </message>
    <message>
        <source>Deal title</source>
        <translation>Judul peluang</translation>
    </message>
    <message>
        <source>What is sold (e.g. Enterprise package)</source>
        <translation>Apa yang dijual (mis. Paket enterprise)</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Klien:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subjek:</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Orang:</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Amount: {0}</source>
        <translation>Nilai: {0}</translation>
    </message>
    <message>
        <source>Also create a deal for {0}</source>
        <translation>Buat juga peluang senilai {0}</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>{0} d in stage</source>
        <translation>{0} hr di tahap ini</translation>
    </message>
    <message>
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
    <message>
        <source>{0} docs</source>
        <translation>{0} dok.</translation>
    </message>
    <message>
        <source>rotting</source>
        <translation>terbengkalai</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <source>Client</source>
        <extracomment>How many clients the filter matches; None while counting them is pending.</extracomment>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Kontak terakhir</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Kesehatan</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>Going cold: no contact for more than {0} days</source>
        <translation>Mulai dingin: tidak ada kontak lebih dari {0} hari</translation>
    </message>
    <message>
        <source>going cold</source>
        <translation>mulai dingin</translation>
    </message>
</context>
<context>
    <name>ClientListPane</name>
    <message>
        <source>Filter clients, contacts, tags (Ctrl+F)</source>
        <translation>Saring klien, kontak, tag (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter clients</source>
        <translation>Saring klien</translation>
    </message>
    <message>
        <source>Filter by tier, status or tag</source>
        <translation>Saring menurut tier, status, atau tag</translation>
    </message>
    <message>
        <source>Client filters</source>
        <translation>Filter klien</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Tier {0}</source>
        <translation>Tier {0}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Semua tag</translation>
    </message>
    <message>
        <source>Going cold only</source>
        <translation>Hanya yang mulai dingin</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Hapus filter</translation>
    </message>
    <message>
        <source>No client matches this filter.</source>
        <translation>Tidak ada klien yang cocok dengan filter ini.</translation>
    </message>
    <message>
        <source>No clients yet — import a CSV or add one with File ▸ New client…</source>
        <translation>Belum ada klien — impor CSV atau tambahkan lewat Berkas ▸ Klien baru…</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>1 klien</translation>
    </message>
    <message>
        <source>{0} clients</source>
        <translation>{0} klien</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Client</source>
        <extracomment>Item data: an account id, NEW for "create new", None for the "choose" placeholder. The user chose a client (from the list or by typing a name).</extracomment>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Pick the client, or type a client's name and press Enter</source>
        <translation>Pilih klien, atau ketik nama klien lalu tekan Enter</translation>
    </message>
    <message>
        <source>Type a client's name</source>
        <translation>Ketik nama klien</translation>
    </message>
    <message>
        <source>Create new client “{0}”</source>
        <translation>Buat klien baru “{0}”</translation>
    </message>
    <message>
        <source>Choose a client…</source>
        <translation>Pilih klien…</translation>
    </message>
    <message>
        <source>The note names “{0}”, but the client selected is {1}. It will be saved under {2}.</source>
        <translation>Catatan menyebut “{0}”, tetapi klien yang dipilih adalah {1}. Catatan akan disimpan di {2}.</translation>
    </message>
    <message>
        <source>A new client will be created.</source>
        <translation>Klien baru akan dibuat.</translation>
    </message>
    <message>
        <source>Name the company in the note, or type a client's name here.</source>
        <translation>Sebutkan perusahaannya di catatan, atau ketik nama klien di sini.</translation>
    </message>
    <message>
        <source>Check that this is the client.</source>
        <translation>Pastikan ini kliennya.</translation>
    </message>
    <message>
        <source>Another client?</source>
        <translation>Klien lain?</translation>
    </message>
    <message>
        <source>Save the note there, or go back and pick the client?</source>
        <translation>Simpan catatan di sana, atau kembali dan pilih kliennya?</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Tetap simpan</translation>
    </message>
    <message>
        <source>&amp;Pick the client</source>
        <translation>&amp;Pilih klien</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Check which field each column of the file goes into.</source>
        <translation>Periksa ke bidang mana setiap kolom berkas dimasukkan.</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>Berkas ini berisi:</translation>
    </message>
    <message>
        <source>Contacts (people)</source>
        <translation>Kontak (orang)</translation>
    </message>
    <message>
        <source>Clients (companies)</source>
        <translation>Klien (perusahaan)</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>&amp;Simpan pemetaan…</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>&amp;Muat pemetaan…</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Simpan pemetaan</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>Pemetaan (*.json)</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Muat pemetaan</translation>
    </message>
    <message>
        <source>This file has no column {0}, which the mapping uses.</source>
        <translation>Berkas ini tidak memiliki kolom {0}, yang dipakai oleh pemetaan.</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Jump to a client, contact or deal, or run a command…</source>
        <extracomment>The lowest fuzzy score (0-100, rapidfuzz WRatio) a client or command is listed with: a typo still matches ("globx", "nusantra": 80-90), a word the name lacks does not ("proposal" against company names: 45-50). Contacts and deals listed at most (full-text hits).</extracomment>
        <translation>Lompat ke klien, kontak atau deal, atau jalankan perintah…</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Palet perintah</translation>
    </message>
    <message>
        <source>Search everything for “{0}”</source>
        <translation>Cari “{0}” di semua data</translation>
    </message>
</context>
<context>
    <name>CompetitorDialog</name>
    <message>
        <source>Edit competitor</source>
        <translation>Sunting pesaing</translation>
    </message>
    <message>
        <source>New competitor</source>
        <translation>Pesaing baru</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Situs &amp;web</translation>
    </message>
    <message>
        <source>e.g. globex.example</source>
        <translation>mis. globex.example</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Strengths, weaknesses, pricing, who they know</source>
        <translation>Kekuatan, kelemahan, harga, siapa yang mereka kenal</translation>
    </message>
    <message>
        <source>“{0}” is already on the list (or in Trash).</source>
        <translation>“{0}” sudah ada di daftar (atau di Tempat Sampah).</translation>
    </message>
    <message>
        <source>A name has at most 200 characters.</source>
        <translation>Nama paling banyak 200 karakter.</translation>
    </message>
    <message>
        <source>A competitor needs a name.</source>
        <translation>Pesaing perlu nama.</translation>
    </message>
    <message>
        <source>That is not a web address.</source>
        <translation>Itu bukan alamat web.</translation>
    </message>
    <message>
        <source>Edit competitor “{0}”</source>
        <translation>Sunting pesaing “{0}”</translation>
    </message>
    <message>
        <source>New competitor “{0}”</source>
        <translation>Pesaing baru “{0}”</translation>
    </message>
</context>
<context>
    <name>CompetitorListModel</name>
    <message>
        <source>Competitor</source>
        <translation>Pesaing</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Menang</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Kalah</translation>
    </message>
</context>
<context>
    <name>CompetitorView</name>
    <message>
        <source>No competitor selected</source>
        <extracomment>(account_id, interaction_id): show an entry in its client's timeline.</extracomment>
        <translation>Tidak ada pesaing yang dipilih</translation>
    </message>
    <message>
        <source>No competitors yet: add one with Ctrl+N, or name one when a deal is lost.</source>
        <translation>Belum ada pesaing: tambahkan dengan Ctrl+N, atau sebutkan saat peluang kalah.</translation>
    </message>
    <message>
        <source>No website or notes yet (F2 to edit).</source>
        <translation>Belum ada situs web atau catatan (F2 untuk menyunting).</translation>
    </message>
    <message>
        <source>Won against it: {0} ({1}) · Lost to it: {2} ({3})</source>
        <translation>Menang melawannya: {0} ({1}) · Kalah darinya: {2} ({3})</translation>
    </message>
    <message>
        <source>Move competitor “{0}” to Trash</source>
        <translation>Pindahkan pesaing “{0}” ke Tempat Sampah</translation>
    </message>
    <message>
        <source>Competitors — Relasi</source>
        <translation>Pesaing — Relasi</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
    <message>
        <source>Add a competitor (Ctrl+N)</source>
        <translation>Tambah pesaing (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sunting…</translation>
    </message>
    <message>
        <source>Edit the competitor (F2)</source>
        <translation>Sunting pesaing (F2)</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>Pindahkan ke Tempat &amp;Sampah</translation>
    </message>
    <message>
        <source>Move the competitor to Trash (Delete)</source>
        <translation>Pindahkan pesaing ke Tempat Sampah (Delete)</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Pesaing</translation>
    </message>
    <message>
        <source>What was heard about the competitor</source>
        <translation>Yang terdengar tentang pesaing</translation>
    </message>
    <message>
        <source>Deals against the competitor</source>
        <translation>Peluang melawan pesaing</translation>
    </message>
    <message>
        <source>&amp;Heard across clients</source>
        <translation>&amp;Terdengar di semua klien</translation>
    </message>
    <message>
        <source>&amp;Deals</source>
        <translation>&amp;Peluang</translation>
    </message>
</context>
<context>
    <name>ConflictLogDialog</name>
    <message>
        <source>Conflict log</source>
        <translation>Log konflik</translation>
    </message>
    <message>
        <source>Values overwritten by sync</source>
        <translation>Nilai yang ditimpa oleh sinkronisasi</translation>
    </message>
    <message>
        <source>No value has been overwritten by a sync.</source>
        <translation>Belum ada nilai yang ditimpa oleh sinkronisasi.</translation>
    </message>
    <message>
        <source>&amp;Restore this value</source>
        <translation>&amp;Pulihkan nilai ini</translation>
    </message>
    <message>
        <source>Restore the overwritten value</source>
        <translation>Pulihkan nilai yang ditimpa</translation>
    </message>
    <message>
        <source>Restore {0}</source>
        <translation>Pulihkan {0}</translation>
    </message>
    <message>
        <source>Restored “{0}” ({1}).</source>
        <translation>“{0}” dipulihkan ({1}).</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>Nilai yang dipakai</translation>
    </message>
    <message>
        <source>Value overwritten</source>
        <translation>Nilai yang ditimpa</translation>
    </message>
    <message>
        <source>Overwritten value from device</source>
        <translation>Nilai yang ditimpa dari perangkat</translation>
    </message>
    <message>
        <source>{0} (restored)</source>
        <translation>{0} (dipulihkan)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Sunting kontak</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Kontak baru</translation>
    </message>
    <message>
        <source>New contact “{0}”</source>
        <translation>Kontak baru “{0}”</translation>
    </message>
    <message>
        <source>Edit contact “{0}”</source>
        <translation>Sunting kontak “{0}”</translation>
    </message>
</context>
<context>
    <name>DashboardAction</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dasbor</translation>
    </message>
    <message>
        <source>KPI dashboard ({0})</source>
        <translation>Dasbor KPI ({0})</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>{0} won of {1} closed</source>
        <extracomment>Changes that move a figure. The tiles, row by row: (name, drill key).</extracomment>
        <translation>{0} menang dari {1} ditutup</translation>
    </message>
    <message>
        <source>Quota {0}</source>
        <translation>Kuota {0}</translation>
    </message>
    <message>
        <source>No quota for the period</source>
        <translation>Tidak ada kuota untuk periode ini</translation>
    </message>
    <message>
        <source>won + weighted open</source>
        <translation>menang + terbuka berbobot</translation>
    </message>
    <message>
        <source>{0} open deals</source>
        <translation>{0} deal terbuka</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>per hari</translation>
    </message>
    <message>
        <source>{0} of {1} deals created</source>
        <translation>{0} dari {1} deal dibuat</translation>
    </message>
    <message>
        <source>target {0} a week</source>
        <translation>target {0} per minggu</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>tanpa target</translation>
    </message>
    <message>
        <source>{0} → {1}: {2}</source>
        <translation>{0} → {1}: {2}</translation>
    </message>
    <message>
        <source> ({0} skipped)</source>
        <translation> ({0} dilewati)</translation>
    </message>
    <message>
        <source>No commission plan yet: set one in Sales targets.</source>
        <translation>Belum ada skema komisi: atur di Target penjualan.</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Gaji pokok</translation>
    </message>
    <message>
        <source>Commission earned</source>
        <translation>Komisi diperoleh</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>If the open pipeline closes as weighted: +</source>
        <translation>Jika pipeline terbuka tertutup sesuai bobot: +</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>Deal dimenangkan</translation>
    </message>
    <message>
        <source>Deals lost</source>
        <translation>Deal kalah</translation>
    </message>
    <message>
        <source>Deals won and lost</source>
        <translation>Deal menang dan kalah</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Peluang terbuka</translation>
    </message>
    <message>
        <source>Open deals expected to close</source>
        <translation>Deal terbuka yang diperkirakan tutup</translation>
    </message>
    <message>
        <source>Deals created that reached {0}</source>
        <translation>Deal dibuat yang mencapai {0}</translation>
    </message>
    <message>
        <source>Tier {0} clients going cold</source>
        <translation>Klien tier {0} yang mulai dingin</translation>
    </message>
    <message>
        <source>Clients by {0}</source>
        <translation>Klien menurut {0}</translation>
    </message>
    <message>
        <source>Dashboard — Relasi</source>
        <translation>Dasbor — Relasi</translation>
    </message>
    <message>
        <source>Sales &amp;targets…</source>
        <translation>&amp;Target penjualan…</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Menang</translation>
    </message>
    <message>
        <source>Deals whose latest close in the period is a win</source>
        <translation>Deal yang penutupan terakhirnya dalam periode ini menang</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>Deals whose latest close in the period is a loss</source>
        <translation>Deal yang penutupan terakhirnya dalam periode ini kalah</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Tingkat kemenangan</translation>
    </message>
    <message>
        <source>won / (won + lost)</source>
        <translation>menang / (menang + kalah)</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Nilai dimenangkan</translation>
    </message>
    <message>
        <source>Per currency, never added up</source>
        <translation>Per mata uang, tidak pernah dijumlahkan</translation>
    </message>
    <message>
        <source>Quota attainment</source>
        <translation>Pencapaian kuota</translation>
    </message>
    <message>
        <source>won amount / quota</source>
        <translation>nilai dimenangkan / kuota</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prakiraan</translation>
    </message>
    <message>
        <source>Won + weighted open deals expected to close in the period</source>
        <translation>Menang + deal terbuka berbobot yang diperkirakan tutup dalam periode ini</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>Pipeline terbuka</translation>
    </message>
    <message>
        <source>All open deals now</source>
        <translation>Semua deal terbuka saat ini</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>Pipeline berbobot</translation>
    </message>
    <message>
        <source>Each open deal's amount x its probability</source>
        <translation>Nilai tiap deal terbuka x peluangnya</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>Rata-rata nilai deal</translation>
    </message>
    <message>
        <source>won amount / deals won</source>
        <translation>nilai dimenangkan / deal dimenangkan</translation>
    </message>
    <message>
        <source>Average sales cycle</source>
        <translation>Rata-rata siklus penjualan</translation>
    </message>
    <message>
        <source>Days from created to won</source>
        <translation>Hari dari dibuat sampai menang</translation>
    </message>
    <message>
        <source>Pipeline velocity</source>
        <translation>Kecepatan pipeline</translation>
    </message>
    <message>
        <source>Lead to won</source>
        <translation>Lead ke menang</translation>
    </message>
    <message>
        <source>Deals created in the period that are won</source>
        <translation>Deal yang dibuat dalam periode ini dan menang</translation>
    </message>
    <message>
        <source>Meetings a week</source>
        <translation>Rapat per minggu</translation>
    </message>
    <message>
        <source>Calls a week</source>
        <translation>Telepon per minggu</translation>
    </message>
    <message>
        <source>E-mails a week</source>
        <translation>E-mail per minggu</translation>
    </message>
    <message>
        <source>Going cold: tier A</source>
        <translation>Mulai dingin: tier A</translation>
    </message>
    <message>
        <source>Not contacted within cadence</source>
        <translation>Tidak dihubungi dalam jadwal kontak</translation>
    </message>
    <message>
        <source>Going cold: tier B</source>
        <translation>Mulai dingin: tier B</translation>
    </message>
    <message>
        <source>Going cold: tier C</source>
        <translation>Mulai dingin: tier C</translation>
    </message>
    <message>
        <source>Earnings in the period</source>
        <translation>Penghasilan dalam periode ini</translation>
    </message>
    <message>
        <source>Pipeline velocity = {0}. Won and lost count each deal once, by its latest close. The funnel counts a deal that skipped a stage as having passed it. Amounts in different currencies are never added together.</source>
        <translation>Kecepatan pipeline = {0}. Menang dan kalah menghitung tiap deal sekali, menurut penutupan terakhirnya. Corong menghitung deal yang melewati suatu tahap sebagai sudah melaluinya. Nilai dalam mata uang berbeda tidak pernah dijumlahkan.</translation>
    </message>
    <message>
        <source>open deals × win rate × average deal size ÷ average sales cycle (days)</source>
        <translation>deal terbuka × tingkat kemenangan × rata-rata nilai deal ÷ rata-rata siklus penjualan (hari)</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>Known</source>
        <translation>Diketahui</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>Edit deal</source>
        <translation>Sunting peluang</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Peluang baru</translation>
    </message>
    <message>
        <source>Why was it lost?</source>
        <translation>Mengapa gagal?</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>&amp;Tahap</translation>
    </message>
    <message>
        <source>Co&amp;mpetitors</source>
        <translation>Pe&amp;saing</translation>
    </message>
    <message>
        <source>Who else is bidding? (comma-separated)</source>
        <translation>Siapa lagi yang ikut menawar? (pisahkan dengan koma)</translation>
    </message>
    <message>
        <source>Which competitor won it?</source>
        <translation>Pesaing mana yang memenangkannya?</translation>
    </message>
    <message>
        <source>New p&amp;roposal…</source>
        <translation>Pena&amp;waran baru…</translation>
    </message>
    <message>
        <source>Write a proposal for this deal as saved (PDF, attached to it)</source>
        <translation>Tulis penawaran untuk peluang ini sesuai yang tersimpan (PDF, dilampirkan padanya)</translation>
    </message>
    <message>
        <source>New deal “{0}”</source>
        <translation>Peluang baru “{0}”</translation>
    </message>
    <message>
        <source>Edit deal “{0}”</source>
        <translation>Sunting peluang “{0}”</translation>
    </message>
</context>
<context>
    <name>DealsAgainstModel</name>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Menang</translation>
    </message>
    <message>
        <source>Lost to it</source>
        <translation>Kalah darinya</translation>
    </message>
    <message>
        <source>Lost to another</source>
        <translation>Kalah dari yang lain</translation>
    </message>
    <message>
        <source>Open: {0}</source>
        <translation>Terbuka: {0}</translation>
    </message>
</context>
<context>
    <name>DealsList</name>
    <message>
        <source>All deals</source>
        <translation>Semua peluang</translation>
    </message>
</context>
<context>
    <name>DealsListModel</name>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Perkiraan tutup</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Documents</source>
        <extracomment>Documents were attached or moved to Trash here (lists reload).</extracomment>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>“{0}” is {1}; a document can be at most {2}.</source>
        <translation>“{0}” berukuran {1}; sebuah dokumen paling besar {2}.</translation>
    </message>
    <message>
        <source>“{0}” cannot be read: {1}. Nothing was attached.</source>
        <translation>“{0}” tidak dapat dibaca: {1}. Tidak ada yang dilampirkan.</translation>
    </message>
    <message>
        <source>Attach “{0}”</source>
        <translation>Lampirkan “{0}”</translation>
    </message>
    <message>
        <source>Attach {0} files</source>
        <translation>Lampirkan {0} berkas</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Lampirkan berkas</translation>
    </message>
    <message>
        <source>Save document as</source>
        <translation>Simpan dokumen sebagai</translation>
    </message>
    <message>
        <source>Move “{0}” to Trash</source>
        <translation>Pindahkan “{0}” ke Tempat sampah</translation>
    </message>
    <message>
        <source>Move {0} documents to Trash</source>
        <translation>Pindahkan {0} dokumen ke Tempat sampah</translation>
    </message>
    <message>
        <source>The e-mail file this entry was filed from</source>
        <translation>Berkas e-mail asal entri ini</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml *.msg)</source>
        <translation>Pesan e-mail (*.eml *.msg)</translation>
    </message>
    <message>
        <source>This message's subject is “{0}”, not the entry's “{1}”. Keep its attachments with this entry anyway?</source>
        <translation>Subjek pesan ini “{0}”, bukan subjek entri “{1}”. Tetap simpan lampirannya bersama entri ini?</translation>
    </message>
    <message>
        <source>Keep the attachments of “{0}”</source>
        <translation>Simpan lampiran “{0}”</translation>
    </message>
    <message>
        <source>Not kept, larger than {0}: {1}</source>
        <translation>Tidak disimpan, lebih besar dari {0}: {1}</translation>
    </message>
    <message>
        <source>The message has no attachments.</source>
        <translation>Pesan ini tidak berisi lampiran.</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} bita</translation>
    </message>
</context>
<context>
    <name>DocumentWindowActions</name>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Lampirkan berkas…</translation>
    </message>
    <message>
        <source>D&amp;ocuments…</source>
        <translation>Do&amp;kumen…</translation>
    </message>
    <message>
        <source>Attach file to &amp;entry…</source>
        <translation>Lampirkan berkas ke &amp;entri…</translation>
    </message>
    <message>
        <source>Keep e-mail &amp;attachments…</source>
        <translation>Simpan &amp;lampiran e-mail…</translation>
    </message>
    <message>
        <source>Select a client first: dropped files are kept with a client.</source>
        <translation>Pilih klien dulu: berkas yang dijatuhkan disimpan bersama klien.</translation>
    </message>
    <message>
        <source>Attached to the client: {0}</source>
        <translation>Dilampirkan ke klien: {0}</translation>
    </message>
    <message>
        <source>Attached to the entry: {0}</source>
        <translation>Dilampirkan ke entri: {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Documents — {0}</source>
        <translation>Dokumen — {0}</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>&lt;b&gt;Documents&lt;/b&gt;</source>
        <extracomment>Attach file… wherever a documents list has the focus (and in the main window).</extracomment>
        <translation>&lt;b&gt;Dokumen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Attach files ({0}), or drop them here</source>
        <translation>Lampirkan berkas ({0}), atau jatuhkan di sini</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Simpan seba&amp;gai…</translation>
    </message>
    <message>
        <source>Attach f&amp;ile…</source>
        <translation>Lampirkan &amp;berkas…</translation>
    </message>
    <message>
        <source>Op&amp;en</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <source>Move to Tras&amp;h</source>
        <translation>Pindahkan ke Tempat sa&amp;mpah</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>No documents yet. Drop files here, or use Attach file…</source>
        <translation>Belum ada dokumen. Jatuhkan berkas di sini, atau pakai Lampirkan berkas…</translation>
    </message>
</context>
<context>
    <name>DraftBanner</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Buang</translation>
    </message>
    <message>
        <source>Restore unsaved note from {0}?</source>
        <translation>Pulihkan catatan yang belum disimpan dari {0}?</translation>
    </message>
    <message>
        <source>Quick capture</source>
        <translation>Catat cepat</translation>
    </message>
    <message>
        <source>Keep this note as a draft?</source>
        <translation>Simpan catatan ini sebagai draf?</translation>
    </message>
    <message>
        <source>A kept draft is offered again next time.</source>
        <translation>Draf yang disimpan akan ditawarkan lagi lain kali.</translation>
    </message>
    <message>
        <source>&amp;Keep draft</source>
        <translation>Simpan &amp;draf</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>Nothing behind this figure in the period.</source>
        <translation>Tidak ada data di balik angka ini dalam periode ini.</translation>
    </message>
    <message>
        <source>Select a row to open its client in the main window.</source>
        <translation>Pilih baris untuk membuka kliennya di jendela utama.</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <source>Client</source>
        <extracomment>Reads one page: (offset, limit) -&gt; rows.</extracomment>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Perkiraan tutup</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Kontak terakhir</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>ErrorModel</name>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export leaves the vault</source>
        <translation>Ekspor keluar dari brankas</translation>
    </message>
    <message>
        <source>The exported file is not encrypted: anyone who gets it can read it. Keep it somewhere safe and delete it when you are done.</source>
        <translation>Berkas hasil ekspor tidak dienkripsi: siapa pun yang mendapatkannya dapat membacanya. Simpan di tempat yang aman dan hapus setelah selesai.</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Tetap ekspor</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Timeline entries</source>
        <translation>Entri linimasa</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Isi:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Untuk:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;All clients</source>
        <translation>&amp;Semua klien</translation>
    </message>
    <message>
        <source>Only “{0}”</source>
        <translation>Hanya “{0}”</translation>
    </message>
    <message>
        <source>The selected client (none selected)</source>
        <translation>Klien yang dipilih (belum ada yang dipilih)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <source>CSV (spreadsheets, other CRMs)</source>
        <translation>CSV (spreadsheet, CRM lain)</translation>
    </message>
    <message>
        <source>vCard (.vcf, address books and phones)</source>
        <translation>vCard (.vcf, buku alamat dan ponsel)</translation>
    </message>
    <message>
        <source>iCalendar (.ics), one file</source>
        <translation>iCalendar (.ics), satu berkas</translation>
    </message>
    <message>
        <source>iCalendar (.ics), one file per client</source>
        <translation>iCalendar (.ics), satu berkas per klien</translation>
    </message>
    <message>
        <source>Only the client's open deals are exported.</source>
        <translation>Hanya peluang terbuka milik klien yang diekspor.</translation>
    </message>
    <message>
        <source>Only the client's open follow-ups (and those done this week) are exported.</source>
        <translation>Hanya tindak lanjut klien yang masih terbuka (dan yang selesai minggu ini) yang diekspor.</translation>
    </message>
    <message>
        <source>Open follow-ups become to-dos with their due dates and alarms.</source>
        <translation>Tindak lanjut yang terbuka menjadi tugas (to-do) lengkap dengan tanggal jatuh tempo dan alarmnya.</translation>
    </message>
    <message>
        <source>Exported files are not encrypted.</source>
        <translation>Berkas hasil ekspor tidak dienkripsi.</translation>
    </message>
    <message>
        <source>Choose a folder for the .ics files</source>
        <translation>Pilih folder untuk berkas .ics</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Berkas vCard (*.vcf)</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Berkas iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Ekspor ke</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Tidak dapat mengekspor</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}.</source>
        <translation>{0} baris diekspor ke {1}.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Industri</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>&amp;Tier</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Stay in touch every</source>
        <translation>Jaga kontak setiap</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Situs &amp;web</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Tele&amp;pon</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>&amp;Jabatan</translation>
    </message>
    <message>
        <source>&amp;E-mails</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>name@company.com, another@company.com</source>
        <translation>nama@perusahaan.com, lainnya@perusahaan.com</translation>
    </message>
    <message>
        <source>&amp;Phones</source>
        <translation>&amp;Telepon</translation>
    </message>
    <message>
        <source>0812 3456 7890, +65 6123 4567</source>
        <translation>0812 3456 7890, +65 6123 4567</translation>
    </message>
    <message>
        <source>&amp;LinkedIn</source>
        <translation>&amp;LinkedIn</translation>
    </message>
    <message>
        <source>linkedin.com/in/name</source>
        <translation>linkedin.com/in/nama</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>Tanggal &amp;lahir</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Waktu</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Subjek</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Teks</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Lokasi</translation>
    </message>
    <message>
        <source>&amp;Duration</source>
        <translation>&amp;Durasi</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Hasil</translation>
    </message>
    <message>
        <source>Gift &amp;value</source>
        <translation>&amp;Nilai hadiah</translation>
    </message>
    <message>
        <source>Gift &amp;currency</source>
        <translation>&amp;Mata uang hadiah</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Jatuh tempo</translation>
    </message>
    <message>
        <source>All &amp;day</source>
        <translation>Se&amp;harian</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Prioritas</translation>
    </message>
    <message>
        <source>Snoozed until</source>
        <translation>Ditunda sampai</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>From entry</source>
        <translation>Dari catatan</translation>
    </message>
    <message>
        <source>Lost t&amp;o (competitor)</source>
        <translation>Kalah &amp;dari (pesaing)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Nilai</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>&amp;Mata uang</translation>
    </message>
    <message>
        <source>Co&amp;ntact</source>
        <translation>Ko&amp;ntak</translation>
    </message>
    <message>
        <source>&amp;Probability</source>
        <translation>&amp;Probabilitas</translation>
    </message>
    <message>
        <source>Expected &amp;close</source>
        <translation>Perkiraan &amp;penutupan</translation>
    </message>
    <message>
        <source>Lost &amp;reason</source>
        <translation>&amp;Alasan kalah</translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <source>A name is required.</source>
        <translation>Nama wajib diisi.</translation>
    </message>
    <message>
        <source>Cadence is a number of days from 1 to 3650.</source>
        <translation>Interval kontak adalah jumlah hari dari 1 sampai 3650.</translation>
    </message>
    <message>
        <source>Enter a web address such as example.com.</source>
        <translation>Masukkan alamat web seperti example.com.</translation>
    </message>
    <message>
        <source>Enter phone numbers, with country code or as local numbers.</source>
        <translation>Masukkan nomor telepon, dengan kode negara atau sebagai nomor lokal.</translation>
    </message>
    <message>
        <source>Enter valid e-mail addresses, separated by commas.</source>
        <translation>Masukkan alamat email yang valid, dipisahkan dengan koma.</translation>
    </message>
    <message>
        <source>Enter a LinkedIn profile address such as linkedin.com/in/name.</source>
        <translation>Masukkan alamat profil LinkedIn seperti linkedin.com/in/nama.</translation>
    </message>
    <message>
        <source>Write something, or give the entry a subject.</source>
        <translation>Tulis sesuatu, atau beri entri ini subjek.</translation>
    </message>
    <message>
        <source>Enter a three-letter currency code such as IDR or USD.</source>
        <translation>Masukkan kode mata uang tiga huruf seperti IDR atau USD.</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Judul wajib diisi.</translation>
    </message>
    <message>
        <source>Probability is a percentage from 0 to 100.</source>
        <translation>Probabilitas adalah persentase dari 0 sampai 100.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Pilih berkas</translation>
    </message>
    <message>
        <source>A CSV export of another CRM or a spreadsheet, contacts (.vcf), invitations (.ics) or e-mails (.eml, .msg).</source>
        <translation>Ekspor CSV dari CRM lain atau spreadsheet, kontak (.vcf), undangan (.ics), atau email (.eml, .msg).</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Telusuri…</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Berkas yang akan diimpor</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import on the preview; an import can be undone as a whole afterwards.</source>
        <translation>Tidak ada yang ditulis sampai Anda menekan Impor di pratinjau; setelahnya, impor dapat diurungkan secara keseluruhan.</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Impor berkas</translation>
    </message>
    <message>
        <source>Importable files (*.csv *.tsv *.txt *.vcf *.ics *.eml *.msg);;All files (*)</source>
        <translation>Berkas yang dapat diimpor (*.csv *.tsv *.txt *.vcf *.ics *.eml *.msg);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>FollowUpActions</name>
    <message>
        <source>Complete “{0}”</source>
        <translation>Selesaikan “{0}”</translation>
    </message>
    <message>
        <source>Reopen “{0}”</source>
        <translation>Buka kembali “{0}”</translation>
    </message>
    <message>
        <source>Snooze “{0}”</source>
        <translation>Tunda “{0}”</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Edit follow-up</source>
        <translation>Sunting tindak lanjut</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Tindak lanjut baru</translation>
    </message>
    <message>
        <source>At a time</source>
        <translation>Pada jam tertentu</translation>
    </message>
    <message>
        <source>New follow-up “{0}”</source>
        <translation>Tindak lanjut baru “{0}”</translation>
    </message>
    <message>
        <source>Edit follow-up “{0}”</source>
        <translation>Sunting tindak lanjut “{0}”</translation>
    </message>
</context>
<context>
    <name>FollowUpsPane</name>
    <message>
        <source>All clients</source>
        <translation>Semua klien</translation>
    </message>
    <message>
        <source>Show follow-ups of every client, or only the selected one</source>
        <translation>Tampilkan tindak lanjut semua klien, atau hanya klien yang dipilih</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>New follow-up for the selected client</source>
        <translation>Tindak lanjut baru untuk klien yang dipilih</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Tunda</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Bold with a bell: high priority. Tinted and listed first: the selected client's.</source>
        <translation>Tebal dengan lonceng: prioritas tinggi. Berwarna dan di urutan pertama: milik klien yang dipilih.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <extracomment>The columns of a follow-up row. Rows read per page of a section (the first page, then one more each time the view scrolls to a section's last row). How far a section's count goes: past it, it reads "1000+". The invisible root (a default argument made once). How many there are; None while counting is pending (the rows read show "N+"). Rows read from the database and queries run (tests count them). Set by the pane while it pages a section whose last row is in view.</extracomment>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Mendatang</translation>
    </message>
    <message>
        <source>Done (last 7 days)</source>
        <translation>Selesai (7 hari terakhir)</translation>
    </message>
    <message>
        <source>Client: {0}</source>
        <translation>Klien: {0}</translation>
    </message>
    <message>
        <source>Overdue since {0}</source>
        <translation>Terlambat sejak {0}</translation>
    </message>
    <message>
        <source>Due: {0}</source>
        <translation>Jatuh tempo: {0}</translation>
    </message>
    <message>
        <source>High priority (bold, with a bell)</source>
        <translation>Prioritas tinggi (tebal, dengan lonceng)</translation>
    </message>
    <message>
        <source>high priority</source>
        <translation>prioritas tinggi</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>Later today (3 hours)</source>
        <translation>Nanti hari ini (3 jam)</translation>
    </message>
    <message>
        <source>Tomorrow morning</source>
        <translation>Besok pagi</translation>
    </message>
    <message>
        <source>Next week (Monday)</source>
        <translation>Minggu depan (Senin)</translation>
    </message>
    <message>
        <source>Pick a date…</source>
        <translation>Pilih tanggal…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sunting…</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>Tindak lanjut baru…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>(a contact in Trash)</source>
        <extracomment>The entity kind whose declared fields the rows show (a key of models.fields.FIELDS).</extracomment>
        <translation>(kontak di tempat sampah)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>GiftActions</name>
    <message>
        <source>Log &amp;gift…</source>
        <translation>Catat &amp;hadiah…</translation>
    </message>
    <message>
        <source>&amp;Gift log…</source>
        <translation>Log &amp;hadiah…</translation>
    </message>
    <message>
        <source>&amp;Gift rules and rates…</source>
        <translation>Aturan dan kurs &amp;hadiah…</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <source>Log gift to {0}</source>
        <translation>Catat hadiah untuk {0}</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>&amp;Recipients:</source>
        <translation>&amp;Penerima:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Nilai:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Mata uang:</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>Tanggal diberikan</translation>
    </message>
    <message>
        <source>&amp;Date given:</source>
        <translation>&amp;Tanggal diberikan:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Keterangan:</translation>
    </message>
    <message>
        <source>Tick at least one recipient.</source>
        <translation>Centang setidaknya satu penerima.</translation>
    </message>
    <message>
        <source>Enter the recipients and the value to see their totals.</source>
        <translation>Isi penerima dan nilainya untuk melihat total mereka.</translation>
    </message>
    <message>
        <source>There is no gift rule: add one under Gift rules and rates.</source>
        <translation>Belum ada aturan hadiah: tambahkan di Aturan dan kurs hadiah.</translation>
    </message>
    <message>
        <source>{0}: {1} in {2} with this gift (cap {3})</source>
        <translation>{0}: {1} pada {2} dengan hadiah ini (batas {3})</translation>
    </message>
    <message>
        <source>Over the cap: {0} would reach {1} in {2}; the cap is {3}. You may still save it: the gift is then marked over cap in the log.</source>
        <translation>Melewati batas: {0} akan mencapai {1} pada {2}; batasnya {3}. Anda tetap dapat menyimpannya: hadiah ini lalu ditandai melewati batas di log.</translation>
    </message>
    <message>
        <source>This kind of gift is logged but does not count toward the cap.</source>
        <translation>Jenis hadiah ini dicatat tetapi tidak dihitung terhadap batas.</translation>
    </message>
    <message>
        <source>Save over cap</source>
        <translation>Simpan melewati batas</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>Log gift</source>
        <translation>Catat hadiah</translation>
    </message>
</context>
<context>
    <name>GiftLogWindow</name>
    <message>
        <source>Gift log</source>
        <translation>Log hadiah</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Tahun:</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>&amp;Rules and rates…</source>
        <translation>&amp;Aturan dan kurs…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;kspor CSV…</translation>
    </message>
    <message>
        <source>Totals by recipient and year</source>
        <translation>Total per penerima dan tahun</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>Semua tahun</translation>
    </message>
    <message>
        <source>{0} gifts to {1} recipients; {2} over the cap.</source>
        <translation>{0} hadiah untuk {1} penerima; {2} melewati batas.</translation>
    </message>
    <message>
        <source>Export gift log</source>
        <translation>Ekspor log hadiah</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>Gagal mengekspor: {0}</translation>
    </message>
    <message>
        <source>Exported {0} lines to {1}</source>
        <translation>{0} baris diekspor ke {1}</translation>
    </message>
</context>
<context>
    <name>GiftRulesDialog</name>
    <message>
        <source>Always (first rule)</source>
        <translation>Selalu (aturan pertama)</translation>
    </message>
    <message>
        <source>Gift rules and rates</source>
        <translation>Aturan dan kurs hadiah</translation>
    </message>
    <message>
        <source>The cap in force on a gift's day applies to it: FINRA Rule 3220's USD 100 per person per year is the first rule; add the USD 300 amendment from the date it takes effect for you. Rates convert gifts in other currencies (rounded up to the cent).</source>
        <translation>Batas yang berlaku pada tanggal hadiah yang dipakai: USD 100 per orang per tahun dari FINRA Rule 3220 adalah aturan pertama; tambahkan amendemen USD 300 mulai tanggal berlakunya bagi Anda. Kurs mengonversi hadiah dalam mata uang lain (dibulatkan ke atas ke sen).</translation>
    </message>
    <message>
        <source>Caps</source>
        <translation>Batas</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Berlaku sejak</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Batas</translation>
    </message>
    <message>
        <source>Cap currency</source>
        <translation>Mata uang batas</translation>
    </message>
    <message>
        <source>&amp;Add cap</source>
        <translation>&amp;Tambah batas</translation>
    </message>
    <message>
        <source>Re&amp;move cap</source>
        <translation>&amp;Hapus batas</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Sejak:</translation>
    </message>
    <message>
        <source>Cap:</source>
        <translation>Batas:</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <source>Units per one unit of the cap currency</source>
        <translation>Satuan per satu satuan mata uang batas</translation>
    </message>
    <message>
        <source>Rate from</source>
        <translation>Kurs sejak</translation>
    </message>
    <message>
        <source>Set &amp;rate</source>
        <translation>Atur &amp;kurs</translation>
    </message>
    <message>
        <source>Remo&amp;ve rate</source>
        <translation>Hap&amp;us kurs</translation>
    </message>
    <message>
        <source>per one</source>
        <translation>per satu</translation>
    </message>
    <message>
        <source>from</source>
        <translation>sejak</translation>
    </message>
    <message>
        <source>Add gift cap</source>
        <translation>Tambah batas hadiah</translation>
    </message>
    <message>
        <source>Set exchange rate</source>
        <translation>Atur kurs</translation>
    </message>
    <message>
        <source>Select a line to remove first.</source>
        <translation>Pilih dulu baris yang akan dihapus.</translation>
    </message>
    <message>
        <source>Remove gift cap</source>
        <translation>Hapus batas hadiah</translation>
    </message>
    <message>
        <source>Remove rate</source>
        <translation>Hapus kurs</translation>
    </message>
</context>
<context>
    <name>Gifts</name>
    <message>
        <source>Business (counts toward the cap)</source>
        <translation>Bisnis (dihitung terhadap batas)</translation>
    </message>
    <message>
        <source>Personal, for a life event (excluded)</source>
        <translation>Pribadi, untuk peristiwa hidup (tidak dihitung)</translation>
    </message>
    <message>
        <source>Promotional item or de minimis (excluded)</source>
        <translation>Barang promosi atau de minimis (tidak dihitung)</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Bisnis</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Pribadi</translation>
    </message>
    <message>
        <source>Promotional</source>
        <translation>Promosi</translation>
    </message>
    <message>
        <source>{0} per person per year</source>
        <translation>{0} per orang per tahun</translation>
    </message>
    <message>
        <source>{0} per person per year from {1}</source>
        <translation>{0} per orang per tahun sejak {1}</translation>
    </message>
    <message>
        <source>(recipient unknown)</source>
        <translation>(penerima tidak diketahui)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Panduan pengguna</translation>
    </message>
</context>
<context>
    <name>HeaderCard</name>
    <message>
        <source>No clients yet</source>
        <translation>Belum ada klien</translation>
    </message>
    <message>
        <source>Add your first client with File ▸ New client…, or bring a list in with File ▸ Import….</source>
        <translation>Tambahkan klien pertama lewat Berkas ▸ Klien baru…, atau masukkan daftar lewat Berkas ▸ Impor….</translation>
    </message>
    <message>
        <source>No client selected</source>
        <translation>Belum ada klien yang dipilih</translation>
    </message>
    <message>
        <source>Pick a client on the left, or press Ctrl+K to jump to one.</source>
        <translation>Pilih klien di sebelah kiri, atau tekan Ctrl+K untuk melompat ke klien.</translation>
    </message>
    <message>
        <source>Tier {0}</source>
        <translation>Tier {0}</translation>
    </message>
    <message>
        <source>every {0} days</source>
        <translation>setiap {0} hari</translation>
    </message>
    <message>
        <source>last contact {0}</source>
        <translation>kontak terakhir {0}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>going cold</source>
        <translation>mulai dingin</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>dan {0} lainnya</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Belum ada kontak.</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Peluang terbuka</translation>
    </message>
    <message>
        <source>No open deals.</source>
        <translation>Tidak ada peluang terbuka.</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>No contact for {0} days, more than twice the {1}-day cadence</source>
        <extracomment>``+interactions.id``: SQLite may not look interactions up by id through this term, so it walks the last 90 days by ``ix_interactions_occurred`` and finds each entry's people, instead of scanning every row of ``interaction_contacts``.</extracomment>
        <translation>Tidak ada kontak selama {0} hari, lebih dari dua kali irama {1} hari</translation>
    </message>
    <message>
        <source>No contact for {0} days, past the {1}-day cadence</source>
        <translation>Tidak ada kontak selama {0} hari, melewati irama {1} hari</translation>
    </message>
    <message>
        <source>Last contact {0} days ago, within the {1}-day cadence</source>
        <translation>Kontak terakhir {0} hari lalu, masih dalam irama {1} hari</translation>
    </message>
    <message>
        <source>Nobody reached in the last {0} days</source>
        <translation>Tidak ada orang yang dihubungi dalam {0} hari terakhir</translation>
    </message>
    <message>
        <source>Single-threaded: only one person reached in the last {0} days</source>
        <translation>Bergantung pada satu orang: hanya satu orang yang dihubungi dalam {0} hari terakhir</translation>
    </message>
    <message>
        <source>People reached in the last {1} days: {0}</source>
        <translation>Orang yang dihubungi dalam {1} hari terakhir: {0}</translation>
    </message>
    <message>
        <source>Overdue follow-ups: {0}</source>
        <translation>Tindak lanjut terlambat: {0}</translation>
    </message>
    <message>
        <source>No overdue follow-ups</source>
        <translation>Tidak ada tindak lanjut terlambat</translation>
    </message>
    <message>
        <source>Open deals: {0}</source>
        <translation>Peluang terbuka: {0}</translation>
    </message>
    <message>
        <source>No open deal</source>
        <translation>Tidak ada peluang terbuka</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sehat</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>perlu perhatian</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>berisiko</translation>
    </message>
    <message>
        <source>Health {0}/100 · {1}</source>
        <translation>Kesehatan {0}/100 · {1}</translation>
    </message>
</context>
<context>
    <name>HeardModel</name>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>What was heard</source>
        <translation>Yang terdengar</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Undo an import</source>
        <translation>Urungkan impor</translation>
    </message>
    <message>
        <source>Undoing an import moves what it created to Trash and gives what it changed its old values back.</source>
        <translation>Mengurungkan impor memindahkan semua yang dibuatnya ke Tempat sampah dan mengembalikan nilai lama dari semua yang diubahnya.</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>&amp;Urungkan impor</translation>
    </message>
    <message>
        <source>No imports yet. Bring clients in with File ▸ Import…; each import is then listed here and can be undone as a whole.</source>
        <translation>Belum ada impor. Masukkan klien lewat Berkas ▸ Impor…; setiap impor lalu tercantum di sini dan dapat dibatalkan seluruhnya.</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Urungkan impor</translation>
    </message>
    <message>
        <source>Undo the import of “{0}” ({1} created, {2} updated)?</source>
        <translation>Urungkan impor “{0}” ({1} dibuat, {2} diperbarui)?</translation>
    </message>
    <message>
        <source>Cannot undo the import</source>
        <translation>Tidak dapat mengurungkan impor</translation>
    </message>
</context>
<context>
    <name>ImportSession</name>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>Tidak dapat membaca {0}: {1}</translation>
    </message>
    <message>
        <source>Encoding: {0}</source>
        <translation>Enkode: {0}</translation>
    </message>
    <message>
        <source>Delimiter: {0}</source>
        <translation>Pemisah: {0}</translation>
    </message>
    <message>
        <source>Header on line {0} ({1} columns)</source>
        <translation>Judul kolom di baris {0} ({1} kolom)</translation>
    </message>
    <message>
        <source>No known export recognised: map the columns by hand</source>
        <translation>Format ekspor tidak dikenali: petakan kolom secara manual</translation>
    </message>
    <message>
        <source>Mapping: your own</source>
        <translation>Pemetaan: buatan Anda sendiri</translation>
    </message>
    <message>
        <source>Recognised: {0}</source>
        <translation>Dikenali: {0}</translation>
    </message>
    <message>
        <source>vCard contacts</source>
        <translation>Kontak vCard</translation>
    </message>
    <message>
        <source>iCalendar invitations</source>
        <translation>Undangan iCalendar</translation>
    </message>
    <message>
        <source>E-mail message</source>
        <translation>Pesan email</translation>
    </message>
    <message>
        <source>Outlook message</source>
        <translation>Pesan Outlook</translation>
    </message>
    <message>
        <source>Format: {0}</source>
        <translation>Format: {0}</translation>
    </message>
    <message>
        <source>Import of {0}</source>
        <translation>Impor {0}</translation>
    </message>
    <message>
        <source>Created {0}, updated {1}, skipped {2}.</source>
        <translation>{0} dibuat, {1} diperbarui, {2} dilewati.</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Tidak diimpor:</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Dibatalkan: tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Nothing was imported: {0}</source>
        <translation>Tidak ada yang diimpor: {0}</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Edit entry</source>
        <translation>Sunting entri</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Entri baru</translation>
    </message>
    <message>
        <source>Co&amp;mpetitors</source>
        <translation>Pe&amp;saing</translation>
    </message>
    <message>
        <source>Found in the text when saved</source>
        <translation>Ditemukan dari teks saat disimpan</translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation>T&amp;ren</translation>
    </message>
    <message>
        <source>e.g. e-invoicing, AI budgets (or #tags in the text)</source>
        <translation>mis. e-faktur, anggaran AI (atau #tag di teks)</translation>
    </message>
    <message>
        <source>Markdown works: **bold**, - lists</source>
        <translation>Markdown didukung: **tebal**, - daftar</translation>
    </message>
    <message>
        <source> min</source>
        <translation> mnt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Peserta</translation>
    </message>
    <message>
        <source>This gift is in the gift log, which keeps its value.</source>
        <translation>Hadiah ini ada di log hadiah, yang menyimpan nilainya.</translation>
    </message>
    <message>
        <source>New {0}</source>
        <translation>{0} baru</translation>
    </message>
</context>
<context>
    <name>LogLinesModel</name>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <source>Year total</source>
        <translation>Total tahun</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Batas</translation>
    </message>
    <message>
        <source>Over cap</source>
        <translation>Melewati batas</translation>
    </message>
    <message>
        <source>rate for {0} needed</source>
        <translation>perlu kurs {0}</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>tidak dihitung</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Deal lost</source>
        <translation>Peluang kalah</translation>
    </message>
    <message>
        <source>Why was “{0}” lost?</source>
        <translation>Mengapa “{0}” kalah?</translation>
    </message>
    <message>
        <source>e.g. price, timing, no budget</source>
        <translation>mis. harga, waktu, tidak ada anggaran</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Alasan kalah</translation>
    </message>
    <message>
        <source>Competitor (if any)</source>
        <translation>Pesaing (jika ada)</translation>
    </message>
    <message>
        <source>Lost to competitor</source>
        <translation>Kalah dari pesaing</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Lost &amp;to:</source>
        <translation>Kalah &amp;dari:</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>Tandai kalah</translation>
    </message>
    <message>
        <source>On the competitor list as “{0}”.</source>
        <translation>Ada di daftar pesaing sebagai “{0}”.</translation>
    </message>
    <message>
        <source>A new competitor: it will be added to the list.</source>
        <translation>Pesaing baru: akan ditambahkan ke daftar.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Show Relasi</source>
        <translation>Tampilkan Relasi</translation>
    </message>
    <message>
        <source>Relasi</source>
        <translation>Relasi</translation>
    </message>
    <message>
        <source>Due now: {0} — {1}</source>
        <translation>Jatuh tempo sekarang: {0} — {1}</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Tindak lanjut jatuh tempo</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Column in the file</source>
        <translation>Kolom di berkas</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Nilai pertama</translation>
    </message>
    <message>
        <source>Imports into</source>
        <translation>Diimpor ke</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Kuartal ini</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tahun ini</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Rentang khusus</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Hari pertama</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Hari terakhir</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>&amp;Closing:</source>
        <translation>&amp;Tutup:</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Tier:</translation>
    </message>
    <message>
        <source>T&amp;ag:</source>
        <translation>T&amp;ag:</translation>
    </message>
    <message>
        <source>&amp;Rotting limits…</source>
        <translation>&amp;Batas terbengkalai…</translation>
    </message>
    <message>
        <source>How long a deal may stay untouched in a stage before it is marked</source>
        <translation>Berapa lama sebuah peluang boleh tidak disentuh di satu tahap sebelum ditandai</translation>
    </message>
    <message>
        <source>Expected close month</source>
        <translation>Bulan perkiraan tutup</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>Bulan apa pun</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>Tier apa pun</translation>
    </message>
    <message>
        <source>Tier {0}</source>
        <translation>Tier {0}</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Semua tag</translation>
    </message>
    <message>
        <source>Move “{0}” to {1}</source>
        <translation>Pindahkan “{0}” ke {1}</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
</context>
<context>
    <name>PipelineWindow</name>
    <message>
        <source>Pipeline — Relasi</source>
        <translation>Pipeline — Relasi</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Papan</translation>
    </message>
    <message>
        <source>All &amp;deals</source>
        <translation>Semua &amp;peluang</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Import will</source>
        <translation>Tindakan impor</translation>
    </message>
    <message>
        <source>Name / subject</source>
        <translation>Nama / subjek</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Matches / reason</source>
        <translation>Kecocokan / alasan</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Each row as it will be imported. Change what happens to a row in the “Import will” column (double-click) or with its context menu.</source>
        <translation>Setiap baris sebagaimana akan diimpor. Ubah apa yang terjadi pada suatu baris di kolom “Tindakan impor” (klik dua kali) atau lewat menu konteksnya.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>All possible duplicates:</source>
        <translation>Semua kemungkinan duplikat:</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Lewati</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Gabungkan</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <source>Rows: {0}. Create {1}, merge {2}, skip {3}.</source>
        <translation>Baris: {0}. Buat {1}, gabungkan {2}, lewati {3}.</translation>
    </message>
    <message>
        <source>Possible duplicates (skipped unless you choose): {0}.</source>
        <translation>Kemungkinan duplikat (dilewati kecuali Anda memilih): {0}.</translation>
    </message>
    <message>
        <source>With errors (not imported): {0}.</source>
        <translation>Dengan galat (tidak diimpor): {0}.</translation>
    </message>
    <message>
        <source>Merge into the match</source>
        <translation>Gabungkan ke data yang cocok</translation>
    </message>
    <message>
        <source>Create as new</source>
        <translation>Buat sebagai baru</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>Importing</source>
        <translation>Mengimpor</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Batalkan impor</translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation>Mengimpor {0}…</translation>
    </message>
</context>
<context>
    <name>Proposal</name>
    <message>
        <source>Relasi</source>
        <translation>Relasi</translation>
    </message>
    <message>
        <source>New &amp;proposal…</source>
        <translation>&amp;Penawaran baru…</translation>
    </message>
    <message>
        <source>Write a proposal for the selected deal (PDF)</source>
        <translation>Tulis penawaran untuk peluang yang dipilih (PDF)</translation>
    </message>
    <message>
        <source>Line {0}, column {1}: the template asks for ${{{2}}}, which is not a field. Known fields: {3}.</source>
        <translation>Baris {0}, kolom {1}: templat meminta ${{{2}}}, yang bukan sebuah kolom isian. Kolom isian yang dikenal: {3}.</translation>
    </message>
    <message>
        <source>Line {0}, column {1}: “${{” must be followed by a field name and “}}” (write “$${{” for a literal “${{”).</source>
        <translation>Baris {0}, kolom {1}: “${{” harus diikuti nama kolom isian dan “}}” (tulis “$${{” untuk “${{” apa adanya).</translation>
    </message>
    <message>
        <source>The template is too large for a proposal (at most 200,000 characters).</source>
        <translation>Templat terlalu besar untuk sebuah penawaran (paling banyak 200.000 karakter).</translation>
    </message>
    <message>
        <source>The template cannot be read: it is missing or is not a UTF-8 text file.</source>
        <translation>Templat tidak dapat dibaca: berkasnya tidak ada atau bukan berkas teks UTF-8.</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Penawaran</translation>
    </message>
    <message>
        <source>Attach proposal “{0}”</source>
        <translation>Lampirkan penawaran “{0}”</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>New proposal — {0}</source>
        <translation>Penawaran baru — {0}</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Templat:</translation>
    </message>
    <message>
        <source>&amp;Valid until:</source>
        <translation>&amp;Berlaku hingga:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Nama Anda:</translation>
    </message>
    <message>
        <source>Your c&amp;ompany:</source>
        <translation>P&amp;erusahaan Anda:</translation>
    </message>
    <message>
        <source>Proposal template</source>
        <translation>Templat penawaran</translation>
    </message>
    <message>
        <source>Offer valid until</source>
        <translation>Penawaran berlaku hingga</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>Your company</source>
        <translation>Perusahaan Anda</translation>
    </message>
    <message>
        <source>Proposal text (Markdown)</source>
        <translation>Teks penawaran (Markdown)</translation>
    </message>
    <message>
        <source>Proposal preview</source>
        <translation>Pratinjau penawaran</translation>
    </message>
    <message>
        <source>Edit the text on the left (Markdown: # heading, **bold**, *italic*, - list); the right shows how it will look. Save attaches it to the deal as a PDF (Ctrl+S).</source>
        <translation>Sunting teks di kiri (Markdown: # judul, **tebal**, *miring*, - daftar); sisi kanan menunjukkan hasilnya. Simpan melampirkannya ke peluang sebagai PDF (Ctrl+S).</translation>
    </message>
    <message>
        <source>&amp;Save PDF to deal</source>
        <translation>&amp;Simpan PDF ke peluang</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>Berkas lain…</translation>
    </message>
    <message>
        <source>Choose a proposal template</source>
        <translation>Pilih templat penawaran</translation>
    </message>
    <message>
        <source>Markdown templates (*.md *.markdown *.txt)</source>
        <translation>Templat Markdown (*.md *.markdown *.txt)</translation>
    </message>
    <message>
        <source>Fill the proposal again?</source>
        <translation>Isi ulang penawaran?</translation>
    </message>
    <message>
        <source>Filling the proposal again replaces the text you edited. Go on?</source>
        <translation>Mengisi ulang penawaran akan mengganti teks yang sudah Anda sunting. Lanjutkan?</translation>
    </message>
    <message>
        <source>Discard the proposal?</source>
        <translation>Buang penawaran ini?</translation>
    </message>
    <message>
        <source>You edited this proposal and have not saved it. Discard your edits?</source>
        <translation>Anda sudah menyunting penawaran ini dan belum menyimpannya. Buang suntingan Anda?</translation>
    </message>
    <message>
        <source>The proposal is empty: there is nothing to save.</source>
        <translation>Penawaran kosong: tidak ada yang disimpan.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Kandar</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Cari di:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Direktori:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti nama</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Folder &amp;baru</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Direktori induk</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ke direktori induk</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Tampilan daftar</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Ganti ke tampilan daftar</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Tampilan rinci</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Ganti ke tampilan rinci</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Direktori</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Tampilkan </translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Bilah sisi</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Daftar tempat dan markah</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Tanggal diubah</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Masukkan nilai:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan Rincian...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan Rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Oke</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan Semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;Semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Tidak untuk Se&amp;mua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba Lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Setel Ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Pulihkan Bawaan</translation>
    </message>
    <message>
        <source>Don't Save</source>
        <translation>Jangan Simpan</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Tutup tanpa Menyimpan</translation>
    </message>
</context>
<context>
    <name>QUndoModel</name>
    <message>
        <source>&lt;empty&gt;</source>
        <translation>&lt;kosong&gt;</translation>
    </message>
</context>
<context>
    <name>QUndoStack</name>
    <message>
        <source>Undo %1</source>
        <translation>Urungkan %1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Ulangi %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <comment>Default text for undo action</comment>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <comment>Default text for redo action</comment>
        <translation>Ulangi</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;Lokasi Tautan</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Terapkan</translation>
    </message>
</context>
<context>
    <name>QuickCaptureDialog</name>
    <message>
        <source>Quick capture</source>
        <extracomment>After a save: the account id the note went to.</extracomment>
        <translation>Catat cepat</translation>
    </message>
    <message>
        <source>Insert a template</source>
        <translation>Sisipkan templat</translation>
    </message>
    <message>
        <source>Insert template…</source>
        <translation>Sisipkan templat…</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Met Pak Budi at PT Maju Jaya, demo went well, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] call Budi next Tuesday
TODO: invite to webinar in 2 weeks</source>
        <translation>Ketemu Pak Budi di PT Maju Jaya, demo lancar, anggaran ~ Rp 500 jt
- kirim proposal besok
- [ ] telepon Budi Selasa depan
TODO: undang ke webinar 2 minggu lagi</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. Name the company and the people you met.</source>
        <translation>Ctrl+Enter menyimpan. Sebutkan perusahaan dan orang yang Anda temui.</translation>
    </message>
    <message>
        <source>Choose the client: name the company in the note, or type its name.</source>
        <translation>Pilih klien: sebutkan perusahaannya di catatan, atau ketik namanya.</translation>
    </message>
    <message>
        <source>Check the dates marked ⚠: change them or click OK beside them.</source>
        <translation>Periksa tanggal bertanda ⚠: ubah, atau klik OK di sebelahnya.</translation>
    </message>
    <message>
        <source>Give the deal a title: what is being sold?</source>
        <translation>Beri judul peluang ini: apa yang dijual?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Simpan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Edit templates…</source>
        <translation>Sunting templat…</translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation>Catatan cepat</translation>
    </message>
</context>
<context>
    <name>QuotaModel</name>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <source>Per one</source>
        <translation>Per satu</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>New {0}</source>
        <translation>{0} baru</translation>
    </message>
    <message>
        <source>Move “{0}” to Trash</source>
        <translation>Pindahkan “{0}” ke Tempat sampah</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Hapus entri</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Meeting brief: {0}</source>
        <translation>Ringkasan pertemuan: {0}</translation>
    </message>
    <message>
        <source>Account review: {0}</source>
        <translation>Tinjauan akun: {0}</translation>
    </message>
    <message>
        <source>Tier {0}</source>
        <translation>Tier {0}</translation>
    </message>
    <message>
        <source>contact every {0} days</source>
        <translation>kontak setiap {0} hari</translation>
    </message>
    <message>
        <source>{0}, prepared {1}</source>
        <translation>{0}, disiapkan {1}</translation>
    </message>
    <message>
        <source>Account health</source>
        <translation>Kesehatan akun</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>No contacts yet.</source>
        <translation>Belum ada kontak.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>E-mail / phone</source>
        <translation>E-mail / telepon</translation>
    </message>
    <message>
        <source>Last reached</source>
        <translation>Terakhir dihubungi</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>dan {0} lainnya</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilitas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Tindak lanjut terbuka</translation>
    </message>
    <message>
        <source>No open follow-ups.</source>
        <translation>Tidak ada tindak lanjut terbuka.</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 hari terakhir</translation>
    </message>
    <message>
        <source>Nothing in the last 90 days.</source>
        <translation>Tidak ada apa pun dalam 90 hari terakhir.</translation>
    </message>
    <message>
        <source>Gifts this year</source>
        <translation>Hadiah tahun ini</translation>
    </message>
    <message>
        <source>No gifts this year.</source>
        <translation>Tidak ada hadiah tahun ini.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Untuk</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Account review</source>
        <translation>Tinjauan akun</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>Peluang terbuka</translation>
    </message>
    <message>
        <source>No open deals.</source>
        <translation>Tidak ada peluang terbuka.</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>Peluang menang</translation>
    </message>
    <message>
        <source>No won deals yet.</source>
        <translation>Belum ada peluang yang dimenangkan.</translation>
    </message>
    <message>
        <source>Meeting brief</source>
        <translation>Ringkasan pertemuan</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Halaman {0} dari {1}</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Select a client first.</source>
        <translation>Pilih klien terlebih dahulu.</translation>
    </message>
    <message>
        <source>meeting brief</source>
        <translation>ringkasan pertemuan</translation>
    </message>
    <message>
        <source>account review</source>
        <translation>tinjauan akun</translation>
    </message>
    <message>
        <source>Export meeting brief</source>
        <translation>Ekspor ringkasan pertemuan</translation>
    </message>
    <message>
        <source>Export account review</source>
        <translation>Ekspor tinjauan akun</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Saved {0} ({1} pages)</source>
        <translation>Tersimpan {0} ({1} halaman)</translation>
    </message>
</context>
<context>
    <name>RotDialog</name>
    <message>
        <source>Rotting limits</source>
        <translation>Batas terbengkalai</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>In force from</source>
        <translation>Berlaku sejak</translation>
    </message>
    <message>
        <source>Cap per person per year</source>
        <translation>Batas per orang per tahun</translation>
    </message>
</context>
<context>
    <name>SalesSettingsDialog</name>
    <message>
        <source>Sales targets</source>
        <translation>Target penjualan</translation>
    </message>
    <message>
        <source>Quotas</source>
        <translation>Kuota</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kuartal</translation>
    </message>
    <message>
        <source>Quota period</source>
        <translation>Periode kuota</translation>
    </message>
    <message>
        <source>Quota month</source>
        <translation>Bulan kuota</translation>
    </message>
    <message>
        <source>e.g. 1500000000</source>
        <translation>mis. 1500000000</translation>
    </message>
    <message>
        <source>Quota amount</source>
        <translation>Nilai kuota</translation>
    </message>
    <message>
        <source>&amp;Set quota</source>
        <translation>&amp;Tetapkan kuota</translation>
    </message>
    <message>
        <source>&amp;Remove quota</source>
        <translation>&amp;Hapus kuota</translation>
    </message>
    <message>
        <source>e.g. 100:5, 125:8</source>
        <translation>mis. 100:5, 125:8</translation>
    </message>
    <message>
        <source>Accelerators: above 100% of quota the rate is 5%, above 125% it is 8% (each on the part of the won amount above that share)</source>
        <translation>Akselerator: di atas 100% kuota tarifnya 5%, di atas 125% tarifnya 8% (masing-masing atas bagian nilai dimenangkan di atas batas itu)</translation>
    </message>
    <message>
        <source>Save &amp;plan</source>
        <translation>Simpan &amp;skema</translation>
    </message>
    <message>
        <source>Commission plan</source>
        <translation>Skema komisi</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>Mata &amp;uang</translation>
    </message>
    <message>
        <source>&amp;Base a month</source>
        <translation>Gaji &amp;pokok per bulan</translation>
    </message>
    <message>
        <source>&amp;Rate on won amounts</source>
        <translation>&amp;Tarif atas nilai dimenangkan</translation>
    </message>
    <message>
        <source>&amp;Accelerators (quota %: rate %)</source>
        <translation>&amp;Akselerator (kuota %: tarif %)</translation>
    </message>
    <message>
        <source>Activity targets a week</source>
        <translation>Target aktivitas per minggu</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Save &amp;targets</source>
        <translation>Simpan ta&amp;rget</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <source>“{0}” is not a currency code.</source>
        <translation>“{0}” bukan kode mata uang.</translation>
    </message>
    <message>
        <source>Type the quota as a number, e.g. 1500000000.</source>
        <translation>Ketik kuota sebagai angka, mis. 1500000000.</translation>
    </message>
    <message>
        <source>Set quota</source>
        <translation>Tetapkan kuota</translation>
    </message>
    <message>
        <source>Select the quota to remove.</source>
        <translation>Pilih kuota yang akan dihapus.</translation>
    </message>
    <message>
        <source>Remove quota</source>
        <translation>Hapus kuota</translation>
    </message>
    <message>
        <source>Type the base as a number, e.g. 15000000.</source>
        <translation>Ketik gaji pokok sebagai angka, mis. 15000000.</translation>
    </message>
    <message>
        <source>Type accelerators as quota percent and rate, e.g. 100:5, 125:8.</source>
        <translation>Ketik akselerator sebagai persen kuota dan tarif, mis. 100:5, 125:8.</translation>
    </message>
    <message>
        <source>Change commission plan</source>
        <translation>Ubah skema komisi</translation>
    </message>
    <message>
        <source>Change activity targets</source>
        <translation>Ubah target aktivitas</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Clients</source>
        <extracomment>How long typing may pause before the search runs (ms): a word, not every letter.</extracomment>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deal</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(tanpa subjek)</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Cari di semua data</translation>
    </message>
    <message>
        <source>Search notes, clients, contacts, deals and follow-ups…</source>
        <translation>Cari catatan, klien, kontak, deal dan tindak lanjut…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Hasil pencarian</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>Tidak ada hasil untuk “{0}”.</translation>
    </message>
    <message>
        <source>The first {0} results; type more words to narrow them.</source>
        <translation>{0} hasil pertama; ketik kata lain untuk mempersempit.</translation>
    </message>
    <message>
        <source>Results: {0}</source>
        <translation>Hasil: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Tampilan</translation>
    </message>
    <message>
        <source>Default currency</source>
        <translation>Mata uang bawaan</translation>
    </message>
    <message>
        <source>For new deals, and for amounts in a quick capture that name no currency</source>
        <translation>Untuk peluang baru, dan untuk jumlah di catatan cepat yang tidak menyebut mata uang</translation>
    </message>
    <message>
        <source>Remind me when a follow-up falls due</source>
        <translation>Ingatkan saya saat tindak lanjut jatuh tempo</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> hari kerja</translation>
    </message>
    <message>
        <source>Due of a follow-up with no date</source>
        <translation>Jatuh tempo tindak lanjut tanpa tanggal</translation>
    </message>
    <message>
        <source>When a next step in a quick note names no date, it is due this many working days later (and marked for you to check)</source>
        <translation>Jika langkah berikut di catatan cepat tidak menyebut tanggal, jatuh temponya sekian hari kerja kemudian (dan ditandai untuk Anda periksa)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source> min</source>
        <translation> mnt</translation>
    </message>
    <message>
        <source>Lock after minutes idle</source>
        <translation>Kunci setelah sekian menit tidak aktif</translation>
    </message>
    <message>
        <source>Keep the key in the system keyring</source>
        <translation>Simpan kunci di keyring sistem</translation>
    </message>
    <message>
        <source>Sales &amp;targets and commission…</source>
        <translation>&amp;Target penjualan dan komisi…</translation>
    </message>
    <message>
        <source>&amp;Gift rules and rates…</source>
        <translation>Aturan dan kurs &amp;hadiah…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>Default &amp;currency</source>
        <translation>&amp;Mata uang bawaan</translation>
    </message>
    <message>
        <source>Undated follow-ups &amp;due in</source>
        <translation>Tindak lanjut tanpa tanggal &amp;jatuh tempo dalam</translation>
    </message>
    <message>
        <source>Loc&amp;k when idle for</source>
        <translation>&amp;Kunci jika tidak aktif selama</translation>
    </message>
    <message>
        <source>Database key</source>
        <translation>Kunci basis data</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Umum</translation>
    </message>
    <message>
        <source>Team s&amp;ync</source>
        <translation>Sinkronisasi t&amp;im</translation>
    </message>
    <message>
        <source>Protected by a passphrase, asked at every start.</source>
        <translation>Dilindungi frasa sandi, ditanyakan setiap kali mulai.</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Ganti frasa sandi…</translation>
    </message>
    <message>
        <source>A random key kept in the system keyring.</source>
        <translation>Kunci acak yang disimpan di keyring sistem.</translation>
    </message>
    <message>
        <source>Use a passphrase instead…</source>
        <translation>Pakai frasa sandi saja…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Frasa sandi saat ini:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Frasa sandi baru:</translation>
    </message>
    <message>
        <source>The new passphrase again:</source>
        <translation>Frasa sandi baru sekali lagi:</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Kedua isian berbeda.</translation>
    </message>
    <message>
        <source>Relasi closes the window, re-encrypts the database and opens it again.</source>
        <translation>Relasi menutup jendela, mengenkripsi ulang basis data, lalu membukanya kembali.</translation>
    </message>
    <message>
        <source>“{0}” is not a currency code (ISO 4217, e.g. IDR, USD).</source>
        <translation>“{0}” bukan kode mata uang (ISO 4217, mis. IDR, USD).</translation>
    </message>
</context>
<context>
    <name>ShortcutModel</name>
    <message>
        <source>Command</source>
        <translation>Perintah</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>Tunda sampai</translation>
    </message>
    <message>
        <source>Remind me again on:</source>
        <translation>Ingatkan saya lagi pada:</translation>
    </message>
    <message>
        <source>That time has already passed: pick a later one.</source>
        <translation>Waktu itu sudah lewat: pilih waktu yang lebih nanti.</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <source>{0} · weighted {1}</source>
        <extracomment>Asked before a move to lost: (reason, competitor), or None to cancel the move.</extracomment>
        <translation>{0} · berbobot {1}</translation>
    </message>
    <message>
        <source>Sum and probability-weighted sum, per currency</source>
        <translation>Jumlah dan jumlah berbobot peluang, per mata uang</translation>
    </message>
    <message>
        <source>Closed in the last {0} days</source>
        <translation>Ditutup dalam {0} hari terakhir</translation>
    </message>
    <message>
        <source>{0}: {1} deals</source>
        <translation>{0}: {1} peluang</translation>
    </message>
</context>
<context>
    <name>StageColumnModel</name>
    <message>
        <source>{0} days in stage</source>
        <extracomment>A card of another column was dropped here: (deal id, this stage).</extracomment>
        <translation>{0} hari di tahap ini</translation>
    </message>
    <message>
        <source>closes {0}</source>
        <translation>tutup {0}</translation>
    </message>
    <message>
        <source>rotting: untouched for {0} days</source>
        <translation>terbengkalai: tidak disentuh selama {0} hari</translation>
    </message>
    <message>
        <source>lost to {0}</source>
        <translation>kalah dari {0}</translation>
    </message>
    <message>
        <source>Documents: {0}</source>
        <translation>Dokumen: {0}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Rows that were not imported:</source>
        <translation>Baris yang tidak diimpor:</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Simpan laporan…</translation>
    </message>
    <message>
        <source>Created {0}, updated {1}, skipped {2} (of which {3} already up to date).</source>
        <translation>{0} dibuat, {1} diperbarui, {2} dilewati ({3} di antaranya sudah mutakhir).</translation>
    </message>
    <message>
        <source>{0} new clients.</source>
        <translation>{0} klien baru.</translation>
    </message>
    <message>
        <source>Edit ▸ Undo takes the whole import back.</source>
        <translation>Sunting ▸ Urungkan membatalkan seluruh impor.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <source>CSV file (*.csv);;Text file (*.txt)</source>
        <translation>Berkas CSV (*.csv);;Berkas teks (*.txt)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Cannot save {0}: {1}</source>
        <translation>Tidak dapat menyimpan {0}: {1}</translation>
    </message>
    <message>
        <source>Report saved to {0}</source>
        <translation>Laporan disimpan ke {0}</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>A sync is already running.</source>
        <extracomment>After a local write, the pending count is read again this much later (one read for a burst of writes).</extracomment>
        <translation>Sinkronisasi sedang berjalan.</translation>
    </message>
    <message>
        <source>Team sync is not set up (Settings ▸ Team sync).</source>
        <translation>Sinkronisasi tim belum diatur (Pengaturan ▸ Sinkronisasi tim).</translation>
    </message>
    <message>
        <source>The team server refused the password.</source>
        <translation>Server tim menolak kata sandi.</translation>
    </message>
    <message>
        <source>Sync overwrote {0} values; see Tools ▸ Conflict log.</source>
        <translation>Sinkronisasi menimpa {0} nilai; lihat Alat ▸ Log konflik.</translation>
    </message>
</context>
<context>
    <name>SyncPasswordDialog</name>
    <message>
        <source>Team sync password</source>
        <translation>Kata sandi sinkronisasi tim</translation>
    </message>
    <message>
        <source>User {0} on {1}</source>
        <translation>Pengguna {0} di {1}</translation>
    </message>
    <message>
        <source>Team server password</source>
        <translation>Kata sandi server tim</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPage</name>
    <message>
        <source>Team server address</source>
        <translation>Alamat server tim</translation>
    </message>
    <message>
        <source>Team server user</source>
        <translation>Pengguna server tim</translation>
    </message>
    <message>
        <source>Require &amp;TLS (refuse an unencrypted connection)</source>
        <translation>Wajibkan &amp;TLS (tolak koneksi tanpa enkripsi)</translation>
    </message>
    <message>
        <source>Team server password</source>
        <translation>Kata sandi server tim</translation>
    </message>
    <message>
        <source>Kept in the system keyring; empty keeps it</source>
        <translation>Disimpan di keyring sistem; kosongkan untuk tetap memakainya</translation>
    </message>
    <message>
        <source> min</source>
        <translation> mnt</translation>
    </message>
    <message>
        <source>Sync every minutes</source>
        <translation>Sinkronkan setiap sekian menit</translation>
    </message>
    <message>
        <source>Test &amp;connection</source>
        <translation>&amp;Uji koneksi</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sinkronkan &amp;sekarang</translation>
    </message>
    <message>
        <source>Team sync result</source>
        <translation>Hasil sinkronisasi tim</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Pengguna</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <source>Sync &amp;every</source>
        <translation>Sinkronkan s&amp;etiap</translation>
    </message>
    <message>
        <source>Team sync is not part of this build.</source>
        <translation>Sinkronisasi tim tidak tersedia di versi ini.</translation>
    </message>
    <message>
        <source>Enter the server and user (team sync stays set up).</source>
        <translation>Masukkan server dan pengguna (sinkronisasi tim tetap aktif).</translation>
    </message>
    <message>
        <source>The server address cannot be read.</source>
        <translation>Alamat server tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>The server address must start with postgresql:// (a PostgreSQL server).</source>
        <translation>Alamat server harus diawali postgresql:// (server PostgreSQL).</translation>
    </message>
    <message>
        <source>Put the password in the password field, not in the address.</source>
        <translation>Tulis kata sandi di kolom kata sandi, bukan di alamat.</translation>
    </message>
    <message>
        <source>The server address names no host.</source>
        <translation>Alamat server tidak menyebut host.</translation>
    </message>
    <message>
        <source>The server address names no database (postgresql://HOST:PORT/DATABASE).</source>
        <translation>Alamat server tidak menyebut basis data (postgresql://HOST:PORT/BASISDATA).</translation>
    </message>
    <message>
        <source>Enter the user the server knows you by.</source>
        <translation>Masukkan nama pengguna Anda di server.</translation>
    </message>
    <message>
        <source>The password could not be kept: {0}</source>
        <translation>Kata sandi tidak dapat disimpan: {0}</translation>
    </message>
    <message>
        <source>Enter the server's address.</source>
        <translation>Masukkan alamat server.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>Connected: the server answers and its schema matches this app.</source>
        <translation>Terhubung: server menjawab dan skemanya cocok dengan aplikasi ini.</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>Tidak dapat terhubung: {0}</translation>
    </message>
    <message>
        <source>Syncing in the background; the status bar shows how it went.</source>
        <translation>Menyinkronkan di latar belakang; bilah status menunjukkan hasilnya.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Meeting templates</source>
        <translation>Templat rapat</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templat</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nama templat</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Teks templat</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>&amp;Simpan templat</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>Te&amp;ks:</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Templat baru</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>{0} min</source>
        <translation>{0} mnt</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>Entry kind</source>
        <translation>Jenis entri</translation>
    </message>
    <message>
        <source>Write a note, call or meeting… Markdown works. Ctrl+Enter saves.</source>
        <translation>Tulis catatan, panggilan, atau rapat… Markdown didukung. Ctrl+Enter untuk menyimpan.</translation>
    </message>
    <message>
        <source>New timeline entry</source>
        <translation>Entri linimasa baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save the entry (Ctrl+Enter)</source>
        <translation>Simpan entri (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <source>Nothing on this client's timeline yet — write the first note above.</source>
        <translation>Linimasa klien ini masih kosong — tulis catatan pertama di atas.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Tempat sampah</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>&amp;Kosongkan Tempat sampah…</translation>
    </message>
    <message>
        <source>Trash is empty. A client or entry you delete waits here until you restore it or empty Trash.</source>
        <translation>Tempat sampah kosong. Klien atau entri yang Anda hapus menunggu di sini sampai Anda memulihkannya atau mengosongkan tempat sampah.</translation>
    </message>
    <message>
        <source>Restore from Trash</source>
        <translation>Pulihkan dari Tempat sampah</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Tidak dapat memulihkan</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Kosongkan Tempat sampah</translation>
    </message>
    <message>
        <source>Delete {0} items for good? This cannot be undone.</source>
        <translation>Hapus {0} item secara permanen? Tindakan ini tidak dapat diurungkan.</translation>
    </message>
</context>
<context>
    <name>TrashModel</name>
    <message>
        <source>What</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Klien</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>New &amp;client…</source>
        <translation>Klien &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Entri baru</translation>
    </message>
    <message>
        <source>&amp;Quick capture…</source>
        <translation>Catat &amp;cepat…</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>&amp;Sunting klien…</translation>
    </message>
    <message>
        <source>Move client to &amp;Trash</source>
        <translation>Pin&amp;dahkan klien ke Tempat sampah</translation>
    </message>
    <message>
        <source>Add co&amp;ntact…</source>
        <translation>Tambah ko&amp;ntak…</translation>
    </message>
    <message>
        <source>Add &amp;deal…</source>
        <translation>Tambah &amp;peluang…</translation>
    </message>
    <message>
        <source>New &amp;follow-up…</source>
        <translation>&amp;Tindak lanjut baru…</translation>
    </message>
    <message>
        <source>&amp;Edit entry…</source>
        <translation>&amp;Sunting entri…</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>&amp;Hapus entri</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Tempat sampah…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>&amp;Cari klien</translation>
    </message>
    <message>
        <source>&amp;Jump to…</source>
        <translation>&amp;Lompat ke…</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>Cari di semua &amp;data…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Follow-ups of &amp;all clients</source>
        <translation>Tindak lanjut &amp;semua klien</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan keyboard</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>Pa&amp;nduan pengguna</translation>
    </message>
    <message>
        <source>&amp;About Relasi</source>
        <translation>&amp;Tentang Relasi</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <source>Undo an i&amp;mport…</source>
        <translation>Urungkan i&amp;mpor…</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>&amp;Cadangkan sekarang</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>&amp;Periksa basis data</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>Co&amp;mpetitors</source>
        <translation>P&amp;esaing</translation>
    </message>
    <message>
        <source>Export account &amp;review…</source>
        <translation>Ekspor &amp;tinjauan akun…</translation>
    </message>
    <message>
        <source>Export meeting &amp;brief…</source>
        <translation>Ekspor &amp;ringkasan pertemuan…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Si&amp;nkronkan sekarang</translation>
    </message>
    <message>
        <source>Co&amp;nflict log…</source>
        <translation>Log ko&amp;nflik…</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Bilah alat</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Urungkan {0}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>U&amp;langi {0}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
</context>
<context>
    <name>YearTotalsModel</name>
    <message>
        <source>Recipient</source>
        <extracomment>The kinds of change that can alter the log.</extracomment>
        <translation>Penerima</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Batas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rate for {0} needed</source>
        <translation>Perlu kurs {0}</translation>
    </message>
    <message>
        <source>Not counted (recipient unknown)</source>
        <translation>Tidak dihitung (penerima tidak diketahui)</translation>
    </message>
    <message>
        <source>Over cap</source>
        <translation>Melewati batas</translation>
    </message>
    <message>
        <source>Within cap</source>
        <translation>Dalam batas</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Relasi</source>
        <translation>Relasi</translation>
    </message>
    <message>
        <source>Relasi cannot open the database:

{0}</source>
        <translation>Relasi tidak dapat membuka basis data:

{0}</translation>
    </message>
    <message>
        <source>The database is damaged and was not opened:

{0}</source>
        <translation>Basis data rusak dan tidak dibuka:

{0}</translation>
    </message>
    <message>
        <source>Restore newest good backup</source>
        <translation>Pulihkan cadangan baik terbaru</translation>
    </message>
    <message>
        <source>Salvage into a new database</source>
        <translation>Selamatkan ke basis data baru</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>There is no readable backup.</source>
        <translation>Tidak ada cadangan yang bisa dibaca.</translation>
    </message>
    <message>
        <source>Recovered {0} rows into {1}. The damaged file was left as it is.</source>
        <translation>{0} baris dipulihkan ke {1}. Berkas yang rusak dibiarkan apa adanya.</translation>
    </message>
    <message>
        <source>Relasi is already running on this database but does not answer.</source>
        <translation>Relasi sudah berjalan pada basis data ini tetapi tidak merespons.</translation>
    </message>
</context>
<context>
    <name>conflict_log</name>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Timeline entry</source>
        <translation>Entri linimasa</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Won per month vs quota ({0})</source>
        <translation>Menang per bulan vs kuota ({0})</translation>
    </message>
    <message>
        <source>millions</source>
        <translation>juta</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Menang</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
    <message>
        <source>Stage funnel (deals created in the period)</source>
        <translation>Corong tahap (deal dibuat dalam periode ini)</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Activity per week vs target</source>
        <translation>Aktivitas per minggu vs target</translation>
    </message>
    <message>
        <source>{0} target</source>
        <translation>target {0}</translation>
    </message>
    <message>
        <source>Week of the period</source>
        <translation>Minggu ke- dalam periode</translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation>{0} hari</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>just now</source>
        <extracomment>Parsed once: Babel parses a locale name again on every call given a string (a list of a few hundred dates spent a third of its formatting there).</extracomment>
        <translation>baru saja</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>en</source>
        <comment>language code of the user guide file</comment>
        <translation>id</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Import “{0}”</source>
        <translation>Impor “{0}”</translation>
    </message>
    <message>
        <source>Import {0} files</source>
        <translation>Impor {0} berkas</translation>
    </message>
    <message>
        <source>Imported: {0} new, {1} updated, {2} skipped.</source>
        <translation>Diimpor: {0} baru, {1} diperbarui, {2} dilewati.</translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation>Tidak diimpor: {0}</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <extracomment>The role holding the value (field name, action) behind a combo cell's label. The role holding the [(value, label)] choices of a combo cell.</extracomment>
        <translation>— jangan diimpor —</translation>
    </message>
    <message>
        <source>Relasi ID</source>
        <translation>ID Relasi</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nama depan</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Nama tengah</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nama belakang</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Perusahaan</translation>
    </message>
    <message>
        <source>Web address (into notes)</source>
        <translation>Alamat web (ke catatan)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>update</source>
        <translation>perbarui</translation>
    </message>
    <message>
        <source>possible duplicate</source>
        <translation>kemungkinan duplikat</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>sudah ada</translation>
    </message>
    <message>
        <source>error</source>
        <translation>galat</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>Skip (decide)</source>
        <translation>Lewati (putuskan)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Tidak diimpor</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 dengan BOM</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>koma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>titik koma</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>garis tegak</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Kontrak</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Prospek</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>Tidak aktif</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Calon klien</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Terkualifikasi</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Negosiasi</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Menang</translation>
    </message>
    <message>
        <source>Lost deal</source>
        <translation>Kalah</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>Relasi is locked</source>
        <translation>Relasi terkunci</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Relasi — locked</source>
        <translation>Relasi — terkunci</translation>
    </message>
    <message>
        <source>Enter the passphrase to unlock.</source>
        <translation>Masukkan frasa sandi untuk membuka kunci.</translation>
    </message>
    <message>
        <source>The database key is read again from the system keyring.</source>
        <translation>Kunci basis data dibaca ulang dari keyring sistem.</translation>
    </message>
    <message>
        <source>Unlock with the system keyring</source>
        <translation>Buka kunci dengan keyring sistem</translation>
    </message>
    <message>
        <source>Waiting for the keyring…</source>
        <translation>Menunggu keyring…</translation>
    </message>
    <message>
        <source>The keyring gave a different key.</source>
        <translation>Keyring memberikan kunci yang berbeda.</translation>
    </message>
</context>
<context>
    <name>safety</name>
    <message>
        <source>Backing up the database…</source>
        <translation>Mencadangkan basis data…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Cadangkan</translation>
    </message>
    <message>
        <source>Backed up to {0} ({1}).</source>
        <translation>Dicadangkan ke {0} ({1}).</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was written.</source>
        <translation>Pencadangan dibatalkan; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Backup failed: {0}</source>
        <translation>Pencadangan gagal: {0}</translation>
    </message>
    <message>
        <source>Daily backup made: {0}</source>
        <translation>Cadangan harian dibuat: {0}</translation>
    </message>
    <message>
        <source>Daily backup failed: {0}</source>
        <translation>Cadangan harian gagal: {0}</translation>
    </message>
</context>
<context>
    <name>sync_status</name>
    <message>
        <source>{0} changes to send</source>
        <extracomment>How often "3 minutes ago" is written again.</extracomment>
        <translation>{0} perubahan akan dikirim</translation>
    </message>
    <message>
        <source>Team sync off</source>
        <translation>Sinkronisasi tim mati</translation>
    </message>
    <message>
        <source>Set up team sync in Settings ▸ Team sync</source>
        <translation>Atur sinkronisasi tim di Pengaturan ▸ Sinkronisasi tim</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Sending and receiving changes</source>
        <translation>Mengirim dan menerima perubahan</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <source>Sync: wrong password — click to enter it again</source>
        <translation>Sinkronisasi: kata sandi salah — klik untuk memasukkannya lagi</translation>
    </message>
    <message>
        <source>Sync failed: {0}</source>
        <translation>Sinkronisasi gagal: {0}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Belum pernah disinkronkan</translation>
    </message>
    <message>
        <source>Synced {0}</source>
        <translation>Disinkronkan {0}</translation>
    </message>
    <message>
        <source>Server: {0} (user {1}). F9 syncs now.</source>
        <translation>Server: {0} (pengguna {1}). F9 menyinkronkan sekarang.</translation>
    </message>
    <message>
        <source>Team sync status</source>
        <translation>Status sinkronisasi tim</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entri</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Peluang</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Pesaing</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <source>Unexpected problem: {0}</source>
        <translation>Masalah tak terduga: {0}</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Masukkan frasa sandi.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again in {0} s.</source>
        <translation>Frasa sandi salah. Coba lagi dalam {0} dtk.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Frasa sandi salah. Coba lagi.</translation>
    </message>
    <message>
        <source>Unlock Relasi</source>
        <translation>Buka kunci Relasi</translation>
    </message>
    <message>
        <source>This database is protected by a passphrase:
{0}</source>
        <translation>Basis data ini dilindungi frasa sandi:
{0}</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Relasi cannot get the database key</source>
        <translation>Relasi tidak dapat memperoleh kunci basis data</translation>
    </message>
    <message>
        <source>Relasi keeps the key of your encrypted database in the system keyring, and could not get it:

{0}

Your data is safe and still encrypted. You can try again (e.g. after unlocking the keyring), use the recovery file you saved, or the passphrase if this database has one.</source>
        <translation>Relasi menyimpan kunci basis data terenkripsi Anda di keyring sistem, dan tidak dapat mengambilnya:

{0}

Data Anda aman dan tetap terenkripsi. Anda dapat mencoba lagi (mis. setelah membuka kunci keyring), menggunakan berkas pemulihan yang telah Anda simpan, atau frasa sandi jika basis data ini memilikinya.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Use a recovery file…</source>
        <translation>Gunakan berkas pemulihan…</translation>
    </message>
    <message>
        <source>Use the passphrase…</source>
        <translation>Gunakan frasa sandi…</translation>
    </message>
    <message>
        <source>Recovery file</source>
        <translation>Berkas pemulihan</translation>
    </message>
    <message>
        <source>Unencrypted database</source>
        <translation>Basis data tidak terenkripsi</translation>
    </message>
    <message>
        <source>{0} is not encrypted: anyone who gets this file can read it. Relasi can encrypt it now (its key goes to the system keyring).</source>
        <translation>{0} tidak dienkripsi: siapa pun yang mendapatkan berkas ini dapat membacanya. Relasi dapat mengenkripsinya sekarang (kuncinya disimpan di keyring sistem).</translation>
    </message>
    <message>
        <source>Keep an unencrypted copy (*.plain-backup)</source>
        <translation>Simpan salinan tidak terenkripsi (*.plain-backup)</translation>
    </message>
    <message>
        <source>Your database is encrypted. Save a recovery file to open it after a reinstall or on another computer, and keep it somewhere safe.</source>
        <translation>Basis data Anda terenkripsi. Simpan berkas pemulihan agar dapat membukanya setelah instal ulang atau di komputer lain, dan simpan di tempat yang aman.</translation>
    </message>
    <message>
        <source>Save recovery file…</source>
        <translation>Simpan berkas pemulihan…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nanti saja</translation>
    </message>
    <message>
        <source>Save recovery file</source>
        <translation>Simpan berkas pemulihan</translation>
    </message>
</context>
<context>
    <name>window_shell</name>
    <message>
        <source>Filter clients</source>
        <translation>Saring klien</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
</context>
</TS>