import type { Translations } from '../../core/i18n/index.js';

export interface CalendarStrings {
  calendar: string;
  previous: Record<'month' | 'week' | 'list', string>;
  next: Record<'month' | 'week' | 'list', string>;
  today: string;
  views: string;
  view: Record<'month' | 'week' | 'list', string>;
  category: string;
  allCategories: string;
  search: string;
  legend: string;
  allDay: string;
  /** Screen-reader summary of the visible period and view. */
  periodSummary: (period: string, view: string, n: number) => string;
  eventCount: (n: number) => string;
  /** Where the focus is among a day's events in the week grid. */
  eventOf: (i: number, n: number) => string;
  /** Row header of the week's timed events. */
  timed: string;
  more: (n: number) => string;
  moreLabel: (n: number, day: string) => string;
  noEvents: string;
  noEventsHint: string;
  /** The list's button for the days of the period before today. */
  earlierDays: (n: number) => string;
  continues: string;
  loadingEvents: string;
  eventsOn: (day: string) => string;
  back: string;
  when: string;
  where: string;
  online: string;
  hybrid: string;
  organizer: string;
  register: string;
  /** Said in the detail of an event that is over (its registration link is then left out). */
  ended: string;
  joinOnline: string;
  addToCalendar: string;
  downloadIcs: string;
  google: string;
  outlook: string;
  subscribe: string;
  /** The time in the event's own zone, when the display zone differs. */
  localTime: (time: string, zone: string) => string;
  shownIn: (zone: string) => string;
}

const en: CalendarStrings = {
  calendar: 'Event calendar',
  previous: { month: 'Previous month', week: 'Previous week', list: 'Previous month' },
  next: { month: 'Next month', week: 'Next week', list: 'Next month' },
  today: 'Today',
  views: 'View',
  view: { month: 'Month', week: 'Week', list: 'List' },
  category: 'Category',
  allCategories: 'All categories',
  search: 'Search this period',
  legend: 'Categories',
  allDay: 'All day',
  periodSummary: (period, view, n) => `${period}, ${view.toLowerCase()} view: ${n === 0 ? 'no events' : n === 1 ? '1 event' : `${n} events`}.`,
  eventCount: (n) => (n === 0 ? 'no events' : n === 1 ? '1 event' : `${n} events`),
  eventOf: (i, n) => `event ${i} of ${n}`,
  timed: 'At set times',
  more: (n) => `+${n} more`,
  moreLabel: (n, day) => `${n} more on ${day}`,
  noEvents: 'No events in this period.',
  noEventsHint: 'Try another period, category or search.',
  earlierDays: (n) => (n === 1 ? 'Show 1 earlier day' : `Show ${n} earlier days`),
  continues: 'continues',
  loadingEvents: 'Loading events…',
  eventsOn: (day) => `Events on ${day}`,
  back: 'Back to the day',
  when: 'When',
  where: 'Where',
  online: 'Online',
  hybrid: 'On site and online',
  organizer: 'Organiser',
  register: 'Register',
  ended: 'This event has ended.',
  joinOnline: 'Join online',
  addToCalendar: 'Add to calendar',
  downloadIcs: 'Download .ics file',
  google: 'Google Calendar',
  outlook: 'Outlook',
  subscribe: 'Subscribe to the calendar',
  localTime: (time, zone) => `${time} in ${zone}`,
  shownIn: (zone) => `Times in ${zone}`,
};

const id: CalendarStrings = {
  calendar: 'Kalender acara',
  previous: { month: 'Bulan sebelumnya', week: 'Minggu sebelumnya', list: 'Bulan sebelumnya' },
  next: { month: 'Bulan berikutnya', week: 'Minggu berikutnya', list: 'Bulan berikutnya' },
  today: 'Hari ini',
  views: 'Tampilan',
  view: { month: 'Bulan', week: 'Minggu', list: 'Agenda' },
  category: 'Kategori',
  allCategories: 'Semua kategori',
  search: 'Cari di periode ini',
  legend: 'Kategori',
  allDay: 'Sepanjang hari',
  periodSummary: (period, view, n) => `${period}, tampilan ${view.toLowerCase()}: ${n === 0 ? 'tidak ada acara' : `${n} acara`}.`,
  eventCount: (n) => (n === 0 ? 'tidak ada acara' : `${n} acara`),
  eventOf: (i, n) => `acara ${i} dari ${n}`,
  timed: 'Pada jam tertentu',
  more: (n) => `+${n} lainnya`,
  moreLabel: (n, day) => `${n} lainnya pada ${day}`,
  noEvents: 'Tidak ada acara pada periode ini.',
  noEventsHint: 'Coba periode, kategori, atau kata kunci lain.',
  earlierDays: (n) => `Tampilkan ${n} hari sebelumnya`,
  continues: 'berlanjut',
  loadingEvents: 'Memuat acara…',
  eventsOn: (day) => `Acara pada ${day}`,
  back: 'Kembali ke acara hari itu',
  when: 'Waktu',
  where: 'Tempat',
  online: 'Daring',
  hybrid: 'Luring dan daring',
  organizer: 'Penyelenggara',
  register: 'Daftar',
  ended: 'Acara ini sudah selesai.',
  joinOnline: 'Ikuti secara daring',
  addToCalendar: 'Tambahkan ke kalender',
  downloadIcs: 'Unduh berkas .ics',
  google: 'Google Calendar',
  outlook: 'Outlook',
  subscribe: 'Langganan kalender',
  localTime: (time, zone) => `${time} waktu ${zone}`,
  shownIn: (zone) => `Waktu dalam zona ${zone}`,
};

export const calendarStrings: Translations<CalendarStrings> = { id, en };
