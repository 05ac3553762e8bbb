/**
 * Journey: find a stakeholder's partners, keyboard only: the map's list view, its search,
 * a match chosen with Enter, the profile's "Works with" list, and one partner opened from it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import { focusedWidget, focusLandsOn, press, startAtTopOfPage, tabTo, typeText } from './support/keyboard.js';

interface Graph {
  items: { id: string; name: string }[];
  links: { source: string; target: string }[];
}

describe("journey: find a stakeholder's partners by keyboard", () => {
  it('list view → search → select → profile lists collaborators → one is opened', async function () {
    this.timeout(40_000);
    const graph = (await (await fetch('/api/v1/stakeholders')).json()) as Graph;
    const target = graph.items.find((s) => s.id === 'sh-brida') ?? graph.items[0]!;
    const partnerIds = new Set(graph.links.flatMap((l) => (l.source === target.id ? [l.target] : l.target === target.id ? [l.source] : [])));
    const partnerNames = graph.items.filter((s) => partnerIds.has(s.id)).map((s) => s.name);
    expect(partnerNames.length, 'the demo stakeholder has partners').to.be.greaterThan(0);

    const page = await fixture<HTMLElement>(html`<main>
      <h1>Ekosistem inovasi</h1>
      <inno-provider api-base="/api/v1" locale="en">
        <inno-stakeholder-map view="network"></inno-stakeholder-map>
      </inno-provider>
    </main>`);
    const map = page.querySelector('inno-stakeholder-map')!;
    const root = map.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~=legend]'), 'the map loaded', { timeout: 8000 });
    const selected: string[] = [];
    map.addEventListener('inno-stakeholder-select', (e) => selected.push(e.detail.id));

    startAtTopOfPage();
    const listButton = await tabTo(
      (el) => focusedWidget() === 'inno-stakeholder-map' && el.matches('.views button') && el.textContent.trim() === 'List',
      'the "List" view button',
    );
    await press('Enter');
    await waitUntil(() => root.querySelector('table[part~=table] tbody tr'), 'the list view', { timeout: 5000 });
    expect(listButton.getAttribute('aria-pressed')).to.equal('true');

    await tabTo((el) => el.id === 'search', 'the search box');
    await typeText(target.name.slice(0, 12));
    await waitUntil(() => [...root.querySelectorAll('.matches button')].some((b) => b.textContent.includes(target.name)), 'the matches');
    // The table follows the search too.
    expect([...root.querySelectorAll('tbody tr')].map((r) => (r as HTMLElement).dataset['id'])).to.include(target.id);
    const match = await tabTo((el) => el.matches('.matches button') && el.textContent.includes(target.name), `the match "${target.name}"`, {
      max: 10,
    });
    await press('Enter');
    const title = await focusLandsOn((el) => el.id === 'detail-title', 'the profile title');
    expect(title.textContent.trim()).to.equal(target.name);
    expect(selected).to.deep.equal([target.id]);

    // The profile lists exactly the stakeholder's partners.
    const detail = root.querySelector('[part~=detail]')!;
    const listed = [...detail.querySelectorAll('.collaborators button')].map((b) => b.textContent.trim());
    expect(listed).to.have.members(partnerNames);

    const partner = await tabTo((el) => detail.contains(el) && el.matches('.collaborators button'), 'the first partner', { max: 10 });
    const partnerName = partner.textContent.trim();
    await press('Enter');
    await focusLandsOn((el) => el.id === 'detail-title' && el.textContent.trim() === partnerName, "the partner's profile");
    expect(selected).to.have.length(2);
    expect(partnerIds.has(selected[1]!), 'the opened profile is a partner').to.equal(true);
    // …and that profile lists the first stakeholder among its own partners.
    expect([...root.querySelectorAll('[part~=detail] .collaborators button')].map((b) => b.textContent.trim())).to.include(target.name);

    await press('Escape');
    await waitUntil(() => !root.querySelector('[part~=detail]'), 'Escape closes the profile');
    await focusLandsOn((el) => el === match, 'the match that opened the profile');
  });
});
