/**
 * <inno-event-calendar> in Chromium against the reference server (/api/v1, demo data with
 * dates relative to today) and, for faults and hostile data, against
 * test/support/fixtures/event-calendar.ts (/fixture-event-calendar/<scenario>/api/v1).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import { ApiClient } from '../../api/client.js';
import { Event as EventSchema, type Event as CalendarEvent } from '../../api/shapes.js';
import { todayIn } from '../../core/format.js';
import type { InnoEventCalendar } from './index.js';
import './index.js';
import { place } from './layout.js';
import { WARM_UP_EVENT } from './warm.js';
import { addDays, addMonths, dayOf, instantOf, wallAt } from './time.js';

const FIXTURE = '/fixture-event-calendar';
const JAKARTA = 'Asia/Jakarta';
const api = new ApiClient({ baseUrl: '/api/v1' });

interface RangeDetail {
  from: string;
  to: string;
  view: string;
}

function root(el: InnoEventCalendar): ShadowRoot {
  return el.shadowRoot!;
}

async function loaded(el: InnoEventCalendar): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => root(el).querySelector('div.calendar')?.getAttribute('aria-busy') === 'false', 'calendar did not load', { timeout: 8000 });
  await el.updateComplete;
}

/** Renders a calendar and remembers every range it announces. */
async function render(attrs: string, ranges: RangeDetail[] = []): Promise<InnoEventCalendar> {
  const host = await fixture<HTMLDivElement>(html`<div @inno-range-change=${(e: CustomEvent<RangeDetail>) => ranges.push(e.detail)}></div>`);
  host.innerHTML = `<inno-event-calendar ${attrs}></inno-event-calendar>`;
  const el = host.firstElementChild as InnoEventCalendar;
  await el.updateComplete;
  return el;
}

function cell(el: InnoEventCalendar, day: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`);
  if (!found) throw new Error(`no cell for ${day}`);
  return found;
}

function buttonsTitled(el: InnoEventCalendar, title: string): HTMLButtonElement[] {
  return [...root(el).querySelectorAll<HTMLButtonElement>('button.event')].filter((b) => b.querySelector('.title')?.textContent === title);
}

async function seen(): Promise<string[]> {
  return (await fetch(`${FIXTURE}/seen`)).json() as Promise<string[]>;
}

/** Events of the demo data around today, to find what the server holds. */
async function demoEvents(): Promise<CalendarEvent[]> {
  const today = todayIn(JAKARTA);
  const from = new Date(instantOf(addDays(today, -60), 0, JAKARTA)).toISOString();
  const to = new Date(instantOf(addDays(today, 90), 0, JAKARTA)).toISOString();
  return (await api.listEvents({ from, to })).items;
}

function timeIn(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

/** Any CSS colour (`#hex`, `rgb()`, `oklab()` as computed) as 0–255 sRGB channels, through a canvas. */
function rgb(css: string): number[] {
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}
/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('calendar arithmetic in a zone', () => {
  it('agrees with Intl on both sides of a daylight-saving change and across the date line', () => {
    const cases: [string, string][] = [
      ['Europe/Amsterdam', '2026-03-29'], ['Europe/Amsterdam', '2026-10-25'], ['America/New_York', '2026-03-08'],
      ['Asia/Jakarta', '2026-11-13'], ['Pacific/Kiritimati', '2026-01-01'], ['Asia/Kathmandu', '2026-06-30'],
    ];
    for (const [zone, day] of cases) {
      for (const minutes of [0, 90, 150, 180, 720, 1439]) {
        const ms = instantOf(day, minutes, zone);
        const expected = new Intl.DateTimeFormat('en-CA', {
          timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
        }).format(ms);
        const w = wallAt(ms, zone);
        const got = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}, ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
        expect(got, `${zone} ${day} +${minutes}`).to.equal(expected);
      }
    }
    // 02:30 does not exist in Amsterdam on 29 March 2026: it maps to the first instant after the gap.
    expect(wallAt(instantOf('2026-03-29', 150, 'Europe/Amsterdam'), 'Europe/Amsterdam').hour).to.equal(3);
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
  });

  it('names the day of any instant as Intl does, on days with and without an offset change', () => {
    const zones = ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Jakarta', 'Pacific/Chatham', 'America/St_Johns'];
    const start = Date.UTC(2026, 0, 1);
    for (const zone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      // Every 7 h 13 min through the year: every hour of the day comes round, on every kind of day.
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 26_580_000) {
        expect(dayOf(ms, zone), `${zone} ${new Date(ms).toISOString()}`).to.equal(intl.format(ms));
      }
      // Both sides of each change, to the minute.
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 3_600_000) {
        const before = wallAt(ms - 60_000, zone);
        const after = wallAt(ms, zone);
        const gap = (after.hour * 60 + after.minute - (before.hour * 60 + before.minute) + 1440) % 1440;
        if (gap !== 1) expect(dayOf(ms, zone), `${zone} change at ${new Date(ms).toISOString()}`).to.equal(intl.format(ms));
      }
    }
  });
});

