import type { Helix, IdeaStatus } from '../../api/schemas.js';
import type { Translations } from '../../core/i18n/index.js';

/** Keys of the fields a citizen fills in (the error summary and server errors use them too). */
export type FieldKey =
  | 'title' | 'problem' | 'solution' | 'benefit' | 'sector' | 'location'
  | 'helix' | 'name' | 'email' | 'phone' | 'organization' | 'attachments' | 'consent';

export interface IdeaFormStrings {
  heading: string;
  intro: string;
  ideaSection: string;
  aboutYouSection: string;
  labels: Record<FieldKey, string>;
  hints: Partial<Record<FieldKey, string>>;
  optional: string;
  chooseSector: string;
  /** "12 of 120 characters" for screen readers and sight alike. */
  counter: (count: string, max: string) => string;
  privacyLink: string;
  // validation
  required: (label: string) => string;
  choose: (label: string) => string;
  tooShort: (min: string, now: string) => string;
  tooLong: (max: string, now: string) => string;
  emailInvalid: string;
  phoneInvalid: string;
  consentRequired: string;
  serverRejected: string;
  attachmentGone: string;
  /** Still uploading, or an upload failed. */
  attachmentsPending: string;
  summaryHeading: (n: number) => string;
  // attachments
  attach: string;
  uploading: (name: string) => string;
  uploaded: string;
  remove: (name: string) => string;
  retryUpload: (name: string) => string;
  wrongType: (name: string) => string;
  tooLarge: (name: string, max: string) => string;
  tooMany: (max: number) => string;
  // draft
  draftRestored: string;
  startOver: string;
  draftNote: string;
  // program
  programFor: (title: string, closes: string) => string;
  programUpcoming: (title: string, opens: string) => string;
  programClosed: (title: string, closed: string) => string;
  programWithout: string;
  programMissing: string;
  // similar innovations
  similarHeading: string;
  similarNote: string;
  // sending
  submit: string;
  sending: string;
  stillSending: (attempt: number) => string;
  offline: string;
  notSentYet: (reason: string) => string;
  retryNow: string;
  sendFailed: (reason: string) => string;
  // success
  successHeading: string;
  successBody: string;
  trackingCode: string;
  copy: string;
  copied: string;
  copyFailed: string;
  status: string;
  receivedOn: string;
  updatedOn: string;
  another: string;
  // tracking-code check
  checkHeading: string;
  checkLabel: string;
  checkHint: string;
  checkButton: string;
  checkNotFound: string;
  /** The helixes as a person would describe themselves ("I am …"). */
  helixSelf: Record<Helix, string>;
  ideaStatus: Record<IdeaStatus, string>;
}

