/**
 * Public read-only routes: taxonomy, innovations, programs, events, stakeholders,
 * generated images and the OpenAPI document. None of them ever returns personal data.
 */
import {
  EventQuery, IcsQuery, InnovationQuery, ProgramQuery, StakeholderQuery,
  type Collaboration, type Event, type Image, type Innovation, type InnovationSummary, type Program,
  type Stakeholder,
} from '../../src/api/schemas.js';
import { absolute, type RequestContext } from '../context.js';
import { etagOf, sendEntity, sendJson } from '../http.js';
import { buildCalendar } from '../ics.js';
import { coverSvg, logoSvg } from '../images.js';
import { fieldProblem, HttpProblem } from '../problem.js';
import { expandSeries, occurrenceAt, type Occurrence } from '../recurrence.js';
import type { Router } from '../router.js';
import type { EventRecord } from '../store.js';
import { floating, formatInstant, formatWall, fromFloating, parseWall, todayIn, wallToInstant } from '../time.js';
import { parseOr } from '../validation.js';

const DEFAULT_PAGE_SIZE = 24;
const DAY_MS = 86_400_000;
/** Public data may sit in shared caches, but must be revalidated (cheap, thanks to ETags). */
const PUBLIC = 'public, no-cache';

function notFound(what: string): HttpProblem {
  return new HttpProblem(404, { type: 'not-found', detail: `There is no ${what} with this id.` });
}

function image(ctx: RequestContext, img: Image | undefined): Image | undefined {
  return img ? { url: absolute(ctx, img.url), alt: img.alt } : undefined;
}

function summaryOut<T extends InnovationSummary>(ctx: RequestContext, s: T): T {
  if (!s.image) return s;
  return { ...s, image: image(ctx, s.image) };
}

function innovationOut(ctx: RequestContext, i: Innovation): Innovation {
  return { ...summaryOut(ctx, i), images: i.images.map((img) => image(ctx, img)!) };
}

function programOut<T extends Program>(ctx: RequestContext, p: T): T {
  return p.image ? { ...p, image: image(ctx, p.image) } : p;
}

function stakeholderOut<T extends Stakeholder>(ctx: RequestContext, s: T): T {
  return s.logo ? { ...s, logo: image(ctx, s.logo) } : s;
}

function pageOf(page: number | undefined, pageSize: number | undefined) {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  const number = page ?? 1;
  return { page: number, pageSize: size, offset: (number - 1) * size, limit: size };
}

// ---------------------------------------------------------------------------------------
// Events

/** An occurrence id: the series id and the local start, e.g. `ev-klinik_20251104T0900`. */
function occurrenceId(seriesId: string, floatingStart: number): string {
  return `${seriesId}_${formatWall(fromFloating(floatingStart)).replace(/[-:]/g, '').slice(0, 13)}`;
}

function eventOut(e: EventRecord, occurrence?: Occurrence): Event {
  const startMs = occurrence?.startMs ?? wallToInstant(parseWall(e.startLocal), e.timeZone);
  const endMs = occurrence?.endMs ?? wallToInstant(parseWall(e.endLocal), e.timeZone);
  const out: Event = {
    id: occurrence ? occurrenceId(e.id, occurrence.floatingStart) : e.id,
    title: e.title,
    description: e.description,
    start: formatInstant(startMs, e.timeZone),
    end: formatInstant(endMs, e.timeZone),
    allDay: e.allDay,
    timeZone: e.timeZone,
    category: e.category,
  };
  if (e.location) out.location = e.location;
  if (e.onlineUrl) out.onlineUrl = e.onlineUrl;
  if (e.organizer) out.organizer = e.organizer;
  if (e.registrationUrl) out.registrationUrl = e.registrationUrl;
  if (occurrence) out.seriesId = e.id;
  if (e.programId) out.programId = e.programId;
  return out;
}

/** Every occurrence overlapping `[fromMs, toMs)`, series expanded, in start order. */
export function eventsBetween(records: readonly EventRecord[], fromMs: number, toMs: number): Event[] {
  const out: { startMs: number; event: Event }[] = [];
  for (const record of records) {
    if (record.rrule) {
      for (const o of expandSeries(record as EventRecord & { rrule: string }, fromMs, toMs)) {
        out.push({ startMs: o.startMs, event: eventOut(record, o) });
      }
    } else {
      out.push({ startMs: wallToInstant(parseWall(record.startLocal), record.timeZone), event: eventOut(record) });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.event.id.localeCompare(b.event.id)).map((o) => o.event);
}

function findEvent(ctx: RequestContext, id: string): Event {
  const store = ctx.parts.store;
  const direct = store.getEvent(id);
  if (direct && !direct.rrule) return eventOut(direct);
  if (direct?.rrule) {
    // A series asked for by its own id: its next occurrence, else its first.
    const now = ctx.parts.now();
    const series = direct as EventRecord & { rrule: string };
    const next = expandSeries(series, now, now + 366 * DAY_MS)[0];
    const first = occurrenceAt(series, floating(parseWall(direct.startLocal)));
    const pick = next ?? first;
    if (pick) return eventOut(direct, pick);
    throw notFound('event');
  }
  const m = /^(.+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})$/.exec(id);
  const series = m ? store.getEvent(m[1]!) : undefined;
  if (m && series?.rrule) {
    const at = Date.UTC(Number(m[2]), Number(m[3]) - 1, Number(m[4]), Number(m[5]), Number(m[6]));
    const occurrence = occurrenceAt(series as EventRecord & { rrule: string }, at);
    if (occurrence) return eventOut(series, occurrence);
  }
  throw notFound('event');
}

