/**
 * Widgets follow the page's colour scheme, not the device's: light on a light-only page for
 * every visitor; dark where the page offers dark (its `color-scheme`, or its
 * `<meta name="color-scheme">`) and the visitor prefers it; a provider's `theme` wins.
 * The visitor's preference is emulated in Chromium (prefers-color-scheme).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { InnoProvider } from '../../src/core/provider/index.js';
import '../../src/core/provider/index.js';
import '../support/probe.js';
import type { TestProbe } from '../support/probe.js';

/** The scheme the widget's palette is in, and its background token. */
function scheme(el: Element): { scheme: string; bg: string } {
  const style = getComputedStyle(el);
  return { scheme: style.colorScheme, bg: style.getPropertyValue('--_bg').trim() };
}

/** Lets a MutationObserver or a media-query listener run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the page colour scheme', () => {
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    document.querySelectorAll('meta[name="color-scheme"]').forEach((m) => m.remove());
    await emulateMedia({ colorScheme: 'light' });
  });

  it('keeps widgets light on a light-only page, even for a visitor whose device is dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const probe = await fixture<TestProbe>(html`<test-probe api-base="/api/v1"></test-probe>`);
    expect(scheme(probe).scheme).to.equal('light');
    expect(scheme(probe).bg).to.equal('#ffffff');
    expect(probe.hasAttribute('data-inno-dark-page')).to.equal(false);
  });

  it("follows the visitor's preference where the page offers light and dark, and its changes", async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await emulateMedia({ colorScheme: 'dark' });
    const probe = await fixture<TestProbe>(html`<test-probe api-base="/api/v1"></test-probe>`);
    expect(scheme(probe).scheme).to.equal('dark');
    expect(scheme(probe).bg).to.not.equal('#ffffff');

    await emulateMedia({ colorScheme: 'light' });
    await settle();
    expect(scheme(probe).scheme).to.equal('light');
  });

  it('follows <meta name="color-scheme"> when no CSS declares a scheme', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'light dark' });
    document.head.append(meta);
    await emulateMedia({ colorScheme: 'dark' });
    const probe = await fixture<TestProbe>(html`<test-probe api-base="/api/v1"></test-probe>`);
    expect(scheme(probe).scheme).to.equal('dark');
  });

  it('is dark inside a dark section whatever the device prefers, and follows a page that switches', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <section style="color-scheme: dark"><test-probe id="in-dark" api-base="/api/v1"></test-probe></section>
      <test-probe id="outside" api-base="/api/v1"></test-probe>
    </div>`);
    const inDark = wrapper.querySelector<TestProbe>('#in-dark')!;
    const outside = wrapper.querySelector<TestProbe>('#outside')!;
    expect(scheme(inDark).scheme).to.equal('dark');
    expect(scheme(outside).scheme).to.equal('light');

    // A site's own dark-mode switch: an attribute on <html> that its CSS turns into a scheme.
    document.documentElement.style.colorScheme = 'dark';
    await settle();
    expect(scheme(outside).scheme).to.equal('dark');
    document.documentElement.style.colorScheme = '';
    await settle();
    expect(scheme(outside).scheme).to.equal('light');
  });

  it("lets a provider's theme win over the page in both directions", async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <section style="color-scheme: dark"><inno-provider api-base="/api/v1" theme="light"><test-probe id="a"></test-probe></inno-provider></section>
      <inno-provider api-base="/api/v1" theme="dark"><test-probe id="b"></test-probe></inno-provider>
    </div>`);
    const a = root.querySelector<TestProbe>('#a')!;
    const b = root.querySelector<TestProbe>('#b')!;
    await Promise.all([...root.querySelectorAll<InnoProvider>('inno-provider')].map((p) => p.updateComplete));
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(scheme(a).scheme).to.equal('light');
    expect(scheme(b).scheme).to.equal('dark');
  });
});
