/**
 * Every widget against a hostile API (test/support/fixtures/hostile.ts, scenario `hostile`),
 * in Chromium at 360 px: markup, `<script>`, right-to-left overrides and 10 000-character
 * words in every text field, and `javascript:`, `data:`, ` javascript:`, `JaVaScRiPt:` and
 * `java\tscript:` in every link field. Nothing executes, no such link is rendered (every
 * `href`/`src` in every shadow root is http(s) or same-origin), the layout holds, axe finds
 * nothing; items with a bad link are skipped and reported, the others shown.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';

const API = '/fixture-hostile/hostile/api/v1';
const WIDTH = 360;

type Pwned = { __pwned?: unknown };
const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
let scriptsBefore = 0;

/** Every shadow root under (and including) the element's own, however deeply nested. */
function shadowRoots(el: Element): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (root: ShadowRoot) => {
    out.push(root);
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return out;
}

const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data'];

/** Every URL-carrying attribute is http(s), a same-origin path or a same-origin blob. */
function checkLinks(el: Element): void {
  for (const root of shadowRoots(el)) {
    for (const node of root.querySelectorAll('*')) {
      for (const name of URL_ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value === null) continue;
        // What a browser would see once it strips whitespace and control characters.
        const squashed = [...value].filter((c) => c > ' ').join('').toLowerCase();
        expect(squashed, `${node.localName}[${name}]`).not.to.match(/^(javascript|data|vbscript):/);
        const url = new URL(value, document.baseURI);
        const ok = url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' || (url.protocol === 'blob:' && url.origin === location.origin);
        expect(ok, `${node.localName}[${name}="${value.slice(0, 80)}"]`).to.equal(true);
        if (!/^[a-z][a-z0-9+.-]*:/i.test(value.trim())) expect(url.origin, `${name}="${value}"`).to.equal(location.origin);
      }
    }
  }
}

/** Nothing from the data executed or became an element. */
async function checkInert(el: Element): Promise<void> {
  // Let any injected image fail to load (its onerror would run then).
  await new Promise((r) => setTimeout(r, 100));
  expect((window as Pwned).__pwned).to.equal(undefined);
  expect(document.querySelectorAll('script').length).to.equal(scriptsBefore);
  for (const root of shadowRoots(el)) {
    expect(root.querySelectorAll('script, iframe, object, embed').length).to.equal(0);
    for (const img of root.querySelectorAll('img')) expect(img.getAttribute('src')).to.match(/\/fixture-hostile\/pixel\.png$/);
    for (const node of root.querySelectorAll('*')) {
      const handlers = [...node.attributes].filter((a) => a.name.startsWith('on'));
      expect(handlers.map((a) => a.name), node.localName).to.deep.equal([]);
    }
  }
}

/** The outermost elements that overflow the host, to name the culprit in a failure. */
function overflowing(el: HTMLElement): string {
  const right = el.getBoundingClientRect().right;
  const over = (n: Element) =>
    n.getBoundingClientRect().right > right + 1 || (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX === 'visible');
  return shadowRoots(el)
    .flatMap((r) => [...r.querySelectorAll('*')])
    .filter((n) => over(n) && [...n.children].every((c) => !over(c)))
    .slice(0, 3)
    .map((n) => `${n.localName}.${n.className} (${n.scrollWidth} px)`)
    .join(', ');
}

/** No horizontal overflow at 360 px, and the host keeps its width. */
function checkLayout(el: HTMLElement): void {
  if (el.scrollWidth > el.clientWidth + 1) expect.fail(`${el.localName} overflows to ${el.scrollWidth} px: ${overflowing(el)}`);
  expect(el.getBoundingClientRect().width).to.be.closeTo(WIDTH, 1);
  for (const dialog of shadowRoots(el).flatMap((r) => [...r.querySelectorAll('dialog')])) {
    if (!dialog.open) continue;
    expect(dialog.scrollWidth, 'dialog scrollWidth').to.be.at.most(dialog.clientWidth + 1);
    expect(dialog.getBoundingClientRect().right, 'dialog inside the viewport').to.be.at.most(document.documentElement.clientWidth + 1);
  }
}

async function checkAll(el: HTMLElement): Promise<void> {
  await checkInert(el);
  checkLinks(el);
  checkLayout(el);
  await expect(el).to.be.accessible();
}

