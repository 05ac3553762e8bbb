/**
 * The gallery's filter state, and how it is written to and read from the page URL:
 * query parameters under a prefix (`ig-q`, `ig-sector`, …; `igp-` for programs) holding only
 * what differs from the element's presets, so a shared link reproduces the view and an
 * explicit "no sector" (`ig-sector=`) survives even when the page presets one.
 */
import {
  HELIXES, INNOVATION_STAGES, INNOVATION_TYPES, PROGRAM_KINDS, PROGRAM_STATUSES,
} from '../../api/shapes.js';

export const FILTER_KEYS = ['q', 'sector', 'stage', 'type', 'helix', 'year', 'kind', 'status', 'audience', 'sort', 'page'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string>;

/** The facets a reader can set and remove as chips, per collection (order of the chips). */
export const FACETS = {
  innovations: ['q', 'sector', 'stage', 'type', 'helix', 'year'],
  programs: ['q', 'kind', 'status', 'audience', 'sector'],
} as const satisfies Record<string, readonly FilterKey[]>;

/** Two galleries on one page (innovations and programs) keep their parameters apart. */
export const URL_PREFIX = { innovations: 'ig-', programs: 'igp-' } as const;
type Collection = keyof typeof URL_PREFIX;

/** What a collection keeps in the URL: its facets, then sort (innovations only) and page. */
function urlKeys(collection: Collection): readonly FilterKey[] {
  return collection === 'programs' ? [...FACETS.programs, 'page'] : [...FACETS.innovations, 'sort', 'page'];
}

const oneOf = (values: readonly string[]) => (v: string) => v === '' || values.includes(v);

/** What a value from a URL or an attribute may be; anything else is ignored, never sent. */
const VALID: Record<FilterKey, (value: string) => boolean> = {
  q: (v) => v.length <= 200,
  sector: (v) => v === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v),
  stage: oneOf(INNOVATION_STAGES),
  type: oneOf(INNOVATION_TYPES),
  helix: oneOf(HELIXES),
  year: (v) => v === '' || /^(19|2[0-2])\d\d$/.test(v),
  kind: oneOf(PROGRAM_KINDS),
  status: oneOf(PROGRAM_STATUSES),
  audience: oneOf(HELIXES),
  sort: (v) => v === 'newest' || v === 'title',
  page: (v) => /^[1-9]\d{0,4}$/.test(v),
};

export function isValid(key: FilterKey, value: string): boolean {
  return VALID[key](value);
}

export function emptyFilters(): Filters {
  return { q: '', sector: '', stage: '', type: '', helix: '', year: '', kind: '', status: '', audience: '', sort: 'newest', page: '1' };
}

/** The presets, overridden by whatever the URL says (valid values only). */
export function readUrl(search: string, presets: Filters, collection: Collection): Filters {
  const params = new URLSearchParams(search);
  const filters = { ...presets };
  for (const key of urlKeys(collection)) {
    const value = params.get(URL_PREFIX[collection] + key);
    if (value !== null && isValid(key, value.trim())) filters[key] = value.trim();
  }
  return filters;
}

/** The page URL with the filters written into it (other parameters and the hash kept). */
export function writeUrl(href: string, filters: Filters, presets: Filters, collection: Collection): string {
  const url = new URL(href);
  const prefix = URL_PREFIX[collection];
  for (const key of urlKeys(collection)) {
    if (filters[key] === presets[key]) url.searchParams.delete(prefix + key);
    else url.searchParams.set(prefix + key, filters[key]);
  }
  return url.href;
}

/** `#innovation=<id>` or `#program=<id>` → the id, when the hash names this collection. */
export function hashTarget(hash: string, collection: 'innovations' | 'programs'): string | undefined {
  const name = collection === 'programs' ? 'program' : 'innovation';
  const match = new RegExp(`^#${name}=([A-Za-z0-9_-]{1,64})$`).exec(hash);
  return match?.[1];
}

export function hashFor(collection: 'innovations' | 'programs', id: string): string {
  return `#${collection === 'programs' ? 'program' : 'innovation'}=${id}`;
}
