/**
 * The browser's zod/mini stand-in (src/api/zod-lite.ts) against real zod.
 *
 * The schema modules are bundled the way the script-tag build bundles them (esbuild with
 * scripts/zod-lite.ts resolving `zod/mini`), and imported beside the same modules running on
 * real zod. Both builds of every schema a browser runs get the same inputs: the valid
 * samples, arbitrary JSON, near-valid shapes and hostile strings (fast-check). The results
 * must be equal: success, the parsed value, and every issue with all its details, in order.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { build } from 'esbuild';
import fc from 'fast-check';
import * as z from 'zod/mini';
import * as realRequests from '../../src/api/requests.js';
import * as realShapes from '../../src/api/shapes.js';
import type * as Lite from '../../src/api/zod-lite.js';
import { ZOD_LITE, zodLiteEsbuild } from '../../scripts/zod-lite.js';
import { anyInput, hostileString, leavesOf, samplesOf, type Json } from '../support/response-samples.js';

interface Built {
  shapes: typeof realShapes;
  requests: typeof realRequests;
  lite: typeof Lite;
  /** The files esbuild put in the bundle. */
  inputs: string[];
}

let lite: Built;

before(async () => {
  const root = new URL('../../', import.meta.url).pathname;
  const result = await build({
    stdin: {
      contents: [
        "export * as shapes from './src/api/shapes.ts';",
        "export * as requests from './src/api/requests.ts';",
        "export * as lite from 'zod/mini';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    plugins: [zodLiteEsbuild],
    logLevel: 'silent',
  });
  const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.contents).toString('base64')}`;
  lite = { ...((await import(url)) as Omit<Built, 'inputs'>), inputs: Object.keys(result.metafile.inputs) };
});

type Outcome = { success: true; data: unknown } | { success: false; issues: unknown[] };

function outcome(schema: { safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, input: unknown): Outcome {
  const result = schema.safeParse(input);
  // JSON round trip: real zod's issues are plain objects too, but compare only what can be said in JSON.
  return result.success ? { success: true, data: result.data } : { success: false, issues: JSON.parse(JSON.stringify(result.error!.issues)) as unknown[] };
}

function same(name: string, real: z.ZodMiniType, stand: unknown, input: unknown): void {
  const expected = outcome(real, input);
  const actual = outcome(stand as z.ZodMiniType, input);
  assert.deepStrictEqual(actual, expected, `${name} differs on ${JSON.stringify(input)?.slice(0, 300)}`);
}

const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 150 }),
  fc.string({ unit: 'binary', maxLength: 150 }),
  hostileString,
  fc.string({ maxLength: 40 }).map((s) => `  ${s}\t`),
);

describe('zod-lite: the browser build', () => {
  it('bundles no part of zod', () => {
    assert.ok(lite.inputs.some((f) => ZOD_LITE.endsWith(f)), 'the stand-in is in the bundle');
    assert.deepEqual(lite.inputs.filter((f) => f.includes('node_modules/zod')), []);
  });

  it("uses zod's own patterns for email, date and date-time", () => {
    const pattern = (schema: z.ZodMiniType): string => String((schema as unknown as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern);
    assert.equal(String(lite.lite.EMAIL), pattern(z.email()));
    assert.equal(String(lite.lite.DATE), pattern(z.iso.date()));
    assert.equal(String(lite.lite.DATETIME_OFFSET), pattern(z.iso.datetime({ offset: true })));
  });
});

describe('zod-lite: every response shape gives what real zod gives', () => {
  const real = samplesOf(realShapes);
  for (const name of Object.keys(real)) {
    it(name, () => {
      const stand = samplesOf(lite.shapes)[name]!.schema;
      const { schema, sample } = real[name]!;
      same(name, schema, stand, sample);
      fc.assert(fc.property(anyInput(sample), (input) => same(name, schema, stand, input)), { numRuns: 300 });
    });
  }

  it('the building blocks and enumerations', () => {
    const real = leavesOf(realShapes);
    const stand = leavesOf(lite.shapes);
    for (const name of Object.keys(real)) {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), unicodeText, fc.webUrl(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (input) =>
          same(name, real[name]!, stand[name], input),
        ),
        { numRuns: 300 },
      );
    }
  });

  it('URLs: schemes, spaces, tabs and case', () => {
    const urls = [
      'https://kota.example.go.id/a', 'HTTPS://KOTA.EXAMPLE/', ' https://x.id ', 'https://exa\nmple.com/', 'http:example.com',
      'https:/path', 'javascript:alert(1)', 'JavaScript://x', 'data:text/html,x', 'ftp://x.id', 'https://', 'https://x y',
      'https://[::1]/', 'https://ü.example/', 'https://x.id/\u202E', '\thttps://x.id', 'https://x.id\u0000',
    ];
    for (const url of urls) same(url, realShapes.httpUrl, lite.shapes.httpUrl, url);
  });
});

describe('zod-lite: the idea form request gives what real zod gives', () => {
  const valid = {
    title: 'Aplikasi antrean puskesmas',
    problem: 'Warga menunggu berjam-jam di puskesmas tanpa tahu giliran mereka.',
    solution: 'Nomor antrean daring dengan perkiraan waktu, lewat WhatsApp dan situs.',
    benefit: 'Waktu tunggu lebih singkat.',
    sector: 'layanan-publik',
    location: 'Bekasi Timur',
    submitter: { name: 'Siti Rahma', email: 'siti@example.id', phone: '0812 3456 7890', helix: 'community', organization: 'RW 05' },
    attachments: ['up-1'],
    consent: true,
    website: '',
  } satisfies Json;

  it('the whole body', () => {
    same('IdeaSubmission', realRequests.IdeaSubmission, lite.requests.IdeaSubmission, valid);
    fc.assert(
      fc.property(anyInput(valid), (input) => same('IdeaSubmission', realRequests.IdeaSubmission, lite.requests.IdeaSubmission, input)),
      { numRuns: 500 },
    );
  });

  it('extra keys, too many attachments', () => {
    const cases: Json[] = [
      { ...valid, extra: 1 },
      { ...valid, submitter: { ...valid.submitter, extra: 'x' } },
      { ...valid, attachments: ['a', 'b', 'c', 'd'] },
      { ...valid, attachments: ['a', 'b', 'c', 'bad id!'] },
      { ...valid, attachments: [1, 2, 3, 4, 5] },
      { ...valid, consent: false, title: 'short', extra: true },
    ];
    for (const input of cases) same('IdeaSubmission', realRequests.IdeaSubmission, lite.requests.IdeaSubmission, input);
  });

  it('each field as the form checks it', () => {
    const fields = { ...realRequests.IdeaSubmission.shape, ...realRequests.Submitter.shape };
    const standFields = { ...lite.requests.IdeaSubmission.shape, ...lite.requests.Submitter.shape };
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      fc.assert(
        fc.property(fc.oneof(unicodeText, fc.emailAddress(), fc.jsonValue()), (input) => same(key, fields[key], standFields[key], input)),
        { numRuns: 200 },
      );
    }
  });
});

describe('zod-lite: fields and items keep to their own issues', () => {
  // The stand-in lets an object's fields and an array's items share their parent's list of
  // issues. A field that stops (`continue: false`) must not stop a sibling's checks.
  const schemas = (zz: typeof z) => ({
    record: zz.object({ n: zz.int(), s: zz.string().check(zz.maxLength(3)), o: zz.optional(zz.object({ n: zz.int(), s: zz.string().check(zz.maxLength(1)) })) }),
    list: zz.array(zz.object({ a: zz.array(zz.int()).check(zz.maxLength(2)), b: zz.string().check(zz.maxLength(2)) })),
  });
  const real = schemas(z);
  let stand: ReturnType<typeof schemas>;
  before(() => {
    stand = schemas(lite.lite as unknown as typeof z);
  });

  it('siblings after a stopping issue', () => {
    const cases: Json[] = [
      { n: 1.5, s: 'too long' },
      { n: 1.5, s: 'ok', o: { n: 0.5, s: 'xy' } },
      { n: 2, s: 'long!', o: { n: 1e300, s: 'xyz' } },
    ];
    for (const input of cases) same('record', real.record, stand.record, input);
    same('list', real.list, stand.list, [{ a: [1, 2, 3], b: 'xyz' }, { a: [0.5], b: 'toolong' }, { a: 'x', b: 1 }]);
  });

  it('arbitrary values', () => {
    const value = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.constant(undefined), fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 4 }));
    fc.assert(
      fc.property(fc.record({ n: value, s: value, o: fc.oneof(fc.constant(undefined), fc.record({ n: value, s: value })) }, { requiredKeys: [] }), (input) =>
        same('record', real.record, stand.record, input)),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.array(fc.record({ a: value, b: value }), { maxLength: 4 }), (input) => same('list', real.list, stand.list, input)), { numRuns: 300 });
  });
});
