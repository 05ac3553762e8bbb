/**
 * Browser benchmarks, in one headless Chromium run:
 * - the event calendar's month holding ~2 000 events, and switching months, side by side with
 *   FullCalendar 6 (core + daygrid) on the same data, as a ratio;
 * - the gallery over 10 000 innovations: first render of a page after the data arrives, DOM
 *   size after forty presses of "load more", frame times while scrolling;
 * - the stakeholder network with 2 000 stakeholders and 10 000 links: first useful picture,
 *   settled, longest main-thread task while settling, frame times while zooming and panning;
 * - one page with all four widgets under one provider on the reference API's demo data:
 *   requests made (taxonomy once) and cumulative layout shift.
 *
 * Times are medians of RUNS fresh page loads. Everything is served from loopback; the
 * synthetic data comes from bench/synthetic-api.ts, the demo data from the reference server.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';
import { createTestApi } from '../server/testing.js';
import { syntheticApi } from './synthetic-api.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MONTH = { year: 2026, month: 3 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const SERVED = ['/dist/', '/bench/pages/', '/node_modules/@fullcalendar/'];

function serveFile(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (!SERVED.some((prefix) => path.startsWith(prefix))) return next();
  const file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return next();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

export async function startServer(): Promise<{ origin: string; close: () => void }> {
  const api = createTestApi();
  const server = createServer((req, res) => {
    serveFile(req, res, () =>
      syntheticApi(req, res, () =>
        api.handler(req, res, () => {
          res.writeHead(404).end();
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => {
      server.close();
      api.close();
    },
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** What PAGE_HELPERS puts on `window.__bench`. */
interface BenchHelpers {
  frames(n: number): Promise<number>;
  settled(root: Node, quietMs: number): Promise<number>;
  until(predicate: () => boolean, timeoutMs?: number): Promise<number>;
  responseEnd(fragment: string): number;
  nodeCount(node: Element): number;
  frameTimes(count: number, each: (i: number) => void): Promise<number[]>;
}

/** Helpers evaluated in the page (plain JS: they run in Chromium). */
const PAGE_HELPERS = `
  // tsx compiles the functions given to page.evaluate with esbuild's keepNames, which calls
  // a __name helper that exists only in Node.
  window.__name = (fn) => fn;
  window.__bench = {
    frames(n) {
      return new Promise((resolve) => {
        const step = () => (n-- <= 0 ? resolve(performance.now()) : requestAnimationFrame(step));
        requestAnimationFrame(step);
      });
    },
    /** Resolves with the time the DOM under root last changed and was painted, after quietMs of no change. */
    settled(root, quietMs) {
      return new Promise((resolve) => {
        let painted = performance.now();
        let last = painted;
        const observer = new MutationObserver(() => {
          last = performance.now();
          const at = last;
          requestAnimationFrame(() => requestAnimationFrame(() => { if (at === last) painted = performance.now(); }));
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        const check = () => {
          if (performance.now() - last >= quietMs && painted >= last) { observer.disconnect(); resolve(painted); }
          else setTimeout(check, 25);
        };
        setTimeout(check, quietMs);
      });
    },
    until(predicate, timeoutMs = 20000) {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const step = () => {
          if (predicate()) resolve(performance.now());
          else if (performance.now() - started > timeoutMs) reject(new Error('timed out waiting'));
          else requestAnimationFrame(step);
        };
        step();
      });
    },
    /** When the first response whose URL contains fragment finished arriving. */
    responseEnd(fragment) {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(fragment));
      return entry ? entry.responseEnd : NaN;
    },
    nodeCount(node) {
      let n = 0;
      const walk = (el) => { n++; if (el.shadowRoot) walk(el.shadowRoot); for (const c of el.children) walk(c); };
      walk(node);
      return n;
    },
    frameTimes(count, each) {
      return new Promise((resolve) => {
        const times = [];
        let previous = performance.now();
        let i = 0;
        const step = (now) => {
          times.push(now - previous);
          previous = now;
          if (i++ >= count) return resolve(times.slice(1));
          each(i);
          requestAnimationFrame(step);
        };
        requestAnimationFrame((now) => { previous = now; each(0); requestAnimationFrame(step); });
      });
    },
  };
`;

export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(PAGE_HELPERS);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return page;
}

const monthParam = `${MONTH.year}-${String(MONTH.month).padStart(2, '0')}`;

