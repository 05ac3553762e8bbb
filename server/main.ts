/**
 * `npm run serve`: the reference API, the demo page and the build output on one port.
 *
 * Environment (checked at start by config.ts; a wrong value stops the server with a
 * message): PORT (8787), HOST (127.0.0.1), INNO_DB (./data/inno.sqlite), INNO_DEMO (`on`:
 * an empty database is filled with the demo city; `off`: it stays empty until the city's
 * content is imported), INNO_ALLOWED_ORIGINS (comma list of origins), INNO_ADMIN_TOKEN
 * (admin routes refuse everything while unset; at least 32 characters), INNO_RATE_LIMIT
 * (ideas per minute per address, `off` for none: benchmarks only), INNO_TRUST_PROXY
 * (reverse proxies in front, 0), INNO_PUBLIC_URL (where the public reaches the server),
 * INNO_DIST (the built library served at /dist/, ./dist).
 *
 * Logs: one line per request on stdout (time, method, path, status, milliseconds; no
 * query strings, bodies, addresses or codes), problems on stderr.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.js';
import { createApiHandler, UPLOADS_PER_IDEA } from './handler.js';
import { sendProblem, HttpProblem } from './problem.js';
import { seedDemo } from './seed.js';
import { SqliteStore } from './sqlite-store.js';
import { serveFile } from './static.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = readConfig(process.env, root);
if (!read.ok) {
  console.error(`inno-widgets reference server: not started, the configuration has ${read.problems.length} problem(s):`);
  for (const problem of read.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
for (const warning of read.warnings) console.error(`warning: ${warning}`);
const config = read.config;
const { port, host, dbFile, allowedOrigins, adminToken, distDir } = config;
const rateLimit = config.rateLimit === false ? false as const : { max: config.rateLimit, windowMs: 60_000 };

const store = new SqliteStore({ file: dbFile });
if (store.reErasedNotice) console.log(`${new Date().toISOString()} ${store.reErasedNotice}`);
const seeded = config.demo ? seedDemo(store) : 'off';
const publicUrl = config.publicUrl ? `${config.publicUrl.origin}${config.publicUrl.pathPrefix}` : undefined;
const api = createApiHandler({ store, allowedOrigins, adminToken, rateLimit, trustProxy: config.trustProxy, publicUrl });

/**
 * The library is public code that other sites load with `<script type="module">`, which is a
 * CORS request: any origin may read it (no credentials are involved).
 */
const LIBRARY_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** The demo page runs under the same strict policy a careful city portal would use. */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const server = createServer((req, res) => {
  logRequest(req, res);
  api(req, res, () => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendProblem(res, new HttpProblem(405, { headers: { Allow: 'GET, HEAD' } }));
      return;
    }
    const served = path.startsWith('/dist/')
      ? serveFile(req, res, distDir, path.slice('/dist/'.length), LIBRARY_HEADERS)
      : serveFile(req, res, join(root, 'demo'), path === '/' ? 'index.html' : path, {
        'Content-Security-Policy': PAGE_CSP,
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      });
    if (!served) sendProblem(res, new HttpProblem(404, { type: 'not-found', detail: 'There is no such file.' }));
  });
});

/** Paths with a capability in them (tracking codes, upload ids) are logged without it. */
function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(/^(\/api\/v1\/(?:ideas|uploads)\/)[^/]+/, '$1…');
}

// Lines are gathered and written at most every 100 ms (or per 64 KiB): on Linux a write to
// a pipe (systemd, docker, a supervisor) is synchronous, and one per request halved
// throughput. Shutdown writes what is pending first.
let pendingLines = '';
function flushLog(): void {
  if (pendingLines === '') return;
  process.stdout.write(pendingLines);
  pendingLines = '';
}

function logRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const at = new Date().toISOString();
  const line = (status: number | string) => {
    if (pendingLines === '') setTimeout(flushLog, 100);
    pendingLines += `${at} ${req.method ?? '-'} ${loggedPath(req.url ?? '/')} ${status} ` +
      `${(performance.now() - started).toFixed(1)}ms\n`;
    if (pendingLines.length > 65_536) flushLog();
  };
  res.once('finish', () => line(res.statusCode));
  res.once('close', () => { if (!res.writableFinished) line('aborted'); });
}