const en: IdeaFormStrings = {
  heading: 'Propose an innovation',
  intro: 'Describe a problem in the city and your solution. Fields without “optional” are required.',
  ideaSection: 'Your idea',
  aboutYouSection: 'About you',
  labels: {
    title: 'Title of your idea',
    problem: 'What problem do you see?',
    solution: 'What do you propose?',
    benefit: 'Expected benefit',
    sector: 'Sector',
    location: 'Location in the city',
    helix: 'I am…',
    name: 'Your name',
    email: 'Email',
    phone: 'Phone',
    organization: 'Organisation',
    attachments: 'Attachments',
    consent: 'I agree to the privacy notice.',
  },
  hints: {
    title: '8 to 120 characters.',
    problem: 'Who is affected, where, how often? At least 30 characters.',
    solution: 'How would it work? At least 30 characters.',
    email: 'Only to follow up on your idea; never shown.',
    phone: 'E.g. 0812 3456 7890 or +62 812 3456 7890.',
    attachments: 'Up to 3 PNG, JPEG, WebP or PDF files, 5 MB each.',
  },
  optional: 'optional',
  chooseSector: 'Choose a sector',
  counter: (count, max) => `${count} of ${max} characters`,
  privacyLink: 'Privacy notice',
  required: (label) => `Fill in “${label}”.`,
  choose: (label) => `Choose an answer for “${label}”.`,
  tooShort: (min, now) => `Write at least ${min} characters (now ${now}).`,
  tooLong: (max, now) => `Write at most ${max} characters (now ${now}).`,
  emailInvalid: 'Enter an email address like nama@contoh.id.',
  phoneInvalid: 'Enter a phone number like 0812 3456 7890.',
  consentRequired: 'Agree to the privacy notice to send your idea.',
  serverRejected: 'Please check this.',
  attachmentGone: 'An attachment is gone; remove it and add it again.',
  attachmentsPending: 'Wait for uploads to finish, or remove the ones that failed.',
  summaryHeading: (n) => (n === 1 ? '1 problem to fix' : `${n} problems to fix`),
  attach: 'Add files',
  uploading: (name) => `Uploading ${name}`,
  uploaded: 'Uploaded',
  remove: (name) => `Remove ${name}`,
  retryUpload: (name) => `Upload ${name} again`,
  wrongType: (name) => `“${name}” not added: only PNG, JPEG, WebP or PDF.`,
  tooLarge: (name, max) => `“${name}” not added: larger than ${max}.`,
  tooMany: (max) => `At most ${max} files.`,
  draftRestored: 'We restored your draft.',
  startOver: 'Start over',
  draftNote: 'Your draft stays on this device; before you send, only the title (to find similar ideas) and attachments leave it.',
  programFor: (title, closes) => `For “${title}”, open until ${closes}.`,
  programUpcoming: (title, opens) => `“${title}” opens on ${opens}.`,
  programClosed: (title, closed) => `“${title}” closed on ${closed}.`,
  programWithout: 'You can still send your idea, without the program.',
  programMissing: 'The program this page names was not found.',
  similarHeading: 'Similar innovations exist',
  similarNote: 'Have a look; you can still send yours.',
  submit: 'Send idea',
  sending: 'Sending your idea…',
  stillSending: (attempt) => `Still sending (attempt ${attempt + 1})…`,
  offline: 'You are offline. Your idea is kept and goes when you are back online.',
  notSentYet: (reason) => `Not sent yet. ${reason ? `${reason} ` : ''}Your idea is kept on this device; we will try again.`,
  retryNow: 'Try again now',
  sendFailed: (reason) => `Not sent. ${reason} Nothing you typed is lost.`,
  successHeading: 'Thank you, your idea was received',
  successBody: 'Keep this tracking code to follow your idea.',
  trackingCode: 'Tracking code',
  copy: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the code instead.',
  status: 'Status',
  receivedOn: 'Sent on',
  updatedOn: 'Updated',
  another: 'Propose another idea',
  checkHeading: 'Check an idea you sent',
  checkLabel: 'Tracking code',
  checkHint: 'E.g. K7QM-2XRP-9HWD.',
  checkButton: 'Check',
  checkNotFound: 'No idea has this tracking code.',
  helixSelf: {
    government: 'I work in government',
    academia: 'I am at a campus (student, lecturer, researcher)',
    business: 'I run or work in a business',
    community: 'I am a resident or in a community group',
    media: 'I work in the media',
  },
  ideaStatus: {
    received: 'Received',
    under_review: 'Under review',
    accepted: 'Accepted',
    rejected: 'Not taken forward',
    implemented: 'Implemented',
  },
};

