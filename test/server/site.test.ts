/**
 * The server `npm start` runs: the demo page under its strict policy, and the built library at
 * /dist/ readable from any origin (a city site's `<script type="module">` is a CORS request).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { startMain } from './helpers.js';

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
