/**
 * Public reads: taxonomy, innovations, programs, events, stakeholders, images, OpenAPI,
 * with their filters, limits, status codes, ETags and problem answers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  EventList, Innovation, InnovationSummary, Page, Program, ProgramDetail, StakeholderDetail, StakeholderGraph, Taxonomy,
} from '../../src/api/schemas.js';
import { todayIn } from '../../server/time.js';
import { problemOf, startApi, type RunningApi } from './helpers.js';

let api: RunningApi;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

async function getJson<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.infer<S>> {
  const res = await fetch(`${api.base}${path}`);
  assert.equal(res.status, 200, `${path}: ${res.status} ${await res.clone().text()}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return z.parse(schema, await res.json());
}

async function expectProblem(path: string, status: number): Promise<Awaited<ReturnType<typeof problemOf>>> {
  const res = await fetch(`${api.base}${path}`);
  assert.equal(res.status, status, `${path} answered ${res.status}`);
  const problem = await problemOf(res);
  assert.equal(problem.status, status);
  return problem;
}

describe('taxonomy', () => {
  test('sectors, event categories with colours, and the five helixes in two languages', async () => {
    const t = await getJson('/taxonomy', Taxonomy);
    assert.ok(t.sectors.length >= 8);
    assert.ok(t.eventCategories.length >= 5);
    assert.ok(t.eventCategories.every((c) => c.color));
    assert.deepEqual(t.helixes.map((h) => h.id), ['government', 'academia', 'business', 'community', 'media']);
    assert.ok(t.sectors.every((s) => s.label.id && s.label.en));
  });
});

describe('innovations', () => {
  const InnovationPage = Page(InnovationSummary);

  test('a default page of 24, newest first, with absolute image URLs', async () => {
    const page = await getJson('/innovations', InnovationPage);
    assert.equal(page.page, 1);
    assert.equal(page.pageSize, 24);
    assert.equal(page.items.length, 24);
    assert.ok(page.total >= 60);
    const years = page.items.map((i) => i.year);
    assert.deepEqual(years, [...years].sort((a, b) => b - a));
    assert.ok(page.items.every((i) => i.image?.url.startsWith(`${api.base}/images/`)));
  });

  test('the demo spans every stage, both types and 2019–2026', async () => {
    const all = await getJson('/innovations?pageSize=100', InnovationPage);
    assert.deepEqual(new Set(all.items.map((i) => i.stage)), new Set(['initiative', 'trial', 'implemented']));
    assert.deepEqual(new Set(all.items.map((i) => i.type)), new Set(['digital', 'non_digital']));
    for (let year = 2019; year <= 2026; year++) assert.ok(all.items.some((i) => i.year === year), `year ${year}`);
  });

  test('pages do not overlap and pageSize is 1..100', async () => {
    const one = await getJson('/innovations?pageSize=10&page=1', InnovationPage);
    const two = await getJson('/innovations?pageSize=10&page=2', InnovationPage);
    assert.equal(two.page, 2);
    assert.equal(new Set([...one.items, ...two.items].map((i) => i.id)).size, 20);
    await expectProblem('/innovations?pageSize=101', 400);
    await expectProblem('/innovations?pageSize=0', 400);
    await expectProblem('/innovations?page=0', 400);
    await expectProblem('/innovations?sort=random', 400);
    await expectProblem('/innovations?colour=red', 400);
  });

  test('sort=title is alphabetical', async () => {
    const page = await getJson('/innovations?sort=title&pageSize=100', InnovationPage);
    const titles = page.items.map((i) => i.title.toLowerCase());
    assert.deepEqual(titles, [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test('q is case- and accent-insensitive over title, summary and owner name', async () => {
    const byTitle = await getJson(`/innovations?q=${encodeURIComponent('POSYANDU')}`, InnovationPage);
    assert.ok(byTitle.items.some((i) => i.title.includes('Posyandu')));
    const accented = await getJson(`/innovations?q=${encodeURIComponent('pósyándu')}`, InnovationPage);
    assert.deepEqual(accented.items.map((i) => i.id), byTitle.items.map((i) => i.id));
    const bySummary = await getJson(`/innovations?q=${encodeURIComponent('tengkes')}`, InnovationPage);
    assert.ok(bySummary.total >= 1);
    const byOwner = await getJson(`/innovations?q=${encodeURIComponent('sinar data')}`, InnovationPage);
    assert.ok(byOwner.total >= 1);
    assert.ok(byOwner.items.every((i) => i.owner.name === 'PT Sinar Data Nusantara' || /sinar data/i.test(`${i.title} ${i.summary}`)));
    const wildcard = await getJson(`/innovations?q=${encodeURIComponent('%')}`, InnovationPage);
    assert.equal(wildcard.total, 0);
  });

  test('filters: sector, stage, type, helix, year, owner (owner or partner), program', async () => {
    const check = async (query: string, ok: (i: z.infer<typeof InnovationSummary>) => boolean) => {
      const page = await getJson(`/innovations?pageSize=100&${query}`, InnovationPage);
      assert.ok(page.total > 0, query);
      assert.ok(page.items.every(ok), query);
      return page;
    };
    await check('sector=health', (i) => i.sector === 'health');
    await check('stage=trial', (i) => i.stage === 'trial');
    await check('type=digital', (i) => i.type === 'digital');
    await check('helix=academia', (i) => i.owner.helix === 'academia');
    await check('year=2021', (i) => i.year === 2021);
    await check('program=pr-tantangan-layanan', (i) => i.programId === 'pr-tantangan-layanan');
    const owned = await getJson('/innovations?pageSize=100&owner=sh-sinardata', InnovationPage);
    const asOwner = owned.items.filter((i) => i.owner.id === 'sh-sinardata').length;
    assert.ok(asOwner > 0 && asOwner < owned.total, 'owner includes innovations it partners in');
    const detail = await getJson(`/innovations/${owned.items.find((i) => i.owner.id !== 'sh-sinardata')!.id}`, Innovation);
    assert.ok(detail.partners.some((p) => p.id === 'sh-sinardata'));
  });

  test('detail with partners, images and description; 404 problem for an unknown id', async () => {
    const innovation = await getJson('/innovations/inv-001', Innovation);
    assert.ok(innovation.partners.length >= 1);
    assert.ok(innovation.images.length >= 1);
    assert.ok(innovation.description.length > innovation.summary.length);
    await expectProblem('/innovations/inv-999', 404);
  });
});

describe('programs', () => {
  const ProgramPage = Page(Program);
  const rank = { open: 0, upcoming: 1, closed: 2 } as const;

  test('open ones first, then upcoming, then closed, each status derived from today in Jakarta', async () => {
    const page = await getJson('/programs?pageSize=100', ProgramPage);
    assert.ok(page.total >= 8);
    const ranks = page.items.map((p) => rank[p.status]);
    assert.deepEqual(ranks, [...ranks].sort());
    const today = todayIn('Asia/Jakarta', Date.now());
    for (const p of page.items) {
      const expected = today < p.opensOn ? 'upcoming' : today > p.closesOn ? 'closed' : 'open';
      assert.equal(p.status, expected, p.id);
    }
    assert.deepEqual(new Set(page.items.map((p) => p.kind)), new Set(['challenge', 'incubation', 'training', 'funding']));
    assert.deepEqual(new Set(page.items.map((p) => p.status)), new Set(['open', 'upcoming', 'closed']));
  });

  test('filters: status, kind, organizer, sector, audience, q', async () => {
    const open = await getJson('/programs?status=open', ProgramPage);
    assert.ok(open.items.length > 0 && open.items.every((p) => p.status === 'open'));
    const funding = await getJson('/programs?kind=funding', ProgramPage);
    assert.ok(funding.items.length > 0 && funding.items.every((p) => p.kind === 'funding'));
    const brida = await getJson('/programs?organizer=sh-brida', ProgramPage);
    assert.ok(brida.items.length > 0 && brida.items.every((p) => p.organizer.id === 'sh-brida'));
    const env = await getJson('/programs?sector=environment', ProgramPage);
    assert.ok(env.items.length > 0 && env.items.every((p) => p.sectors.includes('environment')));
    const q = await getJson(`/programs?q=${encodeURIComponent('INKUBATOR')}`, ProgramPage);
    assert.ok(q.items.some((p) => p.id === 'pr-inkubator-4'));
    const all = await getJson('/programs?pageSize=100', ProgramPage);
    const students = await getJson('/programs?audience=academia&pageSize=100', ProgramPage);
    assert.deepEqual(
      students.items.map((p) => p.id),
      all.items.filter((p) => p.audience.includes('academia')).map((p) => p.id),
      'exactly the programs open to academia, in the same order',
    );
    assert.ok(students.items.length > 0 && students.items.length < all.items.length);
    await expectProblem('/programs?status=ongoing', 400);
    await expectProblem('/programs?audience=students', 400);
  });

  test('a bad parameter is named with what it may be', async () => {
    const messages = async (path: string) => ((await expectProblem(path, 400)) as { errors?: { path: string; message: string }[] }).errors ?? [];
    assert.deepEqual(await messages('/programs?pageSize=1000'), [{ path: 'pageSize', code: 'too_big', message: 'Too big: expected number to be <=100' }]);
    const [status] = await messages('/programs?status=ongoing');
    assert.match(status!.message, /^Invalid option: expected one of "\w+"\|"\w+"\|"\w+"$/);
    for (const value of ['open', 'upcoming', 'closed']) assert.ok(status!.message.includes(`"${value}"`));
  });

  test('status follows the clock in the city zone', async () => {
    let clock = Date.now();
    const timed = await startApi({ now: () => clock });
    try {
      const status = async () => ((await (await fetch(`${timed.base}/programs/pr-tantangan-layanan`)).json()) as Program).status;
      const { closesOn } = (await (await fetch(`${timed.base}/programs/pr-tantangan-layanan`)).json()) as Program;
      // 16:59 UTC is 23:59 in Jakarta on the closing day; a minute later it is the next day there.
      clock = Date.parse(`${closesOn}T16:59:00Z`);
      assert.equal(await status(), 'open');
      clock += 60_000;
      assert.equal(await status(), 'closed');
    } finally {
      await timed.close();
    }
  });

  test('detail with description and its innovations; 404 for an unknown id', async () => {
    const program = await getJson('/programs/pr-tantangan-layanan', ProgramDetail);
    assert.ok(program.description);
    assert.ok(program.innovations.length > 0);
    assert.ok(program.innovations.every((i) => i.programId === program.id));
    await expectProblem('/programs/pr-nope', 404);
  });
});

describe('events', () => {
  const DAY = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  test('from and to are required, ordered, and at most 366 days apart', async () => {
    await expectProblem('/events', 400);
    await expectProblem('/events?from=2025-01-01', 400);
    await expectProblem('/events?from=2025-02-01&to=2025-01-01', 400);
    await expectProblem('/events?from=2025-01-01&to=2026-01-03', 400);
    await expectProblem('/events?from=yesterday&to=2025-01-01', 400);
    await getJson('/events?from=2025-01-01&to=2026-01-02', EventList);
    // An unencoded `+` in an offset is read back as the plus it was.
    await getJson('/events?from=2025-01-01T00:00:00+07:00&to=2025-02-01T00:00:00+07:00', EventList);
  });

  test('the demo has 30+ events over three months: series, multi-day, all-day, online and hybrid', async () => {
    const now = Date.now();
    const { items } = await getJson(`/events?from=${iso(now - 31 * DAY)}&to=${iso(now + 61 * DAY)}`, EventList);
    assert.ok(items.length >= 30, `${items.length} events`);
    assert.ok(new Set(items.filter((e) => e.seriesId).map((e) => e.seriesId)).size >= 2);
    assert.ok(items.some((e) => e.allDay));
    assert.ok(items.some((e) => Date.parse(e.end) - Date.parse(e.start) > DAY));
    assert.ok(items.some((e) => e.onlineUrl && !e.location));
    assert.ok(items.some((e) => e.onlineUrl && e.location));
    assert.ok(items.some((e) => e.programId));
    const starts = items.map((e) => Date.parse(e.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  test('only occurrences overlapping [from, to) are returned', async () => {
    const now = Date.now();
    const from = now - 10 * DAY;
    const to = now + 10 * DAY;
    const { items } = await getJson(`/events?from=${iso(from)}&to=${iso(to)}`, EventList);
    assert.ok(items.length > 0);
    for (const e of items) assert.ok(Date.parse(e.start) < to && Date.parse(e.end) > from, e.id);
  });

  test('a weekly 09:00 Asia/Jakarta series stays 09:00 local across a month boundary', async () => {
    api.api.store.insertEvent({
      id: 'ev-test-weekly', title: 'Rapat mingguan uji', description: 'Uji seri mingguan.',
      startLocal: '2025-10-14T09:00:00', endLocal: '2025-10-14T10:30:00', allDay: false, timeZone: 'Asia/Jakarta',
      rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=10', category: 'workshop',
    });
    const { items } = await getJson('/events?from=2025-10-20T00:00:00%2B07:00&to=2025-11-20T00:00:00%2B07:00', EventList);
    const series = items.filter((e) => e.seriesId === 'ev-test-weekly');
    assert.deepEqual(series.map((e) => e.start), [
      '2025-10-21T09:00:00+07:00', '2025-10-28T09:00:00+07:00', '2025-11-04T09:00:00+07:00',
      '2025-11-11T09:00:00+07:00', '2025-11-18T09:00:00+07:00',
    ]);
    assert.ok(series.every((e) => e.end.endsWith('T10:30:00+07:00') && e.timeZone === 'Asia/Jakarta'));
    assert.equal(new Set(series.map((e) => e.id)).size, series.length);
    // Each occurrence can be fetched by its own id.
    const one = await getJson(`/events/${series[2]!.id}`, z.object({ id: z.string(), start: z.string(), seriesId: z.string() }));
    assert.equal(one.start, '2025-11-04T09:00:00+07:00');
    await expectProblem('/events/ev-test-weekly_20251105T0900', 404);
  });

  test('filters: category, organizer, program, q', async () => {
    const now = Date.now();
    const range = `from=${iso(now - 60 * DAY)}&to=${iso(now + 90 * DAY)}`;
    const workshops = await getJson(`/events?${range}&category=workshop`, EventList);
    assert.ok(workshops.items.length > 0 && workshops.items.every((e) => e.category === 'workshop'));
    const brida = await getJson(`/events?${range}&organizer=sh-brida`, EventList);
    assert.ok(brida.items.length > 0 && brida.items.every((e) => e.organizer?.id === 'sh-brida'));
    const program = await getJson(`/events?${range}&program=pr-tantangan-layanan`, EventList);
    assert.ok(program.items.length > 0 && program.items.every((e) => e.programId === 'pr-tantangan-layanan'));
    const q = await getJson(`/events?${range}&q=${encodeURIComponent('festival')}`, EventList);
    assert.ok(q.items.length > 0 && q.items.every((e) => /festival/i.test(`${e.title} ${e.description}`)));
  });

  test('a single event by id; 404 for an unknown one', async () => {
    const e = await getJson('/events/ev-festival-inovasi', z.object({ id: z.string(), allDay: z.boolean(), start: z.string(), end: z.string() }));
    assert.equal(e.allDay, true);
    assert.match(e.start, /T00:00:00\+07:00$/);
    await expectProblem('/events/ev-nope', 404);
  });
});

describe('stakeholders', () => {
  test('40+ stakeholders over all five helixes inside the city, 80+ collaborations', async () => {
    const graph = await getJson('/stakeholders', StakeholderGraph);
    assert.ok(graph.items.length >= 40);
    assert.equal(new Set(graph.items.map((s) => s.helix)).size, 5);
    assert.ok(graph.links.length >= 80);
    assert.ok(graph.items.every((s) => s.location && Math.abs(s.location.lat + 6.24) < 0.1 && Math.abs(s.location.lng - 106.99) < 0.1));
    assert.ok(graph.items.every((s) => s.logo?.url.startsWith('http')));
  });

  test('helix and q filter; links only between returned stakeholders', async () => {
    const media = await getJson('/stakeholders?helix=media', StakeholderGraph);
    assert.ok(media.items.length > 0 && media.items.every((s) => s.helix === 'media'));
    const ids = new Set(media.items.map((s) => s.id));
    assert.ok(media.links.every((l) => ids.has(l.source) && ids.has(l.target)));
    const q = await getJson(`/stakeholders?q=${encodeURIComponent('dinas KESEHATAN')}`, StakeholderGraph);
    assert.deepEqual(q.items.map((s) => s.id), ['sh-dinkes']);
  });

  test('around and depth: a breadth-first neighbourhood', async () => {
    const all = await getJson('/stakeholders', StakeholderGraph);
    const neighbours = new Set<string>();
    for (const l of all.links) {
      if (l.source === 'sh-dinkes') neighbours.add(l.target);
      if (l.target === 'sh-dinkes') neighbours.add(l.source);
    }
    const one = await getJson('/stakeholders?around=sh-dinkes', StakeholderGraph);
    assert.deepEqual(new Set(one.items.map((s) => s.id)), new Set(['sh-dinkes', ...neighbours]));
    const ids = new Set(one.items.map((s) => s.id));
    assert.ok(one.links.every((l) => ids.has(l.source) && ids.has(l.target)));
    const two = await getJson('/stakeholders?around=sh-dinkes&depth=2', StakeholderGraph);
    assert.ok(two.items.length > one.items.length);
    assert.ok(one.items.every((s) => two.items.some((t) => t.id === s.id)));
    await expectProblem('/stakeholders?around=sh-dinkes&depth=4', 400);
    await expectProblem('/stakeholders?around=sh-nope', 400);
  });

  test('detail with its innovations; 404 for an unknown id', async () => {
    const s = await getJson('/stakeholders/sh-dinkes', StakeholderDetail);
    assert.equal(s.innovations.length, s.innovationCount);
    await expectProblem('/stakeholders/sh-nope', 404);
  });
});

describe('HTTP behaviour', () => {
  test('GETs carry an ETag and Cache-Control; If-None-Match gets 304', async () => {
    for (const path of ['/taxonomy', '/innovations?pageSize=5', '/programs', '/stakeholders', '/events.ics']) {
      const first = await fetch(`${api.base}${path}`);
      const etag = first.headers.get('etag');
      assert.ok(etag, path);
      assert.ok(first.headers.get('cache-control'), path);
      const second = await fetch(`${api.base}${path}`, { headers: { 'If-None-Match': etag } });
      assert.equal(second.status, 304, path);
      assert.equal(await second.text(), '');
      const other = await fetch(`${api.base}${path}`, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200, path);
    }
  });

  test('reused answers never outlive a content change', async () => {
    const path = '/events?from=2024-03-01&to=2024-03-31';
    assert.equal((await getJson(path, EventList)).items.length, 0);
    assert.equal((await getJson(path, EventList)).items.length, 0);
    api.api.store.insertEvent({
      id: 'ev-test-cache', title: 'Acara uji tembolok', description: 'Uji.', startLocal: '2024-03-05T10:00:00',
      endLocal: '2024-03-05T11:00:00', allDay: false, timeZone: 'Asia/Jakarta', category: 'seminar',
    });
    assert.deepEqual((await getJson(path, EventList)).items.map((e) => e.id), ['ev-test-cache']);
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await fetch(`${api.base}/taxonomy`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('etag'));
  });

  test('unknown paths are 404 problems and wrong methods 405 with Allow', async () => {
    await expectProblem('/nope', 404);
    const res = await fetch(`${api.base}/innovations`, { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /GET/);
    assert.equal((await problemOf(res)).status, 405);
  });

  test('generated images are SVG, nosniff, and exist only for known subjects', async () => {
    const res = await fetch(`${api.base}/images/innovation/inv-001.svg`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await res.text(), /^<svg /);
    assert.equal((await fetch(`${api.base}/images/logo/sh-dinkes.svg`)).status, 200);
    assert.equal((await fetch(`${api.base}/images/innovation/inv-001--2.svg`)).status, 200);
    assert.equal((await fetch(`${api.base}/images/logo/sh-nope.svg`)).status, 404);
    assert.equal((await fetch(`${api.base}/images/other/x.svg`)).status, 404);
  });

  test('GET /openapi.json serves the OpenAPI 3.1 document', async () => {
    const res = await fetch(`${api.base}/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\.1/);
    assert.ok(Object.keys(doc.paths).some((p) => p.includes('innovations')));
  });
});
