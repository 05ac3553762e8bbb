/**
 * Every widget against malformed data and failing connections, in Chromium, over real HTTP
 * (test/support/fixtures/hostile.ts): wrong types, missing fields, `[]`, `null`, 50 000
 * items; 503 twice then 200, a reset connection, a request that hangs past the client's
 * timeout, and a refused connection (offline). Each widget ends in an error state with a
 * working retry button, an empty state, or its content; no promise rejection goes unhandled;
 * axe finds nothing in the state it ends in.
 *
 * The hang uses the client's own `timeout` option through the provider context (the same
 * context <inno-provider> fills), so that it takes one second instead of the default fifteen.
 */
import { ContextProvider } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { innoContext } from '../../src/core/context.js';
import '../../src/index.js';

type State = 'error' | 'empty' | 'content' | 'loading';

interface Widget {
  tag: string;
  attrs: string;
  /** What the widget shows now. */
  state: (el: HTMLElement) => State;
  /** Its retry button, in the error state. */
  retry: (el: HTMLElement) => HTMLButtonElement | null;
}

const q = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => el.shadowRoot?.querySelector<T>(selector) ?? null;
const errorRetry = (el: HTMLElement) => q<HTMLButtonElement>(el, '[part~=error] button');

const WIDGETS: Widget[] = [
  {
    tag: 'inno-gallery',
    attrs: 'no-url-state',
    state: (el) => (q(el, '[part~=error] button') ? 'error' : q(el, '[part=empty]') ? 'empty' : q(el, '.card .open') ? 'content' : 'loading'),
    retry: errorRetry,
  },
  {
    tag: 'inno-event-calendar',
    attrs: 'view="month" date="2026-03" time-zone="Asia/Jakarta"',
    state: (el) => {
      if (q(el, '[part~=error] button')) return 'error';
      if (q(el, 'div.calendar')?.getAttribute('aria-busy') !== 'false') return 'loading';
      return q(el, 'button.event') ? 'content' : 'empty';
    },
    retry: errorRetry,
  },
  {
    tag: 'inno-stakeholder-map',
    attrs: 'view="list"',
    state: (el) => (q(el, '[part~=error] button') ? 'error' : q(el, '[part=empty]') ? 'empty' : q(el, 'tbody tr') ? 'content' : 'loading'),
    retry: errorRetry,
  },
  {
    tag: 'inno-idea-form',
    attrs: `draft-key="faults"`,
    state: (el) => {
      if (q(el, '#sector-failed')) return 'error';
      return (q<HTMLSelectElement>(el, '#f-sector')?.options.length ?? 0) > 1 ? 'content' : 'loading';
    },
    retry: (el) =>
      [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~=field] button') ?? [])].find((b) => b.textContent.includes('Try again')) ?? null,
  },
];

const unhandled: unknown[] = [];
const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
before(() => window.addEventListener('unhandledrejection', onUnhandled));
after(() => window.removeEventListener('unhandledrejection', onUnhandled));
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 50));
  expect(unhandled, 'unhandled rejections').to.deep.equal([]);
});

let keys = 0;
const key = () => `${Date.now().toString(36)}${(keys++).toString(36)}`;

async function render(widget: Widget, apiBase: string): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = `<${widget.tag} api-base="${apiBase}" locale="en" ${widget.attrs}></${widget.tag}>`;
  return host.firstElementChild as HTMLElement;
}

/** A widget given a client by context, as <inno-provider> gives it, here with a short timeout. */
async function renderWithClient(widget: Widget, client: ApiClient): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = new ContextProvider(host, { context: innoContext, initialValue: { client, locale: 'en', theme: undefined } });
  provider.hostConnected();
  host.innerHTML = `<${widget.tag} ${widget.attrs}></${widget.tag}>`;
  return host.firstElementChild as HTMLElement;
}

async function settled(widget: Widget, el: HTMLElement, timeout = 10_000): Promise<State> {
  await waitUntil(() => widget.state(el) !== 'loading', `${widget.tag} never left the loading state`, { timeout });
  return widget.state(el);
}

/** The retry button asks again: the widget leaves the error state and comes back to a settled one. */
async function retryWorks(widget: Widget, el: HTMLElement, expected: State): Promise<void> {
  const button = widget.retry(el);
  expect(button, 'retry button').to.exist;
  expect(button!.textContent.trim()).to.equal('Try again');
  button!.click();
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  expect(await settled(widget, el)).to.equal(expected);
}

const MALFORMED: Record<string, State[]> = {
  // Items of the wrong type are skipped: an empty list (with the note) or an error.
  types: ['empty', 'error'],
  envelope: ['error'],
  // Lists without `items` are errors; items without their required fields are skipped.
  missing: ['error', 'empty'],
  array: ['error'],
  null: ['error'],
  huge: ['content'],
};

for (const widget of WIDGETS) {
  describe(`faults: <${widget.tag}>`, () => {
    for (const [scenario, allowed] of Object.entries(MALFORMED)) {
      it(`malformed data (${scenario}): ${allowed.join(' or ')}, accessible`, async () => {
        const el = await render(widget, `/fixture-hostile/${scenario}/api/v1`);
        const state = await settled(widget, el, scenario === 'huge' ? 15_000 : 10_000);
        expect(allowed, `${scenario} ended in ${state}`).to.include(state);
        if (state === 'error') await retryWorks(widget, el, 'error');
        await expect(el).to.be.accessible();
      });
    }

    it('503 twice, then 200: recovers by itself and shows the content', async () => {
      const el = await render(widget, `/fixture-hostile/flaky-${key()}/api/v1`);
      expect(await settled(widget, el)).to.equal('content');
      await expect(el).to.be.accessible();
    });

    it('a reset connection: an error with a retry that asks again, accessible', async () => {
      const el = await render(widget, `/fixture-hostile/reset-${key()}/api/v1`);
      expect(await settled(widget, el)).to.equal('error');
      expect(el.shadowRoot!.textContent).to.contain('could not be reached');
      await expect(el).to.be.accessible();
      await retryWorks(widget, el, 'error');
    });

    it('offline (a refused connection): an error with a retry, accessible', async () => {
      const el = await render(widget, 'http://127.0.0.1:9/api/v1');
      expect(await settled(widget, el)).to.equal('error');
      expect(el.shadowRoot!.textContent).to.contain('could not be reached');
      await expect(el).to.be.accessible();
      await retryWorks(widget, el, 'error');
    });

    it('a hang past the client timeout: a timeout error with a retry, accessible', async () => {
      const client = new ApiClient({ baseUrl: '/fixture-hostile/hang/api/v1', timeout: 1_000 });
      const el = await renderWithClient(widget, client);
      expect(widget.state(el)).to.equal('loading');
      expect(await settled(widget, el)).to.equal('error');
      expect(el.shadowRoot!.textContent).to.contain('took too long');
      await expect(el).to.be.accessible();
      await retryWorks(widget, el, 'error');
      el.remove();
    });
  });
}
