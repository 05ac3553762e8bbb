import type { InnovationType, ProgramKind, ProgramStatus } from '../../api/schemas.js';
import type { Translations } from '../../core/i18n/index.js';

/** Strings of `<inno-gallery>`; shared labels (helix, stage) come from core. */
export interface GalleryStrings {
  innovationsLabel: string;
  programsLabel: string;
  filters: string;
  search: string;
  searchPlaceholder: string;
  sector: string;
  stage: string;
  type: string;
  helix: string;
  year: string;
  kind: string;
  status: string;
  any: string;
  sort: string;
  sortNewest: string;
  sortTitle: string;
  view: string;
  viewGrid: string;
  viewList: string;
  activeFilters: string;
  /** Accessible name of a chip's remove button. */
  removeFilter: (label: string) => string;
  clearFilters: string;
  innovationCount: (n: number, formatted: string) => string;
  programCount: (n: number, formatted: string) => string;
  /** "Showing 25–48 of 120". */
  showing: (from: string, to: string, total: string) => string;
  emptyInnovations: string;
  emptyPrograms: string;
  emptyHint: string;
  loadMore: string;
  /** A page past the last one (an old link): back to the start. */
  firstPage: string;
  pages: string;
  page: (n: string) => string;
  previous: string;
  next: string;
  details: string;
  owner: string;
  organizer: string;
  partners: string;
  metrics: string;
  website: string;
  contact: string;
  images: string;
  started: string;
  description: string;
  eligibility: string;
  audience: string;
  sectors: string;
  programInnovations: string;
  noProgramInnovations: string;
  proposeIdea: string;
  /** "Closes 3 December 2026". */
  closes: (date: string) => string;
  opens: (date: string) => string;
  closed: (date: string) => string;
  innovationType: Record<InnovationType, string>;
  programKind: Record<ProgramKind, string>;
  programStatus: Record<ProgramStatus, string>;
}

export const strings: Translations<GalleryStrings> = {
  id: {
    innovationsLabel: 'Galeri inovasi',
    programsLabel: 'Daftar program',
    filters: 'Saring',
    search: 'Cari',
    searchPlaceholder: 'Judul, ringkasan, atau pemilik',
    sector: 'Sektor',
    stage: 'Tahap',
    type: 'Jenis',
    helix: 'Pelaku',
    year: 'Tahun',
    kind: 'Jenis program',
    status: 'Status',
    any: 'Semua',
    sort: 'Urutkan',
    sortNewest: 'Terbaru',
    sortTitle: 'Judul (A–Z)',
    view: 'Tampilan',
    viewGrid: 'Kisi',
    viewList: 'Daftar',
    activeFilters: 'Saringan aktif',
    removeFilter: (label) => `Hapus saringan: ${label}`,
    clearFilters: 'Hapus semua saringan',
    innovationCount: (n, f) => (n === 0 ? 'Tidak ada inovasi ditemukan' : `${f} inovasi ditemukan`),
    programCount: (n, f) => (n === 0 ? 'Tidak ada program ditemukan' : `${f} program ditemukan`),
    showing: (from, to, total) => `Menampilkan ${from}–${to} dari ${total}`,
    emptyInnovations: 'Tidak ada inovasi yang cocok',
    emptyPrograms: 'Tidak ada program yang cocok',
    emptyHint: 'Coba kata lain atau hapus beberapa saringan.',
    loadMore: 'Muat lebih banyak',
    firstPage: 'Ke halaman pertama',
    pages: 'Halaman',
    page: (n) => `Halaman ${n}`,
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    details: 'Rincian',
    owner: 'Pemilik',
    organizer: 'Penyelenggara',
    partners: 'Mitra',
    metrics: 'Capaian',
    website: 'Situs web',
    contact: 'Kontak',
    images: 'Gambar',
    started: 'Dimulai',
    description: 'Deskripsi',
    eligibility: 'Syarat peserta',
    audience: 'Untuk',
    sectors: 'Sektor',
    programInnovations: 'Inovasi dari program ini',
    noProgramInnovations: 'Belum ada inovasi dari program ini.',
    proposeIdea: 'Ajukan ide',
    closes: (d) => `Ditutup ${d}`,
    opens: (d) => `Dibuka ${d}`,
    closed: (d) => `Ditutup sejak ${d}`,
    innovationType: { digital: 'Digital', non_digital: 'Non-digital' },
    programKind: { challenge: 'Tantangan', incubation: 'Inkubasi', training: 'Pelatihan', funding: 'Pendanaan' },
    programStatus: { upcoming: 'Akan dibuka', open: 'Dibuka', closed: 'Ditutup' },
  },
  en: {
    innovationsLabel: 'Innovation gallery',
    programsLabel: 'Programs',
    filters: 'Filter',
    search: 'Search',
    searchPlaceholder: 'Title, summary or owner',
    sector: 'Sector',
    stage: 'Stage',
    type: 'Type',
    helix: 'Actor',
    year: 'Year',
    kind: 'Program type',
    status: 'Status',
    any: 'All',
    sort: 'Sort by',
    sortNewest: 'Newest',
    sortTitle: 'Title (A–Z)',
    view: 'View',
    viewGrid: 'Grid',
    viewList: 'List',
    activeFilters: 'Active filters',
    removeFilter: (label) => `Remove filter: ${label}`,
    clearFilters: 'Clear all filters',
    innovationCount: (n, f) => (n === 0 ? 'No innovations found' : n === 1 ? '1 innovation found' : `${f} innovations found`),
    programCount: (n, f) => (n === 0 ? 'No programs found' : n === 1 ? '1 program found' : `${f} programs found`),
    showing: (from, to, total) => `Showing ${from}–${to} of ${total}`,
    emptyInnovations: 'No innovations match',
    emptyPrograms: 'No programs match',
    emptyHint: 'Try other words or remove some filters.',
    loadMore: 'Load more',
    firstPage: 'Go to the first page',
    pages: 'Pages',
    page: (n) => `Page ${n}`,
    previous: 'Previous',
    next: 'Next',
    details: 'Details',
    owner: 'Owner',
    organizer: 'Organiser',
    partners: 'Partners',
    metrics: 'Results',
    website: 'Website',
    contact: 'Contact',
    images: 'Images',
    started: 'Started',
    description: 'Description',
    eligibility: 'Who can take part',
    audience: 'For',
    sectors: 'Sectors',
    programInnovations: 'Innovations from this program',
    noProgramInnovations: 'No innovations from this program yet.',
    proposeIdea: 'Propose an idea',
    closes: (d) => `Closes ${d}`,
    opens: (d) => `Opens ${d}`,
    closed: (d) => `Closed ${d}`,
    innovationType: { digital: 'Digital', non_digital: 'Non-digital' },
    programKind: { challenge: 'Challenge', incubation: 'Incubation', training: 'Training', funding: 'Funding' },
    programStatus: { upcoming: 'Upcoming', open: 'Open', closed: 'Closed' },
  },
};
