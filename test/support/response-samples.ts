/**
 * Valid samples of every response shape, and arbitraries around them (fast-check, written by
 * hand: zod-fast-check does not support zod 4): arbitrary JSON, near-valid shapes (one node of a
 * valid value replaced, deleted or made hostile) and hostile strings.
 *
 * Used by the hostile suite's parser property test and by the test that holds the browser's
 * zod stand-in to real zod (test/api/zod-lite.node.test.ts). `samplesOf` takes the shapes
 * module, so that the same samples can be paired with either build of the schemas.
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import type * as Shapes from '../../src/api/shapes.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HOSTILE_STRINGS = [
  '<img src=x onerror="globalThis.__pwned=1">',
  '<script>globalThis.__pwned=2</script>',
  '\u202Eevil\u202C',
  'x'.repeat(10_000),
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '',
  ' ',
  '\u0000',
  '\uD800',
  '9999-99-99',
  'Not/AZone',
  '1e400',
];

export const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

// ---------------------------------------------------------------------------------------
// Valid samples, one per response shape (the near-valid cases start from these).

const ref = { id: 'pemkot', name: 'Pemerintah Kota', helix: 'government' };
const image = { url: 'https://kota.example.go.id/a.png', alt: 'Gambar' };
const term = { id: 'layanan-publik', label: { id: 'Layanan Publik', en: 'Public services' }, color: '#1f5fbf' };
export const summary = {
  id: 'inv-1', title: 'Judul', summary: 'Ringkasan', sector: 'layanan-publik', stage: 'trial', type: 'digital', year: 2024,
  owner: ref, image, programId: 'prog-1',
};
export const innovation = {
  ...summary, description: 'Deskripsi', partners: [ref], images: [image], website: 'https://kota.example.go.id',
  contactEmail: 'inovasi@kota.example.go.id', startedOn: '2024-01-02', metrics: [{ label: 'Warga', value: '12' }],
};
const program = {
  id: 'prog-1', title: 'Tantangan', summary: 'Ringkasan', kind: 'challenge', status: 'open', organizer: ref,
  sectors: ['layanan-publik'], audience: ['community'], opensOn: '2026-01-01', closesOn: '2026-12-31',
  website: 'https://kota.example.go.id/p', image,
};
export const event = {
  id: 'ev-1', title: 'Forum', description: 'Deskripsi', start: '2026-11-13T09:00:00+07:00', end: '2026-11-13T11:00:00+07:00',
  allDay: false, timeZone: 'Asia/Jakarta', category: 'forum',
  location: { name: 'Balai Kota', address: 'Jl. Merdeka 1', lat: -6.2, lng: 106.8 },
  onlineUrl: 'https://meet.example.id/x', organizer: ref, registrationUrl: 'https://daftar.example.id', seriesId: 's-1', programId: 'prog-1',
};
const stakeholder = {
  id: 'pemkot', name: 'Pemerintah Kota', helix: 'government', kind: 'Dinas', description: 'Deskripsi',
  website: 'https://kota.example.go.id', logo: image, location: { lat: -6.2, lng: 106.8, address: 'Jl. Merdeka 1' }, innovationCount: 3,
};
const link = { source: 'pemkot', target: 'univ', kind: 'partner', innovationId: 'inv-1', weight: 2 };

/** One valid sample per response shape of `shapes`. */
export const samplesOf = (shapes: typeof Shapes): Record<string, { schema: z.ZodMiniType; sample: Json }> => ({
  LocalizedLabel: { schema: shapes.LocalizedLabel, sample: term.label },
  Term: { schema: shapes.Term, sample: term },
  Taxonomy: { schema: shapes.Taxonomy, sample: { sectors: [term], eventCategories: [{ ...term, id: 'forum' }], helixes: [{ ...term, id: 'government' }] } },
  Image: { schema: shapes.Image, sample: image },
  StakeholderRef: { schema: shapes.StakeholderRef, sample: ref },
  InnovationSummary: { schema: shapes.InnovationSummary, sample: summary },
  Metric: { schema: shapes.Metric, sample: { label: 'Warga', value: '12' } },
  Innovation: { schema: shapes.Innovation, sample: innovation },
  'Page<InnovationSummary>': { schema: shapes.Page(shapes.InnovationSummary), sample: { items: [summary], total: 1, page: 1, pageSize: 24 } },
  'Page<Program>': { schema: shapes.Page(shapes.Program), sample: { items: [program], total: 1, page: 1, pageSize: 24 } },
  IdeaReceipt: { schema: shapes.IdeaReceipt, sample: { id: 'idea-1', trackingCode: 'K7QM-4XRT', status: 'received', createdAt: '2026-11-27T09:00:00+07:00' } },
  IdeaStatusView: {
    schema: shapes.IdeaStatusView,
    sample: { trackingCode: 'K7QM-4XRT', title: 'Ide', status: 'under_review', createdAt: '2026-11-27T09:00:00+07:00', updatedAt: '2026-11-28T09:00:00Z' },
  },
  Upload: { schema: shapes.Upload, sample: { id: 'up-1', url: 'https://kota.example.go.id/u/1', contentType: 'image/png', size: 100 } },
  Program: { schema: shapes.Program, sample: program },
  ProgramDetail: { schema: shapes.ProgramDetail, sample: { ...program, description: 'Deskripsi', eligibility: 'Warga', innovations: [summary] } },
  EventLocation: { schema: shapes.EventLocation, sample: event.location },
  Event: { schema: shapes.Event, sample: event },
  EventList: { schema: shapes.EventList, sample: { items: [event] } },
  Stakeholder: { schema: shapes.Stakeholder, sample: stakeholder },
  Collaboration: { schema: shapes.Collaboration, sample: link },
  StakeholderGraph: { schema: shapes.StakeholderGraph, sample: { items: [stakeholder, { ...stakeholder, id: 'univ' }], links: [link] } },
  StakeholderDetail: { schema: shapes.StakeholderDetail, sample: { ...stakeholder, innovations: [summary] } },
  FieldError: { schema: shapes.FieldError, sample: { path: 'submitter.email', code: 'invalid_format', message: 'Invalid email' } },
  Problem: {
    schema: shapes.Problem,
    sample: { type: 'about:blank', title: 'Invalid', status: 422, detail: 'x', errors: [{ path: 'title', code: 'too_small', message: 'short' }] },
  },
});

