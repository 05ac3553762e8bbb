/**
 * Property test of every response parser: arbitrary JSON and near-valid shapes (a valid
 * object with one field changed to another JSON type, deleted, or set to a hostile string)
 *
 * - fed to every response schema of src/api/shapes.ts: `safeParse` returns a success or a
 *   ZodError, and never throws;
 * - served by a real node:http server to every read method of `ApiClient` (over Node's
 *   fetch): each call resolves or rejects with an `ApiError`, never another error type.
 *
 * The arbitraries are written by hand (zod-fast-check does not support zod 4). Runs are
 * bounded: 200 cases per schema, 60 per client method.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ApiClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import * as shapes from '../../src/api/shapes.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

// ---------------------------------------------------------------------------------------
// Valid samples, one per response shape (the near-valid cases start from these).

const ref = { id: 'pemkot', name: 'Pemerintah Kota', helix: 'government' };
const image = { url: 'https://kota.example.go.id/a.png', alt: 'Gambar' };
const term = { id: 'layanan-publik', label: { id: 'Layanan Publik', en: 'Public services' }, color: '#1f5fbf' };
const summary = {
  id: 'inv-1', title: 'Judul', summary: 'Ringkasan', sector: 'layanan-publik', stage: 'trial', type: 'digital', year: 2024,
  owner: ref, image, programId: 'prog-1',
};
const innovation = {
  ...summary, description: 'Deskripsi', partners: [ref], images: [image], website: 'https://kota.example.go.id',
  contactEmail: 'inovasi@kota.example.go.id', startedOn: '2024-01-02', metrics: [{ label: 'Warga', value: '12' }],
};
const program = {
  id: 'prog-1', title: 'Tantangan', summary: 'Ringkasan', kind: 'challenge', status: 'open', organizer: ref,
  sectors: ['layanan-publik'], audience: ['community'], opensOn: '2026-01-01', closesOn: '2026-12-31',
  website: 'https://kota.example.go.id/p', image,
};
const event = {
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

const SAMPLES: Record<string, { schema: z.ZodMiniType; sample: Json }> = {
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
};

/** The building blocks and enumerations, exported as schemas too. */
const LEAF_SCHEMAS: Record<string, z.ZodMiniType> = {
  httpUrl: shapes.httpUrl, id: shapes.id, slug: shapes.slug, instant: shapes.instant, date: shapes.date,
  timeZone: shapes.timeZone, hexColor: shapes.hexColor, Helix: shapes.Helix, InnovationStage: shapes.InnovationStage,
  InnovationType: shapes.InnovationType, IdeaStatus: shapes.IdeaStatus, ProgramKind: shapes.ProgramKind, ProgramStatus: shapes.ProgramStatus,
  'text(8,120)': shapes.text(8, 120),
};

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
function anyInput(sample: Json): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue() as fc.Arbitrary<Json> },
    { weight: 6, arbitrary: nearValid(sample) },
    { weight: 1, arbitrary: fc.constantFrom<Json>(null, [], {}, '', 0, true, [sample], { items: null }, { items: {} }) },
  );
}

function isZodError(error: unknown): boolean {
  return error instanceof z.core.$ZodError;
}

function checkSchema(schema: z.ZodMiniType, input: unknown): void {
  // safeParse must never throw; a failure must carry a ZodError with issues.
  const result = schema.safeParse(input);
  if (!result.success) {
    assert.ok(isZodError(result.error), `safeParse failed with ${String(result.error)}, not a ZodError`);
    assert.ok(result.error.issues.length > 0);
  }
}

