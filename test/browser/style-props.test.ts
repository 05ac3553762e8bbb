import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { styleProps } from '../../src/core/directives/style-props.js';

/** Forbids inline style attributes on this page, as a strict CSP on a city site does. */
function forbidInlineStyleAttributes(): () => string[] {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src-attr 'none'";
  document.head.append(meta);
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
  return () => violations;
}

describe('styleProps()', () => {
  const violations = forbidInlineStyleAttributes();

  it('sets, updates and removes properties without an inline style attribute', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const draw = (props: Record<string, string | number | undefined>) => render(html`<span ${styleProps(props)}>x</span>`, host);
    draw({ '--hue': '#0b5cad', 'grid-column': '2 / span 3' });
    const span = host.querySelector('span')!;
    expect(span.style.getPropertyValue('--hue')).to.equal('#0b5cad');
    expect(span.style.gridColumn).to.equal('2 / span 3');
    draw({ '--hue': '#b42318', 'grid-column': undefined });
    expect(span.style.getPropertyValue('--hue')).to.equal('#b42318');
    expect(span.style.gridColumn).to.equal('');
    await new Promise((r) => setTimeout(r, 50));
    expect(violations()).to.deep.equal([]);
  });

  it('is needed: styleMap writes an attribute that the policy blocks on first render', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    render(html`<span style=${styleMap({ color: 'red' })}>x</span>`, host);
    await new Promise((r) => setTimeout(r, 50));
    expect(violations()).to.include('style-src-attr');
  });
});
