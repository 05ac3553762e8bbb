import { html } from 'lit';
import { defineElement, InnoElement } from '../../src/core/base-element.js';

/** A minimal widget for testing what every widget inherits from InnoElement. */
export class TestProbe extends InnoElement {
  protected override render() {
    if (this.configMissing) return this.renderConfigError();
    return html`<p part="probe" data-locale=${this.resolvedLocale} data-base=${this.client?.baseUrl ?? ''}>
      ${this.coreStrings.loading}
    </p>`;
  }
}
defineElement('test-probe', TestProbe);

declare global {
  interface HTMLElementTagNameMap {
    'test-probe': TestProbe;
  }
}
