/**
 * An API on another origin that does not allow this page (the reference API in the test
 * server lists no other origin): the browser refuses the answer, which looks to the page
 * exactly like a dropped connection, and like a server that is down. The reader is told in
 * plain words that the server cannot be reached; the console tells the page's developer what
 * to set, once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/gallery/index.js';

describe('an API on another origin that refuses this page', () => {
  it('tells the reader plainly, and the developer the likely cause once in the console', async () => {
    // The same test server under its other name: another origin, not on the allowed list.
    const otherHost = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const apiBase = `${location.protocol}//${otherHost}:${location.port}/api/v1`;
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<HTMLElement>(html`<inno-gallery api-base=${apiBase} locale="en" no-url-state></inno-gallery>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'an error state', { timeout: 15_000 });
      const text = el.shadowRoot!.querySelector('[part~="error"]')!.textContent;
      expect(text).to.contain('could not be reached');
      expect(text, 'the configuration hint is for the console only').not.to.contain('allow');
      expect(el.shadowRoot!.querySelector('[part~="error"] button')).to.exist;
      const hints = warnings.filter((w) => w.includes('INNO_ALLOWED_ORIGINS'));
      expect(hints).to.have.length(1);
      expect(hints[0]).to.contain(location.origin);
      expect(hints[0]).to.contain(`${otherHost}:${location.port}`);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = original;
    }
  });
});
