import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../support/probe.js';
import type { TestProbe } from '../support/probe.js';

// This file must not import the provider statically: it checks a provider that upgrades
// after its widgets, as on CMS pages where scripts load in any order.

describe('<inno-provider> that upgrades late', () => {
  it('still reaches the widgets inside it, and nobody reports a missing configuration', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const root = await fixture<HTMLElement>(html`
        <inno-provider api-base="/late/api/v1" locale="en">
          <div><test-probe></test-probe></div>
        </inno-provider>
      `);
      const probe = root.querySelector('test-probe') as TestProbe;
      await probe.updateComplete;
      expect(customElements.get('inno-provider')).to.equal(undefined);
      expect(probe.client).to.equal(undefined);
      expect(probe.shadowRoot!.querySelector('[part=config-error]')).to.equal(null);

      await import('../../src/core/provider/index.js');
      await waitUntil(() => probe.client !== undefined, 'the late provider never reached the widget');
      await probe.updateComplete;
      expect(probe.client!.baseUrl).to.equal(`${location.origin}/late/api/v1/`);
      expect(probe.resolvedLocale).to.equal('en');
      expect(errors).to.deep.equal([]);
    } finally {
      console.error = original;
    }
  });
});
