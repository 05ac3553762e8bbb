/**
 * A page server for the hostile Node tests: two separately bundled copies of the script-tag
 * entry (src/index.ts, bundled by esbuild as `npm run build` would for the CDN file), the
 * static test pages in ./pages/, and the reference API at /api/v1 over a throw-away SQLite
 * file. Every page is sent with the strict Content-Security-Policy the README promises.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { scriptTagEsbuild } from '../../../scripts/size.js';
import { createTestApi, type TestApi } from '../../../server/testing.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * The same policy for a page that loads the library twice. Each copy bundles lit, and each
 * lit creates a Trusted Types policy named `lit-html`; a second policy of one name is
 * refused unless the directive allows duplicates, and the second copy then fails to load.
 */
export const TWICE_CSP = STRICT_CSP.replace('trusted-types lit-html', "trusted-types lit-html 'allow-duplicates'");

/** A 1×1 grey PNG. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4BwAA6gDpAkP1UAAAAABJRU5ErkJggg==',
  'base64',
);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Bundles src/index.ts into `outdir` as the script-tag file (ESM, split chunks, minified), with
 * the same rewrite of Leaflet that rollup.config.ts applies to the published file.
 */
export async function bundleLibrary(outdir: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    splitting: true,
    outdir,
    minify: true,
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
    // As the build does: templates minified, the Trusted Types rewrites applied.
    plugins: scriptTagEsbuild(),
  });
}

export interface PageServer {
  origin: string;
  api: TestApi;
  /** Milliseconds the two esbuild runs took. */
  bundleMs: number;
  close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1 with a free port. `/a/` and `/b/` are two copies of the
 * library (built separately, so their classes differ), `/pages/` the pages and their scripts.
 */
/** The strict policy without its two Trusted Types directives (script, style, connect, img only). */
export const CSP_WITHOUT_TRUSTED_TYPES = STRICT_CSP.split('; ')
  .filter((directive) => !directive.includes('trusted-types'))
  .join('; ');

/**
 * The policy of a page: `?tt=off` drops Trusted Types, `?tt=strict` keeps the strict policy
 * even for the twice page, which otherwise gets 'allow-duplicates'.
 */
const defaultCsp = (url: URL): string => {
  const tt = url.searchParams.get('tt');
  if (tt === 'off') return CSP_WITHOUT_TRUSTED_TYPES;
  if (tt === 'strict') return STRICT_CSP;
  return url.pathname.endsWith('/twice.html') ? TWICE_CSP : STRICT_CSP;
};

export async function startPageServer(cspFor: (url: URL) => string = defaultCsp): Promise<PageServer> {
  const out = mkdtempSync(join(tmpdir(), 'inno-hostile-'));
  const started = performance.now();
  await Promise.all([bundleLibrary(join(out, 'a')), bundleLibrary(join(out, 'b'))]);
  const bundleMs = performance.now() - started;
  const api = createTestApi();
  const serveFrom = (base: string, rest: string): string | undefined => {
    const file = normalize(join(base, rest));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return undefined;
    return file;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    let file: string | undefined;
    if (path.startsWith('/a/') || path.startsWith('/b/')) file = serveFrom(out, path.slice(1));
    else if (path.startsWith('/pages/')) file = serveFrom(pagesDir, path.slice('/pages/'.length));
    if (path.startsWith('/tiles/')) {
      // Map tiles from 'self' (img-src allows it): one grey pixel for every tile.
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(TILE);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (file) {
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(extname(file) === '.html' ? { 'content-security-policy': cspFor(url) } : {}),
      });
      res.end(readFileSync(file));
      return;
    }
    api.handler(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    api,
    bundleMs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      api.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
