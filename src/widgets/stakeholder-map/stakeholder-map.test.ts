import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { InnoInnovationSelectEvent, InnoStakeholderSelectEvent } from '../../core/events.js';
import type { InnoStakeholderMap } from './index.js';
import './index.js';
import { TABLE_ROWS } from './stakeholder-map.element.js';

/** The reference server's answer, read directly, to compare the widget against. */
interface Graph {
  items: { id: string; name: string; helix: string; location?: unknown }[];
  links: { source: string; target: string }[];
}

async function serverGraph(query = ''): Promise<Graph> {
  const response = await fetch(`/api/v1/stakeholders${query}`);
  return (await response.json()) as Graph;
}

function neighboursIn(graph: Graph): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const { source, target } of graph.links) {
    if (!map.has(source)) map.set(source, new Set());
    if (!map.has(target)) map.set(target, new Set());
    map.get(source)!.add(target);
    map.get(target)!.add(source);
  }
  return map;
}

const $ = <T extends Element = HTMLElement>(el: InnoStakeholderMap, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: InnoStakeholderMap, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<T>(selector)];

async function loaded(el: InnoStakeholderMap): Promise<void> {
  await waitUntil(() => $(el, '.legend') || $(el, '[part="error"]') || $(el, '[part="empty"]'), 'the map did not load', { timeout: 8000 });
  await el.updateComplete;
}

interface MapAttributes {
  view?: 'network' | 'geo' | 'list';
  helix?: string;
  around?: string;
  depth?: 1 | 2 | 3;
}

async function mapAt(base: string, attrs: MapAttributes = {}) {
  const el = await fixture<InnoStakeholderMap>(html`<inno-stakeholder-map
    api-base=${base}
    locale="en"
    view=${attrs.view ?? 'list'}
    helix=${attrs.helix ?? ''}
    around=${attrs.around ?? ''}
    depth=${attrs.depth ?? 1}
  ></inno-stakeholder-map>`);
  await loaded(el);
  return el;
}

/** The network's layout engine is a chunk of its own: wait until it drives the canvas. */
async function networkReady(el: InnoStakeholderMap): Promise<HTMLCanvasElement> {
  await waitUntil(() => $(el, 'canvas')?.dataset['layout'], 'the network view did not start', { timeout: 8000 });
  return $<HTMLCanvasElement>(el, 'canvas')!;
}

const rowIds = (el: InnoStakeholderMap) => $$(el, 'tbody tr').map((tr) => tr.dataset['id']!);
const announced = (el: InnoStakeholderMap) => $(el, '[role="status"][aria-live]')!.textContent.trim();

