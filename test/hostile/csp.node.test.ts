/**
 * The script-tag file under a strict Content-Security-Policy (with Trusted Types), and two
 * copies of it on one page, in Debian's Chromium driven by playwright-core. Everything is
 * real: the esbuild bundle of src/index.ts, the reference API on a temporary SQLite file,
 * the browser. Nothing is mocked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { rewriteLeaflet, rewriteLit, trustedTypesEsbuild } from '../../scripts/trusted-types.js';
import { startPageServer, type PageServer } from './support/server.js';

interface Recorded {
  violations: { directive: string; blocked: string; sample: string; source: string }[];
  errors: string[];
}

let server: PageServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([
    startPageServer(),
    chromium.launch({ executablePath: findChrome(), args: [...CHROME_ARGS] }),
  ]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects console errors and page errors beside what watch.js records. */
async function open(path: string): Promise<{ page: Page; consoleErrors: string[]; pageErrors: string[]; recorded: () => Promise<Recorded> }> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(server.origin + path);
  const recorded = () => page.evaluate(() => (window as unknown as { __hostile: Recorded }).__hostile);
  return { page, consoleErrors, pageErrors, recorded };
}

/** Fails with everything that went wrong on the page, so a failure says why. */
async function assertClean(p: Awaited<ReturnType<typeof open>>, when: string): Promise<void> {
  const { violations, errors } = await p.recorded();
  assert.deepEqual(violations, [], `CSP violations ${when}`);
  assert.deepEqual(errors, [], `errors seen by the page ${when}`);
  assert.deepEqual(p.pageErrors, [], `page errors ${when}`);
  assert.deepEqual(p.consoleErrors, [], `console errors ${when}`);
}

describe('strict Content-Security-Policy, all four widgets under one provider', () => {
  test('every widget renders real, styled content and nothing violates the policy', async () => {
    const p = await open('/pages/csp.html');
    const { page } = p;
    try {
      // Real content from the reference API in each widget.
      await page.locator('inno-idea-form form[part~="form"] select option:not([value=""])').first().waitFor({ state: 'attached' });
      await page.locator('inno-gallery [part~="card"]').first().waitFor();
      await page.locator('inno-event-calendar [part~="grid"] [part~="event"]').first().waitFor({ state: 'attached' });
      await page.locator('inno-stakeholder-map [part~="legend"] button').first().waitFor();
      assert.ok((await page.locator('inno-gallery [part~="card-title"]').count()) > 0, 'gallery cards have titles');
      const legendCounts = await page.locator('inno-stakeholder-map [part~="legend"] .count').allTextContents();
      assert.ok(legendCounts.some((n) => Number(n) > 0), `the map counts stakeholders: ${legendCounts.join(',')}`);

      // Styled: the widgets' own stylesheets apply inside their shadow roots (adopted
      // sheets, allowed by style-src 'self'), so their buttons differ from a plain page button.
      // (A string, not a function: tsx would wrap named inner functions in a helper the page lacks.)
      const styles = await page.evaluate<{ plain: Record<string, string>; widgets: Record<string, { sheets: number; button: Record<string, string> | null }> }>(`(() => {
        const props = ['background-color', 'border-radius', 'font-family', 'padding-top'];
        const read = (el) => Object.fromEntries(props.map((k) => [k, getComputedStyle(el).getPropertyValue(k)]));
        const tags = ['inno-idea-form', 'inno-gallery', 'inno-event-calendar', 'inno-stakeholder-map'];
        return {
          plain: read(document.getElementById('ua-button')),
          widgets: Object.fromEntries(tags.map((tag) => {
            const root = document.querySelector(tag).shadowRoot;
            const button = root.querySelector('button');
            return [tag, { sheets: root.adoptedStyleSheets.length, button: button ? read(button) : null }];
          })),
        };
      })()`);
      for (const [tag, { sheets, button }] of Object.entries(styles.widgets)) {
        assert.ok(sheets > 0, `${tag} adopted its stylesheets`);
        assert.ok(button, `${tag} has a button`);
        const differs = Object.keys(styles.plain).filter((k) => button[k] !== styles.plain[k]);
        assert.ok(differs.length >= 2, `${tag}'s button is styled (${JSON.stringify(button)} vs ${JSON.stringify(styles.plain)})`);
      }
      await assertClean(p, 'after the first render');

      // The gallery's detail dialog.
      await page.locator('inno-gallery [part~="card-title"]').first().click();
      await page.locator('inno-gallery dialog[part~="dialog"][open] .dialog-head h2').waitFor();
      await page.locator('inno-gallery dialog[open] [part~="badge"]').first().waitFor();
      await page.keyboard.press('Escape');
      await page.locator('inno-gallery dialog[part~="dialog"][open]').waitFor({ state: 'detached' });

      // The calendar's week and list views (events placed by style properties).
      const views = page.locator('inno-event-calendar [part~="toolbar"] .views button');
      await views.nth(1).click();
      await page.locator('inno-event-calendar [part~="week"]').waitFor();
      await views.nth(2).click();
      await page.locator('inno-event-calendar ol[part~="list"], inno-event-calendar [part~="list"]').first().waitFor();
      // An event's detail dialog, with its .ics link (a blob: URL is made, not followed).
      await page.locator('inno-event-calendar [part~="list"] [part~="event"]').first().click();
      await page.locator('inno-event-calendar dialog[open] a.ics').waitFor();
      await page.keyboard.press('Escape');

      // The map's list view, and a stakeholder's profile.
      await page.locator('inno-stakeholder-map [part~="toolbar"] .views button').nth(2).click();
      await page.locator('inno-stakeholder-map table[part~="table"] tbody tr').first().waitFor();
      await page.locator('inno-stakeholder-map table[part~="table"] tbody .link-button').first().click();
      await page.locator('inno-stakeholder-map [part~="detail"] h3').waitFor();

      // Let any late style or script work (animation frames, lazy images) happen.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await assertClean(p, 'after opening dialogs and switching views');

      // The watcher itself works: an inline style attribute is reported under this policy.
      await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
      await page.waitForFunction(() => (window as unknown as { __hostile: Recorded }).__hostile.violations.length > 0);
      const { violations } = await p.recorded();
      assert.equal(violations[0]?.directive, 'style-src-attr');
    } finally {
      await page.close();
    }
  });
});

