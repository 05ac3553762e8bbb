import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { EventListResult } from '../../api/client.js';
import type { Term } from '../../api/schemas.js';
import { InnoElement } from '../../core/base-element.js';
import { styleProps } from '../../core/directives/style-props.js';
import { dispatchInnoEvent } from '../../core/events.js';
import { dateFormat, todayIn } from '../../core/format.js';
import { paragraphs, safeHttpUrl } from '../../core/safe.js';
import { calendarStyles } from './event-calendar.styles.js';
import { buildIcs, googleCalendarUrl, outlookUrl } from './ics.js';
import { compareForDay, covers, layoutDay, layoutWeek, place, type Placed, type TimedBlock, type WeekLayout } from './layout.js';
import { matchesWords, queryWords } from './search.js';
import { calendarStrings, type CalendarStrings } from './strings.js';
import { warmEventChecks } from './warm.js';
import {
  addDays, addMonths, dayAsDate, instantOf, parseDateAttribute, startOfMonth, startOfWeek, validZone, weekdayIndex,
} from './time.js';

export type CalendarView = 'month' | 'week' | 'list';

interface Range {
  view: CalendarView;
  /** First day shown and the day after the last, in the display zone. */
  start: string;
  end: string;
  from: string;
  to: string;
}

/** The week time-grid, and the order in which the keys walk its events. */
interface WeekModel {
  days: string[];
  /** The all-day row: all-day events and those running past midnight. */
  allDay: WeekLayout;
  /** Per day, its timed events; `item` indexes `items`. */
  blocks: { block: TimedBlock; item: number }[][];
  /** Every drawn event once: the all-day row's segments first, in their order, then the timed blocks. */
  items: Placed[];
  /** Per day, indexes into `items` in the order Up and Down walk them: its bars top to bottom, then its timed events by start. */
  columns: number[][];
}

interface Filters {
  category: string | undefined;
  organizer: string | undefined;
  program: string | undefined;
}

const VIEWS: readonly CalendarView[] = ['month', 'week', 'list'];
/** Bars drawn per day in a month cell before "+N more". */
const MONTH_LANES = 3;
/** Ranges kept in memory: going back and forth never asks the server twice. */
const RANGE_CACHE = 8;
/** Below this width the list is the default view. */
const NARROW = 600;
const SHAPES = ['●', '■', '▲', '◆', '★', '⬟', '▼', '✚'];
const MONDAY = '2024-01-01';

const idle = (callback: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 200);
};

/**
 * Forums, workshops and hackathons of the ecosystem in a month grid, a week time-grid or a
 * list grouped by day, in any time zone.
 *
 * @summary Event calendar: month, week and list views over `GET /events`.
 *
 * @event inno-event-select - An event was opened; `detail: { id }`.
 * @event inno-range-change - The visible range changed; `detail: { from, to, view }` (instants, ISO 8601).
 *
 * @csspart toolbar - Navigation, title, view switcher and filters.
 * @csspart title - The visible period.
 * @csspart grid - The month grid.
 * @csspart day - A day cell of the month grid.
 * @csspart event - An event (chip, bar, block or list row).
 * @csspart more - The "+N more" button of a crowded day.
 * @csspart week - The week time-grid.
 * @csspart list - The list view.
 * @csspart legend - The category legend.
 * @csspart dialog - The day and event dialog.
 * @csspart ended - The notice in the detail of an event that is over.
 * @csspart error - The error state.
 *
 * @cssprop --inno-color-surface - Cells and chips.
 * @cssprop --inno-color-primary - Today, links and the active view.
 */
export class InnoEventCalendar extends InnoElement {
  static override styles = [...InnoElement.styles, calendarStyles];

  /** Month grid, week time-grid, or list grouped by day. Default: list below 600 px, else month. */
  @property({ reflect: true }) view?: 'month' | 'week' | 'list';

  /** The month (`YYYY-MM`) or day (`YYYY-MM-DD`) to show first. Default: today. */
  @property() date?: string;

  /** Only events of this category (a taxonomy slug). */
  @property() category?: string;

  /** Only events organised by this stakeholder id. */
  @property() organizer?: string;

  /** Only events of this program id. */
  @property() program?: string;

