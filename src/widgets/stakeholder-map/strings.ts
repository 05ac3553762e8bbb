import type { Translations } from '../../core/i18n/index.js';
import type { SortKey } from './graph.js';

/** Strings of `<inno-stakeholder-map>`; shared ones (helix labels, errors) come from core. */
export interface StakeholderMapStrings {
  /** Accessible name of the whole widget. */
  title: string;
  views: string;
  /** The view switch's buttons. */
  view: Record<'network' | 'geo' | 'list', string>;
  /** Legend heading: "Filter by helix". */
  legend: string;
  /**
   * The noun after a count of stakeholders: on a legend button for screen readers ("Government
   * 12 stakeholders"), in the table's caption and the network's name ("44 stakeholders").
   */
  legendUnit: (n: number) => string;
  search: string;
  searchPlaceholder: string;
  /** Number of matches under the search box. */
  searchResults: (n: number) => string;
  noMatches: string;
  /** Below a long table: how many of the rows are shown. */
  tableShowing: (shown: string, total: string) => string;
  tableMore: (n: string) => string;
  /** The table's column headers, by the sort key of each column. */
  column: Record<SortKey, string>;
  emptyTitle: string;
  emptyText: string;
  filteredEmpty: string;
  /** Detail panel. */
  website: string;
  innovations: string;
  noInnovations: string;
  collaborators: string;
  noCollaborators: string;
  collaborations: (n: number) => string;
  /** After the count of collaborations when partners are fewer (two can work together more than once). */
  withPartners: (n: number) => string;
  /** Network view. */
  networkLabel: string;
  networkHelp: string;
  networkAlternative: string;
  zoomIn: string;
  zoomOut: string;
  zoomReset: string;
  noNeighbourThere: string;
  /** `around`: the neighbourhood of a stakeholder. */
  around: (name: string, depth: number) => string;
  /** Geographic view. */
  geoLabel: string;
  /** A cluster of markers on the map; activating it zooms in. */
  cluster: (n: number) => string;
  geoMissing: (n: number) => string;
  geoNone: string;
  geoLoadFailed: string;
}

const en: StakeholderMapStrings = {
  title: 'Innovation ecosystem',
  views: 'View',
  view: { network: 'Network', geo: 'Map', list: 'List' },
  legend: 'Show helixes',
  legendUnit: (n) => (n === 1 ? 'stakeholder' : 'stakeholders'),
  search: 'Find a stakeholder',
  searchPlaceholder: 'Name or kind',
  searchResults: (n) => (n === 1 ? '1 match' : `${n} matches`),
  noMatches: 'No stakeholder matches.',
  tableShowing: (shown, total) => `Showing ${shown} of ${total}. Search or filter by helix to find the others.`,
  tableMore: (n) => `Show ${n} more`,
  column: { name: 'Name', helix: 'Helix', kind: 'Kind', collaborations: 'Collaborations' },
  emptyTitle: 'No stakeholders yet',
  emptyText: 'When organisations are registered, they appear here with their collaborations.',
  filteredEmpty: 'No stakeholder matches these filters.',
  website: 'Website',
  innovations: 'Innovations',
  noInnovations: 'No innovations recorded.',
  collaborators: 'Works with',
  noCollaborators: 'No collaborations recorded.',
  collaborations: (n) => (n === 1 ? '1 collaboration' : `${n} collaborations`),
  withPartners: (n) => (n === 1 ? 'with 1 partner' : `with ${n} partners`),
  networkLabel: 'Collaboration network',
  networkHelp:
    'Arrow keys move to a connected stakeholder in that direction, Page Down and Page Up go through all of them by name, Enter opens the details, plus and minus zoom. Drag to pan, use the wheel or the buttons to zoom.',
  networkAlternative: 'The same stakeholders and their collaboration counts are in the list view.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Fit to view',
  noNeighbourThere: 'No connected stakeholder in that direction.',
  around: (name, depth) =>
    depth === 1 ? `Direct partners of ${name}` : `Stakeholders within ${depth} collaborations of ${name}`,
  geoLabel: 'Map of stakeholders',
  cluster: (n) => `${n} stakeholders here, zoom in`,
  geoMissing: (n) => (n === 1 ? '1 stakeholder has no location and is not on the map.' : `${n} stakeholders have no location and are not on the map.`),
  geoNone: 'None of these stakeholders has a location.',
  geoLoadFailed: 'The map could not be loaded.',
};

const id: StakeholderMapStrings = {
  title: 'Ekosistem inovasi',
  views: 'Tampilan',
  view: { network: 'Jejaring', geo: 'Peta', list: 'Daftar' },
  legend: 'Tampilkan heliks',
  legendUnit: () => 'pemangku kepentingan',
  search: 'Cari pemangku kepentingan',
  searchPlaceholder: 'Nama atau jenis',
  searchResults: (n) => `${n} hasil`,
  noMatches: 'Tidak ada yang cocok.',
  tableShowing: (shown, total) => `Menampilkan ${shown} dari ${total}. Cari atau saring menurut heliks untuk menemukan yang lain.`,
  tableMore: (n) => `Tampilkan ${n} lagi`,
  column: { name: 'Nama', helix: 'Heliks', kind: 'Jenis', collaborations: 'Kolaborasi' },
  emptyTitle: 'Belum ada pemangku kepentingan',
  emptyText: 'Organisasi yang terdaftar akan tampil di sini beserta kolaborasinya.',
  filteredEmpty: 'Tidak ada pemangku kepentingan yang cocok dengan filter ini.',
  website: 'Situs web',
  innovations: 'Inovasi',
  noInnovations: 'Belum ada inovasi tercatat.',
  collaborators: 'Berkolaborasi dengan',
  noCollaborators: 'Belum ada kolaborasi tercatat.',
  collaborations: (n) => `${n} kolaborasi`,
  withPartners: (n) => `dengan ${n} mitra`,
  networkLabel: 'Jejaring kolaborasi',
  networkHelp:
    'Tombol panah berpindah ke pemangku kepentingan yang terhubung ke arah itu, Page Down dan Page Up menelusuri semuanya menurut nama, Enter membuka rinciannya, plus dan minus memperbesar atau memperkecil. Seret untuk menggeser, gunakan roda tetikus atau tombol untuk memperbesar.',
  networkAlternative: 'Pemangku kepentingan yang sama beserta jumlah kolaborasinya ada di tampilan daftar.',
  zoomIn: 'Perbesar',
  zoomOut: 'Perkecil',
  zoomReset: 'Sesuaikan dengan layar',
  noNeighbourThere: 'Tidak ada yang terhubung ke arah itu.',
  around: (name, depth) =>
    depth === 1 ? `Mitra langsung ${name}` : `Pemangku kepentingan dalam ${depth} langkah kolaborasi dari ${name}`,
  geoLabel: 'Peta pemangku kepentingan',
  cluster: (n) => `${n} pemangku kepentingan di sini, perbesar`,
  geoMissing: (n) => `${n} pemangku kepentingan tanpa lokasi tidak tampil di peta.`,
  geoNone: 'Tidak ada pemangku kepentingan yang memiliki lokasi.',
  geoLoadFailed: 'Peta tidak dapat dimuat.',
};

export const strings: Translations<StakeholderMapStrings> = { id, en };
