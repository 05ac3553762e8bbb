import type { Translations } from '../../core/i18n/index.js';

/** Keys of the fields a citizen fills in (the error summary and server errors use them too). */
export type FieldKey =
  | 'title' | 'problem' | 'solution' | 'benefit' | 'sector' | 'location'
  | 'helix' | 'name' | 'email' | 'phone' | 'organization' | 'attachments' | 'consent';

export interface IdeaFormStrings {
  heading: string;
  intro: string;
  requiredNote: string;
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
  attachmentsBusy: string;
  attachmentsFailed: string;
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
  draftRestored: (when: string) => string;
  startOver: string;
  draftNote: string;
  // program
  programFor: (title: string, closes: string) => string;
  programUpcoming: (title: string, opens: string) => string;
  programClosed: (title: string, closed: string) => string;
  programWithout: string;
  programMissing: string;
  programLoading: string;
  // similar innovations
  similarHeading: string;
  similarNote: string;
  similarBy: (owner: string, year: number) => string;
  // sending
  submit: string;
  sending: string;
  stillSending: (attempt: number) => string;
  offline: string;
  notSentYet: (reason: string) => string;
  willRetry: string;
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
  checkInvalid: string;
  checkResult: (title: string) => string;
  loading: string;
}

const en: IdeaFormStrings = {
  heading: 'Propose an innovation',
  intro: 'Tell us about a problem in the city and how you would solve it. Anyone may take part.',
  requiredNote: 'Fields without “optional” are required.',
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
    consent: 'I agree that my idea and contact details are processed as described in the privacy notice.',
  },
  hints: {
    title: 'A short name, 8 to 120 characters.',
    problem: 'Who is affected, where and how often? At least 30 characters.',
    solution: 'How would it work, and who could help? At least 30 characters.',
    benefit: 'What would change for the people affected?',
    location: 'A district, street or place, if it matters.',
    email: 'Only used to follow up on your idea; never shown in public.',
    phone: 'Indonesian or international, e.g. 0812 3456 7890 or +62 812 3456 7890.',
    attachments: 'Up to 3 files: PNG, JPEG, WebP or PDF, at most 5 MB each.',
  },
  optional: 'optional',
  chooseSector: 'Choose a sector',
  counter: (count, max) => `${count} of ${max} characters`,
  privacyLink: 'Read the privacy notice',
  required: (label) => `Fill in “${label}”.`,
  choose: (label) => `Choose an answer for “${label}”.`,
  tooShort: (min, now) => `Write at least ${min} characters (now ${now}).`,
  tooLong: (max, now) => `Write at most ${max} characters (now ${now}).`,
  emailInvalid: 'Enter an email address such as nama@contoh.id.',
  phoneInvalid: 'Enter a phone number such as 0812 3456 7890 or +62 812 3456 7890.',
  consentRequired: 'Agree to the privacy notice to send your idea.',
  serverRejected: 'The server did not accept this value. Please check it.',
  attachmentGone: 'An attachment is no longer on the server. Remove it and attach it again.',
  attachmentsBusy: 'Wait until the attachments have finished uploading.',
  attachmentsFailed: 'Remove the attachments that failed, or try them again.',
  summaryHeading: (n) => (n === 1 ? 'There is 1 problem to fix' : `There are ${n} problems to fix`),
  attach: 'Add files',
  uploading: (name) => `Uploading ${name}`,
  uploaded: 'Uploaded',
  remove: (name) => `Remove ${name}`,
  retryUpload: (name) => `Upload ${name} again`,
  wrongType: (name) => `“${name}” was not added: only PNG, JPEG, WebP or PDF files are accepted.`,
  tooLarge: (name, max) => `“${name}” was not added: a file may be at most ${max}.`,
  tooMany: (max) => `At most ${max} files can be attached.`,
  draftRestored: (when) => `We restored your draft, last saved ${when}. It is kept only on this device.`,
  startOver: 'Start over',
  draftNote:
    'Your draft is kept only on this device as you type. The title is used to look for similar innovations and attachments are uploaded when you add them; nothing else is sent until you press “Send idea”.',
  programFor: (title, closes) => `For the program “${title}”, open for ideas until ${closes}.`,
  programUpcoming: (title, opens) => `The program “${title}” opens for ideas on ${opens}.`,
  programClosed: (title, closed) => `The program “${title}” closed on ${closed}.`,
  programWithout: 'You can still send your idea; it will not be part of the program.',
  programMissing: 'The program this page refers to could not be found.',
  programLoading: 'Loading the program…',
  similarHeading: 'Similar innovations already exist',
  similarNote: 'Have a look; you can still send your idea.',
  similarBy: (owner, year) => `${owner}, ${year}`,
  submit: 'Send idea',
  sending: 'Sending your idea…',
  stillSending: (attempt) => `Still sending (attempt ${attempt + 1})…`,
  offline: 'You are offline. Your idea is kept on this device and will be sent when the connection returns.',
  notSentYet: (reason) => `Your idea has not been sent yet. ${reason}`,
  willRetry: 'It is kept on this device, and we will try again by ourselves.',
  retryNow: 'Try again now',
  sendFailed: (reason) => `Your idea could not be sent. ${reason} Nothing you typed was lost.`,
  successHeading: 'Thank you, your idea was received',
  successBody: 'Keep this tracking code to follow your idea.',
  trackingCode: 'Tracking code',
  copy: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Could not copy; select the code and copy it by hand.',
  status: 'Status',
  receivedOn: 'Received',
  updatedOn: 'Last update',
  another: 'Propose another idea',
  checkHeading: 'Check an idea you sent',
  checkLabel: 'Tracking code',
  checkHint: 'For example K7QM-2XRP-9HWD.',
  checkButton: 'Check status',
  checkNotFound: 'No idea has this tracking code. Check it and try again.',
  checkInvalid: 'A tracking code has 12 letters and digits, for example K7QM-2XRP-9HWD.',
  checkResult: (title) => `“${title}”`,
  loading: 'Loading…',
};

