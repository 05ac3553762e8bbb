/**
 * Journey: find an innovation and open it, keyboard only: Tab to the gallery's search box,
 * type, Tab to the card, Enter opens its detail in a modal dialog with the focus inside,
 * Escape closes it and gives the focus back to the card, and Shift+Tab leads back to the search.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { InnovationSummary } from '../../src/api/shapes.js';
import '../../src/index.js';
import { deepActive, focusedWidget, focusLandsOn, press, startAtTopOfPage, tabTo, typeText } from './support/keyboard.js';

describe('journey: find an innovation and open it by keyboard', () => {
  it('search box → type → Tab to the card → Enter → dialog → Escape → back on the card', async function () {
    this.timeout(40_000);
    const query = 'layanan';
    const found = (await (await fetch(`/api/v1/innovations?q=${query}&pageSize=12`)).json()) as { items: InnovationSummary[]; total: number };
    expect(found.items.length, 'the demo data has matches').to.be.greaterThan(1);
    // The last match on the page: Tab has to pass the others to reach it.
    const target = found.items.at(-1)!;

    const page = await fixture<HTMLElement>(html`<main>
      <h1>Inovasi Kota Sukamaju</h1>
      <inno-provider api-base="/api/v1" locale="en">
        <inno-gallery collection="innovations" page-size="12" no-url-state></inno-gallery>
      </inno-provider>
    </main>`);
    const gallery = page.querySelector('inno-gallery')!;
    const root = gallery.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('[part~=card]').length > 0, 'the first cards', { timeout: 8000 });
    const selected: string[] = [];
    gallery.addEventListener('inno-innovation-select', (e) => selected.push(e.detail.id));

    startAtTopOfPage();
    await tabTo((el) => focusedWidget() === 'inno-gallery' && el.getAttribute('part') === 'search', 'the search box');
    await typeText(query);
    // The list follows the typing (after a short pause) with only the matches.
    await waitUntil(
      () => {
        const titles = [...root.querySelectorAll('[part~=card-title]')].map((b) => b.textContent.trim());
        return titles.length === found.items.length && titles.includes(target.title);
      },
      'the search results',
      { timeout: 8000 },
    );
    const card = await tabTo(
      (el) => el.getAttribute('part') === 'card-title' && el.textContent.trim() === target.title,
      `the card "${target.title}"`,
    );
    await press('Enter');

    const dialog = root.querySelector<HTMLDialogElement>('dialog[part~=dialog]')!;
    await waitUntil(() => dialog.open && dialog.querySelector('.detail'), 'the detail dialog', { timeout: 8000 });
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.querySelector('h2')!.textContent.trim()).to.equal(target.title);
    expect(selected).to.deep.equal([target.id]);
    await focusLandsOn((el) => dialog.contains(el), 'the dialog');
    // The focus stays in the modal dialog while tabbing through it.
    for (let i = 0; i < 6; i++) {
      await press('Tab');
      const active = deepActive();
      if (active && active !== document.body) expect(dialog.contains(active), `Tab ${i + 1} stays in the dialog`).to.equal(true);
    }

    await press('Escape');
    await waitUntil(() => !dialog.open, 'the dialog closes on Escape');
    await focusLandsOn((el) => el === card, 'the card that opened the dialog');
    // And back up to the search box with Shift+Tab, to search again.
    const search = await tabTo((el) => el.getAttribute('part') === 'search', 'the search box, backwards', { backwards: true });
    expect((search as HTMLInputElement).value).to.equal(query);
  });
});
