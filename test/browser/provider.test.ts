import { expect, fixture, html } from '@open-wc/testing';
import { defineElement } from '../../src/core/base-element.js';
import { InnoProvider } from '../../src/core/provider/index.js';
import '../support/probe.js';
import type { TestProbe } from '../support/probe.js';

function captureConsole(method: 'error' | 'warn') {
  const calls: unknown[][] = [];
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => calls.push(args);
  return { calls, restore: () => (console[method] = original) };
}

describe('<inno-provider>', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('shares one client and its language with nested widgets, even inside shadow roots', async () => {
    const root = await fixture<InnoProvider>(html`
      <inno-provider api-base="/api/v1" locale="en">
        <section><test-probe id="a"></test-probe></section>
        <test-probe id="b"></test-probe>
      </inno-provider>
    `);
    const [a, b] = ['a', 'b'].map((id) => root.querySelector(`#${id}`) as TestProbe);
    await a!.updateComplete;
    expect(a!.client).to.exist;
    expect(a!.client).to.equal(b!.client);
    expect(a!.client!.baseUrl).to.equal(`${location.origin}/api/v1/`);
    expect(a!.resolvedLocale).to.equal('en');

    // A widget in another element's shadow root still finds the provider (context events are composed).
    const host = document.createElement('div');
    root.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const deep = document.createElement('test-probe');
    shadow.append(deep);
    await deep.updateComplete;
    expect(deep.client).to.equal(a!.client);
  });

  it('passes changes of locale, api-base and theme on to the widgets', async () => {
    const root = await fixture<InnoProvider>(html`
      <inno-provider api-base="/one/api/v1" locale="en"><test-probe></test-probe></inno-provider>
    `);
    const probe = root.querySelector('test-probe')!;
    root.locale = 'id';
    root.apiBase = '/two/api/v1';
    root.theme = 'dark';
    await root.updateComplete;
    await probe.updateComplete;
    expect(probe.resolvedLocale).to.equal('id');
    expect(probe.client!.baseUrl).to.contain('/two/api/v1/');
    expect(probe.getAttribute('data-inno-theme')).to.equal('dark');
    expect(getComputedStyle(probe).colorScheme).to.equal('dark');
    root.removeAttribute('theme');
    await root.updateComplete;
    await probe.updateComplete;
    expect(probe.hasAttribute('data-inno-theme')).to.equal(false);
  });

  it('shares one client among a provider and widgets that name the same API in other words', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <inno-provider api-base="/api/v1"><test-probe id="a"></test-probe></inno-provider>
      <test-probe id="b" api-base="/api/v1/"></test-probe>
      <test-probe id="c" api-base=${`${location.origin}/api/v1`}></test-probe>
      <test-probe id="d" api-base="/other/api/v1"></test-probe>
    </div>`);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => root.querySelector<TestProbe>(`#${id}`)!);
    await Promise.all([a, b, c, d].map((p) => p!.updateComplete));
    expect(a!.client).to.exist;
    expect(b!.client).to.equal(a!.client);
    expect(c!.client).to.equal(a!.client);
    // The same client on every read, not a new one per render.
    expect(b!.client).to.equal(b!.client);
    expect(d!.client).to.not.equal(a!.client);
    expect(d!.client!.baseUrl).to.equal(`${location.origin}/other/api/v1/`);
  });

  it('lets a widget api-base and locale win over the provider', async () => {
    const root = await fixture<InnoProvider>(html`
      <inno-provider api-base="/api/v1" locale="en"><test-probe api-base="/own/api/v1" locale="id"></test-probe></inno-provider>
    `);
    const probe = root.querySelector('test-probe')!;
    await probe.updateComplete;
    expect(probe.client!.baseUrl).to.contain('/own/api/v1/');
    expect(probe.resolvedLocale).to.equal('id');
  });

  it('defaults the language to the page lang, then to Indonesian', async () => {
    const probe = await fixture<TestProbe>(html`<test-probe api-base="/api/v1"></test-probe>`);
    expect(probe.resolvedLocale).to.equal('id');
    document.documentElement.lang = 'en-GB';
    await new Promise((r) => setTimeout(r)); // the page-wide lang observer reports asynchronously
    await probe.updateComplete;
    expect(probe.resolvedLocale).to.equal('en');
    expect(probe.shadowRoot!.textContent).to.contain('Loading');
    const nested = await fixture<HTMLElement>(html`<div lang="id"><test-probe api-base="/api/v1"></test-probe></div>`);
    expect(nested.querySelector('test-probe')!.resolvedLocale).to.equal('id');
  });

  it('shows a configuration message and logs one console error without api-base or provider', async () => {
    const errors = captureConsole('error');
    try {
      const probe = await fixture<TestProbe>(html`<test-probe></test-probe>`);
      await new Promise((r) => setTimeout(r));
      await probe.updateComplete;
      const message = probe.shadowRoot!.querySelector('[part=config-error]');
      expect(message).to.exist;
      expect(message!.getAttribute('role')).to.equal('alert');
      expect(message!.textContent).to.contain('api-base');
      probe.requestUpdate();
      await probe.updateComplete;
      expect(errors.calls).to.have.length(1);
      expect(String(errors.calls[0]![0])).to.contain('<test-probe>');
      await expect(probe).to.be.accessible();
    } finally {
      errors.restore();
    }
  });

  it('clears the configuration message once an api-base arrives', async () => {
    const errors = captureConsole('error');
    try {
      const probe = await fixture<TestProbe>(html`<test-probe></test-probe>`);
      await new Promise((r) => setTimeout(r));
      probe.apiBase = '/api/v1';
      await probe.updateComplete;
      expect(probe.shadowRoot!.querySelector('[part=config-error]')).to.equal(null);
    } finally {
      errors.restore();
    }
  });

  it('does not throw when an element is defined twice (two copies on one page)', () => {
    const warnings = captureConsole('warn');
    try {
      class OtherCopy extends InnoProvider {
        static override version = '0.0.1';
      }
      expect(() => defineElement('inno-provider', OtherCopy)).not.to.throw();
      expect(() => defineElement('inno-provider', InnoProvider)).not.to.throw();
      expect(customElements.get('inno-provider')).to.equal(InnoProvider);
      expect(warnings.calls).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('is accessible and renders its children', async () => {
    const root = await fixture<InnoProvider>(html`<inno-provider api-base="/api/v1"><p>Halo</p></inno-provider>`);
    expect(getComputedStyle(root).display).to.equal('contents');
    await expect(root).to.be.accessible();
  });
});