const id: IdeaFormStrings = {
  heading: 'Usulkan inovasi',
  intro: 'Ceritakan masalah di kota dan usulan Anda. Isian tanpa “opsional” wajib diisi.',
  ideaSection: 'Ide Anda',
  aboutYouSection: 'Tentang Anda',
  labels: {
    title: 'Judul ide Anda',
    problem: 'Masalah apa yang Anda lihat?',
    solution: 'Apa usulan Anda?',
    benefit: 'Manfaat yang diharapkan',
    sector: 'Sektor',
    location: 'Lokasi di kota',
    helix: 'Saya…',
    name: 'Nama Anda',
    email: 'Email',
    phone: 'Telepon',
    organization: 'Organisasi',
    attachments: 'Lampiran',
    consent: 'Saya setuju dengan pemberitahuan privasi.',
  },
  hints: {
    title: '8 sampai 120 karakter.',
    problem: 'Siapa yang terdampak, di mana, seberapa sering? Minimal 30 karakter.',
    solution: 'Bagaimana cara kerjanya? Minimal 30 karakter.',
    email: 'Hanya untuk menindaklanjuti ide Anda; tidak ditampilkan.',
    phone: 'Mis. 0812 3456 7890 atau +62 812 3456 7890.',
    attachments: 'Maks. 3 berkas PNG, JPEG, WebP, atau PDF, masing-masing 5 MB.',
  },
  optional: 'opsional',
  chooseSector: 'Pilih sektor',
  counter: (count, max) => `${count} dari ${max} karakter`,
  privacyLink: 'Pemberitahuan privasi',
  required: (label) => `Isi “${label}”.`,
  choose: (label) => `Pilih jawaban untuk “${label}”.`,
  tooShort: (min, now) => `Tulis minimal ${min} karakter (sekarang ${now}).`,
  tooLong: (max, now) => `Tulis maksimal ${max} karakter (sekarang ${now}).`,
  emailInvalid: 'Masukkan alamat email seperti nama@contoh.id.',
  phoneInvalid: 'Masukkan nomor telepon seperti 0812 3456 7890.',
  consentRequired: 'Setujui pemberitahuan privasi untuk mengirim ide.',
  serverRejected: 'Mohon periksa isian ini.',
  attachmentGone: 'Lampiran hilang dari server; hapus lalu tambahkan lagi.',
  attachmentsPending: 'Tunggu unggahan selesai, atau hapus yang gagal.',
  summaryHeading: (n) => `${n} isian perlu diperbaiki`,
  attach: 'Tambah berkas',
  uploading: (name) => `Mengunggah ${name}`,
  uploaded: 'Terunggah',
  remove: (name) => `Hapus ${name}`,
  retryUpload: (name) => `Unggah ulang ${name}`,
  wrongType: (name) => `“${name}” tidak ditambahkan: hanya PNG, JPEG, WebP, atau PDF.`,
  tooLarge: (name, max) => `“${name}” tidak ditambahkan: lebih dari ${max}.`,
  tooMany: (max) => `Maksimal ${max} berkas.`,
  draftRestored: 'Draf Anda sudah dipulihkan.',
  startOver: 'Mulai dari awal',
  draftNote: 'Draf tetap di perangkat ini; sebelum dikirim, hanya judul (untuk mencari ide mirip) dan lampiran yang keluar.',
  programFor: (title, closes) => `Untuk “${title}”, dibuka sampai ${closes}.`,
  programUpcoming: (title, opens) => `“${title}” dibuka pada ${opens}.`,
  programClosed: (title, closed) => `“${title}” ditutup pada ${closed}.`,
  programWithout: 'Anda tetap bisa mengirim ide, tanpa program tersebut.',
  programMissing: 'Program yang disebut halaman ini tidak ditemukan.',
  similarHeading: 'Sudah ada inovasi yang mirip',
  similarNote: 'Silakan lihat; Anda tetap bisa mengirim ide.',
  submit: 'Kirim ide',
  sending: 'Mengirim ide Anda…',
  stillSending: (attempt) => `Masih mengirim (percobaan ke-${attempt + 1})…`,
  offline: 'Anda luring. Ide tersimpan dan dikirim saat koneksi kembali.',
  notSentYet: (reason) => `Belum terkirim. ${reason ? `${reason} ` : ''}Ide Anda tersimpan di perangkat ini; kami akan mencoba lagi.`,
  retryNow: 'Coba lagi sekarang',
  sendFailed: (reason) => `Tidak terkirim. ${reason} Tidak ada isian yang hilang.`,
  successHeading: 'Terima kasih, ide Anda sudah terkirim',
  successBody: 'Simpan kode pelacakan ini untuk mengikuti ide Anda.',
  trackingCode: 'Kode pelacakan',
  copy: 'Salin kode',
  copied: 'Tersalin',
  copyFailed: 'Gagal menyalin; pilih kodenya secara manual.',
  status: 'Status',
  receivedOn: 'Dikirim pada',
  updatedOn: 'Diperbarui',
  another: 'Usulkan ide lain',
  checkHeading: 'Periksa ide yang sudah dikirim',
  checkLabel: 'Kode pelacakan',
  checkHint: 'Mis. K7QM-2XRP-9HWD.',
  checkButton: 'Periksa',
  checkNotFound: 'Tidak ada ide dengan kode ini.',
  helixSelf: {
    government: 'Saya bekerja di pemerintahan',
    academia: 'Saya dari kampus (mahasiswa, dosen, peneliti)',
    business: 'Saya pelaku usaha atau bekerja di perusahaan',
    community: 'Saya warga atau anggota komunitas',
    media: 'Saya bekerja di media',
  },
  ideaStatus: {
    received: 'Terkirim',
    under_review: 'Sedang ditinjau',
    accepted: 'Disetujui',
    rejected: 'Tidak dilanjutkan',
    implemented: 'Diterapkan',
  },
};

export const strings: Translations<IdeaFormStrings> = { id, en };