describe('every response schema: only schema errors, never another throw', () => {
  it('the valid samples are valid (so the near-valid ones are one change away)', () => {
    for (const [name, { schema, sample }] of Object.entries(SAMPLES)) {
      const result = schema.safeParse(sample);
      assert.ok(result.success, `${name}: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
    }
  });

  for (const [name, { schema, sample }] of Object.entries(SAMPLES)) {
    it(name, () => {
      fc.assert(fc.property(anyInput(sample), (input) => checkSchema(schema, input)), { numRuns: 200 });
    });
  }

  it('the building blocks and enumerations', () => {
    for (const schema of Object.values(LEAF_SCHEMAS)) {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), hostileString, fc.string({ unit: 'grapheme' })), (input) => checkSchema(schema, input)),
        { numRuns: 200 },
      );
    }
  });

  it('every object schema exported by shapes.ts is covered', () => {
    const covered = new Set(Object.values(SAMPLES).map((s) => s.schema));
    const exported = Object.entries(shapes).filter(([, v]) => v instanceof z.ZodMiniObject);
    const missing = exported.filter(([, v]) => !covered.has(v as z.ZodMiniType)).map(([k]) => k);
    assert.deepEqual(missing, []);
  });

  it('a huge list (50 000 items, some broken) is parsed item by item without throwing', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 7 ? { ...summary, id: 'bad id!' } : { ...summary, id: `i-${i}` }));
    const result = shapes.Page(shapes.InnovationSummary).safeParse({ items, total: 50_000, page: 1, pageSize: 100 });
    assert.equal(result.success, false);
    if (!result.success) assert.equal(result.error.issues.length, 50);
  });
});

// ---------------------------------------------------------------------------------------
// The client's parsing paths, over real HTTP.

/** What the server answers next: a JSON value, or raw text (not JSON). */
let nextBody: { json: unknown } | { raw: string } = { json: null };
let server: Server;
let client: ApiClient;

before(async () => {
  server = createServer((_req, res) => {
    const text = 'raw' in nextBody ? nextBody.raw : JSON.stringify(nextBody.json);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new ApiClient({ baseUrl: `http://127.0.0.1:${port}/api/v1`, timeout: 5_000 });
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const READS: Record<string, { call: (c: ApiClient) => Promise<unknown>; sample: Json }> = {
  getTaxonomy: { call: (c) => c.getTaxonomy(), sample: SAMPLES.Taxonomy!.sample },
  listInnovations: { call: (c) => c.listInnovations({ page: 1 }), sample: SAMPLES['Page<InnovationSummary>']!.sample },
  getInnovation: { call: (c) => c.getInnovation('inv-1'), sample: innovation },
  listPrograms: { call: (c) => c.listPrograms(), sample: SAMPLES['Page<Program>']!.sample },
  getProgram: { call: (c) => c.getProgram('prog-1'), sample: SAMPLES.ProgramDetail!.sample },
  listEvents: { call: (c) => c.listEvents({ from: '2026-11-01', to: '2026-12-01' }), sample: SAMPLES.EventList!.sample },
  getEvent: { call: (c) => c.getEvent('ev-1'), sample: event },
  listStakeholders: { call: (c) => c.listStakeholders(), sample: SAMPLES.StakeholderGraph!.sample },
  getStakeholder: { call: (c) => c.getStakeholder('pemkot'), sample: SAMPLES.StakeholderDetail!.sample },
  getIdeaStatus: { call: (c) => c.getIdeaStatus('K7QM-4XRT'), sample: SAMPLES.IdeaStatusView!.sample },
};

const body = (sample: Json): fc.Arbitrary<{ json: unknown } | { raw: string }> =>
  fc.oneof(
    { weight: 9, arbitrary: anyInput(sample).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('', '{', '[1,', 'NaN', '<html>', '\uFEFF{}')).map((raw) => ({ raw })) },
  );

describe('ApiClient read methods: resolve, or reject with an ApiError', () => {
  // Node reports an unhandled rejection as a test failure; record them to name the case.
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // Skipped list items are reported with console.warn: thousands of lines here.
  const warn = console.warn;
  before(() => {
    process.on('unhandledRejection', onUnhandled);
    console.warn = () => undefined;
  });
  after(() => {
    process.off('unhandledRejection', onUnhandled);
    console.warn = warn;
  });

  for (const [name, { call, sample }] of Object.entries(READS)) {
    it(name, async () => {
      nextBody = { json: sample };
      await call(client); // the valid sample goes through
      await fc.assert(
        fc.asyncProperty(body(sample), async (answer) => {
          nextBody = answer;
          try {
            await call(client);
          } catch (error) {
            assert.ok(error instanceof ApiError, `${name} rejected with ${String(error)}, not an ApiError`);
            assert.ok(['invalid-response'].includes(error.kind), `${name}: unexpected kind ${error.kind}`);
          }
        }),
        { numRuns: 60 },
      );
      assert.deepEqual(unhandled, []);
    });
  }

  it('a list of 50 000 items through listInnovations: the broken ones skipped, the rest kept', async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 7 ? { ...summary, id: 'bad id!' } : { ...summary, id: `i-${i}` }));
    nextBody = { json: { items, total: 50_000, page: 1, pageSize: 100 } };
    const result = await client.listInnovations({ page: 2 });
    assert.equal(result.items.length, 49_950);
    assert.equal(result.skipped.length, 50);
  });
});
