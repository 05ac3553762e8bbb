import type { CoreStrings } from './en.js';

export const id: CoreStrings = {
  loading: 'Memuat…',
  retry: 'Coba lagi',
  close: 'Tutup',
  errorTitle: 'Terjadi kesalahan',
  errorNetwork: 'Server tidak dapat dihubungi. Periksa koneksi Anda.',
  errorNetworkCrossOrigin: 'Server inovasi tidak dapat dihubungi. Jika ini terus terjadi, mungkin server belum mengizinkan situs ini.',
  errorTimeout: 'Server terlalu lama menjawab.',
  errorServer: (status) => `Server menjawab dengan galat (${status}).`,
  errorInvalid: 'Server mengirim data yang tidak dapat dibaca halaman ini.',
  errorNotFound: 'Data ini tidak ada (lagi).',
  errorRateLimited: (seconds) =>
    seconds === undefined ? 'Terlalu banyak permintaan. Mohon tunggu sebentar.' : `Terlalu banyak permintaan. Coba lagi dalam ${seconds} detik.`,
  configTitle: 'Widget ini belum diatur',
  configMissingApiBase: (tag) =>
    `Tambahkan api-base="https://…/api/v1" pada <${tag}>, atau bungkus dengan <inno-provider api-base="…">.`,
  skippedItems: (n) => `${n} data tidak dapat ditampilkan.`,
  opensInNewTab: '(terbuka di tab baru)',
  helix: {
    government: 'Pemerintah',
    academia: 'Akademisi',
    business: 'Bisnis',
    community: 'Komunitas',
    media: 'Media',
  },
  helixSelf: {
    government: 'Saya bekerja di pemerintahan',
    academia: 'Saya dari kampus (mahasiswa, dosen, peneliti)',
    business: 'Saya pelaku usaha atau bekerja di perusahaan',
    community: 'Saya warga atau anggota komunitas',
    media: 'Saya bekerja di media',
  },
  stage: { initiative: 'Inisiatif', trial: 'Uji coba', implemented: 'Penerapan' },
  innovationType: { digital: 'Digital', non_digital: 'Non-digital' },
  ideaStatus: {
    received: 'Diterima',
    under_review: 'Sedang ditinjau',
    accepted: 'Disetujui',
    rejected: 'Tidak dilanjutkan',
    implemented: 'Diterapkan',
  },
  programKind: { challenge: 'Tantangan', incubation: 'Inkubasi', training: 'Pelatihan', funding: 'Pendanaan' },
  programStatus: { upcoming: 'Akan dibuka', open: 'Dibuka', closed: 'Ditutup' },
};
