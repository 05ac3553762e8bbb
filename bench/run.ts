/**
 * `npm run bench`: builds, then measures sizes, the widgets in Chromium (beside FullCalendar 6)
 * and the reference server; prints one table and writes bench/results.json.
 *
 * Not part of `npm test`: timings depend on the machine, budgets on sizes are checked in
 * the test suite instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZE_BUDGETS } from '../scripts/budgets.js';
import { measureAll } from '../scripts/size.js';
import { fullCalendarSizes } from './fullcalendar-size.js';
import { runBrowserBench, type FrameStats } from './browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsFile = join(root, 'bench', 'results.json');

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const frames = (f: FrameStats) => `p50 ${f.p50} / p95 ${f.p95} / max ${f.max} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

console.log('Building…');
run('npm', ['run', '--silent', 'build']);

console.log('\nMeasuring sizes…');
const sizes = await measureAll(root);
const fullCalendar = await fullCalendarSizes(root);

console.log('Measuring in Chromium…');
const browser = await runBrowserBench();

console.log('Measuring the reference server…');
run('npx', ['tsx', 'bench/server.ts']);
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
const server = previous.server as { scenarios: { name: string; requestsPerSecond: number; p50Ms: number; p99Ms: number }[] } | undefined;

const rows: [string, string, string, string][] = [];
const add = (what: string, value: string, goal: string, ok?: boolean) => rows.push([what, value, goal, ok === undefined ? '' : verdict(ok)]);

// The same budgets `npm test` enforces (scripts/budgets.ts), here against their goals.
for (const budget of SIZE_BUDGETS) {
  const bytes = budget.measure(sizes);
  if (bytes !== undefined) add(`${budget.label} (gzip)`, kB(bytes), `≤ ${budget.goal} kB`, bytes <= budget.goal * 1024);
}
if (sizes.scriptTag) add('dist/inno-widgets.js (brotli)', kB(sizes.scriptTag.brotli), '', undefined);
if (sizes.scriptTag?.lazy) add('lazy chunks of the script-tag file (map views)', kB(sizes.scriptTag.lazy.gzip), 'not in the main file', true);
const map = sizes.overBase.find((s) => s.name === 'stakeholder-map over the base');
if (map?.lazyChunks) {
  const geo = Object.entries(map.lazyChunks).filter(([name]) => name !== 'network');
  add('geo view on its own (Leaflet, clustering, gzip)', kB(geo.reduce((sum, [, size]) => sum + size.gzip, 0)), 'lazy', true);
}
add(
  'FullCalendar core+daygrid+list, bundled (gzip)',
  kB(fullCalendar.monthAndList.gzip),
  `all four widgets smaller${sizes.scriptTag ? ` (${kB(sizes.scriptTag.gzip)})` : ''}`,
  sizes.scriptTag ? sizes.scriptTag.gzip < fullCalendar.monthAndList.gzip : undefined,
);
const calendar = sizes.overBase.find((s) => s.name === 'event-calendar over the base');
add(
  'FullCalendar with timegrid too: our calendar\'s views (gzip)',
  kB(fullCalendar.matched.gzip),
  `the base + calendar smaller${calendar ? ` (${kB(sizes.sharedBase.gzip + calendar.gzip)})` : ''}`,
  calendar ? sizes.sharedBase.gzip + calendar.gzip < fullCalendar.matched.gzip : undefined,
);
add("FullCalendar's script-tag file, every view (gzip)", kB(fullCalendar.scriptTag.gzip), '', undefined);
const c = browser.calendar;
add(`calendar month, ${c.events} events shown of ~2 000`, `${ms(c.ours.renderMs)} vs FullCalendar ${ms(c.fullCalendar.renderMs)}`, '≤ 0.1 ×', c.ratio.render <= 0.1);
add('calendar month switch', `${ms(c.ours.switchMs)} vs FullCalendar ${ms(c.fullCalendar.switchMs)}`, '≤ 0.1 ×', c.ratio.switch <= 0.1);
const g = browser.gallery;
add('gallery 10 000: first render', ms(g.firstRenderMs), '≤ 100 ms', g.firstRenderMs <= 100);
add(`gallery 10 000: DOM nodes after ${g.loadMoreClicks}× load more`, `${g.domNodes} (${g.cardsInDom} cards)`, '≤ 1 500', g.domNodes <= 1500);
add('gallery 10 000: scroll frames', frames(g.scrollFrameMs), '', undefined);
const n = browser.network;
add('network 2 000/10 000: first picture', ms(n.firstPictureMs), '≤ 500 ms', n.firstPictureMs <= 500);
add('network: settled', ms(n.settledMs), '≤ 3 000 ms', n.settledMs <= 3000);
add('network: longest task while settling', ms(n.longestTaskMs), '≤ 50 ms', n.longestTaskMs <= 50);
add('network: pan/zoom frames', frames(n.panZoomFrameMs), 'p95 ≤ 16 ms', n.panZoomFrameMs.p95 <= 17);
const p = browser.page;
add('page with all four: API requests', `${p.requests.length} (taxonomy ${p.taxonomy}×)`, '≤ 5, taxonomy once', p.requests.length <= 5 && p.taxonomy === 1);
add('page with all four: layout shift', String(Math.round(p.cls * 1000) / 1000), '0', p.cls === 0);
for (const s of server?.scenarios ?? []) {
  add(`server ${s.name}`, `${s.requestsPerSecond} req/s, p50 ${s.p50Ms} / p99 ${s.p99Ms} ms`, s.name.includes('GET') ? '≥ 2 000 req/s, p99 ≤ 50 ms' : '', s.name.includes('GET') ? s.requestsPerSecond >= 2000 && s.p99Ms <= 50 : undefined);
}

const header: [string, string, string, string] = ['measure', 'value', 'goal', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(`\ninno-widgets benchmark — ${cpus().length} cores, Node ${process.version}, medians of ${browser.runs} runs\n`);
console.log(line(header));
for (const r of rows) console.log(line(r));

writeFileSync(
  resultsFile,
  `${JSON.stringify({ ...previous, measuredAt: new Date().toISOString(), sizes: { ...sizes, fullCalendar }, browser }, null, 2)}\n`,
);
console.log(`\nWritten to ${resultsFile}.`);