describe('<inno-stakeholder-map>', () => {
  it('shows every stakeholder the server returns in the list view, sortable, and passes axe', async () => {
    const graph = await serverGraph();
    expect(graph.items.length).to.be.greaterThan(10);
    const el = await mapAt('/api/v1');
    expect(rowIds(el)).to.have.members(graph.items.map((s) => s.id));
    expect($(el, 'caption')!.textContent).to.contain(`${graph.items.length} stakeholders`);

    // Sort by collaborations: the header button sets aria-sort, the best connected comes first.
    const header = $$(el, 'th').find((th) => th.textContent.includes('Collaborations'))!;
    header.querySelector('button')!.click();
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    const degree = (id: string) => graph.links.filter((l) => l.source === id || l.target === id).length;
    const counts = rowIds(el).map(degree);
    expect(counts).to.deep.equal([...counts].sort((a, b) => b - a));
    expect(Number($$(el, 'tbody tr')[0]!.querySelector('.num')!.textContent)).to.equal(counts[0]);
    header.querySelector('button')!.click();
    await el.updateComplete;
    expect(header.getAttribute('aria-sort')).to.equal('ascending');

    await expect(el).to.be.accessible();
  });

  it('keeps a huge list bounded: rows come in batches with "show more", the focus stays', async () => {
    // 50 000 valid stakeholders from the hostile fixture (test/support/fixtures/hostile.ts).
    const el = await mapAt('/fixture-hostile/huge/api/v1', { view: 'list' });
    expect($$(el, 'tbody tr')).to.have.length(TABLE_ROWS);
    expect($(el, 'caption')!.textContent).to.contain('50,000');
    const more = $(el, '[part="table-more"] button')!;
    expect($(el, '[part="table-more"]')!.textContent).to.contain(`Showing ${TABLE_ROWS} of 50,000`);
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, 'tbody tr')).to.have.length(2 * TABLE_ROWS);
    expect(el.shadowRoot!.activeElement).to.equal(more);
  });

  it('shows the network\'s keys when it gets keyboard focus, until a key is used, and describes it with them', async () => {
    const el = await mapAt('/api/v1', { view: 'network' });
    const canvas = await networkReady(el);
    const help = $(el, '[part="key-help"]')!;
    expect(canvas.getAttribute('aria-describedby')).to.equal(help.id);
    expect(help.textContent).to.contain('Arrow keys');
    expect(getComputedStyle(help).opacity).to.equal('0');
    // Reach the network from the control before it, by keyboard.
    const before = $$<HTMLElement>(el, 'button, input, select, [tabindex="0"]');
    before[before.indexOf(canvas) - 1]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(canvas);
    expect(getComputedStyle(help).opacity).to.equal('1');
    await expect(el).to.be.accessible();
    // Once a key is used the help steps aside, so that it covers none of the picture; it comes
    // back with the next visit.
    await sendKeys({ press: 'ArrowRight' });
    expect(getComputedStyle(help).opacity).to.equal('0');
    expect(canvas.getAttribute('aria-describedby')).to.equal(help.id);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(canvas);
    expect(getComputedStyle(help).opacity).to.equal('1');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.not.equal(canvas);
    expect(getComputedStyle(help).opacity).to.equal('0');
  });

  it('narrows the list and the network alike with the helix legend', async () => {
    const graph = await serverGraph();
    const el = await mapAt('/api/v1');
    const government = $(el, '.legend button[data-helix="government"]')!;
    const count = graph.items.filter((s) => s.helix === 'government').length;
    expect(government.getAttribute('aria-pressed')).to.equal('true');
    expect(government.textContent.replace(/\s+/g, ' ').trim()).to.equal(`Government ${count} stakeholders`);

    government.click();
    await el.updateComplete;
    expect(government.getAttribute('aria-pressed')).to.equal('false');
    const rest = graph.items.filter((s) => s.helix !== 'government').map((s) => s.id);
    expect(rowIds(el)).to.have.members(rest);

    // The network shows the same stakeholders: its label counts them, and a keyboard walk
    // never lands on a hidden helix.
    el.view = 'network';
    const canvas = await networkReady(el);
    expect(canvas.getAttribute('aria-label')).to.contain(`${rest.length} stakeholders`);
    canvas.focus();
    const helixOf = new Map(graph.items.map((s) => [s.name, s.helix]));
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
      await sendKeys({ press: key });
      await el.updateComplete;
      const name = announced(el).split(', ')[0]!;
      if (helixOf.has(name)) expect(helixOf.get(name)).not.to.equal('government');
    }

    // The attribute sets the first filter.
    el.helix = 'media academia';
    await el.updateComplete;
    expect($$(el, '.legend button[aria-pressed="true"]').map((b) => b.dataset['helix'])).to.have.members(['academia', 'media']);
  });

  it('selects a stakeholder from the search, opens its profile with innovations and collaborators', async () => {
    const graph = await serverGraph();
    const target = graph.items.find((s) => s.id === 'sh-brida') ?? graph.items[0]!;
    const el = await mapAt('/api/v1');
    const input = $<HTMLInputElement>(el, '#search')!;
    input.focus();
    await sendKeys({ type: target.name.slice(0, 12) });
    await el.updateComplete;
    expect($$(el, '.matches button').some((b) => b.textContent.includes(target.name))).to.equal(true);
    const rows = rowIds(el);
    expect(rows).to.include(target.id);
    expect(rows.length).to.be.lessThan(graph.items.length);

    const button = $$(el, '.matches button').find((b) => b.textContent.includes(target.name))!;
    setTimeout(() => button.click());
    const event = await oneEvent<InnoStakeholderSelectEvent>(el, 'inno-stakeholder-select');
    expect(event.detail).to.deep.equal({ id: target.id });
    expect(event.composed).to.equal(true);
    await el.updateComplete;
    const title = $(el, '#detail-title')!;
    expect(title.textContent).to.equal(target.name);
    expect(el.shadowRoot!.activeElement).to.equal(title);

    // Innovations come from GET /stakeholders/{id}.
    const detail = (await (await fetch(`/api/v1/stakeholders/${target.id}`)).json()) as { innovations: { id: string; title: string }[] };
    await waitUntil(() => $$(el, '.innovation').length === detail.innovations.length && detail.innovations.length > 0, 'innovations', { timeout: 5000 });
    expect($$(el, '.innovation').map((li) => li.textContent)).to.satisfy((texts: string[]) =>
      detail.innovations.every((i) => texts.some((text) => text.includes(i.title))));

    // Each innovation is a control that tells the page which one was picked (as the gallery does).
    const innovation = detail.innovations.at(-1)!;
    const control = $$(el, '.innovation button').find((b) => b.textContent.includes(innovation.title))!;
    control.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const picked = await oneEvent<InnoInnovationSelectEvent>(el, 'inno-innovation-select');
    expect(picked.detail).to.deep.equal({ id: innovation.id });
    expect(picked.composed).to.equal(true);
    expect($(el, '#detail-title')!.textContent, 'the profile stays open').to.equal(target.name);

    // Collaborators are the stakeholder's neighbours, each selectable.
    const neighbours = neighboursIn(graph).get(target.id)!;
    const collaborators = $$(el, '.collaborators button');
    expect(collaborators.map((b) => b.textContent.trim())).to.have.members([...neighbours].map((id) => graph.items.find((s) => s.id === id)!.name));
    const next = collaborators[0]!;
    setTimeout(() => next.click());
    const second = await oneEvent<InnoStakeholderSelectEvent>(el, 'inno-stakeholder-select');
    expect(neighbours.has(second.detail.id)).to.equal(true);
    await el.updateComplete;
    await expect(el).to.be.accessible();

    // Escape closes the profile; the focus goes back to where it came from.
    $(el, '#detail-title')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part="detail"]')).to.equal(null);
  });

  it('says how many partners a profile\'s collaborations are with, when two worked together more than once', async () => {
    const graph = await serverGraph();
    const neighbours = neighboursIn(graph);
    const links = (id: string) => graph.links.filter((l) => l.source === id || l.target === id).length;
    const repeated = graph.items.find((s) => links(s.id) > (neighbours.get(s.id)?.size ?? 0))!;
    const once = graph.items.find((s) => links(s.id) > 1 && links(s.id) === neighbours.get(s.id)?.size)!;
    expect(repeated, 'the demo has partners who worked together twice').to.exist;
    const el = await mapAt('/api/v1');
    const open = async (s: { name: string }) => {
      $$(el, 'td .link-button').find((b) => b.textContent.trim() === s.name)!.click();
      await el.updateComplete;
      return $$(el, '.detail .meta')[1]!.textContent;
    };
    expect(await open(repeated)).to.equal(`${links(repeated.id)} collaborations with ${neighbours.get(repeated.id)!.size} partners`);
    expect(await open(once)).to.equal(`${links(once.id)} collaborations`);
  });

  it('walks between connected stakeholders on the canvas with the arrow keys, and Enter opens one', async () => {
    const graph = await serverGraph();
    const neighbours = neighboursIn(graph);
    const byName = new Map(graph.items.map((s) => [s.name, s.id]));
    const el = await mapAt('/api/v1', { view: 'network' });
    const canvas = await networkReady(el);
    expect(canvas.getAttribute('role')).to.equal('application');
    expect(canvas.tabIndex).to.equal(0);
    expect($(el, `#${canvas.getAttribute('aria-describedby')!}`)!.textContent).to.contain('Arrow keys');
    await expect(el).to.be.accessible();

    canvas.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    let current = byName.get(announced(el).split(', ')[0]!);
    expect(current, 'the first arrow focuses a stakeholder').to.be.a('string');
    let moves = 0;
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown']) {
      await sendKeys({ press: key });
      await el.updateComplete;
      const text = announced(el);
      const id = byName.get(text.split(', ')[0]!);
      if (id && id !== current) {
        expect(neighbours.get(current!)!.has(id), `${text} is a neighbour`).to.equal(true);
        current = id;
        moves++;
      } else if (!id) {
        expect(text).to.equal('No connected stakeholder in that direction.');
      }
    }
    expect(moves).to.be.greaterThan(0);

    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = await oneEvent<InnoStakeholderSelectEvent>(el, 'inno-stakeholder-select');
    expect(event.detail.id).to.equal(current);

    // Page Down and Page Up reach every stakeholder by name, partners or not.
    const byNameOrder = graph.items.map((s) => s.name).sort((a, b) => a.localeCompare(b));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#detail-title'));
    // Escape closes the profile and gives the focus back to the canvas; a second one lets go
    // of the current stakeholder.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(canvas);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(announced(el).split(', ')[0]).to.equal(byNameOrder[0]);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(announced(el).split(', ')[0]).to.equal(byNameOrder.at(-1));
  });

  it('pans and zooms the network with the buttons, the wheel and a drag', async () => {
    const el = await mapAt('/api/v1', { view: 'network' });
    const canvas = await networkReady(el);
    await waitUntil(() => canvas.dataset['layout'] === 'settled', 'settled', { timeout: 10000 });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const picture = () => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.join();
    await frame();
    const fitted = picture();

    $$(el, '[part="zoom"] button')[0]!.click(); // zoom in
    await frame();
    const zoomed = picture();
    expect(zoomed).not.to.equal(fitted);

    // A real mouse drag on the background (its top-left corner is empty) pans.
    const box = canvas.getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [Math.round(box.left + x), Math.round(box.top + y)];
    await sendMouse({ type: 'move', position: at(4, 4) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(30, 20) });
    await sendMouse({ type: 'move', position: at(60, 40) });
    await sendMouse({ type: 'up' });
    await frame();
    expect(picture()).not.to.equal(zoomed);

    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: 200, clientX: box.left + 50, clientY: box.top + 50, cancelable: true }));
    await frame();
    const wheeled = picture();

    $$(el, '[part="zoom"] button')[2]!.click(); // fit to view
    await new Promise((resolve) => setTimeout(resolve, 200));
    await frame();
    expect(picture()).not.to.equal(wheeled);
    expect(picture()).to.equal(fitted);
    await resetMouse();
  });

  it('redraws the network in the other palette when the page switches between light and dark', async () => {
    const el = await mapAt('/api/v1', { view: 'network' });
    const canvas = await networkReady(el);
    await waitUntil(() => canvas.dataset['layout'] === 'settled', 'settled', { timeout: 10000 });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // A checksum of the pixels, so that a failure prints two numbers, not two pictures.
    const picture = () =>
      canvas
        .getContext('2d')!
        .getImageData(0, 0, canvas.width, canvas.height)
        .data.reduce((sum, value) => (sum * 31 + value) % 1_000_000_007, 0);
    const redrawn = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await frame();
    };
    await frame();
    const light = picture();
    // A page that offers dark through its root's color-scheme (see base-element.ts).
    document.documentElement.style.colorScheme = 'dark';
    try {
      await waitUntil(() => el.hasAttribute('data-inno-dark-page'), 'the widget follows the page');
      await redrawn();
      expect(picture()).not.to.equal(light);
    } finally {
      document.documentElement.style.colorScheme = '';
    }
    await waitUntil(() => !el.hasAttribute('data-inno-dark-page'), 'the widget follows the page back');
    await redrawn();
    expect(picture()).to.equal(light);
  });

  it('speaks Indonesian, works in the dark theme and fits 320 px without sideways scrolling', async () => {
    // 288 px: a 320 px phone minus the page's own margins.
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 288px">
      <inno-provider api-base="/api/v1" locale="id" theme="dark">
        <inno-stakeholder-map view="list"></inno-stakeholder-map>
      </inno-provider>
    </div>`);
    await import('../../core/provider/index.js');
    const el = wrapper.querySelector('inno-stakeholder-map')!;
    await loaded(el);
    expect($(el, 'legend')!.textContent).to.equal('Tampilkan heliks');
    expect($(el, 'caption')!.textContent).to.match(/^\d+ pemangku kepentingan$/);
    expect($$(el, '.views button').map((b) => b.textContent.trim())).to.deep.equal(['Jejaring', 'Peta', 'Daftar']);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(el.scrollWidth).to.be.at.most(288);
    expect($(el, '.root')!.scrollWidth).to.be.at.most(288);
    expect($(el, '.table-wrap')!.scrollWidth).to.be.at.most($(el, '.table-wrap')!.clientWidth);
    await expect(el).to.be.accessible();
  });

  it('shows the neighbourhood of the `around` stakeholder', async () => {
    const expected = await serverGraph('?around=sh-brida&depth=1');
    const el = await mapAt('/api/v1', { around: 'sh-brida', depth: 1 });
    expect(rowIds(el)).to.have.members(expected.items.map((s) => s.id));
    expect($(el, '.notice')!.textContent).to.contain('Direct partners of');
    const wider = await serverGraph('?around=sh-brida&depth=2');
    el.depth = 2;
    await waitUntil(() => rowIds(el).length === wider.items.length, 'depth 2', { timeout: 5000 });
    // Out of range: brought to the API's limit of 3 rather than failing.
    const widest = await serverGraph('?around=sh-brida&depth=3');
    el.setAttribute('depth', '9');
    await waitUntil(() => rowIds(el).length === widest.items.length, 'depth 3', { timeout: 5000 });
    expect($(el, '[part="error"]')).to.equal(null);
  });

  it('loads Leaflet only when the map view opens, and shows markers with no tiles', async () => {
    // Tiles come from the public internet, which this test machine cannot reach: the map
    // must still show its markers on a plain background.
    const requested = () => performance.getEntriesByType('resource').some((e) => /leaflet/i.test(e.name));
    const el = await mapAt('/api/v1', { view: 'list' });
    el.view = 'network';
    await el.updateComplete;
    expect(requested(), 'no Leaflet before the map opens').to.equal(false);

    el.view = 'geo';
    await waitUntil(() => $$(el, '.leaflet-marker-icon').length > 0, 'markers', { timeout: 10000 });
    expect(requested()).to.equal(true);
    const attribution = $(el, '.leaflet-control-attribution')!;
    expect(attribution.textContent).to.contain('OpenStreetMap');
    // On the widget's own background (opaque, in the theme's colours), not Leaflet's white.
    for (const theme of ['dark', 'light']) {
      el.setAttribute('data-inno-theme', theme);
      expect(getComputedStyle(attribution).backgroundColor, theme).to.equal(getComputedStyle($(el, '.root')!).backgroundColor);
    }
    el.removeAttribute('data-inno-theme');
    // Each located stakeholder is on the map, alone (with a name) or inside a cluster's count.
    const named = $$(el, '.leaflet-marker-icon[aria-label]');
    for (const marker of named) expect(marker.getAttribute('aria-label')).to.match(/\(.+\)$/);
    const onMap = () =>
      $$(el, '.leaflet-marker-icon.geo-marker').length +
      $$(el, '.cluster [aria-hidden="true"]').reduce((n, c) => n + Number(c.textContent), 0);
    const graph = await serverGraph();
    const located = graph.items.filter((s) => s.location);
    // (Clusters animate into place after the map fits its bounds.)
    await waitUntil(() => onMap() === located.length, `${located.length} on the map`, { timeout: 5000 });
    expect($(el, '.cluster .visually-hidden')!.textContent).to.match(/^\d+ stakeholders here, zoom in$/);
    await expect(el).to.be.accessible();

    // Choosing a stakeholder in the search brings its own marker out of its cluster.
    const target = located.find((s) => s.id === 'sh-brida') ?? located[0]!;
    const input = $<HTMLInputElement>(el, '#search')!;
    input.value = target.name;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $(el, '.matches button')!.click();
    await waitUntil(() => $(el, `.leaflet-marker-icon[data-id="${target.id}"]`), 'the marker shows', { timeout: 8000 });
    input.value = '';
    input.dispatchEvent(new Event('input'));

    // From the keyboard: Enter or Space on a focused marker opens its profile, as a click does.
    const nameOf = (marker: HTMLElement) => graph.items.find((s) => s.id === marker.dataset['id'])!.name;
    let opener: HTMLElement | undefined;
    for (const key of ['Enter', ' ']) {
      const shown = $<HTMLElement>(el, '[part="detail"] h3')?.textContent?.trim();
      const marker = (opener = $$<HTMLElement>(el, '.leaflet-marker-icon.geo-marker[data-id]').find((m) => nameOf(m) !== shown)!);
      marker.focus();
      await sendKeys({ press: key });
      await waitUntil(() => $(el, '[part="detail"] h3')?.textContent?.trim() === nameOf(marker), `${JSON.stringify(key)} opens the profile`, { timeout: 3000 });
    }
    // Escape closes the profile and gives the focus back to the marker that opened it.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => el.shadowRoot!.activeElement === opener, 'the focus back on the marker', { timeout: 3000 });

    // The legend filters the map too.
    $(el, '.legend button[data-helix="government"]')!.click();
    const rest = located.filter((s) => s.helix !== 'government').length;
    await waitUntil(() => onMap() === rest, `${rest} markers without government`, { timeout: 5000 });
  });

  it('the map view follows a change of language: zoom buttons, clusters and markers', async () => {
    const el = await mapAt('/api/v1', { view: 'geo' });
    await waitUntil(() => $$(el, '.leaflet-marker-icon').length > 0, 'markers', { timeout: 10000 });
    expect($(el, '.leaflet-control-zoom-in')!.getAttribute('aria-label')).to.equal('Zoom in');
    // In the middle of a zoom: the map made again must not find its place still taken.
    $<HTMLButtonElement>(el, '.leaflet-control-zoom-in')!.click();
    await new Promise((resolve) => setTimeout(resolve, 40));
    el.locale = 'id';
    await waitUntil(() => $(el, '.leaflet-control-zoom-in')?.getAttribute('aria-label') === 'Perbesar', 'Indonesian zoom buttons', { timeout: 10000 });
    await waitUntil(() => $$(el, '.leaflet-marker-icon').length > 0, 'markers again', { timeout: 10000 });
    const names = [...$$(el, '.cluster .visually-hidden').map((c) => c.textContent), ...$$(el, '.leaflet-marker-icon[aria-label]').map((m) => m.getAttribute('aria-label'))];
    expect(names.length).to.be.greaterThan(0);
    for (const name of names) expect(name).not.to.match(/stakeholders here|\((Government|Academia|Business|Community|Media)\)$/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect($(el, '.geo [role="alert"]'), 'no "could not be loaded"').to.equal(null);
    expect($$(el, '.leaflet-container')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('moved in the page while the map view loads, shows one map with its markers', async () => {
    const el = await mapAt('/api/v1', { view: 'list' });
    el.view = 'geo';
    await el.updateComplete;
    // Leaflet is still on its way: the element leaves and comes back (a CMS moving it).
    const elsewhere = document.createElement('div');
    el.parentElement!.append(elsewhere);
    elsewhere.append(el);
    const failed = () => $(el, '.geo [role="alert"]');
    await waitUntil(() => failed() || $$(el, '.leaflet-marker-icon').length > 0, 'markers', { timeout: 10000 });
    // A second mount on the same element would fail a moment later.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(failed()?.textContent, 'no "could not be loaded"').to.equal(undefined);
    expect($$(el, '.leaflet-container')).to.have.length(1);
    expect($$(el, '.leaflet-marker-icon').length).to.be.greaterThan(0);
  });

  it('closing the map view in the middle of a zoom throws nothing afterwards', async () => {
    // Leaflet ends a zoom animation on a timer; removing the map before it fires used to
    // throw from that timer ("reading '_leaflet_pos'"), in whatever ran next on the page.
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      for (const settle of [200, 400]) {
        const el = await mapAt('/api/v1', { view: 'geo' });
        await waitUntil(() => $$(el, '.leaflet-marker-icon').length > 0, 'markers', { timeout: 10000 });
        await new Promise((resolve) => setTimeout(resolve, settle));
        $<HTMLButtonElement>(el, '.leaflet-control-zoom-in')!.click();
        await new Promise((resolve) => setTimeout(resolve, 40));
        el.remove();
        await new Promise((resolve) => setTimeout(resolve, 600));
      }
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('lays out 2 000 stakeholders and 10 000 links in slices, without freezing the page', async function () {
    this.timeout(30_000);
    const el = await mapAt('/fixture-stakeholder-map/large/api/v1', { view: 'network' });
    const loadedAt = performance.now();
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: 'longtask' });
    const canvas = await networkReady(el);
    const drawn = () => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4 * 97) if (data[i]! > 0) return true;
      return false;
    };
    await waitUntil(drawn, 'a first picture', { timeout: 3000, interval: 20 });
    const firstPicture = performance.now() - loadedAt;
    // Count the frames the page gets while the layout settles: a synchronous layout gets none.
    let frames = 0;
    const count = () => {
      frames++;
      if (canvas.dataset['layout'] !== 'settled') requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    await waitUntil(() => canvas.dataset['layout'] === 'settled', 'settled', { timeout: 20000, interval: 50 });
    const settled = performance.now() - loadedAt;
    observer.disconnect();
    const longest = Math.max(0, ...longTasks);
    // Goals on a quiet machine with a GPU: picture < 500 ms, settled < 3 s, no task over 50 ms.
    // Here Chromium rasterises the canvas in software on a 2-core machine shared by several
    // test runs (load average above 10), which stretches any task; measured on it: picture
    // ~130 ms, settled ~3 s, tasks mostly 50–90 ms. Before the slicing, single tasks took over
    // a second, and d3's 300 synchronous ticks take 2–3 s. The bounds below catch that.
    console.info(`2000/10000: first picture ${Math.round(firstPicture)} ms, settled ${Math.round(settled)} ms, ${frames} frames, longest task ${Math.round(longest)} ms`);
    expect(firstPicture).to.be.lessThan(1000);
    expect(frames).to.be.greaterThan(10);
    expect(longest).to.be.lessThan(500);
    expect(canvas.getAttribute('aria-label')).to.contain('2,000 stakeholders');
  });

  describe('states', () => {
    it('holds the size while loading', async () => {
      const el = await fixture<InnoStakeholderMap>(html`<inno-stakeholder-map api-base="/fixture-stakeholder-map/hang/api/v1" locale="en"></inno-stakeholder-map>`);
      await el.updateComplete;
      const busy = $(el, '[aria-busy="true"]')!;
      expect(busy).to.exist;
      expect($(el, '.skeleton:not(.skeleton-toolbar)')!.getBoundingClientRect().height).to.be.greaterThan(300);
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('shows an empty state', async () => {
      const el = await mapAt('/fixture-stakeholder-map/empty/api/v1');
      expect($(el, '[part="empty"]')!.textContent).to.contain('No stakeholders yet');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that recovers', async () => {
      const el = await mapAt(`/fixture-stakeholder-map/flaky-${Date.now()}/api/v1`);
      const error = $(el, '[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('503');
      await expect(el).to.be.accessible();
      const retry = error.querySelector('button')!;
      retry.focus();
      retry.click();
      // The button goes with the error; the focus stays in the widget, on its heading.
      expect(el.shadowRoot!.activeElement?.id).to.equal('map-title');
      await waitUntil(() => rowIds(el).length > 0, 'recovered', { timeout: 5000 });
      expect(el.shadowRoot!.activeElement?.id).to.equal('map-title');
      await expect(el).to.be.accessible();
    });

    it('skips invalid items and keeps hostile text and links inert', async () => {
      const el = await mapAt('/fixture-stakeholder-map/hostile/api/v1');
      // Two items break the contract (no helix; a javascript: website): reported, not shown.
      expect(rowIds(el)).to.have.members(['h-1', 'h-2', 'h-5']);
      expect(el.shadowRoot!.textContent).to.contain('2 items could not be shown.');
      $$(el, 'tbody button')[0]!.click();
      await waitUntil(() => $$(el, '.innovation').length === 1, 'detail', { timeout: 5000 });
      const root = el.shadowRoot!;
      expect(root.querySelector('img, script, b')).to.equal(null);
      expect(root.textContent).to.contain('<img src=x onerror=');
      expect($$(el, '.detail p').map((p) => p.textContent)).to.include.members([
        'Paragraf satu <img src=x onerror="window.__smXss=1">',
        '<script>window.__smXss=2</script> paragraf dua',
      ]);
      expect((window as unknown as { __smXss?: number }).__smXss).to.equal(undefined);
      const links = $$<HTMLAnchorElement>(el, 'a[href]');
      expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/dinas']);
      expect(links[0]!.rel).to.equal('noopener noreferrer');
      expect(links[0]!.target).to.equal('_blank');
      expect(links[0]!.textContent).to.contain('(opens in a new tab)');
      await expect(el).to.be.accessible();
      // The network draws the same data without throwing.
      el.view = 'network';
      await networkReady(el);
      await expect(el).to.be.accessible();
    });
  });
});
