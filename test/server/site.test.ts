/**
 * The server `npm start` runs: the demo page under its strict policy, and the built library at
 * /dist/ readable from any origin (a city site's `<script type="module">` is a CORS request);
 * the demo page works behind a reverse proxy that serves it under a path.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { exitOf, startMain } from './helpers.js';

let folder: string;
let server: { child: ChildProcess; origin: string };

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'inno-site-'));
  const dist = join(folder, 'dist');
  mkdirSync(join(dist, 'chunks'), { recursive: true });
  writeFileSync(join(dist, 'inno-widgets.js'), 'export const built = true;\n');
  writeFileSync(join(dist, 'chunks', 'geo-abc.js'), 'export const geo = true;\n');
  server = await startMain({ INNO_DB: join(folder, 'inno.sqlite'), INNO_DIST: dist });
});

after(() => {
  server?.child.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('the library and its chunks are served to other origins, as module scripts need', async () => {
  for (const path of ['/dist/inno-widgets.js', '/dist/chunks/geo-abc.js']) {
    const res = await fetch(server.origin + path, { headers: { Origin: 'https://kota.example.go.id' } });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/, path);
  }
  // Nothing outside dist/ through it.
  assert.equal((await fetch(`${server.origin}/dist/..%2fpackage.json`)).status, 404);
});

test('the demo page is served under its strict policy, and not to other origins', async () => {
  const res = await fetch(`${server.origin}/`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.equal(res.headers.get('access-control-allow-origin'), null);
});

/**
 * What nginx's `location /inovasi/ { proxy_pass http://127.0.0.1:8787/; }` does: the prefix
 * is stripped on the way in; anything outside it is not this site's.
 */
function prefixProxy(prefix: string, target: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(`${prefix}/`)) {
      res.writeHead(404).end('not behind the prefix');
      return;
    }
    const upstream = request(new URL(url.slice(prefix.length), target()), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  }));
}

test('behind a proxy under /inovasi/, every address the demo pages use resolves under the prefix and answers', async () => {
  let upstream = '';
  const proxy = await prefixProxy('/inovasi', () => upstream);
  const behind = await startMain({
    INNO_DB: join(folder, 'proxied.sqlite'), INNO_DIST: join(folder, 'dist'), INNO_PUBLIC_URL: `${proxy.origin}/inovasi`,
  });
  upstream = behind.origin;
  try {
    const pageBase = `${proxy.origin}/inovasi/`;
    for (const page of ['', 'privasi.html']) {
      const res = await fetch(pageBase + page);
      assert.equal(res.status, 200, page);
      const html = await res.text();
      const addresses = [...html.matchAll(/\s(src|href|api-base|privacy-url|apply-url)="([^"]*)"/g)]
        .map((m) => ({ attribute: m[1]!, value: m[2]! }))
        .filter((a) => !/^(#|https?:|mailto:)/.test(a.value));
      assert.ok(addresses.length >= (page === '' ? 10 : 4), `${page}: ${addresses.map((a) => a.value).join(' ')}`);
      for (const { attribute, value } of addresses) {
        const url = new URL(value, pageBase + page);
        assert.ok(url.pathname.startsWith('/inovasi/'), `${attribute}="${value}" on ${page || 'index.html'} leaves the prefix`);
        const probe = attribute === 'api-base' ? new URL('innovations?pageSize=1', `${url.href.replace(/\/?$/, '/')}`) : url;
        probe.hash = '';
        const answer = await fetch(probe);
        assert.equal(answer.status, 200, `${attribute}="${value}" -> ${probe.href}`);
        if (attribute === 'api-base') {
          const body = (await answer.json()) as { items: { image?: { url: string } }[] };
          assert.ok(body.items[0]?.image?.url.startsWith(`${pageBase}api/v1/`), 'absolute URLs in answers carry the prefix');
        } else {
          await answer.arrayBuffer();
        }
      }
    }
  } finally {
    behind.child.kill('SIGTERM');
    await exitOf(behind.child);
    await new Promise((resolve) => proxy.server.close(resolve));
  }
});
