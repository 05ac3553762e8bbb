import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { nextTask } from '../../api/next-task.js';
import { HELIXES, type Helix, type Stakeholder, type StakeholderDetail } from '../../api/shapes.js';
import { InnoElement } from '../../core/base-element.js';
import { dispatchInnoEvent } from '../../core/events.js';
import { numberFormat, intlTag } from '../../core/format.js';
import { paragraphs, safeHttpUrl } from '../../core/safe.js';
import { baseStyles } from '../../core/theme.js';
import { buildGraph, fold, matchesQuery, sortStakeholders, type EcosystemGraph, type SortDirection, type SortKey } from './graph.js';
import type * as NetworkModule from './network.js';
import { stakeholderMapStyles } from './stakeholder-map.styles.js';
import { strings, type StakeholderMapStrings } from './strings.js';
import type { GeoHandle } from './geo.js';

export type StakeholderMapView = 'network' | 'geo' | 'list';

const VIEWS: readonly StakeholderMapView[] = ['network', 'geo', 'list'];
const MAX_MATCHES = 8;
/** Rows of the list view rendered at a time: a city's whole ecosystem must not become 500 000 elements. */
export const TABLE_ROWS = 250;
const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The helix shapes of the legend, the table, the detail and the map's pins (the canvas draws the same ones). */
const SHAPES: Record<Helix, string> = {
  government: 'M8 1a7 7 0 1 0 .01 0z',
  academia: 'M1.5 1.5h13v13h-13z',
  business: 'M8 1l7 13H1z',
  community: 'M8 .5 15.5 8 8 15.5.5 8z',
  media: 'M15.5 8l-3.75 6.5h-7.5L.5 8l3.75-6.5h7.5z',
};

/**
 * One of the element's loads: the arguments it ran with, and its outcome once there is one (no
 * outcome yet means pending). A load with other arguments aborts the older one.
 */
interface Load<T> {
  args?: readonly unknown[];
  abort?: AbortController;
  done?: { value?: T; error?: unknown };
}

/** Starts `run` when `args` differ from the load's last ones (as @lit/task compares them); the host updates with the outcome. */
function load<T>(host: InnoElement, slot: Load<T>, args: readonly unknown[], run: (signal: AbortSignal) => Promise<T>): void {
  if (slot.args?.every((a, i) => a === args[i])) return;
  slot.abort?.abort();
  const { signal } = (slot.abort = new AbortController());
  slot.args = args;
  slot.done = undefined;
  void run(signal)
    .then((value) => ({ value }), (error: unknown) => ({ error }))
    .then((done) => {
      if (signal.aborted) return;
      slot.done = done;
      host.requestUpdate();
    });
}

function helixIcon(helix: Helix): TemplateResult {
  return html`<svg class="shape ${helix}" viewBox="0 0 16 16" aria-hidden="true"><path d=${SHAPES[helix]} /></svg>`;
}

/** `helix="academia business"` (or comma-separated): the helixes shown; none named means all. */
function parseHelixes(value: string | undefined): Set<Helix> {
  const named = (value ?? '').split(/[\s,]+/).filter((h): h is Helix => (HELIXES as readonly string[]).includes(h));
  return new Set(named.length > 0 ? named : HELIXES);
}

/**
 * Who works with whom in the city's innovation ecosystem: the penta-helix of government,
 * academia, business, community and media, and the collaborations between them.
 *
 * @summary A stakeholder network (canvas), map (Leaflet, loaded on demand) and sortable table, with a helix legend, search and profiles.
 *
 * @event inno-stakeholder-select - A stakeholder was selected (its profile opens). `detail: { id }`.
 * @event inno-innovation-select - An innovation in a stakeholder's profile was chosen; the page decides what opens. `detail: { id }`.
 *
 * @csspart base - The whole widget.
 * @csspart toolbar - View switch and search.
 * @csspart legend - The helix filters with their counts.
 * @csspart network - The network view's frame.
 * @csspart canvas - The network drawing.
 * @csspart zoom - The zoom buttons.
 * @csspart key-help - The keys of the network, shown when it gets keyboard focus, until a key is used.
 * @csspart geo - The map view's frame.
 * @csspart table - The list view's table.
 * @csspart detail - The profile of the selected stakeholder.
 * @csspart error - The error state.
 * @csspart empty - The empty state.
 *
 * @cssprop [--inno-stakeholder-map-height=min(28rem, 70vh)] - Height of the network and map views.
 */
