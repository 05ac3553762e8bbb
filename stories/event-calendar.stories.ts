import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/widgets/event-calendar/index.js';
import { localeControl, optionalChoice } from './controls.js';

interface CalendarArgs {
  view?: 'month' | 'week' | 'list';
  date?: string;
  category?: string;
  organizer?: string;
  program?: string;
  timeZone?: string;
  apiBase?: string;
  locale?: 'id' | 'en';
}

/**
 * `<inno-event-calendar>` shows the ecosystem's forums, workshops, hackathons and exhibitions
 * from `GET /events`: a month grid (arrow keys by day, PageUp/PageDown by month, Home/End
 * within the week, Enter for the day's events), a week time-grid with an all-day row (Left/Right
 * by day, Up/Down through the day's events, PageUp/PageDown by week, Enter to open), and a
 * list grouped by day (the default below 600 px). Times follow `time-zone` (default: the
 * browser's); an event opens in a dialog with "add to calendar" (.ics, Google, Outlook) and a
 * subscribe link that honours the category filter.
 */
const meta = {
  title: 'Elements/inno-event-calendar',
  component: 'inno-event-calendar',
  args: { view: 'month', timeZone: 'Asia/Jakarta' },
  argTypes: {
    view: { control: 'inline-radio', options: ['month', 'week', 'list'] },
    date: { control: 'text', description: '`YYYY-MM` or `YYYY-MM-DD`; default today.' },
    timeZone: { control: 'select', options: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Tokyo', 'Europe/Amsterdam', 'UTC'] },
    category: optionalChoice('select', ['workshop', 'seminar', 'hackathon', 'exhibition', 'community', 'training', 'pitching'], 'all'),
    organizer: { control: 'text' },
    program: { control: 'text' },
    apiBase: { control: 'text' },
    locale: localeControl,
  },
  render: (args) => html`<inno-event-calendar
    api-base=${args.apiBase ?? nothing}
    view=${args.view ?? nothing}
    date=${args.date ?? nothing}
    category=${args.category ?? nothing}
    organizer=${args.organizer ?? nothing}
    program=${args.program ?? nothing}
    time-zone=${args.timeZone ?? nothing}
    locale=${args.locale ?? nothing}
  ></inno-event-calendar>`,
} satisfies Meta<CalendarArgs>;

export default meta;
type Story = StoryObj<CalendarArgs>;

/** This month in the city's zone: all-day and multi-day events span their cells. */
export const Month: Story = {};

/** `view="week"`: a time-grid with an all-day row; one tab stop, then the arrow keys through days and events. */
export const Week: Story = { args: { view: 'week' } };

/** `view="list"`: events grouped by day, as phones show them. */
export const List: Story = { args: { view: 'list' } };

/** `time-zone="Asia/Tokyo"`: the weekly 09:00 WIB clinic shows at 11:00, with its own zone in the list and the dialog. */
export const OtherTimeZone: Story = { args: { view: 'list', timeZone: 'Asia/Tokyo' } };

/** `category="workshop"`: only workshops; the subscribe link narrows to them too. */
export const Category: Story = { args: { category: 'workshop' } };

/** A campus shows only its own events (`organizer`). */
export const CampusOrganizer: Story = { args: { view: 'list', organizer: 'sh-unikra' } };

/** No events in the period. */
export const Empty: Story = { args: { view: 'list', apiBase: '/fixture-event-calendar/empty/api/v1' } };

/** The server fails: an error state with a retry button. */
export const ServerError: Story = { args: { apiBase: '/fixture-event-calendar/down/api/v1' } };

/** 320 px wide: the list is the default and nothing scrolls sideways. */
export const Narrow: Story = {
  args: { view: undefined },
  render: (args) => html`<div style=${styleMap({ width: '320px', outline: '1px dashed #767f8f' })}>${meta.render(args)}</div>`,
};
