/**
 * Journey: open an event and add it to a calendar, keyboard only: Tab into the month grid,
 * arrow keys to a day with an event, Enter lists the day, Tab and Enter open the event, Tab
 * reaches "Download .ics" and Enter activates it; the file is the event. Escape returns the
 * focus to the day.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../../src/index.js';
import { deepActive, focusedWidget, focusLandsOn, press, startAtTopOfPage, tabTo } from './support/keyboard.js';

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

describe('journey: open an event and add it to a calendar by keyboard', () => {
  it('month grid → arrows → Enter → event → .ics download activates', async function () {
    this.timeout(40_000);
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Agenda inovasi</h1>
      <inno-provider api-base="/api/v1" locale="en">
        <inno-event-calendar view="month"></inno-event-calendar>
      </inno-provider>
    </main>`);
    const calendar = page.querySelector('inno-event-calendar')!;
    const root = calendar.shadowRoot!;
    await waitUntil(() => root.querySelector('div.calendar')?.getAttribute('aria-busy') === 'false', 'the month loaded', { timeout: 8000 });
    await waitUntil(() => root.querySelector('[role=gridcell] button.event'), 'events in the month', { timeout: 8000 });

    startAtTopOfPage();
    const start = await tabTo((el) => focusedWidget() === 'inno-event-calendar' && el.getAttribute('role') === 'gridcell', 'the month grid');
    // One day in the grid is in the Tab order: the current one.
    expect(root.querySelectorAll('[role=gridcell][tabindex="0"]')).to.have.length(1);

    // A day of this month with an event, other than the starting day if there is one.
    const month = start.dataset['day']!.slice(0, 7);
    const withEvents = [...root.querySelectorAll<HTMLElement>('[role=gridcell]:not(.outside)')].filter(
      (c) => c.dataset['day']!.startsWith(month) && c.querySelector('button.event'),
    );
    expect(withEvents.length, 'the demo data has events this month').to.be.greaterThan(0);
    const target = withEvents.find((c) => c !== start) ?? withEvents[0]!;
    const targetDay = target.dataset['day']!;
    let diff = dayNumber(targetDay) - dayNumber(start.dataset['day']!);
    while (Math.abs(diff) >= 7) {
      await press(diff > 0 ? 'ArrowDown' : 'ArrowUp');
      diff -= diff > 0 ? 7 : -7;
    }
    for (; diff !== 0; diff -= Math.sign(diff)) await press(diff > 0 ? 'ArrowRight' : 'ArrowLeft');
    await focusLandsOn((el) => (el as HTMLElement).dataset['day'] === targetDay, `the day ${targetDay}`);

    await press('Enter');
    const dialog = root.querySelector<HTMLDialogElement>('dialog[part~=dialog]')!;
    await waitUntil(() => dialog.open, 'the day dialog opens');
    await focusLandsOn((el) => dialog.contains(el), 'the day dialog');
    const eventButton = await tabTo((el) => dialog.contains(el) && el.matches('button.event'), "the day's first event", { max: 5 });
    const title = eventButton.querySelector('.title')!.textContent.trim();
    await press('Enter');
    await waitUntil(() => dialog.querySelector('.detail h2')?.textContent?.trim() === title, 'the event detail');
    await focusLandsOn((el) => el.id === 'dialog-title', "the event's title");

    // Activating the download: record the click the Enter key makes, and keep the headless
    // browser from writing a file (the download itself is the browser's, not the widget's).
    const activated: string[] = [];
    const onClick = (e: Event) => {
      const link = e.composedPath()[0] as Element;
      if (link instanceof HTMLAnchorElement && link.classList.contains('ics')) {
        activated.push(link.href);
        e.preventDefault();
      }
    };
    root.addEventListener('click', onClick, true);
    try {
      const ics = (await tabTo((el) => el.matches('a.ics'), 'the "Download .ics" link', { max: 12 })) as HTMLAnchorElement;
      expect(ics.textContent.trim()).to.not.equal('');
      expect(ics.getAttribute('download')).to.match(/\.ics$/);
      await press('Enter');
      await waitUntil(() => activated.length === 1, 'Enter activates the .ics link');
    } finally {
      root.removeEventListener('click', onClick, true);
    }
    expect(activated[0]).to.match(/^blob:/);
    const vevent = ICAL.Component.fromString(await (await fetch(activated[0]!)).text()).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).to.equal(title);
    // The other ways to add it are one Tab away each.
    await tabTo((el) => el.matches('a[target=_blank]') && /google/i.test(el.textContent), 'the Google Calendar link', { max: 3 });

    await press('Escape');
    await waitUntil(() => !dialog.open, 'Escape closes the dialog');
    await focusLandsOn((el) => (el as HTMLElement).dataset['day'] === targetDay, 'the day that opened the dialog');
    expect(deepActive()!.getAttribute('role')).to.equal('gridcell');
  });
});