const id: IdeaFormStrings = {
  heading: 'Usulkan inovasi',
  intro: 'Ceritakan masalah di kota dan bagaimana Anda akan menyelesaikannya. Siapa pun boleh ikut.',
  requiredNote: 'Isian tanpa tanda “opsional” wajib diisi.',
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
    consent: 'Saya setuju ide dan data kontak saya diproses sesuai pemberitahuan privasi.',
  },
  hints: {
    title: 'Nama singkat, 8 sampai 120 karakter.',
    problem: 'Siapa yang terdampak, di mana, dan seberapa sering? Minimal 30 karakter.',
    solution: 'Bagaimana cara kerjanya, dan siapa yang bisa membantu? Minimal 30 karakter.',
    benefit: 'Apa yang akan berubah bagi warga yang terdampak?',
    location: 'Kecamatan, jalan, atau tempat, bila relevan.',
    email: 'Hanya dipakai untuk menindaklanjuti ide Anda; tidak pernah ditampilkan.',
    phone: 'Nomor Indonesia atau internasional, mis. 0812 3456 7890 atau +62 812 3456 7890.',
    attachments: 'Paling banyak 3 berkas: PNG, JPEG, WebP, atau PDF, masing-masing maks. 5 MB.',
  },
  optional: 'opsional',
  chooseSector: 'Pilih sektor',
  counter: (count, max) => `${count} dari ${max} karakter`,
  privacyLink: 'Baca pemberitahuan privasi',
  required: (label) => `Isi “${label}”.`,
  choose: (label) => `Pilih jawaban untuk “${label}”.`,
  tooShort: (min, now) => `Tulis minimal ${min} karakter (sekarang ${now}).`,
  tooLong: (max, now) => `Tulis maksimal ${max} karakter (sekarang ${now}).`,
  emailInvalid: 'Masukkan alamat email seperti nama@contoh.id.',
  phoneInvalid: 'Masukkan nomor telepon seperti 0812 3456 7890 atau +62 812 3456 7890.',
  consentRequired: 'Setujui pemberitahuan privasi untuk mengirim ide Anda.',
  serverRejected: 'Server tidak menerima isian ini. Mohon periksa kembali.',
  attachmentGone: 'Sebuah lampiran sudah tidak ada di server. Hapus lalu lampirkan lagi.',
  attachmentsBusy: 'Tunggu sampai lampiran selesai diunggah.',
  attachmentsFailed: 'Hapus lampiran yang gagal, atau coba unggah lagi.',
  summaryHeading: (n) => `Ada ${n} isian yang perlu diperbaiki`,
  attach: 'Tambah berkas',
  uploading: (name) => `Mengunggah ${name}`,
  uploaded: 'Terunggah',
  remove: (name) => `Hapus ${name}`,
  retryUpload: (name) => `Unggah ulang ${name}`,
  wrongType: (name) => `“${name}” tidak ditambahkan: hanya berkas PNG, JPEG, WebP, atau PDF yang diterima.`,
  tooLarge: (name, max) => `“${name}” tidak ditambahkan: ukuran berkas maksimal ${max}.`,
  tooMany: (max) => `Paling banyak ${max} berkas dapat dilampirkan.`,
  draftRestored: (when) => `Draf Anda, terakhir disimpan ${when}, sudah dipulihkan. Draf hanya disimpan di perangkat ini.`,
  startOver: 'Mulai dari awal',
  draftNote:
    'Draf hanya disimpan di perangkat ini selagi Anda mengetik. Judul dipakai untuk mencari inovasi yang mirip dan lampiran diunggah saat ditambahkan; selain itu tidak ada yang dikirim sebelum Anda menekan “Kirim ide”.',
  programFor: (title, closes) => `Untuk program “${title}”, menerima ide sampai ${closes}.`,
  programUpcoming: (title, opens) => `Program “${title}” mulai menerima ide pada ${opens}.`,
  programClosed: (title, closed) => `Program “${title}” sudah ditutup pada ${closed}.`,
  programWithout: 'Anda tetap bisa mengirim ide; ide tidak akan masuk ke program tersebut.',
  programMissing: 'Program yang dirujuk halaman ini tidak ditemukan.',
  programLoading: 'Memuat program…',
  similarHeading: 'Sudah ada inovasi yang mirip',
  similarNote: 'Silakan lihat; Anda tetap bisa mengirim ide Anda.',
  similarBy: (owner, year) => `${owner}, ${year}`,
  submit: 'Kirim ide',
  sending: 'Mengirim ide Anda…',
  stillSending: (attempt) => `Masih mengirim (percobaan ke-${attempt + 1})…`,
  offline: 'Anda sedang luring. Ide Anda tersimpan di perangkat ini dan akan dikirim saat koneksi kembali.',
  notSentYet: (reason) => `Ide Anda belum terkirim. ${reason}`,
  willRetry: 'Ide tetap tersimpan di perangkat ini, dan kami akan mencoba lagi secara otomatis.',
  retryNow: 'Coba lagi sekarang',
  sendFailed: (reason) => `Ide Anda tidak dapat dikirim. ${reason} Tidak ada isian yang hilang.`,
  successHeading: 'Terima kasih, ide Anda sudah diterima',
  successBody: 'Simpan kode pelacakan ini untuk mengikuti perkembangan ide Anda.',
  trackingCode: 'Kode pelacakan',
  copy: 'Salin kode',
  copied: 'Tersalin',
  copyFailed: 'Gagal menyalin; pilih kode lalu salin secara manual.',
  status: 'Status',
  receivedOn: 'Diterima',
  updatedOn: 'Pembaruan terakhir',
  another: 'Usulkan ide lain',
  checkHeading: 'Periksa ide yang sudah dikirim',
  checkLabel: 'Kode pelacakan',
  checkHint: 'Contoh: K7QM-2XRP-9HWD.',
  checkButton: 'Periksa status',
  checkNotFound: 'Tidak ada ide dengan kode pelacakan ini. Periksa lalu coba lagi.',
  checkInvalid: 'Kode pelacakan terdiri dari 12 huruf dan angka, contoh: K7QM-2XRP-9HWD.',
  checkResult: (title) => `“${title}”`,
  loading: 'Memuat…',
};

export const strings: Translations<IdeaFormStrings> = { id, en };
