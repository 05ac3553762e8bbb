/**
 * An API on another origin that does not allow this page (the reference API in the test
 * server lists no other origin): the browser refuses the answer, which looks to the page
 * exactly like a dropped connection, and like a server that is down. The reader is told in
 * plain words that the server cannot be reached; the console tells the page's developer what
 * to set, once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/gallery/index.js';
import { otherOrigin, recordWarnings } from '../support/other-origin.js';

describe('an API on another origin that refuses this page', () => {
  it('tells the reader plainly, and the developer the likely cause once in the console', async () => {
    const { host, apiBase } = otherOrigin();
    const warnings = await recordWarnings(async () => {
      const el = await fixture<HTMLElement>(html`<inno-gallery api-base=${apiBase} locale="en" no-url-state></inno-gallery>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'an error state', { timeout: 15_000 });
      const text = el.shadowRoot!.querySelector('[part~="error"]')!.textContent;
      expect(text).to.contain('could not be reached');
      expect(text, 'the configuration hint is for the console only').not.to.contain('allow');
      expect(el.shadowRoot!.querySelector('[part~="error"] button')).to.exist;
      await expect(el).to.be.accessible();
    });
    const hints = warnings.filter((w) => w.includes('INNO_ALLOWED_ORIGINS'));
    expect(hints).to.have.length(1);
    expect(hints[0]).to.contain(location.origin);
    expect(hints[0]).to.contain(`${host}:${location.port}`);
  });
});
