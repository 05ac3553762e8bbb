import type { CoreStrings } from './en.js';

export const id: CoreStrings = {
  loading: 'Memuat…',
  retry: 'Coba lagi',
  close: 'Tutup',
  errorTitle: 'Terjadi kesalahan',
  errorNetwork: 'Server tidak dapat dihubungi. Periksa koneksi Anda.',
  errorNetworkCrossOrigin: 'Server inovasi tidak dapat dihubungi.',
  errorTimeout: 'Server terlalu lama menjawab.',
  errorBusy: (status) => `Server sedang sibuk atau dalam pemeliharaan (${status}).`,
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
  stage: { initiative: 'Inisiatif', trial: 'Uji coba', implemented: 'Penerapan' },
};
