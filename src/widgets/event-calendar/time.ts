/**
 * Calendar arithmetic in an IANA time zone, with Intl only (no library).
 *
 * Days are `YYYY-MM-DD` strings: a calendar day is a label, not an instant, and the
 * same label covers different instants in different zones. Instants are epoch ms.
 */

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** The wall clock of an instant in a zone. */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

const QUARTER_HOUR = 900_000;
const offsets = new Map<string, number>();

function cachedOffset(key: string, make: () => number): number {
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = make();
    if (offsets.size > 20_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The zone's offset at a whole minute, from Intl (one formatToParts call). */
function offsetFromIntl(ms: number, zone: string): number {
  const w: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(ms)) {
    if (part.type !== 'literal') w[part.type] = Number(part.value);
  }
  return Date.UTC(w['year']!, w['month']! - 1, w['day'], w['hour']! % 24, w['minute']) - ms;
}

/**
 * The zone's offset from UTC at an instant, in ms. A zone's offset changes a few times a
 * year at most, so each UTC day is asked about once, at both ends: where they agree, that
 * offset holds all day (a month of 2 000 events costs some eighty Intl calls, not 4 000).
 * Offsets change only on quarter hours of UTC, so a day with a change is asked about per
 * quarter hour.
 */
function offsetAt(ms: number, zone: string): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const allDay = cachedOffset(`${zone}|${day}|day`, () => {
    const start = offsetFromIntl(day, zone);
    return start === offsetFromIntl(day + DAY_MS, zone) ? start : NaN;
  });
  if (!Number.isNaN(allDay)) return allDay;
  const bucket = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  return cachedOffset(`${zone}|${bucket}`, () => offsetFromIntl(bucket, zone));
}

/** An instant as the ms of its wall clock in a zone, read as if it were UTC. */
export function localMs(ms: number, zone: string): number {
  return ms + offsetAt(ms, zone);
}

/** Wall-clock parts of an instant in a zone. */
export function wallAt(ms: number, zone: string): Wall {
  const d = new Date(localMs(ms, zone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/**
 * The instant of a wall-clock time in a zone. Twice corrected so that it lands right next to
 * an offset change; a time that a change skips maps to the instant just after it.
 */
export function instantOf(day: string, minutes: number, zone: string): number {
  const floating = toUtc(day).getTime() + minutes * 60_000;
  let ms = floating - offsetAt(floating, zone);
  ms = floating - offsetAt(ms, zone);
  return ms;
}

const dayNames = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dayName(n: number): string {
  let name = dayNames.get(n);
  if (name === undefined) {
    name = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 20_000) dayNames.clear();
    dayNames.set(n, name);
  }
  return name;
}

/** The day number (days since 1970-01-01) of an instant's wall clock in a zone. */
export function dayNumberOf(ms: number, zone: string): number {
  return Math.floor(localMs(ms, zone) / DAY_MS);
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function dayOf(ms: number, zone: string): string {
  return dayName(dayNumberOf(ms, zone));
}

/** Minutes since midnight of an instant's wall clock in a zone. */
export function minutesOf(ms: number, zone: string): number {
  const w = wallAt(ms, zone);
  return w.hour * 60 + w.minute;
}

function toUtc(day: string): Date {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return fromUtc(new Date(toUtc(day).getTime() + n * DAY_MS));
}

/** The same day of another month, clamped to that month's length (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const date = toUtc(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return fromUtc(target);
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday in Indonesia, as in ISO 8601). */
export function weekdayIndex(day: string): number {
  return (toUtc(day).getUTCDay() + 6) % 7;
}

export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** A day as a Date at noon UTC, to format it with Intl in `timeZone: 'UTC'`. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** The zone when this runtime knows it, else the browser's. */
export function validZone(zone: string | undefined): string {
  if (zone) {
    try {
      partsFormat(zone);
      return zone;
    } catch {
      // An unknown zone falls back to the browser's.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A valid `date` attribute (`YYYY-MM` or `YYYY-MM-DD`) as a day; else undefined. */
export function parseDateAttribute(value: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
  const date = toUtc(day);
  return Number.isNaN(date.getTime()) || fromUtc(date) !== day ? undefined : day;
}