/** The widget in a 360 px column; its width is checked before any data arrives. */
async function place<T extends HTMLElement>(markup: string): Promise<T> {
  const column = await fixture<HTMLDivElement>(html`<div></div>`);
  column.style.width = `${WIDTH}px`;
  column.innerHTML = markup;
  const el = column.firstElementChild as T;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  expect(el.getBoundingClientRect().width).to.be.closeTo(WIDTH, 1);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (el: Element) => el.shadowRoot!.textContent;
const skippedNote = (n: number) => `${n} items could not be shown.`;

before(() => {
  scriptsBefore = document.querySelectorAll('script').length;
  window.addEventListener('unhandledrejection', onUnhandled);
});
after(() => window.removeEventListener('unhandledrejection', onUnhandled));
afterEach(() => {
  expect(unhandled, 'unhandled rejections').to.deep.equal([]);
  expect((window as Pwned).__pwned).to.equal(undefined);
});

describe('hostile API: <inno-gallery>', () => {
  it('innovations: inert text, no bad link, skipped items reported, holds 360 px, accessible; bad detail links refused', async () => {
    const el = await place(`<inno-gallery api-base="${API}" locale="en" no-url-state></inno-gallery>`);
    await waitUntil(() => $(el, '[part=skipped]') && $$(el, '.card .open').length > 0, 'the list', { timeout: 8000 });
    expect($(el, '[part=skipped]')!.textContent).to.equal(skippedNote(5));
    const cards = $$(el, '.card .open');
    expect(cards).to.have.length(6);
    expect(cards[0]!.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(cards[0]!.textContent).to.contain('\u202E');
    await checkAll(el);

    cards[0]!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.querySelector('.detail'), 'the detail', { timeout: 8000 });
    expect(dialog.textContent).to.contain('<script>window.__pwned=2</script>');
    expect(dialog.querySelector('a[href="https://example.org/inovasi"]')).to.exist;
    await checkAll(el);
    dialog.close();

    // A detail whose website is any of the bad links breaks the contract: an error, no link.
    for (const [i, card] of cards.slice(1).entries()) {
      card.click();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await waitUntil(() => dialog.querySelector('[part=error]'), `detail ${i} refused`, { timeout: 8000 });
      expect(dialog.querySelector('[part=error] button')).to.exist;
      checkLinks(el);
      await checkInert(el);
      if (i === 0) await checkAll(el);
      dialog.close();
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    }
  });

  it('programs: inert text, bad websites and images skipped and reported, accessible', async () => {
    const el = await place(`<inno-gallery api-base="${API}" locale="en" collection="programs" no-url-state></inno-gallery>`);
    await waitUntil(() => $(el, '[part=skipped]') && $$(el, '.card .open').length > 0, 'the list', { timeout: 8000 });
    expect($(el, '[part=skipped]')!.textContent).to.equal(skippedNote(10));
    expect($$(el, '.card .open')).to.have.length(1);
    await checkAll(el);
    $$(el, '.card .open')[0]!.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.querySelector('.detail'), 'the detail', { timeout: 8000 });
    expect(dialog.textContent).to.contain('Syarat');
    await checkAll(el);
    dialog.close();
  });
});

describe('hostile API: <inno-event-calendar>', () => {
  for (const view of ['list', 'month', 'week'] as const) {
    it(`${view}: inert text, bad online and registration links skipped and reported, holds 360 px, accessible`, async () => {
      // Next month: the fixture's events sit just after the range asked for, so they are to
      // come and keep their registration links (an event that is over leaves it out).
      const next = new Date();
      next.setUTCDate(1);
      next.setUTCMonth(next.getUTCMonth() + 1);
      const date = next.toISOString().slice(0, 10);
      const el = await place(`<inno-event-calendar api-base="${API}" locale="en" view="${view}" date="${date}" time-zone="Asia/Jakarta"></inno-event-calendar>`);
      await waitUntil(() => text(el).includes(skippedNote(10)) && $$(el, 'button.event').length > 0, 'the events', { timeout: 8000 });
      await checkAll(el);
      $$(el, 'button.event')[0]!.click();
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await waitUntil(() => dialog.open && dialog.textContent.includes('Paragraf dua'), 'the event dialog', { timeout: 8000 });
      expect(dialog.textContent).to.contain('<script>window.__pwned=2</script>');
      const hrefs = [...dialog.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.include.members(['https://example.org/rapat', 'https://example.org/daftar']);
      await checkAll(el);
      dialog.close();
    });
  }
});

describe('hostile API: <inno-stakeholder-map>', () => {
  it('list: inert text, bad websites and logos skipped and reported, profile safe, holds 360 px, accessible', async () => {
    const el = await place(`<inno-stakeholder-map api-base="${API}" locale="en" view="list"></inno-stakeholder-map>`);
    await waitUntil(() => text(el).includes(skippedNote(10)) && $$(el, 'tbody tr').length > 0, 'the list', { timeout: 8000 });
    expect($$(el, 'tbody tr').map((tr) => tr.dataset['id'])).to.have.members(['good', 'partner']);
    await checkAll(el);
    $$(el, 'tbody button')[0]!.click();
    await waitUntil(() => $$(el, '.innovation').length > 0, 'the profile', { timeout: 8000 });
    expect(text(el)).to.contain('Paragraf dua');
    await checkAll(el);
  });

  it('network: the canvas view holds 360 px and is accessible', async () => {
    const el = await place(`<inno-stakeholder-map api-base="${API}" locale="en" view="network"></inno-stakeholder-map>`);
    await waitUntil(() => $(el, 'canvas')?.dataset['layout'] && text(el).includes(skippedNote(10)), 'the network', { timeout: 8000 });
    await checkAll(el);
  });
});

describe('hostile API: <inno-idea-form>', () => {
  it('sectors, program, similar innovations and a status check stay text, no bad link, 360 px, accessible', async () => {
    const el = await place(`<inno-idea-form api-base="${API}" locale="en" program="good" draft-key="hostile-${Date.now()}"></inno-idea-form>`);
    await waitUntil(() => ($<HTMLSelectElement>(el, '#f-sector')?.options.length ?? 0) > 1, 'the sectors', { timeout: 8000 });
    expect($<HTMLSelectElement>(el, '#f-sector')!.options[1]!.textContent).to.contain('<img src=x');
    await waitUntil(() => $(el, '[part~=program]')?.textContent.includes('<img src=x'), 'the program', { timeout: 8000 });

    const title = $<HTMLInputElement>(el, '#f-title')!;
    title.value = 'Antrean layanan';
    title.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => $$(el, '.similar li').length > 0, 'similar innovations', { timeout: 8000 });
    expect($(el, '.similar')!.textContent).to.contain('<script>window.__pwned=2</script>');
    await checkAll(el);

    const input = $<HTMLInputElement>(el, '#f-check')!;
    input.value = 'K7QM-4XRT';
    $<HTMLButtonElement>(el, '[part=check] button[type=submit]')!.click();
    await waitUntil(() => $(el, '.check-result')!.textContent.includes('Ide'), 'the status', { timeout: 8000 });
    expect($(el, '.check-result')!.textContent).to.contain('<img src=x');
    await checkAll(el);
  });
});