export async function calendarOurs(browser: Browser, origin: string) {
  const page = await newPage(browser);
  await page.goto(`${origin}/bench/pages/widget.html`);
  await page.waitForFunction(() => customElements.get('inno-event-calendar') !== undefined);
  const result = await page.evaluate(async (month) => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench;
    const el = document.createElement('inno-event-calendar');
    el.setAttribute('api-base', '/bench-api/v1');
    el.setAttribute('view', 'month');
    el.setAttribute('date', month);
    el.setAttribute('time-zone', 'Asia/Jakarta');
    document.getElementById('stage')!.append(el);
    const root = el.shadowRoot!;
    await b.until(() => root.querySelectorAll('[part~=event]').length > 0);
    const painted = await b.settled(root, 400);
    const render = painted - b.responseEnd('/bench-api/v1/events');
    const events = root.querySelectorAll('[part~=event]').length;
    const switches: number[] = [];
    const [y, m] = month.split('-').map(Number) as [number, number];
    for (let i = 1; i <= 3; i++) {
      const next = new Date(Date.UTC(y, m - 1 + i, 1)).toISOString().slice(0, 7);
      const started = performance.now();
      const done = b.settled(root, 400);
      el.setAttribute('date', next);
      switches.push((await done) - started);
    }
    return { render, switches, events, nodes: b.nodeCount(el) };
  }, monthParam);
  await page.close();
  return result;
}

export async function calendarFull(browser: Browser, origin: string) {
  const page = await newPage(browser);
  await page.goto(`${origin}/bench/pages/fullcalendar.html`);
  const result = await page.evaluate(async ({ year, month }) => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench;
    const from = new Date(Date.UTC(year, month - 2, 20)).toISOString();
    const to = new Date(Date.UTC(year, month + 3, 15)).toISOString();
    const response = await fetch(`/bench-api/v1/events?from=${from}&to=${to}`);
    const { items } = (await response.json()) as { items: { id: string; title: string; start: string; end: string; allDay: boolean }[] };
    const events = items.map((e) => ({ id: e.id, title: e.title, start: e.start, end: e.end, allDay: e.allDay }));
    const FullCalendar = (window as unknown as { FullCalendar: { Calendar: new (el: HTMLElement, o: object) => { render(): void; next(): void } } }).FullCalendar;
    const el = document.getElementById('stage')!;
    const calendar = new FullCalendar.Calendar(el, {
      initialView: 'dayGridMonth',
      initialDate: `${year}-${String(month).padStart(2, '0')}-01`,
      events,
      dayMaxEvents: true,
    });
    const started = performance.now();
    calendar.render();
    const render = (await b.frames(2)) - started;
    const switches: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      calendar.next();
      switches.push((await b.frames(2)) - t0);
    }
    return { render, switches, nodes: b.nodeCount(el) };
  }, MONTH);
  await page.close();
  return result;
}

async function gallery(browser: Browser, origin: string) {
  const page = await newPage(browser);
  await page.goto(`${origin}/bench/pages/widget.html`);
  await page.waitForFunction(() => customElements.get('inno-gallery') !== undefined);
  const result = await page.evaluate(async () => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench;
    const el = document.createElement('inno-gallery');
    el.setAttribute('api-base', '/bench-api/v1');
    el.setAttribute('no-url-state', '');
    document.getElementById('stage')!.append(el);
    const root = el.shadowRoot!;
    await b.until(() => root.querySelectorAll('[part~=card]').length > 0);
    const painted = await b.settled(root, 400);
    const render = painted - b.responseEnd('/bench-api/v1/innovations');
    // Load more, forty times (about a thousand of the 10 000 loaded): the DOM must stay bounded.
    let loads = 0;
    for (; loads < 40; loads++) {
      const more = root.querySelector<HTMLButtonElement>('[part~=load-more]');
      if (!more) break;
      const done = b.settled(root, 150);
      more.click();
      await done;
    }
    const cards = root.querySelectorAll('[part~=card]').length;
    const nodes = b.nodeCount(el);
    window.scrollTo(0, 0);
    await b.frames(2);
    const times = await b.frameTimes(120, () => window.scrollBy(0, 80));
    return { render, cards, nodes, loads, frames: times };
  });
  await page.close();
  return result;
}

