import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiClient, ListResult } from '../../api/client.js';
import { isAbort } from '../../api/errors.js';
import {
  HELIXES, INNOVATION_STAGES, INNOVATION_TYPES, PROGRAM_KINDS, PROGRAM_STATUSES,
  type Helix, type Image, type Innovation, type InnovationSummary, type Program, type ProgramDetail,
} from '../../api/shapes.js';
import { InnoElement } from '../../core/base-element.js';
import { dispatchInnoEvent } from '../../core/events.js';
import { formatCalendarDate, numberFormat, todayIn } from '../../core/format.js';
import { daysBetween, listFormat, relativeTimeFormat } from './format.js';
import { paragraphs, safeHttpUrl, safePageUrl } from '../../core/safe.js';
import { baseStyles } from '../../core/theme.js';
import {
  emptyFilters, FACETS, hashFor, hashTarget, isValid, readUrl, writeUrl, type FilterKey, type Filters,
} from './filters.js';
import { galleryStyles } from './gallery.styles.js';
import { placeholder } from './placeholder.js';
import { strings, type GalleryStrings } from './strings.js';

type Collection = 'innovations' | 'programs';
type Item = InnovationSummary | Program;
type Listing = ListResult<Item> & { collection: Collection };
type Detail = { collection: 'innovations'; value: Innovation } | { collection: 'programs'; value: ProgramDetail };

/** Debounce of the search box before it asks the server. */
const SEARCH_DELAY = 350;
/**
 * At most this many cards stay in the DOM (or one whole page, when `page-size` is larger):
 * "load more" beyond it drops the earliest cards (the numbered pages still reach them), so
 * 10 000 innovations never mean 10 000 cards.
 */
export const MAX_RENDERED = 60;
const FIRST_YEAR_SPAN = 20;

/** The filters a host page can preset by attribute (each attribute has the filter's name). */
const PRESET_KEYS = ['q', 'sector', 'stage', 'status', 'audience'] as const;

/**
 * The city's innovations, or the programs that grow them: searchable, filterable cards from
 * the server, paged, with details in a dialog; the view is mirrored into the page URL so it
 * can be shared and Back undoes a change.
 *
 * @summary Innovation and program gallery with facets, paging, URL state and a detail dialog.
 *
 * @event inno-innovation-select - An innovation was opened (`detail: { id }`).
 * @event inno-program-select - A program was opened (`detail: { id }`).
 *
 * @csspart toolbar - The search box, facets, sort and view switch.
 * @csspart search - The search field.
 * @csspart facet - Each facet's select.
 * @csspart chips - The list of active filters.
 * @csspart chip - One active filter's remove button.
 * @csspart status - The result count.
 * @csspart list - The list of cards.
 * @csspart card - One card.
 * @csspart card-title - The button on a card's title that opens its details.
 * @csspart image - A card's or the dialog's image.
 * @csspart placeholder - The generated picture of an item without an image.
 * @csspart badge - Stage, type, kind and status badges.
 * @csspart pagination - Page numbers and "load more".
 * @csspart load-more - The "load more" button.
 * @csspart empty - The state shown when nothing matches.
 * @csspart skipped - The note that some items from the server could not be shown.
 * @csspart error - The error state with its retry button.
 * @csspart dialog - The detail dialog.
 * @csspart apply - The "propose an idea" link of a program.
 *
 * @cssprop [--inno-gallery-card-min=16rem] - Narrowest card of the grid view.
 */
export class InnoGallery extends InnoElement {
  static override styles = [baseStyles, galleryStyles];

  /** What to show: innovations (default) or programs. */
  @property() collection: 'innovations' | 'programs' = 'innovations';

  /** Items per page from the server (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** Preset sector (a taxonomy slug). */
  @property() sector?: string;

  /** Preset innovation stage: `initiative`, `trial` or `implemented`. */
  @property() stage?: 'initiative' | 'trial' | 'implemented';

  /** Preset search text. */
  @property() q?: string;

  /** Only this stakeholder's innovations (owned or partnered), or the programs it organises. */
  @property() owner?: string;

  /** Only the innovations of this program. */
  @property() program?: string;

  /** Preset program status: `open`, `upcoming` or `closed`. */
  @property() status?: 'open' | 'upcoming' | 'closed';

  /** Preset audience of programs: only those open to this helix (`academia` for a campus's students and staff). */
  @property() audience?: Helix;

  /** Cards in a grid or as a list. */
  @property({ reflect: true }) view: 'grid' | 'list' = 'grid';