export class InnoStakeholderMap extends InnoElement {
  static override styles = [baseStyles, stakeholderMapStyles];

  /** Which picture: `network` (default), `geo` (map) or `list` (table). */
  @property({ reflect: true }) view: 'network' | 'geo' | 'list' = 'network';

  /** Helixes shown at first: one, or several separated by spaces (`government academia`). Default: all. */
  @property() helix?: Helix | (string & {});

  /** A stakeholder id: show only its collaboration neighbourhood, centred on it. */
  @property() around?: string;

  /** How many collaborations away from `around` to include: 1 (default), 2 or 3. */
  @property({ type: Number }) depth?: 1 | 2 | 3;

  /** Map tiles for the `geo` view. Default: OpenStreetMap's. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  @state() private shown: ReadonlySet<Helix> = new Set(HELIXES);
  @state() private query = '';
  @state() private selected: string | undefined;
  @state() private sortKey: SortKey = 'name';
  @state() private sortDirection: SortDirection = 'ascending';
  @state() private announcement = '';
  @state() private geoFailed = false;
  /** How many rows of the list view are rendered; "show more" raises it. */
  @state() private tableLimit = TABLE_ROWS;

  #network: NetworkModule.NetworkView | undefined;
  #networkModule: Promise<typeof NetworkModule> | undefined;
  #canvas: HTMLCanvasElement | undefined;
  #geo: GeoHandle | undefined;
  #geoHost: HTMLElement | undefined;
  /** The host a map is being mounted on: moved in the page meanwhile, the element must not mount a second one there. */
  #geoMounting: HTMLElement | undefined;
  /** The language the map was mounted in: its controls and labels are Leaflet's, remade in another. */
  #geoLocale: string | undefined;
  #opener: HTMLElement | undefined;
  /**
   * The palette follows host attributes (theme.ts) that the base element sets when the page, the
   * device or a provider changes scheme; the canvas reads its colours again when they change.
   */
  readonly #scheme = typeof MutationObserver === 'function' ? new MutationObserver(() => this.#network?.readColors()) : undefined;

  readonly #graph: Load<{ graph: EcosystemGraph; skipped: number }> = {};
  readonly #detail: Load<StakeholderDetail> = {};