describe('<inno-event-calendar>', () => {
  beforeEach(async () => {
    await fetch(`${FIXTURE}/reset`);
  });

  describe('against the reference server', () => {
    it('shows every occurrence of the month in its day cells, and is accessible', async () => {
      const ranges: RangeDetail[] = [];
      const el = await render(`api-base="/api/v1" view="month" time-zone="${JAKARTA}" locale="en"`, ranges);
      await loaded(el);
      expect(ranges).to.have.length(1);
      const { from, to } = ranges[0]!;
      const { items } = await api.listEvents({ from, to });
      expect(items.length).to.be.greaterThan(5);
      const placed = items.map((e) => place(e, JAKARTA));
      for (const gridcell of root(el).querySelectorAll<HTMLElement>('[role="gridcell"]')) {
        const day = gridcell.dataset['day']!;
        const n = placed.filter((p) => p.firstDay <= day && day <= p.lastDay).length;
        expect(gridcell.querySelector('.day-label')!.textContent, day).to.match(n === 0 ? /no events$/ : new RegExp(`, ${n} events?$`));
      }
      // Every drawn chip is one of the server's events, in its own day's cell.
      for (const chip of root(el).querySelectorAll<HTMLButtonElement>('[role="gridcell"] button.event')) {
        const title = chip.querySelector('.title')!.textContent;
        expect(items.some((e) => e.title === title), title ?? '').to.equal(true);
      }
      const live = root(el).querySelector('.live')!;
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(live.textContent).to.contain(root(el).querySelector('h2#period')!.textContent.trim());
      await expect(el).to.be.accessible();
    });

    it('shows a weekly 09:00 Asia/Jakarta series at 09:00 in Jakarta and at the Tokyo wall-clock time in Tokyo', async () => {
      const series = (await demoEvents()).find(
        (e) => e.seriesId && e.timeZone === JAKARTA && !e.allDay && timeIn(e.start, JAKARTA) === '09.00',
      );
      expect(series, 'a 09:00 Jakarta series in the demo data').to.exist;
      const day = place(series!, JAKARTA).firstDay;
      for (const zone of [JAKARTA, 'Asia/Tokyo']) {
        const el = await render(`api-base="/api/v1" view="week" date="${day}" time-zone="${zone}"`);
        await loaded(el);
        const [block] = buttonsTitled(el, series!.title).filter((b) => b.classList.contains('block'));
        expect(block, zone).to.exist;
        expect(block!.querySelector('.time')!.textContent).to.equal(timeIn(series!.start, zone));
        await expect(el).to.be.accessible();
      }
      expect(timeIn(series!.start, 'Asia/Tokyo')).not.to.equal(timeIn(series!.start, JAKARTA));
      // The list and the dialog also give the event's own zone when it differs.
      const list = await render(`api-base="/api/v1" view="list" date="${day}" time-zone="Asia/Tokyo"`);
      await loaded(list);
      // Every occurrence of the weekly series reads the same.
      const row = buttonsTitled(list, series!.title).find((b) => b.closest('.list'))!;
      expect(row.querySelector('.time')!.textContent).to.contain(`${timeIn(series!.start, 'Asia/Tokyo')}`);
      expect(row.querySelector('.time small')!.textContent).to.equal(` (${timeIn(series!.start, JAKARTA)} waktu ${JAKARTA})`);
    });

    it('lists the occurrences grouped by day', async () => {
      const ranges: RangeDetail[] = [];
      const el = await render(`api-base="/api/v1" view="list" time-zone="${JAKARTA}"`, ranges);
      await loaded(el);
      const { from, to, view } = ranges[0]!;
      expect(view).to.equal('list');
      const { items } = await api.listEvents({ from, to });
      const placed = items.map((e) => place(e, JAKARTA));
      const monthStart = new Date(from).getTime();
      const today = todayIn(JAKARTA);
      const days = new Set<string>();
      const rowsOn = new Map<string, number>();
      for (const p of placed) {
        for (let d = p.firstDay; d <= p.lastDay; d = addDays(d, 1)) {
          if (instantOf(d, 0, JAKARTA) >= monthStart && instantOf(d, 0, JAKARTA) < Date.parse(to)) {
            days.add(d);
            rowsOn.set(d, (rowsOn.get(d) ?? 0) + 1);
          }
        }
      }
      const count = (keep: (day: string) => boolean) => [...rowsOn].filter(([d]) => keep(d)).reduce((n, [, k]) => n + k, 0);
      const earlierDays = [...days].filter((d) => d < today).length;
      const headings = () => root(el).querySelectorAll('.list-day');
      const rows = () => root(el).querySelectorAll('.list button.event');

      // This month's list starts at today; the days before it wait behind one button.
      expect(days.size - earlierDays, 'the demo month has events from today on').to.be.greaterThan(0);
      expect(headings()).to.have.length(days.size - earlierDays);
      expect(rows()).to.have.length(count((d) => d >= today));
      const more = root(el).querySelector<HTMLButtonElement>('[part~="earlier"]');
      if (earlierDays === 0) {
        expect(more).to.equal(null);
      } else {
        expect(more!.textContent.trim()).to.equal(`Tampilkan ${earlierDays} hari sebelumnya`);
        await expect(el).to.be.accessible();
        more!.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        // Every day now, and the keyboard is at the first of them.
        expect(root(el).querySelector('[part~="earlier"]')).to.equal(null);
        expect(root(el).activeElement).to.equal(headings()[0]);
      }
      expect(headings()).to.have.length(days.size);
      expect(rows()).to.have.length(count(() => true));
      await expect(el).to.be.accessible();
    });

    it('spans all-day and multi-day events across their cells', async () => {
      const events = await demoEvents();
      for (const multi of [events.find((e) => e.allDay && place(e, JAKARTA).lastDay > place(e, JAKARTA).firstDay), events.find((e) => !e.allDay && place(e, JAKARTA).lastDay > place(e, JAKARTA).firstDay)]) {
        expect(multi, 'a multi-day event in the demo data').to.exist;
        const p = place(multi!, JAKARTA);
        const el = await render(`api-base="/api/v1" view="month" date="${p.firstDay}" time-zone="${JAKARTA}"`);
        await loaded(el);
        const [bar] = buttonsTitled(el, multi!.title);
        expect(bar!.classList.contains('bar')).to.equal(true);
        // The bar starts in its first day's cell and reaches the last day of that week row.
        const first = cell(el, p.firstDay);
        expect(first.contains(bar!)).to.equal(true);
        const row = first.parentElement!;
        const cells = [...row.children] as HTMLElement[];
        const lastInRow = cells.filter((c) => c.dataset['day']! <= p.lastDay).at(-1)!;
        const barBox = bar!.getBoundingClientRect();
        expect(Math.abs(barBox.right - lastInRow.getBoundingClientRect().right)).to.be.lessThan(8);
        for (let d = p.firstDay; d <= lastInRow.dataset['day']!; d = addDays(d, 1)) {
          expect(cell(el, d).querySelector('.day-label')!.textContent).not.to.match(/no events$/);
        }
      }
    });

    it('builds an .ics that a real parser reads with the right instant, and calendar links', async () => {
      const target = (await demoEvents()).find((e) => e.seriesId && !e.allDay)!;
      const selected: string[] = [];
      const el = await render(`api-base="/api/v1" view="list" date="${place(target, JAKARTA).firstDay}" time-zone="${JAKARTA}"`);
      el.addEventListener('inno-event-select', (e) => selected.push(e.detail.id));
      await loaded(el);
      const opener = buttonsTitled(el, target.title).find((b) => b.closest('.list'))!;
      opener.click();
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(selected).to.have.length(1);
      const chosen = place(
        (await api.listEvents({ from: new Date(Date.parse(target.start) - 864e5 * 40).toISOString(), to: new Date(Date.parse(target.start) + 864e5 * 40).toISOString() })).items.find((e) => e.id === selected[0])!,
        JAKARTA,
      );
      expect(dialog.querySelector('h2')!.textContent).to.equal(target.title);
      const link = dialog.querySelector<HTMLAnchorElement>('a.ics')!;
      expect(link.download).to.match(/\.ics$/);
      const text = await (await fetch(link.href)).text();
      expect(text).to.contain('\r\n');
      expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);
      const vevent = ICAL.Component.fromString(text).getFirstSubcomponent('vevent')!;
      const dtstart = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(dtstart.toJSDate().getTime()).to.equal(chosen.startMs);
      expect((vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime()).to.equal(chosen.endMs);
      expect(vevent.getFirstPropertyValue('summary')).to.equal(chosen.event.title);
      expect(vevent.getFirstPropertyValue('description')).to.equal(chosen.event.description);
      expect(vevent.getFirstPropertyValue('uid')).to.contain(chosen.event.id);
      const external = [...dialog.querySelectorAll<HTMLAnchorElement>('a[target="_blank"]')];
      expect(external.map((a) => new URL(a.href).hostname)).to.include.members(['calendar.google.com', 'outlook.live.com']);
      for (const a of external) expect(a.rel).to.equal('noopener noreferrer');
      await expect(el).to.be.accessible();
      // Escape closes; focus goes back to the row that opened it.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      await waitUntil(() => root(el).activeElement === opener, 'focus back on the row');
    });

    it('writes an all-day event as VALUE=DATE on its own dates', async () => {
      const festival = (await demoEvents()).find((e) => e.allDay && place(e, JAKARTA).lastDay > place(e, JAKARTA).firstDay)!;
      const p = place(festival, JAKARTA);
      const el = await render(`api-base="/api/v1" view="list" date="${p.firstDay}" time-zone="America/New_York"`);
      await loaded(el);
      buttonsTitled(el, festival.title)[0]!.click();
      await el.updateComplete;
      const text = await (await fetch(root(el).querySelector<HTMLAnchorElement>('dialog a.ics')!.href)).text();
      const vevent = ICAL.Component.fromString(text).getFirstSubcomponent('vevent')!;
      const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(start.isDate).to.equal(true);
      expect(start.toString()).to.equal(p.firstDay);
      expect(end.toString()).to.equal(addDays(p.lastDay, 1));
    });

    it('narrows the view and the feed link to the chosen category', async () => {
      const ranges: RangeDetail[] = [];
      const el = await render(`api-base="/api/v1" view="month" time-zone="${JAKARTA}" locale="en"`, ranges);
      await loaded(el);
      const feed = () => root(el).querySelector<HTMLAnchorElement>('.footer a.subscribe')!;
      expect(new URL(feed().href).searchParams.has('category')).to.equal(false);
      await waitUntil(() => root(el).querySelectorAll('select option').length > 1, 'categories loaded');
      const select = root(el).querySelector('select')!;
      select.value = 'workshop';
      select.dispatchEvent(new Event('change'));
      await loaded(el);
      expect(el.category).to.equal('workshop');
      expect(new URL(feed().href).pathname).to.match(/\/api\/v1\/events\.ics$/);
      expect(new URL(feed().href).searchParams.get('category')).to.equal('workshop');
      const { from, to } = ranges.at(-1)!;
      const [all, workshops] = await Promise.all([api.listEvents({ from, to }), api.listEvents({ from, to, category: 'workshop' })]);
      expect(workshops.items.length).to.be.lessThan(all.items.length);
      const titles = new Set(workshops.items.map((e) => e.title));
      const chips = [...root(el).querySelectorAll('[role="gridcell"] button.event .title')].map((t) => t.textContent);
      expect(chips.length).to.be.greaterThan(0);
      for (const title of chips) expect(titles.has(title), title).to.equal(true);
    });

    it('warms its checks with an event the schema accepts', () => {
      expect(EventSchema.safeParse(WARM_UP_EVENT).success).to.equal(true);
    });

    it('says when an event is over, and leaves out its registration link', async () => {
      const now = Date.now();
      const events = (await demoEvents()).filter((e) => e.registrationUrl && !e.seriesId);
      const past = events.find((e) => Date.parse(e.end) < now - 864e5);
      const upcoming = events.find((e) => Date.parse(e.start) > now + 864e5);
      expect(past, 'the demo data has a past event with registration').to.exist;
      expect(upcoming, 'and an upcoming one').to.exist;
      for (const [event, over] of [[past!, true], [upcoming!, false]] as const) {
        const el = await render(`api-base="/api/v1" view="list" locale="id" date="${place(event, JAKARTA).firstDay}" time-zone="${JAKARTA}"`);
        await loaded(el);
        // (In this month, days before today are behind a button.)
        root(el).querySelector<HTMLButtonElement>('[part~="earlier"]')?.click();
        await el.updateComplete;
        buttonsTitled(el, event.title).find((b) => b.closest('.list'))!.click();
        await el.updateComplete;
        const dialog = root(el).querySelector('dialog')!;
        expect(dialog.querySelector('[part~="ended"]')?.textContent, event.title).to.equal(over ? 'Acara ini sudah selesai.' : undefined);
        const links = [...dialog.querySelectorAll<HTMLAnchorElement>('a')].map((a) => a.href);
        expect(links.includes(new URL(event.registrationUrl!).href), event.title).to.equal(!over);
        expect(dialog.querySelector('a.ics'), 'it can still go into a calendar').to.exist;
        await expect(el).to.be.accessible();
      }
    });

    it('passes axe in the dark theme in every view', async () => {
      const el = await render(`api-base="/api/v1" view="month" time-zone="${JAKARTA}"`);
      await loaded(el);
      el.setAttribute('data-inno-theme', 'dark');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      for (const view of ['month', 'week', 'list'] as const) {
        el.view = view;
        await loaded(el);
        await expect(el).to.be.accessible();
      }
      // The category markers (colours from the API, chosen for light pages) keep 3:1 on the
      // dark background (WCAG 1.4.11), and stay as they are in the light theme.
      const markers = [...root(el).querySelectorAll<HTMLElement>('.legend .marker')];
      expect(markers.length).to.be.greaterThan(1);
      const background = rgb(getComputedStyle(el).getPropertyValue('--_bg'));
      for (const marker of markers) {
        const ratio = contrast(rgb(getComputedStyle(marker).color), background);
        expect(ratio, `${marker.parentElement!.textContent.trim()}: ${ratio.toFixed(2)}:1`).to.be.at.least(3);
      }
      el.removeAttribute('data-inno-theme');
      const term = markers[0]!.style.getPropertyValue('--_term');
      expect(rgb(getComputedStyle(markers[0]!).color)).to.deep.equal(rgb(term));
    });

    it('defaults to the list below 600 px', async () => {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 320px"><inno-event-calendar api-base="/api/v1"></inno-event-calendar></div>`);
      const el = host.querySelector('inno-event-calendar')!;
      await loaded(el);
      expect(root(el).querySelector('[part~="list"]')).to.exist;
      expect(root(el).querySelector('[role="grid"]')).to.equal(null);
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('navigation and keyboard', () => {
    it('fetches exactly the visible range, caches it and prefetches the next one', async () => {
      const ranges: RangeDetail[] = [];
      const el = await render(`api-base="${FIXTURE}/record/api/v1" view="month" date="2026-03" time-zone="${JAKARTA}"`, ranges);
      await loaded(el);
      // March 2026 starts on a Sunday and ends on a Tuesday: Monday 23 Feb to Sunday 5 Apr, Jakarta midnights.
      const march = 'record?from=2026-02-22T17%3A00%3A00.000Z&to=2026-04-05T17%3A00%3A00.000Z';
      const april = 'record?from=2026-03-29T17%3A00%3A00.000Z&to=2026-05-03T17%3A00%3A00.000Z';
      expect((await seen())[0]).to.equal(march);
      expect(ranges[0]).to.deep.equal({ from: '2026-02-22T17:00:00.000Z', to: '2026-04-05T17:00:00.000Z', view: 'month' });
      // The next month is fetched while the reader looks at this one.
      await waitUntil(async () => (await seen()).includes(april), 'April prefetched', { timeout: 5000 });
      const next = root(el).querySelectorAll<HTMLButtonElement>('.nav button')[1]!;
      next.click();
      await loaded(el);
      expect(ranges.at(-1)).to.deep.equal({ from: '2026-03-29T17:00:00.000Z', to: '2026-05-03T17:00:00.000Z', view: 'month' });
      expect(root(el).querySelector('h2#period')!.textContent).to.contain('April 2026');
      root(el).querySelectorAll<HTMLButtonElement>('.nav button')[0]!.click();
      await loaded(el);
      const requests = await seen();
      expect(requests.filter((r) => r === march)).to.have.length(1);
      expect(requests.filter((r) => r === april)).to.have.length(1);
      // A week view asks for Monday to Monday.
      el.view = 'week';
      await loaded(el);
      // date="2026-03" is Sunday 1 March: its week runs from Monday 23 February.
      expect(ranges.at(-1)).to.deep.equal({ from: '2026-02-22T17:00:00.000Z', to: '2026-03-01T17:00:00.000Z', view: 'week' });
    });

    it('moves by day, week, month and within the week with the keys, and announces the period', async () => {
      const el = await render(`api-base="${FIXTURE}/record/api/v1" view="month" date="2026-03-11" time-zone="${JAKARTA}" locale="en"`);
      await loaded(el);
      const focused = () => (root(el).activeElement as HTMLElement | null)?.dataset['day'];
      expect(root(el).querySelectorAll('[role="gridcell"][tabindex="0"]')).to.have.length(1);
      cell(el, '2026-03-11').focus();
      const press = async (key: string, day: string) => {
        await sendKeys({ press: key });
        await el.updateComplete;
        expect(focused(), key).to.equal(day);
        expect(root(el).querySelectorAll('[role="gridcell"][tabindex="0"]')).to.have.length(1);
      };
      await press('ArrowRight', '2026-03-12');
      await press('ArrowDown', '2026-03-19');
      await press('ArrowLeft', '2026-03-18');
      await press('ArrowUp', '2026-03-11');
      await press('Home', '2026-03-09');
      await press('End', '2026-03-15');
      await press('PageDown', '2026-04-15');
      expect(root(el).querySelector('h2#period')!.textContent).to.equal('April 2026');
      await loaded(el);
      await waitUntil(() => root(el).querySelector('.live')!.textContent.startsWith('April 2026'), 'announced');
      await press('PageUp', '2026-03-15');
      await loaded(el);
      await waitUntil(() => root(el).querySelector('.live')!.textContent.startsWith('March 2026, month view: 2 events'), 'announced March');
      // Enter opens the day's events; Escape returns to the cell.
      await press('ArrowUp', '2026-03-08');
      await press('ArrowDown', '2026-03-15');
      const withEvents = root(el).querySelector<HTMLElement>('[role="gridcell"] button.event')!.closest<HTMLElement>('[role="gridcell"]')!;
      withEvents.click();
      await el.updateComplete;
      expect(focused()).to.equal(withEvents.dataset['day']);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.querySelectorAll('button.event')).to.have.length(1);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      expect(focused()).to.equal(withEvents.dataset['day']);
    });

    it('walks the week grid by day and event from one tab stop, across weeks, and announces where it is', async () => {
      const ranges: RangeDetail[] = [];
      const el = await render(`api-base="${FIXTURE}/week/api/v1" view="week" date="2026-03-11" time-zone="${JAKARTA}" locale="en"`, ranges);
      await loaded(el);
      const grid = root(el).querySelector<HTMLElement>('[role="grid"][part~="week"]')!;
      const live = root(el).querySelector('.live')!;
      // Where the focus is: a day (its column header) or an event (its title).
      const focused = () => {
        const active = root(el).activeElement as HTMLElement | null;
        return active?.dataset['day'] ? `day ${active.dataset['day']}` : `event ${active?.querySelector('.title')?.textContent ?? '?'}`;
      };
      const stop = () => [...grid.querySelectorAll<HTMLElement>('[tabindex="0"]')];
      // One tab stop, the date's day; Tab from the search field lands on it and the next Tab leaves the grid.
      expect(stop()).to.have.length(1);
      expect(stop()[0]!.getAttribute('role')).to.equal('columnheader');
      root(el).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal('day 2026-03-11');
      const period = () => root(el).querySelector('h2#period')!.textContent.trim();
      const press = async (key: string, where: string, said?: string | (() => string)) => {
        await sendKeys({ press: key });
        await el.updateComplete;
        await loaded(el);
        expect(focused(), key).to.equal(where);
        expect(stop(), key).to.deep.equal([root(el).activeElement]);
        const message = typeof said === 'function' ? said() : said;
        if (message) await waitUntil(() => live.textContent === message, `${key} announced "${message}", not "${live.textContent}"`);
      };
      await press('ArrowLeft', 'day 2026-03-10', 'Tuesday, 10 March 2026, 3 events.');
      // Down: the all-day row first, then by time; the last event holds.
      await press('ArrowDown', 'event Festival', 'Tuesday, 10 March 2026, 3 events; event 1 of 3.');
      await press('ArrowDown', 'event Rapat', 'Tuesday, 10 March 2026, 3 events; event 2 of 3.');
      await press('ArrowDown', 'event Kelas');
      await press('ArrowDown', 'event Kelas');
      await press('ArrowUp', 'event Rapat');
      // Enter opens the event; Escape brings the focus back to it.
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.querySelector('h2')!.textContent).to.equal('Rapat');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      expect(focused()).to.equal('event Rapat');
      // Right keeps the row where the next day has one: Wednesday's only event is the festival.
      await press('ArrowRight', 'event Festival', 'Wednesday, 11 March 2026, 1 event; event 1 of 1.');
      await press('ArrowRight', 'event Temu', 'Thursday, 12 March 2026, 1 event; event 1 of 1.');
      await press('ArrowUp', 'day 2026-03-12', 'Thursday, 12 March 2026, 1 event.');
      // Enter on a day lists it.
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(dialog.open).to.equal(true);
      expect([...dialog.querySelectorAll('button.event .title')].map((t) => t.textContent)).to.deep.equal(['Temu']);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      expect(focused()).to.equal('day 2026-03-12');
      await press('Home', 'day 2026-03-09', 'Monday, 9 March 2026, no events.');
      await press('End', 'day 2026-03-15', 'Sunday, 15 March 2026, no events.');
      expect(ranges).to.have.length(1);
      // Right from Sunday: the next week (fetched while the reader was in this one), announced with the day.
      const next = 'week?from=2026-03-15T17%3A00%3A00.000Z&to=2026-03-22T17%3A00%3A00.000Z';
      await waitUntil(async () => (await seen()).includes(next), 'the next week prefetched', { timeout: 5000 });
      await sendKeys({ press: 'ArrowRight' });
      await loaded(el);
      expect(focused()).to.equal('day 2026-03-16');
      expect(ranges.at(-1)).to.deep.equal({ from: '2026-03-15T17:00:00.000Z', to: '2026-03-22T17:00:00.000Z', view: 'week' });
      expect(period()).to.match(/16.+22 March 2026/);
      await waitUntil(() => live.textContent === `${period()}, week view: 4 events. Monday, 16 March 2026, no events.`, `the new week announced, not "${live.textContent}"`);
      await press('ArrowRight', 'day 2026-03-17');
      await press('ArrowDown', 'event Festival');
      // PageUp and PageDown: the same weekday a week away, on the same row.
      await press('PageUp', 'event Festival', () => `${period()}, week view: 4 events. Tuesday, 10 March 2026, 3 events; event 1 of 3.`);
      expect(ranges.at(-1)).to.deep.equal({ from: '2026-03-08T17:00:00.000Z', to: '2026-03-15T17:00:00.000Z', view: 'week' });
      await press('ArrowDown', 'event Rapat');
      await press('PageDown', 'event Rapat', () => `${period()}, week view: 4 events. Tuesday, 17 March 2026, 3 events; event 2 of 3.`);
      // Left from a Monday into a week never seen: fetched for exactly its range.
      await press('PageUp', 'event Rapat');
      await press('Home', 'day 2026-03-09');
      await press('ArrowLeft', 'day 2026-03-08', () => `${period()}, week view: 4 events. Sunday, 8 March 2026, no events.`);
      expect(ranges.at(-1)).to.deep.equal({ from: '2026-03-01T17:00:00.000Z', to: '2026-03-08T17:00:00.000Z', view: 'week' });
      expect(await seen()).to.include('week?from=2026-03-01T17%3A00%3A00.000Z&to=2026-03-08T17%3A00%3A00.000Z');
      // Going back and forth asked for each week once.
      const requests = (await seen()).filter((r) => r.startsWith('week?'));
      expect(requests).to.have.length(new Set(requests).size);
      await expect(el).to.be.accessible();
    });

    it('keeps the week legible in a 360 px widget: days keep their width and the week scrolls to the focused day', async () => {
      const el = await render(`api-base="${FIXTURE}/week/api/v1" view="week" date="2026-03-09" time-zone="${JAKARTA}" locale="en"`);
      // Through the CSSOM: the test page's CSP refuses style attributes.
      el.style.width = '360px';
      await loaded(el);
      const week = root(el).querySelector<HTMLElement>('[role="grid"][part~="week"]')!;
      const columns = [...root(el).querySelectorAll<HTMLElement>('.daycol')];
      expect(columns).to.have.length(7);
      // Before, seven columns shared 360 px: 34 px each, titles broken letter by letter.
      for (const column of columns) expect(column.getBoundingClientRect().width).to.be.at.least(64);
      expect(week.scrollWidth).to.be.greaterThan(week.clientWidth);
      // A block is wide enough for its start time on one line.
      const [temu] = buttonsTitled(el, 'Temu');
      expect(temu!.querySelector('.time')!.getClientRects()).to.have.length(1);
      // The keys reach the week's far end, and it scrolls into view.
      root(el).querySelector<HTMLElement>('[role="columnheader"][data-day="2026-03-09"]')!.focus();
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      const sunday = root(el).activeElement as HTMLElement;
      expect(sunday.dataset['day']).to.equal('2026-03-15');
      const box = sunday.getBoundingClientRect();
      const view = week.getBoundingClientRect();
      expect(box.right).to.be.at.most(view.right + 1);
      expect(box.left).to.be.at.least(view.left - 1);
      await expect(el).to.be.accessible();
    });

    it('makes a focused event or day of the week grid its tab stop', async () => {
      const el = await render(`api-base="${FIXTURE}/week/api/v1" view="week" date="2026-03-09" time-zone="${JAKARTA}" locale="en"`);
      await loaded(el);
      const stop = () => [...root(el).querySelectorAll<HTMLElement>('[role="grid"] [tabindex="0"]')];
      const active = () => root(el).activeElement as HTMLElement;
      const [temu] = buttonsTitled(el, 'Temu');
      temu!.focus();
      await el.updateComplete;
      expect(stop()).to.deep.equal([temu]);
      // A bar that began earlier in the week belongs to its first day there.
      const [festival] = buttonsTitled(el, 'Festival');
      festival!.focus();
      await el.updateComplete;
      expect(stop()).to.deep.equal([festival]);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(active().dataset['day']).to.equal('2026-03-10');
      expect(active().getAttribute('role')).to.equal('columnheader');
      // A click on a day's free hours focuses its column: the keys go on from that day.
      const friday = root(el).querySelector<HTMLElement>('.daycol[data-day="2026-03-13"]')!;
      friday.focus();
      await el.updateComplete;
      expect(stop().map((s) => s.dataset['day'])).to.deep.equal(['2026-03-13']);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(active().dataset['day']).to.equal('2026-03-12');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active().querySelector('.title')!.textContent).to.equal('Temu');
    });

    it('puts a crowded day behind "+N more", which opens the day list', async () => {
      const el = await render(`api-base="${FIXTURE}/crowded/api/v1" view="month" date="2026-03" time-zone="${JAKARTA}" locale="id"`);
      await loaded(el);
      const more = root(el).querySelector<HTMLButtonElement>('button.more')!;
      expect(more.textContent).to.equal('+5 lainnya');
      expect(more.getAttribute('aria-label')).to.equal('5 lainnya pada Kamis, 5 Maret 2026');
      const day = more.closest<HTMLElement>('[role="gridcell"]')!;
      expect(day.querySelectorAll('button.event')).to.have.length(3);
      expect(day.querySelector('.day-label')!.textContent).to.match(/8 acara$/);
      more.click();
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.querySelectorAll('button.event')).to.have.length(8);
      // From the day list into one event and back.
      dialog.querySelector<HTMLButtonElement>('button.event')!.click();
      await el.updateComplete;
      expect(dialog.querySelector('h2')!.textContent).to.equal('Acara padat-0');
      // The content changed under the focus: the new heading holds it.
      expect(root(el).activeElement === dialog.querySelector('h2')).to.equal(true);
      await expect(el).to.be.accessible();
      dialog.querySelector<HTMLButtonElement>('.actions button')!.click();
      await el.updateComplete;
      expect(dialog.querySelectorAll('button.event')).to.have.length(8);
      dialog.close();
      await waitUntil(() => root(el).activeElement === more, 'focus back on "+N more"');
    });
  });

  it('asks only for the organiser, program and category it is given', async () => {
    const el = await render(`api-base="${FIXTURE}/record/api/v1" view="list" date="2026-03" time-zone="${JAKARTA}" organizer="sh-unikra" program="pr-inkubator-4" category="seminar"`);
    await loaded(el);
    const query = new URLSearchParams((await seen())[0]!.replace(/^record\?/, ''));
    expect(Object.fromEntries(query)).to.deep.equal({
      from: '2026-02-28T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z', category: 'seminar', organizer: 'sh-unikra', program: 'pr-inkubator-4',
    });
    expect(new URL(root(el).querySelector<HTMLAnchorElement>('.footer a.subscribe')!.href).searchParams.get('category')).to.equal('seminar');
  });

  it('never shows one API base\'s cached events for another', async () => {
    const el = await render(`api-base="${FIXTURE}/record/api/v1" view="list" date="2026-03" time-zone="${JAKARTA}"`);
    await loaded(el);
    expect(root(el).querySelectorAll('.list button.event')).to.have.length(2);
    el.apiBase = `${FIXTURE}/empty/api/v1`;
    await loaded(el);
    await waitUntil(() => root(el).querySelector('.state'), 'empty state of the other base');
    expect(root(el).querySelectorAll('.list button.event')).to.have.length(0);
  });

  it('searches within the range, accent- and case-insensitively, and announces the result', async () => {
    const el = await render(`api-base="${FIXTURE}/record/api/v1" view="month" date="2026-03" time-zone="${JAKARTA}" locale="en"`);
    await loaded(el);
    const live = root(el).querySelector('.live')!;
    expect(live.textContent).to.equal('March 2026, month view: 2 events.');
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'SÓRE';
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect([...root(el).querySelectorAll('button.event .title')].map((t) => t.textContent)).to.deep.equal(['Acara sore']);
    expect(live.textContent).to.equal('March 2026, month view: 1 event.');
    // Switching the view is announced too.
    root(el).querySelectorAll<HTMLButtonElement>('.views button')[2]!.click();
    await waitUntil(() => live.textContent === 'March 2026, list view: 1 event.', 'list view announced');
    expect(root(el).querySelector('.views button[aria-pressed="true"]')!.textContent).to.equal('List');
  });

  it('finds, within the period, exactly what the server\'s q finds, in both languages', async () => {
    // The demo data's titles and descriptions; places and organisers are not searched.
    const queries = [
      'KLÍNIK', 'mingguan inovasi', 'Inovasi   MINGGUAN', 'ＤＡＴＡ', 'daring', 'cakrawala', 'kopi', 'Universitas', 'kelás data', 'zzz tidak ada',
    ];
    let found = 0;
    for (const locale of ['en', 'id'] as const) {
      const ranges: RangeDetail[] = [];
      const el = await render(`api-base="/api/v1" view="list" time-zone="${JAKARTA}" locale="${locale}"`, ranges);
      await loaded(el);
      const { from, to } = ranges[0]!;
      const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
      const live = root(el).querySelector('.live')!;
      for (const q of queries) {
        input.value = q;
        input.dispatchEvent(new InputEvent('input'));
        await el.updateComplete;
        const { items } = await api.listEvents({ from, to, q });
        const shown = new Set([...root(el).querySelectorAll('.list button.event .title')].map((t) => t.textContent));
        expect([...shown].sort(), `${locale} "${q}"`).to.deep.equal([...new Set(items.map((e) => e.title))].sort());
        const n = new Set(items.map((e) => e.id)).size;
        expect(live.textContent, `${locale} "${q}"`).to.contain(locale === 'en' ? (n === 0 ? 'no events' : `${n} event`) : (n === 0 ? 'tidak ada acara' : `${n} acara`));
        found += items.length;
      }
    }
    expect(found, 'some queries find events').to.be.greaterThan(0);
  });

  describe('states', () => {
    it('holds the grid while loading', async () => {
      const el = await render(`api-base="${FIXTURE}/hang/api/v1" view="month" date="2026-03" locale="en"`);
      const section = root(el).querySelector('div.calendar')!;
      expect(section.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('.status')!.textContent).to.contain('Loading');
      expect(root(el).querySelectorAll('[role="gridcell"]')).to.have.length(42);
      const height = root(el).querySelector('[role="grid"]')!.getBoundingClientRect().height;
      expect(height).to.be.greaterThan(200);
      await expect(el).to.be.accessible();
      el.remove(); // aborts the hanging request
    });

    it('reserves the list\'s height while it loads, so that nothing below it moves when it arrives', async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // A short list, an empty period, and a list longer than the screen.
      for (const scenario of ['slowrecord', 'slowempty', 'slowcrowded']) {
        const shifts: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        });
        observer.observe({ type: 'layout-shift' });
        const host = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
        host.innerHTML = `<inno-event-calendar api-base="${FIXTURE}/${scenario}/api/v1" date="2026-03" time-zone="${JAKARTA}" locale="en"></inno-event-calendar>`;
        const el = host.firstElementChild as InnoEventCalendar;
        await el.updateComplete;
        await waitUntil(() => root(el).querySelectorAll('.legend li').length === 2, 'the legend, before the events');
        expect(root(el).querySelector('.list.skeleton'), scenario).to.exist;
        await frame();
        const before = el.getBoundingClientRect().height;
        const footer = root(el).querySelector('.footer')!;
        const footerBefore = footer.getBoundingClientRect().top;
        await loaded(el);
        await frame();
        await frame();
        const after = el.getBoundingClientRect().height;
        shifts.push(...(observer.takeRecords() as unknown as { value: number }[]).map((e) => e.value));
        observer.disconnect();
        expect(root(el).querySelector('.list.skeleton'), scenario).to.equal(null);
        expect(shifts, `${scenario}: layout shifts`).to.deep.equal([]);
        if (scenario === 'slowcrowded') {
          // Eight rows do not fit: the list grows, but only below the screen.
          expect(root(el).querySelectorAll('.list button.event')).to.have.length(8);
          expect(footerBefore).to.be.at.least(window.innerHeight);
          expect(after).to.be.greaterThan(before);
        } else {
          expect(after, scenario).to.equal(before);
          expect(footer.getBoundingClientRect().top, scenario).to.equal(footerBefore);
          // The kept space is below the last day, not spread between the days.
          for (const day of root(el).querySelectorAll('.list > li')) {
            const gap = day.getBoundingClientRect().bottom - day.lastElementChild!.getBoundingClientRect().bottom;
            expect(gap, `${scenario}: a day ends with its events`).to.be.below(1);
          }
        }
        el.remove();
      }
    });

    it('says so when a period has no events', async () => {
      const el = await render(`api-base="${FIXTURE}/empty/api/v1" view="list" date="2026-03" locale="en"`);
      await loaded(el);
      expect(root(el).querySelector('.state')!.textContent).to.contain('No events in this period.');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that recovers', async () => {
      await fetch(`${FIXTURE}/down?on=1`);
      const el = await render(`api-base="${FIXTURE}/switch/api/v1" view="month" date="2026-03" time-zone="${JAKARTA}" locale="en"`);
      await waitUntil(() => root(el).querySelector('[part="error"]'), 'error shown', { timeout: 8000 });
      expect(root(el).querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
      expect(root(el).querySelector('[part="error"]')!.textContent).to.contain('503');
      await expect(el).to.be.accessible();
      await fetch(`${FIXTURE}/down?on=0`);
      root(el).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
      await waitUntil(() => buttonsTitled(el, 'Acara pagi').length > 0, 'recovered', { timeout: 8000 });
      expect(root(el).querySelector('[part="error"]')).to.equal(null);
      expect(buttonsTitled(el, 'Acara pagi')).to.have.length(1);
      // The button went with the error; the focus stays in the widget, on the period's heading.
      expect(root(el).activeElement?.id).to.equal('period');
    });

    it('keeps hostile text and links inert and skips items that break the contract', async () => {
      const el = await render(`api-base="${FIXTURE}/hostile/api/v1" view="list" date="2026-03" time-zone="${JAKARTA}" locale="en"`);
      await loaded(el);
      const w = window as unknown as { __pwned?: number };
      expect(root(el).querySelector('.status')!.textContent).to.contain('2 items could not be shown.');
      const [row] = buttonsTitled(el, '<img src=x onerror="window.__pwned=1">Forum');
      expect(row).to.exist;
      row!.click();
      await el.updateComplete;
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.querySelector('h2')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">Forum');
      // (The description's paragraphs; this March event is over, which the notice above them says.)
      expect(dialog.querySelector('[part~="ended"]')).to.exist;
      expect([...dialog.querySelectorAll('.detail > p:not(.ended)')].map((p) => p.textContent)).to.deep.equal([
        '<script>window.__pwned=1</script>',
        'Paragraf kedua <b>tebal</b>',
      ]);
      expect(root(el).querySelectorAll('img, script, b')).to.have.length(0);
      // On site and online at once: both, said in words, and the online link opens safely.
      expect(dialog.querySelector('dd strong')!.textContent).to.equal('On site and online');
      const online = [...dialog.querySelectorAll<HTMLAnchorElement>('dd a')].find((a) => a.href === 'https://rapat.example/aman')!;
      expect(online.target).to.equal('_blank');
      expect(online.rel).to.equal('noopener noreferrer');
      expect(online.textContent).to.contain('(opens in a new tab)');
      for (const a of root(el).querySelectorAll('a')) expect(a.href).to.match(/^(https?|blob):/);
      await new Promise((r) => setTimeout(r, 50));
      expect(w.__pwned).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('explains a missing API base', async () => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await render('');
        await waitUntil(() => root(el).querySelector('[part="config-error"]'));
        expect(errors).to.have.length(1);
      } finally {
        console.error = original;
      }
    });
  });

  // Last: a policy added to the page cannot be taken back.
  it('renders every view and the dialog under a strict style-src policy without a violation', async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
    const el = await render(`api-base="/api/v1" view="month" time-zone="${JAKARTA}"`);
    await loaded(el);
    for (const view of ['week', 'list'] as const) {
      el.view = view;
      await loaded(el);
    }
    root(el).querySelector<HTMLButtonElement>('.list button.event')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    // The bars really got their computed geometry and colours through the CSSOM.
    el.view = 'month';
    await loaded(el);
    const marker = root(el).querySelector<HTMLElement>('.cell .event .marker')!;
    expect(marker.style.getPropertyValue('--_term')).to.match(/^#[0-9a-f]{3,6}$/i);
    expect(violations).to.deep.equal([]);
  });
});