  /** IANA zone in which times are shown, e.g. `Asia/Jakarta`. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private anchor = '';
  @state() private autoView: CalendarView = 'month';
  @state() private search = '';
  @state() private dialogDay?: string | undefined;
  @state() private dialogEvent?: Placed | undefined;
  /** The week grid's focus within the anchor day: -1 the day itself (its column header), else its n-th event. */
  @state() private weekItem = -1;

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The live region that says what a key or a load changed. */
  get #live(): HTMLElement | null {
    return this.renderRoot.querySelector('.live');
  }

  readonly #cache = new Map<string, EventListResult>();
  #focusGrid = false;
  /** A key moved the week grid's focus: say where it went once the week is loaded. */
  #announceFocus = false;
  /** The dialog's content changed: its heading takes the focus, so nothing is lost. */
  #focusDialog = false;
  #announced = '';
  #rangeSent = '';
  #scrolledWeek = '';
  #opener?: HTMLElement | undefined;
  /** The height (px) a loading list reserved, for that load: the list that follows keeps it. */
  #listHold?: { key: string; px: number };
  #icsUrl?: string | undefined;
  #resize?: ResizeObserver;
  #prefetch?: AbortController;

  readonly #taxonomy = new Task(this, {
    task: async ([client], { signal }) => (client ? (await client.getTaxonomy({ signal })).eventCategories : []),
    args: () => [this.client] as const,
  });

  readonly #events = new Task(this, {
    task: async ([client, range, filters], { signal }) => {
      if (!client) return undefined;
      const key = this.#key(range, filters);
      const cached = this.#cache.get(key);
      if (cached) return cached;
      const request = client.listEvents({ from: range.from, to: range.to, ...filters }, { signal });
      warmEventChecks();
      const result = await request;
      this.#remember(key, result);
      return result;
    },
    args: () => [this.client, this.#range, this.#filters] as const,
    argsEqual: ([a, r1, f1], [b, r2, f2]) => a === b && this.#key(r1, f1) === this.#key(r2, f2),
    onComplete: () => idle(() => this.#prefetchNext()),
  });

  // --- derived state -------------------------------------------------------------------

  get #zone(): string {
    return validZone(this.timeZone);
  }

  get #view(): CalendarView {
    return VIEWS.includes(this.view as CalendarView) ? this.view! : this.autoView;
  }

  get #filters(): Filters {
    return { category: this.category || undefined, organizer: this.organizer || undefined, program: this.program || undefined };
  }

  get #t(): CalendarStrings {
    return calendarStrings[this.resolvedLocale];
  }

  #rangeFor(view: CalendarView, anchor: string): Range {
    let start: string;
    let end: string;
    if (view === 'week') {
      start = startOfWeek(anchor);
      end = addDays(start, 7);
    } else if (view === 'list') {
      start = startOfMonth(anchor);
      end = addMonths(start, 1);
    } else {
      const first = startOfMonth(anchor);
      start = startOfWeek(first);
      end = addDays(startOfWeek(addDays(addMonths(first, 1), -1)), 7);
    }
    const zone = this.#zone;
    const iso = (day: string) => new Date(instantOf(day, 0, zone)).toISOString();
    return { view, start, end, from: iso(start), to: iso(end) };
  }

  get #range(): Range {
    return this.#rangeFor(this.#view, this.anchor || todayIn(this.#zone));
  }

  #key(range: Range, filters: Filters): string {
    // The API base is part of the key: another api-base must never show this one's events.
    return JSON.stringify([this.client?.baseUrl, range.from, range.to, filters.category, filters.organizer, filters.program]);
  }

  #remember(key: string, result: EventListResult): void {
    this.#cache.delete(key);
    this.#cache.set(key, result);
    if (this.#cache.size > RANGE_CACHE) this.#cache.delete(this.#cache.keys().next().value!);
  }

  /** The next period, fetched while the reader looks at this one. */
  #prefetchNext(): void {
    const client = this.client;
    if (!client || !this.isConnected) return;
    const step = this.#view === 'week' ? addDays(this.anchor, 7) : addMonths(this.anchor, 1);
    const range = this.#rangeFor(this.#view, step);
    const filters = this.#filters;
    const key = this.#key(range, filters);
    if (this.#cache.has(key)) return;
    this.#prefetch?.abort();
    const controller = (this.#prefetch = new AbortController());
    client.listEvents({ from: range.from, to: range.to, ...filters }, { signal: controller.signal }).then(
      (result) => this.#remember(key, result),
      () => undefined, // a failed prefetch is retried when the reader gets there
    );
  }

  /** Events of the visible range (from the cache, so that a known range never flashes). */
  get #loaded(): EventListResult | undefined {
    return this.#cache.get(this.#key(this.#range, this.#filters));
  }

  #categoryMemo?: { terms: readonly Term[] | undefined; map: Map<string, { term: Term; shape: string }> };

  /** Categories by id with their shape (the cue that is not colour), built once per taxonomy. */
  get #categories(): Map<string, { term: Term; shape: string }> {
    const terms = this.#taxonomy.value;
    let memo = this.#categoryMemo;
    if (!memo || memo.terms !== terms) {
      memo = { terms, map: new Map((terms ?? []).map((term, i) => [term.id, { term, shape: SHAPES[i % SHAPES.length]! }])) };
      this.#categoryMemo = memo;
    }
    return memo.map;
  }

  #inRangeMemo?: { result: EventListResult; key: string; placed: Placed[] };
  #placedMemo?: { inRange: Placed[]; key: string; placed: Placed[] };

  /**
   * Placed events of the range, narrowed by the search. Kept between renders: moving the
   * focus through a month of 2 000 events must not redo the zone arithmetic for each key,
   * nor typing in the search.
   */
  #placed(result: EventListResult, range: Range): Placed[] {
    const zone = this.#zone;
    const rangeKey = JSON.stringify([zone, range.start, range.end]);
    let inRange = this.#inRangeMemo;
    if (inRange?.result !== result || inRange.key !== rangeKey) {
      const placed = result.items.map((e) => place(e, zone)).filter((p) => p.lastDay >= range.start && p.firstDay < range.end);
      inRange = this.#inRangeMemo = { result, key: rangeKey, placed };
    }
    const words = queryWords(this.search);
    const key = words.join(' ');
    const memo = this.#placedMemo;
    if (memo?.inRange === inRange.placed && memo.key === key) return memo.placed;
    const placed = words.length === 0 ? inRange.placed : inRange.placed.filter((p) => matchesWords(p.event, words));
    this.#placedMemo = { inRange: inRange.placed, key, placed };
    return placed;
  }

  #monthMemo?: { placed: Placed[]; start: string; weeks: [string, WeekLayout][] };

  /** The month's week rows, laid out once per set of events (not again for each key press). */
  #monthWeeks(range: Range, placed: Placed[]): [string, WeekLayout][] {
    const memo = this.#monthMemo;
    if (memo?.placed === placed && memo.start === range.start) return memo.weeks;
    // Sorted once here, so that each week's own sort finds its share in order already.
    const sorted = [...placed].sort(compareForDay);
    const weeks: [string, WeekLayout][] = [];
    for (let day = range.start; day < range.end; day = addDays(day, 7)) weeks.push([day, layoutWeek(day, sorted, MONTH_LANES)]);
    this.#monthMemo = { placed, start: range.start, weeks };
    return weeks;
  }

  #weekMemo?: { placed: Placed[]; start: string; zone: string; model: WeekModel };

  #weekModel(range: Range, placed: Placed[]): WeekModel {
    const zone = this.#zone;
    const memo = this.#weekMemo;
    if (memo?.placed === placed && memo.start === range.start && memo.zone === zone) return memo.model;
    const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(range.start, i));
    const allDay = layoutWeek(range.start, placed.filter((p) => p.spanning), 99);
    const items = allDay.segments.map((s) => s.placed);
    const columns = days.map((_, col) =>
      allDay.segments
        .map((s, item) => ({ s, item }))
        .filter(({ s }) => s.col <= col && col < s.col + s.span)
        .sort((a, b) => a.s.lane - b.s.lane)
        .map(({ item }) => item),
    );
    const blocks = days.map((day, col) =>
      layoutDay(placed.filter((p) => !p.spanning && p.firstDay === day), zone).map((block) => {
        const item = items.push(block.placed) - 1;
        columns[col]!.push(item);
        return { block, item };
      }),
    );
    const model = { days, allDay, blocks, items, columns };
    this.#weekMemo = { placed, start: range.start, zone, model };
    return model;
  }

  /** The week model of the week holding `day`, when its events are loaded. */
  #weekModelAt(day: string): WeekModel | undefined {
    const range = this.#rangeFor('week', day);
    const result = this.#cache.get(this.#key(range, this.#filters));
    return result ? this.#weekModel(range, this.#placed(result, range)) : undefined;
  }

  // --- lifecycle -----------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(([entry]) => {
        const width = entry?.contentRect.width ?? 0;
        if (width > 0) this.autoView = width < NARROW ? 'list' : 'month';
      });
      this.#resize.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#prefetch?.abort();
    this.#revokeIcs();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) {
      // Measured before the first request, so that a phone never fetches the month first.
      const width = this.getBoundingClientRect().width;
      if (width > 0 && width < NARROW) this.autoView = 'list';
    }
    if (changed.has('date') || changed.has('timeZone') || !this.anchor) {
      this.anchor = parseDateAttribute(this.date) ?? todayIn(this.#zone);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const range = this.#range;
    const rangeKey = `${range.from}|${range.to}|${range.view}`;
    if (rangeKey !== this.#rangeSent) {
      this.#rangeSent = rangeKey;
      dispatchInnoEvent(this, 'inno-range-change', { from: range.from, to: range.to, view: range.view });
    }
    const loaded = this.#loaded;
    if (loaded && this.#live) {
      const placed = this.#placed(loaded, range);
      const count = new Set(placed.map((p) => p.event.id)).size;
      const period = this.#t.periodSummary(this.#periodLabel(range), this.#t.view[range.view], count);
      const parts: string[] = [];
      if (period !== this.#announced) {
        this.#announced = period;
        parts.push(period);
      }
      if (this.#announceFocus && range.view === 'week') parts.push(this.#weekFocusNote(this.#weekModel(range, placed)));
      this.#announceFocus = false;
      if (parts.length) this.#live.textContent = parts.join(' ');
    }
    const timegrid = range.view === 'week' ? this.renderRoot.querySelector<HTMLElement>('.timegrid') : null;
    if (timegrid && this.#scrolledWeek !== rangeKey) {
      // Mornings first: the night hours are there to scroll back to, not to start with.
      this.#scrolledWeek = rangeKey;
      timegrid.scrollTop = (timegrid.scrollHeight / 24) * 7;
    }
    const skeleton = this.renderRoot.querySelector<HTMLElement>('.list.skeleton');
    if (skeleton) this.#reserveList(skeleton, range);
    if (this.#focusGrid) {
      this.#focusGrid = false;
      this.renderRoot.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus();
    }
    if (this.#dialog && (this.dialogDay || this.dialogEvent) && !this.#dialog.open) this.#dialog.showModal();
    if (this.#focusDialog && this.#dialog?.open) {
      this.#focusDialog = false;
      this.#dialog.querySelector<HTMLElement>('#dialog-title')?.focus();
    }
  }

  /** The list whose earlier days the reader chose to see (its #listKey). */
  #pastShownFor?: string;

  #listKey(range: Range): string {
    return `${range.view}|${this.#key(range, this.#filters)}`;
  }

  /**
   * While the list loads, its skeleton reaches down to the foot of the viewport, and the list
   * that replaces it is at least as tall: however many events the period holds, nothing on
   * screen below the list moves when it arrives (cumulative layout shift 0). A longer list
   * pushes down only what was below the screen already; a shorter one leaves the footer at
   * the foot of the screen. The next period, view or filter (the reader's own doing) lets go.
   */
  #reserveList(skeleton: HTMLElement, range: Range): void {
    const key = this.#listKey(range);
    if (this.#listHold?.key !== key) {
      skeleton.style.minHeight = '';
      const box = skeleton.getBoundingClientRect();
      this.#listHold = { key, px: Math.max(Math.ceil(box.height), Math.ceil(window.innerHeight - box.top)) };
    }
    skeleton.style.minHeight = `${this.#listHold.px}px`;
  }

  // --- navigation ----------------------------------------------------------------------

  #step(direction: -1 | 1): void {
    this.anchor = this.#view === 'week' ? addDays(this.anchor, 7 * direction) : addMonths(this.anchor, direction);
  }

  #today(): void {
    this.anchor = todayIn(this.#zone);
  }

  #chooseView(view: CalendarView): void {
    this.view = view;
  }

  #onGridKey(e: KeyboardEvent): void {
    if (e.target !== e.currentTarget) return;
    const day = this.anchor;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(day, -1),
      ArrowRight: () => addDays(day, 1),
      ArrowUp: () => addDays(day, -7),
      ArrowDown: () => addDays(day, 7),
      PageUp: () => addMonths(day, -1),
      PageDown: () => addMonths(day, 1),
      Home: () => addDays(day, -weekdayIndex(day)),
      End: () => addDays(day, 6 - weekdayIndex(day)),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.anchor = move();
      this.#focusGrid = true;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#openDay(day, e.target as HTMLElement);
    }
  }

  /** The anchor day's event under the week grid's focus (-1: the day), kept within what the day holds. */
  #weekPosition(model: WeekModel): number {
    const column = model.columns[model.days.indexOf(this.anchor)] ?? [];
    return Math.min(Math.max(this.weekItem, -1), column.length - 1);
  }

  /**
   * The week grid's keys: Left/Right by day, Up/Down through the day's events (its column
   * header first, then the all-day row, then by time), Home/End to Monday/Sunday, PageUp/
   * PageDown by week, Enter or Space on a day for its list. An event button opens itself.
   * A move to another week fetches that week; the focus keeps its row where it can.
   */
  #onWeekKey(e: KeyboardEvent, model: WeekModel): void {
    const target = e.target as HTMLElement;
    // A day: its column header, or its column of hours when a click put the focus there.
    const onDay = target.matches('[data-day]');
    if (!onDay && !target.matches('button[data-item]')) return;
    const day = this.anchor;
    const column = model.columns[model.days.indexOf(day)] ?? [];
    const item = this.#weekPosition(model);
    const moves: Record<string, () => [string, number]> = {
      ArrowLeft: () => [addDays(day, -1), item],
      ArrowRight: () => [addDays(day, 1), item],
      ArrowUp: () => [day, Math.max(-1, item - 1)],
      ArrowDown: () => [day, Math.min(column.length - 1, item + 1)],
      Home: () => [model.days[0]!, item],
      End: () => [model.days[6]!, item],
      PageUp: () => [addDays(day, -7), item],
      PageDown: () => [addDays(day, 7), item],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const [next, wanted] = move();
      // Another week's events are known only once loaded (often prefetched): until then, the day itself.
      const target = model.days.includes(next) ? model : this.#weekModelAt(next);
      const length = target?.columns[target.days.indexOf(next)]?.length ?? 0;
      this.anchor = next;
      this.weekItem = Math.min(wanted, length - 1);
      this.#focusGrid = true;
      this.#announceFocus = true;
    } else if (onDay && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      this.#openDay(day, target);
    }
  }

  /**
   * A click or a focus on a day or an event of the week grid makes it the grid's tab stop.
   * An event belongs to the anchor day if it is one of its events, else to its first day in
   * the week (a bar from an earlier day).
   */
  #onWeekFocus(e: FocusEvent, model: WeekModel): void {
    const { day, item } = (e.target as HTMLElement).dataset;
    if (day) {
      this.anchor = day;
      this.weekItem = -1;
    } else if (item) {
      const n = Number(item);
      const here = model.days.indexOf(this.anchor);
      const col = model.columns[here]?.includes(n) ? here : model.columns.findIndex((column) => column.includes(n));
      this.anchor = model.days[col] ?? this.anchor;
      this.weekItem = model.columns[col]?.indexOf(n) ?? -1;
    }
  }

  /** "Tuesday, 10 March 2026, 3 events; event 1 of 3." for the live region. */
  #weekFocusNote(model: WeekModel): string {
    const t = this.#t;
    const n = model.columns[model.days.indexOf(this.anchor)]?.length ?? 0;
    const item = this.#weekPosition(model);
    const day = `${this.#dayLabel(this.anchor)}, ${t.eventCount(n)}`;
    return item >= 0 ? `${day}; ${t.eventOf(item + 1, n)}.` : `${day}.`;
  }

  #onCellClick(day: string): void {
    this.anchor = day;
    this.#focusGrid = true;
  }

  // --- dialog --------------------------------------------------------------------------

  #openDay(day: string, opener: HTMLElement): void {
    this.#opener = opener;
    this.dialogEvent = undefined;
    this.dialogDay = day;
    this.#focusDialog = true;
  }

  #openEvent(placed: Placed, opener: HTMLElement | undefined): void {
    if (opener && !this.#dialog?.open) this.#opener = opener;
    this.#revokeIcs();
    this.dialogEvent = placed;
    this.#focusDialog = true;
    dispatchInnoEvent(this, 'inno-event-select', { id: placed.event.id });
  }

  #backToDay(): void {
    this.dialogEvent = undefined;
    this.#focusDialog = true;
  }

  #onDialogClose(): void {
    this.dialogDay = undefined;
    this.dialogEvent = undefined;
    this.#revokeIcs();
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus();
  }

  #revokeIcs(): void {
    if (this.#icsUrl) URL.revokeObjectURL(this.#icsUrl);
    this.#icsUrl = undefined;
  }

  // --- formatting ----------------------------------------------------------------------

  #periodLabel(range: Range): string {
    const locale = this.resolvedLocale;
    if (range.view === 'week') {
      return dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        .formatRange(dayAsDate(range.start), dayAsDate(addDays(range.end, -1)));
    }
    return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayAsDate(this.anchor));
  }

  #dayLabel(day: string): string {
    return dateFormat(this.resolvedLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(dayAsDate(day));
  }

  readonly #timeFormats = new Map<string, Intl.DateTimeFormat>();

  #time(ms: number, zone = this.#zone): string {
    // A map in front of dateFormat(): a month of chips would otherwise build its cache key for each.
    const key = `${this.resolvedLocale}|${zone}`;
    let format = this.#timeFormats.get(key);
    if (!format) {
      format = dateFormat(this.resolvedLocale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
      this.#timeFormats.set(key, format);
    }
    return format.format(ms);
  }

  #zoneName(ms: number, zone: string): string {
    const parts = dateFormat(this.resolvedLocale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(ms);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  }

  /** "Friday, 13 November 2026, 09.00–11.00 WIB" in the display zone. */
  #when(p: Placed, zone = this.#zone): string {
    const locale = this.resolvedLocale;
    if (p.event.allDay) {
      const text = dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).formatRange(dayAsDate(p.firstDay), dayAsDate(p.lastDay));
      return `${text} (${this.#t.allDay})`;
    }
    const text = dateFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).formatRange(p.startMs, p.endMs);
    return `${text} ${this.#zoneName(p.startMs, zone)}`;
  }

  // --- rendering -----------------------------------------------------------------------

  protected override render(): TemplateResult {
    if (this.configMissing) return this.renderConfigError();
    const t = this.#t;
    const range = this.#range;
    const loaded = this.#loaded;
    const failed = !loaded && this.#events.status === TaskStatus.ERROR;
    const placed = loaded ? this.#placed(loaded, range) : [];
    const view = range.view;
    let body: TemplateResult | typeof nothing;
    if (failed) body = this.renderError(this.#events.error, () => void this.#events.run(), '#period');
    else if (view === 'month') body = this.#renderMonth(range, placed);
    else if (view === 'week') body = this.#renderWeek(range, placed);
    else body = this.#renderList(range, placed, !loaded);
    return html`<div class="calendar" aria-busy=${loaded || failed ? 'false' : 'true'}>
      ${this.#renderToolbar(range)}
      <div class="live visually-hidden" aria-live="polite" aria-atomic="true"></div>
      <p class="status" part="status">
        ${!loaded && !failed ? t.loadingEvents : nothing}
        ${loaded && loaded.skipped.length > 0 ? this.coreStrings.skippedItems(loaded.skipped.length) : nothing}
        ${loaded && placed.length === 0 && view !== 'list' ? `${t.noEvents} ${t.noEventsHint}` : nothing}
      </p>
      ${body} ${this.#renderLegend()}
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#onDialogClose}>${this.#renderDialog(placed)}</dialog>
    </div>`;
  }

  #renderToolbar(range: Range): TemplateResult {
    const t = this.#t;
    const locale = this.resolvedLocale;
    const categories = [...this.#categories.values()];
    return html`<div class="toolbar" part="toolbar">
      <div class="nav">
        <button class="button secondary icon" type="button" aria-label=${t.previous[range.view]} @click=${() => this.#step(-1)}>
          <span aria-hidden="true">‹</span>
        </button>
        <button class="button secondary icon" type="button" aria-label=${t.next[range.view]} @click=${() => this.#step(1)}>
          <span aria-hidden="true">›</span>
        </button>
        <button class="button secondary" type="button" @click=${this.#today}>${t.today}</button>
      </div>
      <h2 id="period" part="title" tabindex="-1">${this.#periodLabel(range)}</h2>
      <div class="views" role="group" aria-label=${t.views}>
        ${VIEWS.map(
          (v) => html`<button class="button secondary" type="button" aria-pressed=${v === range.view ? 'true' : 'false'}
            @click=${() => this.#chooseView(v)}>${t.view[v]}</button>`,
        )}
      </div>
      <div class="filters">
        <label>
          <span>${t.category}</span>
          <select @change=${(e: Event & { target: HTMLSelectElement }) => (this.category = e.target.value || undefined)}>
            <option value="" ?selected=${!this.category}>${t.allCategories}</option>
            ${categories.map(
              ({ term, shape }) => html`<option value=${term.id} ?selected=${term.id === this.category}>${shape} ${term.label[locale]}</option>`,
            )}
          </select>
        </label>
        <label>
          <span>${t.search}</span>
          <input type="search" .value=${this.search} @input=${(e: InputEvent) => (this.search = (e.target as HTMLInputElement).value)} />
        </label>
      </div>
    </div>`;
  }

  #renderLegend(): TemplateResult | typeof nothing {
    const categories = [...this.#categories.values()];
    const t = this.#t;
    const feed = this.client?.eventsFeedUrl({ category: this.category || undefined });
    return html`<div class="footer">
      ${categories.length
        ? html`<ul class="legend" part="legend" aria-label=${t.legend}>
            ${categories.map(({ term, shape }) => html`<li>${this.#marker(term.id)}${term.label[this.resolvedLocale]}<span class="visually-hidden">${shape}</span></li>`)}
          </ul>`
        : nothing}
      ${feed ? html`<a class="subscribe" href=${feed}>${t.subscribe}</a>` : nothing}
      <span class="zone">${t.shownIn(this.#zone)}</span>
    </div>`;
  }

  #marker(category: string): TemplateResult {
    const entry = this.#categories.get(category);
    const color = entry?.term.color;
    return html`<span class="marker" aria-hidden="true" ${styleProps({ '--_term': color })}>${entry?.shape ?? '●'}</span>`;
  }

  #categoryLabel(category: string): string {
    return this.#categories.get(category)?.term.label[this.resolvedLocale] ?? category;
  }

  /** The button of one event; `extra` adds a time or a continuation note. */
  #eventButton(
    p: Placed,
    options: { cls?: string; style?: Record<string, string>; tabbable?: boolean; time?: boolean; item?: number } = {},
  ): TemplateResult {
    const time = options.time && !p.spanning ? this.#time(p.startMs) : '';
    return html`<button type="button" part="event" class="event ${options.cls ?? ''}" tabindex=${options.tabbable === false ? '-1' : '0'}
      data-item=${ifDefined(options.item)}
      ${styleProps(options.style ?? {})} @click=${(e: MouseEvent) => {
        e.stopPropagation();
        this.#openEvent(p, e.currentTarget as HTMLElement);
      }}>${this.#marker(p.event.category)}${time ? html`<span class="time">${time}</span>` : nothing}<span class="title">${p.event.title}</span></button>`;
  }

  #renderMonth(range: Range, placed: Placed[]): TemplateResult {
    const locale = this.resolvedLocale;
    const t = this.#t;
    const weeks = this.#monthWeeks(range, placed);
    const today = todayIn(this.#zone);
    const month = this.anchor.slice(0, 7);
    const short = dateFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const long = dateFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const headers = [0, 1, 2, 3, 4, 5, 6].map((i) => dayAsDate(addDays(MONDAY, i)));
    return html`<div class="month" role="grid" part="grid" aria-labelledby="period" aria-readonly="true">
      <div role="row" class="row head">
        ${headers.map((d) => html`<div role="columnheader" class="colhead"><span aria-hidden="true">${short.format(d)}</span><span class="visually-hidden">${long.format(d)}</span></div>`)}
      </div>
      ${weeks.map(([weekStart, layout]) => {
        return html`<div role="row" class="row">
          ${[0, 1, 2, 3, 4, 5, 6].map((col) => {
            const day = addDays(weekStart, col);
            const hidden = layout.hidden[col]!;
            const label = `${this.#dayLabel(day)}, ${t.eventCount(layout.counts[col]!)}`;
            return html`<div role="gridcell" part="day" data-day=${day} tabindex=${day === this.anchor ? '0' : '-1'}
              aria-current=${ifDefined(day === today ? 'date' : undefined)}
              class="cell ${day.slice(0, 7) === month ? '' : 'outside'} ${day === today ? 'today' : ''}"
              @click=${() => this.#onCellClick(day)} @keydown=${this.#onGridKey}>
              <span class="num" aria-hidden="true">${Number(day.slice(8))}</span><span class="visually-hidden day-label">${label}</span>
              ${layout.segments
                .filter((s) => s.col === col)
                .map((s) =>
                  this.#eventButton(s.placed, {
                    cls: `${s.placed.spanning ? 'bar' : 'chip'} ${s.continuesBefore ? 'cont-before' : ''} ${s.continuesAfter ? 'cont-after' : ''}`,
                    style: { width: `calc(${s.span * 100}% - 6px)`, top: `calc(1.75rem + ${s.lane * 1.5}rem)` },
                    tabbable: false,
                    time: true,
                  }),
                )}
              ${hidden > 0
                ? html`<button type="button" class="more" part="more" tabindex="-1" aria-label=${t.moreLabel(hidden, this.#dayLabel(day))}
                    @click=${(e: MouseEvent) => {
                      e.stopPropagation();
                      this.anchor = day;
                      this.#openDay(day, e.currentTarget as HTMLElement);
                    }}>${t.more(hidden)}</button>`
                : nothing}
            </div>`;
          })}
        </div>`;
      })}
    </div>`;
  }

  /**
   * The week as an ARIA grid: a header row of days, the all-day row and the row of timed
   * events, one cell per day in each. One tab stop (the day or event under the focus);
   * see #onWeekKey for the keys.
   */
  #renderWeek(range: Range, placed: Placed[]): TemplateResult {
    const t = this.#t;
    const locale = this.resolvedLocale;
    const model = this.#weekModel(range, placed);
    const head = dateFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
    const hour = dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    const today = todayIn(this.#zone);
    const position = this.#weekPosition(model);
    const focusItem = position >= 0 ? model.columns[model.days.indexOf(this.anchor)]![position] : undefined;
    const tabbable = (item: number) => item === focusItem;
    return html`<div class="week" role="grid" part="week" aria-labelledby="period" aria-readonly="true"
      @keydown=${(e: KeyboardEvent) => this.#onWeekKey(e, model)} @focusin=${(e: FocusEvent) => this.#onWeekFocus(e, model)}>
      <div class="week-head" role="row">
        <span role="columnheader" class="corner"><span class="visually-hidden">${t.when}</span></span>
        ${model.days.map(
          (d, col) => html`<div role="columnheader" class="colhead ${d === today ? 'today' : ''}" data-day=${d}
            tabindex=${d === this.anchor && focusItem === undefined ? '0' : '-1'} aria-current=${ifDefined(d === today ? 'date' : undefined)}>
            <span aria-hidden="true">${head.format(dayAsDate(d))}</span><span class="visually-hidden">${this.#dayLabel(d)}, ${t.eventCount(model.columns[col]!.length)}</span>
          </div>`,
        )}
      </div>
      <div class="allday" role="row">
        <span class="hour" role="rowheader">${t.allDay}</span>
        ${model.days.map(
          (_, col) => html`<div class="allday-cell" role="gridcell">
            ${model.allDay.segments.map((s, item) =>
              s.col === col
                ? this.#eventButton(s.placed, {
                    cls: 'bar', item, tabbable: tabbable(item),
                    style: { 'grid-column': `${s.col + 2} / span ${s.span}`, 'grid-row': `${s.lane + 1}` },
                  })
                : nothing,
            )}
          </div>`,
        )}
      </div>
      <div class="timegrid" role="row">
        <div class="hours" role="rowheader">
          <span class="visually-hidden">${t.timed}</span>
          ${Array.from({ length: 24 }, (_, h) => html`<span class="hour" aria-hidden="true">${hour.format(Date.UTC(2000, 0, 1, h))}</span>`)}
        </div>
        ${model.days.map(
          (day, col) => html`<div class="daycol" role="gridcell" data-day=${day} tabindex="-1">
            ${model.blocks[col]!.map(({ block: b, item }) =>
              this.#eventButton(b.placed, {
                cls: 'block', time: true, item, tabbable: tabbable(item),
                style: {
                  top: `${(b.top / 1440) * 100}%`,
                  height: `${(b.length / 1440) * 100}%`,
                  left: `${(b.column / b.columns) * 100}%`,
                  width: `${100 / b.columns}%`,
                },
              }),
            )}
          </div>`,
        )}
      </div>
    </div>`;
  }

  #renderList(range: Range, placed: Placed[], loading: boolean): TemplateResult {
    const t = this.#t;
    if (loading) {
      return html`<div class="list skeleton" part="list" aria-hidden="true">${[0, 1, 2].map(() => html`<div class="ghost"></div>`)}</div>`;
    }
    const days: [string, Placed[]][] = [];
    for (let day = range.start; day < range.end; day = addDays(day, 1)) {
      const onDay = placed.filter((p) => covers(p, day));
      if (onDay.length) days.push([day, onDay]);
    }
    const hold = this.#listHold?.key === this.#listKey(range) ? `${this.#listHold.px}px` : undefined;
    if (!days.length) {
      return html`<div ${styleProps({ 'min-height': hold })}><div class="state" part="list empty"><h3>${t.noEvents}</h3><p>${t.noEventsHint}</p></div></div>`;
    }
    // The period holding today starts at today (on a phone, the month's past weeks came first);
    // the days before it wait behind one button. A search shows every day it finds.
    const today = todayIn(this.#zone);
    const key = this.#listKey(range);
    const earlier = days.findIndex(([day]) => day >= today);
    const hidden = earlier > 0 && !this.search.trim() && this.#pastShownFor !== key ? earlier : 0;
    return html`${hidden
        ? html`<p class="earlier"><button type="button" class="button secondary" part="earlier" @click=${() => this.#showEarlier(key)}>
            ${t.earlierDays(hidden)}
          </button></p>`
        : nothing}<ol class="list" part="list" ${styleProps({ 'min-height': hold })}>
      ${days.slice(hidden).map(
        ([day, items]) => html`<li>
          <h3 class="list-day" tabindex="-1">${this.#dayLabel(day)}</h3>
          <ul>
            ${items.map((p) => html`<li>${this.#listRow(p, day)}</li>`)}
          </ul>
        </li>`,
      )}
    </ol>`;
  }

  /** Shows the list's earlier days, keeping the reader's place at the first of them. */
  #showEarlier(key: string): void {
    this.#pastShownFor = key;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.list .list-day')?.focus());
  }

  #listRow(p: Placed, day: string): TemplateResult {
    const t = this.#t;
    const time = p.event.allDay
      ? t.allDay
      : `${p.firstDay === day ? this.#time(p.startMs) : '…'}–${p.lastDay === day ? this.#time(p.endMs) : '…'}`;
    const own = !p.event.allDay && p.event.timeZone !== this.#zone;
    return html`<button type="button" part="event" class="event row-event" @click=${(e: MouseEvent) => this.#openEvent(p, e.currentTarget as HTMLElement)}>
      <span class="time">${time}${own ? html`<small> (${t.localTime(this.#time(p.startMs, p.event.timeZone), p.event.timeZone)})</small>` : nothing}</span>
      <span class="title">${p.event.title}</span>
      <span class="meta">${this.#marker(p.event.category)}${this.#categoryLabel(p.event.category)}${p.event.location ? ` · ${p.event.location.name}` : ''}</span>
    </button>`;
  }

  #renderDialog(placed: Placed[]): TemplateResult | typeof nothing {
    const t = this.#t;
    const close = html`<button class="button secondary close" type="button" @click=${() => this.#dialog?.close()}>${this.coreStrings.close}</button>`;
    if (this.dialogEvent) return html`${this.#renderDetail(this.dialogEvent)}<div class="actions">${this.dialogDay
      ? html`<button class="button secondary" type="button" @click=${this.#backToDay}>${t.back}</button>`
      : nothing}${close}</div>`;
    const day = this.dialogDay;
    if (!day) return nothing;
    const items = placed.filter((p) => covers(p, day));
    return html`<h2 id="dialog-title" tabindex="-1">${t.eventsOn(this.#dayLabel(day))}</h2>
      ${items.length
        ? html`<ul class="day-list">${items.map((p) => html`<li>${this.#listRow(p, day)}</li>`)}</ul>`
        : html`<p>${t.noEvents}</p>`}
      <div class="actions">${close}</div>`;
  }

  #renderDetail(p: Placed): TemplateResult {
    const t = this.#t;
    const e = p.event;
    const newTab = html`<span class="visually-hidden"> ${this.coreStrings.opensInNewTab}</span>`;
    const external = (href: string | undefined, label: string) =>
      href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}${newTab}</a>` : nothing;
    const online = safeHttpUrl(e.onlineUrl);
    const ended = p.endMs <= Date.now();
    // Registering for an event that is over leads nowhere; the rest of its detail still helps.
    const registration = ended ? undefined : safeHttpUrl(e.registrationUrl);
    const zone = this.#zone;
    const details = [e.description, registration ?? online ?? ''].filter(Boolean).join('\n\n');
    if (!this.#icsUrl) {
      const ics = buildIcs(e, { nowMs: Date.now(), uidDomain: this.client ? new URL(this.client.baseUrl).hostname : 'inno-widgets', url: registration ?? online });
      this.#icsUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    }
    const feed = this.client?.eventsFeedUrl({ category: this.category || undefined });
    return html`<article class="detail">
      <h2 id="dialog-title" tabindex="-1">${e.title}</h2>
      ${ended ? html`<p class="ended" part="ended">${t.ended}</p>` : nothing}
      <dl>
        <dt>${t.when}</dt>
        <dd>
          ${this.#when(p)}
          ${!e.allDay && e.timeZone !== zone ? html`<br /><small>(${t.localTime(this.#when(p, e.timeZone), e.timeZone)})</small>` : nothing}
        </dd>
        ${e.location || online
          ? html`<dt>${t.where}</dt>
              <dd>
                ${e.location && online ? html`<strong>${t.hybrid}</strong><br />` : nothing}
                ${e.location ? html`${e.location.name}${e.location.address ? html`<br />${e.location.address}` : nothing}` : nothing}
                ${online ? html`${e.location ? html`<br />` : html`${t.online}: `}${external(online, t.joinOnline)}` : nothing}
              </dd>`
          : nothing}
        ${e.organizer ? html`<dt>${t.organizer}</dt><dd>${e.organizer.name}</dd>` : nothing}
        <dt>${t.category}</dt>
        <dd>${this.#marker(e.category)}${this.#categoryLabel(e.category)}</dd>
      </dl>
      ${paragraphs(e.description).map((para) => html`<p>${para}</p>`)}
      ${registration ? html`<p>${external(registration, t.register)}</p>` : nothing}
      <h3>${t.addToCalendar}</h3>
      <ul class="add">
        <li><a href=${this.#icsUrl} download=${`${e.id}.ics`} class="ics">${t.downloadIcs}</a></li>
        <li>${external(googleCalendarUrl(e, details), t.google)}</li>
        <li>${external(outlookUrl(e, details), t.outlook)}</li>
        ${feed ? html`<li><a class="subscribe" href=${feed}>${t.subscribe}</a></li>` : nothing}
      </ul>
    </article>`;
  }
}