  /** The page with the idea form; programs get a "propose an idea" link to it with `inno-program=<id>`. */
  @property({ attribute: 'apply-url' }) applyUrl?: string;

  /** Do not mirror filters into the page URL, nor read them from it (a `#innovation=` deep link still opens). */
  @property({ type: Boolean, attribute: 'no-url-state' }) noUrlState = false;

  @state() private filters: Filters = emptyFilters();
  @state() private searchText = '';
  /** Pages fetched by "load more" after the task's page. */
  @state() private more: Item[] = [];
  @state() private lastPage = 1;
  @state() private moreError: unknown;
  @state() private loadingMore = false;
  @state() private selected?: { collection: Collection; id: string; summary?: Item | undefined };

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #searchInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type=search]');
  }

  #searchTimer?: ReturnType<typeof setTimeout>;
  #lastCommitWasSearch = false;
  #moreController?: AbortController;
  #opener?: HTMLElement | null;
  /** The dialog was shown and its closing is not handled yet. */
  #shown = false;
  /** Index (in the rendered list) of the card to focus once the next cards are in. */
  #focusIndex?: number;
  #moreSkipped = 0;

  readonly #taxonomy = new Task(this, {
    task: async ([client], { signal }) => (client ? client.getTaxonomy({ signal }) : initialState),
    args: () => [this.client] as const,
  });

  readonly #list = new Task(this, {
    task: async ([client, collection, key], { signal }): Promise<Listing | typeof initialState> => {
      if (!client || this.configMissing) return initialState;
      this.#resetMore();
      const result = await this.#loadPage(client, collection, JSON.parse(key) as Record<string, string | number>, signal);
      return { ...result, collection };
    },
    args: () => [this.client, this.collection, JSON.stringify(this.#query())] as const,
  });

  readonly #detail = new Task(this, {
    task: async ([client, selected], { signal }): Promise<Detail | typeof initialState> => {
      if (!client || !selected) return initialState;
      return selected.collection === 'programs'
        ? { collection: 'programs', value: await client.getProgram(selected.id, { signal }) }
        : { collection: 'innovations', value: await client.getInnovation(selected.id, { signal }) };
    },
    args: () => [this.client, this.selected] as const,
  });

  // --- lifecycle -----------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('hashchange', this.#onHashChange);
    clearTimeout(this.#searchTimer);
    this.#moreController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) {
      this.#setFilters(this.noUrlState ? this.#presets() : readUrl(location.search, this.#presets(), this.collection));
    } else {
      // A preset changed by the host page applies at once.
      const next = { ...this.filters };
      let touched = false;
      for (const key of PRESET_KEYS) {
        if (changed.has(key)) {
          const value = (this[key] ?? '').trim();
          if (isValid(key, value)) {
            next[key] = value;
            touched = true;
          }
        }
      }
      if (changed.has('collection')) {
        Object.assign(next, this.#presets());
        touched = true;
      }
      if (touched) this.#setFilters({ ...next, page: '1' });
    }
  }

  protected override firstUpdated(): void {
    // However the dialog closes (Escape, its button, a script), its `open` attribute goes at
    // once, while the `close` event waits for a rendering opportunity, which a page in the
    // background never gets: watch the attribute.
    const dialog = this.#dialog;
    if (dialog) {
      new MutationObserver(() => {
        if (!dialog.open) this.#onDialogClose();
      }).observe(dialog, { attributes: true, attributeFilter: ['open'] });
    }
    // A deep link opens its dialog once the dialog exists (after this update, not in it).
    queueMicrotask(() => this.#onHashChange());
  }

  protected override updated(): void {
    if (this.#list.status === TaskStatus.ERROR || this.moreError) this.#focusIndex = undefined;
    if (this.#focusIndex !== undefined && this.#list.status === TaskStatus.COMPLETE && !this.loadingMore) {
      const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('.card .open');
      const target = buttons[Math.min(this.#focusIndex, buttons.length - 1)];
      this.#focusIndex = undefined;
      target?.focus();
    }
  }

  // --- state -------------------------------------------------------------------------

  get #t(): GalleryStrings {
    return strings[this.resolvedLocale];
  }

  /** The view the host page's attributes ask for. */
  #presets(): Filters {
    const presets = emptyFilters();
    for (const key of PRESET_KEYS) {
      const value = (this[key] ?? '').trim();
      if (isValid(key, value)) presets[key] = value;
    }
    return presets;
  }

  #setFilters(filters: Filters): void {
    this.filters = filters;
    this.searchText = filters.q;
  }

  /** A change made by the reader: applied, and (unless turned off) pushed to the URL. */
  #commit(changes: Partial<Filters>, fromSearch = false): void {
    clearTimeout(this.#searchTimer);
    const next: Filters = { ...this.filters, page: '1', ...changes };
    this.#setFilters(next);
    if (!this.noUrlState) {
      const href = writeUrl(location.href, next, this.#presets(), this.collection);
      // Typing is one change: Back undoes the search as a whole, not letter by letter.
      if (href !== location.href) {
        if (fromSearch && this.#lastCommitWasSearch) history.replaceState(history.state, '', href);
        else history.pushState(history.state, '', href);
      }
    }
    this.#lastCommitWasSearch = fromSearch;
  }

  #query(): Record<string, string | number> {
    const f = this.filters;
    const pageSize = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 12));
    const owner = (this.owner ?? '').trim();
    const query: Record<string, string | number> =
      this.collection === 'programs'
        ? { q: f.q, kind: f.kind, status: f.status, audience: f.audience, sector: f.sector, organizer: owner }
        : {
          q: f.q, sector: f.sector, stage: f.stage, type: f.type, helix: f.helix, year: f.year,
          owner, program: (this.program ?? '').trim(), sort: f.sort,
        };
    for (const [key, value] of Object.entries(query)) if (value === '') delete query[key];
    return { ...query, page: Number(f.page), pageSize };
  }

  #loadPage(client: ApiClient, collection: Collection, query: Record<string, string | number>, signal: AbortSignal): Promise<ListResult<Item>> {
    return collection === 'programs' ? client.listPrograms(query, { signal }) : client.listInnovations(query, { signal });
  }

  #resetMore(): void {
    this.#moreController?.abort();
    this.more = [];
    this.moreError = undefined;
    this.loadingMore = false;
    this.#moreSkipped = 0;
    this.lastPage = Number(this.filters.page);
  }

  async #loadMore(): Promise<void> {
    const client = this.client;
    const listing = this.#list.value;
    // aria-disabled rather than disabled while loading: a disabled button would drop the focus.
    if (!client || !listing || this.loadingMore) return;
    this.#moreController?.abort();
    const controller = new AbortController();
    this.#moreController = controller;
    this.loadingMore = true;
    this.moreError = undefined;
    const page = this.lastPage + 1;
    try {
      const result = await this.#loadPage(client, listing.collection, { ...this.#query(), page }, controller.signal);
      const before = this.#rendered(listing).items.length;
      // Items published meanwhile shift the pages: an item seen already is not shown twice.
      const seen = new Set([...listing.items, ...this.more].map((i) => i.id));
      const fresh = result.items.filter((i) => !seen.has(i.id));
      const dropped = Math.max(0, listing.items.length + this.more.length + fresh.length - this.#cap(listing));
      this.more = [...this.more, ...fresh];
      this.lastPage = page;
      this.#moreSkipped += result.skipped.length;
      // Keyboard and screen reader users continue at the first new card.
      this.#focusIndex = before - Math.min(dropped, before);
    } catch (error) {
      if (!isAbort(error)) this.moreError = error;
    } finally {
      if (this.#moreController === controller) this.loadingMore = false;
    }
  }

  /** Most cards kept on screen: MAX_RENDERED, or one whole page when a page is larger. */
  #cap(listing: Listing): number {
    return Math.max(MAX_RENDERED, listing.pageSize);
  }

  /** What is on screen: the task's page plus pages loaded since, capped. */
  #rendered(listing: Listing): { items: Item[]; offset: number } {
    const all = [...listing.items, ...this.more];
    const drop = Math.max(0, all.length - this.#cap(listing));
    return { items: drop ? all.slice(drop) : all, offset: (Number(this.filters.page) - 1) * listing.pageSize + drop };
  }

  // --- events ------------------------------------------------------------------------

  readonly #onPopState = (): void => {
    if (!this.noUrlState) this.#setFilters(readUrl(location.search, this.#presets(), this.collection));
    this.#lastCommitWasSearch = false;
    this.#onHashChange();
  };

  readonly #onHashChange = (): void => {
    const id = hashTarget(location.hash, this.collection);
    if (id && id !== this.selected?.id) void this.#open(id, undefined, null);
    else if (!id && this.selected && !this.noUrlState && this.#dialog?.open) this.#dialog.close();
  };

  #onSearchInput(e: InputEvent): void {
    this.searchText = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#commitSearch(), SEARCH_DELAY);
  }

  #commitSearch(): void {
    const q = this.searchText.trim().slice(0, 200);
    if (q !== this.filters.q) this.#commit({ q }, true);
  }

  #onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    this.#commitSearch();
  }

  #onFacet(key: FilterKey, e: Event): void {
    this.#commit({ [key]: (e.target as HTMLSelectElement).value });
  }

  #removeChip(key: FilterKey, e: Event): void {
    const chips = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.chip')];
    const index = chips.indexOf(e.currentTarget as HTMLButtonElement);
    this.#commit({ [key]: '' });
    void this.updateComplete.then(() => {
      const left = this.renderRoot.querySelectorAll<HTMLButtonElement>('.chip');
      (left[Math.min(index, left.length - 1)] ?? this.#searchInput)?.focus();
    });
  }

  #clearFilters(): void {
    const cleared: Partial<Filters> = {};
    for (const key of FACETS[this.collection]) cleared[key] = '';
    this.#commit(cleared);
    void this.updateComplete.then(() => this.#searchInput?.focus());
  }

  #goToPage(page: number): void {
    this.#commit({ page: String(page) });
    this.#focusIndex = 0;
  }

  async #open(id: string, summary: Item | undefined, opener: HTMLElement | null): Promise<void> {
    // Closed a moment ago, its observer not yet run: finish that close first.
    if (this.#shown && !this.#dialog?.open) this.#onDialogClose();
    const collection = this.collection;
    this.#opener = opener;
    this.selected = { collection, id, summary };
    dispatchInnoEvent(this, collection === 'programs' ? 'inno-program-select' : 'inno-innovation-select', { id });
    // The hash is written only when it is free or already ours: a page may route by its hash.
    const hashFree = location.hash === '' || location.hash === '#' || hashTarget(location.hash, collection) !== undefined;
    if (!this.noUrlState && hashFree && location.hash !== hashFor(collection, id)) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hashFor(collection, id)}`);
    }
    await this.updateComplete;
    if (this.#dialog && !this.#dialog.open) {
      this.#dialog.showModal();
      this.#shown = true;
    }
  }

  #onDialogClose(): void {
    if (this.#dialog?.open || !this.#shown) return;
    this.#shown = false;
    const selected = this.selected;
    this.selected = undefined;
    if (selected && !this.noUrlState && hashTarget(location.hash, selected.collection)) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    }
    this.#opener?.focus();
    this.#opener = undefined;
  }

  // --- labels --------------------------------------------------------------------------

  #sectorLabel(id: string): string {
    const taxonomy = this.#taxonomy.value;
    return taxonomy?.sectors.find((s) => s.id === id)?.label[this.resolvedLocale] ?? id;
  }

  #sectorColor(id: string): string | undefined {
    return (this.#taxonomy.value)?.sectors.find((s) => s.id === id)?.color;
  }

  #valueLabel(key: FilterKey, value: string): string {
    const c = this.coreStrings;
    switch (key) {
      case 'sector':
        return this.#sectorLabel(value);
      case 'stage':
        return c.stage[value as keyof typeof c.stage] ?? value;
      case 'type':
        return this.#t.innovationType[value as keyof GalleryStrings['innovationType']] ?? value;
      case 'helix':
      case 'audience':
        return c.helix[value as Helix] ?? value;
      case 'kind':
        return this.#t.programKind[value as keyof GalleryStrings['programKind']] ?? value;
      case 'status':
        return this.#t.programStatus[value as keyof GalleryStrings['programStatus']] ?? value;
      default:
        return value;
    }
  }

  #facetLabel(key: FilterKey): string {
    const t = this.#t;
    const labels: Partial<Record<FilterKey, string>> = {
      q: t.search, sector: t.sector, stage: t.stage, type: t.type, helix: t.helix, year: t.year, kind: t.kind, status: t.status, audience: t.audience,
    };
    return labels[key] ?? key;
  }

  #options(key: FilterKey): readonly string[] {
    switch (key) {
      case 'sector':
        return ((this.#taxonomy.value)?.sectors ?? []).map((s) => s.id);
      case 'stage':
        return INNOVATION_STAGES;
      case 'type':
        return INNOVATION_TYPES;
      case 'helix':
      case 'audience':
        return HELIXES;
      case 'kind':
        return PROGRAM_KINDS;
      case 'status':
        return PROGRAM_STATUSES;
      case 'year': {
        const now = new Date().getFullYear();
        return Array.from({ length: FIRST_YEAR_SPAN + 1 }, (_, i) => String(now - i));
      }
      default:
        return [];
    }
  }

  // --- templates -----------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (this.configMissing) return this.renderConfigError();
    const t = this.#t;
    const programs = this.collection === 'programs';
    return html`<section class="gallery" aria-label=${programs ? t.programsLabel : t.innovationsLabel}>
      ${this.#renderToolbar()} ${this.#renderChips()}
      <p class="count" part="status" role="status">${this.#statusText()}</p>
      ${this.#renderResults()} ${this.#renderDialog()}
    </section>`;
  }

  #statusText(): string {
    const listing = this.#list.value;
    if (this.#list.status === TaskStatus.PENDING || this.#list.status === TaskStatus.INITIAL) return this.coreStrings.loading;
    if (this.#list.status === TaskStatus.ERROR || !listing) return '';
    const n = numberFormat(this.resolvedLocale).format(listing.total);
    return listing.collection === 'programs' ? this.#t.programCount(listing.total, n) : this.#t.innovationCount(listing.total, n);
  }

  #renderToolbar(): TemplateResult {
    const t = this.#t;
    const facets = FACETS[this.collection].filter((k) => k !== 'q');
    return html`<div class="toolbar" part="toolbar">
      <form class="search" role="search" @submit=${this.#onSubmit}>
        <label for="q">${t.search}</label>
        <input id="q" part="search" type="search" maxlength="200" autocomplete="off" placeholder=${t.searchPlaceholder}
          .value=${this.searchText} @input=${this.#onSearchInput} />
      </form>
      <div class="facets">
        ${facets.map((key) => this.#renderSelect(key))}
        ${this.collection === 'innovations'
          ? html`<div class="field">
              <label for="f-sort">${t.sort}</label>
              <select id="f-sort" part="facet" .value=${this.filters.sort} @change=${(e: Event) => this.#onFacet('sort', e)}>
                <option value="newest" ?selected=${this.filters.sort === 'newest'}>${t.sortNewest}</option>
                <option value="title" ?selected=${this.filters.sort === 'title'}>${t.sortTitle}</option>
              </select>
            </div>`
          : nothing}
        <div class="field view-switch" role="group" aria-label=${t.view}>
          ${(['grid', 'list'] as const).map(
            (view) => html`<button type="button" class="toggle" aria-pressed=${this.view === view ? 'true' : 'false'}
              @click=${() => (this.view = view)}>${view === 'grid' ? t.viewGrid : t.viewList}</button>`,
          )}
        </div>
      </div>
    </div>`;
  }

  #renderSelect(key: FilterKey): TemplateResult {
    const value = this.filters[key];
    const options = this.#options(key);
    // A preset or URL value the taxonomy has not listed (yet) stays selectable.
    const all = value && !options.includes(value) ? [value, ...options] : options;
    return html`<div class="field">
      <label for="f-${key}">${this.#facetLabel(key)}</label>
      <select id="f-${key}" part="facet" @change=${(e: Event) => this.#onFacet(key, e)}>
        <option value="" ?selected=${value === ''}>${this.#t.any}</option>
        ${all.map((o) => html`<option value=${o} ?selected=${o === value}>${this.#valueLabel(key, o)}</option>`)}
      </select>
    </div>`;
  }

  #renderChips(): TemplateResult | typeof nothing {
    const t = this.#t;
    const active = FACETS[this.collection].filter((key) => this.filters[key] !== '');
    if (active.length === 0) return nothing;
    return html`<div class="chips-row">
      <ul class="chips" part="chips" aria-label=${t.activeFilters}>
        ${active.map((key) => {
          const label = `${this.#facetLabel(key)}: ${this.#valueLabel(key, this.filters[key])}`;
          return html`<li>
            <button type="button" class="chip" part="chip" aria-label=${t.removeFilter(label)} @click=${(e: Event) => this.#removeChip(key, e)}>
              <span>${label}</span><span aria-hidden="true">×</span>
            </button>
          </li>`;
        })}
      </ul>
      <button type="button" class="link-button" @click=${this.#clearFilters}>${t.clearFilters}</button>
    </div>`;
  }

  #renderResults(): TemplateResult | typeof nothing {
    const status = this.#list.status;
    const listing = this.#list.value;
    if (status === TaskStatus.ERROR) return this.renderError(this.#list.error, () => void this.#list.run(), '#q');
    if (!listing || (status !== TaskStatus.COMPLETE && listing.collection !== this.collection)) return this.#renderSkeleton();
    const pending = status === TaskStatus.PENDING;
    const skipped = listing.skipped.length + this.#moreSkipped;
    if (listing.items.length === 0 && !pending) {
      const t = this.#t;
      const filtered = FACETS[this.collection].some((key) => this.filters[key] !== '');
      return html`${this.#renderSkipped(skipped)}
        <div class="state" part="empty">
          <h2>${listing.collection === 'programs' ? t.emptyPrograms : t.emptyInnovations}</h2>
          <p>${t.emptyHint}</p>
          ${listing.total > 0
            ? html`<button type="button" class="button" @click=${() => this.#goToPage(1)}>${t.firstPage}</button>`
            : filtered
              ? html`<button type="button" class="button" @click=${this.#clearFilters}>${t.clearFilters}</button>`
              : nothing}
        </div>`;
    }
    const { items, offset } = this.#rendered(listing);
    return html`${this.#renderSkipped(skipped)}
      <ul class=${classMap({ list: true, [`view-${this.view}`]: true, [listing.collection]: true, stale: pending })} part="list" aria-busy=${pending ? 'true' : 'false'}>
        ${repeat(items, (item) => item.id, (item) =>
          listing.collection === 'programs' ? this.#renderProgramCard(item as Program) : this.#renderInnovationCard(item as InnovationSummary))}
      </ul>
      ${this.#renderPaging(listing, offset, items.length)}`;
  }

  #renderSkipped(n: number): TemplateResult | typeof nothing {
    return n > 0 ? html`<p class="note" part="skipped">${this.coreStrings.skippedItems(n)}</p>` : nothing;
  }

  #renderSkeleton(): TemplateResult {
    const n = Math.min(24, Math.max(1, Math.trunc(this.pageSize) || 12));
    return html`<ul class="list view-${this.view} ${this.collection} skeletons" part="list" aria-busy="true">
      ${Array.from({ length: n }, () => html`<li class="card skeleton" aria-hidden="true">
        <div class="media"></div>
        <div class="body"><span class="bar title-bar"></span><span class="bar"></span><span class="bar short"></span></div>
      </li>`)}
    </ul>`;
  }

  #media(image: Image | undefined, title: string, sector: string | undefined): TemplateResult {
    const src = safeHttpUrl(image?.url);
    return html`<div class="media">
      ${src
        ? html`<img part="image" src=${src} alt=${image?.alt ?? ''} loading="lazy" decoding="async" width="320" height="180" />`
        : placeholder(title, sector ? this.#sectorColor(sector) : undefined)}
    </div>`;
  }

  #openButton(item: Item): TemplateResult {
    return html`<h3 class="title">
      <button type="button" class="open" part="card-title" aria-haspopup="dialog"
        @click=${(e: Event) => void this.#open(item.id, item, e.currentTarget as HTMLElement)}>${item.title}</button>
    </h3>`;
  }

  #actor(ref: { name: string; helix: Helix }): TemplateResult {
    return html`<span class="dot helix-${ref.helix}" aria-hidden="true"></span>${ref.name}
      <span class="muted">· ${this.coreStrings.helix[ref.helix]}</span>`;
  }

  #renderInnovationCard(item: InnovationSummary): TemplateResult {
    const c = this.coreStrings;
    return html`<li class="card" part="card">
      ${this.#media(item.image, item.title, item.sector)}
      <div class="body">
        ${this.#openButton(item)}
        <p class="line">${this.#actor(item.owner)}</p>
        <p class="line muted">${this.#sectorLabel(item.sector)}</p>
        <p class="badges">
          <span class="badge stage-${item.stage}" part="badge">${c.stage[item.stage]}</span>
          <span class="badge" part="badge">${this.#t.innovationType[item.type]}</span>
          <span class="badge plain" part="badge">${item.year}</span>
        </p>
      </div>
    </li>`;
  }

  /** "Closes 3 December 2026 (in 6 days)" and the like, in the widget's language. */
  #programDates(p: Program): string {
    const locale = this.resolvedLocale;
    const t = this.#t;
    const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (p.status === 'closed') return t.closed(formatCalendarDate(locale, p.closesOn, 'medium'));
    const upcoming = p.status === 'upcoming';
    const date = upcoming ? p.opensOn : p.closesOn;
    const days = daysBetween(today, date);
    const label = (upcoming ? t.opens : t.closes)(formatCalendarDate(locale, date, 'medium'));
    return days >= 0 ? `${label} (${relativeTimeFormat(locale).format(days, 'day')})` : label;
  }

  #renderProgramCard(p: Program): TemplateResult {
    const c = this.coreStrings;
    const t = this.#t;
    const locale = this.resolvedLocale;
    return html`<li class="card" part="card">
      ${this.#media(p.image, p.title, p.sectors[0])}
      <div class="body">
        ${this.#openButton(p)}
        <p class="line">${this.#actor(p.organizer)}</p>
        <p class="badges">
          <span class="badge status-${p.status}" part="badge">${this.#t.programStatus[p.status]}</span>
          <span class="badge" part="badge">${this.#t.programKind[p.kind]}</span>
        </p>
        <p class="dates">${this.#programDates(p)}</p>
        ${p.audience.length
          ? html`<p class="line muted">${t.audience}: ${listFormat(locale).format(p.audience.map((h) => c.helix[h]))}</p>`
          : nothing}
        ${p.sectors.length
          ? html`<p class="line muted">${listFormat(locale).format(p.sectors.map((s) => this.#sectorLabel(s)))}</p>`
          : nothing}
      </div>
    </li>`;
  }

  #renderPaging(listing: Listing, offset: number, shown: number): TemplateResult | typeof nothing {
    const t = this.#t;
    const fmt = numberFormat(this.resolvedLocale);
    const pages = Math.max(1, Math.ceil(listing.total / listing.pageSize));
    const first = Number(this.filters.page);
    const last = this.lastPage;
    if (pages <= 1 && shown >= listing.total) return nothing;
    const numbers = new Set([1, pages, first - 1, first, last, last + 1].filter((n) => n >= 1 && n <= pages));
    const sorted = [...numbers].sort((a, b) => a - b);
    const pageButton = (n: number) => {
      const current = n >= first && n <= last;
      return html`<li>
        <button type="button" class="page" aria-label=${t.page(fmt.format(n))} aria-current=${current ? 'page' : 'false'}
          @click=${() => this.#goToPage(n)}>${fmt.format(n)}</button>
      </li>`;
    };
    return html`<div class="paging" part="pagination">
      <p class="muted">${t.showing(fmt.format(offset + 1), fmt.format(offset + shown), fmt.format(listing.total))}</p>
      ${last < pages
        ? html`<button type="button" class="button secondary" part="load-more"
            aria-disabled=${this.loadingMore ? 'true' : 'false'} aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.#loadMore()}>${this.loadingMore ? this.coreStrings.loading : t.loadMore}</button>`
        : nothing}
      ${this.moreError ? html`<p class="error-text" role="alert">${this.describeError(this.moreError)}</p>` : nothing}
      <nav aria-label=${t.pages}>
        <ul class="pages">
          ${first > 1 ? html`<li><button type="button" class="page" @click=${() => this.#goToPage(first - 1)}>${t.previous}</button></li>` : nothing}
          ${sorted.map((n, i) => html`${i > 0 && n - sorted[i - 1]! > 1 ? html`<li aria-hidden="true" class="gap">…</li>` : nothing}${pageButton(n)}`)}
          ${last < pages ? html`<li><button type="button" class="page" @click=${() => this.#goToPage(last + 1)}>${t.next}</button></li>` : nothing}
        </ul>
      </nav>
    </div>`;
  }

  // --- dialog --------------------------------------------------------------------------

  #renderDialog(): TemplateResult {
    const selected = this.selected;
    const detail = this.#detail.value;
    const fresh = detail && selected && detail.value.id === selected.id ? detail : undefined;
    const title = fresh?.value.title ?? selected?.summary?.title ?? this.coreStrings.loading;
    return html`<dialog part="dialog" aria-labelledby="dialog-title">
      ${selected
        ? html`<div class="dialog-head">
              <h2 id="dialog-title" tabindex="-1">${title}</h2>
              <form method="dialog"><button class="button secondary close" aria-label=${this.coreStrings.close}>×</button></form>
            </div>
            ${this.#detail.status === TaskStatus.ERROR
              ? this.renderError(this.#detail.error, () => void this.#detail.run(), '#dialog-title')
              : fresh
                ? fresh.collection === 'programs'
                  ? this.#renderProgramDetail(fresh.value)
                  : this.#renderInnovationDetail(fresh.value)
                : html`<p class="muted" role="status">${this.coreStrings.loading}</p>`}`
        : nothing}
    </dialog>`;
  }

  #paragraphs(text: string): TemplateResult[] {
    return paragraphs(text).map((p) => html`<p>${p}</p>`);
  }

  #external(url: string | undefined, label: string): TemplateResult | typeof nothing {
    const href = safeHttpUrl(url);
    if (!href) return nothing;
    return html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${this.coreStrings.opensInNewTab}</span></a>`;
  }

  #renderInnovationDetail(d: Innovation): TemplateResult {
    const c = this.coreStrings;
    const t = this.#t;
    const locale = this.resolvedLocale;
    const images = d.images.filter((i) => safeHttpUrl(i.url));
    return html`<div class="detail">
      <p class="line">${t.owner}: ${this.#actor(d.owner)}</p>
      <p class="badges">
        <span class="badge stage-${d.stage}" part="badge">${c.stage[d.stage]}</span>
        <span class="badge" part="badge">${this.#t.innovationType[d.type]}</span>
        <span class="badge plain" part="badge">${this.#sectorLabel(d.sector)}</span>
        <span class="badge plain" part="badge">${d.year}</span>
      </p>
      ${d.startedOn ? html`<p class="muted">${t.started}: ${formatCalendarDate(locale, d.startedOn)}</p>` : nothing}
      ${images.length
        ? html`<div class="gallery-images">${images.map((i) => html`<img part="image" src=${safeHttpUrl(i.url)!} alt=${i.alt} loading="lazy" />`)}</div>`
        : nothing}
      <h3>${t.description}</h3>
      ${this.#paragraphs(d.description || d.summary)}
      ${d.partners.length
        ? html`<h3>${t.partners}</h3>
            <ul class="plain-list">${d.partners.map((p) => html`<li>${this.#actor(p)}</li>`)}</ul>`
        : nothing}
      ${d.metrics?.length
        ? html`<h3>${t.metrics}</h3>
            <dl class="metrics">${d.metrics.map((m) => html`<div><dt>${m.label}</dt><dd>${m.value}</dd></div>`)}</dl>`
        : nothing}
      ${d.website || d.contactEmail
        ? html`<p class="links">
            ${this.#external(d.website, t.website)}
            ${d.contactEmail ? html`<a href=${`mailto:${d.contactEmail}`}>${t.contact}: ${d.contactEmail}</a>` : nothing}
          </p>`
        : nothing}
    </div>`;
  }

  /** apply-url with `inno-program=<id>`, only when it resolves to an http(s) URL. */
  #applyHref(id: string): string | undefined {
    const url = safePageUrl(this.applyUrl);
    url?.searchParams.set('inno-program', id);
    return url?.href;
  }

  #renderProgramDetail(p: ProgramDetail): TemplateResult {
    const c = this.coreStrings;
    const t = this.#t;
    const locale = this.resolvedLocale;
    const apply = p.status !== 'closed' ? this.#applyHref(p.id) : undefined;
    return html`<div class="detail">
      <p class="line">${t.organizer}: ${this.#actor(p.organizer)}</p>
      <p class="badges">
        <span class="badge status-${p.status}" part="badge">${this.#t.programStatus[p.status]}</span>
        <span class="badge" part="badge">${this.#t.programKind[p.kind]}</span>
      </p>
      <p>${this.#programDates(p)}</p>
      ${p.audience.length ? html`<p>${t.audience}: ${listFormat(locale).format(p.audience.map((h) => c.helix[h]))}</p>` : nothing}
      ${p.sectors.length ? html`<p>${t.sectors}: ${listFormat(locale).format(p.sectors.map((s) => this.#sectorLabel(s)))}</p>` : nothing}
      ${apply ? html`<p><a class="button" part="apply" href=${apply}>${t.proposeIdea}</a></p>` : nothing}
      <h3>${t.description}</h3>
      ${this.#paragraphs(p.description || p.summary)}
      ${p.eligibility ? html`<h3>${t.eligibility}</h3>${this.#paragraphs(p.eligibility)}` : nothing}
      ${p.website ? html`<p class="links">${this.#external(p.website, t.website)}</p>` : nothing}
      <h3>${t.programInnovations}</h3>
      ${p.innovations.length
        ? html`<ul class="plain-list">
            ${p.innovations.map((i) => html`<li><strong>${i.title}</strong> — ${this.#actor(i.owner)}</li>`)}
          </ul>`
        : html`<p class="muted">${t.noProgramInnovations}</p>`}
    </div>`;
  }
}
