/**
 * The static Storybook (`npm run build-storybook`), served as plain files the way a developer
 * previews it (`python3 -m http.server` in storybook-static/), renders the widgets in Chromium.
 * `storybook dev` serves src/ module by module and cannot show what the production build
 * drops: when package.json's `sideEffects` did not name src/**\/index.ts, Vite tree-shook the
 * side-effect imports that define the elements and every story's canvas stayed blank.
 *
 * Everything is real: the Storybook build of this repository, the reference API on a
 * temporary SQLite file beside the static files at /api/v1, and Chromium.
 *
 * The build goes into a temporary folder, removed afterwards, unless INNO_STORYBOOK_DIR names
 * a folder (relative to the repository): then it goes there and stays. CI sets it to
 * storybook-static/, so that the Storybook it publishes is the one built and checked here,
 * built once (.ci/run).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { findDeclaration } from '../../.storybook/manifest-arg-types.js';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { HELIXES } from '../../src/api/shapes.js';
import { serveFile } from '../../server/static.js';
import { createTestApi, type TestApi } from '../../server/testing.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Runs `npm run build-storybook` (the manifest, then `storybook build`) into `outDir`, as a
 * developer does; rejects with its output on failure.
 */
function buildStorybook(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(NPM, ['run', 'build-storybook', '--', '--output-dir', outDir, '--quiet'], {
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

/** Static files from `dir`, as the server's own file serving sends them, and the reference API at /api/v1. */
function serve(dir: string, api: TestApi): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/v1')) api.handler(req, res, () => res.writeHead(404).end());
    else if (!serveFile(req, res, dir, path)) res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

/** The folder to build into and keep, if any (see above). */
const keptDir = process.env['INNO_STORYBOOK_DIR'] ? resolve(root, process.env['INNO_STORYBOOK_DIR']) : undefined;

let outDir: string;
let api: TestApi;
let server: Server | undefined;
let origin: string;
let browser: Browser | undefined;

before(async () => {
  outDir = keptDir ?? mkdtempSync(join(tmpdir(), 'inno-storybook-'));
  api = createTestApi();
  // All three settle before a failure is thrown, so that after() closes the browser and the
  // server even when the build fails: a Chromium launched after the failure kept the run alive.
  const [built, served, launched] = await Promise.allSettled([
    buildStorybook(outDir),
    serve(outDir, api),
    chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS] }),
  ]);
  if (served.status === 'fulfilled') ({ server, origin } = served.value);
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [built, served, launched]) if (result.status === 'rejected') throw result.reason;
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  api?.close();
  if (outDir && !keptDir) rmSync(outDir, { recursive: true, force: true });
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

/** An argType as the built preview holds it (control and type normalised by Storybook). */
interface ArgType {
  name?: string;
  description?: string;
  control?: false | { type: string; disable?: boolean; min?: number; labels?: Record<string, string> };
  options?: unknown[];
  table?: { category?: string; disable?: boolean; type?: { summary?: string } };
}

const hasControl = (argType: ArgType): boolean => Boolean(argType.control && !argType.control.disable && !argType.table?.disable);
const controlType = (argType: ArgType): string | undefined => (argType.control ? argType.control.type : undefined);

/** A value for a control that differs from the story's own. */
function valueFor(control: { type: string; min?: number }, options: unknown[], current: unknown): unknown {
  switch (control.type) {
    case 'boolean':
      return !current;
    case 'number':
      return current === 7 ? 8 : 7;
    case 'text':
      return typeof current === 'string' ? `${current}-probe` : 'probe';
    default: {
      const other = options.find((option) => option !== undefined && option !== current);
      if (other === undefined) throw new Error(`no other option than ${String(current)} in ${JSON.stringify(options)}`);
      return other;
    }
  }
}

/** One story of each element whose controls are all exercised, and how many it has at least. */
const CONTROLLED = [
  { id: 'elements-inno-gallery--programs', tag: 'inno-gallery', controls: 13 },
  { id: 'elements-inno-idea-form--default', tag: 'inno-idea-form', controls: 6 },
  { id: 'elements-inno-event-calendar--list', tag: 'inno-event-calendar', controls: 8 },
  { id: 'elements-inno-stakeholder-map--list', tag: 'inno-stakeholder-map', controls: 7 },
  { id: 'elements-inno-provider--default', tag: 'inno-provider', controls: 3 },
] as const;

/**
 * What a developer does in a story of the manager, and what the Actions panel must then list:
 * each event by name with its `detail` (the panel's one-line preview of it). Together they
 * cover every event that every element documents in custom-elements.json.
 */
const EVENT_SCENARIOS: {
  id: string;
  tag: string;
  does: string;
  /** What the developer does; none when the story's own `play` function does it. */
  act?: (preview: FrameLocator) => Promise<void>;
  logged: Record<string, RegExp>;
}[] = [
  {
    id: 'elements-inno-event-calendar--list',
    tag: 'inno-event-calendar',
    does: 'opens the list (its range is announced as it first renders) and an event',
    act: (preview) => preview.locator('inno-event-calendar [part~="event"]').first().click(),
    logged: { 'inno-range-change': /from: .+, to: .+, view: "list"/, 'inno-event-select': /id: "ev-[\w-]+"/ },
  },
  {
    id: 'elements-inno-gallery--innovations',
    tag: 'inno-gallery',
    does: 'opens an innovation',
    act: (preview) => preview.locator('inno-gallery [part~="card-title"]').first().click(),
    logged: { 'inno-innovation-select': /id: "inv-[\w-]+"/ },
  },
  {
    id: 'elements-inno-gallery--programs',
    tag: 'inno-gallery',
    does: 'opens a program',
    act: (preview) => preview.locator('inno-gallery [part~="card-title"]').first().click(),
    logged: { 'inno-program-select': /id: "pr-[\w-]+"/ },
  },
  {
    id: 'elements-inno-stakeholder-map--list',
    tag: 'inno-stakeholder-map',
    does: "opens a campus and one of its innovations",
    act: async (preview) => {
      await preview.locator('inno-stakeholder-map tr[data-id="sh-unikra"] button').click();
      await preview.locator('inno-stakeholder-map .innovation button').first().click();
    },
    logged: { 'inno-stakeholder-select': /id: "sh-unikra"/, 'inno-innovation-select': /id: "inv-[\w-]+"/ },
  },
  {
    id: 'elements-inno-idea-form--success',
    tag: 'inno-idea-form',
    does: 'sends an idea (the story\'s play function)',
    logged: { 'inno-idea-submitted': /id: "[^"]+", trackingCode: "[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"/ },
  },
];

/** The Actions panel's entries, `name: {detail preview}`, once `names` are all among them. */
async function loggedActions(page: Page, names: string[]): Promise<Map<string, string>> {
  const panel = page.locator('#storybook-panel-root');
  const read = async () => {
    const entries = new Map<string, string>();
    // The panel spaces its previews with no-break spaces.
    const text = (await panel.innerText()).replace(/\u00a0/g, ' ');
    for (const [, name, detail] of text.matchAll(/^\W*(inno-[a-z-]+): (\{.*\})$/gm)) entries.set(name!, detail!);
    return entries;
  };
  const end = Date.now() + 20_000;
  let entries = await read();
  while (names.some((name) => !entries.has(name)) && Date.now() < end) {
    await page.waitForTimeout(200);
    entries = await read();
  }
  return entries;
}

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

  test('controls only for attributes, none as a JSON editor, no option labelled "undefined", no type that reads "undefined" or an alias; attributes and parts of one name both documented', async () => {
    const { page } = await open('/iframe.html?id=elements-inno-gallery--programs&viewMode=story');
    try {
      await page.locator('#storybook-root inno-gallery').waitFor({ state: 'attached', timeout: 20_000 });
      const stories = await page.evaluate(async () => {
        const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { extract(): Promise<Record<string, { argTypes: Record<string, ArgType> }>> } })
          .__STORYBOOK_PREVIEW__;
        return preview.extract();
      });
      const ids = Object.keys(stories);
      assert.ok(ids.length >= 40, `stories in the build: ${ids.length}`);
      for (const [id, { argTypes }] of Object.entries(stories)) {
        for (const [key, argType] of Object.entries(argTypes)) {
          const category = argType.table?.category;
          if (!hasControl(argType)) continue;
          assert.equal(category, 'attributes', `${id}: ${key} (${category}) has a control`);
          assert.notEqual(controlType(argType), 'object', `${id}: ${key} is edited as an object`);
        }
        // An option that leaves the attribute off is named for what then applies (the toolbar's
        // language, any stage…), never "undefined", which is what Storybook would print.
        for (const [key, argType] of Object.entries(argTypes)) {
          if (!hasControl(argType) || !argType.options?.includes(undefined)) continue;
          const label = argType.control ? argType.control.labels?.['undefined'] : undefined;
          assert.ok(label && label !== 'undefined', `${id}: ${key} offers an option labelled "undefined"`);
        }
        // The Docs table and the Controls panel split a type at its `|`: `string | undefined`
        // read "string undefined", and `Helix` named an alias that no page writes.
        for (const [key, argType] of Object.entries(argTypes)) {
          const type = argType.table?.type?.summary ?? '';
          assert.doesNotMatch(type, /\bundefined\b|\bHelix\b/, `${id}: ${key} shows the type ${type}`);
        }
        const internal = Object.keys(argTypes).filter((key) => key === 'resolvedLocale' || key === 'client');
        assert.deepEqual(internal, [], `${id}: internal properties in the table`);
      }
      const gallery = stories['elements-inno-gallery--programs']!.argTypes;
      assert.equal(gallery['status']?.table?.category, 'attributes');
      assert.equal(gallery['part:status']?.table?.category, 'css shadow parts');
      assert.notEqual(gallery['status']?.description, gallery['part:status']?.description, 'the attribute and the part keep their own text');
      assert.equal(gallery['pageSize']?.name, 'page-size', 'rows are named by their attribute');
      assert.equal(gallery['audience']?.table?.type?.summary, HELIXES.map((helix) => `'${helix}'`).join(' | '));
      assert.deepEqual(gallery['audience']?.options, [undefined, ...HELIXES], 'audience is a choice of the helixes');
      const form = stories['elements-inno-idea-form--default']!.argTypes;
      assert.equal(form['program']?.table?.category, 'attributes');
      assert.equal(form['part:program']?.table?.category, 'css shadow parts');
    } finally {
      await page.close();
    }
  });

  for (const story of CONTROLLED) {
    test(`${story.id}: every control changes <${story.tag}>`, async () => {
      const { page } = await open(`/iframe.html?id=${story.id}&viewMode=story`);
      try {
        await page.locator(`#storybook-root ${story.tag}`).first().waitFor({ state: 'attached', timeout: 20_000 });
        const controls = await page.evaluate(async (id) => {
          const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { extract(): Promise<Record<string, { argTypes: Record<string, ArgType>; args: Record<string, unknown> }>> } })
            .__STORYBOOK_PREVIEW__;
          const { argTypes, args } = (await preview.extract())[id]!;
          return Object.entries(argTypes)
            .filter(([, argType]) => argType.control && !argType.control.disable)
            .map(([key, argType]) => ({ key, control: argType.control as { type: string; min?: number }, options: argType.options ?? [], current: args[key] }));
        }, story.id);
        assert.ok(controls.length >= story.controls, `${story.id} has ${controls.length} controls`);
        for (const { key, control, options, current } of controls) {
          const value = valueFor(control, options, current);
          await page.evaluate(
            ({ id, key, value }) => {
              const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__;
              channel.emit('updateStoryArgs', { storyId: id, updatedArgs: { [key]: value } });
            },
            { id: story.id, key, value },
          );
          const handle = await page
            .waitForFunction(
              ({ tag, key, value }) => {
                const element = document.querySelector(`#storybook-root ${tag}`) as unknown as Record<string, unknown> | null;
                return element !== null && String(element[key]) === String(value);
              },
              { tag: story.tag, key, value },
              { timeout: 5_000 },
            )
            .catch(() => undefined);
          const seen = await page.evaluate(
            ({ tag, key }) => String((document.querySelector(`#storybook-root ${tag}`) as unknown as Record<string, unknown> | null)?.[key]),
            { tag: story.tag, key },
          );
          assert.ok(handle, `${story.id}: the ${key} control set ${JSON.stringify(value)}, the element has ${seen}`);
        }
      } finally {
        await page.close();
      }
    });
  }

  test('a Docs page in the dark theme paints each story box dark, as a dark page would', async () => {
    const { page, pageErrors } = await open('/iframe.html?id=elements-inno-gallery--docs&viewMode=docs&globals=theme:dark');
    try {
      await page.locator('.docs-story inno-gallery [part~="card-title"]').first().waitFor({ timeout: 20_000 });
      const boxes = await page.locator('.docs-story').evaluateAll((elements) =>
        elements.map((element) => getComputedStyle(element).backgroundColor),
      );
      assert.ok(boxes.length > 1, `story boxes: ${boxes.length}`);
      assert.deepEqual([...new Set(boxes)], ['rgb(18, 22, 28)'], 'background of the story boxes');
      assert.deepEqual(pageErrors, [], 'uncaught errors on the Docs page');
    } finally {
      await page.close();
    }
  });

  test("every event an element documents has a story that sends it to the Actions panel", () => {
    const manifest: unknown = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    for (const tag of ['inno-idea-form', 'inno-gallery', 'inno-event-calendar', 'inno-stakeholder-map']) {
      const documented = (findDeclaration(manifest, tag)?.events ?? []).map((event) => event.name).sort();
      const shown = [...new Set(EVENT_SCENARIOS.filter((s) => s.tag === tag).flatMap((s) => Object.keys(s.logged)))].sort();
      assert.ok(documented.length > 0, `<${tag}> documents its events`);
      assert.deepEqual(shown, documented, `<${tag}>: the events its stories below show`);
    }
  });

  for (const scenario of EVENT_SCENARIOS) {
    test(`${scenario.id}: the Actions panel logs ${Object.keys(scenario.logged).join(', ')} with its detail when one ${scenario.does}`, async () => {
      const { page, pageErrors } = await open(`/?path=/story/${scenario.id}&addonPanel=storybook/actions/panel`);
      try {
        const preview = page.frameLocator('#storybook-preview-iframe');
        await preview.locator(`#storybook-root ${scenario.tag}`).waitFor({ state: 'attached', timeout: 20_000 });
        await scenario.act?.(preview);
        const entries = await loggedActions(page, Object.keys(scenario.logged));
        for (const [name, detail] of Object.entries(scenario.logged)) {
          assert.match(entries.get(name) ?? '(not logged)', detail, `${name} in the Actions panel: ${[...entries].join(' | ')}`);
        }
        assert.deepEqual(pageErrors, [], 'uncaught errors in the manager');
      } finally {
        await page.close();
      }
    });
  }

  test('the language toolbar and the locale control name the language, never "undefined"', async () => {
    const { page, pageErrors } = await open('/?path=/story/elements-inno-gallery--innovations&addonPanel=storybook/controls/panel');
    try {
      const toolbar = page.getByRole('button', { name: 'Language of the widgets' });
      const localeRow = page.locator('#storybook-panel-root tr', { has: page.getByText('locale', { exact: true }) });
      const radios = () => localeRow.locator('label').allInnerTexts();
      await localeRow.waitFor({ timeout: 20_000 });
      assert.equal((await toolbar.innerText()).trim(), 'Bahasa Indonesia');
      assert.deepEqual(await radios(), ['toolbar', 'id', 'en']);
      await toolbar.click();
      await page.getByRole('option', { name: /English/ }).click();
      await page.frameLocator('#storybook-preview-iframe').locator('html[lang="en"]').waitFor({ state: 'attached', timeout: 10_000 });
      assert.equal((await toolbar.innerText()).trim(), 'English');
      assert.deepEqual(await radios(), ['toolbar', 'id', 'en']);
      assert.deepEqual(pageErrors, [], 'uncaught errors in the manager');
    } finally {
      await page.close();
    }
  });

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
