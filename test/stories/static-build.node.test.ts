/**
 * The static Storybook (`npm run build-storybook`), served as plain files the way a developer
 * previews it (`python3 -m http.server` in storybook-static/), renders the widgets in Chromium.
 * `storybook dev` serves src/ module by module and cannot show what the production build
 * drops: when package.json's `sideEffects` did not name src/**\/index.ts, Vite tree-shook the
 * side-effect imports that define the elements and every story's canvas stayed blank.
 *
 * Everything is real: the Storybook build of this repository (into a temporary folder), the
 * reference API on a temporary SQLite file beside the static files at /api/v1, and Chromium.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { createTestApi, type TestApi } from '../../server/testing.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STORYBOOK_BIN = join(root, 'node_modules/storybook/dist/bin/dispatcher.js');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Runs `storybook build` with the project's configuration into `outDir`; rejects with its output on failure. */
function buildStorybook(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STORYBOOK_BIN, 'build', '--output-dir', outDir, '--quiet'], {
      cwd: root,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`storybook build exited ${code}:\n${output}`))));
  });
}

/** Static files from `dir`, as a plain file server sends them, and the reference API at /api/v1. */
function serve(dir: string, api: TestApi): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/api/v1')) {
      api.handler(req, res, () => res.writeHead(404).end());
      return;
    }
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

let outDir: string;
let api: TestApi;
let server: Server | undefined;
let origin: string;
let browser: Browser | undefined;

before(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'inno-storybook-'));
  api = createTestApi();
  const [, served, launched] = await Promise.all([
    buildStorybook(outDir),
    serve(outDir, api),
    chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS] }),
  ]);
  ({ server, origin } = served);
  browser = launched;
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  api?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Opens a page and records its uncaught errors. */
async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser!.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(origin + path);
  return { page, pageErrors };
}

/** One story of each element and what its shadow root shows once the reference API has answered. */
const STORIES = [
  { id: 'elements-inno-gallery--innovations', tag: 'inno-gallery', shows: 'inno-gallery [part~="card-title"]' },
  { id: 'elements-inno-idea-form--default', tag: 'inno-idea-form', shows: 'inno-idea-form form select option:not([value=""])' },
  { id: 'elements-inno-event-calendar--month', tag: 'inno-event-calendar', shows: 'inno-event-calendar [part~="grid"]' },
  { id: 'elements-inno-stakeholder-map--list', tag: 'inno-stakeholder-map', shows: 'inno-stakeholder-map [part~="legend"] button' },
  { id: 'elements-inno-provider--default', tag: 'inno-provider', shows: 'inno-provider-sample li' },
] as const;

describe('the static Storybook build', () => {
  for (const story of STORIES) {
    test(`${story.id}: <${story.tag}> is defined and renders its shadow content`, async () => {
      const { page, pageErrors } = await open(`/iframe.html?id=${story.id}&viewMode=story`);
      try {
        // Storybook has rendered the story into its root once the element is in the page.
        await page.locator(`#storybook-root ${story.tag}`).first().waitFor({ state: 'attached', timeout: 20_000 });
        const defined = await page.evaluate((tag) => customElements.get(tag) !== undefined, story.tag);
        assert.equal(defined, true, `customElements.get('${story.tag}') in the built preview`);
        await page.locator(story.shows).first().waitFor({ state: 'attached', timeout: 20_000 });
        const shadowChildren = await page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.childElementCount ?? 0, story.tag);
        assert.ok(shadowChildren > 0, `<${story.tag}> has shadow content`);
        assert.deepEqual(pageErrors, [], 'uncaught errors in the preview');
      } finally {
        await page.close();
      }
    });
  }

  test('the manager page shows the gallery story with cards from the API', async () => {
    const { page, pageErrors } = await open('/?path=/story/elements-inno-gallery--innovations');
    try {
      const preview = page.frameLocator('#storybook-preview-iframe');
      await preview.locator('inno-gallery [part~="card-title"]').first().waitFor({ timeout: 20_000 });
      const titles = await preview.locator('inno-gallery [part~="card-title"]').allTextContents();
      assert.ok(titles.length > 0 && titles.every((t) => t.trim().length > 0), `card titles: ${titles.join(' | ')}`);
      assert.deepEqual(pageErrors, [], 'uncaught errors in the manager');
    } finally {
      await page.close();
    }
  });
});
