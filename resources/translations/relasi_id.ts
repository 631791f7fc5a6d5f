<?xml version="1.0" encoding="utf-8"?>
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
        <source>T&amp;ags</source>
        <translation>Ta&amp;g</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Catatan</translation>
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
    <name>ClientListModel</name>
    <message>
        <source>Client</source>
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
        <translation>Tindak lanjut berikutnya</translation>
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
        <source>No clients yet — import a CSV or add one with Client ▸ New client.</source>
        <translation>Belum ada klien — impor CSV atau tambahkan lewat Klien ▸ Klien baru.</translation>
    </message>
    <message>
        <source>{0}{1} clients</source>
        <translation>{0}{1} klien</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Jump to a client or run a command…</source>
        <translation>Lompat ke klien atau jalankan perintah…</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Palet perintah</translation>
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
        <source>name@company.com, another@company.com</source>
        <translation>nama@perusahaan.com, lainnya@perusahaan.com</translation>
    </message>
    <message>
        <source>0812 3456 7890, +65 6123 4567</source>
        <translation>0812 3456 7890, +65 6123 4567</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Diketahui</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
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
        <source>&amp;Phones</source>
        <translation>&amp;Telepon</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>Tanggal &amp;lahir</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Catatan</translation>
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
        <source>&amp;Title</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>&amp;Tahap</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Nilai</translation>
    </message>
    <message>
        <source>&amp;Probability</source>
        <translation>&amp;Probabilitas</translation>
    </message>
    <message>
        <source>&amp;Expected close</source>
        <translation>Per&amp;kiraan penutupan</translation>
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
        <source>&amp;What</source>
        <translation>&amp;Tugas</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>&amp;Jatuh tempo</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Prioritas</translation>
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
        <source>Overdue</source>
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
        <source>Overdue since {0}</source>
        <translation>Terlambat sejak {0}</translation>
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
        <source>A name is required.</source>
        <translation>Nama wajib diisi.</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Judul wajib diisi.</translation>
    </message>
    <message>
        <source>Enter valid e-mail addresses, separated by commas.</source>
        <translation>Masukkan alamat email yang valid, dipisahkan dengan koma.</translation>
    </message>
    <message>
        <source>Enter phone numbers, with country code or as local numbers.</source>
        <translation>Masukkan nomor telepon, dengan kode negara atau sebagai nomor lokal.</translation>
    </message>
    <message>
        <source>Enter a web address such as example.com.</source>
        <translation>Masukkan alamat web seperti example.com.</translation>
    </message>
    <message>
        <source>Enter a three-letter currency code such as IDR or USD.</source>
        <translation>Masukkan kode mata uang tiga huruf seperti IDR atau USD.</translation>
    </message>
    <message>
        <source>Write something, or give the entry a subject.</source>
        <translation>Tulis sesuatu, atau beri entri ini subjek.</translation>
    </message>
    <message>
        <source>Probability is a percentage from 0 to 100.</source>
        <translation>Probabilitas adalah persentase dari 0 sampai 100.</translation>
    </message>
    <message>
        <source>Cadence is a number of days from 1 to 3650.</source>
        <translation>Interval kontak adalah jumlah hari dari 1 sampai 3650.</translation>
    </message>
</context>
<context>
    <name>HeaderCard</name>
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
        <source>&amp;Notes</source>
        <translation>&amp;Catatan</translation>
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
        <source>&amp;Present</source>
        <translation>&amp;Peserta</translation>
    </message>
    <message>
        <source>&amp;Gift value</source>
        <translation>&amp;Nilai hadiah</translation>
    </message>
    <message>
        <source>New {0}</source>
        <translation>{0} baru</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Relasi</source>
        <translation>Relasi</translation>
    </message>
    <message>
        <source>New {0}</source>
        <translation>{0} baru</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Hapus entri</translation>
    </message>
    <message>
        <source>Move “{0}” to Trash</source>
        <translation>Pindahkan “{0}” ke Tempat sampah</translation>
    </message>
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
    <message>
        <source>Snooze until</source>
        <translation>Tunda sampai</translation>
    </message>
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
    <message>
        <source>Due now: {0} — {1}</source>
        <translation>Jatuh tempo sekarang: {0} — {1}</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Tindak lanjut jatuh tempo</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Buka klien</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Abaikan</translation>
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
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Buang</translation>
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
        <source>Acme Corp — met Budi, demo went well, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] call Budi next Tuesday
TODO: invite to webinar in 2 weeks</source>
        <translation>Acme Corp — ketemu Budi, demo lancar, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] telepon Budi Selasa depan
TODO: undang ke webinar dalam 2 minggu</translation>
    </message>
    <message>
        <source>Met Budi, demo went well, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] call Budi next Tuesday</source>
        <translation>Ketemu Budi, demo lancar, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] telepon Budi Selasa depan</translation>
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
        <source>Ctrl+Enter saves. One line per next step.</source>
        <translation>Ctrl+Enter untuk menyimpan. Satu baris per langkah berikutnya.</translation>
    </message>
    <message>
        <source>Restore unsaved note from {0}?</source>
        <translation>Pulihkan catatan yang belum disimpan dari {0}?</translation>
    </message>
    <message>
        <source>Edit templates…</source>
        <translation>Sunting templat…</translation>
    </message>
    <message>
        <source>Name the client on the first line first.</source>
        <translation>Tulis dulu nama klien di baris pertama.</translation>
    </message>
    <message>
        <source>Deal: {0}</source>
        <translation>Peluang: {0}</translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation>Catatan cepat</translation>
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
        <source>Remind me when a follow-up falls due</source>
        <translation>Ingatkan saya saat tindak lanjut jatuh tempo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
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
        <source>Nothing on this client&apos;s timeline yet — write the first note above.</source>
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
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Follow-ups of &amp;all clients</source>
        <translation>Tindak lanjut &amp;semua klien</translation>
    </message>
    <message>
        <source>&amp;About Relasi</source>
        <translation>&amp;Tentang Relasi</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Bilah alat</translation>
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
</context>
<context>
    <name>formatting</name>
    <message>
        <source>just now</source>
        <translation>baru saja</translation>
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
</context>
</TS>
