/**
 * A synthetic API for the browser benchmarks: the same contract as the reference server,
 * with the volumes the budgets talk about — 2 000 events in a month, 10 000 innovations,
 * 2 000 stakeholders with 10 000 collaborations. Deterministic (seeded), so runs compare.
 *
 * Mounted by bench/browser.ts at /bench-api/v1.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { random } from '../server/demo-data.js';
import { HELIXES, INNOVATION_STAGES, INNOVATION_TYPES } from '../src/api/shapes.js';

const BASE = '/bench-api/v1/';

const SECTORS = ['layanan-publik', 'kesehatan', 'pendidikan', 'lingkungan-hidup', 'umkm', 'transportasi', 'tata-kelola-digital', 'kebudayaan'];
const CATEGORIES = ['lokakarya', 'seminar', 'hackathon', 'pameran', 'temu-komunitas', 'pelatihan'];
const COLORS = ['#0f766e', '#1d4ed8', '#b45309', '#9333ea', '#15803d', '#c2410c'];
const WORDS = ['Inovasi', 'Layanan', 'Digital', 'Warga', 'Kampung', 'Sehat', 'Pintar', 'Hijau', 'Terpadu', 'Kota', 'Data', 'Cepat'];

const taxonomy = {
  sectors: SECTORS.map((id) => ({ id, label: { id: id.replace(/-/g, ' '), en: id.replace(/-/g, ' ') } })),
  eventCategories: CATEGORIES.map((id, i) => ({ id, label: { id, en: id }, color: COLORS[i] })),
  helixes: HELIXES.map((id) => ({ id, label: { id, en: id } })),
};

const title = (rnd: () => number, n: number) =>
  Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');

/** Events of one day: 65 a day, about 2 000 in a month. */
const PER_DAY = 65;
function eventsOfDay(day: Date): object[] {
  const key = Number(day.toISOString().slice(0, 10).replace(/-/g, ''));
  const rnd = random(key);
  const out: object[] = [];
  for (let i = 0; i < PER_DAY; i++) {
    const startHour = 7 + Math.floor(rnd() * 12);
    const start = new Date(day.getTime() + (startHour - 7) * 3_600_000); // day is 00:00 Asia/Jakarta (17:00 UTC)
    const kind = rnd();
    const allDay = kind < 0.04;
    const multiDay = kind >= 0.04 && kind < 0.07;
    const end = allDay
      ? new Date(day.getTime() + 86_400_000)
      : multiDay
        ? new Date(start.getTime() + (1 + Math.floor(rnd() * 3)) * 86_400_000)
        : new Date(start.getTime() + (1 + Math.floor(rnd() * 3)) * 3_600_000);
    out.push({
      id: `e${key}-${i}`,
      title: title(rnd, 3),
      description: 'Acara sintetis untuk pengukuran.',
      start: (allDay ? day : start).toISOString(),
      end: end.toISOString(),
      allDay,
      timeZone: 'Asia/Jakarta',
      category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
      location: { name: 'Balai Kota' },
    });
  }
  return out;
}

function events(from: Date, to: Date): object[] {
  const items: object[] = [];
  // Days start at 00:00 in Asia/Jakarta (UTC+7, no DST).
  const first = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) - 7 * 3_600_000);
  for (let day = first; day < to; day = new Date(day.getTime() + 86_400_000)) {
    if (day.getTime() + 86_400_000 <= from.getTime()) continue;
    items.push(...eventsOfDay(day));
  }
  return items;
}

/** Only the occurrences of one month count toward "2 000 in a month"; the bench asks the month. */
export function monthEvents(year: number, month: number): object[] {
  return events(new Date(Date.UTC(year, month - 1, 1)), new Date(Date.UTC(year, month, 1)));
}

let innovationsCache: object[] | undefined;
function innovations(): object[] {
  if (innovationsCache) return innovationsCache;
  const rnd = random(42);
  innovationsCache = Array.from({ length: 10_000 }, (_, i) => ({
    id: `inv-${i}`,
    title: `${title(rnd, 3)} ${i}`,
    summary: 'Ringkasan inovasi sintetis untuk pengukuran kinerja galeri.',
    sector: SECTORS[i % SECTORS.length],
    stage: INNOVATION_STAGES[i % 3],
    type: INNOVATION_TYPES[i % 2],
    year: 2019 + (i % 8),
    owner: { id: `s${i % 2000}`, name: `Pemangku ${i % 2000}`, helix: HELIXES[i % 5] },
  }));
  return innovationsCache;
}

let graphCache: { items: object[]; links: object[] } | undefined;
function graph() {
  if (graphCache) return graphCache;
  const rnd = random(7);
  const links: object[] = [];
  const seen = new Set<string>();
  while (links.length < 10_000) {
    const a = Math.floor(rnd() * 2000);
    // Mostly local ties plus some long ones, as real ecosystems cluster.
    const b = rnd() < 0.8 ? (a + 1 + Math.floor(rnd() * 40)) % 2000 : Math.floor(rnd() * 2000);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    links.push({ source: `s${a}`, target: `s${b}`, kind: 'partner' });
  }
  graphCache = {
    items: Array.from({ length: 2000 }, (_, i) => ({
      id: `s${i}`,
      name: `Pemangku ${i}`,
      helix: HELIXES[i % 5],
      innovationCount: i % 7,
      location: { lat: -6.2 - rnd() * 0.2, lng: 106.9 + rnd() * 0.2 },
    })),
    links,
  };
  return graphCache;
}

function send(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(text);
}

export function syntheticApi(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const url = new URL(req.url ?? '/', 'http://bench');
  if (!url.pathname.startsWith(BASE)) return next();
  const resource = url.pathname.slice(BASE.length);
  switch (resource) {
    case 'taxonomy':
      return send(res, taxonomy);
    case 'events': {
      const from = new Date(url.searchParams.get('from') ?? '');
      const to = new Date(url.searchParams.get('to') ?? '');
      return send(res, { items: Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) ? [] : events(from, to) });
    }
    case 'innovations': {
      // Paged as the contract says (at most 100 a page) over a collection of 10 000.
      const all = innovations();
      const pageSize = Math.min(100, Math.max(1, Number(url.searchParams.get('pageSize') ?? 24) || 24));
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const items = all.slice((page - 1) * pageSize, page * pageSize);
      return send(res, { items, total: all.length, page, pageSize });
    }
    case 'programs':
      return send(res, { items: [], total: 0, page: 1, pageSize: 24 });
    case 'stakeholders':
      return send(res, graph());
    default:
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }));
  }
}