  get #data(): EcosystemGraph | undefined {
    return this.#graph.done?.value?.graph;
  }

  get #around(): string | undefined {
    return this.around?.trim() || undefined;
  }

  /** The API accepts depths 1 to 3; anything else in the attribute is brought into range. */
  get #depth(): number {
    return Math.min(3, Math.max(1, Math.round(Number(this.depth) || 1)));
  }

  get #t(): StakeholderMapStrings {
    return strings[this.resolvedLocale];
  }

  /** "44 stakeholders": the table's caption, and the network's name after its own. */
  #count(n: number): string {
    return `${numberFormat(this.resolvedLocale).format(n)} ${this.#t.legendUnit(n)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#scheme?.observe(this, { attributeFilter: ['data-inno-dark-page', 'data-inno-theme'] });
    // Moved in the page: the network and the map were torn down; the next update rebuilds them.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#scheme?.disconnect();
    this.#network?.destroy();
    this.#network = this.#canvas = undefined;
    this.#geo?.destroy();
    this.#geo = this.#geoHost = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('helix')) this.shown = parseHelixes(this.helix);
    if (changed.has('view') && !VIEWS.includes(this.view)) this.view = 'network';
    const { client, selected } = this;
    const around = this.#around;
    load(this, this.#graph, [client, around, this.#depth], async (signal) => {
      if (!client) return undefined;
      const result = await client.listStakeholders(around ? { around, depth: this.#depth } : {}, { signal });
      // Validating a big graph is one task, indexing it the next, and the first render the one after.
      await nextTask();
      signal.throwIfAborted();
      const graph = buildGraph(result.items, result.links);
      await nextTask();
      signal.throwIfAborted();
      return { graph, skipped: result.skipped.length };
    });
    load(this, this.#detail, [client, selected], async (signal) => (client && selected ? client.getStakeholder(selected, { signal }) : undefined));
    // The layout engine is its own chunk: fetched alongside the data when the network shows.
    if (this.view === 'network') void this.#networkChunk().catch(() => undefined);
  }

  #networkChunk(): Promise<typeof NetworkModule> {
    return (this.#networkModule ??= import('./network.js'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const has = (key: string) => (changed as Map<PropertyKey, unknown>).has(key);
    // The canvas is replaced when the data reloads (the skeleton takes its place meanwhile).
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas') ?? undefined;
    if (canvas !== this.#canvas) {
      this.#network?.destroy();
      this.#network = undefined;
      this.#canvas = canvas;
    }
    if (this.#network) this.#syncNetwork(this.#network, has('shown') || has('around'), has('view'));
    else if (canvas && this.view === 'network') {
      this.#networkChunk()
        .then(async ({ createNetworkView }) => {
          // The layout starts in a task of its own, not in the one that rendered the data.
          await nextTask();
          if (canvas !== this.#canvas || this.#network || !this.isConnected) return;
          this.#syncNetwork(
            (this.#network = createNetworkView(canvas, {
              focus: (id) => this.#announce(id),
              open: (id) => void this.#select(id, canvas),
              dead: () => (this.announcement = this.#t.noNeighbourThere),
            })),
            true,
            true,
          );
        })
        .catch((error: unknown) => console.error('inno-widgets: the network view could not be loaded.', error));
    }
    this.#updateGeo(this.#data);
  }

  /** Hands the network new data or a new filter, and whether it shows; `focus`: a stakeholder chosen in the list or on the map is the one highlighted in the network. */
  #syncNetwork(network: NetworkModule.NetworkView, data: boolean, focus: boolean): void {
    const graph = this.#data;
    const shown = this.shown;
    if (graph && data) network.setData(graph, (id) => shown.has(graph.byId.get(id)!.helix), this.#around);
    network.active = this.view === 'network';
    if (focus && network.active && this.selected) network.focusNode(this.selected, false);
  }

  #announce(id: string | undefined): void {
    const graph = this.#data;
    const s = id ? graph?.byId.get(id) : undefined;
    // "Name, Helix, 3 collaborations": the focused stakeholder, as the legend and profile say it.
    if (s) this.announcement = `${s.name}, ${this.coreStrings.helix[s.helix]}, ${this.#t.collaborations(graph!.degree.get(s.id)!)}`;
  }

  /** Opens a stakeholder's profile and tells the page. */
  async #select(id: string, opener?: HTMLElement): Promise<void> {
    // Collaborator links inside the profile pass no opener: closing returns to the first one.
    if (opener) this.#opener = opener;
    this.selected = id;
    dispatchInnoEvent(this, 'inno-stakeholder-select', { id });
    if (this.view === 'network') this.#network?.focusNode(id);
    if (this.view === 'geo') this.#geo?.focus(id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  #closeDetail(): void {
    this.selected = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    void this.updateComplete.then(() => {
      if (opener?.isConnected) opener.focus();
    });
  }

  /** A handler that opens a stakeholder's profile; closing it returns focus to what was clicked. */
  #opens(id: string): (e: Event) => void {
    return (e) => void this.#select(id, e.currentTarget as HTMLElement);
  }

  // --- geo ------------------------------------------------------------------------------

  #updateGeo(graph: EcosystemGraph | undefined): void {
    const host = this.renderRoot.querySelector<HTMLElement>('.geo-map') ?? undefined;
    const locale = this.resolvedLocale;
    if (host !== this.#geoHost || locale !== this.#geoLocale) {
      this.#geo?.destroy();
      this.#geo = undefined;
      this.#geoHost = host;
      this.#geoLocale = locale;
      // Leaflet is a separate chunk, fetched only when the map view first opens.
      if (host && host !== this.#geoMounting) {
        this.#geoMounting = host;
        import('./geo.js')
          .then(({ mountGeo }) =>
            mountGeo(host, this.renderRoot as ShadowRoot, {
              tileUrl: this.tileUrl?.trim() || DEFAULT_TILES,
              strings: () => [this.#t, this.coreStrings.helix],
              open: (id, from) => void this.#select(id, from),
              shapes: SHAPES,
            }),
          )
          // The next update places the markers.
          .then((handle) => (host === this.#geoHost ? ((this.#geo = handle), this.requestUpdate()) : handle.destroy()))
          .catch((error: unknown) => {
            console.error('inno-widgets: the map could not be loaded.', error);
            this.geoFailed = true;
          })
          .finally(() => {
            if (this.#geoMounting === host) this.#geoMounting = undefined;
          });
      }
    }
    if (graph) this.#geo?.update(graph.nodes, this.shown);
  }

  // --- rendering ------------------------------------------------------------------------

  /**
   * A load's value through `complete`, or its error with a retry that leaves the focus on the
   * heading `focus` names (the widget's or the profile's); undefined while pending.
   */
  #outcome<T>(slot: Load<T>, focus: string, complete: (value: T | undefined) => unknown): unknown {
    const { done } = slot;
    if (!done) return undefined;
    return 'error' in done
      ? this.renderError(
          done.error,
          () => {
            slot.args = undefined;
            this.requestUpdate();
          },
          focus,
        )
      : complete(done.value);
  }

  protected override render() {
    if (this.configMissing) return this.renderConfigError();
    return html`<section class="root" part="base" aria-labelledby="map-title" lang=${this.resolvedLocale}>
      <h2 id="map-title" class="visually-hidden" tabindex="-1">${this.#t.title}</h2>
      ${this.#outcome(this.#graph, '#map-title', (data) => data && this.#renderLoaded(data.graph, data.skipped)) ??
      // No data yet (or no client): the skeleton.
      html`<div aria-busy="true">
        <span class="visually-hidden">${this.coreStrings.loading}</span>
        <div class="skeleton skeleton-toolbar"></div>
        <div class="skeleton"></div>
      </div>`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  #renderLoaded(graph: EcosystemGraph, skipped: number): TemplateResult {
    const t = this.#t;
    if (graph.nodes.length === 0) {
      return html`<div class="state" part="empty">
        <h3>${t.emptyTitle}</h3>
        <p>${t.emptyText}</p>
      </div>`;
    }
    // The helix filter applies to every view; the search narrows the list (and its matches) too.
    const shown = graph.nodes.filter((s) => this.shown.has(s.helix));
    const q = fold(this.query.trim());
    const rows = shown.filter((s) => matchesQuery(s, q));
    const centre = this.#around && graph.byId.get(this.#around);
    const detail = this.selected && graph.byId.get(this.selected);
    return html`
      ${centre ? html`<p class="notice">${t.around(centre.name, this.#depth)}</p>` : nothing}
      ${this.#renderToolbar(rows)} ${this.#renderLegend(graph)}
      ${skipped > 0 ? html`<p class="notice" role="status">${this.coreStrings.skippedItems(skipped)}</p>` : nothing}
      <div class="layout ${detail ? 'with-detail' : ''}">
        <div class="stage">
          ${this.#renderNetwork(shown.length)} ${this.view === 'geo' ? this.#renderGeo(shown) : nothing}
          ${this.view === 'list' ? this.#renderTable(graph, rows) : nothing}
        </div>
        ${detail ? this.#renderDetail(graph, detail) : nothing}
      </div>
    `;
  }

  #renderToolbar(rows: Stakeholder[]): TemplateResult {
    const t = this.#t;
    const q = this.query.trim();
    const matches = q ? rows.slice(0, MAX_MATCHES) : [];
    return html`<div class="toolbar" part="toolbar">
      <div class="views" role="group" aria-label=${t.views}>
        ${VIEWS.map((view) => html`<button type="button" aria-pressed=${this.view === view} @click=${() => (this.view = view)}>${t.view[view]}</button>`)}
      </div>
      <div class="search" role="search">
        <label for="search">${t.search}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          aria-describedby="search-count"
          placeholder=${t.searchPlaceholder}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter' && matches[0]) {
              e.preventDefault();
              void this.#select(matches[0].id, e.target as HTMLElement);
            }
          }}
        />
        <span id="search-count" class="visually-hidden" role="status">${q ? (rows.length ? t.searchResults(rows.length) : t.noMatches) : ''}</span>
        ${matches.length > 0
          ? html`<ul class="matches" aria-label=${t.searchResults(rows.length)}>
              ${matches.map(
                (s) => html`<li>
                  <button type="button" @click=${this.#opens(s.id)}>
                    ${helixIcon(s.helix)}<span>${s.name}</span><small>${this.coreStrings.helix[s.helix]}</small>
                  </button>
                </li>`,
              )}
            </ul>`
          : q && html`<p class="notice">${t.noMatches}</p>`}
      </div>
    </div>`;
  }

  #renderLegend(graph: EcosystemGraph): TemplateResult {
    const t = this.#t;
    const format = numberFormat(this.resolvedLocale);
    return html`<fieldset class="legend" part="legend">
      <legend>${t.legend}</legend>
      ${HELIXES.map((helix) => {
        const n = graph.perHelix.get(helix) ?? 0;
        return html`<button
          type="button"
          data-helix=${helix}
          aria-pressed=${this.shown.has(helix)}
          @click=${() => {
            const next = new Set(this.shown);
            // Shown becomes hidden, hidden becomes shown.
            if (!next.delete(helix)) next.add(helix);
            this.shown = next;
          }}
        >
          ${helixIcon(helix)}<span>${this.coreStrings.helix[helix]}</span>
          <span class="count">${format.format(n)}</span><span class="visually-hidden"> ${t.legendUnit(n)}</span>
        </button>`;
      })}
    </fieldset>`;
  }

  #renderNetwork(shown: number): TemplateResult {
    const t = this.#t;
    const zoom = (label: string, text: string, factor: number) =>
      html`<button type="button" aria-label=${label} title=${label} @click=${() => this.#network?.zoomBy(factor)}>${text}</button>`;
    return html`<div class="network" part="network" ?hidden=${this.view !== 'network'}>
      <canvas
        part="canvas"
        tabindex="0"
        role="application"
        aria-label=${`${t.networkLabel}, ${this.#count(shown)}`}
        aria-describedby="network-help"
        @focus=${() => this.#announce(this.#network?.focusedId)}
        @keydown=${(e: KeyboardEvent) => (e.currentTarget as HTMLElement).toggleAttribute('data-keys-used', e.key !== 'Tab')}
        @blur=${(e: FocusEvent) => (e.currentTarget as HTMLElement).removeAttribute('data-keys-used')}
      ></canvas>
      <div class="zoom" part="zoom">
        ${zoom(t.zoomIn, '+', 1.4)} ${zoom(t.zoomOut, '−', 1 / 1.4)}
        <button type="button" aria-label=${t.zoomReset} title=${t.zoomReset} @click=${() => this.#network?.reset()}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" /></svg>
        </button>
      </div>
      <p id="network-help" class="key-help" part="key-help">${t.networkHelp} <span class="visually-hidden">${t.networkAlternative}</span></p>
    </div>`;
  }

  #renderGeo(shown: Stakeholder[]): TemplateResult {
    const t = this.#t;
    const missing = shown.filter((s) => !s.location).length;
    return html`<div class="geo" part="geo" role="region" aria-label=${t.geoLabel}>
        ${this.geoFailed ? html`<p class="state" role="alert">${t.geoLoadFailed}</p>` : html`<div class="geo-map"></div>`}
      </div>
      ${missing > 0 ? html`<p class="note">${missing === shown.length ? t.geoNone : t.geoMissing(missing)}</p>` : nothing}`;
  }

  #renderTable(graph: EcosystemGraph, rows: Stakeholder[]): TemplateResult {
    const t = this.#t;
    if (rows.length === 0) return html`<p class="state">${t.filteredEmpty}</p>`;
    const helixLabel = (h: Helix) => this.coreStrings.helix[h];
    const { sortKey, sortDirection, tableLimit } = this;
    const sorted = sortStakeholders(rows, sortKey, sortDirection, graph, helixLabel, new Intl.Collator(intlTag(this.resolvedLocale)));
    const format = numberFormat(this.resolvedLocale);
    const header = (key: SortKey, cls = '') => {
      const active = sortKey === key;
      return html`<th scope="col" class=${cls} aria-sort=${active ? sortDirection : 'none'}>
        <button
          type="button"
          @click=${() => {
            // A second click turns the order round; the counts start from the most.
            this.sortDirection = active ? (sortDirection === 'ascending' ? 'descending' : 'ascending') : key === 'collaborations' ? 'descending' : 'ascending';
            this.sortKey = key;
          }}
        >
          ${t.column[key]}<span class="arrow" aria-hidden="true">${active ? (sortDirection === 'ascending' ? '▲' : '▼') : ''}</span>
        </button>
      </th>`;
    };
    return html`<div class="table-wrap">
      <table part="table">
        <caption>${this.#count(rows.length)}</caption>
        <thead>
          <tr>
            ${header('name')} ${header('helix')} ${header('kind', 'col-kind')} ${header('collaborations', 'num')}
          </tr>
        </thead>
        <tbody>
          ${sorted.slice(0, tableLimit).map(
            (s) => html`<tr data-id=${s.id} aria-current=${this.selected === s.id}>
              <td>
                <button type="button" class="link-button" @click=${this.#opens(s.id)}><span>${s.name}</span></button>
              </td>
              <td><span class="helix-cell">${helixIcon(s.helix)}<span class="helix-name">${helixLabel(s.helix)}</span></span></td>
              <td class="col-kind">${s.kind}</td>
              <td class="num">${format.format(graph.degree.get(s.id)!)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${sorted.length > tableLimit
      ? html`<p class="table-more" part="table-more">
          <span>${t.tableShowing(format.format(tableLimit), format.format(sorted.length))}</span>
          <button type="button" class="button secondary" @click=${() => (this.tableLimit += TABLE_ROWS)}>
            ${t.tableMore(format.format(Math.min(TABLE_ROWS, sorted.length - tableLimit)))}
          </button>
        </p>`
      : nothing}`;
  }

  #renderDetail(graph: EcosystemGraph, s: Stakeholder): TemplateResult {
    const t = this.#t;
    const core = this.coreStrings;
    const website = safeHttpUrl(s.website);
    const collaborators = [...graph.neighbours.get(s.id)!]
      .map((id) => graph.byId.get(id)!)
      .sort((a, b) => a.name.localeCompare(b.name, intlTag(this.resolvedLocale)));
    const links = graph.degree.get(s.id)!;
    return html`<section
      class="detail"
      part="detail"
      aria-labelledby="detail-title"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.#closeDetail();
      }}
    >
      <header>
        <h3 id="detail-title" tabindex="-1">${s.name}</h3>
        <button type="button" class="close" aria-label=${core.close} title=${core.close} @click=${() => this.#closeDetail()}>×</button>
      </header>
      <p class="meta">${helixIcon(s.helix)}<span>${core.helix[s.helix]}${s.kind ? html` · ${s.kind}` : nothing}</span></p>
      <p class="meta">${t.collaborations(links)}${collaborators.length < links ? ` ${t.withPartners(collaborators.length)}` : ''}</p>
      ${paragraphs(s.description ?? '').map((p) => html`<p>${p}</p>`)}
      ${website
        ? html`<p>
            <a href=${website} target="_blank" rel="noopener noreferrer"
              >${t.website}<span class="visually-hidden"> ${core.opensInNewTab}</span></a
            >
          </p>`
        : nothing}
      <h4>${t.collaborators}</h4>
      ${collaborators.length === 0
        ? html`<p class="notice">${t.noCollaborators}</p>`
        : html`<ul class="collaborators">
            ${collaborators.map(
              (c) => html`<li>
                <button type="button" class="link-button" @click=${() => void this.#select(c.id)}>
                  ${helixIcon(c.helix)}<span>${c.name}</span>
                </button>
              </li>`,
            )}
          </ul>`}
      <h4>${t.innovations}</h4>
      ${this.#outcome(
        this.#detail,
        '#detail-title',
        (full) =>
          full?.innovations.length
            ? html`<ul class="innovations">
                ${full.innovations.map(
                  (i) => html`<li class="innovation">
                    <button type="button" class="link-button" @click=${() => dispatchInnoEvent(this, 'inno-innovation-select', { id: i.id })}>
                      <span>${i.title}</span><small>${core.stage[i.stage]} · ${i.year}</small>
                    </button>
                  </li>`,
                )}
              </ul>`
            : html`<p class="notice">${t.noInnovations}</p>`,
      ) ??
      html`<div aria-busy="true">
        <span class="visually-hidden">${core.loading}</span>
        <div class="skeleton-line"></div>
        <div class="skeleton-line"></div>
      </div>`}
    </section>`;
  }
}
