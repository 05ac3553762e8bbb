import type { Locale } from './i18n/locale.js';

/** BCP 47 tags for Intl: Indonesian as used in Indonesia, English as written there too. */
const INTL_TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export function intlTag(locale: Locale): string {
  return INTL_TAG[locale];
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();

/** A formatter made once per key (creating one costs more than formatting with it). */
export function cachedFormat<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** A cached `Intl.DateTimeFormat`. */
export function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormat(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(INTL_TAG[locale], options));
}

export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cachedFormat(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(INTL_TAG[locale], options));
}

/** A `YYYY-MM-DD` calendar date as a Date at noon UTC, so no zone moves it to another day. */
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** Formats a `YYYY-MM-DD` date, e.g. "13 November 2025" / "13 Nov 2025". */
export function formatCalendarDate(locale: Locale, isoDate: string, style: 'long' | 'medium' = 'long'): string {
  return dateFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(calendarDate(isoDate));
}

/** Today's date (`YYYY-MM-DD`) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  const format = cachedFormat(`today|${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