// ---------------------------------------------------------------------------------------
// Stakeholder neighbourhoods

/** Ids within `depth` collaborations of `start`: breadth-first over one adjacency map. */
export function neighbourhood(links: readonly Collaboration[], start: string, depth: number): Set<string> {
  const adjacency = new Map<string, string[]>();
  const connect = (a: string, b: string) => {
    const list = adjacency.get(a);
    if (list) list.push(b);
    else adjacency.set(a, [b]);
  };
  for (const link of links) {
    connect(link.source, link.target);
    connect(link.target, link.source);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of adjacency.get(id) ?? []) {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

// ---------------------------------------------------------------------------------------

/**
 * Answers a public GET from the response cache, or computes, caches and sends it. Only
 * for routes whose body depends on nothing but the URL, the origin, the store's content
 * and today's date in the city.
 */
function cachedJson(ctx: RequestContext, compute: () => unknown): void {
  const { responseCache, store } = ctx.parts;
  const version = responseCache ? store.contentVersion?.() : undefined;
  if (!responseCache || version === undefined) {
    sendJson(ctx.req, ctx.res, compute(), { cacheControl: PUBLIC });
    return;
  }
  const key = `${version}|${todayIn(ctx.parts.cityTimeZone, ctx.parts.now())}|${ctx.apiBase}|${ctx.req.url}`;
  let answer = responseCache.get(key);
  if (!answer) {
    const body = JSON.stringify(compute());
    answer = { body, etag: etagOf(body) };
    responseCache.set(key, answer);
  }
  sendEntity(ctx.req, ctx.res, answer.body, { cacheControl: PUBLIC, etag: answer.etag });
}

/** The OpenAPI document per API root (`/api/v1`, or with the public path prefix in front). */
const openApiDocuments = new Map<string, Promise<string>>();

export function publicRoutes(router: Router<RequestContext>): void {
  router.add('GET', '/taxonomy', (ctx) => {
    cachedJson(ctx, () => ctx.parts.store.taxonomy());
  });

  router.add('GET', '/innovations', (ctx) => {
    cachedJson(ctx, () => {
      const q = parseOr(InnovationQuery, ctx.query, 400);
      const paging = pageOf(q.page, q.pageSize);
      const result = ctx.parts.store.listInnovations({
        q: q.q, sector: q.sector, stage: q.stage, type: q.type, helix: q.helix, year: q.year,
        owner: q.owner, program: q.program, sort: q.sort ?? 'newest', offset: paging.offset, limit: paging.limit,
      });
      return {
        items: result.items.map((s) => summaryOut(ctx, s)), total: result.total, page: paging.page, pageSize: paging.pageSize,
      };
    });
  });

  router.add('GET', '/innovations/:id', (ctx, { id }) => {
    cachedJson(ctx, () => {
      const innovation = ctx.parts.store.getInnovation(id!);
      if (!innovation) throw notFound('innovation');
      return innovationOut(ctx, innovation);
    });
  });

  router.add('GET', '/programs', (ctx) => {
    cachedJson(ctx, () => {
      const q = parseOr(ProgramQuery, ctx.query, 400);
      const paging = pageOf(q.page, q.pageSize);
      const result = ctx.parts.store.listPrograms({
        q: q.q, kind: q.kind, status: q.status, organizer: q.organizer, sector: q.sector, audience: q.audience,
        today: todayIn(ctx.parts.cityTimeZone, ctx.parts.now()), offset: paging.offset, limit: paging.limit,
      });
      return {
        items: result.items.map((p) => programOut(ctx, p)), total: result.total, page: paging.page, pageSize: paging.pageSize,
      };
    });
  });

  router.add('GET', '/programs/:id', (ctx, { id }) => {
    cachedJson(ctx, () => {
      const program = ctx.parts.store.getProgram(id!, todayIn(ctx.parts.cityTimeZone, ctx.parts.now()));
      if (!program) throw notFound('program');
      const out = programOut(ctx, program);
      return { ...out, innovations: out.innovations.map((s) => summaryOut(ctx, s)) };
    });
  });

  router.add('GET', '/events', (ctx) => {
    cachedJson(ctx, () => {
      // A hand-written `from=…T00:00:00+07:00` arrives with its unencoded `+` read as a space;
      // an instant never contains a space, so it can only have been that plus.
      const query = { ...ctx.query };
      for (const key of ['from', 'to'] as const) {
        const value = query[key];
        if (typeof value === 'string') query[key] = value.replace(/ (\d{2}:\d{2})$/, '+$1');
      }
      const q = parseOr(EventQuery, query, 400);
      const fromMs = Date.parse(q.from);
      const toMs = Date.parse(q.to);
      if (!(toMs > fromMs)) throw fieldProblem(400, 'to', 'too_small', '`to` must be after `from`');
      if (toMs - fromMs > 366 * DAY_MS) throw fieldProblem(400, 'to', 'too_big', '`from` and `to` may be at most 366 days apart');
      const records = ctx.parts.store.findEvents({
        fromMs, toMs, category: q.category, organizer: q.organizer, program: q.program, q: q.q,
      });
      return { items: eventsBetween(records, fromMs, toMs) };
    });
  });

  router.add('GET', '/events.ics', (ctx) => {
    const q = parseOr(IcsQuery, ctx.query, 400);
    const now = ctx.parts.now();
    const records = ctx.parts.store.findEvents({ fromMs: now, toMs: now + 366 * DAY_MS, category: q.category });
    const taxonomy = ctx.parts.store.taxonomy();
    const body = buildCalendar(records, {
      name: 'Agenda inovasi',
      categoryLabels: new Map(taxonomy.eventCategories.map((t) => [t.id, t.label.id])),
      nowMs: now,
      uidDomain: new URL(ctx.apiBase).hostname,
    });
    sendEntity(ctx.req, ctx.res, body, {
      contentType: 'text/calendar; charset=utf-8',
      cacheControl: PUBLIC,
      headers: { 'Content-Disposition': 'inline; filename="agenda-inovasi.ics"' },
    });
  });

  router.add('GET', '/events/:id', (ctx, { id }) => {
    sendJson(ctx.req, ctx.res, findEvent(ctx, id!), { cacheControl: PUBLIC });
  });

  router.add('GET', '/stakeholders', (ctx) => {
    cachedJson(ctx, () => {
      const q = parseOr(StakeholderQuery, ctx.query, 400);
      const store = ctx.parts.store;
      let items = store.listStakeholders({ helix: q.helix, q: q.q });
      const links = store.collaborations();
      if (q.around !== undefined) {
        if (!store.getStakeholder(q.around)) throw fieldProblem(400, 'around', 'not_found', 'There is no stakeholder with this id');
        const near = neighbourhood(links, q.around, q.depth ?? 1);
        items = items.filter((s) => near.has(s.id));
      }
      const returned = new Set(items.map((s) => s.id));
      return {
        items: items.map((s) => stakeholderOut(ctx, s)),
        links: links.filter((l) => returned.has(l.source) && returned.has(l.target)),
      };
    });
  });

  router.add('GET', '/stakeholders/:id', (ctx, { id }) => {
    cachedJson(ctx, () => {
      const stakeholder = ctx.parts.store.getStakeholder(id!);
      if (!stakeholder) throw notFound('stakeholder');
      const out = stakeholderOut(ctx, stakeholder);
      return { ...out, innovations: out.innovations.map((s) => summaryOut(ctx, s)) };
    });
  });

  router.add('GET', '/images/:kind/:file', (ctx, { kind, file }) => {
    const m = /^([A-Za-z0-9_-]{1,64})\.svg$/.exec(file!);
    if (!m || (kind !== 'innovation' && kind !== 'program' && kind !== 'logo')) throw notFound('image');
    // `inv-001--2` is a second picture of `inv-001`: same subject, other shapes.
    const subject = ctx.parts.store.imageSubject(kind, m[1]!.replace(/--\d+$/, ''));
    if (!subject) throw notFound('image');
    const svg = kind === 'logo' ? logoSvg(subject) : coverSvg(m[1]!, subject);
    sendEntity(ctx.req, ctx.res, svg, {
      contentType: 'image/svg+xml; charset=utf-8',
      cacheControl: 'public, max-age=86400',
      headers: {
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'Cross-Origin-Resource-Policy': 'cross-origin',
      },
    });
  });

  router.add('GET', '/openapi.json', async (ctx) => {
    // Loaded on first use: building the document is work most requests never need.
    // `servers` is the path the public reaches the API at, so tools resolve it behind a proxy prefix too.
    const root = `${ctx.parts.publicPathPrefix}${ctx.parts.basePath}`;
    let document = openApiDocuments.get(root);
    if (!document) {
      document = import('../../src/api/openapi.js').then((m) => JSON.stringify(m.buildOpenApi(root)));
      openApiDocuments.set(root, document);
    }
    let body: string;
    try {
      body = await document;
    } catch (error) {
      openApiDocuments.delete(root);
      throw error;
    }
    sendEntity(ctx.req, ctx.res, body, { cacheControl: PUBLIC });
  });
}