/** The building blocks and enumerations, exported as schemas too. */
export const leavesOf = (shapes: typeof Shapes): Record<string, z.ZodMiniType> => ({
  httpUrl: shapes.httpUrl, id: shapes.id, slug: shapes.slug, instant: shapes.instant, date: shapes.date,
  timeZone: shapes.timeZone, hexColor: shapes.hexColor, Helix: shapes.Helix, InnovationStage: shapes.InnovationStage,
  InnovationType: shapes.InnovationType, IdeaStatus: shapes.IdeaStatus, ProgramKind: shapes.ProgramKind, ProgramStatus: shapes.ProgramStatus,
  'text(8,120)': shapes.text(8, 120),
});

// ---------------------------------------------------------------------------------------
// Near-valid arbitraries: one node of a valid value replaced, deleted or made hostile.

type Path = (string | number)[];

function paths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

type Mutation = { op: 'replace'; value: Json } | { op: 'delete' };

function mutate(value: Json, path: Path, mutation: Mutation): Json {
  const copy = structuredClone(value);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key]!;
  const last = path.at(-1)!;
  if (Array.isArray(parent)) {
    if (mutation.op === 'delete') parent.splice(last as number, 1);
    else parent[last as number] = mutation.value;
  } else {
    const record = parent as Record<string, Json>;
    if (mutation.op === 'delete') delete record[last];
    else record[last] = mutation.value;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ op: 'delete' }),
  hostileString.map<Mutation>((value) => ({ op: 'replace', value })),
  fc.oneof<fc.Arbitrary<Json>[]>(fc.constant(null), fc.boolean(), fc.double(), fc.integer(), fc.string(), fc.constant<Json>([]), fc.constant<Json>({}), fc.jsonValue() as fc.Arbitrary<Json>)
    .map<Mutation>((value) => ({ op: 'replace', value })),
);

function nearValid(sample: Json): fc.Arbitrary<Json> {
  const all = paths(sample);
  return fc.tuple(fc.nat({ max: all.length - 1 }), mutation).map(([i, m]) => mutate(sample, all[i]!, m));
}

/** Arbitrary JSON, near-valid shapes of `sample`, and a huge list now and then. */
export function anyInput(sample: Json): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue() as fc.Arbitrary<Json> },
    { weight: 6, arbitrary: nearValid(sample) },
    { weight: 1, arbitrary: fc.constantFrom<Json>(null, [], {}, '', 0, true, [sample], { items: null }, { items: {} }) },
  );
}