const contentKind = (): string => {
  if (seeded === 'created') return 'created with demo data';
  if (seeded === 'refreshed') return 'demo dates moved to today';
  const content = store.getMeta('content');
  if (content === 'city') return 'the city\'s own content';
  if (content === 'demo') return seeded === 'off' ? 'demo data (INNO_DEMO=off: dates left as they were)' : 'demo data';
  return 'empty: load content with npm run content -- import <file.json>';
};

// A demo server left running keeps its events and programs around "today".
const timers = [
  ...(config.demo ? [setInterval(() => seedDemo(store), 3_600_000)] : []),
  // Files sent but never attached to an idea go after a day.
  setInterval(() => purgeUploads(), 3_600_000),
  // An erasure empties the WAL at once unless a backup was reading; then it happens here.
  setInterval(() => checkpoint(), 3_600_000),
];
for (const timer of timers) timer.unref();

function purgeUploads(): void {
  try {
    const removed = store.purgeUnattachedUploads(new Date(Date.now() - 86_400_000).toISOString());
    if (removed > 0) console.log(`${new Date().toISOString()} removed ${removed} upload(s) never attached to an idea`);
  } catch (error) {
    console.error('[inno-api] removing unattached uploads failed:', error);
  }
}
purgeUploads();

function checkpoint(): void {
  try {
    store.checkpoint();
  } catch (error) {
    console.error('[inno-api] emptying the WAL into the database failed:', error);
  }
}

// Generous keep-alive: benchmarks and dev servers reuse connections.
server.keepAliveTimeout = 65_000;

server.on('error', (error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is taken: stop what uses it or set PORT)`
    : error.code === 'EACCES' ? ` (ports below 1024 need extra rights: use a higher PORT behind a proxy)` : '';
  console.error(`inno-widgets reference server: cannot listen on ${host}:${port}: ${error.message}${hint}`);
  store.close();
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  console.log([
    'inno-widgets reference server',
    `  PORT=${actualPort} HOST=${host}`,
    `  INNO_DB=${dbFile} (${contentKind()})`,
    `  INNO_DEMO=${config.demo ? 'on (an empty database is filled with the demo city)' : 'off (no demo data)'}`,
    `  INNO_ALLOWED_ORIGINS=${allowedOrigins.join(',') || '(none: only this server\'s own origin)'}`,
    `  INNO_ADMIN_TOKEN=${adminToken ? '(set)' : '(unset: admin routes refuse every request)'}`,
    `  INNO_RATE_LIMIT=${rateLimit ? `${rateLimit.max} ideas and ${rateLimit.max * UPLOADS_PER_IDEA} uploads a minute per address` : 'off'}`,
    `  INNO_TRUST_PROXY=${config.trustProxy ? `${config.trustProxy} (client address from X-Forwarded-For${publicUrl ? '' : ', origin from X-Forwarded-Host/-Proto'})` : '0 (X-Forwarded-* ignored)'}`,
    `  INNO_PUBLIC_URL=${publicUrl ?? '(unset: links use the Host each request came to)'}`,
    `  INNO_DIST=${distDir} (${existsSync(join(distDir, 'inno-widgets.js')) ? 'served at /dist/, to any origin' : 'not built yet (npm run build); the demo page shows without widgets'})`,
    '',
    `Open ${url}  (API at ${url}api/v1/)`,
  ].join('\n'));
});

let stopping = false;
/** Stops accepting connections, lets requests in flight finish (10 s at most), then closes the database. */
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  flushLog();
  console.log(`${new Date().toISOString()} ${signal}: stopping (no new connections; finishing requests in flight)`);
  for (const timer of timers) clearInterval(timer);
  const force = setTimeout(() => {
    console.error(`${new Date().toISOString()} requests still running after 10 s: closing their connections`);
    server.closeAllConnections();
  }, 10_000);
  force.unref();
  server.close(() => {
    clearTimeout(force);
    store.close();
    flushLog();
    console.log(`${new Date().toISOString()} stopped; database closed`);
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
