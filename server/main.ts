/**
 * `npm run serve`: the reference API, the demo page and the build output on one port.
 *
 * Environment: PORT (8787), HOST (127.0.0.1), INNO_DB (./data/inno.sqlite, created and
 * filled with demo data on first start), INNO_ALLOWED_ORIGINS (comma list),
 * INNO_ADMIN_TOKEN (admin routes refuse everything while unset), INNO_RATE_LIMIT
 * (ideas per minute per address, `off` for none: benchmarks only), INNO_DIST (the built
 * library served at /dist/, ./dist).
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiHandler } from './handler.js';
import { sendProblem, HttpProblem } from './problem.js';
import { seedDemo } from './seed.js';
import { SqliteStore } from './sqlite-store.js';
import { serveFile } from './static.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const dbFile = resolve(env.INNO_DB ?? './data/inno.sqlite');
const allowedOrigins = env.INNO_ALLOWED_ORIGINS ?? '';
const adminToken = env.INNO_ADMIN_TOKEN || undefined;
const rateText = (env.INNO_RATE_LIMIT ?? '10').trim();
const distDir = resolve(root, env.INNO_DIST ?? 'dist');
const rateLimit = rateText === 'off' ? false as const : { max: Math.max(1, Number(rateText) || 10), windowMs: 60_000 };

const store = new SqliteStore({ file: dbFile });
const seeded = seedDemo(store);
const api = createApiHandler({ store, allowedOrigins, adminToken, rateLimit });

/**
 * The library is public code that other sites load with `<script type="module">`, which is a
 * CORS request: any origin may read it (no credentials are involved).
 */
const LIBRARY_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

/** The demo page runs under the same strict policy a careful city portal would use. */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const server = createServer((req, res) => {
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

// A demo server left running keeps its events and programs around "today".
const refreshTimer = setInterval(() => seedDemo(store), 3_600_000);
refreshTimer.unref();

// Generous keep-alive: benchmarks and dev servers reuse connections.
server.keepAliveTimeout = 65_000;

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  console.log([
    'inno-widgets reference server',
    `  PORT=${actualPort} HOST=${host}`,
    `  INNO_DB=${dbFile} (${seeded === 'created' ? 'created with demo data' : seeded === 'refreshed' ? 'demo dates moved to today' : 'existing'})`,
    `  INNO_ALLOWED_ORIGINS=${allowedOrigins || '(none: only this server\'s own origin)'}`,
    `  INNO_ADMIN_TOKEN=${adminToken ? '(set)' : '(unset: admin routes refuse every request)'}`,
    `  INNO_RATE_LIMIT=${rateLimit ? `${rateLimit.max} ideas a minute per address` : 'off'}`,
    `  INNO_DIST=${distDir} (${existsSync(join(distDir, 'inno-widgets.js')) ? 'served at /dist/, to any origin' : 'not built yet (npm run build); the demo page shows without widgets'})`,
    '',
    `Open ${url}  (API at ${url}api/v1/)`,
  ].join('\n'));
});

function shutdown(): void {
  server.close();
  server.closeAllConnections();
  store.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
