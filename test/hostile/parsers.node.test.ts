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
import { anyInput, event, hostileString, innovation, leavesOf, samplesOf, summary, type Json } from '../support/response-samples.js';

const SAMPLES = samplesOf(shapes);
const LEAF_SCHEMAS = leavesOf(shapes);

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