describe("the stakeholder map's geographic view (Leaflet, loaded from its own chunk)", () => {
  /** Waits for the map's markers (or its failure notice), its tiles and a cluster; checks that nothing went wrong. */
  const opened = async (p: Awaited<ReturnType<typeof open>>): Promise<void> => {
    const map = p.page.locator('inno-stakeholder-map');
    await map.locator('[part~="geo"]').waitFor();
    await map.locator('.leaflet-marker-icon, [part~="geo"] [role="alert"]').first().waitFor();
    await assertClean(p, 'as the map view opens');
    // Tiles (from 'self') and markers drawn with Leaflet's styles, set through the CSSOM.
    await map.locator('.leaflet-tile-loaded').first().waitFor();
    await map.locator('.leaflet-marker-icon.geo-marker').first().waitFor();
    // Clusters too, each with its count shown and its name for screen readers.
    await map.locator('.leaflet-marker-icon .cluster').first().waitFor();
    assert.match((await map.locator('.cluster .visually-hidden').first().textContent()) ?? '', /^\d+ stakeholders here, zoom in$/);
    await assertClean(p, 'with the map view open');
  };

  /**
   * The map's zoom level once no zoom animation runs (Leaflet ignores a zoom asked for during
   * one), read from the URLs of its tiles (/tiles/{z}/{x}/{y}.png): the highest level present,
   * since Leaflet prunes the other levels' tiles once the current level has loaded.
   * (Evaluated as a string: tsx would wrap named inner functions in a helper the page lacks.)
   */
  const settledZoom = (page: Page): Promise<number | null> =>
    page.evaluate(`(() => {
      const root = document.querySelector('inno-stakeholder-map').shadowRoot;
      if (root.querySelector('.leaflet-zoom-anim')) return null;
      return Math.max(...[...root.querySelectorAll('img.leaflet-tile')].map((img) => Number(new URL(img.src).pathname.split('/')[2])));
    })()`);

  /**
   * Polls until the map rests (at `zoom`, if given) and returns its zoom. (Polled from here:
   * waitForFunction would evaluate a string in the page, which the policy forbids.)
   */
  const restingZoom = async (page: Page, zoom?: number): Promise<number> => {
    for (const end = Date.now() + 10_000; ; ) {
      const now = await settledZoom(page);
      if (now !== null && (zoom === undefined || now === zoom)) return now;
      assert.ok(Date.now() < end, `the map comes to rest${zoom === undefined ? '' : ` at zoom ${zoom}`} (now ${now})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  test('under the strict policy without Trusted Types: tiles, markers and clusters, no violation', async () => {
    const p = await open('/pages/csp-geo.html?tt=off');
    try {
      await opened(p);
    } finally {
      await p.page.close();
    }
  });

  // Leaflet writes strings to innerHTML as it loads and in its own controls; the page's
  // policy admits only lit's. The build rewrites the first (scripts/trusted-types.ts),
  // and geo.ts builds the zoom buttons and the attribution as elements.
  test('under the full strict policy with Trusted Types: markers, clusters, zoom buttons by keyboard, attribution', async () => {
    const p = await open('/pages/csp-geo.html');
    const { page } = p;
    const map = page.locator('inno-stakeholder-map');
    try {
      await opened(p);
      const attribution = map.locator('.leaflet-control-attribution a');
      assert.deepEqual(await attribution.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)), ['https://leafletjs.com/']);

      // The zoom buttons are buttons, named, and work from the keyboard (Enter, then Space),
      // keeping the focus.
      const zoomIn = map.locator('.leaflet-control-zoom button.leaflet-control-zoom-in');
      const zoomOut = map.locator('.leaflet-control-zoom button.leaflet-control-zoom-out');
      assert.equal(await zoomIn.getAttribute('aria-label'), 'Zoom in');
      assert.equal(await zoomOut.getAttribute('aria-label'), 'Zoom out');
      // The map fits its markers once the API has answered; read the zoom after that.
      await page.waitForLoadState('networkidle');
      const fitted = await restingZoom(page);
      await zoomIn.focus();
      await page.keyboard.press('Enter');
      await restingZoom(page, fitted + 1);
      await page.keyboard.press('Space');
      await restingZoom(page, fitted + 2);
      assert.equal(await zoomIn.evaluate((button) => button.matches(':focus')), true, 'the zoom-in button keeps the focus');
      await zoomOut.focus();
      await page.keyboard.press('Enter');
      await restingZoom(page, fitted + 1);
      await assertClean(p, 'after zooming with the buttons');

      // In Indonesian, the map opened again names its buttons in Indonesian.
      await map.evaluate((el) => el.setAttribute('lang', 'id'));
      const views = map.locator('[part~="toolbar"] .views button');
      await views.nth(2).click();
      await map.locator('table[part~="table"] tbody tr').first().waitFor();
      await views.nth(1).click();
      await map.locator('.leaflet-marker-icon').first().waitFor();
      assert.equal(await zoomIn.getAttribute('aria-label'), 'Perbesar');
      assert.equal(await zoomOut.getAttribute('aria-label'), 'Perkecil');
      await assertClean(p, 'with the map opened again in Indonesian');
    } finally {
      await page.close();
    }
  });
});

describe("the build's Trusted Types rewrites of Leaflet and lit-html", () => {
  const file = createRequire(import.meta.url).resolve('leaflet/dist/leaflet-src.esm.js');
  const source = readFileSync(file, 'utf8');

  test('the installed Leaflet has its feature test once, and loses it in the rewrite', () => {
    const rewritten = rewriteLeaflet(source, file);
    assert.ok(!rewritten.includes("innerHTML = '<svg/>'"));
    assert.equal(rewritten.split("document.createElementNS('http://www.w3.org/2000/svg', 'svg')").length - 1, 1);
    // Nothing else changed.
    assert.equal(rewritten.length - source.length, "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));".length - "div.innerHTML = '<svg/>';".length);
  });

  test('a Leaflet whose feature test reads differently fails the build, naming the file', () => {
    const changed = source.replace("div.innerHTML = '<svg/>';", 'div.innerHTML = "<svg/>";');
    assert.throws(() => rewriteLeaflet(changed, file), (error: Error) => error.message.startsWith(`${file}: expected Leaflet's inline-SVG feature test once`));
  });

  test('the installed lit-html creates its policy once; rewritten, not when the library is already defined', () => {
    // The browser build, which the bundles use (the package exports no path to it for Node).
    const litFile = fileURLToPath(new URL('../../node_modules/lit-html/lit-html.js', import.meta.url));
    const lit = readFileSync(litFile, 'utf8');
    const rewritten = rewriteLit(lit, litFile);
    assert.equal(rewritten.split('createPolicy("lit-html"').length - 1, 1);
    assert.match(rewritten, /(\w+)&&!customElements\.get\("inno-provider"\)\?\1\.createPolicy\("lit-html",\{createHTML:(\w+)=>\2\}\):void 0/);
    assert.equal(rewritten.length - lit.length, '&&!customElements.get("inno-provider")'.length);
    assert.throws(() => rewriteLit(lit.replace('createPolicy("lit-html"', 'createPolicy("lit")'), litFile), /expected lit-html's policy creation once/);
  });

  test('an esbuild bundle that never reaches Leaflet or lit-html where expected fails', async () => {
    await assert.rejects(
      build({ stdin: { contents: 'export const x = 1;', loader: 'js' }, bundle: true, write: false, logLevel: 'silent', plugins: [trustedTypesEsbuild()] }),
      /Leaflet's inline-SVG feature test and lit-html's policy creation not rewritten/,
    );
  });
});

describe('the library loaded twice on one page', () => {
  const twice = (path: string) => async () => {
    const p = await open(path);
    const { page } = p;
    try {
      // Both copies loaded and twice.js ran, or something failed on the way (then say what).
      await page.waitForFunction(() => {
        const w = window as unknown as { __twice?: object; __hostile: Recorded };
        return (w.__twice !== undefined && 'inno-stakeholder-map' in w.__twice) || w.__hostile.errors.length > 0;
      });
      const { errors } = await p.recorded();
      assert.deepEqual(errors, [], 'errors while the two copies load');
      const twice = await page.evaluate(
        () => (window as unknown as { __twice: Record<string, { distinctCopies: boolean; definedByA: boolean; definedByB: boolean }> }).__twice,
      );
      for (const [tag, seen] of Object.entries(twice)) {
        assert.ok(seen.distinctCopies, `${tag}: the two bundles hold two different classes`);
        assert.ok(seen.definedByA && !seen.definedByB, `${tag}: the first copy's definition stands`);
      }
      // Content from the API in every widget, through the one provider.
      await page.locator('inno-idea-form form[part~="form"] select option:not([value=""])').first().waitFor({ state: 'attached' });
      await page.locator('inno-gallery [part~="card"]').first().waitFor();
      await page.locator('inno-event-calendar [part~="grid"] [part~="event"]').first().waitFor({ state: 'attached' });
      await page.locator('inno-stakeholder-map table[part~="table"] tbody tr').first().waitFor();

      // Interactions: the calendar switches to its list, the map opens a profile.
      await page.locator('inno-event-calendar [part~="toolbar"] .views button').nth(2).click();
      await page.locator('inno-event-calendar [part~="list"] [part~="event"]').first().waitFor();
      const name = (await page.locator('inno-stakeholder-map tbody .link-button').first().textContent())!.trim();
      await page.locator('inno-stakeholder-map tbody .link-button').first().click();
      assert.equal((await page.locator('inno-stakeholder-map [part~="detail"] h3').textContent())!.trim(), name);

      await assertClean(p, 'with two copies loaded');
    } finally {
      await page.close();
    }
  };

  // Under the strict policy with `trusted-types lit-html 'allow-duplicates'`: each copy
  // bundles its own lit, and each lit creates a policy named lit-html.
  test('two copies: no error, one definition per tag, the widgets work', twice('/pages/twice.html'));

  // Without 'allow-duplicates' the second copy's lit could not create its policy; the build
  // has it skip the policy (scripts/trusted-types.ts), since the second copy defines nothing.
  test("two copies under `trusted-types lit-html` without 'allow-duplicates'", twice('/pages/twice.html?tt=strict'));
});