export async function network(browser: Browser, origin: string) {
  const page = await newPage(browser);
  await page.goto(`${origin}/bench/pages/widget.html`);
  await page.waitForFunction(() => customElements.get('inno-stakeholder-map') !== undefined);
  const result = await page.evaluate(async () => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench;
    const longTasks: { start: number; duration: number }[] = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    const el = document.createElement('inno-stakeholder-map');
    el.setAttribute('api-base', '/bench-api/v1');
    el.setAttribute('view', 'network');
    document.getElementById('stage')!.append(el);
    const thumb = document.createElement('canvas');
    thumb.width = 48;
    thumb.height = 48;
    const tctx = thumb.getContext('2d', { willReadFrequently: true })!;
    const canvasOf = () => el.shadowRoot?.querySelector('canvas') ?? null;
    const signature = (): string | null => {
      const canvas = canvasOf();
      if (!canvas || canvas.width === 0) return null;
      tctx.clearRect(0, 0, 48, 48);
      tctx.drawImage(canvas, 0, 0, 48, 48);
      const data = tctx.getImageData(0, 0, 48, 48).data;
      let sum = 0;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum = (sum * 31 + data[i]! + data[i + 1]! * 3 + data[i + 2]! * 7 + data[i + 3]! * 11) % 1_000_000_007;
        if (data[i + 3]! > 0) inked++;
      }
      return inked > 20 ? String(sum) : null;
    };
    await b.until(() => signature() !== null, 30_000);
    const firstPicture = performance.now();
    const dataAt = b.responseEnd('/bench-api/v1/stakeholders');
    // Settled: the picture stops changing for 500 ms (sampled every 100 ms).
    let previous = signature();
    let sameSince = performance.now();
    let settledAt = NaN;
    const deadline = performance.now() + 20_000;
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const now = signature();
      if (now !== previous) {
        previous = now;
        sameSince = performance.now();
      } else if (performance.now() - sameSince >= 500) {
        settledAt = sameSince;
        break;
      }
    }
    const during = longTasks.filter((t) => t.start >= dataAt && t.start <= settledAt);
    const canvas = canvasOf()!;
    const rect = canvas.getBoundingClientRect();
    const cx = rect.left + rect.width / 2;
    const cy = rect.top + rect.height / 2;
    const zoom = (await b.frameTimes(60, (i) =>
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 20 < 10 ? -60 : 60, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true })),
    ));
    canvas.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, clientX: rect.left + 5, clientY: rect.top + 5, bubbles: true, composed: true, isPrimary: true, button: 0, buttons: 1 }));
    const pan = (await b.frameTimes(60, (i) =>
      canvas.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: rect.left + 5 + i * 4, clientY: rect.top + 5 + i * 2, bubbles: true, composed: true, isPrimary: true, buttons: 1 })),
    ));
    canvas.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, bubbles: true, composed: true, isPrimary: true }));
    return {
      firstPicture: firstPicture - dataAt,
      settled: settledAt - dataAt,
      longestTask: during.reduce((max, t) => Math.max(max, t.duration), 0),
      longTasks: during.length,
      frames: [...zoom, ...pan],
    };
  });
  await page.close();
  return result;
}

async function wholePage(browser: Browser, origin: string) {
  const page = await newPage(browser);
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/')) requests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${origin}/bench/pages/all.html`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1500);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  await page.close();
  return { requests, taxonomy: requests.filter((r) => r.includes('/taxonomy')).length, cls };
}

export interface FrameStats {
  p50: number;
  p95: number;
  max: number;
}
function frameStats(times: number[]): FrameStats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

export async function runBrowserBench() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS] });
  try {
    const ours: Awaited<ReturnType<typeof calendarOurs>>[] = [];
    const theirs: Awaited<ReturnType<typeof calendarFull>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so that neither side always runs on a warmer machine.
      theirs.push(await calendarFull(browser, server.origin));
      ours.push(await calendarOurs(browser, server.origin));
    }
    const calendar = {
      events: ours[0]!.events,
      ours: { renderMs: round(median(ours.map((r) => r.render))), switchMs: round(median(ours.flatMap((r) => r.switches))), nodes: ours[0]!.nodes },
      fullCalendar: { renderMs: round(median(theirs.map((r) => r.render))), switchMs: round(median(theirs.flatMap((r) => r.switches))), nodes: theirs[0]!.nodes },
    };
    const ratio = {
      render: round(calendar.ours.renderMs / calendar.fullCalendar.renderMs, 3),
      switch: round(calendar.ours.switchMs / calendar.fullCalendar.switchMs, 3),
    };

    const galleries = [];
    for (let i = 0; i < RUNS; i++) galleries.push(await gallery(browser, server.origin));
    const galleryResult = {
      items: 10_000,
      loadMoreClicks: galleries[0]!.loads,
      firstRenderMs: round(median(galleries.map((g) => g.render))),
      cardsInDom: galleries[0]!.cards,
      domNodes: galleries[0]!.nodes,
      scrollFrameMs: frameStats(galleries.flatMap((g) => g.frames)),
    };

    const networks = [];
    for (let i = 0; i < RUNS; i++) networks.push(await network(browser, server.origin));
    const networkResult = {
      nodes: 2000,
      links: 10_000,
      firstPictureMs: round(median(networks.map((n) => n.firstPicture))),
      settledMs: round(median(networks.map((n) => n.settled))),
      longestTaskMs: round(Math.max(...networks.map((n) => n.longestTask))),
      longTasksWhileSettling: median(networks.map((n) => n.longTasks)),
      panZoomFrameMs: frameStats(networks.flatMap((n) => n.frames)),
    };

    const page = await wholePage(browser, server.origin);
    return { runs: RUNS, calendar: { ...calendar, ratio }, gallery: galleryResult, network: networkResult, page };
  } finally {
    await browser.close();
    server.close();
  }
}
